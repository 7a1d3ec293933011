"""The serving holder: atomic swaps, requests keeping their version, refused broken versions, rollback, watcher."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest

from index import IndexStore, NotReady, ServingIndex, SharedEncoders
from matcher import CreatorMatchError
from tests.helpers import HashingEncoder, publish_copy, wait_until


@pytest.fixture
def store(hashing_store: Path, tmp_path: Path) -> IndexStore:
    shutil.copytree(hashing_store, tmp_path / "store")
    return IndexStore(tmp_path / "store")


def _serving(store: IndexStore) -> tuple[ServingIndex, list[str]]:
    created: list[str] = []

    def factory(model: str) -> HashingEncoder:
        created.append(model)
        return HashingEncoder()

    return ServingIndex(store, SharedEncoders(factory)), created


def test_nothing_is_served_before_the_first_load(store: IndexStore) -> None:
    serving, _ = _serving(store)
    assert not serving.ready
    with pytest.raises(NotReady):
        serving.current()


def test_a_request_keeps_the_version_it_started_with_across_a_swap(store: IndexStore) -> None:
    serving, created = _serving(store)
    first = store.current_version()
    assert serving.refresh().outcome == "swapped"
    held = serving.current()  # what a request in flight holds
    second = publish_copy(store, str(first))
    result = serving.refresh()
    assert (result.outcome, result.serving) == ("swapped", second)
    assert serving.current().version == second
    assert held.version == first and held.matcher.match("dog puppy", k=3).index_version == first
    assert serving.current().matcher.match("dog puppy", k=3).index_version == second
    assert created == ["hashing-256|256"]  # one encoder (model|dimension) for both versions
    assert serving.refresh().outcome == "unchanged"


def test_the_old_version_is_freed_when_its_last_request_drops_it(store: IndexStore) -> None:
    serving, _ = _serving(store)
    serving.refresh()
    held = serving.current()
    old = weakref.ref(held.matcher)
    publish_copy(store, held.version)
    serving.refresh()
    gc.collect()
    assert old() is not None  # still held by the request in flight
    del held
    gc.collect()
    assert old() is None


def test_a_broken_version_is_refused_and_the_old_one_keeps_serving(store: IndexStore) -> None:
    serving, _ = _serving(store)
    serving.refresh()
    good = serving.current().version
    broken = publish_copy(store, good, damage=True)
    result = serving.refresh()
    assert (result.outcome, result.serving, result.requested) == ("refused", good, broken)
    assert "index.faiss" in result.message
    assert serving.current().version == good
    assert serving.current().matcher.match("dog puppy", k=3).results
    assert broken in serving.refused()
    assert serving.refresh().outcome == "refused"  # not retried on every poll
    fixed = publish_copy(store, good)
    assert serving.refresh().serving == fixed and broken in serving.refused()


def test_rollback_serves_the_version_before_and_switches_the_store(store: IndexStore) -> None:
    serving, _ = _serving(store)
    serving.refresh()
    first = serving.current().version
    second = publish_copy(store, first)
    serving.refresh()
    result = serving.rollback()
    assert (result.outcome, result.serving) == ("swapped", first)
    assert store.current_version() == first and serving.current().version == first
    assert serving.rollback("no-such-version").outcome == "refused"
    assert serving.rollback(second).serving == second


def test_the_watcher_swaps_in_a_new_current_version(store: IndexStore) -> None:
    serving, _ = _serving(store)
    seen = []
    serving.subscribe(lambda result: seen.append(result.outcome))
    serving.refresh()
    serving.start_watching(0.05)
    try:
        newer = publish_copy(store, serving.current().version)
        wait_until(lambda: serving.current().version == newer, 10, "the watcher to swap")
    finally:
        serving.stop_watching()
    assert seen == ["swapped", "swapped"]


def _repair(store: IndexStore, broken: str, good: str) -> None:
    """Put the good FAISS file back into the broken version (what an operator's repair does)."""
    shutil.copyfile(store.versions_dir / good / "index.faiss", store.versions_dir / broken / "index.faiss")


def test_a_repaired_version_is_tried_again_at_the_next_poll(store: IndexStore) -> None:
    serving, _ = _serving(store)
    serving.refresh()
    good = serving.current().version
    broken = publish_copy(store, good, damage=True)
    assert serving.refresh().outcome == "refused"
    assert serving.refresh().outcome == "refused"  # unchanged files: not loaded again
    _repair(store, broken, good)
    result = serving.refresh()  # the poller's call, not an admin retry
    assert (result.outcome, result.serving) == ("swapped", broken)
    assert broken not in serving.refused()


def test_a_version_another_process_loaded_is_tried_again(store: IndexStore) -> None:
    # this process failed to load it (its model would not load, say); another process loaded the same files
    failures = [CreatorMatchError("model: could not be loaded (out of memory)")]

    def flaky(model: str) -> HashingEncoder:
        if failures:
            raise failures.pop()
        return HashingEncoder()

    serving = ServingIndex(store, SharedEncoders(flaky), retry_seconds=0.0)
    version = str(store.current_version())
    assert serving.refresh().outcome == "refused"
    assert serving.refresh().outcome == "refused"  # same files, and no process has served them
    store.mark_served(version)  # what the other process records when it loads them
    assert serving.refresh().serving == version


def test_a_process_starting_while_current_is_refused_serves_the_last_served_version(store: IndexStore) -> None:
    running, _ = _serving(store)
    running.start()
    good = running.current().version
    assert store.last_served() == good
    broken = publish_copy(store, good, damage=True)
    assert running.refresh().outcome == "refused"  # the running process keeps `good`
    starting, _ = _serving(store)
    result = starting.start()
    assert (result.outcome, result.serving) == ("swapped", good)
    assert starting.current().version == running.current().version == good
    assert broken in starting.refused()


def test_with_nothing_served_before_a_refused_current_leaves_the_process_not_ready(store: IndexStore) -> None:
    broken = publish_copy(store, str(store.current_version()), damage=True)
    store.served_file.unlink(missing_ok=True)
    serving, _ = _serving(store)
    assert serving.start().outcome == "refused"
    assert not serving.ready and broken in serving.status()["refused"]


def test_refusals_name_no_file_system_path(store: IndexStore) -> None:
    serving, _ = _serving(store)
    serving.refresh()
    broken = publish_copy(store, serving.current().version, damage=True)
    message = serving.refresh().message
    assert str(store.root) not in message and "/" not in message.split(":")[0]
    assert message.startswith(broken) and "index.faiss" in message
    assert str(store.root) not in str(serving.status())


def test_the_last_served_version_is_never_pruned(store: IndexStore) -> None:
    serving, _ = _serving(store)
    serving.start()
    served = serving.current().version
    for _ in range(3):
        publish_copy(store, served, damage=True)
    store.prune(keep=2)
    assert served in store.versions() and store.last_served() == served
