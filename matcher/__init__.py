"""Domain core of creatormatch: catalog, signals, briefs, ranking, explanations, campaign plans (no faiss, no torch)."""

from matcher.brand_fit import BrandFit, BrandFitSettings
from matcher.brand_graph import BrandGraph, build_brand_graph
from matcher.briefs import Filters, ParsedBrief, parse_brief, warm_brief_reader
from matcher.campaign import Alternate, PlanCandidate, RankedBaseline, TeamMember, TeamPlan
from matcher.catalog import Catalog, catalog_from_frames, load_catalog
from matcher.cost import PriceEstimate, estimate_prices
from matcher.diversity import mmr_order
from matcher.engine import Matcher
from matcher.errors import BriefError, CatalogError, CreatorMatchError, FilterError
from matcher.niche import NicheScorer
from matcher.overlap import AudienceProfiles, audience_profiles, pairwise_overlap
from matcher.planning import GREEDY_GUARANTEE, TeamSelection, ranked_within_budget, select_team, team_value
from matcher.prepared import CreatorIndex, PreparedIndex
from matcher.profile import CreatorProfile, UnknownCreator, creator_profile
from matcher.protocols import Encoder, TextMemo, VectorSearch
from matcher.query import Query
from matcher.ranking import resolve_weights
from matcher.relevance_feedback import RelevanceFeedback
from matcher.rerank import Ranked
from matcher.results import BrandCreator, BrandReport, Component, Evidence, Match, MatchResponse
from matcher.schema import SCHEMA_VERSION
from matcher.settings import COMPONENTS, PRESETS, MatchSettings, TierThresholds
from matcher.signals import SignalTable, compute_signals

__all__ = [
    "COMPONENTS",
    "GREEDY_GUARANTEE",
    "PRESETS",
    "SCHEMA_VERSION",
    "Alternate",
    "AudienceProfiles",
    "BrandCreator",
    "BrandFit",
    "BrandFitSettings",
    "BrandGraph",
    "BrandReport",
    "BriefError",
    "Catalog",
    "CatalogError",
    "Component",
    "CreatorIndex",
    "CreatorMatchError",
    "CreatorProfile",
    "Encoder",
    "Evidence",
    "FilterError",
    "Filters",
    "Match",
    "MatchResponse",
    "MatchSettings",
    "Matcher",
    "NicheScorer",
    "ParsedBrief",
    "PlanCandidate",
    "PreparedIndex",
    "PriceEstimate",
    "Query",
    "Ranked",
    "RankedBaseline",
    "RelevanceFeedback",
    "SignalTable",
    "TeamMember",
    "TeamPlan",
    "TeamSelection",
    "TextMemo",
    "TierThresholds",
    "UnknownCreator",
    "VectorSearch",
    "audience_profiles",
    "build_brand_graph",
    "catalog_from_frames",
    "compute_signals",
    "creator_profile",
    "estimate_prices",
    "load_catalog",
    "mmr_order",
    "pairwise_overlap",
    "parse_brief",
    "ranked_within_budget",
    "resolve_weights",
    "select_team",
    "team_value",
    "warm_brief_reader",
]
