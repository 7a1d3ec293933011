"""Inferred home countries: each cue on hand-written texts, and the per-creator rule by hand."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.locations import HOME, MENTION, TRAVEL_DISCOUNT, as_rows, from_rows, home_countries, place_evidence


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("Toronto-based baker, fresh bread every morning", "caption", {"CA": HOME}),
    ("Proudly living in Manchester with my two cats", "caption", {"GB": HOME}),
    ("New look today #winnipegblogger #makeup", "caption", {"CA": HOME}),
    # demonym + identity word: where someone is from, a mention (an expat tags it too)
    ("New look today #canadianblogger", "caption", {"CA": MENTION}),
    ("Outfit of the day #polishgirl", "caption", {}),  # where someone is from is not where they live
    # a photo-community tag is a mention: visitors use it as much as locals
    ("Temple at dawn #thailandgram #romeigers", "caption", {"TH": MENTION, "IT": MENTION}),
    # in a travel post an identity tag counts like the trip's other places
    ("Sunset on the pier #familyvacation #torontoblogger", "caption", {"CA": MENTION * TRAVEL_DISCOUNT}),
    ("📍 London", "caption", {"GB": MENTION}),
    ("Back in NYC 🇺🇸", "caption", {"US": MENTION}),
    ("Lunch in Paris with friends", "caption", {"FR": MENTION}),
    ("Lunch in Paris on our honeymoon", "caption", {"FR": MENTION * TRAVEL_DISCOUNT}),  # a trip is not a home
    ("Five days in Lisbon #familytravel", "caption", {"PT": MENTION * TRAVEL_DISCOUNT}),
    ("Nice day at the beach!", "caption", {}),  # a capital that only starts a sentence
    ("La vita è bella", "caption", {}),  # 'La' is a word; 'LA' would be Los Angeles
    ("Photographer. Melbourne, Australia", "bio", {"AU": HOME}),  # any place in a bio says home
    ("", "caption", {}),
])
def test_place_evidence_of_hand_written_texts(text: str, source: str, expected: dict[str, float]) -> None:
    assert place_evidence(text, source) == expected


def test_a_creators_country_and_confidence_by_hand() -> None:
    evidence = [{"CA": 3.0},                  # creator 0: one home cue
                {"GB": 1.0}, {"GB": 1.0},     # creator 1: the same city in two captions
                {"FR": 1.0},                  # creator 2: one mention only
                {"US": 1.0, "GB": 1.0},       # creator 3: two countries, one mention each
                {"ES": 0.25}, {"IT": 3.0}]    # creator 5 (4 has no text): a trip and a home
    rows = np.array([0, 1, 1, 2, 3, 5, 5])
    result = home_countries(rows, evidence, 6)
    assert result.country == ["CA", "GB", "FR", "US", None, "IT"]
    # confidence = weight share x weight / (weight + 1)
    assert result.confidence[0] == pytest.approx(3 / 4)
    assert result.confidence[1] == pytest.approx(2 / 3)
    assert result.confidence[2] == pytest.approx(1 / 2)
    assert result.confidence[3] == pytest.approx(1 / 2 * 1 / 2)
    assert result.confidence[4] == 0.0
    assert result.confidence[5] == pytest.approx(3 / 3.25 * 3 / 4)
    assert result.weights[5] == {"ES": 0.25, "IT": 3.0}


def test_evidence_survives_the_cache_encoding() -> None:
    evidence = [{"CA": 3.0, "US": 1.0}, {}, {"FR": 0.25}]
    rows = as_rows(evidence)
    assert np.isfinite(rows).all()  # the cache treats a non-finite row as damage
    assert from_rows(rows) == evidence


def test_the_vectorized_rule_equals_the_per_text_one() -> None:
    from matcher.locations import home_countries_from_rows

    evidence = [{"CA": 3.0}, {"GB": 1.0}, {"GB": 1.0}, {"FR": 1.0}, {"US": 1.0, "GB": 1.0}, {}, {"ES": 0.25},
                {"IT": 3.0, "ES": 1.0}]
    rows = np.array([0, 1, 1, 2, 3, 3, 5, 5])
    slow = home_countries(rows, evidence, 6)
    fast = home_countries_from_rows(rows, as_rows(evidence), 6)
    assert fast.country == slow.country and fast.weights == slow.weights
    assert fast.confidence == pytest.approx(slow.confidence)
