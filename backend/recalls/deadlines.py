"""The removal deadline of Japan's product-safety pledge for online
marketplaces: listings of a recalled product are removed within 2 business
days of the regulator's request. Business days are Tokyo weekdays that are
not national holidays (from the jpholiday package, which follows the
Cabinet Office's published calendar)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import jpholiday

TOKYO = ZoneInfo("Asia/Tokyo")
REMOVAL_BUSINESS_DAYS = 2


@lru_cache(maxsize=64)
def holidays(year: int) -> frozenset[date]:
    """Japan's national holidays of ``year`` as the Cabinet Office publishes them,
    from jpholiday: substitute and citizens' holidays, and the one-off moves
    (the 2019 enthronement days, the 2020 and 2021 Olympic Games) that no
    rule of thumb gets right."""
    return frozenset(day for day, _name in jpholiday.year_holidays(year))


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
