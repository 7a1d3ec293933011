"""Human-readable output of the command line (rich)."""

from __future__ import annotations

from rich.console import Console

from index import BuildReport
from index.drift import drift_lines
from matcher import MatchResponse


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def print_build_report(report: BuildReport) -> None:
    """Counts, rejects and stage times of a build."""
    console = _console()
    console.print(f"[bold]built version {report.version}[/bold] in {report.store}")
    console.print(f"  creators {report.creators:,}  posts {report.posts:,}  texts {report.texts:,} "
                  f"(distinct: embedded {report.embedded:,}, reused from cache {report.reused:,})")
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


def print_response(response: MatchResponse) -> None:
    """A brief's ranked, explained shortlist."""
    console = _console()
    console.print()
    console.print(f"[bold]Brief:[/bold] {response.brief.text}")
    parsed = response.brief.filters.as_dict()
    read_as = ", ".join(f"{name} {weight:.0%}" for name, weight in response.niches)
    console.print(f"  niche text: [italic]{response.brief.query_text}[/italic]" + (f"  (read as {read_as})"
                                                                                    if read_as else ""))
    console.print(f"  parsed: {parsed or 'no constraints'}   applied: {response.filters.as_dict() or 'none'}")
    console.print(f"  preset {response.preset}, index {response.index_version}, "
                   f"{response.eligible_creators:,} creators pass the filters")
    if not response.results:
        console.print("  [yellow]no creator matches these filters[/yellow]")
        return
    for rank, match in enumerate(response.results, start=1):
        console.print(f"  [bold]{rank:>2}. {match.handle}[/bold]  {match.platform}, {match.followers:,} followers "
                      f"({match.tier})  score [bold]{match.score:.3f}[/bold]")
        parts = [f"{c.name} {c.normalized:.2f}x{c.weight:.2f}" + (" (missing)" if c.missing else "")
                 for c in match.components if c.weight > 0]
        console.print("      " + " | ".join(parts))
        for flag in match.flags:
            console.print(f"      [red]! {flag}[/red]")
        for evidence in match.evidence:
            console.print(f"      [green]\u201c{evidence.text}\u201d[/green] ({evidence.source}, "
                           f"cosine {evidence.similarity:.2f})")
