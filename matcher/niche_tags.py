"""Each creator's niche tags: the creator niches (`matcher.taxonomy.NICHES`) their own texts are about.

Every text (bio or recent caption, as embedded) is assigned to the niche whose description it is
closest to by cosine, when that cosine reaches `TEXT_FLOOR` (below it the text is about none of them:
"Happy Monday!") and is at most `GATE_MARGIN` below the text's best cosine with the IAB Content
Taxonomy (a text the industry's full list names much better, a political caption, is about none of
the niches). Floor and margin are the brief-steering gate's (`NicheScorer.steering_floor` and
`steering_margin`, chosen by cross-validation on briefs in issue 16), not fitted to creators' labels.
A creator's share of a niche is the fraction of their texts assigned to it; the tags are the niches
with a share of at least `MIN_SHARE`, most shared first, at most `MAX_TAGS`. The niche list is general
(45 influencer-marketing niches written for the project, issue 10), not fitted to any data set's labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

TEXT_FLOOR = 0.25
GATE_MARGIN = 0.1
MIN_SHARE = 0.3
MAX_TAGS = 3
TAGS_VERSION = "v1"  # of the niche list, its descriptions and the rules: a change must empty the cached niches


@dataclass(frozen=True)
class NicheTags:
    """Per creator: tags (most shared first) and the share of their texts per niche (creators x niches)."""

    tags: list[tuple[str, ...]]
    share: NDArray[np.float64]
    labels: tuple[str, ...]

    @property
    def top_share(self) -> NDArray[np.float64]:
        """Each creator's largest niche share (0 without any placed text)."""
        return self.share.max(axis=1) if self.share.shape[1] else np.zeros(len(self.share))

    @property
    def shares(self) -> list[dict[str, float]]:
        """Each creator's non-zero shares, largest first, rounded to 3 places."""
        out = []
        for row in self.share:
            order = [int(i) for i in np.argsort(-row, kind="stable") if row[i] > 0]
            out.append({self.labels[i]: round(float(row[i]), 3) for i in order})
        return out


def assign_texts(unit_vectors: NDArray[np.float32], prototypes: NDArray[np.float32],
                 reference_best: NDArray[np.float32] | None = None, *, text_floor: float = TEXT_FLOOR,
                 gate_margin: float = GATE_MARGIN) -> NDArray[np.int64]:
    """The niche (index into `prototypes`) each unit-length text vector is about, or -1 (see the module
    docstring); `reference_best` is each text's best cosine with the reference taxonomy (None: no gate)."""
    if reference_best is not None and len(reference_best) != len(unit_vectors):
        raise ValueError("assign_texts: one reference cosine per text vector is needed")
    if not len(unit_vectors) or not len(prototypes):
        return np.full(len(unit_vectors), -1, dtype=np.int64)
    similarity = unit_vectors @ prototypes.T
    best = similarity.argmax(axis=1)
    closest = similarity[np.arange(len(best)), best]
    placed = closest >= text_floor
    if reference_best is not None:
        placed &= closest >= np.asarray(reference_best) - gate_margin
    return np.where(placed, best, -1).astype(np.int64)


def tags_from_assignments(assigned: NDArray[np.int64], creator_rows: NDArray[np.int64], labels: Sequence[str],
                          n_creators: int, *, min_share: float = MIN_SHARE, max_tags: int = MAX_TAGS) -> NicheTags:
    """Each creator's tags from its texts' niches (`assign_texts`; -1 for none)."""
    if len(assigned) != len(creator_rows):
        raise ValueError("niche_tags: one creator row per text vector is needed")
    rows = np.asarray(creator_rows, dtype=np.int64)
    texts = np.bincount(rows, minlength=n_creators).astype(np.float64)
    counts = np.zeros((n_creators, len(labels)))
    placed = assigned >= 0
    np.add.at(counts, (rows[placed], assigned[placed]), 1.0)
    share = np.divide(counts, texts[:, None], out=np.zeros_like(counts), where=texts[:, None] > 0)
    tags: list[tuple[str, ...]] = [()] * n_creators
    if len(labels):
        # most shared first; a stable sort keeps the taxonomy's order among equal shares
        order = np.argsort(-share, axis=1, kind="stable")[:, :max_tags]
        kept = np.take_along_axis(share, order, axis=1) >= min_share
        for row in np.flatnonzero(kept[:, 0]).tolist():
            tags[row] = tuple(labels[int(i)] for i, keep in zip(order[row], kept[row], strict=True) if keep)
    return NicheTags(tags, share, tuple(labels))


def niche_tags(unit_vectors: NDArray[np.float32], creator_rows: NDArray[np.int64], prototypes: NDArray[np.float32],
               labels: Sequence[str], n_creators: int, *, reference_best: NDArray[np.float32] | None = None,
               text_floor: float = TEXT_FLOOR, gate_margin: float = GATE_MARGIN, min_share: float = MIN_SHARE,
               max_tags: int = MAX_TAGS) -> NicheTags:
    """Tags of every creator from their unit-normalized text vectors (see the module docstring).

    Parameters
    ----------
    unit_vectors
        One unit-length vector per text.
    creator_rows
        The creator (row position) of each text.
    prototypes
        One unit-length vector per niche description, aligned with `labels`.
    reference_best
        Each text's best cosine with the reference taxonomy (IAB); None skips the gate.
    """
    if len(unit_vectors) != len(creator_rows) or (reference_best is not None and
                                                  len(reference_best) != len(unit_vectors)):
        raise ValueError("niche_tags: one creator row per text vector is needed")
    if len(prototypes) != len(labels):
        raise ValueError("niche_tags: one label per prototype is needed")
    assigned = assign_texts(unit_vectors, prototypes, reference_best, text_floor=text_floor,
                            gate_margin=gate_margin)
    return tags_from_assignments(assigned, creator_rows, labels, n_creators, min_share=min_share,
                                 max_tags=max_tags)


def best_cosine(vectors: NDArray[np.float32], prototypes: NDArray[np.float32],
                chunk: int = 65_536) -> NDArray[np.float32]:
    """Each unit vector's largest cosine with any prototype, in chunks (a million texts by 700 prototypes at once
    would take gigabytes)."""
    out = np.zeros(len(vectors), dtype=np.float32)
    for start in range(0, len(vectors), chunk):
        out[start: start + chunk] = (vectors[start: start + chunk] @ prototypes.T).max(axis=1) if len(prototypes) \
            else -1.0
    return out
