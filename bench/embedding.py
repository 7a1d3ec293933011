"""Embedding throughput of each encoder backend on real captions, and how close their vectors are to PyTorch's."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from index.embedding import BACKENDS, DEFAULT_BATCH_SIZE, SentenceTransformerEncoder
from index.onnx_backend import TOKENS_PER_BATCH
from matcher.demo import generate_demo_catalog
from matcher.documents import clean_text

KIM_PREPARE = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "kim_instagram" / "prepare.py"


@dataclass(frozen=True)
class EmbeddingRow:
    """One backend's texts per second on the same texts, its speed-up and its vectors' cosine to PyTorch."""

    backend: str
    max_seq_length: int
    batching: str
    texts: int
    texts_per_s: float
    speedup: float
    mean_cosine: float
    min_cosine: float


def caption_texts(count: int, seed: int = 0) -> tuple[list[str], str]:
    """`count` cleaned, non-empty real captions (Kim et al. when ../shared/data has it, else the demo catalog)."""
    captions: list[str] = []
    source = "demo catalog"
    if KIM_PREPARE.exists():
        with tempfile.TemporaryDirectory() as folder:
            done = subprocess.run([sys.executable, str(KIM_PREPARE), folder], capture_output=True, check=False)
            posts = Path(folder) / "posts.csv"
            if done.returncode == 0 and posts.exists():
                captions = pd.read_csv(posts, usecols=["caption"], dtype=str, keep_default_na=False)["caption"].tolist()
                source = "Kim et al. Instagram captions (../shared/data)"
    if not captions:
        captions = generate_demo_catalog(max(200, count // 3), seed=seed).posts["caption"].astype(str).tolist()
    texts = [t for t in (clean_text(c) for c in captions) if t]
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(texts), size=min(count, len(texts)), replace=False)
    return [texts[i] for i in chosen], source


def _throughput(encode: Callable[[list[str]], np.ndarray], texts: list[str]) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    vectors = encode(texts)
    return len(texts) / (time.perf_counter() - start), vectors


def run_embedding(texts: Sequence[str], variants: Sequence[tuple[str, int, int]],
                  rounds: int = 3) -> list[EmbeddingRow]:
    """Each (backend, max_seq_length, PyTorch batch size) variant timed in `rounds` interleaved rounds (best kept).

    The first variant is the reference: speed-up and cosine are against it. Interleaving makes a burst of
    load from other processes on the shared machine hit every variant alike. Every variant uses every core.
    """
    texts = list(texts)
    encoders = [SentenceTransformerEncoder(backend=backend, max_seq_length=length, batch_size=batch)
                for backend, length, batch in variants]
    for encoder in encoders:
        encoder.encode(texts[:16])  # load (and export, the first time) outside the timing
    best = [0.0] * len(encoders)
    vectors: list[np.ndarray] = [np.zeros(0)] * len(encoders)
    for _ in range(rounds):
        for i, encoder in enumerate(encoders):
            speed, vectors[i] = _throughput(encoder.encode, texts)
            best[i] = max(best[i], speed)
    rows = []
    for (backend, length, batch), speed, found in zip(variants, best, vectors, strict=True):
        cosine = np.sum(found * vectors[0], axis=1)
        batching = f"{batch} texts" if backend == "torch" else f"<= {TOKENS_PER_BATCH:,} tokens, {_cores()} sessions"
        rows.append(EmbeddingRow(backend, length, batching, len(texts), speed, speed / best[0],
                                 float(cosine.mean()), float(cosine.min())))
    return rows


def _cores() -> int:
    return os.cpu_count() or 1


# the reference first: PyTorch as the project ran it before this benchmark (64 texts per batch)
DEFAULT_VARIANTS: tuple[tuple[str, int, int], ...] = (
    ("torch", 128, 64), ("torch", 128, DEFAULT_BATCH_SIZE), *((b, 128, DEFAULT_BATCH_SIZE) for b in BACKENDS[1:]))


@dataclass(frozen=True)
class BriefRow:
    """Time to embed one brief alone (what a query pays), per backend and thread count."""

    backend: str
    threads: str
    p50_ms: float
    p95_ms: float


def run_brief_latency(briefs: Sequence[str]) -> list[BriefRow]:
    """Single-brief embedding latency, the variants interleaved brief by brief.

    PyTorch's thread count is process-wide, so its default-threads variant is measured first, alone.
    """
    def timings(encode: Callable[[list[str]], np.ndarray]) -> list[float]:
        encode(["warm up"])
        found = []
        for brief in briefs:
            start = time.perf_counter()
            encode([brief])
            found.append((time.perf_counter() - start) * 1000)
        return found

    rows = []
    default = timings(SentenceTransformerEncoder(backend="torch").encode)
    rows.append(BriefRow("torch", "default", *np.percentile(default, [50, 95]).tolist()))
    variants = {backend: SentenceTransformerEncoder(backend=backend, threads=1) for backend in BACKENDS}
    measured: dict[str, list[float]] = {backend: [] for backend in variants}
    for encoder in variants.values():
        encoder.encode(["warm up"])
    for brief in briefs:
        for backend, encoder in variants.items():
            start = time.perf_counter()
            encoder.encode([brief])
            measured[backend].append((time.perf_counter() - start) * 1000)
    rows += [BriefRow(backend, "1", *np.percentile(values, [50, 95]).tolist()) for backend, values in measured.items()]
    return rows
