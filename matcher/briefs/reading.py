"""What the reader found in a brief: each constraint with the phrase it came from, applied or suggested."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from matcher.briefs.filters import Filters
from matcher.briefs.tokens import Tokens

# readings whose field is not itself a filter field
_FILTER_FIELDS = {"followers": ("min_followers", "max_followers"), "exclude_platforms": ("platforms",)}


@dataclass(frozen=True)
class Reading:
    """One constraint read from a brief, with the phrase and character span it came from.

    A reading that is not `applied` is a suggestion: the brief may mean it, but the reader is not sure
    (a demonym before a product noun, a city in several countries), so it is shown for the user to accept.
    """

    field: str
    value: Any
    phrase: str
    start: int
    end: int
    applied: bool = True
    note: str = ""

    @property
    def filter_fields(self) -> tuple[str, ...]:
        """The filter fields this reading sets: what `Filters.ignore_parsed` must name to drop it."""
        return _FILTER_FIELDS.get(self.field, (self.field,))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        out = {"field": self.field, "value": value, "text": self.phrase, "start": self.start, "end": self.end,
               "filters": list(self.filter_fields)}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class ParsedBrief:
    """A brief split into the niche text to embed and the constraints read from it."""

    text: str
    query_text: str
    filters: Filters
    readings: tuple[Reading, ...] = field(default_factory=tuple)

    @property
    def applied(self) -> tuple[Reading, ...]:
        """The readings that became filters."""
        return tuple(r for r in self.readings if r.applied)

    @property
    def suggestions(self) -> tuple[Reading, ...]:
        """The readings offered to the user but not applied."""
        return tuple(r for r in self.readings if not r.applied)

    @property
    def matched(self) -> tuple[tuple[str, str], ...]:
        """(field, phrase) of every applied reading, in the order of the brief."""
        return tuple((r.field, r.phrase) for r in self.applied)


def with_filters(parsed: ParsedBrief, explicit: Filters | None) -> ParsedBrief:
    """The parsed brief with explicit filters applied over the parsed ones (and parsed fields ignored)."""
    if explicit is None:
        return parsed
    return replace(parsed, filters=explicit.merged_over(parsed.filters))


def claimed_reading(tokens: Tokens, field: str, value: object, start: int, end: int) -> Reading:
    """A reading of tokens [start, end), which it claims so that no later rule reads them again."""
    tokens.claim(start, end, field)
    return Reading(field, value, tokens.span_text(start, end), tokens.starts[start], tokens.ends[end - 1])


