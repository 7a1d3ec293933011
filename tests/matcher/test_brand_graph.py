"""The brand graph: names, PPMI by hand, similarity and competitor suggestions on tiny hand-made graphs."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sparse

from matcher.brand_graph import brand_names, brand_niches, build_brand_graph, ppmi, suggest_competitors
from matcher.loyalty import normalize_brand


@pytest.mark.parametrize(("written", "key"), [
    ("H&M", "hm"), ("@hm", "hm"), ("#HM", "hm"), ("Red Bull", "redbull"), ("@Zara", "zara"),
    ("Levi's", "levis"), ("Anastasia Beverly Hills", "anastasiabeverlyhills"),
])
def test_brand_names_are_normalized(written: str, key: str) -> None:
    assert normalize_brand(written) == key


def events(pairs: list[tuple[str, str]], source: str = "mention") -> pd.DataFrame:
    return pd.DataFrame({"creator_id": [c for c, _ in pairs], "post_id": [f"p{i}" for i in range(len(pairs))],
                         "brand": [b for _, b in pairs], "posted_at": pd.Timestamp("2024-01-01", tz="UTC"),
                         "sponsored": False, "source": source})


def test_a_brand_needs_enough_creators_mentioning_it() -> None:
    table = pd.concat([events([("a", "zara"), ("b", "zara"), ("c", "zara"), ("a", "mango"), ("b", "mango")]),
                       events([("a", "ootd"), ("b", "ootd"), ("c", "ootd")], source="hashtag")])
    # zara: 3 creators by @mention; mango 2; ootd only ever a hashtag, never a tagged account
    assert brand_names(table, min_creators=3).tolist() == ["zara"]
    assert brand_names(table, min_creators=2).tolist() == ["mango", "zara"]


def test_ppmi_by_hand() -> None:
    # two brands x three creators: brand 0 tagged by creators 0 and 1, brand 1 by creators 1 and 2
    counts = sparse.csr_matrix(np.array([[1, 1, 0], [0, 1, 1]], dtype=float))
    # total 4, row sums 2 and 2; smoothed creator probabilities count^0.75 / sum: 1, 2^0.75, 1
    context = np.array([1.0, 2 ** 0.75, 1.0])
    context /= context.sum()
    expected = np.zeros((2, 3))
    expected[0, 0] = math.log((1 / 4) / ((2 / 4) * context[0]))
    expected[0, 1] = math.log((1 / 4) / ((2 / 4) * context[1]))
    expected[1, 1] = math.log((1 / 4) / ((2 / 4) * context[1]))
    expected[1, 2] = math.log((1 / 4) / ((2 / 4) * context[2]))
    assert (expected[expected != 0] > 0).all()  # all positive here: none is cut
    np.testing.assert_allclose(ppmi(counts).toarray(), expected, rtol=1e-12)
    # a pair tagged together less often than chance is cut to 0
    rare = sparse.csr_matrix(np.array([[1, 0, 0, 0], [1, 1, 1, 1]], dtype=float))
    assert ppmi(rare).toarray()[1, 0] == 0.0 and ppmi(rare).toarray()[0, 0] > 0


def two_families() -> pd.DataFrame:
    """Fashion brands zara, mango, hm share creators f1..f4; makeup brands mac, nyx share m1..m4."""
    pairs = [(f"f{i}", brand) for i in range(1, 5) for brand in ("zara", "mango", "hm")]
    pairs += [(f"m{i}", brand) for i in range(1, 5) for brand in ("mac", "nyx")]
    pairs += [("f1", "zaraeurope"), ("f2", "zaraeurope"), ("f3", "zaraeurope")]
    return events(pairs)


def test_brands_that_share_creators_are_similar() -> None:
    graph = build_brand_graph(two_families(), min_creators=3, dimensions=4)
    assert graph.names.tolist() == ["hm", "mac", "mango", "nyx", "zara", "zaraeurope"]
    assert graph.creators.tolist() == [4, 4, 4, 4, 4, 3]
    similar = dict(graph.similar("Zara", k=5))
    # every fashion brand is nearer Zara than any makeup brand
    assert min(similar["mango"], similar["hm"]) > max(similar.get("mac", -1.0), similar.get("nyx", -1.0))
    # mac and nyx are tagged by exactly the same creators: the same brand, as far as the catalog can tell
    assert dict(graph.similar("mac"))["nyx"] == pytest.approx(1.0, abs=1e-5)
    assert graph.similar("unknown brand") == []
    np.testing.assert_allclose(np.linalg.norm(graph.vectors, axis=1), 1.0, rtol=1e-5)


def test_competitors_are_similar_brands_of_the_same_niche_without_the_brands_own_accounts() -> None:
    table = two_families()
    graph = build_brand_graph(table, min_creators=3, dimensions=4)
    niche = {**{f"f{i}": "fashion" for i in range(1, 5)}, **{f"m{i}": "makeup" for i in range(1, 5)}}
    niches = brand_niches(table, graph, niche)
    assert niches == {"hm": "fashion", "mango": "fashion", "zara": "fashion", "zaraeurope": "fashion",
                      "mac": "makeup", "nyx": "makeup"}
    suggested = [name for name, _ in suggest_competitors(graph, "zara", niches, min_similarity=0.0)]
    assert sorted(suggested) == ["hm", "mango"]  # not zaraeurope (Zara's own), not mac or nyx (makeup)
    assert [name for name, _ in suggest_competitors(graph, "zara", niches, min_similarity=0.0,
                                                    exclude=("H&M",))] == ["mango"]


def test_the_graph_key_follows_what_the_fit_reads() -> None:
    from matcher.brand_graph import brand_counts, graph_key

    def key(table: pd.DataFrame) -> str:
        return graph_key(brand_counts(table))

    table = two_families()
    assert key(table) == key(table.iloc[::-1])  # order does not matter
    again = pd.concat([table, table.iloc[:1].assign(post_id="another post")])
    assert key(again) == key(table)  # the same creator tagging the same brand again: same fit
    assert key(pd.concat([table, events([("f1", "nyx")])])) != key(table)  # a new pair of brands
    assert key(pd.concat([table, events([("x9", "zara")])])) != key(table)  # zara has a 5th creator
    assert key(table.assign(source="hashtag")) != key(table)  # no tagged account: no brand at all
    # what the fit does not read leaves the key: a hashtag that spells no brand, an account too few creators tag
    assert key(pd.concat([table, events([("f1", "update"), ("f2", "update")], source="hashtag")])) == key(table)
    assert key(pd.concat([table, events([("f1", "tinyshop"), ("m1", "tinyshop")])])) == key(table)
    assert key(table) != graph_key(brand_counts(table), dimensions=8)  # another fit


def test_the_graph_from_counts_equals_the_graph_from_events() -> None:
    from matcher.brand_graph import brand_counts, fit_brand_graph

    table = two_families()
    counts = brand_counts(table)
    # by hand: zara, mango, hm each tagged by f1..f4, zaraeurope by f1..f3; zara and zaraeurope share 3
    names = counts.names.tolist()
    assert names == ["hm", "mac", "mango", "nyx", "zara", "zaraeurope"]
    dense = counts.cooccurrence.toarray()
    assert dense[names.index("zara"), names.index("zaraeurope")] == 3
    assert dense[names.index("zara"), names.index("mac")] == 0
    assert np.diag(dense).tolist() == [4, 4, 4, 4, 4, 3]
    fitted, built = fit_brand_graph(counts, dimensions=4), build_brand_graph(table, dimensions=4)
    assert fitted.creators.tolist() == built.creators.tolist() == [4, 4, 4, 4, 4, 3]
    np.testing.assert_array_equal(fitted.vectors, built.vectors)
