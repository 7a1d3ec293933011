"""The manifest of an index version, typed: what built it (encoder, settings that shape the data), its counts and
the checksums of its files.

Serving reads it back: queries use the encoder the version names, and the settings that shaped its data
(tier thresholds, signal parameters) are the build's, whatever the serving process was configured with
(`BuildSettings.serving`; docs/operations.md).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from matcher import MatchSettings, NicheScorer, TierThresholds

BACKENDS = ("torch", "onnx", "onnx-int8")


class EncoderIdentity(BaseModel):
    """What makes two encoders give the same vectors: model, dimension, truncation and backend.

    `key` is its compact form ("model|dimension|max tokens[|backend]"), the embedding cache's key; an
    encoder without these attributes (a test encoder) is known by model and dimension only.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str
    dimension: int | None = None
    max_seq_length: int | None = None
    backend: str | None = Field(None, description="torch, onnx or onnx-int8; None when not recorded")

    @classmethod
    def parse(cls, text: str) -> EncoderIdentity:
        """From the compact form: 'model', 'model|dimension', 'model|dimension|max tokens[|backend]'."""
        parts = text.split("|")
        if len(parts) > 4 or any(not part.isdigit() for part in parts[1:3]) or (
                len(parts) == 4 and parts[3] not in BACKENDS):
            raise ValueError(f"encoder identity '{text}': expected model|dimension|max tokens[|backend]")
        backend = parts[3] if len(parts) == 4 else ("torch" if len(parts) == 3 else None)
        return cls(model=parts[0], dimension=int(parts[1]) if len(parts) > 1 else None,
                   max_seq_length=int(parts[2]) if len(parts) > 2 else None, backend=backend)

    @classmethod
    def of(cls, encoder: Any) -> EncoderIdentity:
        """The identity of an encoder (its `identity` when it has one, else model name and dimension)."""
        identity = getattr(encoder, "identity", None)
        return cls.parse(str(identity) if identity else f"{encoder.model_name}|{encoder.dimension}")

    @property
    def key(self) -> str:
        """The compact form; PyTorch keeps the form it had before backends existed, so caches stay valid."""
        if self.dimension is None:
            return self.model
        if self.max_seq_length is None:
            return f"{self.model}|{self.dimension}"
        base = f"{self.model}|{self.dimension}|{self.max_seq_length}"
        return base if self.backend in (None, "torch") else f"{base}|{self.backend}"


class BuildSettings(BaseModel):
    """The settings that shaped a version's data; a server answers from a version with these."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    tiers: TierThresholds
    recent_posts: int = Field(gt=0)
    min_group_size: int = Field(gt=0)
    niche: dict[str, Any] = Field(default_factory=dict, description="the niche scorer the build's quality gate "
                                  "ranked with (`matcher.NicheScorer`)")

    @classmethod
    def of(cls, settings: MatchSettings, niche: NicheScorer | None = None) -> BuildSettings:
        """The data-shaping part of a build's settings."""
        scorer = asdict(niche or NicheScorer())
        return cls(tiers=settings.tiers, recent_posts=settings.recent_posts, min_group_size=settings.min_group_size,
                   niche={name: value for name, value in scorer.items() if isinstance(value, int | float | str)})

    def differences(self, settings: MatchSettings) -> list[str]:
        """Where `settings` disagree with the build's: 'tiers micro 10000 (build) vs 5000 (server)'."""
        found = [f"tiers {name} {getattr(self.tiers, name)} (build) vs {getattr(settings.tiers, name)} (server)"
                 for name in ("micro", "macro", "mega") if getattr(self.tiers, name) != getattr(settings.tiers, name)]
        for name in ("recent_posts", "min_group_size"):
            if getattr(self, name) != getattr(settings, name):
                found.append(f"{name} {getattr(self, name)} (build) vs {getattr(settings, name)} (server)")
        return found

    def serving(self, settings: MatchSettings) -> MatchSettings:
        """`settings` with the build's data-shaping values: what a query against this version must use."""
        return settings.model_copy(update={"tiers": self.tiers, "recent_posts": self.recent_posts,
                                           "min_group_size": self.min_group_size})


class FileEntry(BaseModel):
    """A file of the version and its checksum."""

    sha256: str
    bytes: int = Field(ge=0)


class Counts(BaseModel):
    """How much the version holds (further counts, such as embedded and reused texts, are kept as given)."""

    model_config = ConfigDict(extra="allow")

    creators: int = Field(ge=0)
    posts: int = Field(0, ge=0)
    texts: int = Field(0, ge=0)
    rejected_rows: int = Field(0, ge=0)
    creators_without_posts: int = Field(0, ge=0)
    brands: int = Field(0, ge=0)


class LearnedPreset(BaseModel):
    """A weight preset `creatormatch tune` learned from labelled pairs, with what it learned from and how it
    measured on briefs it did not see (`eval.tuning`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    revision: int = Field(ge=1)
    weights: dict[str, float]
    trained_at: str
    trained_on_version: str
    training_sha256: str
    briefs: int = Field(ge=0)
    pairs: int = Field(ge=0)
    folds: int = Field(ge=2)
    metric: str
    cross_validated: dict[str, float] = Field(description="each preset's mean metric on held-out folds")
    baseline: str = Field(description="the preset it had to beat to become the default")
    gain: float
    p_value: float
    adopted: bool
    reason: str


class Manifest(BaseModel):
    """A version's manifest (manifest.json); entries added later, such as the quality gate's, are kept as given."""

    model_config = ConfigDict(extra="allow")

    store_format: int
    schema_version: int
    version: str
    created_at: str
    model: str
    encoder: EncoderIdentity
    dimension: int = Field(gt=0)
    index_type: str = "Flat"
    faiss_class: str | None = None
    counts: Counts
    brand_graph_version: str | None = None
    sources: dict[str, Any] = Field(default_factory=dict)
    settings: BuildSettings | None = Field(None, description="absent in versions written before it was recorded")
    files: dict[str, FileEntry] = Field(default_factory=dict)
    presets: dict[str, LearnedPreset] = Field(default_factory=dict, description="learned presets, carried from "
                                              "version to version by builds")
    default_preset: str | None = Field(None, description="a learned preset adopted as the default")

    @model_validator(mode="before")
    @classmethod
    def _named_encoder(cls, data: Any) -> Any:
        # the oldest versions named only the model: PyTorch with its default truncation
        if isinstance(data, dict) and "encoder" not in data and "model" in data:
            return {**data, "encoder": {"model": data["model"], "dimension": data.get("dimension")}}
        return data

    @field_validator("encoder", mode="before")
    @classmethod
    def _compact(cls, value: Any) -> Any:
        # versions written before the typed manifest recorded the compact form
        return EncoderIdentity.parse(value) if isinstance(value, str) else value

    def as_json(self) -> dict[str, Any]:
        """JSON-ready form, as written to manifest.json."""
        return self.model_dump(mode="json")


def read_manifest(data: Any, where: str) -> Manifest:
    """A manifest from its JSON; a missing or wrong entry is a ValueError naming the entry and `where`."""
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        entry = ".".join(str(part) for part in first.get("loc", ())) or "manifest"
        raise ValueError(f"{where}: manifest entry '{entry}': {first.get('msg', 'invalid')}") from None
