"""A lower-case advertiser's name that no dictionary has ('ohmydays', 'la rosée', 'lekfull'), where the brief says
it is the advertiser: 'X is a Dutch period-care brand', 'a pudding brand from München, X, wants', 'we at X (kids
wooden toys)', 'our client X.'.

A lower-case word is a name here only when it is not a whole word of the default model's English vocabulary, so
"skincare is a must" or "we at home" stay words."""

from __future__ import annotations

from matcher.briefs.brand_cues import BRAND_VERBS
from matcher.briefs.brand_layout import claim_brand
from matcher.briefs.brand_words import ADVERTISER_NOUNS, COMPANY_NOUNS
from matcher.briefs.city_names import unknown_lower_word
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import PARTICLES
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

# what an advertiser is ("brand", "roastery", "app"); not the describing words and pronouns the lists also hold
_KINDS = (ADVERTISER_NOUNS | COMPANY_NOUNS) - STOP_WORDS - frozenset(
    {"big", "small", "local", "new", "family-run", "independent", "anybody", "somebody", "line", "range", "client",
     "clients", "team", "teams"})


def brand_lower_named(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """The advertiser's lower-case name, said to be the advertiser by what surrounds it."""
    for at in range(len(tokens)):
        for end in range(min(at + 3, len(tokens)), at, -1):
            if not _unknown_lower_name(tokens, at, end) or places.place(tokens.span_text(at, end)) is not None:
                continue
            if _said_advertiser(tokens, at, end):
                return claim_brand(tokens, at, at, end)
    return None


def _said_advertiser(tokens: Tokens, at: int, end: int) -> bool:
    """What is around tokens [at, end) says they name the advertiser."""
    before = tokens.lower[at - 2:at]
    after = tokens.lower[end:end + 2]
    # "ohmydays is a Dutch period-care brand": the name opens a sentence and is described as an advertiser
    if tokens.sentence_start(at) and after in (["is", "a"], ["is", "an"]) and _kind_before_end(tokens, end + 2):
        return True
    # "A protein pudding brand from München, nuvia, wants": between commas, after what it is, before a brand verb
    if before[-1:] == [","] and after[:1] == [","] and tokens.phrase_at(end + 1, BRAND_VERBS) > 0 and any(
            tokens.lower[j] in _KINDS for j in range(tokens.clause_start(at), at)):
        return True
    # "We at lekfull (kids wooden toys, Göteborg) want", "for our client la rosée."
    return (before == ["we", "at"] and after[:1] in (["("], [","])) or (
        before in (["our", "client"], ["the", "client"]) and (end == len(tokens) or tokens.words[end] in SENTENCE_ENDS))


def _kind_before_end(tokens: Tokens, start: int) -> bool:
    """An advertiser noun ('brand', 'shop') closes the description that starts at `start`, within eight words."""
    for j in range(start, min(start + 8, len(tokens))):
        if tokens.words[j] in SENTENCE_ENDS or tokens.words[j] == ",":
            return False
        if tokens.lower[j] in _KINDS:
            return True
    return False


def _unknown_lower_name(tokens: Tokens, at: int, end: int) -> bool:
    """Tokens [at, end) are lower-case words, one of them no word of the model's vocabulary, none a function word
    except a name's particle inside ('la rosée')."""
    words = tokens.words[at:end]
    if any(word != word.lower() or not word.replace(".", "").isalpha() for word in words):
        return False
    if any(word in STOP_WORDS and not (word in PARTICLES and k < len(words) - 1) for k, word in enumerate(words)):
        return False
    return any(unknown_lower_word(part) for word in words for part in word.split("."))
