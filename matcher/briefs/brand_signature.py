"""The advertiser named in a brief's closing lines: 'Marc, brand team at Northline Gear', 'Growth lead, Pesito',
'Ta, Aoife / Lunchbug'."""

from __future__ import annotations

import re

from matcher.briefs.brand_layout import claim_brand
from matcher.briefs.brand_words import COMMON_OPENERS, ROLE_WORDS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import is_place_or_platform, name_end
from matcher.briefs.tokens import SIGNOFFS, Tokens

# a signer's role and what joins it to the brand ("Marc, brand team at Northline Gear"); a role line's words
_ROLE_LINE = ROLE_WORDS | frozenset({"team", "group", "growth", "export", "at", "from", "of", ",", "—", "-", "in",
                                     "the"})
_ROLE_WORDS_OF = ROLE_WORDS | frozenset({"of", "and", "&", "senior", "junior", "global", "growth", "content",
                                         "digital", "influencer", "creator"})
_MEASURE = re.compile(r"\d+(?:[.,]\d+)?[a-zA-Z]{1,3}")  # "(dry, 5% ABV, 50cl)": a measure, no signer's brand


def brand_in_signature(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'— Marc, brand team at Northline Gear', 'Layla — Group Marketing, Sahra Hospitality', 'Mariana (Bella Nopal)'.

    In the closing line, a name after the writer's name and their role is the brand.
    """
    last = _brand_line_after_name(tokens, places)
    if last is not None:
        return last
    line = tokens.clause_start(len(tokens) - 1) if tokens else 0
    # the role line may be one of the last three lines, an address below it ("Head of Growth | Nook / Stockholm")
    starts = [j + 1 for j in range(max(len(tokens) - 40, 0), len(tokens)) if tokens.words[j] in {"\n", "|"}][-4:]
    for start in sorted({line, *starts}, reverse=True):
        found = _role_then_brand(tokens, places, start)
        if found is not None:
            return found
    start = max(line - (1 if line and tokens.words[line - 1] == "\n" else 0), len(tokens) - 14, 0)
    while start > max(len(tokens) - 14, 0) and tokens.words[start - 1] == "|":
        start = tokens.clause_start(start - 2)  # "Maria | Aegean Sail Tours": the writer before the bar
    for i in range(start, len(tokens) - 1):
        writer = tokens.words[i].lstrip("/-–—~")  # "/Johan, Lindkvist & Ek"
        # "-jess @ Loop de Loop Fibers": after a dash opening the line, the writer may sign in lower case
        dashed = tokens.words[i][:1] in {"-", "—", "–"} and tokens.sentence_start(i)
        # "mo — founder, Kumo Matcha": a lower-case first name before a dash and a role
        dashed = dashed or (tokens.words[i + 1] in {"—", "–"} and i + 2 < len(tokens) and tokens.lower[
            i + 2] in ROLE_WORDS)
        if not ((writer[:1].isupper() or dashed) and writer.isalpha() and len(writer) > 1 and tokens.words[i + 1] in {
                ",", "—", "–", "-", "(", "@", "|"}) or tokens.lower[i] in SIGNOFFS:
            continue  # "Best, Marek" signs off; "Marc, brand team at Northline Gear" names the brand
        at = i + 2
        while at < len(tokens) and tokens.lower[at] in _ROLE_LINE:
            at += 1
        end = name_end(tokens, at, allow_lower=False) if at < len(tokens) else None
        closing = end is not None and (end >= len(tokens) or tokens.words[end] in {")", ".", "!", "\n", "("})
        measure = _MEASURE.fullmatch(tokens.words[at]) is not None if at < len(tokens) else False
        if closing and end is not None and not measure and not is_place_or_platform(tokens, at, end, places):
            return claim_brand(tokens, at, at, end)
    return None


def _brand_line_after_name(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """"Ta, Aoife\nLunchbug": after a sign-off and the writer's name, a last line that is only a name is the brand."""
    breaks = [j for j in range(max(len(tokens) - 12, 0), len(tokens)) if tokens.words[j] == "\n"][-2:]
    if len(breaks) < 2 or tokens.signoff >= breaks[1] or breaks[1] - breaks[0] > 5:
        return None
    named = range(breaks[0] + 1, breaks[1])  # the sign-off's line holds the writer's name too ("Ta, Aoife")
    if not (any(tokens.lower[j] in SIGNOFFS for j in named) and any(
            tokens.is_capitalized(j) and tokens.lower[j] not in SIGNOFFS for j in named)):
        return None
    start, end = breaks[1] + 1, len(tokens) - (tokens.words[-1] in {".", "!"})
    if not 0 < end - start <= 3 or not all(tokens.is_capitalized(j) and tokens.words[j].isalpha() for j in
                                           range(start, end)) or tokens.lower[start] in COMMON_OPENERS:
        return None
    return None if is_place_or_platform(tokens, start, end, places) else claim_brand(tokens, start, start, end)


def _role_then_brand(tokens: Tokens, places: Gazetteer, line: int) -> Reading | None:
    """"Growth lead, Pesito", "Head of Marketing @ Lumo": a line that is a role, then the brand ending the text."""
    at = line
    while at < len(tokens) and tokens.lower[at] in _ROLE_WORDS_OF:
        at += 1
    # "Hannah\nSenior Influencer Manager\nCharlotte Tilbury": a role line, then the brand alone on the last line
    last_line = tokens.words[at:at + 1] == ["\n"] and "\n" not in tokens.words[at + 1:] and any(
        tokens.lower[j] in ROLE_WORDS for j in range(line, at))
    if line < at < len(tokens) - 1 and (tokens.lower[at] in {",", "@", "at", "—", "–", "|", "/"} or last_line):
        end = name_end(tokens, at + 1)  # "Partnerships Lead / Kōwhai Active / Level 4, 12 Queen St"
        if last_line and end is not None and end < len(tokens) - (tokens.words[-1] in {".", "!"}):
            return None  # "Head of Marketing\nTel. +49 ...": the last line is no name
        if end is not None and (end >= len(tokens) or tokens.words[end] in {".", "!", "\n", "|", "/"}) and (
                not is_place_or_platform(tokens, at + 1, end, places)):
            return claim_brand(tokens, at, at + 1, end)
    return None
