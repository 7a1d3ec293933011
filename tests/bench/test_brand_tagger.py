"""The brand tagger bench's labels: a brand's tokens tagged B, I, I and read back as the same name."""

from __future__ import annotations

from bench.brand_tagger import _brand_of, _labels
from matcher.briefs.tokens import Tokens


def test_a_brand_is_tagged_and_read_back() -> None:
    text = "Hi, we are Maple Hollow Candles. We want 5 creators."
    tokens = Tokens.of(text)
    tags = _labels(tokens, text, "Maple Hollow Candles")
    # hand-counted: Hi , we are | Maple Hollow Candles | . We want 5 creators .
    assert tags[4:7] == ["B", "I", "I"]
    assert tags.count("O") == len(tokens) - 3
    assert _brand_of(tokens, text, tags) == "Maple Hollow Candles"


def test_no_brand_gives_no_tag_and_no_name() -> None:
    text = "A nail polish company wants 5 creators"
    tokens = Tokens.of(text)
    tags = _labels(tokens, text, None)
    assert set(tags) == {"O"}
    assert _brand_of(tokens, text, tags) is None
