"""The advertiser named with what it sells: 'for the Hyggefit protein oats', 'our Sparkle Fresh dish soap launch'.

A capitalized name after "for the", "for our", "of our" or a colon's "the", then one to three lower-case words that
say what the product is, then the end of the phrase ("?", ",", "we", "need", "launch"); after a bare "for" the words
must end in a kind of business ("for Bergzeit outdoor shop we need"). A name in passing ("creators who love Nike")
has no such frame, and a name followed by what the creators make ("for the Christmas content") is no product.
"""

from __future__ import annotations

from matcher.briefs.brand_cues import GENERIC_ADVERTISERS
from matcher.briefs.brand_layout import claim_brand
from matcher.briefs.brand_shapes import model_code
from matcher.briefs.brand_words import COMMON_OPENERS, COMPANY_NOUNS, OCCASIONS
from matcher.briefs.lexicon import AUDIENCE_NOUNS, CREATOR_NOUNS, NOT_NAMES, PLATFORM_WORDS
from matcher.briefs.place_owner import COMPANY_WORDS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import is_place_or_platform, name_end
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import Tokens

_FRAMES = (("for", "the"), ("for", "our"), ("of", "our"), ("for", "their"))
# what may end the product's phrase: the request goes on ("for the Ember hot yoga mats need 5 creators")
_PHRASE_ENDS = frozenset({"we", "need", "needs", "launch", "campaign", "push", "refresh", "relaunch", "drop", "is",
                          "are", "can", "i", "wave", "promo", "rollout", "roll-out"})
# lower-case words that make the phrase about the creators' work, a market or a time, not a product
_NOT_PRODUCTS = CREATOR_NOUNS | AUDIENCE_NOUNS | frozenset(PLATFORM_WORDS) | OCCASIONS | frozenset("""
content contents video videos post posts reel reels story stories ad ads market markets season event events trip
series guide edition month week year quarter team account audience audiences community page channel list shortlist
brief project program programme region area scene crowd fans crew people
""".split())

_PRODUCT_RUN_STOPS = STOP_WORDS | _NOT_PRODUCTS | _PHRASE_ENDS
_KINDS = COMPANY_WORDS | COMPANY_NOUNS


def brand_before_product(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'for the Vezelkracht fibre shake we look for', 'for our Sparkle Fresh dish soap launch'."""
    if tokens.lower[:1] in (["a"], ["an"]):
        return None  # "A Danish jewellery brand ... for the Nordlys charm bracelet": a product line of one unnamed
    for i in range(len(tokens) - 3):
        # "for Bergzeit outdoor shop we need": with no article, the words after the name say what kind of business
        kind_needed = not tokens.phrase_at(i, _FRAMES)
        # "Quick one: the Tandheld kids toothpaste (1000 ppm ...)": 'the' opening a clause after a colon
        opening = tokens.lower[i] == "the" and i > 0 and tokens.words[i - 1] == ":"
        if tokens.lower[i] == "for" or not kind_needed or opening:
            at = i + 1 + (not kind_needed and not opening)
            kind_needed = kind_needed and not opening
            end = name_end(tokens, at)
            if end is None or not tokens.words[at][:1].isupper() or end >= len(tokens):
                continue
            if any(word in NOT_NAMES or word in COMMON_OPENERS or word in OCCASIONS or word in GENERIC_ADVERTISERS
                   for word in tokens.lower[at:end]) or any(model_code(word) for word in tokens.words[at:end]):
                continue  # "for the Christmas gift box", "for the Galaxy S25 Ultra"
            j = end
            while j < len(tokens) and j - end < 3 and tokens.words[j].isalpha() and tokens.words[j].islower() and (
                    tokens.lower[j] not in _PRODUCT_RUN_STOPS):
                j += 1
            if j == end:
                continue
            closed = j >= len(tokens) or tokens.is_punct(j) or tokens.lower[j] in _PHRASE_ENDS
            closed = closed and (not kind_needed or tokens.lower[j - 1] in _KINDS)
            if closed and not is_place_or_platform(tokens, at, end, places):
                return claim_brand(tokens, i, at, end)
    return None
