"""Names in a brief: a run of capitalized tokens ("Red Bull", "Marks & Spencer", "Zwilling J.A. Henckels").

A name stops at a lower-case word or at punctuation, so "Canada Goose." keeps no full stop; particles join
capitals ("House of Sunny", "Coca-Cola"); a possessive "'s" is left out, except at the end of a competitor's
name ("Bewley's"). Used by the brand and competitor readers.
"""

from __future__ import annotations

from matcher.briefs.brand_cues import GENERIC_ADVERTISERS
from matcher.briefs.city_names import unknown_lower_word
from matcher.briefs.competitor_words import TIE_FILLER
from matcher.briefs.lexicon import (
    AND_OR,
    AUDIENCE_NOUNS,
    CREATOR_NOUNS,
    NEGATION_PHRASES,
    NEGATIONS,
    NOT_NAMES,
    PLATFORM_WORDS,
    TIER_WORDS,
)
from matcher.briefs.places import Gazetteer
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

PARTICLES = frozenset({"&", "of", "de", "du", "la", "le", "des", "del", "di", "della", "delle", "dei", "degli", "da",
                       "do", "dos", "das", "von", "van", "and", "+", "-", "'n", "n'", "n", "x", "the", "to", "at", "y"})
_NAME_LIST_JOINERS = AND_OR | {"nor", "plus", "either", "also", "anything", "by", "anyone", "from", "nobody"}
_EVENTS = frozenset({"black friday", "cyber monday", "prime day", "new year", "new year's", "back to school",
                     "gen z", "mother's day", "father's day", "valentine's day", "singles' day", "lunar new year",
                     "boxing day", "labor day", "labour day", "memorial day", "earth day", "world cup",
                     "chinese new year", "new year's eve",
                     # retail occasions in the languages the briefs mix in (Brazil, Mexico, Colombia, Spain)
                     "dia dos pais", "dia das mães", "dia das maes", "dia dos namorados", "día del padre",
                     "día de la madre", "dia del padre", "dia de la madre", "buen fin", "hot sale", "cyber lunes",
                     "cyber week", "giving tuesday", "singles day", "golden week", "white day", "super bowl"})


def brandlike(word: str) -> bool:
    """'H&M', 'tapas&co', '7UP', 'iRobot': a token shaped like a name whatever its first letter."""
    return "&" in word or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))


# chat words after a lower-case description ("we're a small hostel chain lol"): no name
INTERJECTIONS = frozenset({"lol", "haha", "hahaha", "lmao", "tbh", "btw", "fyi", "pls", "plz", "thx", "tho", "xx"})
# "Vintage-style mugs", "Avianca-style content", "Texas-style BBQ": a style, never a name or a place
STYLE_TAILS = frozenset({"style", "like", "inspired", "esque", "type"})


def _word_ok(tokens: Tokens, i: int, allow_lower: bool, in_list: bool = False) -> bool:
    """Token i can start a name."""
    word, low = tokens.words[i], tokens.lower[i]
    if tokens.words[i + 1:i + 2] == ["-"] and tokens.lower[i + 2:i + 3] != [] and tokens.lower[i + 2] in STYLE_TAILS:
        return False
    if tokens.is_punct(i) or not any(c.isalpha() for c in word) or (word[0].isdigit() and any(
            word.lower().endswith(scale) for scale in ("k", "m", "mn", "mio"))):
        return False  # "3.1 Sahara Motors", "25k": a number is no name
    if low.startswith(("under-", "over-")) and any(c.isdigit() for c in low):
        return False  # "for under-14s": an age
    if low in STOP_WORDS and word[0].isupper() and word[1:].islower():
        # "The North Face", "On Running", "More Nutrition"; "Next" inside a list of names
        nxt = i + 1 < len(tokens) and tokens.is_capitalized(i + 1) and tokens.lower[i + 1] not in STOP_WORDS
        return in_list or nxt
    if in_list and word[0].isupper() and (low not in NOT_NAMES or (
            i + 1 < len(tokens) and tokens.is_capitalized(i + 1) and not tokens.is_punct(i + 1)
            and tokens.lower[i + 1] not in NOT_NAMES)):
        return True  # "Glossier, Milk Makeup or Summer Fridays": a common word starts a name of two
    if (word[0].isupper() and not tokens.sentence_start(i) and i + 1 < len(tokens) and tokens.is_capitalized(i + 1)
            and not tokens.is_punct(i + 1) and low not in NOT_NAMES):
        return True  # "Shoppers Drug Mart", "Peak Performance": capitalized words together are a name
    if low in NOT_NAMES or low in GENERIC_ADVERTISERS or low in CREATOR_NOUNS:
        return False
    if low in AUDIENCE_NOUNS or low in TIER_WORDS or low in TIE_FILLER or low in NEGATIONS:
        return False
    if brandlike(word):
        return True
    if tokens.is_capitalized(i):
        return True
    return allow_lower and low not in STOP_WORDS and low not in INTERJECTIONS and word.isalpha()


# "-language", "-based": the hyphenated word describes, it names nothing ("Portuguese-language")
_HYPHEN_MODIFIERS = frozenset({"language", "speaking", "based", "born", "owned", "made", "friendly", "free", "style",
                               "inspired", "led", "focused", "native", "centric", "first"})


def name_end(tokens: Tokens, i: int, allow_lower: bool = False, limit: int = 5, in_list: bool = False,
             digits: bool = False) -> int | None:
    """End (exclusive) of the name starting at token i, or None when no name starts there."""
    if i >= len(tokens) or not tokens.free(i, i + 1) or not _word_ok(tokens, i, allow_lower, in_list):
        return None
    end = i + 1
    while end < len(tokens) and end - i < limit and not _closes(tokens.words[end - 1]):
        low = tokens.lower[end]
        if low in {"'s", "’s"}:
            if end + 1 < len(tokens) and tokens.is_capitalized(end + 1) and not tokens.is_punct(end + 1) and (
                    tokens.lower[end + 1] not in NOT_NAMES and tokens.lower[end + 1] + "'s" not in NOT_NAMES):
                end += 2  # "Lily's Kitchen" (but "Brightwell Bank's Gen Z savings", "Pike's Q4 push")
                continue
            if digits and (end + 1 >= len(tokens) or tokens.is_punct(end + 1) or tokens.lower[end + 1] in {
                    "or", "and", "nor"}):
                end += 1  # "Bewley's or Insomnia": the name of a competitor keeps its 's
            break
        # a product or season code ends an advertiser's name ("Rêve Paris SS25"); "Trading 212" is a name
        code = any(c.isdigit() for c in low) and not (digits and low.isdigit())
        if "&" in tokens.words[end] and len(tokens.words[end]) > 2:
            break  # "Zara H&M": a name with its own '&' starts a new name
        if low in _LOWER_LEGAL and tokens.words[end].islower() and tokens.free(end, end + 1):
            end += 1  # "Meridian Bank plc": a legal form in lower case ends the name
            break
        if tokens.words[end] == "x" or (low == "x" and tokens.lower[end + 1:end + 2] and tokens.lower[
                end + 1] in NOT_NAMES | {"father", "mother"}):
            break  # "Visit Faroe Islands x Atlantic Airways": partners; "BONDS x FATHER'S DAY": a brand, its occasion
        if (tokens.is_capitalized(end) or brandlike(tokens.words[end])) and not tokens.is_punct(end) and (
                low not in NOT_NAMES - {"x"}) and not code:
            if not tokens.free(end, end + 1):
                break
            end += 1
            continue
        if (low in NOT_NAMES and tokens.words[end][:1].isupper() and end + 1 < len(tokens)
                and tokens.is_capitalized(end + 1) and not tokens.is_punct(end + 1)):
            end += 2  # "Juliette Has A Gun"
            continue
        # "Wool and the Gang": 'and the' inside a name, not between two names
        if (low == "and" and tokens.lower[end + 1:end + 2] == ["the"] and end + 2 < len(tokens)
                and tokens.words[end + 2][:1].isupper()):
            end += 3
            continue
        # a particle joins two capitalized parts: "Marks & Spencer", "House of Sunny", "Coca-Cola"
        if (low in PARTICLES - {"and"} and end + 1 < len(tokens) and tokens.is_capitalized(end + 1)
                and not tokens.is_punct(end + 1) and tokens.free(end, end + 2) and not (
                    low == "-" and tokens.ends[end - 1] < tokens.starts[end] < tokens.ends[end] < tokens.starts[
                        end + 1])):  # "Tostadas La Abuelita - Grupo Alimentario": a spaced dash parts two names
            end += 2
            continue
        # a hyphen with no space either side keeps one word whole: "Co-op", "Roll-on"
        if (low == "-" and end + 1 < len(tokens) and tokens.ends[end - 1] == tokens.starts[end]
                and tokens.ends[end] == tokens.starts[end + 1] and tokens.words[end + 1].isalpha()
                and tokens.lower[end + 1] not in _HYPHEN_MODIFIERS and tokens.free(end, end + 2)):
            end += 2
            continue
        break
    if tokens.span_text(i, end).lower() in _EVENTS or tokens.span_text(i, min(end + 1, len(tokens))).lower() in _EVENTS:
        return None
    dated = end
    while dated - i > 1 and (tokens.words[dated - 1].isdigit() or (
            len(tokens.words[dated - 1]) == 2 and tokens.words[dated - 1].isupper())):
        dated -= 1
    if dated < end and tokens.span_text(i, dated).lower() in _EVENTS:
        return None  # "Hot Sale MX", "Dia dos Pais 2025": an occasion with its market or year
    return end


def _closes(word: str) -> bool:
    """A token that ends a name: 'HyperX.' (spaCy keeps a full stop after a capital), not 'J.A.' or 'Dr.'."""
    return len(word) > 1 and word.endswith(".") and word.count(".") == 1 and word.lower() not in _TITLES


_TITLES = frozenset({"dr.", "mr.", "mrs.", "ms.", "st.", "prof.", "mt.", "ft."})


_LOWER_LEGAL = frozenset({"plc", "ltd", "ltd.", "inc", "inc.", "llc", "gmbh", "bv", "srl", "sarl", "oy"})


def names_at(tokens: Tokens, i: int, allow_lower: bool = False) -> tuple[list[tuple[int, int]], int]:
    """The names of a list starting at token i ('Red Bull or Monster', 'A, B and C'), and the list's end."""
    found: list[tuple[int, int]] = []
    at = i
    while at < len(tokens):
        # a lower-case name continues a list only when the list began in lower case
        lower_next = allow_lower and (not found or not tokens.words[found[0][0]][:1].isupper())
        end = name_end(tokens, at, allow_lower=lower_next, in_list=bool(found), digits=True)
        if end is None and found and _lower_brand(tokens, at):
            end = at + 1  # "Lavazza or illy", "Rossmann, dm, Douglas": a lower-case name no dictionary has
        if end is None:
            break
        found.append((at, end))
        at = end
        joiner = at
        if (joiner + 1 < len(tokens) and tokens.words[joiner] == "!"
                and tokens.ends[joiner - 1] == tokens.starts[joiner]
                and tokens.lower[joiner + 1] in {"or", "and", "nor", ","}):
            joiner += 1  # "Oumph! or Anamma": the exclamation mark is part of the name's spelling
        while joiner < len(tokens) and (tokens.lower[joiner] in _NAME_LIST_JOINERS or (
                tokens.words[joiner] == ";" and _short_item(tokens, joiner + 1))):
            joiner += 1
        if joiner == at and joiner < len(tokens) and "&" in tokens.words[joiner] and len(tokens.words[joiner]) > 2:
            continue  # "Zara H&M or Pull&Bear": a name with its own '&' after a name is the next name
        glued = tokens.words[at:at + 1] == ["!"]
        if joiner <= at + glued or joiner >= len(tokens) or (name_end(
                tokens, joiner, allow_lower, in_list=True, digits=True) is None and not _lower_brand(tokens, joiner)):
            break
        at = joiner
    return found, (found[-1][1] if found else i)


def _lower_brand(tokens: Tokens, at: int) -> bool:
    """A lower-case word of a list that is no word of the model's English vocabulary ('illy', 'dm', 'hismile')."""
    word = tokens.words[at] if at < len(tokens) else ""
    after = tokens.lower[at + 1] if at + 1 < len(tokens) else "."
    # the item ends there ("or illy.", "dm or Douglas", "hismile in the last 6 mo"), not "nicht mit Primark"
    ends = after in _NAME_LIST_JOINERS or after in {".", "!", "?", "\n", ")", "(", ";", "in"}
    return ends and len(word) > 1 and word not in STOP_WORDS and unknown_lower_word(word)


def _short_item(tokens: Tokens, at: int) -> bool:
    """A ';'-separated item of a form list ('Exclusions: Le Creuset; Staub; Skeppshult') is a few words long."""
    for j in range(at, min(at + 5, len(tokens) + 1)):
        if j == len(tokens) or tokens.words[j] in {";", "|", "\n", "."}:
            return j > at
    return False


def clean_name(tokens: Tokens, start: int, end: int) -> str:
    return tokens.span_text(start, end).strip().strip("\"'“”‘’.,;:!?").strip()


def is_place_or_platform(tokens: Tokens, start: int, end: int, places: Gazetteer, cities: bool = True) -> bool:
    """The span names a place, a demonym, a language or a platform (a city only when `cities`; without cities,
    no other language's name of a country either: "worked with Grenade" names a brand, not Grenada)."""
    text = tokens.span_text(start, end)
    place = places.place(text)
    if place is not None and (cities or (place.kind not in {"city", "subdivision"} and not place.foreign)):
        return True
    if text in places.state_codes:
        return True  # "Edmonton, AB", "Austin, TX": a state or province code
    if places.demonym(text) is not None or places.language(text) is not None or text.lower() in PLATFORM_WORDS:
        return True
    if end - start < 3:
        return False
    # "EU + UK", "Norway + Netherlands", "DE/AT": a list of places is no name
    names = [k for k in range(start, end) if tokens.words[k] not in _PLACE_JOINERS]
    return 1 < len(names) < end - start and all(
        (place := places.place(tokens.words[k])) is not None and (cities or place.kind not in {"city", "subdivision"})
        and (place.kind != "code" or tokens.words[k].isupper()) for k in names)  # "Kaya & Co" is a name


# 'and' in Spanish, Portuguese/Italian, German, French, Dutch and the Nordic languages too ("México y Colombia")
_PLACE_JOINERS = AND_OR | {"-", "–", "en"}


def negation_at(tokens: Tokens, i: int) -> int:
    """Length of a negation starting at token i ('not', 'no one', "n't"), or 0."""
    phrase = tokens.phrase_at(i, NEGATION_PHRASES)
    if phrase:
        return phrase
    return 1 if tokens.lower[i] in NEGATIONS else 0


GENERIC_HEADS = frozenset("""
brand brands company companies startup startups label labels business businesses agency agencies retailer retailers
store stores shop shops chain chains maker makers manufacturer manufacturers firm firms drink drinks work products
""".split())


def generic_after(tokens: Tokens, end: int) -> bool:
    """A name followed by a generic noun is a description ('energy drink brands'), not a name."""
    return end < len(tokens) and tokens.lower[end] in GENERIC_HEADS


def short_query(tokens: Tokens, longest: int = 10) -> bool:
    """A search-box query ('skincare IG nano Manila', 'cycling youtube sub-50k DACH'): every word a keyword.

    At most `longest` tokens, no sentence punctuation and no function word (a code in capitals is none: 'DE/AT/CH'),
    so each word stands for itself. The words of a bound read before ("IG pilates mums Dublin under 20k", "€300 per
    post") are keywords too."""
    return 0 < len(tokens) <= longest and (tokens.keywords_only or not any(tokens.of_a_sentence(j) and (
        tokens.claimed[j] not in _BOUND_KINDS or tokens.is_punct(j)) for j in range(len(tokens))))


# readings whose own function words ('under', 'per', 'max') leave a query a list of keywords
_BOUND_KINDS = frozenset({"min_followers", "max_followers", "max_price_per_post", "campaign_budget"})


# words of a sentence about what was done ("Phase 1 ran Sep–Nov with 9 creators", "we ran a pilot with 4 creators")
_PAST_VERBS = frozenset({"ran", "worked", "had", "did", "pilot", "went", "tried", "used", "delivered", "reached",
                         "generated", "drove", "previous", "last", "past", "earlier"})
# "got 3x sign-ups from a campaign with 12 creators"; but "we've got 2 branches" says nothing of a place
_PAST_VERBS_OF_COUNTS = _PAST_VERBS | {"got", "was", "were", "loved", "pasado", "pasada", "hicimos", "passado",
                                       "passada", "fizemos", "dernier", "dernière", "letzten", "letztes"}
# a place's sentence stops at a comma or at the creators ("extreme sports creators in Brazil")
_PLACE_STOPS = frozenset({","}) | CREATOR_NOUNS | AUDIENCE_NOUNS
# words after which the sentence turns to what is wanted now ("last year 30 creators, this year 12")
_TURNS = frozenset({"now", "this", "but", "so", "next", "want", "wants", "need", "needs", "please", "looking", "seeks",
                    "seeking", "searching", "search", "find", "recommend", "send", "suggest"})


def said_of_the_past(tokens: Tokens, start: int, end: int | None = None) -> bool:
    """Token `start` is in a sentence about an earlier campaign: a past word before it (or, given the span's `end`,
    after it), no turn to the present between ("Our previous campaign in Korea used 20 creators", not "Last year
    was great, now we want 5")."""
    stops = _PLACE_STOPS if end is not None else frozenset()
    past = _PAST_VERBS if end is not None else _PAST_VERBS_OF_COUNTS
    for j in range(start - 1, max(start - 16, -1), -1):
        if tokens.words[j] in SENTENCE_ENDS or tokens.lower[j] in _TURNS or tokens.lower[j] in stops:
            break
        if tokens.lower[j] in past:
            return True
    for j in range(end if end is not None else len(tokens), min((end or 0) + 8, len(tokens))):
        if tokens.words[j] in SENTENCE_ENDS or tokens.lower[j] in _TURNS or tokens.lower[j] in stops or (
                tokens.lower[j] in {"who", "that", "which"}):
            break  # "creators in Canada who just had a baby": the clause says who they are
        if tokens.lower[j] in _PAST_VERBS:
            return True  # "Our 2024 campaign in Vietnam reached 2.6M people"
    return False


# what a brief says after a constraint it accepts: "but Canada is fine too", "spanish or english is fine"
WILL_DO = (("is", "fine"), ("are", "fine"), ("is", "ok"), ("are", "ok"), ("is", "okay"), ("works", "too"),
           ("is", "fine", "too"), ("only", "please"), ("only", "pls"), ("is", "also", "fine"), ("also", "fine"))
