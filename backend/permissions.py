"""Who may do what: the one table the service checks on every endpoint.

Supervisors may do everything; other roles are listed per permission.
"""

from __future__ import annotations

import enum

from backend.staff.models import Role


class Permission(enum.StrEnum):
    read_marketplace = "read_marketplace"  # members, listings, transactions, ratings
    read_inquiries = "read_inquiries"
    read_flags = "read_flags"
    read_recalls = "read_recalls"
    manage_staff = "manage_staff"
    read_audit = "read_audit"


GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.read_marketplace: frozenset(Role),
    Permission.read_inquiries: frozenset({Role.agent}),
    Permission.read_flags: frozenset({Role.moderator, Role.safety_officer}),
    Permission.read_recalls: frozenset({Role.safety_officer}),
    Permission.manage_staff: frozenset(),
    Permission.read_audit: frozenset(),
}


def allowed(role: str, permission: Permission) -> bool:
    return role == Role.supervisor or Role(role) in GRANTS[permission]
