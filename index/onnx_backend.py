"""Run a sentence-transformers model with ONNX Runtime: a local export, optionally int8-quantized.

sentence-transformers' own ONNX backend needs `optimum-onnx`, which pins transformers below the
version this project installs; so the export is made here with `torch.onnx.export` from the local
weights (never downloaded), and int8 weights come from ONNX Runtime's dynamic quantization
(per-channel, reduced range: AVX2 CPUs without VNNI saturate on full-range int8 products).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

ONNX_FILES = {"onnx": "model.onnx", "onnx-int8": "model_int8.onnx"}
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
EXPORT_FORMAT = 1  # part of the export folder's key: a change in how exports are made starts a fresh folder


def onnx_cache_root() -> Path:
    """Where local ONNX exports live: `CREATORMATCH_ONNX_CACHE`, else ~/.cache/creatormatch/onnx."""
    configured = os.environ.get("CREATORMATCH_ONNX_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "creatormatch" / "onnx"


def _pooling(location: Path) -> str:
    """'mean' or 'cls', from the model's sentence-transformers pooling config (mean when it has none)."""
    config_path = location / "1_Pooling" / "config.json"
    if not config_path.exists():
        return "mean"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    if config.get("pooling_mode_mean_tokens"):
        return "mean"
    if config.get("pooling_mode_cls_token"):
        return "cls"
    raise ValueError("only mean or CLS pooling can run on ONNX Runtime here")


def export_onnx(location: str | Path, backend: str, root: Path | None = None) -> Path:
    """The ONNX file of the model at `location` for `backend` ("onnx" or "onnx-int8"), made on first use.

    Files are written under a temporary name and renamed into place, so a killed export leaves nothing.
    """
    import torch
    from transformers import AutoModel, AutoTokenizer

    location = Path(location)
    key = hashlib.sha1(f"{location.resolve()}|{EXPORT_FORMAT}|{torch.__version__}".encode()).hexdigest()[:16]
    folder = (root or onnx_cache_root()) / key
    folder.mkdir(parents=True, exist_ok=True)
    fp32 = folder / ONNX_FILES["onnx"]
    if not fp32.exists():
        tokenizer = AutoTokenizer.from_pretrained(str(location))
        model = AutoModel.from_pretrained(str(location)).eval()
        sample = tokenizer(["an example", "a second, longer example text"], padding=True, return_tensors="pt")
        names = [n for n in _INPUTS if n in sample]

        class _Hidden(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.inner = model

            def forward(self, *tensors: Any) -> Any:
                return self.inner(**dict(zip(names, tensors, strict=True))).last_hidden_state

        temporary = folder / f".{fp32.name}.{os.getpid()}.tmp"
        axes = {name: {0: "batch", 1: "tokens"} for name in [*names, "last_hidden_state"]}
        with torch.no_grad():
            torch.onnx.export(_Hidden(), tuple(sample[n] for n in names), str(temporary), input_names=names,
                              output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17,
                              dynamo=False)
        os.replace(temporary, fp32)
    if backend == "onnx":
        return fp32
    int8 = folder / ONNX_FILES["onnx-int8"]
    if not int8.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        temporary = folder / f".{int8.name}.{os.getpid()}.tmp"
        # MatMul weights only, per output channel: the embeddings and layer norms stay float32 (cosine >= 0.99)
        quantize_dynamic(str(fp32), str(temporary), weight_type=QuantType.QInt8, per_channel=True,
                         reduce_range=True, op_types_to_quantize=["MatMul"])
        os.replace(temporary, int8)
    return int8


def clear_exports(root: Path | None = None) -> None:
    """Delete every local export (they are remade on next use)."""
    shutil.rmtree(root or onnx_cache_root(), ignore_errors=True)


class OnnxSentenceModel:
    """Tokenize, run the ONNX graph, pool and normalize: what sentence-transformers does, on ONNX Runtime.

    Texts are sorted by length so each batch pads to its own longest text, as sentence-transformers does.
    """

    def __init__(self, location: str | Path, onnx_file: Path, max_seq_length: int, threads: int | None = None) -> None:
        import onnxruntime
        from transformers import AutoTokenizer

        self._tokenizer = AutoTokenizer.from_pretrained(str(location))
        self._pooling = _pooling(Path(location))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.max_seq_length = max_seq_length
        self.dimension = int(self._session.get_outputs()[0].shape[-1])

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]:
        """Unit-length vectors of `texts`, in input order."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for start in range(0, len(texts), batch_size):
            chosen = order[start:start + batch_size]
            tokens = self._tokenizer([texts[i] for i in chosen], padding=True, truncation=True,
                                     max_length=self.max_seq_length, return_tensors="np")
            feed = {name: np.asarray(tokens[name], dtype=np.int64) for name in _INPUTS if name in self._inputs}
            hidden = self._session.run(None, feed)[0]
            if self._pooling == "cls":
                pooled = hidden[:, 0]
            else:
                mask = feed["attention_mask"][..., None].astype(np.float32)
                pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            out[chosen] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out
