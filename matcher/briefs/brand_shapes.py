"""Shapes of an advertiser's name: a lower-case name running on, a legal suffix, a product's model code."""

from __future__ import annotations

from matcher.briefs.brand_words import ADVERTISER_NOUNS, COMPANY_NOUNS, NOT_SELF_NAMES, VERB_WORDS
from matcher.briefs.lexicon import NOT_NAMES
from matcher.briefs.spans import PARTICLES, brandlike
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import Tokens

LEGAL_SUFFIXES = frozenset({"GmbH", "Ltd", "Inc", "LLC", "AG", "SA", "BV", "Srl", "SpA", "AB", "AS", "Oy", "SAS",
                            "Pty", "PLC", "plc", "KG", "NV", "SARL", "S.A", "S.L", "SL", "Co"})


def model_code(word: str) -> bool:
    """'S25', 'X500', 'RTX4090': letters and digits in one word, as products are numbered."""
    season = len(word) == 4 and word[:2].lower() in {"ss", "aw", "fw", "sp", "su", "fa"}  # "SS26": a season
    return (any(c.isdigit() for c in word) and any(c.isalpha() for c in word) and word[:1].isalpha()
            and len(word) <= 8 and word.lower() not in NOT_NAMES and not season)


def lower_name_run(tokens: Tokens, at: int, end: int | None) -> int | None:
    """'little fern (organic baby food pouches)': a lower-case name runs on to a bracket, comma or full stop."""
    if end is None or tokens.words[at][:1].isupper():
        return end
    for stop in range(end, min(end + 4, len(tokens))):
        if tokens.words[stop] in {"(", ",", ".", "!", "\n"} or not any(c.isalnum() for c in tokens.words[stop]):
            words = range(end, stop)  # "sunny side up cafés": a small word may sit inside, not at the end
            return stop if all(tokens.words[k].isalpha() for k in words) and (
                stop == end or tokens.lower[stop - 1] not in STOP_WORDS) else end
    return end


def lower_name_before_we(tokens: Tokens, at: int) -> int | None:
    """'we are la savonnerie douce, we do ...': a lower-case name of up to four words closed by ', we'."""
    if at >= len(tokens) or tokens.lower[at] in NOT_SELF_NAMES | STOP_WORDS or not tokens.words[at].isalpha():
        return None
    for end in range(at + 2, min(at + 5, len(tokens) - 1)):
        if tokens.words[end] == "," and tokens.lower[end + 1] in {"we", "we're", "our"}:
            words = range(at, end)
            if all(tokens.words[j].isalpha() and (tokens.lower[j] in PARTICLES or tokens.lower[j] not in STOP_WORDS
                                                  | VERB_WORDS | COMPANY_NOUNS) for j in words):
                return end
            return None
    return None


def described_before_name(tokens: Tokens, at: int) -> bool:
    """'DIY tool shop Werkbank24': a company noun within three words, then a name."""
    for j in range(at + 1, min(at + 4, len(tokens) - 1)):
        if tokens.is_punct(j):
            return False
        if tokens.lower[j] in COMPANY_NOUNS:
            return tokens.is_capitalized(j + 1) or brandlike(tokens.words[j + 1])
    return False


def described_after(tokens: Tokens, end: int) -> bool:
    """'we are kaffeeklatsch, a small coffee roastery': a description of the advertiser follows the name."""
    return (end < len(tokens) and tokens.words[end] in {",", "(", "a", "an", "-", "—"}
            and any(tokens.lower[j] in ADVERTISER_NOUNS for j in range(end + 1, min(end + 6, len(tokens)))))
