"""Zero-downtime swaps under load: a real uvicorn server on loopback, clients hammering /match and /creators while new
versions are published (and one broken version attempted); no request fails and every answer names a
version that was serving at some moment between the request's start and its response."""

from __future__ import annotations

import math
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from api.server import create_app
from api.settings import Settings
from index import IndexStore, SharedEncoders
from tests.helpers import HashingEncoder, LiveServer, publish_copy, wait_until

CLIENTS = 6
PER_CLIENT = 350  # 2,100 requests at least
GOOD_VERSIONS = 6
TOKEN = "load-test-token"
BRIEFS = ["dog puppy training", "travel photography in Italy", "vegan recipes on TikTok", "fitness micro creators",
          "interior design under 50k followers", "fashion haul instagram"]


@dataclass(frozen=True)
class Answer:
    started: float
    ended: float
    status: int
    version: str | None


@dataclass
class Published:
    """One version: when `current` was switched to it, and when it was certainly no longer served."""

    name: str
    switched: float
    superseded: float = math.inf
    broken: bool = False


def test_swaps_under_load_fail_no_request_and_answer_from_a_serving_version(hashing_store: Path,
                                                                             tmp_path: Path) -> None:
    shutil.copytree(hashing_store, tmp_path / "store")
    store = IndexStore(tmp_path / "store")
    settings = Settings(admin_token=TOKEN, api_keys="", cors_origins="", feedback_url=None, poll_seconds=0.05)
    app = create_app(settings, store.root, encoders=SharedEncoders(lambda _: HashingEncoder()))
    first = store.current_version()
    assert first is not None
    creator_ids = list(store.load(first).index.creators["creator_id"][:50])
    published = [Published(first, -math.inf)]
    answers: list[Answer] = []
    lock = threading.Lock()
    publishing_done = threading.Event()
    errors: list[str] = []

    with LiveServer(app) as server:
        wait_until(lambda: httpx.get(f"{server.url}/readyz").status_code == 200, 30, "the first load")

        def client(number: int) -> None:
            mine: list[Answer] = []
            deadline = time.monotonic() + 240
            with httpx.Client(base_url=server.url, timeout=30) as http:
                done = 0
                while (done < PER_CLIENT or not publishing_done.is_set()) and time.monotonic() < deadline:
                    started = time.monotonic()
                    try:
                        if done % 3 == 0:
                            response = http.post("/match", json={"brief": BRIEFS[(number + done) % len(BRIEFS)],
                                                                 "k": 3})
                        else:  # a cheaper route that also answers from one version
                            response = http.get(f"/creators/{creator_ids[(number + done) % len(creator_ids)]}")
                        version = response.json().get("index_version") if response.status_code == 200 else None
                        status = response.status_code
                    except httpx.HTTPError as exc:
                        status, version = -1, f"{type(exc).__name__}: {exc}"
                    mine.append(Answer(started, time.monotonic(), status, version))
                    done += 1
            with lock:
                answers.extend(mine)

        def publisher() -> None:
            try:
                with httpx.Client(base_url=server.url, timeout=60,
                                  headers={"Authorization": f"Bearer {TOKEN}"}) as admin:
                    for step in range(GOOD_VERSIONS + 1):
                        time.sleep(0.25)
                        broken = step == 2
                        switched = time.monotonic()
                        name = publish_copy(store, first, damage=broken)
                        entry = Published(name, switched, broken=broken)
                        published.append(entry)
                        reply = admin.post("/admin/reload")
                        if broken:
                            if reply.status_code != 409 or reply.json()["outcome"] != "refused":
                                errors.append(f"broken version not refused: {reply.text}")
                            continue
                        if reply.status_code != 200:
                            errors.append(f"reload failed: {reply.text}")
                        reloaded = time.monotonic()
                        # the swap to `name` happened by now: every version before it is no longer served
                        for earlier in published[:-1]:
                            earlier.superseded = min(earlier.superseded, reloaded)
            except Exception as exc:  # reported below; the clients stop once publishing is over
                errors.append(f"publisher: {type(exc).__name__}: {exc}")
            finally:
                publishing_done.set()

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        threads.append(threading.Thread(target=publisher))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not any(thread.is_alive() for thread in threads), "load test did not finish in time"
        final = httpx.get(f"{server.url}/index").json()

    assert not errors, errors
    failed = [a for a in answers if a.status != 200]
    assert len(answers) >= CLIENTS * PER_CLIENT and not failed, failed[:5]
    good = [p for p in published if not p.broken]
    assert len(good) == GOOD_VERSIONS + 1 and final["version"] == good[-1].name
    broken = next(p.name for p in published if p.broken)
    assert broken in final["refused"]
    by_name = {p.name: p for p in published}
    answered = {a.version for a in answers}
    assert broken not in answered and answered <= {p.name for p in good}
    for answer in answers:
        serving = by_name[str(answer.version)]
        # served during [switched, superseded]; the answer's window must overlap it
        assert answer.ended >= serving.switched and answer.started <= serving.superseded, (answer, serving)
    assert len(answered) >= 3  # answers came from several versions: the swaps happened under load
