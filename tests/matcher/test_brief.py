from __future__ import annotations

import pytest

from matcher import BriefError, Filters, parse_brief
from matcher.brief import with_filters


def test_the_design_example() -> None:
    parsed = parse_brief("vegan protein bar for Gen Z gym-goers in Germany, micro creators on TikTok, "
                         "not anyone who works with Red Bull")
    assert parsed.filters == Filters(platforms=("tiktok",), tiers=("micro",), countries=("DE",),
                                     competitors=("Red Bull",))
    # constraints are cut out of the niche text, so 'Red Bull' does not pull in energy-drink creators
    assert "Red Bull" not in parsed.query_text and "TikTok" not in parsed.query_text
    assert "vegan protein bar" in parsed.query_text and "gym-goers" in parsed.query_text


@pytest.mark.parametrize(("text", "expected"), [
    ("beauty creators under 50k followers", Filters(max_followers=50_000)),
    ("fitness over 10k", Filters(min_followers=10_000)),
    ("food bloggers with 10k-50k followers", Filters(min_followers=10_000, max_followers=50_000)),
    ("travel, 100k+ followers", Filters(min_followers=100_000)),
    ("5 French-speaking makeup artists", Filters(languages=("fr",), k=5)),
    ("twelve creators from Italy, Spain and France", Filters(countries=("IT", "ES", "FR"), k=12)),
    ("gaming on YouTube or Twitch, budget $5,000", Filters(platforms=("youtube", "twitch"), budget=5000.0)),
    ("skincare, €3k budget, competitors: Sephora, Douglas", Filters(budget=3000.0,
                                                                    competitors=("Sephora", "Douglas"))),
    ("German fitness creators, brand: Gymshark", Filters(countries=("DE",), brand="Gymshark")),
    ("nano influencers in the US and Canada", Filters(tiers=("nano",), countries=("US", "CA"))),
])
def test_constraints_in_plain_words(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize("text", [
    "A mascara brand wants creators who film their everyday makeup routine.",
    "Luggage brand looking for creators who share their trips and destinations abroad.",
    "Children's clothing label looking for mums sharing family moments with their kids.",
    "Bakery chain wants creators who post desserts, cakes and homemade recipes.",
    "Microwave meals for students",
])
def test_niche_words_are_not_mistaken_for_filters(text: str) -> None:
    assert parse_brief(text).filters == Filters()


def test_explicit_filters_win_field_by_field() -> None:
    parsed = parse_brief("micro creators in Germany on TikTok")
    merged = with_filters(parsed, Filters(countries=("AT",), min_trust=0.8))
    assert merged.filters == Filters(platforms=("tiktok",), tiers=("micro",), countries=("AT",), min_trust=0.8)


def test_bad_briefs_and_filters_name_the_field() -> None:
    with pytest.raises(BriefError, match="brief: text is empty"):
        parse_brief("   ")
    with pytest.raises(BriefError, match="over the 5,000 limit"):
        parse_brief("x" * 5001)
    with pytest.raises(BriefError, match="platform: unknown"):
        Filters(platforms=("myspace",))
    with pytest.raises(BriefError, match="min_trust: must be within 0..1"):
        Filters(min_trust=2.0)
    with pytest.raises(BriefError, match="min_followers .* is above max_followers"):
        Filters(min_followers=10, max_followers=5)
