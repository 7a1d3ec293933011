"""The HTTP service: the FastAPI app over an index store, composed of the routers in `api/routes/`."""


import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api.errors import install_error_handlers
from api.middleware import BodyLimit, KeyGate, Observe
from api.observability import Metrics, log_to_stderr, swap_logger
from api.responses import Responder
from api.routes import ROUTERS, STATIC
from api.schemas import ErrorBody
from api.settings import Settings
from index import EncoderSource, FeedbackStore, IndexStore, ServingIndex, store_feedback_url
from matcher import CreatorMatchError, MatchSettings

_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 404, 413, 422, 503)}


def default_encoders(settings: Settings) -> EncoderSource:
    """The encoder each version was built with, one per identity, shared across versions, `serve_threads` each."""
    from index import SharedEncoders, encoder_from_identity

    return SharedEncoders(lambda identity: encoder_from_identity(identity or settings.model,
                                                                 threads=settings.serve_threads))


def one_blas_thread() -> None:
    """Keep the BLAS libraries of a serving process (numpy's and FAISS's OpenBLAS) to one thread each.

    Requests run side by side in threads and worker processes; a matrix product that fans out to every core
    for one request (re-scoring 4,000 candidates) made the cores spin against each other: 2 workers on 2 cores
    answered 51 requests/s with OpenBLAS's own threads, 96 with one (docs/benchmarks.md).
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def collect_again() -> None:
    """Turn garbage collection back on after a start-up that turned it off, leaving what start-up made alone.

    `gc.freeze` moves every object alive now out of the collector's sight: the loaded version and tables live
    as long as the process, so walking them at every collection is wasted time. A process that never turned
    collection off (tests, an embedding app) is left as it is.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def app_from_environment() -> FastAPI:
    """The app of one `creatormatch serve --workers N` process: settings and store from CREATORMATCH_* variables.

    Each worker loads the index and the model and polls the store itself; an admin reload or rollback
    reaches the worker that answers it at once and the others at their next poll.
    """
    log_to_stderr()  # a spawned worker starts with logging unconfigured
    one_blas_thread()
    gc.disable()  # until the version is loaded (collect_again), as in `creatormatch serve`
    settings = Settings()
    if not settings.serve_store:
        raise CreatorMatchError("CREATORMATCH_SERVE_STORE: the store to serve is not set")
    return create_app(settings, settings.serve_store, match_settings=settings.match_settings())


def create_app(settings: Settings, store_dir: str | Path, *, match_settings: MatchSettings | None = None,
               encoders: EncoderSource | None = None, feedback: FeedbackStore | None = None,
               watch: bool = True) -> FastAPI:
    """The FastAPI app over the index store at `store_dir`.

    The serving version is loaded in the background at start (`/readyz` says when), then the
    store is polled every `settings.poll_seconds` when `watch`.
    """
    store = IndexStore(store_dir)
    serving = ServingIndex(store, encoders or default_encoders(settings), match_settings)
    metrics = Metrics(serving)
    serving.subscribe(swap_logger(metrics))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # the first load finishes before the process takes connections: a restarted worker leaves its
        # requests to the others until it is ready (if the load is refused, it answers 503 with the reason)
        await asyncio.to_thread(serving.start)
        collect_again()
        if watch:
            serving.start_watching(settings.poll_seconds)
        yield
        serving.stop_watching()

    app = FastAPI(title="creatormatch", version="0.1.0", lifespan=lifespan, responses=_ERRORS,
                  description="Match brands with creators: explained shortlists from plain-language briefs.")
    # what the routes' dependencies (api/dependencies.py) hand them
    app.state.serving = serving
    app.state.feedback = feedback or FeedbackStore(settings.feedback_url or store_feedback_url(store_dir))
    app.state.metrics = metrics
    app.state.admin_token = settings.admin_token.get_secret_value() if settings.admin_token else None
    app.state.responder = Responder(check=settings.validate_responses)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_error_handlers(app)
    # added innermost first: Observe wraps everything, so refusals before any route are logged and counted
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(KeyGate, keys=settings.api_key_list(), open_paths=settings.open_route_list())
    origins = settings.cors_origin_list()
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "Authorization", "X-API-Key"])
    app.add_middleware(Observe, metrics=metrics)
    return app
