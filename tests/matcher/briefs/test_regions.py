"""Subdivisions' English names from GeoNames' admin1 table: kept when a brief could mean the place."""

from __future__ import annotations

import pytest

from matcher.briefs import parse_brief
from matcher.briefs.regions import COMMON_RANK, english_subdivisions, subdivision_rows

_ROWS = [("Bavaria", "DE"), ("Bavaria", "DE"), ("Crete", "GR"), ("Limburg", "NL"), ("Limburg", "BE"),
         ("Zealand", "DK"), ("West Coast", "NZ"), ("Salamat", "TD"), ("Uri", "CH"), ("Tuscany", "IT"),
         ("Washington, D.C.", "US")]


def test_which_names_are_kept_by_hand() -> None:
    kept = english_subdivisions(_ROWS, common_words={"zealand": 3414, "crete": COMMON_RANK + 1}, known={"tuscany"})
    # Bavaria and Crete (one country each, one the briefs name, not an everyday word); not Limburg (two countries),
    # Zealand (a frequent word), West Coast (a generic last word), Salamat (Chad's), Uri (under four letters),
    # Tuscany (a name the gazetteer has already), nor a name with a comma
    assert kept == {"Bavaria": "DE", "Crete": "GR"}


def test_the_installed_table_names_subdivisions_in_english() -> None:
    rows = subdivision_rows()
    assert len(rows) > 100_000  # one row per place of 1,000 people or more
    assert {("Bavaria", "DE"), ("Crete", "GR"), ("Tyrol", "AT"), ("Penang", "MY")} <= set(rows)


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    ("Looking for 5 hiking creators in Bavaria or Tyrol", ("DE", "AT"), []),
    ("Cretan olive oil brand: a trip to Crete for UK food creators", ("GB",), [("GR",)]),
    ("Meta ads experts, UK only", ("GB",), []),  # Colombia's Meta is not among the names briefs use
])
def test_the_reader_reads_them(text: str, countries: tuple[str, ...], suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    offered = [r.value for r in parsed.readings if r.field == "countries" and not r.applied]
    assert (parsed.filters.countries, offered) == (countries, suggested)
