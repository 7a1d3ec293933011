"""The brand where a brief's layout puts it: a keyword list's end, "the X campaign", a title.

`claim_brand` marks the name (and its cue) as read, so other readers do not take it again.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from matcher.briefs.amounts import number_range_at
from matcher.briefs.brand_cues import BRAND_VERBS, GENERIC_ADVERTISERS
from matcher.briefs.brand_shapes import model_code
from matcher.briefs.brand_words import (
    COMMON_OPENERS,
    COMPANY_NOUNS,
    GREETINGS,
    MAIL_PREFIXES,
    OCCASIONS,
    SELF,
)
from matcher.briefs.lexicon import CREATOR_NOUNS, FIELD_LABELS, NOT_NAMES, WEEKDAYS
from matcher.briefs.place_owner import COMPANY_WORDS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import brandlike, clean_name, is_place_or_platform, name_end
from matcher.briefs.tokens import Tokens
from matcher.taxonomy import taxonomy


def claim_brand(tokens: Tokens, cue_start: int, start: int, end: int) -> Reading:
    """The brand reading of tokens [start, end), its cue [cue_start, start) marked as read with it."""
    end = with_number(tokens, end)
    if end - start > 1 and tokens.lower[start] in {"ngo", "charity", "nonprofit", "non-profit"}:
        start += 1  # "We are NGO Zielone Miasto": what it is, then its name
    while end - start > 1 and tokens.lower[end - 1] in {"team", "growth", "marketing"}:
        end -= 1  # "MathSprout Growth Team": the team is not the brand
    if end - start > 1 and tokens.lower[end:end + 1] and tokens.lower[end] in WEEKDAYS:
        end -= 1  # "the Cascade Paws Rescue Giving Tuesday push": the word before a weekday names the day
    tokens.claim(cue_start, start, "brand cue")
    tokens.claim(start, end, "brand")
    if end < len(tokens) and tokens.lower[end] in {"'s", "’s"}:
        tokens.claim(end, end + 1, "brand cue")
    return Reading("brand", clean_name(tokens, start, end), tokens.span_text(start, end), tokens.starts[start],
                   tokens.ends[end - 1])


_NAME_CLOSERS = frozenset({",", ".", "!", "(", ")", "\n", "|", "from", "is", "are", "we", "here", "wants", "needs",
                           "-", "—", "–", ":", "'s", "’s"})


def with_number(tokens: Tokens, end: int) -> int:
    """'Fietsfabriek 1892', 'Saltbay 22 swimwear': a year or a number that ends the name belongs to it.

    Only a plain number of up to four digits, followed by punctuation, a closing word or a capitalized word.
    """
    if end < len(tokens) and tokens.words[end].isdigit() and len(tokens.words[end]) <= 4 and tokens.free(end, end + 1):
        after = tokens.lower[end + 1] if end + 1 < len(tokens) else ""
        if (not after or after in _NAME_CLOSERS or tokens.is_capitalized(end + 1)) and not number_range_at(
                tokens, end):  # "Weleda 3–4 Naturkosmetik-Influencerinnen": a count, not the name's number
            end += 1
            while end < len(tokens) and tokens.is_capitalized(end) and not tokens.is_punct(end) and tokens.free(
                    end, end + 1):
                end += 1  # "Studio 1961 Eyewear"
    return end


@cache
def content_categories() -> frozenset[str]:
    """The IAB Content Taxonomy's category names in lower case ('beauty', 'fitness and exercise'): a niche, no brand."""
    return frozenset(label.split(" > ")[-1].lower() for label in taxonomy("iab").labels)


def brand_in_keywords(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """A keyword brief's first or last item that is only a name: 'Sahra Hospitality | mega creators | ...'."""
    separators = {"|", "/", "—", "–"}
    if sum(word in separators for word in tokens.words) < 2:
        return None
    items, start = [], 0
    for j, word in enumerate([*tokens.words, "|"]):
        if word in separators:
            items.append((start, j))
            start = j + 1
    for first, last in (items[0], items[-1]):
        if last - first == 0 or (first > 1 and tokens.words[first - 2] == "\n" and (first, last) == items[-1]):
            continue  # a last line "— Priya", "– J": who signs, not the brand
        end = name_end(tokens, first)
        # "K-beauty", "J-pop": a genre, no name
        genre = len(tokens.words[first]) == 1 and tokens.words[first + 1:first + 2] == ["-"]
        category = end is not None and tokens.span_text(first, end).lower() in content_categories()  # "Beauty |"
        # "#BlackFriday2025 |": a campaign's hashtag
        hashtag = tokens.text[tokens.starts[first] - 1:tokens.starts[first]] == "#" and any(
            c.isdigit() for c in tokens.words[first])
        no_name = genre or category or hashtag
        model = end is not None and end < last and (first, last) == items[0] and _model_after(tokens.words[end])
        if model and end is not None:
            last = end  # "VW ID.7 Tourer launch – ...", "Toyota RAV4 Hybrid | ...", "Doritos x gaming | ...": the maker
        # a town's name before a model's ("Toyota RAV4") is the maker's
        place = end is not None and is_place_or_platform(tokens, first, end, places) and not (
            model and model_code(tokens.words[last]))
        if end == last and not no_name and not place and not any(
                tokens.lower[k] in COMMON_OPENERS | CREATOR_NOUNS | GENERIC_ADVERTISERS
                or tokens.lower[k] in {"agency", "agence", "agencia"} for k in range(first, end)):
            return claim_brand(tokens, first, first, end)
    return None


def _model_after(word: str) -> bool:
    """A model after a maker's name ('RAV4', 'ID.7'), or a collaboration's 'x' ('Doritos x gaming'); not a bare
    number ('iPhone 17', 'FIFA 26', 'Phase 2' are names of their own)."""
    return model_code(word) or word in {"x", "×"}


_BRIEF_KINDS = frozenset({"campaign", "creative", "influencer", "creator", "project", "media", "full", "final", "new",
                          "updated", "client", "brand", "summer", "winter", "spring", "autumn", "holiday", "launch"})


def brand_before_brief(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """"Barry's Tea brief:", "Emirates brief is in", "— Red Bull brief, ...": a name right before 'brief'."""
    for i in range(len(tokens) - 1):
        if not (i == 0 or tokens.words[i - 1] in {"\n", ">", "•", "—", "–", "-", "the", ",", ".", "!"}):
            continue
        end = name_end(tokens, i)
        if end is None or end >= len(tokens) or tokens.lower[end] != "brief" or (end + 1 < len(tokens) and tokens.lower[
                end + 1] not in {":", "\n", "–", "—", "-", "is", "was", "has", ",", "(", "for", "."}):
            continue
        if any(tokens.lower[k] in COMMON_OPENERS | GENERIC_ADVERTISERS | _BRIEF_KINDS and tokens.lower[k] not in {
                "'s", "’s"} for k in range(i, end)):
            continue
        if not is_place_or_platform(tokens, i, end, places):
            return claim_brand(tokens, i, i, end)
    return None


def brand_before_campaign(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'circling back on the SunNest Solar campaign': a name shaped like a brand before 'campaign' or 'launch'.

    Only a name that cannot be a season or an event: one with a capital inside a word ("SunNest") or a
    digit or '&' ("H&M").
    """
    for i in range(1, len(tokens) - 1):
        if tokens.lower[i - 1] not in _BEFORE_CAMPAIGN_NAME:
            continue
        end = name_end(tokens, i)
        if end is None or end >= len(tokens):
            continue
        shaped = any(brandlike(w) or (any(c.isupper() for c in w[1:]) and not w.isupper())
                     for w in tokens.words[i:end])
        # "brief for the Gymshark store opening", "Asking for the Dryrobe pitch": a campaign is run for its brand
        for_the = tokens.lower[i - 2:i] == ["for", "the"] and not any(
            w in NOT_NAMES or w in COMMON_OPENERS or w in OCCASIONS for w in tokens.lower[i:end])
        words = _CAMPAIGN_WORDS | _FOR_THE_WORDS if for_the else _CAMPAIGN_WORDS
        if tokens.lower[end] in words and (shaped or for_the) and (
                tokens.lower[i - 1] == "the") and not is_place_or_platform(tokens, i, end, places):
            return claim_brand(tokens, i, i, end)
        # "the Strepsils sore throat winter push": a name, what it sells in lower case, then the campaign word
        described = next((j for j in range(end + 1, min(end + 5, len(tokens))) if tokens.lower[j] in words
                          and all(tokens.words[k].isalpha() and tokens.words[k].islower() for k in range(end, j))),
                         None)
        if described is not None and not any(w in NOT_NAMES or w in COMMON_OPENERS or any(c.isdigit() for c in w)
                                             for w in tokens.lower[i:end]) and (
                not is_place_or_platform(tokens, i, end, places)):
            while end - i > 1 and (place := places.place(tokens.words[end - 1])) is not None and place.kind != "code":
                end -= 1  # "the Lynx Africa deodorant relaunch": Africa names the scent ("Little Fox & Co" stays)
            return claim_brand(tokens, i, i, end)
    return None


_CAMPAIGN_WORDS = frozenset({"campaign", "launch", "account", "brief", "push", "relaunch", "deck"})
_FOR_THE_WORDS = frozenset({"pitch", "opening", "drop", "activation", "promo", "collab", "job"})
# what comes before a name described before its campaign word: "the next Gymshark fitness brief",
# "Also Tidewell sunscreen brief", "Team — Duolingo language learning brief"
_BEFORE_CAMPAIGN_NAME = frozenset({"the", "next", "also", "—", "–", "\n", ":"})


def reading_span(tokens: Tokens, reading: Reading) -> tuple[int, int]:
    """The tokens [start, end) a reading's characters span."""
    return tokens.starts.index(reading.start), tokens.ends.index(reading.end) + 1


def without_home_town(tokens: Tokens, reading: Reading, places: Gazetteer) -> Reading:
    """'Sakura-dō Stationery of Osaka': the city after 'of' says where the advertiser is; the name ends before it.

    Only a city or region after a name of two words or more ("Bank of America", "University of Chicago" stay). Also
    what the name is before it ("association Sahel Solidarité") and an office's place before 'team' ("We are Glovo
    Madrid team") leave the name."""
    start, end = reading_span(tokens, reading)
    cut_start, cut_end = start + (tokens.lower[start] in _LOWER_KINDS and end - start > 1), end
    last = places.place(tokens.words[end - 1]) if end - cut_start > 1 else None
    if last is not None and last.kind in {"city", "country", "subdivision"} and tokens.lower[end:end + 1] in (
            ["team"], ["office"]):
        cut_end -= 1  # "We are Glovo Madrid team": the office's city is no part of the name
    if (cut_start, cut_end) != (start, end):  # "we are association Sahel Solidarité": what it is, then the name
        for j in (*range(start, cut_start), *range(cut_end, end)):
            tokens.claimed[j] = None
        return replace(reading, value=clean_name(tokens, cut_start, cut_end), phrase=tokens.span_text(
            cut_start, cut_end), start=tokens.starts[cut_start], end=tokens.ends[cut_end - 1])
    of = next((j for j in range(end - 2, start + 1, -1) if tokens.lower[j] == "of"), None)
    place = places.place(tokens.span_text(of + 1, end)) if of is not None else None
    if of is None or place is None or place.kind not in {"city", "subdivision"}:
        return reading
    for j in range(of, end):
        tokens.claimed[j] = None
    return replace(reading, value=clean_name(tokens, start, of), phrase=tokens.span_text(start, of),
                   end=tokens.ends[of - 1])


_LOWER_KINDS = frozenset({"association", "asociación", "associação", "fundación", "fundação", "fondation", "verein"})


# kinds of business a name in brackets may follow: the place reader's list and the brand reader's company nouns
_KINDS = COMPANY_WORDS | COMPANY_NOUNS | {"watchmaker"}


def brand_in_brackets(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """"a little candle shop on Etsy (Wick & Willow)", "A Swiss watchmaker (Tissot)": the name after what it is.

    What it is may be any words, when the sentence says them of the advertiser ("I have small boulangerie in Lyon
    (La Mie Dorée)", "we're a youth mental health charity (Mindful Futures)") or the name is followed by what
    an advertiser does ("An Irish whiskey (Jameson) wants"); a word or two of what it sells may follow the name
    inside the brackets ("(Wren & Wax candles)")."""
    for k in range(1, len(tokens) - 2):
        if tokens.words[k] != "(" or any(tokens.words[j] in {".", "!", "?", "\n"} for j in range(max(k - 4, 0), k)):
            continue
        end = name_end(tokens, k + 1)
        if end is None:
            continue
        close = end
        while close < min(end + 2, len(tokens)) and tokens.words[close].isalpha() and tokens.words[close].islower():
            close += 1
        kind = any(tokens.lower[j] in _KINDS for j in range(max(k - 4, 0), k))
        # "A lawn-mower maker (Tornado Garden, models TG-21 ...)": after what it is, a comma may close the name
        comma = kind and close == end and tokens.words[close:close + 1] in ([","], ["—"], ["–"]) and tokens.words[
            k + 1].isalpha()  # "a hardware startup (Orbit Lamp — smart desk lamp, ...)"
        acts = tokens.phrase_at(close + 1, BRAND_VERBS) > 0
        # "A Swiss coffee machine maker (Jura) wants": a name after what it is and before what it does may be a town's
        if (tokens.words[close:close + 1] != [")"] and not comma) or is_place_or_platform(
                tokens, k + 1, end, places, cities=not (kind and acts)) or tokens.lower[end - 1] in OCCASIONS:
            continue  # "(Mental Health Awareness Month)": an occasion, no name
        said = tokens.near_before(k, SELF | {"we're", "here"}, 10) is not None and tokens.near_before(
            k, CREATOR_NOUNS, 10) is None
        if kind or said or acts:
            return claim_brand(tokens, k, k + 1, end)
    return None


_TITLE_LABELS = MAIL_PREFIXES | frozenset({"subject", "campaign", "project", ":", "[", "]"})
_TITLE_WORDS = frozenset({"brief", "briefing", "campaign", "scope", "creator", "creators", "influencer", "influencers",
                          "launch", "promo", "push", "shortlist"})


def brand_in_title(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Subject: FW: Estrella Damm – summer brief v2', 'Campaign: Nilein Juice – Ramadan 2026': the title line's
    first name, before a dash, in a line that says it is a brief or a campaign.

    After a label the name may be followed by what it sells ("RE: Claritin spring allergy – creator scope").
    """
    line_end = next((j for j in range(len(tokens)) if tokens.words[j] == "\n"), len(tokens))
    at = 0
    while at < line_end and tokens.lower[at] in _TITLE_LABELS:
        at += 1
    if not any(tokens.lower[j] in _TITLE_WORDS for j in range(line_end)):
        return None
    end = name_end(tokens, at)
    if end is None or any(tokens.lower[k] in COMMON_OPENERS | NOT_NAMES | _TITLE_WORDS | GREETINGS
                          for k in range(at, end)):  # not "Salut Camille — for the launch of ..."
        return None
    dash = end
    while dash < line_end and tokens.words[dash].isalpha() and tokens.words[dash].islower():
        dash += 1  # "Claritin spring allergy –"
    if dash >= line_end or tokens.words[dash] not in {"–", "—", "-"} or (dash > end and at == 0) or (
            is_place_or_platform(tokens, at, end, places)):
        return None  # words between the name and the dash only after a label ("Smart thermostat launch —")
    if tokens.lower[end - 1] in _EVENT_TAILS and dash == end:
        other = name_end(tokens, dash + 1)  # "Campaign: Clean Water Week - WaterBridge Foundation": an event first
        if other is not None and (other == line_end or tokens.words[other] in _PART_ENDS) and not is_place_or_platform(
                tokens, dash + 1, other, places):
            return claim_brand(tokens, dash + 1, dash + 1, other)
    return claim_brand(tokens, at, at, end)


# the last word of an event's or a campaign's name, not an advertiser's
_EVENT_TAILS = frozenset({"week", "day", "days", "month", "appeal", "challenge", "drive", "season", "sale", "edition",
                          "tour", "weekend", "night", "fest", "run", "walk", "cup", "awards"})


# words of a title's labels ("CREATOR BRIEF |", "Brief influence –", "MEDIA PLAN NOTE —", "Creator matching:")
_LABEL_WORDS = _TITLE_LABELS | _TITLE_WORDS | frozenset({"objet", "betreff", "asunto", "influence", "media", "plan",
                                                         "note", "matching", "request", "summary", "update", "draft"})
_PART_ENDS = frozenset({"|", "—", "–", ":", "\n"})


def brand_in_title_parts(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'BRIEF | Mercado Libre — Hot Sale 2027', 'Objet : Brief influence – Chocolaterie Marcel (Lyon)', 'Campaign:
    Clean Water Week - WaterBridge Foundation': in a title line opening with labels, the first part that is a name.

    A part is skipped when it is only label words, quoted, an occasion ("Hot Sale 2027", "Clean Water Week") or a
    topic before creators ("Ramadan creators")."""
    line_end = next((j for j in range(len(tokens)) if tokens.words[j] == "\n"), len(tokens))
    bounds = [j for j in range(line_end) if tokens.words[j] in _PART_ENDS or (
        j > 0 and tokens.words[j] == "-" and tokens.ends[j - 1] < tokens.starts[j])]  # a spaced dash, not "Co-op"
    if not bounds or not any(tokens.lower[j] in _LABEL_WORDS - {":", "[", "]"} for j in range(line_end)):
        return None
    labelled = False
    for start, stop in zip([-1, *bounds], [*bounds, line_end], strict=True):
        at = start + 1
        while at < stop and (tokens.lower[at] in _LABEL_WORDS or tokens.words[at] in {"[", "]"}):
            if tokens.words[at] == "[":  # "[CX-5120]", "[Salesforce]": a tracker's tag
                at = next((k for k in range(at, stop) if tokens.words[k] == "]"), stop)
            at += 1
        if at >= stop:
            labelled = True  # "CREATOR BRIEF |", "Re:", "Objet : Brief influence –"
            continue
        if not labelled:
            return None  # the title must open with its labels
        if tokens.words[at] in {"'", '"', "‘", "“"}:
            continue  # a quoted campaign name
        end = name_end(tokens, at)
        if end is None or end > stop or any(tokens.lower[k] in COMMON_OPENERS | NOT_NAMES | OCCASIONS
                                             for k in range(at, end)):
            continue
        if end < stop and (tokens.lower[end] in CREATOR_NOUNS or tokens.words[end][:1].isdigit()):
            continue  # "Ramadan creators", "Hot Sale 2027"
        if is_place_or_platform(tokens, at, end, places):
            continue
        return claim_brand(tokens, at, at, end)
    return None


def brand_opening(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Heineken: 3 Brazilian football creators', 'Nike (AU team) — need 4-5 run club leaders': the brief opens
    with the advertiser's name, then a colon and the ask on the same line, or its team in brackets."""
    end = name_end(tokens, 0)
    if end is None or end >= len(tokens) - 2 or any(tokens.lower[k] in _NOT_OPENING_NAMES for k in range(end)) or (
            is_place_or_platform(tokens, 0, end, places)):
        return None
    asks = tokens.words[end] == ":" and tokens.words[end + 1].isdigit() and bool(
        set(tokens.lower[end + 2:end + 6]) & CREATOR_NOUNS)  # "Heineken: 3 ... creators", not "Cantidad: 20"
    close = next((j for j in range(end + 1, min(end + 6, len(tokens))) if tokens.words[j] == ")"), None)
    team = tokens.words[end] == "(" and close is not None and "team" in tokens.lower[end + 1:close]
    return claim_brand(tokens, 0, 0, end) if asks or team else None


# words that open a brief without naming its advertiser: labels (a form's short ones too: "Qty: 3 | Tier: mega"),
# greetings, common words, the creators
_NOT_OPENING_NAMES = FIELD_LABELS | _LABEL_WORDS | COMMON_OPENERS | NOT_NAMES | GREETINGS | CREATOR_NOUNS | frozenset(
    {"qty", "plat", "tier", "kpi", "kpis", "notes", "asks", "todo"})
