"""The words of a follower bound's direction: "under 50k", "at least 10k", "10k or more", "between 5k and 20k".

Closed classes of English and the languages briefs mix in, lower case, matched against the lower-cased tokens of
spaCy's English tokenizer (as `matcher.briefs.lexicon`).
"""

from __future__ import annotations

# comparison cues, as token sequences; the reader tries longer ones first
UPPER_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "under", "below", "beneath", "less than", "less of", "less then", "fewer than", "no more than", "not more than",
    "not more", "no bigger than",
    "no larger than", "up to", "upto", "at most", "max", "max .", "maximum", "a maximum of", "maximum of", "<",
    "<=", "≤", "smaller than", "lower than", "no over", "not over", "not above", "not exceeding", "sub",
    "sub -", "sub-", "capped at", "no higher than", "at or below", "at or under", "not bigger than", "ceiling",
    "hasta", "até", "ate", "máximo", "maximo", "menos de", "bis", "höchstens", "unter", "pas plus de", "moins de",
    "jusqu' à", "jusqu'à", "no más de", "no mas de", "não mais de", "nicht mehr als", "maximum de",
    "ceiling of", "ceiling :", "cap of", "cap :",
    "not larger than", "not higher than", "maximal", "max.", "maksimal", "maks", "tối đa",
    "cap at", "capped", "maximum of subscribers", "maximum of followers", "no more of", "not more of", "until",
    "till",
    "under like", "below like", "less than like", "maximum audience :", "max audience :", "maximum followers :",
    "max followers :", "maximum followers", "max subs :", "max subscribers :", "followers_max :", "max_followers :",
    "followers max :",
    "max followers", "max . followers", "maximum subscribers", "max subscribers", "maximum subs", "max subs",
    "maximaal", "massimo", "au plus", "maksymalnie", "maximálně", "not bigger then", "no bigger then", "bigger then",
    "máx", "máx .", "máx.",
    "smaller then",
))
LOWER_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "over", "above", "past", "beyond", "more than", "more of", "at least", "min", "min .", "minimum", "a minimum of",
    "minimum of", ">", ">=",
    "≥", "bigger than", "larger than", "greater than", "higher than", "no less than", "not less than",
    "no fewer than", "not fewer than", "not under", "not below", "starting at", "starting from", "from",
    "upwards of", "in excess of", "north of", "exceeding", "more then", "minimal", "at or above", "min.", "floor",
    "arriba de", "más de", "mas de", "mais de", "mínimo", "minimo", "mindestens", "über", "ueber",
    "floor of", "floor :", "follower floor", "follower floor of",
    "not smaller than", "no smaller than", "minimum audience :", "min audience :", "minimum followers :",
    "min followers :", "minimum follower count :", "audience minimum :",
    "not less of", "no less of", "minimum of subscribers", "minimum of followers", "follower minimum",
    "subscriber minimum", "minimum followers", "min followers", "min . followers", "minimum subscribers",
    "min subscribers", "minimum subs", "min subs", "almeno", "au moins", "pelo menos", "al menos", "minimaal",
    "minimalnie", "minimálně", "ab", "more as", "pass", "plus de", "à partir de", "minimum de", "mehr als",
    "min subs :", "min subscribers :", "followers_min :",
    "min_followers :", "followers min :", "min follower :", "tối thiểu",
))
# after the amount: "10k or more", "50k and below", "10k+", "100k max"
LOWER_AFTER: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "at minimum", "at the least", "+", "plus", "or more", "and more", "or above", "and above", "and up", "or higher",
    "and higher", "or over",
    "and over", "minimum", "min", "min .", "at least", "upwards", "or bigger", "or larger", "over",
    "- plus", "upward", "and upward", "and upwards", "or up", "pelo menos", "au moins", "se upar", "以上", "이상",
    "ke atas", "trở lên", "se zyada", "se ziada",
))
UPPER_AFTER: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "or less", "or fewer", "and less", "and fewer", "or below", "and below", "and under", "or under", "or lower",
    "max", "max .", "maximum", "at most", "tops", "or smaller", "以下", "이하", "以内", "below", "or lower", "ke bawah",
    "trở xuống", "se kam", "se kum", "tak",
))
RANGE_JOINERS = frozenset({"-", "–", "—", "to", "and", "/", "till", "until", "e", "y", "bis", "et", "&", "se", "a",
                          "und", "à", "hasta", "en", "tot", "sampai", "hingga", "lel"})
# words that open a range ("between 5k and 20k", "zwischen 20.000 und 100.000", "entre 10k y 50k")
RANGE_OPENERS = frozenset({"between", "from", "zwischen", "entre", "tra", "fra"})
