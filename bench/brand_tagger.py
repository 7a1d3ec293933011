"""A learned brand reader, measured as a fallback for the rules: a linear-chain CRF tags the brand's words.

The model is a conditional random field (Lafferty, McCallum and Pereira 2001) trained with CRFsuite (Okazaki
2007, through python-crfsuite, in the dev extras) on the labelled briefs of `tests/matcher/brief_corpus`. It is
given to the reader as its `brand_fallback`, so it is asked only when the rules read no brand, and its name is
refused when unsure, claimed by another reading, or a place, a platform, a language or an agency's own name.

usage:
  python -m bench.brand_tagger --cross-validate   # 5 folds of corpus files: rules alone vs rules + tagger
  python -m bench.brand_tagger --score FILE...    # trained on the whole corpus, scored on FILEs never trained on

Nothing here is used by the engine: docs/briefs.md has the measurements and why the fallback stays out.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval import LabelledBrief, load_corpus, score_briefs
from matcher.briefs import BriefReader, default_reader
from matcher.briefs.brand_cues import BRAND_CUES, BRAND_VERBS
from matcher.briefs.brand_words import AGENCY_TAILS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import is_place_or_platform
from matcher.briefs.tokens import Tokens

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "matcher" / "brief_corpus"
# the least marginal probability of the name's first word being the brand's first word; the best of FLOORS in
# 5-fold cross-validation over the corpus files
MIN_CONFIDENCE = 0.6
FLOORS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
C1 = C2 = 0.05
MAX_ITERATIONS = 200
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


def train_brand_tagger(examples: Iterable[tuple[str, str | None]], places: Gazetteer, model_path: Path,
                       c1: float = 0.05, c2: float = 0.05, max_iterations: int = 200) -> int:
    """Train the tagger on (brief text, brand or None) pairs and write it to `model_path`; returns the count.

    c1 and c2 are CRFsuite's L1 and L2 penalties (L-BFGS).
    """
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


@dataclass(frozen=True)
class TaggedName:
    """A name the tagger read as the brand: tokens [start, end) and the probability of its first word."""

    start: int
    end: int
    confidence: float


class BrandTagger:
    """A trained brand tagger, opened from its CRFsuite model file."""

    def __init__(self, model_path: Path, min_confidence: float = MIN_CONFIDENCE) -> None:
        import pycrfsuite

        self.model_path = model_path
        self.min_confidence = min_confidence
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def tag(self, tokens: Tokens, places: Gazetteer) -> TaggedName | None:
        """The first name the tagger reads as the brand, with its confidence; None when it reads none."""
        tags = self._tagger.tag(token_features(tokens, places))
        if "B" not in tags:
            return None
        start = tags.index("B")
        end = start + 1
        while end < len(tags) and tags[end] == "I":
            end += 1
        return TaggedName(start, end, self._tagger.marginal("B", start))

    def read(self, tokens: Tokens, places: Gazetteer) -> Reading | None:
        """The brand reading the tagger adds when the rules read none: a sure name that no rule claimed and that
        is not a place, a platform, a language or an agency's own name."""
        tagged = self.tag(tokens, places)
        if tagged is None or tagged.confidence < self.min_confidence:
            return None
        start, end = tagged.start, tagged.end
        if any(tokens.claimed[i] is not None for i in range(start, end)) or is_place_or_platform(
                tokens, start, end, places) or tokens.lower[end - 1] in AGENCY_TAILS:
            return None
        value = tokens.span_text(start, end).strip(_TRIM)
        if not value or not any(c.isalpha() for c in value):
            return None
        tokens.claim(start, end, "brand")
        return Reading("brand", value, tokens.span_text(start, end), tokens.starts[start], tokens.ends[end - 1],
                       note=f"read by the learned tagger ({tagged.confidence:.0%} sure)")


def _examples(briefs: list[LabelledBrief]) -> list[tuple[str, str | None]]:
    return [(brief.text, brief.expect.get("brand") or None) for brief in briefs]


def _fully_right(reader: BriefReader, briefs: list[LabelledBrief]) -> tuple[int, int]:
    scored = score_briefs(briefs, reader.read)
    return sum(o.fully_right for o in scored.outcomes), sum("brand" not in o.wrong for o in scored.outcomes)


def cross_validate(files: list[Path], folds: int = 5) -> None:
    """Print fully-right and brand-right counts over held-out folds, rules alone and with the tagger per floor."""
    places = default_reader().places
    rules = BriefReader(places)
    totals: dict[str, list[int]] = {"rules": [0, 0], **{f"tagger >= {floor}": [0, 0] for floor in FLOORS}}
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            held = [path for i, path in enumerate(files) if i % folds == fold]
            train_briefs = [b for i, path in enumerate(files) if i % folds != fold for b in load_corpus(path)]
            model = Path(tmp) / f"fold{fold}.crfsuite"
            train_brand_tagger(_examples(train_briefs), places, model, C1, C2, MAX_ITERATIONS)
            held_briefs = [b for path in held for b in load_corpus(path)]
            n += len(held_briefs)
            for key, reader in [("rules", rules)] + [
                    (f"tagger >= {floor}", BriefReader(places, BrandTagger(model, floor).read)) for floor in FLOORS]:
                right, brand_right = _fully_right(reader, held_briefs)
                totals[key][0] += right
                totals[key][1] += brand_right
            print(f"fold {fold}: {len(held_briefs)} briefs held out", flush=True)
    print(f"{'reader':16} {'fully right':>12} {'brand right':>12}   ({n} briefs, {folds} folds of files)")
    for key, (right, brand_right) in totals.items():
        print(f"{key:16} {right / n:12.1%} {brand_right / n:12.1%}   ({right}, {brand_right})")


def score(paths: list[Path], files: list[Path]) -> None:
    """Train on every corpus file, then print per file of `paths` fully right with the rules alone and with the
    tagger as their fallback (`paths` must be files the tagger is not trained on)."""
    places = default_reader().places
    trained_on = {path.resolve() for path in files}
    if any(path.resolve() in trained_on for path in paths):
        raise SystemExit("--score takes files outside the corpus: the tagger is trained on every corpus file")
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "all.crfsuite"
        train_brand_tagger(_examples([b for path in files for b in load_corpus(path)]), places, model, C1, C2,
                           MAX_ITERATIONS)
        rules, tagged = BriefReader(places), BriefReader(places, BrandTagger(model).read)
        sums = [0, 0, 0]
        for path in paths:
            briefs = load_corpus(path)
            (a, _), (b, _) = _fully_right(rules, briefs), _fully_right(tagged, briefs)
            sums = [sums[0] + len(briefs), sums[1] + a, sums[2] + b]
            print(f"{path.name:28} {len(briefs):4d}  rules {a / len(briefs):6.1%}  "
                  f"rules+tagger {b / len(briefs):6.1%}")
    print(f"{'all':28} {sums[0]:4d}  rules {sums[1] / sums[0]:6.1%}  rules+tagger {sums[2] / sums[0]:6.1%}"
          f"  (floor {MIN_CONFIDENCE})")


def main() -> None:
    """Cross-validate on the corpus, or train on it and score other files."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cross-validate", action="store_true")
    parser.add_argument("--score", nargs="+", type=Path)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.jsonl"))
    if args.score:
        score(args.score, files)
    else:
        cross_validate(files)


if __name__ == "__main__":
    main()
