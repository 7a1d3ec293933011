"""The advertiser named by the people who write for it: 'Met Museum digital team here', 'the only marketer at
Northern Trail Outfitters', 'we at Frostbyte', 'our falafel chain, Falafel Farouk', 'Restaurant name: Sufra Nights'.

Each reader needs the name to be said of the writer's own side (a team line, a job "at" it, "our" or "a" before
what the business is), so a name in passing ("creators who love Nike") is not read.
"""

from __future__ import annotations

from matcher.briefs.brand_cues import BRAND_VERBS, GENERIC_ADVERTISERS
from matcher.briefs.brand_layout import claim_brand, reading_span
from matcher.briefs.brand_shapes import model_code
from matcher.briefs.brand_words import ADVERTISER_NOUNS, COMMON_OPENERS, COMPANY_NOUNS, GREETINGS, OCCASIONS, ROLE_WORDS
from matcher.briefs.lexicon import CREATOR_NOUNS, NOT_NAMES
from matcher.briefs.place_owner import COMPANY_WORDS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import clean_name, is_place_or_platform, name_end
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import SENTENCE_ENDS, Tokens

# what kind of team a name may have before "team" ("Met Museum digital team here", "- Fender social team")
_TEAM_KINDS = frozenset({"digital", "social", "marketing", "brand", "content", "partnerships", "comms", "pr",
                         "growth", "creative", "influencer", "media", "community", "ecommerce", "e-commerce"})
# jobs a writer holds "at" the advertiser, beside ROLE_WORDS ("the only marketer at X", "I run growth at X")
_JOBS = ROLE_WORDS | {"marketer", "growth", "analyst", "strategist", "associate"}
# words that end a product's or a campaign's name after the brand's ("Walkers Brand", "Booking.com KPIs")
_CUT_WORDS = frozenset({"brand", "kpis", "campaign", "launch", "edition", "range", "collection", "series"})
_PRODUCT_WORDS = NOT_NAMES | OCCASIONS | _CUT_WORDS | frozenset("""oil serum cream shampoo lotion drink drops tea coffee
bar bars chips snack snacks card kit box range collection spray mask gel balm soap juice beer gin wine vodka whisky
sauce spritz strips toothpaste sneaker sneakers shoe shoes jacket watch phone headphones earbuds mattress pillow
candle candles cereal granola yogurt milk protein powder vitamins supplement supplements""".split())
# kinds of business a name may follow ("our falafel chain, X", "Restaurant name: X")
_BUSINESS_NOUNS = COMPANY_NOUNS | ADVERTISER_NOUNS
_NAMED_KINDS = _BUSINESS_NOUNS | {"business"}
_ROLES_IN_BRACKETS = _JOBS | _TEAM_KINDS  # "Mega Image here (marketing)"
_CLOSERS = frozenset({",", ".", "!", "?", "(", ")", "\n", ";", ":", "—", "–", "|"})


def brand_of_team(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Hi all, Met Museum digital team here.', '- Fender social team': a name, its team, then the line ends."""
    for i in range(len(tokens) - 1):
        if not tokens.is_capitalized(i) or tokens.is_punct(i) or tokens.lower[i] in COMMON_OPENERS:
            continue
        before = tokens.lower[i - 1] if i > 0 else ""
        greeted = i > 1 and before == "," and tokens.near_before(i - 1, GREETINGS, 3) is not None
        if not (i == 0 or tokens.sentence_start(i) or greeted or before == "the"):
            continue
        end = name_end(tokens, i)
        if end is None or end >= len(tokens):
            continue
        # "from the Frutissima juice team": after 'the', what the brand sells may name its team
        product_team = before == "the" and tokens.words[end].isalpha() and tokens.words[end].islower() and (
            tokens.lower[end] != "team")  # not "the Glossier team" itself
        team = end + (tokens.lower[end] in _TEAM_KINDS or product_team)
        if tokens.lower[team:team + 1] != ["team"]:
            continue
        after = team + 1
        closed = after >= len(tokens) or tokens.lower[after] == "here" or tokens.words[after] in _CLOSERS
        # "the Dr Pepper team wants ideas", "Swiggy Instamart team needs", "From the Visit Lofoten team"
        acts = tokens.phrase_at(after, BRAND_VERBS) > 0 or tokens.lower[max(i - 2, 0):i] == ["from", "the"]
        # "Bondi Brew team here" needs its 'here'; a kind of team says it on its own ("- Fender social team")
        said = team > end or tokens.lower[after:after + 1] == ["here"] or acts
        if (closed or acts) and said and not is_place_or_platform(
                tokens, i, end, places):
            return claim_brand(tokens, i, i, end)
    return None


def brand_at_work(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'I'm the only marketer at Northern Trail Outfitters', 'I run growth at Lumen Academy', 'we at Frostbyte
    are ...', 'We're a team of 6 at Rove Socks': the writer's job or team 'at' the advertiser."""
    for j in range(1, len(tokens) - 1):
        if tokens.lower[j] != "at" or not tokens.is_capitalized(j + 1):
            continue
        before = tokens.lower[j - 1]
        writer = before == "we" or (before in _JOBS and _said_by_writer(tokens, j - 1)) or (
            before.isdigit() and tokens.lower[max(j - 3, 0):j - 1] == ["team", "of"])
        if not writer:
            continue
        end = name_end(tokens, j + 1)
        if end is None or is_place_or_platform(tokens, j + 1, end, places):
            continue
        if end < len(tokens) and not (tokens.words[end] in _CLOSERS or tokens.lower[end] in {"are", "is", "we", "and"}
                                      or (before == "we" and tokens.phrase_at(end, BRAND_VERBS))):  # "We at X want"
            continue
        return claim_brand(tokens, j, j + 1, end)
    return None


def _said_by_writer(tokens: Tokens, at: int) -> bool:
    """'I'm the (new) ... <job>', 'I run <job>': the job is the writer's own, in the same sentence."""
    for k in range(at - 1, max(at - 8, -1), -1):
        if tokens.words[k] in SENTENCE_ENDS:
            return False
        if tokens.lower[k] in {"i", "i'm", "im", "myself"}:
            return True
    return False


def brand_apposed(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'our falafel chain, Falafel Farouk.', 'A Riyadh fintech, Wafra Pay (120 employees)', 'Our client, skincare
    brand Mellow Jeju, will ...': what the advertiser is, then its capitalized name closed by punctuation."""
    for i in range(1, len(tokens) - 2):
        if tokens.lower[i] not in _BUSINESS_NOUNS or tokens.lower[i] in GENERIC_ADVERTISERS - COMPANY_NOUNS:
            continue
        at = i + 1 + (tokens.words[i + 1] == ",")
        if at >= len(tokens) or not tokens.is_capitalized(at) or tokens.lower[at] in COMMON_OPENERS:
            continue
        owner = _owner_before(tokens, i)
        if owner is None or (at == i + 1 and tokens.lower[owner] not in {"client", "client's"}):
            continue  # "skincare brand Mellow Jeju" needs the client's comma before it; "a brand, Nike," a comma
        end = name_end(tokens, at)
        if end is None or is_place_or_platform(tokens, at, end, places):
            continue
        if any(tokens.lower[k] in STOP_WORDS for k in range(at, end)):
            continue
        closed = end >= len(tokens) or tokens.words[end] in {",", ".", "(", "!", ")", "\n", ";"} or bool(
            tokens.phrase_at(end, BRAND_VERBS))
        if closed:
            return claim_brand(tokens, at, at, end)
    return None


def _owner_before(tokens: Tokens, i: int) -> int | None:
    """'our', 'a', 'an' or 'client' within five words before the kind of business, in the same clause."""
    for k in range(i - 1, max(i - 6, -1), -1):
        if tokens.words[k] in SENTENCE_ENDS or (tokens.words[k] == "," and tokens.lower[k - 1:k] != ["client"]):
            return None
        if tokens.lower[k] in {"our", "a", "an", "client", "my"}:
            return k
    return None


def brand_named(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Restaurant name: Sufra Nights', "brand name 'ChaYen Club'": a business's name given as its name."""
    for i in range(len(tokens) - 2):
        if tokens.lower[i] not in _NAMED_KINDS or tokens.lower[i + 1] != "name":
            continue
        at = i + 2 + (tokens.words[i + 2] in {":", "-", "="})
        quote = tokens.words[at] in {"'", '"', "‘", "“"} if at < len(tokens) else False
        at += quote
        end = name_end(tokens, at, allow_lower=quote) if at < len(tokens) else None
        if end is not None and not is_place_or_platform(tokens, at, end, places):
            return claim_brand(tokens, i, at, end)
    return None


def as_named_elsewhere(tokens: Tokens, reading: Reading) -> Reading:
    """'Aperol Spritz Summer 2027' is 'Aperol' when the brief names 'Aperol' on its own elsewhere: the words after
    it are a product or a campaign ("Smirnoff Spicy Tamarind", "NIDO Fortified", "Vichy Minéral").

    The shortest such first part wins; it must be a capitalized name the brief writes again, followed by no
    other capitalized word, so "Kite Mobile SIM-only" is "Kite Mobile" only where "Kite Mobile" stands alone."""
    start, end = reading_span(tokens, reading)
    for cut in range(start + 1, end):
        if not tokens.is_capitalized(cut - 1) or tokens.lower[cut - 1] in COMMON_OPENERS or tokens.is_punct(cut - 1):
            continue
        if tokens.is_punct(cut) and tokens.words[cut] not in {"'s", "’s"}:
            continue  # "Booking.com", "Oral-B": one word split in tokens
        words, width = tokens.words[start:cut], cut - start
        again = any(tokens.words[j:j + width] == words and (
            j + width >= len(tokens) or not tokens.is_capitalized(j + width) or tokens.is_punct(j + width)) and (
            tokens.words[j + width:j + width + 1] not in (["'s"], ["’s"]) or tokens.words[cut] not in {"'s", "’s"})
            for j in range(len(tokens) - width + 1) if not start - width < j < end)
        # the words cut are a product's or a campaign's: a code, a season or an occasion, a generic word
        rest = range(cut, end)
        product = any(any(c.isdigit() for c in tokens.words[j]) or tokens.lower[j] in _PRODUCT_WORDS
                      or model_code(tokens.words[j]) for j in rest)
        if again and product:
            for j in range(cut, end):
                tokens.claimed[j] = None
            return Reading("brand", clean_name(tokens, start, cut), tokens.span_text(start, cut), reading.start,
                           tokens.ends[cut - 1], reading.applied, reading.note)
    return reading


# labels a form or a deck puts before the advertiser's name ("Org: Elephant Pathways")
# ("Business name: X" and "Advertiser name: X" are brand_named's)
_NAME_LABELS = (("org", ":"), ("organisation", ":"), ("organization", ":"), ("business", ":"), ("shop", ":"),
                ("store", ":"))
_LABEL_QUALIFIERS = frozenset({"requesting", "commissioning", "contracting", "issuing", "client", "hiring",
                               "sponsoring", "applicant"})
# "my company is X", "our restaurant X", "We are coffee roaster X": what the writer's business is, then its name
_KINDS = _BUSINESS_NOUNS | COMPANY_WORDS | {"roaster", "roasters"}
_OWNED = (("my", "company", "is"), ("my", "brand", "is"), ("my", "shop", "is"), ("my", "business", "is"),
          ("my", "company"), ("our", "restaurant"), ("our", "cafe"), ("our", "café"), ("our", "bakery"),
          ("our", "hotel"), ("our", "shop"), ("our", "store"), ("our", "salon"), ("our", "clinic"))


def brand_of_writer(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Org: Elephant Pathways', 'My company is Alpaca Andina', 'Our restaurant Golden Dragon Seafood is in ...',
    'We are coffee roaster Serra Alta.', 'Mega Image here (marketing)', 'brief from our side (Auralis, the headphone
    people)': the writer names its own business."""
    for i in range(len(tokens) - 1):
        cue = tokens.phrase_at(i, _NAME_LABELS) or tokens.phrase_at(i, _OWNED)
        # "Requesting organisation: Harrow & Heath Interiors": a form's label may name the organisation's part
        qualified = i > 0 and tokens.lower[i - 1] in _LABEL_QUALIFIERS and tokens.sentence_start(i - 1)
        if cue and (tokens.sentence_start(i) or qualified or tokens.lower[i] in {"my", "our"}):
            end = name_end(tokens, i + cue)
            if end is not None and not is_place_or_platform(tokens, i + cue, end, places):
                return claim_brand(tokens, i, i + cue, end)
        # "We are coffee roaster Serra Alta.": a kind of business in lower case, then the name, then a full stop
        if tokens.lower[i:i + 2] in (["we", "are"], ["we", "'re"]) and i + 3 < len(tokens):
            at = i + 2
            while at < min(i + 7, len(tokens)) and tokens.words[at].islower():
                at += 1
            if i + 2 < at < len(tokens) and tokens.lower[at - 1] in _KINDS and tokens.is_capitalized(at):
                end = name_end(tokens, at)
                closed = end is not None and (end >= len(tokens) or tokens.words[end] in _CLOSERS)
                if end is not None and closed and not is_place_or_platform(tokens, at, end, places):
                    return claim_brand(tokens, i, at, end)
        # "Mega Image here (marketing)": a name, 'here', and the writer's role in brackets
        greeted = i > 1 and tokens.words[i - 1] == "," and tokens.near_before(i - 1, GREETINGS, 3) is not None
        if tokens.is_capitalized(i) and (tokens.sentence_start(i) or greeted):
            end = name_end(tokens, i)
            if end is not None and tokens.lower[end:end + 2] == ["here", "("] and tokens.lower[end + 2:end + 3] and (
                    tokens.lower[end + 2] in _ROLES_IN_BRACKETS) and not is_place_or_platform(tokens, i, end, places):
                return claim_brand(tokens, i, i, end)
        # "brief from our side (Auralis, the headphone people)": the name first in brackets after 'our side'
        if tokens.lower[i:i + 3] == ["our", "side", "("] and i + 3 < len(tokens):
            end = name_end(tokens, i + 3)
            if end is not None and end < len(tokens) and tokens.words[end] in {",", ")", "—", "–", "-"} and (
                    not is_place_or_platform(tokens, i + 3, end, places)):
                return claim_brand(tokens, i, i + 3, end)
    return None


def without_role(tokens: Tokens, reading: Reading) -> Reading:
    """'Founder of Duet here': a role and 'of' before the name are the writer's, not the advertiser's."""
    start, end = reading_span(tokens, reading)
    if end - start > 2 and tokens.lower[start] in ROLE_WORDS and tokens.lower[start + 1] == "of":
        tokens.claimed[start] = tokens.claimed[start + 1] = "brand cue"
        return Reading("brand", clean_name(tokens, start + 2, end), tokens.span_text(start + 2, end),
                       tokens.starts[start + 2], reading.end, reading.applied, reading.note)
    return reading


# a company's regional office after its name: "Nike EMEA", "Netflix APAC" are Nike and Netflix
_REGIONAL_OFFICES = frozenset({"emea", "apac", "latam", "mena", "anz", "cee", "amer", "emeia", "apj"})


def without_regional_office(tokens: Tokens, reading: Reading) -> Reading:
    """'Brand Marketing, Nike EMEA': the regional office after a name is the writer's team, not the advertiser."""
    start, end = reading_span(tokens, reading)
    cut = end
    while cut - 1 > start and tokens.lower[cut - 1] in _REGIONAL_OFFICES:
        cut -= 1
    if cut == end:
        return reading
    return Reading("brand", clean_name(tokens, start, cut), tokens.span_text(start, cut), reading.start,
                   tokens.ends[cut - 1], reading.applied, reading.note)


# a first word before 'from' that is no writer's first name ("Creators from ...", "Brands from ...")
_NOT_FIRST_NAMES = CREATOR_NOUNS | GENERIC_ADVERTISERS


# a writer introducing themselves in Spanish or Portuguese before their name and 'de'/'da' X
_ROMANCE_INTRODUCTIONS = (("les", "escribe"), ("te", "escribe"), ("aqui", "é", "a"), ("aqui", "é", "o"),
                          ("aquí", "habla"), ("aqui", "quem", "fala", "é", "a"), ("aqui", "quem", "fala", "é", "o"))
# built once: phrase_at indexes a phrase list by its identity, so a list rebuilt per call is indexed again each time
_PERSON_OPENERS = (("i", "'m"), ("i", "am"), ("je", "suis"), ("this", "is"), ("here", "is"), ("from",), ("it", "'s"),
                   ("im",), ("i", "m"), ("soy",), ("sou",), ("its",), ("myself",), ("am",), ("saya",), ("kami",),
                   *_ROMANCE_INTRODUCTIONS)


_DEPARTMENTS = frozenset("""redes marketing comunicación comunicacion comunicação comunicacao prensa imprensa
mercadeo contenido conteúdo social marca ventas vendas""".split())


def person_from(tokens: Tokens, i: int) -> int:
    """Length of "I'm Lena from", "I am Lena from", "Lena @", "this is Tom at" starting at i, or 0."""
    opener = tokens.phrase_at(i, _PERSON_OPENERS)
    if tokens.lower[i] in {"its", "soy", "sou", "myself", "am", "saya", "kami"} and not (
            i == 0 or not any(c.isalnum() for c in tokens.words[i - 1]) or tokens.lower[i - 1] in GREETINGS):
        return 0  # "yo! its dani from ...", "Hola, soy Mariana de ...": the writer introducing themselves
    at = i + opener
    if tokens.lower[i:i + 2] == ["kami", "dari"]:
        return 2  # "Kami dari Kopi Senja": "we are from"
    if at < len(tokens) and (tokens.words[at][:1].isupper() or (opener and tokens.words[at].isalpha())) and (
            tokens.lower[at] not in COMMON_OPENERS):
        at += 1
        # "I'm Lena Vogt from", "I'm Jerome Dela Cruz from": a first name, then up to two more capitalized names
        rest = next((k for k in (at, at + 1) if k + 1 < len(tokens) and all(
            tokens.words[j][:1].isupper() for j in range(at, k + 1)) and tokens.lower[k + 1] in {"from", "at"}), None)
        if rest is not None:
            at = rest + 1
        romance = tokens.lower[i] in {"soy", "sou"} or tokens.phrase_at(i, _ROMANCE_INTRODUCTIONS) > 0
        if romance and tokens.words[at:at + 1] == [","]:
            at += 1  # "Aqui é a Patrícia, da Piracanjuba"
        spanish = romance and tokens.lower[at:at + 1] in (["de"], ["da"], ["do"])
        if spanish and tokens.lower[at + 1:at + 2] != [] and tokens.lower[at + 1] in _DEPARTMENTS and (
                tokens.lower[at + 2:at + 3] in (["en"], ["em"], ["na"], ["no"], ["de"], ["da"], ["do"])):
            at += 2  # "Soy Marta, de redes en Mercadona": the writer's department, then where it is
        if at < len(tokens) and (tokens.lower[at] in {"@"} or spanish or (opener and tokens.lower[at] in {
                "from", "at", "with", "dari"})):  # "Saya Dewi dari Batik Sekar Jagad" (Indonesian)
            if tokens.lower[i] == "from" and at + 1 < len(tokens) and not tokens.words[at + 1][:1].isupper():
                return 0  # "Influencer from Austria with minimum 5.000": a place, then no brand
            return at + 1 - i
        # "Ciarán from Ó Briain & Daughters Distillery.": a first name opening a sentence (or after a greeting's
        # comma: "Hi there, Dario from Trattoria Nonna Pia"), then 'from' and the brand (not "Changes from v1")
        greeted = i > 1 and tokens.words[i - 1] == "," and tokens.near_before(i - 1, GREETINGS, 3) is not None
        if (not opener and at == i + 1 and (tokens.sentence_start(i) or greeted) and tokens.lower[at:at + 1] == ["from"]
                and tokens.words[i].isalpha() and tokens.lower[i] not in _NOT_FIRST_NAMES
                and not model_code(tokens.words[at + 1] if at + 1 < len(tokens) else "")
                and tokens.words[at + 1:at + 2] != [] and tokens.is_capitalized(at + 1)):  # "Constraints from legal:"
            return at + 1 - i
    return 0
