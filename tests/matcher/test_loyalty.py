from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from matcher.loyalty import (
    BrandEvents,
    brand_events,
    competitor_conflicts,
    loyalty_signal,
    normalize_brand,
    sponsored_flags,
)


def posts(rows: list[tuple[str, str, str, object, tuple[str, ...]]]) -> pd.DataFrame:
    return pd.DataFrame({
        "creator_id": [r[0] for r in rows],
        "post_id": [r[1] for r in rows],
        "posted_at": pd.to_datetime([f"2024-01-0{i + 1}" for i in range(len(rows))], utc=True),
        "caption": [r[2] for r in rows],
        "is_sponsored": [r[3] for r in rows],
        "brand_mentions": [r[4] for r in rows],
    })


def test_sponsorship_from_flag_else_disclosure_markers() -> None:
    frame = posts([("a", "1", "love it #ad", None, ()), ("a", "2", "Paid partnership with x", None, ()),
                   ("a", "3", "#ad but flagged false", False, ()), ("a", "4", "#adventure time", None, ()),
                   ("a", "5", "plain", True, ())])
    assert sponsored_flags(frame).tolist() == [True, True, False, False, True]



def test_disclosure_detection_agrees_with_python_regex_where_re2_differs() -> None:
    from matcher.loyalty import _DISCLOSURE, detect_sponsored

    captions = ["love it #ad", "#AD", "#Werbung!", "#adé new", "#ad你好", "#advert", "#adventure",
                "PAID PARTNERSHIP", "paid partnerships", "unpaid partnership", "in partnership with @x",
                "sponsored by", "sponsored byé", "x#ad", "##ad", "", "#gifted_box", "#gifted", "éin partnership with",
                "#ſponsored", "mid\u200d#ad", "paıd partnership", "İn partnership with", "#gıfted", "ſponſored by",
                "bad \udc80 bytes #ad"]
    expected = [_DISCLOSURE.search(text) is not None for text in captions]
    # by hand: Python's \b is Unicode-aware, so '#adé', '#ad你好', 'sponsored byé' and 'éin partnership'
    # are not markers (RE2 alone would say they are); Python's IGNORECASE reads 'ı', 'İ' and 'ſ' as i, i and s
    # (RE2 alone would miss those)
    assert expected == [True, True, True, False, False, True, False, True, False, False, True, True, False,
                        True, True, False, False, True, False, True, True, True, True, True, True, True]
    assert detect_sponsored(pd.Series([*captions, None, 3], dtype=object)).tolist() == [*expected, False, False]


def test_the_characters_python_folds_to_ascii_letters_are_all_known() -> None:
    import re

    from matcher.loyalty import FOLDS_TO_ASCII_LETTER

    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(code) for code in range(0x80, 0x110000)
             if not 0xD800 <= code < 0xE000 and letter.fullmatch(chr(code))}
    assert found == set(FOLDS_TO_ASCII_LETTER)

def test_brand_events_from_mentions_or_caption_handles_and_hashtags() -> None:
    frame = posts([("a", "1", "thanks @Red.Bull #ad #energy", None, ()),
                   ("a", "2", "with @friend", False, ("glowlab",))])
    events = brand_events(frame)
    rows = set(map(tuple, events[["post_id", "brand", "sponsored", "source"]].to_numpy().tolist()))
    # post 1 has no brand_mentions, so its @mention is parsed; '#ad' is a marker, not a brand
    assert rows == {("1", "redbull", True, "mention"), ("1", "energy", False, "hashtag"),
                    ("2", "glowlab", False, "mention")}


def test_loyalty_score_by_hand() -> None:
    frame = posts([
        ("loyal", "1", "", True, ("x",)), ("loyal", "2", "", True, ("x",)), ("loyal", "3", "", True, ("x",)),
        ("mixed", "1", "", True, ("x",)), ("mixed", "2", "", True, ("x",)), ("mixed", "3", "", True, ("y",)),
        ("mixed", "4", "", True, ("z",)), ("once", "1", "", True, ("x",)), ("organic", "1", "", False, ("x",)),
    ])
    ids = pd.Series(["loyal", "mixed", "once", "organic"])
    signal = loyalty_signal(ids, brand_events(frame))
    # loyal: 1 brand -> focus 1, all 3 posts to a repeat partner -> repeat 1 -> 1.0
    # mixed: 3 brands -> focus 1/3, 2 of 4 posts to a repeat partner -> 0.5 -> (1/3 + 1/2)/2
    # once: focus 1, repeat 0 -> 0.5 at confidence 1/3; organic: no sponsored post -> missing
    assert signal.score[:3] == pytest.approx([1.0, (1 / 3 + 0.5) / 2, 0.5])
    assert np.isnan(signal.score[3])
    assert signal.confidence == pytest.approx([1.0, 1.0, 1 / 3, 0.0])
    assert signal.sponsor_brands.tolist() == [1, 3, 1, 0]


def test_competitor_conflicts_and_brand_counts() -> None:
    from matcher.brand_fit import CreatorBrands, brand_fit
    from matcher.brand_graph import build_brand_graph

    frame = posts([("a", "1", "", True, ("redbullgermany",)), ("a", "2", "", True, ("redbull",)),
                   ("b", "1", "", False, ("redbull",)), ("c", "1", "", True, ("monster",)),
                   ("d", "1", "", True, ("red",))])
    events = brand_events(frame)
    conflicts = competitor_conflicts(events, ["Red Bull"])
    # a promoted Red Bull twice (the latest is kept); b only mentioned it unpaid: no conflict;
    # d's sponsor 'red' is shorter than the name and does not match
    assert set(conflicts) == {"a"}
    assert conflicts["a"].posted_at == pd.Timestamp("2024-01-02", tz="UTC")
    assert normalize_brand("Red Bull") == "redbull"
    graph = build_brand_graph(events)
    coded, tagged = BrandEvents.of(events), CreatorBrands.of(events, graph)
    monster = brand_fit(["a", "b", "c", "d"], "monster", coded, graph, tagged)
    assert monster.paid_posts.tolist() == [0, 0, 1, 0] and monster.organic_posts.tolist() == [0, 0, 0, 0]
    red_bull = brand_fit(["a", "b", "c", "d"], "Red Bull", coded, graph, tagged)
    # a: two paid posts (redbull and its own redbullgermany); b: one unpaid; d's 'red' is not Red Bull
    assert red_bull.paid_posts.tolist() == [2, 0, 0, 0] and red_bull.organic_posts.tolist() == [0, 1, 0, 0]


def test_coded_brand_matching_equals_matching_every_event_string() -> None:
    from matcher.loyalty import BrandEvents

    rng = np.random.default_rng(1)
    vocabulary = ["redbull", "redbullgermany", "red", "monster", "monsterenergy", "nike", "nikerunning", "adidas",
                  "bull", "rockstar"]
    brands = [vocabulary[i] for i in rng.integers(0, len(vocabulary), 500)]
    events = pd.DataFrame({"brand": brands, "sponsored": rng.random(500) < 0.5,
                           "source": np.where(rng.random(500) < 0.7, "mention", "hashtag")})
    coded = BrandEvents.of(events)
    for names in (["Red Bull"], ["red"], ["Nike", "MONSTER"], ["bull"], ["unknown brand"], []):
        wanted = [normalize_brand(n) for n in names]
        # slow reference: the rule applied to each event's own string (a longer name counts for a tagged account
        # only: '#redbullgermany' is a topic tag, '@redbullgermany' Red Bull's account)
        expected = [any(b == w or (len(w) >= 4 and b.startswith(w) and source == "mention") for w in wanted)
                    for b, source in zip(brands, events["source"], strict=True)]
        assert coded.matching(names).tolist() == expected
    assert coded.paid_mention.tolist() == [s and m == "mention" for s, m in zip(events["sponsored"], events["source"],
                                                                                 strict=True)]



def _random_posts(seed: int = 5, count: int = 300) -> tuple[list[tuple[Any, ...]], pd.DataFrame]:
    """Posts mixing handles, brand hashtags, disclosure markers and tagged brands, as rows and as a table."""
    rng = np.random.default_rng(seed)
    words = ["@RedBull", "@red.bull", "#redbull", "#ad", "@nike", "#Nike", "#gifted", "@ad", "#x", "hello", "@A_B"]
    rows = []
    for i in range(count):
        caption = " ".join(rng.choice(words, size=int(rng.integers(0, 6))))
        tagged = rng.choice(["glowlab", "Glow Lab", "nike"], size=int(rng.integers(0, 3)))
        mentions = tuple(tagged) if i % 4 == 0 else ()
        rows.append((f"c{i % 7}", str(i), caption, [None, True, False][i % 3], mentions))
    frame = pd.DataFrame({
        "creator_id": [r[0] for r in rows], "post_id": [r[1] for r in rows],
        "posted_at": pd.date_range("2024-01-01", periods=len(rows), freq="h", tz="UTC"),
        "caption": [r[2] for r in rows], "is_sponsored": [r[3] for r in rows], "brand_mentions": [r[4] for r in rows]})
    return rows, frame


class DictMemo:
    """The smallest `TextMemo`: answers kept in a dict, recording which positions it was asked to compute."""

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}
        self.computed: list[list[int]] = []

    def answers(self, texts: Any, compute: Any) -> list[str]:
        new = sorted({text: i for i, text in reversed(list(enumerate(texts))) if text not in self.kept}.values())
        self.computed.append(new)
        self.kept.update(zip([texts[i] for i in new], compute(new), strict=True))
        return [self.kept[text] for text in texts]


def test_brand_events_match_a_per_post_reference() -> None:
    import re

    rows, frame = _random_posts()
    paid = sponsored_flags(frame)
    expected = []
    for position, (creator_id, post_id, caption, _, mentions) in enumerate(rows):
        handles = mentions or tuple(m.lower() for m in re.findall(r"(?<![\w.])@([A-Za-z0-9_.]{2,30})", caption))
        seen: set[str] = set()
        for handle in handles:
            brand = re.sub(r"[^0-9a-z]", "", handle.lower())
            if brand and brand not in seen:
                seen.add(brand)
                expected.append((creator_id, post_id, brand, bool(paid[position]), "mention"))
        for tag in re.findall(r"#(\w{2,60})", caption):
            brand = re.sub(r"[^0-9a-z]", "", tag.lower())
            if brand and brand not in seen and brand not in {"ad", "gifted"}:
                seen.add(brand)
                expected.append((creator_id, post_id, brand, False, "hashtag"))
    events = brand_events(frame)
    got = list(map(tuple, events[["creator_id", "post_id", "brand", "sponsored", "source"]].to_numpy().tolist()))
    assert got == expected and len(expected) > 100
    # the column types pandas infers from row tuples, as the table was first built
    reference = pd.DataFrame([(c, p, b, frame["posted_at"].iloc[int(p)], s, source) for c, p, b, s, source in expected],
                             columns=["creator_id", "post_id", "brand", "posted_at", "sponsored", "source"])
    pd.testing.assert_frame_equal(events, reference)
    assert (events["posted_at"].to_numpy() == frame["posted_at"].to_numpy()[events["post_id"].astype(int)]).all()



def test_brand_events_keep_the_types_of_the_ids_and_an_empty_table_its_columns() -> None:
    frame = posts([("a", "1", "thanks @nike", None, ()), ("b", "2", "plain", None, ())])
    numbered = frame.assign(creator_id=[7, 8], post_id=[1, 2])
    events = brand_events(numbered)
    assert events["creator_id"].tolist() == [7] and events["creator_id"].dtype == np.int64
    categorical = frame.assign(creator_id=frame["creator_id"].astype("category"))
    assert brand_events(categorical)["brand"].tolist() == ["nike"]
    empty = brand_events(frame.iloc[[1]])
    assert list(empty.columns) == ["creator_id", "post_id", "brand", "posted_at", "sponsored", "source"]
    assert len(empty) == 0 and empty["sponsored"].dtype == bool


def test_brand_lookup_by_ranges_equals_the_scan_of_every_name() -> None:
    names = ["zara", "zaraeurope", "zarahome", "zar", "hm", "hmx", "redbull", "redbullgermany", "nike",
             "nikewomen", "ni", "mango", "zz", "a", "coach", "coaching", "coachlife"]
    table = pd.DataFrame({"creator_id": [f"c{i % 5}" for i in range(len(names) * 2)],
                          "post_id": [str(i) for i in range(len(names) * 2)],
                          "brand": names + names[::-1], "posted_at": pd.Timestamp("2024-01-01"),
                          "sponsored": False,
                          # the first half tagged accounts, the second half hashtags
                          "source": ["mention"] * len(names) + ["hashtag"] * len(names)})
    coded = BrandEvents.of(table)
    for asked in (["Zara"], ["H&M"], ["Red Bull"], ["nike", "zar"], ["ni"], ["nik"], ["zzz"], ["a"], [""],
                  ["mango", "Mango"], ["Coach"]):
        # the slow reference, on each event's own brand string (not on the coding under test)
        expected = _matching_events(table["brand"].to_numpy(dtype=str), np.arange(len(table)),
                                    (table["source"] == "mention").to_numpy(dtype=bool), asked)
        assert coded.matching(asked).tolist() == expected.tolist(), asked
    # by hand: Zara's name as a tag and a hashtag, and the tagged accounts starting with it (not the hashtags)
    assert sorted(zip(table.loc[coded.matching(["Zara"]), "brand"], table.loc[coded.matching(["Zara"]), "source"],
                      strict=True)) == [("zara", "hashtag"), ("zara", "mention"), ("zaraeurope", "mention"),
                                        ("zarahome", "mention")]
    # '#coaching' is a topic, not Coach's: only the account 'coaching' counts
    assert sorted(table.loc[coded.matching(["Coach"]), "source"].tolist()) == ["hashtag", "mention", "mention",
                                                                                "mention"]


@pytest.mark.parametrize(("written", "key"), [
    ("L'Oréal Paris", "lorealparis"), ("Estée Lauder", "esteelauder"), ("Chloé", "chloe"), ("無印良品", "無印良品"),
    ("H&M", "hm"), ("Red Bull", "redbull"), ("🔥", ""),
])
def test_brand_names_fold_accents_and_keep_other_scripts(written: str, key: str) -> None:
    assert normalize_brand(written) == key


# the slow references of BrandEvents.matching: every name scanned, then every event
def _matching_names(values: Any, names: list[str]) -> Any:
    """Names equal to one of `names` (normalized) or, for names of 4 characters or more, starting with it."""
    wanted = [normalize_brand(n) for n in names if normalize_brand(n)]
    hit = np.zeros(len(values), dtype=bool)
    for name in wanted:
        # 'redbullgermany' is Red Bull's too; short names must match exactly to avoid noise
        hit |= (values == name) | (np.char.startswith(values, name) if len(name) >= 4 else False)
    return hit


def _matching_events(names: Any, codes: Any, mention: Any,
                     wanted: list[str]) -> Any:
    """The slow reference of `BrandEvents.matching`: every name scanned, then every event."""
    exact = np.isin(names, [normalize_brand(n) for n in wanted])[codes]
    return exact | (_matching_names(names, wanted)[codes] & mention)


def test_brand_events_with_a_memo_equal_those_without_and_a_rebuild_reads_only_changed_posts() -> None:
    _, frame = _random_posts(seed=8, count=200)
    plain = brand_events(frame)
    memo = DictMemo()
    pd.testing.assert_frame_equal(brand_events(frame, memo=memo), plain)
    # the same caption with and without tagged brands is two different inputs
    assert len(memo.computed[0]) == len({(c, m) for c, m in zip(frame["caption"], frame["brand_mentions"],
                                                                 strict=True)})
    changed = frame.copy()
    changed.loc[3, "caption"] = "new post @Oatly #oatly #ad"
    changed.loc[4, "brand_mentions"] = ("Oatly",)
    changed.loc[5, "is_sponsored"] = not bool(sponsored_flags(frame)[5])  # a flag alone: its brands are known
    again = brand_events(changed, memo=memo)
    pd.testing.assert_frame_equal(again, brand_events(changed))
    assert [changed.loc[i, "caption"] for i in memo.computed[1]] == ["new post @Oatly #oatly #ad",
                                                                     changed.loc[4, "caption"]]
    # by hand: post 3's handle and hashtag are one brand, '#ad' is a marker; post 4's tagged brand replaces
    # its caption's handles
    assert again[again["post_id"] == "3"][["brand", "source"]].values.tolist() == [["oatly", "mention"]]
    assert again[again["post_id"] == "4"]["brand"].tolist()[0] == "oatly"
