"""Every field of every request body, sent wrong, is named exactly in the 422: by pydantic or by the engine."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from api.schemas import (
    MAX_LIST,
    FeedbackRequest,
    MatchFilters,
    MatchRequest,
    ParseRequest,
    PlanRequest,
    RollbackRequest,
    SimilarRequest,
)
from api.server import create_app
from api.settings import Settings
from index import SharedEncoders
from matcher import COMPONENTS
from matcher.briefs import NICHE_LABELS, PARSED_FIELDS
from matcher.relevance_feedback import MAX_MARKED
from matcher.safety import TOPICS
from tests.helpers import HashingEncoder, wait_until

TOKEN = "field-errors-admin-token"
ZERO_WEIGHTS = {name: 0.0 for name in COMPONENTS}


class Case(NamedTuple):
    """One wrong value of one field: the model and field it tests, the request, and the location the 422 names."""

    model: type[BaseModel]
    field: str
    route: str
    body: dict[str, Any]
    location: str


def _match(**wrong: Any) -> dict[str, Any]:
    return {"brief": "dogs", **wrong}


def _filters(**wrong: Any) -> dict[str, Any]:
    return {"brief": "dogs", "filters": wrong}


# checked by the engine, not by pydantic: the values pass the request model and the core refuses them
ENGINE_CASES = [
    Case(MatchFilters, "min_followers", "/match", _filters(min_followers=10, max_followers=5),
         "body.filters.min_followers"),
    Case(PlanRequest, "budget", "/plan", {"brief": "dogs", "budget": 1000, "filters": {"campaign_budget": 500}},
         "body.budget"),
    Case(PlanRequest, "budget", "/plan", {"brief": "dog puppy training tips"}, "body.budget"),  # none given or read
    Case(SimilarRequest, "creator_ids", "/similar", {"creator_ids": ["no-such-creator"]}, "body.creator_ids"),
    Case(MatchRequest, "weights", "/match", _match(weights={**ZERO_WEIGHTS, "brand_fit": 1.0}), "body.weights"),
    Case(ParseRequest, "brief", "/briefs/parse", {"brief": "   "}, "body.brief"),
    # presets are the serving version's (hand-set and learned): the engine knows them, the request model not
    Case(MatchRequest, "preset", "/match", _match(preset="cheapest"), "body.preset"),
    Case(SimilarRequest, "preset", "/similar", {"creator_ids": ["c00001"], "preset": "cheapest"}, "body.preset"),
    Case(MatchRequest, "relevant", "/match", _match(relevant=["no-such-creator"]), "body.relevant"),
    Case(MatchRequest, "not_relevant", "/match", _match(relevant=["c00001"], not_relevant=["c00001"]),
         "body.not_relevant"),
    Case(FeedbackRequest, "creator_id", "/feedback", {"brief": "dogs", "creator_id": "nobody", "relevance": 1},
         "body.creator_id"),
    Case(FeedbackRequest, "index_version", "/feedback", {"brief": "dogs", "creator_id": "c00001", "relevance": 1,
                                                         "index_version": "20990101T000000Z-000000"},
         "body.index_version"),
]

CASES = [
    *(Case(MatchRequest, field, "/match", _match(**{field: value}), f"body.{field}") for field, value in [
        ("brief", ""), ("brief_id", ""), ("k", 0), ("diversity", 1.5), ("preset", ""),
        ("weights", {"charisma": 1}), ("filters", "tiktok"), ("relevant", ["x"] * (MAX_MARKED + 1)),
        ("not_relevant", "c00001")]),
    *(Case(SimilarRequest, field, "/similar", {"creator_ids": ["c00001"], field: value}, f"body.{field}")
      for field, value in [("creator_ids", []), ("k", 101), ("diversity", -0.1), ("preset", "x" * 41),
                           ("weights", "heavy"), ("filters", [])]),
    *(Case(PlanRequest, field, "/plan", {"brief": "dogs", "budget": 100, field: value}, f"body.{field}")
      for field, value in [("brief", "x" * 5001), ("brief_id", "a\x00b"), ("budget", 0), ("size", 0),
                           ("preset", 3), ("weights", [1]), ("filters", "DE")]),
    Case(ParseRequest, "brief", "/briefs/parse", {"brief": ""}, "body.brief"),
    *(Case(FeedbackRequest, field, "/feedback", {"brief": "dogs", "creator_id": "c00001", "relevance": 1,
                                                 field: value}, f"body.{field}")
      for field, value in [("brief", ""), ("brief_id", "x" * 101), ("creator_id", ""), ("relevance", 9),
                           ("index_version", "")]),
    Case(RollbackRequest, "version", "/admin/rollback", {"version": ""}, "body.version"),
    *(Case(MatchFilters, field, "/match", _filters(**{field: value}), f"body.filters.{field}") for field, value in [
        ("platform", ["myspace"]), ("min_followers", -1), ("max_followers", "many"), ("tier", ["giant"]),
        ("country", ["DE"] * (MAX_LIST + 1)), ("language", "en"), ("niches", [NICHE_LABELS[0]] * 46),
        ("min_trust", 1.5), ("brand", ""), ("competitor", ["x"] * (MAX_LIST + 1)), ("max_price_per_post", -1),
        ("campaign_budget", 2e9), ("max_sensitive_share", 1.5), ("sensitive_topics", [TOPICS[0]] * 13),
        ("unknown", "include"), ("ignore_parsed", [PARSED_FIELDS[0]] * (len(PARSED_FIELDS) + 1))]),
    *ENGINE_CASES,
]
MODELS = (MatchRequest, SimilarRequest, PlanRequest, ParseRequest, FeedbackRequest, RollbackRequest, MatchFilters)


@pytest.fixture(scope="module")
def client(hashing_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = tmp_path_factory.mktemp("field-errors") / "store"
    shutil.copytree(hashing_store, store)
    settings = Settings(admin_token=TOKEN, api_keys="", cors_origins="", feedback_url="sqlite://",
                        validate_responses=True)
    app = create_app(settings, store, encoders=SharedEncoders(lambda _: HashingEncoder()), watch=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        wait_until(lambda: client.get("/readyz").status_code == 200, 30, "the index to load")
        yield client


def test_every_field_of_every_request_body_has_a_wrong_value() -> None:
    # a new field without a case here fails: say what a wrong value of it is answered with
    missing = {model.__name__: sorted(set(model.model_fields) - {case.field for case in CASES if case.model is model})
               for model in MODELS}
    assert {name: fields for name, fields in missing.items() if fields} == {}
    assert {case.model for case in CASES} == set(MODELS)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.model.__name__}.{c.field}:{c.location}:{i}"
                                             for i, c in enumerate(CASES)])
def test_a_wrong_value_is_a_422_naming_exactly_its_field(client: TestClient, case: Case) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if case.route.startswith("/admin/") else {}
    response = client.post(case.route, json=case.body, headers=headers)
    assert response.status_code == 422, response.text
    payload = response.json()
    assert payload["fields"][0]["field"] == case.location, payload
    assert f"{case.location}: " in payload["error"]
    # the engine's refusals are its own messages, not the request model's
    assert payload["error"].startswith("invalid request: ") is (case not in ENGINE_CASES)
    assert set(payload) == {"error", "fields", "request_id"} and payload["request_id"]


def test_path_parameters_are_named_as_path_fields(client: TestClient) -> None:
    blank = client.get("/brands/%20")  # passes the path's pattern; the engine finds no brand name in it
    assert blank.status_code == 422 and blank.json()["fields"][0]["field"] == "path.name"
    assert blank.json()["error"] == "path.name: give a brand name or handle"
    unknown = client.get("/creators/nobody-here")
    assert unknown.status_code == 404 and unknown.json()["fields"][0]["field"] == "path.creator_id"
