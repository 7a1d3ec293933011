"""The Ray Data embedding engine against the local engine: same vectors (cosine >= 0.9999), same order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index import IndexStore, RayEncoder, SentenceTransformerEncoder, build_store
from matcher.demo import generate_demo_catalog

pytestmark = pytest.mark.model

TEXTS = [
    *(f"post {i}: {topic} with friends, day {i % 7}" for i in range(120)
      for topic in [("morning run and protein smoothie", "vegan curry recipe", "weekend in Lisbon",
                     "new lipstick shades", "puppy training tips")[i % 5]]),
    "", "🌸✨ spring vibes ✨🌸", "Ein Rezept für Käsespätzle", "travel " * 400,  # empty, emoji, German, truncated
    "vegan curry recipe with friends, day 0", "vegan curry recipe with friends, day 0",  # duplicates
]


@pytest.fixture(scope="module")
def ray_encoder():
    encoder = RayEncoder(num_cpus=2, actors=2, rows_per_batch=32)
    yield encoder
    encoder.shutdown()


def test_ray_engine_gives_the_local_vectors(ray_encoder: RayEncoder) -> None:
    local = SentenceTransformerEncoder()
    assert (ray_encoder.model_name, ray_encoder.dimension, ray_encoder.identity) == \
        (local.model_name, local.dimension, local.identity)
    on_ray = ray_encoder.encode(TEXTS)
    here = local.encode(TEXTS)
    assert on_ray.shape == here.shape == (len(TEXTS), 384) and on_ray.dtype == np.float32
    cosine = np.sum(on_ray * here, axis=1) / (np.linalg.norm(on_ray, axis=1) * np.linalg.norm(here, axis=1))
    assert cosine.min() >= 0.9999
    assert np.array_equal(on_ray[-1], on_ray[-2])  # the two duplicate texts, side by side in the input
    assert ray_encoder.encode([]).shape == (0, 384)


def test_a_build_on_ray_equals_a_local_build_and_shares_its_cache(ray_encoder: RayEncoder, tmp_path: Path) -> None:
    catalog = generate_demo_catalog(48, seed=9, posts_per_creator=(2, 3))
    creators, posts = catalog.write(tmp_path / "catalog")
    on_ray = build_store(creators, posts, tmp_path / "store", ray_encoder)
    local = build_store(creators, posts, tmp_path / "local", SentenceTransformerEncoder())
    ray_vectors = IndexStore(tmp_path / "store").load(on_ray.version).index.unit_vectors
    local_vectors = IndexStore(tmp_path / "local").load(local.version).index.unit_vectors
    assert np.sum(ray_vectors * local_vectors, axis=1).min() >= 0.9999
    # the local engine reuses what Ray embedded: the cache key is the same
    again = build_store(creators, posts, tmp_path / "store", SentenceTransformerEncoder())
    assert (again.embedded, again.reused) == (0, on_ray.embedded)


