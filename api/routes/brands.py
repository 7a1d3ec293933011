"""A brand in the serving version: GET /brands/{name}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse

from api.dependencies import CurrentVersion, Respond, require_key
from api.errors import invalid_input
from api.schemas import NO_CONTROL, BrandResponse
from matcher import BriefError

router = APIRouter(tags=["brands"], dependencies=[Depends(require_key)])


@router.get("/brands/{name}", response_model=BrandResponse)
def brand(name: Annotated[str, PathParam(min_length=1, max_length=200, pattern=NO_CONTROL)], version: CurrentVersion,
          respond: Respond, k: Annotated[int, Query(ge=1, le=100)] = 20) -> JSONResponse:
    """A brand in the serving version: creators who tagged it, similar brands, likely competitors."""
    try:
        report = version.matcher.brand_report(name, k=k)
    except BriefError as exc:
        raise invalid_input(exc, part="path") from None
    # the `creatormatch brand --json` object
    return respond(BrandResponse, {**report.to_dict(), "index_version": version.version})
