"""Build, publish, load: manifests, checksums, cache reuse, and the serving version surviving failures."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from index import EmbeddingCache, IndexStore, StoreError, build_store, open_matcher
from matcher import CatalogError
from matcher.mixes import MIX_COLUMNS, parsed_mix
from tests.helpers import HashingEncoder, write_posts


def test_build_writes_a_self_describing_version_and_publishes_it(small_demo, tmp_path: Path) -> None:
    demo, creators, posts = small_demo
    encoder = HashingEncoder()
    report = build_store(creators, posts, tmp_path / "store", encoder)
    store = IndexStore(tmp_path / "store")
    assert store.current_version() == report.version and store.versions() == [report.version]
    manifest = store.manifest(report.version)
    assert manifest["model"] == encoder.model_name and manifest["dimension"] == encoder.dimension
    assert manifest["schema_version"] == 1
    assert manifest["counts"]["creators"] == len(demo.creators) == report.creators
    assert manifest["counts"]["posts"] == len(demo.posts)
    # a Flat index is its own exact vectors: no creator_vectors.npy beside it
    assert set(manifest["files"]) == {"index.faiss", "creators.arrow", "units.arrow",
                                      "unit_vectors.npy", "brand_events.arrow", "brand_graph.npz", "drift.json",
                                      "description_vectors.npz"}
    assert set(report.stage_seconds) >= {"load", "model", "cache_load", "signals", "embed", "index", "drift", "write",
                                         "verify", "publish", "cache_save"}
    loaded = store.load()
    assert loaded.search.size == len(demo.creators)
    # creator vectors are the normalized mean of their text vectors
    units = loaded.index.units
    first = units["creator_row"] == 0
    mean = loaded.index.unit_vectors[first.to_numpy()].mean(axis=0)
    assert loaded.index.creator_vectors[0] == pytest.approx(mean / np.linalg.norm(mean), abs=1e-6)


class CountingEncoder(HashingEncoder):
    """The hashing encoder, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def encode(self, texts, *, show_progress: bool = False):  # type: ignore[no-untyped-def]
        self.texts.extend(texts)
        return super().encode(texts, show_progress=show_progress)


def test_a_loaded_version_brings_its_taxonomy_vectors_so_a_server_embeds_only_briefs(small_demo, tmp_path) -> None:
    from index import matcher_for
    from matcher.taxonomy import creator_niches, iab_content_taxonomy

    _, creators, posts = small_demo
    build_store(creators, posts, tmp_path / "store", HashingEncoder())
    loaded = IndexStore(tmp_path / "store").load()
    described = list(creator_niches().descriptions) + list(iab_content_taxonomy().descriptions)
    stored = loaded.index.description_vectors
    assert set(stored) == set(described)
    reference = HashingEncoder().encode(described[:3] + described[-3:])
    assert np.allclose(np.stack([stored[t] for t in described[:3] + described[-3:]]), reference)
    counting = CountingEncoder()
    matcher = matcher_for(loaded, counting)
    assert counting.texts == []  # neither the creator niches nor the IAB taxonomy were embedded again
    assert np.allclose(matcher.niche_prototypes(), HashingEncoder().encode(list(creator_niches().descriptions)))
    matcher.match("dog training tips", k=3)
    assert counting.texts and all(text not in stored for text in counting.texts)
    # a version written before they were kept: the taxonomies are embedded when the matcher is made
    from dataclasses import replace

    from matcher import Matcher

    older = CountingEncoder()
    Matcher(replace(loaded.index, description_vectors={}), older, loaded.search)
    assert set(creator_niches().descriptions) <= set(older.texts)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_a_loaded_version_maps_its_tables_and_vectors_instead_of_copying_them(hashing_store) -> None:
    from tests.helpers import column_address, mapped_ranges

    store = IndexStore(hashing_store)
    folder = store.versions_dir / store.current_version()
    loaded = store.load()
    index = loaded.index
    for table, file_name, columns in ((index.creators, "creators.arrow", ("creator_id", "handle", "followers",
                                                                          "engagement_rate", "trust_score")),
                                      (index.units, "units.arrow", ("creator_row", "shown", "post_id")),
                                      (index.brand_events, "brand_events.arrow", ("brand", "creator_id"))):
        ranges = mapped_ranges(folder / file_name)
        for column in columns:
            address = column_address(table[column])
            assert any(low <= address < high for low, high in ranges), f"{file_name}: {column} is a copy"
    # the flat index's vectors too: FAISS maps its codes from index.faiss
    vectors = loaded.search.vectors()
    address = int(vectors.__array_interface__["data"][0])
    assert any(low <= address < high for low, high in mapped_ranges(folder / "index.faiss"))


def test_a_version_of_the_parquet_store_format_still_loads_and_answers_the_same(hashing_store, tmp_path) -> None:
    """Versions written before the tables were Arrow files (store format 1) keep serving after an upgrade."""
    from index import open_matcher
    from index.store import sha256_of

    shutil.copytree(hashing_store, tmp_path / "store")
    store = IndexStore(tmp_path / "store")
    folder = store.versions_dir / store.current_version()
    manifest = json.loads((folder / "manifest.json").read_text())
    for name in ("creators", "units", "brand_events"):
        frame = pd.read_feather(folder / f"{name}.arrow")
        frame.to_parquet(folder / f"{name}.parquet", index=False)
        (folder / f"{name}.arrow").unlink()
        del manifest["files"][f"{name}.arrow"]
        manifest["files"][f"{name}.parquet"] = {"sha256": sha256_of(folder / f"{name}.parquet"),
                                                "bytes": (folder / f"{name}.parquet").stat().st_size}
    (folder / "manifest.json").write_text(json.dumps({**manifest, "store_format": 1}))
    old, new = store.load().index, IndexStore(hashing_store).load().index
    for name in ("units", "brand_events"):
        pd.testing.assert_frame_equal(getattr(old, name), getattr(new, name))
    pd.testing.assert_frame_equal(old.creators.drop(columns=["categories", "flags", "niche_tags"]),
                                  new.creators.drop(columns=["categories", "flags", "niche_tags"]))
    assert old.creators["flags"].tolist() == new.creators["flags"].tolist()
    brief = "dog training tips for new puppy owners"
    got = open_matcher(tmp_path / "store", HashingEncoder()).match(brief, k=5)
    expected = open_matcher(hashing_store, HashingEncoder()).match(brief, k=5)
    assert len(got.results) == 5
    assert [(m.creator_id, m.score) for m in got.results] == [(m.creator_id, m.score) for m in expected.results]


def test_second_build_reuses_the_cache_and_keeps_results(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    encoder = HashingEncoder()
    first = build_store(creators, posts, tmp_path / "s", encoder)
    second = build_store(creators, posts, tmp_path / "s", encoder)
    assert first.embedded > 0 and first.reused == 0
    assert second.embedded == 0 and second.reused == first.embedded
    store = IndexStore(tmp_path / "s")
    assert store.versions() == sorted([first.version, second.version])
    a = store.load(first.version).index
    b = store.load(second.version).index
    assert np.array_equal(a.unit_vectors, b.unit_vectors)


def test_a_rebuild_refits_the_brand_graph_from_the_new_posts(small_demo, tmp_path: Path) -> None:
    import pandas as pd

    from matcher import build_brand_graph

    _, creators, posts = small_demo
    encoder = HashingEncoder()
    first = build_store(creators, posts, tmp_path / "s", encoder)
    store = IndexStore(tmp_path / "s")
    before = store.load(first.version).index.brand_graph
    assert before is not None and "newbrandco" not in before.names
    assert store.manifest(first.version)["counts"]["brands"] == len(before.names) > 0
    # three creators tag a brand the catalog never saw: after the rebuild it is a brand of the graph
    table = pd.read_csv(posts, dtype=str)
    ids = table["creator_id"].drop_duplicates().head(3).tolist()
    extra = pd.DataFrame({"creator_id": ids, "post_id": [f"new{i}" for i in range(3)],
                          "posted_at": "2024-06-01T10:00:00Z", "caption": "New favourite @newbrandco",
                          "likes": 10, "comments": 1})
    grown = tmp_path / "posts2.csv"
    pd.concat([table, extra], ignore_index=True).to_csv(grown, index=False)
    second = build_store(creators, grown, tmp_path / "s", encoder)
    after = store.load(second.version).index
    assert after.brand_graph is not None and "newbrandco" in after.brand_graph.names
    row = int(np.flatnonzero(after.brand_graph.names == "newbrandco")[0])
    assert after.brand_graph.creators[row] == 3
    # the stored graph is the one a fit from scratch on the version's events gives
    scratch = build_brand_graph(after.brand_events)
    assert scratch.names.tolist() == after.brand_graph.names.tolist()
    np.testing.assert_allclose(scratch.vectors, after.brand_graph.vectors, atol=1e-5)
    # the fit is kept in the cache; a rebuild whose posts tag the same brands reads it instead of refitting
    kept = list((tmp_path / "s" / "cache").glob("brand_graph-*.npz"))
    assert len(kept) == 1
    written = kept[0].stat().st_mtime_ns
    third = build_store(creators, grown, tmp_path / "s", encoder)
    assert kept[0].stat().st_mtime_ns == written
    again = store.load(third.version).index.brand_graph
    assert again is not None and np.array_equal(again.vectors, after.brand_graph.vectors)


def test_a_failed_build_leaves_the_serving_version_untouched(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    encoder = HashingEncoder()
    good = build_store(creators, posts, tmp_path / "s", encoder)
    matcher = open_matcher(tmp_path / "s", encoder)
    before = [m.creator_id for m in matcher.match("dog puppy", k=5).results]
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(CatalogError, match="file is empty"):
        build_store(empty, None, tmp_path / "s", encoder)
    store = IndexStore(tmp_path / "s")
    assert store.current_version() == good.version and store.versions() == [good.version]
    assert not list((tmp_path / "s" / "versions").glob(".staging-*"))
    after = [m.creator_id for m in open_matcher(tmp_path / "s", encoder).match("dog puppy", k=5).results]
    assert after == before


def test_damaged_files_are_detected(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    report = build_store(creators, posts, tmp_path / "s", HashingEncoder())
    folder = tmp_path / "s" / "versions" / report.version
    data = bytearray((folder / "unit_vectors.npy").read_bytes())
    data[-1] ^= 0xFF
    (folder / "unit_vectors.npy").write_bytes(bytes(data))
    with pytest.raises(StoreError, match="unit_vectors.npy does not match its manifest checksum"):
        IndexStore(tmp_path / "s").load()
    with pytest.raises(StoreError, match="no index has been built yet"):
        IndexStore(tmp_path / "nothing").load()


def test_rejects_report_is_written_per_version(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    bad = tmp_path / "creators.csv"
    bad.write_text(creators.read_text() + "zz,h,myspace,1,,,,,,,,,,,,,\n")
    report = build_store(bad, posts, tmp_path / "s", HashingEncoder())
    assert report.rejected_rows == 1 and report.rejects_file is not None
    rejects = Path(report.rejects_file).read_text()
    assert "unknown platform 'myspace'" in rejects


def test_old_versions_are_pruned_but_never_the_serving_one(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    encoder = HashingEncoder()
    versions = [build_store(creators, posts, tmp_path / "s", encoder, keep_versions=2).version for _ in range(3)]
    store = IndexStore(tmp_path / "s")
    assert store.versions() == versions[1:]
    store.switch(versions[1])
    assert store.prune(1) == [versions[2]] and store.versions() == [versions[1]]


def test_cache_damage_only_costs_time(tmp_path: Path) -> None:
    encoder = HashingEncoder(dimension=16)
    cache = EmbeddingCache(tmp_path, "hashing-16", 16)
    vectors, stats = cache.embed(["a b", "c", "a b"], encoder.encode)
    assert stats.embedded == 2 and np.array_equal(vectors[0], vectors[2])
    cache.save()
    (cache.folder / "cache.npz").write_bytes(b"garbage")
    again = EmbeddingCache(tmp_path, "hashing-16", 16)
    assert len(again) == 0
    _, stats = again.embed(["a b"], encoder.encode)
    assert stats.embedded == 1


def test_manifest_is_json(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    report = build_store(creators, posts, tmp_path / "s", HashingEncoder())
    text = (tmp_path / "s" / "versions" / report.version / "manifest.json").read_text()
    assert json.loads(text)["version"] == report.version


def test_pooled_creator_vectors_by_hand_and_against_add_at() -> None:
    from index.build import pool_creator_vectors

    # creator 0: (3,0) + (0,4) -> (3,4)/5; creator 1: no text -> 0; creator 2: (0,2) -> (0,1); rows unsorted
    vectors = np.array([[0, 4], [0, 2], [3, 0]], dtype=np.float32)
    pooled = pool_creator_vectors(vectors, np.array([0, 2, 0]), 3)
    np.testing.assert_allclose(pooled, [[0.6, 0.8], [0.0, 0.0], [0.0, 1.0]], atol=1e-7)
    assert pool_creator_vectors(np.zeros((0, 2), np.float32), np.zeros(0, np.int64), 2).tolist() == [[0, 0], [0, 0]]
    # the slow reference: np.add.at in input order
    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((500, 8)).astype(np.float32)
    rows = rng.integers(0, 120, 500)
    sums = np.zeros((130, 8))
    np.add.at(sums, rows, vectors)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    reference = np.where(norms > 0, sums / np.maximum(norms, 1e-12), 0.0).astype(np.float32)
    # same additions in the same order: bit for bit, in one block or in blocks smaller than a creator's texts
    np.testing.assert_array_equal(pool_creator_vectors(vectors, rows, 130), reference)
    np.testing.assert_array_equal(pool_creator_vectors(vectors, rows, 130, block=3), reference)
    np.testing.assert_array_equal(pool_creator_vectors(vectors, rows, 130, block=64), reference)


def test_a_catalog_without_posts_builds_and_matches_on_bios(tmp_path: Path) -> None:
    from matcher.signals import NO_POSTS_FLAG

    creators = tmp_path / "creators.csv"
    creators.write_text(
        "creator_id,handle,platform,followers,bio\n"
        "dog,dogs_daily,instagram,5000,dog walks and puppy training every day\n"
        "cake,cake_lab,instagram,8000,cakes cookies and sourdough baking\n"
        "quiet,quiet_one,instagram,3000,\n", encoding="utf-8")
    posts = tmp_path / "posts.csv"
    posts.write_text("creator_id,post_id,posted_at,caption,likes,comments\n", encoding="utf-8")  # header only
    report = build_store(creators, posts, tmp_path / "store", HashingEncoder())
    assert (report.creators, report.posts, report.creators_without_posts) == (3, 0, 3)
    store = IndexStore(tmp_path / "store")
    assert store.manifest(report.version)["counts"]["creators_without_posts"] == 3
    matcher = open_matcher(tmp_path / "store", HashingEncoder())
    top = matcher.match("puppy training and dog walks", k=2, preset="balanced").results
    assert top[0].creator_id == "dog"
    assert NO_POSTS_FLAG in top[0].flags
    creators_table = store.load().index.creators.set_index("creator_id")
    # engagement, loyalty and cost are unknown, not zero: confidence 0, no score
    for signal in ("engagement", "loyalty", "cost"):
        assert (creators_table[f"{signal}_confidence"] == 0).all()
        assert creators_table[f"{signal}_score"].isna().all()


ITALIAN = ["Oggi vi mostro la mia ricetta preferita per una cena veloce",
           "Che bella giornata al mare con gli amici, finalmente estate"]
SPANISH = ["Hoy os enseño mi receta favorita para una cena rápida con amigos",
           "Qué día tan bonito en la playa con mis amigas, por fin verano"]
ENGLISH = ["Today I am sharing my favourite recipe for a quick dinner with friends",
           "What a beautiful day at the beach with my friends, summer at last"]


def _language_catalog(tmp_path: Path) -> tuple[Path, Path]:
    creators = tmp_path / "creators.csv"
    creators.write_text("creator_id,handle,platform,followers,language\n"
                        "ita,ita,instagram,5000,\n"          # Italian captions, no language given
                        "esp,esp,instagram,5000,en\n"        # Spanish captions, the catalog says English
                        "eng,eng,instagram,5000,\n", encoding="utf-8")
    posts = write_posts(tmp_path, {"ita": ITALIAN, "esp": SPANISH, "eng": ENGLISH})
    return creators, posts


def test_the_build_infers_content_languages_and_the_catalogs_own_value_wins(tmp_path: Path) -> None:
    from matcher import Filters, MatchSettings

    creators, posts = _language_catalog(tmp_path)
    build_store(creators, posts, tmp_path / "store", HashingEncoder())
    table = IndexStore(tmp_path / "store").load().index.creators.set_index("creator_id")
    assert table.loc["ita", "language_inferred"] == "it" and table.loc["esp", "language_inferred"] == "es"
    assert table.loc["ita", "language_inferred_confidence"] > 0.6
    assert parsed_mix(table.loc["ita", "language_shares"]) == {"it": 1.0}
    matcher = open_matcher(tmp_path / "store", HashingEncoder())
    italian = matcher.match("recipes", filters=Filters(languages=("it",)), preset="relevance").results
    assert [m.creator_id for m in italian] == ["ita"]
    assert italian[0].language is not None and italian[0].language.source == "inferred"
    assert italian[0].to_dict()["language"]["value"] == "it"
    # the catalog says English for 'esp': its Spanish captions do not override it
    assert [m.creator_id for m in matcher.match("recipes", filters=Filters(languages=("es",))).results] == []
    english = matcher.match("recipes", filters=Filters(languages=("en",)), preset="relevance").results
    assert {m.creator_id for m in english} == {"esp", "eng"}
    assert {m.creator_id: m.language.source for m in english if m.language} == {"esp": "catalog", "eng": "inferred"}
    # under the confidence setting a guess is unknown: excluded by default, let in with unknown=include
    strict = open_matcher(tmp_path / "store", HashingEncoder(), MatchSettings(inferred_min_confidence=0.9999))
    assert [m.creator_id for m in strict.match("recipes", filters=Filters(languages=("it",))).results] == []
    let_in = Filters(languages=("it",), unknown=(("language", "include"),))
    assert "ita" in {m.creator_id for m in strict.match("recipes", filters=let_in).results}


def test_a_rebuild_identifies_only_new_texts(tmp_path: Path) -> None:
    from index.build import index_catalog
    from index.cache import EmbeddingCache
    from matcher import MatchSettings, load_catalog
    from matcher.languages import Py3LangId

    class Counting(Py3LangId):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def identify(self, texts):  # type: ignore[no-untyped-def]
            self.seen += list(texts)
            return super().identify(texts)

    creators, posts = _language_catalog(tmp_path)
    with posts.open("a", encoding="utf-8") as handle:  # a caption too short to identify: a None answer to cache
        handle.write('eng,eng9,2024-05-09T10:00:00Z,"Yes! 🎉",100,5\n')
    catalog = load_catalog(creators, posts)
    cache = EmbeddingCache(tmp_path / "cache", "languages|test", 3)
    first = Counting()
    index_catalog(catalog, HashingEncoder(), MatchSettings(), "v1", languages=first, language_cache=cache)
    assert len(first.seen) == 7  # seven captions, no bios
    cache.save()
    reloaded = EmbeddingCache(tmp_path / "cache", "languages|test", 3)  # from disk, as the next build reads it
    assert reloaded.status == "loaded" and len(reloaded) == 7
    again = Counting()
    index, _, _ = index_catalog(catalog, HashingEncoder(), MatchSettings(), "v2", languages=again,
                                language_cache=reloaded)
    assert again.seen == [] and list(index.creators["language_inferred"]) == ["it", "es", "en"]


def _place_catalog(tmp_path: Path) -> tuple[Path, Path]:
    creators = tmp_path / "creators.csv"
    creators.write_text("creator_id,handle,platform,followers,country\n"
                        "tor,tor,instagram,5000,\n"        # says where home is, no country given
                        "lon,lon,instagram,5000,FR\n"      # London captions, the catalog says France
                        "trip,trip,instagram,5000,\n"      # one holiday in Toronto: not a home
                        "none,none,instagram,5000,\n", encoding="utf-8")
    captions = {"tor": ["Toronto-based baker: fresh sourdough bread every morning", "New loaves #torontoblogger"],
                "lon": ["Living in London: my favourite bakery for bread", "Sourdough bread again #londonblogger"],
                "trip": ["Our vacation in Toronto: bread at the market", "Baking bread at home again"],
                "none": ["Sourdough bread baking day", "Another loaf of bread"]}
    posts = write_posts(tmp_path, captions)
    return creators, posts


def test_the_build_infers_home_countries_and_the_catalogs_own_value_wins(tmp_path: Path) -> None:
    from matcher import Filters, MatchSettings

    creators, posts = _place_catalog(tmp_path)
    report = build_store(creators, posts, tmp_path / "store", HashingEncoder())
    table = IndexStore(tmp_path / "store").load().index.creators.set_index("creator_id")
    # two home cues for CA: weight 6, share 1, confidence 6/7
    assert table.loc["tor", "country_inferred"] == "CA"
    assert table.loc["tor", "country_inferred_confidence"] == pytest.approx(6 / 7)
    assert parsed_mix(table.loc["tor", "country_weights"]) == {"CA": 6.0}  # kept as the stored text
    # a travel caption's mention counts a quarter: confidence 1 x 0.25 / 1.25, under the 0.6 setting
    assert table.loc["trip", "country_inferred_confidence"] == pytest.approx(0.2)
    matcher = open_matcher(tmp_path / "store", HashingEncoder())
    canada = matcher.match("sourdough bread", filters=Filters(countries=("CA",)), preset="relevance").results
    assert [m.creator_id for m in canada] == ["tor"]
    assert canada[0].to_dict()["country"] == {"value": "CA", "source": "inferred", "confidence": round(6 / 7, 3)}
    # the catalog's France wins over London captions
    assert [m.creator_id for m in matcher.match("bread", filters=Filters(countries=("GB",))).results] == []
    france = matcher.match("bread", filters=Filters(countries=("FR",))).results
    assert [(m.creator_id, m.country.source if m.country else None) for m in france] == [("lon", "catalog")]
    # under the confidence setting the guess is unknown: excluded by default, let in with unknown=include
    strict = open_matcher(tmp_path / "store", HashingEncoder(), MatchSettings(country_min_confidence=0.9))
    assert strict.match("bread", filters=Filters(countries=("CA",))).results == ()
    let_in = Filters(countries=("CA",), unknown=(("country", "include"),))
    assert {m.creator_id for m in strict.match("bread", filters=let_in).results} == {"tor", "trip", "none"}
    # the drift mix counts confident inferences (lon's London is one, whatever the catalog says)
    drift = json.loads((tmp_path / "store" / "versions" / report.version / "drift.json").read_text())
    assert drift["countries"]["after"] == {"CA": 0.25, "GB": 0.25, "unknown": 0.5}
    tagged = IndexStore(tmp_path / "store").load().index.creators["niche_tags"]
    first = [tags[0] for tags in tagged if tags]
    assert sum(drift["niche tags"]["after"].values()) == pytest.approx(1.0, abs=1e-3)
    assert drift["niche tags"]["after"].get("unknown", 0.0) == pytest.approx(1 - len(first) / 4)


def test_niche_tags_are_built_shown_and_filter(tmp_path: Path) -> None:
    from matcher import Filters
    from matcher.errors import BriefError

    creators, posts = _place_catalog(tmp_path)
    build_store(creators, posts, tmp_path / "store", HashingEncoder())
    table = IndexStore(tmp_path / "store").load().index.creators.set_index("creator_id")
    assert all(isinstance(tags, tuple) for tags in table["niche_tags"])
    tagged = {creator: tags for creator, tags in table["niche_tags"].items() if tags}
    assert tagged, "the hashing encoder still places some texts near some niche description"
    tags = next(iter(tagged.values()))
    matcher = open_matcher(tmp_path / "store", HashingEncoder())
    results = matcher.match("bread", filters=Filters(niches=(tags[0],)), k=10).results
    expected = {c for c, t in table["niche_tags"].items() if tags[0] in t}
    assert {m.creator_id for m in results} == expected
    assert all(tags[0] in m.niche_tags for m in results) and results[0].to_dict()["niche_tags"]
    with pytest.raises(BriefError, match="niches: unknown"):
        Filters(niches=("basket weaving",))


def test_sensitive_content_is_built_shown_and_floors_the_list(tmp_path: Path) -> None:
    from matcher import Filters

    creators = tmp_path / "creators.csv"
    creators.write_text("creator_id,handle,platform,followers\n" + "".join(
        f"{c},{c},instagram,5000\n" for c in ("bar", "mixed", "clean", "fam", "silent")), encoding="utf-8")
    captions = {"bar": ["Friday beers at the pub", "Wine tasting tonight", "Cocktails by the pool"],
                "mixed": ["Bread and cheese board", "Beers with friends", "Sourdough morning"],
                "clean": ["Morning run by the river", "Salad for lunch", "Evening yoga"],
                "fam": ["Baking cookies with my son", "Pancakes for the kids", "Picnic in the park"]}
    posts = write_posts(tmp_path, captions)
    build_store(creators, posts, tmp_path / "store", HashingEncoder())
    table = IndexStore(tmp_path / "store").load().index.creators.set_index("creator_id")
    assert parsed_mix(table.loc["bar", "sensitive_shares"]) == {"drugs_alcohol_tobacco": 1.0}
    assert parsed_mix(table.loc["mixed", "sensitive_shares"]) == {"drugs_alcohol_tobacco": 0.333}
    assert parsed_mix(table.loc["fam", "sensitive_shares"]) == {"children": 0.667}
    assert table.loc["silent", "sensitive_confidence"] == 0.0
    matcher = open_matcher(tmp_path / "store", HashingEncoder())

    def kept(filters: Filters) -> set[str]:
        return {m.creator_id for m in matcher.match("food and drinks", filters=filters, k=10).results}

    # half the captions at most: 'bar' goes; children are not screened unless named; 'silent' is unknown
    assert kept(Filters(max_sensitive_share=0.5)) == {"mixed", "clean", "fam"}
    assert kept(Filters(max_sensitive_share=0.5, unknown=(("safety", "include"),))) == {"mixed", "clean", "fam",
                                                                                         "silent"}
    assert kept(Filters(max_sensitive_share=0.0, sensitive_topics=("children",))) == {"bar", "mixed", "clean"}
    answer = matcher.match("food and drinks", filters=Filters(max_sensitive_share=0.2), k=10)
    (effect,) = answer.filter_effects
    assert (effect.filter, effect.removes, effect.unknown) == ("max_sensitive_share", 3, 1)
    assert answer.shortfall is not None and "1 only because they have no caption to read" in answer.shortfall
    bar = next(m for m in matcher.match("beers", k=10).results if m.creator_id == "bar")
    assert bar.to_dict()["sensitive"] == [{  # the two most recent triggering captions
        "topic": "drugs_alcohol_tobacco", "name": "Illegal Drugs, Tobacco, eCigarettes, Vaping, Alcohol",
        "share": 1.0, "confidence": 1.0, "examples": ["bar2: cocktails", "bar1: wine"]}]


def test_inferences_read_from_the_caches_equal_a_build_without_them(small_demo, tmp_path: Path) -> None:
    _, creators, posts = small_demo
    build_store(creators, posts, tmp_path / "cached", HashingEncoder())
    again = build_store(creators, posts, tmp_path / "cached", HashingEncoder())  # every answer from the caches
    assert again.embedded == 0
    build_store(creators, posts, tmp_path / "fresh", HashingEncoder(), use_cache=False)
    cached = IndexStore(tmp_path / "cached").load().index.creators
    fresh = IndexStore(tmp_path / "fresh").load().index.creators
    for column in ("niche_tags", "language_inferred", "country_inferred", "country_weights", "sensitive_shares",
                   "sensitive_evidence"):
        read = parsed_mix if column in MIX_COLUMNS else (lambda value: value)  # mixes compare parsed
        assert list(map(read, cached[column])) == list(map(read, fresh[column])), column
    assert np.allclose(cached["country_inferred_confidence"], fresh["country_inferred_confidence"])
    # the texts cleaned and the brands read from their caches too (index/cache.py TextCache)
    cached_version = IndexStore(tmp_path / "cached").load().index
    fresh_version = IndexStore(tmp_path / "fresh").load().index
    pd.testing.assert_frame_equal(cached_version.units, fresh_version.units)
    pd.testing.assert_frame_equal(cached_version.brand_events, fresh_version.brand_events)
    assert {path.name for path in (tmp_path / "cached" / "cache").glob("*.npz")} >= {"clean_text.npz",
                                                                                    "post_brands.npz"}
