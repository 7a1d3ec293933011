"""Budgeted team selection against exhaustive search over every team, and by hand."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from matcher.planning import GREEDY_GUARANTEE, ranked_within_budget, select_team, team_value


def reference_value(values: list[float], profiles: list[list[float]], team: tuple[int, ...]) -> float:
    """f(S) = sum over atoms of the largest v_i * u_ia among the members, in plain Python."""
    if not team:
        return 0.0
    atoms = len(profiles[0])
    return sum(max(values[i] * profiles[i][a] for i in team) for a in range(atoms))


def exhaustive_best(values: list[float], costs: list[float], profiles: list[list[float]], budget: float,
                    max_size: int | None) -> float:
    """The optimum over every team within the budget (and the size cap)."""
    n = len(values)
    best = 0.0
    for size in range(1, (max_size or n) + 1):
        for team in itertools.combinations(range(n), size):
            if sum(costs[i] for i in team) <= budget:
                best = max(best, reference_value(values, profiles, team))
    return best


def random_instance(rng: np.random.Generator) -> tuple[list[float], list[float], list[list[float]], float]:
    n = int(rng.integers(3, 9))
    atoms = int(rng.integers(2, 7))
    profiles = rng.random((n, atoms)) * (rng.random((n, atoms)) < 0.6)  # sparse audiences
    profiles[profiles.sum(axis=1) == 0, 0] = 1.0
    profiles /= profiles.sum(axis=1, keepdims=True)
    values = rng.lognormal(0, 1, n)
    costs = rng.lognormal(0, 1, n)
    budget = float(rng.uniform(0.2, 1.0) * costs.sum())
    return values.tolist(), costs.tolist(), profiles.tolist(), budget


@pytest.mark.parametrize("seeds", [0, 10])
def test_greedy_is_within_the_guarantee_of_the_optimum_and_never_over_budget(seeds: int) -> None:
    # seeds=0 is the two greedies alone, the algorithm the bound is proven for
    rng = np.random.default_rng(20)
    worst = 1.0
    for _ in range(300):
        values, costs, profiles, budget = random_instance(rng)
        selection = select_team(values, costs, profiles, budget, seeds=seeds)
        optimum = exhaustive_best(values, costs, profiles, budget, None)
        assert selection.cost <= budget + 1e-9
        assert sum(costs[i] for i in selection.members) == pytest.approx(selection.cost)
        assert len(set(selection.members)) == len(selection.members)
        assert selection.value == pytest.approx(reference_value(values, profiles, selection.members))
        assert selection.value >= GREEDY_GUARANTEE * optimum - 1e-9
        if optimum > 0:
            worst = min(worst, selection.value / optimum)
    assert pytest.approx((1 - 1 / math.e) / 2) == GREEDY_GUARANTEE
    assert worst <= 1.0


def test_size_cap_is_respected_and_the_budget_too() -> None:
    rng = np.random.default_rng(21)
    for _ in range(200):
        values, costs, profiles, budget = random_instance(rng)
        cap = int(rng.integers(1, 4))
        selection = select_team(values, costs, profiles, budget, max_size=cap)
        assert len(selection.members) <= cap
        assert selection.cost <= budget + 1e-9
        optimum = exhaustive_best(values, costs, profiles, budget, cap)
        assert selection.value <= optimum + 1e-9  # a feasible team is never better than the optimum


def test_of_two_identical_audience_creators_the_plan_picks_one() -> None:
    # a and b reach exactly the same people; c reaches others. Everyone is affordable together.
    values = [10.0, 10.0, 6.0]
    costs = [1.0, 1.0, 1.0]
    profiles = [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]]
    selection = select_team(values, costs, profiles, budget=3.0)
    assert len({0, 1} & set(selection.members)) == 1
    assert 2 in selection.members
    assert selection.value == pytest.approx(16.0)  # 10 + 6: the twin would add 0


def test_the_unit_cost_greedy_wins_when_the_ratio_greedy_fills_the_budget_with_a_cheap_one() -> None:
    # ratios: a 2/1 = 2, b 10/10.5 < 1 -> the ratio greedy takes a, then b no longer fits (11.5 > 10.5);
    # the unit-cost greedy starts with the best single creator, b
    values = [2.0, 10.0]
    costs = [1.0, 10.5]
    profiles = [[1.0, 0.0], [0.0, 1.0]]
    selection = select_team(values, costs, profiles, budget=10.5)
    assert selection.members == (1,) and selection.strategy == "unit-cost greedy"
    assert selection.value == pytest.approx(10.0)


def test_cost_benefit_greedy_by_hand() -> None:
    # a: 6 for 2 (3/unit), b: 4 for 1 (4/unit), c: 5 for 2 (2.5/unit) but c shares half of a's audience
    values = [6.0, 4.0, 5.0]
    costs = [2.0, 1.0, 2.0]
    profiles = [[0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.5, 0.0, 0.0, 0.5]]
    selection = select_team(values, costs, profiles, budget=5.0)
    # picks b (4/1), then a (6/2 = 3), then c adds max(0, 2.5 - 3) + 2.5 = 2.5 for 2 = 1.25/unit: fits (5 <= 5)
    assert selection.members == (1, 0, 2)
    assert selection.gains == pytest.approx((4.0, 6.0, 2.5))
    assert selection.value == pytest.approx(12.5) and selection.cost == pytest.approx(5.0)
    assert team_value(values, profiles, [0, 2]) == pytest.approx(3 + 3 + 2.5)


def test_nothing_affordable_gives_an_empty_team() -> None:
    selection = select_team([1.0, 2.0], [5.0, 6.0], [[1.0], [1.0]], budget=4.0)
    assert selection.members == () and selection.value == 0.0 and selection.cost == 0.0


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"values": [-1.0]}, "values"),
    ({"costs": [float("nan")]}, "costs"),
    ({"profiles": [[-0.1]]}, "profiles"),
    ({"budget": -1.0}, "budget"),
    ({"max_size": 0}, "max_size"),
])
def test_bad_input_names_the_field(kwargs: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"values": [1.0], "costs": [1.0], "profiles": [[1.0]], "budget": 1.0}
    arguments.update(kwargs)
    with pytest.raises(ValueError, match=message):
        select_team(**arguments)  # type: ignore[arg-type]


def test_ranked_baseline_takes_candidates_in_rank_order_while_they_fit() -> None:
    costs = [5.0, 4.0, 3.0, 1.0]
    # rank order 0, 1, 2, 3 with budget 9: 0 (5), 1 (9), 2 no longer fits, 3 does not either (10 > 9)
    assert ranked_within_budget(costs, [0, 1, 2, 3], 9.0) == [0, 1]
    assert ranked_within_budget(costs, [2, 0, 3, 1], 9.0) == [2, 0, 3]
    assert ranked_within_budget(costs, [2, 0, 3, 1], 9.0, max_size=2) == [2, 0]
