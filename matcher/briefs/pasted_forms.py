"""A brief pasted out of a tool, read as the form it is: a JSON object, or a header line and the rows under it
(CSV, TSV, bars, semicolons, Markdown), rewritten as 'label: value' lines before the readers run; a form typed as
'label: value' lines keeps its lines, with a tool's keys and other languages' labels in the readers' words.

The readers know labels ("Budget gesamt: 4.000 €", "creators: 9"); a table puts the label a line above its
value, and JSON spells it "total_budget_gbp". The rewritten text keeps, for each of its characters, the
offset it had in the brief, so every reading still points at the brief's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.briefs.form_pairs import FOREIGN_LABEL_WORDS, KEY_BREAK, line_spans, plain_label
from matcher.briefs.pasted_json import json_pairs
from matcher.briefs.pasted_tables import table_pairs


@dataclass(frozen=True)
class PastedForm:
    """A brief rewritten as 'label: value' lines: the text the readers read, each character's offset in the brief
    (-1 for the colons and line breaks added), and whether it belongs to a label (no niche)."""

    text: str
    origin: tuple[int, ...]
    reach: tuple[int, ...]
    label: tuple[bool, ...]

    def in_brief(self, start: int, end: int) -> tuple[int, int]:
        """The brief's span for the text's span [start, end): its values' characters, without the label (a
        table's header is a line above its value) when the span holds a value."""
        kept = [i for i in range(start, end) if self.origin[i] >= 0]
        values = [i for i in kept if not self.label[i]] or kept
        if not values:
            return 0, 0
        return self.origin[values[0]], self.reach[values[-1]]


class _Writer:
    """The rewritten text, built piece by piece with each character's offset in the brief."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.reach: list[int] = []  # where each character's stretch of the brief ends
        self.label: list[bool] = []

    def copy(self, brief: str, start: int, end: int) -> None:
        self.chars.extend(brief[start:end])
        self.origin.extend(range(start, end))
        self.reach.extend(range(start + 1, end + 1))
        self.label.extend([False] * (end - start))

    def add(self, text: str, label: bool = False) -> None:
        self.chars.extend(text)
        self.origin.extend([-1] * len(text))
        self.reach.extend([-1] * len(text))
        self.label.extend([label] * len(text))

    def write_label(self, brief: str, spans: list[tuple[int, int]]) -> None:
        """A label from spans of the brief (a header cell, a JSON key path), its joiners written as spaces; a
        tool's name for a figure ('Min F', '$/post', 'Total (USD)') in the words the readers know."""
        plain = plain_label(" ".join(brief[start:end] for start, end in spans))
        if plain is not None:
            self.add(plain, label=True)
            self.add(": ")
            return
        for n, (start, end) in enumerate(spans):
            if n:
                self.add(" ", label=True)
            for offset in range(start, end):
                char = brief[offset]
                self.chars.append(" " if char in "_." else char)
                self.origin.append(offset)
                self.reach.append(offset + 1)
                self.label.append(True)
                if offset + 1 < end and KEY_BREAK.match(brief, offset + 1):
                    self.add(" ", label=True)
        self.add(": ")

    def write_values(self, brief: str, spans: list[tuple[int, int]]) -> None:
        """A pair's values, ", " between them; a cell's own list ("instagram;tiktok", "IT|GR") reads as one with
        commas."""
        for n, (start, end) in enumerate(spans):
            if n:
                self.add(", ")
            for offset in range(start, end):
                listed = brief[offset] in ";|"  # a cell's own list: "instagram;tiktok", "IT|GR"
                self.chars.append("," if listed else brief[offset])
                self.origin.append(offset)
                self.reach.append(offset + 1)
                self.label.append(False)
                if listed and brief[offset + 1:offset + 2] != " ":
                    self.add(" ")
        self.add("\n")

    def write_figure(self, figure: str, start: int, end: int) -> None:
        """A figure the brief does not write (a column's sum), pointing at the cells it sums: [start, end)."""
        self.chars.extend(figure)
        self.origin.extend([start] * len(figure))
        self.reach.extend([end] * len(figure))
        self.label.extend([False] * len(figure))
        self.add("\n")

    def form(self) -> PastedForm:
        return PastedForm("".join(self.chars), tuple(self.origin), tuple(self.reach), tuple(self.label))


def pasted_form(brief: str) -> PastedForm | None:
    """The brief as 'label: value' lines when it holds a JSON object, a table's header and rows, or labels the readers
    do not know, else None."""
    found = json_pairs(brief) or table_pairs(brief)
    if found is None:
        return _with_plain_labels(brief)
    start, end, pairs = found
    writer = _Writer()
    writer.copy(brief, 0, start)
    writer.add("\n")
    for pair in pairs:
        writer.write_label(brief, pair.label)
        if pair.figure is None:
            writer.write_values(brief, pair.values)
        else:
            writer.write_figure(pair.figure, pair.values[0][0], pair.values[-1][1])
    writer.copy(brief, end, len(brief))
    return writer.form()


# a line of a form (or an item after a bar): an optional bullet, a short label without figures, a colon, the answer
_LABEL_LINE = re.compile(r"(?:^|(?<=\|))[ \t]*(?:[-*•]\s*)?([^\W\d_][^:|\n\d]{0,40}?)[ \t]*[:：]", re.MULTILINE)
_MIN_LABEL_LINES = 2


# a ticket's title field ("Key: SOC-88 / Summary: Bilingual creators – Tía Lupe tortillas"): read as its first line
_TITLE_FIELDS = frozenset("summary title titel subject betreff asunto objet projet project task".split())
_TITLE_REACH = 4  # lines of ticket fields a title may follow


def _with_plain_labels(brief: str) -> PastedForm | None:
    """A form written as 'label: value' lines, its labels of figures in the readers' words ('Anzahl: 6' ->
    'creators: 6') and its title field first, or None when it has neither."""
    labelled = list(_LABEL_LINE.finditer(brief))
    named = [(match.span(1), plain_label(match.group(1))) for match in labelled]
    # a tool's key ("number_of_moms", "followerCap") or a label in another language is rewritten
    plain = [(span, label) for span, label in named if label is not None and (FOREIGN_LABEL_WORDS & set(
        re.findall(r"[^\W\d_]+", brief[slice(*span)].lower())) or "_" in brief[slice(*span)] or KEY_BREAK.search(
        brief[slice(*span)]))]
    lines = line_spans(brief)
    starts = {match.start(): match.group(1).lower() for match in labelled}
    title = next((n for n, (start, _) in enumerate(lines[:_TITLE_REACH]) if starts.get(start) in _TITLE_FIELDS), 0)
    if title and not all(start in starts for start, _ in lines[:title]):
        title = 0  # a title field after free text is no ticket's
    if len(labelled) < _MIN_LABEL_LINES or not (plain or title):
        return None
    writer = _Writer()
    for n, (start, end) in enumerate([lines[title], *lines[:title], *lines[title + 1:]]):
        if n:
            writer.add("\n")
        position = start
        for (label_start, label_end), label in plain:
            if start <= label_start < end:
                writer.copy(brief, position, label_start)
                writer.add(label, label=True)
                position = label_end
        writer.copy(brief, position, end)
    return writer.form()
