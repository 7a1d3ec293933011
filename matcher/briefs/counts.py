"""How many creators a brief asks for: "top 3", "a dozen creators", "5 micro-influencers", "shortlist of 8".
"""
from __future__ import annotations

from dataclasses import replace

from matcher.briefs.amounts import Amount, correction_after, count_at, number_range_at
from matcher.briefs.count_layouts import market_split, table_total, total_after
from matcher.briefs.filters import MAX_RESULTS
from matcher.briefs.lexicon import (
    COUNT_CUES,
    COUNT_PHRASES,
    CREATOR_NOUNS,
    CREATOR_NOUNS_NOT_FANS,
    CURRENCY_WORDS,
    MEASURES,
    MONTHS,
    NOT_FOLLOWERS,
    PER_WORDS,
    PLATFORM_WORDS,
    SCALES,
)
from matcher.briefs.nouns import creator_noun_after
from matcher.briefs.place_owner import COMPANY_WORDS
from matcher.briefs.reading import Reading, claimed_reading
from matcher.briefs.spans import said_of_the_past
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import Tokens

_COUNT_AFTER = frozenset({"of", "in"})
_ENOUGH = tuple(tuple(p.split()) for p in ("is plenty", "is enough", "are enough", "would be great", "would be perfect",
                                             "would be ideal", "is fine", "are fine", "will do", "would do",
                                             "is perfect", "max", "maximum", "at most", "minimum", "to start",
                                             "to begin with", "for now", "for a start", "to begin"))
_ASK_VERBS = frozenset("""
recommend send propose suggest find need want pick choose give list shortlist pitch share get book hire select
looking about around like maybe perhaps wants needs seeks seeking aim aiming
""".split())


# counted things right after a number that make it no count of creators ("people" may be the creators)
_COUNTED_THINGS = NOT_FOLLOWERS - {"people"} | frozenset("""star stars sample samples piece pieces pack packs
box boxes bottle bottles pair pairs set sets kit kits flavour flavours flavor flavors colour colours color colors
size sizes model models variant variants sku skus recipe recipes episode episodes""".split()) | MEASURES
_ASKED_ONE = _ASK_VERBS | {"just", "only"}  # "just one big YouTuber"
# tails that count creators only in small numbers ("20-30 piece", "2-3 only"; not "240 pieces")
_SMALL_TAILS = frozenset({"piece", "pieces", "only"})
_PERSON_TAILS = frozenset({"pax", "person", "persons"})
# after a count, the people it is of, creators or not ("2 pax free makan", "a picada for 4 people")
_PEOPLE_TAILS = _PERSON_TAILS | {"people"}
_COUNT_TAILS = _PERSON_TAILS | frozenset({"aprox", "approx", "approx.", "ish", "piece", "pieces", "only",
                                          "nos"})  # "5 nos" (Indian English: numbers)
_OFFERED = frozenset({"nights", "night", "stay", "dinner", "lunch", "room", "rooms", "tickets", "ticket", "trip"})
_HAS = frozenset({"has", "employs", "employing", "seat", "seats"})
_RANKED = frozenset({"finish", "finishes", "finished", "finishing", "ranked", "ranks", "rank", "placed"})
_PAST_RESULTS = frozenset({"last", "previous", "past", "delivered", "reached", "performed", "generated", "drove",
                           "earlier", "used", "placed"})


def read_count(tokens: Tokens) -> list[Reading]:
    """How many creators: 'top 3', 'a dozen creators', '5 micro-influencers', 'shortlist of 8', '5 of them'.

    A count after a cue ("shortlist of 9") wins over a bare "40 creators" earlier in the brief.
    """
    total = table_total(tokens)
    if total is not None:
        return [claimed_reading(tokens, "k", min(total[0], MAX_RESULTS), total[1], total[2])]
    found = [(i, counted) for i in range(len(tokens)) if tokens.free(i, i + 1)
             and (counted := _count_at(tokens, i)) is not None]
    if not found:
        return []
    cued = [(i, counted) for i, counted in found if tokens.phrase_at(i, COUNT_CUES)]
    totals = [(i, counted) for i, counted in found if total_after(tokens, counted[2])]
    found_counts = [counted for _, counted in found]
    split = None if totals or cued else market_split(tokens, found_counts)
    if split is not None:  # each count is claimed, not the markets between them
        for _, start, end in found_counts:
            tokens.claim(start, end, "k")
        return [Reading("k", min(split[0], MAX_RESULTS), tokens.span_text(split[1], split[2]),
                        tokens.starts[split[1]], tokens.ends[split[2] - 1])]
    # "3-4 influencer" wins over "2 pax free makan", "a picada for 4 people": people who are not creators
    named = [(i, counted) for i, counted in found
             if _PEOPLE_TAILS.isdisjoint(tokens.lower[counted[2] - 1:counted[2] + 1])]
    _, (value, start, end) = (totals or cued or named or found)[0]  # "Number: 3 per market, 15 in total"
    corrected = correction_after(tokens, end) or (correction_after(tokens, end + 1) if tokens.lower[end:end + 1] and (
        tokens.lower[end] in CREATOR_NOUNS) else None)
    corrected = corrected or _settled_after(tokens, end)
    if corrected is not None and corrected.value == int(corrected.value) and not corrected.scaled and (
            corrected.currency is None and 1 <= corrected.value <= 1000):
        value, end = int(corrected.value), corrected.end  # "6 influencers... no sorry, 4 is enough"
    reading = claimed_reading(tokens, "k", min(value, MAX_RESULTS), start, end)
    if value > MAX_RESULTS:
        reading = replace(reading, note=f"the brief asks for {value}; one search returns at most {MAX_RESULTS}")
    return [reading]


def _settled_after(tokens: Tokens, end: int) -> Amount | None:
    """"a list of 6, maybe 7... let's say 7", "like 25 of them? ... Let's say 15": the count the writer settles on."""
    for j in range(end, min(end + 16, len(tokens) - 1)):
        if tokens.words[j] == "\n" and j > end:
            return None
        if tokens.lower[j - 1:j + 1] in (["'s", "say"], ["lets", "say"], ["make", "it"]):
            number = count_at(tokens, j + 1)
            if number is not None and creator_noun_after(tokens, number.end) in (None, number.end):
                return number
    return None


def _count_at(tokens: Tokens, i: int) -> tuple[int, int, int] | None:
    """(count, start, end) of a count phrase starting at token i, or None."""
    cue = tokens.phrase_at(i, COUNT_CUES)
    phrase = tokens.phrase_at(i, COUNT_PHRASES)
    if phrase:
        value = COUNT_PHRASES[tuple(tokens.lower[i:i + phrase])]
        end = i + phrase
        if tokens.lower[end:end + 2] == ["of", "them"]:
            return value, i, end + 2  # "half a dozen of them"
        if creator_noun_after(tokens, end) is not None or _asked(tokens, i, end):
            return value, i, end
        return None
    at = i + cue
    if cue and tokens.words[at - 1] == ":" and (phrase := tokens.phrase_at(at, COUNT_PHRASES)):
        return COUNT_PHRASES[tuple(tokens.lower[at:at + phrase])], i, at + phrase  # "How many: a dozen"
    number = count_at(tokens, at) if at < len(tokens) else None
    if number is None:
        return None
    before = tokens.lower[number.start - 1] if number.start > 0 else ""
    if before in {"-", "–"} and number.start > 1 and tokens.words[number.start - 2].isdigit():
        return None  # the upper end of "DADS 30-50", read with its lower end or not at all
    if before in CURRENCY_WORDS:
        return None  # "Our $40 serum needs skincare creators": money, not a count
    if not cue and _model_number(tokens, number.start):
        return None  # a model number: "Stride 360", "Golf 8", "Model 3", "iPhone 15" even opening a sentence
    if before == "in" and number.start > 1 and tokens.words[number.start - 2].isdigit():
        return None  # "1 in 4 people": a share
    if not cue and before in _HAS:
        return None  # "the clinic has 7 dentists", "we seat 160 people": the advertiser's, not a count
    if not cue and before == "for" and tokens.lower[number.start - 2:number.start - 1] and tokens.lower[
            number.start - 2] in _OFFERED:
        return None  # "We offer 2 nights for 2 persons": who the stay is for
    if not cue and (_staff(tokens, number.start) or _team_size(tokens, number.start, number.end)):
        return None  # "a physio clinic in Munich with 14 therapists", "(since 2008, 4 instructors)"
    past = tokens.near_before(number.start, _PAST_RESULTS, 5, stop_at_punct=False)
    if not cue and ((past is not None and not any(tokens.lower[j] in _ASK_VERBS for j in range(past, number.start)))
                    or said_of_the_past(tokens, number.start)):
        return None  # "last year's push delivered 3.1M impressions from 40 creators": a past result
    if not cue and before in {"of", "aged", "age", "ages", "over", "under", "model", "no", "step", "part", "day",
                              "week", "season", "episode", "chapter", "version", "v", "gen", "series", "the", "dads",
                              "vol", "vol.", "volume", "edition", "issue", "batch", "drop", "collection",
                              "moms", "mums", "men", "women", "adults", "kids", "parents", "teens", "students"}:
        return None
    end = number.end
    value = int(number.value)
    if tokens.words[end:end + 1] == ["("] and tokens.words[end + 2:end + 3] == [")"] and (
            tokens.words[end + 1].isdigit()):
        end += 3  # "twelve (12) creators": the figure repeats the word
    if tokens.lower[end:end + 2] == ["nos", "."] or tokens.lower[end:end + 1] == ["nos."]:
        end += 2 if tokens.lower[end] == "nos" else 1  # "20 nos. of fashion influencers" (Indian English)
        if tokens.lower[end:end + 1] == ["of"]:
            end += 1
    # "8 a 10 perfis": Portuguese and Spanish 'to' between the two
    if end + 1 < len(tokens) and tokens.lower[end] in {"-", "–", "to", "or", "a"} and count_at(tokens, end + 1):
        upper = count_at(tokens, end + 1)
        assert upper is not None
        value, end = max(value, int(upper.value)), end + 2
    elif tokens.lower[end:end + 2] in (["-", "ish"], ["-", "odd"]):
        end += 2  # "3-ish streamers to start"
    elif end < len(tokens) and tokens.lower[end] in {"-", "–"}:
        return None  # "5-star", "3-day"
    after = tokens.lower[end] if end < len(tokens) else ""
    if after in {"yr", "yrs", "year", "years"} and tokens.lower[end + 1:end + 2] in (["old"], ["olds"], ["-olds"]):
        return None  # "reaching 11-15 yr olds / nano creators": an age
    noun = creator_noun_after(tokens, end + 1) if after == "x" else None
    if noun is not None and not any(tokens.lower[j] in _PER for j in range(end + 1, noun)):
        return value, i, end + 1  # "CREATORS: 10 x family food creators", not "3 x Stories per creator"
    if after in {"%", "percent", "x", "times", "+"} or after in SCALES:
        return None  # "100 million+ people": an amount, not a count
    asked_for = tokens.near_before(number.start, CREATOR_NOUNS, 8, stop_at_punct=False) is not None
    labelled = before in {"quantity", "qty"} and after in {"pieces", "pcs", "persons"}
    # "unstitched 3 piece lawn suits": a piece before what it is part of describes the goods
    part_of = after in {"piece", "pieces"} and tokens.words[end + 1:end + 2] != [] and tokens.words[
        end + 1].isalpha() and tokens.lower[end + 1] not in STOP_WORDS and creator_noun_after(tokens, end + 1) is None
    if (asked_for and after in _COUNT_TAILS and (value <= 50 or after not in _SMALL_TAILS) and not part_of) or labelled:
        return value, i, end + 1  # "Need KOL in Thailand 6 person", "creators of Spain, 20 aprox", "quantity 7 pieces"
    if after in {"pieces", "piece", "pcs"} and tokens.lower[end + 1:end + 2] == ["of"] and creator_noun_after(
            tokens, end + 2) == end + 2:
        return value, i, end + 3  # "We need 5 pieces of influencer"
    things = next((j for j in range(end, min(end + 3, len(tokens))) if tokens.is_punct(j) or tokens.lower[
        j] in _COUNTED_THINGS), None)  # the first counted thing (or a mark) after the number
    counted_things = creator_noun_after(tokens, end) is None and things is not None and (
        tokens.lower[things] in _COUNTED_THINGS)
    if counted_things and ((bool(cue) and tokens.words[i + cue - 1] == ":") or before == ":"):
        return None  # "Key facts for creators: 210 specialty stores"
    if after in MEASURES and end < len(tokens) and tokens.starts[end] == tokens.ends[end - 1]:
        return None  # "Vasaloppet 90km skiers": a distance glued to its unit
    if not cue and after in _COUNTED_THINGS and creator_noun_after(tokens, end + 1) != end + 1:
        return None  # "5 star hotels", "10 samples", "3 reels": a count of something else ("5 recipe ppl" is one)
    if cue and tokens.lower[i] == "top" and i > 0 and tokens.near_before(i, _RANKED, 4) is not None:
        return None  # "if our team finishes top 4": a ranking, not a count
    if cue and tokens.lower[i] == "top" and after in {"on", "in", "at"} and creator_noun_after(tokens, end) is None:
        return None  # "our serum's top 10 on Amazon", "Top 5 on Korean Google Play": a sales ranking
    if cue and tokens.lower[i] == "top":
        if creator_noun_after(tokens, end) is not None or end >= len(tokens) or tokens.is_punct(end) or after in (
                STOP_WORDS | {"only", "please", "names", "picks"}):
            return value, i, end
        return None
    groups = (["group", "of"], ["team", "of"], ["pool", "of"], ["mix", "of"], ["selection", "of"], ["squad", "of"])
    if cue and tokens.lower[i + cue - 2:i + cue] == ["team", "of"] and creator_noun_after(tokens, end) is None:
        return None  # "We're a team of 6 at Rove Socks", "(team of 6)": the advertiser's headcount
    if cue and tokens.lower[i + cue - 2:i + cue] in groups and after.isalpha() and creator_noun_after(
            tokens, end) is None and (
            after not in STOP_WORDS | {"only", "please", "names", "picks", "max", "maximum", "minimum", "total"}):
        return None  # "a group of four boutique hotels": a count of something else
    if cue:
        return value, i, end
    if number.word and value < 2 and not (before in _ASKED_ONE and creator_noun_after(
            tokens, end) is not None):
        return None  # "one of them"; but "wants one creator to film", "just one big YouTuber from Ireland"
    noun = creator_noun_after(tokens, end)
    if noun is not None and after not in MONTHS and tokens.lower[noun + 1:noun + 2] not in (["per"], ["each"]):
        return value, i, end  # not "2 creators per departure", "3 October and want Twitch streamers"
    if after == "total" and (end + 1 >= len(tokens) or tokens.is_punct(end + 1)):
        return value, i, end + 1  # "food creators in Mexico, 3 total."
    if after in _COUNT_AFTER and tokens.lower[end + 1:end + 2] in (["them"], ["total"], ["'em"]):
        return value, i, end + 2  # "5 of them", "12 in total", "6 of 'em"
    if after == "in" and tokens.lower[end + 1:end + 3] == ["total", ","]:
        return value, i, end + 2
    label = number.start >= 2 and tokens.lower[number.start - 1] == ":" and tokens.lower[number.start - 3:
                                                                              number.start - 2] not in (
        ["per"], ["each"], ["a"]) and (
        tokens.lower[number.start - 2] in CREATOR_NOUNS or tokens.lower[number.start - 2] in {"number", "count",
                                                                                               "quantity", "amount"})
    if label or _asked(tokens, number.start, end) or _labelled(tokens, number.start, end) or (
            before in {"max", "maximum"} and asked_for and _bare(tokens, end)):
        return value, i, end  # "| # creators | 7 |", "Creators 8", "italian influencers of culture, max 6,"
    return None


def _bare(tokens: Tokens, end: int) -> bool:
    """Nothing but a mark (or the brief's end) follows the number: it stands alone as an item."""
    return end >= len(tokens) or tokens.words[end] in {".", ",", "!", "?", ";", "\n", "(", "|", "/"}


def _labelled(tokens: Tokens, start: int, end: int) -> bool:
    """A count in a creators row of a table or form ('| # creators | 7 |', 'Creators 8'), or a whole item of a
    keyword list written with bars or slashes ('kpop dance cover tiktokers / korea / 10 / max ₩500,000')."""
    if not _bare(tokens, end):
        return False
    before = tokens.words[start - 1] if start > 0 else "\n"
    if before in {"|", "/"} and start > 1 and tokens.lower[start - 2] in CREATOR_NOUNS:
        return True  # the label's cell ends with a creator noun
    if start > 0 and tokens.lower[start - 1] in CREATOR_NOUNS and (start == 1 or tokens.words[start - 2] == "\n"):
        return True  # "Creators 8" opening a line (a tab-separated form)
    if not (before in {"|", "/"} and tokens.words[end:end + 1] in (["|"], ["/"])):
        return False
    line = start
    while line > 0 and tokens.words[line - 1] != "\n":
        line -= 1
    # a creator noun earlier on the line, which is no Markdown table's row ("| UAE | 4 | Arabic |")
    return tokens.words[line] != "|" and any(tokens.lower[j] in CREATOR_NOUNS for j in range(line, start))


_LOWER_CASE_MODELS = frozenset({"iphone", "ipad", "galaxy", "pixel", "macbook", "playstation", "ps"})
# creators a number before them counts, unlike the owners or fans of a model ("Golf 8 owners")
# 'per' in the languages briefs mix in ("3 x Stories par créatrice"), without PER_WORDS' articles and "for"
_PER = PER_WORDS - {"/", "a", "an", "each", "for", "every", "by"}
_COUNTED_CREATORS = CREATOR_NOUNS_NOT_FANS - {"reviewer", "reviewers", "model", "models", "enthusiast", "enthusiasts",
                                              "players"}


def _model_number(tokens: Tokens, start: int) -> bool:
    """'Stride 360', 'Golf 8', 'Model 3', 'iPhone 15' (even opening a sentence): a capitalized word names the number.

    Not a verb of asking ("💪 Need 8 fitness creators") nor a place after 'in' ("KOL in Thailand 6 person")."""
    word = tokens.words[start - 1] if start > 0 else ""
    if number_range_at(tokens, start):
        return False  # "für unseren Kunden Weleda 3–4 Influencerinnen": no model is numbered with a range
    if word.lower() in _LOWER_CASE_MODELS:
        return True  # "iphone 15 giveaway creators": a model written in lower case
    after = tokens.lower[start + 1] if start + 1 < len(tokens) else ""
    if after in _COUNTED_CREATORS and (after.endswith("s") or after == "kişi") and not word.isupper():
        return False  # "creadores gastronomía Lima 10 perfiles": the number counts the creators after it
    if not (word.isalpha() and tokens.is_capitalized(start - 1)) or word.lower() in _ASK_VERBS or tokens.lower[
            start - 2:start - 1] == ["in"] or word.lower() in PLATFORM_WORDS:
        return False  # "street food TikTok 10 KOL": a platform names no model
    return not tokens.sentence_start(start - 1) or any(c.isupper() for c in word[1:])


def _asked(tokens: Tokens, start: int, end: int) -> bool:
    """'please recommend a dozen.', 'creators from Poland, 4 or 5, with ...': a bare count the brief asks for."""
    if tokens.phrase_at(end, _ENOUGH):
        return True  # "half a dozen is plenty", "3 names is fine"
    bare = end >= len(tokens) or tokens.words[end] in {".", ",", "!", "?", ";", "\n", "(", "please"}
    if not bare:
        return False
    if tokens.near_before(start, _ASK_VERBS, 2) is not None:
        return True
    if tokens.lower[start - 1:start] in (["only"], ["just"]) and tokens.near_before(
            start, CREATOR_NOUNS, 6, stop_at_punct=False) is not None:
        return True  # "I want pay proper influencer, only 1 or 2, from New Zealand"
    if end - start == 3 and tokens.words[start + 1] in {"-", "–"}:
        return False  # "22-40" after a list of creators is an age range
    return (start > 0 and tokens.words[start - 1] == ","
            and tokens.near_before(start - 1, CREATOR_NOUNS, 6, stop_at_punct=False) is not None
            and not any(tokens.words[j] in {".", "!", "?", "\n"} for j in range(max(start - 7, 0), start)))


# verbs before 'with' that make the count after it the creators worked with ("collaborate with 5 creators")
_WORK_WITH = frozenset({"work", "working", "partner", "partnering", "collaborate", "collab", "team", "connect", "go",
                        "start", "launch", "run", "begin", "only"})


def _team_size(tokens: Tokens, start: int, end: int) -> bool:
    """"We're 7 people", "6 persons in team": the writer's own headcount."""
    people = tokens.lower[end:end + 1] in (["people"], ["persons"], ["ppl"])
    we_are = tokens.lower[max(start - 2, 0):start] in (["we", "are"], ["we", "'re"]) or tokens.lower[
        start - 1:start] == ["we're"]
    return people and (we_are or tokens.lower[end + 1:end + 3] in (["in", "team"], ["in", "our"], ["on", "the"]))


def _staff(tokens: Tokens, start: int) -> bool:
    """The advertiser's staff or members: a count after 'with' said of its business, or inside the brackets
    right after its name or kind ("Scuola Sci Tofane (40 instructors)", "(since 2008, 4 instructors)")."""
    if start > 1 and tokens.lower[start - 1] == "with" and tokens.lower[start - 2] not in _WORK_WITH:
        return tokens.near_before(start - 1, COMPANY_WORDS, 6) is not None
    for j in range(start - 1, max(start - 6, 0), -1):
        if tokens.words[j] in {")", ".", "!", "?", "\n"}:
            return False
        if tokens.words[j] == "(":
            return j > 0 and (tokens.lower[j - 1] in COMPANY_WORDS or (
                tokens.is_capitalized(j - 1) and not tokens.sentence_start(j - 1)))
    return False
