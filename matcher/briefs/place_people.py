"""Whether a place or a demonym sits next to the creators or their audience: 'German [fitness] creators',
'influencer Brasil', 'local-ish creators – Östergötland'."""

from __future__ import annotations

from matcher.briefs.brand_cues import BRAND_VERBS
from matcher.briefs.lexicon import AUDIENCE_NOUNS, CREATOR_NOUNS, MAX_WORDS_BETWEEN, PLATFORM_WORDS, REQUEST_WORDS
from matcher.briefs.nouns import is_person_noun
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import Tokens

_VERBS = (frozenset(word for verb in BRAND_VERBS for word in verb) - {"running"}  # "Norwegian running creators"
          | {"make", "makes", "making", "sell", "sells"})


def people_after(tokens: Tokens, at: int) -> int | None:
    """A creator or audience noun within MAX_WORDS_BETWEEN words after `at` ('German [fitness] creators')."""
    words = 0
    for j in range(at, min(at + MAX_WORDS_BETWEEN + 8, len(tokens))):
        low = tokens.lower[j]
        if low in CREATOR_NOUNS or low in AUDIENCE_NOUNS or is_person_noun(low):
            return j
        if low in {"-", "based", "-based", "/", "&", "and", "or"} or low in PLATFORM_WORDS or (
                j > at and tokens.lower[j - 1] in PLATFORM_WORDS and low in {"shop", "live", "shorts"}):
            continue  # "Dutch football or fitness creators", "US & Canada TikTok Shop creators"
        if j > at and tokens.words[j - 1] == "-":
            continue  # "high-net-worth audiences": one word
        words += 1
        if (words > MAX_WORDS_BETWEEN or tokens.is_punct(j) or low in STOP_WORDS or low in REQUEST_WORDS
                or low in _VERBS):
            return None
    return None


def people_before(tokens: Tokens, start: int) -> bool:
    """The place or demonym comes right after a creator noun ('influencer Brasil', '4 influencer italian',
    'local-ish creators – Östergötland or Stockholm').

    Not after a verb that looks like one ('who cook Italian food')."""
    if start > 1 and tokens.words[start - 1] in {"–", "—"} and tokens.lower[start - 2] in CREATOR_NOUNS:
        return True
    if start < 1 or not (tokens.lower[start - 1] in CREATOR_NOUNS or tokens.lower[start - 1] in AUDIENCE_NOUNS or (
            is_person_noun(tokens.lower[start - 1]))):  # "auprès du public belge"
        return False
    return not (start > 1 and tokens.lower[start - 2] in {"who", "that", "to", "they", "and", "or"})
