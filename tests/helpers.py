"""Test doubles that are real, tiny implementations of the protocols (never of the code under test)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray


class HashingEncoder:
    """Bag-of-words encoder: each lowercase word hashes to one of `dimension` axes; unit length.

    Texts sharing words get positive cosine, texts with no shared word get zero, so rankings of
    tiny hand-made catalogs can be computed by hand.
    """

    def __init__(self, dimension: int = 256) -> None:
        self._dimension = dimension
        self.calls: list[int] = []

    @property
    def model_name(self) -> str:
        return f"hashing-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def axis(self, word: str) -> int:
        return int(hashlib.md5(word.encode()).hexdigest(), 16) % self._dimension

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> NDArray[np.float32]:
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                out[i, self.axis(word)] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.where(norms > 0, out / np.maximum(norms, 1e-12), 0).astype(np.float32)
