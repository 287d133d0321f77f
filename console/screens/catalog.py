"""The lists the console shows, as the service serves them."""

from __future__ import annotations

from console.i18n import QT_TR_NOOP
from widgets import formatting as fmt
from console.screens.list_pane import ListSpec
from widgets.paged_model import Column

FLAGS = ListSpec(
    id="queue-flags", kind="flag", title=QT_TR_NOOP("Open flags"), path="/flags",
    columns=(
        Column("created_at", QT_TR_NOOP("Flagged"), fmt.when, width=155),
        Column("policy", QT_TR_NOOP("Policy"), fmt.label, width=120),
        Column("score", QT_TR_NOOP("Score"), fmt.score, align_right=True, width=60),
        Column("status", QT_TR_NOOP("Status"), fmt.label, width=100),
        Column("source", QT_TR_NOOP("Source"), fmt.label, width=120),
        Column("listing_title", QT_TR_NOOP("Listing"), width=320),
        Column("reasons", QT_TR_NOOP("Why"), fmt.reasons),
    ),
    statuses=("open", "actioned", "dismissed"), default_status="open",
)

INQUIRIES = ListSpec(
    id="queue-inquiries", kind="inquiry", title=QT_TR_NOOP("Inquiries"), path="/inquiries",
    columns=(
        Column("created_at", QT_TR_NOOP("Received"), fmt.when, width=155),
        Column("priority", QT_TR_NOOP("Priority"), fmt.label, width=80),
        Column("status", QT_TR_NOOP("Status"), fmt.label, width=140),
        Column("category", QT_TR_NOOP("Category"), fmt.label, width=150),
        Column("member_name", QT_TR_NOOP("Member"), width=150),
        Column("first_response_due", QT_TR_NOOP("Reply due"), fmt.when, width=155),
        Column("subject", QT_TR_NOOP("Subject")),
    ),
    statuses=("new", "open", "waiting_on_member", "resolved"), default_status="new",
)

LISTINGS = ListSpec(
    id="listings", kind="listing", title=QT_TR_NOOP("Listings"), path="/listings",
    columns=(
        Column("created_at", QT_TR_NOOP("Listed"), fmt.when, sort_key="created_at", width=155),
        Column("status", QT_TR_NOOP("Status"), fmt.label, width=100),
        Column("price", QT_TR_NOOP("Price"), fmt.yen, align_right=True, sort_key="price", width=90),
        Column("category", QT_TR_NOOP("Category"), fmt.label, width=120),
        Column("brand", QT_TR_NOOP("Brand"), width=110),
        Column("seller_name", QT_TR_NOOP("Seller"), width=140),
        Column("title", QT_TR_NOOP("Title")),
    ),
    statuses=("active", "sold", "removed", "suspended"),
    search_hint=QT_TR_NOOP("Search listing titles…"),
)

MEMBERS = ListSpec(
    id="members", kind="member", title=QT_TR_NOOP("Members"), path="/members",
    columns=(
        Column("external_id", QT_TR_NOOP("Member no."), width=120),
        Column("display_name", QT_TR_NOOP("Name"), width=200),
        Column("status", QT_TR_NOOP("Status"), fmt.label, width=100),
        Column("strikes", QT_TR_NOOP("Strikes"), align_right=True, width=70),
        Column("joined_at", QT_TR_NOOP("Joined"), fmt.when, width=155),
        Column("email", QT_TR_NOOP("Email (masked)")),
    ),
    statuses=("active", "restricted", "suspended"),
    search_hint=QT_TR_NOOP("Name starts with…, or an exact member number"),
)

TRANSACTIONS = ListSpec(
    id="history-transactions", kind="transaction", title=QT_TR_NOOP("Transactions"), path="/transactions",
    columns=(
        Column("created_at", QT_TR_NOOP("Date"), fmt.when, width=155),
        Column("status", QT_TR_NOOP("Status"), fmt.label, width=150),
        Column("amount", QT_TR_NOOP("Amount"), fmt.yen, align_right=True, width=90),
        Column("buyer_name", QT_TR_NOOP("Buyer"), width=120),
        Column("seller_name", QT_TR_NOOP("Seller"), width=120),
        Column("listing_title", QT_TR_NOOP("Listing")),
    ),
)
