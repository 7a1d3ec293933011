"""A table pasted into a brief (CSV, TSV, bars, semicolons, Markdown), read as label and value spans: a header
line that names constraints, and the rows under it, each column folded into one answer.

A column of places, platforms or languages answers with all its rows' values; a column of head counts or
campaign totals with their sum (or the table's own "Total" row); a column of fees per post with the highest
fee; follower floors with the lowest, ceilings with the highest.
"""

from __future__ import annotations

import re

from matcher.briefs.form_pairs import EMPTY_VALUES, LABEL_WORDS, FormPair, Span, line_spans, plain_label

# words of a column header that name a constraint: two of them make a line a table's header
# a header cell's words that name a constraint: a form's label words and a table's own column names
_HEADER_WORDS = LABEL_WORDS | frozenset("""
markets märkte mercados marchés geos region regions location locations tier tiers size min max cap audience number
nombre count price cost budgets exclude exclusions excluded vertical niche nicho category kategorie categoría format
deliverables""".split())
_MAX_HEADER_CELL_WORDS = 5
_DELIMITERS = ("\t", "|", ";", ",")
_SEPARATOR_ROW = re.compile(r"^[\s|:+\-–—=]+$")
_TOTAL_ROWS = frozenset({"total", "totals", "gesamt", "summe", "sum", "totaal", "totale"})
_FIGURE = re.compile(r"(\d{1,3}(?:[.,  ]\d{3})+|\d+(?:[.,]\d+)?)\s*([kKmM])?\b")


def table_pairs(brief: str) -> tuple[int, int, list[FormPair]] | None:
    """The brief's first table (a header line naming constraints, then rows of as many cells) as label and value
    spans, each column folded into one answer; its start and end in the brief."""
    lines = line_spans(brief)
    for n, (start, end) in enumerate(lines[:-1]):
        first_row = n + 1
        if _SEPARATOR_ROW.match(brief[slice(*lines[first_row])] or "x") and first_row + 1 < len(lines):
            first_row += 1
        for delimiter in _DELIMITERS:
            if brief.count(delimiter, start, end) < 2:
                continue  # fewer than three cells: no header (and no cell-by-cell walk of an ordinary line)
            header = _cells(brief, start, end, delimiter)
            if len(header) < 3 or not _header_like(brief, header):
                continue
            rows = []
            for line in lines[first_row:]:
                cells = _cells(brief, *line, delimiter)
                if len(cells) != len(header):
                    break
                rows.append(cells)
            if not rows:
                break
            return start, lines[first_row + len(rows) - 1][1], _columns(brief, header, rows)
    return None


def _columns(brief: str, header: list[Span], rows: list[list[Span]]) -> list[FormPair]:
    """Each column as one pair: its header and its rows' answer."""
    total = next((row for row in rows if brief[slice(*row[0])].strip("* ").lower() in _TOTAL_ROWS), None)
    rows = [row for row in rows if row is not total]
    pairs: list[FormPair] = []
    for column, label in enumerate(header):
        cells = [row[column] for row in rows if brief[slice(*row[column])].lower() not in EMPTY_VALUES]
        if not cells:
            continue
        kind = plain_label(brief[slice(*label)])
        if len(cells) == 1 or kind not in {"creators", "campaign budget", "max price per post", "min followers",
                                           "max followers"}:
            distinct = list({brief[slice(*cell)].lower(): cell for cell in reversed(cells)}.values())[::-1]
            pairs.append(FormPair([label], distinct))
            continue
        figures = [_figure(brief[slice(*cell)]) for cell in cells]
        if kind in {"creators", "campaign budget"}:
            summed = total[column] if total is not None and _figure(brief[slice(*total[column])]) else None
            pairs.append(FormPair([label], [summed]) if summed else FormPair(
                [label], cells, _written(sum(f or 0 for f in figures))) if all(figures) else FormPair(
                [label], cells[:1]))
        elif all(figure is not None for figure in figures):  # a fee, a floor, a ceiling: one row's own cell
            pick = min if kind == "min followers" else max
            pairs.append(FormPair([label], [cells[figures.index(pick(f for f in figures if f is not None))]]))
        else:
            pairs.append(FormPair([label], cells[:1]))
    return pairs


def _figure(cell: str) -> float | None:
    """The number a cell writes ('€2,500' -> 2500, '10k' -> 10000, '1.500 €' -> 1500), or None."""
    match = _FIGURE.search(cell)
    if match is None:
        return None
    digits, scale = match.groups()
    if re.fullmatch(r"\d{1,3}(?:[.,  ]\d{3})+", digits):
        value = float(re.sub(r"\D", "", digits))
    else:
        value = float(digits.replace(",", "."))
    return value * {"k": 1e3, "m": 1e6}.get((scale or "").lower(), 1)


def _written(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _cells(brief: str, start: int, end: int, delimiter: str) -> list[Span]:
    """A line's cells, stripped of spaces and quotes; a Markdown row's outer bars make no cells."""
    cells: list[Span] = []
    cell_start, quoted = start, False
    for offset in range(start, end + 1):
        char = brief[offset] if offset < end else delimiter
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append(_stripped(brief, cell_start, offset))
            cell_start = offset + 1
    if delimiter == "|" and brief[start:end].strip().startswith("|"):
        cells = cells[1:]
    if delimiter == "|" and brief[start:end].strip().endswith("|"):
        cells = cells[:-1]
    return cells


def _stripped(brief: str, start: int, end: int) -> Span:
    while start < end and brief[start] in ' "*\r':
        start += 1
    while end > start and brief[end - 1] in ' "*\r':
        end -= 1
    return start, end


def _header_like(brief: str, cells: list[Span]) -> bool:
    """Short cells without figures or a label's colon, two of which name a constraint ('Markt', 'Fee cap/stream',
    '# creators'; not 'Platforms: Instagram (Reels, Stories), TikTok', a form's line)."""
    named = 0
    for start, end in cells:
        words = re.findall(r"[^\W\d_]+|#", brief[start:end].lower())
        if any(char.isdigit() or char == ":" for char in brief[start:end]) or len(words) > _MAX_HEADER_CELL_WORDS:
            return False
        named += any(word in _HEADER_WORDS for word in words)
    return named >= 2
