"""The HTTP service: FastAPI routes that parse, call the serving index and the feedback store, and format."""


import asyncio
import hmac
import os
import re
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.exceptions import HTTPException

from api.formatting import plan_to_dict
from api.middleware import BodyLimit, KeyGate, Observe
from api.observability import Metrics, log_to_stderr, swap_logger
from api.schemas import (
    NO_CONTROL,
    BrandResponse,
    CreatorResponse,
    ErrorBody,
    FeedbackRequest,
    FeedbackResponse,
    IndexResponse,
    MatchFilters,
    MatchRequest,
    MatchResponseBody,
    ParseRequest,
    ParseResponse,
    PlanRequest,
    PlanResponseBody,
    RankingOptions,
    ReadingBody,
    RollbackRequest,
    SimilarRequest,
    SwapResponse,
)
from api.settings import Settings
from eval import FeedbackError, FeedbackStore, check_feedback_target, store_feedback_url
from index import EncoderSource, IndexStore, NotReady, ServingIndex, ServingVersion, SwapResult
from matcher import BriefError, CreatorMatchError, Filters, MatchSettings, UnknownCreator, creator_profile, parse_brief
from matcher.briefs import filters_from_options

STATIC = Path(__file__).with_name("static")
_FIELD = re.compile(r"^([a-z_]+)")
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 404, 413, 422, 503)}


class ApiError(HTTPException):
    """An HTTP error with the request fields at fault."""

    def __init__(self, status: int, message: str, fields: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status, message, headers)
        self.fields = fields or []


def _filters(body: RankingOptions) -> Filters:
    """A request's explicit filters as the engine's filters (named as the CLI options)."""
    return filters_from_options(body.filters.model_dump(exclude_none=True) if body.filters else {})


def _field_error(exc: CreatorMatchError, where: str = "body", own: Collection[str] = ()) -> ApiError:
    """A core error as a 422 naming the field its message starts with ("k: must be ...").

    A name among the request's `own` top-level fields wins over a filter of the same name (a plan's
    top-level `budget` is reported as `budget`, not as a filter).
    """
    message = str(exc)
    found = _FIELD.match(message)
    name = found.group(1) if found else "body"
    in_filters = name in MatchFilters.model_fields and name not in own
    location = f"{where}.filters.{name}" if in_filters else f"{where}.{name}"
    return ApiError(422, f"{location}: {message}", [{"field": location, "message": message}])


def default_encoders(settings: Settings) -> EncoderSource:
    """The encoder each version was built with, one per identity, shared across versions, `serve_threads` each."""
    from index import SharedEncoders, encoder_from_identity

    return SharedEncoders(lambda identity: encoder_from_identity(identity or settings.model,
                                                                 threads=settings.serve_threads))


def app_from_environment() -> FastAPI:
    """The app of one `creatormatch serve --workers N` process: settings and store from CREATORMATCH_* variables.

    Each worker loads the index and the model and polls the store itself; an admin reload or rollback
    reaches the worker that answers it at once and the others at their next poll.
    """
    log_to_stderr()  # a spawned worker starts with logging unconfigured
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
    feedback_store = feedback or FeedbackStore(settings.feedback_url or store_feedback_url(store_dir))
    admin_token = settings.admin_token.get_secret_value() if settings.admin_token else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # the first load finishes before the process takes connections: a restarted worker leaves its
        # requests to the others until it is ready (if the load is refused, it answers 503 with the reason)
        await asyncio.to_thread(serving.start)
        if watch:
            serving.start_watching(settings.poll_seconds)
        yield
        serving.stop_watching()

    app = FastAPI(title="creatormatch", version="0.1.0", lifespan=lifespan, responses=_ERRORS,
                  description="Match brands with creators: explained shortlists from plain-language briefs.")
    app.state.serving = serving
    app.state.feedback = feedback_store
    app.state.metrics = metrics

    bearer = HTTPBearer(auto_error=False, description="CREATORMATCH_ADMIN_TOKEN")
    key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="one of CREATORMATCH_API_KEYS")

    def require_admin(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if admin_token is None:
            raise ApiError(404, "admin routes are disabled (no CREATORMATCH_ADMIN_TOKEN configured)")
        given = credentials.credentials if credentials is not None else ""
        if not hmac.compare_digest(given.encode("utf-8"), admin_token.encode("utf-8")):
            raise ApiError(401, "authorization: a valid admin bearer token is required",
                           [{"field": "header.authorization", "message": "missing or wrong bearer token"}],
                           headers={"WWW-Authenticate": "Bearer"})

    def require_key(key: Annotated[str | None, Depends(key_header)]) -> None:
        """Declares X-API-Key in the OpenAPI schema; `KeyGate` checks it, on these routes and all others."""

    def current(request: Request) -> ServingVersion:
        """The serving version this request answers from, to its end (named in its log line)."""
        try:
            version = serving.current()
        except NotReady as exc:
            raise ApiError(503, f"not ready: {exc}") from None
        request.state.index_version = version.version
        return version

    public = [Depends(require_key)]

    @app.post("/match", response_model=MatchResponseBody, dependencies=public, tags=["match"])
    def match(body: MatchRequest, request: Request) -> JSONResponse:
        """Rank the creators that fit a brief, each explained (the `creatormatch match --json` object)."""
        version = current(request)
        try:
            filters = _filters(body)
            response = version.matcher.match(body.brief, k=body.k, preset=body.preset, weights=body.weights,
                                             filters=filters, brief_id=body.brief_id, diversity=body.diversity)
        except BriefError as exc:
            raise _field_error(exc) from None
        return JSONResponse(response.to_dict())

    @app.post("/similar", response_model=MatchResponseBody, dependencies=public, tags=["match"])
    def similar(body: SimilarRequest, request: Request) -> JSONResponse:
        """Creators like the seed creators, ranked and explained (the `creatormatch similar --json` object)."""
        version = current(request)
        try:
            filters = _filters(body)
            response = version.matcher.similar(body.creator_ids, k=body.k, preset=body.preset, weights=body.weights,
                                               filters=filters, diversity=body.diversity)
        except BriefError as exc:
            raise _field_error(exc) from None
        return JSONResponse(response.to_dict())

    @app.post("/plan", response_model=PlanResponseBody, dependencies=public, tags=["match"])
    def plan(body: PlanRequest, request: Request) -> JSONResponse:
        """The campaign team worth most together within a budget (the `creatormatch plan --json` object)."""
        version = current(request)
        try:
            filters = _filters(body)
            team = version.matcher.plan(body.brief, budget=body.budget, size=body.size, preset=body.preset,
                                        weights=body.weights, filters=filters, brief_id=body.brief_id)
        except BriefError as exc:
            raise _field_error(exc, own=PlanRequest.model_fields) from None
        return JSONResponse(plan_to_dict(team))

    @app.post("/briefs/parse", response_model=ParseResponse, dependencies=public, tags=["match"])
    def parse(body: ParseRequest) -> ParseResponse:
        """The constraints read from a brief and the niche text that is embedded."""
        try:
            parsed = parse_brief(body.brief)
        except BriefError as exc:
            raise _field_error(exc) from None
        return ParseResponse(brief=parsed.text, query_text=parsed.query_text, parsed=parsed.filters.as_dict(),
                             parsed_phrases=[ReadingBody(**r.to_dict()) for r in parsed.applied],
                             suggestions=[ReadingBody(**r.to_dict()) for r in parsed.suggestions])

    @app.get("/creators/{creator_id}", response_model=CreatorResponse, dependencies=public, tags=["creators"])
    def creator(creator_id: Annotated[str, PathParam(min_length=1, max_length=200, pattern=NO_CONTROL)],
                request: Request) -> JSONResponse:
        """A creator's profile, signals, flags and recent posts in the serving version."""
        version = current(request)
        try:
            found = creator_profile(version.matcher.index, creator_id)
        except UnknownCreator as exc:
            raise ApiError(404, str(exc), [{"field": "path.creator_id", "message": "unknown creator"}]) from None
        return JSONResponse(found.to_dict())

    @app.get("/brands/{name}", response_model=BrandResponse, dependencies=public, tags=["brands"])
    def brand(name: Annotated[str, PathParam(min_length=1, max_length=200, pattern=NO_CONTROL)],
              request: Request, k: Annotated[int, Query(ge=1, le=100)] = 20) -> BrandResponse:
        """A brand in the serving version: creators who tagged it, similar brands, likely competitors."""
        version = current(request)
        try:
            report = version.matcher.brand_report(name, k=k)
        except BriefError as exc:
            raise ApiError(422, str(exc), [{"field": "path.name", "message": str(exc)}]) from None
        return BrandResponse(index_version=version.version, **report.to_dict())

    @app.post("/feedback", response_model=FeedbackResponse, status_code=201, dependencies=public, tags=["feedback"])
    def post_feedback(body: FeedbackRequest, request: Request) -> FeedbackResponse:
        """Store a user's judgment of a result as a labeled pair (exported by `creatormatch feedback export`).

        The creator must be in the served index, and a given index version in the store.
        """
        served = current(request)
        version = body.index_version or served.version
        try:
            check_feedback_target(served.matcher, serving.store.versions(), body.creator_id, body.index_version)
            item = feedback_store.record(body.brief, body.creator_id, body.relevance, brief_id=body.brief_id,
                                         index_version=version)
        except FeedbackError as exc:
            raise _field_error(exc) from None
        stored = feedback_store.count(item.brief_id)
        return FeedbackResponse(brief_id=item.brief_id, creator_id=item.creator_id, relevance=item.relevance,
                                index_version=item.index_version, created_at=item.created_at.isoformat(),
                                stored=stored)

    @app.get("/healthz", tags=["operations"])
    def healthz() -> dict[str, str]:
        """The process answers."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["operations"], responses={503: {"model": ErrorBody}})
    def readyz() -> Any:
        """Ready once an index version is loaded: which version this process serves and what it refused."""
        status = serving.status()
        if not serving.ready:
            refused = "; ".join(f"refused {name}: {why}" for name, why in status["refused"].items())
            return JSONResponse({"error": "not ready: no index version is loaded yet" + (f" ({refused})" if refused
                                                                                         else ""), **status},
                                status_code=503)
        return {"status": "ready", **status}

    @app.get("/index", response_model=IndexResponse, tags=["operations"])
    def index_info(request: Request) -> IndexResponse:
        """The serving version and its manifest (source locations cut to file names), and what was refused."""
        version = current(request)
        return IndexResponse(version=version.version, loaded_at=version.loaded_at,
                             manifest=public_manifest(version.manifest), refused=serving.refused(),
                             current=serving.store.current_version(), worker=os.getpid())

    @app.get("/metrics", tags=["operations"], include_in_schema=False)
    def prometheus() -> Response:
        """Prometheus metrics."""
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    def swapped(result: SwapResult) -> JSONResponse:
        return JSONResponse(result.as_dict(), status_code=409 if result.outcome == "refused" else 200)

    admin = [Depends(require_admin)]

    @app.post("/admin/reload", response_model=SwapResponse, dependencies=admin, tags=["admin"],
              responses={409: {"model": SwapResponse}})
    def reload() -> JSONResponse:
        """Load the store's current version now (409 when it is refused; the old one keeps serving)."""
        return swapped(serving.refresh(retry_refused=True))

    @app.post("/admin/rollback", response_model=SwapResponse, dependencies=admin, tags=["admin"],
              responses={409: {"model": SwapResponse}})
    def rollback(body: RollbackRequest | None = None) -> JSONResponse:
        """Serve an earlier version again (default: the one before); it is verified first."""
        return swapped(serving.rollback(body.version if body else None))

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        """The web page for marketers."""
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _install_errors(app)
    # added innermost first: Observe wraps everything, so refusals before any route are logged and counted
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(KeyGate, keys=settings.api_key_list(), open_paths=settings.open_route_list())
    origins = settings.cors_origin_list()
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "Authorization", "X-API-Key"])
    app.add_middleware(Observe, metrics=metrics)
    return app


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


def _install_errors(app: FastAPI) -> None:
    def body(request: Request, message: str, fields: list[dict[str, str]] | None = None) -> dict[str, Any]:
        return {"error": message, "fields": fields or [], "request_id": getattr(request.state, "request_id", None)}

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"field": ".".join(str(part) for part in error.get("loc", ())) or "body",
                   "message": str(error.get("msg", "invalid"))} for error in exc.errors()]
        summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:5])
        return JSONResponse(body(request, f"invalid request: {summary}", fields), status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(body(request, str(exc.detail), getattr(exc, "fields", None)), status_code=exc.status_code,
                            headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        from api.observability import access_log

        access_log.error("unexpected %s on %s (request %s)", type(exc).__name__, request.url.path,
                         getattr(request.state, "request_id", None), exc_info=exc)
        return JSONResponse(body(request, "internal error (logged with this request id)"), status_code=500)
