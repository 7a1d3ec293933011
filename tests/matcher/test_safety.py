"""Sensitive content from captions: each topic's terms on hand-written captions, and the per-creator rule by hand."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.safety import IAB_TOPICS, TOPICS, as_rows, caption_topics, sensitive_content, sensitive_topics


@pytest.mark.parametrize(("caption", "expected"), [
    ("Cheers to the weekend! #cocktailhour #wine", {"drugs_alcohol_tobacco": ["cocktail", "wine"]}),
    ("#winelover", {}),  # a hashtag starts a term only from seven letters on: 'wine' must be the whole tag
    ("Bellissimi riflessi #riflessi", {}),  # Italian 'reflections' does not start with 'rifle'
    ("Love you all xxx", {}),  # kisses
    ("Wearing a wine red cocktail dress tonight", {}),  # a colour and a dress, not drinks
    ("Hot glue gun and paper: easy DIY", {}),
    ("New range day with my AR-15", {"arms": ["ar-15"]}),
    ("Marching for gun control today", {"debated_social_issues": ["gun control"]}),  # the phrase, not 'gun'
    ("RIP grandpa. Rest in peace", {"death_injury_conflict": ["rest in peace"]}),  # 'RIP' to a sold-out pin too
    ("This look is cute af", {"obscenity_profanity": ["af"]}),
    ("Photo shooting today, killing it", {}),  # everyday senses left out
    ("Let the games begin on the forum", {}),  # 'gin' and 'rum' inside words
    ("#ipad unboxing", {}),
    ("My nude lipstick of the day", {}),  # a colour
    ("Follow for more! #follow4follow #like4like", {"spam_harmful": ["follow4follow", "like4like"]}),
    ("My son turned 3 today #momlife", {"children": ["my son", "momlife"]}),
    ("", {}),
])
def test_topics_of_hand_written_captions(caption: str, expected: dict[str, list[str]]) -> None:
    assert caption_topics(caption) == expected


def test_a_caption_in_another_language_is_read_for_its_hashtags_only() -> None:
    # German 'war' is 'was', Portuguese 'kkk' is laughter; the spam hashtag reads the same in any language
    assert caption_topics("Die Party war toll #follow4follow", english=False) == {"spam_harmful": ["follow4follow"]}
    assert caption_topics("kkk muito bom", english=False) == {}
    assert caption_topics("kkk muito bom") == {"hate_aggression": ["kkk"]}


def test_every_topic_but_children_is_an_iab_sensitive_topic() -> None:
    assert set(TOPICS) - set(IAB_TOPICS) == {"children"} and len(IAB_TOPICS) == 11


def test_a_creators_shares_confidence_and_examples_by_hand() -> None:
    captions = ["Friday beers with the team", "Sunday hike", "Wine tasting #winery",   # creator 0: 2 of 3
                "Morning run",                                                       # creator 1: none of 1
                "My son and the kids at the beach"]                                  # creator 3 (2: no caption)
    rows = np.array([0, 0, 0, 1, 3])
    touched = as_rows([caption_topics(c) for c in captions])
    result = sensitive_content(rows, touched, ["p1", "p2", "p3", "p4", "p5"], 4)
    assert result.shares == [{"drugs_alcohol_tobacco": 0.667}, {}, {}, {"children": 1.0}]
    # confidence grows with the captions read: full at three
    assert result.confidence.tolist() == pytest.approx([1.0, 1 / 3, 0.0, 1 / 3])
    assert result.evidence[0] == {"drugs_alcohol_tobacco": ["p1: beers", "p3: wine, winery"]}
    assert result.evidence[3] == {"children": ["p5: my son, the kids"]}
    shown = sensitive_topics(result.shares[0], result.confidence[0], result.evidence[0])
    assert shown[0].name == "Illegal Drugs, Tobacco, eCigarettes, Vaping, Alcohol"
    assert shown[0].to_dict()["share"] == 0.667 and shown[0].examples == ("p1: beers", "p3: wine, winery")
