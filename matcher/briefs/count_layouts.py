"""Counts of creators written across a brief's layout: a table's total row, a per-market split of counts on
labelled lines, a count called the total ('= 6 creators total')."""

from __future__ import annotations

from itertools import pairwise

from matcher.briefs.amounts import count_at
from matcher.briefs.lexicon import CREATOR_NOUNS, FIELD_LABELS
from matcher.briefs.tokens import Tokens


def total_after(tokens: Tokens, end: int) -> bool:
    """'15 in total', '= 6 creators total', '8 overall': the count is the whole campaign's."""
    if tokens.lower[end - 1] == "total":
        return True  # the count's own words end with it ("15 in total")
    at = end + (tokens.lower[end:end + 1] != [] and tokens.lower[end] in CREATOR_NOUNS)
    return tokens.lower[at:at + 1] in (["total"], ["overall"], ["altogether"])


def market_split(tokens: Tokens, found: list[tuple[int, int, int]]) -> tuple[int, int, int] | None:
    """'- Germany: 4 creators / - Austria: 2 creators': one count per labelled line of a split, summed.

    Every count must stand on its own line after a label ('Phase 2: Ireland — 5 creators'); alternatives
    ('Option A: 3 macro creators') are no split."""
    lines: list[int] = []
    for _, start, _ in found:
        line = start
        while line > 0 and tokens.words[line - 1] != "\n":
            line -= 1
        label = any(tokens.words[j] in {":", "—", "–", "-"} for j in range(line + 1, start))
        words = [w for w in tokens.lower[line:start] if any(c.isalpha() for c in w)]
        if not label or not words or words[0] in _NOT_MARKETS or line in lines or (lines and any(
                tokens.words[j] == "\n" for j in range(lines[-1], line - 1)) and tokens.lower[line - 2:line] != [
                "\n", "\n"] and words[0] != "phase"):
            return None  # "Who: 8-10 creators": a field, not a market; the split's lines follow one another
        lines.append(line)
    if len(found) < 2:
        return None
    return sum(value for value, _, _ in found), found[0][1], found[-1][2]


# a line's first word that makes it no market of a split: an alternative ("Option A:") or a field ("Who:")
_NOT_MARKETS = FIELD_LABELS | {"option", "alternative", "alt", "scenario", "plan", "or", "either", "opción", "opção"}


def _rows(tokens: Tokens) -> list[list[tuple[int, int]]]:
    """A Markdown table's rows as lists of cells, each the token span between two '|'."""
    rows, line = [], 0
    for k in range(len(tokens) + 1):
        if k == len(tokens) or tokens.words[k] == "\n":
            bars = [j for j in range(line, k) if tokens.words[j] == "|"]
            if tokens.words[line:line + 1] == ["|"] and len(bars) >= 3:
                rows.append([(a + 1, b) for a, b in pairwise(bars)])
            line = k + 1
    return rows


def table_total(tokens: Tokens) -> tuple[int, int, int] | None:
    """'| **Total** | **11** |' under a '| Market | Creators |' header: the table's total of creators."""
    rows = _rows(tokens)
    if len(rows) < 2:
        return None
    header = [" ".join(tokens.lower[a:b]) for a, b in rows[0]]
    column = next((c for c, text in enumerate(header) if any(w in CREATOR_NOUNS for w in text.split())), None)
    for row in rows[1:]:
        if column is None or column >= len(row) or tokens.lower[row[0][0]:row[0][1]] != ["total"]:
            continue
        a, b = row[column]
        number = count_at(tokens, a) if a < b else None
        if number is not None:
            return int(number.value), a, number.end
    return None
