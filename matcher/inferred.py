"""Values the catalog does not give but the build inferred: how they complete the catalog's own.

Given values always win; an inferred value is used (by filters, and shown in answers) only where the
catalog has none and the inference's confidence reaches its setting (`MatchSettings.min_confidence`: 0.6 for the
language, 0.68 for the home country).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

# (catalog column, inferred value column, confidence column) of every inferred attribute
INFERRED_FIELDS = (("language", "language_inferred", "language_inferred_confidence"),
                   ("country", "country_inferred", "country_inferred_confidence"))


@dataclass(frozen=True)
class KnownValue:
    """A creator attribute as the answer shows it: the value, where it came from and, if inferred, how sure."""

    value: str
    source: str  # "catalog" or "inferred"
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"value": self.value, "source": self.source,
                "confidence": None if self.confidence is None else round(self.confidence, 3)}


def effective_values(given: Sequence[Any], inferred: Sequence[Any], confidence: NDArray[np.float64],
                     min_confidence: float) -> list[str | None]:
    """The catalog's value where it has one; else the inferred one where its confidence reaches
    `min_confidence`; else None (unknown, for the unknown-value policy). Given values always win."""
    out: list[str | None] = []
    for own, guess, sure in zip(given, inferred, confidence, strict=True):
        if isinstance(own, str) and own.strip():
            out.append(own)
        elif isinstance(guess, str) and guess and float(sure) >= min_confidence:
            out.append(guess)
        else:
            out.append(None)
    return out


def known_value(given: Any, inferred: Any, confidence: float, min_confidence: float) -> KnownValue | None:
    """One creator's value for an answer: the catalog's, else a confident inference, else None."""
    if isinstance(given, str) and given.strip():
        return KnownValue(given, "catalog")
    if isinstance(inferred, str) and inferred and confidence >= min_confidence:
        return KnownValue(inferred, "inferred", float(confidence))
    return None
