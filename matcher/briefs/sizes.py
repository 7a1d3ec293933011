"""Sizes a brief asks for: money (price per post, campaign budget), follower bounds, tiers and counts.

Money is read first, so an amount with a currency is never a follower bound. A follower bound needs a
follower sense (a k/M amount, or followers, subscribers, fans or audience next to it) and takes its
direction from the words around it, a negation turning it ("nobody over 1M" is a maximum).
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from matcher.briefs.amounts import Amount, amount_at, count_at
from matcher.briefs.lexicon import (
    BUDGET_CUES,
    COUNT_CUES,
    COUNT_PHRASES,
    CREATOR_NOUNS,
    CURRENCY_WORDS,
    FOLLOWER_NOUNS,
    LOWER_AFTER,
    LOWER_CUES,
    NEGATION_PHRASES,
    NEGATIONS,
    NOT_FOLLOWERS,
    PER_BEFORE,
    PER_UNIT,
    PER_WORDS,
    PRICE_CUES,
    RANGE_JOINERS,
    TIER_FOLLOWERS,
    TIER_WORDS,
    UPPER_AFTER,
    UPPER_CUES,
)
from matcher.briefs.reading import Reading
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

UPPER_CUES_WORDS = frozenset(word for cue in UPPER_CUES for word in cue)


def _amounts(tokens: Tokens) -> list[Amount]:
    found, i = [], 0
    while i < len(tokens):
        amount = amount_at(tokens, i) if tokens.free(i, i + 1) else None
        if amount is None:
            i += 1
            continue
        found.append(amount)
        i = amount.end
    return found


def _range_after(tokens: Tokens, first: Amount) -> Amount | None:
    """The second amount of a range ('10k-50k', '5k to 20k', 'between 5 and 20k'), or None."""
    at = first.end
    if at < len(tokens) and tokens.lower[at] in RANGE_JOINERS | {"~"}:
        second = amount_at(tokens, at + 1) if at + 1 < len(tokens) else None
        if second is not None:
            return second
    return None


def _scaled_pair(first: Amount, second: Amount) -> tuple[float, float]:
    """Low and high of a range; '10-50k' borrows the second amount's scale for the first."""
    low, high = first.value, second.value
    if not first.scaled and second.scaled and first.value < 1000:
        for scale in (1e3, 1e6):
            if (low * scale <= high and second.value % scale == 0) or (low * scale <= high < low * scale * 1000):
                low = low * scale
                break
    return min(low, high), max(low, high)


def _reading(tokens: Tokens, field: str, value: object, start: int, end: int) -> Reading:
    tokens.claim(start, end, field)
    return Reading(field, value, tokens.span_text(start, end), tokens.starts[start], tokens.ends[end - 1])


def read_money(tokens: Tokens) -> list[Reading]:
    """Money: an amount with a currency, or after budget/rate words; per post or for the whole campaign."""
    readings: list[Reading] = []
    for amount in _amounts(tokens):
        if not tokens.free(amount.start, amount.end):
            continue
        second = _range_after(tokens, amount)
        currency = amount.currency or (second.currency if second else None)
        clause = tokens.clause_start(amount.start)
        cue_budget = _cue_before(tokens, amount.start, BUDGET_CUES, clause, 5)
        cue_price = _cue_before(tokens, amount.start, PRICE_CUES, clause, 7)
        per_before = _per_before(tokens, amount.start, clause)
        if (cue_price is None and per_before is not None and not amount.word and amount.scaled
                and tokens.lower[per_before] in {"per", "each", "every", "single", "any", "individual"}):
            cue_price = per_before  # "each creator max 2k": a fee, whatever the currency
        end = (second or amount).end
        unit_after = end < len(tokens) and tokens.lower[end] in NOT_FOLLOWERS
        if _product_price(tokens, amount.start, end):
            continue  # "our €49 serum", "(MSRP $18,995)": the price of the product, no budget
        if currency is None and ((cue_budget is None and cue_price is None) or unit_after):
            continue
        if currency is None and (_followers_near(tokens, amount.start, end) or (tokens.lower[end:end + 1] and (
                tokens.lower[end] in CREATOR_NOUNS))):
            continue  # "5 creators is enough" after a fee is a count, not money
        value = max(amount.value, second.value) if second else amount.value
        if second and not amount.scaled and second.scaled:
            value = _scaled_pair(amount, second)[1]
        start = amount.start
        start -= tokens.phrase_ending(start, UPPER_CUES) or tokens.phrase_ending(start, LOWER_CUES)
        per = _per_unit(tokens, end)
        if per or per_before is not None or (cue_price is not None and (cue_budget is None or cue_price > cue_budget)):
            field = "max_price_per_post"
            end += per
            start = min([start, *(c for c in (cue_price, per_before) if c is not None and c >= amount.start - 7)])
        else:
            field = "campaign_budget"
            if cue_budget is not None and cue_budget >= amount.start - 4:
                start = min(start, cue_budget)
        corrected = _correction(tokens, end + per if field == "campaign_budget" else end)
        if corrected is not None:  # "10k, sorry, 12k total": the corrected amount wins
            value, end = corrected.value, corrected.end
        readings.append(_reading(tokens, field, float(value), start, end))
    return readings


_CORRECTIONS = frozenset({"sorry", "correction", "wait", "actually", "mean", "now", "make", "that", "oops", "er", "no",
                          "scratch", "rather", "updated", "update", "is", "it's", "'s", "it", "i", "let", "me",
                          "correct", "sry", "pardon"})


def _correction(tokens: Tokens, at: int) -> Amount | None:
    """The amount that corrects the one ending at `at` ('10k, sorry, 12k', '25k USD, now 20k', '… no sorry, 500k')."""
    j, marker = at, False
    while j < len(tokens) and j - at < 7 and (tokens.is_punct(j) or tokens.lower[j] in _CORRECTIONS):
        marker = marker or tokens.lower[j] in {"sorry", "correction", "wait", "actually", "mean", "now", "oops",
                                               "scratch", "rather", "sry", "updated"}
        j += 1
    if not marker or j >= len(tokens):
        return None
    return amount_at(tokens, j)


_MONEY_FOLLOWERS = frozenset("""budget budgets total overall all-in all for to in across per each a an max maximum tops
spend spending available and or per-post per-video per-creator fee fees budget. only cap limit which that we it is
including incl incl. plus excluding excl net gross vat usd eur campaign campaigns push activation program programme
flight pilot test launch project collaboration partnership deal season year month quarter""".split())


_PRODUCT_PRICE_CUES = frozenset({"msrp", "rrp", "retail", "retails", "priced", "costing", "costs", "sells", "sold",
                                 "worth", "retailing", "cuesta", "custa", "kostet", "coûte"})


def _product_price(tokens: Tokens, start: int, end: int) -> bool:
    """The amount prices the product: 'MSRP $18,995', 'retails at $12.99', 'our €129 Ridge 2 model'."""
    if tokens.near_before(start, _PRODUCT_PRICE_CUES, 3) is not None or tokens.phrase_at(end, (("at", "retail"),)):
        return True
    if start > 1 and tokens.lower[start - 1] in {"at", "'s", "is"} and tokens.lower[start - 2] in {
            "pack", "it", "bottle", "jar", "box", "kit", "tin", "bag", "product", "one", "unit", "'s"} | {"it"}:
        return True  # "the diaper pack at ₹499", "it's $4.50"
    opened = next((j for j in range(start - 1, max(start - 12, -1), -1) if tokens.words[j] in {"(", ")"}), None)
    if opened is not None and tokens.words[opened] == "(" and tokens.near_before(
            start, BUDGET_CUES | PRICE_CUES, 8, stop_at_punct=False) is None:
        return True  # "(they make the Aero 9 smart trainer, £1,199)"
    if end >= len(tokens) or tokens.is_punct(end) or tokens.lower[end] in _MONEY_FOLLOWERS | PER_UNIT:
        return False
    return tokens.lower[end].isalpha() and tokens.lower[end] not in BUDGET_CUES | PRICE_CUES and (
        start > 0 and tokens.lower[start - 1] in {"our", "its", "their", "the", "a", "an", "new"})


def _cue_before(tokens: Tokens, at: int, words: frozenset[str], clause: int, window: int) -> int | None:
    """The nearest cue word before `at` in the same clause (not past a comma), within `window` tokens."""
    for j in range(at - 1, max(clause, at - window) - 1, -1):
        if tokens.lower[j] in words:
            return j
        if tokens.words[j] in {",", ";", "(", ")"}:
            return None
    return None


def _per_before(tokens: Tokens, at: int, clause: int) -> int | None:
    """'per creator maximum 1500', 'for one video not more than 300€', 'every influencer max': where it starts."""
    for j in range(at - 1, max(clause, at - 7) - 1, -1):
        if tokens.words[j] in {",", ";", "(", ")"} or amount_at(tokens, j) is not None:
            return None  # the clause of another amount
        unit = tokens.lower[j] in PER_UNIT or tokens.lower[j] in CREATOR_NOUNS or is_person_noun(tokens.lower[j])
        if unit and j > 0 and tokens.lower[j - 1] in PER_BEFORE | {"one"}:
            owner = j - 2  # the word before 'per'
            if owner >= 0 and (tokens.lower[owner] in CURRENCY_WORDS or any(c.isdigit() for c in tokens.words[owner])):
                return None  # "AED 5,000 per creator and AED 150k": the 'per' belongs to the amount before
            return j - 1 - (1 if j > 1 and tokens.lower[j - 2] in {"for", "per"} else 0)
        if tokens.lower[j] in {"per-post", "per-video", "per-creator", "each", "every"} and (
                j + 1 == at or tokens.lower[j + 1] in UPPER_CUES_WORDS):
            return j
    return None


def _per_unit(tokens: Tokens, at: int) -> int:
    """Tokens of a 'per post' / '/reel' / 'each' / 'max per Reel' after an amount (0 when none)."""
    lead = 0
    if at < len(tokens) and tokens.lower[at] in {"max", "maximum", "tops", "max.", "ceiling", "cap", "limit"}:
        lead = 1
    at += lead
    if at < len(tokens) and tokens.lower[at] == "each":
        return lead + 1
    for skip in (0, 1):  # "$500 per sponsored post", "€300 for one reel"
        if at + 1 + skip < len(tokens) and tokens.lower[at] in PER_WORDS and tokens.lower[at + 1 + skip] in PER_UNIT:
            return lead + 2 + skip
    if at < len(tokens) and tokens.lower[at] in {"per-post", "/post", "per-video", "per-creator"}:
        return lead + 1
    return 0


def _followers_near(tokens: Tokens, start: int, end: int) -> bool:
    after = {tokens.lower[j] for j in range(end, min(end + 3, len(tokens)))}
    before = {tokens.lower[j] for j in range(max(start - 4, tokens.clause_start(start)), start)}
    return bool(after & FOLLOWER_NOUNS) or bool(before & FOLLOWER_NOUNS)


def _follower_clause(tokens: Tokens, start: int) -> bool:
    """The sentence or list item holding the amount is about followers ('Followers minimum 5.000, maximum 40.000',
    'no smaller than 30,000 and no larger than 400,000 followers')."""
    segment = tokens.clause_start(start)
    nouns = FOLLOWER_NOUNS - {"audience", "audiences", "reach", "following"}
    if any(tokens.lower[j] in nouns for j in range(max(segment, start - 10), start)):
        return True
    for j in range(start + 1, min(start + 9, len(tokens))):
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
    for amount in _amounts(tokens):
        if amount.currency or not tokens.free(amount.start, amount.end):
            continue
        second = _range_after(tokens, amount)
        last = second or amount
        if second and second.currency:
            continue
        after = last.end
        # "1M+ downloads", "10k+ likes": look past the plus for what is counted
        look = after + (1 if after < len(tokens) and tokens.words[after] == "+" else 0)
        words_after = tokens.lower[look:look + 2]
        noun_after = after < len(tokens) and tokens.lower[after] in FOLLOWER_NOUNS
        if any(w in NOT_FOLLOWERS or w in CREATOR_NOUNS or w in {"viewers", "viewer", "listeners", "readers",
                                                                 "visitors", "members"} for w in words_after[:1]) or (
                len(words_after) == 2 and words_after[1] in {"viewers", "views", "likes", "downloads", "listeners",
                                                             "streams", "plays", "readers"}):
            continue
        if amount.start > 0 and tokens.lower[amount.start - 1] in {"avg", "average", "avg.", "approx", "approx."}:
            continue  # "avg 5k+ live viewers": a metric, not a bound on followers
        if tokens.near_before(amount.start, {"aged", "age", "ages"}, 2) is not None:
            continue
        scaled = amount.scaled or last.scaled
        # an amount without k/M is about followers only with the word next to it, or in a followers clause
        # (and a number under a thousand only with the word next to it: "over 21" is an age)
        if not scaled and not (noun_after or (_follower_clause(tokens, amount.start) and last.value >= 1000)):
            continue
        if scaled and not noun_after and not _followers_near(tokens, amount.start, last.end) and last.value < 1000:
            continue
        between = amount.start > 0 and tokens.lower[amount.start - 1] in {"between", "from"}
        start = amount.start - (1 if between and second else 0)
        end = last.end + (1 if noun_after else 0)
        if second:
            low, high = _scaled_pair(amount, second)
            readings.append(_reading(tokens, "followers", (int(low), int(high)), start, end))
            continue
        value = int(amount.value)
        cue_up = tokens.phrase_ending(amount.start, UPPER_CUES)
        cue_low = tokens.phrase_ending(amount.start, LOWER_CUES)
        direction = None
        if cue_up >= cue_low and cue_up:
            direction, start = "max", amount.start - cue_up
        elif cue_low:
            direction, start = "min", amount.start - cue_low
        tail = 0
        if direction is None:
            tail = tokens.phrase_at(end, LOWER_AFTER)
            if tail:
                direction, end = "min", end + tail
            elif tail := tokens.phrase_at(end, UPPER_AFTER):
                direction, end = "max", end + tail
            if tail and end < len(tokens) and tokens.lower[end] in FOLLOWER_NOUNS:
                end += 1
        if direction is None:
            continue
        corrected = _correction(tokens, end)
        if corrected is not None and not corrected.currency:
            value, end = int(corrected.value), corrected.end
            tail = tokens.phrase_at(end, UPPER_AFTER) or tokens.phrase_at(end, LOWER_AFTER)
            end += tail
        cue_words = {tokens.lower[j] for j in range(start, amount.start)}
        if _negated(tokens, start) and not cue_words & NEGATIONS:
            direction = "min" if direction == "max" else "max"
        field = "max_followers" if direction == "max" else "min_followers"
        readings.append(_reading(tokens, field, value, start, end))
    return readings


# a tier word followed by one of these names a thing, not a creator size ("macro photography")
_TIER_COMPOUNDS = frozenset("""
photography photo photos photographer photographers lens lenses shot shots nutrient nutrients tracking counting
economics economy trends trend level-design needling greens green biology plastics plastic phone phones dosing
blading cement transactions fiber fibre brewery breweries tech technology particles sale sales deal deals pack
bundle city cities managing management adventures moments habits learning budget budgets
""".split())


def read_tiers(tokens: Tokens) -> list[Reading]:
    """Tier words used for creator size: 'micro-influencers', 'nano or micro creators', 'macro tier', '..., micro,'."""
    readings: list[Reading] = []
    i = 0
    while i < len(tokens):
        if not tokens.free(i, i + 1):
            i += 1
            continue
        tiers, j, glued = _tier_list(tokens, i)
        if not tiers:
            i += 1
            continue
        end = j
        after = tokens.lower[end] if end < len(tokens) else ""
        after2 = tokens.lower[end + 1] if end + 1 < len(tokens) else ""
        if glued or after in TIER_FOLLOWERS:
            end += 0 if glued else 1
        elif after == "-" and after2 in TIER_FOLLOWERS:
            end += 2
        elif end >= len(tokens) or (tokens.is_punct(end) and after not in {"-", "&"}) or after in {
                "only", "tier", "tiers", "size", "range", "level", "\n", "both", "fine", "ok", "okay", "preferred",
                "welcome", "ideally", "please", "is", "are", "but"}:
            if after in {"only", "tier", "tiers", "size", "range", "level"}:
                end += 1
        elif after not in _TIER_COMPOUNDS and after2 in TIER_FOLLOWERS and not tokens.is_punct(end):
            pass  # one word between: "micro fitness creators", "nano beauty influencers"
        else:
            i = j
            continue
        readings.append(_reading(tokens, "tiers", tuple(dict.fromkeys(tiers)), i, end))
        i = end
    return readings


_TIER_JOINERS = frozenset({"and", "or", ",", "/", "&", "-", "to", "+", "o", "ou", "y", "e", "und", "et"})


def _tier_list(tokens: Tokens, i: int) -> tuple[list[str], int, bool]:
    """Tier words from token i ('nano or micro', 'nano+micro', 'nano to micro'); glued as in 'microinfluencers'."""
    tiers: list[str] = []
    j = i
    while j < len(tokens):
        low = tokens.lower[j]
        word = low[:-1] if low in {"nanos", "micros", "megas"} else low
        glued = next((t for t in TIER_WORDS if word.startswith(t) and word[len(t):] in TIER_FOLLOWERS), None)
        if word not in TIER_WORDS and not glued:
            break
        tiers.append(glued or word)
        j += 1
        if glued or low != word:
            return tiers, j, True
        if j + 1 < len(tokens) and tokens.lower[j] in _TIER_JOINERS and tokens.lower[j + 1] in TIER_WORDS:
            j += 1
            continue
        break
    return tiers, j, False


_COUNT_AFTER = frozenset({"of", "in"})
_ENOUGH = tuple(tuple(p.split()) for p in ("is plenty", "is enough", "are enough", "would be great", "would be perfect",
                                             "would be ideal", "is fine", "are fine", "will do", "would do",
                                             "is perfect", "max", "maximum", "at most", "minimum", "to start",
                                             "to begin with", "for now", "for a start", "to begin"))
_ASK_VERBS = frozenset("""
recommend send propose suggest find need want pick choose give list shortlist pitch share get book hire select
""".split())


_PAST_RESULTS = frozenset({"last", "previous", "past", "delivered", "reached", "performed", "generated", "drove",
                           "earlier"})


def read_count(tokens: Tokens) -> list[Reading]:
    """How many creators: 'top 3', 'a dozen creators', '5 micro-influencers', 'shortlist of 8', '5 of them'.

    A count after a cue ("shortlist of 9") wins over a bare "40 creators" earlier in the brief.
    """
    found = [(i, counted) for i in range(len(tokens)) if tokens.free(i, i + 1)
             and (counted := _count_at(tokens, i)) is not None]
    if not found:
        return []
    cued = [(i, counted) for i, counted in found if tokens.phrase_at(i, COUNT_CUES)]
    _, (value, start, end) = (cued or found)[0]
    return [_reading(tokens, "k", value, start, end)]


def _count_at(tokens: Tokens, i: int) -> tuple[int, int, int] | None:
    """(count, start, end) of a count phrase starting at token i, or None."""
    cue = tokens.phrase_at(i, COUNT_CUES)
    phrase = tokens.phrase_at(i, COUNT_PHRASES)
    if phrase:
        value = COUNT_PHRASES[tuple(tokens.lower[i:i + phrase])]
        end = i + phrase
        if tokens.lower[end:end + 2] == ["of", "them"]:
            return value, i, end + 2  # "half a dozen of them"
        if _creator_noun_after(tokens, end) is not None or _asked(tokens, i, end):
            return value, i, end
        return None
    at = i + cue
    number = count_at(tokens, at) if at < len(tokens) else None
    if number is None:
        return None
    before = tokens.lower[number.start - 1] if number.start > 0 else ""
    if not cue and number.start > 0 and tokens.is_capitalized(number.start - 1) and not tokens.sentence_start(
            number.start - 1) and tokens.words[number.start - 1].isalpha():
        return None  # a model number: "Stride 360", "Golf 8", "Model 3"
    if not cue and tokens.near_before(number.start, _PAST_RESULTS, 5, stop_at_punct=False) is not None:
        return None  # "last year's push delivered 3.1M impressions from 40 creators": a past result
    if not cue and before in {"of", "aged", "age", "ages", "over", "under", "model", "no", "step", "part", "day",
                              "week", "season", "episode", "chapter", "version", "v", "gen", "series", "the"}:
        return None
    end = number.end
    value = int(number.value)
    if tokens.lower[end:end + 2] == ["nos", "."] or tokens.lower[end:end + 1] == ["nos."]:
        end += 2 if tokens.lower[end] == "nos" else 1  # "20 nos. of fashion influencers" (Indian English)
        if tokens.lower[end:end + 1] == ["of"]:
            end += 1
    if end + 1 < len(tokens) and tokens.lower[end] in {"-", "–", "to", "or"} and count_at(tokens, end + 1):
        upper = count_at(tokens, end + 1)
        assert upper is not None
        value, end = max(value, int(upper.value)), end + 2
    elif end < len(tokens) and tokens.lower[end] in {"-", "–"}:
        return None  # "5-star", "3-day"
    after = tokens.lower[end] if end < len(tokens) else ""
    if after in {"%", "percent", "x", "times", "+", "k", "m"}:
        return None
    if cue and tokens.lower[i] == "top":
        if _creator_noun_after(tokens, end) is not None or end >= len(tokens) or tokens.is_punct(end) or after in (
                STOP_WORDS | {"only", "please", "names", "picks"}):
            return value, i, end
        return None
    if cue:
        return value, i, end
    if number.word and value < 2:
        return None
    if _creator_noun_after(tokens, end) is not None:
        return value, i, end
    if after in _COUNT_AFTER and tokens.lower[end + 1:end + 2] in (["them"], ["total"]):
        return value, i, end + 2  # "5 of them", "12 in total"
    if after == "in" and tokens.lower[end + 1:end + 3] == ["total", ","]:
        return value, i, end + 2
    label = number.start >= 2 and tokens.lower[number.start - 1] == ":" and (
        tokens.lower[number.start - 2] in CREATOR_NOUNS or tokens.lower[number.start - 2] in {"number", "count",
                                                                                               "quantity", "amount"})
    if label or _asked(tokens, number.start, end):
        return value, i, end
    return None


def _asked(tokens: Tokens, start: int, end: int) -> bool:
    """'please recommend a dozen.', 'creators from Poland, 4 or 5, with ...': a bare count the brief asks for."""
    if tokens.phrase_at(end, _ENOUGH):
        return True  # "half a dozen is plenty", "3 names is fine"
    bare = end >= len(tokens) or tokens.words[end] in {".", ",", "!", "?", ";", "\n", "(", "please"}
    if not bare:
        return False
    if tokens.near_before(start, _ASK_VERBS, 2) is not None:
        return True
    if end - start == 3 and tokens.words[start + 1] in {"-", "–"}:
        return False  # "22-40" after a list of creators is an age range
    return (start > 0 and tokens.words[start - 1] == ","
            and tokens.near_before(start - 1, CREATOR_NOUNS, 6, stop_at_punct=False) is not None
            and not any(tokens.words[j] in {".", "!", "?", "\n"} for j in range(max(start - 7, 0), start)))


def _creator_noun_after(tokens: Tokens, at: int) -> int | None:
    """A creator noun within four words after `at`, with nothing but words, '-', '/' and 'and' between."""
    words = 0
    for j in range(at, min(at + 10, len(tokens))):
        low = tokens.lower[j]
        if low in CREATOR_NOUNS or is_person_noun(low):
            return j
        if tokens.words[j] in {"-", "/", "&"} or low in {"and", "or"} or (j > at and tokens.words[j - 1] == "-"):
            continue  # "coding-for-kids creators": a hyphenated compound is one word
        words += 1
        if words > 4:
            return None
        if tokens.is_punct(j) or low in {"of", "with", "per", "times", "a", "who", "that", "for", "in", "on"}:
            return None
        if count_at(tokens, j) is not None or amount_at(tokens, j) is not None:
            return None
    return None


def is_person_noun(word: str) -> bool:
    """'guitarists', 'foodbloggers', 'bookstagrammers': a noun that names people by its ending."""
    return word.endswith(("ists", "bloggers", "vloggers", "influencers", "creators", "grammers", "tubers", "tokers",
                          "streamers", "gamers"))
