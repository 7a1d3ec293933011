"""The one Settings object: read from CREATORMATCH_* environment variables by api/ only."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from matcher import MatchSettings, TierThresholds


class Settings(BaseSettings):
    """Operational settings of the command line and the service."""

    model_config = SettingsConfigDict(env_prefix="CREATORMATCH_", extra="ignore")

    model: str = Field("all-MiniLM-L6-v2", description="sentence-transformers model name or local path")
    batch_size: int = Field(16, gt=0, description="texts per PyTorch forward pass")
    backend: str | None = Field(None, description="torch, onnx or onnx-int8; None: the default (onnx-int8)")
    max_seq_length: int = Field(128, gt=0)
    keep_versions: int = Field(5, gt=0)
    index_type: str = Field("auto", description="FAISS factory string: Flat, HNSW32, IVF1024,PQ32, ..., or auto "
                            "(Flat up to 50,000 creators, IVF-PQ re-scored from float16 vectors above)")
    engine: Literal["local", "ray"] = Field("local", description="where the embedding stage runs")
    ray_address: str | None = Field(None, description="Ray cluster address; None starts a local Ray")
    ray_actors: int = Field(2, gt=0, description="model-holding actors of the Ray embedding stage")
    competitor_policy: Literal["exclude", "penalize"] = "exclude"
    competitor_penalty: float = Field(0.5, ge=0, le=1)
    tier_micro: int = Field(10_000, gt=0)
    tier_macro: int = Field(100_000, gt=0)
    tier_mega: int = Field(1_000_000, gt=0)

    # the HTTP service (`creatormatch serve`)
    admin_token: SecretStr | None = Field(None, description="bearer token of /admin routes; unset disables them")
    api_keys: str = Field("", description="comma-separated keys; when set, every route but the open ones needs "
                          "X-API-Key")
    open_routes: str = Field("/healthz,/readyz,/,/static/", description="comma-separated paths that answer without "
                             "an API key (a trailing '/' opens everything under it); the page's own files hold no "
                             "data, and its calls send the key")
    read_timeout_seconds: float = Field(30.0, gt=0, description="a client has this long to send a request's "
                                        "headers and body (and an idle new connection to start one)")
    cors_origins: str = Field("", description="comma-separated origins allowed by CORS; empty keeps CORS closed")
    feedback_url: str | None = Field(None, description="SQLAlchemy URL of the feedback table; default: "
                                     "sqlite file feedback.db in the store")
    poll_seconds: float = Field(2.0, gt=0, description="how often the service checks the store's current version")
    # uvicorn kills a worker that misses its health ping for this long; a replacement worker spends 10-20 s
    # importing the model and loading the index, and on a busy 2-core machine uvicorn's 5 s default killed
    # every replacement before it could answer (tests/api/test_faults.py)
    worker_healthcheck_seconds: int = Field(60, gt=0, description="how long a server worker may go without "
                                            "answering the supervisor's health ping (--workers > 1)")
    max_body_bytes: int = Field(65_536, gt=0, description="largest request body accepted")
    serve_store: str | None = Field(None, description="store of `serve --workers N`, set by the command for its "
                                    "worker processes")
    serve_threads: int = Field(1, gt=0, description="threads of the brief encoder in the service (one brief "
                               "per request: 1 keeps requests from contending for cores)")
    validate_responses: bool = Field(False, description="check every answer against its declared response model "
                                     "before sending it (a mismatch is a 500, logged): for tests and staging, it "
                                     "costs about 1 ms per /match of 10-20 results")

    def match_settings(self) -> MatchSettings:
        """The engine's settings (tiers, competitor policy) as these settings give them."""
        return MatchSettings(
            tiers=TierThresholds(micro=self.tier_micro, macro=self.tier_macro, mega=self.tier_mega),
            competitor_policy=self.competitor_policy,
            competitor_penalty=self.competitor_penalty,
        )

    def api_key_list(self) -> list[str]:
        """The configured API keys (none: public routes are open)."""
        return [k.strip() for k in self.api_keys.split(",") if k.strip()]

    def open_route_list(self) -> list[str]:
        """Paths that answer without an API key."""
        return [p.strip() for p in self.open_routes.split(",") if p.strip()]

    def cors_origin_list(self) -> list[str]:
        """Origins allowed by CORS (none: closed)."""
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]
