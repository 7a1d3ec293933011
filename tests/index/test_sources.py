"""Catalog sources: SQL tables and queries validate exactly like files; PostgreSQL against a real server."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import sqlalchemy

from index import CatalogSource, IndexStore, build_store, masked_url
from matcher import CatalogError, load_catalog
from tests.helpers import HashingEncoder

POSTGRES_URL = os.environ.get("CREATORMATCH_TEST_POSTGRES_URL")


def _same_catalog(left, right) -> None:
    # `_row` differs by design: a CSV counts its header line, a result set does not
    pd.testing.assert_frame_equal(left.creators.drop(columns="_row"), right.creators.drop(columns="_row"),
                                  check_dtype=False)
    pd.testing.assert_frame_equal(left.posts.drop(columns="_row"), right.posts.drop(columns="_row"),
                                  check_dtype=False)


def _fill(url: str, creators: Path, posts: Path, suffix: str = "", typed: bool = False) -> None:
    engine = sqlalchemy.create_engine(url)
    read = (lambda p: pd.read_csv(p)) if typed else (lambda p: pd.read_csv(p, dtype=str, keep_default_na=False))
    with engine.begin() as connection:
        read(creators).to_sql(f"creators{suffix}", connection, index=False, if_exists="replace")
        read(posts).to_sql(f"posts{suffix}", connection, index=False, if_exists="replace")
    engine.dispose()


@pytest.mark.parametrize("typed", [False, True])
def test_sqlite_tables_give_the_same_catalog_as_the_files(small_demo, tmp_path: Path, typed: bool) -> None:
    _, creators, posts = small_demo
    url = f"sqlite:///{tmp_path / 'catalog.db'}"
    _fill(url, creators, posts, typed=typed)  # typed: integer and float columns, as a real database holds them
    from_files = load_catalog(creators, posts)
    from_sql = CatalogSource("creators", "posts", url).load()
    _same_catalog(from_files, from_sql)
    assert from_sql.rejected_rows == 0


def test_a_query_selects_part_of_the_catalog(small_demo, tmp_path: Path) -> None:
    demo, creators, posts = small_demo
    url = f"sqlite:///{tmp_path / 'catalog.db'}"
    _fill(url, creators, posts)
    source = CatalogSource("SELECT * FROM creators WHERE platform = 'youtube'", "posts", url)
    catalog = source.load()
    expected = set(demo.creators.loc[demo.creators["platform"] == "youtube", "creator_id"])
    assert set(catalog.creators["creator_id"]) == expected and expected
    # posts of creators the query left out are rejected as posts of unknown creators, and counted
    assert catalog.rejected_rows == int((~demo.posts["creator_id"].isin(expected)).sum())


def test_bad_sql_rows_are_rejected_by_table_and_row(small_demo, tmp_path: Path) -> None:
    _, creators, _ = small_demo
    url = f"sqlite:///{tmp_path / 'catalog.db'}"
    frame = pd.read_csv(creators, dtype=str, keep_default_na=False)
    frame.loc[4, "followers"] = "-5"
    engine = sqlalchemy.create_engine(url)
    frame.to_sql("creators", engine, index=False)
    engine.dispose()
    catalog = CatalogSource("creators", None, url).load()
    assert len(catalog.creators) == len(frame) - 1
    reject = catalog.rejects.iloc[0]
    assert (reject["file"], reject["row"], reject["column"]) == ("table creators", 5, "followers")


def test_sql_errors_name_the_database_and_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    sqlalchemy.create_engine(url).connect().close()
    with pytest.raises(CatalogError, match="table creators: no such table"):
        CatalogSource("creators", None, url).load()
    with pytest.raises(CatalogError, match="cannot read"):
        CatalogSource("SELECT * FROM nowhere", None, url).load()
    with pytest.raises(CatalogError, match="cannot open the database"):
        CatalogSource("creators", None, "nosuchdialect://x").load()


def test_passwords_never_reach_messages_or_manifests() -> None:
    assert masked_url("postgresql+psycopg://cm:s3cret@db.example/catalog") == \
        "postgresql+psycopg://cm:***@db.example/catalog"
    described = CatalogSource("creators", "posts", "postgresql+psycopg://cm:s3cret@localhost/x").describe()
    assert "s3cret" not in str(described)


@pytest.mark.skipif(not POSTGRES_URL and not os.environ.get("CREATORMATCH_REQUIRE_POSTGRES"),
                    reason="no PostgreSQL server (.ci/run starts one and sets CREATORMATCH_TEST_POSTGRES_URL)")
def test_postgresql_source_builds_the_same_index_as_the_files(small_demo, tmp_path: Path) -> None:
    assert POSTGRES_URL, "CREATORMATCH_REQUIRE_POSTGRES is set but CREATORMATCH_TEST_POSTGRES_URL is not"
    _, creators, posts = small_demo
    suffix = "_" + uuid.uuid4().hex[:8]  # tests may share one database
    _fill(POSTGRES_URL, creators, posts, suffix, typed=True)
    try:
        encoder = HashingEncoder()
        source = CatalogSource(f"creators{suffix}", f"posts{suffix}", POSTGRES_URL)
        _same_catalog(load_catalog(creators, posts), source.load())
        from_db = build_store(source, None, tmp_path / "db", encoder)
        from_files = build_store(creators, posts, tmp_path / "files", encoder)
        db_index = IndexStore(tmp_path / "db").load(from_db.version).index
        file_index = IndexStore(tmp_path / "files").load(from_files.version).index
        assert np.array_equal(db_index.creator_vectors, file_index.creator_vectors)
        manifest = IndexStore(tmp_path / "db").manifest(from_db.version)
        assert manifest["sources"]["creators"] == {"table": f"creators{suffix}"}
        assert manifest["sources"]["database"].startswith("postgresql+psycopg://")
    finally:
        engine = sqlalchemy.create_engine(POSTGRES_URL)
        with engine.begin() as connection:
            connection.execute(sqlalchemy.text(f"DROP TABLE IF EXISTS creators{suffix}, posts{suffix}"))
        engine.dispose()
