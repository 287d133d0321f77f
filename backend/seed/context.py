"""State shared by the seeding phases: the RNG, the writer, the clock and who exists.

Everything random flows from one ``random.Random(seed)`` consumed in a fixed
order, and every timestamp is an offset from a fixed base time, so the same
seed always produces the same rows.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from backend.seed.writer import BulkWriter

MINUTE = 60
HOUR = 3600
DAY = 86_400
YEAR = 365 * DAY

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class Scale:
    """Row counts per scale; ``chunk`` is rows buffered between inserts."""

    members: int
    listings: int
    transactions: int
    inquiries: int
    violation_rate: float = 0.025
    false_positive_rate: float = 0.003
    chunk: int = 20_000


SCALES: dict[str, Scale] = {
    "demo": Scale(members=300, listings=2_000, transactions=800, inquiries=150),
    "large": Scale(members=200_000, listings=1_000_000, transactions=300_000, inquiries=20_000),
}


@dataclass
class SeedContext:
    rng: random.Random
    writer: BulkWriter
    scale: Scale
    base: float  # POSIX seconds of the fixed "now"
    progress: Progress
    # staff
    staff_ids: dict[str, list[int]] = field(default_factory=dict)  # role -> ids
    staff_usernames: dict[int, str] = field(default_factory=dict)
    staff_names: dict[int, str] = field(default_factory=dict)
    # members, by index 0..n-1 in joining order; id = member_base + index
    member_base: int = 0
    joined: list[float] = field(default_factory=list)
    member_lang: bytearray = field(default_factory=bytearray)  # 0 ja, 1 en
    member_status: bytearray = field(default_factory=bytearray)  # 0 active, 1 restricted, 2 suspended
    poor_sellers: set[int] = field(default_factory=set)

    def at(self, ts: float) -> datetime:
        """An aware UTC datetime, to the second (UTCDateTime refuses naive ones)."""
        return datetime.fromtimestamp(int(ts), UTC)

    def member_id(self, index: int) -> int:
        return self.member_base + index

    def joined_before(self, ts: float) -> int:
        """How many members had joined by ``ts`` (they are the ones who may act then)."""
        return max(1, bisect.bisect_right(self.joined, ts))

    def pick_member(self, ts: float, *, skew: float = 1.0, avoid: int = -1) -> int:
        """A member index who had joined by ``ts``; ``skew`` > 1 favours long-standing members."""
        limit = self.joined_before(ts)
        rng = self.rng
        while True:
            index = int(limit * rng.random() ** skew)
            if index != avoid or limit == 1:
                return index

    def agent(self) -> int:
        return self.rng.choice(self.staff_ids["agent"] + self.staff_ids["supervisor"][:1])

    def moderator(self) -> int:
        return self.rng.choice(self.staff_ids["moderator"] + self.staff_ids["supervisor"][:1])
