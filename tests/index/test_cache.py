"""The embedding cache's files: a full file, and a delta of what changed since it after small changes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index import EmbeddingCache
from index.cache import DELTA_SHARE
from tests.helpers import HashingEncoder

WORDS = [f"word{i} topic{i % 7}" for i in range(100)]


def _saved(folder: Path, texts: list[str]) -> EmbeddingCache:
    cache = EmbeddingCache(folder, "hashing-32", 32)
    cache.embed(texts, HashingEncoder(32).encode)
    cache.save()
    return cache


def _assert_holds_exactly(folder: Path, texts: list[str]) -> None:
    """A fresh cache from the folder answers every text from disk, with the encoder's own vectors."""
    again = EmbeddingCache(folder, "hashing-32", 32)
    assert again.status == "loaded" and len(again) == len(set(texts))
    encoder = HashingEncoder(32)
    vectors, stats = again.embed(texts, encoder.encode)
    assert (stats.embedded, stats.reused, encoder.calls) == (0, len(set(texts)), [])
    np.testing.assert_array_equal(vectors, HashingEncoder(32).encode(texts))


def test_a_small_change_writes_only_a_delta_and_reads_back_whole(tmp_path: Path) -> None:
    _saved(tmp_path, WORDS)
    full = EmbeddingCache(tmp_path, "hashing-32", 32).folder / "cache.npz"
    before = full.read_bytes()
    changed = [*WORDS[5:], "new one", "new two", "new three"]  # 5 dropped, 3 added: 8 of 100 changed
    cache = EmbeddingCache(tmp_path, "hashing-32", 32)
    _, stats = cache.embed(changed, HashingEncoder(32).encode)
    assert (stats.embedded, stats.reused) == (3, 95)
    cache.save()
    assert full.read_bytes() == before and (full.parent / "delta.npz").exists()
    with np.load(full.parent / "delta.npz") as delta:
        assert len(delta["added"]) == 3 and len(delta["dropped"]) == 5
    _assert_holds_exactly(tmp_path, changed)
    # a second small change is again a delta against the same full file, with every change since it
    later = changed[10:]
    cache = EmbeddingCache(tmp_path, "hashing-32", 32)
    cache.embed(later, HashingEncoder(32).encode)
    cache.save()
    assert full.read_bytes() == before
    with np.load(full.parent / "delta.npz") as delta:
        assert len(delta["added"]) == 3 and len(delta["dropped"]) == 15
    _assert_holds_exactly(tmp_path, later)


def test_changes_beyond_the_share_rewrite_the_full_file_and_drop_the_delta(tmp_path: Path) -> None:
    _saved(tmp_path, WORDS)
    folder = EmbeddingCache(tmp_path, "hashing-32", 32).folder
    _saved(tmp_path, WORDS[2:])
    assert (folder / "delta.npz").exists()
    keep = int(len(WORDS) * (1 - DELTA_SHARE)) - 1  # one more drop than the share allows
    _saved(tmp_path, WORDS[:keep])
    assert not (folder / "delta.npz").exists()
    with np.load(folder / "cache.npz") as full:
        assert len(full["keys"]) == keep
    _assert_holds_exactly(tmp_path, WORDS[:keep])


def test_a_delta_written_for_another_full_file_is_ignored(tmp_path: Path) -> None:
    _saved(tmp_path, WORDS)
    folder = EmbeddingCache(tmp_path, "hashing-32", 32).folder
    _saved(tmp_path, [*WORDS, "late addition"])
    stale = (folder / "delta.npz").read_bytes()
    # a save that rewrote the full file and stopped before removing the old delta
    _saved(tmp_path, WORDS[:30])
    (folder / "delta.npz").write_bytes(stale)
    _assert_holds_exactly(tmp_path, WORDS[:30])


def test_a_damaged_delta_costs_only_its_entries(tmp_path: Path) -> None:
    _saved(tmp_path, WORDS)
    folder = EmbeddingCache(tmp_path, "hashing-32", 32).folder
    _saved(tmp_path, [*WORDS, "late addition"])
    data = (folder / "delta.npz").read_bytes()
    (folder / "delta.npz").write_bytes(data[: len(data) // 2])
    cache = EmbeddingCache(tmp_path, "hashing-32", 32)
    assert cache.status == "loaded" and len(cache) == len(WORDS)
    encoder = HashingEncoder(32)
    _, stats = cache.embed([*WORDS, "late addition"], encoder.encode)
    assert (stats.embedded, stats.reused, encoder.calls) == (1, len(WORDS), [1])


def test_a_killed_save_leaves_no_temporary_file_behind(tmp_path: Path) -> None:
    _saved(tmp_path, WORDS)
    folder = EmbeddingCache(tmp_path, "hashing-32", 32).folder
    (folder / ".delta.123.tmp.npz").write_bytes(b"partial")
    (folder / ".cache.123.tmp.npz").write_bytes(b"partial")
    assert EmbeddingCache(tmp_path, "hashing-32", 32).status == "loaded"
    assert sorted(p.name for p in folder.iterdir()) == ["cache.npz"]
