"""Whether a place's name is written as one: capitals, or lower case where briefs write places so.

A name in lower case is often a word ("reading", "nice", "us"): it counts after a place cue, as a whole item of a
list when the city is big, in a brief typed in lower case when the city is big, or before the creators.
"""

from __future__ import annotations

from matcher.briefs.lexicon import AUDIENCE_NOUNS, CREATOR_NOUNS, CREATORS_BY_TRADE, PLACE_CUES
from matcher.briefs.places import PROVINCE_SIZE, Place
from matcher.briefs.tokens import Tokens

# a city this big is read in lower case ('lagos fitness tiktokers'); one of a million as a bare list item or with no cue
LOWER_CASE_CITY = 500_000
MILLION = 1_000_000
# countries whose names are also words (places._WORD_COUNTRIES), but seldom used as such in a brief
_RARELY_WORDS = frozenset({"india", "japan", "oman", "iran", "mali", "peru", "cuba"})
# foods and styles named after a city: in lower case the city names the thing ("kobe beef", "lima beans")
_NAMED_AFTER_CITIES = frozenset({"beef", "bean", "beans", "sprout", "sprouts", "wings", "cream", "cheesesteak",
                                 "style", "pizza", "bagel", "bagels", "mustard", "ham", "sausage"})


def cased_ok(tokens: Tokens, i: int, n: int, place: Place) -> bool:
    """Whether the name at tokens [i, i + n) is written as a place: capitals, a cue, or lower case where briefs
    write places so (a big city in a lower-case brief, "uk creators", "us moms")."""
    first = tokens.words[i]
    if len(tokens.span_text(i, i + n)) <= 3 and place.kind == "city" and place.population < float("inf"):
        return bool(tokens.phrase_ending(i, PLACE_CUES))  # "29 kr at ICA": a short town's name is more often an acronym
    if len(tokens.span_text(i, i + n)) <= 3 or place.kind == "code":
        if n == 1 and 0 < i < len(tokens) - 1 and all(len(word) > 2 and word.isalpha() and word.isupper() for word in (
                tokens.words[i - 1], tokens.words[i + 1])):
            return False  # "BRIEF DE INFLUENCERS": a word of a title written in capitals
        # "uk creators" in a lower-case keyword list, "sg youtubers" before the creators; "us" stays a pronoun
        return tokens.span_text(i, i + n).replace(".", "").isupper() or (tokens.lower[i] == "aus" and first[
            0].isupper()) or tokens.lower[i] in {  # "Aus fitness creators"
            "uk", "usa", "uae", "nyc", "ksa"} or (tokens.lower[i] in {"sg", "hk", "nz", "ph"} and tokens.lower[
                i + n:i + n + 1] != [] and tokens.lower[i + n] in CREATOR_NOUNS) or tokens.lower[
            i + n:i + n + 2] == ["-", "based"] or _lower_us(tokens, i)  # "nz-based creators"
    if place.cased or place.kind in {"city", "subdivision"}:
        # a lower-case city counts only after a place cue ("in madrid", "from valencia")
        # a city of a million or more may be lower case as a whole item of a list ("berlin, munich")
        items = {",", "|", "/", ";", "\n"}
        # so may a state or province in a brief typed in lower case ("gym + gaming tiktokers | 25k-150k | texas")
        listed = ((place.kind == "city" and place.population >= MILLION) or (
            place.kind == "subdivision" and tokens.typed_in_lower_case)) and (
            i == 0 or tokens.words[i - 1] in items) and (i + n >= len(tokens) or tokens.words[i + n] in items)
        # a brief typed in lower case (acronyms aside) says nothing by its capitals: a city of a census size of
        # half a million counts ("lagos fitness tiktokers", "berlin food creators", "skincare creators toronto IG";
        # not a province, whose size is a placeholder: 'reading', 'drama', 'antique' are provinces too), and so
        # does any city before "based" ("glasgow based creators")
        following = tokens.lower[i + n] if i + n < len(tokens) else ""
        big = place.kind in {"city", "subdivision"} and LOWER_CASE_CITY <= place.population < float("inf") and (
            place.population != PROVINCE_SIZE)
        lower_case = big and tokens.typed_in_lower_case and following != "-" and (
            following not in _NAMED_AFTER_CITIES)  # "reading-nook", "kobe beef"
        based = tokens.lower[i + n:i + n + 1] in (["based"], ["-based"]) or (
            tokens.lower[i + n:i + n + 2] == ["-", "based"])
        # "creators india, hindi or english": in a brief typed in lower case, a country that is rarely a word
        # "filming a trip to japan": a destination's cue says it is a place
        word_country = place.kind == "country" and (tokens.typed_in_lower_case or tokens.lower[i - 2:i] in (
            ["trip", "to"], ["trips", "to"], ["travel", "to"], ["flight", "to"], ["holiday", "to"], ["move", "to"],
            ["moving", "to"])) and tokens.lower[i] in _RARELY_WORDS and (
            following not in {"pale", "ink"})  # "india pale ale"
        # "dubai modest fashion creators, 20k-100k": a big city a few words before the creators names where they are
        before_creators = big and following not in _NAMED_AFTER_CITIES and following != "-" and any(
            tokens.lower[k] in CREATORS_BY_TRADE for k in range(i + n, min(i + n + 4, len(tokens))))
        return first[0].isupper() or bool(tokens.phrase_ending(i, PLACE_CUES)) or tokens.lower[i - 1:i] == ["from"] or (
            listed or lower_case or based or word_country or before_creators)
    return True


# what follows a lower-case "us" that names the country: "us only", "us moms", "us based"
_US_AFTER = CREATOR_NOUNS | AUDIENCE_NOUNS | frozenset({"only", "-only", "based", "-based", "market", "moms", "dads",
                                                         "parents", "women", "men", "teens", "students", "gen"})
_LIST_JOINS = frozenset({",", "|", "/", "\n", ";", "+", "&", "and", "or"})


def _lower_us(tokens: Tokens, i: int) -> bool:
    """'mushroom coffee, us only, 21+', 'keto snacks, us moms': "us" opening a list item names the country."""
    return tokens.lower[i] == "us" and (i == 0 or tokens.lower[i - 1] in _LIST_JOINS) and (
        tokens.lower[i + 1:i + 2] != [] and tokens.lower[i + 1] in _US_AFTER)
