"""The layers around the routes: bounded metrics, refusals logged and counted, API-key coverage per route, ids,
the version each answer comes from, and no file system paths in what the API says."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.middleware import app_routes
from api.server import create_app
from api.settings import Settings
from index import IndexStore, SharedEncoders
from tests.helpers import HashingEncoder, publish_copy, wait_until

KEY = "k-123"
TOKEN = "admin-456"


def make_app(store: Path, **overrides: Any) -> FastAPI:
    """An app over `store` with the hashing encoder; settings given explicitly, never from the environment."""
    values: dict[str, Any] = {"admin_token": TOKEN, "api_keys": "", "cors_origins": "", "feedback_url": "sqlite://"}
    return create_app(Settings(**{**values, **overrides}), store, encoders=SharedEncoders(lambda _: HashingEncoder()),
                      watch=False)


@pytest.fixture(scope="module")
def store(hashing_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("middleware") / "store"
    shutil.copytree(hashing_store, copy)
    return copy


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(make_app(store), raise_server_exceptions=False) as opened:
        wait_until(lambda: opened.get("/readyz").status_code == 200, 30, "the index to load")
        yield opened


def _series(client: TestClient) -> set[str]:
    """The metric series (name and labels) of the request counters."""
    text = client.get("/metrics").text
    return {line.rsplit(" ", 1)[0] for line in text.splitlines() if line.startswith("creatormatch_http_")}


def test_made_up_methods_and_paths_add_no_metric_series(client: TestClient) -> None:
    # one of each kind first: the collapsed labels ('OTHER' method, 'unmatched' route) may be new once
    client.request("BREW", "/coffee-0")
    client.request("GET", "/no-such-page-0")
    client.request("BREW", "/match")
    _series(client)  # the scrape counts itself: its own series exist from here on
    before = _series(client)
    for number in range(1, 1001):
        assert client.request(f"M{number}X", f"/made-up/{number}").status_code in (404, 405)
        assert client.request("GET", f"/made-up-{number}?q={number}").status_code == 404
        assert client.request(f"Q{number}", "/match").status_code == 405
    after = _series(client)
    assert after == before, sorted(after - before)[:5]
    assert any('method="OTHER"' in series and 'route="unmatched"' in series for series in after)


def test_a_413_is_logged_and_counted_with_a_request_id(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="creatormatch.api"):
        big = client.post("/match", content=json.dumps({"brief": "x" * 70_000}).encode(),
                          headers={"Content-Type": "application/json", "X-Request-ID": "too-big-1"})
    assert big.status_code == 413
    assert big.headers["x-request-id"] == "too-big-1" and big.json()["request_id"] == "too-big-1"
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "creatormatch.api"]
    line = next(entry for entry in lines if entry.get("request_id") == "too-big-1")
    assert (line["status"], line["route"], line["method"]) == (413, "/match", "POST")
    assert 'creatormatch_http_requests_total{method="POST",route="/match",status="413"} 1.0' in client.get(
        "/metrics").text


def test_every_answer_names_the_version_it_came_from(client: TestClient, store: Path) -> None:
    answer = client.post("/match", json={"brief": "dog puppy", "k": 3})
    version = answer.json()["index_version"]
    assert answer.headers["x-index-version"] == version
    assert client.get("/creators/c00001").headers["x-index-version"] == version
    ready = client.get("/readyz").json()
    assert ready["index_version"] == version and ready["refused"] == {} and ready["worker"] > 0
    assert ready["current"] == IndexStore(store).current_version()


def test_ids_with_control_characters_are_refused(client: TestClient) -> None:
    assert client.get("/creators/c00001").status_code == 200
    for made_up in ("c00001%00", "c00001%0A", "c00001%1F", "%7Fc00001"):
        refused = client.get(f"/creators/{made_up}")
        assert refused.status_code == 422, made_up
        assert refused.json()["fields"][0]["field"] == "path.creator_id"
    similar = client.post("/similar", json={"creator_ids": ["c00001\u0000"]})
    assert similar.status_code == 422 and similar.json()["fields"][0]["field"].startswith("body.creator_ids")


def test_index_and_readyz_show_no_file_system_path(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    broken = publish_copy(IndexStore(copy), str(IndexStore(copy).current_version()), damage=True)
    with TestClient(make_app(copy), raise_server_exceptions=False) as client:
        reload = client.post("/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
        assert reload.status_code in (200, 409)
        texts = [client.get("/index").text, client.get("/readyz").text, reload.text]
    for text in texts:
        assert str(copy) not in text and str(tmp_path) not in text
        assert "/tmp/" not in text and "/home/" not in text
    index = json.loads(texts[0])
    assert broken in index["refused"] and "index.faiss" in index["refused"][broken]
    # the catalog's source files are named, not located
    for source in index["manifest"].get("sources", {}).values():
        assert "/" not in source["path"]


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every route the app serves, with path parameters filled in."""
    found = []
    for route in app_routes(app):
        path = getattr(route, "path", None)
        methods = getattr(route, "methods", None) or {"GET"}
        if path is None:
            continue
        path = path.replace("{creator_id}", "c00001")
        if path == "/static":  # the mount: one of its files
            path = "/static/app.js"
        for method in sorted(methods - {"HEAD"}):
            found.append((method, path))
    return found


# what CREATORMATCH_API_KEYS leaves open by default: health checks, and the page's own files (no data in them)
OPEN_BY_DEFAULT = {"/healthz", "/readyz", "/", "/static/app.js"}
_BODIES = {"/match": {"brief": "dogs"}, "/similar": {"creator_ids": ["c00001"]}, "/plan": {"brief": "dogs",
           "budget": 1000}, "/briefs/parse": {"brief": "dogs"},
           "/feedback": {"brief": "dogs", "creator_id": "c00001", "relevance": 1}}


def test_api_keys_cover_every_route_but_the_open_ones(store: Path) -> None:
    app = make_app(store, api_keys=KEY)
    routes = _routes(app)
    assert {path for _, path in routes} >= {"/match", "/similar", "/plan", "/briefs/parse", "/creators/c00001",
                                            "/feedback", "/index", "/metrics", "/docs", "/openapi.json", "/redoc",
                                            "/healthz", "/readyz", "/", "/static/app.js", "/admin/reload"}
    with TestClient(app, raise_server_exceptions=False) as client:
        wait_until(lambda: client.get("/readyz").status_code == 200, 30, "the index to load")
        for method, path in routes:
            body = _BODIES.get(path)
            without = client.request(method, path, json=body)
            with_key = client.request(method, path, json=body, headers={"X-API-Key": KEY})
            if path.startswith("/admin/"):  # the admin token guards these, key or not
                assert without.status_code == with_key.status_code == 401, (method, path)
            elif path in OPEN_BY_DEFAULT:
                assert without.status_code < 400 and with_key.status_code < 400, (method, path)
            else:
                assert without.status_code == 401, (method, path, without.status_code)
                assert without.json()["fields"][0]["field"] == "header.x-api-key"
                assert with_key.status_code < 400, (method, path, with_key.status_code, with_key.text[:200])


def test_a_setting_opens_more_routes_or_closes_the_default_ones(store: Path) -> None:
    app = make_app(store, api_keys=KEY, open_routes="/healthz,/metrics")
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/metrics").status_code == 200
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 401
        assert client.get("/").status_code == 401
