"""The typed manifest: encoder identities, old manifests read back, and a build's settings used when serving."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
import pytest

from index import IndexStore, ServingIndex, SharedEncoders, build_store, open_matcher
from index.manifest import EncoderIdentity, read_manifest
from matcher import Filters, MatchSettings, TierThresholds
from tests.helpers import HashingEncoder


@pytest.mark.parametrize(("text", "fields"), [
    ("all-MiniLM-L6-v2|384|128|onnx-int8", ("all-MiniLM-L6-v2", 384, 128, "onnx-int8")),
    ("all-MiniLM-L6-v2|384|128", ("all-MiniLM-L6-v2", 384, 128, "torch")),
    ("hashing-256|256", ("hashing-256", 256, None, None)),
    ("all-MiniLM-L6-v2", ("all-MiniLM-L6-v2", None, None, None)),
])
def test_encoder_identity_reads_and_writes_the_compact_form(text: str, fields: tuple[object, ...]) -> None:
    identity = EncoderIdentity.parse(text)
    assert (identity.model, identity.dimension, identity.max_seq_length, identity.backend) == fields
    assert identity.key == text


@pytest.mark.parametrize("text", ["m|x|128", "m|384|128|tensorflow", "m|384|128|onnx|extra"])
def test_a_malformed_identity_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="expected model|dimension"):
        EncoderIdentity.parse(text)


def test_a_manifest_written_before_the_types_reads_back() -> None:
    old = {"store_format": 1, "schema_version": 1, "version": "v1", "created_at": "2026-11-30T00:00:00+00:00",
           "model": "all-MiniLM-L6-v2", "encoder": "all-MiniLM-L6-v2|384|128|onnx-int8", "dimension": 384,
           "counts": {"creators": 3, "posts": 5, "embedded": 4},
           "settings": {"tiers": {"micro": 5000, "macro": 50000, "mega": 500000}, "recent_posts": 12,
                        "min_group_size": 20, "presets": {"relevance": {"niche": 1.0}}, "default_preset": "balanced"},
           "files": {"index.faiss": {"sha256": "ab", "bytes": 10}}, "gate": {"passed": True}}
    info = read_manifest(old, "v1")
    assert info.encoder == EncoderIdentity(model="all-MiniLM-L6-v2", dimension=384, max_seq_length=128,
                                           backend="onnx-int8")
    assert info.settings is not None and info.settings.tiers == TierThresholds(micro=5000, macro=50000, mega=500000)
    assert info.counts.creators == 3 and info.as_json()["counts"]["embedded"] == 4  # further counts kept
    assert info.as_json()["gate"] == {"passed": True}  # entries added later are kept
    oldest = {key: value for key, value in old.items() if key != "encoder"}
    assert read_manifest(oldest, "v0").encoder.key == "all-MiniLM-L6-v2|384"


def test_a_broken_manifest_names_its_entry() -> None:
    with pytest.raises(ValueError, match=r"v2: manifest entry 'counts.creators'"):
        read_manifest({"store_format": 1, "schema_version": 1, "version": "v2", "created_at": "x", "model": "m",
                       "encoder": "m|8", "dimension": 8, "counts": {"creators": -1}}, "v2")


@pytest.fixture
def built_with_small_tiers(small_demo, tmp_path: Path) -> tuple[Path, pd.DataFrame]:
    """A store built with a micro tier from 5,000 followers (the default starts at 10,000)."""
    _, creators, posts = small_demo
    settings = MatchSettings(tiers=TierThresholds(micro=5000, macro=100_000, mega=1_000_000))
    build_store(creators, posts, tmp_path / "store", HashingEncoder(), settings)
    return tmp_path / "store", pd.read_csv(creators)


def test_a_server_with_other_tiers_answers_with_the_builds(built_with_small_tiers, caplog) -> None:
    store_dir, table = built_with_small_tiers
    followers = table.set_index(table["creator_id"].astype(str))["followers"]
    expected = set(followers.index[(followers >= 5000) & (followers < 100_000)])
    assert set(followers.index[(followers >= 5000) & (followers < 10_000)]), "the demo needs creators at 5k-10k"
    serving = ServingIndex(IndexStore(store_dir), SharedEncoders(lambda _: HashingEncoder()), MatchSettings())
    with caplog.at_level(logging.WARNING, logger="creatormatch.serving"):
        assert serving.refresh().outcome == "swapped"
    matcher = serving.current().matcher
    assert matcher.settings.tiers.micro == 5000
    assert "tiers micro 5000 (build) vs 10000 (server)" in caplog.text
    mask, _ = matcher.eligible(Filters(tiers=("micro",)))
    ids = matcher.index.creators["creator_id"].astype(str)
    assert set(ids[mask]) == expected
    shown = matcher.match("fitness", k=50, filters=Filters(tiers=("micro",))).results
    assert shown and all(m.tier == "micro" and 5000 <= m.followers < 100_000 for m in shown)


def test_a_version_without_recorded_settings_keeps_the_servers(built_with_small_tiers) -> None:
    store_dir, table = built_with_small_tiers
    store = IndexStore(store_dir)
    path = store.versions_dir / str(store.current_version()) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["settings"]  # as versions written before the settings were recorded
    path.write_text(json.dumps(manifest), encoding="utf-8")
    matcher = open_matcher(store_dir, HashingEncoder(), MatchSettings())
    assert matcher.settings.tiers.micro == 10_000
    followers = table.set_index(table["creator_id"].astype(str))["followers"]
    mask, _ = matcher.eligible(Filters(tiers=("micro",)))
    ids = matcher.index.creators["creator_id"].astype(str)
    assert set(ids[mask]) == set(followers.index[(followers >= 10_000) & (followers < 100_000)])


def test_the_written_manifest_records_encoder_and_build_settings(built_with_small_tiers) -> None:
    store_dir, _ = built_with_small_tiers
    store = IndexStore(store_dir)
    written = store.manifest(str(store.current_version()))
    assert written["encoder"] == {"model": "hashing-256", "dimension": 256, "max_seq_length": None, "backend": None}
    assert written["settings"]["tiers"] == {"micro": 5000, "macro": 100_000, "mega": 1_000_000}
    assert written["settings"]["recent_posts"] == 12 and "presets" not in written["settings"]
