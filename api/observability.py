"""Prometheus metrics (one registry per app) and structured JSON request logs."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from index import ServingIndex, SwapResult

access_log = logging.getLogger("creatormatch.api")


def log_to_stderr() -> None:
    """Log lines as they are (request lines are JSON already), one per line on stderr, for the log shipper."""
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

# the method label's values: any other method a client makes up is counted as OTHER
HTTP_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# latency buckets around the 100 ms goal of /match
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """The service's Prometheus metrics, in a registry of its own (tests create as many apps as they like)."""

    def __init__(self, serving: ServingIndex) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("creatormatch_http_requests", "HTTP requests by route, method and status",
                                ["route", "method", "status"], registry=self.registry)
        self.latency = Histogram("creatormatch_http_request_seconds", "HTTP request latency by route",
                                 ["route", "method"], buckets=_BUCKETS, registry=self.registry)
        self.swaps = Counter("creatormatch_index_swaps", "index swaps by outcome (swapped, refused)", ["outcome"],
                             registry=self.registry)
        self.version_info = Gauge("creatormatch_index_version_info", "1 for the serving index version",
                                  ["version"], registry=self.registry)
        build_age = Gauge("creatormatch_index_build_age_seconds", "seconds since the serving version was built",
                          registry=self.registry)
        build_age.set_function(lambda: _build_age(serving))
        self._shown: str | None = None

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        """Count one request and its latency; labels come from fixed sets, never from client text as sent."""
        method = method if method in HTTP_METHODS else "OTHER"
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)

    def on_swap(self, result: SwapResult) -> None:
        """Count a swap and move the version gauge to the serving version."""
        self.swaps.labels(result.outcome).inc()
        if result.outcome == "swapped" and result.serving != self._shown:
            if self._shown is not None:
                self.version_info.remove(self._shown)
            self.version_info.labels(result.serving).set(1)
            self._shown = result.serving


def _build_age(serving: ServingIndex) -> float:
    if not serving.ready:
        return float("nan")
    created = serving.current().manifest.get("created_at")
    try:
        return max(0.0, time.time() - datetime.fromisoformat(str(created)).timestamp())
    except ValueError:
        return float("nan")


def log_request(fields: dict[str, Any]) -> None:
    """One JSON line per request: request id, method, route, status, milliseconds, index version."""
    access_log.info(json.dumps(fields, default=str))


def swap_logger(metrics: Metrics) -> Callable[[SwapResult], None]:
    """The serving index's swap callback: a JSON log line and the swap metrics."""
    def on_swap(result: SwapResult) -> None:
        access_log.info(json.dumps({"event": "index_swap", **result.as_dict()}))
        metrics.on_swap(result)

    return on_swap
