"""The learned brand reader of the bench: its labels, and what it refuses to read even when the model tags it."""

from __future__ import annotations

import pytest

from bench.brand_tagger import BrandTagger, brand_labels, train_brand_tagger
from matcher.briefs import BriefReader, default_reader
from matcher.briefs.tokens import Tokens

pytest.importorskip("pycrfsuite")


def test_brand_labels_mark_the_written_name() -> None:
    text = "Hi, we are Maple Hollow Candles. We want 5 creators."
    tokens = Tokens.of(text)
    # hand-counted: Hi , we are | Maple Hollow Candles | . We want 5 creators .
    assert brand_labels(tokens, text, "Maple Hollow Candles") == ["O"] * 4 + ["B", "I", "I"] + ["O"] * 6
    assert brand_labels(tokens, text, None) == ["O"] * 13
    assert brand_labels(tokens, text, "Oatly") == ["O"] * 13  # a label not written in the text marks nothing


# lower-case names with no cue, which the rules leave alone (docs/briefs.md, known limits)
_LOWER_CASE = [("qoomba wants 5 travel creators", "qoomba"), ("zentrix wants 3 food creators", "zentrix"),
               ("blorp wants gaming streamers", "blorp"), ("fenwa wants 10 yoga creators", "fenwa"),
               ("kavoo wants pet creators", "kavoo"), ("miltra wants 4 beauty creators", "miltra"),
               ("need 5 travel creators", None), ("gaming streamers wanted", None), ("yoga creators please", None)]


def test_the_tagger_reads_a_name_the_rules_miss_and_the_rules_stay_first(tmp_path) -> None:
    places = default_reader().places
    model = tmp_path / "tiny.crfsuite"
    assert train_brand_tagger(_LOWER_CASE, places, model) == len(_LOWER_CASE)
    tagger = BrandTagger(model, min_confidence=0.5)
    text = "drovik wants 6 travel creators"
    assert BriefReader(places).read(text).filters.brand is None
    tagged = BriefReader(places, tagger.read).read(text)
    (reading,) = [r for r in tagged.readings if r.field == "brand"]
    assert (reading.value, reading.phrase, reading.start, reading.end) == ("drovik", "drovik", 0, 6)
    assert reading.note.startswith("read by the learned tagger")
    ruled = BriefReader(places, tagger.read).read("Zara is looking for 5 creators")
    (reading,) = [r for r in ruled.readings if r.field == "brand"]
    assert reading.value == "Zara" and "tagger" not in reading.note  # the rules read it: the tagger is not asked


def test_the_tagger_never_reads_a_place_an_agency_or_an_unsure_name(tmp_path) -> None:
    places = default_reader().places
    # a model taught that the first words before "wants" are the brand, whatever they are
    taught = [(f"{name} wants {n} travel creators", name) for n, name in enumerate(
        ["Napoli", "Qoomba", "Lisbon", "Zentrix", "Bloom Talent", "Kavoo", "Paris", "Miltra"], start=2)]
    model = tmp_path / "taught.crfsuite"
    train_brand_tagger(taught, places, model)
    tagger = BrandTagger(model, min_confidence=0.0)
    for text in ("Lisbon wants 3 travel creators", "Bloom Talent wants 4 travel creators"):
        tokens = Tokens.of(text)
        assert tagger.tag(tokens, places) is not None  # the model tags it ...
        assert tagger.read(tokens, places) is None  # ... and the reading is refused: a city, an agency's name
    never_sure = BrandTagger(model, min_confidence=1.01)  # no probability is above 1
    tokens = Tokens.of("Drovik wants 3 travel creators")
    assert tagger.read(tokens, places) is not None and never_sure.read(Tokens.of(tokens.text), places) is None
