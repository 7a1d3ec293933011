"""Feedback from users (a result marked relevant or not) stored as labeled pairs, exported for `creatormatch eval`.

Any SQLAlchemy URL works (SQLite by default, PostgreSQL in production); every statement is
SQLAlchemy Core with bound parameters. It lives beside the index store (not in eval/) because the
server records feedback: serving must not import the evaluation stack (ranx, numba, matplotlib).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa

from matcher import CreatorMatchError, Matcher

MAX_RELEVANCE = 3
# a cell starting with one of these runs as a formula when the CSV is opened in a spreadsheet
# (OWASP, "CSV Injection"): such cells are written with a leading apostrophe
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FeedbackError(CreatorMatchError):
    """Feedback that cannot be stored or exported."""


def check_feedback_target(matcher: Matcher, versions: Collection[str], creator_id: str,
                          index_version: str | None) -> None:
    """Refuse feedback on a creator the served index does not hold, or on a version the store does not hold."""
    if not matcher.has_creator(creator_id):
        raise FeedbackError(f"'{creator_id}' is not in the served index version {matcher.version}",
                            field="creator_id")
    if index_version is not None and index_version not in versions:
        raise FeedbackError(f"'{index_version}' is not a version in the store", field="index_version")


def spreadsheet_safe(cell: str) -> str:
    """`cell` with a leading apostrophe when a spreadsheet would read it as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def from_spreadsheet_safe(cell: str) -> str:
    """The cell as it was before `spreadsheet_safe` (what `creatormatch eval` reads back from an export)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS) else cell


def store_feedback_url(store_dir: str | Path) -> str:
    """The default feedback database: the SQLite file `feedback.db` in the index store."""
    return f"sqlite:///{Path(store_dir) / 'feedback.db'}"


def brief_id_of(text: str) -> str:
    """A stable id for a brief without one: a hash of its whitespace-normalized text."""
    return "b-" + hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class FeedbackRecord:
    """One judgment: a creator is relevant (1 or more, graded) or not (0) for a brief."""

    brief_id: str
    brief_text: str
    creator_id: str
    relevance: int
    index_version: str | None
    created_at: datetime

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {**self.__dict__, "created_at": self.created_at.isoformat()}


@dataclass(frozen=True)
class ExportedFeedback:
    """Where an export wrote the labeled pairs and briefs, and how many of each."""

    pairs_csv: Path
    briefs_jsonl: Path
    pairs: int
    briefs: int


class FeedbackStore:
    """Labeled pairs from users in a SQL table.

    Parameters
    ----------
    url
        SQLAlchemy URL, e.g. sqlite:////srv/store/feedback.db or postgresql+psycopg://user@host/db.
    table
        Table name (created when absent).
    """

    def __init__(self, url: str, table: str = "creatormatch_feedback") -> None:
        try:
            parsed = sa.engine.make_url(url)
            in_memory = parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")
            if parsed.get_backend_name() == "sqlite" and not in_memory:
                Path(parsed.database or "").parent.mkdir(parents=True, exist_ok=True)
            # an in-memory SQLite database lives in one connection: every thread must share it
            options: dict[str, Any] = ({"poolclass": sa.pool.StaticPool,
                                        "connect_args": {"check_same_thread": False}} if in_memory else {})
            self.engine = sa.create_engine(parsed, pool_pre_ping=True, **options)
        except Exception as exc:
            raise FeedbackError(f"feedback database: cannot use the URL ({type(exc).__name__})") from None
        self.metadata = sa.MetaData()
        self.table = sa.Table(
            table, self.metadata,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("brief_id", sa.String(200), nullable=False, index=True),
            sa.Column("brief_text", sa.Text, nullable=False),
            sa.Column("creator_id", sa.String(200), nullable=False),
            sa.Column("relevance", sa.Integer, nullable=False),
            sa.Column("index_version", sa.String(200), nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        )
        try:
            self.metadata.create_all(self.engine)
        except sa.exc.DBAPIError:
            # workers starting together all find no table and all create it: every CREATE but one fails;
            # the table and its index then exist, which is all this store needs
            if not sa.inspect(self.engine).has_table(table):
                raise

    def record(self, brief_text: str, creator_id: str, relevance: int, *, brief_id: str | None = None,
               index_version: str | None = None) -> FeedbackRecord:
        """Store one judgment; the brief id defaults to a hash of the brief text."""
        if not brief_text.strip():
            raise FeedbackError("text is empty", field="brief")
        if not creator_id.strip():
            raise FeedbackError("is empty", field="creator_id")
        for name, value in (("brief", brief_text), ("creator_id", creator_id), ("brief_id", brief_id or ""),
                            ("index_version", index_version or "")):
            if "\x00" in value:  # PostgreSQL text cannot hold NUL
                raise FeedbackError("contains a NUL character", field=name)
        if not 0 <= relevance <= MAX_RELEVANCE:
            raise FeedbackError(f"must be within 0..{MAX_RELEVANCE}, got {relevance}", field="relevance")
        item = FeedbackRecord(brief_id or brief_id_of(brief_text), brief_text, creator_id, int(relevance),
                              index_version, datetime.now(timezone.utc))
        with self.engine.begin() as connection:
            connection.execute(sa.insert(self.table).values(
                brief_id=item.brief_id, brief_text=item.brief_text, creator_id=item.creator_id,
                relevance=item.relevance, index_version=item.index_version, created_at=item.created_at))
        return item

    def records(self, brief_id: str | None = None) -> list[FeedbackRecord]:
        """Stored judgments, oldest first (of one brief when `brief_id` is given)."""
        query = sa.select(self.table).order_by(self.table.c.id)
        if brief_id is not None:
            query = query.where(self.table.c.brief_id == brief_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        return [FeedbackRecord(r["brief_id"], r["brief_text"], r["creator_id"], int(r["relevance"]),
                               r["index_version"], r["created_at"]) for r in rows]

    def count(self, brief_id: str) -> int:
        """How many judgments are stored for one brief."""
        query = sa.select(sa.func.count()).select_from(self.table).where(self.table.c.brief_id == brief_id)
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def labeled_pairs(self, records: list[FeedbackRecord] | None = None) -> pd.DataFrame:
        """`brief_id,creator_id,relevance`, one row per pair: the latest judgment of a pair wins."""
        records = self.records() if records is None else records
        latest = {(r.brief_id, r.creator_id): r.relevance for r in records}
        return pd.DataFrame([{"brief_id": b, "creator_id": c, "relevance": v} for (b, c), v in latest.items()],
                            columns=["brief_id", "creator_id", "relevance"])

    def export(self, out: str | Path) -> ExportedFeedback:
        """Write `pairs.csv` and `briefs.jsonl` (the formats `creatormatch eval` reads) into `out`.

        Ids that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are
        written with a leading apostrophe, in both files so they still join; `creatormatch eval` reads
        the apostrophe back off (`spreadsheet_safe`, `from_spreadsheet_safe`).
        """
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        records = self.records()
        pairs = self.labeled_pairs(records)
        for column in ("brief_id", "creator_id"):
            pairs[column] = pairs[column].map(spreadsheet_safe)
        pairs_path, briefs_path = folder / "pairs.csv", folder / "briefs.jsonl"
        pairs.to_csv(pairs_path, index=False)
        briefs: dict[str, str] = {}
        for item in records:
            briefs.setdefault(spreadsheet_safe(item.brief_id), item.brief_text)
        briefs_path.write_text("".join(json.dumps({"brief_id": b, "text": t}, ensure_ascii=False) + "\n"
                                       for b, t in briefs.items()), encoding="utf-8")
        return ExportedFeedback(pairs_path, briefs_path, len(pairs), len(briefs))

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()
