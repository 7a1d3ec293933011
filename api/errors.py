"""Errors as the API answers them: one JSON body, `{"error", "fields", "request_id"}`, naming where the input is wrong.

A core error names its field (`CreatorMatchError.field`); here that name becomes a place in the request
("body.k", "body.filters.min_followers", "path.name") without reading the message.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from api.observability import access_log
from matcher import CreatorMatchError, FilterError


class ApiError(HTTPException):
    """An HTTP error with the request fields at fault."""

    def __init__(self, status: int, message: str, fields: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status, message, headers)
        self.fields = fields or []


def field_location(exc: CreatorMatchError, part: str = "body") -> str:
    """Where in the request the error's field is: `part.filters.<name>` for a filter, `part.<name>`, else `part`."""
    if exc.field is None:
        return part
    if isinstance(exc, FilterError):
        return f"{part}.filters.{exc.field}"
    return f"{part}.{exc.field}"


def invalid_input(exc: CreatorMatchError, part: str = "body") -> ApiError:
    """A core error about the request's input as a 422 naming the field at fault (`part` "path" for path parameters)."""
    location = field_location(exc, part)
    return ApiError(422, f"{location}: {exc.message}", [{"field": location, "message": exc.message}])


def error_body(request: Request, message: str, fields: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The JSON body of every error."""
    return {"error": message, "fields": fields or [], "request_id": getattr(request.state, "request_id", None)}


def install_error_handlers(app: FastAPI) -> None:
    """Answer invalid requests, HTTP errors and anything unexpected with `error_body` (never a traceback)."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"field": ".".join(str(part) for part in error.get("loc", ())) or "body",
                   "message": str(error.get("msg", "invalid"))} for error in exc.errors()]
        summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:5])
        return JSONResponse(error_body(request, f"invalid request: {summary}", fields), status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(error_body(request, str(exc.detail), getattr(exc, "fields", None)),
                            status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        access_log.error("unexpected %s on %s (request %s)", type(exc).__name__, request.url.path,
                         getattr(request.state, "request_id", None), exc_info=exc)
        return JSONResponse(error_body(request, "internal error (logged with this request id)"), status_code=500)
