"""What a creator is embedded from: the bio and recent captions, cleaned for a sentence encoder."""

from __future__ import annotations

import re

import pandas as pd

from matcher.protocols import TextMemo

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w.])@[\w.]+")
_HASHTAG = re.compile(r"#(\w+)", re.UNICODE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# emoji and pictographs carry little for a wordpiece encoder and become [UNK] tokens
_SYMBOLS = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D\u2B00-\u2BFF]+")
_RULES = re.compile(r"[•·|_~=*\-.]{2,}")  # separator lines ('.....', '-----') that captions use as spacing
MAX_UNIT_CHARS = 600  # the encoder reads ~128 tokens; longer text only costs time


def clean_text(text: str) -> str:
    """Caption or bio as plain words: hashtags become words, links, handles and emoji are dropped."""
    # each pattern runs only where its marker character can be: a regex scan costs ~8 us per caption,
    # a substring test a fraction of that (63k texts of the Kim catalog: 2.1 s -> 1.7 s)
    if "://" in text or "www." in text.lower():
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _MENTION.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(_hashtag_words, text)
    if not text.isascii():  # every symbol the pattern drops is outside ASCII
        text = _SYMBOLS.sub(" ", text)
    text = _RULES.sub(" ", text)
    return " ".join(text.split())[:MAX_UNIT_CHARS]


def _hashtag_words(match: re.Match[str]) -> str:
    """A hashtag's words: #SummerVibes -> ' Summer Vibes ', #summer_vibes -> ' summer vibes '."""
    tag = match.group(1)
    if not tag.islower():  # an all-lowercase tag has no lower-upper seam to split (most tags: 1.0 -> 0.6 s on Kim)
        tag = _CAMEL.sub(" ", tag)
    return " " + tag.replace("_", " ") + " "


def creator_units(creators: pd.DataFrame, recent: pd.DataFrame, memo: TextMemo | None = None) -> pd.DataFrame:
    """One row per text unit to embed: the bio and each recent caption of every creator.

    Columns: creator_row (position in `creators`), source ('bio' or 'caption'), post_id, text
    (cleaned, what is embedded) and shown (the original, for evidence). Units with no words are
    left out; a creator may end with no unit at all. `memo` keeps `clean_text`'s answers between builds.
    """
    row_of = pd.Series(range(len(creators)), index=creators["creator_id"].to_numpy())
    bios = pd.DataFrame({
        "creator_row": range(len(creators)), "source": "bio", "post_id": "",
        "shown": creators["bio"].to_numpy(dtype=object),
    })
    captions = pd.DataFrame({
        "creator_row": recent["creator_id"].map(row_of).to_numpy(), "source": "caption",
        "post_id": recent["post_id"].to_numpy(dtype=object), "shown": recent["caption"].to_numpy(dtype=object),
    })
    units = pd.concat([bios, captions], ignore_index=True)
    shown = units["shown"].tolist()
    if memo is None:
        units["text"] = [clean_text(t) for t in shown]
    else:  # a nightly rebuild meets 99% of its texts again: cleaning them was 2 of its 25 s on Kim
        units["text"] = memo.answers(shown, lambda positions: [clean_text(shown[i]) for i in positions])
    units = units[units["text"].str.len() > 0]
    return units.sort_values(["creator_row", "source"], kind="stable").reset_index(drop=True)
