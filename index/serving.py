"""The serving version of a store, swapped in atomically while requests keep running.

A request takes `ServingIndex.current()` once and answers from that immutable `ServingVersion`
to the end, whatever is swapped in meanwhile; the old version is freed when its last request
drops it. Loading happens off the request path (the watcher thread or an admin call); a version
that fails to load or verify is refused and the old one keeps serving.

Several server processes over one store agree without talking to each other: each polls `current`;
a refusal is remembered with the version's on-disk fingerprint, so a repaired or re-published version
is tried again at the next poll; every clean load is recorded in the store (`last_served`), so a
process that starts while `current` is refused serves what the running ones serve, and one that
refused a version another process loaded tries it again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from index.service import matcher_for
from index.store import IndexStore, StoreError
from matcher import CreatorMatchError, Encoder, Matcher, MatchSettings, warm_brief_reader

log = logging.getLogger("creatormatch.serving")


class NotReady(CreatorMatchError):
    """No index version is loaded yet."""


class EncoderSource(Protocol):
    """Gives the encoder of an index's encoder identity; each is loaded once and shared across versions."""

    def encoder_for(self, identity: str) -> Encoder:
        """The (shared) encoder of `identity` (the manifest's "encoder", e.g. "model|384|128|onnx-int8")."""
        ...


class SharedEncoders:
    """An `EncoderSource` that creates each identity's encoder once with `factory` and keeps it."""

    def __init__(self, factory: Callable[[str], Encoder]) -> None:
        self._factory = factory
        self._encoders: dict[str, Encoder] = {}
        self._lock = threading.Lock()

    def encoder_for(self, identity: str) -> Encoder:
        """The encoder of `identity`, created on first use."""
        with self._lock:
            if identity not in self._encoders:
                self._encoders[identity] = self._factory(identity)
            return self._encoders[identity]


@dataclass(frozen=True)
class ServingVersion:
    """One loaded version: what a request answers from, never changed after loading."""

    version: str
    matcher: Matcher
    manifest: dict[str, Any]
    loaded_at: float


@dataclass(frozen=True)
class Refusal:
    """Why a version was refused, and the fingerprint of its files at the time."""

    fingerprint: str
    message: str
    at: float


@dataclass(frozen=True)
class SwapResult:
    """What a reload or rollback did: `swapped`, `unchanged` or `refused`, with the serving version after it."""

    outcome: str
    serving: str | None
    requested: str | None
    message: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return dict(self.__dict__)


class ServingIndex:
    """Holds the serving version of a store and swaps in new ones atomically.

    Parameters
    ----------
    store
        The index store whose `current` version is served.
    encoders
        Gives the query encoder of each version's model (shared across versions of one model).
    settings
        Ranking settings of every matcher.
    retry_seconds
        How long a refused version that another process has loaded waits before it is tried again here.
    """

    def __init__(self, store: IndexStore, encoders: EncoderSource, settings: MatchSettings | None = None,
                 retry_seconds: float = 10.0) -> None:
        self.store = store
        self.encoders = encoders
        self.settings = settings or MatchSettings()
        self._listeners: list[Callable[[SwapResult], None]] = []
        self._serving: ServingVersion | None = None
        self._swap_lock = threading.Lock()  # one load-and-swap at a time; readers never take it
        self._refused: dict[str, Refusal] = {}
        self.retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    def subscribe(self, listener: Callable[[SwapResult], None]) -> None:
        """Call `listener` with every swap and refusal (logging, metrics)."""
        self._listeners.append(listener)

    def _notify(self, result: SwapResult) -> None:
        for listener in self._listeners:
            try:
                listener(result)
            except Exception:  # a broken listener must not undo a swap
                log.exception("swap listener failed")

    def current(self) -> ServingVersion:
        """The serving version; a request calls this once and keeps what it got."""
        serving = self._serving  # one reference read: atomic, no lock on the request path
        if serving is None:
            raise NotReady("no index version is loaded yet")
        return serving

    @property
    def ready(self) -> bool:
        """Whether a version is loaded."""
        return self._serving is not None

    def refused(self) -> dict[str, str]:
        """Versions refused and not loaded since, with the reason (no file system paths in it)."""
        return {version: refusal.message for version, refusal in self._refused.items()}

    def status(self) -> dict[str, Any]:
        """What this process serves and what it refused, for /readyz and /index (no paths)."""
        serving = self._serving
        return {"index_version": serving.version if serving else None,
                "current": self.store.current_version(),
                "loaded_at": serving.loaded_at if serving else None,
                "refused": self.refused(), "worker": os.getpid()}

    def start(self) -> SwapResult:
        """The first load: the store's `current`, or when it is refused the version last served cleanly."""
        result = self.refresh()
        if self.ready:
            return result
        fallback = self.store.last_served()
        if fallback is None or fallback == result.requested:
            return result
        with self._swap_lock:
            if self._serving is not None:
                return SwapResult("unchanged", self._serving.version, fallback)
            log.warning("current version %s is refused; serving %s, the version last served", result.requested,
                        fallback)
            return self._load_and_swap(fallback)

    def refresh(self, *, retry_refused: bool = False) -> SwapResult:
        """Swap in the store's `current` version if it is not the serving one and it loads cleanly.

        A version refused before is tried again when `retry_refused`, when its files changed, or when
        another process has loaded it since (after `retry_seconds`).
        """
        with self._swap_lock:
            wanted = self.store.current_version()
            serving = self._serving.version if self._serving else None
            if wanted is None:
                return SwapResult("unchanged", serving, None, "the store has no serving version yet")
            if wanted == serving:
                return SwapResult("unchanged", serving, wanted)
            refusal = self._refused.get(wanted)
            if refusal is not None and not retry_refused and not self._worth_retrying(wanted, refusal):
                return SwapResult("refused", serving, wanted, refusal.message)
            return self._load_and_swap(wanted)

    def _worth_retrying(self, version: str, refusal: Refusal) -> bool:
        if self.store.fingerprint(version) != refusal.fingerprint:
            return True  # repaired or re-published since
        return self.store.last_served() == version and time.monotonic() - refusal.at >= self.retry_seconds

    def rollback(self, version: str | None = None) -> SwapResult:
        """Serve `version` (default: the one before the serving one) again: verified, switched, swapped."""
        with self._swap_lock:
            serving = self._serving.version if self._serving else None
            # older than what this process serves, which may differ from the store's `current` for a moment;
            # with nothing served yet, the newest version
            newest = next(reversed(self.store.versions()), None)
            target = version or (self.store.previous_version(serving) if serving else newest)
            if target is None:
                return SwapResult("refused", serving, None, "no earlier version to roll back to")
            if version is not None and target not in self.store.versions():
                return SwapResult("refused", serving, target, f"version '{target}' is not in the store")
            result = self._load_and_swap(target)
            if result.outcome == "swapped":
                self.store.switch(target)  # the store agrees, so the watcher does not swap back
            return result

    def _load_and_swap(self, version: str) -> SwapResult:
        serving = self._serving.version if self._serving else None
        fingerprint = self.store.fingerprint(version)  # taken before loading: a repair during the load shows
        try:
            loaded_version = self._load(version)
        except CreatorMatchError as exc:
            message = without_paths(str(exc), self.store.root)
            self._refused[version] = Refusal(fingerprint, message, time.monotonic())
            log.warning("refused index version %s, still serving %s: %s", version, serving, exc)
            result = SwapResult("refused", serving, version, message)
            self._notify(result)
            return result
        self._serving = loaded_version  # the swap: one reference assignment
        self._refused.pop(version, None)
        try:
            self.store.mark_served(version)
        except OSError as exc:  # a read-only store still serves; only a restart while current is refused suffers
            log.warning("could not record %s as served in the store: %s", version, exc)
        log.info("serving index version %s (was %s)", version, serving)
        result = SwapResult("swapped", version, version, f"was {serving}")
        self._notify(result)
        return result

    def _load(self, version: str) -> ServingVersion:
        # the brief reader's tables do not depend on the version: a second thread builds them (Python work)
        # while this one hashes and reads the files and opens the model, which mostly release the GIL
        reader = threading.Thread(target=_warm_brief_reader_quietly, name="brief-reader", daemon=True)
        reader.start()
        try:
            loaded = self.store.load(version, verify=True)
            # the identity (model, truncation, backend) the version was built with: queries must match it
            encoder = self.encoders.encoder_for(loaded.info.encoder.key)
        finally:
            reader.join()
        try:
            # loads the model, embeds the taxonomy and codes the columns now, not in a request
            matcher = matcher_for(loaded, encoder, self.settings)
            matcher.prepare()
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"version '{version}': cannot be made ready for queries (model or columns: "
                             f"{type(exc).__name__}: {exc})") from None
        return ServingVersion(version, matcher, loaded.manifest, time.time())

    def start_watching(self, interval: float) -> None:
        """Poll the store's `current` every `interval` seconds in a daemon thread."""
        if self._watcher is not None:
            return
        self._stop.clear()

        def loop() -> None:
            while not self._stop.wait(interval):
                try:
                    self.refresh()
                except Exception:  # a watcher that dies would stop all later swaps
                    log.exception("index watcher: refresh failed")

        self._watcher = threading.Thread(target=loop, name="index-watcher", daemon=True)
        self._watcher.start()

    def stop_watching(self) -> None:
        """Stop the watcher thread (waits for a load in progress)."""
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join()
            self._watcher = None


def _warm_brief_reader_quietly() -> None:
    """`warm_brief_reader` in a side thread: an error is left to `Matcher.prepare`, which reads again and reports it."""
    with contextlib.suppress(Exception):
        warm_brief_reader()


_ABSOLUTE_PATH = re.compile(r"(?<![\w.])/(?:[^\s/:'\"()]+/)*([^\s/:'\"()]+)")


def without_paths(message: str, root: Path) -> str:
    """`message` with the store's folder and any other absolute path cut to a name, for HTTP answers."""
    for prefix in {str(root.resolve()), str(root)}:
        message = message.replace(prefix + "/versions/", "").replace(prefix, "store")
    return _ABSOLUTE_PATH.sub(lambda found: found.group(1), message)
