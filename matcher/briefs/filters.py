"""Hard constraints on a match, from a brief, a request or the command line, and how they merge."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from matcher.errors import BriefError, FilterError
from matcher.safety import IAB_TOPICS
from matcher.safety import TOPICS as SENSITIVE_TOPICS
from matcher.schema import PLATFORMS, TIERS
from matcher.taxonomy import NICHES

NICHE_LABELS = tuple(name for name, _ in NICHES)

# catalog fields that may be unknown for a creator, and whether a creator whose value is unknown passes
# a filter on it by default: unknown countries, languages and trust are left out; an unknown price passes
# (prices are rarely known; the result is flagged and its price estimated instead); a creator with no caption
# to read cannot be shown to stay under a sensitive-content floor, and is left out of it
UNKNOWN_DEFAULTS: dict[str, str] = {"country": "exclude", "language": "exclude", "trust": "exclude",
                                    "price": "include", "safety": "exclude"}
UNKNOWN_POLICIES = ("exclude", "include")
# the most results one query returns; a brief that asks for more gets this many, with a note
MAX_RESULTS = 100
# the filter fields a brief can set, in the order they are shown
PARSED_FIELDS = ("platforms", "min_followers", "max_followers", "tiers", "countries", "languages", "k",
                 "max_price_per_post", "campaign_budget", "brand", "competitors")
_ALIASES = {"platform": "platforms", "tier": "tiers", "country": "countries", "language": "languages",
            "competitor": "competitors", "price": "max_price_per_post", "budget": "campaign_budget"}


@dataclass(frozen=True)
class Filters:
    """Hard constraints on a match; None or empty means 'no constraint'.

    `max_price_per_post` caps each creator's price per post; `campaign_budget` is the campaign's total
    (a creator whose known price exceeds it cannot be afforded, and `plan` spends at most it).
    `unknown` sets, per catalog field (country, language, trust, price), whether creators whose value is
    unknown pass; `ignore_parsed` names brief readings the user removed.
    """

    platforms: tuple[str, ...] = ()
    min_followers: int | None = None
    max_followers: int | None = None
    tiers: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    niches: tuple[str, ...] = ()
    max_sensitive_share: float | None = None
    sensitive_topics: tuple[str, ...] = ()
    min_trust: float | None = None
    max_price_per_post: float | None = None
    campaign_budget: float | None = None
    brand: str | None = None
    competitors: tuple[str, ...] = ()
    k: int | None = None
    unknown: tuple[tuple[str, str], ...] = ()
    ignore_parsed: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        bad = [p for p in self.platforms if p not in PLATFORMS]
        if bad:
            raise FilterError(field="platform", message=f"unknown {bad} (expected one of {', '.join(PLATFORMS)})")
        bad = [t for t in self.sensitive_topics if t not in SENSITIVE_TOPICS]
        if bad:
            raise FilterError(f"unknown {bad} (expected some of {', '.join(SENSITIVE_TOPICS)})",
                              field="sensitive_topics")
        if self.max_sensitive_share is not None and not 0 <= self.max_sensitive_share <= 1:
            raise FilterError(f"must be within 0..1, got {self.max_sensitive_share}", field="max_sensitive_share")
        bad = [n for n in self.niches if n not in NICHE_LABELS]
        if bad:
            raise FilterError(field="niches", message=f"unknown {bad} (expected some of {', '.join(NICHE_LABELS)})")
        bad = [t for t in self.tiers if t not in TIERS]
        if bad:
            raise FilterError(field="tier", message=f"unknown {bad} (expected one of {', '.join(TIERS)})")
        for name in ("min_followers", "max_followers", "max_price_per_post", "campaign_budget", "k"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise FilterError(f"must be >= 0, got {value}", field=name)
        if self.k is not None and self.k < 1:
            raise BriefError(f"must be at least 1, got {self.k}", field="k")
        if self.min_trust is not None and not 0 <= self.min_trust <= 1:
            raise FilterError(field="min_trust", message=f"must be within 0..1, got {self.min_trust}")
        if (self.min_followers is not None and self.max_followers is not None
                and self.min_followers > self.max_followers):
            raise FilterError(f"{self.min_followers} is above max_followers ({self.max_followers})",
                              field="min_followers")
        for name, policy in self.unknown:
            if name not in UNKNOWN_DEFAULTS:
                raise FilterError(field="unknown", message=f"'{name}' is not a field that can be unknown "
                                 f"(expected one of {', '.join(UNKNOWN_DEFAULTS)})")
            if policy not in UNKNOWN_POLICIES:
                raise FilterError(f"{name}={policy} is not one of {', '.join(UNKNOWN_POLICIES)}", field="unknown")
        bad = [name for name in self.ignore_parsed if name not in PARSED_FIELDS]
        if bad:
            raise FilterError(f"unknown {bad} (expected some of {', '.join(PARSED_FIELDS)})", field="ignore_parsed")

    @property
    def screened_topics(self) -> tuple[str, ...]:
        """The sensitive topics the floor applies to: those named, else every IAB Sensitive Topic (not children)."""
        return self.sensitive_topics or IAB_TOPICS

    def policy(self, field: str) -> str:
        """Whether creators with an unknown `field` (country, language, trust, price) pass: include or exclude."""
        return dict(self.unknown).get(field, UNKNOWN_DEFAULTS[field])

    @property
    def price_cap(self) -> float | None:
        """The largest price per post a creator may have: the per-post cap, else the whole campaign budget."""
        caps = [v for v in (self.max_price_per_post, self.campaign_budget) if v is not None]
        return min(caps) if caps else None

    def merged_over(self, parsed: Filters) -> Filters:
        """These (explicit) filters, falling back field by field to `parsed` where unset or not ignored.

        A parsed follower bound that contradicts an explicit one is dropped.
        """
        values: dict[str, Any] = {}
        for item in fields(self):
            mine = getattr(self, item.name)
            if item.name in ("unknown", "ignore_parsed") or mine not in (None, ()):
                values[item.name] = mine
            elif item.name in self.ignore_parsed:
                values[item.name] = item.default
            else:
                values[item.name] = getattr(parsed, item.name)
        low, high = values["min_followers"], values["max_followers"]
        if low is not None and high is not None and low > high and (self.min_followers is None) != (
                self.max_followers is None):
            # an explicit bound the parsed one contradicts ("under 10k" read, --min-followers 50000 given): the
            # user's own word wins and the parsed bound goes, rather than a filter nothing can pass
            values["max_followers" if self.min_followers is not None else "min_followers"] = None
        return Filters(**values)

    def as_dict(self) -> dict[str, Any]:
        """Only the constraints that are set, as plain JSON-ready values."""
        out: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value in (None, ()):
                continue
            if item.name == "unknown":
                out[item.name] = dict(value)
            else:
                out[item.name] = list(value) if isinstance(value, tuple) else value
        return out


def _as_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return tuple(str(v) for v in value)


def unknown_policies(value: Any) -> tuple[tuple[str, str], ...]:
    """Policies from {'country': 'include'} or 'country=include,price=exclude' (or a list of such items)."""
    if value in (None, "", [], {}):
        return ()
    items: list[tuple[str, str]] = []
    if isinstance(value, Mapping):
        items = [(str(k), str(v)) for k, v in value.items()]
    else:
        for part in _as_list(value):
            name, sep, policy = part.partition("=")
            if not sep:
                raise FilterError(field="unknown", message=f"'{part}' is not FIELD=include or FIELD=exclude")
            items.append((name.strip(), policy.strip()))
    return tuple((name.lower(), policy.lower()) for name, policy in items)


def filters_from_options(options: Mapping[str, Any]) -> Filters:
    """Filters from option values named as the CLI options (a brief line's keys, a request's fields).

    Singular and plural names both work (`platform` or `platforms`); lists may be comma-separated
    text; keys that name no filter are ignored. `budget` alone is refused: it was once the price per
    post and is now the campaign's total, so a caller must say which it means.
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
            raise FilterError(f"'{value}' is not a number", field=name) from None

    if pick("budget") is not None:
        raise FilterError(field="budget", message="say which budget: max_price_per_post (the largest fee per post) or "
                         "campaign_budget (the campaign's total)")
    brand = pick("brand")
    ignored = tuple(_ALIASES.get(name, name) for name in _as_list(pick("ignore_parsed")))
    return Filters(
        platforms=tuple(p.lower() for p in _as_list(pick("platform", "platforms"))),
        min_followers=number("min_followers", int),
        max_followers=number("max_followers", int),
        tiers=tuple(t.lower() for t in _as_list(pick("tier", "tiers"))),
        countries=tuple(c.upper() for c in _as_list(pick("country", "countries"))),
        languages=tuple(c.lower() for c in _as_list(pick("language", "languages"))),
        niches=tuple(n.lower() for n in _as_list(pick("niche", "niches"))),
        max_sensitive_share=number("max_sensitive_share", float),
        sensitive_topics=tuple(t.lower() for t in _as_list(pick("sensitive_topic", "sensitive_topics"))),
        min_trust=number("min_trust", float),
        max_price_per_post=number("max_price_per_post", float),
        campaign_budget=number("campaign_budget", float),
        brand=None if brand is None else str(brand),
        competitors=_as_list(pick("competitor", "competitors")),
        unknown=unknown_policies(pick("unknown")),
        ignore_parsed=ignored,
    )
