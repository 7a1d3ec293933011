"""Briefs pasted out of tools (a JSON object, a header line and its row) read as forms, their phrases in place."""

from __future__ import annotations

import pytest

from matcher import Filters, parse_brief
from matcher.briefs.pasted_forms import pasted_form


def _assert_phrases_in_place(text: str) -> None:
    for reading in parse_brief(text).readings:
        assert text[reading.start:reading.end] == reading.phrase, reading


def test_a_json_object_reads_as_its_keys_say() -> None:
    text = ('{"client": "Fjord Socks", "geo": ["NO", "SE"], "platform": "instagram", "followers_min": 5000, '
            '"creator_count": 3, "fee_per_post_eur": 250, "total_budget_eur": null, "notes": "trail runners"}')
    parsed = parse_brief(text)
    assert parsed.filters == Filters(brand="Fjord Socks", countries=("NO", "SE"), platforms=("instagram",),
                                     min_followers=5000, k=3, max_price_per_post=250)
    # the keys are labels, not niche: the niche is the notes
    assert "trail runners" in parsed.query_text
    assert "followers" not in parsed.query_text and "fee" not in parsed.query_text
    _assert_phrases_in_place(text)
    by_field = {reading.field: reading.phrase for reading in parsed.readings}
    assert by_field["k"] == "3" and by_field["max_price_per_post"] == "250" and by_field["brand"] == "Fjord Socks"


def test_nested_keys_join_into_one_label() -> None:
    text = '{\n  "brand": "Kelda Tea",\n  "followers": {"min": 20000, "max": 80000},\n  "creatorCount": 4\n}'
    assert parse_brief(text).filters == Filters(brand="Kelda Tea", min_followers=20_000, max_followers=80_000, k=4)
    _assert_phrases_in_place(text)


def test_a_tab_separated_header_and_row_pair_by_column() -> None:
    text = ("From the planning sheet:\n"
            "Client\tMarket\tPlatform\tMin F\tMax F\t#\tFee/Video (USD)\tTotal (USD)\n"
            "Copper Kettle\tIE\tYouTube\t10000\t60000\t5\t400\t2,000\n"
            "Cosy home baking, please.")
    parsed = parse_brief(text)
    assert parsed.filters == Filters(brand="Copper Kettle", countries=("IE",), platforms=("youtube",),
                                     min_followers=10_000, max_followers=60_000, k=5, max_price_per_post=400,
                                     campaign_budget=2000)
    assert "home baking" in parsed.query_text
    _assert_phrases_in_place(text)
    # the count's phrase is its own cell, not the header above it
    (count,) = [reading for reading in parsed.readings if reading.field == "k"]
    assert count.phrase == "5"


def test_a_markdown_header_and_row_with_a_separator_line() -> None:
    text = "| Markt | Plattform | Anzahl | Honorar/Post | Budget gesamt |\n|---|---|---|---|---|\n" \
           "| AT | TikTok | 3 | 250 € | 1.500 € |\nWandern und Berge."
    assert parse_brief(text).filters == Filters(countries=("AT",), platforms=("tiktok",), k=3,
                                                max_price_per_post=250, campaign_budget=1500)
    _assert_phrases_in_place(text)


def test_a_csv_row_keeps_its_quoted_comma_and_its_list_of_platforms() -> None:
    text = 'client,market,platform,creators,fee_cap,notes\nBrisa Surf,PT,instagram;tiktok,6,300,"surf, skate and sea"'
    parsed = parse_brief(text)
    assert parsed.filters == Filters(brand="Brisa Surf", countries=("PT",), platforms=("instagram", "tiktok"), k=6,
                                     max_price_per_post=300)
    assert "surf, skate" in parsed.query_text
    _assert_phrases_in_place(text)


def test_a_quoted_csv_row_with_bar_lists_and_a_k_column() -> None:
    text = '"brand","platforms","countries","k","max_rate"\n"Sol Verde","TikTok|YouTube","ES|PT","3","€250"'
    assert parse_brief(text).filters == Filters(brand="Sol Verde", platforms=("tiktok", "youtube"),
                                                countries=("ES", "PT"), k=3, max_price_per_post=250)
    _assert_phrases_in_place(text)


def test_a_yaml_form_names_its_count_in_its_own_words() -> None:
    text = "brand: Tiny Oats\nplatform: instagram\nnumber_of_moms: 9\nfollower_cap: 25k"
    assert parse_brief(text).filters == Filters(brand="Tiny Oats", platforms=("instagram",), k=9, max_followers=25_000)


def test_a_products_price_column_is_no_fee() -> None:
    text = "client,sku,price,platform,creator_count\nKettlewise,KW-2,€89,Instagram,3"
    assert parse_brief(text).filters == Filters(brand="Kettlewise", platforms=("instagram",), k=3)


def test_a_table_of_rows_sums_its_counts_and_keeps_its_highest_fee() -> None:
    text = "Market | Platform | Creators | Fee/post\nDE | TikTok | 4 | €300\nAT | TikTok | 2 | €450\nBike repair."
    parsed = parse_brief(text)
    assert parsed.filters == Filters(countries=("DE", "AT"), platforms=("tiktok",), k=6, max_price_per_post=450)
    _assert_phrases_in_place(text)
    # the sum is written nowhere: its phrase runs from the first count to the last
    (count,) = [reading for reading in parsed.readings if reading.field == "k"]
    assert count.phrase == "4 | €300\nAT | TikTok | 2"


def test_a_total_row_gives_the_sums_and_no_market() -> None:
    text = ("| Market | Creators | Budget |\n|---|---|---|\n| Sweden | 3 | 9,000 kr |\n| Norway | 2 | 7,000 kr |\n"
            "| **Total** | **6** | **17,000 kr** |")
    parsed = parse_brief(text)
    # the writer's own total wins over the rows' sum (5)
    assert parsed.filters == Filters(countries=("SE", "NO"), k=6, campaign_budget=17_000)


@pytest.mark.parametrize("text", [
    "vegan, keto, paleo\nInstagram, TikTok, YouTube",  # two keyword lines: no header names a constraint
    "Market, Platform, Creators\nGermany and Austria on TikTok, about 5",  # the next line is no row of the header
    "Market | Platform\nDE | TikTok",  # two columns: a line with a bar, not a table
    '{"a": 1}',  # one key: nothing pasted from a tool
    'We love {curly} brackets and "quotes": see',
])
def test_texts_that_are_no_pasted_form(text: str) -> None:
    assert pasted_form(text) is None


def test_a_form_maps_its_spans_back_to_the_brief() -> None:
    brief = "Geo\tPlatform\tCreators\nDE\tYouTube\t7"
    form = pasted_form(brief)
    assert form is not None
    assert "creators: 7" in form.text
    value = form.text.index("7")
    assert form.in_brief(value, value + 1) == (brief.index("7"), brief.index("7") + 1)
    # a span over the label and its value points at the value only
    label = form.text.index("country")  # "Geo" in the words the readers know
    assert form.in_brief(label, form.text.index("DE") + 2) == (brief.index("DE"), brief.index("DE") + 2)
