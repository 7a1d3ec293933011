"""The command line's filter options (`--platform`, `--min-followers`, ...), declared once for every command that ranks.

`with_filter_options` puts them into a command's signature where the command has its `filters`
parameter (typer reads `__signature__`), and hands the command what was given as one dict, named as
`matcher.briefs.filters_from_options` reads it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType
from typing import Annotated, Any

import typer

# a command's `filters` parameter before the wrapper fills it in
NO_FILTERS: Mapping[str, Any] = MappingProxyType({})

# parameter name -> its option, in the order --help lists them
FILTER_OPTIONS: dict[str, Any] = {
    "platform": Annotated[list[str] | None, typer.Option("--platform", help="repeatable")],
    "min_followers": Annotated[int | None, typer.Option("--min-followers", min=0)],
    "max_followers": Annotated[int | None, typer.Option("--max-followers", min=0)],
    "tier": Annotated[list[str] | None, typer.Option("--tier", help="nano, micro, macro, mega")],
    "country": Annotated[list[str] | None, typer.Option("--country", help="ISO 3166 alpha-2")],
    "language": Annotated[list[str] | None, typer.Option("--language", help="ISO 639-1")],
    "niche": Annotated[list[str] | None, typer.Option(
        "--niche", help="a creator niche tag (fashion, fitness, ...; repeatable: any of them)")],
    "max_sensitive_share": Annotated[float | None, typer.Option(
        "--max-sensitive-share", min=0.0, max=1.0,
        help="leave out creators whose recent captions touch a screened sensitive topic more often than this share")],
    "sensitive_topic": Annotated[list[str] | None, typer.Option(
        "--sensitive-topic", help="a topic the floor screens (repeatable; default every IAB Sensitive Topic, "
                                  "'children' only when named)")],
    "min_trust": Annotated[float | None, typer.Option("--min-trust", min=0.0, max=1.0)],
    "brand": Annotated[str | None, typer.Option("--brand")],
    "competitor": Annotated[list[str] | None, typer.Option("--competitor", help="repeatable")],
    "max_price_per_post": Annotated[float | None, typer.Option(
        "--max-price-per-post", min=0.0, help="the largest price per post a creator may charge")],
    "budget": Annotated[float | None, typer.Option("--budget", min=0.0, help="the campaign's total budget")],
    "unknown": Annotated[list[str] | None, typer.Option(
        "--unknown", help="FIELD=include|exclude for creators whose country, language, trust, price or safety (no "
                          "caption read) is unknown (repeatable; default: exclude, and include for price)")],
    "ignore_parsed": Annotated[list[str] | None, typer.Option(
        "--ignore-parsed", help="a constraint read from the brief to drop (countries, platforms, ...; repeatable)")],
}
# `--budget` is the campaign's total; `filters_from_options` refuses a plain "budget" as ambiguous
_FILTER_KEYS = {"budget": "campaign_budget"}


def with_filter_options(*, leave_out: Collection[str] = ()) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the filter options (all but `leave_out`) in place of its `filters` parameter.

    The command receives `filters`: the options given, keyed as `filters_from_options` reads them
    (unset ones left out).
    """
    unknown = set(leave_out) - set(FILTER_OPTIONS)
    if unknown:
        raise ValueError(f"no filter option {sorted(unknown)}")
    names = [name for name in FILTER_OPTIONS if name not in leave_out]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = inspect.signature(command, eval_str=True)
        if "filters" not in own.parameters:
            raise TypeError(f"{command.__name__} has no `filters` parameter to put the filter options in")
        options = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                                     annotation=FILTER_OPTIONS[name]) for name in names]
        parameters: list[inspect.Parameter] = []
        for parameter in own.parameters.values():
            if parameter.name == "filters":
                parameters.extend(options)
            else:
                # keyword-only from here on: typer passes every option by name
                parameters.append(parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY))

        @functools.wraps(command)
        def run(**given: Any) -> None:
            filters = {_FILTER_KEYS.get(name, name): given.pop(name) for name in names}
            command(**given, filters={key: value for key, value in filters.items() if value not in (None, [])})

        run.__signature__ = own.replace(parameters=parameters)  # type: ignore[attr-defined]
        return run

    return decorate
