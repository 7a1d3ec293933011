"""A build run in a child process that announces each point it reaches and can be parked at one.

Used by test_crash.py, which sends the child SIGKILL while it is parked: the kill is real, and the
point is exact. Usage: python -m tests.index.build_child CREATORS POSTS STORE PARK_AT
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from index import build_store
from tests.helpers import HashingEncoder


def main() -> None:
    creators, posts, store, park_at = sys.argv[1:5]

    def observe(event: str) -> None:
        print(event, flush=True)
        if event == park_at:
            sys.stdin.read()  # parked until the parent kills us (it never writes)

    class ChunkedEncoder(HashingEncoder):
        """Embeds in chunks of 4 and announces each, so the parent can stop a build mid-embedding."""

        def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> NDArray[np.float32]:
            parts = []
            for start in range(0, len(texts), 4):
                parts.append(super().encode(texts[start:start + 4]))
                observe(f"embed:chunk{start // 4}")
            return np.vstack(parts) if parts else super().encode([])

    report = build_store(creators, posts, store, ChunkedEncoder(), observer=observe)
    print(f"published {report.version}", flush=True)


if __name__ == "__main__":
    main()
