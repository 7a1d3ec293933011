"""The plan's JSON contract (`TeamPlan.to_dict`) and its human-readable form, on the tiny hand-built catalog."""

from __future__ import annotations

import json

import pytest

from api.formatting import print_plan
from matcher import Filters
from tests.matcher.test_campaign import tiny_matcher


def test_plan_json_has_the_team_costs_totals_overlaps_and_alternates() -> None:
    plan = tiny_matcher().plan("dog walk", budget=300, shared=1.0, filters=Filters(platforms=("instagram", "tiktok")))
    payload = json.loads(json.dumps(plan.to_dict()))  # plain JSON all the way down
    team = payload["team"]
    assert {m["creator_id"] for m in team} & {"tok"} and len(team) == 2
    assert all(m["cost"] == 100.0 and m["price_estimated"] is False and m["why"] for m in team)
    assert payload["totals"]["cost"] == 200.0 and payload["totals"]["budget_left"] == 100.0
    assert payload["totals"]["expected_engagements"] == 900.0  # one twin (500) and tok (400)
    assert payload["overlap"]["creator_ids"] == [m["creator_id"] for m in team]
    assert payload["overlap"]["matrix"] == [[1.0, 0.0], [0.0, 1.0]]
    assert payload["alternates"][0]["why_not"].startswith("audience overlaps 100% with twin.")
    assert payload["selection"]["guarantee"] == pytest.approx(0.3161)
    assert payload["ranked_baseline"]["cost"] == 300.0


def test_plan_is_printed_with_reasons_and_the_ranked_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    print_plan(tiny_matcher().plan("dog walk", budget=300))
    out = capsys.readouterr().out
    assert "pricey.dog" in out and "cost 250.00" in out and "expected engagements 9,000" in out
    assert "top matches in order for the same budget" in out
    assert "left out twin.a (100.00): costs 100.00, more than the 50.00 left of the budget" in out
