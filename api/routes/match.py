"""Matching: POST /match, /similar, /plan and /briefs/parse, each the answer `creatormatch` prints with --json."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from api.dependencies import CurrentVersion, Respond, require_key
from api.errors import invalid_input
from api.schemas import (
    MatchRequest,
    MatchResponseBody,
    ParseRequest,
    ParseResponse,
    PlanRequest,
    PlanResponseBody,
    RankingOptions,
    SimilarRequest,
)
from matcher import BriefError, Filters, RelevanceFeedback, parse_brief
from matcher.briefs import filters_from_options

router = APIRouter(tags=["match"], dependencies=[Depends(require_key)])


def _filters(body: RankingOptions) -> Filters:
    """A request's explicit filters as the engine's filters (named as the CLI options)."""
    return filters_from_options(body.filters.model_dump(exclude_none=True) if body.filters else {})


@router.post("/match", response_model=MatchResponseBody)
def match(body: MatchRequest, version: CurrentVersion, respond: Respond) -> JSONResponse:
    """Rank the creators that fit a brief, each explained (the `creatormatch match --json` object)."""
    try:
        feedback = RelevanceFeedback(tuple(body.relevant or ()), tuple(body.not_relevant or ()))
        response = version.matcher.match(body.brief, k=body.k, preset=body.preset, weights=body.weights,
                                         filters=_filters(body), brief_id=body.brief_id, diversity=body.diversity,
                                         feedback=feedback)
    except BriefError as exc:
        raise invalid_input(exc) from None
    return respond(MatchResponseBody, response.to_dict())


@router.post("/similar", response_model=MatchResponseBody)
def similar(body: SimilarRequest, version: CurrentVersion, respond: Respond) -> JSONResponse:
    """Creators like the seed creators, ranked and explained (the `creatormatch similar --json` object)."""
    try:
        response = version.matcher.similar(body.creator_ids, k=body.k, preset=body.preset, weights=body.weights,
                                           filters=_filters(body), diversity=body.diversity)
    except BriefError as exc:
        raise invalid_input(exc) from None
    return respond(MatchResponseBody, response.to_dict())


@router.post("/plan", response_model=PlanResponseBody)
def plan(body: PlanRequest, version: CurrentVersion, respond: Respond) -> JSONResponse:
    """The campaign team worth most together within a budget (the `creatormatch plan --json` object)."""
    try:
        team = version.matcher.plan(body.brief, budget=body.budget, size=body.size, preset=body.preset,
                                    weights=body.weights, filters=_filters(body), brief_id=body.brief_id)
    except BriefError as exc:
        raise invalid_input(exc) from None
    return respond(PlanResponseBody, team.to_dict())


@router.post("/briefs/parse", response_model=ParseResponse)
def parse(body: ParseRequest, respond: Respond) -> JSONResponse:
    """The constraints read from a brief and the niche text that is embedded."""
    try:
        parsed = parse_brief(body.brief)
    except BriefError as exc:
        raise invalid_input(exc) from None
    return respond(ParseResponse, {
        "brief": parsed.text, "query_text": parsed.query_text, "parsed": parsed.filters.as_dict(),
        "parsed_phrases": [reading.to_dict() for reading in parsed.applied],
        "suggestions": [reading.to_dict() for reading in parsed.suggestions]})
