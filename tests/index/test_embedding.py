"""The bundled model loads from site-packages with the hub offline, and embeds sensibly."""

from __future__ import annotations

import numpy as np
import pytest

from index import ModelError, SentenceTransformerEncoder, default_model_path


def test_default_model_ships_in_site_packages() -> None:
    path = default_model_path()
    assert "site-packages" in str(path) and (path / "config.json").exists()


def test_unknown_model_fails_clearly_without_downloading() -> None:
    encoder = SentenceTransformerEncoder("no-such-org/no-such-model-xyz")
    with pytest.raises(ModelError, match="cannot load it from local files.*downloads are disabled"):
        encoder.encode(["x"])


@pytest.mark.model
def test_bundled_model_embeds_offline() -> None:
    encoder = SentenceTransformerEncoder()
    vectors = encoder.encode(["a chocolate cake recipe", "baking a lemon tart", "deadlift form at the gym"])
    assert vectors.shape == (3, 384) and encoder.dimension == 384
    assert np.linalg.norm(vectors, axis=1) == pytest.approx(np.ones(3), abs=1e-5)
    # the two baking texts are closer to each other than to the gym text
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert encoder.model_name == "all-MiniLM-L6-v2"


def test_backend_is_checked_and_part_of_the_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelError, match="backend 'tensorrt'"):
        SentenceTransformerEncoder(backend="tensorrt")
    monkeypatch.setenv("CREATORMATCH_BACKEND", "onnx-int8")
    assert SentenceTransformerEncoder().backend == "onnx-int8"
    assert SentenceTransformerEncoder(backend="torch").backend == "torch"


TEXTS = [
    "a chocolate cake recipe", "baking a lemon tart with my kids", "deadlift form at the gym, new personal best",
    "sunset over the beach in Bali #travel #wanderlust", "my everyday makeup routine with a red lip",
    "our golden retriever puppy learning to sit", "living room makeover on a budget, before and after",
    "10k race this morning, legs are done", "vegan protein bowl with tofu and quinoa", "new sneakers drop today",
    "unboxing the latest smartphone and first impressions", "wedding dress fitting with my bridesmaids",
    "hiking in the alps with a heavy backpack", "skincare serum that saved my dry skin this winter",
    "family road trip with two toddlers, wish us luck", "latte art practice at the cafe",
    "short", "", "Ein Rezept für Apfelstrudel wie bei Oma", "ad: thanks @brand for the new yoga mat #sponsored",
    "cat naps all day on the windowsill", "home office setup with a standing desk and plants",
    "street style in Paris fashion week " * 20, "gaming stream tonight, come say hi",
]


@pytest.mark.model
@pytest.mark.parametrize("backend", ["onnx", "onnx-int8"])
def test_onnx_backends_match_pytorch_vectors(backend: str) -> None:
    reference = SentenceTransformerEncoder(backend="torch").encode(TEXTS)
    encoder = SentenceTransformerEncoder(backend=backend)
    vectors = encoder.encode(TEXTS)
    assert vectors.shape == reference.shape and vectors.dtype == np.float32
    assert np.linalg.norm(vectors, axis=1) == pytest.approx(np.ones(len(TEXTS)), abs=1e-4)
    cosine = np.sum(vectors * reference, axis=1)
    assert cosine.mean() >= 0.99 and cosine.min() >= (0.999 if backend == "onnx" else 0.95)
    assert encoder.identity.endswith(f"|{backend}") and encoder.model_name == "all-MiniLM-L6-v2"
