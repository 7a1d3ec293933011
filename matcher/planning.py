"""Budgeted team selection: the set of creators worth most together, under a budget and a size cap.

Objective. Creator i is worth ``v_i = fit_i * trust_i * e_i`` (niche fit times expected
engagements per post, weighted by trust) and its audience is a distribution ``u_i`` over audience
atoms (`matcher.overlap`). A team S is worth the audience it covers::

    f(S) = sum_a max_{i in S} v_i * u_ia

Every atom keeps only the largest reach any member has in it, so paying twice for the same people
adds nothing, while creators with disjoint audiences add up (f = sum of v_i). Proof sketch that f
is monotone submodular: for one atom, ``S -> max_{i in S} w_ia`` with ``w_ia >= 0`` is monotone and
submodular (the gain of adding j, ``max(0, w_ja - max_S w_ia)``, can only shrink as S grows; this
is the facility-location function, Cornuejols, Fisher & Nemhauser 1977); non-negative sums keep
both properties. f(empty) = 0.

Selection. CELF's rule (Leskovec et al. 2007, "Cost-effective outbreak detection in networks"):
run the cost-benefit greedy (add the affordable creator with the largest marginal gain per unit of
cost; one that no longer fits is skipped, not a stop) and the unit-cost greedy (largest marginal
gain), keep the better team. The unit-cost greedy's first pick is the best affordable single
creator, so the result is at least that of the modified greedy of Khuller, Moss & Naor (1999),
which Krause & Guestrin (2005, "A note on the budgeted maximization of submodular functions")
showed for any monotone submodular f. Guarantee under the budget alone:
``f(team) >= (1 - 1/e) / 2 * OPT`` (about 0.316 OPT); the tests check it against exhaustive search.
The cost-benefit greedy is also run from each of the `seeds` most valuable affordable creators
(partial enumeration of size one, after Sviridenko 2004, whose size-three enumeration reaches
1 - 1/e at O(n^5) cost): with a large budget the plain ratio greedy can spend it on many small
creators and miss a large one. Keeping the best of more feasible teams never lowers the bound.

Team size. A size cap (knapsack plus cardinality) is handled as an additional constraint: every
greedy stops at `max_size` members. The bound above is proven for the budget alone and is not
claimed under a size cap; the tests check that the cap is respected and measure the ratio to the
exhaustive optimum with it (docs/planning.md).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

GREEDY_GUARANTEE = (1.0 - 1.0 / math.e) / 2.0
DEFAULT_SEEDS = 10


class TeamSelection(NamedTuple):
    """The chosen members (row numbers, in the order added), their gains and the team's totals.

    `gains[k]` is the value member k added to the members before it; `strategy` names the greedy
    whose team won: "cost-benefit greedy", "unit-cost greedy" or "cost-benefit greedy from its first
    member" (a seeded run).
    """

    members: tuple[int, ...]
    gains: tuple[float, ...]
    value: float
    cost: float
    strategy: str


def team_value(values: ArrayLike, profiles: ArrayLike, members: ArrayLike) -> float:
    """f(S) = sum over atoms of the largest v_i * u_ia among the members (module docstring)."""
    weights = np.asarray(values, dtype=float)[:, None] * np.asarray(profiles, dtype=float)
    rows = np.asarray(members, dtype=np.int64)
    return float(weights[rows].max(axis=0).sum()) if len(rows) else 0.0


def _greedy(weights: NDArray[np.float64], costs: NDArray[np.float64], budget: float, max_size: int,
            by_ratio: bool, seed: int | None = None) -> tuple[list[int], list[float]]:
    covered = np.zeros(weights.shape[1])
    open_rows = np.ones(len(costs), dtype=bool)
    members: list[int] = []
    gains: list[float] = []
    spent = 0.0
    if seed is not None:
        members, gains, spent = [seed], [float(weights[seed].sum())], float(costs[seed])
        covered = weights[seed].copy()
        open_rows[seed] = False
    while len(members) < max_size:
        open_rows &= costs <= budget - spent + 1e-9
        if not open_rows.any():
            break
        gain = np.maximum(weights - covered, 0.0).sum(axis=1)
        if by_ratio:
            with np.errstate(divide="ignore", invalid="ignore"):
                score = np.where(costs > 0, gain / np.where(costs > 0, costs, 1.0), np.where(gain > 0, np.inf, 0.0))
        else:
            score = gain
        score = np.where(open_rows, score, -np.inf)
        best = int(np.argmax(score))  # ties go to the lower row: the better-ranked candidate
        if gain[best] <= 0:
            break
        members.append(best)
        gains.append(float(gain[best]))
        spent += float(costs[best])
        covered = np.maximum(covered, weights[best])
        open_rows[best] = False
    return members, gains


def select_team(values: ArrayLike, costs: ArrayLike, profiles: ArrayLike, budget: float,
                max_size: int | None = None, seeds: int = DEFAULT_SEEDS) -> TeamSelection:
    """The best team of the cost-benefit, unit-cost and seeded greedies (module docstring: the guarantee).

    Parameters
    ----------
    values
        v_i >= 0 per candidate (fit x trust x expected engagements).
    costs
        Price of each candidate, >= 0.
    profiles
        (candidates x atoms) audience distributions, non-negative (`matcher.overlap`).
    budget
        Total the team may cost, >= 0; the team never costs more.
    max_size
        Largest team, >= 1; None for no cap.
    seeds
        How many of the most valuable affordable creators also start a cost-benefit greedy of their own.
    """
    value = np.asarray(values, dtype=float)
    cost = np.asarray(costs, dtype=float)
    profile = np.asarray(profiles, dtype=float)
    n = len(value)
    if value.ndim != 1 or np.any(~np.isfinite(value)) or np.any(value < 0):
        raise ValueError("values: need finite numbers >= 0, one per candidate")
    if cost.shape != (n,) or np.any(~np.isfinite(cost)) or np.any(cost < 0):
        raise ValueError(f"costs: need {n} finite numbers >= 0")
    if profile.ndim != 2 or len(profile) != n or np.any(~np.isfinite(profile)) or np.any(profile < 0):
        raise ValueError(f"profiles: need a ({n} x atoms) array of finite shares >= 0")
    if not math.isfinite(budget) or budget < 0:
        raise ValueError(f"budget: must be a finite number >= 0, got {budget}")
    if max_size is not None and max_size < 1:
        raise ValueError(f"max_size: must be at least 1, got {max_size}")
    if seeds < 0:
        raise ValueError(f"seeds: must be >= 0, got {seeds}")
    size = n if max_size is None else max_size
    weights = value[:, None] * profile
    candidates: list[tuple[str, list[int], list[float]]] = []
    for name, by_ratio in (("cost-benefit greedy", True), ("unit-cost greedy", False)):
        members, gains = _greedy(weights, cost, budget, size, by_ratio)
        candidates.append((name, members, gains))
    affordable = np.flatnonzero(cost <= budget + 1e-9)
    single_value = weights.sum(axis=1)
    for seed in affordable[np.argsort(-single_value[affordable], kind="stable")][:seeds]:
        members, gains = _greedy(weights, cost, budget, size, True, int(seed))
        candidates.append(("cost-benefit greedy from its first member", members, gains))
    # max keeps the first of equal values: the cost-benefit greedy usually spends less for the same value
    name, members, gains = max(candidates, key=lambda c: sum(c[2]))
    return TeamSelection(tuple(members), tuple(gains), float(sum(gains)), float(cost[members].sum()), name)


def ranked_within_budget(costs: ArrayLike, ranking: ArrayLike, budget: float,
                         max_size: int | None = None) -> list[int]:
    """The baseline a plan is compared with: candidates in rank order, each kept while it fits.

    One that no longer fits the budget left is skipped and the next one tried, as in the greedy.
    """
    cost = np.asarray(costs, dtype=float)
    chosen: list[int] = []
    spent = 0.0
    for position in np.asarray(ranking, dtype=np.int64):
        if max_size is not None and len(chosen) >= max_size:
            break
        if spent + cost[position] <= budget + 1e-9:
            chosen.append(int(position))
            spent += float(cost[position])
    return chosen
