"""What a prepared version knows of a brand: its creators, similar brands and likely competitors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.brand_fit import BrandFit
from matcher.brand_graph import own_account, suggest_competitors
from matcher.briefs import ParsedBrief, Reading
from matcher.errors import BriefError
from matcher.loyalty import normalize_brand
from matcher.prepared import PreparedIndex
from matcher.results import BrandCreator, BrandReport


def suggested_competitors(prepared: PreparedIndex, brand: str, exclude: Sequence[str] = ()) -> list[tuple[str, float]]:
    """Brands most like `brand` in its niche (`matcher.brand_graph.suggest_competitors`)."""
    return suggest_competitors(prepared.brand_graph, brand, prepared.brand_niches, exclude=tuple(exclude))


def with_competitor_suggestion(prepared: PreparedIndex, parsed: ParsedBrief) -> ParsedBrief:
    """The brief with the brand's likely competitors offered as a suggestion (applied only when chosen)."""
    brand = parsed.filters.brand
    if not brand:
        return parsed
    found = suggested_competitors(prepared, brand, exclude=parsed.filters.competitors)
    if not found:
        return parsed
    said = next((r for r in parsed.readings if r.field == "brand"), None)
    phrase, start, end = (said.phrase, said.start, said.end) if said is not None else (brand, -1, -1)
    suggestion = Reading("competitors", tuple(name for name, _ in found), phrase, start, end, applied=False,
                         note=f"brands that share creators with {brand} in its niche")
    return replace(parsed, readings=(*parsed.readings, suggestion))


def brand_report(prepared: PreparedIndex, fit_of: Callable[[NDArray[Any], str], BrandFit], name: str,
                 k: int = 20) -> BrandReport:
    """What the catalog knows of a brand: its creators (paid and organic), similar brands, likely competitors.

    `fit_of(creator_ids, brand)` gives the brand fit of creators (`matcher.rerank.Reranker.brand_fit`).
    """
    key = normalize_brand(name)
    if not key:
        raise BriefError("give a brand name or handle", field="name")
    creators = prepared.index.creators
    fit = fit_of(creators["creator_id"].to_numpy(), key)
    mentioned = np.flatnonzero((fit.paid_posts + fit.organic_posts) > 0)
    order = mentioned[np.lexsort((-fit.organic_posts[mentioned], -fit.paid_posts[mentioned],
                                  -fit.direct[mentioned]))][:k]
    handles = creators["handle"].to_numpy()
    ids = creators["creator_id"].to_numpy()
    graph = prepared.brand_graph
    return BrandReport(
        brand=key, known=graph.find(key) is not None or len(mentioned) > 0,
        creators_mentioning=len(mentioned),
        paid_creators=int((fit.paid_posts > 0).sum()),
        top_creators=tuple(BrandCreator(str(ids[i]), str(handles[i]), int(fit.paid_posts[i]),
                                        int(fit.organic_posts[i]), _day(fit.latest(int(i))), float(fit.direct[i]))
                           for i in order),
        # the brand's own accounts ('zaraeurope') are not other brands
        similar=tuple((other, round(similarity, 3)) for other, similarity in graph.similar(key, 30)
                      if not own_account(other, key))[:10],
        suggested_competitors=tuple((other, round(similarity, 3))
                                    for other, similarity in suggested_competitors(prepared, key)),
        niche=prepared.brand_niches.get(key))


def _day(date: pd.Timestamp | None) -> str | None:
    return date.date().isoformat() if date is not None else None
