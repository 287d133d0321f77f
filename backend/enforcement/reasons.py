"""Takedown reason codes, what each one means for the detector and for the
seller's standing, and the thresholds that suggest a restriction or suspension.

The one place that maps reason codes to detector policies: the codes that
name a detector policy reuse its name (so seeded takedowns, which store the
policy, read back as the right reason), and the two that have none —
recalled products and "other" — write no detector label, because the
detector cannot learn a class it does not have (its trainer refuses
unknown labels).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta

from backend.enforcement.models import SanctionKind


class ReasonCode(enum.StrEnum):
    counterfeit = "counterfeit"
    medicine = "medicine"
    game_account = "game_account"
    stolen_goods = "stolen_goods"
    weapon = "weapon"
    cash_equivalent = "cash_equivalent"
    recalled_product = "recalled_product"
    other = "other"


@dataclass(frozen=True)
class Reason:
    label: str  # shown to staff and, in the notification, to the seller
    policy: str | None  # the detector policy the decision teaches, if any
    weight: int  # strike points toward the thresholds below


REASONS: dict[ReasonCode, Reason] = {
    ReasonCode.counterfeit: Reason("Counterfeit goods", "counterfeit", 2),
    ReasonCode.medicine: Reason("Prohibited medicine or medical device", "medicine", 2),
    ReasonCode.game_account: Reason("Game account / RMT", "game_account", 1),
    ReasonCode.stolen_goods: Reason("Stolen goods", "stolen_goods", 3),
    ReasonCode.weapon: Reason("Weapon", "weapon", 3),
    ReasonCode.cash_equivalent: Reason("Cash equivalent", "cash_equivalent", 1),
    # A recall is rarely the seller's fault: recorded as a strike for the history, worth no points.
    ReasonCode.recalled_product: Reason("Recalled product", None, 0),
    ReasonCode.other: Reason("Other (see note)", None, 1),
}


def reason_for(code: str) -> Reason:
    """Reasons of rows written before a code existed fall back to "other"."""
    try:
        return REASONS[ReasonCode(code)]
    except ValueError:
        return REASONS[ReasonCode.other]


# Strike points counted over this window suggest an action a moderator then confirms.
STRIKE_WINDOW = timedelta(days=90)
# Highest threshold first: the suggestion is the most severe one reached.
THRESHOLDS: tuple[tuple[int, SanctionKind], ...] = ((6, SanctionKind.suspend), (3, SanctionKind.restrict))


def suggested_sanction(points: int) -> SanctionKind | None:
    for at_least, kind in THRESHOLDS:
        if points >= at_least:
            return kind
    return None
