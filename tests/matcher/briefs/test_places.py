"""The gazetteer: standard names to countries, and the rule that leaves ambiguous places as suggestions."""

from __future__ import annotations

import pytest

from matcher.briefs.gazetteer import gazetteer
from matcher.briefs.places import DOMINANCE, REGIONS, _resolve, fold


@pytest.mark.parametrize(("name", "countries"), [
    ("Germany", ("DE",)), ("Deutschland", ("DE",)), ("UK", ("GB",)), ("the US", ("US",)), ("Texas", ("US",)),
    ("London", ("GB",)), ("São Paulo", ("BR",)), ("Sao Paulo", ("BR",)), ("Tbilisi", ("GE",)),
    ("DACH", REGIONS["dach"]), ("Ontario", ("CA",)), ("Berlin", ("DE",)),
])
def test_names_to_countries(name: str, countries: tuple[str, ...]) -> None:
    place = gazetteer().place(name)
    assert place is not None and place.countries == countries and not place.ambiguous


@pytest.mark.parametrize(("name", "candidates"), [("Georgia", {"GE", "US"}), ("Cambridge", {"GB", "CA", "US"})])
def test_ambiguous_names_keep_every_candidate(name: str, candidates: set[str]) -> None:
    place = gazetteer().place(name)
    assert place is not None and place.ambiguous and candidates <= set(place.countries)


def test_georgia_is_also_the_name_of_a_country() -> None:
    place = gazetteer().place("Georgia")
    assert place is not None and place.as_country == "GE"


def test_the_dominance_rule_by_hand() -> None:
    # a city twice as big as its namesake elsewhere wins; 1.9 times does not
    clear = _resolve("x", {"ES": (2_000_000.0, "city"), "VE": (1_000_000.0, "city")}, {})
    close = _resolve("x", {"ES": (1_900_000.0, "city"), "VE": (1_000_000.0, "city")}, {})
    assert DOMINANCE == 2.0
    assert clear.countries == ("ES",) and not clear.ambiguous
    assert close.ambiguous and close.countries == ("ES", "VE")


def test_a_province_known_only_by_its_placeholder_yields_to_a_city_of_a_million() -> None:
    # by hand: the Spanish province's size is the 1e6 placeholder (no town of its name of 100,000), the Mexican city
    # has 1.4e6 people: 1.4 < DOMINANCE, so only the placeholder rule picks Mexico
    meanings = {"ES": (1_000_000.0, "subdivision"), "MX": (1_400_000.0, "city")}
    assert _resolve("x", meanings, {}).ambiguous
    picked = _resolve("x", meanings, {}, frozenset({"ES"}))
    assert picked.countries == ("MX",) and not picked.ambiguous
    # a placeholder province beside a smaller city elsewhere keeps its name
    assert _resolve("x", {"US": (1_000_000.0, "subdivision"), "GB": (67_000.0, "city")}, {},
                    frozenset({"US"})).countries == ("US",)


@pytest.mark.parametrize(("name", "countries"), [("Guadalajara", ("MX",)), ("Washington", ("US",)),
                                                 ("Phuket", ("TH",))])
def test_names_of_provinces_and_cities(name: str, countries: tuple[str, ...]) -> None:
    place = gazetteer().place(name)
    assert place is not None and place.countries == countries and not place.ambiguous


@pytest.mark.parametrize(("name", "countries"), [("German", ("DE",)), ("Brazilians", ("BR",)), ("Korean", ("KR",)),
                                                 ("British", ("GB",))])
def test_demonyms(name: str, countries: tuple[str, ...]) -> None:
    assert gazetteer().demonym(name) == countries


@pytest.mark.parametrize(("name", "code"), [("Spanish", "es"), ("Mandarin", "zh"), ("Portuguese", "pt"),
                                            ("Greek", "el")])
def test_languages(name: str, code: str) -> None:
    assert gazetteer().language(name) == code


def test_fold_drops_accents_and_case() -> None:
    assert fold("São Paulo") == "sao paulo" and fold("ZÜRICH") == "zurich"


def test_fold_by_hand_and_ascii_against_the_unicode_decomposition() -> None:
    import string
    import unicodedata

    assert fold("São Paulo") == "sao paulo" == fold("Sao Paulo")
    assert fold("Côte d’Ivoire") == "cote d'ivoire"
    # ASCII skips the decomposition: the same keys as NFKD and dropping combining marks would give
    for text in [string.printable, "New York", "DACH", "Washington, D.C.", ""]:
        decomposed = unicodedata.normalize("NFKD", text.lower())
        assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c))

