"""The learned brand reader: a linear-chain CRF that tags the advertiser's name where the rules read none.

The model is a conditional random field (Lafferty, McCallum and Pereira 2001) trained with CRFsuite (Okazaki
2007, through python-crfsuite) on the labelled briefs of `tests/matcher/brief_corpus` (all but the held-aside
quarter) by `python -m bench.brand_tagger --train`. It ships in `matcher/data` beside a manifest that names what
it was trained on, its parameters and its checksum. The reader asks it only when its rules read no brand, and
refuses a name that is unsure, claimed by another reading, a place, a platform, a language or an agency's own name;
the reading's note says that the tagger read it and how sure it was.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from matcher.briefs.brand_cues import BRAND_CUES, BRAND_VERBS
from matcher.briefs.brand_words import AGENCY_TAILS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import is_place_or_platform
from matcher.briefs.tokens import Tokens
from matcher.errors import CreatorMatchError

MODEL_FILE = "brand_tagger.crfsuite"
MANIFEST_FILE = "brand_tagger.json"
DATA_FOLDER = Path(__file__).resolve().parents[1] / "data"
# the features `token_features` writes; a model trained on others is refused
FEATURES_VERSION = 1
# CRFsuite's L1 and L2 penalties and iterations (L-BFGS), and the least probability of the name's first word
# being the brand's first word; chosen by 5-fold cross-validation over corpus files (docs/briefs.md)
C1 = C2 = 0.05
MAX_ITERATIONS = 200
MIN_CONFIDENCE = 0.5
# a word written in lower case in at least this many training briefs is an everyday word; a name of everyday
# words only ("Skincare", "Children's clothing") is refused
EVERYDAY_MIN_BRIEFS = 2
WORDS_FILE = "brand_tagger_words.txt"
_CUE_WORDS = frozenset(word for phrase in (*BRAND_CUES, *BRAND_VERBS) for word in phrase) | {
    ",", ":", "—", "-", "|", "(", ")", "@"}
_TRIM = " .,;:!?'\"()[]"


def _shape(word: str) -> str:
    return "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word[:6])


def token_features(tokens: Tokens, places: Gazetteer) -> list[dict[str, Any]]:
    """The CRF's features for each token: the word, its shape, cue words and places around it."""
    shapes = [_shape(word) for word in tokens.words]
    is_place = [places.place(word) is not None or places.demonym(word) is not None for word in tokens.words]
    out = []
    for i, word in enumerate(tokens.words):
        lower = tokens.lower[i]
        feats: dict[str, Any] = {
            "bias": 1.0, "lower": lower, "shape": shapes[i], "title": word[:1].isupper(), "upper": word.isupper(),
            "digit": any(c.isdigit() for c in word), "suffix3": lower[-3:], "start": i < 3,
            "end": i > len(tokens) - 12, "line_start": i == 0 or tokens.words[i - 1] == "\n",
            "cue": lower in _CUE_WORDS, "alpha": word.isalpha(), "place": is_place[i],
        }
        for offset in (-3, -2, -1, 1, 2, 3):
            j = i + offset
            if 0 <= j < len(tokens):
                feats[f"{offset}:lower"] = tokens.lower[j]
                feats[f"{offset}:title"] = tokens.words[j][:1].isupper()
                feats[f"{offset}:shape"] = shapes[j]
            else:
                feats[f"{offset}:edge"] = True
        out.append(feats)
    return out


def brand_labels(tokens: Tokens, text: str, brand: str | None) -> list[str]:
    """B/I/O labels of the tokens for a brand written as `brand` in `text` (all O when it is not written there)."""
    labels = ["O"] * len(tokens)
    at = text.find(brand) if brand else -1
    if at < 0 or not brand:
        return labels
    stop = at + len(brand)
    inside = [i for i in range(len(tokens)) if tokens.starts[i] >= at and tokens.ends[i] <= stop]
    for n, i in enumerate(inside):
        labels[i] = "B" if n == 0 else "I"
    return labels


def examples_digest(examples: Iterable[tuple[str, str | None]]) -> str:
    """The SHA-256 of (brief text, brand) pairs in order: what a model was trained on, for its manifest."""
    digest = hashlib.sha256()
    for text, brand in examples:
        digest.update(json.dumps([text, brand or None], ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


def everyday_words(texts: Iterable[str], min_briefs: int) -> frozenset[str]:
    """The words written in lower case in at least `min_briefs` of `texts`: everyday words, not names."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in {word for word in Tokens.of(text).words if word.isalpha() and word.islower()}:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count >= min_briefs)


def train_brand_tagger(examples: Iterable[tuple[str, str | None]], places: Gazetteer, model_path: Path,
                       c1: float = C1, c2: float = C2, max_iterations: int = MAX_ITERATIONS) -> int:
    """Train the tagger on (brief text, brand or None) pairs and write it to `model_path`; returns the count."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for text, brand in examples:
        tokens = Tokens.of(text)
        trainer.append(token_features(tokens, places), brand_labels(tokens, text, brand))
        count += 1
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations})
    trainer.train(str(model_path))
    return count


def save_brand_tagger(examples: list[tuple[str, str | None]], places: Gazetteer, folder: Path,
                      sources: dict[str, int]) -> dict[str, Any]:
    """Train on `examples`, write the model and its manifest into `folder`, and return the manifest.

    `sources` names the files the examples came from, each with its count of briefs.
    """
    folder.mkdir(parents=True, exist_ok=True)
    model_path = folder / MODEL_FILE
    count = train_brand_tagger(examples, places, model_path)
    data = model_path.read_bytes()
    words = everyday_words((text for text, _ in examples), EVERYDAY_MIN_BRIEFS)
    words_data = "".join(f"{word}\n" for word in sorted(words)).encode("utf-8")
    (folder / WORDS_FILE).write_bytes(words_data)
    manifest = {
        "model": "linear-chain CRF (CRFsuite, L-BFGS)", "python_crfsuite": version("python-crfsuite"),
        "features_version": FEATURES_VERSION, "c1": C1, "c2": C2, "max_iterations": MAX_ITERATIONS,
        "min_confidence": MIN_CONFIDENCE, "everyday_min_briefs": EVERYDAY_MIN_BRIEFS,
        "everyday_words": len(words), "words_sha256": hashlib.sha256(words_data).hexdigest(), "briefs": count,
        "briefs_with_brand": sum(1 for _, brand in examples if brand), "sources": sources,
        "examples_sha256": examples_digest(examples), "model_bytes": len(data),
        "model_sha256": hashlib.sha256(data).hexdigest(),
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


@dataclass(frozen=True)
class TaggedName:
    """A name the tagger read as the brand: tokens [start, end) and the probability of its first word."""

    start: int
    end: int
    confidence: float


class BrandTagger:
    """A trained brand tagger, opened from its CRFsuite model file (or from its bytes, already read from there)."""

    def __init__(self, model_path: Path, min_confidence: float = MIN_CONFIDENCE,
                 everyday: frozenset[str] = frozenset(), model_bytes: bytes | None = None) -> None:
        import pycrfsuite

        self.model_path = model_path
        self.min_confidence = min_confidence
        self.everyday = everyday
        self._tagger = pycrfsuite.Tagger()
        if model_bytes is None:
            self._tagger.open(str(model_path))
        else:  # the bytes checked against the manifest, not a second read; CRFsuite reads them in place, so keep them
            self._model_bytes = model_bytes
            self._tagger.open_inmemory(model_bytes)
        self._lock = threading.Lock()

    def tag(self, tokens: Tokens, places: Gazetteer) -> TaggedName | None:
        """The first name the tagger reads as the brand, with its confidence; None when it reads none."""
        features = token_features(tokens, places)
        with self._lock:  # CRFsuite's marginals are of the sequence tagged last: no other thread may tag between
            tags = self._tagger.tag(features)
            if "B" not in tags:
                return None
            start = tags.index("B")
            confidence = self._tagger.marginal("B", start)
        end = start + 1
        while end < len(tags) and tags[end] == "I":
            end += 1
        return TaggedName(start, end, confidence)

    def read(self, tokens: Tokens, places: Gazetteer) -> Reading | None:
        """The brand reading the tagger adds when the rules read none: a sure name that no rule claimed and that
        is not a place, a platform, a language, an agency's own name or one everyday word ("Furniture")."""
        tagged = self.tag(tokens, places)
        if tagged is None or tagged.confidence < self.min_confidence:
            return None
        start, end = tagged.start, tagged.end
        if all(not word.isalpha() or word in self.everyday for word in tokens.lower[start:end]):
            return None
        if any(tokens.claimed[i] is not None for i in range(start, end)) or is_place_or_platform(
                tokens, start, end, places) or tokens.lower[end - 1] in AGENCY_TAILS:
            return None
        value = tokens.span_text(start, end).strip(_TRIM)
        if not value or not any(c.isalpha() for c in value):
            return None
        tokens.claim(start, end, "brand")
        return Reading("brand", value, tokens.span_text(start, end), tokens.starts[start], tokens.ends[end - 1],
                       note=f"read by the learned tagger ({tagged.confidence:.0%} sure)")


def read_manifest(folder: Path = DATA_FOLDER) -> dict[str, Any]:
    """The manifest of the model in `folder`: what it was trained on, its parameters and checksums."""
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CreatorMatchError(f"brand tagger in {folder}: {error}") from error
    return manifest


def open_brand_tagger(folder: Path) -> BrandTagger:
    """Open the model in `folder` after checking it against its manifest (size, checksums, feature version)."""
    manifest, manifest_path = read_manifest(folder), folder / MANIFEST_FILE
    if manifest.get("features_version") != FEATURES_VERSION:
        raise CreatorMatchError(f"{manifest_path}: features_version {manifest.get('features_version')!r}, "
                                f"this reader writes {FEATURES_VERSION}; retrain: python -m bench.brand_tagger --train")
    model_path, words_path = folder / MODEL_FILE, folder / WORDS_FILE
    try:
        data, words_data = model_path.read_bytes(), words_path.read_bytes()
    except OSError as error:
        raise CreatorMatchError(f"brand tagger in {folder}: {error}") from error
    if len(data) != manifest.get("model_bytes") or hashlib.sha256(data).hexdigest() != manifest.get("model_sha256"):
        raise CreatorMatchError(f"{model_path}: size or SHA-256 differs from {manifest_path}")
    if hashlib.sha256(words_data).hexdigest() != manifest.get("words_sha256"):
        raise CreatorMatchError(f"{words_path}: SHA-256 differs from {manifest_path}")
    everyday = frozenset(words_data.decode("utf-8").split())
    return BrandTagger(model_path, float(manifest["min_confidence"]), everyday, model_bytes=data)


@cache
def shipped_brand_tagger() -> BrandTagger:
    """The tagger shipped in `matcher/data`, opened once per process."""
    return open_brand_tagger(DATA_FOLDER)
