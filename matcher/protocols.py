"""The swappable parts the engine needs, as small protocols that index/ implements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalized float32 vectors of a fixed dimension."""

    @property
    def model_name(self) -> str:
        """Name or path of the model, recorded in every index manifest."""
        ...

    @property
    def dimension(self) -> int:
        """Length of every vector `encode` returns."""
        ...

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> NDArray[np.float32]:
        """Vectors of `texts`, one row each, unit length."""
        ...


@runtime_checkable
class VectorSearch(Protocol):
    """Inner-product search over creator vectors, with a hard filter applied inside the search."""

    @property
    def size(self) -> int:
        """Number of vectors searched."""
        ...

    def search(self, query: NDArray[np.float32], k: int,
               allowed: NDArray[np.bool_] | None = None) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
        """The k best rows for one query among the `allowed` rows: (similarities, row numbers).

        Fewer than k come back only when fewer than k rows are allowed.
        """
        ...


@runtime_checkable
class TextMemo(Protocol):
    """Keeps the answers of one pure text function between builds, so a rebuild computes only texts it has
    not seen (index/ keeps them on disk beside the embedding cache)."""

    def answers(self, texts: Sequence[str], compute: Callable[[list[int]], list[str]]) -> list[str]:
        """One answer per text: the kept one where the same text was answered before, else `compute`'s.

        `compute` is called once, with the positions in `texts` of the texts to answer, and returns their
        answers in that order.
        """
        ...
