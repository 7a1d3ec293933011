"""Amounts in a brief: numbers in any common format, their scale ("10k", "1,5 Mio."), and money.

Digits are read by price-parser (Zyte), which knows both "5,000" and "5.000" (and "1,5" as one and a
half) from the digits after the separator; scale words and currency marks come from
`matcher.briefs.lexicon`. `is_rate` tells a price per time or per result ("$50/hour", "CPM of $15") from a fee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from price_parser import Price

from matcher.briefs.bound_cues import RANGE_JOINERS
from matcher.briefs.lexicon import CURRENCY_CODES, CURRENCY_WORDS, MONEY_SCALES, NUMBER_WORDS, SCALES
from matcher.briefs.tokens import Tokens

_DIGITS = re.compile(r"^(?:\d{1,3}(?:[.,' ]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:[.,]\d+)?$")
_GLUED_AMOUNT = re.compile(r"^((?:US|CA|AU|NZ|HK|MX|S|A|C|R|E|GH)?[$€£¥₹₩₺₽₴₱₦₫₪₸₾฿₡₵])(\d[\d.,]*[kKmM]?)$")
_NAIRA = re.compile(r"^N(\d[\d.,]*[kKmM]?)$")
_WAN = re.compile(r"^(\d+(?:\.\d+)?)w$")  # 万 written as 'w'
_ABBREVIATED_SCALES = frozenset({"mio", "tsd", "mill", "tys", "tis"})  # "1,5 Mio.", "20 tys." with their full stop
# "10k", "5jt", "1tr2" (1.2 triệu), "2k5" (2,500): a scale glued on, a last digit after it counts tenths of it
_SUFFIXED = re.compile(r"^(\d+(?:[.,]\d+)?)(k|K|m|M|mn|mio|bn|b|L|Cr|jt|rb|tr)(\d)?$")


@dataclass(frozen=True)
class Amount:
    """A number written in the brief: its value, the tokens it spans [start, end) and what marks it."""

    value: float
    start: int
    end: int
    scaled: bool  # written with a scale: 10k, 1.5M, 1,5 Mio.
    currency: str | None  # '$', 'EUR', ... when it is money
    word: bool = False  # written as a word ("five")
    unit: float = 1.0  # the scale it was written with: 1e3 for "10k", 1e5 for "5 lakh"


def parse_digits(text: str) -> float | None:
    """The value of a number written with digits ('5,000', '10.000', '1,5', '2.5', '3,00,000'), or None."""
    if not _DIGITS.match(text):
        return None
    if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", text):
        return float(text.replace(",", ""))  # Indian grouping: 3,00,000 is three lakh
    parsed = Price.fromstring(text).amount_float
    return None if parsed is None else float(parsed)


def _number(word: str) -> tuple[float, float] | None:
    """A token's value and the scale it carries (1.0 for none: '10k' -> 10000, 1000)."""
    plain = parse_digits(word)
    if plain is not None:
        return plain, 1.0
    suffixed = _SUFFIXED.match(word)
    if suffixed:
        base = parse_digits(suffixed.group(1))
        if base is not None:
            unit = SCALES[suffixed.group(2) if suffixed.group(2) in SCALES else suffixed.group(2).lower()]
            return (base + int(suffixed.group(3) or 0) / 10) * unit, unit
    return None


@cache
def _iso_4217() -> frozenset[str]:
    import pycountry

    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def iso_currency(word: str) -> bool:
    """An ISO 4217 code written in capitals ('PKR', 'KES', 'QAR'); in lower case 'top' and 'all' are words."""
    return len(word) == 3 and word.isupper() and word in _iso_4217()


def amount_at(tokens: Tokens, i: int) -> Amount | None:
    """The amount that starts at token i (a currency mark before it included), or None.

    "$5,000", "€ 3k", "10k", "1.5 million", "1,5 Mio. €", "500$", "20k €" are each one amount.
    """
    currency = None
    start = i
    glued_amount = _GLUED_AMOUNT.match(tokens.words[i])
    if glued_amount and (parsed_glued := _number(glued_amount.group(2))) is not None:
        # "S$250–S$450": after the dash the second amount keeps its currency glued on
        return Amount(parsed_glued[0], i, i + 1, parsed_glued[1] != 1.0, glued_amount.group(1), unit=parsed_glued[1])
    naira = _NAIRA.match(tokens.words[i])
    scale = tokens.words[i + 1] if naira and not naira.group(1)[-1].isalpha() and i + 1 < len(tokens) else ""
    if naira and (parsed_naira := _number(naira.group(1) + scale)) is not None and parsed_naira[1] != 1.0:
        # "N250k per creator", "N6m total" (Nigeria): naira with its scale, never a bare "N26" or "N95"
        return Amount(parsed_naira[0], i, i + 1 + bool(scale), True, "₦", unit=parsed_naira[1])
    symbol = tokens.lower[i] in CURRENCY_WORDS and not tokens.lower[i].isalpha()
    # "R2 500", "RM 1,500": rand and ringgit written as a capital before the digits
    glued = tokens.words[i] in {"R", "RM"} and i + 1 < len(tokens) and tokens.words[i + 1][:1].isdigit()
    code = tokens.lower[i] in CURRENCY_CODES and tokens.lower[i] != "rm"  # ringgit only as "RM" before digits
    if (symbol or glued or code or iso_currency(tokens.words[i])) and (
            i + 1 < len(tokens)):
        currency, i = tokens.words[i], i + 1
        if tokens.words[i] == "." and i + 1 < len(tokens):
            i += 1  # "Rs. 2.5 lakh"
    if i >= len(tokens):
        return None
    parsed = _number(tokens.words[i])
    if parsed is None and tokens.written_for_china and (wan := _WAN.match(tokens.words[i])):
        parsed = float(wan.group(1)) * 1e4, 1e4  # "fans 1w-10w", "RMB 30w"
    words = None if parsed is not None else _number_words(tokens, i)
    if parsed is None and words is None:
        return None
    if parsed is None:
        assert words is not None
        value, end = words
        scaled, unit = False, 1.0
        if end < len(tokens) and tokens.lower[end] in SCALES and tokens.lower[end] not in {"k", "m", "b"}:
            unit = SCALES[tokens.lower[end]]
            value, scaled, end = value * unit, True, end + 1
        if not scaled and value < 100 and not _range_word_follows(tokens, end):
            return None  # "five", "twelve": counts, not amounts ("between ten and seventy-five thousand" is)
        if end < len(tokens) and (tokens.lower[end] in CURRENCY_WORDS or iso_currency(tokens.words[end])):
            currency, end = currency or tokens.words[end], end + 1
        return Amount(value, start, end, scaled, currency, word=True, unit=unit)
    value, unit = parsed
    scaled = unit != 1.0
    end = i + 1
    # "20 000 zł", "10 000 followers": thousands written with spaces
    while (not scaled and value == int(value) and tokens.words[end - 1].isdigit() and end < len(tokens)
           and len(tokens.words[end]) == 3 and tokens.words[end].isdigit()
           and tokens.text[tokens.ends[end - 1]:tokens.starts[end]] in {" ", "\u00a0", "\u202f"}):
        value, end = value * 1000 + int(tokens.words[end]), end + 1
    if end < len(tokens) and tokens.words[end].endswith(".") and tokens.words[end][:-1] in SCALES and not scaled:
        unit = SCALES[tokens.words[end][:-1]]
        value, scaled, end = value * unit, True, end + 1  # "₦7.5m."
    if end < len(tokens) and not scaled and tokens.words[end] in SCALES and not (
            tokens.words[end] in {"m", "M"} and end + 1 < len(tokens) and tokens.lower[end + 1] in {"²", "2"}):
        unit = SCALES[tokens.words[end]]
        value, scaled, end = value * unit, True, end + 1
    elif end < len(tokens) and not scaled and tokens.lower[end] in SCALES and tokens.lower[end] not in {"m", "b"}:
        unit = SCALES[tokens.lower[end]]
        value, scaled, end = value * unit, True, end + 1
    if scaled and end < len(tokens) and tokens.words[end] == "." and tokens.lower[end - 1] in _ABBREVIATED_SCALES:
        end += 1
    if end < len(tokens) and (tokens.lower[end] in CURRENCY_WORDS or iso_currency(tokens.words[end])) and not (
            _opens_next(tokens, end)):
        currency, end = currency or tokens.words[end], end + 1  # "$350,000 MXN": both marks belong to it
    elif (currency is None and end + 1 < len(tokens) and tokens.lower[end] in {"k", "m"}
          and tokens.lower[end + 1] in CURRENCY_WORDS):  # "18 k€" after the tokenizer split it
        unit = SCALES[tokens.lower[end]]
        value, scaled, currency, end = value * unit, True, tokens.words[end + 1], end + 2
    if currency is None and _money_scale(tokens.lower[end - 1]):
        currency = tokens.words[end - 1]  # "total 50 triệu", "1tr2": a scale only money is counted in
    return Amount(value, start, end, scaled, currency, unit=unit)


def number_range_at(tokens: Tokens, i: int) -> bool:
    """A number, a dash and a number start at token i ('3–4 Influencerinnen'): a range, no model's number."""
    return tokens.words[i].isdigit() and tokens.words[i + 1:i + 2] in (["-"], ["–"], ["—"]) and tokens.words[
        i + 2:i + 3] != [] and tokens.words[i + 2].isdigit()


def _money_scale(word: str) -> bool:
    """The word is, or ends in, a scale only money is counted in ('triệu', '10tr', '1tr2')."""
    suffixed = _SUFFIXED.match(word)
    return word in MONEY_SCALES or (suffixed is not None and suffixed.group(2).lower() in MONEY_SCALES)


def _opens_next(tokens: Tokens, at: int) -> bool:
    """'10-50k £200/post', '50k-300k SAR 5k/post': a currency mark after a space and before the next number (glued
    to it, or a code in capitals) is that number's."""
    code = len(tokens.words[at]) == 3 and tokens.words[at].isalpha() and tokens.words[at].isupper()
    return (at + 1 < len(tokens) and tokens.words[at + 1][:1].isdigit() and (
        code or tokens.ends[at] == tokens.starts[at + 1]) and tokens.starts[at] > tokens.ends[at - 1])


def _number_words(tokens: Tokens, i: int) -> tuple[float, int] | None:
    """A number written in words from token i: 'forty', 'seventy-five', 'a hundred', 'two hundred and fifty'."""
    value, current, end, seen = 0.0, 0.0, i, False
    if tokens.lower[i] in {"a", "one"} and i + 1 < len(tokens) and tokens.lower[i + 1] in {"hundred", "thousand"}:
        current, end, seen = 1.0, i + 1, True
    while end < len(tokens):
        word = tokens.lower[end]
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred" and seen:
            current *= 100
        elif word == "-" and seen and end + 1 < len(tokens) and tokens.lower[end + 1] in _UNITS:
            pass  # "seventy-five"
        elif word == "and" and seen and end + 1 < len(tokens) and tokens.lower[end + 1] in _UNITS and current >= 100:
            pass  # "two hundred and fifty"
        else:
            break
        seen, end = True, end + 1
    if not seen:
        return None
    return value + current, end


def _range_word_follows(tokens: Tokens, at: int) -> bool:
    if at + 1 >= len(tokens) or tokens.lower[at] not in {"and", "to", "-", "–"}:
        return False
    second = _number_words(tokens, at + 1)
    return second is not None and second[1] < len(tokens) and tokens.lower[second[1]] in SCALES


_UNITS = {word: value for word, value in NUMBER_WORDS.items() if word not in {"hundred", "dozen", "couple", "pair"}}


def count_at(tokens: Tokens, i: int) -> Amount | None:
    """A small whole number at token i, in digits or words ('5', 'five', 'twelve'), or None."""
    word = tokens.lower[i]
    if word in NUMBER_WORDS and word not in {"couple", "pair", "dozen"}:
        return Amount(float(NUMBER_WORDS[word]), i, i + 1, False, None, word=True)
    if word.isdigit() and 0 < int(word) <= 1000:
        return Amount(float(int(word)), i, i + 1, False, None)
    return None


def amounts_in(tokens: Tokens) -> list[Amount]:
    """Every amount in the brief whose tokens no reading has claimed yet, in order."""
    found, i = [], 0
    while i < len(tokens):
        amount = amount_at(tokens, i) if tokens.free(i, i + 1) else None
        if amount is None:
            i += 1
            continue
        found.append(amount)
        i = amount.end
    return found


def range_after(tokens: Tokens, first: Amount) -> Amount | None:
    """The second amount of a range ('10k-50k', '5k to 20k', 'between 5 and 20k'), or None."""
    at = first.end
    if at < len(tokens) and tokens.lower[at] in RANGE_JOINERS | {"~"}:
        second = amount_at(tokens, at + 1) if at + 1 < len(tokens) else None
        if second is not None and tokens.lower[at] in {"/", "&", "and"} and not second.scaled and (
                second.value < first.value):
            return None  # "sub-50k / 8 names": two items of a list, not a range
        if second is not None:
            return second
    return None


def scaled_range(first: Amount, second: Amount) -> tuple[float, float]:
    """Low and high of a range; '10-50k', '1-5M' and '2-5 lakh' borrow the second amount's scale for the first."""
    low, high = first.value, second.value
    if not first.scaled and second.scaled and low * second.unit <= high:
        low = low * second.unit
    elif not first.scaled and second.scaled and first.value < 1000:  # "500-2M"
        for scale in (1e3, 1e6):
            if (low * scale <= high and second.value % scale == 0) or (low * scale <= high < low * scale * 1000):
                low = low * scale
                break
    return min(low, high), max(low, high)


_CORRECTIONS = frozenset({"sorry", "correction", "wait", "actually", "mean", "now", "make", "that", "oops", "er", "no",
                          "scratch", "rather", "updated", "update", "is", "it's", "'s", "it", "i", "let", "me",
                          "correct", "sry", "pardon", "hmm", "hm", "say", "meant"})


def correction_after(tokens: Tokens, at: int) -> Amount | None:
    """The amount that corrects the one ending at `at` ('10k, sorry, 12k', '25k USD, now 20k', '… no sorry, 500k')."""
    j, marker = at, False
    while j < len(tokens) and j - at < 7 and (tokens.is_punct(j) or tokens.lower[j] in _CORRECTIONS):
        marker = marker or tokens.lower[j] in {"sorry", "correction", "wait", "actually", "mean", "now", "oops",
                                               "scratch", "rather", "sry", "updated", "meant"} or (
            tokens.lower[j] == "say" and tokens.lower[j - 1] in {"'s", "lets"})  # "… hmm no, let's say $400"
        j += 1
    if not marker or j >= len(tokens):
        return None
    return amount_at(tokens, j)


_RATE_UNITS = frozenset("""hour hours hr hrs h day days daily week weeks weekly month months monthly mo year years
yearly annually annum minute minutes min view views impression impressions like likes click clicks install installs
signup signups sign-up lead leads sale sales conversion conversions follower followers engagement engagements
thousand 1000 1k 1,000 mille word words visit visits download downloads order orders trial trials acquisition
acquisitions""".split())
_RATE_METRICS = frozenset({"cpm", "ecpm", "cpc", "cpa", "cpv", "cpe", "cpi", "cpl", "cps", "cpcv", "cac", "cpt", "ltv",
                           "arpu", "roas", "aov"})


def is_rate(tokens: Tokens, start: int, end: int) -> bool:
    """'$50/hour', '$20 per 1000 views', '€5 a month', '$15 CPM', 'CPM of $15': a price per time or per result."""
    if tokens.lower[end:end + 1] and tokens.lower[end] in _RATE_METRICS:
        return True
    if any(tokens.lower[j] in _RATE_METRICS or (tokens.lower[j] == "per" and tokens.lower[j + 1] in _RATE_UNITS)
           for j in range(max(tokens.clause_start(start), start - 4), start)):
        return True  # "CPM of $15", "cost per trial vs £22"
    at = end + (1 if tokens.lower[end:end + 1] and tokens.lower[end] in CURRENCY_WORDS else 0)
    at += tokens.lower[at:at + 2] == ["cost", "per"]  # "a £9 cost per trial"
    if at < len(tokens) and tokens.lower[at] in {"/", "per", "a", "an", "every", "each"}:
        unit = at + 1 + (1 if tokens.lower[at + 1:at + 2] and tokens.lower[at + 1] in {"1", "one", "single"} else 0)
        return unit < len(tokens) and tokens.lower[unit] in _RATE_UNITS
    return False
