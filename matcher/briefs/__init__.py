"""Briefs: the reader that turns plain words into constraints and niche text, and the filters they give."""

from matcher.briefs.filters import (
    MAX_RESULTS,
    NICHE_LABELS,
    PARSED_FIELDS,
    UNKNOWN_DEFAULTS,
    Filters,
    filters_from_options,
    unknown_policies,
)
from matcher.briefs.reader import MAX_BRIEF_CHARS, BriefReader, default_reader, parse_brief, warm_brief_reader
from matcher.briefs.reading import ParsedBrief, Reading, with_filters

__all__ = [
    "MAX_BRIEF_CHARS",
    "MAX_RESULTS",
    "NICHE_LABELS",
    "PARSED_FIELDS",
    "UNKNOWN_DEFAULTS",
    "BriefReader",
    "Filters",
    "ParsedBrief",
    "Reading",
    "default_reader",
    "filters_from_options",
    "parse_brief",
    "unknown_policies",
    "warm_brief_reader",
    "with_filters",
]
