"""Leave-out test of brand fit on Kim: hide each creator's latest mention of a brand, then see who finds them.

For each brand below and a brief naming it, every creator who tagged the brand loses the events of their
latest post tagging it (`hide_latest_mentions`); the brand graph, the creators' brand lists and the events
are rebuilt without them. Within the brief's niche pool (the `brand_pool` creators nearest the brief), the
creators whose mention was hidden are the targets, and three orders are compared by hit rate at 10 and 100
(the share of targets ranked in the first K): niche similarity alone, the creator's count of mentions of
any brand (ties in niche order), and brand fit (ties in niche order). Paired significance: an exact
McNemar test on the targets one order finds and the other does not (scipy's binomial test). The targets whose
hidden post was their only one tagging the brand are also reported apart: brand fit can find those only
through the brands they tag that are like this one.

usage: python -m bench.kim_brand_leaveout --store STORE [--similar-discount D ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy.stats import binomtest

from index import IndexStore, encoder_from_identity, matcher_for
from matcher import BrandFitSettings, Matcher, build_brand_graph, parse_brief
from matcher.brand_fit import CreatorBrands, brand_fit
from matcher.loyalty import BrandEvents

BRIEFS = {
    "zara": "Zara is looking for fashion creators who share everyday outfits.",
    "hm": "H&M wants style creators posting affordable outfit ideas.",
    "danielwellington": "Daniel Wellington is launching a new watch and needs fashion and lifestyle creators.",
    "nike": "Nike wants creators who post sneakers, streetwear and training.",
    "gucci": "Gucci is looking for luxury fashion creators.",
    "anastasiabeverlyhills": "Anastasia Beverly Hills wants makeup creators who do full-glam brow looks.",
}
DEPTHS = (10, 100)


def hide_latest_mentions(events: pd.DataFrame, brand: str) -> tuple[pd.DataFrame, set[str]]:
    """The events without each creator's latest post tagging `brand`, and the creators who lost one."""
    coded = BrandEvents.of(events)
    hits = events[coded.matching([brand])]
    dated = hits.assign(when=pd.to_datetime(hits["posted_at"], utc=True))
    latest = dated.sort_values(["creator_id", "when", "post_id"]).groupby("creator_id").tail(1)
    hidden_posts = set(zip(latest["creator_id"].astype(str), latest["post_id"].astype(str), strict=True))
    keys = list(zip(hits["creator_id"].astype(str), hits["post_id"].astype(str), strict=True))
    drop = hits.index[[key in hidden_posts for key in keys]]
    return events.drop(index=drop), {creator for creator, _ in hidden_posts}


def ranks(order: NDArray[np.int64], size: int) -> NDArray[np.int64]:
    """Rank (0 = first) of each pool position under `order`."""
    out = np.empty(size, dtype=np.int64)
    out[order] = np.arange(size)
    return out


def mcnemar(first: NDArray[np.bool_], second: NDArray[np.bool_]) -> float:
    """Two-sided exact McNemar p-value of paired hits (1.0 when the two never disagree)."""
    only_first, only_second = int((first & ~second).sum()), int((~first & second).sum())
    if only_first + only_second == 0:
        return 1.0
    return float(binomtest(only_first, only_first + only_second, 0.5).pvalue)


def run(matcher: Matcher, settings: BrandFitSettings) -> pd.DataFrame:
    """Per brand and depth: targets, hit rates of the three orders, McNemar p-values."""
    index = matcher.index
    rows = []
    all_hits: dict[str, list[NDArray[np.bool_]]] = {}
    for brand, text in BRIEFS.items():
        events, hidden = hide_latest_mentions(index.brand_events, brand)
        coded = BrandEvents.of(events)
        graph = build_brand_graph(events)
        creator_brands = CreatorBrands.of(events, graph)
        query, _ = matcher.brief_query(parse_brief(text))
        pool, _niche = matcher.niche.candidates(query, matcher.search, index.creator_vectors, index.unit_vectors,
                                                *index.unit_ranges(), matcher.settings.brand_pool, None)
        ids = index.creators["creator_id"].astype(str).to_numpy()[pool]
        niche_rank = np.arange(len(pool))
        any_brand = pd.Series(ids).map(events.groupby("creator_id")["post_id"].nunique()).fillna(0).to_numpy()
        count_order = np.lexsort((niche_rank, -any_brand))
        fit = brand_fit(ids, brand, coded, graph, creator_brands, settings)
        fit_order = np.lexsort((niche_rank, -fit.score))
        targets = np.array([cid in hidden for cid in ids])
        # targets whose hidden post was their only one tagging the brand: found, if at all, through similar brands
        no_mention_left = (fit.paid_posts + fit.organic_posts)[targets] == 0
        by_method = {"niche": niche_rank, "mentions_any": ranks(count_order, len(pool)),
                     "brand_fit": ranks(fit_order, len(pool))}
        for depth in DEPTHS:
            hits = {name: rank[targets] < depth for name, rank in by_method.items()}
            for name, found in hits.items():
                all_hits.setdefault(f"{depth}:{name}", []).append(found)
                all_hits.setdefault(f"{depth}:{name}:only", []).append(found[no_mention_left])
            rows.append({"brand": brand, "depth": depth, "targets": int(targets.sum()),
                         **{f"hit_{name}": float(found.mean()) if len(found) else 0.0 for name, found in hits.items()},
                         "p_vs_niche": mcnemar(hits["brand_fit"], hits["niche"]),
                         "p_vs_mentions_any": mcnemar(hits["brand_fit"], hits["mentions_any"])})
    for label, suffix in (("ALL (pooled)", ""), ("ALL, no mention left", ":only")):
        for depth in DEPTHS:
            pooled = {name: np.concatenate(all_hits[f"{depth}:{name}{suffix}"])
                      for name in ("niche", "mentions_any", "brand_fit")}
            rows.append({"brand": label, "depth": depth, "targets": len(pooled["niche"]),
                         **{f"hit_{name}": float(found.mean()) if len(found) else 0.0
                            for name, found in pooled.items()},
                         "p_vs_niche": mcnemar(pooled["brand_fit"], pooled["niche"]),
                         "p_vs_mentions_any": mcnemar(pooled["brand_fit"], pooled["mentions_any"])})
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--similar-discount", type=float, nargs="*", default=[BrandFitSettings().similar_discount])
    args = parser.parse_args()
    store = IndexStore(args.store)
    loaded = store.load()
    matcher = matcher_for(loaded, encoder_from_identity(loaded.info.encoder))
    for discount in args.similar_discount:
        table = run(matcher, BrandFitSettings(similar_discount=discount))
        print(f"similar_discount {discount}, pool {matcher.settings.brand_pool}:")
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3g}"))


if __name__ == "__main__":
    main()
