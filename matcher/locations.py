"""The country a creator lives in, inferred from their own words where the catalog does not say.

Evidence per text (bio or caption, as written, emoji and hashtags kept), each place resolved by the
gazetteer the brief reader uses (GeoNames cities of 100,000 people or more, ISO and countryinfo country
names in several languages, first-level subdivisions; names that mean several countries are skipped):

- home cues, weight `HOME`: "based in X", "living in X", "born and raised in X", "X-based", a hashtag
  naming the creator by place ("#winnipegblogger", "#londonlocal"), and any place in a bio;
- mentions, weight `MENTION`: a demonym naming the creator ("#canadianmom": where someone is from is not
  always where they live), a place name in a caption ("in Toronto today"), a location pin
  ("📍 London"), a flag emoji, a hashtag that is a place ("#toronto") or a place with a lifestyle word
  ("#parisfood");
- a caption about travel ("trip", "vacation", "holiday", "#travel", ...) counts its mentions only
  `TRAVEL_DISCOUNT` as much: a trip is not a home.

A text gives each country at most its strongest cue. A creator's weight for a country is the sum over
its texts; the confidence is that country's share of all place weight times weight / (weight + 1), so
one mention (0.5) never passes the default threshold of 0.6 while a home cue alone (0.75), or the same
country in two captions (0.67), does. Nothing is inferred without evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from matcher.briefs.gazetteer import gazetteer
from matcher.briefs.places import Place, fold

HOME = 3.0
MENTION = 1.0
TRAVEL_DISCOUNT = 0.25
MIN_CITY_POPULATION = 100_000
SLOTS = 4  # countries kept per text in the cache
PLACES_VERSION = "v3"  # of the rules and tables below: a change must empty the cached evidence
IDENTITY_WORDS = ("blogger", "bloggers", "blog", "influencer", "influencers", "mom", "moms", "mum", "mums", "mama",
                  "mamas", "dad", "local", "locals", "based", "native", "creator", "mua", "makeupartist",
                  "photographer", "stylist", "artist")
# with a place only, never a demonym: "#polishgirl" says where someone is from, not where they live;
# "#thailandgram", "#india_gram", "#romeigers" are photo communities that visitors tag as much as locals
LIFESTYLE_WORDS = ("life", "living", "eats", "foodie", "food", "style", "fashion", "fit", "fitness", "love", "girl",
                   "boy", "family", "gram", "instagrammer", "igers")
_HOME_CUE = re.compile(
    r"(?:\bbased (?:in|out of)|\bliving in|\bi live in|\bwe live in|\blive in|\bborn and raised in|\bhome in|"
    r"\bhometown(?: of)?|\bback home in|\bfrom here in|\bproudly from)\s+(?P<place>[^\n.!?;:#@()]{2,40})",
    re.IGNORECASE)
_BASED = re.compile(r"(?P<place>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,2})[- ]based\b")
_PIN = re.compile(r"📍\s*(?P<place>[^\n.!?;:#@()|]{2,40})")
_FLAG = re.compile("([\U0001F1E6-\U0001F1FF]{2})")
_HASHTAG = re.compile(r"#(\w+)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|[^\w\s#@'’,-]\s*)$")
_TRAVEL = re.compile(r"\b(?:trip|trips|vacation|vacay|holiday|holidays|travel\w*|traveling|visiting|visit|"
                     r"getaway|honeymoon|tour|touring|wanderlust|abroad|explore\w*|roadtrip|backpacking|"
                     r"flight|layover|stopover|weekend in|days in)\b|#\w*(?:travel|trip|vacation|holiday|wanderlust)",
                     re.IGNORECASE)


@dataclass(frozen=True)
class PlaceNames:
    """The gazetteer as place evidence reads it: each folded name that means one country, the same names
    without spaces (for hashtags), single-country demonyms, and the first words of names.

    Built from the brief reader's gazetteer in about a second; `to_dict`/`from_dict` let a build keep it
    next to its caches and load it in milliseconds.
    """

    country_of: dict[str, str]
    compact: dict[str, str]
    demonyms: dict[str, str]
    first_words: frozenset[str]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"country_of": self.country_of, "compact": self.compact, "demonyms": self.demonyms,
                "first_words": sorted(self.first_words)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlaceNames:
        """The names `to_dict` wrote."""
        return cls(dict(data["country_of"]), dict(data["compact"]), dict(data["demonyms"]),
                   frozenset(data["first_words"]))

    def country(self, name: str) -> str | None:
        """The one country a place name means, if any."""
        return self.country_of.get(fold(name))


def _country_of(place: Place | None) -> str | None:
    """The one country a place means, or None (ambiguous, a code, a region, a small city)."""
    if place is None or place.ambiguous or len(place.countries) != 1 or place.kind in ("code", "region"):
        return None
    if place.kind == "city" and place.population < MIN_CITY_POPULATION:
        return None
    return place.countries[0]


@cache
def place_names() -> PlaceNames:
    """The place names of the brief reader's gazetteer that evidence can use (see `PlaceNames`)."""
    places = gazetteer()
    country_of = {key: country for key, place in places.places.items()
                  if (country := _country_of(place)) is not None}
    compact: dict[str, str] = {}
    for key, country in country_of.items():
        squeezed = key.replace(" ", "").replace("-", "").replace(".", "").replace("'", "")
        if len(squeezed) >= 4:
            compact.setdefault(squeezed, country)
    demonyms = {key.replace(" ", ""): codes[0] for key, codes in places.demonyms.items()
                if len(codes) == 1 and len(key) >= 4}
    return PlaceNames(country_of, compact, demonyms, frozenset(key.split()[0] for key in country_of))


def _flag_country(pair: str) -> str | None:
    code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in pair)
    import pycountry

    return code if pycountry.countries.get(alpha_2=code) is not None else None


def _place_at_start(words: list[str], names: PlaceNames) -> str | None:
    """The country of the longest place name the words start with (up to three words)."""
    for n in (3, 2, 1):
        if len(words) >= n:
            name = " ".join(words[:n]).strip(".,'’")
            if len(name) <= 3 and not name.isupper():
                continue  # 'La', 'Us': words; 'LA', 'NYC' are places
            country = names.country(name)
            if country is not None:
                return country
    return None


def _hashtag_country(tag: str, names: PlaceNames) -> tuple[str, float] | None:
    """A hashtag's country and weight: a place, a place or demonym + identity word, a place + lifestyle word."""
    folded = fold(tag).replace("_", "")
    if folded in names.compact:
        return names.compact[folded], MENTION
    for suffixes, weight in ((IDENTITY_WORDS, HOME), (LIFESTYLE_WORDS, MENTION)):
        for suffix in suffixes:
            if folded.endswith(suffix) and len(folded) > len(suffix) + 3:
                stem = folded[: -len(suffix)]
                if stem in names.compact:
                    return names.compact[stem], weight
                if weight == HOME and stem in names.demonyms:
                    # "#frenchblogger" says where someone is from, which is often not where they live (an
                    # expat, an emigrant's child): a mention, which needs another cue to pass the threshold
                    return names.demonyms[stem], MENTION
    return None


def place_evidence(text: str, source: str = "caption", names: PlaceNames | None = None) -> dict[str, float]:
    """Each country a text points to and how strongly (see the module docstring); empty when none."""
    if not isinstance(text, str) or not text.strip():
        return {}
    names = names or place_names()
    found: dict[str, float] = {}
    travel = source != "bio" and _TRAVEL.search(text) is not None
    mention = HOME if source == "bio" else MENTION * (TRAVEL_DISCOUNT if travel else 1.0)

    def add(country: str | None, weight: float) -> None:
        if country is not None and weight > found.get(country, 0.0):
            found[country] = weight

    for match in _HOME_CUE.finditer(text):
        add(_place_at_start(_WORD.findall(match.group("place")), names), HOME)
    for match in _BASED.finditer(text):
        words = _WORD.findall(match.group("place"))
        for start in range(len(words)):  # "Toronto-based", "a London based": the place ends at "based"
            country = _place_at_start(words[start:], names)
            if country is not None:
                add(country, HOME)
                break
    for match in _PIN.finditer(text):
        add(_place_at_start(_WORD.findall(match.group("place")), names), mention)
    if not text.isascii():
        for match in _FLAG.finditer(text):
            add(_flag_country(match.group(1)), mention)
    for match in _HASHTAG.finditer(text):
        hit = _hashtag_country(match.group(1), names)
        if hit is not None:
            # a travel post's tags name the trip ("#latinablogger #familyvacation" in Los Angeles): there an
            # identity tag counts as a mention, like the places around it
            add(hit[0], hit[1] if hit[1] == HOME and not travel else mention)
    plain = _HASHTAG.sub(" ", text)
    for match in _WORD.finditer(plain):
        word = match.group(0)
        if not word[0].isupper() or fold(word) not in names.first_words:
            continue
        following = _WORD.findall(plain[match.start(): match.start() + 60])
        for n in (3, 2, 1):
            if len(following) < n or not all(w[0].isupper() for w in following[:n]):
                continue
            name = " ".join(following[:n]).strip(".,'’")
            if len(name) <= 3 and not name.isupper():
                continue
            if n == 1 and _SENTENCE_START.search(plain[: match.start()]):
                continue  # "Nice day!", "Orange is the new black": a capital that only starts a sentence
            country = names.country(name)
            if country is not None:
                add(country, mention)
                break
    return found


def as_rows(evidence: Sequence[dict[str, float]]) -> NDArray[np.float32]:
    """Evidence as a float array (up to `SLOTS` countries: two letters and a weight each), cacheable like
    vectors (whose cache refuses non-finite numbers as damage); unused slots are -1."""
    out = np.full((len(evidence), 3 * SLOTS), -1.0, dtype=np.float32)
    for i, found in enumerate(evidence):
        for slot, (country, weight) in enumerate(sorted(found.items(), key=lambda kv: -kv[1])[:SLOTS]):
            out[i, 3 * slot: 3 * slot + 3] = (ord(country[0]), ord(country[1]), weight)
    return out


def from_rows(rows: NDArray[np.float32]) -> list[dict[str, float]]:
    """The evidence `as_rows` stored."""
    out = []
    for row in rows:
        found = {}
        for slot in range(SLOTS):
            first, second, weight = row[3 * slot: 3 * slot + 3]
            if first >= 0:
                found[chr(int(first)) + chr(int(second))] = float(weight)
        out.append(found)
    return out


@dataclass(frozen=True)
class HomeCountries:
    """Per creator: the inferred country (None without evidence), its confidence and each country's weight."""

    country: list[str | None]
    confidence: NDArray[np.float64]
    weights: list[dict[str, float]]


def home_countries(creator_rows: NDArray[np.int64], evidence: Sequence[dict[str, float]],
                   n_creators: int) -> HomeCountries:
    """Each creator's country from its texts' place evidence (see the module docstring).

    Parameters
    ----------
    creator_rows
        The creator (row position) of each text.
    evidence
        `place_evidence` of each text, aligned with `creator_rows`.
    """
    if len(creator_rows) != len(evidence):
        raise ValueError("home_countries: one creator row per text's evidence is needed")
    weights: list[dict[str, float]] = [{} for _ in range(n_creators)]
    for row, found in zip(np.asarray(creator_rows, dtype=np.int64).tolist(), evidence, strict=True):
        for country, weight in found.items():
            weights[row][country] = weights[row].get(country, 0.0) + weight
    countries: list[str | None] = [None] * n_creators
    confidence = np.zeros(n_creators)
    for row, by_country in enumerate(weights):
        if not by_country:
            continue
        country, weight = max(by_country.items(), key=lambda kv: (kv[1], kv[0]))
        countries[row] = country
        confidence[row] = weight / sum(by_country.values()) * weight / (weight + 1.0)
        weights[row] = {key: round(value, 3) for key, value in by_country.items()}
    return HomeCountries(countries, confidence, weights)


def home_countries_from_rows(creator_rows: NDArray[np.int64], rows: NDArray[np.float32],
                             n_creators: int) -> HomeCountries:
    """`home_countries` from the evidence `as_rows` stored, without building a dict per text (vectorized)."""
    creator = np.repeat(np.asarray(creator_rows, dtype=np.int64), SLOTS)
    slots = rows.reshape(-1, 3)
    valid = slots[:, 0] >= 0
    frame = pd.DataFrame({"row": creator[valid], "code": (slots[valid, 0] * 256 + slots[valid, 1]).astype(np.int64),
                          "weight": slots[valid, 2].astype(np.float64)})
    countries: list[str | None] = [None] * n_creators
    confidence = np.zeros(n_creators)
    weights: list[dict[str, float]] = [{} for _ in range(n_creators)]
    if frame.empty:
        return HomeCountries(countries, confidence, weights)
    summed = frame.groupby(["row", "code"], sort=True)["weight"].sum().reset_index()
    totals = summed.groupby("row")["weight"].transform("sum").to_numpy()
    codes = summed["code"].to_numpy()
    names = [chr(code // 256) + chr(code % 256) for code in codes.tolist()]
    # the heaviest country, ties to the alphabetically last code (as `home_countries`)
    summed["name"] = names
    summed["total"] = totals
    best = summed.sort_values(["row", "weight", "name"], ascending=[True, False, False]).drop_duplicates("row")
    for row, name, weight, total in zip(best["row"].tolist(), best["name"].tolist(), best["weight"].tolist(),
                                        best["total"].tolist(), strict=True):
        countries[row] = name
        confidence[row] = weight / total * weight / (weight + 1.0)
    for row, name, weight in zip(summed["row"].tolist(), names, summed["weight"].tolist(), strict=True):
        weights[row][name] = round(weight, 3)
    return HomeCountries(countries, confidence, weights)


def infer_countries(creators: pd.DataFrame, units: pd.DataFrame) -> HomeCountries:
    """Home countries of a creator table from its text units (`creator_units`: creator_row, source, shown)."""
    evidence = [place_evidence(text, source) for text, source in
                zip(units["shown"].tolist(), units["source"].tolist(), strict=True)]
    return home_countries(units["creator_row"].to_numpy(dtype=np.int64), evidence, len(creators))

