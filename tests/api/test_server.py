"""The HTTP API over a small hashing-encoder store: routes, JSON errors naming the field, security, metrics, logs."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.server import create_app
from api.settings import Settings
from index import IndexStore, SharedEncoders, open_matcher
from matcher import RelevanceFeedback
from matcher.briefs import filters_from_options
from matcher.mixes import parsed_mix
from tests.helpers import HashingEncoder, effective_countries, wait_until

TOKEN = "s3cret-admin-token"


def make_app(store: Path, **overrides: Any) -> FastAPI:
    """An app over `store` with the hashing encoder; settings given explicitly, never from the environment."""
    values: dict[str, Any] = {"admin_token": None, "api_keys": "", "cors_origins": "", "feedback_url": None}
    return create_app(Settings(**{**values, **overrides}), store, encoders=SharedEncoders(lambda _: HashingEncoder()),
                      watch=False)


@pytest.fixture(scope="module")
def store(hashing_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("server") / "store"
    shutil.copytree(hashing_store, copy)
    return copy


def _client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        wait_until(lambda: client.get("/readyz").status_code == 200, 30, "the index to load")
        yield client


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    yield from _client(make_app(store, admin_token=TOKEN))


@pytest.fixture(scope="module")
def closed_client(store: Path) -> Iterator[TestClient]:
    yield from _client(make_app(store))


def test_match_returns_exactly_the_cli_json_object(client: TestClient, store: Path) -> None:
    body = {"brief": "dog puppy training tips in Germany", "k": 5, "preset": "relevance",
            "weights": {"niche": 1.0}, "filters": {"platform": ["instagram", "tiktok"], "min_trust": 0.1}}
    response = client.post("/match", json=body)
    assert response.status_code == 200, response.text
    # what `creatormatch match --json` prints: the same core call serialized by MatchResponse.to_dict
    options = {"platform": ["instagram", "tiktok"], "min_trust": 0.1}
    expected = open_matcher(store, HashingEncoder()).match(
        body["brief"], k=5, preset="relevance", weights={"niche": 1.0}, filters=filters_from_options(options))
    assert response.json() == json.loads(json.dumps(expected.to_dict()))
    payload = response.json()
    assert payload["index_version"] == IndexStore(store).current_version()
    assert payload["parsed"]["countries"] == ["DE"] and len(payload["results"]) == 5
    assert {r["platform"] for r in payload["results"]} <= {"instagram", "tiktok"}
    assert response.headers["x-request-id"]


def test_plan_and_similar_return_exactly_the_cli_json_objects(client: TestClient, store: Path) -> None:
    matcher = open_matcher(store, HashingEncoder())
    body = {"brief": "dog puppy training tips", "budget": 3000, "size": 4, "filters": {"platform": ["instagram"]}}
    planned = client.post("/plan", json=body)
    assert planned.status_code == 200, planned.text
    # what `creatormatch plan --json` prints: the same core call serialized by TeamPlan.to_dict
    expected = matcher.plan(body["brief"], budget=3000, size=4,
                            filters=filters_from_options({"platform": ["instagram"]}))
    assert planned.json() == json.loads(json.dumps(expected.to_dict()))
    team = planned.json()["team"]
    assert 1 <= len(team) <= 4 and sum(member["cost"] for member in team) <= 3000
    assert {member["platform"] for member in team} == {"instagram"}

    seeds = [team[0]["creator_id"]]
    found = client.post("/similar", json={"creator_ids": seeds, "k": 5, "diversity": 0.7})
    assert found.status_code == 200, found.text
    assert found.json() == json.loads(json.dumps(matcher.similar(seeds, k=5, diversity=0.7).to_dict()))
    assert len(found.json()["results"]) == 5 and seeds[0] not in {r["creator_id"] for r in found.json()["results"]}


@pytest.mark.parametrize(("route", "body", "field"), [
    ("/plan", {"brief": "dog puppy training tips"}, "body.budget"),  # no budget given or written in the brief
    ("/plan", {"brief": "dogs", "budget": -5}, "body.budget"),
    ("/plan", {"brief": "dogs", "budget": 100, "size": 0}, "body.size"),
    ("/similar", {"creator_ids": []}, "body.creator_ids"),
    ("/similar", {"creator_ids": ["no-such-creator"]}, "body.creator_ids"),
    ("/match", {"brief": "dogs", "diversity": 1.5}, "body.diversity"),
])
def test_plan_similar_and_diversity_input_is_checked(client: TestClient, route: str, body: dict[str, Any],
                                                      field: str) -> None:
    response = client.post(route, json=body)
    assert response.status_code == 422, response.text
    assert field in [f["field"] for f in response.json()["fields"]]


def _catalog(store: Path) -> pd.DataFrame:
    return pd.read_feather(IndexStore(store).versions_dir / IndexStore(store).current_version() / "creators.arrow")


def test_a_short_answer_says_which_filter_removed_whom(client: TestClient, store: Path) -> None:
    creators = _catalog(store)
    country = effective_countries(creators)
    german, unknown = int((country == "DE").sum()), int((country == "").sum())
    assert 0 < german < 100 and unknown > 0  # the demo catalog leaves some countries unknown
    answer = client.post("/match", json={"brief": "dog puppy training tips", "k": 100,
                                         "filters": {"country": ["DE"]}}).json()
    assert answer["eligible_creators"] == german and len(answer["results"]) == german
    (effect,) = answer["filter_effects"]
    assert (effect["filter"], effect["removes"], effect["unknown"], effect["unknown_total"], effect["policy"]) == (
        "countries", len(creators) - german, unknown, unknown, "exclude")
    assert answer["shortfall"].startswith(f"{german} of 100 asked: {german} creators pass the filters.")
    assert f"country unknown for {unknown} of {len(creators)} creators" in answer["shortfall"]
    # the unknown policy lets the creators without a country in, and says so
    kept = client.post("/match", json={"brief": "dog puppy training tips", "k": 100, "filters": {
        "country": ["DE"], "unknown": {"country": "include"}}}).json()
    assert kept["eligible_creators"] == german + unknown
    assert kept["filter_effects"][0]["policy"] == "include" and kept["filter_effects"][0]["unknown"] == 0
    # nothing passes: the answer is empty but still explains itself
    none = client.post("/match", json={"brief": "dog tips", "filters": {"country": ["XX"]}}).json()
    assert none["results"] == [] and none["shortfall"].startswith("0 of 10 asked: 0 creators pass the filters.")


def test_price_per_post_is_never_a_plans_total(client: TestClient) -> None:
    # the old bug: a POST /plan whose only budget was the filters' price cap planned with it as the total
    capped = client.post("/plan", json={"brief": "dog puppy training tips", "filters": {"max_price_per_post": 400}})
    assert capped.status_code == 422
    assert capped.json()["fields"][0]["field"] == "body.budget"
    assert "a price per post is not a campaign budget" in capped.json()["error"]
    ambiguous = client.post("/plan", json={"brief": "dogs", "budget": 1000, "filters": {"budget": 400}})
    assert ambiguous.status_code == 422 and "body.filters" in ambiguous.json()["fields"][0]["field"]
    assert "max_price_per_post" in ambiguous.json()["error"] and "campaign_budget" in ambiguous.json()["error"]
    planned = client.post("/plan", json={"brief": "dog puppy training tips", "size": 5,
                                         "filters": {"campaign_budget": 2500, "max_price_per_post": 900}}).json()
    assert planned["budget"] == 2500 and planned["totals"]["cost"] <= 2500
    assert planned["team"] and all(member["cost"] <= 900 for member in planned["team"])
    assert planned["filters"]["max_price_per_post"] == 900 and planned["filters"]["campaign_budget"] == 2500


def test_parsed_readings_and_suggestions_over_http(client: TestClient) -> None:
    text = "Korean skincare for creators in Germany on TikTok, max $300 per post, budget $5,000"
    parsed = client.post("/briefs/parse", json={"brief": text}).json()
    assert parsed["parsed"] == {"platforms": ["tiktok"], "countries": ["DE"], "max_price_per_post": 300.0,
                                "campaign_budget": 5000.0}
    phrases = {p["field"]: p["text"] for p in parsed["parsed_phrases"]}
    assert phrases["countries"] == "in Germany" and phrases["max_price_per_post"] == "max $300 per post"
    assert all(text[p["start"]:p["end"]] == p["text"] for p in parsed["parsed_phrases"])
    (suggestion,) = parsed["suggestions"]
    assert suggestion["field"] == "countries" and suggestion["value"] == ["KR"] and suggestion["text"] == "Korean"
    # a reading removed by the user is not applied; its suggestion accepted as an explicit filter is
    answer = client.post("/match", json={"brief": text, "filters": {"ignore_parsed": ["countries"],
                                                                    "country": ["KR"]}}).json()
    assert answer["filters"]["countries"] == ["KR"] and answer["filters"]["ignore_parsed"] == ["countries"]
    bad = client.post("/match", json={"brief": "dogs", "filters": {"unknown": {"country": "maybe"}}})
    assert bad.status_code == 422 and bad.json()["fields"][0]["field"].startswith("body.filters.unknown")


def test_parse_creator_index_and_probes(client: TestClient, store: Path) -> None:
    parsed = client.post("/briefs/parse", json={"brief": "micro creators on TikTok in Germany, under 50k followers"})
    assert parsed.status_code == 200
    assert parsed.json()["parsed"] == {"platforms": ["tiktok"], "max_followers": 50000, "tiers": ["micro"],
                                       "countries": ["DE"]}
    creators = pd.read_feather(IndexStore(store).versions_dir / IndexStore(store).current_version()
                               / "creators.arrow")
    first = creators.iloc[0]
    profile = client.get(f"/creators/{first['creator_id']}").json()
    assert profile["profile"]["handle"] == first["handle"] and profile["profile"]["followers"] == first["followers"]
    assert profile["signals"]["tier"] == first["tier"] and "trust_score" in profile["signals"]
    assert profile["flags"] == list(first["flags"]) and profile["recent_posts"]
    missing = client.get("/creators/nobody-here")
    assert missing.status_code == 404 and missing.json()["fields"][0]["field"] == "path.creator_id"
    index = client.get("/index").json()
    assert index["version"] == IndexStore(store).current_version() and index["manifest"]["counts"]["creators"] == 240
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json()["index_version"] == index["version"]
    page = client.get("/")
    assert page.status_code == 200 and "brief-form" in page.text
    assert client.get("/static/app.js").status_code == 200


def test_not_ready_without_an_index(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path / "empty-store"), raise_server_exceptions=False) as client:
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 503 and "no index version" in ready.json()["error"]
        match = client.post("/match", json={"brief": "dogs"})
        assert match.status_code == 503 and match.json()["error"].startswith("not ready")


@pytest.mark.parametrize("route", ["/admin/reload", "/admin/rollback"])
def test_admin_routes_refuse_a_missing_or_wrong_token(client: TestClient, closed_client: TestClient,
                                                      route: str) -> None:
    disabled = closed_client.post(route, headers={"Authorization": f"Bearer {TOKEN}"})
    assert disabled.status_code == 404 and "disabled" in disabled.json()["error"]
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {TOKEN}x"},
                    {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN}):
        refused = client.post(route, headers=headers)
        assert refused.status_code in (401, 403), (headers, refused.text)
        assert "Traceback" not in refused.text and refused.json()["error"]


def test_admin_routes_work_with_the_token(client: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    reload = client.post("/admin/reload", headers=headers)
    assert reload.status_code == 200 and reload.json()["outcome"] == "unchanged"
    rollback = client.post("/admin/rollback", headers=headers)  # a single version: nothing earlier
    assert rollback.status_code == 409 and rollback.json()["outcome"] == "refused"


@pytest.mark.parametrize(("body", "field"), [
    ({"brief": "x" * 5001}, "body.brief"),
    ({"brief": ""}, "body.brief"),
    ({"k": 3}, "body.brief"),
    ({"brief": "dogs", "k": 0}, "body.k"),
    ({"brief": "dogs", "k": 101}, "body.k"),
    ({"brief": "dogs", "k": "ten"}, "body.k"),
    ({"brief": "dogs", "preset": "cheapest"}, "body.preset"),
    ({"brief": "dogs", "weights": {"charisma": 1}}, "body.weights"),
    ({"brief": "dogs", "weights": {"niche": -1}}, "body.weights.niche"),
    ({"brief": "dogs", "weights": {"niche": 0, "engagement": 0, "trust": 0, "loyalty": 0, "audience": 0,
                                    "cost": 0}}, "body.weights"),
    ({"brief": "dogs", "filters": {"platform": ["myspace"]}}, "body.filters.platform"),
    ({"brief": "dogs", "filters": {"country": ["Germany"]}}, "body.filters.country.0"),
    ({"brief": "dogs", "filters": {"country": ["DE"] * 21}}, "body.filters.country"),
    ({"brief": "dogs", "filters": {"min_trust": 1.5}}, "body.filters.min_trust"),
    ({"brief": "dogs", "filters": {"min_followers": 10, "max_followers": 5}}, "body.filters.min_followers"),
    ({"brief": "dogs", "filters": {"followers": 5}}, "body.filters.followers"),
    ({"brief": "dogs", "colour": "red"}, "body.colour"),
])
def test_bad_input_is_a_422_naming_the_field(client: TestClient, body: dict[str, Any], field: str) -> None:
    response = client.post("/match", json=body)
    assert response.status_code == 422, response.text
    payload = response.json()
    assert field in [f["field"] for f in payload["fields"]] and field in payload["error"]
    assert "Traceback" not in response.text


def test_malformed_and_oversized_bodies_are_4xx_json(client: TestClient) -> None:
    broken = client.post("/match", content=b'{"brief": "dogs"', headers={"Content-Type": "application/json"})
    assert broken.status_code == 422 and broken.json()["fields"][0]["field"].startswith("body")
    big = client.post("/match", content=json.dumps({"brief": "x" * 70_000}).encode(),
                      headers={"Content-Type": "application/json"})
    assert big.status_code == 413 and big.json()["fields"][0]["field"] == "body"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while reading
        yield b'{"brief": "'
        for _ in range(20):
            yield b"y" * 4096
        yield b'"}'

    chunked = client.post("/match", content=chunks(), headers={"Content-Type": "application/json"})
    assert chunked.status_code == 413
    bad_feedback = client.post("/feedback", json={"brief": "dogs", "creator_id": "c1", "relevance": 9})
    assert bad_feedback.status_code == 422 and bad_feedback.json()["fields"][0]["field"] == "body.relevance"


def test_api_keys_guard_the_public_routes_when_configured(store: Path) -> None:
    with TestClient(make_app(store, api_keys="k1,k2"), raise_server_exceptions=False) as client:
        wait_until(lambda: client.get("/readyz").status_code == 200, 30, "the index to load")
        assert client.post("/briefs/parse", json={"brief": "dogs"}).status_code == 401
        assert client.post("/briefs/parse", json={"brief": "dogs"}, headers={"X-API-Key": "k3"}).status_code == 401
        assert client.post("/briefs/parse", json={"brief": "dogs"}, headers={"X-API-Key": "k2"}).status_code == 200
        assert client.get("/healthz").status_code == 200


def test_cors_is_closed_by_default_and_opens_to_configured_origins(client: TestClient, store: Path) -> None:
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    assert "access-control-allow-origin" not in client.options("/match", headers=preflight).headers
    assert "access-control-allow-origin" not in client.get("/healthz", headers={"Origin": "https://evil.example"}).headers
    with TestClient(make_app(store, cors_origins="https://app.example")) as opened:
        allowed = opened.options("/match", headers={**preflight, "Origin": "https://app.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        assert "access-control-allow-origin" not in opened.options("/match", headers=preflight).headers


def test_feedback_is_stored_and_exported_by_the_cli(tmp_path: Path, hashing_store: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(hashing_store, store)
    with TestClient(make_app(store), raise_server_exceptions=False) as client:
        wait_until(lambda: client.get("/readyz").status_code == 200, 30, "the index to load")
        version = client.get("/index").json()["version"]
        first = client.post("/feedback", json={"brief": "dog puppy", "creator_id": "c00001", "relevance": 1})
        assert first.status_code == 201 and first.json()["index_version"] == version and first.json()["stored"] == 1
        second = client.post("/feedback", json={"brief": "dog puppy", "creator_id": "c00002", "relevance": 0,
                                                "brief_id": None})
        assert second.json()["stored"] == 2 and second.json()["brief_id"] == first.json()["brief_id"]
        # a brief id a spreadsheet would run as a formula is stored as given ...
        formula = client.post("/feedback", json={"brief": "cats", "creator_id": "c00003", "relevance": 2,
                                                 "brief_id": '=HYPERLINK("http://x.example","open")'})
        assert formula.status_code == 201
        # ... and feedback on what the served index does not hold is refused, naming the field
        unknown = client.post("/feedback", json={"brief": "dog", "creator_id": "nobody", "relevance": 1})
        assert unknown.status_code == 422 and unknown.json()["fields"][0]["field"] == "body.creator_id"
        made_up = client.post("/feedback", json={"brief": "dog", "creator_id": "c00001", "relevance": 1,
                                                 "index_version": "20990101T000000Z-000000"})
        assert made_up.status_code == 422 and made_up.json()["fields"][0]["field"] == "body.index_version"
        control = client.post("/feedback", json={"brief": "dog", "creator_id": "c00001\u0000", "relevance": 1})
        assert control.status_code == 422
    command = str(Path(sys.executable).with_name("creatormatch"))
    result = subprocess.run([command, "feedback", "export", "--store", str(store), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "3 labeled pairs of 2 briefs" in result.stdout
    pairs = pd.read_csv(tmp_path / "out" / "pairs.csv", dtype=str)
    assert pairs[["creator_id", "relevance"]].values.tolist() == [["c00001", "1"], ["c00002", "0"], ["c00003", "2"]]
    # the export opens safely in a spreadsheet: the formula cell starts with an apostrophe, in both files
    assert pairs["brief_id"].iloc[2] == '\'=HYPERLINK("http://x.example","open")'
    briefs = [json.loads(line) for line in (tmp_path / "out" / "briefs.jsonl").read_text().splitlines()]
    assert briefs[1]["brief_id"] == pairs["brief_id"].iloc[2]


def test_metrics_and_structured_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="creatormatch.api"):
        response = client.post("/match", json={"brief": "travel photography"}, headers={"X-Request-ID": "req-42"})
    assert response.headers["x-request-id"] == "req-42"
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "creatormatch.api"]
    line = next(entry for entry in lines if entry.get("request_id") == "req-42")
    assert line["route"] == "/match" and line["status"] == 200 and line["ms"] > 0
    assert line["index_version"] == response.json()["index_version"]
    text = client.get("/metrics").text
    assert 'creatormatch_http_requests_total{method="POST",route="/match",status="200"}' in text
    assert 'creatormatch_http_request_seconds_bucket{le="0.1",method="POST",route="/match"}' in text
    assert f'creatormatch_index_version_info{{version="{response.json()["index_version"]}"}} 1.0' in text
    age = next(float(row.split()[-1]) for row in text.splitlines()
               if row.startswith("creatormatch_index_build_age_seconds "))
    assert 0 <= age < 86_400


def test_the_serve_command_answers_and_refuses_an_index_it_cannot_load(hashing_store: Path) -> None:
    import socket

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = str(Path(sys.executable).with_name("creatormatch"))
    env = {**os.environ, "CREATORMATCH_FEEDBACK_URL": "sqlite://", "CREATORMATCH_POLL_SECONDS": "60"}
    server = subprocess.Popen([command, "serve", "--store", str(hashing_store), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"

    def refused() -> bool:
        try:
            return "refused" in httpx.get(f"{url}/readyz").text
        except httpx.HTTPError:
            return False

    try:
        wait_until(refused, 120, "the server to refuse the hashing-encoder index")
        assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}
        ready = httpx.get(f"{url}/readyz")
        # the store was built with a test encoder no model file exists for: refused, never a crash
        assert ready.status_code == 503 and "hashing-256" in ready.json()["error"]
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "Traceback" not in stderr


@pytest.mark.model
def test_serve_with_two_workers_answers_as_the_engine_does(tmp_path: Path) -> None:
    import socket

    import httpx

    from index import SentenceTransformerEncoder, build_store, encoder_from_identity
    from matcher.demo import generate_demo_catalog

    creators, posts = generate_demo_catalog(40, seed=3, posts_per_creator=(2, 3)).write(tmp_path / "catalog")
    build_store(creators, posts, tmp_path / "store", SentenceTransformerEncoder())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = str(Path(sys.executable).with_name("creatormatch"))
    env = {**os.environ, "CREATORMATCH_FEEDBACK_URL": "sqlite://", "CREATORMATCH_POLL_SECONDS": "60"}
    server = subprocess.Popen([command, "serve", "--store", str(tmp_path / "store"), "--port", str(port),
                               "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        # each new connection may reach either worker: both must say ready, several times in a row
        try:
            return all(httpx.get(f"{url}/readyz").status_code == 200 for _ in range(10))
        except httpx.HTTPError:
            return False

    brief = "travel creators who post about beaches and backpacking"
    try:
        wait_until(ready, 180, "both workers to load the index")
        # 12 new connections: the kernel hands them to whichever worker accepts first
        answers = [httpx.post(f"{url}/match", json={"brief": brief, "k": 5}) for _ in range(12)]
        assert httpx.get(f"{url}/readyz").status_code == 200
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=60)
    assert "Traceback" not in stderr
    identity = IndexStore(tmp_path / "store").load().info.encoder  # the model, truncation and backend it was built with
    expected = open_matcher(tmp_path / "store", encoder_from_identity(identity))
    expected_ids = [m.creator_id for m in expected.match(brief, k=5).results]
    for answer in answers:
        assert answer.status_code == 200
        assert [r["creator_id"] for r in answer.json()["results"]] == expected_ids
    # the workers log their requests too (a spawned process starts with logging unconfigured)
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    assert sum(1 for line in lines if line.get("route") == "/match" and line.get("status") == 200) == 12


@pytest.mark.model
def test_serve_match_and_build_with_an_onnx_backend_never_load_pytorch(tmp_path: Path) -> None:
    import socket

    import httpx

    from index import SentenceTransformerEncoder, build_store
    from matcher.demo import generate_demo_catalog

    creators, posts = generate_demo_catalog(30, seed=5, posts_per_creator=(2, 3)).write(tmp_path / "catalog")
    build_store(creators, posts, tmp_path / "store", SentenceTransformerEncoder(backend="onnx-int8"))
    watcher = str(Path(__file__).with_name("loaded_modules.py"))
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "CREATORMATCH_FEEDBACK_URL": "sqlite://", "CREATORMATCH_POLL_SECONDS": "60",
           "PYTHONPATH": root, "CREATORMATCH_BACKEND": "onnx-int8"}

    def loaded(name: str, *args: str, backend: str = "onnx-int8") -> list[str]:
        out = tmp_path / f"{name}.txt"
        subprocess.run([sys.executable, watcher, str(out), *args], env={**env, "CREATORMATCH_BACKEND": backend},
                       check=True, timeout=600, capture_output=True)
        return sorted(set(out.read_text().split())) if out.exists() else []

    store = str(tmp_path / "store")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = tmp_path / "serve.txt"
    server = subprocess.Popen([sys.executable, watcher, str(out), "serve", "--store", store, "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            return httpx.get(f"{url}/readyz").status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_until(ready, 180, "the server to load the index")
        assert httpx.post(f"{url}/match", json={"brief": "travel photography", "k": 3}).status_code == 200
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=60)
    assert "Traceback" not in stderr
    assert not out.exists(), out.read_text()
    assert loaded("match", "match", "--store", store, "travel photography", "--k", "3") == []
    rebuild = ("build", "--creators", str(creators), "--posts", str(posts), "--store", store)
    assert loaded("build", *rebuild) == []
    # the watcher sees PyTorch when it is loaded: the same build with the PyTorch backend
    assert "torch" in loaded("build-torch", *rebuild, "--full", backend="torch")


def test_niche_tags_filter_and_show_through_the_api(client: TestClient, store: Path) -> None:
    table = IndexStore(store).load().index.creators
    counts = pd.Series([tag for tags in table["niche_tags"] for tag in tags]).value_counts()
    niche = str(counts.index[0])
    response = client.post("/match", json={"brief": "creators for our campaign", "k": 50,
                                           "filters": {"niches": [niche]}})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == min(50, int(counts.iloc[0]))
    assert all(niche in r["niche_tags"] for r in results)
    refused = client.post("/match", json={"brief": "creators", "filters": {"niches": ["basket weaving"]}})
    assert refused.status_code == 422 and "niches" in refused.text


def test_a_sensitive_content_floor_through_the_api(client: TestClient, store: Path) -> None:
    table = IndexStore(store).load().index.creators
    children = [(parsed_mix(s) or {}).get("children", 0.0) for s in table["sensitive_shares"]]
    read = table["sensitive_confidence"].to_numpy() > 0
    assert sum(c > 0 for c in children) > 0  # the demo's family captions mention kids
    expected = int(sum(1 for c, r in zip(children, read, strict=True) if r and c == 0))
    body = {"brief": "creators for our campaign", "k": 100,
            "filters": {"max_sensitive_share": 0, "sensitive_topics": ["children"]}}
    answer = client.post("/match", json=body).json()
    assert answer["eligible_creators"] == expected
    assert all(not any(t["topic"] == "children" for t in r["sensitive"]) for r in answer["results"])
    assert answer["filter_effects"][0]["filter"] == "max_sensitive_share"
    flagged = client.post("/match", json={"brief": "family time with the kids", "k": 100}).json()["results"]
    shown = [t for r in flagged for t in r["sensitive"] if t["topic"] == "children"]
    assert shown and all(t["examples"] and t["name"] == "Content featuring children" for t in shown)
    for bad in ({"max_sensitive_share": 1.5}, {"sensitive_topics": ["gossip"]}):
        refused = client.post("/match", json={"brief": "creators", "filters": bad})
        assert refused.status_code == 422 and next(iter(bad)) in refused.text


def test_a_brand_over_http_counts_the_creators_who_tagged_it(client: TestClient, small_demo) -> None:
    _, _, posts_path = small_demo
    posts = pd.read_csv(posts_path, dtype=str).fillna("")
    names = posts["brand_mentions"].str.split(";")
    tagged = posts[names.apply(lambda found: "velvetskin" in found)]
    # by hand from the posts file: who tagged @velvetskin, and who did so in a post disclosed as an ad
    paid = tagged[tagged["caption"].str.contains("#ad", regex=False) | (tagged["is_sponsored"] == "True")]
    response = client.get("/brands/VelvetSkin", params={"k": 5})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["brand"] == "velvetskin" and body["known"] is True
    assert body["creators_mentioning"] == tagged["creator_id"].nunique()
    assert body["paid_creators"] == paid["creator_id"].nunique()
    assert len(body["top_creators"]) == min(5, tagged["creator_id"].nunique())
    assert {c["creator_id"] for c in body["top_creators"]} <= set(tagged["creator_id"])
    # similar brands (their meaning is tested on hand-made graphs in tests/matcher/test_brand_graph.py):
    # other brands of the index, best first
    similarities = [entry["similarity"] for entry in body["similar"]]
    assert similarities == sorted(similarities, reverse=True) and all(-1.0 <= v <= 1.0 for v in similarities)
    assert "velvetskin" not in {entry["brand"] for entry in body["similar"]}
    tagged_names = {re.sub("[^0-9a-z]", "", name.lower()) for name in names.explode()}  # 'oatly_like' is oatlylike
    assert {entry["brand"] for entry in body["similar"]} <= tagged_names
    unknown = client.get("/brands/no-such-brand-anywhere").json()
    assert unknown["known"] is False and unknown["creators_mentioning"] == 0 and unknown["top_creators"] == []
    assert client.get("/brands/%20").status_code == 422


def test_match_with_relevance_feedback_is_the_cores_answer(client: TestClient, store: Path) -> None:
    first = client.post("/match", json={"brief": "dog puppy training tips", "k": 5, "preset": "relevance"}).json()
    shown = [r["creator_id"] for r in first["results"]]
    body = {"brief": "dog puppy training tips", "k": 5, "preset": "relevance", "relevant": [shown[0]],
            "not_relevant": [shown[1]]}
    response = client.post("/match", json=body)
    assert response.status_code == 200, response.text
    expected = open_matcher(store, HashingEncoder()).match(
        body["brief"], k=5, preset="relevance", feedback=RelevanceFeedback((shown[0],), (shown[1],)))
    assert response.json() == json.loads(json.dumps(expected.to_dict()))
    results = response.json()["results"]
    assert shown[1] not in [r["creator_id"] for r in results] and len(results) == 5
    assert all(r["feedback"] for r in results) and all(r["feedback"] is None for r in first["results"])
    assert next(r for r in results if r["creator_id"] == shown[0])["feedback"] == "you marked it relevant"


def test_a_serving_process_keeps_blas_to_one_thread() -> None:
    probe = ("from api.server import one_blas_thread; one_blas_thread(); import numpy, faiss; "
             "from threadpoolctl import threadpool_info; "
             "print(sorted({i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'}))")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120,
                           env={**os.environ, "OPENBLAS_NUM_THREADS": "2"}).stdout.strip()
    assert shown == "[1]"


def test_collection_comes_back_on_only_where_start_up_turned_it_off() -> None:
    import gc

    from api.server import collect_again

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    collect_again()  # a process that never turned it off is left as it is
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:
        collect_again()
        assert gc.isenabled() and gc.get_freeze_count() > frozen  # what start-up made is out of the collector's sight
    finally:
        gc.unfreeze()
        gc.enable()
