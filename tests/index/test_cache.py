"""The embedding cache's files: a full file, and a delta of what changed since it after small changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from index import EmbeddingCache, TextCache
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


def _shouted(texts: list[str], asked: list[list[int]]) -> Callable[[list[int]], list[str]]:
    """A pure text function for `TextCache.answers`, recording the positions it is asked for."""
    def compute(positions: list[int]) -> list[str]:
        asked.append(positions)
        return [texts[i].upper() + "!" for i in positions]
    return compute


def test_text_cache_answers_new_texts_only_and_keeps_exactly_the_last_call(tmp_path: Path) -> None:
    texts = ["café ☀️", "plain", "plain", "bad \udc80 bytes", ""]
    asked: list[list[int]] = []
    cache = TextCache(tmp_path, "shout", "shout|v1")
    assert cache.status == "empty"
    # by hand: each distinct text computed once, at its first position; duplicates share the answer
    assert cache.answers(texts, _shouted(texts, asked)) == ["CAFÉ ☀️!", "PLAIN!", "PLAIN!", "BAD \udc80 BYTES!", "!"]
    assert sorted(asked[0]) == [0, 1, 3, 4]
    cache.save()
    again = TextCache(tmp_path, "shout", "shout|v1")
    assert again.status == "loaded" and len(again) == 4
    changed = ["new one", "plain", "café ☀️"]
    asked.clear()
    assert again.answers(changed, _shouted(changed, asked)) == ["NEW ONE!", "PLAIN!", "CAFÉ ☀️!"]
    assert asked == [[0]]
    again.save()
    third = TextCache(tmp_path, "shout", "shout|v1")
    assert len(third) == 3  # the texts of the last call only: 'bad bytes' and '' were dropped
    asked.clear()
    assert third.answers(changed, _shouted(changed, asked)) == ["NEW ONE!", "PLAIN!", "CAFÉ ☀️!"] and asked == []


def test_text_cache_of_other_code_or_damaged_is_empty_and_an_unchanged_cache_is_not_written(tmp_path: Path) -> None:
    texts = ["a", "b"]
    cache = TextCache(tmp_path, "shout", "shout|v1")
    cache.answers(texts, _shouted(texts, []))
    cache.save()
    other = TextCache(tmp_path, "shout", "shout|v2")  # the function's code changed
    asked: list[list[int]] = []
    assert other.status == "empty" and other.answers(texts, _shouted(texts, asked)) == ["A!", "B!"]
    assert sorted(asked[0]) == [0, 1]
    unchanged = TextCache(tmp_path, "shout", "shout|v1")
    unchanged.answers(texts, _shouted(texts, []))
    cache.path.unlink()
    unchanged.save()
    assert not cache.path.exists()  # nothing new: nothing written
    cache.path.write_bytes(b"not an npz file")
    damaged = TextCache(tmp_path, "shout", "shout|v1")
    asked.clear()
    assert damaged.status == "damaged" and damaged.answers(texts, _shouted(texts, asked)) == ["A!", "B!"]
    assert sorted(asked[0]) == [0, 1]
    damaged.save()
    assert TextCache(tmp_path, "shout", "shout|v1").status == "loaded"


def test_text_cache_refuses_a_function_that_answers_the_wrong_number_of_texts(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="1 answers for 2 texts"):
        TextCache(tmp_path, "shout", "x").answers(["a", "b"], lambda positions: ["only one"])
