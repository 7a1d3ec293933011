"""Briefs: plain-language text in, the niche text to embed and the constraints found in it out.

Constraints are read with explicit cue words only ("in Germany", "under 50k", "micro creators on
TikTok", "not anyone who works with Red Bull"), so a niche word is never mistaken for a filter.
Explicit filters sent with a request win over parsed ones, field by field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

import pycountry

from matcher.errors import BriefError
from matcher.schema import PLATFORMS, TIERS

MAX_BRIEF_CHARS = 5_000

_PLATFORM_WORDS = {
    "instagram": "instagram", "insta": "instagram", "ig": "instagram", "reels": "instagram",
    "tiktok": "tiktok", "tik tok": "tiktok", "tiktokers": "tiktok", "tiktoker": "tiktok",
    "youtube": "youtube", "youtuber": "youtube", "youtubers": "youtube", "yt": "youtube",
    "twitter": "twitter", "facebook": "facebook", "fb": "facebook", "twitch": "twitch", "streamers": "twitch",
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
    "a dozen": 12, "a couple of": 2, "a few": 3,
}
_CREATOR_NOUNS = (r"(?:creators?|influencers?|accounts?|people|bloggers?|vloggers?|youtubers?|tiktokers?|streamers?|"
                  r"profiles?|artists?|trainers?|chefs?|cooks?|photographers?|gamers?|moms?|mums?|dads?|parents?|"
                  r"podcasters?|models?)")
_QUANTITY = r"(\d+(?:[.,]\d+)?)\s*(k|m|mn|thousand|million)?\b"
_CURRENCY = {"$": "USD", "usd": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR", "euros": "EUR",
             "euro": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP"}
_LANGUAGE_NAMES = {
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it", "portuguese": "pt",
    "dutch": "nl", "polish": "pl", "swedish": "sv", "danish": "da", "norwegian": "no", "finnish": "fi",
    "turkish": "tr", "arabic": "ar", "japanese": "ja", "korean": "ko", "chinese": "zh", "mandarin": "zh",
    "hindi": "hi", "russian": "ru", "ukrainian": "uk", "greek": "el", "czech": "cs", "hungarian": "hu",
    "romanian": "ro", "indonesian": "id", "thai": "th", "vietnamese": "vi", "hebrew": "he",
}
_DEMONYMS = {
    "german": "DE", "austrian": "AT", "swiss": "CH", "french": "FR", "spanish": "ES", "italian": "IT",
    "british": "GB", "american": "US", "canadian": "CA", "australian": "AU", "dutch": "NL", "belgian": "BE",
    "polish": "PL", "swedish": "SE", "danish": "DK", "norwegian": "NO", "finnish": "FI", "irish": "IE",
    "portuguese": "PT", "brazilian": "BR", "mexican": "MX", "japanese": "JP", "korean": "KR",
    "indian": "IN", "turkish": "TR", "greek": "GR", "czech": "CZ", "austrians": "AT",
}
_COUNTRY_ALIASES = {"usa": "US", "us": "US", "the us": "US", "the usa": "US", "america": "US", "uk": "GB",
                    "the uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
                    "wales": "GB", "the netherlands": "NL", "holland": "NL", "south korea": "KR", "korea": "KR",
                    "russia": "RU", "czechia": "CZ", "uae": "AE", "the uae": "AE", "vietnam": "VN",
                    "dach": "DE,AT,CH", "the dach region": "DE,AT,CH", "scandinavia": "SE,NO,DK"}
# words about the advertiser and the request, not the niche: they add noise to the niche vector
_BOILERPLATE = re.compile(
    r"\b(?:a|an|the|and|or|of|to|for|in|on|at|by|with|from|about|into|as|is|are|be|we|we're|our|us|i|i'm|my|"
    r"brands?|compan(?:y|ies)|labels?|startups?|start-ups?|chains?|business(?:es)?|shops?|stores?|agenc(?:y|ies)|"
    r"advertisers?|clients?|campaigns?|wants?|wanted|needs?|needed|seeks?|seeking|looking|look|search(?:ing|es)?|"
    r"find|hire|hiring|creators?|influencers?|accounts?|people|persons?|bloggers?|content|who|whose|which|that|"
    r"their|they|them|his|her|its|please|some|posts?|posting|shares?|sharing|runs?|running|features?|featuring|"
    r"shows?|collaborat(?:e|es|ion)|partners?|partnership|promot(?:e|es|ing))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Filters:
    """Hard constraints on a match; None or empty means 'no constraint'."""

    platforms: tuple[str, ...] = ()
    min_followers: int | None = None
    max_followers: int | None = None
    tiers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    min_trust: float | None = None
    budget: float | None = None
    brand: str | None = None
    competitors: tuple[str, ...] = ()
    k: int | None = None

    def __post_init__(self) -> None:
        bad = [p for p in self.platforms if p not in PLATFORMS]
        if bad:
            raise BriefError(f"platform: unknown {bad} (expected one of {', '.join(PLATFORMS)})")
        bad = [t for t in self.tiers if t not in TIERS]
        if bad:
            raise BriefError(f"tier: unknown {bad} (expected one of {', '.join(TIERS)})")
        for name in ("min_followers", "max_followers", "budget", "k"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise BriefError(f"{name}: must be >= 0, got {value}")
        if self.k is not None and self.k < 1:
            raise BriefError(f"k: must be at least 1, got {self.k}")
        if self.min_trust is not None and not 0 <= self.min_trust <= 1:
            raise BriefError(f"min_trust: must be within 0..1, got {self.min_trust}")
        if (self.min_followers is not None and self.max_followers is not None
                and self.min_followers > self.max_followers):
            raise BriefError(f"min_followers ({self.min_followers}) is above max_followers ({self.max_followers})")

    def merged_over(self, parsed: Filters) -> Filters:
        """These (explicit) filters, falling back field by field to `parsed` where unset."""
        values: dict[str, Any] = {}
        for item in fields(self):
            mine = getattr(self, item.name)
            values[item.name] = mine if mine not in (None, ()) else getattr(parsed, item.name)
        return Filters(**values)

    def as_dict(self) -> dict[str, Any]:
        """Only the constraints that are set, as plain JSON-ready values."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items() if v not in (None, ())}


@dataclass(frozen=True)
class ParsedBrief:
    """A brief split into the niche text to embed and the constraints read from it."""

    text: str
    query_text: str
    filters: Filters
    matched: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def _amount(number: str, unit: str | None) -> float:
    value = float(number.replace(",", "")) if "," in number and "." not in number and len(
        number.split(",")[-1]) == 3 else float(number.replace(",", "."))
    scale = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6}.get((unit or "").lower(), 1.0)
    return value * scale


def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names[value.lower()] = country.alpha_2
    names.update({k: v for k, v in _COUNTRY_ALIASES.items()})
    return names


_COUNTRIES = _country_names()
_COUNTRY_PATTERN = "|".join(sorted((re.escape(n) for n in _COUNTRIES), key=len, reverse=True))
_PLACE_CUE = re.compile(
    rf"\b(?:in|from|across|based in|located in|living in|throughout|within)\s+"
    rf"((?:{_COUNTRY_PATTERN})(?:\s*(?:,|and|or|&|/)\s*(?:{_COUNTRY_PATTERN}))*)\b",
    re.IGNORECASE,
)
_LANGUAGE_PATTERN = "|".join(_LANGUAGE_NAMES)
_LANGUAGE_CUE = re.compile(
    rf"\b(?:({_LANGUAGE_PATTERN})[- ](?:speaking|language|speakers?)|(?:in|speaking|speak)\s+({_LANGUAGE_PATTERN})"
    rf"(?!\s*(?:-?based|creators|influencers)))\b",
    re.IGNORECASE,
)
_DEMONYM_CUE = re.compile(rf"\b({'|'.join(_DEMONYMS)})\s+(?:[\w-]+\s+){{0,2}}?{_CREATOR_NOUNS}\b",
                          re.IGNORECASE)
_PLATFORM_CUE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PLATFORM_WORDS), key=len, reverse=True))
                           + r")\b", re.IGNORECASE)
_TIER_CUE = re.compile(r"\b(nano|micro|macro|mega)(?:[- ]?(?:influencers?|creators?|bloggers?|accounts?|tier))?\b",
                       re.IGNORECASE)
_FOLLOWER_WORD = r"(?:\s*(?:followers|subscribers|subs|fans))?"
_RANGE = re.compile(
    rf"\b(?:between\s+)?{_QUANTITY}\s*(?:-|–|to|and)\s*{_QUANTITY}{_FOLLOWER_WORD}", re.IGNORECASE)
_UPPER = re.compile(
    rf"\b(?:under|below|less than|fewer than|up to|at most|max(?:imum)?|<)\s*{_QUANTITY}{_FOLLOWER_WORD}",
                    re.IGNORECASE)
_LOWER = re.compile(rf"\b(?:over|above|more than|at least|min(?:imum)?|>)\s*{_QUANTITY}{_FOLLOWER_WORD}",
                    re.IGNORECASE)
_PLUS = re.compile(rf"\b{_QUANTITY}\s*\+{_FOLLOWER_WORD}", re.IGNORECASE)
_MONEY = (r"(?:(\$|€|£|usd|eur|gbp)\s*(\d+(?:[.,]\d+)?)\s*(k|m)?"
          r"|(\d+(?:[.,]\d+)?)\s*(k|m)?\s*(\$|€|£|usd|eur|euros?|gbp|dollars|pounds)\b)")
_BUDGET = re.compile(rf"(?:\b(?:budget|spend|spending)\s*(?:of|is|:|up to|around|about)?\s*)?{_MONEY}(?:\s*budget)?",
                     re.IGNORECASE)
_BUDGET_PLAIN = re.compile(r"\bbudget\s*(?:of|is|:)?\s*(\d+(?:[.,]\d+)?)\s*(k|m)?\b", re.IGNORECASE)
_COUNT = re.compile(
    rf"\b(\d+|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})\s+(?:\w+[- ]){{0,3}}?{_CREATOR_NOUNS}\b",
    re.IGNORECASE)
# a quoted name, or a word (any case after a cue) followed by up to three capitalized words
_NAME = r"(?:\"[^\"]{1,60}\"|'[^']{1,60}'|@?[A-Za-z0-9][\w&.'-]*(?:\s+[A-Z0-9][\w&.'-]*){0,3})"
_NAMES = rf"({_NAME}(?:\s*(?:,|\bor\b|\band\b|/)\s*{_NAME})*)"
_COMPETITOR_CUE = re.compile(
    r"(?:\b(?:not|no)\s+(?:anyone|one|creators?|influencers?|people|accounts?)?\s*(?:who|that)?\s*"
    r"(?:works?|worked|working|partners?|partnered|partnering|collaborates?|collaborated|promotes?|promoted|promoting)"
    r"\s+(?:with|for)?\s*|\b(?:competitors?|rivals?)\s*(?:are|is|:|like|such as|include)?\s*|"
    r"\b(?:avoid(?:ing)?|exclud(?:e|ing)|excluding|except)\s+(?:anyone\s+(?:who\s+)?(?:works?|working)\s+with\s+)?)"
    + _NAMES)
_BRAND_CUE = re.compile(r"(?:\b(?:brand|client)\s*(?::|is|=)\s*|\bour brand,?\s+|\bon behalf of\s+|\bwe are\s+)("
                        + _NAME + ")")


def _split_names(text: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:,|\bor\b|\band\b|/)\s*", text)
    return tuple(dict.fromkeys(p.strip().strip("\"'@") for p in parts if p.strip().strip("\"'@")))


def parse_brief(text: str) -> ParsedBrief:
    """Read the constraints in a brief and the niche text left to embed."""
    if not isinstance(text, str) or not text.strip():
        raise BriefError("brief: text is empty")
    if len(text) > MAX_BRIEF_CHARS:
        raise BriefError(f"brief: {len(text):,} characters, over the {MAX_BRIEF_CHARS:,} limit")
    spans: list[tuple[int, int]] = []
    matched: list[tuple[str, str]] = []
    found: dict[str, Any] = {}

    def take(kind: str, match: re.Match[str]) -> None:
        spans.append(match.span())
        matched.append((kind, match.group(0).strip()))

    for match in _COMPETITOR_CUE.finditer(text):
        names = _split_names(match.group(1))
        found["competitors"] = tuple(dict.fromkeys((*found.get("competitors", ()), *names)))
        take("competitors", match)
    brand = _BRAND_CUE.search(text)
    if brand:
        found["brand"] = brand.group(1).strip().strip("\"'")
        take("brand", brand)

    budget_match = _BUDGET.search(text) or None
    if budget_match and (budget_match.group(2) or budget_match.group(4)):
        number = budget_match.group(2) or budget_match.group(4)
        unit = budget_match.group(3) or budget_match.group(5)
        found["budget"] = _amount(number, unit)
        take("budget", budget_match)
    elif plain := _BUDGET_PLAIN.search(text):
        found["budget"] = _amount(plain.group(1), plain.group(2))
        take("budget", plain)

    def free(match: re.Match[str]) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in spans)

    for match in _RANGE.finditer(text):
        has_unit = bool(match.group(2) or match.group(4)) or "follower" in match.group(0).lower()
        if free(match) and has_unit:
            low = _amount(match.group(1), match.group(2) or match.group(4))
            high = _amount(match.group(3), match.group(4))
            found["min_followers"], found["max_followers"] = int(min(low, high)), int(max(low, high))
            take("followers", match)
    for pattern, key in ((_UPPER, "max_followers"), (_LOWER, "min_followers"), (_PLUS, "min_followers")):
        for match in pattern.finditer(text):
            has_unit = bool(match.group(2)) or bool(re.search(r"followers|subscribers|subs|fans", match.group(0), re.I))
            if free(match) and has_unit and key not in found:
                found[key] = int(_amount(match.group(1), match.group(2)))
                take("followers", match)

    platforms = [_PLATFORM_WORDS[m.group(1).lower()] for m in _PLATFORM_CUE.finditer(text)]
    for match in _PLATFORM_CUE.finditer(text):
        take("platform", match)
    if platforms:
        found["platforms"] = tuple(dict.fromkeys(platforms))
    tiers = []
    for match in _TIER_CUE.finditer(text):
        tiers.append(match.group(1).lower())
        take("tier", match)
    if tiers:
        found["tiers"] = tuple(dict.fromkeys(tiers))

    countries: list[str] = []
    for match in _PLACE_CUE.finditer(text):
        for name in _split_names(match.group(1)):
            countries.extend(_COUNTRIES[name.lower()].split(","))
        take("country", match)
    for match in _DEMONYM_CUE.finditer(text):
        if free(match):
            countries.append(_DEMONYMS[match.group(1).lower()])
            spans.append((match.start(1), match.end(1)))
            matched.append(("country", match.group(1)))
    if countries:
        found["countries"] = tuple(dict.fromkeys(countries))
    languages = []
    for match in _LANGUAGE_CUE.finditer(text):
        languages.append(_LANGUAGE_NAMES[(match.group(1) or match.group(2)).lower()])
        take("language", match)
    if languages:
        found["languages"] = tuple(dict.fromkeys(languages))

    count = _COUNT.search(text)
    if count:
        word = count.group(1).lower()
        found["k"] = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        spans.append(count.span(1))
        matched.append(("k", count.group(0)))

    query = _strip_spans(text, spans)
    return ParsedBrief(text=text, query_text=niche_text(query) or text.strip(), filters=Filters(**found),
                       matched=tuple(matched))


def _strip_spans(text: str, spans: list[tuple[int, int]]) -> str:
    marker = "\x00"
    pieces = []
    position = 0
    for start, end in sorted(spans):
        if end <= position:
            continue
        pieces.append(text[position:max(start, position)])
        pieces.append(f" {marker} ")
        position = end
    pieces.append(text[position:])
    joined = "".join(pieces)
    # the cue and joining words around a removed constraint ("on TikTok or YouTube") go with it
    glue = r"(?:on|or|and|in|with|via|at|from|by|of|for|across|&|/|,)"
    previous = None
    while previous != joined:
        previous = joined
        joined = re.sub(rf"(?i)\b{glue}\s*{marker}|{glue}\s*{marker}", marker, joined)
        joined = re.sub(rf"(?i){marker}\s*{glue}(?=\s*{marker})", marker, joined)
        joined = re.sub(rf"{marker}\s*{marker}", marker, joined)
    joined = re.sub(rf"(?i){marker}\s*(?:or|and|&|/|,)?\s*", " ", joined)
    return " ".join(joined.split())


def niche_text(text: str) -> str:
    """The brief's niche words: advertiser and request boilerplate removed, punctuation tidied."""
    stripped = _BOILERPLATE.sub(" ", text)
    stripped = re.sub(r"\b(on|or|and|in|at|by|of|to|from)\s*(?=[,.;:!?]|$)", " ", stripped, flags=re.I)
    stripped = re.sub(r"\s+([,.;:!?])", r"\1", stripped)
    stripped = re.sub(r"^[\s,.;:!?'-]+|[\s,;:'-]+$", "", " ".join(stripped.split()))
    return stripped


def with_filters(parsed: ParsedBrief, explicit: Filters | None) -> ParsedBrief:
    """The parsed brief with explicit filters applied over the parsed ones."""
    if explicit is None:
        return parsed
    return replace(parsed, filters=explicit.merged_over(parsed.filters))


def _as_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return tuple(str(v) for v in value)


def filters_from_options(options: Mapping[str, Any]) -> Filters:
    """Filters from option values named as the CLI options (a brief line's keys, a request's fields).

    Singular and plural names both work (`platform` or `platforms`); lists may be comma-separated
    text; keys that name no filter are ignored.
    """
    def pick(*names: str) -> Any:
        for name in names:
            if options.get(name) not in (None, (), [], ""):
                return options[name]
        return None

    def number(name: str, kind: type) -> Any:
        value = pick(name)
        if value is None:
            return None
        try:
            return kind(value)
        except (TypeError, ValueError):
            raise BriefError(f"{name}: '{value}' is not a number") from None

    brand = pick("brand")
    return Filters(
        platforms=tuple(p.lower() for p in _as_list(pick("platform", "platforms"))),
        min_followers=number("min_followers", int),
        max_followers=number("max_followers", int),
        tiers=tuple(t.lower() for t in _as_list(pick("tier", "tiers"))),
        countries=tuple(c.upper() for c in _as_list(pick("country", "countries"))),
        languages=tuple(c.lower() for c in _as_list(pick("language", "languages"))),
        min_trust=number("min_trust", float),
        budget=number("budget", float),
        brand=None if brand is None else str(brand),
        competitors=_as_list(pick("competitor", "competitors")),
    )
