from __future__ import annotations

import json
from pathlib import Path

import pytest
from ranx import evaluate

from eval import (
    EvaluationError,
    Skipped,
    labeled_briefs,
    load_briefs,
    load_labels,
    qrels_from_csv,
    run_from_match_jsonl,
)


def test_match_output_and_labels_score_by_hand(tmp_path: Path) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("brief_id,creator_id,relevance\nb1,x,1\nb1,z,1\n")
    runs = tmp_path / "run.jsonl"
    runs.write_text(json.dumps({"brief_id": "b1", "results": [{"creator_id": "x"}, {"creator_id": "y"},
                                                              {"creator_id": "z"}]}) + "\n")
    run = run_from_match_jsonl(runs)
    assert list(run["b1"]) == ["x", "y", "z"]
    # relevant at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3)
    expected = 1.5 / (1 + 1 / 1.5849625007211562)
    assert abs(evaluate(qrels_from_csv(labels), run, "ndcg@10") - expected) < 1e-9


def test_bad_inputs_are_skipped_with_counts(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs.jsonl"
    briefs.write_text('{"brief_id": "b1", "text": "dogs"}\nnot json\n{"brief_id": "b2", "text": "cats"}\n'
                      '{"brief_id": "b1", "text": "again"}\n{"brief_id": "b3", "text": "no labels"}\n'
                      '{"brief_id": "b4"}\n')
    labels = tmp_path / "labels.csv"
    labels.write_text("brief_id,creator_id,relevance\nb1,x,1\nb1,x,2\nb2,y,high\nb2,z,1\nzz,y,1\nb2,w,-1\n"
                      "b3,q,0\n")
    skipped = Skipped()
    loaded = load_briefs(briefs, skipped)
    judged = load_labels(labels, {b["brief_id"] for b in loaded}, skipped)
    kept, qrels = labeled_briefs(loaded, judged, skipped)
    assert [b["brief_id"] for b in kept] == ["b1", "b2"]
    assert dict(skipped.counts) == {
        "brief lines that are not JSON": 1, "duplicate brief ids": 1, "brief lines without a text": 1,
        "duplicate pairs": 1, "pairs with a non-integer relevance": 1, "pairs of unknown brief ids": 1,
        "pairs with a negative relevance": 1, "briefs with no relevant label": 1,
    }
    assert qrels.to_dict() == {"b1": {"x": 1}, "b2": {"z": 1}}
    assert any("labels.csv line 4: 'high'" in line for line in skipped.lines())


def test_unusable_inputs_are_clear_errors(tmp_path: Path) -> None:
    empty = tmp_path / "briefs.jsonl"
    empty.write_text("\n")
    with pytest.raises(EvaluationError, match="no usable briefs"):
        load_briefs(empty, Skipped())
    labels = tmp_path / "labels.csv"
    labels.write_text("brief,creator\n")
    with pytest.raises(EvaluationError, match="missing column"):
        load_labels(labels, {"b"}, Skipped())
    with pytest.raises(EvaluationError, match="nothing to evaluate"):
        labeled_briefs([{"brief_id": "b", "text": "x"}], {}, Skipped())


def test_briefs_read_without_a_skip_list_are_refused_at_the_first_bad_line(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs.jsonl"
    briefs.write_text('{"text": "dogs"}\n\n{"brief_id": "b2", "text": "cats", "platform": "tiktok"}\n')
    # no id: the line's number (the blank line 2 counts); the other keys are kept for the filters
    assert load_briefs(briefs) == [{"text": "dogs", "brief_id": "line-1"},
                                   {"brief_id": "b2", "text": "cats", "platform": "tiktok"}]
    briefs.write_text('{"text": "dogs"}\n["not", "an", "object"]\n')
    with pytest.raises(EvaluationError, match=r"briefs\.jsonl line 2: needs an object with a non-empty 'text'"):
        load_briefs(briefs)
    with pytest.raises(EvaluationError, match=r"missing\.jsonl: cannot read briefs"):
        load_briefs(tmp_path / "missing.jsonl")


def test_labels_written_safe_are_read_as_they_were(tmp_path: Path) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("brief_id,creator_id,relevance\n'=b1,'-x,1\n")
    briefs = tmp_path / "briefs.jsonl"
    briefs.write_text(json.dumps({"brief_id": "'=b1", "text": "dogs"}) + "\n")
    skipped = Skipped()
    loaded = load_briefs(briefs, skipped)
    assert [brief["brief_id"] for brief in loaded] == ["=b1"]
    assert load_labels(labels, {"=b1"}, skipped) == {"=b1": {"-x": 1}}
    assert qrels_from_csv(labels).to_dict() == {"=b1": {"-x": 1}}
