"""Where a brief names a place: the longest place or demonym starting at a token, with its casing rules."""

from __future__ import annotations

from matcher.briefs.brand_words import GREETINGS, MAIL_PREFIXES, ROLE_WORDS
from matcher.briefs.lexicon import (
    AUDIENCE_NOUNS,
    CREATOR_NOUNS,
    FIELD_LABELS,
    NEGATIONS,
    NOT_NAMES,
    PLACE_CUES,
)
from matcher.briefs.place_case import MILLION, cased_ok
from matcher.briefs.place_owner import COMPANY_WORDS
from matcher.briefs.places import PROVINCE_SIZE, SMALL_CITY, Gazetteer, Place
from matcher.briefs.spans import WILL_DO
from matcher.briefs.tokens import BARS, SENTENCE_ENDS, SEPARATORS, Tokens

# words for people that are no place: "Latina beauty creators"
_NOT_PLACES = frozenset({"latina", "latino", "latinas", "latinos", "latinx", "hispanic", "nada", "corona", "sale"})
_MAX_PLACE_TOKENS = 5
_PEOPLE = CREATOR_NOUNS | AUDIENCE_NOUNS  # "polish audience", "polish influencers"
# the brand reader's greetings, with the words that open a letter or thank a person by name
_GREETINGS = GREETINGS | frozenset({"dear", "morning", "thanks", "thx"})
# demonyms that are also everyday lower-case words
_WORD_DEMONYMS = frozenset({"polish", "french", "swiss", "danish", "china", "turkey"})


def mention_at(tokens: Tokens, i: int, places: Gazetteer) -> tuple[int, Place | None, tuple[str, ...] | None]:
    """The longest place or demonym starting at token i: (length, place, demonym countries).

    A compass word before a country or region names a part of it ("South West England", "North India")."""
    if style_origin(tokens, i):
        return 3, None, _STYLE_ORIGINS[tokens.words[i]]  # "K-beauty", "J-pop"
    if tokens.lower[i + 1:i + 3] == ["-", "to"]:
        return 0, None, None  # "Nice-to-haves": a compound, not a place
    if tokens.lower[i - 1:i] != [] and tokens.lower[i - 1] in _GREETINGS and tokens.words[i + 1:i + 2] in (
            [","], ["—"], ["–"], ["-"], ["!"], ["\n"]):
        return 0, None, None  # "Hi Jordan,", "Hey Georgia —": the person written to
    if tokens.lower[i:i + 1] != [] and tokens.lower[i] in GREETINGS and tokens.sentence_start(i) and tokens.words[
            i + 1:i + 2] in ([","], ["!"]):
        return 0, None, None  # "Salem!" (Kazakh), not the Indian city
    found = _name_at(tokens, i, places)
    if found[0] and _inside_a_name(tokens, i, i + found[0]):
        return 0, None, None
    if i + 1 < len(tokens) and tokens.words[i] in {"Metro", "Greater"} and found[0] <= 1:
        n, place, _ = _name_at(tokens, i + 1, places)  # "Metro Detroit", "Greater Vancouver": the city's area
        if n and place is not None and place.kind in {"city", "subdivision"}:
            return n + 1, place, None
    if found[0] or i + 1 >= len(tokens) or tokens.lower[i] not in _COMPASS or not tokens.words[i][0].isupper():
        return found
    at = i + 1 + (tokens.lower[i + 1] in _COMPASS and i + 2 < len(tokens))
    n, place, _ = _name_at(tokens, at, places)
    if n and place is not None and place.kind in {"country", "region", "subdivision"} and not place.ambiguous:
        return at - i + n, place, None
    return found


# nouns after a demonym that make one word of the two, with no country in it ("Dutch oven", "French press")
IDIOMS = [[word] for word in ("oven", "ovens", "fries", "press", "toast", "delight", "pastry", "pastries", "braid",
                               "horn", "kiss", "dressing", "bulldog", "bulldogs", "manicure", "roulette", "knot")]
_STYLE_ORIGINS = {"K": ("KR",), "J": ("JP",), "C": ("CN",)}
_STYLES = frozenset({"beauty", "pop", "drama", "dramas", "food", "fashion", "skincare", "style", "culture", "cuisine",
                     "makeup"})


def style_origin(tokens: Tokens, i: int) -> bool:
    """'K-beauty', 'J-pop': a style named by its country's initial."""
    return (i < len(tokens) and tokens.words[i] in _STYLE_ORIGINS and tokens.words[i + 1:i + 2] == ["-"]
            and tokens.lower[i + 2:i + 3] != [] and tokens.lower[i + 2] in _STYLES)


_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
                      "southwest", "upstate", "coastal", "rural"})


def _name_at(tokens: Tokens, i: int, places: Gazetteer) -> tuple[int, Place | None, tuple[str, ...] | None]:
    if i >= min(tokens.signoff, len(tokens)) or not places.starts_a_name(tokens.words[i]):
        return 0, None, None
    for n in range(min(_MAX_PLACE_TOKENS, len(tokens) - i), 0, -1):
        if not tokens.free(i, i + n) or tokens.is_punct(i) or tokens.is_punct(i + n - 1):
            continue
        text = tokens.span_text(i, i + n)
        # "in March" is a month, "Latina" a person
        place = places.place(text) if text.lower() not in NOT_NAMES and text.lower() not in _NOT_PLACES else None
        cued = bool(tokens.phrase_ending(i, PLACE_CUES)) or tokens.lower[i - 1:i] == ["from"]
        if place is not None and place.population < SMALL_CITY and (not cued or not tokens.words[i][0].isupper()):
            place = None
        if place is not None and text.lower() == "the states" and tokens.lower[i + n:i + n + 1] == ["of"]:
            place = None  # "in the states of São Paulo and Minas Gerais": a country's states, not the US
        if place is not None and place.kind == "code" and i + n < len(tokens) and tokens.words[i + n].isdigit():
            place = None  # "the e-bike model RW 750": a model number
        if place is not None and place.kind == "code" and i > 0 and tokens.words[i - 1].isdigit() and (
                tokens.ends[i - 1] == tokens.starts[i]):
            place = None  # "512GB": a unit glued to its number
        if place is not None and place.kind == "code" and ((text.lower() in CREATOR_NOUNS and not cued) or (
                text.lower() in MAIL_PREFIXES and tokens.words[i + n:i + n + 1] == [":"] and (
                    tokens.words[i - 1:i] == [":"]))):
            place = None  # "DJ creators": a DJ, not Djibouti; "Subject: AW: ...": a reply's prefix, not Aruba
        if place is not None and place.foreign and not tokens.words[i][0].isupper() and not cued:
            place = None  # "chili-growing creators": another language's name for Chile, in lower case, uncued
        if place is not None and place.kind == "subdivision" and n == 1 and place.population == PROVINCE_SIZE and (
                i + 1 < len(tokens) and tokens.words[i + 1][:1].isupper() and tokens.words[i + 1].isalpha()
                and places.place(tokens.words[i + 1]) is None and not tokens.words[i + 1].isupper()):
            place = None  # "a Lake District outdoor brand": a province's one word inside a longer name
        demonym = places.demonym(text)
        if place is not None and place.foreign and demonym is not None and not cued:
            place = None  # "An Argentine yerba mate brand": the English demonym, not French for the country
        if place is not None and cased_ok(tokens, i, n, place):
            return n, place, None
        # "polish influencers" names the creators ("nail polish influencers" does not)
        # "french beauty creators", "8 polish gaming creators": one niche word may come between
        people = tokens.lower[i + n:i + n + 1] and (tokens.lower[i + n] in _PEOPLE or (
            tokens.lower[i + n + 1:i + n + 2] and tokens.lower[i + n + 1] in CREATOR_NOUNS and tokens.words[
                i + n].isalpha() and [tokens.lower[i + n]] not in IDIOMS)) and tokens.lower[
            i - 1:i] not in (["nail"], ["shoe"], ["furniture"], ["french"])
        # "a french brand of candles": a company's origin, offered as a suggestion (not "a nail polish brand")
        origin = tokens.lower[i + n:i + n + 1] in (["brand"], ["company"], ["label"], ["startup"]) and (
            text.lower() != "polish")
        if demonym is not None and (tokens.words[i][0].isupper() or people or origin or (
                text.lower() not in _WORD_DEMONYMS and not tokens.is_punct(i))):
            return n, None, demonym
    return 0, None, None


def after_read_item(tokens: Tokens, segment_start: int) -> bool:
    """The segment follows a comma after an item read as another constraint ("10k to 100k followers, Canada.",
    "Instagram only, Italy.") or naming the creators ("8 creators on Instagram and YouTube, US + Canada."): the
    last item of a list of constraints, though a full stop ends it."""
    if segment_start < 2 or tokens.words[segment_start - 1] != ",":
        return False
    previous = range(tokens.segment(segment_start - 2)[0], segment_start - 1)
    kinds = {tokens.claimed[j] for j in previous if tokens.lower[j] not in _ITEM_FILLERS}
    return (None not in kinds or any(tokens.lower[j] in CREATOR_NOUNS for j in previous)) and not kinds & {
        "countries", "suggested_countries"}


# the roles that end a job title ("Brand Manager", "Head of Growth"), not the departments ("Marketing")
_JOB_TITLES = ROLE_WORDS - {"marketing", "pr", "comms", "communications", "brand", "social", "partnerships", "owner",
                            "team", "mgmt"}
_ITEM_FILLERS = frozenset({"only", "please", "pls", "and", "or", "&", "+", "both"})  # "Instagram only, Italy."


def people_of(tokens: Tokens, start: int, people: frozenset[str]) -> bool:
    """'cat influencers of Japan and Korea', 'influencers of Mexico City': creators of a place live there."""
    return start > 1 and tokens.lower[start - 1] == "of" and tokens.lower[start - 2] in people


def place_list_item(tokens: Tokens, start: int, end: int) -> bool:
    """The places at [start, end) make an item of a list of constraints, not words inside a sentence.

    The item is the places alone, or with words already read ("LATAM Spanish-speaking", "Spanish-speaking US"),
    after a comma, colon, bullet or line start ("IG | micro | Japan"), closed by anything but a full stop, unless
    it is the last item after another constraint ("10k to 100k followers, Canada.") or the whole sentence ("US or
    Canada."); or it follows a field label ("Markets: France"); or the brief says the place will do ("but Canada is
    fine too"); or it ends an item of a keyword brief written with bars.
    """
    if tokens.phrase_at(end, WILL_DO):
        return True
    if start > 1 and tokens.words[start - 1] == "," and tokens.lower[start - 2] in _JOB_TITLES:
        return False  # "Mariana R. – Brand Manager, Guadalajara": where the writer works
    if tokens.written_with_bars and (end >= len(tokens) or tokens.words[end] in _ITEM_CLOSERS) and (
            tokens.lower[start - 1:start] != ["to"]):
        return True  # "halal burger joint Cairo | 2 branches | IG reels", "... | 25k-150k | texas"
    segment_start, segment_end = tokens.segment(start)[0], tokens.segment(end - 1)[1]
    if segment_start > 1 and tokens.lower[segment_start - 1] == ":" and tokens.lower[segment_start - 2] in FIELD_LABELS:
        return True
    whole_sentence = segment_start == 0 or tokens.words[segment_start - 1] in SENTENCE_ENDS
    closes = (segment_end >= len(tokens) or tokens.words[segment_end] != "." or after_read_item(tokens, segment_start)
              or whole_sentence)
    rest_read = segment_end > end and not any(tokens.free(j, j + 1) for j in range(end, segment_end))
    read_before = segment_start < start and all(
        tokens.claimed[j] not in {None, "max_price_per_post", "campaign_budget"}  # "40.000 TL": a currency
        for j in range(segment_start, start))
    in_list = segment_start == 0 or tokens.words[segment_start - 1] in SEPARATORS | SENTENCE_ENDS
    return (segment_start == start or read_before) and (segment_end == end or rest_read) and in_list and closes


def ruled_out(tokens: Tokens, start: int, end: int | None = None) -> bool:
    """'not in the Netherlands', 'except Belgium', 'no UK', 'Is not for Spain this time', 'Norway is OUT', 'Iceland
    not needed': the brief names the place to leave it out."""
    if end is not None and tokens.phrase_at(end, _OUT_AFTER):
        return True
    before = start - tokens.phrase_ending(start, PLACE_CUES)
    while before > 1 and tokens.lower[before - 1] in _RULED_OUT_WHO:
        before -= 1  # "excluding anyone in Canada", "except creators from Korea"
    return before > 0 and tokens.lower[before - 1] in NEGATIONS


_RULED_OUT_WHO = frozenset({"anyone", "anybody", "creators", "those", "people", "influencers", "the", "for", "from"})
_OUT_AFTER = (("is", "out"), ("are", "out"), ("not", "needed"), ("is", "not", "needed"), ("are", "not", "needed"),
              ("is", "handled", "by", "a", "separate"), ("is", "excluded"), ("are", "excluded"), ("excluded",))


def code_follows(tokens: Tokens, at: int) -> bool:
    """A two-letter country code in capitals comes next, after at most a joiner ('IT + FR', 'IT ES')."""
    at += at < len(tokens) and tokens.lower[at] in {",", "and", "or", "&", "/", "+", "plus"}
    return at < len(tokens) and len(tokens.words[at]) == 2 and tokens.words[at].isupper() and tokens.words[at].isalpha()


def asks_for_locals(tokens: Tokens) -> bool:
    """The brief asks for local creators ('local creators', 'local foodies', 'locals')."""
    return any(low in {"local", "locals"} and (low == "locals" or tokens.near_before(
        min(j + 4, len(tokens)), CREATOR_NOUNS | AUDIENCE_NOUNS, 3) is not None) for j, low in enumerate(tokens.lower))


# one tuple for the phrase index (Tokens keeps an index per phrase list object)
_DISTRICT_CUES = (*PLACE_CUES, ("from",))


def district_before(tokens: Tokens, start: int, places: Gazetteer) -> int:
    """'in Kadıköy, Istanbul', 'from Thủ Đức, Sài Gòn': a capitalized word no gazetteer knows, a comma, then the
    city; the place's phrase (and its cue) starts at the district."""
    if (start > 2 and tokens.words[start - 1] == "," and tokens.is_capitalized(start - 2)
            and tokens.words[start - 2].isalpha() and places.place(tokens.words[start - 2]) is None
            and tokens.free(start - 2, start) and tokens.phrase_ending(start - 2, _DISTRICT_CUES)):
        return start - 2
    return start


def _inside_a_name(tokens: Tokens, start: int, end: int) -> bool:
    """'Oral-B', 'Mercedes-Benz', 'GN-MKT-5521': a place's name joined by a hyphen to a capital or a code is part
    of another name; 'DM me' is a direct message, not Dominica."""
    if end + 1 < len(tokens) and tokens.words[end] == "-" and tokens.ends[end - 1] == tokens.starts[end] == (
            tokens.ends[end] - 1) and tokens.starts[end + 1] == tokens.ends[end]:
        following = tokens.words[end + 1]
        return (following[:1].isupper() or following[:1].isdigit()) and following.lower() not in {
            "based", "born", "made", "raised", "grown", "bred", "area", "region", "wide"}  # "UK-BASED" is a place
    if tokens.words[end:end + 1] != [] and tokens.words[end] in _LANDMARKS and tokens.words[start][:1].isupper():
        return True  # "in the Phoenix Park", "Paris Street", "Jordan River": a landmark's name, not the place
    return tokens.words[start] == "DM" and tokens.lower[end:end + 1] in (["me"], ["us"], ["on"], ["for"], ["if"])


_ITEM_CLOSERS = BARS | {"\n"}
# capitalized words after a place's name that make the two a landmark's name
_LANDMARKS = frozenset({"Park", "Square", "Street", "Road", "Avenue", "Stadium", "Arena", "Hall", "Bridge", "Market",
                        "Gardens", "Beach", "Airport", "Station", "Marathon", "Half", "Velodrome", "Palace", "Castle"})


# before a demonym that is also a language, these make it the topic ("an app that teaches Japanese")
_TOPIC_VERBS = frozenset({"learn", "learning", "teach", "teaches", "teaching", "study", "studying", "practise",
                          "practice", "learners"})


_HOME_NOUNS = COMPANY_WORDS | {"house", "maker", "makers", "roaster", "brewer", "stand", "stall", "spot", "property",
                               "school", "kitchen", "truck"}


def not_a_place(tokens: Tokens, start: int, place: Place | None, demonym: tuple[str, ...] | None, cued: bool) -> bool:
    """Words that only look like a place where nothing says they are one: no suggestion for them.

    An upper-case code outside a place list ("SN Home 10 kWh"), a sentence-opening word with no place cue
    ("Nice to meet you"), a language that is the topic ("an app that teaches Japanese").
    """
    if place is not None and (place.kind == "code" or place.foreign) and not cued:
        return True  # "SN Home 10 kWh", "Cześć Kuba": codes and other languages' names need a cue
    if place is not None and start > 1 and tokens.lower[start - 1] == "of" and tokens.claimed[start - 2] == "brand":
        return False  # "Sakura-dō Stationery of Osaka": where the advertiser is
    if place is not None and not cued and place.kind in {"city", "subdivision"} and tokens.lower[
            start + 1:start + 3] != ["-", "style"]:  # "Texas-style BBQ": a style's origin, offered
        # a city in passing ("Nice to meet you"), unless the advertiser's ("A Kyoto matcha tea house", "A Detroit ..."),
        # or a city of a million ("Edinburgh welcomes ...", "come Busan") but not the writer's office ("Berlin team")
        big = place.kind == "city" and place.population >= MILLION and tokens.lower[start + 1:start + 2] not in (
            ["team"], ["office"], ["hq"]) and tokens.lower[start - 1:start] != ["that"]  # "(yes, that Paris)"
        # "Our Osaka takoyaki stand", "our new Kraków brunch spot": the advertiser's own place, offered
        ours = tokens.near_before(start, {"our", "my"}, 2) is not None
        opens = tokens.lower[start - 1:start] in (["a"], ["an"]) and tokens.sentence_start(start - 1)
        return not big and not ours and not opens and not any(
            tokens.lower[j] in _HOME_NOUNS for j in range(start + 1, min(start + 7, len(tokens))))
    return demonym is not None and start > 0 and tokens.lower[start - 1] in _TOPIC_VERBS


def qualified_place(tokens: Tokens, end: int, place: Place | None, places: Gazetteer) -> tuple[Place | None, int]:
    """'Cambridge (MA)': a US state code in brackets after a place says which one it is."""
    if (place is not None and place.ambiguous and tokens.words[end:end + 1] == ["("] and end + 2 < len(tokens)
            and tokens.words[end + 2] == ")" and places.state_codes.get(tokens.words[end + 1]) == "US"):
        tokens.claim(end, end + 3, "countries")
        return Place(place.name, ("US",), place.kind, population=place.population), end + 3
    # "Plano TX", "Asheville, NC", "Richmond BC", "Edmonton, AB": a state or province code after a city
    at = end + (tokens.words[end:end + 1] == [","])
    code = tokens.words[at] if at < len(tokens) else ""
    country = places.state_codes.get(code)
    closed = at + 1 >= len(tokens) or tokens.is_punct(at + 1) or tokens.words[at + 1].isdigit() or not tokens.words[
        at + 1][:1].isupper()
    # "Victoria, BC": a code after a name of several places says which one (Canada's city, not Australia's state)
    if place is not None and place.kind in {"city", "subdivision"} and country is not None and closed and (
            country in place.countries or (place.ambiguous and place.kind == "subdivision")):
        tokens.claim(end, at + 1, "countries")
        return Place(place.name, (country,), place.kind, population=place.population), at + 1
    return place, end
