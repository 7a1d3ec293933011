"""Test doubles that are real, tiny implementations of the protocols (never of the code under test)."""

from __future__ import annotations

import hashlib
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import uvicorn
from numpy.typing import NDArray

from index import IndexStore


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


def publish_copy(store: IndexStore, source: str, *, damage: bool = False) -> str:
    """Publish a copy of version `source` under a fresh name through the store's own API.

    With `damage`, the copy's FAISS file is truncated after the manifest was written, so its
    checksums no longer match: a broken version switched in as `current`.
    """
    name = store.new_version_name()
    folder = store.versions_dir / name
    shutil.copytree(store.versions_dir / source, folder)
    store.annotate(folder, {"version": name})
    if damage:
        index_file = folder / "index.faiss"
        index_file.write_bytes(index_file.read_bytes()[:100])
    store.switch(name)
    return name


class LiveServer:
    """An ASGI app served by uvicorn in a thread on a free loopback port (stopped on exit)."""

    def __init__(self, app: Any) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False,
                                log_config=None)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0, what: str = "condition") -> None:
    """Poll `predicate` until it holds; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def effective_countries(creators: Any, min_confidence: float | None = None) -> Any:
    """The country each creator has for filtering: the catalog's, else a home country inferred from their captions
    with at least `min_confidence` ('' when neither): the rule the country filter is documented to follow."""
    if min_confidence is None:  # the setting's default (0.68)
        from matcher import MatchSettings

        min_confidence = MatchSettings().country_min_confidence
    given = creators["country"].fillna("")
    if "country_inferred" not in creators.columns:
        return given
    inferred = creators["country_inferred"].where(creators["country_inferred_confidence"] >= min_confidence)
    return given.where(given != "", inferred.fillna(""))


def write_posts(folder: Path, captions: dict[str, list[str]]) -> Path:
    """posts.csv with each creator's captions, one post a day from 2024-05-01 (later ones more recent), post ids
    '<creator><i>', 100 likes and 5 comments each."""
    rows = ["creator_id,post_id,posted_at,caption,likes,comments"]
    for creator, texts in captions.items():
        rows += [f'{creator},{creator}{i},2024-05-0{i + 1}T10:00:00Z,"{text}",100,5' for i, text in enumerate(texts)]
    posts = folder / "posts.csv"
    posts.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return posts


def mapped_ranges(path: Path) -> list[tuple[int, int]]:
    """Address ranges at which this process maps the file `path` (Linux: /proc/self/maps)."""
    target = str(Path(path).resolve())
    ranges = []
    with open("/proc/self/maps", encoding="utf-8") as maps:
        for line in maps:
            fields = line.split(maxsplit=5)
            if len(fields) == 6 and fields[5].strip() == target:
                low, high = (int(bound, 16) for bound in fields[0].split("-"))
                ranges.append((low, high))
    return ranges


def column_address(column: Any) -> int:
    """Address of the memory holding a pandas column's values (an Arrow column's character data)."""
    import pyarrow as pa

    array = column.array
    if not isinstance(array, pd.arrays.ArrowExtensionArray | pd.arrays.ArrowStringArray):
        return int(np.asarray(column.to_numpy()).__array_interface__["data"][0])
    arrow = pa.array(array)
    chunk = arrow.chunk(0) if isinstance(arrow, pa.ChunkedArray) else arrow
    return int(chunk.buffers()[-1].address)
