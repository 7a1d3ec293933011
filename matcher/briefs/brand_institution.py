"""The advertiser as a public body or institution: 'Wellington City Council libraries are running ...', 'The
University of Lincoln's Clearing campaign', 'Iziko Museums of South Africa – Heritage Month Creator Campaign', a
signature's 'Horniman Museum and Gardens', 'a reading campaign by the National Library Board'.

An institution's name is a run of capitalized words, joined by 'of', 'and', 'de', 'for', that holds a word for a kind
of institution (council, university, museum, trust, festival, ...) and one word more. It is the advertiser where it
opens a sentence or a line (the subject of the brief, a title before a dash), stands alone on a line of the
signature, or follows 'by the' at a sentence's end. Partners and sponsors are named elsewhere ('Partners:',
'partnering with', 'funded by'), never at those places.
"""

from __future__ import annotations

from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading, claimed_reading
from matcher.briefs.spans import clean_name
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

# words for a kind of institution, in the languages briefs name them in
INSTITUTION_WORDS = frozenset("""
council councils university universität universidad universidade université college museum museums museo musée
museu trust trusts association associação asociación board network festival department ministry library libraries
society institute institut foundation fundación fundação gallery zoo aquarium hospital commission authority
centre center secretaria secretaría ville city county municipality municipal agency charity
""".split())
# words joining the capitalized parts of an institution's name
_JOINERS = frozenset({"of", "and", "for", "de", "da", "do", "du", "des", "del", "la", "für", "&"})
# what may stand before the name at a sentence's start ("Hello from the City of Tucson's ...")
_BEFORE = (("the",), ("hello", "from", "the"), ("hi", "from", "the"), ("greetings", "from", "the"),
           ("hello", "from"), ("hi", "from"))
_MAX_NAME = 10


def _institution_end(tokens: Tokens, start: int) -> int | None:
    """End of the institution's name that starts at `start` (before any "'s"), or None when none starts there."""
    end, named, words = start, False, 0
    while end < len(tokens) and end - start < _MAX_NAME and tokens.free(end, end + 1):
        word = tokens.words[end]
        if word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha():
            named = named or any(part in INSTITUTION_WORDS for part in tokens.lower[end].split("-"))
            words += 1
            end += 1
        elif end > start and end + 1 < len(tokens) and tokens.words[end + 1][:1].isupper() and (
                tokens.lower[end] in _JOINERS or (tokens.words[end] == "-" and tokens.ends[end - 1] == tokens.starts[
                    end]) or (tokens.lower[end] in {"'s", "’s"} and not named)):
            end += 1  # "Deutsches Hygiene-Museum", "King's College London" (not "University of Lincoln's Clearing")
        else:
            break
    while end > start and tokens.lower[end - 1] in _JOINERS:
        end -= 1
    return end if named and words >= 2 else None


def _reading(tokens: Tokens, start: int, end: int) -> Reading:
    """The brand reading of the institution's name [start, end)."""
    return claimed_reading(tokens, "brand", clean_name(tokens, start, end), start, end)


def brand_institution(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Cork City Council events team here', 'King's College London is recruiting', a title 'X – Creator Brief'."""
    signature: tuple[int, int] | None = None
    for i in range(len(tokens)):
        if not (i == 0 or tokens.words[i - 1] in SENTENCE_ENDS):
            continue
        lead = tokens.phrase_at(i, _BEFORE)
        start = i + lead
        end = _institution_end(tokens, start) if start < len(tokens) else None
        if end is None or places.place(tokens.span_text(start, end)) is not None:
            continue
        line_alone = tokens.words[end:end + 1] in ([], ["\n"])
        if line_alone and i > 0 and tokens.words[i - 1] == "\n" and start == i:
            signature = signature or (start, end)  # "Priya\nHorniman Museum and Gardens"
            continue
        return _reading(tokens, start, end)
    if signature is not None:
        return _reading(tokens, *signature)
    for i in range(len(tokens) - 2):
        if tokens.lower[i:i + 2] == ["by", "the"]:
            end = _institution_end(tokens, i + 2)
            if end is not None and (end == len(tokens) or tokens.words[end] in SENTENCE_ENDS):
                return _reading(tokens, i + 2, end)  # "a reading campaign by the National Library Board."
    return None
