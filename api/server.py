"""The HTTP service: FastAPI routes that parse, call the serving index and the feedback store, and format."""


import hmac
import re
import threading
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.exceptions import HTTPException

from api.formatting import plan_to_dict
from api.observability import Metrics, log_request, log_to_stderr, swap_logger
from api.schemas import (
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
from eval import FeedbackError, FeedbackStore, store_feedback_url
from index import EncoderSource, IndexStore, NotReady, ServingIndex, ServingVersion, SwapResult
from matcher import BriefError, CreatorMatchError, Filters, MatchSettings, UnknownCreator, creator_profile, parse_brief
from matcher.briefs import filters_from_options

STATIC = Path(__file__).with_name("static")
_FIELD = re.compile(r"^([a-z_]+)")
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 404, 413, 422, 503)}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


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


class BodyLimit:
    """Refuses request bodies over `limit` bytes with a JSON 413, by Content-Length or while reading."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        try:
            declared = int(length) if length is not None else 0
        except ValueError:
            declared = 0
        if declared > self.limit:
            await self._refuse(scope, send)
            return
        body = b""
        more = True
        while more and length is None and scope["method"] in ("POST", "PUT", "PATCH"):
            # no Content-Length (chunked): read up to the limit here, then replay
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                await self._refuse(scope, send)
                return
        if length is None and scope["method"] in ("POST", "PUT", "PATCH"):
            sent = False

            async def replay() -> Message:
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        response = JSONResponse({"error": f"body: request body over the {self.limit:,}-byte limit",
                                 "fields": [{"field": "body", "message": f"larger than {self.limit:,} bytes"}]},
                                status_code=413)
        await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


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
    api_keys = settings.api_key_list()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        def first_load() -> None:
            serving.refresh()
            if watch:
                serving.start_watching(settings.poll_seconds)

        loader = threading.Thread(target=first_load, name="index-first-load", daemon=True)
        loader.start()
        yield
        loader.join()
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
        if not api_keys:
            return
        given = (key or "").encode("utf-8")
        if not any(hmac.compare_digest(given, k.encode("utf-8")) for k in api_keys):
            raise ApiError(401, "x-api-key: a valid API key is required",
                           [{"field": "header.x-api-key", "message": "missing or unknown API key"}])

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
    def creator(creator_id: Annotated[str, PathParam(min_length=1, max_length=200)], request: Request) -> JSONResponse:
        """A creator's profile, signals, flags and recent posts in the serving version."""
        version = current(request)
        try:
            found = creator_profile(version.matcher.index, creator_id)
        except UnknownCreator as exc:
            raise ApiError(404, str(exc), [{"field": "path.creator_id", "message": "unknown creator"}]) from None
        return JSONResponse(found.to_dict())

    @app.post("/feedback", response_model=FeedbackResponse, status_code=201, dependencies=public, tags=["feedback"])
    def post_feedback(body: FeedbackRequest) -> FeedbackResponse:
        """Store a user's judgment of a result as a labeled pair (exported by `creatormatch feedback export`)."""
        version = body.index_version or (serving.current().version if serving.ready else None)
        try:
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
        """Ready once an index version is loaded."""
        if not serving.ready:
            refused = "; ".join(f"refused {name}: {why}" for name, why in serving.refused().items())
            return JSONResponse({"error": "not ready: no index version is loaded yet" + (f" ({refused})" if refused
                                                                                         else "")}, status_code=503)
        return {"status": "ready", "index_version": serving.current().version}

    @app.get("/index", response_model=IndexResponse, tags=["operations"])
    def index_info(request: Request) -> IndexResponse:
        """The serving version and its manifest."""
        version = current(request)
        return IndexResponse(version=version.version, loaded_at=version.loaded_at, manifest=version.manifest,
                             refused=serving.refused())

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
    _install_observability(app, metrics)
    origins = settings.cors_origin_list()
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "Authorization", "X-API-Key"])
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


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


def _install_observability(app: FastAPI, metrics: Metrics) -> None:
    @app.middleware("http")
    async def observe(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        request_id = request.headers.get("x-request-id", "")[:64] or uuid.uuid4().hex
        request.state.request_id = request_id
        started = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
        finally:
            seconds = time.perf_counter() - started
            route = getattr(request.scope.get("route"), "path", "unmatched")
            metrics.observe(route, request.method, status, seconds)
            log_request({"event": "request", "request_id": request_id, "method": request.method, "route": route,
                         "path": request.url.path, "status": status, "ms": round(seconds * 1000, 2),
                         "index_version": getattr(request.state, "index_version", None)})
        response.headers["X-Request-ID"] = request_id
        return response
