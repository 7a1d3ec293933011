"""The publish gate: a check a new version must pass before it replaces the serving one."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Protocol

from index.store import StoreError
from matcher import Matcher


@dataclass(frozen=True)
class GateDecision:
    """What a gate measured and whether the new version may be published."""

    passed: bool
    metric: str
    candidate: float
    serving: float | None
    margin: float
    message: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (kept in the build report and the version's manifest)."""
        return asdict(self)


class PublishGate(Protocol):
    """Compares a built, verified version with the serving one (None on a first build)."""

    def check(self, candidate: Matcher, serving: Matcher | None) -> GateDecision:
        """Measure both and decide."""
        ...


class GateRefused(StoreError):
    """The quality gate refused to publish a build; the serving version is unchanged."""

    def __init__(self, decision: GateDecision) -> None:
        super().__init__(f"quality gate: {decision.message}; not published (--force publishes anyway)")
        self.decision = decision
