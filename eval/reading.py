"""How well the brief reader reads: briefs labelled with their constraints in, per-field accuracy out.

The corpus format is described in tests/matcher/brief_corpus/README.md: one JSON object per line with the
brief's `text`, the constraints a careful reader takes from it (`expect`), whether it is a `trap`, and the
niche words that must stay in the embedded text (`keep_words`). A brief is fully right when every field
equals its label and every keep word survives.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matcher.briefs import ParsedBrief
from matcher.errors import BriefError
from matcher.schema import PLATFORMS

READ_FIELDS = ("platforms", "min_followers", "max_followers", "tiers", "countries", "suggested_countries",
               "languages", "k", "max_price_per_post", "campaign_budget", "brand", "competitors")
_SETS = {"platforms", "tiers", "countries", "suggested_countries", "languages"}


@dataclass(frozen=True)
class LabelledBrief:
    """One corpus line."""

    brief_id: str
    text: str
    expect: Mapping[str, Any]
    trap: bool = False
    style: str = ""
    keep_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class BriefOutcome:
    """The reader's reading of one labelled brief and the fields it got wrong."""

    brief: LabelledBrief
    got: dict[str, Any]
    wrong: tuple[str, ...]
    missing_words: tuple[str, ...]
    inverted: bool
    trap_constraints: tuple[str, ...]

    @property
    def fully_right(self) -> bool:
        """Every field right and every niche word kept."""
        return not self.wrong and not self.missing_words


@dataclass(frozen=True)
class ReadingScore:
    """A corpus's figures: the share fully right, per-field accuracy, inverted bounds, traps that read."""

    outcomes: tuple[BriefOutcome, ...] = field(default_factory=tuple)

    @property
    def briefs(self) -> int:
        """Briefs scored."""
        return len(self.outcomes)

    @property
    def fully_right(self) -> float:
        """Share of briefs read right on every field."""
        return sum(o.fully_right for o in self.outcomes) / max(len(self.outcomes), 1)

    def field_accuracy(self) -> dict[str, float]:
        """Share of briefs right on each field (and on keeping their niche words)."""
        n = max(len(self.outcomes), 1)
        out = {name: sum(name not in o.wrong for o in self.outcomes) / n for name in READ_FIELDS}
        out["keep_words"] = sum(not o.missing_words for o in self.outcomes) / n
        return out

    @property
    def inverted_bounds(self) -> int:
        """Briefs where a follower minimum was read as a maximum or the other way round."""
        return sum(o.inverted for o in self.outcomes)

    @property
    def traps(self) -> int:
        """Trap briefs in the corpus."""
        return sum(o.brief.trap for o in self.outcomes)

    @property
    def traps_read(self) -> int:
        """Trap briefs that gave a constraint their label does not have."""
        return sum(bool(o.trap_constraints) for o in self.outcomes if o.brief.trap)

    def failures(self) -> list[BriefOutcome]:
        """The briefs not fully right."""
        return [o for o in self.outcomes if not o.fully_right]


def load_corpus(path: str | Path) -> list[LabelledBrief]:
    """Read a corpus file; a line that is not a labelled brief is an error naming the line."""
    briefs = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            briefs.append(LabelledBrief(str(row["id"]), str(row["text"]), dict(row.get("expect") or {}),
                                        bool(row.get("trap", False)), str(row.get("style", "")),
                                        tuple(str(w) for w in row.get("keep_words", ()))))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise BriefError(f"{path} line {number}: not a labelled brief ({exc})") from None
    return briefs


def expected_reading(expect: Mapping[str, Any]) -> dict[str, Any]:
    """The label as the reader's fields: excluded platforms become the platforms that remain."""
    out = {key: value for key, value in expect.items() if key != "exclude_platforms"}
    if out.get("suggested_countries") and out.get("countries"):
        # a country the brief applies is not also offered: suggestions hold only what is not applied
        out["suggested_countries"] = [c for c in out["suggested_countries"] if c not in out["countries"]]
    excluded = expect.get("exclude_platforms")
    if excluded:
        out["platforms"] = [p for p in (out.get("platforms") or PLATFORMS) if p not in excluded]
    return out


def reading_of(parsed: ParsedBrief) -> dict[str, Any]:
    """The reader's fields: the applied filters, plus suggested countries not also applied."""
    out = {key: value for key, value in parsed.filters.as_dict().items() if key in READ_FIELDS}
    applied = set(out.get("countries", ()))
    suggested = [c for r in parsed.suggestions if r.field == "countries" for c in r.value if c not in applied]
    if suggested:
        out["suggested_countries"] = list(dict.fromkeys(suggested))
    return out


def _normal(name: str, value: Any) -> Any:
    if value is None or value == [] or value == ():
        return None
    if name in _SETS:
        return tuple(sorted(set(value)))
    if name == "competitors":
        return tuple(sorted(str(v).casefold() for v in value))
    if name in ("min_followers", "max_followers", "k"):
        return int(value)
    if name in ("max_price_per_post", "campaign_budget"):
        return round(float(value), 2)
    if name == "brand":
        return str(value).casefold()
    return value


def score_briefs(briefs: Iterable[LabelledBrief], read: Callable[[str], ParsedBrief]) -> ReadingScore:
    """Read every brief and compare each field with its label."""
    outcomes = []
    for brief in briefs:
        parsed = read(brief.text)
        expected, got = expected_reading(brief.expect), reading_of(parsed)
        wrong = tuple(name for name in READ_FIELDS if _normal(name, expected.get(name)) != _normal(name, got.get(name)))
        niche = parsed.query_text.casefold()
        missing = tuple(word for word in brief.keep_words if word.casefold() not in niche)
        inverted = any(expected.get(a) is not None and got.get(b) == expected.get(a) and got.get(a) is None
                       for a, b in (("min_followers", "max_followers"), ("max_followers", "min_followers")))
        # a suggestion is not a constraint: only applied fields count against a trap
        extra = tuple(name for name in wrong if name != "suggested_countries"
                      and expected.get(name) in (None, [], ()) and got.get(name) not in (None, []))
        outcomes.append(BriefOutcome(brief, got, wrong, missing, inverted, extra))
    return ReadingScore(tuple(outcomes))


def score_lines(score: ReadingScore, title: str) -> Sequence[str]:
    """A corpus's figures as printable lines."""
    accuracy = score.field_accuracy()
    lines = [f"{title}: {score.briefs} briefs, fully right {score.fully_right:.1%} "
             f"({sum(o.fully_right for o in score.outcomes)}/{score.briefs}); inverted follower bounds "
             f"{score.inverted_bounds}; traps giving a constraint {score.traps_read} of {score.traps}",
             "  per field: " + ", ".join(f"{name} {value:.1%}" for name, value in accuracy.items())]
    for outcome in score.failures():
        expected = expected_reading(outcome.brief.expect)
        detail = "; ".join(f"{name}: expected {expected.get(name)!r}, read {outcome.got.get(name)!r}"
                           for name in outcome.wrong)
        if outcome.missing_words:
            detail += ("; " if detail else "") + f"niche words lost: {', '.join(outcome.missing_words)}"
        lines.append(f"  {outcome.brief.brief_id}: {detail}")
    return lines
