"""The learned brand reader: its labels, what it refuses even when the model tags it, and the model it ships."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from matcher.briefs import BriefReader, default_reader, parse_brief
from matcher.briefs.brand_tagger import (
    DATA_FOLDER,
    MANIFEST_FILE,
    MODEL_FILE,
    BrandTagger,
    brand_labels,
    everyday_words,
    open_brand_tagger,
    train_brand_tagger,
)
from matcher.briefs.tokens import Tokens
from matcher.errors import CreatorMatchError

CORPUS = Path(__file__).resolve().parents[1] / "brief_corpus"


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


def test_everyday_words_are_those_written_in_lower_case_in_enough_briefs() -> None:
    texts = ["Skincare brand wants skincare creators", "skincare and makeup", "Makeup by Lumi, skincare too",
             "Lumi wants makeup creators"]
    # hand-counted briefs with the word in lower case: skincare 3, makeup 2 ("Makeup by" is capitalized), wants 2,
    # creators 2, and/brand/by/too 1
    assert everyday_words(texts, 3) == {"skincare"}
    assert everyday_words(texts, 2) == {"skincare", "makeup", "wants", "creators"}


def test_a_name_of_everyday_words_only_is_refused(tmp_path) -> None:
    places = default_reader().places
    taught = [(f"{name} launching new {n} products", name) for n, name in enumerate(
        ["Qoomba", "Zentrix", "Kavoo", "Miltra", "Fenwa", "Blorp"], start=2)]
    model = tmp_path / "taught.crfsuite"
    train_brand_tagger(taught, places, model)
    everyday = frozenset({"furniture", "children"})
    tagger = BrandTagger(model, min_confidence=0.0, everyday=everyday)
    for text in ("Furniture launching new 7 products", "Children's launching new 3 products"):
        assert tagger.tag(Tokens.of(text), places) is not None  # the model tags the first word ...
        assert tagger.read(Tokens.of(text), places) is None  # ... and an everyday word alone is no brand
    reading = tagger.read(Tokens.of("Drovik launching new 3 products"), places)
    assert reading is not None and reading.value == "Drovik"


def test_the_shipped_model_opens_only_when_it_matches_its_manifest(tmp_path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA_FOLDER, folder)
    assert open_brand_tagger(folder).min_confidence == json.loads((folder / MANIFEST_FILE).read_text())[
        "min_confidence"]
    with (folder / MODEL_FILE).open("ab") as model:
        model.write(b"\0")
    with pytest.raises(CreatorMatchError, match=MODEL_FILE):
        open_brand_tagger(folder)
    shutil.copy(DATA_FOLDER / MODEL_FILE, folder / MODEL_FILE)
    manifest = json.loads((folder / MANIFEST_FILE).read_text())
    (folder / MANIFEST_FILE).write_text(json.dumps({**manifest, "features_version": 0}))
    with pytest.raises(CreatorMatchError, match="features_version"):
        open_brand_tagger(folder)


def test_the_shipped_model_is_trained_on_the_corpus_as_it_stands_but_not_the_held_aside_quarter() -> None:
    manifest = json.loads((DATA_FOLDER / MANIFEST_FILE).read_text())
    files = [path for path in sorted(CORPUS.glob("*.jsonl")) if path.name != "held_aside.jsonl"]
    rows = {path.name: [json.loads(line) for line in path.read_text().splitlines() if line.strip()] for path in files}
    assert manifest["sources"] == {name: len(briefs) for name, briefs in rows.items()}
    assert "held_aside.jsonl" not in manifest["sources"]
    digest = hashlib.sha256()
    for briefs in rows.values():
        for brief in briefs:
            pair = [brief["text"], brief["expect"].get("brand") or None]
            digest.update(json.dumps(pair, ensure_ascii=False).encode("utf-8") + b"\n")
    # a corpus edited since the model was trained fails here: retrain with python -m bench.brand_tagger --train
    assert manifest["examples_sha256"] == digest.hexdigest()
    assert manifest["briefs"] == sum(len(briefs) for briefs in rows.values())


# written for this test, in no corpus file: names with no cue the rules know (of five written, the rules read
# two themselves; the shipped tagger reads two of the other three whole: "call w/ Tovari Sleep today" gives
# "Tovari" alone)
_UNCUED = [("Quick one from Ostrova Outdoor: they want hikers in Norway", "Ostrova Outdoor"),
           ("Kestrel Bikes gravel launch - 8 cyclists, Instagram", "Kestrel Bikes")]


@pytest.mark.parametrize(("text", "brand"), _UNCUED)
def test_the_default_reader_asks_the_shipped_tagger_when_the_rules_read_no_brand(text: str, brand: str) -> None:
    assert BriefReader(default_reader().places).read(text).filters.brand is None  # the rules alone read none
    (reading,) = [r for r in parse_brief(text).readings if r.field == "brand"]
    assert reading.value == brand and reading.note.startswith("read by the learned tagger")
