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
import queue
import shutil
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

ONNX_FILES = {"onnx": "model.onnx", "onnx-int8": "model_int8.onnx"}
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# padded tokens per forward pass: 8 captions of 128 tokens ran fastest here (docs/benchmarks.md)
TOKENS_PER_BATCH = 1_024
EXPORT_FORMAT = 3  # part of the export folder's key: a change in how exports are made starts a fresh folder


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


def export_folder(location: str | Path, root: Path | None = None) -> Path:
    """Where the exports of the model at `location` live: found without importing PyTorch, so a process that
    only runs an existing export never loads it (the PyTorch version that made it is in `export.json`)."""
    key = hashlib.sha1(f"{Path(location).resolve()}|{EXPORT_FORMAT}".encode()).hexdigest()[:16]
    return (root or onnx_cache_root()) / key


def find_export(location: str | Path, backend: str, root: Path | None = None) -> Path | None:
    """The existing ONNX file of the model at `location` for `backend`, or None when it is still to be made."""
    path = export_folder(location, root) / ONNX_FILES[backend]
    return path if path.exists() else None


def export_onnx(location: str | Path, backend: str, root: Path | None = None) -> Path:
    """The ONNX file of the model at `location` for `backend` ("onnx" or "onnx-int8"), made on first use.

    Files are written under a temporary name and renamed into place, so a killed export leaves nothing.
    """
    found = find_export(location, backend, root)
    if found is not None:
        return found
    location = Path(location)
    folder = export_folder(location, root)
    folder.mkdir(parents=True, exist_ok=True)
    fp32 = folder / ONNX_FILES["onnx"]
    if not fp32.exists():
        import torch
        from transformers import AutoModel, AutoTokenizer

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
        (folder / "export.json").write_text(json.dumps({"torch": torch.__version__, "format": EXPORT_FORMAT,
                                                        "model": str(location.resolve())}), encoding="utf-8")
    if backend == "onnx":
        return fp32
    int8 = folder / ONNX_FILES["onnx-int8"]
    if not int8.exists():
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic

        temporary = folder / f".{int8.name}.{os.getpid()}.tmp"
        # MatMul weights only, per output channel: the embeddings and layer norms stay float32. The
        # feed-forward output projections stay float32 too: their GELU inputs have outliers that int8
        # rounds badly (on 600 Kim captions mean cosine 0.9906 with them quantized, 0.9952 without).
        graph = onnx.load(str(fp32), load_external_data=False).graph
        keep_float = [node.name for node in graph.node if node.op_type == "MatMul" and _feed_forward_output(node.name)]
        quantize_dynamic(str(fp32), str(temporary), weight_type=QuantType.QInt8, per_channel=True,
                         reduce_range=True, op_types_to_quantize=["MatMul"], nodes_to_exclude=keep_float)
        os.replace(temporary, int8)
    return int8


def _feed_forward_output(node_name: str) -> bool:
    """Whether a MatMul of a BERT-style export is a layer's feed-forward output projection."""
    return "/output/dense/" in node_name and "/attention/" not in node_name


def clear_exports(root: Path | None = None) -> None:
    """Delete every local export (they are remade on next use)."""
    shutil.rmtree(root or onnx_cache_root(), ignore_errors=True)


class TextTokenizer:
    """The model's tokenizer, as the ONNX graph needs it: ids, attention mask and token types per text, truncated,
    unpadded, and the values and side padding uses.

    A model with a `tokenizer.json` is read by the `tokenizers` library alone (what transformers' fast
    tokenizers run on), so encoding needs neither transformers nor PyTorch; other models go through
    transformers' `AutoTokenizer`.
    """

    def __init__(self, location: str | Path, max_seq_length: int) -> None:
        location = Path(location)
        config_path = location / "tokenizer_config.json"
        config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.exists() else {}
        self.left = config.get("padding_side", "right") == "left"
        self._fast: Any = None
        self._auto: Any = None
        self.max_seq_length = max_seq_length
        if (location / "tokenizer.json").exists():
            from tokenizers import Tokenizer

            fast = Tokenizer.from_file(str(location / "tokenizer.json"))
            fast.no_padding()
            fast.enable_truncation(max_length=max_seq_length)
            pad_token = config.get("pad_token")
            if isinstance(pad_token, dict):
                pad_token = pad_token.get("content")
            pad_id = fast.token_to_id(pad_token) if isinstance(pad_token, str) else None
            self.pad_id = int(pad_id) if pad_id is not None else 0
            self.pad_type_id = 0
            self._fast = fast
        else:
            from transformers import AutoTokenizer

            self._auto = AutoTokenizer.from_pretrained(str(location))
            self.pad_id = self._auto.pad_token_id or 0
            self.pad_type_id = getattr(self._auto, "pad_token_type_id", 0)
            self.left = getattr(self._auto, "padding_side", "right") == "left"

    def __call__(self, texts: list[str]) -> dict[str, list[list[int]]]:
        """Each text's `input_ids`, `attention_mask` and `token_type_ids`, special tokens added, truncated."""
        if self._auto is not None:
            return dict(self._auto(texts, truncation=True, max_length=self.max_seq_length))
        encodings = self._fast.encode_batch(texts)
        return {"input_ids": [e.ids for e in encodings], "attention_mask": [e.attention_mask for e in encodings],
                "token_type_ids": [e.type_ids for e in encodings]}


class OnnxSentenceModel:
    """Tokenize, run the ONNX graph, pool and normalize: what sentence-transformers does, on ONNX Runtime.

    Texts are sorted by token count and cut into batches of at most `tokens_per_batch` padded tokens,
    so a batch pads only to its own longest text and long texts come in small batches (whose
    activations stay in cache). With `threads` above 1 the batches run on that many single-threaded
    sessions at once: one small transformer per core outran one session spreading each matrix product
    over both cores (docs/benchmarks.md). One text (a brief) runs on one session.
    """

    def __init__(self, location: str | Path, onnx_file: Path, max_seq_length: int, threads: int | None = None,
                 tokens_per_batch: int = TOKENS_PER_BATCH) -> None:
        import onnxruntime

        self._tokenizer = TextTokenizer(location, max_seq_length)
        self._pooling = _pooling(Path(location))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        workers = max(1, threads or os.cpu_count() or 1)
        self._sessions = [onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
                          for _ in range(workers)]
        self._inputs = {i.name for i in self._sessions[0].get_inputs()}
        self.max_seq_length = max_seq_length
        self.tokens_per_batch = max(tokens_per_batch, max_seq_length)
        self.dimension = int(self._sessions[0].get_outputs()[0].shape[-1])
        self._pool: ThreadPoolExecutor | None = None
        self._free: queue.SimpleQueue[Any] = queue.SimpleQueue()
        for session in self._sessions:
            self._free.put(session)

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Unit-length vectors of `texts`, in input order."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        # tokenized once; each batch is padded from these lists
        tokens = self._tokenizer(list(texts))
        batches = token_batches([len(ids) for ids in tokens["input_ids"]], self.tokens_per_batch)
        if len(batches) == 1 or len(self._sessions) == 1:
            for rows in batches:
                out[rows] = self._run(tokens, rows)
            return out
        if self._pool is None:
            self._pool = ThreadPoolExecutor(len(self._sessions), thread_name_prefix="onnx-encoder")
        for rows, vectors in zip(batches, self._pool.map(lambda rows: self._run(tokens, rows), batches), strict=True):
            out[rows] = vectors
        return out

    def _run(self, tokens: Any, rows: NDArray[np.int64]) -> NDArray[np.float32]:
        feed = self._padded(tokens, rows)
        # a session runs one batch at a time: concurrent callers (server threads) each take a free one
        session = self._free.get()
        try:
            hidden = session.run(None, feed)[0]
        finally:
            self._free.put(session)
        if self._pooling == "cls":
            pooled = hidden[:, 0]
        else:
            mask = feed["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)

    def _padded(self, tokens: Any, rows: NDArray[np.int64]) -> dict[str, NDArray[np.int64]]:
        """The model inputs of texts `rows`, padded to the batch's longest as the tokenizer pads.

        Pad values and side come from the tokenizer (pad id, pad token type, mask 0; right unless it
        pads left), so the batch equals `tokenizer(texts, padding=True)` without tokenizing again.
        """
        longest = max(len(tokens["input_ids"][i]) for i in rows)
        pad_values = {"input_ids": self._tokenizer.pad_id, "attention_mask": 0,
                      "token_type_ids": self._tokenizer.pad_type_id}
        left = self._tokenizer.left
        feed = {}
        for name in _INPUTS:
            if name not in self._inputs or name not in tokens:
                continue
            array = np.full((len(rows), longest), pad_values[name], dtype=np.int64)
            for position, row in enumerate(rows):
                values = tokens[name][row]
                if left:
                    array[position, longest - len(values):] = values
                else:
                    array[position, : len(values)] = values
            feed[name] = array
        return feed


def token_batches(lengths: Sequence[int], tokens_per_batch: int) -> list[NDArray[np.int64]]:
    """Text positions grouped longest first into batches of at most `tokens_per_batch` padded tokens.

    A batch's padded size is its row count times its longest text; a text longer than the budget
    gets a batch of its own.
    """
    order = np.argsort(-np.asarray(lengths, dtype=np.int64), kind="stable")
    batches: list[NDArray[np.int64]] = []
    start = 0
    while start < len(order):
        longest = max(1, int(lengths[order[start]]))
        rows = max(1, tokens_per_batch // longest)
        batches.append(order[start:start + rows])
        start += rows
    return batches
