"""Request and response bodies of the HTTP API (pydantic), with the input limits and OpenAPI examples."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from matcher import COMPONENTS, PRESETS
from matcher.briefs import MAX_BRIEF_CHARS, MAX_RESULTS, NICHE_LABELS, PARSED_FIELDS, UNKNOWN_DEFAULTS
from matcher.relevance_feedback import MAX_MARKED
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

    # not an enum: a store adds the presets `creatormatch tune` learned, and the engine names the field when a
    # preset is unknown to the serving version
    preset: str | None = Field(None, min_length=1, max_length=40,
                               description=f"weight preset: {', '.join(PRESETS)}, or one learned by "
                                           "`creatormatch tune` for this store")
    weights: dict[str, Annotated[float, Field(ge=0.0, le=100.0)]] | None = Field(
        None, max_length=len(COMPONENTS), description=f"per-component weights over the preset: {', '.join(COMPONENTS)}")
    filters: MatchFilters | None = None

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
    relevant: list[Name] | None = Field(None, max_length=MAX_MARKED, description="creators you marked relevant for "
                                        "this brief: the list moves toward their content (Rocchio feedback)")
    not_relevant: list[Name] | None = Field(None, max_length=MAX_MARKED, description="creators you marked not "
                                            "relevant: they leave the list and it moves away from them")


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


class ParseRequest(BaseModel):
    """A brief to read constraints from."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"brief": EXAMPLE_BRIEF}]})

    brief: BriefText


class FeedbackRequest(BaseModel):
    """A user's judgment of one result: relevant (1, or a grade up to 3) or not relevant (0)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"brief": EXAMPLE_BRIEF, "creator_id": "c00042", "relevance": 1, "index_version": "20261124T020000Z-ab12cd"}]})

    brief: BriefText
    brief_id: Name | None = Field(None, description="default: a hash of the brief text")
    creator_id: Name
    relevance: int = Field(ge=0, le=3)
    index_version: Name | None = Field(None, description="the version the result came from")


class RollbackRequest(BaseModel):
    """The version to serve again (default: the one before the serving one)."""

    model_config = ConfigDict(extra="forbid")

    version: Name | None = None


# --- responses: each model is exactly the JSON form the engine's `to_dict` gives (matcher/results.py,
# matcher/campaign.py), which `creatormatch ... --json` prints too; the routes validate against them


class ResponseBody(BaseModel):
    """A response body: exactly these keys, no other (a key the engine adds without a field here is an error)."""

    model_config = ConfigDict(extra="forbid")


# a value read from a brief or given to a filter: a list of names, a count, an amount, or one name
FilterValue = list[str] | int | float | str


class FiltersBody(ResponseBody):
    """Constraints on a match, named as `matcher.Filters` names them; only those that are set are present."""

    platforms: list[str] | None = None
    min_followers: int | None = None
    max_followers: int | None = None
    tiers: list[str] | None = None
    countries: list[str] | None = None
    languages: list[str] | None = None
    niches: list[str] | None = None
    max_sensitive_share: float | None = None
    sensitive_topics: list[str] | None = None
    min_trust: float | None = None
    max_price_per_post: float | None = None
    campaign_budget: float | None = None
    brand: str | None = None
    competitors: list[str] | None = None
    k: int | None = None
    unknown: dict[str, Literal["include", "exclude"]] | None = Field(
        None, description="per field, whether creators whose value is unknown pass")
    ignore_parsed: list[str] | None = None


class ReadingBody(ResponseBody):
    """One constraint read from a brief, with the phrase (and its character span) it came from."""

    field: str
    value: FilterValue
    text: str
    start: int
    end: int
    note: str | None = Field(None, description="why a suggestion was not applied, or what changed in applying it "
                                               "(absent when there is nothing to say)")
    filters: list[str] = Field(description="the filter fields it sets: name them in ignore_parsed to drop it")


class NicheWeight(ResponseBody):
    """A taxonomy niche the brief was read as, and its weight."""

    niche: str
    weight: float


class ParseResponse(ResponseBody):
    """What the brief reader read: the niche text to embed, the constraints, their phrases, the suggestions."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "brief": EXAMPLE_BRIEF, "query_text": "vegan protein bar Gen Z gym-goers",
        "parsed": {"platforms": ["tiktok"], "tiers": ["micro"], "countries": ["DE"], "competitors": ["Red Bull"]},
        "parsed_phrases": [{"field": "platforms", "value": ["tiktok"], "text": "on TikTok", "start": 69, "end": 78,
                            "filters": ["platforms"]}],
        "suggestions": []}]})

    brief: str
    query_text: str
    parsed: FiltersBody
    parsed_phrases: list[ReadingBody]
    suggestions: list[ReadingBody]


class ComponentBody(ResponseBody):
    """One term of a score."""

    name: str
    raw: float | None
    score: float | None
    confidence: float
    normalized: float
    weight: float
    contribution: float
    missing: bool


class EvidenceBody(ResponseBody):
    """A bio or caption line that matched."""

    source: str
    post_id: str
    text: str
    similarity: float


class KnownValueBody(ResponseBody):
    """A creator's country or language: the value, where it comes from and, when inferred, how sure."""

    value: str
    source: Literal["catalog", "inferred"]
    confidence: float | None


class SensitiveTopicBody(ResponseBody):
    """A sensitive topic the creator's recent captions touch."""

    topic: str
    name: str = Field(description="the IAB Sensitive Topic name")
    share: float = Field(description="share of the recent captions that touch it")
    confidence: float
    examples: list[str] = Field(description="'post_id: term, term' of the captions that triggered it")


class MatchBody(ResponseBody):
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
    language: KnownValueBody | None = Field(description="the content language")
    country: KnownValueBody | None = Field(description="where the creator lives")
    niche_tags: list[str] = Field(description="the creator niches most of the creator's texts are about (inferred)")
    sensitive: list[SensitiveTopicBody] = Field(description="sensitive topics the recent captions touch")
    feedback: str | None = Field(description="how your relevance feedback placed it ('feedback moved it up from "
                                 "#14'); null without feedback")


class FilterEffectBody(ResponseBody):
    """What one filter did: the creators it leaves out, and how many only because their value is unknown."""

    filter: str
    value: FilterValue
    removes: int
    unknown: int
    catalog: int
    field: str | None
    policy: str | None
    unknown_total: int
    message: str


class BriefFieldsBody(ResponseBody):
    """How a brief was read: the fields every answer to a brief starts with (`matcher.results.brief_fields`)."""

    brief_id: str | None
    brief: str
    query_text: str
    parsed: FiltersBody
    parsed_phrases: list[ReadingBody]
    suggestions: list[ReadingBody]
    filters: FiltersBody
    niches: list[NicheWeight] = Field(description="the taxonomy niches the brief was read as and steered "
                                      "towards; empty when it was not read into a niche")


class MatchResponseBody(BriefFieldsBody):
    """The answer to a brief: exactly what `creatormatch match --json` prints for it."""

    read_into_niche: bool = Field(description="whether the brief was steered towards taxonomy niches")
    preset: str
    weights: dict[str, float] = Field(description="the weight of each score component")
    index_version: str
    eligible_creators: int
    requested: int
    filter_effects: list[FilterEffectBody]
    shortfall: str | None = Field(description="why fewer creators than asked came back, filter by filter")
    results: list[MatchBody]


class PlanNumbersBody(ResponseBody):
    """A plan candidate's numbers: price, expected engagements, fit, trust and value."""

    cost: float
    price_estimated: bool
    price_basis: str
    expected_engagements: float
    cost_per_engagement: float | None
    fit: float
    trust: float
    value: float
    audience_basis: str


class TeamMemberBody(MatchBody, PlanNumbersBody):
    """A creator of the team: the match, its plan numbers, what it adds and why it is in."""

    gain: float = Field(description="the value it adds to the members chosen before it")
    why: list[str]


class AlternateBody(PlanNumbersBody):
    """A creator left out of the team, and why."""

    creator_id: str
    handle: str
    platform: str
    followers: int
    score: float
    gain: float
    why_not: str


class SelectionBody(ResponseBody):
    """How the team was chosen."""

    strategy: str
    guarantee: float | None = Field(description="the share of the best team's value the strategy guarantees "
                                    "(none under a team-size cap)")
    objective: str


class TotalsBody(ResponseBody):
    """The team's totals."""

    members: int
    cost: float
    budget_left: float
    expected_engagements: float
    cost_per_engagement: float | None
    value: float
    mean_pairwise_overlap: float | None


class OverlapBody(ResponseBody):
    """Pairwise audience overlap of the members, in the order of `creator_ids`."""

    creator_ids: list[str]
    matrix: list[list[float]]


class SkippedBody(ResponseBody):
    """A candidate left out before the selection."""

    creator_id: str
    reason: str


class RankedBaselineBody(ResponseBody):
    """The best-ranked candidates taken in match order while they fit the budget: what the plan is compared with."""

    creator_ids: list[str]
    cost: float
    expected_engagements: float
    value: float
    mean_pairwise_overlap: float | None


class PlanResponseBody(BriefFieldsBody):
    """A campaign team: exactly what `creatormatch plan --json` prints."""

    preset: str
    index_version: str
    eligible_creators: int
    candidates: int
    budget: float
    max_size: int | None
    selection: SelectionBody
    team: list[TeamMemberBody]
    totals: TotalsBody
    overlap: OverlapBody
    alternates: list[AlternateBody]
    skipped: list[SkippedBody]
    ranked_baseline: RankedBaselineBody


class FeedbackResponse(ResponseBody):
    """The stored judgment."""

    brief_id: str
    creator_id: str
    relevance: int
    index_version: str | None
    created_at: str
    stored: int = Field(description="judgments stored for this brief so far")


class ProfileBody(ResponseBody):
    """A creator's catalog fields (schema v1) as the index holds them; a field the catalog lacks is null."""

    creator_id: str
    handle: str
    platform: str
    followers: int
    following: float | None = None
    posts_count: float | None = None
    bio: str | None = None
    display_name: str | None = None
    country: str | None = None
    language: str | None = None
    categories: list[str] | None = None
    email: str | None = None
    price_per_post: float | None = None
    verified: bool | None = None
    account_created_at: str | None = Field(None, description="ISO 8601")
    fake_follower_pct: float | None = None
    audience_countries: dict[str, float] | None = None
    audience_age: dict[str, float] | None = None
    audience_gender: dict[str, float] | None = None


class PostBody(ResponseBody):
    """A recent caption of the creator."""

    post_id: str
    caption: str


class CreatorResponse(ResponseBody):
    """A creator of the serving version: catalog profile, signals, flags and recent posts."""

    creator_id: str
    index_version: str
    profile: ProfileBody
    signals: dict[str, Any] = Field(description="what the build computed for the creator (tier, engagement, trust, "
                                    "loyalty, cost, inferred language and country, sensitive content, niche tags); "
                                    "the set grows with the engine, so it is not fixed here")
    flags: list[str]
    recent_posts: list[PostBody]


class BrandCreatorBody(ResponseBody):
    """A creator who tagged the brand."""

    creator_id: str
    handle: str
    paid_posts: int
    organic_posts: int
    latest: str | None
    direct_fit: float


class BrandNeighbour(ResponseBody):
    """Another brand and the cosine of the two brands' vectors in the brand graph."""

    brand: str
    similarity: float


class BrandResponse(ResponseBody):
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


class IndexResponse(ResponseBody):
    """The serving version and its manifest."""

    version: str
    loaded_at: float
    manifest: dict[str, Any]
    refused: dict[str, str] = Field(description="versions this process refused and has not loaded since, with the "
                                    "reason (no file system paths)")
    current: str | None = Field(None, description="the store's current version (the served one may differ for up "
                                "to the poll interval, or while current is refused)")
    worker: int | None = Field(None, description="the server process that answered")


class SwapResponse(ResponseBody):
    """What an admin reload or rollback did."""

    outcome: str = Field(description="swapped, unchanged or refused")
    serving: str | None
    requested: str | None
    message: str


class ErrorBody(ResponseBody):
    """Every error: a message, the fields at fault and the request id."""

    error: str
    fields: list[dict[str, str]] = Field(default_factory=list)
    request_id: str | None = None
