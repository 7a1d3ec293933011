"""Money in a brief: the largest price per post, and the campaign's total budget.

An amount with a currency, or after budget or rate words, is money; it is a price per post when tied to
one post, video, creator or each ("$500 per post", "per creator not more than 3.500 EUR"), else the
campaign's total. Product prices ("our €49 serum", "MSRP $18,995") and corrected amounts ("10k, sorry,
12k") are read as such. An amount with a currency and no word for what it pays ("Sterling silver ring, $42") is
offered as the campaign's total, not applied.
"""
from __future__ import annotations

import re
from dataclasses import replace

from matcher.briefs.amounts import amounts_in, correction_after, is_rate, range_after, scaled_range
from matcher.briefs.bound_cues import LOWER_CUES, UPPER_CUES
from matcher.briefs.followers import followers_near
from matcher.briefs.lexicon import (
    BUDGET_CUES,
    CHEAP_THINGS,
    CREATOR_NOUNS,
    GOODS,
    MEASURES,
    MONTHS,
    NEGATIONS,
    NOT_FOLLOWERS,
    PER_UNIT,
    PRICE_CUES,
    PRODUCT_PRICE_WORDS,
)
from matcher.briefs.money_units import cue_before, per_before_amount, per_unit
from matcher.briefs.place_owner import quoted
from matcher.briefs.reading import Reading, claimed_reading
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

# words before a year ("since 2015", "Q1 2026", "March 2025")
_BEFORE_YEAR = MONTHS | frozenset("""from in since of for q1 q2 q3 q4 h1 h2 fy spring summer autumn fall
winter""".split())
# fee words that also price what is sold: with no post, creator or "max" tied to the amount, they price the product
# ("price 12.500 TL for SUV", "price from 52.900 €", "tarif 'Flex 40'")
_GOODS_PRICE_WORDS = frozenset({"price", "prices", "tarif", "tarifa", "cost", "costs"})
_PAID_UNITS = CREATOR_NOUNS | PER_UNIT  # "each creator max 2k", "each video"

def read_money(tokens: Tokens) -> list[Reading]:
    """Money: an amount with a currency, or after budget/rate words; per post or for the whole campaign."""
    readings: list[Reading] = []
    bare: list[int] = []  # readings of a budget no word names
    capped: list[int] = []  # those of them after "max" or "up to": a cap, but on what is not said
    passed = 0  # end of the last amount (or range) read as no money constraint
    for amount in amounts_in(tokens):
        if not tokens.free(amount.start, amount.end) or amount.start < passed:
            continue
        second = range_after(tokens, amount)
        currency = amount.currency or (second.currency if second else None)
        clause = tokens.clause_start(amount.start)
        cue_budget = cue_before(tokens, amount.start, BUDGET_CUES, clause, 5)
        cue_price = cue_before(tokens, amount.start, PRICE_CUES, clause, 7)
        per_before = per_before_amount(tokens, amount.start, clause)
        if cue_budget is not None and tokens.lower[cue_budget] == "budget" and tokens.lower[
                cue_budget + 1:cue_budget + 2] != [] and tokens.lower[cue_budget + 1] in CHEAP_THINGS:
            cue_budget = None  # "budget meals under $10": cheap meals, no budget
        if (cue_price is None and per_before is not None and not amount.word and amount.scaled
                and tokens.lower[per_before] in {"per", "each", "every", "single", "any", "individual"}
                and (currency is not None or tokens.lower[per_before] != "each" or tokens.lower[
                    per_before + 1] in _PAID_UNITS)):  # "15 of them, each under 100k": followers
            cue_price = per_before  # "each creator max 2k": a fee, whatever the currency
        end = (second or amount).end
        if cue_budget is None and amount.scaled and tokens.words[end:end + 1] in (["budget"], ["spend"]):
            cue_budget = end  # "2 lakh budget": a scaled amount the next word calls the budget
        unit_after = end < len(tokens) and tokens.lower[end] in NOT_FOLLOWERS
        year = (currency is None and not amount.scaled and amount.value == int(amount.value)
                and 1900 <= amount.value <= 2100 and tokens.lower[amount.start - 1:amount.start] and (
                    tokens.lower[amount.start - 1] in _BEFORE_YEAR))
        # "any pair over $150": a threshold of what is sold ("no single creator above SAR 15,000" is a cap)
        lower_bound = (cue_budget is None and cue_price is None and per_before is None and tokens.lower[
            amount.start - 1:amount.start] in (["over"], ["above"]) and not per_unit(tokens, end)
                       and tokens.near_before(amount.start - 1, NEGATIONS | CREATOR_NOUNS, 4) is None)
        # "cost centre 3310", "PO 4500", "ref 1200": a code, no amount
        code = tokens.lower[max(amount.start - 1, 0):amount.start] in (["centre"], ["center"], ["po"], ["ref"], ["#"],
                                                                      ["code"], ["no."], ["order"], ["version"])
        # "paid: maybe 4 or 5 creators": a small number with no currency and no "k" is a count, not money
        small = currency is None and not amount.scaled and amount.value < 20
        # "pot of 900g", "1 990 Kč per session": a measure or what a service costs, no money for creators
        measure = currency is None and tokens.lower[end:end + 1] != [] and tokens.lower[end] in MEASURES
        service = tokens.lower[end:end + 1] in (["per"], ["a"], ["/"]) and tokens.lower[end + 1:end + 2] != [] and (
            tokens.lower[end + 1] in _SERVICE_UNITS)
        # "our new 'Send Money free upto 25,000 tk' offer": an amount inside a quoted title is the title's
        if year or lower_bound or code or small or measure or service or quoted(tokens, amount.start, end):
            passed = end
            continue  # "Budget recap from 2024": a year; "$20 off any pair over $150": a condition, no cap
        if _product_price(tokens, amount.start, end) or (
                cue_price is not None and tokens.lower[cue_price] in _GOODS_PRICE_WORDS and cue_budget is None
                and per_before is None and not per_unit(tokens, end)
                and not tokens.phrase_ending(amount.start, UPPER_CUES)):
            passed = end
            continue  # "our €49 serum", "(MSRP $18,995)": the price of the product, no budget
        if is_rate(tokens, amount.start, end):
            passed = end
            continue  # "$50/hour", "$20 per 1000 views", "CPM of $15": a rate is neither a fee per post nor a total
        per_after = per_unit(tokens, end)
        if (currency is None and cue_price is None and per_after and amount.value >= 50 and not unit_after
                and tokens.phrase_ending(amount.start, UPPER_CUES)):
            cue_price = amount.start - tokens.phrase_ending(amount.start, UPPER_CUES)  # "max 25,000 per video"
        if currency is None and ((cue_budget is None and cue_price is None) or unit_after):
            continue
        if currency is None and (followers_near(tokens, amount.start, end) or (tokens.lower[end:end + 1] and (
                tokens.lower[end] in CREATOR_NOUNS))):
            continue  # "5 creators is enough" after a fee is a count, not money
        value = max(amount.value, second.value) if second else amount.value
        if second and not amount.scaled and second.scaled:
            value = scaled_range(amount, second)[1]
        start = amount.start
        start -= tokens.phrase_ending(start, UPPER_CUES) or tokens.phrase_ending(start, LOWER_CUES)
        per = per_unit(tokens, end)
        # "Aggregate fees must not exceed CHF 60,000": fees summed over the creators are the campaign's total
        summed = cue_price is not None and tokens.near_before(cue_price, {"aggregate", "total", "overall",
                                                                          "combined"}, 3) is not None
        # "$500 each max and $2k total": the word after the amount calls it the total
        summed = summed or (not per and ((end < len(tokens) and tokens.lower[end] in _CAMPAIGN_WORDS | {"altogether"})
                                         or tokens.lower[end:end + 2] in (["in", "total"], ["all", "in"])))
        if not summed and (per or per_before is not None or (
                cue_price is not None and (cue_budget is None or cue_price > cue_budget))):
            field = "max_price_per_post"
            end += per
            start = min([start, *(c for c in (cue_price, per_before) if c is not None and c >= amount.start - 7)])
        else:
            field = "campaign_budget"
            if cue_budget is not None and cue_budget >= amount.start - 4:
                start = min(start, cue_budget)
        corrected = correction_after(tokens, end + per if field == "campaign_budget" else end)
        if corrected is not None:  # "10k, sorry, 12k total": the corrected amount wins
            value, end = corrected.value, corrected.end
        if field == "campaign_budget" and cue_budget is None and not summed and not (
                _for_the_campaign(tokens, end) or _campaign_money(tokens, amount.start, end)):
            bare.append(len(readings))  # an amount with a currency and no word for what it pays
            if tokens.phrase_ending(amount.start, UPPER_CUES):
                capped.append(len(readings))  # "max 15k PKR": applied when no amount is called a budget
        readings.append(claimed_reading(tokens, field, float(value), start, end))
    if len(bare) < sum(r.field == "campaign_budget" for r in readings):
        # "20 AED trial class ... Budget around 8k dirhams": the amount called a budget is the budget
        return [r for k, r in enumerate(readings) if k not in bare]
    # "red velvet cakes at ₦35,000", "Sterling silver ring, $42": an amount no word calls a budget or a fee may be
    # what the product costs; it is offered, not applied
    return [replace(r, applied=False, note="no word says what this amount pays for: the campaign's total?")
            if k in bare and k not in capped else r for k, r in enumerate(readings)]


_SERVICE_UNITS = frozenset({"session", "sessions", "treatment", "treatments", "night", "class", "lesson", "guest"})
_MONEY_FOLLOWERS = frozenset("""budget budgets total overall all-in all for to in across per each a an max maximum tops
spend spending available and or per-post per-video per-creator fee fees budget. only cap limit which that we it is
including incl incl. plus excluding excl net gross vat usd eur campaign campaigns push activation program programme
flight pilot test launch project collaboration partnership deal season year month quarter""".split())


# "Rs 2,499 MRP"; "Rs 4 crore GMV", "$2M ARR": a price or a business figure, no money to spend
_PRICE_AFTER = (("raised",), ("passes",), ("tickets",), ("a", "ticket"), ("a", "pair"), ("per", "pair"),
                ("a", "bottle"), ("a", "jar"), ("a", "box"), ("a", "pack"), ("off",), ("series",), ("seed",),
                ("funding",), ("round",), ("at", "retail"), ("mrp",), ("rrp",), ("msrp",), ("retail",), ("srp",),
                ("gmv",), ("revenue",), ("in", "sales"), ("sales",), ("turnover",), ("arr",), ("mrr",), ("aov",))
_SHELF_PRICE = re.compile(r"\d[.,](?!00)\d\d(?!\d|[.,]\d)")  # cents: "$19.99", "€64.90", "4,99 $" (not "1,50,000")
_PRODUCT_PRICE_CUES = PRODUCT_PRICE_WORDS | frozenset({"costing", "sells", "sold",
                                 "raised", "raise", "raising", "valued", "valuation", "spent", "promo", "promotion",
                                 "discount", "coupon", "bonus", "bonuses", "referral", "cashback", "prize",
                                 "jackpot", "winnings", "point", "points",
                                 "worth", "retailing", "cuesta", "custa", "kostet", "coûte", "fares", "fare", "tickets",
                                 "ticket", "subscriptions", "memberships", "subscription", "membership", "aov",
                                 "entry", "registration", "admission", "delivery", "shipping", "pledges", "pledge",
                                 "room", "rooms"})  # "Room rate is from 45,000 yen per person"


# words after an amount that make it the campaign's money, not a product's price ("it is $5,000 for the campaign")
_CAMPAIGN_WORDS = frozenset({"campaign", "campaigns", "total", "budget", "whole", "overall", "all-in", "activation",
                             "project", "programme", "program"})


def _for_the_campaign(tokens: Tokens, end: int) -> bool:
    """A word for the campaign in the same clause right after the amount ('$5,000 for the whole campaign')."""
    for j in range(end, min(end + 5, len(tokens))):
        if tokens.is_punct(j):
            return False
        if tokens.lower[j] in _CAMPAIGN_WORDS:
            return True
    return False


# words around an amount that make it money to spend, though not "budget": "total 90 000 zł", "overall €27,000",
# "we have only 2000 EUR for all", "£36k pot", "R50k to play with", "$25,000 for the quarter"
_MONEY_BEFORE = frozenset({"total", "totally", "overall", "whole", "all", "pool", "kitty", "pot", "cap", "capped",
                           "have", "got", "'ve", "allocation", "value", "campaign", "money", "grant", "approved",
                           "line", "commercials"})
_HAVE = frozenset({"have", "got", "'ve"})
_HEDGES = frozenset({"only", "about", "around", "approx", "approximately", "roughly", "just", "~", "ca", "ca.", "like",
                     "maybe", "up", "to"})
_MONEY_AFTER = _CAMPAIGN_WORDS | frozenset({"spend", "play", "quarter", "q1", "q2", "q3", "q4", "h1", "h2", "totally",
                                            "all", "pot", "pool", "kitty", "net", "netto", "gross", "incl", "incl.",
                                            "including", "inclusive", "excl", "excl.", "excluding"})


def _campaign_money(tokens: Tokens, start: int, end: int) -> bool:
    """A word for money to spend in the amount's clause, within a few words of it ('total €1.8k', '€15k to spend')."""
    for j in range(start - 1, max(start - 9, -1), -1):
        # "we have special timing 9pm-1am, 20 AED trial class": another clause's "have"; a table's cell is read
        # across ("| Budget | MXN 150k |")
        if (tokens.words[j] in SENTENCE_ENDS and tokens.words[j] != "|") or tokens.words[j] in {",", ";"}:
            break
        if tokens.lower[j] in _MONEY_BEFORE or tokens.lower[j] in BUDGET_CUES:
            # "we have only 2000 EUR", not "our gym have package 12 month only 6.990.000đ"
            return tokens.lower[j] not in _HAVE or all(tokens.lower[i] in _HEDGES for i in range(j + 1, start))
    for j in range(end, min(end + 4, len(tokens))):
        if (tokens.is_punct(j) and tokens.words[j] not in {"-", "–"}) or tokens.lower[j] in _PRODUCT_PRICE_CUES:
            return False  # "€50,000 prize pool": a prize
        if tokens.lower[j] in _MONEY_AFTER:
            return True
    return False


def _what_it_costs(tokens: Tokens, start: int, end: int) -> bool:
    """'the collars r €35', 'our bars ... cost $2.99 each': an amount after 'is/are/cost' with no money cue.

    Not when a budget or fee word comes before it, or a word for the campaign after it ("it is $5,000 for the
    whole campaign"), or a unit of work after it, unless the product is ours ("our bars cost $2.99 each").
    """
    if start < 2 or tokens.lower[start - 1] not in {"cost", "is", "are", "r"}:
        return False
    cues = BUDGET_CUES | PRICE_CUES | _CAMPAIGN_WORDS | {"all-in", "max", "maximum", "up", "money"}
    if tokens.near_before(start - 1, cues, 8) is not None:
        return False
    if _for_the_campaign(tokens, end):
        return False
    ours = tokens.lower[start - 1] == "cost" and tokens.near_before(start - 1, {"our", "its"}, 8) is not None
    return not per_unit(tokens, end) or ours


def _product_price(tokens: Tokens, start: int, end: int) -> bool:
    """The amount prices the product: 'MSRP $18,995', 'retails at $12.99', 'our €129 Ridge 2 model'."""
    if tokens.lower[end:end + 1] == ["each"] and any(tokens.lower[j] in GOODS for j in range(max(start - 5, 0), start)):
        return True  # "3 flavours, 340g jars, £7 each": what the goods cost
    if tokens.near_before(start, _PRODUCT_PRICE_CUES, 5) is not None or tokens.phrase_at(end, _PRICE_AFTER):
        return True
    if start > 1 and tokens.lower[start - 1] in {"for", "for-"} and (
            tokens.words[start - 2] == "-" or tokens.words[start - 2].isdigit()):
        return True  # "our 2-for-£5 meal deal", "3 for $10": a shop's offer
    if _SHELF_PRICE.search(tokens.span_text(start, end)) and tokens.near_before(
            start, BUDGET_CUES | PRICE_CUES - {"price", "prices"}, 8) is None:
        return True  # "entering Early Access at $19.99": a shelf price, never a fee or a budget
    closed = end >= len(tokens) or tokens.is_punct(end) or tokens.lower[end] in {"but", "and"}
    if start > 1 and tokens.lower[start - 2:start] == ["price", "is"] and closed and (
            start < 3 or tokens.lower[start - 3] not in {"max", "maximum", "target", "per", "your", "the"}):
        return True  # "new fountain pen 'Kaze 14', price is ¥12,000.": the pen's price
    if _what_it_costs(tokens, start, end):
        return True  # "Our drill cost 89 euro", "our bars ... cost $2.99", "the collars r €35": what the product costs
    if start > 1 and tokens.lower[start - 1] == "at" and tokens.near_before(start - 1, {
            "starts", "start", "starting", "drops", "drop", "launches", "available", "sold", "retailing"},
            5) is not None:
        return True  # "starts at $42,990", "drops Nov 12 at $549": the product's price
    if start > 0 and tokens.lower[start - 1] in {"from", "starting"} and tokens.near_before(
            start, BUDGET_CUES | PRICE_CUES, 8) is None:
        return True  # "rings in silver 925 from 89 zł": a starting price
    line = tokens.clause_start(start)
    if tokens.lower[line:line + 2] in (["product", ":"], ["products", ":"], ["rrp", ":"], ["msrp", ":"]):
        return True  # "PRODUCT: Anchor 2.0 smart doorbell, $149": a line about the product
    if start > 1 and tokens.lower[start - 1] in {"at", "'s", "is"} and tokens.lower[start - 2] in {
            "pack", "it", "bottle", "jar", "box", "kit", "tin", "bag", "product", "one", "unit", "'s"} and (
            not _for_the_campaign(tokens, end)):
        return True  # "the diaper pack at ₹499", "it's $4.50"
    opened = next((j for j in range(start - 1, max(start - 12, -1), -1) if tokens.words[j] in {"(", ")", "):"}),
                  None)  # the tokenizer keeps "):" together
    if opened is not None and tokens.words[opened] == "(" and tokens.near_before(
            start, BUDGET_CUES | PRICE_CUES, 8, stop_at_punct=False) is None:
        return True  # "(they make the Aero 9 smart trainer, £1,199)"
    if end >= len(tokens) or tokens.is_punct(end) or tokens.lower[end] in _MONEY_FOLLOWERS | PER_UNIT:
        return False
    return tokens.lower[end].isalpha() and tokens.lower[end] not in BUDGET_CUES | PRICE_CUES and (
        start > 0 and tokens.lower[start - 1] in {"our", "its", "their", "the", "a", "an", "new"})
