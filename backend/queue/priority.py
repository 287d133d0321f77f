"""SLA due times and the queue's priority order, in one place.

How priority works
------------------
Every queue item has an **SLA due** time:

* inquiries: the first-response due time until an agent has replied, then the
  resolution due time (both set on the inquiry);
* flags: ``created_at`` + the time-to-decision of the flag's policy
  (``DECISION_HOURS``; a weapon must be decided within 2 hours, an in-game
  account listing within 12).

Urgency grows as the due time approaches, and severe items should jump ahead
of mild ones that are due a little earlier. Both are folded into one stored
sort key, the **effective due** (``rank``)::

    rank = sla_due - severity * score * SEVERITY_STEP

where severity is the policy's severity (flags, 1..5, × detector score 0..1)
or the inquiry's priority (1 urgent → 4, 4 low → 0, score 1). A weapon flag
scored 0.9 is therefore treated as if it were due 4.5 hours earlier than it
is. Because "how close to due" is the same function of ``now`` for every item,
ordering by ``rank`` is the same at any moment: the order never has to be
recomputed as time passes, and an index on ``rank`` serves the queue page and
"next" at any size. SLA *state* (ok / at risk / breached) is computed at read
time from ``sla_due`` and the server clock.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

SEVERITY_STEP = timedelta(hours=1)
AT_RISK_WINDOW = timedelta(hours=1)

# Flag policy -> (severity 1..5, hours to a decision).
POLICY_RULES: dict[str, tuple[int, int]] = {
    "weapon": (5, 2),
    "medicine": (4, 4),
    "stolen_goods": (4, 4),
    "counterfeit": (3, 8),
    "cash_equivalent": (3, 8),
    "game_account": (2, 12),
}
DEFAULT_POLICY_RULE = (2, 8)
# Inquiry priority (1 urgent .. 4 low) -> severity.
INQUIRY_SEVERITY: dict[int, int] = {1: 4, 2: 2, 3: 1, 4: 0}
# The most any item's rank is pulled before its due time: lets an SLA-window
# filter also bound the rank, so the rank index is scanned over a range only.
MAX_SHIFT = max([sev for sev, _ in POLICY_RULES.values()] + [DEFAULT_POLICY_RULE[0]]
                + list(INQUIRY_SEVERITY.values())) * SEVERITY_STEP


class SlaState(enum.StrEnum):
    ok = "ok"
    at_risk = "at_risk"
    breached = "breached"


def rank(sla_due: datetime, severity: int, score: float) -> datetime:
    """The stored sort key: due time pulled earlier by severity × score."""
    return sla_due - severity * max(0.0, min(score, 1.0)) * SEVERITY_STEP


def flag_sla(policy: str, created_at: datetime) -> tuple[int, datetime]:
    """Severity and time-to-decision due time of a flag."""
    severity, hours = POLICY_RULES.get(policy, DEFAULT_POLICY_RULE)
    return severity, created_at + timedelta(hours=hours)


APPEAL_SEVERITY = 2
APPEAL_DECISION_HOURS = 48  # a seller waiting on an appeal is told "within two days"


def appeal_sla(created_at: datetime) -> tuple[int, datetime]:
    return APPEAL_SEVERITY, created_at + timedelta(hours=APPEAL_DECISION_HOURS)


def inquiry_severity(priority: int) -> int:
    return INQUIRY_SEVERITY.get(priority, 0)


def sla_state(sla_due: datetime, now: datetime) -> SlaState:
    if sla_due <= now:
        return SlaState.breached
    if sla_due - now <= AT_RISK_WINDOW:
        return SlaState.at_risk
    return SlaState.ok
