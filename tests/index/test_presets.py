"""Learned presets in the store: saved as revisions, recorded in the serving manifest, read back by servers,
carried by builds, and never a refused revision in place of the default."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from index import IndexStore, StoreError, build_store, matcher_for
from index.manifest import LearnedPreset
from index.presets import check_preset_name, next_revision, save_learned_preset
from index.service import version_settings
from tests.helpers import HashingEncoder


def learned(name: str = "agency", revision: int = 1, adopted: bool = True, **weights: float) -> LearnedPreset:
    return LearnedPreset(name=name, revision=revision, weights=weights or {"niche": 0.5, "trust": 0.5},
                         trained_at="2026-12-02T00:00:00+00:00", trained_on_version="v", training_sha256="0" * 64,
                         briefs=10, pairs=40, folds=5, metric="ndcg@10", cross_validated={name: 0.8, "balanced": 0.7},
                         baseline="balanced", gain=0.1, p_value=0.01, adopted=adopted,
                         reason="adopted" if adopted else "refused")


@pytest.fixture()
def store(hashing_store: Path, tmp_path: Path) -> IndexStore:
    copy = tmp_path / "store"
    shutil.copytree(hashing_store, copy)
    return IndexStore(copy)


def test_a_saved_preset_is_served_by_name_and_as_the_default_once_adopted(store: IndexStore) -> None:
    path, live = save_learned_preset(store, learned(), make_default=False)
    assert live and path == store.root / "presets" / "agency" / "0001.json"
    assert json.loads(path.read_text())["weights"] == {"niche": 0.5, "trust": 0.5}
    settings = version_settings(store.load())
    assert settings.presets["agency"] == {"niche": 0.5, "trust": 0.5}
    assert settings.default_preset == "balanced"
    matcher = matcher_for(store.load(), HashingEncoder())
    response = matcher.match("dog training", k=5, preset="agency")
    assert response.preset == "agency" and response.weights["trust"] == 0.5 and response.weights["engagement"] == 0

    save_learned_preset(store, learned(revision=next_revision(store, "agency")), make_default=True)
    assert next_revision(store, "agency") == 3
    assert version_settings(store.load()).default_preset == "agency"
    assert matcher_for(store.load(), HashingEncoder()).match("dog training", k=5).preset == "agency"


def test_a_refused_revision_never_replaces_the_default(store: IndexStore) -> None:
    save_learned_preset(store, learned(trust=0.5, niche=0.5), make_default=True)
    path, live = save_learned_preset(store, learned(revision=2, adopted=False, niche=0.1, cost=0.9),
                                     make_default=True)
    assert not live and path.exists()
    manifest = store.manifest(str(store.current_version()))
    assert manifest["default_preset"] == "agency" and manifest["presets"]["agency"]["revision"] == 1


def test_an_unadopted_preset_is_not_made_the_default(store: IndexStore) -> None:
    save_learned_preset(store, learned(name="trial", adopted=False), make_default=True)
    manifest = store.manifest(str(store.current_version()))
    assert "trial" in manifest["presets"] and manifest.get("default_preset") is None


def test_names_and_components_are_checked(store: IndexStore) -> None:
    with pytest.raises(StoreError, match="hand-set preset") as caught:
        check_preset_name("balanced")
    assert caught.value.field == "name"
    with pytest.raises(StoreError, match="a-z"):
        check_preset_name("My Preset")
    with pytest.raises(StoreError, match="unknown component"):
        save_learned_preset(store, learned(charisma=1.0), make_default=False)
    assert not (store.root / "presets").exists()


def test_a_build_carries_the_learned_presets_to_the_next_version(store: IndexStore, small_demo) -> None:
    save_learned_preset(store, learned(), make_default=True)
    before = store.current_version()
    _, creators, posts = small_demo
    build_store(creators, posts, store.root, HashingEncoder())
    after = store.current_version()
    assert after != before
    manifest = store.manifest(str(after))
    assert manifest["default_preset"] == "agency"
    assert manifest["presets"]["agency"]["weights"] == {"niche": 0.5, "trust": 0.5}
