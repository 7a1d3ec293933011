"""Filters: validation, merging explicit over parsed, unknown-value policies, the two budgets."""

from __future__ import annotations

import pytest

from matcher import BriefError, FilterError, Filters
from matcher.briefs import filters_from_options, unknown_policies


@pytest.mark.parametrize(("options", "field", "text"), [
    ({"platforms": ("myspace",)}, "platform", "platform: unknown"),
    ({"min_trust": 2.0}, "min_trust", "min_trust: must be within 0..1"),
    ({"min_followers": 10, "max_followers": 5}, "min_followers", "min_followers: 10 is above max_followers"),
    ({"unknown": (("followers", "include"),)}, "unknown", "unknown: 'followers' is not a field"),
    ({"unknown": (("country", "maybe"),)}, "unknown", "unknown: country=maybe"),
    ({"ignore_parsed": ("colour",)}, "ignore_parsed", "ignore_parsed: unknown"),
    ({"niches": ("knitting",)}, "niches", "niches: unknown"),
])
def test_bad_filters_name_the_field(options: dict[str, object], field: str, text: str) -> None:
    with pytest.raises(FilterError, match=text) as raised:
        Filters(**options)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_price_per_post_and_campaign_budget_are_separate() -> None:
    filters = filters_from_options({"max_price_per_post": "300", "campaign_budget": 5000})
    assert (filters.max_price_per_post, filters.campaign_budget) == (300.0, 5000.0)
    assert filters.price_cap == 300.0  # the tighter of the two caps a single creator's price
    assert Filters(campaign_budget=200.0, max_price_per_post=300.0).price_cap == 200.0
    with pytest.raises(BriefError, match="budget: say which budget"):
        filters_from_options({"budget": 5000})


def test_unknown_policies_and_their_defaults() -> None:
    assert unknown_policies("country=include, price=exclude") == (("country", "include"), ("price", "exclude"))
    assert unknown_policies({"Language": "INCLUDE"}) == (("language", "include"),)
    filters = Filters(unknown=(("country", "include"),))
    assert filters.policy("country") == "include" and filters.policy("language") == "exclude"
    assert filters.policy("price") == "include"  # an unknown price passes unless asked otherwise
    with pytest.raises(BriefError, match="not FIELD=include"):
        unknown_policies("country")


def test_explicit_filters_win_and_ignored_readings_go() -> None:
    parsed = Filters(platforms=("tiktok",), countries=("DE",), k=5)
    explicit = Filters(countries=("AT",), ignore_parsed=("platforms",), unknown=(("country", "include"),))
    merged = explicit.merged_over(parsed)
    assert merged.platforms == () and merged.countries == ("AT",) and merged.k == 5
    assert merged.unknown == (("country", "include"),)
    assert merged.as_dict() == {"countries": ["AT"], "k": 5, "unknown": {"country": "include"},
                                "ignore_parsed": ["platforms"]}


def test_an_explicit_follower_bound_drops_the_parsed_one_it_contradicts() -> None:
    # the brief said "under 10k", the user asks for at least 50k: the user's own word wins
    assert Filters(min_followers=50_000).merged_over(Filters(max_followers=10_000)) == Filters(min_followers=50_000)
    assert Filters(max_followers=5_000).merged_over(Filters(min_followers=100_000)) == Filters(max_followers=5_000)
    # bounds that agree are both kept
    assert Filters(min_followers=5_000).merged_over(Filters(max_followers=10_000)) == Filters(
        min_followers=5_000, max_followers=10_000)
