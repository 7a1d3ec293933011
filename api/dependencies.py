"""What a route needs from the app, as FastAPI dependencies: the serving version, the feedback store, the checks.

`create_app` keeps the shared objects on `app.state` (serving index, feedback store, metrics, admin token,
responder);
the routes reach them only through these functions. They are coroutines because none of them blocks: a
plain function would cost each request a hop to the thread pool and back.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.errors import ApiError
from api.observability import Metrics
from api.responses import Responder
from index import FeedbackStore, NotReady, ServingIndex, ServingVersion

bearer = HTTPBearer(auto_error=False, description="CREATORMATCH_ADMIN_TOKEN")
key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="one of CREATORMATCH_API_KEYS")


async def serving_index(request: Request) -> ServingIndex:
    """The app's serving index (which version serves, what was refused, reloads)."""
    serving: ServingIndex = request.app.state.serving
    return serving


async def serving_version(request: Request) -> ServingVersion:
    """The current serving version for this request, to its end (named in its log line); 503 when not ready."""
    try:
        version = (await serving_index(request)).current()
    except NotReady as exc:
        raise ApiError(503, f"not ready: {exc}") from None
    request.state.index_version = version.version
    return version


async def feedback_store(request: Request) -> FeedbackStore:
    """The app's feedback store."""
    store: FeedbackStore = request.app.state.feedback
    return store


async def app_metrics(request: Request) -> Metrics:
    """The app's Prometheus metrics."""
    metrics: Metrics = request.app.state.metrics
    return metrics


async def responder(request: Request) -> Responder:
    """How the app sends the engine's answers (checked against the response models when configured)."""
    found: Responder = request.app.state.responder
    return found


async def require_key(key: Annotated[str | None, Depends(key_header)]) -> None:
    """Declares X-API-Key in the OpenAPI schema; `KeyGate` checks it, on these routes and all others."""


async def require_admin(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """The admin bearer token (CREATORMATCH_ADMIN_TOKEN), compared in constant time; 404 when none is configured."""
    admin_token: str | None = request.app.state.admin_token
    if admin_token is None:
        raise ApiError(404, "admin routes are disabled (no CREATORMATCH_ADMIN_TOKEN configured)")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), admin_token.encode("utf-8")):
        raise ApiError(401, "authorization: a valid admin bearer token is required",
                       [{"field": "header.authorization", "message": "missing or wrong bearer token"}],
                       headers={"WWW-Authenticate": "Bearer"})


CurrentVersion = Annotated[ServingVersion, Depends(serving_version)]
Serving = Annotated[ServingIndex, Depends(serving_index)]
Feedback = Annotated[FeedbackStore, Depends(feedback_store)]
AppMetrics = Annotated[Metrics, Depends(app_metrics)]
Respond = Annotated[Responder, Depends(responder)]
