"""The removal deadline of Japan's product-safety pledge for online
marketplaces: listings of a recalled product are removed within 2 business
days of the regulator's request. Business days are Tokyo weekdays that are
not national holidays (fixed-date, Happy Monday and equinox days, with the
substitute holiday when one falls on a Sunday)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")
REMOVAL_BUSINESS_DAYS = 2

_FIXED = ((1, 1), (2, 11), (2, 23), (4, 29), (5, 3), (5, 4), (5, 5), (8, 11), (11, 3), (11, 23))
_HAPPY_MONDAYS = ((1, 2), (7, 3), (9, 3), (10, 2))  # (month, nth Monday)


def _nth_monday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (nth - 1))


def _equinoxes(year: int) -> tuple[date, date]:
    """Vernal and autumnal equinox days by the usual approximation (valid 1980–2099)."""
    spring = int(20.8431 + 0.242194 * (year - 1980) - (year - 1980) // 4)
    autumn = int(23.2488 + 0.242194 * (year - 1980) - (year - 1980) // 4)
    return date(year, 3, spring), date(year, 9, autumn)


@lru_cache(maxsize=64)
def holidays(year: int) -> frozenset[date]:
    days = {date(year, m, d) for m, d in _FIXED}
    days |= {_nth_monday(year, m, n) for m, n in _HAPPY_MONDAYS}
    days |= set(_equinoxes(year))
    for day in sorted(days):
        if day.weekday() == 6:  # Sunday: the next day that is not already a holiday is off
            substitute = day + timedelta(days=1)
            while substitute in days:
                substitute += timedelta(days=1)
            days.add(substitute)
    for day in sorted(days):  # a weekday between two holidays is a holiday too (e.g. Silver Week)
        bridge = day + timedelta(days=1)
        if bridge not in days and bridge + timedelta(days=1) in days and bridge.weekday() < 5:
            days.add(bridge)
    return frozenset(days)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def removal_deadline(requested_at: datetime, days: int = REMOVAL_BUSINESS_DAYS) -> datetime:
    """``days`` business days after the request, at the same Tokyo clock time.

    A request on a weekend or holiday counts from the start of the next
    business day (Saturday 10:00 → Wednesday 00:00 for two days)."""
    local = requested_at.astimezone(TOKYO)
    if not is_business_day(local.date()):
        day = local.date()
        while not is_business_day(day):
            day += timedelta(days=1)
        local = datetime.combine(day, datetime.min.time(), TOKYO)
    day = local.date()
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if is_business_day(day):
            remaining -= 1
    return datetime.combine(day, local.timetz()).astimezone(requested_at.tzinfo)
