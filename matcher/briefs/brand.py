"""The advertiser's own name: after a brand cue, before "wants", in a signature, "creators for X", ...

A client named by an agency ("Client's Velo Labs", "our client is X") wins over the agency's own name.
"""

from __future__ import annotations

from matcher.briefs.lexicon import (
    BRAND_CUES,
    BRAND_VERBS,
    BUDGET_CUES,
    CREATOR_NOUNS,
    FIELD_LABELS,
    FOLLOWER_NOUNS,
    GENERIC_ADVERTISERS,
    PLACE_CUES,
    PRICE_CUES,
    REQUEST_WORDS,
)
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import (
    PARTICLES,
    brandlike,
    clean_name,
    generic_after,
    is_place_or_platform,
    name_end,
)
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import Tokens

_LOWER_OK = {("brand", ":"), ("brand", "name", ":"), ("client", ":"), ("advertiser", ":"), ("company", ":"),
             ("brand", "-"), ("sponsor", ":"), ("company", "name", ":"), ("brand", "name", "is"), ("brand", "="),
             ("client", "="), ("the", "name", "is"), ("name", "is"), ("our", "name", "is")}
_SELF = frozenset({"we", "i", "our", "my", "us"})


_GREETINGS = frozenset({"hi", "hello", "hey", "hola", "ciao", "hallo", "bonjour", "olá", "hiya"})
# words after "we are" that describe the writer, not name the brand
_NOT_SELF_NAMES = frozenset("""happy glad small new big local ready sure open interested pleased proud thrilled
delighted looking able keen excited grateful here still also all currently very so really based tiny young growing
independent sustainable green busy early late back sorry""".split())
# words for the advertiser's business that a name may follow ("slow fashion brand linnea")
_COMPANY_NOUNS = frozenset("""brand company startup start-up label agency app shop store studio roastery bakery
brewery distillery business manufacturer maker chain retailer publisher firm fintech""".split())
_VERB_WORDS = frozenset(word for verb in BRAND_VERBS for word in verb) | frozenset("""
looking seeking searching search want need make makes sell sells is are was be""".split())

# words that may open a sentence and are never the advertiser's name
_COMMON_OPENERS = STOP_WORDS | REQUEST_WORDS | BUDGET_CUES | PRICE_CUES | FIELD_LABELS | FOLLOWER_NOUNS | frozenset("""
objective background deliverables timing goal note talent tone audience context size platforms platform fees rates
brief target ask content creators influencers hi hello hey dear thanks cheers quick ideally must should would could can
will everyone nobody someone parents moms dads customers yo ok okay so well guys team folks all today tomorrow tonight
hiya tbd tbc asap fyi n/a tba
yesterday urgent fyi btw pls please asap update reminder
""".split())
# words a description of the advertiser ends with ("a Swiss clean-beauty label")
_ADVERTISER_NOUNS = GENERIC_ADVERTISERS | frozenset("""
app apps publisher studio roastery bakery brewery distillery operator platform service network chain maker producer
manufacturer retailer label line range restaurant cafe marketplace festival club gym academy school clinic hotel
resort airline bank fintech software tool
""".split())


def read_brand(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """The advertiser's own name: after a brand cue, before 'wants'/'is launching', or 'creators for X'.

    A client named by an agency ("Client's Velo Labs", "our client is X") wins over the agency's own name.
    """
    return (_brand_after_cue(tokens, places, _CLIENT_CUES) or _brand_after_cue(tokens, places)
            or _brand_of_person(tokens, places) or _brand_before_verb(tokens, places)
            or _brand_after_generic(tokens, places) or _brand_after_for(tokens, places)
            or _brand_in_signature(tokens, places) or _brand_in_keywords(tokens, places))


def _brand_in_signature(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'— Marc, brand team at Northline Gear', 'Layla — Group Marketing, Sahra Hospitality', 'Mariana (Bella Nopal)'.

    In the closing line, a name after the writer's name and their role is the brand.
    """
    line = tokens.clause_start(len(tokens) - 1) if tokens else 0
    start = max(line - (1 if line and tokens.words[line - 1] == "\n" else 0), len(tokens) - 14, 0)
    for i in range(start, len(tokens) - 1):
        if not (tokens.words[i][:1].isupper() and tokens.words[i].isalpha() and tokens.words[i + 1] in {
                ",", "—", "–", "-", "(", "@"}) or tokens.lower[i] in _SIGNOFF_WORDS:
            continue  # "Best, Marek" signs off; "Marc, brand team at Northline Gear" names the brand
        at = i + 2
        while at < len(tokens) and (tokens.lower[at] in _ROLE_WORDS | {"team", "group", "growth", "export", "at",
                                                                       "from", "of", ",", "—", "-", "in", "the"}):
            at += 1
        end = name_end(tokens, at, allow_lower=False) if at < len(tokens) else None
        closing = end is not None and (end >= len(tokens) or tokens.words[end] in {")", ".", "!", "\n"})
        if closing and end is not None and not is_place_or_platform(tokens, at, end, places):
            return _brand(tokens, at, at, end)
    return None


def _brand_in_keywords(tokens: Tokens, places: Gazetteer) -> Reading | None:
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
        if last - first == 0:
            continue
        end = name_end(tokens, first)
        if end == last and not is_place_or_platform(tokens, first, end, places) and not any(
                tokens.lower[k] in _COMMON_OPENERS | CREATOR_NOUNS | {"agency", "agence", "agencia"}
                for k in range(first, end)):
            return _brand(tokens, first, first, end)
    return None


def _brand_after_generic(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'slow fashion brand linnea, we make ...', 'pasta brand granetto', 'brand zuckerfrei here'.

    A name right after a word for a company, closed by punctuation, 'here' or 'we': lower case is fine,
    as non-native writers often write their brand.
    """
    for i in range(len(tokens) - 1):
        if tokens.lower[i] not in _COMPANY_NOUNS:
            continue
        # said of the advertiser itself: "we are ...", "our client is ...", "for our ...", "Hi, brand ..."
        greeting = i > 1 and tokens.words[i - 1] == "," and tokens.lower[i - 2] in _GREETINGS
        said = tokens.near_before(i + 1, _SELF | {"client", "we're", "'re", "for"}, 6) is not None or greeting or (
            tokens.sentence_start(i) and tokens.lower[i] != "brand")
        if not said:
            continue
        at = i + 1
        for width in (2, 1):
            end = at + width
            if end > len(tokens) or not tokens.free(at, end):
                continue
            words = tokens.lower[at:end]
            if any(w in _COMMON_OPENERS or w in STOP_WORDS or w in _VERB_WORDS or w in GENERIC_ADVERTISERS
                   or w in _COMPANY_NOUNS or w in _ADVERTISER_NOUNS
                   or w in CREATOR_NOUNS or not tokens.words[j][:1].isalpha() for w, j in zip(words, range(at, end),
                                                                                               strict=True)):
                continue
            closed = end >= len(tokens) or tokens.words[end] in {",", ".", "(", ")", "!", "?", ";", "-", "—",
                                                                 "\n"} or tokens.lower[end] in {"here", "we", "and"}
            # a capitalized name needs no closing mark: "small swedish company Fjällglöd making stoves"
            closed = closed or all(tokens.words[j][:1].isupper() for j in range(at, end))
            if closed and not is_place_or_platform(tokens, at, end, places):
                return _brand(tokens, at, at, end)
    return None


def _brand_of_person(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """"I'm the marketing lead at stackwise", "we (kolibri kids) need", "I work in the marketing of Pedal Livre"."""
    for i in range(len(tokens) - 2):
        if tokens.lower[i] == "we" and tokens.words[i + 1] == "(":
            close = next((j for j in range(i + 2, min(i + 6, len(tokens))) if tokens.words[j] == ")"), None)
            if close is not None and close > i + 2 and all(tokens.words[j].replace("&", "").isalnum()
                                                             for j in range(i + 2, close)):
                return _brand(tokens, i, i + 2, close)  # "we (kolibri kids) need ..."
        if tokens.lower[i] == "client" and tokens.words[i + 1] == "(":
            close = next((j for j in range(i + 2, min(i + 7, len(tokens))) if tokens.words[j] == ")"), None)
            if close is not None and close > i + 2:
                return _brand(tokens, i, i + 2, close)  # "the client (Northbound Outdoor) wants ..."
        if tokens.phrase_at(i, (("i", "'m"), ("i", "am"), ("i", "work"), ("we", "work"), ("im",), ("i", "m"))):
            for j in range(i + 2, min(i + 10, len(tokens) - 1)):
                if tokens.words[j] in {".", "!", "?", ";", "\n"}:
                    break
                if tokens.lower[j] in {"at", "of", "for", "in"} and (tokens.lower[j - 1] in _ROLE_WORDS or tokens.lower[
                        j - 1] in {"new", "working", "intern"}):
                    end = name_end(tokens, j + 1, allow_lower=True, limit=3)
                    if end is not None and not is_place_or_platform(tokens, j + 1, end, places):
                        return _brand(tokens, i, j + 1, end)
    return None


_ROLE_WORDS = frozenset("""lead manager director head marketing pr comms communications brand social partnerships
founder cofounder co-founder ceo cmo owner team intern coordinator specialist executive officer""".split())


_CLIENT_CUES = tuple(cue for cue in BRAND_CUES if (cue[0] in {"client", "cliente", "our", "nuestro", "nosso",
                                                                "advertiser", "on", "de"} and "brand" not in cue)
                     or cue in {("brand", ":"), ("brand", "="), ("brand", "name", ":"), ("marca", ":")})


def _brand_after_cue(tokens: Tokens, places: Gazetteer, cues: tuple[tuple[str, ...], ...] = BRAND_CUES,
                     ) -> Reading | None:
    for i in range(len(tokens)):
        cue = tokens.phrase_at(i, cues)
        if not cue and cues is BRAND_CUES and tokens.sentence_start(i) and tokens.lower[i] in {"company", "brand",
                                                                                                "client"}:
            cue = 1  # "Company Fjellkraft (we produce trekking poles ...)"
        person = _person_from(tokens, i) if not cue and cues is BRAND_CUES else 0
        if (not cue and not person) or not tokens.free(i, i + (cue or person)):
            continue
        cue = cue or person
        allow_lower = tuple(tokens.lower[i:i + cue]) in _LOWER_OK or bool(person)
        at = i + cue
        while at < len(tokens) and tokens.lower[at] in {",", "the", "brand", "company", "client", ":"} and cue > 1:
            at += 1
        # "this is Jess @ Tallgrass Candle Co": a person, then the brand
        if at + 2 < len(tokens) and tokens.lower[i:i + cue] == ["this", "is"] and tokens.lower[at + 1] in {
                "@", "from", "at", "with"}:
            at += 2
        allow_lower = allow_lower or tokens.lower[i + cue - 1] in {"called", "named"}
        end = name_end(tokens, at, allow_lower=allow_lower)
        if end is None and at < len(tokens) and tokens.lower[at] in {"we", "are", "a", "an"}:
            continue
        if end is None and tokens.lower[i:i + cue] in (["we", "are"], ["we", "'re"]):
            # "we are kaffeeklatsch, a small coffee roastery", "we are smashpadel no one ...": a lower-case name
            end = name_end(tokens, at, allow_lower=True, limit=1)
            if end is None or tokens.lower[at] in _NOT_SELF_NAMES or tokens.lower[at].endswith(("ed", "ing", "ly")):
                continue
            if not (_described_after(tokens, end) or (end < len(tokens) and (tokens.words[end] in {"(", "-", "—", ","}
                                                                           or tokens.lower[end] in {"no", "and", "we",
                                                                                                    "from"}))):
                continue
        if end is None or is_place_or_platform(tokens, at, end, places) or generic_after(tokens, end):
            continue
        if tokens.lower[at].endswith(("ing", "ed")) and not tokens.is_capitalized(at):
            continue
        if end - at == 1 and len(tokens.words[at]) == 1:
            continue  # "Client B": a code name, not the brand
        return _brand(tokens, i, at, end)
    return None


def _person_from(tokens: Tokens, i: int) -> int:
    """Length of "I'm Lena from", "I am Lena from", "Lena @", "this is Tom at" starting at i, or 0."""
    opener = tokens.phrase_at(i, (("i", "'m"), ("i", "am"), ("this", "is"), ("from",), ("it", "'s"), ("im",),
                                  ("i", "m")))
    at = i + opener
    if at < len(tokens) and (tokens.words[at][:1].isupper() or (opener and tokens.words[at].isalpha())) and (
            tokens.lower[at] not in _COMMON_OPENERS):
        at += 1
        if at < len(tokens) and tokens.words[at][:1].isupper() and tokens.lower[at + 1:at + 2] in (["from"], ["at"]):
            at += 1
        if at < len(tokens) and (tokens.lower[at] in {"@"} or (opener and tokens.lower[at] in {"from", "at", "with"})):
            return at + 1 - i
    return 0


def _described_after(tokens: Tokens, end: int) -> bool:
    return (end < len(tokens) and tokens.words[end] in {",", "(", "a", "an", "-", "—"}
            and any(tokens.lower[j] in _ADVERTISER_NOUNS for j in range(end + 1, min(end + 6, len(tokens)))))


def _brand_before_verb(tokens: Tokens, places: Gazetteer) -> Reading | None:
    for i in range(len(tokens)):
        if not (tokens.is_capitalized(i) or brandlike(tokens.words[i])) or not tokens.free(i, i + 1):
            continue
        if (tokens.phrase_ending(i, PLACE_CUES) or tokens.lower[i - 1:i] == ["from"]) and places.place(
                tokens.words[i]) is not None:
            continue  # "a hot sauce maker in Austin wants": a place
        if i > 1 and tokens.lower[i - 1] in PARTICLES and tokens.is_capitalized(i - 2):
            continue  # "Pebble & Pine": the name starts earlier
        if (i > 0 and tokens.is_capitalized(i - 1) and not tokens.sentence_start(i) and not tokens.is_punct(i - 1)
                and any(c.isalpha() for c in tokens.words[i - 1])):
            continue  # inside a longer capitalized run
        if tokens.sentence_start(i) and tokens.lower[i] in _COMMON_OPENERS:
            continue
        end = name_end(tokens, i)
        if end is None or is_place_or_platform(tokens, i, end, places, cities=False):
            continue
        start = i + 1 if end - i > 1 and tokens.lower[i] in _COMPANY_NOUNS else i  # "Fintech Pixbank here"
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
        possessive = after > end and tokens.lower[i] not in _COMMON_OPENERS and (
            (tokens.sentence_start(i) and (end - i >= 2 or brandlike(tokens.words[i])))
            or tokens.lower[after:after + 1] in (["team"], ["marketing"], ["people"], ["folks"], ["founders"])
        ) and after < len(tokens) and not tokens.is_punct(after)
        collab = tokens.lower[after:after + 1] == ["x"] and tokens.lower[after + 1:after + 2] in (
            ["creators"], ["influencers"], ["creator"])  # "Pawsome Treats x creators"
        us = tokens.words[after:after + 2] == ["(", "that"] or tokens.words[after:after + 3] == ["(", "that", "'s"]
        if verb or possessive or collab or us:
            return _brand(tokens, i, start, end)  # "Oakridge Mattress's new hybrid line needs ..."
    return None


def _verb_at(tokens: Tokens, at: int) -> int:
    """Length of a brand verb at `at` ('wants', 'is launching'); 'is a' only before an advertiser noun."""
    verb = tokens.phrase_at(at, BRAND_VERBS)
    described = any(tokens.lower[j] in _ADVERTISER_NOUNS for j in range(at + verb, min(at + verb + 6, len(tokens))))
    if verb and tokens.lower[at + verb - 1] in {"a", "an", "the"} and not described:
        return 0
    return verb


def _brand_after_for(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'creators for Zara', 'a campaign for Oatly', 'for the Lumo Lights Q4 push'."""
    for i in range(len(tokens) - 1):
        if tokens.lower[i] != "for" or not tokens.free(i, i + 2):
            continue
        at = i + 1 + (1 if tokens.lower[i + 1] == "the" else 0)
        end = name_end(tokens, at)
        if end is None or not tokens.words[at][0].isupper() or is_place_or_platform(tokens, at, end, places):
            continue
        campaign_words = CREATOR_NOUNS | {"campaign", "content", "ugc", "shortlist", "partnership", "launch",
                                          "videos", "posts", "collab", "push", "brief", "project", "activation"}
        before = tokens.near_before(i, campaign_words, 3) is not None
        after = any(tokens.lower[j] in {"push", "campaign", "launch", "drop", "brief", "collab", "activation",
                                        "thing", "project", "program", "programme", "stuff", "job", "partnership"}
                    for j in range(end, min(end + 3, len(tokens)))) or (
            end + 1 < len(tokens) and tokens.words[end] == "(" and tokens.lower[end + 1] in {"the", "a", "an", "we"})
        if ((before and at == i + 1) or after) and not generic_after(tokens, end):
            return _brand(tokens, i, at, end)
    return None


_SIGNOFF_WORDS = frozenset({"best", "thanks", "thank", "cheers", "regards", "ta", "ciao", "thx", "love", "warmly",
                            "sincerely", "greetings", "tack", "danke", "merci", "gracias", "obrigado", "grazie"})


def _brand(tokens: Tokens, cue_start: int, start: int, end: int) -> Reading:
    while end - start > 1 and tokens.lower[end - 1] in {"team", "growth", "marketing"}:
        end -= 1  # "MathSprout Growth Team": the team is not the brand
    tokens.claim(cue_start, start, "brand cue")
    tokens.claim(start, end, "brand")
    if end < len(tokens) and tokens.lower[end] in {"'s", "’s"}:
        tokens.claim(end, end + 1, "brand cue")
    return Reading("brand", clean_name(tokens, start, end), tokens.span_text(start, end), tokens.starts[start],
                   tokens.ends[end - 1])
