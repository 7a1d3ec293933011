"""Users' judgments of results: POST /feedback, stored as labeled pairs for `creatormatch eval`."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from api.dependencies import CurrentVersion, Feedback, Serving, require_key
from api.errors import invalid_input
from api.schemas import FeedbackRequest, FeedbackResponse
from index import FeedbackError, check_feedback_target

router = APIRouter(tags=["feedback"], dependencies=[Depends(require_key)])


@router.post("/feedback", response_model=FeedbackResponse, status_code=201)
def post_feedback(body: FeedbackRequest, served: CurrentVersion, serving: Serving,
                  feedback: Feedback) -> FeedbackResponse:
    """Store a user's judgment of a result as a labeled pair (exported by `creatormatch feedback export`).

    The creator must be in the served index, and a given index version in the store.
    """
    try:
        check_feedback_target(served.matcher, serving.store.versions(), body.creator_id, body.index_version)
        item = feedback.record(body.brief, body.creator_id, body.relevance, brief_id=body.brief_id,
                               index_version=body.index_version or served.version)
    except FeedbackError as exc:
        raise invalid_input(exc) from None
    return FeedbackResponse(brief_id=item.brief_id, creator_id=item.creator_id, relevance=item.relevance,
                            index_version=item.index_version, created_at=item.created_at.isoformat(),
                            stored=feedback.count(item.brief_id))
