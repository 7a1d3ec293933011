"""The brief reader: plain words in, the niche text to embed and the constraints (with their phrases) out.

Each kind of constraint has its own rules (`names`, `sizes`, `platforms`, `geography`); they run in an
order that lets the surer readings claim their words first: competitors and the brand (so "Canada
Goose" is not Canada), money (so "$5k" is not 5k followers), follower bounds, the count, languages (so
"German-speaking" is not German creators), tiers, platforms, then places. Only the words of applied
readings and advertiser boilerplate leave the text that is embedded; niche words always stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from matcher.briefs.brand import read_brand
from matcher.briefs.brand_tagger import shipped_brand_tagger
from matcher.briefs.competitors import read_competitors
from matcher.briefs.content_language import read_languages
from matcher.briefs.counts import read_count
from matcher.briefs.filters import Filters
from matcher.briefs.followers import read_followers
from matcher.briefs.gazetteer import gazetteer
from matcher.briefs.geography import read_places, settle_places
from matcher.briefs.hedges import soften_preferences
from matcher.briefs.lexicon import REQUEST_WORDS
from matcher.briefs.money import read_money
from matcher.briefs.pasted_forms import PastedForm, pasted_form
from matcher.briefs.place_owner import place_in_brand
from matcher.briefs.places import Gazetteer
from matcher.briefs.platforms import read_platforms
from matcher.briefs.reading import ParsedBrief, Reading
from matcher.briefs.tiers import read_tiers
from matcher.briefs.tokens import Tokens
from matcher.errors import BriefError
from matcher.schema import PLATFORMS

MAX_BRIEF_CHARS = 5_000
# a reader of the brand asked when the rules read none: the brief's tokens and the gazetteer in, a reading or None
BrandFallback = Callable[[Tokens, Gazetteer], Reading | None]
# function words that carry no niche: they leave the embedded text with the request words
_FUNCTION_WORDS = frozenset("""
a an the and or of to for in on at by with from about into as is are be we we're 're our us i i'm 'm my who whose
which that their they them his her its some please any also just very really etc e.g. ideally
""".split())
# words that join a removed constraint to the sentence ("on TikTok or YouTube"): they go with it
_GLUE = frozenset({"on", "or", "and", "in", "with", "via", "at", "from", "by", "of", "for", "across", "&", "/", ",",
                   "who", "that", "are", "is", "be", "have", "has", "than", "between", "based", "-", "–", "only",
                   "within", "around", "throughout", "located", "living"})


class BriefReader:
    """Reads briefs with spaCy's tokenizer, the standard place tables and the rules of `matcher.briefs`.

    `brand_fallback`, when given, reads the brand when the rules read none (the default reader's is the learned
    tagger of `brand_tagger`); it may claim the tokens it reads.
    """

    def __init__(self, places: Gazetteer | None = None, brand_fallback: BrandFallback | None = None) -> None:
        self.places = places or gazetteer()
        self.brand_fallback = brand_fallback

    def read(self, text: str) -> ParsedBrief:
        """Read the constraints in a brief and the niche text left to embed."""
        if not isinstance(text, str) or not text.strip():
            raise BriefError("text is empty", field="brief")
        if len(text) > MAX_BRIEF_CHARS:
            raise BriefError(field="brief", message=f"{len(text):,} characters, over the {MAX_BRIEF_CHARS:,} limit")
        form = pasted_form(text)
        tokens = Tokens.of(form.text if form else text)
        readings: list[Reading] = []
        competitors, platform_names = read_competitors(tokens, self.places)
        readings += competitors
        wanted, excluded = read_platforms(tokens)
        brand = read_brand(tokens, self.places)
        if brand is None and self.brand_fallback is not None:
            brand = self.brand_fallback(tokens, self.places)
        readings += [brand] if brand else []
        readings += place_in_brand(brand, self.places)
        readings += read_money(tokens)
        readings += read_followers(tokens)
        readings += read_count(tokens)
        readings += read_languages(tokens, self.places)
        readings += read_tiers(tokens)
        for start, end, platform in platform_names:  # "except YouTube" read as a name: a platform ruled out
            if any(platform in r.value for r in excluded):
                continue  # the platform reader already ruled it out
            tokens.claim(start, end, "exclude_platforms")
            excluded.append(Reading("exclude_platforms", (platform,), tokens.span_text(start, end),
                                    tokens.starts[start], tokens.ends[end - 1]))
        readings += wanted + excluded
        readings += settle_places(read_places(tokens, self.places))
        readings.sort(key=lambda r: (r.start, r.field))
        readings = settle_readings(soften_preferences(readings, tokens.text), tokens.text)
        filters = filters_from_readings(readings)
        labels = [form is not None and form.label[start] for start in tokens.starts]
        if form is not None:
            readings = [_in_brief(reading, form, text) for reading in readings]
        return ParsedBrief(text=text, query_text=niche_text(tokens, labels) or text.strip(), filters=filters,
                           readings=tuple(readings))


def _in_brief(reading: Reading, form: PastedForm, text: str) -> Reading:
    """A reading of a pasted form's rewritten text, pointed back at the brief's own words."""
    start, end = form.in_brief(reading.start, reading.end)
    return replace(reading, phrase=text[start:end], start=start, end=end)


_SINGLE_VALUED = frozenset({"min_followers", "max_followers", "max_price_per_post", "campaign_budget", "k", "brand"})


# words that take back what was just said ("under 20k... no wait, under 50k", "$600... hmm no, let's say $400")
_TAKEN_BACK = re.compile(r"\b(?:no wait|wait|actually|sorry|make that|make it|let'?s say|i mean|i meant|scratch that|"
                         r"correction|or rather|on second thought|change (?:that|it) to|hmm,? no)\b", re.IGNORECASE)
CORRECTION_REACH = 80  # characters between a value and the one that corrects it


def settle_readings(readings: list[Reading], text: str = "") -> list[Reading]:
    """Readings a filter will not use become suggestions, with the reason: a second value for a field that holds
    one (the first in the brief wins, unless the brief takes it back: "under 20k... no wait, under 50k"), a ceiling
    below the floor read before it."""
    settled: list[Reading] = []
    first: dict[str, Reading] = {}
    for reading in readings:
        if reading.applied and reading.field in _SINGLE_VALUED:
            earlier = first.get(reading.field)
            between = text[earlier.end:reading.start] if earlier is not None and text else ""
            if earlier is not None and 0 < len(between) <= CORRECTION_REACH and _TAKEN_BACK.search(between):
                taken_back = replace(earlier, applied=False, note=f"corrected by '{reading.phrase}'")
                settled = [taken_back if r is earlier else r for r in settled]
                first[reading.field] = reading
            elif earlier is not None:
                reading = replace(reading, applied=False,
                                  note=f"the brief already set {reading.field} ('{earlier.phrase}')")
            else:
                first[reading.field] = reading
        settled.append(reading)
    low, high = first.get("min_followers"), first.get("max_followers")
    if low is not None and high is not None and low.value > high.value:
        # contradictory bounds: keep the floor, offer the ceiling
        settled = [replace(r, applied=False, note=f"below the minimum read from '{low.phrase}'") if r is high else r
                   for r in settled]
    return settled


def filters_from_readings(readings: Iterable[Reading]) -> Filters:
    """The hard filters the applied readings give (lists joined, the first of single values kept)."""
    values: dict[str, Any] = {}
    lists: dict[str, list[str]] = {"platforms": [], "tiers": [], "countries": [], "languages": [],
                                   "competitors": [], "exclude_platforms": []}
    for reading in readings:
        if not reading.applied:
            continue
        if reading.field in lists:
            lists[reading.field].extend(reading.value)
        elif reading.field == "followers":
            low, high = reading.value
            values.setdefault("min_followers", low)
            values.setdefault("max_followers", high)
        else:
            values.setdefault(reading.field, reading.value)
    platforms = list(dict.fromkeys(lists.pop("platforms")))
    excluded = set(lists.pop("exclude_platforms"))
    if excluded:
        platforms = [p for p in (platforms or PLATFORMS) if p not in excluded]
    low, high = values.get("min_followers"), values.get("max_followers")
    if low is not None and high is not None and low > high:
        values.pop("max_followers")  # contradictory bounds (see settle_readings): keep the floor
    values.update({key: tuple(dict.fromkeys(found)) for key, found in lists.items()})
    return Filters(platforms=tuple(platforms), **values)


def niche_text(tokens: Tokens, labels: Sequence[bool] = ()) -> str:
    """The brief's niche words: constraint phrases, advertiser boilerplate and function words removed.

    The advertiser's own name stays (it often says the niche: "Tidewater Tackle", "Lúa Cosmetics"); its cue
    words go. Words written together in the brief stay together ("plant-based"). `labels` marks the tokens of a
    pasted form's labels ("total_budget_gbp"), which go too.
    """
    removed = [kind is not None and kind != "brand" for kind in tokens.claimed]
    # the joining words next to a removed constraint go with it ("on TikTok or YouTube", "who are based in")
    changed = True
    while changed:
        changed = False
        for i in range(len(tokens)):
            if removed[i] or tokens.lower[i] not in _GLUE:
                continue
            right = i + 1 < len(tokens) and removed[i + 1]
            left = i > 0 and removed[i - 1]
            if right or (left and tokens.lower[i] in {",", "or", "and", "&", "/", "-", "–", "only"}):
                removed[i] = True
                changed = True
    pieces: list[str] = []
    previous = -2
    for i in range(len(tokens)):
        # labels' colons ("brand:", "Audience:") leave with the boilerplate: a colon pulls the vector off the niche
        boilerplate = tokens.lower[i] in REQUEST_WORDS or tokens.lower[i] in _FUNCTION_WORDS or tokens.words[i] == ":"
        # a function word inside a hyphenated word is part of it ("carry-on", "built-in", "stay-at-home")
        hyphenated = (i > 0 and tokens.words[i - 1] == "-" and tokens.ends[i - 1] == tokens.starts[i]) or (
            i + 1 < len(tokens) and tokens.words[i + 1] == "-" and tokens.ends[i] == tokens.starts[i + 1])
        boilerplate = (boilerplate and not hyphenated) or (i < len(labels) and labels[i])
        if removed[i] or tokens.words[i] == "\n" or (boilerplate and tokens.claimed[i] != "brand"):
            continue
        joined = previous == i - 1 and tokens.ends[i - 1] == tokens.starts[i]
        if joined and pieces:
            pieces[-1] += tokens.words[i]
        else:
            pieces.append(tokens.words[i])
        previous = i
    text = " ".join(pieces)
    text = re.sub(r"\s+([,.;:!?)%])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r"([,.;:!?|+/-])(\s*[,.;:!?|+/-])+", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    return re.sub(r"^[\s,.;:!?'\"()|+/-]+|[\s,;:'\"(|+/-]+$", "", " ".join(text.split()))


@cache
def default_reader() -> BriefReader:
    """The reader with the standard tables and the shipped brand tagger, built once per process (about a second)."""
    return BriefReader(brand_fallback=shipped_brand_tagger().read)


def parse_brief(text: str) -> ParsedBrief:
    """Read a brief with the default reader (`BriefReader.read`)."""
    return default_reader().read(text)


def warm_brief_reader() -> None:
    """Build the default reader's tables and spaCy's tokenizer now (about 1 s, once per process), not in a request."""
    parse_brief("warm-up")

