"""The advertiser's own name: after a brand cue, before "wants", in a signature, "creators for X", ...

A client named by an agency ("Client's Velo Labs", "our client is X") wins over the agency's own name.
"""

from __future__ import annotations

from matcher.briefs.amounts import iso_currency
from matcher.briefs.brand_cues import BRAND_CUES, BRAND_VERBS
from matcher.briefs.brand_described import (
    brand_after_generic,
    brand_after_kind,
    brand_in_apposition,
    brand_in_guillemets,
    brand_of_account,
)
from matcher.briefs.brand_institution import brand_institution
from matcher.briefs.brand_layout import (
    brand_before_brief,
    brand_before_campaign,
    brand_in_brackets,
    brand_in_keywords,
    brand_in_title,
    brand_in_title_parts,
    brand_opening,
    claim_brand,
    reading_span,
    with_number,
    without_home_town,
)
from matcher.briefs.brand_lower import brand_lower_named
from matcher.briefs.brand_person import brand_of_person
from matcher.briefs.brand_product import brand_after_for, brand_before_product, brand_opening_possessive
from matcher.briefs.brand_self import (
    as_named_elsewhere,
    brand_apposed,
    brand_at_work,
    brand_named,
    brand_of_team,
    brand_of_writer,
    person_from,
    without_regional_office,
    without_role,
)
from matcher.briefs.brand_shapes import (
    described_after,
    described_before_name,
    lower_name_before_we,
    lower_name_run,
)
from matcher.briefs.brand_signature import brand_in_signature
from matcher.briefs.brand_words import (
    ADVERTISER_NOUNS,
    AGENCY_HEADS,
    AGENCY_TAILS,
    CLIENT_CUES,
    COMMON_OPENERS,
    COMPANY_NOUNS,
    GREETINGS,
    LOWER_OK,
    NOT_SELF_NAMES,
    PLACEHOLDER_NAMES,
    ROLE_WORDS,
)
from matcher.briefs.lexicon import CREATOR_NOUNS, NOT_NAMES, PLACE_CUES
from matcher.briefs.place_mentions import district_before, style_origin
from matcher.briefs.places import Gazetteer
from matcher.briefs.product_names import brand_of_product_name, without_product_kind
from matcher.briefs.reading import Reading
from matcher.briefs.spans import (
    PARTICLES,
    brandlike,
    generic_after,
    is_place_or_platform,
    name_end,
)
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import Tokens


def read_brand(tokens: Tokens, places: Gazetteer, retries: int = 2) -> Reading | None:
    """The advertiser's own name: after a brand cue, before 'wants', 'creators for X', in a title or a signature.

    A client named by an agency ("Client's Velo Labs", "our client is X") wins over the agency's own name."""
    reading = (_brand_after_cue(tokens, places, CLIENT_CUES) or _brand_after_cue(tokens, places)
               or brand_of_person(tokens, places) or brand_institution(tokens, places) or brand_opening(tokens, places)
               or brand_in_guillemets(tokens, places)
               or _brand_before_verb(tokens, places)
               or brand_after_generic(tokens, places) or brand_after_for(tokens, places)
               or brand_of_account(tokens, places)  # an agency's "X account" before its own signature
               or brand_in_signature(tokens, places) or brand_in_keywords(tokens, places)
               or brand_before_campaign(tokens, places) or brand_before_brief(tokens, places)
               or brand_in_brackets(tokens, places) or brand_in_title(tokens, places)
               or brand_in_apposition(tokens, places) or brand_of_team(tokens, places)
               or brand_at_work(tokens, places) or brand_apposed(tokens, places) or brand_named(tokens, places)
               or brand_in_title_parts(tokens, places) or brand_of_writer(tokens, places)
               or brand_before_product(tokens, places) or brand_after_kind(tokens, places)
               or brand_opening_possessive(tokens, places) or brand_of_product_name(tokens, places)
               or brand_lower_named(tokens, places))
    words = reading.value.lower().split() if reading is not None else []
    if len(words) > 1 and (words[-1] in AGENCY_TAILS or words[0] in AGENCY_HEADS):
        # "Dan (Loop Agency)", "Jess from Bloom Talent here": the agency that writes; its words stay claimed and
        # the client is looked for elsewhere ("One of our brand partners, Huel, asked us")
        return read_brand(tokens, places, retries - 1) if retries else None
    if reading is None:
        return None
    reading = without_product_kind(tokens, _body_subject(tokens, places, reading))
    return as_named_elsewhere(tokens, without_regional_office(tokens, without_role(tokens, without_home_town(
        tokens, reading, places))))


def _body_subject(tokens: Tokens, places: Gazetteer, reading: Reading) -> Reading:
    """'Brief — Rooibos Glow serum, Cape Botanica / ... Cape Botanica is a Stellenbosch-based skincare brand': a title
    names a product and the advertiser side by side; the name the body makes its subject ('X is a ... brand', 'X
    wants') and the title writes too is the advertiser."""
    start, end = reading_span(tokens, reading)
    line_end = next((j for j in range(end, len(tokens)) if tokens.words[j] == "\n"), len(tokens))
    if "\n" in tokens.words[:start] or line_end == len(tokens):
        return reading
    claimed = list(tokens.claimed)
    for j in range(start, end):
        tokens.claimed[j] = None
    other = _brand_before_verb(tokens, places)
    if other is not None and other.value not in reading.value and other.start > tokens.starts[line_end] and (
            other.value in tokens.span_text(0, line_end)):
        return other
    tokens.claimed[:] = claimed
    return reading


_BARE_CLIENT = frozenset({"client", "kunde", "klant"})
# "CLIENT BRIEF", "Client Services": a heading or a department after the bare word
_NOT_CLIENT_NAMES = ROLE_WORDS | {"brief", "briefing", "side", "update", "services", "service", "success", "relations"}

# a client's label and its copula or colon after another cue ("Briefing: Kunde ist X", "Brief: client is X")
_LABEL_THEN_NAME = [[label, joiner] for label in ("kunde", "kundin", "klant", "klient", "client", "cliente")
                    for joiner in ("ist", "is", "es", "é", ":")]


def _brand_after_cue(tokens: Tokens, places: Gazetteer, cues: tuple[tuple[str, ...], ...] = BRAND_CUES,
                     ) -> Reading | None:
    for i in range(len(tokens)):
        cue = tokens.phrase_at(i, cues)
        if not cue and cues is BRAND_CUES and tokens.sentence_start(i) and tokens.lower[i] in {
                "company", "brand", "client"} and tokens.lower[i + 1:i + 2] != [] and (
                tokens.lower[i + 1] not in ROLE_WORDS):
            cue = 1  # "Company Fjellkraft (we produce trekking poles ...)"
        person = person_from(tokens, i) if not cue and cues is BRAND_CUES else 0
        if (not cue and not person) or not tokens.free(i, i + (cue or person)):
            continue
        cue = cue or person
        if tokens.lower[i:i + cue] == ["were"] and not tokens.sentence_start(i):
            continue  # "were glitchpop," opens a sentence as "we're"; "creators who were ..." is no cue
        if tokens.lower[i:i + cue] == ["it", "'s"] and not (i == 0 or not any(c.isalnum() for c in tokens.words[i - 1])
                                                             or tokens.lower[i - 1] in GREETINGS):
            continue  # "hi, it's Greenfuel Kitchen!" names the writer's brand; "and it's Monday" does not
        allow_lower = tuple(tokens.lower[i:i + cue]) in LOWER_OK or bool(person)
        at = i + cue
        while at < len(tokens) and tokens.lower[at] in {",", "the", "brand", "company", "client", ":"} and cue > 1:
            at += 1
        if tokens.lower[at:at + 2] in _LABEL_THEN_NAME:
            continue  # "Briefing: Kunde ist Sonnenkind": the client's label, its own cue follows
        # "this is Jess @ Tallgrass Candle Co", "This is Kim Jiwoo from Hanbit Electronics": a person, then the brand
        person_end = next((k for k in range(at + 1, min(at + 3, len(tokens) - 1)) if tokens.lower[k] in {
            "@", "from", "at", "with"}), None) if tokens.lower[i:i + cue] in (
            ["this", "is"], ["here", "is"], ["it", "'s"]) else None
        if person_end is not None and all(tokens.words[k].isalpha() and tokens.words[k][:1].isupper()
                                          for k in range(at + 1, person_end)) and not is_place_or_platform(
                tokens, person_end + 1, person_end + 2, places):
            at = person_end + 1
            person = 1  # "it's Jess from little sprout": the brand after a person may be lower case
        allow_lower = allow_lower or bool(person) or tokens.lower[i + cue - 1] in {"called", "named"}
        team = next((k + 2 for k in (at, at + 1) if tokens.lower[k:k + 2] == ["team", "of"]), None)
        if team is not None and team < len(tokens) and tokens.is_capitalized(team):
            at = team  # "we are digital team of Caffè Vergnano 1882", "from Marketing team of Tenku Games"
        end = name_end(tokens, at, allow_lower=allow_lower)
        if person:
            end = lower_name_run(tokens, at, end)
        if end is None and at < len(tokens) and tuple(tokens.lower[i:i + cue]) in LOWER_OK and (
                tokens.words[at][:1].isupper()):
            end = name_end(tokens, at, in_list=True)  # "Client: Nomad Thread": a label names whatever follows
        if (end is None and at + 1 < len(tokens) and (tuple(tokens.lower[i:i + cue]) in LOWER_OK or tokens.lower[
                i:i + cue] in (["we", "are"], ["we", "'re"]))
                and tokens.words[at].isdigit() and tokens.is_capitalized(at + 1)):
            end = name_end(tokens, at + 1, in_list=True)  # "Brand: 3 Sisters Salsa"
        if end is None and at < len(tokens) and tokens.lower[at] in {"we", "are", "a", "an"}:
            continue
        if end is None and tokens.lower[i:i + cue] in (["we", "are"], ["we", "'re"], ["were"]):
            # "we are kaffeeklatsch, a small coffee roastery", "we are smashpadel no one ...": a lower-case name
            end = lower_name_before_we(tokens, at) or name_end(tokens, at, allow_lower=True, limit=1)
            if end is not None and len(tokens) - at <= 3 and all(tokens.words[k].isalpha()
                                                                 for k in range(at, len(tokens))):
                end = len(tokens)  # "..., budget £1.2k, we're woolly bee": the name ends the brief
            if end is None or tokens.lower[at] in NOT_SELF_NAMES or (
                    end - at == 1 and tokens.lower[at].endswith(("ed", "ing", "ly"))):
                continue
            if not (end == len(tokens) or described_after(tokens, end) or (end < len(tokens) and (
                    tokens.words[end] in {"(", "-", "—", ","} or tokens.lower[end] in {"no", "and", "we", "from"}))):
                continue
        we_are = tokens.lower[i:i + cue] in (["we", "are"], ["we", "'re"])  # "We are Al Noor Dates company"
        # "Cliente: Quilmes" on its own line: a label's whole answer is the client, even one named like a town
        if end is None or (is_place_or_platform(tokens, at, end, places) and not (
                tokens.words[i + cue - 1] == ":" and tokens.words[end:end + 1] in ([], ["\n"]) and (
                    (town := places.place(tokens.span_text(at, end))) is not None and town.kind == "city"))) or (
                generic_after(tokens, end) and not we_are):
            continue
        if cue == 1 and tokens.lower[i] in _BARE_CLIENT and tokens.lower[at] in _NOT_CLIENT_NAMES:
            continue  # "CLIENT BRIEF": a heading, not "client Kuma"
        if tokens.lower[i:i + cue] == ["name", "is"] and tokens.lower[i - 1:i] == ["my"]:
            continue  # "my name is Rafael": the writer, not the brand
        if tokens.lower[i] in {"forwarding", "forwarded"} and (not described_after(tokens, end) or tokens.lower[
                end + 1:end + 2] == ["client"]):
            continue  # "forwarding from Kite (language-learning app)", not "forwarding from Jana (client side)"
        while end - at > 1 and (code := places.place(tokens.words[end - 1])) is not None and code.kind == "code" and (
                tokens.words[end - 1].isupper()) and tokens.lower[end:end + 1] in (["push"], ["campaign"], ["launch"]):
            end -= 1  # "Brief – Bondi Blends NZ push": the market is not the brand
        if tokens.lower[i:i + cue] in (["we", "are"], ["we", "'re"]) and described_before_name(tokens, at):
            continue  # "we are DIY tool shop Werkbank24": the name comes after the description
        if tokens.lower[at].endswith(("ing", "ed")) and not tokens.is_capitalized(at):
            continue
        if style_origin(tokens, at):
            continue  # "we are K-beauty brand from Seoul": a style, not a name
        if end - at == 1 and (len(tokens.words[at]) == 1 or tokens.lower[at] in PLACEHOLDER_NAMES or (
                tokens.words[end:end + 1] == [":"] and tokens.lower[at] in COMMON_OPENERS)):
            continue  # "Client B", "Client: confidential": a code name or none; "Brief / Kunde: X": a label
        if tokens.lower[i + cue - 1] == "by" and tokens.lower[end:end + 1] == ["for"]:
            client_end = name_end(tokens, end + 1)  # "Prepared by Cheil Worldwide Singapore for Samsung"
            if client_end is not None and not is_place_or_platform(tokens, end + 1, client_end, places):
                return claim_brand(tokens, end, end + 1, client_end)
        return claim_brand(tokens, i, at, end)
    return None


def _brand_before_verb(tokens: Tokens, places: Gazetteer) -> Reading | None:
    for i in range(len(tokens)):
        if not (tokens.is_capitalized(i) or brandlike(tokens.words[i])) or not tokens.free(i, i + 1) or iso_currency(
                tokens.words[i]):  # "box is AED 12, need TikTokers": money, no name
            continue
        district = district_before(tokens, i, places) < i
        cued = tokens.phrase_ending(i, PLACE_CUES) or tokens.lower[i - 1:i] in (["from"], ["de"]) or district
        if cued and places.place(tokens.words[i]) is not None:
            continue  # "a hot sauce maker in Austin wants", "a florist in Beyoğlu, Istanbul wants": a place
        if i > 0 and (tokens.words[i - 1].isdigit() or tokens.lower[i - 1] in {"along", "around", "across"}):
            continue  # "has supplied 3 World Cups wants", "4 branches along Ngong Road wants": no subject
        if i > 1 and tokens.lower[i - 1] in {"in", "on", "from", "near", "at"} and ((tokens.lower[i - 2] in (
                ADVERTISER_NOUNS | COMPANY_NOUNS) and tokens.lower[i - 1] != "at") or tokens.lower[
                tokens.clause_start(i)] in {"a", "an"}):
            continue  # "A Scotch whisky distillery on Islay wants", "A ski lodge at 2,300m in Zermatt wants": a place
        if (i > 2 and tokens.lower[i - 1] == "the" and tokens.lower[i - 2] in {"in", "on", "near", "at", "of"} and (
                tokens.lower[tokens.clause_start(i)] in {"a", "an"})) or (i > 1 and tokens.lower[i - 1] == "of" and (
                tokens.lower[tokens.clause_start(i)] in {"a", "an"} and not tokens.is_capitalized(i - 2))) or (
                i > 1 and tokens.lower[i - 1] in {"'s", "’s"} and places.place(tokens.words[i - 2]) is not None):
            continue  # "A nonprofit ... in the Yorkshire Dales wants", "40 kinds of Gouda wants", "Tbilisi's Old Town"
        if i > 1 and tokens.lower[i - 1] in PARTICLES and tokens.is_capitalized(i - 2) and not (
                tokens.words[i - 1] == "-" and tokens.starts[i - 1] > tokens.ends[i - 2]):
            continue  # "Pebble & Pine": the name starts earlier (not "hey Kayla - Ghost wants")
        the = i > 0 and tokens.lower[i - 1] == "the" and tokens.sentence_start(i - 1)  # "The Sorbonne wants"
        if (i > 0 and tokens.is_capitalized(i - 1) and not tokens.sentence_start(i) and not tokens.is_punct(i - 1)
                and any(c.isalpha() for c in tokens.words[i - 1])) and not the:
            continue  # inside a longer capitalized run
        if tokens.sentence_start(i) and tokens.lower[i] in COMMON_OPENERS:
            continue
        state = places.place(tokens.words[i]) if i > 1 and tokens.words[i - 1] == "," else None
        if (i > 0 and tokens.lower[i - 1] == "on") or (state is not None and state.kind == "subdivision" and (
                places.place(tokens.words[i - 2]) is not None)):
            continue  # "5 stars on Yelp wants": a site; "a bakery in Paris, Texas (yes ...) wants": a place
        if (tokens.words[i][0].isdigit() and any(c.isalpha() for c in tokens.words[i])) or (
                i > 0 and len(tokens.words[i]) == 1 and tokens.words[i - 1][-1:].isdigit()):
            continue  # "a 1000W PSU wants", "$25M Series B": a unit or a scale, no name
        end = name_end(tokens, i)
        if end is None or is_place_or_platform(tokens, i, end, places, cities=False):
            continue
        end = with_number(tokens, end)  # "Crumb 27 wants", "Studio 1961 Eyewear is after"
        if end - i == 1 and tokens.lower[i] in COMPANY_NOUNS:
            continue  # "Bakery here, need creators": a kind of business, no name
        start = i + 1 if end - i > 1 and tokens.lower[i] in COMPANY_NOUNS and tokens.words[i + 1].isalpha() else i
        i = start  # the company word stays in the niche text
        after = end + (1 if end < len(tokens) and tokens.lower[end] in {"'s", "’s"} else 0)
        verb = _verb_at(tokens, after)
        if not verb and after + 1 < len(tokens) and tokens.words[after] == ",":
            verb = _verb_at(tokens, after + 1)  # "A frozen waffle brand, Gaufrette, wants"
        if not verb and after < len(tokens) and tokens.words[after] in {",", "("}:
            close = {",": ",", "(": ")"}[tokens.words[after]]
            for j in range(after + 1, min(after + 18, len(tokens))):
                if tokens.words[j] == close:
                    verb = _verb_at(tokens, j + 1)
                    break
                if tokens.words[j] in {".", "!", "?", "\n"}:
                    break
        possessive = after > end and tokens.lower[i] not in COMMON_OPENERS and (
            (tokens.sentence_start(i) and (end - i >= 2 or brandlike(tokens.words[i])))
            or tokens.lower[after:after + 1] in (["team"], ["marketing"], ["people"], ["folks"], ["founders"])
            or (tokens.sentence_start(i) and tokens.lower[after:after + 1] in (["new"], ["latest"], ["upcoming"]))
            # "ideas for Kinder's back-to-school push", "launching Stride Lab's first running shorts"
            or (tokens.lower[i - 1:i] in (["for"], ["launching"], ["promoting"]) and tokens.lower[i] not in _NOT_OWNERS
                and tokens.words[after][:1].islower())
        ) and after < len(tokens) and not tokens.is_punct(after)
        collab = tokens.lower[after:after + 1] == ["x"] and tokens.lower[after + 1:after + 2] in (
            ["creators"], ["influencers"], ["creator"])  # "Pawsome Treats x creators"
        us = tokens.words[after:after + 2] == ["(", "that"] or tokens.words[after:after + 3] == ["(", "that", "'s"] or (
            tokens.lower[after:after + 3] in (["(", "client", ")"], ["(", "brand", ")"], ["(", "advertiser", ")"]))
        if verb or possessive or collab or us:
            start = i - 1 if the and end - start > 1 else start  # "The Gilded Stag, a Glasgow cocktail bar, wants"
            return claim_brand(tokens, start, start, end)  # "Oakridge Mattress's new hybrid line needs ..."
    return None


_NOT_OWNERS = NOT_NAMES | CREATOR_NOUNS | frozenset({"women", "men", "kids", "children", "girls", "boys", "people"})


def _verb_at(tokens: Tokens, at: int) -> int:
    """Length of a brand verb at `at` ('wants', 'is launching'); 'is a' only before an advertiser noun."""
    verb = tokens.phrase_at(at, BRAND_VERBS)
    if not verb and tokens.lower[at:at + 1] == ["is"] and tokens.lower[at + 1:at + 2] and tokens.lower[at + 1] in (
            ADVERTISER_NOUNS | COMPANY_NOUNS) and tokens.lower[at + 1] not in STOP_WORDS:
        return 1  # "Vélo Sud is shop of cycling clothes" (no article, as a non-native writer may put it)
    described = any(tokens.lower[j] in ADVERTISER_NOUNS for j in range(at + verb, min(at + verb + 6, len(tokens))))
    if verb and tokens.lower[at + verb - 1] in {"a", "an", "the", "small"} and not described:
        return 0
    return verb
