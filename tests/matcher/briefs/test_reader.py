"""The brief reader on hand-written briefs: the issue's examples, traps, suggestions and phrases."""

from __future__ import annotations

import pytest

from matcher import BriefError, Filters, parse_brief
from matcher.briefs import with_filters


def test_the_design_example() -> None:
    parsed = parse_brief("vegan protein bar for Gen Z gym-goers in Germany, micro creators on TikTok, "
                         "not anyone who works with Red Bull")
    assert parsed.filters == Filters(platforms=("tiktok",), tiers=("micro",), countries=("DE",),
                                     competitors=("Red Bull",))
    # constraints are cut out of the niche text, so 'Red Bull' does not pull in energy-drink creators
    assert "Red Bull" not in parsed.query_text and "TikTok" not in parsed.query_text
    assert "vegan protein bar" in parsed.query_text and "gym-goers" in parsed.query_text


# the examples of issue 14's "Why", each with the reading a careful person gives it
@pytest.mark.parametrize(("text", "expected"), [
    ("Nail polish company wants people who share manicures, 5 creators", Filters(k=5)),
    ("Fitness creators with no more than 30k followers", Filters(max_followers=30_000)),
    ("Travel creators, nobody with more than 1 million followers", Filters(max_followers=1_000_000)),
    ("Energy drink for gamers, not anyone who has worked with Red Bull or Monster",
     Filters(competitors=("Red Bull", "Monster"))),
    ("Sportswear for runners, not anyone sponsored by Under Armour", Filters(competitors=("Under Armour",))),
    ("Parkas for hikers, not anyone who works with Canada Goose.", Filters(competitors=("Canada Goose",))),
    ("Oatly wants baristas who make latte art", Filters(brand="Oatly")),
    ("Sony is launching a camera for travel vloggers", Filters(brand="Sony")),
    ("Zara is looking for fashion creators", Filters(brand="Zara")),
    ("Looking for creators for Zara's spring collection", Filters(brand="Zara")),
    ("A craft beer for German audiences", Filters(countries=("DE",))),
    ("food bloggers in London", Filters(countries=("GB",))),
    ("barbecue creators in Texas", Filters(countries=("US",))),
    ("beauty creators in Sao Paulo, Brazil", Filters(countries=("BR",))),
    ("wine creators based in Tbilisi, Georgia", Filters(countries=("GE",))),
    ("top 3 music producers", Filters(k=3)),
])
def test_the_examples_that_were_misread(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_nail_polish_brief_is_not_poland() -> None:
    parsed = parse_brief("Nail polish company wants people who share manicures")
    assert parsed.filters.countries == () and parsed.suggestions == ()


def test_running_stays_in_the_niche_text() -> None:
    parsed = parse_brief("Running shoe brand wants runners who post their marathon training")
    assert "Running" in parsed.query_text and "marathon training" in parsed.query_text


@pytest.mark.parametrize(("text", "expected"), [
    ("beauty creators under 50k followers", Filters(max_followers=50_000)),
    ("fitness over 10k", Filters(min_followers=10_000)),
    ("food bloggers with 10k-50k followers", Filters(min_followers=10_000, max_followers=50_000)),
    ("food bloggers, 10-50k followers", Filters(min_followers=10_000, max_followers=50_000)),
    ("yoga creators between 5k and 20k", Filters(min_followers=5_000, max_followers=20_000)),
    ("travel, 2.5k+ followers", Filters(min_followers=2_500)),
    ("pets, 50k followers or fewer", Filters(max_followers=50_000)),
    ("gaming, sub-100k", Filters(max_followers=100_000)),
    ("cars, up to 200k subscribers", Filters(max_followers=200_000)),
    ("golf, at least 10.000 followers", Filters(min_followers=10_000)),
    ("chess, nobody over 1M", Filters(max_followers=1_000_000)),
    ("5 French-speaking makeup artists", Filters(languages=("fr",), k=5)),
    ("twelve creators from Italy, Spain and France", Filters(countries=("IT", "ES", "FR"), k=12)),
    ("a dozen bakers who post in Spanish", Filters(languages=("es",), k=12)),
    ("German-language tech reviewers in Switzerland", Filters(languages=("de",), countries=("CH",))),
    ("gaming on YouTube or Twitch, budget $5,000", Filters(platforms=("youtube", "twitch"), campaign_budget=5000.0)),
    ("skincare, €3k budget, competitors: Sephora, Douglas", Filters(campaign_budget=3000.0,
                                                                    competitors=("Sephora", "Douglas"))),
    ("skincare, max $500 per post", Filters(max_price_per_post=500.0)),
    ("skincare, $200-400 per reel, total budget 15.000 EUR",
     Filters(max_price_per_post=400.0, campaign_budget=15_000.0)),
    ("German fitness creators, brand: Gymshark", Filters(countries=("DE",), brand="Gymshark")),
    ("nano influencers in the US and Canada", Filters(tiers=("nano",), countries=("US", "CA"))),
    ("home decor creators in the DACH region", Filters(countries=("DE", "AT", "CH"))),
    ("surf creators, anything but Facebook", Filters(platforms=("instagram", "tiktok", "youtube", "twitter",
                                                                "twitch", "blog", "other"))),
])
def test_constraints_in_plain_words(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


# everyday phrases that look like constraints and are not
@pytest.mark.parametrize("text", [
    "A mascara brand wants creators who film their everyday makeup routine.",
    "Luggage brand looking for creators who share their trips and destinations abroad.",
    "Children's clothing label looking for mums sharing family moments with their kids.",
    "Bakery chain wants creators who post desserts, cakes and homemade recipes.",
    "Microwave meals for students",
    "Gym creators who train 3 times a week",
    "Cocktail creators, audience over 21",
    "Skincare for women aged 18-24",
    "Accessories for the Tesla Model 3",
    "Film photographers who shoot 35mm",
    "Cases for the iPhone 15",
    "Creators whose posts get 10k likes",
    "Macro photography creators who shoot insects",
    "Fitness creators who count macros",
    "Mom of 2 who loves camping",
    "Hotels with 5-star reviews",
    "Gen Z gamers",
    "Creators who love the look of a Glossier-like routine",
])
def test_traps_give_no_constraint(text: str) -> None:
    assert parse_brief(text).filters == Filters()


@pytest.mark.parametrize(("text", "countries"), [
    ("Korean skincare routines", ("KR",)),
    ("Recipes with Italian food", ("IT",)),
    ("Creators hiking in Norway", ("NO",)),
    ("A wine brewed in Italy", ("IT",)),
    ("Creators based in Cambridge", ("GB", "CA", "US")),
])
def test_ambiguous_places_are_suggested_not_applied(text: str, countries: tuple[str, ...]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == ()
    (suggestion,) = parsed.suggestions
    assert suggestion.field == "countries" and set(countries) <= set(suggestion.value) and suggestion.note


def test_every_reading_shows_the_phrase_it_came_from() -> None:
    text = "Oatly wants 5 barista creators in Sweden on TikTok, under 50k followers, max €300 per post"
    parsed = parse_brief(text)
    shown = {reading.field: reading.phrase for reading in parsed.readings}
    assert shown == {"brand": "Oatly", "k": "5", "countries": "in Sweden", "platforms": "on TikTok",
                     "max_followers": "under 50k followers", "max_price_per_post": "max €300 per post"}
    for reading in parsed.readings:
        assert text[reading.start:reading.end] == reading.phrase


def test_explicit_filters_win_field_by_field() -> None:
    parsed = parse_brief("micro creators in Germany on TikTok")
    merged = with_filters(parsed, Filters(countries=("AT",), min_trust=0.8))
    assert merged.filters == Filters(platforms=("tiktok",), tiers=("micro",), countries=("AT",), min_trust=0.8)


def test_a_removed_reading_is_dropped() -> None:
    parsed = parse_brief("micro creators in Germany on TikTok")
    merged = with_filters(parsed, Filters(ignore_parsed=("countries",)))
    assert merged.filters.countries == () and merged.filters.platforms == ("tiktok",)


def test_bad_briefs_name_the_field() -> None:
    with pytest.raises(BriefError, match="brief: text is empty"):
        parse_brief("   ")
    with pytest.raises(BriefError, match="over the 5,000 limit"):
        parse_brief("x" * 5001)
