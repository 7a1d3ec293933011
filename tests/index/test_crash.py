"""SIGKILL at several points of a build: the serving version still answers the same, the next build succeeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from index import EmbeddingCache, IndexStore, StoreError, build_store, open_matcher
from matcher.taxonomy import creator_niches, iab_content_taxonomy
from tests.helpers import HashingEncoder

ROOT = Path(__file__).resolve().parents[2]
BRIEF = "travel trips abroad with a camera"


def _kill_build_at(creators: Path, posts: Path, store: Path, point: str) -> list[str]:
    """Start a build in a child, wait until it reports `point`, SIGKILL it; the events it reported."""
    child = subprocess.Popen([sys.executable, "-m", "tests.index.build_child", str(creators), str(posts), str(store),
                              point], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    events = []
    for line in child.stdout:
        events.append(line.strip())
        if events[-1] == point:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert events and events[-1] == point, f"the build never reached {point}: {events}"
    assert child.returncode == -signal.SIGKILL
    return events


@pytest.fixture()
def changed_posts(small_demo, tmp_path: Path) -> Path:
    """The demo posts with 1% of creators' captions changed, so the rebuild has text to embed."""
    demo, _, posts = small_demo
    frame = pd.read_csv(posts, dtype=str, keep_default_na=False)
    mask = frame["creator_id"].isin(demo.creators["creator_id"].iloc[::100])
    frame.loc[mask, "caption"] = frame.loc[mask, "caption"] + " and a new twist"
    path = tmp_path / "changed_posts.csv"
    frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("point", ["embed:chunk1", "write:index.faiss", "write:unit_vectors.npy", "verify",
                                  "switch", "cache_save"])
def test_sigkill_leaves_the_serving_version_intact_and_the_next_build_succeeds(
        small_demo, tmp_path: Path, changed_posts: Path, point: str) -> None:
    _, creators, posts = small_demo
    store_dir = tmp_path / "store"
    encoder = HashingEncoder()
    first = build_store(creators, posts, store_dir, encoder)
    before = open_matcher(store_dir, encoder).match(BRIEF, k=10).to_dict()

    events = _kill_build_at(creators, changed_posts, store_dir, point)

    store = IndexStore(store_dir)
    assert (store_dir / "build.lock").exists()  # the dead build's lock was left behind
    if point == "cache_save":
        # killed after the switch: the new version serves, complete and verified
        assert store.current_version() not in (None, first.version)
        store.load()
    else:
        assert store.current_version() == first.version
        assert open_matcher(store_dir, encoder).match(BRIEF, k=10).to_dict() == before
    if point == "embed:chunk1":
        assert "embed:chunk0" in events and "write" not in events

    # the cache is usable (or was never replaced), the stale lock is cleared, leftovers are removed
    report = build_store(creators, changed_posts, store_dir, encoder)
    assert store.current_version() == report.version
    assert not list((store_dir / "versions").glob(".staging-*"))
    assert report.embedded <= report.texts
    again = open_matcher(store_dir, encoder).match(BRIEF, k=10)
    assert again.results and again.index_version == report.version
    # a fresh build from scratch answers exactly like the one built after the crash
    scratch = build_store(creators, changed_posts, tmp_path / "scratch", encoder, use_cache=False)
    assert open_matcher(tmp_path / "scratch", encoder).match(BRIEF, k=10).to_dict()["results"] == \
        again.to_dict()["results"]
    assert scratch.version != report.version
    assert np.array_equal(IndexStore(tmp_path / "scratch").load().index.creator_vectors,
                          store.load().index.creator_vectors)


def test_a_damaged_cache_is_detected_and_rebuilt(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    encoder = HashingEncoder()
    first = build_store(creators, posts, tmp_path / "s", encoder)
    # the cache folder is named by its identity's digest; the language cache sits beside it
    embedding_cache = EmbeddingCache(tmp_path / "s" / "cache", "hashing-256|256", 256)
    cache_file = embedding_cache.folder / "cache.npz"
    # the cache holds the creators' texts and the taxonomies' descriptions (embedded once, reused by rebuilds)
    described = set(creator_niches().descriptions) | set(iab_content_taxonomy().descriptions)
    assert cache_file.exists() and len(embedding_cache) == first.embedded + len(described)
    data = cache_file.read_bytes()
    cache_file.write_bytes(data[: len(data) // 2])  # torn write, disk full
    assert len(EmbeddingCache(tmp_path / "s" / "cache", "hashing-256|256", 256)) == 0
    second = build_store(creators, posts, tmp_path / "s", encoder)
    assert (second.embedded, second.reused, second.cache_status) == (first.embedded, 0, "damaged")
    third = build_store(creators, posts, tmp_path / "s", encoder)
    assert (third.embedded, third.reused, third.cache_status) == (0, first.embedded, "loaded")


def test_a_failed_write_leaves_the_serving_version_and_no_leftovers(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    encoder = HashingEncoder()
    first = build_store(creators, posts, tmp_path / "s", encoder)
    bad = tmp_path / "bad.csv"
    bad.write_text("creator_id,handle\n", encoding="utf-8")  # header only: no valid rows
    with pytest.raises(Exception, match="bad.csv"):
        build_store(bad, posts, tmp_path / "s", encoder)
    store = IndexStore(tmp_path / "s")
    assert store.current_version() == first.version and store.versions() == [first.version]
    assert not (tmp_path / "s" / "build.lock").exists()


def _store_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@pytest.fixture()
def small_disk(tmp_path: Path):
    """Mounts a tmpfs of a given size (root only: the CI machine runs as root; elsewhere the test is skipped)."""
    mounted_points: list[Path] = []

    def mount(size_bytes: int) -> Path:
        mount_point = tmp_path / "disk"
        mount_point.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_bytes // 1024}k", "tmpfs",
                                 str(mount_point)], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.strip()}")
        mounted_points.append(mount_point)
        return mount_point

    yield mount
    for point in mounted_points:
        subprocess.run(["umount", str(point)], check=False)


def test_disk_full_mid_build_leaves_the_serving_version_and_a_later_build_succeeds(
        small_demo, tmp_path: Path, small_disk) -> None:
    _, creators, posts = small_demo
    encoder = HashingEncoder()
    few = tmp_path / "few.csv"
    pd.read_csv(creators, dtype=str, keep_default_na=False).iloc[:40].to_csv(few, index=False)
    # sizes measured on a normal disk: the small store, and one version of the whole catalog
    small = build_store(few, posts, tmp_path / "small", encoder)
    whole = build_store(creators, posts, tmp_path / "whole", encoder)
    # room for the small store, a second small version and a temporary copy of the largest cache file (a cache
    # save writes one before renaming), with 512 KiB for the file system's blocks and the brand graph: not for the
    # whole version
    small_version = _store_bytes(tmp_path / "small" / "versions" / small.version)
    largest_cache = max(p.stat().st_size for p in (tmp_path / "small" / "cache").rglob("*.npz"))
    room = _store_bytes(tmp_path / "small") + small_version + largest_cache + (512 << 10)
    assert room < _store_bytes(tmp_path / "small") + _store_bytes(tmp_path / "whole" / "versions" / whole.version)
    store_dir = small_disk(room) / "store"  # the disk fills while the whole catalog's version is written

    first = build_store(few, posts, store_dir, encoder)
    before = open_matcher(store_dir, encoder).match(BRIEF, k=5).to_dict()
    with pytest.raises(StoreError, match=f"could not write the new version .*; still serving {first.version}"):
        build_store(creators, posts, store_dir, encoder)
    store = IndexStore(store_dir)
    assert store.current_version() == first.version and store.versions() == [first.version]
    assert open_matcher(store_dir, encoder).match(BRIEF, k=5).to_dict() == before
    assert not list((store_dir / "versions").glob(".staging-*")) and not (store_dir / "build.lock").exists()
    second = build_store(few, posts, store_dir, encoder)
    assert store.current_version() == second.version
    assert (second.embedded, second.cache_status) == (0, "loaded")  # the cache survived the failed build
