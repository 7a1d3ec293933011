"""Other names of big cities from GeoNames: kept when a brief could mean the city, left out when a word."""

from __future__ import annotations

import pytest

from matcher.briefs import parse_brief
from matcher.briefs.city_names import MIN_POPULATION, alternate_city_names, model_vocabulary
from matcher.briefs.gazetteer import gazetteer
from matcher.briefs.places import fold

_PRAGUE = {"countrycode": "CZ", "population": 1_165_581,
           "alternatenames": ["Praha", "PRG", "prag", "Pràg", "Прага", "Paris of the north", "Rome", "Rome City",
                             "Bin"]}
_SEOUL = {"countrycode": "KR", "population": 10_349_312, "alternatenames": ["Sŏul", "Hanyang"]}
_TOWN = {"countrycode": "FR", "population": MIN_POPULATION - 1, "alternatenames": ["Bourgville"]}


def test_which_alternate_names_are_kept_by_hand() -> None:
    names = alternate_city_names([_PRAGUE, _SEOUL, _TOWN], known={"rome"}, common_words=frozenset({"soul", "bin"}),
                                 fold=fold)
    # Praha and Pràg (Latin letters, capitalized, 4+ letters), Hanyang; not the acronym, the lower-case or Cyrillic
    # forms, a name with a lower-case word, a name already known or starting with one ('Rome', 'Rome City'), a word
    # ('Bin', 'Sŏul' folds to 'soul'),
    # nor any name of a town under the size
    assert names == {"praha": [("CZ", 1_165_581.0)], "prag": [("CZ", 1_165_581.0)],
                     "hanyang": [("KR", 10_349_312.0)]}


def test_no_vocabulary_keeps_no_alternate_name() -> None:
    assert alternate_city_names([_PRAGUE], known=set(), common_words=frozenset(), fold=fold) == {}


def test_the_vocabulary_is_the_model_packages() -> None:
    vocabulary = model_vocabulary()
    assert {"soul", "sale", "monster", "the"} <= vocabulary and "praha" not in vocabulary


@pytest.mark.parametrize(("name", "country"), [("Praha", "CZ"), ("Warszawa", "PL"), ("Lisboa", "PT"),
                                               ("Đà Nẵng", "VN"), ("Firenze", "IT"), ("Den Haag", "NL")])
def test_local_names_of_big_cities_mean_their_country(name: str, country: str) -> None:
    place = gazetteer().place(name)
    assert place is not None and place.countries == (country,) and place.kind == "city"


@pytest.mark.parametrize("word", ["Soul", "Monster", "Vine", "Rest"])
def test_alternate_names_that_are_words_mean_no_place(word: str) -> None:
    assert gazetteer().place(word) is None


def test_a_brief_naming_the_city_as_its_people_do() -> None:
    assert parse_brief("TikTok, Gen Z, Praha, beauty, 2,5k+ followers").filters.countries == ("CZ",)
    assert parse_brief("Need 3 KOC Đà Nẵng on TikTok, under 20k follow").filters.countries == ("VN",)
    assert parse_brief("soul food creators for our Monster energy tie-in").filters.countries == ()
