from __future__ import annotations

import pandas as pd

from matcher.documents import MAX_UNIT_CHARS, clean_text, creator_units


def test_clean_text_keeps_words_and_drops_noise() -> None:
    assert clean_text("Leg day!! #LegDay #gym_life @coach https://x.co/1 💪🔥 ----") == "Leg day!! Leg Day gym life"
    assert len(clean_text("word " * 1000)) == MAX_UNIT_CHARS


def test_units_are_bio_then_captions_per_creator_and_skip_empty_text() -> None:
    creators = pd.DataFrame({"creator_id": ["a", "b"], "bio": ["Baker", ""]})
    recent = pd.DataFrame({"creator_id": ["b", "a", "b"], "post_id": ["1", "2", "3"],
                           "caption": ["bread", "cake", "🔥🔥"]})
    units = creator_units(creators, recent)
    assert units[["creator_row", "source", "post_id", "text"]].values.tolist() == [
        [0, "bio", "", "Baker"], [0, "caption", "2", "cake"], [1, "caption", "1", "bread"]]


def test_clean_text_skips_only_patterns_that_cannot_match() -> None:
    import matcher.documents as documents

    def every_pattern(text: str) -> str:  # the reference: all five substitutions on every text
        text = documents._URL.sub(" ", text)
        text = documents._MENTION.sub(" ", text)
        text = documents._HASHTAG.sub(lambda m: " " + documents._CAMEL.sub(" ", m.group(1)).replace("_", " ") + " ",
                                      text)
        text = documents._SYMBOLS.sub(" ", text)
        text = documents._RULES.sub(" ", text)
        return " ".join(text.split())[:MAX_UNIT_CHARS]

    texts = ["see WWW.Shop.com now", "HTTPS://x.io/a b", "plain ascii words", "café ☀️ time", "a@b and @handle",
             "#NoFilter life", "☀", "dots..... and --- rules", "ftp://files.example", "wwwx. not a url", "",
             "#summer_vibes #lowercase", "#ÉtéParis", "#MixedCase_Tag", "#123abc #2024", "#日本 #eSports"]
    assert [clean_text(t) for t in texts] == [every_pattern(t) for t in texts]
    assert clean_text("see WWW.Shop.com now") == "see now"
    # by hand: only an ASCII lowercase letter followed by an ASCII capital splits ("éP" does not)
    assert clean_text("#summer_vibes #eSports #ÉtéParis") == "summer vibes e Sports ÉtéParis"


def test_units_cleaned_through_a_memo_equal_those_without_and_clean_only_new_texts() -> None:
    from tests.matcher.test_loyalty import DictMemo

    creators = pd.DataFrame({"creator_id": ["a", "b"], "bio": ["Baker #BreadLife", "Runner"]})
    recent = pd.DataFrame({"creator_id": ["b", "a", "b"], "post_id": ["1", "2", "3"],
                           "caption": ["bread @x", "Runner", "🔥🔥"]})
    memo = DictMemo()
    pd.testing.assert_frame_equal(creator_units(creators, recent, memo), creator_units(creators, recent))
    assert len(memo.computed[0]) == 4  # 'Runner' is a bio and a caption: cleaned once
    recent.loc[0, "caption"] = "sourdough #RealBread"
    before = set(memo.kept)
    units = creator_units(creators, recent, memo)
    assert len(memo.computed[1]) == 1 and set(memo.kept) - before == {"sourdough #RealBread"}
    # by hand: the new caption's hashtag split into words
    assert units[units["post_id"] == "1"]["text"].tolist() == ["sourdough Real Bread"]
