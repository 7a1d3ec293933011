"""Human-readable output of the command line (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from index import BuildReport
from matcher import MatchResponse

_console = Console(highlight=False, soft_wrap=True)


def print_build_report(report: BuildReport) -> None:
    """Counts, rejects and stage times of a build."""
    _console.print(f"[bold]built version {report.version}[/bold] in {report.store}")
    _console.print(f"  creators {report.creators:,}  posts {report.posts:,}  texts {report.texts:,} "
                   f"(embedded {report.embedded:,}, reused from cache {report.reused:,})")
    if report.rejected_rows:
        _console.print(f"  [yellow]rejected rows {report.rejected_rows:,}[/yellow] -> {report.rejects_file}")
    else:
        _console.print("  rejected rows 0")
    stages = "  ".join(f"{name} {seconds:.1f}s" for name, seconds in report.stage_seconds.items())
    _console.print(f"  stages: {stages}  (total {sum(report.stage_seconds.values()):.1f}s)")


def print_response(response: MatchResponse) -> None:
    """A brief's ranked, explained shortlist."""
    _console.print()
    _console.print(f"[bold]Brief:[/bold] {response.brief.text}")
    parsed = response.brief.filters.as_dict()
    _console.print(f"  niche text: [italic]{response.brief.query_text}[/italic]")
    _console.print(f"  parsed: {parsed or 'no constraints'}   applied: {response.filters.as_dict() or 'none'}")
    _console.print(f"  preset {response.preset}, index {response.index_version}, "
                   f"{response.eligible_creators:,} creators pass the filters")
    if not response.results:
        _console.print("  [yellow]no creator matches these filters[/yellow]")
        return
    table = Table(show_lines=True)
    for column in ("#", "creator", "score", "breakdown (normalized x weight)", "flags and evidence"):
        table.add_column(column, overflow="fold")
    for rank, match in enumerate(response.results, start=1):
        parts = [f"{c.name} {c.normalized:.2f}x{c.weight:.2f}" + (" (missing)" if c.missing else "")
                 for c in match.components if c.weight > 0]
        notes = [f"[red]! {flag}[/red]" for flag in match.flags]
        notes += [f"[green]\u201c{e.text}\u201d[/green] ({e.source}, {e.similarity:.2f})" for e in match.evidence]
        table.add_row(str(rank), f"{match.handle}\n{match.platform}, {match.followers:,} ({match.tier})",
                      f"{match.score:.3f}", "\n".join(parts), "\n".join(notes))
    _console.print(table)
