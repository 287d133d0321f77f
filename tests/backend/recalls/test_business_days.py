"""Business days for removal deadlines come from jpholiday, so the years whose
holidays moved by special law (2019's enthronement, the 2020 and 2021
Olympics) count right, as the hand-written calendar did not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from backend.recalls.deadlines import holidays, is_business_day, removal_deadline

JST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(("day", "business"), [
    ("2019-04-30", False), ("2019-05-01", False), ("2019-05-02", False),  # the ten-day Golden Week of 2019
    ("2019-10-22", False),  # the enthronement ceremony
    ("2020-07-23", False), ("2020-07-24", False), ("2020-08-10", False),  # Olympic moves
    ("2020-10-12", True),  # Sports Day moved away from October in 2020 ...
    ("2021-07-22", False), ("2021-07-23", False), ("2021-08-09", False),
    ("2021-10-11", True),  # ... and in 2021
    ("2025-11-24", False), ("2025-11-25", True),
])
def test_holidays_moved_by_special_law(day: str, business: bool) -> None:
    assert is_business_day(date.fromisoformat(day)) is business


@pytest.mark.parametrize(("requested", "due"), [
    (datetime(2019, 4, 26, 10, tzinfo=JST), datetime(2019, 5, 8, 10, tzinfo=JST)),
    (datetime(2020, 7, 22, 10, tzinfo=JST), datetime(2020, 7, 28, 10, tzinfo=JST)),
    (datetime(2021, 7, 21, 10, tzinfo=JST), datetime(2021, 7, 27, 10, tzinfo=JST)),
    (datetime(2020, 10, 9, 10, tzinfo=JST), datetime(2020, 10, 13, 10, tzinfo=JST)),
])
def test_removal_deadlines_across_moved_holidays(requested: datetime, due: datetime) -> None:
    assert removal_deadline(requested.astimezone(UTC)) == due.astimezone(UTC)


def test_every_year_has_its_sixteen_or_so_holidays() -> None:
    for year in range(2016, 2031):
        assert 15 <= len(holidays(year)) <= 22
