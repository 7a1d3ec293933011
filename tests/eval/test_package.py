"""The eval package loads its public names on first use, and a store without a gate never imports ranx."""

import importlib
import subprocess
import sys
from pathlib import Path

import eval as evaluation
from eval import _SOURCES

ROOT = Path(__file__).resolve().parents[2]


def test_every_public_name_comes_from_the_module_the_table_names() -> None:
    assert sorted(_SOURCES) == sorted(evaluation.__all__)
    for name, source in _SOURCES.items():
        assert getattr(evaluation, name) is getattr(importlib.import_module(source), name), name


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        evaluation.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name resolved")


def test_asking_a_store_without_a_gate_imports_neither_ranx_nor_scipy_stats(tmp_path: Path) -> None:
    # a build calls load_gate on every store; only a configured gate needs the metrics
    code = (
        "import sys\n"
        "from eval import load_gate\n"
        f"assert load_gate({str(tmp_path)!r}) is None\n"
        "print(sorted(m for m in ('ranx', 'scipy.stats') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
