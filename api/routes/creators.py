"""A creator of the serving version: GET /creators/{creator_id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse

from api.dependencies import CurrentVersion, Respond, require_key
from api.errors import ApiError
from api.schemas import NO_CONTROL, CreatorResponse
from matcher import UnknownCreator

router = APIRouter(tags=["creators"], dependencies=[Depends(require_key)])


@router.get("/creators/{creator_id}", response_model=CreatorResponse)
def creator(creator_id: Annotated[str, PathParam(min_length=1, max_length=200, pattern=NO_CONTROL)],
            version: CurrentVersion, respond: Respond) -> JSONResponse:
    """A creator's profile, signals, flags and recent posts in the serving version."""
    try:
        found = version.matcher.profile(creator_id)
    except UnknownCreator as exc:
        raise ApiError(404, str(exc), [{"field": "path.creator_id", "message": "unknown creator"}]) from None
    return respond(CreatorResponse, found.to_dict())
