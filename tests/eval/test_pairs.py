from __future__ import annotations

import json
from pathlib import Path

from ranx import evaluate

from eval import qrels_from_csv, run_from_match_jsonl


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
