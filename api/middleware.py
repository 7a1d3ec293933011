"""The ASGI layers around the routes: request ids, logs and metrics for every answer, API keys, body limit.

Order, outermost first: `Observe` (so that every answer, including a 401 or 413 refused before any
route runs, gets a request id, a log line and a metric), CORS, `KeyGate`, `BodyLimit`, the routes.
"""

from __future__ import annotations

import hmac
import json
import time
import uuid
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from typing import Any

from starlette.routing import Match

from api.observability import Metrics, log_request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# request ids come from clients: kept short and printable
_MAX_REQUEST_ID = 64


def _state(scope: Scope) -> dict[str, Any]:
    """The request's state dict (what `request.state` reads and writes)."""
    state: dict[str, Any] = scope.setdefault("state", {})
    return state


def route_label(scope: Scope) -> str:
    """The route template of a request ('/creators/{creator_id}'), or 'unmatched': never client text."""
    route = scope.get("route")
    if route is not None and hasattr(route, "path"):
        return str(route.path)
    for candidate in app_routes(scope.get("app")):  # refused before routing (401, 413): match it here
        matches = getattr(candidate, "matches", None)
        if matches is not None and matches(scope)[0] == Match.FULL and hasattr(candidate, "path"):
            return str(candidate.path)
    return "unmatched"


def app_routes(app: Any) -> list[Any]:
    """Every route an app serves, flat: its own and those of the routers it includes.

    FastAPI from 0.16x keeps an included router as one entry of `app.routes` (its routes are resolved
    at request time); older versions copy the routes in.
    """
    routes = list(getattr(app, "routes", ()))
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:
        return routes
    return [context.route for context in iter_route_contexts(routes)]


async def send_json(send: Send, status: int, body: dict[str, Any], headers: Collection[tuple[bytes, bytes]] = ()
                    ) -> None:
    """Answer with a JSON body (used by the layers that refuse a request before any route)."""
    payload = json.dumps(body).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": payload})


def refusal(scope: Scope, message: str, field: str, detail: str) -> dict[str, Any]:
    """The JSON error body of a request refused before any route, with its request id."""
    return {"error": message, "fields": [{"field": field, "message": detail}],
            "request_id": _state(scope).get("request_id")}


class Observe:
    """Gives every request an id (X-Request-ID), logs one JSON line and counts it, whatever answered it.

    The answer names the index version it came from (X-Index-Version) when a route set one.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = "".join(c for c in given[:_MAX_REQUEST_ID] if c.isprintable()) or uuid.uuid4().hex
        state = _state(scope)
        state["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers") or [])
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                version = state.get("index_version")
                if version:
                    headers.append((b"x-index-version", str(version).encode("latin-1")))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, observed_send)
        finally:
            seconds = time.perf_counter() - started
            route = route_label(scope)
            method = str(scope.get("method", ""))
            self.metrics.observe(route, method, status, seconds)
            log_request({"event": "request", "request_id": request_id, "method": method[:16], "route": route,
                         "path": str(scope.get("path", ""))[:200], "status": status,
                         "ms": round(seconds * 1000, 2), "index_version": state.get("index_version")})


class KeyGate:
    """Refuses requests without a valid X-API-Key (compared in constant time), except on `open_paths`.

    An open path ends with '/' to open everything under it ('/static/'). Admin routes have their own
    bearer token and are not gated here.
    """

    def __init__(self, app: ASGIApp, keys: Collection[str], open_paths: Collection[str]) -> None:
        self.app = app
        self.keys = [key.encode("utf-8") for key in keys]
        self.exact = {path for path in open_paths if not path.endswith("/") or path == "/"}
        self.prefixes = tuple(path for path in open_paths if path.endswith("/") and path != "/")

    def is_open(self, path: str) -> bool:
        """Whether `path` answers without a key."""
        return path in self.exact or path.startswith(self.prefixes) or path.startswith("/admin/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.keys or self.is_open(str(scope.get("path", ""))):
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-api-key", b"")
        # every key is compared, so the time taken does not say which one came close
        matches = [hmac.compare_digest(given, key) for key in self.keys]
        if any(matches):
            await self.app(scope, receive, send)
            return
        await send_json(send, 401, refusal(scope, "x-api-key: a valid API key is required", "header.x-api-key",
                                           "missing or unknown API key"))


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
        if length is not None or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        # no Content-Length (chunked): read up to the limit here, then replay
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                await self._refuse(scope, send)
                return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        await send_json(send, 413, refusal(scope, f"body: request body over the {self.limit:,}-byte limit", "body",
                                           f"larger than {self.limit:,} bytes"))
