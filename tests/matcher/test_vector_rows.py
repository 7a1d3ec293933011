"""Rows of a mapped vector file read with pread: the same values as indexing the map, without mapping pages."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from matcher.vector_rows import take_ranges, take_rows


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
def test_take_rows_equals_indexing_the_map(tmp_path: Path, dtype: type) -> None:
    generator = np.random.default_rng(0)
    vectors = generator.standard_normal((500, 24)).astype(dtype)
    np.save(tmp_path / "v.npy", vectors)
    mapped = np.load(tmp_path / "v.npy", mmap_mode="r")
    for rows in (np.array([3, 0, 499, 3, 250]), generator.integers(0, 500, 300), np.array([], dtype=np.int64),
                 np.array([-1, -500])):
        np.testing.assert_array_equal(take_rows(mapped, rows, min_bytes=0), vectors[rows])  # reference: indexing
    np.testing.assert_array_equal(take_rows(vectors, np.array([7, 1])), vectors[[7, 1]])  # in memory: indexed
    np.testing.assert_array_equal(take_rows(mapped[10:20], np.array([0, 9]), min_bytes=0), vectors[[10, 19]])
    with pytest.raises(IndexError):
        take_rows(mapped, np.array([500]), min_bytes=0)


def test_take_ranges_by_hand(tmp_path: Path) -> None:
    vectors = np.arange(20, dtype=np.float32).reshape(10, 2)
    np.save(tmp_path / "r.npy", vectors)
    expected = [[[4.0, 5.0], [6.0, 7.0]], [], [[10.0, 11.0]], [[0.0, 1.0]]]
    for source in (vectors, np.load(tmp_path / "r.npy", mmap_mode="r")):
        parts = take_ranges(source, np.array([2, 5, 5, 0]), np.array([4, 5, 6, 1]), min_bytes=0)
        assert [part.tolist() for part in parts] == expected


def test_a_small_file_is_read_through_its_map(tmp_path: Path) -> None:
    np.save(tmp_path / "small.npy", np.ones((100, 8), dtype=np.float32))
    mapped = np.load(tmp_path / "small.npy", mmap_mode="r")
    take_rows(mapped, np.array([5, 50]))  # 3.2 KB, under PREAD_FROM_BYTES: indexed
    assert _mapped_kib(tmp_path / "small.npy") > 0


def _mapped_kib(path: Path) -> int:
    total, current = 0, None
    for line in Path("/proc/self/smaps").read_text().splitlines():
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            parts = line.split()
            current = parts[5] if len(parts) > 5 else None
        elif line.startswith("Rss:") and current == str(path):
            total += int(line.split()[1])
    return total


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="Linux only")
def test_rows_read_with_pread_map_no_page_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.npy"
    np.save(path, np.ones((20_000, 384), dtype=np.float16))  # 15 MB
    mapped = np.load(path, mmap_mode="r")
    rows = np.random.default_rng(1).integers(0, 20_000, 1_000)
    take_rows(mapped, rows, min_bytes=0)
    assert _mapped_kib(path) == 0
    _ = np.asarray(mapped[rows])  # through the map: its pages become the process's
    assert _mapped_kib(path) > 0
