"""The advertiser's name after what the advertiser is: 'pasta brand granetto', 'we are a small leather workshop,
Marroquinería Ortega', 'from the Oakridge Cycles account'."""

from __future__ import annotations

from matcher.briefs.brand_cues import GENERIC_ADVERTISERS
from matcher.briefs.brand_layout import claim_brand
from matcher.briefs.brand_words import (
    ADVERTISER_NOUNS,
    COMMON_OPENERS,
    COMPANY_NOUNS,
    GREETINGS,
    OCCASIONS,
    ROLE_WORDS,
    SELF,
    VERB_WORDS,
)
from matcher.briefs.lexicon import CREATOR_NOUNS
from matcher.briefs.place_owner import COMPANY_WORDS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import INTERJECTIONS, is_place_or_platform, name_end
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import Tokens


def brand_after_generic(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'slow fashion brand linnea, we make ...', 'pasta brand granetto', 'brand zuckerfrei here'.

    A name right after a word for a company, closed by punctuation, 'here' or 'we' (lower case is fine).
    """
    for i in range(len(tokens) - 1):
        if tokens.lower[i] not in COMPANY_NOUNS:
            continue
        # said of the advertiser itself: "we are ...", "our client is ...", "for our ...", "Hi, brand ..."
        greeting = i > 1 and tokens.words[i - 1] == "," and tokens.lower[i - 2] in GREETINGS
        said = tokens.near_before(i + 1, SELF | {"client", "we're", "'re", "for"}, 6) is not None or greeting or (
            tokens.sentence_start(i) and tokens.lower[i] != "brand")
        if not said:
            continue
        at = i + 1 + (tokens.words[i + 1] in {'"', "“", "'", "‘"})  # 'sportswear brand "Forma Atletika"'
        if at + 1 < len(tokens) and tokens.words[at].isdigit() and tokens.is_capitalized(at + 1):
            end = name_end(tokens, at + 1)  # "small studio 11 Ravens from Wrocław"
            if end is not None and not is_place_or_platform(tokens, at, end, places):
                return claim_brand(tokens, at, at, end)
        for width in (2, 1):
            end = at + width
            if end > len(tokens) or not tokens.free(at, end):
                continue
            words = tokens.lower[at:end]
            if any(w in COMMON_OPENERS or w in STOP_WORDS or w in VERB_WORDS or w in GENERIC_ADVERTISERS
                   or w in OCCASIONS or w in ROLE_WORDS
                   or w in COMPANY_NOUNS or w in ADVERTISER_NOUNS
                   or w in CREATOR_NOUNS or w in INTERJECTIONS or not tokens.words[j][:1].isalpha()
                   for w, j in zip(words, range(at, end), strict=True)):
                continue
            closed = end >= len(tokens) or tokens.words[end] in {",", ".", "(", ")", "!", "?", ";", "-", "—",
                                                                 "\n"} or tokens.lower[end] in {"here", "we", "and"}
            # a capitalized name needs no closing mark: "small swedish company Fjällglöd making stoves"
            closed = closed or all(tokens.words[j][:1].isupper() for j in range(at, end))
            if closed and not is_place_or_platform(tokens, at, end, places):
                return claim_brand(tokens, at, at, end)
    return None


_OPENERS = (("we", "are"), ("we", "'re"), ("we're",), ("i", "have"), ("i", "own"), ("we", "run"), ("i", "run"),
            ("we", "have"), ("this", "is"), ("i", "manage"), ("we", "manage"), ("i", "represent"), ("we", "represent"))
# "A games-for-good charity, GameAid, runs ...": a sentence may open with the description itself
_ARTICLES = (("a",), ("an",))
# kinds of advertiser besides businesses: "an indie-folk artist, Maren Holt,", "a Bundesliga club, VfL Bochum,"
_APPOSED_KINDS = COMPANY_WORDS | {"club", "festival", "artist", "band", "singer", "league", "team", "foundation"}
_NOT_DESCRIPTIONS = CREATOR_NOUNS - {"family"}  # "we are looking for Italian creators" ends the description
_MANAGERS = (("i", "manage"), ("we", "manage"), ("i", "represent"), ("we", "represent"))
_NOT_MANAGED = _NOT_DESCRIPTIONS - {"artist", "band", "singer", "musician", "rapper", "dj"}  # "I manage an artist, X"


def brand_in_apposition(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'we are a small leather workshop, Marroquinería Ortega.', 'We are a brazilian brand of swimwear, Praia Bonita,
    from Florianópolis', 'we are software house from Wrocław, 35 developers, name DevNest', 'I manage an indie-folk
    artist, Maren Holt, whose ...', 'A games-for-good charity, GameAid, runs ...'.

    After 'we are' (or 'I have', 'we run', 'I manage', a sentence's first 'a') and a description naming a kind of
    business, in the same sentence, a capitalized name after a comma or after 'name', 'called', closed by
    punctuation or a place cue (after a sentence's first 'a', closed by a comma)."""
    for i in range(len(tokens) - 2):
        opener = tokens.phrase_at(i, _OPENERS)
        described = not opener and tokens.sentence_start(i) and tokens.phrase_at(i, _ARTICLES) > 0
        opener = opener or int(described)
        if not opener:
            continue
        kind = False
        not_descriptions = _NOT_MANAGED if tokens.phrase_at(i, _MANAGERS) else _NOT_DESCRIPTIONS
        for j in range(i + opener, min(i + 20, len(tokens))):
            if tokens.words[j] in {".", "!", "?", "\n", ";"} or tokens.lower[j] in not_descriptions:
                break  # "we are looking for Italian creators" ("we are family hotel" describes the business)
            kind = kind or tokens.lower[j] in _APPOSED_KINDS
            if not (kind and tokens.is_capitalized(j) and (
                    tokens.words[j - 1] == "," or tokens.lower[j - 1] in {"name", "called", "named"})):
                continue
            end = name_end(tokens, j)
            closed = end is not None and (end >= len(tokens) or (tokens.is_punct(end) and tokens.words[end] != "-") or (
                tokens.lower[end] in {"in", "from", "since"}))  # not "Lirene-style packaging"
            apposed = end is not None and tokens.words[j][:1].isalpha() and tokens.words[end:end + 1] == [","]
            if described and not apposed:
                continue  # "A UK gin distillery (small-batch, 70cl) wants": a description names itself between commas
            if end is not None and closed and not is_place_or_platform(tokens, j, end, places) and not all(
                    tokens.lower[k] in COMMON_OPENERS | GENERIC_ADVERTISERS | STOP_WORDS for k in range(j, end)):
                return claim_brand(tokens, j, j, end)
    return None


def brand_of_account(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'quick one from the Oakridge Cycles account', 'for the Oat & Honey granola account': an agency's client."""
    for j in range(1, len(tokens) - 1):
        if tokens.lower[j - 1] != "the" or not tokens.is_capitalized(j):
            continue
        end = name_end(tokens, j)
        if end is None or is_place_or_platform(tokens, j, end, places):
            continue
        after = end
        while after < min(end + 2, len(tokens)) and tokens.words[after].isalpha() and (
                tokens.words[after].islower() and tokens.lower[after] != "account"):
            after += 1
        if tokens.lower[after:after + 1] == ["account"]:
            return claim_brand(tokens, j - 1, j, end)
    return None


_KIND_OPENERS = (("we", "are"), ("our",), ("my",), ("i", "have"), ("i", "own"), ("we", "have"), ("we", "run"))
_QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”", "‘": "’", "'": "'"}
_WRITERS_KINDS = COMPANY_WORDS | COMPANY_NOUNS
_RUN_STOPS = CREATOR_NOUNS | {"is"}
_AFTER_KIND_NAME = frozenset({"in", "from", "since", "is", "with", "have", "has", "at", "on", "we"})


def brand_after_kind(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'We are restaurant chain «Lvivska Kukhnia»', 'we are wellness hotel Horní Bouda in', 'my hotel is Hội An
    Riverside Lantern,', 'Our mall Bega Plaza in Timișoara': the writer's kind of business, then its name.

    The kind ends a run of at most four lower-case words after 'we are', 'our', 'my' or 'I have'; the name is
    quoted, or capitalized and closed by punctuation or a word such as 'in', 'since', 'is'."""
    for i in range(len(tokens) - 2):
        opener = tokens.phrase_at(i, _KIND_OPENERS)
        if not opener:
            continue
        j = i + opener
        while j < len(tokens) and j - i - opener < 5 and tokens.words[j].isalpha() and tokens.words[j].islower() and (
                tokens.lower[j] not in _RUN_STOPS):
            j += 1
        if j == i + opener or tokens.lower[j - 1] not in _WRITERS_KINDS:
            continue
        said_is = tokens.lower[j:j + 1] == ["is"] and tokens.lower[i] == "my"
        j += said_is  # "my hotel is Hội An Riverside Lantern, 38 rooms"
        close = _QUOTE_PAIRS.get(tokens.words[j]) if j < len(tokens) else None
        at = j + (close is not None)
        end = name_end(tokens, at, limit=6)
        if end is None or any(tokens.lower[k] in COMMON_OPENERS for k in range(at, end)):
            continue
        if close is not None:
            closed = tokens.words[end:end + 1] == [close]
        else:
            # after 'our' a closing mark is not enough: "who'd wear our gym Shorts," names a product
            named = end < len(tokens) and tokens.lower[end] in _AFTER_KIND_NAME
            closed = named or ((said_is or tokens.lower[i] not in {"our", "my"}) and (
                end >= len(tokens) or tokens.is_punct(end)))
        if closed and not is_place_or_platform(tokens, at, end, places):
            return claim_brand(tokens, at, at, end)
    return None


_GUILLEMET_KINDS = _WRITERS_KINDS | ADVERTISER_NOUNS | {"school", "agency", "company"}


def brand_in_guillemets(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Company «MebelPro» from Astana', 'Tour agency «Baikal Way»', 'we are «Pekarnya 24», bakery chain': a name
    in guillemets right after a kind of business or 'we are' (the way Russian and Ukrainian write names)."""
    for k in range(1, len(tokens) - 2):
        if tokens.words[k] != "«":
            continue
        kind = tokens.lower[k - 1] in _GUILLEMET_KINDS
        we_are = any(tokens.lower[j:j + 2] in (["we", "are"], ["we", "'re"]) for j in range(max(k - 7, 0), k))
        if not (kind or we_are):  # "we are family restaurant and wine cellar «Kvevri House»"
            continue
        close = next((j for j in range(k + 1, min(k + 7, len(tokens))) if tokens.words[j] == "»"), None)
        if close is not None and close > k + 1 and not is_place_or_platform(tokens, k + 1, close, places):
            return claim_brand(tokens, k + 1, k + 1, close)
    return None
