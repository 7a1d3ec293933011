"""ROC AUC of the trust score, humans vs bought fakes, from a `creatormatch audit` export.

usage: python bench/cresci_trust_auc.py AUDIT.csv LABELS.csv   (labels: creator_id,is_fake)
"""

from __future__ import annotations

import sys

import pandas as pd


def roc_auc(scores: pd.Series, positive: pd.Series) -> float:
    """Mann-Whitney U / (n_pos * n_neg): the chance a random positive outscores a random negative."""
    ranks = scores.rank(method="average")
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def main(audit_path: str, labels_path: str) -> None:
    audit = pd.read_csv(audit_path, dtype={"creator_id": str})
    labels = pd.read_csv(labels_path, dtype={"creator_id": str})
    joined = audit.merge(labels, on="creator_id", how="inner")
    human = joined["is_fake"] == 0
    print(f"{len(joined):,} accounts ({int(human.sum()):,} human, {int((~human).sum()):,} fake)")
    print(f"trust_score ROC AUC (human = positive): {roc_auc(joined['trust_score'], human):.4f}")
    print(f"median trust: human {joined.loc[human, 'trust_score'].median():.3f}, "
          f"fake {joined.loc[~human, 'trust_score'].median():.3f}")
    flagged = joined["flags"].fillna("") != ""
    print(f"flagged: {flagged[~human].mean():.1%} of fakes, {flagged[human].mean():.1%} of humans")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
