"""The gazetteer: standard names to countries, and the rule that leaves ambiguous places as suggestions."""

from __future__ import annotations

import pytest

from matcher.briefs.places import DOMINANCE, REGIONS, _resolve, fold, gazetteer


@pytest.mark.parametrize(("name", "countries"), [
    ("Germany", ("DE",)), ("Deutschland", ("DE",)), ("UK", ("GB",)), ("the US", ("US",)), ("Texas", ("US",)),
    ("London", ("GB",)), ("São Paulo", ("BR",)), ("Sao Paulo", ("BR",)), ("Tbilisi", ("GE",)),
    ("DACH", REGIONS["dach"]), ("Ontario", ("CA",)), ("Berlin", ("DE",)),
])
def test_names_to_countries(name: str, countries: tuple[str, ...]) -> None:
    place = gazetteer().place(name)
    assert place is not None and place.countries == countries and not place.ambiguous


@pytest.mark.parametrize(("name", "candidates"), [("Georgia", {"GE", "US"}), ("Cambridge", {"GB", "CA", "US"})])
def test_ambiguous_names_keep_every_candidate(name: str, candidates: set[str]) -> None:
    place = gazetteer().place(name)
    assert place is not None and place.ambiguous and candidates <= set(place.countries)


def test_georgia_is_also_the_name_of_a_country() -> None:
    place = gazetteer().place("Georgia")
    assert place is not None and place.as_country == "GE"


def test_the_dominance_rule_by_hand() -> None:
    # a city twice as big as its namesake elsewhere wins; 1.9 times does not
    clear = _resolve("x", {"ES": (2_000_000.0, "city"), "VE": (1_000_000.0, "city")}, {})
    close = _resolve("x", {"ES": (1_900_000.0, "city"), "VE": (1_000_000.0, "city")}, {})
    assert DOMINANCE == 2.0
    assert clear.countries == ("ES",) and not clear.ambiguous
    assert close.ambiguous and close.countries == ("ES", "VE")


@pytest.mark.parametrize(("name", "countries"), [("German", ("DE",)), ("Brazilians", ("BR",)), ("Korean", ("KR",)),
                                                 ("British", ("GB",))])
def test_demonyms(name: str, countries: tuple[str, ...]) -> None:
    assert gazetteer().demonym(name) == countries


@pytest.mark.parametrize(("name", "code"), [("Spanish", "es"), ("Mandarin", "zh"), ("Portuguese", "pt"),
                                            ("Greek", "el")])
def test_languages(name: str, code: str) -> None:
    assert gazetteer().language(name) == code


def test_fold_drops_accents_and_case() -> None:
    assert fold("São Paulo") == "sao paulo" and fold("ZÜRICH") == "zurich"


def test_fold_by_hand_and_ascii_against_the_unicode_decomposition() -> None:
    import string
    import unicodedata

    assert fold("São Paulo") == "sao paulo" == fold("Sao Paulo")
    assert fold("Côte d’Ivoire") == "cote d'ivoire"
    # ASCII skips the decomposition: the same keys as NFKD and dropping combining marks would give
    for text in [string.printable, "New York", "DACH", "Washington, D.C.", ""]:
        decomposed = unicodedata.normalize("NFKD", text.lower())
        assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c))


def test_the_gazetteer_kept_between_processes_is_the_one_built(tmp_path, monkeypatch) -> None:
    from pathlib import Path

    from matcher.briefs.places import (
        build_gazetteer,
        gazetteer_cache_path,
        gazetteer_from_json,
        gazetteer_to_json,
    )

    built = build_gazetteer()
    assert gazetteer_from_json(gazetteer_to_json(built)) == built  # every place, demonym, language and code
    assert gazetteer_from_json("{not json") is None
    assert gazetteer_from_json(gazetteer_to_json(built).replace('"identity": "', '"identity": "x')) is None
    # the cache file lives under XDG_CACHE_HOME (set per test run by conftest)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kept = gazetteer_cache_path()
    assert kept is not None and kept.parent == tmp_path / "creatormatch"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/folder")  # ignored, as the XDG rules say
    assert gazetteer_cache_path() == Path.home() / ".cache" / "creatormatch" / kept.name


def test_a_process_keeps_the_gazetteer_and_a_damaged_file_is_built_again(tmp_path) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("from matcher.briefs.places import gazetteer, gazetteer_cache_path, build_gazetteer\n"
            "assert gazetteer() == build_gazetteer()\n"
            "print(gazetteer_cache_path())\n")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    root = Path(__file__).resolve().parents[3]

    def run() -> Path:
        done = subprocess.run([sys.executable, "-c", code], cwd=root, env=environment, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return Path(done.stdout.strip())

    kept = run()  # built and kept
    assert kept.exists() and kept.parent == tmp_path / "creatormatch"
    assert run() == kept  # read back: equal to a fresh build
    kept.write_text("{damaged", encoding="utf-8")
    run()
    assert kept.read_text(encoding="utf-8").startswith('{"identity"')
