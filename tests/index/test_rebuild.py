"""Rebuilds: only changed text is embedded, vectors match a full build, rollback restores results."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from index import IndexStore, StoreError, build_store, open_matcher
from tests.helpers import HashingEncoder


def test_one_percent_change_embeds_only_those_texts(small_demo, tmp_path: Path) -> None:
    demo, creators, posts = small_demo
    encoder = HashingEncoder()
    first = build_store(creators, posts, tmp_path / "s", encoder)
    changed_posts = pd.read_csv(posts, dtype=str, keep_default_na=False)
    changed_ids = demo.creators["creator_id"].iloc[::100].tolist()  # 3 of 240 creators, about 1%
    mask = changed_posts["creator_id"].isin(changed_ids)
    changed_posts.loc[mask, "caption"] = changed_posts.loc[mask, "caption"] + " now with a brand new twist"
    new_posts = tmp_path / "posts.csv"
    changed_posts.to_csv(new_posts, index=False)
    second = build_store(creators, new_posts, tmp_path / "s", encoder)
    # every changed caption is new text; nothing else is embedded again
    assert second.embedded == changed_posts.loc[mask, "caption"].nunique()
    assert second.embedded + second.reused == first.embedded
    full = build_store(creators, new_posts, tmp_path / "full", encoder, use_cache=False)
    incremental = IndexStore(tmp_path / "s").load(second.version).index
    scratch = IndexStore(tmp_path / "full").load(full.version).index
    assert np.array_equal(incremental.unit_vectors, scratch.unit_vectors)
    assert np.array_equal(incremental.creator_vectors, scratch.creator_vectors)


def test_rollback_restores_the_earlier_results_exactly(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    encoder = HashingEncoder()
    first = build_store(creators, posts, tmp_path / "s", encoder)
    before = open_matcher(tmp_path / "s", encoder).match("travel trips abroad", k=10).to_dict()
    smaller = tmp_path / "creators.csv"
    frame = pd.read_csv(creators, dtype=str, keep_default_na=False)
    frame.iloc[::2].to_csv(smaller, index=False)
    second = build_store(smaller, posts, tmp_path / "s", encoder)
    store = IndexStore(tmp_path / "s")
    assert store.current_version() == second.version and store.previous_version() == first.version
    assert open_matcher(tmp_path / "s", encoder).match("travel trips abroad", k=10).to_dict() != before
    store.switch(store.previous_version() or "")
    assert open_matcher(tmp_path / "s", encoder).match("travel trips abroad", k=10).to_dict() == before


def test_a_live_build_lock_refuses_a_second_build_and_a_stale_one_is_cleared(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    store = IndexStore(tmp_path / "s")
    with store.build_lock(), pytest.raises(StoreError, match=f"another build is running \\(pid {os.getpid()}"):
        build_store(creators, posts, tmp_path / "s", HashingEncoder())
    assert not (tmp_path / "s" / "build.lock").exists()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / "s" / "build.lock").write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname()}))
    report = build_store(creators, posts, tmp_path / "s", HashingEncoder())
    assert store.current_version() == report.version and not (tmp_path / "s" / "build.lock").exists()


def test_each_build_writes_a_drift_report(small_demo, tmp_path: Path) -> None:
    demo, creators, posts = small_demo
    encoder = HashingEncoder()
    first = build_store(creators, posts, tmp_path / "s", encoder)
    assert first.drift["previous_version"] is None and first.drift["added"] == len(demo.creators)
    frame = pd.read_csv(creators, dtype=str, keep_default_na=False)
    dropped = frame["creator_id"].iloc[:3].tolist()
    frame = frame.iloc[3:].copy()
    frame.loc[frame.index[:2], "followers"] = "123456"  # two profiles change
    extra = frame.iloc[:1].copy()
    extra["creator_id"] = "new_creator"
    pd.concat([frame, extra]).to_csv(tmp_path / "creators.csv", index=False)
    posts_frame = pd.read_csv(posts, dtype=str, keep_default_na=False)
    posts_frame[~posts_frame["creator_id"].isin(dropped)].to_csv(tmp_path / "posts.csv", index=False)
    second = build_store(tmp_path / "creators.csv", tmp_path / "posts.csv", tmp_path / "s", encoder)
    drift = second.drift
    assert drift["previous_version"] == first.version
    assert (drift["added"], drift["removed"], drift["changed"]) == (1, 3, 2)
    assert set(drift["signals"]) == {"engagement_score", "trust_score", "loyalty_score", "cost_score"}
    saved = json.loads((tmp_path / "s" / "versions" / second.version / "drift.json").read_text())
    assert saved["changed"] == 2 and "drift.json" in IndexStore(tmp_path / "s").manifest(second.version)["files"]


def test_a_compressed_index_keeps_float16_vectors_and_its_rebuild_sees_no_change(small_demo, tmp_path: Path) -> None:
    import numpy as np

    _, creators, posts = small_demo
    encoder = HashingEncoder()
    first = build_store(creators, posts, tmp_path / "s", encoder, index_type="IVF8,PQ16x4fs")
    loaded = IndexStore(tmp_path / "s").load()
    assert loaded.index.creator_vectors.dtype == np.float16  # written as float16, mapped read-only
    assert isinstance(loaded.index.creator_vectors, np.memmap)
    # the same catalog again: the new (float32, in memory) vectors equal the stored float16 ones once rounded
    second = build_store(creators, posts, tmp_path / "s", encoder, index_type="IVF8,PQ16x4fs")
    assert (second.drift["previous_version"], second.drift["changed"]) == (first.version, 0)
    assert second.index_type == "IVF8,PQ16x4fs"
    from index import open_matcher

    match = open_matcher(tmp_path / "s", encoder).match("travel photography", k=5)
    assert len(match.results) == 5


def test_auto_builds_flat_for_a_small_catalog(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    report = build_store(creators, posts, tmp_path / "s", HashingEncoder())  # index_type defaults to auto
    assert report.index_type == "Flat"
    assert IndexStore(tmp_path / "s").manifest(report.version)["index_type"] == "Flat"
