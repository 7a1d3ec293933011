"""A campaign plan as the engine answers it: the team, each member's numbers and why, the alternates.

The selection itself is `matcher.planning.select_team`; `plan_team` turns a query's scored candidate
pool into its inputs (value, price, audience profile per candidate) and its output into an explained
plan, whose `to_dict` is the one JSON form of `creatormatch plan --json` and `POST /plan`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from matcher.briefs import Filters, ParsedBrief
from matcher.planning import ranked_within_budget, select_team, team_value
from matcher.results import Match, brief_fields, json_ready

DEFAULT_ALTERNATES = 5
# an alternate whose new audience is under this share of its own is said to be left out for overlap
OVERLAP_REASON_SHARE = 0.6


@dataclass(frozen=True)
class PlanCandidate:
    """What the plan knows of one candidate: its value's parts, its price and its audience basis."""

    fit: float
    trust: float
    expected_engagements: float
    price: float
    price_estimated: bool
    price_basis: str
    audience_basis: str

    @property
    def value(self) -> float:
        """v = fit x trust x expected engagements per post."""
        return self.fit * self.trust * self.expected_engagements

    @property
    def cost_per_engagement(self) -> float | None:
        """Price per expected engagement (None without engagements)."""
        return self.price / self.expected_engagements if self.expected_engagements > 0 else None

    def to_dict(self) -> dict[str, Any]:
        """The plan's numbers of this candidate, as a plan's JSON shows them beside its match."""
        return {"cost": round(self.price, 2), "price_estimated": self.price_estimated,
                "price_basis": self.price_basis, "expected_engagements": self.expected_engagements,
                "cost_per_engagement": self.cost_per_engagement, "fit": round(self.fit, 4),
                "trust": round(self.trust, 4), "value": round(self.value, 2), "audience_basis": self.audience_basis}


@dataclass(frozen=True)
class TeamMember:
    """A chosen creator: the match explanation, the plan's numbers and the reasons it was chosen."""

    match: Match
    candidate: PlanCandidate
    gain: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Alternate:
    """A well-ranked creator left out of the team, with what it would have added and why it was not."""

    match: Match
    candidate: PlanCandidate
    gain: float
    reason: str


@dataclass(frozen=True)
class RankedBaseline:
    """The best-ranked candidates taken in match order while they fit the budget (and the size cap)."""

    creator_ids: tuple[str, ...]
    cost: float
    expected_engagements: float
    value: float
    mean_pairwise_overlap: float | None


@dataclass(frozen=True)
class TeamPlan:
    """A brief's campaign: the team under the budget, its totals, overlaps and the alternates.

    `guarantee` is the proven share of the best team's value, (1 - 1/e) / 2; None under a size cap,
    where no bound is claimed (`matcher.planning`).
    """

    brief_id: str | None
    brief: ParsedBrief
    filters: Filters
    preset: str
    index_version: str
    eligible_creators: int
    candidates: int
    budget: float
    max_size: int | None
    strategy: str
    guarantee: float | None
    team: tuple[TeamMember, ...]
    overlap: tuple[tuple[float, ...], ...]
    alternates: tuple[Alternate, ...]
    skipped: tuple[tuple[str, str], ...]
    baseline: RankedBaseline
    niches: tuple[tuple[str, float], ...] = ()

    @property
    def total_cost(self) -> float:
        """Sum of the members' prices."""
        return float(sum(m.candidate.price for m in self.team))

    @property
    def total_expected_engagements(self) -> float:
        """Sum of the members' expected engagements per post (overlap not removed)."""
        return float(sum(m.candidate.expected_engagements for m in self.team))

    @property
    def team_value(self) -> float:
        """The objective f(team): fit- and trust-weighted engagements, each audience atom counted once."""
        return float(sum(m.gain for m in self.team))

    @property
    def mean_pairwise_overlap(self) -> float | None:
        """Mean overlap over the team's pairs (None for a team of fewer than two)."""
        n = len(self.overlap)
        if n < 2:
            return None
        return float(sum(self.overlap[i][j] for i in range(n) for j in range(i + 1, n)) / (n * (n - 1) / 2))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the contract of `creatormatch plan --json` and `POST /plan`."""
        members = [m.match.creator_id for m in self.team]
        expected = self.total_expected_engagements
        return json_ready({
            **brief_fields(self.brief_id, self.brief, self.filters, self.niches),
            "preset": self.preset,
            "index_version": self.index_version,
            "eligible_creators": self.eligible_creators,
            "candidates": self.candidates,
            "budget": self.budget,
            "max_size": self.max_size,
            "selection": {"strategy": self.strategy,
                          "guarantee": round(self.guarantee, 4) if self.guarantee is not None else None,
                          "objective": "sum over audience atoms of the largest fit x trust x expected engagements "
                                       "share among members (docs/planning.md)"},
            "team": [{**m.match.to_dict(), **m.candidate.to_dict(), "gain": round(m.gain, 2), "why": list(m.reasons)}
                     for m in self.team],
            "totals": {"members": len(self.team), "cost": round(self.total_cost, 2),
                       "budget_left": round(self.budget - self.total_cost, 2), "expected_engagements": expected,
                       "cost_per_engagement": self.total_cost / expected if expected > 0 else None,
                       "value": round(self.team_value, 2), "mean_pairwise_overlap": self.mean_pairwise_overlap},
            "overlap": {"creator_ids": members, "matrix": [[round(x, 4) for x in row] for row in self.overlap]},
            "alternates": [{"creator_id": a.match.creator_id, "handle": a.match.handle, "platform": a.match.platform,
                            "followers": a.match.followers, "score": a.match.score, **a.candidate.to_dict(),
                            "gain": round(a.gain, 2), "why_not": a.reason} for a in self.alternates],
            "skipped": [{"creator_id": creator_id, "reason": reason} for creator_id, reason in self.skipped],
            "ranked_baseline": asdict(self.baseline),
        })


def mean_pairwise(overlap: NDArray[np.float64]) -> float | None:
    """Mean of the upper triangle of a square overlap matrix (None below two rows)."""
    n = len(overlap)
    return float(overlap[np.triu_indices(n, 1)].mean()) if n >= 2 else None


def ranked_baseline(candidates: Sequence[PlanCandidate], profiles: NDArray[np.float64],
                    overlap: NDArray[np.float64], ranking: Sequence[int], creator_ids: Sequence[str], budget: float,
                    max_size: int | None) -> RankedBaseline:
    """What taking the top matches in order buys with the same budget, to compare the plan with."""
    prices = np.array([c.price for c in candidates], dtype=float)
    members = ranked_within_budget(prices, ranking, budget, max_size)
    values = np.array([c.value for c in candidates], dtype=float)
    return RankedBaseline(
        creator_ids=tuple(creator_ids[m] for m in members), cost=float(prices[members].sum()),
        expected_engagements=float(sum(candidates[m].expected_engagements for m in members)),
        value=team_value(values, profiles, members),
        mean_pairwise_overlap=mean_pairwise(overlap[np.ix_(members, members)]))


def choose_team(candidates: Sequence[PlanCandidate], profiles: NDArray[np.float64], overlap: NDArray[np.float64],
                ranking: Sequence[int], handles: Sequence[str], budget: float, max_size: int | None,
                explain: Callable[[int], Match], alternates: int = DEFAULT_ALTERNATES,
                ) -> tuple[str, tuple[TeamMember, ...], tuple[tuple[float, ...], ...], tuple[Alternate, ...]]:
    """Select the team among `candidates` and explain it: (strategy, members, overlap matrix, alternates).

    `ranking` lists candidate positions best-ranked first (the match order); alternates are the
    best-ranked candidates left out. `explain(position)` gives a candidate's match explanation.
    """
    values = np.array([c.value for c in candidates], dtype=float)
    prices = np.array([c.price for c in candidates], dtype=float)
    selection = select_team(values, prices, profiles, budget, max_size)
    members = list(selection.members)
    team: list[TeamMember] = []
    for step, (position, gain) in enumerate(zip(members, selection.gains, strict=True)):
        candidate = candidates[position]
        reasons = [f"value {candidate.value:,.0f} = fit {candidate.fit:.2f} x trust {candidate.trust:.2f} x "
                   f"{candidate.expected_engagements:,.0f} expected engagements per post"]
        if candidate.value > 0:
            reasons.append(f"added {gain:,.0f} new value ({gain / candidate.value:.0%} of its own) as pick "
                           f"{step + 1} of the {selection.strategy}")
        per_engagement = candidate.cost_per_engagement
        if per_engagement is not None:
            reasons.append(f"{per_engagement:.3f} per engagement"
                           + (" (price estimated)" if candidate.price_estimated else ""))
        team.append(TeamMember(explain(position), candidate, float(gain), tuple(reasons)))
    matrix = overlap[np.ix_(members, members)] if members else np.zeros((0, 0))
    left = budget - float(prices[members].sum()) if members else budget
    covered = (values[members, None] * profiles[members]).max(axis=0) if members else np.zeros(profiles.shape[1])
    full = max_size is not None and len(members) >= max_size
    out: list[Alternate] = []
    for position in ranking:
        if len(out) >= alternates:
            break
        if position in members:
            continue
        candidate = candidates[position]
        gain = float(np.maximum(values[position] * profiles[position] - covered, 0.0).sum())
        out.append(Alternate(explain(position), candidate, gain,
                             _left_out_reason(candidate, gain, left, full, max_size, overlap[position, members],
                                              [handles[m] for m in members])))
    return selection.strategy, tuple(team), tuple(tuple(float(x) for x in row) for row in matrix), tuple(out)


def _left_out_reason(candidate: PlanCandidate, gain: float, left: float, full: bool, max_size: int | None,
                     overlaps: NDArray[np.float64], member_handles: Sequence[str]) -> str:
    if candidate.value <= 0:
        return "no value to add: its niche fit, trust or expected engagements are zero"
    if candidate.price > left + 1e-9:
        return f"costs {candidate.price:,.2f}, more than the {left:,.2f} left of the budget"
    if full:
        return f"the team is full ({max_size} creators); it would add {gain:,.0f}"
    if gain < OVERLAP_REASON_SHARE * candidate.value and len(overlaps):
        closest = int(np.argmax(overlaps))
        return (f"audience overlaps {overlaps[closest]:.0%} with {member_handles[closest]}: it would add only "
                f"{gain:,.0f} ({gain / candidate.value:.0%} of its value)")
    return f"it would add {gain:,.0f} for {candidate.price:,.2f}: less value per cost than the team's members"
