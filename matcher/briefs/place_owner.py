"""Whose place a brief names: the advertiser's own ("we make tequila in Jalisco"), a title's, or the creators'."""

from __future__ import annotations

from matcher.briefs.brand_cues import BRAND_VERBS
from matcher.briefs.lexicon import AUDIENCE_NOUNS, CREATOR_NOUNS, REQUEST_WORDS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

_PEOPLE = CREATOR_NOUNS | AUDIENCE_NOUNS
_SELF_WORDS = frozenset({"we", "we're", "our", "i", "i'm", "us", "my"})
COMPANY_WORDS = frozenset("""brand company startup label agency shop store studio roastery bakery brewery distillery
manufacturer maker chain retailer publisher firm clinic restaurant hotel installer edtech fintech app house group
platform café cafe bar winery vineyard co-op cooperative farm boutique salon spa gym franchise museum gallery
pharmacy airline theatre theater venue board council bank charity trust exporter importer dealer hostel riad
workshop atelier taverna resort lodge guesthouse school academy
dealership university nonprofit non-profit ngo organisation organization authority office headquarters hq""".split())


_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”"})


def quoted(tokens: Tokens, start: int, end: int) -> bool:
    """"'Spring in Japan' campaign": the place is inside quotation marks on its line, a title's words."""
    line = tokens.clause_start(start)
    before = sum(tokens.words[j] in _QUOTES for j in range(line, start))
    after = next((j for j in range(end, min(end + 8, len(tokens))) if tokens.words[j] in _QUOTES | {"\n"}), None)
    return before % 2 == 1 and after is not None and tokens.words[after] in _QUOTES


_MAKE_VERBS = frozenset({"make", "makes", "making", "produce", "produces", "producing", "brew", "brews", "grow",
                         "grows", "sell", "sells", "bake", "bakes", "roast", "roasts", "distil", "distill", "craft",
                         "crafts", "design", "designs", "manufacture", "manufactures", "build", "builds", "run", "runs",
                         "operate", "operates", "do", "create", "creates"})


_ADVERTISER_NOUNS = frozenset({"client", "company", "brand", "they"})


def made_there(tokens: Tokens, cue_start: int) -> bool:
    """'we make tequila in Jalisco', 'We produce Turkish delight, baklava and desserts in Istanbul': our origin.

    In the same sentence, 'we' (or 'our') and a making verb before the place, with no creator or audience
    noun between them.
    """
    j = cue_start - 1
    while j >= 0 and cue_start - j <= 14 and tokens.words[j] not in SENTENCE_ENDS | {"\n"}:
        if tokens.lower[j] in CREATOR_NOUNS or tokens.lower[j] in AUDIENCE_NOUNS:
            return False
        # "we make", "the client make(s)": the advertiser's own making
        verb = j + 1 + (tokens.lower[j + 1:j + 2] in (["are"], ["'re"], ["have"], ["'ve"], ["been"]))
        if (tokens.lower[j] in _SELF_WORDS | _ADVERTISER_NOUNS) and tokens.lower[verb:verb + 1] and (
                tokens.lower[verb] in _MAKE_VERBS | {"been", "making", "brewing", "growing", "producing", "selling"}):
            return True
        j -= 1
    return False


def said_of_advertiser(tokens: Tokens, cue_start: int) -> bool:
    """'we are based in', 'a clinic chain in Seoul wants': the place is the advertiser's, not the creators'.

    The shop's own name may stand between ('ramen shop "Menya Kotetsu" in Osaka', 'perfume shop in Khan el-Khalili
    in Cairo'), and the advertiser may be the subject of the request ('A hostel in Medellín with 60 beds wants')."""
    j = cue_start - 1
    while j >= 0 and tokens.lower[j] in {"based", "located", "headquartered", "currently", "also", "all", "now",
                                          "are", "'re", "am", "is", "'m", "still", "mainly", "mostly"}:
        j -= 1
    while j > 0 and (tokens.lower[j] not in _PEOPLE or _named(tokens, j)) and (tokens.words[j] in _QUOTES or (
            tokens.is_capitalized(j) and not tokens.sentence_start(j)) or (
            tokens.lower[j] == "in" and tokens.is_capitalized(j + 1)) or tokens.words[j] == "-"):
        j -= 1  # the shop's name, or the quarter it is in
    if j < 0:
        return False
    return tokens.lower[j] in _SELF_WORDS or tokens.lower[j] in COMPANY_WORDS or _subject_of_request(tokens, cue_start)


def _named(tokens: Tokens, j: int) -> bool:
    """A capitalized word after another inside a sentence is part of a name ("agency Stella Talent in Milano")."""
    return tokens.is_capitalized(j) and tokens.is_capitalized(j - 1) and not tokens.sentence_start(j - 1) and (
        tokens.words[j - 1].isalpha())


def _subject_of_request(tokens: Tokens, cue_start: int) -> bool:
    """'A hostel in Medellín with 60 beds wants backpacker creators': the place is in the sentence's subject, before
    its first verb of asking (the brand reader's `BRAND_VERBS`), with no creator or audience noun before it."""
    start = tokens.clause_start(cue_start)
    if any(tokens.lower[j] in _PEOPLE or tokens.lower[j] in REQUEST_WORDS for j in range(start, cue_start)):
        return False
    for j in range(cue_start + 1, min(cue_start + 12, len(tokens))):
        if tokens.words[j] in SENTENCE_ENDS | {"\n", ";"} or tokens.lower[j] in _PEOPLE:
            return False
        if tokens.phrase_at(j, BRAND_VERBS):
            return tokens.lower[start] in {"a", "an", "the", "our"}
    return False


def self_described(tokens: Tokens, at: int, clause: bool = False) -> bool:
    """'We are Anka Tekstil, towel producer since 1987 from Denizli': 'from' ends the advertiser's description.

    'we are' (or 'I am', 'this is') opens the sentence before it, with no creator or audience noun between
    but the maker nouns ('producer'). With `clause`, it opens the same clause and says what the advertiser is,
    not what it does: 'we are tourism office of small island in Greece', not 'we are planning a push in the
    Nordics' or 'We are X, we install panels in Cebu'."""
    j = at - 1
    stops = SENTENCE_ENDS | {"\n", ","} if clause else SENTENCE_ENDS | {"\n"}
    while j > 0 and at - j <= 16 and tokens.words[j] not in stops:
        if (tokens.lower[j] in _PEOPLE and tokens.lower[j] not in _MAKER_NOUNS) or (
                tokens.lower[j] in REQUEST_WORDS):
            return False
        if tokens.lower[j - 1:j + 1] in (["we", "are"], ["i", "am"], ["this", "is"]) or tokens.lower[j] == "we're":
            return not (clause and j + 1 < at and tokens.lower[j + 1].endswith("ing"))
        j -= 1
    return False


_MAKER_NOUNS = frozenset({"producer", "producers", "maker", "makers", "artisan", "artisans"})


# what a business has in a place ("14 cafés in munich", "9 locations in Lviv", "car washing center in Coimbatore"),
# and who else may sit there ("angels in london", "the market lead sits in Singapore")
_VENUE_NOUNS = COMPANY_WORDS | frozenset("""cafés cafes shops stores restaurants studios clinics hotels salons gyms
locations location outlets outlet branches branch showroom showrooms centre center centres centers pastane kitchen
bakeries breweries boutiques pharmacies
factory warehouse offices service services angels investors lead run race marathon""".split())
_EVENT_OPENERS = frozenset({"at", "to", "won", "attend", "attending"})


def venue_before(tokens: Tokens, cue_start: int, end: int) -> bool:
    """'we have 14 cafés in munich', 'Slush in Helsinki', 'flying creators out to EVO 2025 in Las Vegas', 'in the
    Hamburg office': the place is where a business, its people or an event are, not where the creators are."""
    j = cue_start - 1
    if tokens.lower[end:end + 1] in (["office"], ["offices"], ["hq"], ["headquarters"], ["showroom"]):
        return True
    if j < 1:
        return False
    if tokens.lower[j] in _VENUE_NOUNS:
        return tokens.lower[j - 1] not in _PEOPLE
    # an event's name after 'at' or 'to': "speaking at SaaStr Annual in San Francisco", "EVO 2025 in Las Vegas"
    k = j
    while k > 0 and cue_start - k <= 4 and (tokens.is_capitalized(k) or tokens.words[k].isdigit()):
        k -= 1
    return k < j and tokens.lower[k] in _EVENT_OPENERS and not tokens.sentence_start(k + 1) and not tokens.words[
        k + 1].isdigit() and not any(  # "we're at 412 Danforth Ave in Toronto": an address, the advertiser's own
        tokens.lower[x] in CREATOR_NOUNS for x in range(k + 1, j + 1))  # "ask to Tiktoker in Indonesia": creators


_DESTINATION_BRANDS = frozenset({"visit", "discover", "explore", "destination", "tourism", "turismo", "go"})


def place_in_brand(brand: Reading | None, places: Gazetteer) -> list[Reading]:
    """'Visit Faroe Islands', 'Visit Tbilisi': a tourism board's name offers its place (the destination)."""
    words = brand.value.split() if brand is not None else []
    if len(words) < 2 or words[0].lower() not in _DESTINATION_BRANDS:
        return []
    place = places.place(" ".join(words[1:]))
    if brand is None or place is None or place.ambiguous:
        return []
    return [Reading("countries", tuple(place.countries), brand.phrase, brand.start, brand.end, applied=False,
                    note="a destination or an origin, not where the creators are")]


# a form's label of the trip, not of the creators: "Property: Landaa Giraavaru, Maldives", "Event: ... (France)"
_TRIP_LABELS = frozenset("""property event venue destination destinations hotel resort route itinerary ship cruise
trip tour shoot filming stay""".split())


def on_trip_line(tokens: Tokens, start: int) -> bool:
    """The place is on a line a form labels as the property, event, venue or route the creators travel to."""
    line = start
    while line > 0 and tokens.words[line - 1] != "\n":
        line -= 1
    return tokens.lower[line] in _TRIP_LABELS and tokens.words[line + 1:line + 2] == [":"] and line + 1 < start

