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
    escrow_act = "escrow_act"  # hold, release, refund, cancel escrow (refunds within the role's limit)
    approve_refunds = "approve_refunds"  # decide refunds above the requester's limit
    reveal_pii = "reveal_pii"  # unmask a member's contact details, with a reason
    take_down = "take_down"  # take listings down (one or in bulk), dismiss flags, restrict/suspend members
    reinstate_listings = "reinstate_listings"  # moderators within 24 h of the takedown; supervisors any time
    file_appeals = "file_appeals"  # record a member's appeal against a takedown
    read_appeals = "read_appeals"
    decide_appeals = "decide_appeals"  # never the staff member who took the listing down
    work_queue = "work_queue"  # list, claim, "next", release and hand over queue items of the role's kinds
    reassign_claims = "reassign_claims"  # release or reassign anyone's claim
    read_shifts = "read_shifts"  # shifts, rota, who is on duty, handover summary; clock in and out
    manage_shifts = "manage_shifts"  # edit shifts and the rota
    reply_inquiries = "reply_inquiries"  # reply to members, internal notes, inquiry status
    read_macros = "read_macros"
    manage_macros = "manage_macros"
    manage_recalls = "manage_recalls"  # register/import recalls, run matching, confirm/reject, send and track notices
    read_screening = "read_screening"  # detector verdicts, thresholds and their preview, model versions
    manage_screening = "manage_screening"  # set thresholds, train and activate detector versions
    submit_listings = "submit_listings"  # the marketplace integration: create and edit listings (screened)
    read_dashboards = "read_dashboards"  # operations and enforcement metrics (issue 18)
    # --- cooperation with authorities and rights owners (issue 17)
    manage_authority_requests = "manage_authority_requests"  # register, approve/decline (four eyes), close, export
    erase_members = "erase_members"  # erase a member's personal data (refused while a legal hold covers them)
    manage_rights_owners = "manage_rights_owners"  # register rights owners and create their accounts
    report_rights = "report_rights"  # a rights owner reports listings infringing its marks
    read_rights_reports = "read_rights_reports"  # moderators all; a rights owner only its own (the service filters)
    decide_rights_reports = "decide_rights_reports"  # accept (takedown) or reject a rights owner's report
    read_transparency = "read_transparency"  # the transparency report


#: Every role but the external rights owners, who see only their own reports (issue 17).
STAFF = frozenset(Role) - {Role.rights_owner}

GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.read_marketplace: STAFF,
    Permission.read_inquiries: frozenset({Role.agent}),
    Permission.read_flags: frozenset({Role.moderator, Role.safety_officer}),
    Permission.read_recalls: frozenset({Role.safety_officer}),
    Permission.manage_staff: frozenset(),
    Permission.read_audit: frozenset(),
    Permission.escrow_act: frozenset({Role.agent}),
    Permission.approve_refunds: frozenset(),
    Permission.reveal_pii: frozenset({Role.agent}),
    Permission.take_down: frozenset({Role.moderator}),
    Permission.reinstate_listings: frozenset({Role.moderator}),
    Permission.file_appeals: frozenset({Role.agent}),
    Permission.read_appeals: frozenset({Role.agent, Role.moderator}),
    Permission.decide_appeals: frozenset({Role.moderator}),
    Permission.work_queue: frozenset({Role.agent, Role.moderator}),
    Permission.reassign_claims: frozenset(),
    Permission.read_shifts: STAFF,
    Permission.manage_shifts: frozenset(),
    Permission.reply_inquiries: frozenset({Role.agent}),
    Permission.read_macros: frozenset({Role.agent}),
    Permission.manage_macros: frozenset(),
    Permission.manage_recalls: frozenset({Role.safety_officer}),
    Permission.read_screening: frozenset({Role.moderator}),
    Permission.manage_screening: frozenset(),
    Permission.submit_listings: frozenset(),
    Permission.read_dashboards: frozenset(),
    Permission.manage_authority_requests: frozenset(),
    Permission.erase_members: frozenset(),
    Permission.manage_rights_owners: frozenset(),
    Permission.report_rights: frozenset({Role.rights_owner}),
    Permission.read_rights_reports: frozenset({Role.moderator, Role.rights_owner}),
    Permission.decide_rights_reports: frozenset({Role.moderator}),
    Permission.read_transparency: frozenset(),
}


def allowed(role: str, permission: Permission) -> bool:
    return role == Role.supervisor or Role(role) in GRANTS[permission]
