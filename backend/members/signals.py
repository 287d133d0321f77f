"""Signals worth noticing about a member, each with a reason a person can read.

The thresholds are deliberately simple and live here, in one place, so a
reviewer can see why a member was called out and a team can tune them.
Signals are hints for the agent or moderator, never decisions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from pydantic import BaseModel

NEW_ACCOUNT_DAYS = 30  # fraud and counterfeits cluster on fresh accounts
HIGH_VALUE_YEN = 50_000  # listings at or above this price on a new account are worth a look
BURST_LISTINGS_24H = 10  # far above what an ordinary member posts in a day
BAD_RATINGS_MIN = 3  # fewer than this is noise, whatever the share
BAD_RATINGS_SHARE = 0.2  # one in five received ratings bad
DISPUTES_MIN = 3  # sales put on hold in the window
TAKEDOWNS_MIN = 2  # unreversed takedowns in the window
WINDOW_DAYS = 90


class Severity(enum.StrEnum):
    info = "info"
    warning = "warning"
    high = "high"


class Signal(BaseModel):
    code: str
    severity: Severity
    reason: str


@dataclass(frozen=True)
class Facts:
    """What the signals look at, gathered by the member service in a few indexed queries."""

    account_age_days: int
    high_value_listings: int
    listings_24h: int
    ratings_received_window: int
    bad_ratings_window: int
    sales_window: int
    disputed_sales_window: int
    takedowns_window: int


def signals(facts: Facts) -> list[Signal]:
    found: list[Signal] = []
    if facts.account_age_days < NEW_ACCOUNT_DAYS and facts.high_value_listings:
        found.append(Signal(
            code="new_account_high_value",
            severity=Severity.high if facts.high_value_listings >= 3 else Severity.warning,
            reason=f"account {_days(facts.account_age_days)} old, {_count(facts.high_value_listings, 'listing')} "
                   f"at or over ¥{HIGH_VALUE_YEN:,}",
        ))
    if facts.listings_24h >= BURST_LISTINGS_24H:
        found.append(Signal(
            code="listing_burst",
            severity=Severity.warning,
            reason=f"{_count(facts.listings_24h, 'listing')} in the last 24 h",
        ))
    bad, rated = facts.bad_ratings_window, facts.ratings_received_window
    if bad >= BAD_RATINGS_MIN and bad >= BAD_RATINGS_SHARE * rated:
        found.append(Signal(
            code="bad_ratings",
            severity=Severity.high if bad >= 2 * BAD_RATINGS_SHARE * rated else Severity.warning,
            reason=f"{_count(bad, 'bad rating')} of {rated} in {WINDOW_DAYS} days",
        ))
    if facts.disputed_sales_window >= DISPUTES_MIN:
        found.append(Signal(
            code="disputed_sales",
            severity=Severity.warning,
            reason=f"{facts.disputed_sales_window} of {_count(facts.sales_window, 'sale')} disputed "
                   f"in {WINDOW_DAYS} days",
        ))
    if facts.takedowns_window >= TAKEDOWNS_MIN:
        found.append(Signal(
            code="repeat_takedowns",
            severity=Severity.high,
            reason=f"{_count(facts.takedowns_window, 'listing')} taken down in {WINDOW_DAYS} days",
        ))
    return found


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _days(n: int) -> str:
    return "less than a day" if n < 1 else _count(n, "day")
