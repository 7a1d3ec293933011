"""Feedback storage: labeled pairs in SQL (SQLite, and PostgreSQL against a real server), exported for eval."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pandas as pd
import pytest

from eval import Skipped, load_briefs, load_labels
from index import FeedbackError, FeedbackStore, brief_id_of, from_spreadsheet_safe, spreadsheet_safe

POSTGRES_URL = os.environ.get("CREATORMATCH_TEST_POSTGRES_URL")
TRICKY = "Robert'); DROP TABLE creatormatch_feedback;--"


def _exercise(feedback: FeedbackStore, out: Path) -> None:
    feedback.record("dog food for puppies", "c1", 1, index_version="v1")
    feedback.record("dog food for puppies", "c2", 0, index_version="v1")
    feedback.record("dog food for puppies", "c2", 2, index_version="v2")  # changed their mind: latest wins
    feedback.record(TRICKY, "c'3", 1, brief_id="b7")

    stored = feedback.records()
    assert [(r.creator_id, r.relevance) for r in stored] == [("c1", 1), ("c2", 0), ("c2", 2), ("c'3", 1)]
    assert stored[3].brief_text == TRICKY  # bound parameters: stored verbatim, nothing executed

    exported = feedback.export(out)
    dog = brief_id_of("dog food for puppies")
    pairs = pd.read_csv(exported.pairs_csv, dtype={"brief_id": str, "creator_id": str})
    assert pairs.to_dict("records") == [
        {"brief_id": dog, "creator_id": "c1", "relevance": 1},
        {"brief_id": dog, "creator_id": "c2", "relevance": 2},
        {"brief_id": "b7", "creator_id": "c'3", "relevance": 1},
    ]
    briefs = [json.loads(line) for line in exported.briefs_jsonl.read_text().splitlines()]
    assert briefs == [{"brief_id": dog, "text": "dog food for puppies"}, {"brief_id": "b7", "text": TRICKY}]
    # the files are what `creatormatch eval` reads, with nothing skipped
    skipped = Skipped()
    loaded = load_briefs(exported.briefs_jsonl, skipped)
    labels = load_labels(exported.pairs_csv, {b["brief_id"] for b in loaded}, skipped)
    assert labels == {dog: {"c1": 1, "c2": 2}, "b7": {"c'3": 1}} and not skipped.counts


def test_sqlite_feedback_exports_the_labeled_pairs_eval_reads(tmp_path: Path) -> None:
    feedback = FeedbackStore(f"sqlite:///{tmp_path / 'feedback.db'}")
    try:
        _exercise(feedback, tmp_path / "out")
    finally:
        feedback.close()
    again = FeedbackStore(f"sqlite:///{tmp_path / 'feedback.db'}")  # kept on disk
    assert len(again.records()) == 4
    again.close()


def test_the_brief_id_ignores_whitespace_only() -> None:
    assert brief_id_of("dog  food\n") == brief_id_of("dog food")
    assert brief_id_of("dog food") != brief_id_of("cat food")


@pytest.mark.parametrize(("args", "field"), [
    (("", "c1", 1), "brief"),
    (("x", " ", 1), "creator_id"),
    (("x", "c1", 4), "relevance"),
    (("x", "c1", -1), "relevance"),
])
def test_bad_feedback_names_the_field(tmp_path: Path, args: tuple[str, str, int], field: str) -> None:
    feedback = FeedbackStore(f"sqlite:///{tmp_path / 'f.db'}")
    with pytest.raises(FeedbackError, match=f"^{field}:"):
        feedback.record(*args)
    assert feedback.records() == []
    feedback.close()


@pytest.mark.skipif(not POSTGRES_URL and os.environ.get("CREATORMATCH_REQUIRE_POSTGRES") != "1",
                    reason="set CREATORMATCH_TEST_POSTGRES_URL (CI starts a server)")
def test_postgresql_feedback_against_a_real_server(tmp_path: Path) -> None:
    assert POSTGRES_URL, "CREATORMATCH_REQUIRE_POSTGRES=1 but no CREATORMATCH_TEST_POSTGRES_URL"
    table = f"feedback_{uuid.uuid4().hex[:8]}"
    feedback = FeedbackStore(POSTGRES_URL, table=table)
    try:
        _exercise(feedback, tmp_path / "out")
        assert feedback.records()[0].created_at.tzinfo is not None
    finally:
        feedback.table.drop(feedback.engine)
        feedback.close()


def test_workers_opening_a_new_database_together_all_get_the_store(tmp_path: Path) -> None:
    import threading

    # two serving workers start at once and both create the table; before this was handled one of them died
    for attempt in range(10):
        url = f"sqlite:///{tmp_path / f'feedback{attempt}.sqlite'}"
        start, errors = threading.Barrier(6), []

        def open_store(url: str = url, start: threading.Barrier = start, errors: list[str] = errors) -> None:
            start.wait()
            try:
                FeedbackStore(url)
            except Exception as exc:  # any failure is the defect this test looks for
                errors.append(f"{type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=open_store) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        store = FeedbackStore(url)
        item = store.record("dog treats", "c1", 1)
        assert store.count(item.brief_id) == 1


@pytest.mark.parametrize(("cell", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("c00001", "c00001"), ("'quoted", "'quoted"), ("a=b", "a=b"),
])
def test_cells_a_spreadsheet_would_run_get_an_apostrophe_and_lose_it_on_reading(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe
    assert from_spreadsheet_safe(safe) == cell
