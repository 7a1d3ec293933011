"""The nightly schedule: next run times by hand, and a simulated week of nights with a failing one."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from index.schedule import next_run, parse_time_of_day, run_schedule
from matcher import CreatorMatchError

UTC = timezone.utc


@pytest.mark.parametrize(("now", "expected"), [
    (datetime(2026, 3, 1, 1, 0, tzinfo=UTC), datetime(2026, 3, 1, 2, 30, tzinfo=UTC)),    # later today
    (datetime(2026, 3, 1, 2, 30, tzinfo=UTC), datetime(2026, 3, 1, 2, 30, tzinfo=UTC)),   # exactly now
    (datetime(2026, 3, 1, 2, 30, 1, tzinfo=UTC), datetime(2026, 3, 2, 2, 30, tzinfo=UTC)),  # just missed
    (datetime(2026, 12, 31, 23, 0, tzinfo=UTC), datetime(2027, 1, 1, 2, 30, tzinfo=UTC)),  # new year
    (datetime(2028, 2, 28, 3, 0, tzinfo=UTC), datetime(2028, 2, 29, 2, 30, tzinfo=UTC)),   # leap day
])
def test_next_run(now: datetime, expected: datetime) -> None:
    assert next_run(now, time(2, 30)) == expected


@pytest.mark.parametrize("text", ["24:00", "2:3", "noon", "12:60", ""])
def test_bad_times_are_refused_by_name(text: str) -> None:
    with pytest.raises(CreatorMatchError, match=f"--at: '{text}' is not a time of day HH:MM"):
        parse_time_of_day(text)


def test_parse_time_of_day() -> None:
    assert parse_time_of_day("02:30") == time(2, 30) and parse_time_of_day("7:05") == time(7, 5)
    assert parse_time_of_day("23:59") == time(23, 59)


class SimulatedClock:
    """A clock that moves only when slept on (and when a job 'takes' time)."""

    def __init__(self, start: datetime) -> None:
        self.current = start
        self.slept = 0.0

    def now(self) -> datetime:
        return self.current

    def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.current += timedelta(seconds=seconds)


def test_a_simulated_week_runs_every_night_and_survives_a_failed_one() -> None:
    clock = SimulatedClock(datetime(2026, 11, 22, 14, 0, tzinfo=UTC))
    calls = []

    def job() -> str:
        calls.append(clock.now())
        clock.current += timedelta(minutes=20)  # a build takes 20 minutes
        if len(calls) == 2:
            raise CreatorMatchError("catalog: no valid creator rows")
        if len(calls) == 3:
            raise RuntimeError("bug")
        return f"version-{len(calls)}"

    waits: list[datetime] = []
    nights = run_schedule(time(2, 30), job, runs=4, now=clock.now, sleep=clock.sleep, on_wait=waits.append)
    expected = [datetime(2026, 11, day, 2, 30, tzinfo=UTC) for day in (23, 24, 25, 26)]
    assert calls == expected and waits == expected
    assert [n.ok for n in nights] == [True, False, False, True]
    assert nights[0].result == "version-1" and nights[3].result == "version-4"
    assert nights[1].error == "catalog: no valid creator rows" and nights[2].error == "RuntimeError: bug"
    # from 14:00 to 02:30 on the 26th, less the four 20-minute builds, was spent asleep
    assert clock.slept == pytest.approx((expected[-1] - datetime(2026, 11, 22, 14, 0, tzinfo=UTC)).total_seconds()
                                        - 3 * 20 * 60)
