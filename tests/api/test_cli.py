"""The command line as a user runs it: a real process, clear one-line errors, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from index import IndexStore
from matcher.demo import DemoCatalog, generate_demo_catalog
from tests.helpers import effective_countries, write_posts


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    command = str(Path(sys.executable).with_name("creatormatch"))  # the installed entry point
    result = subprocess.run([command, *args], capture_output=True, text=True, env=env, timeout=600)
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


def built_demo(tmp_path: Path, creators: int) -> tuple[DemoCatalog, Path, Path]:
    """A demo catalog (seed 8) written to CSV and built into a store by `creatormatch build`: the catalog, the
    store and the posts file."""
    catalog = generate_demo_catalog(creators, seed=8, posts_per_creator=(3, 4))
    creators_csv, posts_csv = catalog.write(tmp_path / "catalog")
    store = tmp_path / "store"
    run("build", "--creators", str(creators_csv), "--posts", str(posts_csv), "--store", str(store))
    return catalog, store, posts_csv


@pytest.mark.parametrize(("content", "message"), [
    ("", "file is empty"),
    ("creator_id,handle,followers\na,b,1\n", "missing required column(s) platform"),
    ("creator_id,handle,platform,followers\na,b,myspace,1\n", "no valid creator rows"),
])
def test_build_errors_are_one_clear_line(tmp_path: Path, content: str, message: str) -> None:
    creators = tmp_path / "creators.csv"
    creators.write_text(content)
    result = run("build", "--creators", str(creators), "--store", str(tmp_path / "s"), check=False)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert not (tmp_path / "s" / "current").exists()


def test_other_user_errors_are_clear(tmp_path: Path) -> None:
    result = run("match", "--store", str(tmp_path / "none"), "travel", check=False)
    assert result.returncode == 2 and "no index has been built yet" in result.stderr
    result = run("build", "--creators", str(tmp_path / "missing.csv"), "--store", str(tmp_path / "s"), check=False)
    assert result.returncode == 2 and "no such file" in result.stderr
    result = run("match", "--store", str(tmp_path), "--k", "0", "x", check=False)
    assert result.returncode == 2 and "--k" in result.stderr  # usage errors name the option
    result = run("audit", "--creators", str(tmp_path / "missing.csv"), "--out", str(tmp_path / "a.csv"),
                 check=False)
    assert result.returncode == 2 and "no such file" in result.stderr


@pytest.mark.parametrize(("lines", "message"), [
    ('{"text": "dogs"}\n{"text": "cats"\n', "line 2: not valid JSON (Expecting ',' delimiter)"),
    ('\n{"brief_id": "b1"}\n', "line 2: needs an object with a non-empty 'text' string"),
    ('{"brief_id": "b1", "text": "dogs"}\n{"brief_id": "b1", "text": "cats"}\n',
     "line 2: brief_id 'b1' is already on an earlier line"),
])
def test_a_bad_briefs_file_is_refused_naming_its_line(tmp_path: Path, lines: str, message: str) -> None:
    # the evaluation's reader (eval.load_briefs) refuses, where an evaluation would skip and count
    briefs = tmp_path / "briefs.jsonl"
    briefs.write_text(lines)
    result = run("match", "--store", str(tmp_path / "none"), "--briefs", str(briefs), check=False)
    assert result.returncode == 2 and result.stderr.strip() == f"error: {briefs} {message}"


def test_audit_exports_one_row_per_creator(tmp_path: Path) -> None:
    catalog = generate_demo_catalog(60, seed=5, fake_share=0.2)
    creators, posts = catalog.write(tmp_path)
    run("audit", "--creators", str(creators), "--posts", str(posts), "--out", str(tmp_path / "audit.csv"))
    table = pd.read_csv(tmp_path / "audit.csv", keep_default_na=False)
    assert len(table) == 60
    assert {"creator_id", "tier", "engagement_score", "trust_score", "loyalty_score", "engagement_confidence",
            "trust_confidence", "loyalty_confidence", "flags"} <= set(table.columns)
    # inferred values sit next to the catalog's own, with their confidence
    assert {"country", "country_inferred", "country_inferred_confidence", "language", "language_inferred",
            "language_inferred_confidence"} <= set(table.columns)
    fakes = set(catalog.niches.loc[catalog.niches["fake"], "creator_id"])
    flagged = set(table.loc[table["flags"] != "", "creator_id"])
    assert fakes and fakes <= flagged  # every fake-looking account carries a warning


@pytest.mark.model
def test_build_and_match_end_to_end_with_the_bundled_model(tmp_path: Path) -> None:
    catalog = generate_demo_catalog(96, seed=2, posts_per_creator=(3, 5))
    creators, posts = catalog.write(tmp_path / "catalog")
    store = tmp_path / "store"
    build = run("build", "--creators", str(creators), "--posts", str(posts), "--store", str(store), "--json")
    report = json.loads(build.stdout)
    assert report["creators"] == 96 and report["embedded"] > 0

    niche = dict(zip(catalog.niches["creator_id"], catalog.niches["niche"], strict=True))
    result = run("match", "--store", str(store), "--json", "--k", "5", "--preset", "relevance",
                 "Luggage brand looking for creators who share their trips and destinations abroad")
    payload = json.loads(result.stdout)
    top = [r["creator_id"] for r in payload["results"]]
    assert len(top) == 5 and sum(niche[c] == "travel" for c in top) >= 4
    assert payload["index_version"] == report["version"]
    assert all(r["evidence"] for r in payload["results"])

    briefs = tmp_path / "briefs.jsonl"
    briefs.write_text(json.dumps({"brief_id": "pets", "text": "dog owners with their puppies", "platform": "tiktok"})
                      + "\n" + json.dumps({"brief_id": "food", "text": "homemade cakes and baking"}) + "\n")
    lines = run("match", "--store", str(store), "--json", "--briefs", str(briefs), "--k", "3").stdout.splitlines()
    answers = {json.loads(line)["brief_id"]: json.loads(line) for line in lines}
    assert set(answers) == {"pets", "food"}
    assert all(r["platform"] == "tiktok" for r in answers["pets"]["results"])
    assert answers["pets"]["filters"]["platforms"] == ["tiktok"]
    assert sum(niche[r["creator_id"]] == "food" for r in answers["food"]["results"]) >= 2

    human = run("match", "--store", str(store), "--k", "2", "fitness creators on YouTube").stdout
    assert "Brief: fitness creators on YouTube" in human and "niche" in human

    # niche tags: inferred from each creator's own texts, filterable, and they agree with the demo's niches
    tagged = json.loads(run("match", "--store", str(store), "--json", "--k", "96", "--niche", "travel",
                            "creators for a summer campaign").stdout)["results"]
    assert tagged and all("travel" in r["niche_tags"] for r in tagged)
    assert sum(niche[r["creator_id"]] == "travel" for r in tagged) >= 0.8 * len(tagged)
    assert "niche tags (inferred): travel" in run("match", "--store", str(store), "--k", "1", "--niche", "travel",
                                                  "summer campaign").stdout


@pytest.mark.model
def test_build_with_bad_rows_indexes_the_rest_and_reports_them(tmp_path: Path) -> None:
    creators = tmp_path / "creators.csv"
    creators.write_bytes(
        b"creator_id,handle,platform,followers,following\n"
        b"a,alice,instagram,1000,100\n"
        b"b,bob,instagram,2000,50\n"
        b"a,dup,instagram,10,1\n"            # duplicate id
        b"c,carol,myspace,10,1\n"            # unknown platform
        b"d,dan,instagram,-3,1\n"            # negative count
        b"e,eve,instagram,nan,1\n"           # NaN
        b"f,f\xff\xfe,instagram,10,1\n"      # non-UTF-8 bytes
        b"g,gus,instagram,many,1\n")         # wrong type
    posts = tmp_path / "posts.csv"
    huge = "x" * (10 * 1024 * 1024)
    posts.write_text("creator_id,post_id,posted_at,caption,likes,comments\n"
                     "a,1,2024-01-01,My morning skincare routine,10,1\n"
                     "b,1,2024-01-02,Leg day at the gym,20,2\n"
                     f"a,2,2024-01-03,{huge},1,1\n"       # 10 MB caption
                     "zz,1,2024-01-01,who am I,1,1\n"     # unknown creator
                     "b,2,2024-01-04,inf likes,inf,1\n")  # infinity
    result = run("build", "--creators", str(creators), "--posts", str(posts), "--store", str(tmp_path / "s"),
                 "--json")
    report = json.loads(result.stdout)
    assert report["creators"] == 2 and report["posts"] == 2 and report["rejected_rows"] == 9
    rejects = pd.read_csv(report["rejects_file"])
    assert set(rejects["file"]) == {str(creators), str(posts)}
    assert rejects["reason"].str.contains("over the 65,536 limit").any()
    answer = json.loads(run("match", "--store", str(tmp_path / "s"), "--json", "skincare").stdout)
    assert answer["results"][0]["creator_id"] == "a"


@pytest.mark.model
def test_eval_writes_a_report_and_gates(tmp_path: Path) -> None:
    catalog = generate_demo_catalog(96, seed=4, posts_per_creator=(3, 5))
    creators, posts = catalog.write(tmp_path / "catalog")
    briefs = tmp_path / "briefs.jsonl"
    texts = {"travel": "creators who share their trips abroad", "food": "home cooks baking cakes",
             "fitness": "personal trainers at the gym", "pets": "dog owners and their puppies"}
    briefs.write_text("".join(json.dumps({"brief_id": n, "text": t}) + "\n" for n, t in texts.items()))
    truth = catalog.niches
    pairs = truth[truth["niche"].isin(texts)].rename(columns={"niche": "brief_id"})
    labels = tmp_path / "labels.csv"
    pairs.assign(relevance=1)[["brief_id", "creator_id", "relevance"]].to_csv(labels, index=False)
    with labels.open("a") as handle:
        handle.write("nosuchbrief,c00001,1\ntravel,c00002,maybe\n")
    out = tmp_path / "report"
    args = ["eval", "--creators", str(creators), "--posts", str(posts), "--store", str(tmp_path / "s"),
            "--briefs", str(briefs), "--labels", str(labels), "--out", str(out)]
    result = run(*args, "--fail-under", "ndcg@10=0.5")
    assert "skipped 1 pairs of unknown brief ids" in result.stderr
    assert "skipped 1 pairs with a non-integer relevance" in result.stderr
    table = pd.read_csv(out / "metrics.csv", index_col="configuration")
    assert list(table.index) == ["relevance", "balanced", "cosine", "bm25", "random"]
    assert table.loc["relevance", "ndcg@10"] > table.loc["random", "ndcg@10"]
    assert {"p(ndcg@10)", "trust@10", "flagged@10"} <= set(table.columns)
    assert (out / "metrics.png").exists() and (out / "difference_relevance_vs_balanced.png").exists()
    provenance = json.loads((out / "run.json").read_text())
    assert provenance["model"] == "all-MiniLM-L6-v2" and provenance["data"]["labels"]["sha256"]
    gated = run("eval", "--store", str(tmp_path / "s"), "--briefs", str(briefs), "--labels", str(labels),
                "--out", str(out), "--fail-under", "relevance:ndcg@10=1.01", check=False)
    assert gated.returncode == 1 and "below the gate: relevance: ndcg@10" in gated.stderr


def test_versions_and_rollback(tmp_path: Path) -> None:
    from index import IndexStore, build_store
    from tests.helpers import HashingEncoder

    catalog = generate_demo_catalog(40, seed=6)
    creators, posts = catalog.write(tmp_path / "catalog")
    store = tmp_path / "s"
    first = build_store(creators, posts, store, HashingEncoder()).version
    second = build_store(creators, posts, store, HashingEncoder()).version
    listing = run("versions", "--store", str(store)).stdout.splitlines()
    assert listing[0].startswith(f"  {first}") and listing[1].startswith(f"* {second}")
    rows = [json.loads(line) for line in run("versions", "--store", str(store), "--json").stdout.splitlines()]
    assert [r["serving"] for r in rows] == [False, True] and rows[0]["counts"]["creators"] == 40
    assert run("rollback", "--store", str(store)).stdout.strip() == f"serving {first} (was {second})"
    assert IndexStore(store).current_version() == first
    (store / "versions" / second / "index.faiss").write_bytes(b"damaged")
    refused = run("rollback", "--store", str(store), second, check=False)
    assert refused.returncode == 2 and "does not match its manifest" in refused.stderr
    assert IndexStore(store).current_version() == first
    none = run("rollback", "--store", str(store), check=False)
    assert none.returncode == 2 and "no earlier version" in none.stderr


@pytest.mark.model
def test_nightly_build_options_sql_source_index_type_and_quality_gate(tmp_path: Path) -> None:
    import sqlalchemy

    catalog = generate_demo_catalog(120, seed=4, posts_per_creator=(3, 4))
    creators, posts = catalog.write(tmp_path / "catalog")
    database = f"sqlite:///{tmp_path / 'catalog.db'}"
    engine = sqlalchemy.create_engine(database)
    pd.read_csv(creators).to_sql("creators", engine, index=False)
    pd.read_csv(posts).to_sql("posts", engine, index=False)
    engine.dispose()
    niches = catalog.niches
    briefs = tmp_path / "briefs.jsonl"
    texts = {"travel": "trips and destinations abroad", "food": "homemade recipes and baking",
             "fitness": "gym workouts and training"}
    briefs.write_text("".join(json.dumps({"brief_id": k, "text": v}) + "\n" for k, v in texts.items()))
    labels = tmp_path / "labels.csv"
    chosen = niches[niches["niche"].isin(list(texts))]
    pd.DataFrame({"brief_id": chosen["niche"], "creator_id": chosen["creator_id"], "relevance": 1}).to_csv(
        labels, index=False)
    store = tmp_path / "store"

    assert "no quality gate" in run("gate", "--store", str(store)).stdout
    shown = run("gate", "--store", str(store), "--briefs", str(briefs), "--labels", str(labels), "--margin", "0.05")
    assert "quality gate: ndcg@10 of 3 labeled briefs" in shown.stdout and "more than 0.05" in shown.stdout

    first = json.loads(run("build", "--db", database, "--creators", "creators", "--posts", "posts",
                           "--store", str(store), "--index-type", "HNSW16", "--json").stdout)
    assert first["creators"] == 120 and first["index_type"] == "HNSW16" and first["gate"]["passed"]
    versions = [json.loads(line) for line in run("versions", "--store", str(store), "--json").stdout.splitlines()]
    assert versions[0]["faiss_class"] == "IndexHNSWFlat" and versions[0]["sources"]["creators"] == {
        "table": "creators"}
    top = json.loads(run("match", "--store", str(store), "--json", "--k", "5", "--preset", "relevance",
                         texts["travel"]).stdout)["results"]
    assert sum(niches.set_index("creator_id").loc[r["creator_id"], "niche"] == "travel" for r in top) >= 4

    shuffled = pd.read_csv(posts)
    shuffled["caption"] = shuffled["caption"].sample(frac=1.0, random_state=1).to_numpy()
    shuffled.to_csv(tmp_path / "shuffled.csv", index=False)
    refused = run("build", "--creators", str(creators), "--posts", str(tmp_path / "shuffled.csv"),
                  "--store", str(store), check=False)
    assert refused.returncode == 3 and refused.stderr.startswith("error: quality gate: ndcg@10")
    assert "not published (--force publishes anyway)" in refused.stderr
    assert len(run("versions", "--store", str(store)).stdout.splitlines()) == 1
    bad_time = run("schedule", "--at", "25:00", "--creators", str(creators), "--store", str(store), check=False)
    assert bad_time.returncode == 2 and "--at: '25:00' is not a time of day HH:MM" in bad_time.stderr


@pytest.mark.model
def test_plan_similar_and_mmr_from_the_command_line(tmp_path: Path) -> None:
    _, store, posts = built_demo(tmp_path, 64)
    plan = json.loads(run("plan", "--store", str(store), "--budget", "3000", "--size", "4", "--json",
                          "dog owners with their puppies").stdout)
    team = plan["team"]
    assert 1 <= len(team) <= 4 and all({"creator_id", "cost", "price_estimated", "expected_engagements",
                                        "cost_per_engagement", "why"} <= set(m) for m in team)
    assert sum(m["cost"] for m in team) <= 3000 and plan["totals"]["cost"] <= 3000
    assert len(plan["overlap"]["matrix"]) == len(team) and plan["alternates"]
    assert all(a["why_not"] for a in plan["alternates"]) and plan["selection"]["guarantee"] is None

    seed = team[0]["creator_id"]
    similar = json.loads(run("similar", "--store", str(store), "--k", "3", "--json", seed).stdout)
    assert len(similar["results"]) == 3 and seed not in {r["creator_id"] for r in similar["results"]}

    diverse = json.loads(run("match", "--store", str(store), "--k", "5", "--mmr", "0.5", "--json",
                             "dog owners with their puppies").stdout)
    assert len(diverse["results"]) == 5

    # a brand: the creators who tagged it, counted by hand from the posts file
    table = pd.read_csv(posts, dtype=str).fillna("")
    names = table["brand_mentions"].str.split(";")
    counted = names.explode()
    top = str(counted[counted != ""].value_counts().index[0])
    tagged = table.loc[names.apply(lambda found: top in found), "creator_id"].nunique()
    report = json.loads(run("brand", "--store", str(store), "--json", top.upper()).stdout)
    assert report["brand"] == top and report["known"] and report["creators_mentioning"] == tagged
    assert f"{top}: {tagged:,} creators tagged it" in run("brand", "--store", str(store), top).stdout
    assert "no creator of this index tagged it" in run("brand", "--store", str(store), "nosuchbrandzz").stdout

    # a short answer explains itself per filter, with the unknown counts (the demo leaves some countries out;
    # the filter reads the catalog's country, else one inferred from the captions)
    country = effective_countries(IndexStore(store).load().index.creators)
    german, unknown = int((country == "DE").sum()), int((country == "").sum())
    text = run("match", "--store", str(store), "--k", "60", "dog owners with their puppies in Germany").stdout
    assert f"{german} of 60 asked: {german} creators pass the filters." in text
    assert f"country unknown for {unknown} of 64 creators; unknown country=include keeps them" in text
    assert "read countries = DE  <- “in Germany”" in text
    kept = json.loads(run("match", "--store", str(store), "--k", "60", "--unknown", "country=include", "--json",
                          "dog owners with their puppies in Germany").stdout)
    assert kept["eligible_creators"] == german + unknown and len(kept["results"]) == german + unknown
    dropped = json.loads(run("match", "--store", str(store), "--k", "60", "--ignore-parsed", "countries", "--json",
                             "dog owners with their puppies in Germany").stdout)
    assert dropped["eligible_creators"] == 64 and dropped["shortfall"] is None and len(dropped["results"]) == 60
    suggested = run("match", "--store", str(store), "--k", "3", "Italian food recipes at home").stdout
    assert "suggested countries = IT  <- “Italian”" in suggested and "add --country IT to apply" in suggested
    # a price per post is never taken for a plan's total budget
    capped = run("plan", "--store", str(store), "--max-price-per-post", "300", "dog owners", check=False)
    assert capped.returncode == 2 and "a price per post is not a campaign budget" in capped.stderr
    budgeted = json.loads(run("plan", "--store", str(store), "--budget", "2000", "--max-price-per-post", "400",
                              "--json", "dog owners").stdout)
    assert budgeted["budget"] == 2000 and all(member["cost"] <= 400 for member in budgeted["team"])


@pytest.mark.model
def test_a_sensitive_content_floor_from_the_command_line(tmp_path: Path) -> None:
    creators = tmp_path / "creators.csv"
    creators.write_text("creator_id,handle,platform,followers\n" + "".join(
        f"{c},{c},instagram,5000\n" for c in ("bar", "mixed", "clean")), encoding="utf-8")
    captions = {"bar": ["Friday beers at the pub", "Wine tasting tonight", "Cocktails by the pool"],
                "mixed": ["Bread and cheese board", "Beers with friends", "Sourdough morning"],
                "clean": ["Morning run by the river", "Salad for lunch", "Evening yoga"]}
    posts = write_posts(tmp_path, captions)
    store = tmp_path / "store"
    run("build", "--creators", str(creators), "--posts", str(posts), "--store", str(store))
    # bar: 3 of 3 captions about alcohol, mixed: 1 of 3, clean: none
    answer = json.loads(run("match", "--store", str(store), "--json", "--max-sensitive-share", "0.5",
                            "food and drinks").stdout)
    assert {r["creator_id"] for r in answer["results"]} == {"mixed", "clean"}
    human = run("match", "--store", str(store), "--k", "3", "drinks").stdout
    assert "sensitive content: Illegal Drugs, Tobacco, eCigarettes, Vaping, Alcohol in 100% of recent captions" \
        in human
    refused = run("match", "--store", str(store), "--sensitive-topic", "gossip", "drinks", check=False)
    assert refused.returncode != 0 and "sensitive_topics: unknown ['gossip']" in refused.stderr


@pytest.mark.model
def test_tune_learns_from_the_feedback_database_and_keeps_the_preset_in_the_store(tmp_path: Path) -> None:
    from index import FeedbackStore, store_feedback_url

    catalog, store, _ = built_demo(tmp_path, 120)
    texts = {"travel": "creators who share their trips abroad", "food": "home cooks baking cakes",
             "fitness": "personal trainers at the gym", "pets": "dog owners and their puppies",
             "beauty": "makeup tutorials", "gaming": "video game streamers"}
    truth = catalog.niches.set_index("creator_id")["niche"]
    clicks = FeedbackStore(store_feedback_url(store))
    for niche, text in texts.items():
        members = list(truth.index[truth == niche][:4])
        clicks.record(text, members[0], 0, brief_id=niche)  # a change of mind: the later click wins
        for creator in members:
            clicks.record(text, creator, 1, brief_id=niche)
    clicks.close()

    refused = run("tune", "--store", str(store), check=False)
    assert refused.returncode == 2 and "nothing to learn from" in refused.stderr
    hand_set = run("tune", "--store", str(store), "--feedback", "--name", "balanced", check=False)
    assert hand_set.returncode == 2 and "hand-set preset" in hand_set.stderr

    result = run("tune", "--store", str(store), "--feedback", "--folds", "3", "--name", "agency")
    assert "learned 'agency' on 6 briefs (24 labeled pairs), 3-fold" in result.stdout
    assert "nDCG@10 on held-out folds:" in result.stdout and "saved as preset 'agency'" in result.stdout
    manifest = IndexStore(store).manifest(str(IndexStore(store).current_version()))
    saved = manifest["presets"]["agency"]
    assert saved["revision"] == 1 and saved["folds"] == 3 and saved["pairs"] == 24
    assert set(saved["cross_validated"]) == {"agency", "relevance", "balanced", "engagement", "brand_safe", "budget"}
    assert manifest.get("default_preset") is None
    matched = json.loads(run("match", "--store", str(store), "--preset", "agency", "--json", "dog owners").stdout)
    assert matched["preset"] == "agency" and matched["weights"] == {
        name: saved["weights"].get(name, 0.0) for name in matched["weights"]}
