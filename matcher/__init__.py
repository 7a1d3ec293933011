"""Domain core of creatormatch: catalog, signals, briefs, ranking and explanations (no faiss, no torch)."""

from matcher.brief import Filters, ParsedBrief, parse_brief
from matcher.catalog import Catalog, catalog_from_frames, load_catalog
from matcher.engine import Component, CreatorIndex, Evidence, Match, Matcher, MatchResponse
from matcher.errors import BriefError, CatalogError, CreatorMatchError
from matcher.niche import NicheScorer
from matcher.profile import CreatorProfile, UnknownCreator, creator_profile
from matcher.protocols import Encoder, VectorSearch
from matcher.ranking import resolve_weights
from matcher.schema import SCHEMA_VERSION
from matcher.settings import COMPONENTS, PRESETS, MatchSettings, TierThresholds
from matcher.signals import SignalTable, compute_signals

__all__ = [
    "COMPONENTS",
    "PRESETS",
    "SCHEMA_VERSION",
    "BriefError",
    "Catalog",
    "CatalogError",
    "Component",
    "CreatorIndex",
    "CreatorMatchError",
    "CreatorProfile",
    "Encoder",
    "Evidence",
    "Filters",
    "Match",
    "MatchResponse",
    "MatchSettings",
    "Matcher",
    "NicheScorer",
    "ParsedBrief",
    "SignalTable",
    "TierThresholds",
    "UnknownCreator",
    "VectorSearch",
    "catalog_from_frames",
    "compute_signals",
    "creator_profile",
    "load_catalog",
    "parse_brief",
    "resolve_weights",
]
