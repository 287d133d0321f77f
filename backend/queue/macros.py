"""Canned replies ("macros") with placeholders such as ``{member_name}``.

Supervisors manage them; agents render one against an inquiry and edit the
result before sending. Placeholders are checked when a macro is saved, so a
typo is caught by the supervisor who made it, not by a member who receives
``{membr_name}``.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.errors import Conflict, InvalidInput, NotFound
from backend.escrow.models import Transaction
from backend.inquiries.models import Inquiry, InquiryCategory
from backend.listings.models import Listing
from backend.members.models import Member
from backend.queue.models import Macro
from backend.staff.models import Staff
from backend.versioning import ensure_version

PLACEHOLDERS: dict[str, str] = {
    "member_name": "the member's display name",
    "inquiry_id": "the inquiry number",
    "subject": "the inquiry subject",
    "transaction_id": "the linked transaction number",
    "amount": "the linked transaction amount in yen, e.g. ¥25,000",
    "listing_id": "the linked listing number",
    "listing_title": "the linked listing title",
    "agent_name": "the replying agent's display name",
}


#: The whole template syntax: ``{name}``, and ``{{`` / ``}}`` for literal braces. No format
#: specs, conversions, attributes or indexes (``str.format`` would run them: ``{member_name:>9999999}``).
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def placeholders_in(body: str) -> set[str]:
    """The placeholder names in ``body``; anything but the safe syntax is a 422 on ``body``."""
    names: set[str] = set()
    for match in _TOKEN.finditer(body):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        inner = match.group(1)
        if inner is None:
            raise InvalidInput(f"body has a stray brace at character {match.start() + 1}; write {{{{ or }}}} for "
                               "a literal one", field="body")
        if not _NAME.fullmatch(inner):
            raise InvalidInput(f"{token} is not a placeholder: write names only, e.g. {{member_name}} (no format "
                               "specs, conversions, attributes or indexes)", field="body")
        names.add(inner)
    return names


def fill(body: str, values: dict[str, str | None]) -> str:
    """``body`` with its placeholders filled in. Never fails: text that is not a
    known placeholder (a macro saved before the syntax was checked) stays as written,
    and the result is at most the body plus the values it names."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        if name is not None and name in values:
            return values[name] or ""
        return token

    return _TOKEN.sub(replace, body)


def _validate(name: str, body: str, category: str | None) -> None:
    if not name.strip():
        raise InvalidInput("name must not be empty", field="name")
    if not body.strip():
        raise InvalidInput("body must not be empty", field="body")
    unknown = placeholders_in(body) - set(PLACEHOLDERS)
    if unknown:
        raise InvalidInput(f"unknown placeholder(s) {', '.join(sorted(unknown))}; known: "
                           f"{', '.join(PLACEHOLDERS)}", field="body")
    if category is not None and category not in InquiryCategory.__members__:
        raise InvalidInput(f"category must be one of {', '.join(InquiryCategory)}", field="category")


def _state(macro: Macro) -> dict[str, Any]:
    return {"name": macro.name, "body": macro.body, "category": macro.category, "active": macro.active}


def list_macros(session: Session, *, category: str | None = None, include_inactive: bool = False) -> list[Macro]:
    stmt = select(Macro).order_by(Macro.name)
    if not include_inactive:
        stmt = stmt.where(Macro.active.is_(True))
    if category:
        stmt = stmt.where((Macro.category == category) | Macro.category.is_(None))
    return list(session.scalars(stmt))


def create_macro(session: Session, *, name: str, body: str, category: str | None, actor: Staff) -> Macro:
    _validate(name, body, category)
    if session.scalar(select(Macro.id).where(Macro.name == name.strip())) is not None:
        raise Conflict(f"a macro named {name.strip()!r} already exists", field="name")
    macro = Macro(name=name.strip(), body=body, category=category, active=True)
    session.add(macro)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="macro.create", target_type="macro",
                 target_id=macro.id, after=_state(macro))
    return macro


def update_macro(session: Session, *, macro_id: int, version: int, actor: Staff, name: str | None = None,
                 body: str | None = None, category: str | None = None, clear_category: bool = False,
                 active: bool | None = None) -> Macro:
    macro = session.get(Macro, macro_id)
    if macro is None:
        raise NotFound(f"No macro with id {macro_id}.")
    ensure_version(macro.version, version)
    before = _state(macro)
    new_name = macro.name if name is None else name.strip()
    new_category = None if clear_category else (macro.category if category is None else category)
    _validate(new_name, macro.body if body is None else body, new_category)
    if new_name != macro.name and session.scalar(select(Macro.id).where(Macro.name == new_name)) is not None:
        raise Conflict(f"a macro named {new_name!r} already exists", field="name")
    macro.name, macro.category = new_name, new_category
    if body is not None:
        macro.body = body
    if active is not None:
        macro.active = active
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="macro.update", target_type="macro",
                 target_id=macro.id, before=before, after=_state(macro))
    return macro


def render(session: Session, *, macro_id: int, inquiry_id: int, staff: Staff) -> tuple[str, list[str]]:
    """The macro's text for this inquiry, and the placeholders that had no value (left blank)."""
    macro = session.get(Macro, macro_id)
    if macro is None or not macro.active:
        raise NotFound(f"No active macro with id {macro_id}.")
    inquiry = session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise NotFound(f"No inquiry with id {inquiry_id}.")
    member = session.get(Member, inquiry.member_id)
    tx = session.get(Transaction, inquiry.transaction_id) if inquiry.transaction_id else None
    listing_id = inquiry.listing_id or (tx.listing_id if tx else None)
    listing = session.get(Listing, listing_id) if listing_id else None
    values: dict[str, str | None] = {
        "member_name": member.display_name if member else None, "inquiry_id": str(inquiry.id),
        "subject": inquiry.subject, "transaction_id": str(tx.id) if tx else None,
        "amount": f"¥{tx.amount:,}" if tx else None, "listing_id": str(listing.id) if listing else None,
        "listing_title": listing.title if listing else None, "agent_name": staff.display_name,
    }
    used = {m.group(1) for m in _TOKEN.finditer(macro.body) if m.group(1) is not None}
    missing = sorted(name for name in used if name in values and values[name] is None)
    return fill(macro.body, values), missing
