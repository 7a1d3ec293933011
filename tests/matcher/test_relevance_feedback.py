"""Relevance feedback inside a search: Rocchio's moved query by hand, and the list it gives on the tiny catalog."""

from __future__ import annotations

import math

import numpy as np
import pytest

from matcher import BriefError
from matcher.relevance_feedback import RelevanceFeedback, rocchio
from tests.matcher.test_engine import matcher


def test_rocchio_moves_toward_the_relevant_and_away_from_the_rest() -> None:
    query = np.array([1.0, 0.0], dtype=np.float32)
    toward = rocchio(query, np.array([[0.0, 1.0]], dtype=np.float32), np.zeros((0, 2), dtype=np.float32), 1, 1, 0.5)
    assert toward == pytest.approx([1 / math.sqrt(2), 1 / math.sqrt(2)])  # (1, 1) normalized
    both = rocchio(query, np.array([[0.0, 1.0]], dtype=np.float32), np.array([[1.0, 0.0]], dtype=np.float32),
                   1, 1, 0.5)
    assert both == pytest.approx(np.array([0.5, 1.0]) / math.sqrt(1.25))  # (1 - 0.5, 1) normalized
    # moved to nothing: the original direction stays
    assert rocchio(query, -query[None, :], np.zeros((0, 2), dtype=np.float32), 1, 1, 0) == pytest.approx(query)


def test_without_a_relevant_mark_the_push_away_keeps_its_share() -> None:
    query = np.array([1.0, 0.0], dtype=np.float32)
    away = np.array([[0.0, 1.0]], dtype=np.float32)
    # gamma 2 scaled by alpha / (alpha + beta) = 1 / 4: (1, 0) - 0.5 (0, 1)
    moved = rocchio(query, np.zeros((0, 2), dtype=np.float32), away, 1, 3, 2)
    assert moved == pytest.approx(np.array([1.0, -0.5]) / math.sqrt(1.25))
    # marks on the brief's own direction never turn it round
    assert rocchio(query, np.zeros((0, 2), dtype=np.float32), query[None, :], 1, 3, 2) == pytest.approx(query)


def test_marks_must_not_contradict_each_other() -> None:
    with pytest.raises(BriefError) as raised:
        RelevanceFeedback(relevant=("c1",), not_relevant=("c1", "c2"))
    assert raised.value.field == "not_relevant" and "'c1'" in raised.value.message
    with pytest.raises(BriefError, match="gamma: must be a finite number"):
        RelevanceFeedback(relevant=("c1",), gamma=-1.0)


def test_feedback_drops_the_rejected_and_reorders_the_rest() -> None:
    engine = matcher()
    feedback = RelevanceFeedback(relevant=("dogcat",), not_relevant=("dogtok",), alpha=1.0, beta=1.0, gamma=0.25)
    response = engine.match("dog", preset="relevance", k=5, feedback=feedback)
    order = [m.creator_id for m in response.results]
    # moved query = e_dog + (e_dog + e_cat)/sqrt(2) - 0.25 e_dog = 1.457 e_dog + 0.707 e_cat, normalized
    # (0.900, 0.437): cosine dogcat 0.945, dog1 0.900, dog2 ('dog ad') 0.636, cake 0; dogtok is dropped
    assert order == ["dogcat", "dog1", "dog2", "cake"]
    notes = {m.creator_id: m.feedback for m in response.results}
    assert notes["dogcat"] == "you marked it relevant"
    assert notes["dog1"] == "feedback moved it down from #1"  # first without feedback ('dog' alone: cosine 1)
    assert notes["cake"] == "feedback kept it at #4"
    assert response.shortfall is not None and "not_relevant dogtok removes 1 of 5 creators" in response.shortfall
    assert all(m.to_dict()["feedback"] is None for m in engine.match("dog", k=3).results)


def test_an_unknown_marked_creator_names_its_field() -> None:
    with pytest.raises(BriefError) as raised:
        matcher().match("dog", feedback=RelevanceFeedback(relevant=("nobody",)))
    assert raised.value.field == "relevant"
