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
