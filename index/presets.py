"""Learned weight presets in the store: each revision kept as a file under `presets/`, the live ones recorded in
the serving version's manifest (and carried to every later version by builds), one of them maybe the default.

STORE/presets/<name>/<revision>.json   every revision `creatormatch tune` saved, adopted or not
manifest.json: presets.<name>          the revision a server answers with under that name
manifest.json: default_preset          a learned preset adopted as the default (the rule: `eval.tuning.adoption`)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from index.manifest import LearnedPreset, read_manifest
from index.store import IndexStore, StoreError, _write_atomic
from matcher import COMPONENTS, PRESETS

_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


def check_preset_name(name: str) -> str:
    """A learned preset's name: lower-case letters, digits, - and _, and not a hand-set preset's."""
    if not _NAME.match(name):
        raise StoreError("must start with a letter and hold only a-z, 0-9, - and _ (at most 40)", field="name")
    if name in PRESETS:
        raise StoreError(f"'{name}' is a hand-set preset; a learned one needs another name", field="name")
    return name


def learned_presets(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest entries a build carries from the serving version to the next one."""
    carried: dict[str, Any] = {}
    if manifest.get("presets"):
        carried["presets"] = manifest["presets"]
    if manifest.get("default_preset"):
        carried["default_preset"] = manifest["default_preset"]
    return carried


def next_revision(store: IndexStore, name: str) -> int:
    """One more than the newest revision of `name` saved in the store."""
    folder = store.root / "presets" / name
    saved = [int(p.stem) for p in folder.glob("*.json") if p.stem.isdigit()] if folder.is_dir() else []
    return max(saved, default=0) + 1


def save_learned_preset(store: IndexStore, preset: LearnedPreset, *, make_default: bool) -> tuple[Path, bool]:
    """Keep a revision of a learned preset and put it in the serving version's manifest.

    With `make_default` it becomes the default, if its adoption rule allowed it (`preset.adopted`). A revision
    not adopted never replaces the weights of the default preset: it is then kept in `presets/` only. Returns
    the revision's file and whether the manifest now serves it.
    """
    check_preset_name(preset.name)
    unknown = set(preset.weights) - set(COMPONENTS)
    if unknown:
        raise StoreError(f"unknown component(s) {sorted(unknown)}", field="weights")
    with store.build_lock():  # a build carries the presets of the manifest it replaces: never both at once
        version = store.current_version()
        if version is None:
            raise StoreError(f"{store.root}: no index has been built yet (run `creatormatch build` first)")
        folder = store.versions_dir / version
        manifest = store.manifest(version)
        path = store.root / "presets" / preset.name / f"{preset.revision:04d}.json"
        if path.exists():
            raise StoreError(f"revision {preset.revision} of '{preset.name}' is already saved at {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, json.dumps(preset.model_dump(mode="json"), indent=2).encode("utf-8"))
        default = manifest.get("default_preset")
        if preset.name == default and not preset.adopted:
            return path, False
        presets = {**(manifest.get("presets") or {}), preset.name: preset.model_dump(mode="json")}
        update: dict[str, Any] = {"presets": presets}
        if make_default and preset.adopted:
            update["default_preset"] = preset.name
        read_manifest({**manifest, **update}, version)  # what is written must read back
        store.annotate(folder, update)
    return path, True
