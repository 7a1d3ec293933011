from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from matcher.demo import DemoCatalog, generate_demo_catalog


def pytest_configure(config: pytest.Config) -> None:
    # what the code keeps in the user's cache folder (the brief reader's gazetteer) goes to a folder of this run,
    # for this process and the ones its tests start
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="creatormatch-tests-cache-")


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[DemoCatalog, Path, Path]:
    """A 240-creator synthetic catalog written as CSV, with its true niches."""
    folder = tmp_path_factory.mktemp("demo")
    catalog = generate_demo_catalog(240, seed=3)
    creators, posts = catalog.write(folder)
    return catalog, creators, posts


def write_csv(path: Path, rows: list[dict[str, object]]) -> Path:
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.fixture(scope="session")
def hashing_store(small_demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the small demo catalog with the hashing encoder; copy it before changing it."""
    from index import build_store
    from tests.helpers import HashingEncoder

    _, creators, posts = small_demo
    store = tmp_path_factory.mktemp("hashing") / "store"
    build_store(creators, posts, store, HashingEncoder())
    return store
