"""Words for the codes the service sends: statuses, policies, categories,
roles, reasons, and error codes.

The service speaks codes (``waiting_on_member``, ``counterfeit``,
``claimed_by_other``); the console words them in the staff member's language.
This is the one table: a code missing here is shown as the code with spaces
(``some_new_state`` -> ``some new state``), so a new service value is still
readable, and ``tests/console/test_translations.py`` lists the service's enums
against it.
"""

from __future__ import annotations

from typing import Any

from console.i18n import QT_TR_NOOP, tr

#: Code -> English label (translated when shown). One word per code across
#: kinds: "open" is open whether it is a flag, an inquiry, a recall or an appeal.
LABELS: dict[str, str] = {
    # listings
    "active": QT_TR_NOOP("active"), "sold": QT_TR_NOOP("sold"), "removed": QT_TR_NOOP("removed"),
    "suspended": QT_TR_NOOP("suspended"),
    # members
    "restricted": QT_TR_NOOP("restricted"),
    # transactions and escrow
    "awaiting_payment": QT_TR_NOOP("awaiting payment"), "paid": QT_TR_NOOP("paid"), "shipped": QT_TR_NOOP("shipped"),
    "received": QT_TR_NOOP("received"), "completed": QT_TR_NOOP("completed"), "cancelled": QT_TR_NOOP("cancelled"),
    "disputed": QT_TR_NOOP("disputed"), "released": QT_TR_NOOP("released"), "refunded": QT_TR_NOOP("refunded"),
    "payment": QT_TR_NOOP("payment"), "dispute": QT_TR_NOOP("dispute"), "release": QT_TR_NOOP("release"),
    "refund": QT_TR_NOOP("refund"), "cancel": QT_TR_NOOP("cancel"), "hold": QT_TR_NOOP("hold"),
    "pending": QT_TR_NOOP("pending"), "approved": QT_TR_NOOP("approved"), "rejected": QT_TR_NOOP("rejected"),
    "buyer": QT_TR_NOOP("buyer"), "seller": QT_TR_NOOP("seller"),
    # inquiries
    "new": QT_TR_NOOP("new"), "open": QT_TR_NOOP("open"), "waiting_on_member": QT_TR_NOOP("waiting on member"),
    "resolved": QT_TR_NOOP("resolved"), "item_not_received": QT_TR_NOOP("item not received"),
    "not_as_described": QT_TR_NOOP("not as described"), "account": QT_TR_NOOP("account"),
    "other": QT_TR_NOOP("other"), "member": QT_TR_NOOP("member"), "agent": QT_TR_NOOP("agent"),
    "note": QT_TR_NOOP("internal note"),
    "urgent": QT_TR_NOOP("urgent"), "high": QT_TR_NOOP("high"), "normal": QT_TR_NOOP("normal"),
    "low": QT_TR_NOOP("low"), "medium": QT_TR_NOOP("medium"),
    "first_response": QT_TR_NOOP("first reply"), "resolution": QT_TR_NOOP("resolution"),
    "decision": QT_TR_NOOP("decision"),
    # flags and policies
    "actioned": QT_TR_NOOP("actioned"), "dismissed": QT_TR_NOOP("dismissed"),
    "detector": QT_TR_NOOP("detector"), "member_report": QT_TR_NOOP("member report"),
    "rights_holder": QT_TR_NOOP("rights holder"),
    "counterfeit": QT_TR_NOOP("counterfeit"), "medicine": QT_TR_NOOP("medicine"),
    "game_account": QT_TR_NOOP("game account"), "stolen_goods": QT_TR_NOOP("stolen goods"),
    "weapon": QT_TR_NOOP("weapon"), "cash_equivalent": QT_TR_NOOP("cash equivalent"),
    "recalled_product": QT_TR_NOOP("recalled product"),
    "rule": QT_TR_NOOP("rule"), "brand": QT_TR_NOOP("brand"), "price": QT_TR_NOOP("price"), "model": QT_TR_NOOP("model"),
    # enforcement
    "restrict": QT_TR_NOOP("restriction"), "suspend": QT_TR_NOOP("suspension"),
    "upheld": QT_TR_NOOP("upheld"), "overturned": QT_TR_NOOP("overturned"),
    "uphold": QT_TR_NOOP("uphold"), "overturn": QT_TR_NOOP("overturn"),
    "takedown": QT_TR_NOOP("takedown"), "reinstated": QT_TR_NOOP("reinstated"),
    "sanction_lifted": QT_TR_NOOP("sanction lifted"), "appeal_received": QT_TR_NOOP("appeal received"),
    "appeal_upheld": QT_TR_NOOP("appeal upheld"), "appeal_overturned": QT_TR_NOOP("appeal overturned"),
    "temporary": QT_TR_NOOP("temporary"), "permanent": QT_TR_NOOP("permanent"),
    # recalls
    "closed": QT_TR_NOOP("closed"), "candidate": QT_TR_NOOP("candidate"), "confirmed": QT_TR_NOOP("confirmed"),
    "posted": QT_TR_NOOP("posted the item"), "bought": QT_TR_NOOP("bought it"),
    "none": QT_TR_NOOP("none"), "requested": QT_TR_NOOP("requested"), "returned": QT_TR_NOOP("returned"),
    "declined": QT_TR_NOOP("declined"), "regulator_feed": QT_TR_NOOP("regulator feed"),
    "manufacturer": QT_TR_NOOP("manufacturer"), "manual": QT_TR_NOOP("typed in"), "in_app": QT_TR_NOOP("in the app"),
    # ratings
    "good": QT_TR_NOOP("good"), "bad": QT_TR_NOOP("bad"),
    "buyer_to_seller": QT_TR_NOOP("buyer to seller"), "seller_to_buyer": QT_TR_NOOP("seller to buyer"),
    "given": QT_TR_NOOP("given"),
    # listing condition
    "like_new": QT_TR_NOOP("like new"), "fair": QT_TR_NOOP("fair"), "poor": QT_TR_NOOP("poor"),
    # member signals
    "info": QT_TR_NOOP("info"), "warning": QT_TR_NOOP("warning"),
    # staff roles
    "safety_officer": QT_TR_NOOP("safety officer"), "moderator": QT_TR_NOOP("moderator"),
    "supervisor": QT_TR_NOOP("supervisor"), "rights_owner": QT_TR_NOOP("rights owner"),
    # shifts
    "night": QT_TR_NOOP("night"), "morning": QT_TR_NOOP("morning"), "afternoon": QT_TR_NOOP("afternoon"),
    # fraud patterns across accounts
    "serial_disputer": QT_TR_NOOP("serial disputer"), "never_received": QT_TR_NOOP("never received claims"),
    "self_dealing": QT_TR_NOOP("self-dealing"), "cash_burst": QT_TR_NOOP("cash-equivalent burst"),
    "dormant_takeover": QT_TR_NOOP("dormant account takeover"),
    # listing categories
    "appliances": QT_TR_NOOP("appliances"), "baby": QT_TR_NOOP("baby"), "bags": QT_TR_NOOP("bags"),
    "beauty": QT_TR_NOOP("beauty"), "books": QT_TR_NOOP("books"), "cards_tickets": QT_TR_NOOP("cards and tickets"),
    "electronics": QT_TR_NOOP("electronics"), "fashion": QT_TR_NOOP("fashion"), "games": QT_TR_NOOP("games"),
    "kitchen": QT_TR_NOOP("kitchen"), "outdoor": QT_TR_NOOP("outdoor"), "sneakers": QT_TR_NOOP("sneakers"),
    "tools": QT_TR_NOOP("tools"), "toys": QT_TR_NOOP("toys"), "watches": QT_TR_NOOP("watches"),
    "system": QT_TR_NOOP("system"),
    # queue kinds
    "inquiry": QT_TR_NOOP("inquiry"), "flag": QT_TR_NOOP("flag"), "appeal": QT_TR_NOOP("appeal"),
    "listing": QT_TR_NOOP("listing"), "transaction": QT_TR_NOOP("transaction"),
}

#: Service error code -> what happened, in the console's words. The service's
#: own English message is logged; staff read these.
ERRORS: dict[str, str] = {
    "bad_request": QT_TR_NOOP("The request was not valid."),
    "invalid": QT_TR_NOOP("Some input is not valid."),
    "not_found": QT_TR_NOOP("The record does not exist (any more)."),
    "forbidden": QT_TR_NOOP("Your role may not do this."),
    "unauthorized": QT_TR_NOOP("Your sign-in is no longer valid."),
    "conflict": QT_TR_NOOP("The record is not in a state that allows this."),
    "bad_cursor": QT_TR_NOOP("The list changed; it was loaded again from the start."),
    "too_many_attempts": QT_TR_NOOP("Too many failed sign-ins."),
    "reveal_limit": QT_TR_NOOP("You have revealed as many contact details as allowed for now."),
    "already_decided": QT_TR_NOOP("This was already decided."),
    "not_in_force": QT_TR_NOOP("There is no takedown or sanction in force here."),
    "duplicate": QT_TR_NOOP("This already exists."),
    "stale": QT_TR_NOOP("Someone changed this first."),
    "not_clocked_in": QT_TR_NOOP("You are not clocked in."),
    "insufficient_held": QT_TR_NOOP("Escrow does not hold that much."),
    "illegal_transition": QT_TR_NOOP("The transaction's state does not allow this step."),
    "closed": QT_TR_NOOP("The item is closed."),
    "unloadable": QT_TR_NOOP("The detector version cannot be loaded."),
    "shift_ended": QT_TR_NOOP("Your shift has ended."),
    "second_confirmation_required": QT_TR_NOOP("This large takedown needs a second confirmation."),
    "preview_stale": QT_TR_NOOP("The counts changed since the preview."),
    "not_editable": QT_TR_NOOP("This can no longer be changed."),
    "not_claimed": QT_TR_NOOP("You do not hold this item."),
    "no_shift": QT_TR_NOOP("No shift is running now."),
    "expired": QT_TR_NOOP("The time for this has passed."),
    "claimed_by_other": QT_TR_NOOP("A colleague is working on this item."),
    "approval_pending": QT_TR_NOOP("A refund for this sale is already waiting for approval."),
    "already_seeded": QT_TR_NOOP("The database already holds data."),
    "already_clocked_in": QT_TR_NOOP("You are already clocked in."),
}

#: Request fields the service may name in an error -> their label.
FIELDS: dict[str, str] = {
    "reason": QT_TR_NOOP("reason"), "amount": QT_TR_NOOP("amount"), "note": QT_TR_NOOP("note"),
    "body": QT_TR_NOOP("message"), "hours": QT_TR_NOOP("hours"), "number": QT_TR_NOOP("recall number"),
    "title": QT_TR_NOOP("title"), "recall_date": QT_TR_NOOP("recall date"), "reason_code": QT_TR_NOOP("reason code"),
    "username": QT_TR_NOOP("user name"), "password": QT_TR_NOOP("password"), "cursor": QT_TR_NOOP("page"),
}


def label(value: Any) -> str:
    """A service code in words: ``waiting_on_member`` -> "waiting on member" (translated)."""
    if value is None:
        return ""
    code = str(value)
    if code in LABELS:
        return tr(LABELS[code])
    return code.replace("_", " ")


def error_text(code: str | None) -> str:
    """What an error code means, or "" for a code the console does not know."""
    return tr(ERRORS[code]) if code in ERRORS else ""


def field_label(field: str | None) -> str:
    if not field:
        return ""
    last = field.split(".")[-1]
    return tr(FIELDS[last]) if last in FIELDS else last.replace("_", " ")
