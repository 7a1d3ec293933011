"""Record the engine's answers on the small demo catalog (HashingEncoder) as the reference `demo_answers.json`.

Run with the code whose answers are the reference, from the repository root:
    python -m tests.matcher.golden.record tests/matcher/golden/demo_answers.json
The file in the repository was recorded with commit f6f0cd4, before the engine was split into query, re-rank and
explain stages (issue 19), so the test that reads it compares the split engine with the one before it.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from index import build_store, open_matcher
from matcher import Filters
from matcher.demo import EXAMPLE_BRIEFS, generate_demo_catalog
from tests.helpers import HashingEncoder

# what the answers are asked: every path through the engine (presets, filters, brand, diversity, nothing
# eligible, seeds, a campaign plan)
MATCHES: list[dict[str, Any]] = [
    *({"brief": text, "k": 10} for text in EXAMPLE_BRIEFS),
    {"brief": EXAMPLE_BRIEFS[1], "k": 20, "preset": "relevance"},
    {"brief": "fitness and gym workouts", "k": 10, "preset": "engagement",
     "filters": {"tiers": ["micro", "macro"], "platforms": ["instagram", "tiktok"]}},
    {"brief": "travel vlogs and hotel reviews", "k": 10, "filters": {"brand": "IronFuel"}},
    {"brief": "makeup tutorials", "k": 10, "diversity": 0.7},
    {"brief": "makeup tutorials", "k": 5, "filters": {"countries": ["ZZ"]}},
    {"brief": "cooking vegan recipes", "k": 10, "weights": {"niche": 0.5, "cost": 0.5}},
]
SIMILAR: list[dict[str, Any]] = [{"creator_ids": ["c00017", "c00025"], "k": 10}]
PLANS: list[dict[str, Any]] = [{"brief": "Dog toy startup wants dog owners", "budget": 3000.0},
                               {"brief": EXAMPLE_BRIEFS[2], "budget": 5000.0, "size": 3}]


def _filters(given: dict[str, Any] | None) -> Filters | None:
    return Filters(**{key: tuple(value) if isinstance(value, list) else value for key, value in given.items()}) \
        if given else None


def answers(folder: Path) -> dict[str, Any]:
    """Build the small demo catalog (240 creators, seed 3) in `folder` and ask every question above."""
    creators, posts = generate_demo_catalog(240, seed=3).write(folder / "catalog")
    build_store(creators, posts, folder / "store", HashingEncoder())
    matcher = open_matcher(folder / "store", HashingEncoder())
    out: dict[str, Any] = {"match": [], "similar": [], "plan": []}
    for ask in MATCHES:
        response = matcher.match(ask["brief"], k=ask["k"], preset=ask.get("preset"), weights=ask.get("weights"),
                                 filters=_filters(ask.get("filters")), diversity=ask.get("diversity"))
        out["match"].append(response.to_dict())
    for ask in SIMILAR:
        out["similar"].append(matcher.similar(ask["creator_ids"], k=ask["k"]).to_dict())
    for ask in PLANS:
        plan = matcher.plan(ask["brief"], budget=ask["budget"], size=ask.get("size"))
        serialize = getattr(plan, "to_dict", None)
        if serialize is None:  # before issue 19 the plan's JSON form lived in the API
            from api.formatting import plan_to_dict

            out["plan"].append(plan_to_dict(plan))
        else:
            out["plan"].append(serialize())
    return out


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as work:
        recorded = answers(Path(work))
    Path(sys.argv[1]).write_text(json.dumps(recorded, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                                 encoding="utf-8")
