"""Output of the command line, human-readable (rich); the JSON forms are the results' own `to_dict`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from index.drift import drift_lines
from matcher import BrandReport, MatchResponse, ParsedBrief, TeamPlan

if TYPE_CHECKING:
    from eval import TuningResult
    from index import BuildReport


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def print_build_report(report: BuildReport) -> None:
    """Counts, rejects and stage times of a build."""
    console = _console()
    console.print(f"[bold]built version {report.version}[/bold] in {report.store}")
    console.print(f"  creators {report.creators:,}  posts {report.posts:,}  texts {report.texts:,} "
                  f"(distinct: embedded {report.embedded:,}, reused from cache {report.reused:,})")
    if report.creators_without_posts:
        console.print(f"  [yellow]creators without posts {report.creators_without_posts:,}[/yellow]: matched on "
                      "their bios; engagement, loyalty and cost unknown (flagged)")
    if report.rejected_rows:
        console.print(f"  [yellow]rejected rows {report.rejected_rows:,}[/yellow] -> {report.rejects_file}")
    else:
        console.print("  rejected rows 0")
    if report.cache_status == "damaged":
        console.print("  [yellow]the embedding cache was damaged: ignored, every text embedded, "
                      "cache rewritten[/yellow]")
    if report.cache_status.startswith("not saved"):
        console.print(f"  [yellow]embedding cache {report.cache_status}: published anyway; the next build "
                      "embeds more[/yellow]")
    if report.index_type != "Flat":
        console.print(f"  index type {report.index_type}")
    if report.gate is not None:
        verdict = "passed" if report.gate["passed"] else "[red]refused, published with --force[/red]"
        console.print(f"  quality gate {verdict}: {report.gate['message']}")
    for line in drift_lines(report.drift) if report.drift else []:
        console.print(f"  {line}")
    stages = "  ".join(f"{name} {seconds:.1f}s" for name, seconds in report.stage_seconds.items())
    console.print(f"  stages: {stages}  (total {sum(report.stage_seconds.values()):.1f}s)")


def print_brand(report: BrandReport) -> None:
    """A brand's creators, similar brands and likely competitors."""
    console = _console()
    if not report.known:
        console.print(f"[bold]{report.brand}[/bold]: no creator of this index tagged it (check the spelling or handle)")
        return
    niche = f", niche {report.niche}" if report.niche else ""
    console.print(f"[bold]{report.brand}[/bold]: {report.creators_mentioning:,} creators tagged it "
                  f"({report.paid_creators:,} in sponsored posts){niche}")
    for creator in report.top_creators:
        latest = f", latest {creator.latest}" if creator.latest else ""
        console.print(f"  @{creator.handle}  paid {creator.paid_posts}, unpaid {creator.organic_posts}{latest}  "
                      f"fit {creator.direct_fit:.2f}")
    if report.similar:
        console.print("similar brands (share creators): "
                      + ", ".join(f"{name} {similarity:.2f}" for name, similarity in report.similar))
    if report.suggested_competitors:
        console.print("likely competitors (similar, same niche; apply with --competitor): "
                      + ", ".join(name for name, _ in report.suggested_competitors))


def print_response(response: MatchResponse) -> None:
    """A brief's ranked, explained shortlist."""
    console = _console()
    console.print()
    console.print(f"[bold]Brief:[/bold] {response.brief.text}")
    read_as = ", ".join(f"{name} {weight:.0%}" for name, weight in response.niches)
    console.print(f"  niche text: [italic]{response.brief.query_text}[/italic]" + (
        f"  (read as {read_as})" if read_as else "  (not read into a niche: matched on its own words)"))
    print_readings(console, response.brief)
    console.print(f"  filters applied: {response.filters.as_dict() or 'none'}")
    console.print(f"  preset {response.preset}, index {response.index_version}, "
                   f"{response.eligible_creators:,} creators pass the filters")
    if response.shortfall:
        console.print(f"  [yellow]{response.shortfall}[/yellow]")
    if not response.results:
        return
    for rank, match in enumerate(response.results, start=1):
        language = "".join(
            f", {known.value}" + (f" (inferred {known.confidence:.0%})"
                                  if known.source == "inferred" and known.confidence is not None else "")
            for known in (match.country, match.language) if known is not None)
        console.print(f"  [bold]{rank:>2}. {match.handle}[/bold]  {match.platform}, {match.followers:,} followers "
                      f"({match.tier}){language}  score [bold]{match.score:.3f}[/bold]")
        if match.niche_tags:
            console.print(f"      niche tags (inferred): {', '.join(match.niche_tags)}")
        if match.sensitive:
            console.print("      sensitive content: " + "; ".join(
                f"{topic.name} in {topic.share:.0%} of recent captions ({', '.join(topic.examples)})"
                for topic in match.sensitive))
        parts = [f"{c.name} {c.normalized:.2f}x{c.weight:.2f}" + (" (missing)" if c.missing else "")
                 for c in match.components if c.weight > 0]
        console.print("      " + " | ".join(parts))
        for flag in match.flags:
            console.print(f"      [red]! {flag}[/red]")
        if match.feedback:
            console.print(f"      [cyan]{match.feedback}[/cyan]")
        for evidence in match.evidence:
            console.print(f"      [green]\u201c{evidence.text}\u201d[/green] ({evidence.source}, "
                           f"cosine {evidence.similarity:.2f})")


def print_readings(console: Console, brief: ParsedBrief) -> None:
    """What the reader took from the brief, each with its phrase, and the suggestions it did not apply."""
    if not brief.readings:
        console.print("  read from the brief: no constraints")
    for reading in brief.applied:
        console.print(f"  read {reading.field} = {_shown(reading.value)}  <- \u201c{reading.phrase}\u201d")
    for reading in brief.suggestions:
        option = _OPTIONS.get(reading.field, reading.field)
        console.print(f"  [cyan]suggested {reading.field} = {_shown(reading.value)}  <- \u201c{reading.phrase}\u201d "
                      f"({reading.note}); not applied: add {option} {_shown(reading.value, ' ' + option + ' ')} to "
                      f"apply[/cyan]")


_OPTIONS = {"countries": "--country", "languages": "--language", "platforms": "--platform", "tiers": "--tier",
            "min_followers": "--min-followers", "max_followers": "--max-followers", "brand": "--brand",
            "max_price_per_post": "--max-price-per-post", "campaign_budget": "--budget", "k": "--k",
            "competitors": "--competitor"}


def _shown(value: Any, joiner: str = ",") -> str:
    return joiner.join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


def print_plan(plan: TeamPlan) -> None:
    """A campaign plan: the team with each member's numbers and reasons, totals, overlaps, alternates."""
    console = _console()
    console.print()
    console.print(f"[bold]Brief:[/bold] {plan.brief.text}")
    print_readings(console, plan.brief)
    console.print(f"  budget {plan.budget:,.2f}" + (f", at most {plan.max_size} creators" if plan.max_size else "")
                  + f"; {plan.candidates:,} candidates of {plan.eligible_creators:,} passing the filters "
                    f"({plan.filters.as_dict() or 'no filters'}), preset {plan.preset}, index {plan.index_version}")
    if not plan.team:
        console.print("  [yellow]no creator fits this budget and these filters[/yellow]")
    for rank, member in enumerate(plan.team, start=1):
        match, candidate = member.match, member.candidate
        per_engagement = candidate.cost_per_engagement
        console.print(f"  [bold]{rank:>2}. {match.handle}[/bold]  {match.platform}, {match.followers:,} followers "
                      f"({match.tier})  cost [bold]{candidate.price:,.2f}[/bold]"
                      + (" (estimated)" if candidate.price_estimated else "")
                      + f"  expected engagements {candidate.expected_engagements:,.0f}"
                      + (f"  per engagement {per_engagement:.3f}" if per_engagement is not None else ""))
        for reason in member.reasons:
            console.print(f"      {reason}")
        for flag in match.flags:
            console.print(f"      [red]! {flag}[/red]")
    overlap = plan.mean_pairwise_overlap
    console.print(f"  [bold]team[/bold]: {len(plan.team)} creators, cost {plan.total_cost:,.2f} of "
                  f"{plan.budget:,.2f}, expected engagements {plan.total_expected_engagements:,.0f}, value "
                  f"{plan.team_value:,.0f}" + (f", mean pairwise overlap {overlap:.1%}" if overlap is not None else ""))
    baseline = plan.baseline
    base_overlap = baseline.mean_pairwise_overlap
    console.print(f"  top matches in order for the same budget: {len(baseline.creator_ids)} creators, cost "
                  f"{baseline.cost:,.2f}, expected engagements {baseline.expected_engagements:,.0f}, value "
                  f"{baseline.value:,.0f}" + (f", mean overlap {base_overlap:.1%}" if base_overlap is not None else ""))
    console.print(f"  chosen by the {plan.strategy} " + (
        f"(guarantee: at least {plan.guarantee:.3f} of the best team's value)" if plan.guarantee is not None
        else "(no bound is claimed under a team-size cap)"))
    if len(plan.team) >= 2:
        console.print("  pairwise audience overlap:")
        for member, row in zip(plan.team, plan.overlap, strict=True):
            console.print(f"    {member.match.handle:<28} " + " ".join(f"{x:5.0%}" for x in row))
    for alternate in plan.alternates:
        console.print(f"  [dim]left out[/dim] {alternate.match.handle} ({alternate.candidate.price:,.2f}"
                      + (" estimated" if alternate.candidate.price_estimated else "") + f"): {alternate.reason}")
    if plan.skipped:
        console.print(f"  {len(plan.skipped)} candidates skipped: expected engagements unknown (no recent posts)")


def tuning_report(result: TuningResult, path: Path, live: bool, make_default: bool) -> str:
    """What `tune` learned, how every preset measured on held-out folds, and what became of the preset."""
    lines = [f"learned '{result.name}' on {result.briefs} briefs ({result.pairs} labeled pairs), {result.folds}-fold "
             f"cross-validation over briefs",
             "weights: " + ", ".join(f"{name} {weight:g}" for name, weight in result.weights.items()),
             "nDCG@10 on held-out folds:"]
    for name, value in sorted(result.cross_validated.items(), key=lambda item: -item[1]):
        lines.append(f"  {name:<14} {value:.4f}")
    lines.append(result.decision.reason)
    if not live:
        lines.append(f"'{result.name}' is the default and this revision was not adopted: kept in {path} only")
    elif make_default and result.decision.adopt:
        lines.append(f"'{result.name}' is now the default -> {path}")
    else:
        lines.append(f"saved as preset '{result.name}' (use --preset {result.name}; servers take it up at the next "
                     f"build or restart){'' if not make_default else ', not the default'} -> {path}")
    return "\n".join(lines)
