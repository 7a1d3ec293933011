"""Where an amount's money belongs: the cue word before it, the 'per creator' before it, the 'per post' after it."""

from __future__ import annotations

from matcher.briefs.amounts import amount_at
from matcher.briefs.bound_cues import UPPER_CUES
from matcher.briefs.lexicon import (
    CREATOR_NOUNS,
    CURRENCY_WORDS,
    PER_BEFORE,
    PER_UNIT,
    PER_WORDS,
    PLATFORM_WORDS,
    TAX_WORDS,
)
from matcher.briefs.nouns import is_person_noun
from matcher.briefs.tokens import Tokens

UPPER_CUES_WORDS = frozenset(word for cue in UPPER_CUES for word in cue)


def _aside_before(tokens: Tokens, at: int) -> int:
    """'Max fee per creator (ex VAT): £600': where an aside in brackets just before `at` opens (`at` if none)."""
    j = at - 1 - (tokens.words[at - 1:at] == [":"])
    if tokens.words[j:j + 1] not in ([")"], ["):"]):
        return at
    opening = next((k for k in range(j - 1, max(j - 6, -1), -1) if tokens.words[k] == "("), None)
    return at if opening is None else opening


def cue_before(tokens: Tokens, at: int, words: frozenset[str], clause: int, window: int) -> int | None:
    """The nearest cue word before `at` in the same clause (not past a comma), within `window` tokens."""
    aside = _aside_before(tokens, at)
    if aside < at:  # the aside's words do not count, nor stop the search
        at, window = aside, window + 1
    for j in range(at - 1, max(clause, at - window) - 1, -1):
        if tokens.lower[j] in words:
            return j
        if tokens.words[j] in {",", ";", "(", ")"} or (any(c.isdigit() for c in tokens.words[j]) and amount_at(
                tokens, j) is not None and not (tokens.words[j] == "1" and tokens.lower[j + 1] in PER_UNIT)):
            return None  # "cost 89 euro and have 2 batteries": the cue belongs to the amount before ("Fee 1 post")
    return None


def per_before_amount(tokens: Tokens, at: int, clause: int) -> int | None:
    """'per creator maximum 1500', 'for one video not more than 300€', 'every influencer max': where it starts."""
    at = _aside_before(tokens, at)
    for j in range(at - 1, max(clause, at - 7) - 1, -1):
        if tokens.lower[j] in {"and", "but"} and tokens.lower[j + 1:j + 2] in (["we"], ["i"], ["our"], ["the"]):
            return None  # "€300 max per post and we've €3,000 all in": a new clause, with its own amount
        one = tokens.words[j] == "1" and tokens.lower[j - 1:j] == ["per"] and tokens.lower[j + 1:j + 2] and (
            tokens.lower[j + 1] in PER_UNIT)  # "The fee per 1 post is 100.000 yen"
        if tokens.words[j] in {",", ";", "(", ")"} or (amount_at(tokens, j) is not None and not one):
            return None  # the clause of another amount
        if tokens.lower[j] in {"total", "overall", "altogether"}:
            return None  # "max 800 zł for one stream and total 10 000 zł": the total is nearer
        unit = tokens.lower[j] in PER_UNIT or tokens.lower[j] in CREATOR_NOUNS or is_person_noun(tokens.lower[j])
        if unit and j > 1 and tokens.words[j - 1] == "1" and tokens.lower[j - 2] == "per":
            return j - 2
        # "per-creator cap €2,500": the hyphen joins 'per' and its unit, one word in two tokens
        noun = j - 1 if unit and tokens.lower[max(j - 2, 0):j] == ["per", "-"] else j
        if unit and noun > 1 and tokens.lower[noun - 1] in PLATFORM_WORDS and tokens.lower[noun - 2] in PER_BEFORE:
            noun -= 1  # "Budget per Insta reel upto ₹40,000": the platform between 'per' and its unit
        if unit and tokens.lower[noun - 2:noun] == ["for", "the"] and tokens.lower[noun] in CREATOR_NOUNS and not (
                tokens.lower[noun].endswith("s")):
            return noun - 2  # "fee for the influencer can be up to 40.000 DKK": one creator's fee
        if unit and noun > 0 and tokens.lower[noun - 1] in PER_BEFORE | {"one"}:
            owner = noun - 2  # the word before 'per'
            if owner >= 0 and (tokens.lower[owner] in CURRENCY_WORDS or any(c.isdigit() for c in tokens.words[owner])):
                return None  # "AED 5,000 per creator and AED 150k": the 'per' belongs to the amount before
            return noun - 1 - (1 if noun > 1 and tokens.lower[noun - 2] in {"for", "per"} else 0)
        if tokens.lower[j] in {"per-post", "per-video", "per-creator", "each", "every"} and (
                j + 1 == at or tokens.lower[j + 1] in UPPER_CUES_WORDS):
            return j
    return None


def per_unit(tokens: Tokens, at: int) -> int:
    """Tokens of a 'per post' / '/reel' / 'each' / 'max per Reel' after an amount (0 when none), taxes between
    them skipped ('500 € + IVA per contenuto')."""
    lead = 0
    while at + lead < len(tokens) and lead < 4 and (tokens.lower[at + lead] in TAX_WORDS or (
            tokens.words[at + lead] == "." and (tokens.lower[at + lead - 1] in TAX_WORDS or tokens.lower[
                at + lead + 1:at + lead + 2] in (["–"], ["-"])))):  # "zzgl. MwSt./Post", "CHF 900.– per post"
        lead += 1
    if at + lead < len(tokens) and "/" in tokens.lower[at + lead] and tokens.lower[at + lead].rsplit("/", 1)[1] in (
            PER_UNIT):
        return lead + 1  # "zzgl. MwSt./Post"
    if lead and not (at + lead + 1 < len(tokens) and tokens.lower[at + lead] in PER_WORDS - {"a", "an", "for", "by"}
                     and tokens.lower[at + lead + 1] in PER_UNIT):
        lead = 0  # taxes count only before a 'per ...'
    if at + lead < len(tokens) and tokens.lower[at + lead] in {"max", "maximum", "tops", "max.", "ceiling", "cap",
                                                               "limit"}:
        lead += 1
    at += lead
    if at < len(tokens) and tokens.lower[at] in {"each", "chacun", "chacune", "cada"}:
        return lead + 1  # "250 $ chacun"
    for skip in (0, 1):  # "$500 per sponsored post", "€300 for one reel", "250 € x post" (Italian, Spanish 'per')
        unit = tokens.lower[at + 1 + skip] if at + 1 + skip < len(tokens) else ""
        if tokens.lower[at:at + 1] and tokens.lower[at] in PER_WORDS | {"x"} and (unit in PER_UNIT or (
                unit in CREATOR_NOUNS and not unit.endswith("s"))):  # "500 USD for each blogger"
            if tokens.lower[at] == "for" and (tokens.lower[at + 1 + skip].endswith("s") or (
                    skip and tokens.lower[at + 1] not in PER_BEFORE | {"1", "the"}) or (not skip and unit == "talent")):
                return 0  # "8k for beauty creators", "5k for videos", "$60k for talent": what the whole budget buys
            return lead + 2 + skip
    if at < len(tokens) and tokens.lower[at] in {"per-post", "/post", "per-video", "per-creator", "pp"}:
        return lead + 1
    if tokens.lower[at:at + 2] == ["p", "/"] and at + 2 < len(tokens) and tokens.lower[at + 2] in PER_UNIT | {"p"}:
        return lead + 3  # "€350 p/p", "NZ$300 p/post"
    return 0


