"""Tokens: the text the rules read keeps every offset, and reading leaves spaCy's vocabulary as it was."""

from __future__ import annotations

from matcher import parse_brief
from matcher.briefs.tokenizer import tokenizer
from matcher.briefs.tokens import Tokens, plain_text


def test_plain_text_folds_compatibility_forms_and_keeps_length() -> None:
    text = "Ｆｉｔ １０ｋ\u00a0EUR\u200bok"
    folded = plain_text(text)
    assert len(folded) == len(text)
    assert folded == "Fit 10k EUR ok"


def test_a_character_whose_folded_form_is_longer_stays() -> None:
    # "™" folds to "TM" and "…" to "...": two and three characters would shift every offset after them
    assert plain_text("Brand™ …") == "Brand™ …"


def test_a_long_symbol_run_is_cut_to_eight_characters() -> None:
    text = "fitness " + "!" * 20 + " creators"
    tokens = Tokens.of(text)
    assert plain_text(text) == "fitness " + "!" * 8 + " " * 12 + " creators"
    assert tokens.words[-1] == "creators" and text[tokens.starts[-1]:tokens.ends[-1]] == "creators"


def test_full_width_digits_read_as_numbers_with_the_phrase_as_written() -> None:
    text = "beauty creators, budget １０ｋ EUR"
    (reading,) = parse_brief(text).readings
    assert (reading.field, reading.value) == ("campaign_budget", 10_000.0)
    assert reading.phrase == "budget １０ｋ EUR" == text[reading.start:reading.end]


def test_reading_briefs_does_not_grow_the_vocabulary() -> None:
    # a server reads briefs for weeks: each brief's new words are freed with it
    parse_brief("warm-up brief about fitness creators")
    strings = len(tokenizer().vocab.strings)
    for number in range(200):
        parse_brief(f"creators who post about zqx{number}word and qqz{number}thing")
    assert len(tokenizer().vocab.strings) == strings
