"""Preferences a brief does not require: "ideally in Spain but not a must", "bonus if they speak Catalan".

A reading in a clause that says it is no requirement, or under a heading that says so ("Nice-to-haves (NOT
requirements):" and the lines below it), is offered as a suggestion instead of applied.
"""

from __future__ import annotations

import re
from dataclasses import replace

from matcher.briefs.reading import Reading

# the fields a preference can soften; a count, money, the brand and competitors are never "nice to have"
HEDGEABLE = frozenset({"countries", "languages", "followers", "min_followers", "max_followers", "tiers", "platforms"})
_NOT_REQUIRED = re.compile(
    r"\b(?:not an? (?:must|requirement|hard requirement)|not (?:required|mandatory|essential|necessary|a dealbreaker)"
    r"|nice[- ]to[- ]haves?|bonus if|bonus points|(?:is|are|would be) a (?:big )?plus|optional"
    r"|(?:happy|willing|open) to be flexible|can be flexible)\b", re.IGNORECASE)
_CLAUSE_ENDS = re.compile(r"[.,;!?\n]")


def hedged_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, marker) of each stretch of `text` the brief says is no requirement."""
    spans = []
    for match in _NOT_REQUIRED.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_end].rstrip().endswith(":"):
            # a heading: the lines below it, up to a blank line or the next heading
            end = line_end
            while end < len(text):
                next_end = text.find("\n", end + 1)
                next_end = len(text) if next_end < 0 else next_end
                line = text[end + 1:next_end].strip()
                if not line or line.endswith(":"):
                    break
                end = next_end
            spans.append((line_start, end, match.group(0)))
            continue
        before = [m.end() for m in _CLAUSE_ENDS.finditer(text, 0, match.start())]
        after = _CLAUSE_ENDS.search(text, match.end())
        spans.append((before[-1] if before else 0, after.start() if after else len(text), match.group(0)))
    return spans


def soften_preferences(readings: list[Reading], text: str) -> list[Reading]:
    """Readings inside a stretch the brief says is no requirement become suggestions, with the phrase that says so."""
    spans = hedged_spans(text)
    if not spans:
        return readings
    softened = []
    for reading in readings:
        marker = next((m for start, end, m in spans if start <= reading.start < end), None)
        if reading.applied and marker is not None and reading.field in HEDGEABLE:
            reading = replace(reading, applied=False, note=f"a preference the brief does not require ('{marker}')")
        softened.append(reading)
    return softened
