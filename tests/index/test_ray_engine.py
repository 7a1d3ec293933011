"""The Ray Data embedding engine against the local engine: same vectors (cosine >= 0.9999), same order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import ray

from index import EmbeddingCache, EngineError, RayEncoder, SentenceTransformerEncoder
from index.embedding import encoder_identity
from matcher.protocols import Encoder

pytestmark = pytest.mark.model

TOPICS = ["morning run and a protein smoothie", "vegan curry recipe", "a weekend in Lisbon", "new lipstick shades",
          "puppy training tips", "budget gaming PC build", "sourdough starter, day three", "deadlift form check",
          "thrifted denim haul", "sunrise hike above the clouds"]
TEXTS = [
    *(f"post {i}: {TOPICS[i % len(TOPICS)]} with {('friends', 'my sister', 'the team')[i % 3]}, take {i // 10}"
      for i in range(140)),
    "",  # empty
    "🌸✨ spring vibes ✨🌸 #ootd",  # emoji only, nearly
    "Ein Rezept für Käsespätzle — schnell & einfach",  # non-ASCII
    "東京の週末、ラーメン巡り🍜",  # non-Latin script
    "travel " * 400,  # far past max_seq_length: truncated the same way on both engines
    "   leading and trailing spaces   ",
    "vegan curry recipe",  # duplicated below, apart from each other
    "deadlift form check",
    "vegan curry recipe",
    "deadlift form check",
]


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


@pytest.fixture(scope="module", autouse=True)
def float_backend() -> Iterator[None]:
    # int8 ONNX quantizes activations with a scale per batch, so its vectors depend on how texts are batched
    # (cosine 0.98-0.999 between Ray's blocks and local batches); the float backends do not
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CREATORMATCH_BACKEND", "onnx")
        yield


@pytest.fixture(scope="module")
def local() -> SentenceTransformerEncoder:
    return SentenceTransformerEncoder()


@pytest.fixture(scope="module")
def ray_encoder() -> Iterator[RayEncoder]:
    # small Ray Data batches, so 150 texts make 5 blocks that the 2 actors share and may return out of order;
    # local_below=100, so that 150 texts go to Ray rather than to the driver's copy of the model
    encoder = RayEncoder(num_cpus=2, actors=2, rows_per_batch=32, local_below=100)
    yield encoder
    encoder.shutdown()
    assert not ray.is_initialized()


@pytest.fixture(scope="module")
def unconnected() -> RayEncoder:
    return RayEncoder(address="127.0.0.1:1")  # nothing listens there: any connection attempt would fail


def test_empty_and_small_inputs_need_no_ray(unconnected: RayEncoder, local: SentenceTransformerEncoder) -> None:
    encoder = unconnected
    empty = encoder.encode([])
    assert empty.shape == (0, local.dimension) and empty.dtype == np.float32
    few = encoder.encode(TEXTS[:3])  # below local_below: the driver's copy of the model embeds them
    assert cosines(few, local.encode(TEXTS[:3])).min() >= 0.9999
    assert not ray.is_initialized()


def test_same_identity_as_the_local_engine_so_the_cache_is_shared(unconnected: RayEncoder, tmp_path: Path,
                                                                  local: SentenceTransformerEncoder) -> None:
    encoder = unconnected
    assert isinstance(encoder, Encoder)
    assert (encoder.model_name, encoder.dimension, encoder.identity) == \
        (local.model_name, local.dimension, local.identity)
    filled = EmbeddingCache(tmp_path, encoder_identity(encoder), encoder.dimension)
    filled.embed(TEXTS[:5], encoder.encode)  # few texts: the driver embeds them, under the Ray engine's identity
    filled.save()
    _, stats = EmbeddingCache(tmp_path, encoder_identity(local), local.dimension).embed(TEXTS[:5], local.encode)
    assert (stats.embedded, stats.reused) == (0, 5)


def test_an_unreachable_cluster_fails_fast_and_clearly() -> None:
    if ray.is_initialized():
        pytest.skip("a Ray is already running in this process, and RayEncoder uses it whatever the address")
    with pytest.raises(EngineError, match=r"cannot reach the Ray cluster at 127\.0\.0\.1:1"):
        RayEncoder(address="127.0.0.1:1", local_below=0).encode(["x"])
    assert not ray.is_initialized()


def test_more_actors_than_cpus_is_refused() -> None:
    with pytest.raises(EngineError, match="3 actors need 3 CPUs"):
        RayEncoder(num_cpus=2, actors=3)


def test_ray_engine_gives_the_local_vectors(ray_encoder: RayEncoder, local: SentenceTransformerEncoder) -> None:
    on_ray = ray_encoder.encode(TEXTS)
    here = local.encode(TEXTS)
    assert on_ray.shape == here.shape == (len(TEXTS), local.dimension) and on_ray.dtype == np.float32
    assert cosines(on_ray, here).min() >= 0.9999  # row by row: the order is the input order
    assert np.linalg.norm(on_ray, axis=1) == pytest.approx(np.ones(len(TEXTS)), abs=1e-5)
    assert cosines(on_ray[[-4, -3]], on_ray[[-2, -1]]).min() >= 0.9999  # duplicates, wherever their batch
    assert ray_encoder.encode([]).shape == (0, local.dimension)
