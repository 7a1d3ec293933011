"""Money in briefs: an amount no word calls money to spend is offered, not applied; product prices are no fees."""

from __future__ import annotations

import pytest

from matcher import Filters, parse_brief
from matcher.briefs import BriefReader, default_reader
from matcher.briefs.brand_tagger import shipped_brand_tagger
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.tokens import Tokens


@pytest.mark.parametrize(("text", "offered"), [
    ("Sterling silver birthstone ring, sizes 5-10, adjustable, $42. Need Instagram people to show it off.", 42.0),
    ("A home bakery in Lagos selling 8-inch red velvet cakes at ₦35,000 wants Nigerian food creators", 35_000.0),
    ("Florist here 🌹 need creators for our dozen-roses bouquet, ₦45k per bouquet", 45_000.0),
    ("Hi, our gym at Thủ Đức have package 12 month only 6.990.000đ. We want KOL who post in Vietnamese.",
     6_990_000.0),
])
def test_an_amount_no_word_calls_a_budget_is_offered_not_applied(text: str, offered: float) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.campaign_budget is None and parsed.filters.max_price_per_post is None
    (suggestion,) = [r for r in parsed.suggestions if r.field == "campaign_budget"]
    assert suggestion.value == offered and "what this amount pays for" in suggestion.note


@pytest.mark.parametrize(("text", "expected"), [
    # words for money to spend that are not "budget" (corpus files that read these right before must still)
    ("Money per one creator maximum 20 000 zł, total 90 000 zł.",
     Filters(max_price_per_post=20_000.0, campaign_budget=90_000.0)),
    ("Streamers on Twitch for our headset launch, we've got R50k to play with.",
     Filters(platforms=("twitch",), campaign_budget=50_000.0)),
    ("We have only 2000 EUR for all.", Filters(campaign_budget=2_000.0)),
    ("Money: £3k/creator cap, £36k pot", Filters(max_price_per_post=3_000.0, campaign_budget=36_000.0)),
    ("Aggregate fees must not exceed CHF 60,000.", Filters(campaign_budget=60_000.0)),
    ("Budget (creators only): CAD 4,200", Filters(campaign_budget=4_200.0)),
    ("| Fee cap | MXN 4,000/creator |\n| Budget | MXN 150k |", Filters(max_price_per_post=4_000.0,
                                                                   campaign_budget=150_000.0)),  # a table's cells
    # the dong's forms, glued to the number and before a full stop
    ("Budget each video maximum 2.000.000₫. Thank you so much!", Filters(max_price_per_post=2_000_000.0)),
    # fee words that price what is sold, with no post or creator tied to the amount
    ("we make ceramic coating, price 12.500 TL for SUV. Pay 8.000 TL max per video.",
     Filters(max_price_per_post=8_000.0)),
    ("the new Adler E-Kombi (range 610 km, price from 52.900 €)", Filters()),
    # a small bare number after a fee word is a count; a year after a quarter is no money
    ("I'd like to try paid: maybe 4 or 5 houseplant creators in the UK, up to £120 each.",
     Filters(countries=("GB",), max_price_per_post=120.0, k=5)),
    ("Our 'Spend Smarter' push runs in Q1 2026.", Filters()),
])
def test_money_words(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_brand_fallback_is_asked_only_when_the_rules_read_no_brand() -> None:
    asked: list[str] = []

    def first_word(tokens: Tokens, places: Gazetteer) -> Reading | None:
        asked.append(tokens.text)
        tokens.claim(0, 1, "brand")
        return Reading("brand", tokens.words[0], tokens.words[0], tokens.starts[0], tokens.ends[0])

    reader = BriefReader(default_reader().places, brand_fallback=first_word)
    assert reader.read("drovik wants 6 travel creators").filters.brand == "drovik"
    assert reader.read("Zara is looking for 5 creators").filters.brand == "Zara"
    assert asked == ["drovik wants 6 travel creators"]  # the rules read Zara: the fallback was not asked
    # the engine's fallback is the shipped learned tagger
    assert default_reader().brand_fallback == shipped_brand_tagger().read
