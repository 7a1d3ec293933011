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


def test_the_tokenizers_library_gives_the_ids_transformers_gives() -> None:
    from transformers import AutoTokenizer

    from index.onnx_backend import TextTokenizer

    texts = [*TEXTS, "emoji 🐶🐾 and accents: crème brûlée, Ærø", "UPPER case   and\ttabs\nnew lines",
             "fashion week " * 100]
    ours = TextTokenizer(default_model_path(), 128)(texts)
    reference = AutoTokenizer.from_pretrained(str(default_model_path()))(texts, truncation=True, max_length=128)
    for name in ("input_ids", "attention_mask", "token_type_ids"):
        assert ours[name] == reference[name], name
    assert max(len(ids) for ids in ours["input_ids"]) == 128  # the long text is truncated, [SEP] kept
    assert TextTokenizer(default_model_path(), 128).pad_id == reference_pad_id()


def reference_pad_id() -> int:
    from transformers import AutoTokenizer

    return int(AutoTokenizer.from_pretrained(str(default_model_path())).pad_token_id)


@pytest.mark.model
def test_an_onnx_encoder_runs_without_importing_pytorch(tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "CREATORMATCH_ONNX_CACHE": str(tmp_path / "onnx")}
    make = "from index import SentenceTransformerEncoder as E; E(backend='onnx-int8').encode(['x'])"
    subprocess.run([sys.executable, "-c", make], env=env, check=True, timeout=600)  # the export needs PyTorch
    probe = ("import sys; from index import SentenceTransformerEncoder as E; v = E(backend='onnx-int8').encode("
             "['dog training tips']); print(v.shape[1], 'torch' in sys.modules, 'sentence_transformers' in "
             "sys.modules, 'transformers' in sys.modules)")
    shown = subprocess.run([sys.executable, "-c", probe], env=env, check=True, timeout=600, capture_output=True,
                           text=True).stdout.split()
    assert shown == ["384", "False", "False", "False"]


def test_token_batches_by_hand() -> None:
    from index.onnx_backend import token_batches

    # longest first (stable among equals): 10 (pos 1), 10 (pos 3), 5 (pos 2), 3 (pos 0)
    assert [b.tolist() for b in token_batches([3, 10, 5, 10], 20)] == [[1, 3], [2, 0]]  # 2 x 10, then 4 x 5
    assert [b.tolist() for b in token_batches([3, 10, 5, 10], 9)] == [[1], [3], [2], [0]]  # over budget: alone
    assert [b.tolist() for b in token_batches([2, 2, 2, 2, 2], 6)] == [[0, 1, 2], [3, 4]]
    assert token_batches([], 10) == []


@pytest.mark.parametrize("identity", ["m|384", "m|384|abc", "m|384|128|tensorrt", "a|b|c|d|e"])
def test_malformed_encoder_identity_is_refused(identity: str) -> None:
    from index import encoder_from_identity

    with pytest.raises(ModelError, match="encoder identity"):
        encoder_from_identity(identity)


def test_an_identity_names_the_backend_and_truncation_an_index_was_built_with() -> None:
    from index import encoder_from_identity

    built = encoder_from_identity("all-MiniLM-L6-v2|384|64|onnx")
    assert (built.backend, built.max_seq_length, built.threads) == ("onnx", 64, None)
    # no backend part: PyTorch, as every index built before backends existed
    assert encoder_from_identity("all-MiniLM-L6-v2|384|128", threads=1).backend == "torch"
    assert encoder_from_identity("all-MiniLM-L6-v2").backend == "torch"


@pytest.mark.model
def test_identity_round_trips_to_an_encoder_with_the_same_vectors() -> None:
    from index import encoder_from_identity

    encoder = SentenceTransformerEncoder(backend="onnx-int8")
    again = encoder_from_identity(encoder.identity, threads=1)
    assert again.identity == encoder.identity
    assert again.encode(TEXTS) == pytest.approx(encoder.encode(TEXTS), abs=1e-5)


@pytest.mark.model
def test_sessions_side_by_side_give_the_vectors_of_one_session() -> None:
    # fast path (batches spread over 2 single-threaded sessions) against the slow reference (one session)
    texts = TEXTS * 3
    one = SentenceTransformerEncoder(backend="onnx-int8", threads=1).encode(texts)
    two = SentenceTransformerEncoder(backend="onnx-int8", threads=2).encode(texts)
    assert two == pytest.approx(one, abs=1e-5)


@pytest.mark.model
@pytest.mark.parametrize("side", ["right", "left"])
def test_batches_are_padded_as_the_tokenizer_pads_them(side: str) -> None:
    from transformers import AutoTokenizer

    from index.onnx_backend import token_batches

    encoder = SentenceTransformerEncoder(backend="onnx")
    encoder.encode(["load"])
    model = encoder._onnx
    model._tokenizer.left = side == "left"
    reference_tokenizer = AutoTokenizer.from_pretrained(str(default_model_path()))
    reference_tokenizer.padding_side = side
    texts = [*TEXTS, "a much longer caption about baking bread at home every single weekend"]
    tokens = model._tokenizer(texts)
    for rows in [np.arange(len(texts)), *token_batches([len(ids) for ids in tokens["input_ids"]], 24)]:
        reference = reference_tokenizer([texts[i] for i in rows], padding=True, truncation=True,
                                        max_length=model.max_seq_length, return_tensors="np")
        padded = model._padded(tokens, rows)
        assert set(padded) == {"input_ids", "attention_mask", "token_type_ids"} & set(reference)
        for name, values in padded.items():
            np.testing.assert_array_equal(values, reference[name])
