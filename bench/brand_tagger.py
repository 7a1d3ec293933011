"""The learned brand reader's bench: train the shipped model, cross-validate it, score it on unseen files.

The model (`matcher/briefs/brand_tagger.py`) is a linear-chain CRF trained on the labelled briefs of
`tests/matcher/brief_corpus`, all but `held_aside.jsonl`, which stays out of every training set here so that
its figure measures briefs the model never saw.

usage:
  python -m bench.brand_tagger --train            # retrain the shipped model and its manifest (matcher/data)
  python -m bench.brand_tagger --cross-validate [--out FILE]  # 5 folds of files: rules alone vs rules + tagger
  python -m bench.brand_tagger --score FILE...    # trained on the corpus, scored on FILEs never trained on
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from eval import LabelledBrief, ReadingScore, load_corpus, score_briefs, score_lines
from matcher.briefs import BriefReader
from matcher.briefs.brand_tagger import (
    C1,
    C2,
    DATA_FOLDER,
    EVERYDAY_MIN_BRIEFS,
    MAX_ITERATIONS,
    MIN_CONFIDENCE,
    MODEL_FILE,
    BrandTagger,
    everyday_words,
    read_manifest,
    save_brand_tagger,
    shipped_brand_tagger,
    train_brand_tagger,
)
from matcher.briefs.gazetteer import gazetteer

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "matcher" / "brief_corpus"
HELD_ASIDE = "held_aside.jsonl"
FLOORS = (0.0, 0.5, 0.6)


def _examples(briefs: list[LabelledBrief]) -> list[tuple[str, str | None]]:
    return [(brief.text, brief.expect.get("brand") or None) for brief in briefs]


def _fully_right(reader: BriefReader, briefs: list[LabelledBrief]) -> tuple[int, int]:
    scored = score_briefs(briefs, reader.read)
    return sum(o.fully_right for o in scored.outcomes), sum("brand" not in o.wrong for o in scored.outcomes)


def _trainable(files: list[Path]) -> list[Path]:
    return [path for path in files if path.name != HELD_ASIDE]


def cross_validate(files: list[Path], folds: int = 5, out: Path | None = None) -> None:
    """Print fully-right and brand-right counts over held-out folds, rules alone and with the tagger per floor,
    then the shipped configuration's figures per file and per field (each file read by a tagger not trained on
    it); `out`, when given, receives those per-file figures as JSON."""
    places = gazetteer()
    rules = BriefReader(places)
    totals: dict[str, list[int]] = {"rules": [0, 0], **{f"tagger >= {floor}": [0, 0] for floor in FLOORS}}
    corpus = {path: load_corpus(path) for path in files}
    by_file: dict[str, ReadingScore] = {path.name: ReadingScore() for path in files}  # in the files' order
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            held = [path for i, path in enumerate(files) if i % folds == fold]
            train_briefs = [b for path in _trainable(files) if path not in held for b in corpus[path]]
            model = Path(tmp) / f"fold{fold}.crfsuite"
            train_brand_tagger(_examples(train_briefs), places, model, C1, C2, MAX_ITERATIONS)
            everyday = everyday_words((brief.text for brief in train_briefs), EVERYDAY_MIN_BRIEFS)
            held_count = sum(len(corpus[path]) for path in held)
            n += held_count
            for key, reader in [("rules", rules)] + [
                    (f"tagger >= {floor}", BriefReader(places, BrandTagger(model, floor, everyday).read))
                    for floor in FLOORS]:
                for path in held:
                    scored = score_briefs(corpus[path], reader.read)
                    totals[key][0] += sum(o.fully_right for o in scored.outcomes)
                    totals[key][1] += sum("brand" not in o.wrong for o in scored.outcomes)
                    if key == f"tagger >= {MIN_CONFIDENCE}":
                        by_file[path.name] = scored
            print(f"fold {fold}: {held_count} briefs held out", flush=True)
    print(f"{'reader':16} {'fully right':>12} {'brand right':>12}   ({n} briefs, {folds} folds of files)")
    for key, (right, brand_right) in totals.items():
        print(f"{key:16} {right / n:12.1%} {brand_right / n:12.1%}   ({right}, {brand_right})")
    print(f"\nrules then tagger >= {MIN_CONFIDENCE}, each file read by a tagger not trained on it:")
    for name, scored in by_file.items():
        print(f"{name:28} {scored.briefs:4d}  {scored.fully_right:6.1%}  traps giving a constraint "
              f"{scored.traps_read}")
    shipped = ReadingScore(outcomes=tuple(o for path in files for o in by_file[path.name].outcomes))
    print("\n".join(score_lines(shipped, "all files")[:2]))
    if out is not None:
        out.write_text(json.dumps({name: {"briefs": scored.briefs, "fully_right": scored.fully_right,
                                          "traps_read": scored.traps_read} for name, scored in by_file.items()},
                                  indent=1) + "\n", encoding="utf-8")


def score(paths: list[Path]) -> None:
    """Print per file of `paths` fully right with the rules alone and with the shipped tagger as their fallback
    (`paths` must be files the shipped tagger was not trained on)."""
    places = gazetteer()
    trained_on = set(read_manifest()["sources"])
    if any(path.name in trained_on for path in paths):
        raise SystemExit("--score takes files the shipped tagger was not trained on (its manifest's sources)")
    rules, tagged = BriefReader(places), BriefReader(places, shipped_brand_tagger().read)
    sums = [0, 0, 0]
    for path in paths:
        briefs = load_corpus(path)
        (a, _), (b, _) = _fully_right(rules, briefs), _fully_right(tagged, briefs)
        sums = [sums[0] + len(briefs), sums[1] + a, sums[2] + b]
        print(f"{path.name:28} {len(briefs):4d}  rules {a / len(briefs):6.1%}  rules+tagger {b / len(briefs):6.1%}")
    print(f"{'all':28} {sums[0]:4d}  rules {sums[1] / sums[0]:6.1%}  rules+tagger {sums[2] / sums[0]:6.1%}"
          f"  (floor {MIN_CONFIDENCE})")


def train(files: list[Path]) -> None:
    """Train the shipped model on every corpus file but the held-aside quarter and write it with its manifest."""
    sources = {path.name: load_corpus(path) for path in _trainable(files)}
    examples = _examples([brief for briefs in sources.values() for brief in briefs])
    manifest = save_brand_tagger(examples, gazetteer(), DATA_FOLDER,
                                 {name: len(briefs) for name, briefs in sources.items()})
    print(f"trained on {manifest['briefs']:,} briefs ({manifest['briefs_with_brand']:,} with a brand) from "
          f"{len(sources)} files: {DATA_FOLDER / MODEL_FILE} ({manifest['model_bytes']:,} bytes)")


def main() -> None:
    """Train the shipped model, cross-validate on the corpus, or score other files."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", action="store_true")
    parser.add_argument("--cross-validate", action="store_true")
    parser.add_argument("--score", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, help="with --cross-validate: per-file figures as JSON")
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.jsonl"))
    if args.train:
        train(files)
    elif args.score:
        score(args.score)
    else:
        cross_validate(files, out=args.out)


if __name__ == "__main__":
    main()
