"""Where a build reads its catalog: files (CSV, JSONL, Parquet) or tables and queries of an SQL database."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from index.store import sha256_of
from matcher import Catalog, CatalogError, catalog_from_frames, load_catalog

_QUERY = re.compile(r"^\s*(select|with)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CatalogSource:
    """A catalog's creators and (optional) posts: file paths, or with `database` table names or SELECT queries.

    Parameters
    ----------
    creators, posts
        File paths; or, when `database` is set, a table name or a query starting with SELECT or WITH.
    database
        An SQLAlchemy URL: ``sqlite:///catalog.db`` (embedded default) or
        ``postgresql+psycopg://user:password@host/db`` (production).
    """

    creators: str
    posts: str | None = None
    database: str | None = None

    def load(self) -> Catalog:
        """Read and validate the catalog; bad rows become rejects, unreadable sources raise CatalogError."""
        if self.database is None:
            return load_catalog(self.creators, self.posts)
        creators_frame = self._read_sql(self.creators, ("creator_id",))
        posts_frame = self._read_sql(self.posts, ("creator_id", "post_id")) if self.posts is not None else None
        return catalog_from_frames(creators_frame, posts_frame, _table_label(self.creators),
                                   _table_label(self.posts or "posts"))

    def describe(self) -> dict[str, Any]:
        """What the manifest records of the source: paths or masked URL, and a checksum of the content."""
        if self.database is None:
            described: dict[str, Any] = {"creators": {"path": self.creators, "sha256": sha256_of(Path(self.creators))}}
            if self.posts is not None:
                described["posts"] = {"path": self.posts, "sha256": sha256_of(Path(self.posts))}
            return described
        described = {"database": masked_url(self.database), "creators": {"table": self.creators}}
        if self.posts is not None:
            described["posts"] = {"table": self.posts}
        return described

    def _read_sql(self, table_or_query: str, order_by: tuple[str, ...]) -> pd.DataFrame:
        """A table (rows ordered by its key columns, so builds are repeatable) or a query's result as is."""
        try:
            import sqlalchemy
        except ImportError:
            raise CatalogError("SQL sources need SQLAlchemy: pip install sqlalchemy") from None
        where = f"{masked_url(self.database or '')} {_table_label(table_or_query)}"
        try:
            engine = sqlalchemy.create_engine(self.database or "")
        except Exception as exc:  # bad URL, missing driver
            raise CatalogError(f"{masked_url(self.database or '')}: cannot open the database "
                               f"({type(exc).__name__}: {_first_line(exc)})") from None
        try:
            with engine.connect() as connection:
                if _QUERY.match(table_or_query):
                    statement: Any = sqlalchemy.text(table_or_query)
                else:
                    if not sqlalchemy.inspect(connection).has_table(table_or_query):
                        raise CatalogError(f"{where}: no such table")
                    columns = _columns(connection, table_or_query)
                    keys = [c for c in columns if c.name in order_by]
                    statement = sqlalchemy.select(sqlalchemy.table(table_or_query, *columns)).order_by(*keys)
                return pd.read_sql(statement, connection)
        except CatalogError:
            raise
        except Exception as exc:  # connection refused, bad query, permissions
            raise CatalogError(f"{where}: cannot read ({type(exc).__name__}: {_first_line(exc)})") from None
        finally:
            engine.dispose()


def _columns(connection: Any, table: str) -> list[Any]:
    import sqlalchemy

    return [sqlalchemy.column(c["name"]) for c in sqlalchemy.inspect(connection).get_columns(table)]


def masked_url(url: str) -> str:
    """The URL with its password hidden, safe to print and to store in a manifest."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def _table_label(table_or_query: str) -> str:
    if _QUERY.match(table_or_query):
        return f"query {hashlib.sha1(table_or_query.encode()).hexdigest()[:8]}"
    return f"table {table_or_query}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else ""
