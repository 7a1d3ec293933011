"""Every answer of the API is exactly its declared response model: no key the model lacks, none it needs missing."""

from __future__ import annotations

import shutil
import types
import typing
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel, ValidationError

from api.middleware import app_routes
from api.responses import Responder
from api.schemas import BrandResponse, FiltersBody, MatchResponseBody, ProfileBody
from api.server import create_app
from api.settings import Settings
from index import SharedEncoders
from matcher import Filters
from matcher.schema import CREATOR_COLUMNS
from tests.helpers import HashingEncoder, wait_until

TOKEN = "contract-admin-token"


@pytest.fixture(scope="module")
def app(hashing_store: Path, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    store = tmp_path_factory.mktemp("contract") / "store"
    shutil.copytree(hashing_store, store)
    settings = Settings(admin_token=TOKEN, api_keys="", cors_origins="", feedback_url="sqlite://",
                        validate_responses=True)
    return create_app(settings, store, encoders=SharedEncoders(lambda _: HashingEncoder()), watch=False)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        wait_until(lambda: client.get("/readyz").status_code == 200, 30, "the index to load")
        yield client


def declared_model(app: FastAPI, method: str, path: str) -> type[BaseModel]:
    """The response model the route `method path` (its template) declares in the OpenAPI schema."""
    for route in app_routes(app):
        if isinstance(route, APIRoute) and route.path == path and method in route.methods:
            model = route.response_model
            assert isinstance(model, type) and issubclass(model, BaseModel), (method, path, model)
            return model
    raise AssertionError(f"no route {method} {path}")


def nested_models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """`model` and every model its fields hold, at any depth (in lists, dicts, unions)."""
    seen: set[type[BaseModel]] = set()
    pending: list[Any] = [model]
    while pending:
        kind = pending.pop()
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            if kind not in seen:
                seen.add(kind)
                pending.extend(field.annotation for field in kind.model_fields.values())
        elif typing.get_origin(kind) is not None or isinstance(kind, types.UnionType):
            pending.extend(typing.get_args(kind))
    yield from sorted(seen, key=lambda found: found.__name__)


def _seed(client: TestClient) -> str:
    return str(client.post("/match", json={"brief": "dog puppy training tips", "k": 1}).json()["results"][0][
        "creator_id"])


# (method, route template, how to call it): answers that fill the optional parts of each model (suggestions
# with a note, filter effects, unknown policies, sensitive topics, a plan with alternates)
CALLS: list[tuple[str, str, dict[str, Any]]] = [
    ("POST", "/match", {"json": {"brief": "Korean skincare for creators in Germany on TikTok, max $300 per post",
                                 "k": 20, "filters": {"unknown": {"country": "include"}, "min_trust": 0.1,
                                                      "ignore_parsed": ["platforms"]}}}),
    ("POST", "/match", {"json": {"brief": "family time with the kids", "k": 30, "brief_id": "b-1",
                                 "filters": {"max_sensitive_share": 0.9, "brand": "VelvetSkin"}}}),
    ("POST", "/match", {"json": {"brief": "dogs", "filters": {"country": ["XX"]}}}),  # nothing passes
    ("POST", "/similar", {"json": {"creator_ids": ["c00017", "c00025"], "k": 5, "diversity": 0.7}}),
    ("POST", "/plan", {"json": {"brief": "dog puppy training tips", "budget": 3000, "size": 4}}),
    ("POST", "/plan", {"json": {"brief": "dog puppy training tips", "budget": 10}}),  # a team of nobody
    ("POST", "/briefs/parse", {"json": {"brief": "Korean skincare for creators in Germany on TikTok, under 50k "
                                                 "followers, budget $5,000"}}),
    ("GET", "/creators/{creator_id}", {"url": "/creators/c00017"}),
    ("GET", "/brands/{name}", {"url": "/brands/VelvetSkin", "params": {"k": 5}}),
    ("GET", "/brands/{name}", {"url": "/brands/no-such-brand-anywhere"}),
    ("POST", "/feedback", {"json": {"brief": "dog puppy", "creator_id": "c00001", "relevance": 2}}),
    ("GET", "/index", {}),
    ("POST", "/admin/reload", {"headers": {"Authorization": f"Bearer {TOKEN}"}}),
]


@pytest.mark.parametrize(("method", "path", "call"), CALLS, ids=[f"{m} {p}" for m, p, _ in CALLS])
def test_every_answer_is_exactly_its_declared_model(app: FastAPI, client: TestClient, method: str, path: str,
                                                    call: dict[str, Any]) -> None:
    model = declared_model(app, method, path)
    # strict at every depth: a key the engine adds without a field in the model fails validation
    loose = [found.__name__ for found in nested_models(model) if found.model_config.get("extra") != "forbid"]
    assert loose == []
    request = dict(call)
    response = client.request(method, request.pop("url", path), **request)
    assert response.status_code in (200, 201), response.text
    model.model_validate(response.json())


def test_the_answers_fill_the_optional_parts_of_the_models(client: TestClient) -> None:
    # the answers the contract test checks are not trivially small: a note, effects, a team and alternates
    text = "Korean skincare for creators in Germany on TikTok, max $300 per post"
    answer = client.post("/match", json={"brief": text, "k": 20, "filters": {"min_trust": 0.1}}).json()
    assert answer["suggestions"][0]["note"] and answer["filter_effects"] and answer["results"]
    plan = client.post("/plan", json={"brief": "dog puppy training tips", "budget": 3000, "size": 4}).json()
    assert len(plan["team"]) >= 2 and plan["alternates"] and len(plan["overlap"]["matrix"]) == len(plan["team"])
    seeds = client.post("/similar", json={"creator_ids": [_seed(client)], "k": 3}).json()
    assert len(seeds["results"]) == 3


def test_a_key_off_the_model_fails_validation(client: TestClient) -> None:
    answer = client.post("/match", json={"brief": "dog puppy training tips", "k": 2}).json()
    MatchResponseBody.model_validate(answer)
    extra = {**answer, "results": [{**answer["results"][0], "surprise": 1}, *answer["results"][1:]]}
    with pytest.raises(ValidationError, match=r"results\.0\.surprise"):
        MatchResponseBody.model_validate(extra)
    missing = {key: value for key, value in answer.items() if key != "requested"}
    with pytest.raises(ValidationError, match="requested"):
        MatchResponseBody.model_validate(missing)


def test_the_filter_and_profile_bodies_name_the_engines_fields() -> None:
    # `parsed` and `filters` are Filters.as_dict(); a creator's profile is the catalog's columns
    assert set(FiltersBody.model_fields) == {item.name for item in fields(Filters)}
    assert set(ProfileBody.model_fields) == {column.name for column in CREATOR_COLUMNS}


def test_the_responder_checks_only_when_asked() -> None:
    off_contract = {"brand": "x"}  # a BrandResponse lacks every other key
    assert Responder(check=False)(BrandResponse, off_contract, status_code=409).body == b'{"brand":"x"}'
    with pytest.raises(ValidationError, match="creators_mentioning"):
        Responder(check=True)(BrandResponse, off_contract)


def test_the_app_checks_its_answers_when_configured(app: FastAPI) -> None:
    assert app.state.responder.check is True
    assert Settings().validate_responses is True  # the package's fixture: every API test checks them too
