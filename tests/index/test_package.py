"""The index package loads its public names on first use: a server does not import the build pipeline."""

import importlib
import subprocess
import sys
from pathlib import Path

import index
from index import _SOURCES

ROOT = Path(__file__).resolve().parents[2]


def test_every_public_name_comes_from_the_module_the_table_names() -> None:
    assert sorted(_SOURCES) == sorted(index.__all__)
    for name, source in _SOURCES.items():
        assert getattr(index, name) is getattr(importlib.import_module(source), name), name
    assert set(index.__all__) <= set(dir(index))


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        index.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "'index'" in str(exc) and "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name resolved")


def test_the_http_app_imports_neither_the_build_pipeline_nor_the_ray_engine() -> None:
    code = (
        "import sys\n"
        "import api.server\n"
        "from index import IndexStore, ServingIndex\n"
        "print(sorted(m for m in ('index.build', 'index.ray_engine') if m in sys.modules))\n"
        "from index import build_store\n"
        "print('index.build' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "True"]
