"""Request and response bodies of the HTTP API (pydantic), with the input limits and OpenAPI examples."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from matcher import COMPONENTS, PRESETS
from matcher.briefs import MAX_BRIEF_CHARS, MAX_RESULTS, NICHE_LABELS, PARSED_FIELDS, UNKNOWN_DEFAULTS
from matcher.safety import TOPICS as SENSITIVE_TOPICS
from matcher.schema import PLATFORMS, TIERS

MAX_K = MAX_RESULTS
MAX_LIST = 20
MAX_NAME = 100

# ids and names: no control characters ("c00000%00" is not c00000)
NO_CONTROL = r"^[^\x00-\x1f\x7f]+$"
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME, pattern=NO_CONTROL)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$")]
BriefText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_BRIEF_CHARS)]

EXAMPLE_BRIEF = ("vegan protein bar for Gen Z gym-goers in Germany, micro creators on TikTok, "
                 "not anyone who works with Red Bull")


class MatchFilters(BaseModel):
    """Hard filters, named as the `creatormatch match` options; explicit values win over the brief's."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"platform": ["tiktok", "instagram"], "country": ["DE"], "max_followers": 100000, "min_trust": 0.5,
         "max_price_per_post": 500, "unknown": {"country": "include"}}]})

    platform: list[Annotated[str, StringConstraints(to_lower=True)]] | None = Field(
        None, max_length=len(PLATFORMS), description=f"one or more of {', '.join(PLATFORMS)}")
    min_followers: int | None = Field(None, ge=0, le=10_000_000_000)
    max_followers: int | None = Field(None, ge=0, le=10_000_000_000)
    tier: list[Annotated[str, StringConstraints(to_lower=True)]] | None = Field(
        None, max_length=len(TIERS), description=f"one or more of {', '.join(TIERS)}")
    country: list[CountryCode] | None = Field(None, max_length=MAX_LIST, description="ISO 3166 alpha-2 codes")
    language: list[LanguageCode] | None = Field(None, max_length=MAX_LIST, description="ISO 639-1 codes")
    niches: list[Literal[NICHE_LABELS]] | None = Field(  # type: ignore[valid-type]
        None, max_length=len(NICHE_LABELS), description="creator niche tags, any of them (inferred from the "
                                                        "creators' own texts)")
    min_trust: float | None = Field(None, ge=0.0, le=1.0)
    brand: Name | None = None
    competitor: list[Name] | None = Field(None, max_length=MAX_LIST)
    max_price_per_post: float | None = Field(None, ge=0.0, le=1e9, description="the largest price per post")
    campaign_budget: float | None = Field(None, ge=0.0, le=1e9, description="the campaign's total budget (a creator "
                                                                           "whose known price exceeds it is left out)")
    max_sensitive_share: float | None = Field(
        None, ge=0.0, le=1.0, description="leave out creators whose recent captions touch a screened sensitive topic "
                                          "more often than this share (0: never)")
    sensitive_topics: list[Literal[SENSITIVE_TOPICS]] | None = Field(  # type: ignore[valid-type]
        None, max_length=len(SENSITIVE_TOPICS), description="the topics the floor screens (default: every IAB "
                                                            "Sensitive Topic; 'children' only when named)")
    unknown: dict[Literal[tuple(UNKNOWN_DEFAULTS)], Literal["include", "exclude"]] | None = Field(  # type: ignore[valid-type]
        None, description="whether creators whose value is unknown pass a filter on it (default: "
                          + ", ".join(f"{k} {v}" for k, v in UNKNOWN_DEFAULTS.items()) + ")")
    ignore_parsed: list[Literal[PARSED_FIELDS]] | None = Field(  # type: ignore[valid-type]
        None, max_length=len(PARSED_FIELDS), description="constraints read from the brief to drop")

    @model_validator(mode="before")
    @classmethod
    def _no_plain_budget(cls, data: Any) -> Any:
        if isinstance(data, dict) and "budget" in data:
            raise ValueError("budget is ambiguous: send max_price_per_post (the largest fee per post) or "
                             "campaign_budget (the campaign's total)")
        return data

    @field_validator("platform")
    @classmethod
    def _platforms(cls, value: list[str] | None) -> list[str] | None:
        bad = [p for p in value or [] if p not in PLATFORMS]
        if bad:
            raise ValueError(f"unknown platform(s) {bad}; expected one of {', '.join(PLATFORMS)}")
        return value

    @field_validator("tier")
    @classmethod
    def _tiers(cls, value: list[str] | None) -> list[str] | None:
        bad = [t for t in value or [] if t not in TIERS]
        if bad:
            raise ValueError(f"unknown tier(s) {bad}; expected one of {', '.join(TIERS)}")
        return value


class RankingOptions(BaseModel):
    """Preset, weights and filters: the ranking options shared by /match, /similar and /plan."""

    model_config = ConfigDict(extra="forbid")

    preset: str | None = Field(None, description=f"weight preset: {', '.join(PRESETS)}",
                               json_schema_extra={"enum": list(PRESETS)})
    weights: dict[str, Annotated[float, Field(ge=0.0, le=100.0)]] | None = Field(
        None, max_length=len(COMPONENTS), description=f"per-component weights over the preset: {', '.join(COMPONENTS)}")
    filters: MatchFilters | None = None

    @field_validator("preset")
    @classmethod
    def _preset(cls, value: str | None) -> str | None:
        if value is not None and value not in PRESETS:
            raise ValueError(f"unknown preset '{value}'; expected one of {', '.join(PRESETS)}")
        return value

    @field_validator("weights")
    @classmethod
    def _weights(cls, value: dict[str, float] | None) -> dict[str, float] | None:
        bad = [name for name in value or {} if name not in COMPONENTS]
        if bad:
            raise ValueError(f"unknown component(s) {bad}; expected some of {', '.join(COMPONENTS)}")
        if value and sum(value.values()) <= 0 and len(value) == len(COMPONENTS):
            raise ValueError("at least one weight must be positive")
        return value


Diversity = Annotated[float | None, Field(
    None, ge=0.0, le=1.0, description="maximal marginal relevance lambda (`--mmr`): 1 keeps the ranking, "
                                      "lower values push near-duplicate creators down")]


class MatchRequest(RankingOptions):
    """A brief to match, with optional k, preset, weights, filters and diversity."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"brief": EXAMPLE_BRIEF, "k": 10, "preset": "balanced", "weights": {"niche": 0.7, "engagement": 0.3},
         "filters": {"country": ["DE"], "platform": ["tiktok"]}}]})

    brief: BriefText = Field(description=f"the brief in plain words, at most {MAX_BRIEF_CHARS:,} characters")
    brief_id: Name | None = Field(None, description="your id for the brief (echoed back)")
    k: int | None = Field(None, ge=1, le=MAX_K, description="results to return (default: from the brief, or 10)")
    diversity: Diversity = None


class SimilarRequest(RankingOptions):
    """Seed creators to find lookalikes of (the `creatormatch similar` options)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"creator_ids": ["c00017", "c00025"], "k": 10, "filters": {"platform": ["tiktok"]}}]})

    creator_ids: list[Name] = Field(min_length=1, max_length=MAX_LIST, description="the seed creators")
    k: int | None = Field(None, ge=1, le=MAX_K, description="results to return (default 10)")
    diversity: Diversity = None


class PlanRequest(RankingOptions):
    """A brief and a total budget to plan a campaign team for (the `creatormatch plan` options)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"brief": "vegan protein bar for gym-goers", "budget": 5000, "size": 8, "filters": {"country": ["DE"]}}]})

    brief: BriefText = Field(description=f"the brief in plain words, at most {MAX_BRIEF_CHARS:,} characters")
    brief_id: Name | None = Field(None, description="your id for the brief (echoed back)")
    budget: float | None = Field(None, gt=0.0, le=1e9, description="the campaign's total budget "
                                                                   "(default: the one written in the brief)")
    size: int | None = Field(None, ge=1, le=MAX_K, description="at most this many creators")


class PlanResponseBody(BaseModel):
    """A campaign team: exactly what `creatormatch plan --json` prints."""

    model_config = ConfigDict(extra="allow")

    brief_id: str | None
    team: list[dict[str, Any]]
    totals: dict[str, Any]
    overlap: dict[str, Any]
    alternates: list[dict[str, Any]]


class ParseRequest(BaseModel):
    """A brief to read constraints from."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"brief": EXAMPLE_BRIEF}]})

    brief: BriefText


class ReadingBody(BaseModel):
    """One constraint read from a brief, with the phrase (and its character span) it came from."""

    field: str
    value: Any
    text: str
    start: int
    end: int
    note: str | None = Field(None, description="why a suggestion was not applied, or what changed in applying it")
    filters: list[str] = Field(default_factory=list,
                               description="the filter fields it sets: name them in ignore_parsed to drop it")


class ParseResponse(BaseModel):
    """What the brief reader read: the niche text to embed, the constraints, their phrases, the suggestions."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "brief": EXAMPLE_BRIEF, "query_text": "vegan protein bar Gen Z gym-goers",
        "parsed": {"platforms": ["tiktok"], "tiers": ["micro"], "countries": ["DE"], "competitors": ["Red Bull"]},
        "parsed_phrases": [{"field": "platforms", "value": ["tiktok"], "text": "on TikTok", "start": 69, "end": 78}],
        "suggestions": []}]})

    brief: str
    query_text: str
    parsed: dict[str, Any]
    parsed_phrases: list[ReadingBody]
    suggestions: list[ReadingBody]


class ComponentBody(BaseModel):
    """One term of a score."""

    name: str
    raw: float | None
    score: float | None
    confidence: float
    normalized: float
    weight: float
    contribution: float
    missing: bool


class EvidenceBody(BaseModel):
    """A bio or caption line that matched."""

    source: str
    post_id: str
    text: str
    similarity: float


class MatchBody(BaseModel):
    """One ranked creator, explained."""

    creator_id: str
    handle: str
    platform: str
    followers: int
    tier: str
    score: float
    components: list[ComponentBody]
    flags: list[str]
    evidence: list[EvidenceBody]
    language: dict[str, Any] | None = Field(None, description="the content language: value, source ('catalog' "
                                            "or 'inferred') and, when inferred, the confidence")
    niche_tags: list[str] = Field(default_factory=list, description="the creator niches most of the creator's "
                                                                  "texts are about (inferred)")
    sensitive: list[dict[str, Any]] = Field(default_factory=list, description="sensitive topics the recent captions "
                                            "touch: topic, IAB name, share, confidence and triggering captions")
    country: dict[str, Any] | None = Field(None, description="where the creator lives: value, source ('catalog' "
                                           "or 'inferred' from their own words) and, when inferred, the confidence")


class FilterEffectBody(BaseModel):
    """What one filter did: the creators it leaves out, and how many only because their value is unknown."""

    filter: str
    value: Any
    removes: int
    unknown: int
    catalog: int
    field: str | None
    policy: str | None
    unknown_total: int
    message: str


class MatchResponseBody(BaseModel):
    """The answer to a brief: exactly what `creatormatch match --json` prints for it."""

    brief_id: str | None
    brief: str
    query_text: str
    parsed: dict[str, Any]
    parsed_phrases: list[ReadingBody]
    suggestions: list[ReadingBody]
    filters: dict[str, Any]
    niches: list[dict[str, Any]] = Field(description="the taxonomy niches the brief was read as and steered "
                                         "towards; empty when it was not read into a niche")
    read_into_niche: bool = Field(False, description="whether the brief was steered towards taxonomy niches")
    preset: str
    weights: dict[str, float]
    index_version: str
    eligible_creators: int
    requested: int
    filter_effects: list[FilterEffectBody]
    shortfall: str | None = Field(description="why fewer creators than asked came back, filter by filter")
    results: list[MatchBody]


class FeedbackRequest(BaseModel):
    """A user's judgment of one result: relevant (1, or a grade up to 3) or not relevant (0)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"brief": EXAMPLE_BRIEF, "creator_id": "c00042", "relevance": 1, "index_version": "20261124T020000Z-ab12cd"}]})

    brief: BriefText
    brief_id: Name | None = Field(None, description="default: a hash of the brief text")
    creator_id: Name
    relevance: int = Field(ge=0, le=3)
    index_version: Name | None = Field(None, description="the version the result came from")


class FeedbackResponse(BaseModel):
    """The stored judgment."""

    brief_id: str
    creator_id: str
    relevance: int
    index_version: str | None
    created_at: str
    stored: int = Field(description="judgments stored for this brief so far")


class CreatorResponse(BaseModel):
    """A creator of the serving version: catalog profile, signals, flags and recent posts."""

    creator_id: str
    index_version: str
    profile: dict[str, Any]
    signals: dict[str, Any]
    flags: list[str]
    recent_posts: list[dict[str, str]]


class BrandCreatorBody(BaseModel):
    """A creator who tagged the brand."""

    creator_id: str
    handle: str
    paid_posts: int
    organic_posts: int
    latest: str | None
    direct_fit: float


class BrandNeighbour(BaseModel):
    """Another brand and the cosine of the two brands' vectors in the brand graph."""

    brand: str
    similarity: float


class BrandResponse(BaseModel):
    """What the serving version knows of a brand: its creators, similar brands and likely competitors."""

    brand: str
    index_version: str
    known: bool
    creators_mentioning: int
    paid_creators: int
    niche: str | None
    top_creators: list[BrandCreatorBody]
    similar: list[BrandNeighbour]
    suggested_competitors: list[BrandNeighbour]


class IndexResponse(BaseModel):
    """The serving version and its manifest."""

    version: str
    loaded_at: float
    manifest: dict[str, Any]
    refused: dict[str, str] = Field(description="versions this process refused and has not loaded since, with the "
                                    "reason (no file system paths)")
    current: str | None = Field(None, description="the store's current version (the served one may differ for up "
                                "to the poll interval, or while current is refused)")
    worker: int | None = Field(None, description="the server process that answered")


class SwapResponse(BaseModel):
    """What an admin reload or rollback did."""

    outcome: str = Field(description="swapped, unchanged or refused")
    serving: str | None
    requested: str | None
    message: str


class RollbackRequest(BaseModel):
    """The version to serve again (default: the one before the serving one)."""

    model_config = ConfigDict(extra="forbid")

    version: Name | None = None


class ErrorBody(BaseModel):
    """Every error: a message, the fields at fault and the request id."""

    error: str
    fields: list[dict[str, str]] = Field(default_factory=list)
    request_id: str | None = None
