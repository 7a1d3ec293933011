"""The `creatormatch` command line: parse options, call matcher/ and index/, format the answer."""

from __future__ import annotations

import gc
import json
import os
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from api.filter_options import NO_FILTERS, with_filter_options
from api.formatting import print_brand, print_build_report, print_plan, print_response, tuning_report
from api.settings import Settings
from matcher import BriefError, CreatorMatchError, Matcher, MatchSettings, RelevanceFeedback
from matcher.briefs import filters_from_options
from matcher.ranking import parse_weights

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Match brands with creators: build an index, match briefs, audit a catalog.")

StoreOption = Annotated[Path, typer.Option("--store", help="index store folder")]
MMR_HELP = "diversify with maximal marginal relevance: lambda 0..1, 1 = plain ranking, 0.7 a good start"


def _settings() -> Settings:
    return Settings()


def _match_settings(settings: Settings) -> MatchSettings:
    return settings.match_settings()


def _encoder(settings: Settings, model: str | None = None) -> Any:
    from index import SentenceTransformerEncoder

    return SentenceTransformerEncoder(model or settings.model, batch_size=settings.batch_size,
                                      max_seq_length=settings.max_seq_length, backend=settings.backend)


def _learned_preset_names(store: Path) -> list[str]:
    """The presets `tune` learned for the store's serving version (none when there is no version yet)."""
    from index import IndexStore

    index_store = IndexStore(store)
    version = index_store.current_version()
    return list(index_store.manifest(version).get("presets") or {}) if version else []


def _serving_matcher(store: Path, settings: Settings) -> tuple[Matcher, dict[str, Any]]:
    """The serving version, read once, with an encoder of the model that built it."""
    from index import IndexStore, encoder_from_identity, matcher_for

    loaded = IndexStore(store).load()
    # queries need the index's own model, truncation and backend; one brief needs one thread
    encoder = encoder_from_identity(loaded.info.encoder, threads=settings.serve_threads)
    return matcher_for(loaded, encoder, _match_settings(settings)), loaded.manifest


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="show tracebacks on errors")] = False) -> None:
    """Match brands with creators: build an index, match briefs, audit a catalog."""


def _build_encoder(settings: Settings, model: str | None, engine: str | None) -> Any:
    """The encoder of a build: local, or Ray Data actors (same vectors, same cache identity)."""
    chosen = engine or settings.engine
    if chosen == "local":
        return _encoder(settings, model)
    if chosen == "ray":
        from index import RayEncoder

        return RayEncoder(model or settings.model, address=settings.ray_address, actors=settings.ray_actors,
                          batch_size=settings.batch_size, max_seq_length=settings.max_seq_length)
    raise CreatorMatchError(f"--engine: '{chosen}' is not one of local, ray")


CreatorsOption = Annotated[str, typer.Option("--creators", help="creators file (CSV, JSONL, Parquet), or with --db "
                                             "a table name or SELECT query")]
PostsOption = Annotated[str | None, typer.Option("--posts", help="posts file, or with --db a table or query")]
DatabaseOption = Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL: sqlite:///catalog.db, "
                                                    "postgresql+psycopg://user:pw@host/db")]
ModelOption = Annotated[str | None, typer.Option("--model", help="sentence-transformers name or path")]
FullOption = Annotated[bool, typer.Option("--full", help="ignore the embedding cache")]
IndexTypeOption = Annotated[str | None, typer.Option("--index-type", help="auto (default: Flat up to 50,000 "
                                                     "creators, IVF-PQ above), or a FAISS factory string: Flat, "
                                                     "HNSW32, IVF1024,PQ32, ...")]
EngineOption = Annotated[str | None, typer.Option("--engine", help="embedding engine: local (default) or ray")]
ForceOption = Annotated[bool, typer.Option("--force", help="publish even when the quality gate refuses")]


def _run_build(creators: str, posts: str | None, database: str | None, store: Path, model: str | None,
               full: bool, index_type: str | None, engine: str | None, force: bool) -> Any:
    """One build with the store's quality gate (when configured); the report, or GateRefused."""
    from eval import load_gate
    from index import CatalogSource, build_store

    settings = _settings()
    encoder = _build_encoder(settings, model, engine)
    try:
        return build_store(CatalogSource(creators, posts, database), None, store, encoder,
                           _match_settings(settings), keep_versions=settings.keep_versions, use_cache=not full,
                           show_progress=sys.stderr.isatty(), index_type=index_type or settings.index_type,
                           gate=load_gate(store), force=force)
    finally:
        shutdown = getattr(encoder, "shutdown", None)
        if callable(shutdown):
            shutdown()


@app.command()
def build(
    creators: CreatorsOption,
    store: StoreOption,
    posts: PostsOption = None,
    database: DatabaseOption = None,
    model: ModelOption = None,
    full: FullOption = False,
    index_type: IndexTypeOption = None,
    engine: EngineOption = None,
    force: ForceOption = False,
    json_output: Annotated[bool, typer.Option("--json", help="print the build report as JSON")] = False,
) -> None:
    """Build a new index version from a catalog and publish it (after the quality gate, if configured)."""
    report = _run_build(creators, posts, database, store, model, full, index_type, engine, force)
    if json_output:
        typer.echo(json.dumps(report.as_dict()))
    else:
        print_build_report(report)


@app.command()
def schedule(
    at: Annotated[str, typer.Option("--at", help="time of day HH:MM (local time) to rebuild every night")],
    creators: CreatorsOption,
    store: StoreOption,
    posts: PostsOption = None,
    database: DatabaseOption = None,
    model: ModelOption = None,
    full: FullOption = False,
    index_type: IndexTypeOption = None,
    engine: EngineOption = None,
    runs: Annotated[int | None, typer.Option("--runs", min=1, help="stop after this many nights")] = None,
) -> None:
    """Rebuild every night at --at in this process; a failed night is reported and the next one runs."""
    from index.schedule import parse_time_of_day, run_schedule

    when = parse_time_of_day(at)

    def night() -> Any:
        return _run_build(creators, posts, database, store, model, full, index_type, engine, False)

    def done(result: Any) -> None:
        if result.ok:
            print_build_report(result.result)
        else:
            typer.echo(f"{result.started:%Y-%m-%d %H:%M} build failed: {result.error} "
                       f"(still serving the previous version)", err=True)

    nights = run_schedule(when, night, runs=runs, on_done=done,
                          on_wait=lambda due: typer.echo(f"next build at {due:%Y-%m-%d %H:%M %Z}", err=True))
    failed = sum(not n.ok for n in nights)
    if failed:
        raise typer.Exit(1)


@app.command()
def gate(
    store: StoreOption,
    briefs: Annotated[Path | None, typer.Option("--briefs", help="briefs JSONL to gate builds with")] = None,
    labels: Annotated[Path | None, typer.Option("--labels", help="labeled pairs CSV")] = None,
    margin: Annotated[float, typer.Option("--margin", min=0.0, help="largest allowed drop of the metric")] = 0.02,
    metric: Annotated[str, typer.Option("--metric", help="ranx metric the gate compares")] = "ndcg@10",
    preset: Annotated[str | None, typer.Option("--preset", help="preset the gate ranks with")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="remove the store's gate")] = False,
) -> None:
    """Set (--briefs and --labels), show (no option) or --clear the quality gate of a store's builds."""
    from eval import clear_gate, configure_gate, load_gate

    if clear:
        typer.echo("gate removed" if clear_gate(store) else "no gate was configured")
        return
    if (briefs is None) != (labels is None):
        raise BriefError("gate: give both --briefs and --labels (or neither, to show the gate)")
    if briefs is not None and labels is not None:
        configured, skipped = configure_gate(store, briefs, labels, margin=margin, metric=metric.lower(),
                                             preset=preset)
        for line in skipped.lines():
            typer.echo(line, err=True)
    else:
        found = load_gate(store)
        if found is None:
            typer.echo(f"{store}: no quality gate (set one with --briefs and --labels)")
            return
        configured = found
    typer.echo(f"quality gate: {configured.metric} of {len(configured.briefs)} labeled briefs, preset "
               f"{configured.preset or 'default'}, refuses a drop of more than {configured.margin}")


def _weights(value: Any) -> dict[str, float] | None:
    if not value:
        return None
    return dict(value) if isinstance(value, dict) else parse_weights(str(value))


PresetOption = Annotated[str | None, typer.Option("--preset", help="weight preset (relevance, balanced, ...)")]
WeightsOption = Annotated[str | None, typer.Option("--weights", help="niche=0.6,engagement=0.2,...")]


@app.command()
@with_filter_options()
def match(
    store: StoreOption,
    brief: Annotated[str | None, typer.Argument(help="the brief, in plain words")] = None,
    briefs: Annotated[Path | None, typer.Option("--briefs", help="JSONL file of briefs")] = None,
    k: Annotated[int | None, typer.Option("--k", min=1, max=1000, help="results per brief")] = None,
    preset: PresetOption = None,
    weights: WeightsOption = None,
    filters: Mapping[str, Any] = NO_FILTERS,
    json_output: Annotated[bool, typer.Option("--json", help="one JSON object per brief per line")] = False,
    mmr: Annotated[float | None, typer.Option("--mmr", min=0.0, max=1.0, help=MMR_HELP)] = None,
    relevant: Annotated[list[str] | None, typer.Option(
        "--relevant", help="a creator you marked relevant: the list moves toward its content (repeatable)")] = None,
    not_relevant: Annotated[list[str] | None, typer.Option(
        "--not-relevant", help="a creator you marked not relevant: it leaves the list, which moves away from it "
                               "(repeatable)")] = None,
) -> None:
    """Rank the creators that fit a brief, each with its score explained."""
    if (brief is None) == (briefs is None):
        raise BriefError("give either a brief or --briefs FILE.jsonl")
    if briefs is not None:
        from eval import load_briefs  # the evaluation's reader: its files are read the same way

        records = load_briefs(briefs)
    else:
        records = [{"brief_id": None, "text": brief}]
    matcher, _ = _serving_matcher(store, _settings())
    for record in records:
        # options given on the command line win over a brief line's own keys
        merged = {**record, **filters}
        response = matcher.match(
            merged["text"], k=k or merged.get("k"), preset=preset or merged.get("preset"),
            weights=_weights(weights) or _weights(merged.get("weights")),
            filters=filters_from_options(merged), brief_id=record.get("brief_id"), diversity=mmr,
            feedback=RelevanceFeedback(tuple(relevant or ()), tuple(not_relevant or ())))
        if json_output:
            typer.echo(json.dumps(response.to_dict(), ensure_ascii=False))
        else:
            print_response(response)


@app.command("plan")
# --budget is the plan's own total here, not a filter
@with_filter_options(leave_out=["budget"])
def plan_campaign(
    store: StoreOption,
    brief: Annotated[str, typer.Argument(help="the brief, in plain words")],
    budget: Annotated[float | None, typer.Option("--budget", min=0.0, help="the campaign's total budget "
                                                 "(default: the one written in the brief)")] = None,
    size: Annotated[int | None, typer.Option("--size", min=1, help="most creators in the team")] = None,
    alternates: Annotated[int, typer.Option("--alternates", min=0, help="left-out creators to explain")] = 5,
    preset: PresetOption = None,
    weights: WeightsOption = None,
    filters: Mapping[str, Any] = NO_FILTERS,
    json_output: Annotated[bool, typer.Option("--json", help="the plan as one JSON object")] = False,
) -> None:
    """Choose the team of creators worth most together within a budget, with overlaps and alternates."""
    matcher, _ = _serving_matcher(store, _settings())
    result = matcher.plan(brief, budget=budget, size=size, preset=preset, weights=_weights(weights),
                          filters=filters_from_options(filters), alternates=alternates)
    if json_output:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print_plan(result)


@app.command()
@with_filter_options(leave_out=["ignore_parsed"])  # seeds have no brief to read
def similar(
    store: StoreOption,
    creator_ids: Annotated[list[str], typer.Argument(help="one or more seed creator ids")],
    k: Annotated[int | None, typer.Option("--k", min=1, max=1000, help="results")] = None,
    preset: PresetOption = None,
    weights: WeightsOption = None,
    filters: Mapping[str, Any] = NO_FILTERS,
    mmr: Annotated[float | None, typer.Option("--mmr", min=0.0, max=1.0, help=MMR_HELP)] = None,
    json_output: Annotated[bool, typer.Option("--json", help="the answer as one JSON object")] = False,
) -> None:
    """Find creators like the seed creators (content vectors plus signals), each one explained."""
    matcher, _ = _serving_matcher(store, _settings())
    response = matcher.similar(creator_ids, k=k, preset=preset, weights=_weights(weights),
                               filters=filters_from_options(filters), diversity=mmr)
    if json_output:
        typer.echo(json.dumps(response.to_dict(), ensure_ascii=False))
    else:
        print_response(response)


@app.command()
def brand(
    store: StoreOption,
    name: Annotated[str, typer.Argument(help="brand name or handle, e.g. 'H&M' or @zara")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="creators shown")] = 10,
    json_output: Annotated[bool, typer.Option("--json", help="the answer as one JSON object")] = False,
) -> None:
    """What the index knows of a brand: creators who tagged it, similar brands, likely competitors."""
    matcher, _ = _serving_matcher(store, _settings())
    report = matcher.brand_report(name, k=k)
    if json_output:
        typer.echo(json.dumps({**report.to_dict(), "index_version": matcher.version}, ensure_ascii=False))
    else:
        print_brand(report)


@app.command()
def audit(
    creators: Annotated[Path, typer.Option("--creators", help="creators table")],
    out: Annotated[Path, typer.Option("--out", help="CSV to write")],
    posts: Annotated[Path | None, typer.Option("--posts", help="posts table")] = None,
) -> None:
    """Score every creator of a catalog (tier, engagement, trust, loyalty, flags) into a CSV."""
    from matcher import compute_signals, load_catalog
    from matcher.audit import audit_table, infer_attributes

    settings = _settings()
    catalog = load_catalog(creators, posts)
    match_settings = _match_settings(settings)
    signals = compute_signals(catalog, match_settings).creators
    table = audit_table(infer_attributes(signals, catalog.posts, match_settings.recent_posts))
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False)
    flagged = int((table["flags"] != "").sum())
    typer.echo(f"audited {len(table):,} creators ({catalog.rejected_rows:,} rows rejected), "
               f"{flagged:,} with flags -> {out}")
    if not catalog.rejects.empty:
        rejects = out.with_name(out.stem + ".rejects.csv")
        catalog.rejects.to_csv(rejects, index=False)
        typer.echo(f"rejected rows and reasons -> {rejects}")


@app.command("eval")
def evaluate(
    store: StoreOption,
    briefs: Annotated[Path, typer.Option("--briefs", help="briefs JSONL")],
    labels: Annotated[Path, typer.Option("--labels", help="labeled pairs CSV: brief_id,creator_id,relevance")],
    configs: Annotated[str, typer.Option("--configs", help="presets, baselines (cosine, bm25, random, hybrid) or "
                                         "name=component:weight+...")] = "relevance,balanced,cosine,bm25,random",
    out: Annotated[Path, typer.Option("--out", help="report folder")] = Path("eval-report"),
    k: Annotated[int, typer.Option("--k", min=1, max=1000, help="results ranked per brief")] = 100,
    compare: Annotated[str | None, typer.Option("--compare", help="A,B: plot per-brief nDCG@10 of A - B")] = None,
    fail_under: Annotated[list[str] | None, typer.Option("--fail-under", help="[CONFIG:]METRIC=VALUE, repeatable; "
                                                         "exit 1 when a configuration falls below")] = None,
    stat_test: Annotated[str, typer.Option("--stat-test", help="fisher, student or tukey")] = "fisher",
    creators: Annotated[Path | None, typer.Option("--creators", help="build the store from this catalog first")] = None,
    posts: Annotated[Path | None, typer.Option("--posts", help="posts table for --creators")] = None,
    seed: Annotated[int, typer.Option("--seed", help="seed of the random baseline")] = 0,
) -> None:
    """Compare configurations and baselines on labeled briefs: ranx metrics, p-values, report."""
    from eval import (
        Skipped,
        check_thresholds,
        evaluate_configurations,
        labeled_briefs,
        load_briefs,
        load_labels,
        parse_configurations,
        write_report,
    )
    from index import build_store
    from index.store import sha256_of

    settings = _settings()
    match_settings = _match_settings(settings)
    # the store's learned presets are known once its version is loaded: parse now to fail fast, again then
    parse_configurations(configs, [*match_settings.presets, *_learned_preset_names(store)])
    skipped = Skipped()
    brief_list = load_briefs(briefs, skipped)
    brief_list, qrels = labeled_briefs(brief_list, load_labels(labels, {b["brief_id"] for b in brief_list}, skipped),
                                       skipped)
    if creators is not None:
        print_build_report(build_store(creators, posts, store, _encoder(settings), match_settings,
                                       keep_versions=settings.keep_versions, show_progress=sys.stderr.isatty()))
    matcher, manifest = _serving_matcher(store, settings)
    configurations = parse_configurations(configs, list(matcher.settings.presets))
    names = [c.name for c in configurations]
    pair = tuple(part.strip() for part in compare.split(",")) if compare else tuple(names[:2])
    if len(pair) != 2 or not set(pair) <= set(names):
        raise BriefError(f"compare: needs two of the configurations ({', '.join(names)})")
    for line in skipped.lines():
        typer.echo(line, err=True)
    show = sys.stderr.isatty()
    result = evaluate_configurations(matcher, brief_list, qrels, configurations, k=k, stat_test=stat_test,
                                     seed=seed, progress=(lambda text: typer.echo(text, err=True)) if show else None)
    info = {
        "command": " ".join(["creatormatch", *sys.argv[1:]]), "model": manifest.get("model"),
        "index_version": matcher.version, "k": k, "stat_test": stat_test, "configurations": names,
        "briefs_evaluated": len(brief_list), "skipped": skipped.lines(),
        "data": {"briefs": {"path": str(briefs), "sha256": sha256_of(briefs)},
                 "labels": {"path": str(labels), "sha256": sha256_of(labels)},
                 "catalog": manifest.get("sources")},
    }
    files = write_report(result, out, info, reference=names[0], difference_pair=(pair[0], pair[1]))
    typer.echo(files["metrics_md"].read_text(encoding="utf-8").split("![metrics]")[0].strip())
    typer.echo(f"report -> {out}")
    failures = check_thresholds(result, fail_under or [])
    if failures:
        for failure in failures:
            typer.echo(f"below the gate: {failure}", err=True)
        raise typer.Exit(1)


@app.command()
def tune(
    store: StoreOption,
    briefs: Annotated[Path | None, typer.Option("--briefs", help="briefs JSONL (as for eval)")] = None,
    labels: Annotated[Path | None, typer.Option("--labels", help="labeled pairs CSV (as for eval)")] = None,
    feedback: Annotated[bool, typer.Option("--feedback", help="also learn from the clicks in the feedback "
                                           "database (the latest click of a pair wins)")] = False,
    database: Annotated[str | None, typer.Option("--db", help="feedback database URL (default: the store's)")] = None,
    name: Annotated[str, typer.Option("--name", help="the learned preset's name")] = "learned",
    folds: Annotated[int, typer.Option("--folds", min=2, max=50, help="cross-validation folds over briefs")] = 5,
    margin: Annotated[float, typer.Option("--margin", min=0.0, help="nDCG@10 gain over the default needed on "
                                          "held-out folds to become the default")] = 0.01,
    alpha: Annotated[float, typer.Option("--alpha", min=0.0, max=1.0, help="p-value the gain must be under")] = 0.05,
    make_default: Annotated[bool, typer.Option("--make-default",
                                               help="make it the default if the rule allows")] = False,
    seed: Annotated[int, typer.Option("--seed", help="seed of the fold assignment")] = 0,
) -> None:
    """Learn a weight preset from labeled pairs (and feedback), cross-validated over briefs; keep it in the store."""
    from eval import Skipped, labeled_briefs, load_briefs, load_labels, tune_weights, with_feedback
    from index import FeedbackStore, IndexStore, store_feedback_url
    from index.presets import check_preset_name, next_revision, save_learned_preset

    check_preset_name(name)
    if (briefs is None) != (labels is None):
        raise CreatorMatchError("give --briefs and --labels together", field="labels" if labels is None else "briefs")
    if briefs is None and not feedback:
        raise CreatorMatchError("nothing to learn from: give --briefs and --labels, or --feedback", field="briefs")
    skipped = Skipped()
    brief_list: list[dict[str, Any]] = load_briefs(briefs, skipped) if briefs is not None else []
    judged = load_labels(labels, {b["brief_id"] for b in brief_list}, skipped) if labels is not None else {}
    if feedback:
        clicks = FeedbackStore(database or _settings().feedback_url or store_feedback_url(store))
        try:
            brief_list, judged = with_feedback(brief_list, judged, clicks.records())
        finally:
            clicks.close()
    brief_list, qrels = labeled_briefs(brief_list, judged, skipped)
    for line in skipped.lines():
        typer.echo(line, err=True)
    matcher, _ = _serving_matcher(store, _settings())
    index_store = IndexStore(store)
    result = tune_weights(matcher, brief_list, qrels, name=name, default=matcher.settings.default_preset,
                          folds=folds, margin=margin, alpha=alpha, seed=seed,
                          progress=(lambda text: typer.echo(text, err=True)) if sys.stderr.isatty() else None)
    path, live = save_learned_preset(index_store, result.preset(next_revision(index_store, name), matcher.version),
                                     make_default=make_default)
    typer.echo(tuning_report(result, path, live, make_default))


@app.command()
def versions(
    store: StoreOption,
    json_output: Annotated[bool, typer.Option("--json", help="one JSON object per version")] = False,
) -> None:
    """List the store's index versions with their manifests; the serving one is marked."""
    from index import IndexStore

    index_store = IndexStore(store)
    current = index_store.current_version()
    names = index_store.versions()
    if not names:
        raise CreatorMatchError(f"{store}: no index has been built yet (run `creatormatch build` first)")
    for name in names:
        manifest = index_store.manifest(name)
        if json_output:
            typer.echo(json.dumps({"version": name, "serving": name == current, **manifest}, default=str))
        else:
            counts = manifest.get("counts", {})
            typer.echo(f"{'*' if name == current else ' '} {name}  created {manifest.get('created_at', '?')}  "
                       f"model {manifest.get('model')}  creators {counts.get('creators', '?'):,}  "
                       f"rejected rows {counts.get('rejected_rows', 0):,}")


@app.command()
def rollback(
    store: StoreOption,
    version: Annotated[str | None, typer.Argument(help="version to serve (default: the one before)")] = None,
) -> None:
    """Serve an earlier version again (it is verified before the switch)."""
    from index import IndexStore

    index_store = IndexStore(store)
    target = version or index_store.previous_version()
    if target is None:
        raise CreatorMatchError(f"{store}: no earlier version to roll back to")
    index_store.load(target)  # a damaged version is refused before anything changes
    before = index_store.current_version()
    index_store.switch(target)
    typer.echo(f"serving {target} (was {before})")


@app.command()
def serve(
    store: StoreOption,
    host: Annotated[str, typer.Option("--host", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="server processes, each with the index and "
                                         "model loaded (one per core answers most requests per second)")] = 1,
) -> None:
    """Serve the HTTP API and the web page over a store; new versions are swapped in without a restart."""
    # start-up makes millions of objects that live as long as the server (the place tables, the catalog's
    # columns): collecting them over and over cost a fifth of the time to ready; the app's start-up freezes
    # them and turns collection back on (api.server.collect_again)
    gc.disable()
    import uvicorn

    from api.observability import log_to_stderr
    from api.server import create_app, one_blas_thread
    from api.transport import ServingH11Protocol

    settings = _settings()
    log_to_stderr()
    one_blas_thread()

    if workers == 1:
        uvicorn.run(create_app(settings, store, match_settings=_match_settings(settings)), host=host, port=port,
                    log_config=None, access_log=False, http=ServingH11Protocol)
        return
    # worker processes build their own app from the environment (uvicorn imports the factory in each)
    gc.enable()  # this process only supervises them
    os.environ["CREATORMATCH_SERVE_STORE"] = str(store.resolve())
    uvicorn.run("api.server:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_config=None, access_log=False, http=ServingH11Protocol,
                timeout_worker_healthcheck=settings.worker_healthcheck_seconds)


feedback_app = typer.Typer(no_args_is_help=True, help="Feedback users gave on the web page and API.")
app.add_typer(feedback_app, name="feedback")


@feedback_app.command("export")
def feedback_export(
    out: Annotated[Path, typer.Option("--out", help="folder for pairs.csv and briefs.jsonl")],
    store: Annotated[Path | None, typer.Option("--store", help="store whose feedback.db to read")] = None,
    database: Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL of the feedback table")] = None,
) -> None:
    """Write the stored feedback as labeled pairs and briefs, ready for `creatormatch eval`."""
    from index import FeedbackStore, store_feedback_url

    url = database or _settings().feedback_url or (store_feedback_url(store) if store else None)
    if url is None:
        raise CreatorMatchError("feedback export: give --store or --db")
    feedback = FeedbackStore(url)
    try:
        exported = feedback.export(out)
    finally:
        feedback.close()
    typer.echo(f"{exported.pairs:,} labeled pairs of {exported.briefs:,} briefs -> {exported.pairs_csv}, "
               f"{exported.briefs_jsonl}")


@app.command()
def demo(
    store: Annotated[Path, typer.Option("--store", help="where to build the demo index")] = Path("demo-store"),
    creators: Annotated[int, typer.Option("--creators", min=50, help="creators to generate")] = 2400,
    seed: Annotated[int, typer.Option("--seed")] = 7,
) -> None:
    """Generate the demo catalog, build its index and print explained matches for example briefs."""
    from index import build_store, open_matcher
    from matcher.demo import EXAMPLE_BRIEFS, generate_demo_catalog

    settings = _settings()
    catalog_dir = store / "catalog"
    creators_path, posts_path = generate_demo_catalog(creators, seed).write(catalog_dir)
    typer.echo(f"demo catalog: {creators:,} creators -> {catalog_dir}")
    encoder = _encoder(settings)
    report = build_store(creators_path, posts_path, store, encoder, _match_settings(settings),
                         keep_versions=2, show_progress=sys.stderr.isatty())
    print_build_report(report)
    matcher = open_matcher(store, encoder, _match_settings(settings))
    for text in EXAMPLE_BRIEFS:
        print_response(matcher.match(text, k=5))


@app.command()
def bench(
    quick: Annotated[bool, typer.Option("--quick", help="small inputs: checks every benchmark runs (CI)")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="folder for results.json and latency.png")] = None,
    sizes: Annotated[str | None, typer.Option("--sizes", help="catalog sizes, e.g. 100000,1000000,10000000 (sizes "
                                              "over 1M are measured by the scale section only)")] = None,
    sections: Annotated[str | None, typer.Option("--sections", help="any of latency,scale,embedding,memory,rebuild "
                                                 "(default: all; with --sizes over 1M: scale)")] = None,
) -> None:
    """Measure query latency, retrieval at scale, filtered search, embedding, memory and rebuild; print the tables."""
    from dataclasses import replace

    from bench import SECTIONS, full_plan, quick_plan, run_bench

    counts = tuple(int(size) for size in sizes.split(",")) if sizes else None
    plan = quick_plan() if quick else full_plan(counts) if counts else full_plan()
    chosen = tuple(s.strip() for s in sections.split(",")) if sections else \
        ("scale",) if counts and min(counts) > 1_000_000 else SECTIONS
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        raise typer.BadParameter(f"unknown section {', '.join(unknown)} (any of {','.join(SECTIONS)})",
                                 param_hint="--sections")
    run_bench(replace(plan, sections=chosen), out, echo=typer.echo)


def main() -> None:
    """Entry point: run the app, turning known errors into one line on stderr and exit code 2."""
    try:
        # without standalone mode the parser returns an exit code instead of exiting
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
        _exit_without_teardown()
    except CreatorMatchError as exc:
        # a refused build is an expected outcome operations alert on separately from failures
        _fail(str(exc), code=3 if type(exc).__name__ == "GateRefused" else 2)
    except (typer.Abort, KeyboardInterrupt):
        _fail("aborted", code=130)
    except Exception as exc:  # usage errors of the option parser, and anything unexpected
        show, exit_code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(exit_code, int):
            show()
            sys.exit(exit_code)
        if type(exc).__name__ == "Exit" and isinstance(exit_code, int):
            sys.exit(exit_code)
        _fail(f"unexpected {type(exc).__name__}: {exc} (run with --debug for the traceback)")


# libraries whose exit handlers stop worker processes or servers: with any of them loaded the exit stays normal
_NEEDS_EXIT_HANDLERS = ("ray", "multiprocessing", "uvicorn")


def _exit_without_teardown() -> None:
    """End a command that succeeded without freeing its objects one by one, as mypy's `util.hard_exit` does.

    A build holds millions of Python objects (the catalog's tables, the caches): tearing them down took about
    0.2 s of a 7 s Kim rebuild (docs/benchmarks.md). By here every file is written, closed and renamed into
    place; standard output and the log handlers are flushed first.
    """
    if any(name in sys.modules for name in _NEEDS_EXIT_HANDLERS):
        return
    import logging

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that went away (`| head`): the normal exit reports it as before
        return
    logging.shutdown()
    os._exit(0)


def _fail(message: str, code: int = 2) -> None:
    if "--debug" in sys.argv[1:]:
        traceback.print_exc()
    typer.echo(f"error: {message}", err=True)
    sys.exit(code)


if __name__ == "__main__":
    main()
