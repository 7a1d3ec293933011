"""How right the inferred content languages are: checked against a second, independent identifier.

For each of the most common languages other than English, up to `--sample` creators that a language
filter returns (the inferred language, at the shipped confidence setting) are re-identified by
lingua-language-detector (high-accuracy mode, a different model and method from py3langid) on the same
texts; precision is the share whose majority lingua language is the filter's. Coverage is the share of
creators with a confident inferred language.

usage: python -m bench.kim_languages STORE [--sample 100] [--languages it es pt]
(needs `pip install lingua-language-detector`, a measurement tool only, not a dependency of the engine)
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from index import IndexStore
from matcher import MatchSettings
from matcher.documents import clean_text
from matcher.inferred import effective_values
from matcher.languages import MIN_LETTERS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--languages", nargs="*", default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
    index = IndexStore(args.store).load().index
    creators, units = index.creators, index.units
    threshold = MatchSettings().inferred_min_confidence
    language = pd.Series(effective_values(creators["language"].tolist(), creators["language_inferred"].tolist(),
                                          creators["language_inferred_confidence"].to_numpy(dtype=float),
                                          threshold))
    counts = language.value_counts()
    print(f"{len(creators):,} creators; confident inferred language (>= {threshold}) for "
          f"{language.notna().sum():,} ({language.notna().mean():.1%}); top: "
          + ", ".join(f"{k} {v:,}" for k, v in counts.head(12).items()))
    chosen = args.languages or [code for code in counts.index if code != "en"][:3]
    rng = np.random.default_rng(args.seed)
    texts_of = units.groupby("creator_row")["shown"].apply(list)
    rows = []
    for code in chosen:
        members = np.flatnonzero(language.to_numpy() == code)
        sample = rng.choice(members, size=min(args.sample, len(members)), replace=False)
        agree = 0
        for row in sample:
            votes: Counter[str] = Counter()
            for text in texts_of.get(row, []):
                cleaned = clean_text(str(text))
                if sum(c.isalpha() for c in cleaned) < MIN_LETTERS:
                    continue
                found = detector.detect_language_of(cleaned)
                if found is not None:
                    votes[found.iso_code_639_1.name.lower()] += 1
            agree += int(bool(votes) and votes.most_common(1)[0][0] == code)
        rows.append({"language": code, "creators returned": len(members), "sampled": len(sample),
                     "lingua agrees": agree, "precision": round(agree / max(len(sample), 1), 3)})
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
