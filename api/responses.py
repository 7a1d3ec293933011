"""A route's answer: the engine's `to_dict` form sent as it is, checked against the route's response model on request.

FastAPI would validate a returned dict against `response_model` and serialize it again; the routes
that answer with an engine's `to_dict` form send it unchanged instead, so the API answer stays byte for
byte what `creatormatch ... --json` prints (ints stay ints, absent keys absent). Checking it costs about
1 ms per /match of 10 to 20 results (the model objects it builds, and the garbage collections they
bring on), several for 100: so the check runs where `Settings.validate_responses` asks for it (the
tests, a staging server), and the models stay the documented contract everywhere.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel


class Responder:
    """Sends a payload as a JSON response; with `check`, only once `model` accepts it (a mismatch is a 500, logged)."""

    def __init__(self, check: bool) -> None:
        self.check = check

    def __call__(self, model: type[BaseModel], payload: dict[str, Any], status_code: int = 200) -> JSONResponse:
        """`payload` as the response of a route that declares `model`."""
        if self.check:
            model.model_validate(payload)
        return JSONResponse(payload, status_code=status_code)
