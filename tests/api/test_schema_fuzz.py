"""schemathesis against the OpenAPI schema of a live server: valid and invalid generated requests, no 5xx."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error

from api.server import create_app
from api.settings import Settings
from index import SharedEncoders
from tests.helpers import HashingEncoder, LiveServer, wait_until

EXAMPLES = 25  # per operation and generation mode: bounded, about a minute in all


@pytest.fixture(scope="module")
def live_url(hashing_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("fuzz") / "store"
    shutil.copytree(hashing_store, store)
    app = create_app(Settings(admin_token=None, api_keys="", cors_origins="", feedback_url=None), store,
                     encoders=SharedEncoders(lambda _: HashingEncoder()), watch=False)
    with LiveServer(app) as server:
        wait_until(lambda: httpx.get(f"{server.url}/readyz").status_code == 200, 30, "the index to load")
        yield server.url


def test_the_openapi_schema_has_examples(live_url: str) -> None:
    spec = httpx.get(f"{live_url}/openapi.json").json()
    assert spec["components"]["schemas"]["MatchRequest"]["examples"][0]["brief"]
    assert "/admin/reload" in spec["paths"] and "/match" in spec["paths"]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_gets_a_server_error(live_url: str, mode: GenerationMode) -> None:
    schema = schemathesis.openapi.from_url(f"{live_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    statuses: list[int] = []
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not (len(operation.body) or len(operation.path_parameters)):
            continue  # nothing to make invalid (GET /healthz, /index, ...)

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case: Case) -> None:
            response = case.call_and_validate(base_url=live_url, checks=[not_a_server_error])
            statuses.append(response.status_code)

        check()
    assert len(statuses) >= 4 * EXAMPLES and all(status < 500 for status in statuses)
