"""Brand safety from what creators post: the share of recent captions touching each sensitive topic.

The topics are the "Sensitive Topics" branch of the IAB Tech Lab Content Taxonomy 3.1 (shipped in
`matcher/data/`, CC BY 3.0), plus content featuring children, which many brands screen for. The taxonomy
names the topics but lists no words, so each topic has a short list of unambiguous terms written here
(`TOPIC_TERMS`); a caption touches a topic when it contains one of them as a word or phrase, or as the
start of a hashtag ("#winelover", "#gunsofinstagram"). The lists leave out words with an everyday
second sense ("shooting" a photo, "killing it", "baby blue", "glue gun"), trading coverage for precision:
a flag names the caption and the words that triggered it, so it can be checked.

Per creator and topic: the share of recent captions that touch it; the confidence grows with the
captions read (full at `CAPTIONS_FOR_FULL_CONFIDENCE`, like engagement's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from matcher.languages import MIN_TEXT_PROBABILITY
from matcher.mixes import parsed_mix

CAPTIONS_FOR_FULL_CONFIDENCE = 3
MAX_EXAMPLES = 2
HASHTAG_PREFIX_LETTERS = 7
SAFETY_VERSION = "v5"  # of the term lists: a change must empty the cached flags

# topic key -> (IAB Content Taxonomy 3.1 "Sensitive Topics" name, or our own for children; terms)
TOPIC_TERMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "adult": ("Adult & Explicit Sexual Content", (
        "porno", "pornography", "nsfw", "onlyfans", "nudity", "sex tape", "sexting",
        "camgirl", "strip club", "erotic", "fetish", "bdsm")),
    "arms": ("Arms & Ammunition", (
        "firearm", "firearms", "rifle", "rifles", "handgun", "handguns", "ammo",
        "ammunition", "ar15", "ar-15", "glock", "concealed carry", "gun range", "2nd amendment", "second amendment")),
    "crime": ("Crime & Harmful Acts to Individuals, Society & Human Right Violations", (
        "murdered", "robbery", "stabbing", "kidnapped", "kidnapping", "assaulted",
        "sexual assault", "rape", "human trafficking", "domestic violence", "abuse survivor", "mass shooting",
        "shot dead", "hate crime", "police brutality", "burglary")),
    "death_injury_conflict": ("Death, Injury, or Military Conflict", (
        "rest in peace", "passed away", "funeral", "r.i.p", "condolences", "in loving memory",
        "war", "warzone", "airstrike", "casualties", "car crash", "car accident", "injured", "injury",
        "hospitalized", "terminal cancer")),
    "debated_social_issues": ("Debated Sensitive Social Issues", (
        "abortion", "pro-life", "pro-choice", "prolife", "prochoice", "gun control", "death penalty",
        "immigration", "deportation", "refugees", "blacklivesmatter", "black lives matter", "metoo",
        "climate strike", "lgbtq rights", "gay marriage", "same-sex marriage", "protesters", "election")),
    "hate_aggression": ("Hate Speech and Acts of Aggression", (
        "white power", "white supremacy", "nazi", "neo-nazi", "kkk", "racist", "racism", "bigot", "homophobic",
        "transphobic", "antisemitic", "antisemitism", "islamophobia", "xenophobia", "hate speech", "cyberbullying")),
    "drugs_alcohol_tobacco": ("Illegal Drugs, Tobacco, eCigarettes, Vaping, Alcohol", (
        "cocaine", "heroin", "meth", "mdma", "ecstasy", "lsd", "weed", "marijuana", "cannabis", "thc", "stoner",
        "420", "joint rolling", "vape", "vaping", "vapes", "e-cigarette", "ecig", "juul", "cigarette",
        "cigarettes", "cigar", "cigars", "tobacco", "hookah", "shisha", "alcohol", "beer", "beers", "wine", "wines",
        "vodka", "whiskey", "whisky", "bourbon", "tequila", "rum", "gin", "cocktail", "cocktails", "champagne",
        "prosecco", "sangria", "mimosa", "mimosas", "brewery", "winery", "hangover",
        "booze", "happy hour", "ipa", "mezcal", "aperol")),
    "obscenity_profanity": ("Obscenity and Profanity", (
        "fuck", "fucking", "fucked", "motherfucker", "shit", "shitty", "bullshit", "bitch", "bitches", "asshole",
        "dick", "pussy", "cunt", "wtf", "stfu", "af", "damn", "goddamn", "bastard", "slut", "whore")),
    "online_piracy": ("Online Piracy", (
        "torrent", "torrents", "pirated", "piracy", "cracked apk", "watch free online",
        "free movies online", "iptv")),
    "spam_harmful": ("Spam or Harmful Content", (
        "follow4follow", "followforfollow", "f4f", "like4like", "l4l", "likeforlike", "followback",
        "follow back", "gain followers", "free followers", "dm for promo", "dm for collab", "shoutout4shoutout",
        "s4s", "get rich quick", "crypto giveaway", "double your money", "click the link to win")),
    "terrorism": ("Terrorism", (
        "terrorist", "terrorists", "terrorism", "terror attack", "isis", "al qaeda", "jihadist", "suicide bomber",
        "bomb attack", "car bomb", "extremist", "radicalized")),
    "children": ("Content featuring children", (
        "my son", "my daughter", "my sons", "my daughters", "my kids", "our kids", "the kids", "my kid",
        "my children", "our children", "my boys", "my girls", "my baby", "our baby", "my toddler", "toddler",
        "toddlers", "newborn", "newborns", "baby boy", "baby girl", "kiddo", "kiddos", "little one",
        "little ones", "my little man", "preschooler", "kindergarten", "momlife", "mumlife", "dadlife",
        "kidsfashion", "kidsofinstagram", "babiesofinstagram", "toddlerlife", "boymom", "girlmom")),
}
# phrases whose words would trigger a topic they are not about: removed before matching
NOT_TOPICS = ("cocktail dress", "cocktail dresses", "cocktail ring", "cocktail party", "drunk elephant", "wine red",
              "wine colored", "wine coloured", "wine colour", "glue gun", "heat gun", "nail gun", "gun metal",
              "top gun", "water gun", "rip curl", "gin gin", "war paint")
TOPICS = tuple(TOPIC_TERMS)
IAB_TOPICS = tuple(topic for topic in TOPICS if topic != "children")


@dataclass(frozen=True)
class _Terms:
    topic_of: dict[str, str]  # term (words joined by one space) -> topic
    hashtag_terms: dict[str, str]  # term without spaces -> topic
    phrase_words: dict[str, int]  # first word of a phrase -> words in the longest phrase it starts


@cache
def _terms() -> _Terms:
    topic_of: dict[str, str] = {}
    for topic, (_, terms) in TOPIC_TERMS.items():
        for term in terms:
            topic_of.setdefault(" ".join(_TOKEN.findall(term.lower())), topic)
    starts = {term.replace(" ", ""): topic for term, topic in topic_of.items()}
    phrase_words: dict[str, int] = {}
    for term in topic_of:
        words = term.split()
        phrase_words[words[0]] = max(phrase_words.get(words[0], 1), len(words))
    return _Terms(topic_of, starts, phrase_words)


_TOKEN = re.compile(r"[#@]?\w+(?:[-.']\w+)*")


def caption_topics(text: str, english: bool = True) -> dict[str, list[str]]:
    """The topics a caption touches, each with the terms that triggered it (lower case, in order).

    Words are read as tokens and matched as whole words or phrases ("gin" is not in "begin"), only when
    the caption is English (`english`; the lists are English: German "war" is "was", Portuguese "kkk" is
    laughter). A hashtag counts in any language when it is a term, or starts with a term of
    `HASHTAG_PREFIX_LETTERS` letters or more ("#cocktailhour"; "#ipad" is not "ipa", "#riflessi" not "rifle").
    """
    if not isinstance(text, str) or not text:
        return {}
    terms = _terms()
    lower = text.lower()
    for phrase in NOT_TOPICS:
        if phrase in lower:
            lower = lower.replace(phrase, " ")
    found: dict[str, list[str]] = {}

    def add(topic: str, term: str) -> None:
        seen = found.setdefault(topic, [])
        if term not in seen:
            seen.append(term)

    tokens = _TOKEN.findall(lower)
    words = [token if token[0] not in "#@" else "" for token in tokens]  # a hashtag or handle ends a phrase
    for i, token in enumerate(tokens):
        if token[0] == "#":
            tag = token[1:].replace("_", "")
            for end in range(len(tag), HASHTAG_PREFIX_LETTERS - 1, -1) if len(tag) > HASHTAG_PREFIX_LETTERS \
                    else (len(tag),):
                topic = terms.hashtag_terms.get(tag[:end])
                if topic is not None:
                    add(topic, tag[:end])
                    break
            continue
        if not english:
            continue
        longest = terms.phrase_words.get(words[i], 0)
        for n in range(min(longest, len(words) - i), 0, -1):
            if not all(words[i: i + n]):
                continue
            phrase = " ".join(words[i: i + n])
            topic = terms.topic_of.get(phrase)
            if topic is not None:
                add(topic, phrase)
                break
    return found


def reads_as_english(identified: Sequence[tuple[str, float] | None]) -> list[bool]:
    """Whether each caption's words may be read with the English term lists: identified as English, or not
    identified with confidence (too short, or under `MIN_TEXT_PROBABILITY`); `identified` is a
    `LanguageIdentifier`'s answer per caption."""
    return [item is None or item[0] == "en" or item[1] < MIN_TEXT_PROBABILITY for item in identified]


TERM_SLOTS = 4  # triggering terms kept per caption in the cache
ROW_WIDTH = len(TOPICS) + TERM_SLOTS  # of `as_rows`


@cache
def _vocabulary() -> tuple[tuple[str, ...], dict[str, int], dict[str, str]]:
    """Every term a caption can be flagged by (phrases and their hashtag forms), its index and its topic."""
    terms = _terms()
    topic_of = {**terms.hashtag_terms, **terms.topic_of}
    ordered = tuple(sorted(topic_of))
    return ordered, {term: i for i, term in enumerate(ordered)}, topic_of


def as_rows(flags: Sequence[dict[str, list[str]]]) -> NDArray[np.float32]:
    """Each caption's topics as 0/1 columns (`TOPICS`), then up to `TERM_SLOTS` triggering term indexes (-1 for
    none), cacheable like vectors."""
    _, index_of, _ = _vocabulary()
    out = np.zeros((len(flags), len(TOPICS) + TERM_SLOTS), dtype=np.float32)
    out[:, len(TOPICS):] = -1.0
    for i, found in enumerate(flags):
        slot = len(TOPICS)
        for topic, terms in found.items():
            out[i, TOPICS.index(topic)] = 1.0
            for term in terms:
                if slot < out.shape[1]:
                    out[i, slot] = index_of[term]
                    slot += 1
    return out


@dataclass(frozen=True)
class SensitiveContent:
    """Per creator: each topic's share of recent captions (touched topics only), the confidence, and for each
    topic up to `MAX_EXAMPLES` triggering captions as 'post_id: term, term'."""

    shares: list[dict[str, float]]
    confidence: NDArray[np.float64]
    evidence: list[dict[str, list[str]]]


def sensitive_content(creator_rows: NDArray[np.int64], touched: NDArray[np.float32], post_ids: Sequence[str],
                      n_creators: int) -> SensitiveContent:
    """Each creator's sensitive-topic shares from its captions' `as_rows` (see the module docstring).

    Parameters
    ----------
    creator_rows
        The creator (row position) of each caption.
    touched
        `as_rows` of each caption's topics, aligned with `creator_rows`.
    post_ids
        Each caption's post, to name the triggering captions.
    """
    rows = np.asarray(creator_rows, dtype=np.int64)
    if not len(rows) == len(touched) == len(post_ids):
        raise ValueError("sensitive_content: one creator row, topic row and post id per caption")
    vocabulary, _, topic_of = _vocabulary()
    flags = touched[:, :len(TOPICS)] if len(rows) else np.zeros((0, len(TOPICS)), dtype=np.float32)
    read = np.bincount(rows, minlength=n_creators).astype(np.float64)
    counts = np.zeros((n_creators, len(TOPICS)))
    if len(rows):
        np.add.at(counts, rows, flags)
    shares: list[dict[str, float]] = [{} for _ in range(n_creators)]
    evidence: list[dict[str, list[str]]] = [{} for _ in range(n_creators)]
    for row, column in zip(*np.nonzero(counts), strict=True):
        shares[int(row)][TOPICS[int(column)]] = round(float(counts[row, column] / read[row]), 3)
    for i in (np.flatnonzero(flags.any(axis=1)).tolist() if len(rows) else []):
        by_topic: dict[str, list[str]] = {}
        for index in touched[i, len(TOPICS):].tolist():
            if index >= 0:
                term = vocabulary[int(index)]
                by_topic.setdefault(topic_of[term], []).append(term)
        for topic, terms in by_topic.items():
            examples = evidence[int(rows[i])].setdefault(topic, [])
            if len(examples) < MAX_EXAMPLES:
                examples.append(f"{post_ids[i]}: {', '.join(dict.fromkeys(terms))}")
    confidence = np.minimum(1.0, read / CAPTIONS_FOR_FULL_CONFIDENCE)
    return SensitiveContent(shares, confidence, evidence)


@dataclass(frozen=True)
class SensitiveTopic:
    """One sensitive topic a creator's captions touch, as an answer shows it."""

    topic: str
    name: str  # the IAB Content Taxonomy's name for it
    share: float
    confidence: float
    examples: tuple[str, ...]  # 'post_id: term, term' of the captions that triggered it

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"topic": self.topic, "name": self.name, "share": self.share, "confidence": round(self.confidence, 3),
                "examples": list(self.examples)}


def sensitive_topics(shares: Any, confidence: Any, evidence: Any) -> tuple[SensitiveTopic, ...]:
    """One creator's stored sensitive-content columns as answer items, the largest share first."""
    shares, evidence = parsed_mix(shares), parsed_mix(evidence)
    if not isinstance(shares, dict) or not shares:
        return ()
    examples = evidence if isinstance(evidence, dict) else {}
    return tuple(SensitiveTopic(topic, TOPIC_TERMS[topic][0], float(share), float(confidence),
                                tuple(examples.get(topic, ())))
                 for topic, share in sorted(shares.items(), key=lambda item: (-item[1], item[0])))
