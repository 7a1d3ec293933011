"""Brand loyalty (repeat partnerships, few competing sponsors) and the brand events it is read from.

Sponsorships are read from the posts: `is_sponsored` when given, else disclosure markers (#ad,
#sponsored, "paid partnership", #werbung, ...), as the FTC and EU disclosure guides require.
Brands are the tagged handles (`brand_mentions`, else the caption's @mentions) plus hashtags for
organic mentions. The catalog has no brand categories, so every sponsor counts as a competitor of
every other when measuring how many brands a creator promotes.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

from matcher.protocols import TextMemo

SPONSORED_FOR_FULL_CONFIDENCE = 3
_DISCLOSURE = re.compile(
    r"(?:#(?:ad|ads|sponsored|spon|advert|advertisement|paidpartnership|werbung|anzeige|publicidad|"
    r"publicite|gifted)\b)|\bpaid partnership\b|\bsponsored by\b|\bin partnership with\b",
    re.IGNORECASE,
)
_MENTION = re.compile(r"(?<![\w.])@([A-Za-z0-9_.]{2,30})")
_HASHTAG = re.compile(r"#(\w{2,60})", re.UNICODE)
_MARKER_TAGS = frozenset({"ad", "ads", "sponsored", "spon", "advert", "advertisement", "paidpartnership",
                          "werbung", "anzeige", "publicidad", "publicite", "gifted"})


_NOT_BRAND_CHARACTER = re.compile(r"[^0-9a-z]")


def normalize_brand(name: str) -> str:
    """Brand or handle reduced to lowercase letters and digits with accents folded, so 'Red Bull' matches
    '@redbull' and "L'Oréal" '@loreal'; letters of other scripts are kept ('#無印良品')."""
    if name.isascii():
        return _NOT_BRAND_CHARACTER.sub("", name.lower())
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch))


# the non-ASCII characters Python's re.IGNORECASE takes for an ASCII letter (dotless and dotted i, long s,
# Kelvin sign); RE2 does not, so captions with them go straight to Python's regex
# (tests/matcher/test_loyalty.py finds this set by trying every code point)
FOLDS_TO_ASCII_LETTER = "\u0130\u0131\u017f\u212a"


def detect_sponsored(captions: pd.Series) -> NDArray[np.bool_]:
    """True where a caption carries a paid-partnership disclosure marker (`_DISCLOSURE`, Python's `re`).

    A missing or non-text caption has no marker.
    """
    texts = [text if isinstance(text, str) else "" for text in captions.tolist()]
    # Arrow's RE2 scans 40k captions in 0.16 s where Python's re takes 1.4 s. RE2's \b is ASCII-only and
    # every \b of the pattern touches an ASCII letter, so RE2 also matches where a marker runs into a
    # non-ASCII letter ('#adé') and never misses a match of Python's; its case folding lacks Python's
    # FOLDS_TO_ASCII_LETTER, so those captions are checked by Python too. Python's re decides every candidate.
    array = pa.array([text.encode("utf-8", "surrogatepass").decode("utf-8", "replace") for text in texts],
                     type=pa.large_string())
    maybe = pc.or_(pc.match_substring_regex(array, _DISCLOSURE.pattern, ignore_case=True),
                   pc.match_substring_regex(array, f"[{FOLDS_TO_ASCII_LETTER}]")).to_numpy(zero_copy_only=False)
    found = np.zeros(len(texts), dtype=bool)
    for position in np.flatnonzero(maybe):
        found[position] = _DISCLOSURE.search(texts[position]) is not None
    return found


def sponsored_flags(posts: pd.DataFrame) -> NDArray[np.bool_]:
    """Whether each post is sponsored: its `is_sponsored` value, else detected from the caption."""
    given = posts["is_sponsored"].to_numpy(dtype=object)
    detected = detect_sponsored(posts["caption"])
    return np.array([d if s is None or s is pd.NA else bool(s) for s, d in zip(given, detected, strict=True)],
                    dtype=bool)


def brand_events(posts: pd.DataFrame, sponsored: NDArray[np.bool_] | None = None,
                 memo: TextMemo | None = None) -> pd.DataFrame:
    """One row per (post, brand) mention: creator_id, post_id, brand, posted_at, sponsored, source.

    `source` is 'mention' for tagged handles and 'hashtag' for hashtags; only mentions can be
    sponsors, hashtags count as organic mentions. `sponsored` is `sponsored_flags(posts)` when the
    caller has it already; `memo` keeps each post's brands (`post_brands`) between builds.
    """
    if posts.empty:
        return _no_events()
    sponsored = sponsored_flags(posts) if sponsored is None else sponsored
    captions = [caption or "" for caption in posts["caption"].tolist()]
    mentions = posts["brand_mentions"].tolist()
    brand_of: dict[str, str] = {}  # each distinct handle or tag normalized once (Kim repeats them 417k times)

    def answer(positions: list[int]) -> list[str]:
        return [post_brands(captions[i], mentions[i], brand_of) for i in positions]

    if memo is None:
        found = answer(list(range(len(captions))))
    else:
        found = memo.answers([_post_key(caption, given) for caption, given in zip(captions, mentions, strict=True)],
                             answer)
    parts = [answer_text.split(_SEPARATOR) if answer_text else [] for answer_text in found]
    counts = np.fromiter((len(part) for part in parts), dtype=np.int64, count=len(parts))
    if not counts.sum():
        return _no_events()
    entries = list(chain.from_iterable(parts))
    take = np.repeat(np.arange(len(parts), dtype=np.int64), counts)
    is_mention = np.fromiter((entry[0] == "m" for entry in entries), dtype=bool, count=len(entries))
    # the post columns as Python values, so pandas infers every column's type as it does from row tuples
    events = pd.DataFrame({
        "creator_id": posts["creator_id"].to_numpy(dtype=object)[take].tolist(),
        "post_id": posts["post_id"].to_numpy(dtype=object)[take].tolist(),
        "brand": [entry[1:] for entry in entries],
        "posted_at": posts["posted_at"].take(take).reset_index(drop=True),
        "sponsored": np.asarray(sponsored, dtype=bool)[take] & is_mention,
        "source": ["mention" if mention else "hashtag" for mention in is_mention.tolist()],
    })
    return events


_SEPARATOR = "\x1f"  # between a post's brands; a normalized brand holds letters and digits only


def post_brands(caption: str, mentions: Sequence[str] | None, brand_of: dict[str, str] | None = None) -> str:
    """One post's brands in order, each once, as 'm<brand>' (a tagged handle) or 'h<brand>' (a hashtag) joined
    by `_SEPARATOR`: the handles are `mentions` when given, else the caption's @mentions; disclosure markers
    (#ad) are no brand. `brand_of` remembers normalized names across calls."""
    brand_of = {} if brand_of is None else brand_of
    handles = mentions if mentions else tuple(m.lower() for m in _MENTION.findall(caption))
    seen: set[str] = set()
    found: list[str] = []
    for name, source in [*((handle, "m") for handle in handles), *((tag, "h") for tag in _HASHTAG.findall(caption))]:
        brand = brand_of.get(name)
        if brand is None:
            brand = brand_of[name] = normalize_brand(name)
        if brand and brand not in seen and (source == "m" or brand not in _MARKER_TAGS):
            seen.add(brand)
            found.append(source + brand)
    return _SEPARATOR.join(found)


def _post_key(caption: str, mentions: Sequence[str] | None) -> str:
    """What a post's brands are read from, as one text: lengths first, so no two inputs give the same text."""
    if not mentions:
        return f"c{caption}"
    return f"t{len(mentions)}:" + "".join(f"{len(m)}:{m}" for m in mentions) + caption


def _no_events() -> pd.DataFrame:
    events = pd.DataFrame(columns=["creator_id", "post_id", "brand", "posted_at", "sponsored", "source"])
    events["sponsored"] = events["sponsored"].astype(bool)
    return events


class LoyaltySignal(NamedTuple):
    """Brand-independent loyalty: focus on few sponsors and share of repeat partnerships."""

    score: NDArray[np.floating[Any]]
    confidence: NDArray[np.floating[Any]]
    sponsored_posts: NDArray[np.integer[Any]]
    sponsor_brands: NDArray[np.integer[Any]]
    repeat_share: NDArray[np.floating[Any]]


def loyalty_signal(creator_ids: pd.Series, events: pd.DataFrame) -> LoyaltySignal:
    """Loyalty of each creator from its sponsored mentions.

    score = mean(1 / distinct sponsors, share of sponsored posts whose sponsor appears in >= 2 of
    them). No sponsored post means the signal is missing; confidence is full at 3 sponsored posts.
    """
    paid = events[events["sponsored"] & (events["source"] == "mention")]
    posts_per_brand = paid.groupby(["creator_id", "brand"])["post_id"].nunique().rename("posts").reset_index()
    sponsored_posts = paid.groupby("creator_id")["post_id"].nunique()
    brands = posts_per_brand.groupby("creator_id")["brand"].nunique()
    repeat_posts = paid.merge(posts_per_brand[posts_per_brand["posts"] >= 2], on=["creator_id", "brand"])
    repeat_share = repeat_posts.groupby("creator_id")["post_id"].nunique() / sponsored_posts
    n_posts = creator_ids.map(sponsored_posts).fillna(0).to_numpy(dtype=np.int64)
    n_brands = creator_ids.map(brands).fillna(0).to_numpy(dtype=np.int64)
    repeat = creator_ids.map(repeat_share).fillna(0.0).to_numpy(dtype=float)
    with np.errstate(divide="ignore"):
        focus = np.where(n_brands > 0, 1.0 / np.maximum(n_brands, 1), np.nan)
    score = np.where(n_posts > 0, (focus + repeat) / 2.0, np.nan)
    repeat = np.where(n_posts > 0, repeat, np.nan)
    confidence = np.minimum(1.0, n_posts / SPONSORED_FOR_FULL_CONFIDENCE)
    return LoyaltySignal(score, confidence.astype(np.float64), n_posts, n_brands, repeat)


@dataclass(frozen=True)
class BrandEvents:
    """Brand events with their distinct brand names coded once, so a brief's brand is looked up fast.

    Matching a name against every event's brand string cost 50 ms per brief at 330k events. The distinct
    names are sorted, so a name and every handle starting with it are one range of codes; the events sorted
    by code make that range one slice of event positions, found by binary search (microseconds).
    """

    events: pd.DataFrame
    names: pa.StringArray  # the distinct normalized names, sorted by code point (Arrow: no 4 bytes a character)
    codes: NDArray[np.int32]
    sponsored: NDArray[np.bool_]
    paid_mention: NDArray[np.bool_]
    mention: NDArray[np.bool_]  # a tagged account, not a hashtag
    by_code: NDArray[np.int32]  # event positions sorted by code
    code_starts: NDArray[np.intp]  # where each code's events begin in `by_code` (one more entry at the end)

    @classmethod
    def of(cls, events: pd.DataFrame) -> BrandEvents:
        """Code the brands of `events` (columns brand, and sponsored and source when present)."""
        # Arrow's dictionary encoding, then a sort of the distinct names only: no Python string per event (at 400k
        # Kim events those were 100 MB at the peak) and no fixed-width numpy strings (155k names of up to 60
        # characters held 37 MB as <U60); Arrow sorts by UTF-8 bytes, which is code point order
        brands = pa.array(events["brand"].astype(str).array)
        brands = brands.combine_chunks() if isinstance(brands, pa.ChunkedArray) else brands
        encoded = pc.dictionary_encode(pc.fill_null(brands, ""))
        order = pc.array_sort_indices(encoded.dictionary).to_numpy()
        names = encoded.dictionary.take(pa.array(order))
        rank = np.empty(len(order), dtype=np.int32)
        rank[order] = np.arange(len(order), dtype=np.int32)
        codes = rank[encoded.indices.to_numpy(zero_copy_only=False)]
        sponsored = (events["sponsored"].to_numpy(dtype=bool) if "sponsored" in events.columns
                     else np.zeros(len(events), dtype=bool))
        mention = ((events["source"] == "mention").to_numpy(dtype=bool) if "source" in events.columns
                   else np.zeros(len(events), dtype=bool))
        by_code = np.argsort(codes, kind="stable").astype(np.int32)
        starts = np.searchsorted(codes[by_code], np.arange(len(names) + 1))
        return cls(events, names, codes, sponsored, sponsored & mention, mention, by_code, starts)

    def _first_at_least(self, name: str) -> int:
        """Index of the first sorted name >= `name` (binary search on the Arrow array)."""
        return bisect.bisect_left(range(len(self.names)), name, key=lambda i: self.names[i].as_py())

    def positions(self, names: list[str]) -> NDArray[np.intp]:
        """Positions (ascending) of the events naming one of `names` (normalized): the name itself, as a tag or
        a hashtag, and, for names of 4 characters or more, a tagged account starting with it ('redbullgermany'
        is Red Bull's too; '#coaching' is not Coach's)."""
        found = []
        for name in dict.fromkeys(normalize_brand(n) for n in names):
            if not name:
                continue
            low = self._first_at_least(name)
            exact = low + int(low < len(self.names) and self.names[low].as_py() == name)
            found.append(self.by_code[self.code_starts[low]: self.code_starts[exact]])
            if len(name) >= 4:
                # every string starting with `name` sorts before `name` + the largest code point
                high = self._first_at_least(name + "\U0010ffff")
                longer = self.by_code[self.code_starts[exact]: self.code_starts[high]]
                found.append(longer[self.mention[longer]])
        return np.unique(np.concatenate(found)).astype(np.intp) if found else np.zeros(0, dtype=np.intp)

    def matching(self, names: list[str]) -> NDArray[np.bool_]:
        """True for each event naming one of `names` (see `positions`)."""
        hit = np.zeros(len(self.codes), dtype=bool)
        hit[self.positions(names)] = True
        return hit


class CompetitorConflict(NamedTuple):
    """A creator's paid promotion of a competitor: which one, and the date of the latest post."""

    creator_id: str
    competitor: str
    posted_at: pd.Timestamp


def competitor_conflicts(events: pd.DataFrame | BrandEvents, competitors: list[str]) -> dict[str, CompetitorConflict]:
    """Creators who ran a sponsored post for any named competitor, with the latest such post."""
    if not competitors:
        return {}
    coded = events if isinstance(events, BrandEvents) else BrandEvents.of(events)
    if coded.events.empty:
        return {}
    # positions first, then only their rows of three columns: masking the whole events frame cost 30 ms a brief
    # at 400k events (every column taken)
    positions = coded.positions(competitors)
    positions = positions[coded.paid_mention[positions]]
    if not len(positions):
        return {}
    hits = coded.events.iloc[positions][["creator_id", "brand", "posted_at"]].sort_values("posted_at", kind="stable")
    latest = hits.groupby("creator_id").tail(1)
    return {str(creator): CompetitorConflict(str(creator), str(brand), pd.Timestamp(posted_at))
            for creator, brand, posted_at in zip(latest["creator_id"], latest["brand"], latest["posted_at"],
                                                 strict=True)}
