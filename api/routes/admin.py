"""Admin: POST /admin/reload and /admin/rollback, behind the admin bearer token."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from api.dependencies import Respond, Serving, require_admin
from api.responses import Responder
from api.schemas import RollbackRequest, SwapResponse
from index import SwapResult

router = APIRouter(tags=["admin"], dependencies=[Depends(require_admin)],
                   responses={409: {"model": SwapResponse}})


def _swapped(result: SwapResult, respond: Responder) -> JSONResponse:
    """What the swap did; 409 when the version was refused (the one before keeps serving)."""
    return respond(SwapResponse, result.as_dict(), status_code=409 if result.outcome == "refused" else 200)


@router.post("/admin/reload", response_model=SwapResponse)
def reload(serving: Serving, respond: Respond) -> JSONResponse:
    """Load the store's current version now (409 when it is refused; the old one keeps serving)."""
    return _swapped(serving.refresh(retry_refused=True), respond)


@router.post("/admin/rollback", response_model=SwapResponse)
def rollback(serving: Serving, respond: Respond, body: RollbackRequest | None = None) -> JSONResponse:
    """Serve an earlier version again (default: the one before); it is verified first."""
    return _swapped(serving.rollback(body.version if body else None), respond)
