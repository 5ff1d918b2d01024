"""When servers arrive and when training finishes, in days from the plan's start.

Servers arrive at ``servers_per_week`` from day 0 (all on day 0 without a
rate); the last ``delayed_fraction`` of them a further ``delay_weeks`` late.
Training needs ``days`` of the whole design. Waiting for every server, it
starts when the last arrives; starting on what arrived, it progresses at the
share of servers present (linear scaling, an optimistic simplification), so
servers that came on time do work while the late ones are awaited.
"""

from __future__ import annotations

import calendar
import math
import re

from engine.errors import EngineError
from engine.plan.settings import PlanSettings

DAYS_PER_MONTH = 365.25 / 12
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def arrivals(units: int, settings: PlanSettings) -> list[float]:
    """The day each unit arrives, in order."""
    on_time = units - math.floor(units * settings.delayed_fraction + 1e-9)
    rate = settings.servers_per_week
    return [(i / rate * 7 if rate else 0.0) + (settings.delay_weeks * 7 if i >= on_time else 0.0)
            for i in range(units)]


def finish_day(days: float, arrived: list[float], ramp: str) -> float:
    """The day training of ``days`` on the whole design finishes."""
    if ramp == "wait":
        return max(arrived) + days
    units, done, now = len(arrived), 0.0, 0.0
    for present, day in enumerate(sorted(arrived)):
        if present:
            step = (day - now) * present / units
            if done + step >= days:
                return now + (days - done) * units / present
            done += step
        now = day
    return now + days - done


def month_index(text: str, what: str) -> int:
    """"2024-07" as months since year 0, so months subtract."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise EngineError(f"{what}: not a month: {text!r} (use YYYY-MM)")
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


def month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def day_label(start: int, day: float) -> str:
    """The calendar date ``day`` days after the first of month ``start`` (30.44-day months;
    a day past a short month's end is its last day, never "2023-11-31")."""
    months = int(day // DAYS_PER_MONTH)
    month = start + months
    last = calendar.monthrange(month // 12, month % 12 + 1)[1]
    return f"{month_label(month)}-{min(int(day - months * DAYS_PER_MONTH) + 1, last):02d}"


def step_path(text: str, what: str) -> list[tuple[int, float]]:
    """"2024-01:1, 2024-07:0.8" as (month index, factor) pairs, in order."""
    points = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        month, sep, factor = item.partition(":")
        try:
            value = float(factor)
        except ValueError:
            value = -1.0
        if not sep or value <= 0:
            raise EngineError(f"{what}: {item!r} is not YYYY-MM:factor (a positive number)")
        points.append((month_index(month, what), value))
    return sorted(points)


def factor_at(path: list[tuple[int, float]], month: int) -> float:
    """The path's factor in force in ``month`` (before its first point, 1)."""
    value = 1.0
    for when, factor in path:
        if when <= month:
            value = factor
    return value
