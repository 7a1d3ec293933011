"""The label-ceiling bench's two pure parts: cross-fitted probabilities and the re-ranking by them."""

from __future__ import annotations

import numpy as np

from bench.kim_label_ceiling import cross_fitted_probabilities, ranked_by


def test_ranked_by_orders_rows_by_their_probability_ties_kept() -> None:
    probability = np.array([0.1, 0.9, 0.5, 0.5, 0.0])
    # rows given 4, 3, 2, 1: by probability 1 (0.9), then 3 and 2 (0.5, in the given order), then 4 (0.0)
    assert ranked_by(np.array([4, 3, 2, 1]), probability).tolist() == [1, 3, 2, 4]


def test_cross_fitted_probabilities_come_from_models_that_did_not_see_the_row() -> None:
    # two clusters far apart, one label each: every held-out row is still placed in its own cluster
    rng = np.random.default_rng(0)
    features = np.vstack([rng.normal(-5, 0.1, (20, 2)), rng.normal(5, 0.1, (20, 2))])
    labels = np.array([0] * 20 + [1] * 20)
    probability = cross_fitted_probabilities(features, labels, folds=5)
    assert probability.shape == (40, 2)
    assert (probability.argmax(axis=1) == labels).all()
    assert np.allclose(probability.sum(axis=1), 1.0)
    # a row whose label contradicts its cluster is scored by models that never saw it, so it is not recalled
    flipped = labels.copy()
    flipped[0] = 1
    assert cross_fitted_probabilities(features, flipped, folds=5)[0].argmax() == 0
