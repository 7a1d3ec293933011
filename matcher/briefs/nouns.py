"""Nouns that name creators: the closed list, and words that name people by their ending."""
from __future__ import annotations

from matcher.briefs.amounts import amount_at, count_at
from matcher.briefs.lexicon import (
    CREATOR_NOUNS,
)
from matcher.briefs.tokens import Tokens

# words after "fans" that still say people ("5 fans who", "10 fans and creators")
_AFTER_FANS = frozenset({"who", "that", "and", "or", "of", "with", "in", "on", "from", "to", "for", "only", "please"})


def creator_noun_after(tokens: Tokens, at: int) -> int | None:
    """A creator noun within four words after `at`, with nothing but words, '-', '/' and 'and' between."""
    words = 0
    for j in range(at, min(at + 10, len(tokens))):
        low = tokens.lower[j]
        if low in {"fan", "fans"} and tokens.words[j + 1:j + 2] != [] and tokens.words[j + 1].isalpha() and (
                tokens.words[j + 1].islower()) and tokens.lower[j + 1] not in CREATOR_NOUNS | _AFTER_FANS:
            return None  # "3 fan speeds": a fan of a machine
        if low in CREATOR_NOUNS or is_person_noun(low) or low.rsplit("-", 1)[-1] in CREATOR_NOUNS:
            return j  # "3–4 Naturkosmetik-Influencerinnen": a compound's last part names them
        if tokens.words[j] in {"-", "/", "&", "+"} or low in {"and", "or"} or (j > at and tokens.words[j - 1] == "-"):
            continue  # "coding-for-kids creators": a hyphenated compound is one word
        words += 1
        if words > 4:
            return None
        if tokens.is_punct(j) or low in {"of", "with", "per", "times", "a", "who", "that", "for", "in", "on"} or (
                low in _VERBS):
            return None  # "14 silversmiths wants silver jewelry creators": the verb ends the count's noun phrase
        if count_at(tokens, j) is not None or amount_at(tokens, j) is not None:
            return None
    return None


_VERBS = frozenset({"wants", "want", "needs", "need", "seeks", "is", "are", "was", "were", "has", "have", "had",
                    "makes", "sells", "offers", "runs"})


def is_person_noun(word: str) -> bool:
    """'guitarists', 'foodbloggers', 'bookstagrammers': a noun that names people by its ending."""
    if word == "heads":
        return False  # "3 heads of lettuce"; "sneakerheads" names people
    return word.endswith(("ists", "bloggers", "vloggers", "influencers", "creators", "grammers", "tubers", "tokers",
                          "streamers", "gamers", "icians", "heads", "makers", "creatorinnen", "influencerinnen",
                          "bloggerinnen"))
    # "estheticians", "musicians"; German feminine plurals: "Beauty-Creatorinnen"

