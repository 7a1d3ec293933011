"""Would a learned reader find the advertiser's brand better than the rules? Leave one corpus file out.

A linear-chain CRF (sklearn-crfsuite) tags each token of a brief B/I/O for the brand, trained on every
corpus file but one and scored on that one; the rule reader (`matcher.briefs`) is scored on the same file.
Both are also combined: the rules' brand when they find one, else the tagger's. Only the brand field is
measured; nothing here is used by the engine.

usage: python -m bench.brand_tagger [--c1 0.05] [--c2 0.05]
needs: sklearn-crfsuite (in the dev extras; the engine does not use it)

The rules have been fixed on every file's misses, so their score on a left-out file is an upper bound on
their first contact (docs/briefs.md has the first-contact figures); the tagger's score is a true
first contact for the file, since it never trained on it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from eval import load_corpus
from eval.reading import LabelledBrief
from matcher.briefs import parse_brief
from matcher.briefs.lexicon import BRAND_CUES, BRAND_VERBS
from matcher.briefs.tokens import Tokens

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "matcher" / "brief_corpus"
# the words the rule reader's brand cues and verbs are made of, and the punctuation around a name
_CUE_WORDS = frozenset(word for phrase in (*BRAND_CUES, *BRAND_VERBS) for word in phrase) | {",", ":", "—", "-", "|",
                                                                                          "(", ")", "@"}


def _shape(word: str) -> str:
    out = []
    for char in word[:6]:
        out.append("X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char)
    return "".join(out)


def _features(tokens: Tokens, i: int) -> dict[str, Any]:
    word = tokens.words[i]
    feats: dict[str, Any] = {
        "bias": 1.0, "lower": tokens.lower[i], "shape": _shape(word), "title": word[:1].isupper(),
        "upper": word.isupper(), "digit": any(c.isdigit() for c in word), "suffix3": tokens.lower[i][-3:],
        "start": i < 3, "end": i > len(tokens) - 12, "line_start": i == 0 or tokens.words[i - 1] == "\n",
        "cue": tokens.lower[i] in _CUE_WORDS, "alpha": word.isalpha(),
    }
    for offset in (-3, -2, -1, 1, 2, 3):
        j = i + offset
        if 0 <= j < len(tokens):
            feats[f"{offset}:lower"] = tokens.lower[j]
            feats[f"{offset}:title"] = tokens.words[j][:1].isupper()
            feats[f"{offset}:shape"] = _shape(tokens.words[j])
        else:
            feats[f"{offset}:edge"] = True
    return feats


def _labels(tokens: Tokens, text: str, brand: str | None) -> list[str]:
    labels = ["O"] * len(tokens)
    if not brand:
        return labels
    at = text.find(brand)
    if at < 0:
        return labels
    stop = at + len(brand)
    inside = [i for i in range(len(tokens)) if tokens.starts[i] >= at and tokens.ends[i] <= stop]
    for n, i in enumerate(inside):
        labels[i] = "B" if n == 0 else "I"
    return labels


def _brand_of(tokens: Tokens, text: str, tags: list[str]) -> str | None:
    for i, tag in enumerate(tags):
        if tag == "B":
            end = i + 1
            while end < len(tags) and tags[end] == "I":
                end += 1
            return text[tokens.starts[i]:tokens.ends[end - 1]].strip(" .,;:!?'\"")
    return None


def _sequence(brief: LabelledBrief) -> tuple[Tokens, list[dict[str, Any]], list[str]]:
    tokens = Tokens.of(brief.text)
    return tokens, [_features(tokens, i) for i in range(len(tokens))], _labels(
        tokens, brief.text, brief.expect.get("brand"))


def main() -> None:
    """Leave each corpus file out in turn; print brand accuracy of the rules, the tagger and both."""
    import sklearn_crfsuite

    parser = argparse.ArgumentParser()
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.jsonl"))
    data = {path.name: [(brief, *_sequence(brief)) for brief in load_corpus(path)] for path in files}
    totals = {"rules": 0, "tagger": 0, "rules_then_tagger": 0, "n": 0}
    print(f"{'left out':24} {'briefs':>6} {'rules':>7} {'tagger':>7} {'rules, then tagger':>19}")
    for name, held in data.items():
        train = [row for other, rows in data.items() if other != name for row in rows]
        model = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=args.c1, c2=args.c2, max_iterations=200)
        model.fit([row[2] for row in train], [row[3] for row in train])
        predicted = model.predict([row[2] for row in held])
        right = {"rules": 0, "tagger": 0, "rules_then_tagger": 0}
        for (brief, tokens, _, _), tags in zip(held, predicted, strict=True):
            truth = brief.expect.get("brand") or None
            ruled = parse_brief(brief.text).filters.brand
            tagged = _brand_of(tokens, brief.text, list(tags))
            right["rules"] += ruled == truth
            right["tagger"] += tagged == truth
            right["rules_then_tagger"] += (ruled or tagged) == truth
        n = len(held)
        for key, value in right.items():
            totals[key] += value
        totals["n"] += n
        print(f"{name:24} {n:6d} {right['rules'] / n:7.1%} {right['tagger'] / n:7.1%} "
              f"{right['rules_then_tagger'] / n:19.1%}")
    n = totals["n"]
    print(f"{'all':24} {n:6d} {totals['rules'] / n:7.1%} {totals['tagger'] / n:7.1%} "
          f"{totals['rules_then_tagger'] / n:19.1%}")


if __name__ == "__main__":
    main()
