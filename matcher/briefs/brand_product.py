"""The advertiser named with what it sells or after 'for': 'for the Hyggefit protein oats', 'our Sparkle Fresh dish soap
launch', 'creators for Zara'.

A capitalized name after "for the", "for our", "of our" or a colon's "the", then one to three lower-case words that
say what the product is, then the end of the phrase ("?", ",", "we", "need", "launch"); after a bare "for" the words
must end in a kind of business ("for Bergzeit outdoor shop we need"). A name in passing ("creators who love Nike")
has no such frame, and a name followed by what the creators make ("for the Christmas content") is no product.
"""

from __future__ import annotations

from matcher.briefs.brand_cues import GENERIC_ADVERTISERS
from matcher.briefs.brand_layout import claim_brand
from matcher.briefs.brand_shapes import LEGAL_SUFFIXES, model_code
from matcher.briefs.brand_words import COMMON_OPENERS, COMPANY_NOUNS, OCCASIONS
from matcher.briefs.lexicon import AUDIENCE_NOUNS, CREATOR_NOUNS, NOT_NAMES, PLATFORM_WORDS
from matcher.briefs.place_owner import COMPANY_WORDS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import generic_after, is_place_or_platform, name_end
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


_FOR = frozenset({"for", "para", "pour", "für", "chez", "per"})  # "Para Tecate —", "Pour Maison X :", "Per Lavazza"
_ARTICLES = {"para": ("a", "o", "la", "el"), "pour": ("la", "le"), "per": ("la", "il")}  # "para a Worten"
# words before "for X" that make X the advertiser ("creators for Zara", "a campaign for Oatly")
_CAMPAIGN_WORDS = CREATOR_NOUNS | frozenset({"campaign", "content", "ugc", "shortlist", "partnership", "launch",
                                             "videos", "posts", "collab", "push", "brief", "project", "activation"})
_WHAT_IT_IS = COMPANY_NOUNS | frozenset({"drink", "app", "product"})  # "sampling for VOLTA, a sugar-free energy drink"


def brand_after_for(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'creators for Zara', 'a campaign for Oatly', 'for the Lumo Lights Q4 push'."""
    for i in range(len(tokens) - 1):
        if tokens.lower[i] not in _FOR or not tokens.free(i, i + 2):
            continue
        # "for the Lumo Lights push", "para a Worten", "per il Consorzio": an article before the name
        article = tokens.lower[i + 1] in _ARTICLES.get(tokens.lower[i], ("the",))
        if tokens.lower[i] == "per" and not (tokens.sentence_start(i) or tokens.words[i - 1] in {"–", "—", "-"}):
            continue  # "up to ¥30,000 per Short": "per" names the advertiser only where it opens ("Per Lavazza")
        at = i + 1 + article
        end = name_end(tokens, at)
        if end is None or not tokens.words[at][0].isupper() or is_place_or_platform(tokens, at, end, places):
            continue
        if any(model_code(word) for word in tokens.words[at:end + 1]) or (end < len(tokens) and (
                tokens.words[end].isdigit() and tokens.lower[i + 1] == "the")):  # "for the Pacer 5 launch"
            continue  # "for the Galaxy S25 Ultra launch", "the X500 headset launch": a product, not the advertiser
        if tokens.lower[end - 1] in OCCASIONS:
            continue  # "for Pisco Sour Day": an occasion
        before = tokens.near_before(i, _CAMPAIGN_WORDS, 3) is not None
        # "parenting creators in Belgium and the Netherlands for HEMA.": the name ends a request for creators
        before = before or ((end >= len(tokens) or tokens.words[end] in {".", "!", "("}) and _asks_creators(tokens, i))
        # "... for SecuRaum GmbH, max 20 names": a name a company writes (a legal suffix, a capital inside a word)
        before = before or tokens.words[end - 1].rstrip(".") in LEGAL_SUFFIXES or any(
            any(c.isupper() for c in word[1:]) and not word.isupper() for word in tokens.words[at:end])
        after = any(tokens.lower[j] in {"push", "campaign", "launch", "drop", "brief", "collab", "activation",
                                        "thing", "project", "program", "programme", "stuff", "job", "partnership"}
                    for j in range(end, min(end + (6 if tokens.lower[end:end + 1] in (["'s"], ["’s"]) else 3),
                                            len(tokens)))) or (
            end + 1 < len(tokens) and tokens.words[end] == "(" and (tokens.lower[end + 1] in {
                "the", "a", "an", "we"} or (tokens.words[end + 1].isalpha() and tokens.words[
                    end + 1].islower())))  # "For Tallo (protein bars)"
        after = after or (tokens.lower[end:end + 1] in (["'s"], ["’s"]) and tokens.lower[end + 1:end + 2] in (
            ["new"], ["latest"], ["upcoming"], ["next"]))  # "for Peak's new hydration vest"
        # "For Bramble & Birch, we need ...", "I write you for Maison Lumière, we are making ...": said of us
        ours = tokens.lower[end + (tokens.words[end:end + 1] == [","]):][:1] in (["we"], ["we're"], ["our"]) or (
            tokens.lower[i] in {"pour", "para", "chez"} and tokens.lower[end:end + 1] in (
                ["on"], ["nous"], ["queremos"]))
        ours = ours or tokens.lower[max(i - 2, 0):i] in (["quick", "one"], ["new", "one"]) or (  # "quick one for Monzo"
            tokens.lower[i - 1:i] == ["asking"] and (end >= len(tokens) or tokens.words[end] in {".", "!", "\n"}))
        # "For Brightwater Gin: 5 ...", "Para Tecate — necesitamos 6 creators"
        ours = ours or (tokens.sentence_start(i) and tokens.words[end:end + 1] in ([":"], ["—"], ["–"]))
        # "sampling for VOLTA, a sugar-free energy drink": the name and what it is
        described = any(tokens.lower[j] in _WHAT_IT_IS for j in range(end + 2, min(end + 8, len(tokens))))
        ours = ours or (tokens.words[end:end + 1] == [","] and tokens.lower[end + 1:end + 2] in (["a"], ["an"])
                        and described)
        romance_article = article and tokens.lower[i] != "for"
        if ((before and (at == i + 1 or romance_article)) or after or ours) and not generic_after(tokens, end):
            return claim_brand(tokens, i, at, end)
    return None


def _asks_creators(tokens: Tokens, i: int) -> bool:
    """A creator noun comes earlier in the sentence of token i."""
    for j in range(i - 1, max(i - 30, -1), -1):
        if tokens.words[j] in {".", "!", "?", "\n"}:
            return False
        if tokens.lower[j] in CREATOR_NOUNS:
            return True
    return False


# a campaign's word after a name's "'s" at the brief's opening ("Audible's summer listening push:")
_CAMPAIGN_ENDS = frozenset({"launch", "campaign", "push", "refresh", "relaunch", "drop", "wave", "promo", "rollout",
                            "brief", "activation"})


def brand_opening_possessive(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Audible's summer listening push: BookTok creators ...': the brief opens with the name whose campaign it is."""
    start = 1 if tokens.lower[0] in COMMON_OPENERS else 0  # "Forwarding Stride's brief."
    end = name_end(tokens, start) if len(tokens) > start + 2 else None
    if end is None or tokens.lower[end:end + 1] not in (["'s"], ["’s"]) or is_place_or_platform(
            tokens, start, end, places):
        return None
    for j in range(end + 1, min(end + 5, len(tokens))):
        if tokens.lower[j] in _CAMPAIGN_ENDS:
            return claim_brand(tokens, 0, start, end)
        if not (tokens.words[j].isalpha() and tokens.words[j].islower()):
            return None
    return None
