"""Operations: GET /healthz, /readyz, /index and /metrics (open to probes and scrapers: no API key declared)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.dependencies import AppMetrics, CurrentVersion, Serving
from api.schemas import ErrorBody, IndexResponse

router = APIRouter(tags=["operations"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process answers."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"model": ErrorBody}})
def readyz(serving: Serving) -> Any:
    """Ready once an index version is loaded: which version this process serves and what it refused."""
    status = serving.status()
    if not serving.ready:
        refused = "; ".join(f"refused {name}: {why}" for name, why in status["refused"].items())
        return JSONResponse({"error": "not ready: no index version is loaded yet" + (f" ({refused})" if refused
                                                                                     else ""), **status},
                            status_code=503)
    return {"status": "ready", **status}


@router.get("/index", response_model=IndexResponse)
def index_info(version: CurrentVersion, serving: Serving) -> IndexResponse:
    """The serving version and its manifest (source locations cut to file names), and what was refused."""
    return IndexResponse(version=version.version, loaded_at=version.loaded_at,
                         manifest=public_manifest(version.manifest), refused=serving.refused(),
                         current=serving.store.current_version(), worker=os.getpid())


@router.get("/metrics", include_in_schema=False)
def prometheus(metrics: AppMetrics) -> Response:
    """Prometheus metrics."""
    return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)


def public_manifest(manifest: dict[str, Any]) -> dict[str, Any]:
    """A manifest without where its sources live: file names only, and no database URLs (they may hold
    passwords)."""
    shown = dict(manifest)
    sources = shown.get("sources")
    if isinstance(sources, dict):
        shown["sources"] = {name: {key: (_source_name(value) if key == "path" else value)
                                   for key, value in source.items()} if isinstance(source, dict) else source
                            for name, source in sources.items()}
    return shown


def _source_name(location: Any) -> str:
    text = str(location)
    if "://" in text:  # a database URL: only its scheme
        return text.split("://", 1)[0] + "://..."
    return Path(text).name
