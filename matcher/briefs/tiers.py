"""Tier words used for creator size: "micro-influencers", "nano or micro creators", "macro tier", "..., micro,".
"""
from __future__ import annotations

from matcher.briefs.lexicon import (
    AND_OR,
    NEGATIONS,
    TIER_FOLLOWERS,
    TIER_WORDS,
)
from matcher.briefs.reading import Reading, claimed_reading
from matcher.briefs.spans import short_query
from matcher.briefs.tokens import Tokens

_TIER_COMPOUNDS = frozenset("""
photography photo photos photographer photographers lens lenses shot shots nutrient nutrients tracking counting
economics economy trends trend level-design needling greens green biology plastics plastic phone phones dosing
blading cement transactions fiber fibre brewery breweries tech technology particles sale sales deal deals pack
bundle city cities managing management adventures moments habits learning budget budgets sd usb led coating
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
            # "micro creators" leaves the text whole; "micro cyclists" keeps its niche noun in the embedded text
            end += 0 if glued or after not in _PLAIN_NOUNS else 1
        elif after == "-" and after2 in TIER_FOLLOWERS:
            end += 2
        elif end >= len(tokens) or (tokens.is_punct(end) and after not in {"-", "&"}) or after in {
                "only", "tier", "tiers", "size", "range", "level", "\n", "both", "fine", "ok", "okay", "preferred",
                "welcome", "ideally", "please", "is", "are", "but"}:
            if after in {"only", "tier", "tiers", "size", "range", "level"}:
                end += 1
        elif after not in _TIER_COMPOUNDS and after2 in TIER_FOLLOWERS and not tokens.is_punct(end):
            pass  # one word between: "micro fitness creators", "nano beauty influencers"
        elif after[:1].isdigit() or (after == "(" and after2[:1].isdigit()):
            pass  # "micro 10k-80k", "mix of micro (10k-100k)": a size with its follower range
        elif after not in _TIER_COMPOUNDS and after2 not in _TIER_COMPOUNDS and tokens.lower[
                end + 2:end + 3] != [] and tokens.lower[end + 2] in TIER_FOLLOWERS and all(
                tokens.words[k].isalpha() for k in (end, end + 1)):
            pass  # two words between: "micro vegan food creators"
        elif short_query(tokens, longest=20) and after not in _TIER_COMPOUNDS and after != "-" and not (
                tokens.words[i].istitle() and end < len(tokens) and tokens.words[end].istitle()):
            pass  # "skincare IG nano Manila": a search-box query, each word a keyword (not "Mega Black Week")
        else:
            i = j
            continue
        if _negated(tokens, i) or tokens.lower[end:end + 1] in (["excluded"], ["ruled"], ["not"]) or (
                tokens.lower[end:end + 2] in (["are", "excluded"], ["are", "out"], ["are", "not"])):
            i = end
            continue  # "no micro influencers": there is no tier exclusion to apply, and it is not a request
        readings.append(claimed_reading(tokens, "tiers", tuple(dict.fromkeys(tiers)), i, end))
        i = end
    return readings


_PLAIN_NOUNS = frozenset({"creators", "creator", "influencers", "influencer", "accounts", "account", "kols", "kol",
                          "talent", "talents", "profiles", "profile", "names", "ones", "tier", "tiers", "level",
                          "size", "sized", "sized-creators", "partners", "ambassadors", "people", "folks"})
_TIER_NEGATIONS = frozenset({"no", "not", "non", "avoid", "except", "excluding", "without", "nor"})


def _negated(tokens: Tokens, at: int) -> bool:
    """'no micro influencers', 'not nano', 'avoid mega-influencers': the word just before the tier negates it."""
    j = at - 1
    if j >= 0 and tokens.lower[j] in {"any", "the", "only"}:
        j -= 1
    if j > 2 and tokens.lower[j - 1:j + 1] == ["care", "about"] and tokens.lower[j - 2] in NEGATIONS:
        return True  # "I don't care about mega accounts": no tier asked for
    return j >= 0 and tokens.lower[j] in _TIER_NEGATIONS


_TIER_JOINERS = AND_OR | {"-", "to"}


def _tier_list(tokens: Tokens, i: int) -> tuple[list[str], int, bool]:
    """Tier words from token i ('nano or micro', 'nano+micro', 'nano to micro'); glued as in 'microinfluencers'."""
    tiers: list[str] = []
    j = i
    while j < len(tokens):
        low = _spelled(tokens.lower[j])
        word = low[:-1] if low in {"nanos", "micros", "megas"} else low
        glued = next((t for t in TIER_WORDS if word.startswith(t) and word[len(t):] in TIER_FOLLOWERS), None)
        if word not in TIER_WORDS and not glued:
            break
        tiers.append(glued or word)
        j += 1
        if glued or low != word:
            return tiers, j, True
        if j + 1 < len(tokens) and tokens.lower[j] in _TIER_JOINERS and _spelled(tokens.lower[j + 1]) in TIER_WORDS:
            j += 1
            continue
        if j < len(tokens) and _spelled(tokens.lower[j]) in TIER_WORDS:
            continue  # "nano micro both": two tiers with nothing between
        break
    return tiers, j, False


def _spelled(word: str) -> str:
    """A tier word as English spells it: German, Polish, Indonesian, Turkish ... write 'mikro' and 'makro'."""
    for local, english in (("mikro", "micro"), ("makro", "macro")):
        if word.startswith(local):
            return english + word[len(local):]
    return word
