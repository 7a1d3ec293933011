"""Scoring the brief reader against labels: hand-made corpus lines with hand-counted outcomes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval import LabelledBrief, load_corpus, score_briefs
from eval.reading import expected_reading
from matcher import BriefError
from matcher.briefs import parse_brief


def test_scores_count_fields_inversions_and_traps() -> None:
    briefs = [
        LabelledBrief("right", "food creators under 50k followers", {"max_followers": 50_000}, keep_words=("food",)),
        # labelled as a minimum: the reader's maximum counts as an inverted bound
        LabelledBrief("inverted", "food creators under 50k followers", {"min_followers": 50_000}),
        # a trap labelled with no constraint, where the reader does read one
        LabelledBrief("trap", "travel creators in Portugal", {}, trap=True),
        LabelledBrief("lost", "running creators", {}, keep_words=("running", "marathon")),
    ]
    score = score_briefs(briefs, parse_brief)
    assert score.briefs == 4 and score.fully_right == 0.25
    assert score.inverted_bounds == 1 and score.traps == 1 and score.traps_read == 1
    outcomes = {o.brief.brief_id: o for o in score.outcomes}
    assert outcomes["inverted"].wrong == ("min_followers", "max_followers")
    assert outcomes["trap"].trap_constraints == ("countries",)
    assert outcomes["lost"].missing_words == ("marathon",)
    accuracy = score.field_accuracy()
    assert accuracy["min_followers"] == 0.75 and accuracy["countries"] == 0.75 and accuracy["keep_words"] == 0.75


def test_excluded_platforms_mean_the_others() -> None:
    expected = expected_reading({"exclude_platforms": ["facebook", "twitch"]})
    assert expected["platforms"] == ["instagram", "tiktok", "youtube", "twitter", "blog", "other"]


def test_a_bad_corpus_line_names_it(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "expect": {}}) + "\n" + '{"text": "no id"}\n')
    with pytest.raises(BriefError, match="line 2: not a labelled brief"):
        load_corpus(path)
