"""The quality gate: a deliberately worse build (texts shuffled across creators) is refused, --force overrides."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from eval import EvaluationError, QualityGate, clear_gate, configure_gate, load_gate
from index import GateRefused, IndexStore, build_store, open_matcher
from tests.helpers import HashingEncoder

BRIEFS = {
    "beauty": "makeup tutorial, lipstick and skincare routine",
    "fitness": "gym workout and training, leg day",
    "food": "homemade recipe, baking cakes and dessert",
    "travel": "travel trips, wanderlust and vacation abroad",
}


@pytest.fixture()
def gated_store(small_demo, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A store with a gate of 4 labeled briefs (relevant = creators of the brief's true niche)."""
    demo, _, _ = small_demo
    briefs = tmp_path / "briefs.jsonl"
    briefs.write_text("".join(json.dumps({"brief_id": k, "text": v}) + "\n" for k, v in BRIEFS.items()))
    truth = demo.niches[demo.niches["niche"].isin(list(BRIEFS))]
    labels = tmp_path / "labels.csv"
    pd.DataFrame({"brief_id": truth["niche"], "creator_id": truth["creator_id"], "relevance": 1}).to_csv(
        labels, index=False)
    store = tmp_path / "store"
    configure_gate(store, briefs, labels, margin=0.05)
    return store, briefs, labels


def _shuffled_catalog(creators: Path, posts: Path, folder: Path) -> tuple[Path, Path]:
    """Same creators and posts, but bios and captions dealt out to random creators: niche text is noise."""
    rng = np.random.default_rng(0)
    creator_frame = pd.read_csv(creators, dtype=str, keep_default_na=False)
    post_frame = pd.read_csv(posts, dtype=str, keep_default_na=False)
    creator_frame["bio"] = rng.permutation(creator_frame["bio"].to_numpy())
    post_frame["caption"] = rng.permutation(post_frame["caption"].to_numpy())
    creator_frame.to_csv(folder / "shuffled_creators.csv", index=False)
    post_frame.to_csv(folder / "shuffled_posts.csv", index=False)
    return folder / "shuffled_creators.csv", folder / "shuffled_posts.csv"


def test_the_gate_refuses_a_shuffled_text_build_and_force_publishes_it(small_demo, gated_store, tmp_path) -> None:
    _, creators, posts = small_demo
    store_dir, _, _ = gated_store
    encoder = HashingEncoder(dimension=512)
    gate = load_gate(store_dir)
    assert gate is not None and gate.margin == 0.05 and len(gate.briefs) == 4

    first = build_store(creators, posts, store_dir, encoder, gate=gate)
    assert first.gate is not None and first.gate["passed"] and first.gate["serving"] is None
    assert first.gate["candidate"] > 0.8  # bag-of-words on true niche texts ranks the right creators first
    before = open_matcher(store_dir, encoder).match(BRIEFS["food"], k=10).to_dict()

    worse_creators, worse_posts = _shuffled_catalog(creators, posts, tmp_path)
    with pytest.raises(GateRefused, match=r"ndcg@10 0\.\d+ vs serving [01]\.\d+: change -0\.\d+, more than the allowed "
                                          r"drop of 0\.05; not published \(--force publishes anyway\)") as refused:
        build_store(worse_creators, worse_posts, store_dir, encoder, gate=gate)
    decision = refused.value.decision
    assert decision.candidate < decision.serving - 0.05 and decision.serving == first.gate["candidate"]
    store = IndexStore(store_dir)
    assert store.current_version() == first.version and store.versions() == [first.version]
    assert open_matcher(store_dir, encoder).match(BRIEFS["food"], k=10).to_dict() == before

    forced = build_store(worse_creators, worse_posts, store_dir, encoder, gate=gate, force=True)
    assert store.current_version() == forced.version
    assert store.manifest(forced.version)["gate"]["forced"] is True
    assert forced.gate is not None and not forced.gate["passed"]


def test_an_equal_build_passes_the_gate(small_demo, gated_store) -> None:
    _, creators, posts = small_demo
    store_dir, _, _ = gated_store
    encoder = HashingEncoder(dimension=512)
    gate = load_gate(store_dir)
    assert gate is not None
    first = build_store(creators, posts, store_dir, encoder, gate=gate)
    second = build_store(creators, posts, store_dir, encoder, gate=gate)
    assert second.gate is not None and second.gate["passed"]
    assert second.gate["candidate"] == second.gate["serving"] == first.gate["candidate"]  # type: ignore[index]
    assert IndexStore(store_dir).manifest(second.version)["gate"]["passed"] is True


def test_gate_configuration_is_validated_and_can_be_cleared(gated_store, tmp_path: Path) -> None:
    store_dir, briefs, labels = gated_store
    with pytest.raises(EvaluationError, match="gate metric 'ndcg@7' is not one of"):
        configure_gate(store_dir, briefs, labels, metric="ndcg@7")
    with pytest.raises(EvaluationError, match="gate margin must be >= 0"):
        configure_gate(store_dir, briefs, labels, margin=-0.1)
    unlabeled = tmp_path / "unlabeled.csv"
    unlabeled.write_text("brief_id,creator_id,relevance\nbeauty,c00001,0\n")
    with pytest.raises(EvaluationError, match="no brief has a relevant labeled pair"):
        configure_gate(store_dir, briefs, unlabeled)
    kept = load_gate(store_dir)  # a refused configuration leaves the earlier gate in place
    assert isinstance(kept, QualityGate) and kept.margin == 0.05
    assert clear_gate(store_dir) and load_gate(store_dir) is None and not clear_gate(store_dir)
