"""Competitors a brief names: "not anyone who works with Red Bull or Monster", "competitors: A, B", "no Pepsi partners".

Every name after an exclusion cue, whole and without trailing punctuation; a platform named there ("except
YouTube") is a platform ruled out, handed back to the reader.
"""

from __future__ import annotations

from matcher.briefs.competitor_words import COMPETITOR_CUES, TIE_FILLER, TIE_NOUNS, TIE_PREPOSITIONS, TIE_VERBS
from matcher.briefs.lexicon import (
    CREATOR_NOUNS,
    TAX_WORDS,
)
from matcher.briefs.places import Gazetteer
from matcher.briefs.platforms import platform_at, under_negative_heading
from matcher.briefs.reading import Reading
from matcher.briefs.spans import (
    brandlike,
    clean_name,
    generic_after,
    is_place_or_platform,
    names_at,
    negation_at,
)
from matcher.briefs.tokens import Tokens

_LIKE = (("like",), ("such", "as"), ("e.g.",), ("e.g",), ("incl.",), ("including",), ("the", "likes", "of"),
         ("brands", "like"), ("brands", "such", "as"), ("companies", "like"), (":",), ("-",), ("especially",),
         ("eg",), ("i.e.",), ("namely",), ("specifically",))
_NO_GO = (("is", "a", "no-go"), ("are", "a", "no-go"), ("is", "a", "no", "go"), ("are", "a", "no", "go"),
          ("are", "no-go"), ("is", "no-go"), ("are", "off", "-", "limits"), ("is", "off", "-", "limits"),
          ("are", "a", "no", "-", "go"), ("is", "a", "no", "-", "go"), ("are", "no", "-", "go"),
          ("is", "no", "-", "go"), ("-", "no", "-", "go"),
          ("are", "off", "limits"), ("is", "off", "limits"), ("are", "excluded"), ("is", "excluded"),
          ("are", "not", "allowed"), ("is", "not", "allowed"), ("-", "no-go"), ("no-go",), ("partners", "excluded"),
          ("excluded",), ("athletes", "excluded"), ("ambassadors", "excluded"))
# explicit cues after which a lower-case word is still a name ("brand: kaffeeklatsch")
def read_competitors(tokens: Tokens, places: Gazetteer) -> tuple[list[Reading], list[tuple[int, int, str]]]:
    """Competitor names after exclusion cues; also the (start, end, platform) of names that are platforms."""
    readings: list[Reading] = []
    platform_spans: list[tuple[int, int, str]] = []

    def take(cue_start: int, names: list[tuple[int, int]], end: int, named: bool = False) -> None:
        values = []
        for start, stop in names:
            if stop - start > 2 and tokens.words[stop - 2] == "-" and tokens.lower[stop - 1] in TIE_VERBS:
                stop -= 2  # "no Nespresso-sponsored ppl", "exclude Barcel-tied creators"
            if stop - start == 1 and (tokens.lower[start] in TAX_WORDS or len(tokens.words[start]) == 1):
                continue  # "(excl. BTW)", "excl. VAT": a tax, not a brand ruled out; "n/a": no name
            platform = platform_at(tokens, start)
            # "no Facebook Gaming creators", "except Tik Tok": a platform ruled out; after "competitors:" a name
            if platform is not None and not named and tokens.lower[start + platform[1]:start + platform[1] + 1] in (
                    ["who"], ["that"]):
                continue  # "avoid YouTuber who work with them": the creators who, not the platform
            if platform is not None and not named:
                platform_spans.append((start, start + platform[1], platform[0]))
                continue
            values.append(clean_name(tokens, start, stop))
        if not values:
            return
        tokens.claim(cue_start, end, "competitors")
        readings.append(Reading("competitors", tuple(values), tokens.span_text(cue_start, end),
                                tokens.starts[cue_start], tokens.ends[end - 1]))

    i = 0
    while i < len(tokens):
        if not tokens.free(i, i + 1):
            i += 1
            continue
        cue = tokens.phrase_at(i, COMPETITOR_CUES)
        if cue and tokens.words[i + cue - 1] != ":" and tokens.words[i + cue:i + cue + 1] == ["("]:
            close = next((j for j in range(i + cue, min(i + cue + 30, len(tokens))) if tokens.words[j] == ")"), None)
            if close is not None and tokens.words[close + 1:close + 2] == [":"]:
                cue = close + 2 - i  # "Competitors (exclude any creator with paid work for them): Simba, Emma"
            elif close is None and (colon := next((j for j in range(i + cue, min(i + cue + 30, len(tokens)))
                                                   if tokens.words[j] == "):"), None)) is not None:
                cue = colon + 1 - i  # the tokenizer keeps "):" together
        at = i + cue + tokens.phrase_at(i + cue, _LIKE) if cue else i + 1
        if cue:
            tie = _names_after_tie(tokens, at, places)
            # a lower-case name only after a label ("competitors: lululemon"), not "no competitor supplements visible"
            names, end = tie if tie else names_at(tokens, at, allow_lower=tokens.words[at - 1] in {":", "="})
            if names:
                take(i, names, end, named=not tie)
                i = end
                continue
        if tokens.lower[i] == "exclusivity" and (cue or tokens.sentence_start(i)):
            # "Exclusivity: 30 days each side, no Nike, Adidas", "Exclusivity 3 Monate, nicht Jack Wolfskin oder Vaude"
            names, end = _names_later_in_line(tokens, at)
            if names:
                take(i, names, end, named=True)
                i = end
                continue
        if tokens.lower[i] in TIE_FILLER and under_negative_heading(tokens, i):
            listed = _names_after_tie(tokens, i, places)  # "Hard no's:\n• anyone tied to Diptyque or Jo Malone"
            if listed:
                take(i, listed[0], listed[1])
                i = listed[1]
                continue
        # "Please flag anyone who has worked with X": flagged to be left out
        negation = negation_at(tokens, i) or (tokens.lower[i] == "flag" and tokens.lower[i + 1:i + 2] in (
            ["anyone"], ["any"], ["creators"], ["anybody"]))
        if negation:
            # a heading ("EXCLUSIONS" on its own line) introduces the next line
            heading = tokens.lower[i] in {"exclusions", "exclusion", "exclude", "excluded"} and tokens.sentence_start(i)
            while heading and i + negation < len(tokens) and tokens.words[i + negation] in {":", "\n", "/"}:
                negation += 1
            tie = _names_after_tie(tokens, i + negation, places)
            if tie:
                take(i, tie[0], tie[1])
                i = tie[1]
                continue
            # "no Pepsi partners", "exclude Nike ambassadors", "except Nike", "excl. VanMoof"
            after = i + negation + (1 if tokens.words[i + negation:i + negation + 1] in (["."], [":"]) else 0)
            names, end = names_at(tokens, after)
            if names and end < len(tokens) and tokens.lower[end] in _NAMED_TIES:
                take(i, names, end + 1)
                i = end + 1
                continue
            # "anyone with an active Carlsberg or AB InBev deal", "who did Milo or Nestle campaigns": the tie after
            skip = after
            while skip < min(after + 8, len(tokens)) and tokens.lower[skip] in _FILLER_BEFORE_NAMES:
                skip += 1
            tied, tied_end = names_at(tokens, skip) if skip > after else ([], after)
            tie_at = tied_end + (tokens.lower[tied_end:tied_end + 1] in (["paid"], ["sponsored"], ["brand"]))
            if tied and tie_at < len(tokens) and tokens.lower[tie_at] in _NAMED_TIES and (
                    not is_place_or_platform(tokens, *tied[0], places, cities=False)):
                take(i, tied, tie_at + 1)
                i = tie_at + 1
                continue
            if names and names[-1][1] - names[-1][0] > 2 and tokens.lower[names[-1][1] - 2] == "-" and (
                    tokens.lower[names[-1][1] - 1] in TIE_VERBS):
                take(i, [*names[:-1], (names[-1][0], names[-1][1] - 2)], end)  # "no Nespresso-sponsored ppl"
                i = end
                continue
            # "fitness apparel | over 50k followers | no Lululemon, Gymshark": a keyword item of names ruled out
            item = (i == 0 or tokens.words[i - 1] in {"|", "\n", "•", "—", "–"}) and (
                end >= len(tokens) or tokens.words[end] in {"|", "\n", "•", "."})
            if names and (item or tokens.lower[i] in {"except", "excluding", "exclude", "avoid", "minus", "excl",
                                                      "excl.", "exclusions", "excluded"}) and not _place_left_out(
                    tokens, i, names[0], places):
                take(i, names, end)
                i = end
                continue
        if tokens.is_capitalized(i):
            names, end = names_at(tokens, i)
            no_go = tokens.phrase_at(end, _NO_GO) if names else 0
            if names and not no_go and tokens.lower[end:end + 1] != [] and tokens.lower[end] in _NAMED_TIES and (
                    tokens.lower[i - 1:i] == ["with"]) and _ruled_out_after(tokens, end):
                no_go = 1  # "Creators with Samsung or Apple partnerships in the past 6 months are excluded"
            if no_go and not _place_left_out(tokens, i, names[0], places):
                take(i, names, end + no_go)
                i = end + no_go
                continue
        # "Creators under contract with Sitka Gear, KUIU or Bass Pro Shops are ineligible": the ruling comes after
        if tokens.lower[i] in TIE_VERBS | {"contract", "partnerships", "partnership", "ambassadors"}:
            later = _names_after_tie(tokens, i, places)
            if later is not None and _ruled_out_after(tokens, later[1]):
                names, end = later
                take(i, names, end)
                i = end
                continue
        i += 1
    return readings, platform_spans


# a preposition that names the brand of a tie ("worked with X", "publi para X")
_NAMING_PREPOSITIONS = TIE_PREPOSITIONS - {"to", "of", "on", "à", "pour", "par"}


def _names_after_tie(tokens: Tokens, i: int, places: Gazetteer) -> tuple[list[tuple[int, int]], int] | None:
    """Names after a tie within eight tokens of i ('who has worked with X', 'sponsored by X', 'did publi for X').

    After a negation, with/for/by followed by a capitalized name is a tie whatever the words before it
    ("who made advertisement for Gardena", "who did publi for LS2").
    """
    for j in range(i, min(i + 9, len(tokens))):
        low = tokens.lower[j]
        if tokens.words[j] in {".", "!", "?", ";", "\n", ","} or not tokens.free(j, j + 1):
            return None
        tie = low in TIE_VERBS or low in TIE_NOUNS - {"creators", "influencers", "people", "accounts", "talent"}
        preposition = low in _NAMING_PREPOSITIONS and j + 1 < len(tokens) and (
            tokens.is_capitalized(j + 1) or brandlike(tokens.words[j + 1])) and tokens.lower[j - 2:j] != ["to", "do"]
        if not tie and not preposition and not (
                low in TIE_PREPOSITIONS and (j == i or tokens.lower[j - 1] in TIE_FILLER | CREATOR_NOUNS)):
            continue
        at = j + 1
        # "with The Ordinary" keeps its capital; in a brief written in capitals "WITH" is only a word
        while at < len(tokens) and (tokens.words[at] in TIE_PREPOSITIONS | {"the", "any", "a", "an"} or (
                tokens.words[at].isupper() and tokens.lower[at] in TIE_PREPOSITIONS)):
            at += 1
        at += tokens.phrase_at(at, _LIKE)
        # a lower-case name only right after with/for/by and ending the list ("worked with lululemon.")
        lower_ok = at > 0 and tokens.lower[at - 1] in {"with", "by", "for"} and (
            at + 1 >= len(tokens) or tokens.is_punct(at + 1) or tokens.lower[at + 1] in {"or", "and", "nor"})
        names, _ = names_at(tokens, at, allow_lower=lower_ok)
        names = [n for n in names if not generic_after(tokens, n[1])]
        last = names[-1][1] if names else 0
        noun = next((k for k in range(last, min(last + 3, len(tokens) - 2)) if tokens.lower[k] in TIE_NOUNS), None)
        if names and noun is not None and all(tokens.words[start].islower() for start, _ in names) and (
                tokens.lower[noun + 1] in {"with", "for", "by"} and tokens.is_capitalized(noun + 2)):
            continue  # "with current or past-12-month deals with Mastercard": words of the deal, not names
        # "collaborate with Montenegro, Averna or Campari": a brand may share a country's name in a list of brands
        if names and not all(is_place_or_platform(tokens, *name, places, cities=False) for name in names[:3]):
            return names, names[-1][1]
        # "done paid stuff for Kosmos": the preposition a few words after the tie verb
        for k in range(at, min(at + 4, len(tokens))):
            if tokens.words[k] in {".", ",", ";", "!", "?", "\n"}:
                break
            if tokens.lower[k] in {"with", "for", "by"}:
                names, _ = names_at(tokens, k + 1)
                if names and not is_place_or_platform(tokens, *names[0], places, cities=False):
                    return names, names[-1][1]
                break
    return None


_EXCLUSIVITY_TURNS = (("no",), ("not",), ("nicht",), ("kein",), ("keine",), ("specifically",), ("namely",),
                      ("against",), ("vs",), ("vs.",))


def _names_later_in_line(tokens: Tokens, at: int) -> tuple[list[tuple[int, int]], int]:
    """Names after 'no' or 'specifically' further along an exclusivity line ('60 days, no Ajmal / Arabian Oud')."""
    for j in range(at, min(at + 16, len(tokens))):
        if tokens.words[j] in {"\n", ".", "!", "?", ";"}:
            break
        turn = tokens.phrase_at(j, _EXCLUSIVITY_TURNS)
        if turn and j + turn < len(tokens) and tokens.is_capitalized(j + turn) and not tokens.words[j + turn].isdigit():
            names, end = names_at(tokens, j + turn)
            if names:
                return names, end
    return [], at


def _place_left_out(tokens: Tokens, i: int, name: tuple[int, int], places: Gazetteer) -> bool:
    """'Nordics, excluding Iceland': a place ruled out of the places just before it, not a competitor."""
    if not is_place_or_platform(tokens, *name, places, cities=False):
        return False
    place = places.place(tokens.span_text(*name))
    if place is not None and place.kind in {"country", "region"}:
        return True  # "all countries OK except Korea", "anywhere except Canada"
    # "across the Nordics (excl. Iceland, ...)": a place or demonym among the few words before the cue
    return any(places.place(tokens.words[j]) is not None or places.demonym(tokens.words[j]) is not None
               for j in range(max(i - 4, 0), i))


# words between a negation and names tied after them ("not the ones who did the 2023 X collab")
_BEFORE_NAMES = frozenset({"persons", "a", "an", "current", "active", "existing", "ongoing", "did", "do", "does",
                           "'s", "who's", "propose", "suggest", "recommend", "paid", "want", "need", "pick", "choose",
                           "include", "select", "send"})
_TIE_NOUNS_AFTER = TIE_NOUNS | {"integration", "integrations", "partnerships", "partnership", "work", "stuff", "posts",
                                "content", "affiliations", "affiliation", "endorsements", "endorsement"}
_FILLER_BEFORE_NAMES = TIE_FILLER | _BEFORE_NAMES
# what may follow names ruled out: "no Nike/Lululemon athletes", "no Charlotte Tilbury ppl", "did Splendour promo"
_NAMED_TIES = _TIE_NOUNS_AFTER | {"athletes", "athlete", "ppl", "promo", "promos", "sponsored", "reps", "money",
                                   "cash"}
_RULED_OUT = frozenset({"ineligible", "excluded", "not", "no", "off-limits", "unsuitable", "out", "banned"})


def _ruled_out_after(tokens: Tokens, end: int) -> bool:
    """The words after a list of names rule them out ('... are ineligible', '..., no, please not')."""
    for j in range(end, min(end + 8, len(tokens))):
        if tokens.words[j] in {".", "!", "?", ";", "\n"}:
            return False
        if tokens.lower[j] in _RULED_OUT:
            return True
    return False

