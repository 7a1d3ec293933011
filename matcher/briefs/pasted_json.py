"""A JSON object pasted into a brief, read as label and value spans: nested keys joined into one label
('"followers": {"min": 5000}' -> followers min), a list's scalars as one label's values."""

from __future__ import annotations

import json
import re

from matcher.briefs.form_pairs import EMPTY_VALUES, FormPair, Span

# a JSON text's tokens: a string, a number, a literal, a mark
_JSON_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(true|false|null)'
                         r'|([{}\[\]:,]))')


def json_pairs(brief: str) -> tuple[int, int, list[FormPair]] | None:
    """The first JSON object of the brief as label and value spans (nested keys joined, lists as values)."""
    opening = brief.find("{")
    while opening >= 0:
        try:
            parsed, end = json.JSONDecoder().raw_decode(brief, opening)
        except ValueError:
            opening = brief.find("{", opening + 1)
            continue
        if not isinstance(parsed, dict) or len(parsed) < 2:
            return None
        pairs = _scan_json(brief, opening, end)
        return (opening, end, pairs) if pairs else None
    return None


def _scan_json(brief: str, start: int, end: int) -> list[FormPair]:
    """Walk a JSON text that parsed: every scalar value under its key path (lists' scalars under their key)."""
    pairs: list[FormPair] = []
    path: list[Span | None] = []  # one key per open object (None until its key is read)
    lists: list[tuple[int, list[Span]]] = []  # open lists: the depth of `path` they sit at, their values
    expecting_key = False
    position = start
    while position < end:
        match = _JSON_TOKEN.match(brief, position)
        if match is None:
            break
        position = match.end()
        string, number, _literal, mark = match.groups()
        if mark == "{":
            path.append(None)
            expecting_key = True
        elif mark == "}":
            path.pop()
            expecting_key = False
        elif mark == "[":
            lists.append((len(path), []))
        elif mark == "]":
            depth, values = lists.pop()
            _add_pair(pairs, path[:depth], values)
        elif mark == ",":
            expecting_key = bool(path) and (not lists or lists[-1][0] < len(path))
        elif mark == ":":
            expecting_key = False
        elif string is not None and expecting_key:
            path[-1] = (match.start(1) + 1, match.end(1) - 1)
        elif string is not None or number is not None:  # true, false and null say nothing a reader can take
            span = (match.start(1) + 1, match.end(1) - 1) if string is not None else match.span(2)
            if brief[span[0]:span[1]].strip().lower() in EMPTY_VALUES:
                continue
            if lists and lists[-1][0] == len(path):
                lists[-1][1].append(span)
            else:
                _add_pair(pairs, path, [span])
    return pairs


def _add_pair(pairs: list[FormPair], path: list[Span | None], values: list[Span]) -> None:
    label = [key for key in path if key is not None]
    if label and values:
        pairs.append(FormPair(label, values))
