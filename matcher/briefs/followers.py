"""Follower bounds: ranges, "under 50k", "at least 10k followers", "2.5k+", "50k or fewer", "sub-100k".

A bound needs a follower sense (a k/M amount, or followers, subscribers, fans next to it) and takes its
direction from the words around it, a negation turning it ("nobody over 1M" is a maximum).
"""
from __future__ import annotations

from matcher.briefs.amounts import amounts_in, correction_after, range_after, scaled_range
from matcher.briefs.bound_cues import LOWER_AFTER, LOWER_CUES, RANGE_OPENERS, UPPER_AFTER, UPPER_CUES
from matcher.briefs.lexicon import (
    CREATOR_NOUNS,
    FOLLOWER_NOUNS,
    NEGATION_PHRASES,
    NEGATIONS,
    NOT_FOLLOWERS,
    PER_UNIT,
    PRODUCT_PRICE_WORDS,
)
from matcher.briefs.reading import Reading, claimed_reading
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

# what an amount counts, a word after it ("2M monthly views")
_COUNTED_SECOND = frozenset({"viewers", "views", "likes", "downloads", "listeners", "streams", "plays", "readers"})
# no account has this many followers (the largest have under a billion): an amount this big is something else
_MORE_THAN_ANY_ACCOUNT = 1_000_000_000
# a comparative after a negation, and the bound the two make ("not less" is a minimum)
_COMPARATIVES = {"less": "min", "fewer": "min", "lower": "min", "smaller": "min", "more": "max", "bigger": "max",
                 "larger": "max", "higher": "max", "greater": "max"}
# "Follower 100k up", "50K up"
_LOWER_AFTER = (*LOWER_AFTER, ("up",), ("above",))

# what follows a length in metres ("30m high", "200m from the beach")
_LENGTHS = frozenset({"high", "tall", "long", "deep", "wide", "away", "from", "above", "below", "drop", "descent",
                      "climb", "elevation", "altitude"})

def followers_near(tokens: Tokens, start: int, end: int) -> bool:
    after = {tokens.lower[j] for j in range(end, min(end + 3, len(tokens)))}
    before = {tokens.lower[j] for j in range(max(start - 4, tokens.clause_start(start)), start)}
    return bool(after & FOLLOWER_NOUNS) or bool(before & FOLLOWER_NOUNS)


def _follower_clause(tokens: Tokens, start: int) -> bool:
    """The sentence or list item holding the amount is about followers ('Followers minimum 5.000, maximum 40.000',
    'no smaller than 30,000 and no larger than 400,000 followers')."""
    segment = tokens.clause_start(start)
    while segment > 1 and tokens.words[segment - 1] == "." and tokens.lower[segment - 2] in {"min", "max", "approx"}:
        segment = tokens.clause_start(segment - 2)  # "min. 15.000 follower and max. 120.000": one clause
    nouns = FOLLOWER_NOUNS - {"audience", "audiences", "reach", "following"}
    if any(tokens.lower[j] in nouns for j in range(max(segment, start - 10), start)):
        return True
    for j in range(start + 1, min(start + 9, len(tokens))):
        if tokens.words[j] == "." and tokens.lower[j - 1] in {"min", "max", "approx"}:
            continue  # "min. 3.000 max. 30.000 followers"
        if tokens.words[j] in SENTENCE_ENDS or tokens.lower[j] in NOT_FOLLOWERS or tokens.lower[j] in {"who", "that"}:
            return False
        if tokens.lower[j] in nouns:
            return True
    return False


def _negated(tokens: Tokens, cue_start: int) -> bool:
    """A negation within five tokens before a comparison, in the same clause."""
    for j in range(cue_start - 1, max(cue_start - 6, -1), -1):
        if tokens.words[j] in SENTENCE_ENDS or tokens.words[j] in {",", "but", "(", ")", "—", "–", "-", ":"}:
            return False
        if tokens.lower[j] in NEGATIONS or tokens.phrase_at(j, NEGATION_PHRASES):
            return True
    return False


def read_followers(tokens: Tokens) -> list[Reading]:
    """Follower bounds: ranges, 'under 50k', 'at least 10k followers', '2.5k+', '50k or fewer', 'sub-100k'."""
    readings: list[Reading] = []
    found = list(amounts_in(tokens))
    # "sizes 0–6m, 6–18m, 18–36m": a range from nothing makes the brief's other 'm' ranges months too
    months = any(not amount.value and range_after(tokens, amount) for amount in found)
    for amount in found:
        if amount.currency or not tokens.free(amount.start, amount.end):
            continue
        second = range_after(tokens, amount)
        last = second or amount
        if second and second.currency:
            continue
        if second and not amount.scaled and not second.scaled and max(amount.value, second.value) < 100:
            continue  # "18-34 audience": ages
        after = last.end
        # "1M+ downloads", "10k+ likes": look past the plus for what is counted
        look = after + (1 if after < len(tokens) and tokens.words[after] == "+" else 0)
        words_after = tokens.lower[look:look + 2]
        # "audience not less of 20.000 persons": people counted in an audience are followers
        audience_of = after < len(tokens) and tokens.lower[after] in {"people", "persons"} and tokens.near_before(
            amount.start, {"audience", "audiences"}, 5) is not None
        # "under 20k ppl": a bounded k/M count of people is an audience ("reached 2M people" is a past result)
        audience_of = audience_of or (amount.scaled and words_after[:1] in (["ppl"], ["people"]) and bool(
            tokens.phrase_ending(amount.start, UPPER_CUES) or tokens.phrase_ending(amount.start, LOWER_CUES))
            and tokens.near_before(amount.start, {"reach", "reached", "reaches", "reaching"}, 4) is None)
        noun_after = (after < len(tokens) and tokens.lower[after] in FOLLOWER_NOUNS) or audience_of
        named = noun_after or (look < len(tokens) and tokens.lower[look] in FOLLOWER_NOUNS)  # "50k+ fans"
        counted = {"viewers", "viewer", "listeners", "readers", "visitors", "members"}
        if (not named and any(w in NOT_FOLLOWERS or w in CREATOR_NOUNS or w in counted
                                    for w in words_after[:1])) or (
                len(words_after) == 2 and (words_after[1] in _COUNTED_SECOND or (  # "50M+ retail customers"
                    not named and words_after[1] in NOT_FOLLOWERS and words_after[0].isalpha()))):
            continue
        if len(words_after) == 2 and words_after[0] in {"/", "per"} and words_after[1] in PER_UNIT:
            continue  # "rate < 3jt/post": a fee
        if tokens.words[amount.start - 2:amount.start] != [] and tokens.words[amount.start - 1] == "(" and (
                tokens.span_text(amount.start, amount.end).endswith("m")) and tokens.words[
                amount.end:amount.end + 2] == ["+", ")"] and not named and tokens.lower[amount.start - 2] not in (
                CREATOR_NOUNS | FOLLOWER_NOUNS):
            continue  # "the new DUPLO train set (18m+)": a toy's age in months ("dad bloggers (1m+)" are followers)
        if amount.start > 0 and tokens.lower[amount.start - 1] in {"avg", "average", "avg.", "approx", "approx."}:
            continue  # "avg 5k+ live viewers": a metric, not a bound on followers
        if tokens.near_before(amount.start, {"aged", "age", "ages"}, 2) is not None:
            continue
        if not named and tokens.near_before(amount.start, _PRICE_WORDS, 3) is not None:
            continue  # "price start from 59rb", "priced from 120k won": what the product costs
        # "bins are 32L and 15L" (litres), "sizes 0-6m" (months): a lakh or a range from nothing needs followers named
        text = tokens.span_text(amount.start, last.end)
        litres_or_months = text.endswith("L") or bool(second and not amount.value) or (
            months and bool(second) and text.endswith("m"))
        if litres_or_months and not noun_after and not followers_near(tokens, amount.start, last.end):
            continue
        # "platforms up to 30m high", "our 134m bungy", "200m from the beach": metres, a lower-case m glued on
        if text.endswith("m") and text[-2:-1].isdigit() and not noun_after and (
                (last.end < len(tokens) and tokens.lower[last.end] in _LENGTHS) or tokens.lower[
                    amount.start - 1:amount.start] in (
                    ["our"], ["the"], ["a"], ["an"], ["its"], ["their"])):
            continue
        scaled = amount.scaled or last.scaled
        # an amount without k/M is about followers only with the word next to it, or in a followers clause
        # (and a number under a thousand only with the word next to it: "over 21" is an age)
        # "with audiences between 20,000 and 250,000": a range right after a follower noun
        noun_before = bool(second) and amount.start > 1 and tokens.lower[amount.start - 1] in RANGE_OPENERS and (
            tokens.lower[amount.start - 2] in FOLLOWER_NOUNS)
        # "audience 50 000+", "audience: 15.000-80.000", "audience of 20,000": a count of people right after 'audience'
        at = amount.start - (amount.start > 1 and tokens.lower[amount.start - 1] in {":", "of"})
        noun_before = noun_before or (tokens.lower[at - 1:at] in (["audience"], ["audiences"]) and last.value >= 1000)
        if not scaled and not (noun_after or noun_before or (
                _follower_clause(tokens, amount.start) and last.value >= 1000)):
            continue
        if scaled and not noun_after and not followers_near(tokens, amount.start, last.end) and last.value < 1000:
            continue
        if last.value >= _MORE_THAN_ANY_ACCOUNT:
            continue  # "1.850 m over sea level": metres read as millions, more followers than any account has
        between = amount.start > 0 and tokens.lower[amount.start - 1] in RANGE_OPENERS
        start = amount.start - (1 if between and second else 0)
        end = last.end + (1 if noun_after else 0)
        if second:
            low, high = scaled_range(amount, second)
            readings.append(claimed_reading(tokens, "followers", (int(low), int(high)), start, end))
            continue
        value = int(amount.value)
        cue_up = tokens.phrase_ending(amount.start, UPPER_CUES)
        cue_low = tokens.phrase_ending(amount.start, LOWER_CUES)
        direction = None
        if cue_up >= cue_low and cue_up:
            direction, start = "max", amount.start - cue_up
        elif cue_low:
            direction, start = "min", amount.start - cue_low
        elif amount.start > 0 and tokens.words[amount.start - 1] == "+" and tokens.ends[amount.start - 1] == (
                tokens.starts[amount.start]):
            direction, start = "min", amount.start - 1  # "+20k seguidores", "con +50k"
        # "not less from 30k", "no more from 100k": a negated comparative before the cue gives the direction
        if direction is not None and start >= 2 and tokens.lower[start - 2] in NEGATIONS and (
                tokens.lower[start - 1] in _COMPARATIVES):
            direction, start = _COMPARATIVES[tokens.lower[start - 1]], start - 2
        tail = 0
        if direction is None:
            tail = tokens.phrase_at(end, _LOWER_AFTER)
            near = noun_after or followers_near(tokens, amount.start, end)
            if tail and not (near or tokens.phrase_at(end, LOWER_AFTER)):
                tail = 0  # "1,800 m above sea level": 'above' after an amount needs followers near it
            if tail:
                direction, end = "min", end + tail
            elif tail := tokens.phrase_at(end, UPPER_AFTER):
                direction, end = "max", end + tail
            if tail and end < len(tokens) and tokens.lower[end] in FOLLOWER_NOUNS:
                end += 1
        if direction is None:
            continue
        corrected = correction_after(tokens, end)
        if corrected is not None and not corrected.currency:
            value, end = int(corrected.value), corrected.end
            tail = tokens.phrase_at(end, UPPER_AFTER) or tokens.phrase_at(end, _LOWER_AFTER)
            end += tail
        cue_words = {tokens.lower[j] for j in range(start, amount.start)}
        if (_negated(tokens, start) and not cue_words & NEGATIONS) or _ruled_out_after(tokens, end):
            direction = "min" if direction == "max" else "max"
        field = "max_followers" if direction == "max" else "min_followers"
        readings.append(claimed_reading(tokens, field, value, start, end))
    return readings


_RULED_OUT = (("are", "out", "of", "scope"), ("is", "out", "of", "scope"), ("are", "excluded"), ("is", "excluded"),
              ("are", "ineligible"), ("are", "not", "eligible"), ("are", "not", "allowed"), ("are", "not", "wanted"),
              ("will", "be", "excluded"), ("are", "a", "no-go"), ("wo", "n't", "work"), ("are", "too", "big"),
              ("are", "too", "small"), ("are", "not", "necessary"), ("are", "not", "needed"),
              ("are", "not", "required"), ("are", "unnecessary"), ("are", "not", "suitable"),
              ("are", "not", "a", "fit"), ("not", "needed"),
              ("not", "necessary"), ("are", "not", "relevant"), ("is", "not", "necessary"), ("is", "too", "big"))


def _ruled_out_after(tokens: Tokens, end: int) -> bool:
    """'Creators with more than 1M followers are out of scope': the bound is the other way round."""
    return any(tokens.phrase_at(j, _RULED_OUT) for j in range(end, min(end + 3, len(tokens))))


# a tier word followed by one of these names a thing, not a creator size ("macro photography")


# the product's price before an amount ("price start from 59rb", "harga mulai 59rb", "preço a partir de 89k")
_PRICE_WORDS = PRODUCT_PRICE_WORDS | frozenset({"price", "prices", "pricing", "harga", "preço", "precio", "prix",
                                                 "preis", "prezzo"})
