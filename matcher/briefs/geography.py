"""Where the creators are and what language they post in: places, demonyms and languages in a brief.

A place is applied when the brief puts the creators or their audience there: after "in", "based in",
"across" (not after "made in", "hiking in", "a trip to"), "from" right after the creators, right before
a creator or audience noun ("London food bloggers"), as a whole item of a keyword list, or with "only"
or "market". A demonym is applied right before a creator or audience noun ("German fitness creators",
"German audiences"). Everything else that names a place, and every place that is ambiguous, is a
suggestion: shown to the user, not applied.
"""

from __future__ import annotations

from dataclasses import replace

from matcher.briefs.addresses import address_spans
from matcher.briefs.lexicon import (
    AND_OR,
    AUDIENCE_NOUNS,
    CREATOR_NOUNS,
    CREATOR_NOUNS_NOT_FANS,
    DESTINATION_WORDS,
    FIELD_LABELS,
    FROM_HOME_NOUNS,
    OBJECT_NOUNS,
    PLACE_AFTER,
    PLACE_CUES,
    PLACE_ONLY,
    PLATFORM_WORDS,
)
from matcher.briefs.nouns import is_person_noun
from matcher.briefs.place_case import LOWER_CASE_CITY
from matcher.briefs.place_mentions import (
    IDIOMS,
    asks_for_locals,
    code_follows,
    district_before,
    mention_at,
    not_a_place,
    people_of,
    place_list_item,
    qualified_place,
    ruled_out,
    style_origin,
)
from matcher.briefs.place_owner import (
    COMPANY_WORDS,
    made_there,
    on_trip_line,
    quoted,
    said_of_advertiser,
    self_described,
    venue_before,
)
from matcher.briefs.place_people import people_after, people_before
from matcher.briefs.places import Gazetteer, Place
from matcher.briefs.reading import Reading
from matcher.briefs.spans import said_of_the_past, short_query
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

# "und der Schweiz", "et la Suisse", "Jakarta atau Surabaya"
_LIST_JOINERS = AND_OR | {"plus", "as", "well", "the", "also", "all", "whole", "from", "first", "then", "later",
                          "entire", "maybe", "possibly", "even", "der", "die", "la", "le", "el", "les"}
# 'from' as briefs write it: "frm Chattogram", Indonesian "dari Jakarta"; "out of Lisbon" says it too
_FROM_WORDS = frozenset({"from", "frm", "dari"})
_FROM = _FROM_WORDS | {"out"}
_FROM_OR_TO = _FROM_WORDS | {"to"}
# "across LATAM except Brazil": the places after these leave the list before them
_EXCEPT = frozenset({"except", "excepto", "excluding", "minus", "without", "but", "excl", "excl.", "exceto", "außer",
                     "not"})
_CONTENT_NOUNS = frozenset({"content", "videos", "video", "captions", "posts", "channel", "channels", "speakers",
                            "creators", "influencers", "audience", "audiences", "subtitles", "voiceover"})
def _labelled_alone(tokens: Tokens, i: int) -> bool:
    """The token is a field label's whole answer ('Country: IN', 'Markt: AT' on its own line)."""
    return i > 1 and tokens.words[i - 1] == ":" and tokens.lower[i - 2] in FIELD_LABELS and (
        i + 1 == len(tokens) or tokens.words[i + 1] in {"\n", "|", ";"})


def read_places(tokens: Tokens, places: Gazetteer) -> list[Reading]:
    """Countries from places and demonyms, applied or suggested (see the module docstring)."""
    readings: list[Reading] = []
    addresses = address_spans(tokens)
    i = 0
    while i < len(tokens):
        address = next((end for start, end in addresses if start <= i < end), None)
        if address is not None:  # "Haneul Lab Co., Ltd. | 5F, 21 Dosan-daero 45-gil, Seoul, Korea": the sender's
            for j in range(i, address):
                if tokens.free(j, j + 1):
                    tokens.claim(j, j + 1, "address")  # no niche words either
            i = address
            continue
        n, place, demonym = mention_at(tokens, i, places)
        if not n and tokens.words[i] in places.code_words and tokens.free(i, i + 1) and code_follows(tokens, i + 1):
            n, place, demonym = 1, places.code_words[tokens.words[i]], None  # "IT ES PT GR": a code word opens it
        elif not n and tokens.words[i] in places.code_words and tokens.free(i, i + 1) and _labelled_alone(tokens, i):
            n, place, demonym = 1, places.code_words[tokens.words[i]], None  # "Market: AT", a form's answer
        if not n:
            i += 1
            continue
        # a list of places joined by commas and 'and': "in Germany, Austria and Switzerland"
        place, end = qualified_place(tokens, i + n, place, places)
        items = [(i, end, place, demonym)]
        while True:
            j = end
            while j < len(tokens) and (tokens.lower[j] in _LIST_JOINERS or (
                    tokens.is_punct(j) and tokens.words[j] not in SENTENCE_ENDS | {"(", ")", ":", "-", "—", "–"})):
                j += 1  # emoji between places too: "Georgia 🍑 Atlanta, Savannah"
            if tokens.words[j:j + 1] == ["("]:  # "Switzerland (Romandie) and Quebec": skip a qualifier
                close = next((k for k in range(j + 1, min(j + 5, len(tokens))) if tokens.words[k] == ")"), None)
                if close is not None:
                    j = close + 1
                    while j < len(tokens) and tokens.lower[j] in _LIST_JOINERS:
                        j += 1
            if j >= len(tokens):
                break
            m, more, more_demonym = mention_at(tokens, j, places)
            codes = [tokens.words[k] for k in (j, end - 1)]  # "FR DE IT ES": codes side by side make a list too
            code_pair = all(len(w) == 2 and w.isupper() for w in codes) and (
                more is not None or tokens.words[j] in places.code_words)
            if j == end and not code_pair and (more is None or place is None or more.kind != "city"
                                               or place.kind != "city" or not tokens.words[j][:1].isupper()):
                break  # "Belgrade Zagreb Sarajevo": cities side by side make a list ("Santander UK" does not)
            if not m and tokens.words[j] in places.code_words and tokens.free(j, j + 1):
                m, more, more_demonym = 1, places.code_words[tokens.words[j]], None  # "NL + BE": a code in a list
            if not m:
                break
            more, item_end = qualified_place(tokens, j + m, more, places)
            items.append((j, item_end, more, more_demonym))
            end = item_end
        if ruled_out(tokens, i, end):
            tokens.claim(i, end, "countries")  # "in Germany, not in Netherlands": no country to apply or suggest
            i = end
            continue
        found = _decide(tokens, items, places)
        # "across LATAM except Brazil": the places after 'except' leave the list
        if end + 1 < len(tokens) and tokens.words[end] in {",", "("} and tokens.lower[end + 1] in _EXCEPT:
            end += 1  # "Nordics, excluding Iceland", "the Nordics (excl. Iceland, ...)"
        if tokens.lower[end:end + 2] == ["but", "not"]:
            end += 1  # "across the Nordics, but NOT Iceland"
        if end < len(tokens) and tokens.lower[end] in _EXCEPT and found:
            dot = tokens.words[end + 1:end + 2] == ["."]  # "excl. Iceland"
            while tokens.lower[end + 1 + dot:end + 2 + dot] and tokens.lower[end + 1 + dot] in _EXCEPT - {"not"}:
                end += 1  # "DACH, but excluding Switzerland"
            m, removed, _ = mention_at(tokens, end + 1 + dot, places)
            if m and removed is not None:
                gone = set(removed.countries)
                found = [replace(r, value=tuple(c for c in r.value if c not in gone)) for r in found]
                tokens.claim(end, end + 1 + dot + m, "countries")
                end += 1 + dot + m
        readings.extend(r for r in found if r.value)
        i = end
    if not any(r.applied for r in readings) and asks_for_locals(tokens):
        # "A nano-brewery in Asheville, NC wants local beer creators": local to the advertiser's place
        readings = [replace(r, applied=True, note="") if r.note == _ADVERTISERS else r for r in readings]
    return readings


_ADVERTISERS = "where the advertiser is, not the creators"
# where a traveller stays: in a list of keywords the place after one is the destination ("hotel reviews dubai")
_STAYS = frozenset({"hotel", "hotels", "resort", "resorts", "villa", "villas", "hostel", "hostels"})
_PEOPLE = CREATOR_NOUNS | AUDIENCE_NOUNS


def settle_places(readings: list[Reading]) -> list[Reading]:
    """A place in several countries is applied when the brief's sure places pick one of them.

    "dog people in Georgia: Atlanta, Savannah" is the US state; "Georgia and Armenia" the country.
    """
    sure = {c for r in readings if r.applied for c in r.value}
    settled = []
    for reading in readings:
        if (not reading.applied and reading.note == _AMBIGUOUS
                and len(picked := tuple(c for c in reading.value if c in sure)) == 1):
            reading = replace(reading, value=picked, applied=True, note="")
        settled.append(reading)
    return settled


_AMBIGUOUS = "a place that is in several countries"


def _decide(tokens: Tokens, items: list[tuple[int, int, Place | None, tuple[str, ...] | None]],
            places: Gazetteer) -> list[Reading]:
    """Applied or suggested countries for one list of places or demonyms."""
    start, end = items[0][0], items[-1][1]
    demonyms = all(item[3] is not None for item in items)
    places_in = [p for _, _, p, _ in items if p is not None]
    # "Guadalajara or CDMX", "Florida or Georgia, US": an ambiguous place takes the country its list's sure places
    # share; failing that, in a list with countries a name that is also a country means it ("Georgia and Armenia")
    known = {c for p in places_in if not p.ambiguous for c in p.countries}
    if sum(p.kind == "code" and p.countries == ("US",) for p in places_in) >= 2:  # "TX FL GA": Georgia, not Gabon
        items = [(a, b, Place(p.name, ("US",), "code") if p and p.kind == "code" and places.state_codes.get(
            p.name) == "US" else p, d) for a, b, p, d in items]
    items = [(a, b, Place(p.name, tuple(c for c in p.countries if c in known), p.kind)
              if p and p.ambiguous and any(c in known for c in p.countries) else p, d) for a, b, p, d in items]
    if any(p.kind in {"country", "region", "code"} and not p.ambiguous for p in places_in):
        items = [(a, b, Place(p.name, (p.as_country,), "country") if p and p.ambiguous and p.as_country else p, d)
                 for a, b, p, d in items]
    # "Tbilisi, Georgia", "Paris, Texas": the second names where the first is
    if len(places_in) == 2 and tokens.lower[items[0][1]] == "," and items[1][0] == items[0][1] + 1:
        first, second = places_in
        if first.kind in {"city", "subdivision"} and second.kind in {"country", "subdivision", "code"}:
            shared = [c for c in second.countries if c in first.countries]
            countries = tuple(shared) if (second.ambiguous and shared) else second.countries
            items = [(start, end, Place(second.name, countries[:1] if second.ambiguous else countries, "country"),
                      None)]
    mention_start, start = start, district_before(tokens, start, places)  # "in Kadıköy, Istanbul": cue, district
    applied, note = _applied(tokens, start, end, demonyms)
    if len(items) > 1 and all(place is not None and place.kind == "code" for _, _, place, _ in items):
        applied, note = True, ""  # "DE/AT/CH", "IT ES PT GR": a list of country codes names the markets
    cue_start = start - (tokens.phrase_ending(start, PLACE_CUES) if applied and not demonyms else 0)
    cued = bool(tokens.phrase_ending(start, PLACE_CUES)) or (start > 0 and tokens.lower[start - 1] in _FROM_OR_TO)
    readings = []
    for item_start, item_end, place, demonym in items:
        countries = demonym if demonym is not None else (place.countries if place else ())
        if not countries:
            continue
        ambiguous = bool(place and place.ambiguous)
        # a lower-case city is read only when it is big (a common word is rarely a city of half a million)
        # (nor, in a brief typed in lower case, a name of two words after a place cue: "in chiang mai")
        lower = bool(place and place.kind in {"city", "subdivision"} and tokens.words[item_start][0].islower()
                     and place.population < LOWER_CASE_CITY and not (
                         cued and item_end - item_start > 1 and tokens.typed_in_lower_case))
        sure = applied and not ambiguous and not lower
        # an ambiguous place not said of the creators keeps its reason, so the brief's sure places do not apply it
        why = (_AMBIGUOUS if ambiguous and applied else
               "a place name written in lower case" if lower and applied else note or _AMBIGUOUS)
        phrase_start = cue_start if item_start in (start, mention_start) else item_start
        if not sure and not_a_place(tokens, item_start, place, demonym, cued):
            continue
        if sure:
            tokens.claim(phrase_start, item_end, "countries")
        readings.append(Reading("countries", tuple(countries), tokens.span_text(phrase_start, item_end),
                                tokens.starts[phrase_start], tokens.ends[item_end - 1], applied=sure,
                                note="" if sure else why))
    return readings



def _applied(tokens: Tokens, start: int, end: int, demonym: bool) -> tuple[bool, str]:
    """Whether a place list at [start, end) is where the creators are, and if not why (the suggestion's note)."""
    if style_origin(tokens, start) or tokens.lower[end:end + 2] in (["-", "style"], ["-", "inspired"]):
        return False, "a style's origin, not where the creators are"  # "K-beauty", "Texas-style BBQ creators"
    if on_trip_line(tokens, start):
        return False, "a destination or an origin, not where the creators are"
    if demonym and tokens.lower[end:end + 1] in IDIOMS:
        return False, "a thing named after a country, not where the creators are"  # "Dutch oven camping cooks"
    noun = people_after(tokens, end)
    if demonym and noun is not None and noun > end and tokens.lower[noun] in OBJECT_NOUNS:
        return False, "a demonym before what they love or own may describe the thing, not where they are"
    if noun is not None or people_before(tokens, start) or people_of(tokens, start, CREATOR_NOUNS_NOT_FANS):
        return True, ""
    if start > 1 and tokens.lower[start - 1] in {"de", "du", "da", "do"} and (
            tokens.lower[start - 2] in CREATOR_NOUNS or (tokens.near_before(start - 1, CREATOR_NOUNS, 5) is not None
                                                         and "de" in tokens.lower[start - 5:start - 1])):
        # "6 créateurs de Montréal", "creadores de Lima", "creadores de viajes de Chile": the creators' place in French
        # or Spanish
        return True, ""
    if tokens.lower[end:end + 1] == ["se"] and tokens.near_before(start, CREATOR_NOUNS, 3) is not None:
        return True, ""  # "2 creators chahiye Amritsar se": Hindi-Urdu 'from', after the place
    after = tokens.lower[end] if end < len(tokens) else ""
    if after in PLACE_ONLY and (not demonym or tokens.near_before(start, _PEOPLE, 8, stop_at_punct=False) is not None):
        return True, ""  # "Cible: foodies 25-45 ans, FR uniquement", "5 eco creators, Canadian only please"
    counted = tokens.words[end + 1:end + 2] != [] and tokens.words[end + 1].isdigit()  # "Ireland — 5 finance creators"
    if after in {"—", "–", "-", ":"} and counted and set(tokens.lower[end + 2:end + 5]) & CREATOR_NOUNS:
        return True, ""
    if tokens.lower[start - 1:start] == ["only"] and tokens.words[start][:1].isupper() and (
            tokens.words[start - 2:start - 1] != ["-"]):
        return True, ""  # "micro-influencers only Bangladesh" (not "sim-only mobile plans")
    if after == "too" and tokens.lower[start - 1:start] in (["and"], ["plus"]):
        return True, ""  # "creators in the UK — make that 8, and Ireland too": a market added
    if demonym:
        if after in {"market", "markets", "-based", "based"} or tokens.lower[end:end + 2] == ["-", "based"]:
            return True, ""  # "the German market", "Irish-based creators"
        if tokens.lower[max(start - 2, 0):start] in (["must", "be"], ["should", "be"], ["have", "to"]) and (
                tokens.near_before(start - 2, CREATOR_NOUNS | AUDIENCE_NOUNS, 3) is not None):
            return True, ""  # "Creators must be italian"
        if tokens.lower[end - 1].endswith("s") and place_list_item(tokens, start, end):
            return True, ""  # "sunscreen. Australians, IG + TikTok, 10-50k": the people, as an item of a list
        return False, "a demonym before a noun that is not the creators or their audience"
    based = after in {"-based", "based"} or (after == "-" and tokens.lower[end + 1:end + 2] == ["based"])
    if start > 1 and tokens.words[start - 1] in {"(", ","} and (tokens.lower[start - 2] == "here" or tokens.claimed[
            start - 2] == "brand") and not (based and tokens.words[start - 1] == ","):  # "for Razer, EU-based."
        return False, _ADVERTISERS  # "Verdalia brand team here (Paris)", "Tuque & Co (Québec)", "Nexel Games, Seoul"
    if based and (any(tokens.lower[j] in COMPANY_WORDS for j in range(end + 1, min(end + 7, len(tokens)))) or (
            tokens.lower[start - 1:start] in (["a"], ["an"]) and tokens.sentence_start(start - 1))):
        return False, _ADVERTISERS  # "A Singapore-based edtech wants ...", "A Seattle-based pet DNA test kit needs"
    if after in PLACE_AFTER or (after == "-" and end + 1 < len(tokens) and tokens.lower[end + 1] in PLACE_AFTER):
        return True, ""
    if quoted(tokens, start, end):
        return False, "a place inside a quoted title"
    if tokens.keywords_only and tokens.near_before(start, _STAYS, 2) is not None:
        return False, "a destination or an origin, not where the creators are"  # "5-star hotel reviews dubai, YT"
    # slashes, dashes and currency signs count: "micro DE/AT/CH 10-50k €400/post"
    if short_query(tokens, longest=20) and (
            tokens.keywords_only or COMPANY_WORDS.isdisjoint(tokens.lower[end:end + 2])):
        return True, ""  # "cycling youtube sub-50k DACH" names where creators are; not "Jeju island hotel ... 5k up"
    cue = tokens.phrase_ending(start, PLACE_CUES)
    if cue:
        cue_start = start - cue
        # "hiking in Norway", "made in Italy", "we produce trekking poles in Norway" -- unless the activity is
        # what the creators do ("10 creators of trekking and climbing in Chile")
        destination = tokens.near_before(cue_start + 1, DESTINATION_WORDS, 4)
        person = tokens.near_before(cue_start + 1, CREATOR_NOUNS | AUDIENCE_NOUNS, 4)
        owner = tokens.near_before(destination, CREATOR_NOUNS | AUDIENCE_NOUNS, 3) if destination is not None else None
        if owner is not None and tokens.lower[owner + 1:owner + 2] == ["of"]:
            destination = None  # "creators of trekking in Chile" names their genre; "creators hiking in Norway" a trip
        if destination is not None and tokens.lower[destination] in {"staying", "stay"} and tokens.lower[
                destination - 2:destination] in (["who", "are"], ["that", "are"], ["who", "all"]):
            destination = None  # "influencers who are staying in Tanzania": where they live
        if destination is not None and (person is None or person < destination):
            return False, "a destination or an origin, not where the creators are"
        if said_of_the_past(tokens, cue_start, end):
            return False, "said of an earlier campaign"  # "Our previous campaign in Korea used 20 creators"
        if said_of_advertiser(tokens, cue_start) or made_there(tokens, cue_start) or self_described(
                tokens, cue_start, clause=True) or venue_before(tokens, cue_start, end):
            return False, _ADVERTISERS
        return True, ""
    if start > 0 and tokens.lower[start - 1] in _FROM:
        home = FROM_HOME_NOUNS - {"family", "families"} | {"they", "them", "who", "be", "only", "exclusively"}
        if said_of_advertiser(tokens, start - 1) or self_described(tokens, start - 1):
            return False, _ADVERTISERS
        if tokens.near_before(start - 1, home, 3) is not None or (
                start > 1 and is_person_noun(tokens.lower[start - 2])):
            return True, ""
        # "crypto influencers on Twitter and youtube from Vietnam": their platforms between them and 'from'
        j = start - 2
        while j > 0 and (tokens.lower[j] in PLATFORM_WORDS or tokens.lower[j] in {"on", "and", "or", "/", "&", "+"}):
            j -= 1
        if j < start - 2 and tokens.lower[j] in CREATOR_NOUNS | AUDIENCE_NOUNS:
            return True, ""
        # "youtubers who play roguelikes, from USA": after a comma 'from' goes back to the creators
        if start > 1 and tokens.words[start - 2] == "," and tokens.near_before(
                start - 2, CREATOR_NOUNS | AUDIENCE_NOUNS, 10, stop_at_punct=False) is not None:
            return True, ""
        return False, "a place after 'from' that is not said of the creators"
    line = tokens.clause_start(start)
    colon = next((j for j in range(line + 1, min(line + 4, start)) if tokens.words[j] == ":"), None)
    if colon is not None and tokens.lower[line] in FIELD_LABELS | {"where", "location", "based"} and all(
            tokens.words[j].isalpha() for j in range(line + 1, colon)):
        # the line is labelled: "Where: the Midwest — Iowa, Minnesota", "Markets unchanged: Japan, Brazil"
        return True, ""
    if place_list_item(tokens, start, end):
        return True, ""
    return False, "a place that is not said to be where the creators are"
