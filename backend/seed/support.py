"""Support inquiries with their threads and SLA clocks.

Inquiries about an order point at a sale in a fitting escrow state (an
item that has not arrived was paid or shipped, not completed weeks ago),
and the member writing is the buyer. Unresolved inquiries are recent, so
the queue shows a realistic mix of SLA breaches and time to spare.
"""

from __future__ import annotations

from backend.inquiries.models import Inquiry, InquiryMessage
from backend.seed.context import DAY, HOUR, MINUTE, SeedContext
from backend.seed.market import SalesIndex
from backend.seed.texts import (
    AGENT_ASK,
    AGENT_REPLY,
    AGENT_RESOLVE,
    INTERNAL_NOTES,
    MEMBER_FOLLOW_UP,
    MEMBER_OPENING,
    SUBJECTS,
)

CATEGORIES: tuple[str, ...] = ("item_not_received", "not_as_described", "payment", "account", "other")
CATEGORY_WEIGHTS: tuple[int, ...] = (25, 25, 20, 20, 10)
STATUSES: tuple[str, ...] = ("new", "open", "waiting_on_member", "resolved")
STATUS_WEIGHTS: tuple[int, ...] = (20, 25, 15, 40)
BASE_PRIORITY: dict[str, int] = {"item_not_received": 2, "not_as_described": 2, "payment": 1, "account": 3, "other": 4}
# SLA by priority (1 urgent .. 4 low): first response and resolution, in seconds.
FIRST_RESPONSE_SLA: dict[int, int] = {1: HOUR, 2: 4 * HOUR, 3: 8 * HOUR, 4: 24 * HOUR}
RESOLUTION_SLA: dict[int, int] = {1: 24 * HOUR, 2: 48 * HOUR, 3: 72 * HOUR, 4: 72 * HOUR}
# Which escrow states an order inquiry plausibly concerns, while open and once resolved.
LINKED_STATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "item_not_received": (("paid", "shipped", "disputed"), ("completed", "refunded", "cancelled")),
    "not_as_described": (("received", "disputed"), ("refunded", "released", "completed")),
    "payment": (("awaiting_payment", "paid"), ("cancelled", "completed")),
}
# How far back an inquiry in each status was opened.
OPENED_AGO: dict[str, tuple[float, float]] = {
    "new": (5 * MINUTE, 30 * HOUR), "open": (HOUR, 72 * HOUR), "waiting_on_member": (2 * HOUR, 96 * HOUR),
    "resolved": (DAY, 365 * DAY),
}


def write_inquiries(ctx: SeedContext, sales: SalesIndex) -> None:
    rng, base, writer = ctx.rng, ctx.base, ctx.writer
    inquiries, messages = Inquiry.__table__, InquiryMessage.__table__
    troubled = [i for i, s in enumerate(ctx.member_status) if s]
    combos = [(c, s) for c in CATEGORIES for s in STATUSES]
    now_limit = base - MINUTE
    for number in range(ctx.scale.inquiries):
        if number < len(combos):
            category, status = combos[number]
        else:
            category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
            status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
        low, high = OPENED_AGO[status]
        created = base - rng.uniform(low, high)
        sale = None
        if category in LINKED_STATES:
            states = [s for s in LINKED_STATES[category][status == "resolved"] if sales.by_state[s]]
            if states:
                pool = sales.by_state[rng.choice(states)]
                sale = pool[rng.randrange(len(pool))]
        elif category == "other" and rng.random() < 0.5:
            pool = sales.by_state["completed"] or sales.by_state["awaiting_payment"]
            sale = pool[rng.randrange(len(pool))] if pool else None
        tx_id = listing_id = None
        if sale is not None:
            tx_id, listing_id, buyer, seller, last_ts = sale
            if category == "other":
                tx_id, member = None, seller  # a seller asking about their listing
            else:
                member = seller if category == "payment" and rng.random() < 0.3 else buyer
            if status == "resolved":
                created = last_ts + rng.uniform(30 * MINUTE, 5 * DAY)
            created = min(max(created, last_ts + 30 * MINUTE), base - 5 * MINUTE)
        elif category == "account" and troubled and rng.random() < 0.5:
            member = rng.choice(troubled)
        else:
            member = ctx.pick_member(created)
        created = max(created, ctx.joined[member] + MINUTE)

        priority = BASE_PRIORITY[category]
        if rng.random() < 0.25:
            priority = min(4, max(1, priority + rng.choice((-1, 1))))
        first_due = created + FIRST_RESPONSE_SLA[priority]
        resolution_due = created + RESOLUTION_SLA[priority]
        lang = "en" if ctx.member_lang[member] else "ja"
        subject = rng.choice(SUBJECTS[(lang, category)])
        agent = ctx.agent()
        agent_name = ctx.staff_names[agent]

        thread: list[tuple[str, int | None, str, float]] = []
        if tx_id is not None:
            opening = rng.choice(MEMBER_OPENING[lang]).format(
                item=f"m{40_000_000_000 + listing_id}" if listing_id else "", subject=subject, order=f"#{tx_id}")
        else:
            opening = f"{subject}。ご確認をお願いします。" if lang == "ja" else f"{subject}. Please advise."
        thread.append(("member", None, opening, created))
        responded = resolved = None
        if status != "new":
            responded = min(now_limit, created + FIRST_RESPONSE_SLA[priority] * rng.uniform(0.2, 1.5))
            responded = max(responded, created + MINUTE)
            if rng.random() < 0.3:
                thread.append(("note", agent, rng.choice(INTERNAL_NOTES), responded - 30))
            thread.append(("agent", agent, rng.choice(AGENT_REPLY[lang]).format(agent=agent_name), responded))
            t = responded
            if status == "waiting_on_member":
                t = min(now_limit, t + rng.uniform(10 * MINUTE, 2 * HOUR))
                thread.append(("agent", agent, rng.choice(AGENT_ASK[lang]), t))
            elif status == "open" and rng.random() < 0.3:
                t = min(now_limit, t + rng.uniform(10 * MINUTE, 6 * HOUR))
                thread.append(("member", None, rng.choice(MEMBER_FOLLOW_UP[lang]), t))
            elif status == "resolved":
                t = min(now_limit, t + rng.uniform(HOUR, DAY))
                thread.append(("member", None, rng.choice(MEMBER_FOLLOW_UP[lang]), t))
                resolved = min(now_limit, max(t + HOUR, created + RESOLUTION_SLA[priority] * rng.uniform(0.3, 1.3)))
                thread.append(("agent", agent, rng.choice(AGENT_RESOLVE[lang]), resolved))
        inquiry_id = writer.reserve(inquiries)
        writer.add(inquiries, {
            "id": inquiry_id, "member_id": ctx.member_id(member), "category": category, "subject": subject,
            "transaction_id": tx_id, "listing_id": listing_id, "priority": priority, "status": status,
            "first_response_due": ctx.at(first_due), "resolution_due": ctx.at(resolution_due),
            "first_responded_at": ctx.at(responded) if responded is not None else None,
            "resolved_at": ctx.at(resolved) if resolved is not None else None,
            "created_at": ctx.at(created), "updated_at": ctx.at(max(m[3] for m in thread)),
            "claimed_by_id": None, "claim_expires_at": None, "handover_note": None, "version": 1,
        })
        for kind, staff_id, body, ts in thread:
            writer.add(messages, {"id": writer.reserve(messages), "inquiry_id": inquiry_id, "kind": kind,
                                  "staff_id": staff_id, "body": body, "created_at": ctx.at(ts)})
