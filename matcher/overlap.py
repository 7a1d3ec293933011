"""Audience overlap between creators, estimated from what the catalog has.

Each creator's audience is written as a distribution over audience *atoms*. A share of it
(`1 - shared`) is loyal to that creator alone: a private atom no other creator reaches. The rest
is drawn from a common pool of people cut into cells by platform x content niche x audience
country x age x gender, assuming those axes are independent within a creator's audience:

- platform: the creator's own (people on another platform are counted as other people);
- content: the creator's niche mix, the softmax of its content vector against the taxonomy's niche
  descriptions (`matcher.taxonomy.niche_mix`), its three largest niches kept;
- country: `audience_countries` shares when known (the unassigned rest spread evenly over the
  countries seen in the pool), else all in the creator's own `country`, else spread evenly;
- age, gender: `audience_age`, `audience_gender` shares when known; a creator without them is
  spread evenly over the groups seen in the pool; an axis nobody in the pool has is left out.

The overlap of two creators is the histogram intersection of their distributions,
``o_ij = sum_a min(u_ia, u_ja)`` (Swain & Ballard 1991): the share of one audience that is also
the other's when both have the same size. It is at most `shared` for two different creators, and
1 only between identical profiles. `matcher.planning` values a team by covering these atoms.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from matcher.mixes import parsed_mix

DEFAULT_SHARED = 0.5
CONTENT_NICHES_KEPT = 3


class AudienceProfiles(NamedTuple):
    """Creators' audiences as rows of a distribution over atoms, and how each row was estimated."""

    matrix: NDArray[np.float64]
    basis: tuple[str, ...]


def _shares(value: Any) -> dict[str, float] | None:
    value = parsed_mix(value)
    if isinstance(value, Mapping) and value:
        shares = {str(k): float(v) for k, v in value.items() if v is not None and float(v) > 0}
        return shares or None
    return None


def _axis(values: Sequence[dict[str, float] | None]) -> list[dict[str, float]] | None:
    """Each creator's distribution on one axis; the unknown and the unassigned rest spread evenly."""
    seen = sorted({key for shares in values if shares for key in shares})
    if not seen:
        return None
    out = []
    for shares in values:
        if not shares:
            out.append({key: 1.0 / len(seen) for key in seen})
            continue
        rest = max(0.0, 1.0 - sum(shares.values()))
        total = sum(shares.values()) + rest
        out.append({key: (shares.get(key, 0.0) + rest / len(seen)) / total for key in seen})
    return out


def audience_profiles(platforms: Sequence[str], content_mix: NDArray[np.float64],
                      countries: Sequence[str | None], audience_countries: Sequence[Any],
                      audience_age: Sequence[Any] | None = None, audience_gender: Sequence[Any] | None = None,
                      shared: float = DEFAULT_SHARED) -> AudienceProfiles:
    """Audience distributions of creators over private and shared atoms (module docstring).

    Parameters
    ----------
    platforms, countries
        One per creator; an unknown country is None or "".
    content_mix
        (creators x niches) non-negative rows, each creator's niche mix.
    audience_countries, audience_age, audience_gender
        One mapping of shares (or None) per creator; age and gender may be left out.
    shared
        Share of each audience drawn from the common pool, in 0..1; the rest is the creator's own.
    """
    n = len(platforms)
    mix = np.asarray(content_mix, dtype=float)
    if mix.ndim != 2 or len(mix) != n:
        raise ValueError(f"content_mix: needs one row per creator ({n}), got shape {mix.shape}")
    if np.any(mix < 0) or np.any(~np.isfinite(mix)):
        raise ValueError("content_mix: must be finite and >= 0")
    if not 0.0 <= shared <= 1.0 or math.isnan(shared):
        raise ValueError(f"shared: must be within 0..1, got {shared}")
    for name, given in (("countries", countries), ("audience_countries", audience_countries),
                         ("audience_age", audience_age), ("audience_gender", audience_gender)):
        if given is not None and len(given) != n:
            raise ValueError(f"{name}: has {len(given)} values for {n} creators")

    content = []
    for weights in mix:
        top = np.argsort(-weights, kind="stable")[:CONTENT_NICHES_KEPT]
        kept = {f"niche{j}": float(weights[j]) for j in top if weights[j] > 0}
        total = sum(kept.values())
        content.append({k: v / total for k, v in kept.items()} if total > 0 else {"niche?": 1.0})
    audience = [_shares(v) for v in audience_countries]
    geography_known = [a if a else ({str(c): 1.0} if c else None) for a, c in zip(audience, countries, strict=True)]
    axes: list[list[dict[str, float]]] = [[{str(p): 1.0} for p in platforms], content]
    for values in (geography_known, [_shares(v) for v in audience_age or [None] * n],
                   [_shares(v) for v in audience_gender or [None] * n]):
        spread = _axis(values)
        if spread is not None:
            axes.append(spread)

    columns: dict[tuple[str, ...], int] = {}
    cells: list[dict[int, float]] = []
    for i in range(n):
        row: dict[int, float] = {}
        for combination in itertools.product(*(list(axis[i].items()) for axis in axes)):
            key = tuple(name for name, _ in combination)
            mass = math.prod(share for _, share in combination)
            if mass > 0:
                atom = columns.setdefault(key, len(columns))
                row[atom] = row.get(atom, 0.0) + mass
        cells.append(row)
    matrix = np.zeros((n, n + len(columns)))
    matrix[np.arange(n), np.arange(n)] = 1.0 - shared
    for i, cell in enumerate(cells):
        for atom, mass in cell.items():
            matrix[i, n + atom] = shared * mass
    basis = tuple("audience shares" if audience[i] or (audience_age and _shares(audience_age[i]))
                  or (audience_gender and _shares(audience_gender[i]))
                  else "content, platform" + (", country" if countries[i] else "") for i in range(n))
    return AudienceProfiles(matrix, basis)


def pairwise_overlap(profiles: NDArray[np.float64]) -> NDArray[np.float64]:
    """Histogram intersection ``sum_a min(u_ia, u_ja)`` of every pair of rows (1 on the diagonal)."""
    matrix = np.asarray(profiles, dtype=float)
    if matrix.ndim != 2 or np.any(matrix < 0):
        raise ValueError("profiles: needs a 2-d array of non-negative shares")
    # row by row: the (n x n x atoms) array of a one-shot broadcast would not fit in memory
    return np.vstack([np.minimum(row, matrix).sum(axis=1) for row in matrix]) if len(matrix) else np.zeros((0, 0))
