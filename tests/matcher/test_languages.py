"""Inferred content languages: the per-creator rule by hand, the identifier on clear texts, given values winning."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.inferred import KnownValue, effective_values, known_value
from matcher.languages import Py3LangId, as_rows, content_languages, from_rows


def test_the_main_language_share_and_confidence_by_hand() -> None:
    identified = [("it", 0.9), ("en", 0.6), ("it", 0.7),  # creator 0: 2 of 3 Italian
                  ("en", 0.8), None,                      # creator 1: one identified text only
                  ("de", 0.4), ("de", 0.45),              # creator 2: both under the 0.5 text probability
                  ("es", 0.9), ("es", 1.0)]               # creator 3
    rows = np.array([0, 0, 0, 1, 1, 2, 2, 3, 3])
    result = content_languages(rows, identified, 5)
    assert result.language == ["it", None, None, "es", None]
    # share 2/3 times the mean probability of the Italian texts (0.9 + 0.7) / 2
    assert result.confidence[0] == pytest.approx(2 / 3 * 0.8)
    assert result.confidence[3] == pytest.approx(0.95)
    assert result.shares[0] == {"it": 0.667, "en": 0.333} and result.shares[1] == {"en": 1.0}
    assert result.shares[2] == {} and result.shares[4] == {}
    assert list(result.identified_texts) == [3, 1, 0, 2, 0]


def test_the_identifier_reads_clear_sentences_and_skips_short_ones() -> None:
    texts = ["Oggi vi mostro la mia ricetta preferita per una cena veloce con gli amici",
             "Hoy os enseño mi receta favorita para una cena rápida con amigos",
             "Heute zeige ich euch mein Lieblingsrezept für ein schnelles Abendessen",
             "Sunset 🌅", "#love #instagood"]
    found = Py3LangId().identify(texts)
    assert [item[0] if item else None for item in found] == ["it", "es", "de", None, None]
    assert all(item[1] > 0.8 for item in found[:3] if item)


def test_identifications_survive_the_cache_encoding() -> None:
    identified = [("it", 0.75), None, ("pt", 1.0)]
    assert from_rows(as_rows(identified)) == identified


def test_given_values_win_and_guesses_need_the_confidence() -> None:
    given = ["fr", None, "", None]
    inferred = ["it", "es", "de", "pt"]
    confidence = np.array([0.99, 0.9, 0.5, 0.59])
    assert effective_values(given, inferred, confidence, 0.6) == ["fr", "es", None, None]
    assert known_value("fr", "it", 0.99, 0.6) == KnownValue("fr", "catalog")
    assert known_value(None, "es", 0.9, 0.6) == KnownValue("es", "inferred", 0.9)
    assert known_value(None, "pt", 0.59, 0.6) is None
