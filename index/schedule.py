"""Nightly rebuilds in-process: wait for a time of day, run the job, repeat; a failed night never stops the next."""

from __future__ import annotations

import re
import time as clock
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from matcher import CreatorMatchError

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time_of_day(text: str) -> time:
    """`HH:MM` (24-hour clock) as a time; raises CreatorMatchError naming the bad value."""
    found = _TIME.match(text.strip())
    if not found:
        raise CreatorMatchError(f"--at: '{text}' is not a time of day HH:MM (00:00 to 23:59)")
    return time(int(found.group(1)), int(found.group(2)))


def next_run(now: datetime, at: time) -> datetime:
    """The first moment at or after `now` whose clock reads `at` (today if still ahead, else tomorrow)."""
    today = now.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return today if today >= now else today + timedelta(days=1)


@dataclass(frozen=True)
class Night:
    """One scheduled run: when it started, whether it succeeded, and its result or error."""

    started: datetime
    ok: bool
    result: Any = None
    error: str | None = None


def run_schedule(at: time, job: Callable[[], Any], *, runs: int | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
                 sleep: Callable[[float], None] = clock.sleep,
                 on_wait: Callable[[datetime], None] | None = None,
                 on_done: Callable[[Night], None] | None = None) -> list[Night]:
    """Run `job` every day at `at` (local time), `runs` times or forever.

    An exception from the job is recorded and reported through `on_done`; the schedule goes on, since
    the serving version is untouched by a failed build. The clock and sleep are parameters so that a
    schedule can be driven by a simulated clock.
    """
    nights: list[Night] = []
    while runs is None or len(nights) < runs:
        due = next_run(now(), at)
        if on_wait is not None:
            on_wait(due)
        while (remaining := (due - now()).total_seconds()) > 0:
            sleep(min(remaining, 60.0))  # short naps: a suspended laptop or a clock change is noticed
        started = now()
        try:
            night = Night(started, True, result=job())
        except CreatorMatchError as exc:
            night = Night(started, False, error=str(exc))
        except Exception as exc:  # a bug in one night's build must not end the schedule
            night = Night(started, False, error=f"{type(exc).__name__}: {exc}")
        nights.append(night)
        if on_done is not None:
            on_done(night)
        # never run twice in the same minute, however fast the job was
        while now() < started.replace(second=0, microsecond=0) + timedelta(minutes=1):
            sleep(1.0)
    return nights
