"""How much each role may refund on its own: the one place the limits live.

A refund (or a cancel, which refunds everything held) that would take the
total refunded on a sale above the acting role's limit does not move money;
it becomes a request a supervisor decides.
"""

from __future__ import annotations

from backend.staff.models import Role

# Yen refunded per sale; None = no limit. Roles not listed may not refund at all.
REFUND_LIMITS: dict[Role, int | None] = {
    Role.agent: 30_000,
    Role.supervisor: None,
}


def refund_limit(role: str) -> int | None:
    """The most ``role`` may refund on one sale without approval (0 when it may not refund)."""
    return REFUND_LIMITS.get(Role(role), 0)


def within_limit(role: str, refunded_total: int) -> bool:
    limit = refund_limit(role)
    return limit is None or refunded_total <= limit
