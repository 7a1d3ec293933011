"""Brand fit by hand: recency, paid and organic evidence, fans of similar brands."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from matcher.brand_fit import (
    BrandFitSettings,
    CreatorBrands,
    brand_fit,
    direct_fit,
    recency_weights,
    similar_fit,
)
from matcher.brand_graph import BrandGraph
from matcher.loyalty import BrandEvents


def test_direct_fit_by_hand() -> None:
    # one organic post today: 1 - e^-1; one paid post: 1 - e^-2; nothing: 0
    np.testing.assert_allclose(direct_fit(np.array([0.0, 1.0, 0.0]), np.array([1.0, 0.0, 0.0])),
                               [1 - math.exp(-1), 1 - math.exp(-2), 0.0])


def test_recency_halves_each_half_life() -> None:
    as_of = pd.Timestamp("2024-01-01", tz="UTC")
    posted = pd.Series(["2024-01-01", "2023-01-01", None])
    weights = recency_weights(posted, as_of, 365.0)
    assert weights[0] == 1.0
    assert weights[1] == pytest.approx(0.5)  # 365 days before
    assert weights[2] == 0.5  # no date: one half-life


def test_similar_fit_rescales_above_the_floor() -> None:
    np.testing.assert_allclose(similar_fit(np.array([0.4, 0.5, 0.75, 1.0]), 0.5, 0.25), [0.0, 0.0, 0.125, 0.25])


def test_brand_fit_of_a_tiny_catalog_by_hand() -> None:
    table = pd.DataFrame({
        "creator_id": ["paid", "fan", "fan", "cousin", "none"],
        "post_id": ["1", "2", "3", "4", "5"],
        "brand": ["zara", "zara", "zara", "mango", "nike"],
        "posted_at": pd.to_datetime(["2024-01-01", "2024-01-01", "2023-01-01", "2024-01-01", "2024-01-01"], utc=True),
        "sponsored": [True, False, False, False, False],
        "source": ["mention", "mention", "hashtag", "mention", "mention"],
    })
    # a hand-made graph: mango's vector at cosine 0.8 with zara's, nike's orthogonal
    graph = BrandGraph(np.array(["mango", "nike", "zara"]), np.array([1, 1, 2]),
                       np.array([[0.8, 0.6], [0.0, 1.0], [1.0, 0.0]], dtype=np.float32))
    fit = brand_fit(["paid", "fan", "cousin", "none", "stranger"], "Zara", BrandEvents.of(table), graph,
                    CreatorBrands.of(table, graph), BrandFitSettings(similar_discount=0.25, min_similarity=0.5))
    # paid: one sponsored post on the latest day (2 x 1); fan: today (1) and a year ago (0.5)
    assert fit.direct[0] == pytest.approx(1 - math.exp(-2))
    assert fit.direct[1] == pytest.approx(1 - math.exp(-1.5))
    # cousin mentions mango only: (0.8 - 0.5) / (1 - 0.5) x 0.25
    assert fit.direct[2] == 0.0 and fit.similar[2] == pytest.approx(0.15, rel=1e-5)
    assert fit.similar_brands[2] == ("mango",)
    np.testing.assert_allclose(fit.score, [1 - math.exp(-2), 1 - math.exp(-1.5), 0.15, 0.0, 0.0], rtol=1e-5)
    assert fit.paid_posts.tolist() == [1, 0, 0, 0, 0] and fit.organic_posts.tolist() == [0, 2, 0, 0, 0]
    assert fit.latest_organic[1] == pd.Timestamp("2024-01-01", tz="UTC") and fit.latest_paid[1] is None
    assert fit.latest_paid[0] == pd.Timestamp("2024-01-01", tz="UTC") and fit.latest(0) == fit.latest_paid[0]
    # not having tagged the brand is what the catalog says of everyone: a stranger scores 0, sure, like 'none'
    assert fit.confidence.tolist() == [1.0] * 5


def test_the_brands_own_accounts_are_direct_evidence_not_a_similar_brand() -> None:
    table = pd.DataFrame({
        "creator_id": ["own", "own", "other", "other", "short"],
        "post_id": ["1", "2", "3", "4", "5"],
        "brand": ["zaraeurope", "mango", "mango", "nike", "hmx"],
        "posted_at": pd.to_datetime(["2024-01-01"] * 5, utc=True),
        "sponsored": False,
        "source": "mention",
    })
    # zaraeurope's vector is zara's own (cosine 1); mango at 0.8; nike at 0.6; hm and hmx orthogonal to zara
    graph = BrandGraph(np.array(["hm", "hmx", "mango", "nike", "zara", "zaraeurope"]), np.ones(6, dtype=np.int64),
                       np.array([[0, 1], [0, 1], [0.8, 0.6], [0.6, 0.8], [1, 0], [1, 0]], dtype=np.float32))
    tagged = CreatorBrands.of(table, graph)
    fit = brand_fit(["own", "other", "short"], "Zara", BrandEvents.of(table), graph, tagged,
                    BrandFitSettings(similar_discount=0.25, min_similarity=0.5))
    # own: its tag of zaraeurope is Zara's own account, direct (one post today: 1 - e^-1); its best other brand
    # is mango (0.8), never zaraeurope (1.0); other: the better of mango 0.8 and nike 0.6
    assert fit.direct[0] == pytest.approx(1 - math.exp(-1)) and fit.organic_posts[0] == 1
    assert fit.similar[0] == pytest.approx(0.25 * (0.8 - 0.5) / 0.5, rel=1e-5)
    assert fit.similar_brands[0] == ("mango",)
    assert fit.similar[1] == pytest.approx(0.15, rel=1e-5) and fit.similar_brands[1] == ("mango", "nike")
    # a name of under 4 characters matches only itself: 'hmx' is not H&M's
    hm = brand_fit(["short"], "H&M", BrandEvents.of(table), graph, tagged)
    assert hm.organic_posts.tolist() == [0] and hm.direct.tolist() == [0.0]
