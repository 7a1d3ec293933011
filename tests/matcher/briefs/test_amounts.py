"""Numbers and money as briefs write them, read by hand-checked examples."""

from __future__ import annotations

import pytest

from matcher.briefs.amounts import amount_at, count_at, parse_digits
from matcher.briefs.tokens import Tokens


@pytest.mark.parametrize(("text", "value"), [
    ("5,000", 5000.0), ("10.000", 10000.0), ("1,5", 1.5), ("2.5", 2.5), ("1.234.567", 1234567.0), ("42", 42.0),
])
def test_digits_in_english_and_european_formats(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["abc", "5k", "1e5", "", "12ab"])
def test_not_digits(text: str) -> None:
    assert parse_digits(text) is None


@pytest.mark.parametrize(("text", "value", "scaled", "currency"), [
    ("10k", 10_000.0, True, None),
    ("2.5k", 2_500.0, True, None),
    ("1.5 million", 1_500_000.0, True, None),
    ("1,5 Mio. €", 1_500_000.0, True, "€"),
    ("$5,000", 5_000.0, False, "$"),
    ("€ 3k", 3_000.0, True, "€"),
    ("500$", 500.0, False, "$"),
    ("20k€", 20_000.0, True, "€"),
    ("18 k€", 18_000.0, True, "€"),
    ("20 000 zł", 20_000.0, False, "zł"),
    ("USD 75,000", 75_000.0, False, "USD"),
    ("1 lakh", 100_000.0, True, None),
])
def test_amounts_with_scales_and_currencies(text: str, value: float, scaled: bool, currency: str | None) -> None:
    tokens = Tokens.of(text)
    amount = amount_at(tokens, 0)
    assert amount is not None
    assert (amount.value, amount.scaled, amount.currency, amount.end) == (value, scaled, currency, len(tokens))


def test_the_tokenizer_splits_ranges_and_marks() -> None:
    assert Tokens.of("10k-50k 2.5k+ sub-100k 300€/post").words == [
        "10k", "-", "50k", "2.5k", "+", "sub-", "100k", "300", "€", "/", "post"]


@pytest.mark.parametrize(("text", "value"), [("5", 5), ("five", 5), ("twelve", 12)])
def test_counts(text: str, value: int) -> None:
    found = count_at(Tokens.of(text), 0)
    assert found is not None and found.value == value


@pytest.mark.parametrize("text", ["5000", "dozen", "many"])
def test_not_counts(text: str) -> None:
    assert count_at(Tokens.of(text), 0) is None
