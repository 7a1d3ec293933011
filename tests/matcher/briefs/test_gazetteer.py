"""The gazetteer kept in the user's cache folder is the one built, and a damaged file is built again."""

from __future__ import annotations


def test_the_gazetteer_kept_between_processes_is_the_one_built(tmp_path, monkeypatch) -> None:
    from pathlib import Path

    from matcher.briefs.gazetteer import gazetteer_cache_path, gazetteer_from_json, gazetteer_to_json
    from matcher.briefs.places import build_gazetteer

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

    code = ("from matcher.briefs.gazetteer import gazetteer, gazetteer_cache_path\n"
            "from matcher.briefs.places import build_gazetteer\n"
            "assert gazetteer() == build_gazetteer()\n"
            "print(gazetteer_cache_path())\n")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    root = Path(__file__).resolve().parents[3]

    def run() -> Path:
        done = subprocess.run([sys.executable, "-c", code], cwd=root, env=environment, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return Path(done.stdout.strip())

    # files made by other versions of the tables: the newest three stay, older ones go
    folder = tmp_path / "creatormatch"
    folder.mkdir()
    others = [folder / f"gazetteer-other{n}.json" for n in range(5)]
    for age, other in enumerate(others):
        other.write_text("{}", encoding="utf-8")
        os.utime(other, (1_000_000 + age, 1_000_000 + age))  # other4 is the newest
    kept = run()  # built and kept
    assert kept.exists() and kept.parent == folder
    assert sorted(p.name for p in folder.glob("gazetteer-other*.json")) == [
        "gazetteer-other2.json", "gazetteer-other3.json", "gazetteer-other4.json"]
    assert run() == kept  # read back: equal to a fresh build
    kept.write_text("{damaged", encoding="utf-8")
    run()
    assert kept.read_text(encoding="utf-8").startswith('{"identity"')
