"""The lists the console shows, as the service serves them."""

from __future__ import annotations

from widgets import formatting as fmt
from console.screens.list_pane import ListSpec
from widgets.paged_model import Column

FLAGS = ListSpec(
    id="queue-flags", kind="flag", title="Open flags", path="/flags",
    columns=(
        Column("created_at", "Flagged", fmt.when, width=130),
        Column("policy", "Policy", fmt.label, width=120),
        Column("score", "Score", fmt.score, align_right=True, width=60),
        Column("status", "Status", fmt.label, width=100),
        Column("source", "Source", fmt.label, width=120),
        Column("listing_title", "Listing", width=320),
        Column("reasons", "Why", fmt.reasons),
    ),
    statuses=("open", "actioned", "dismissed"), default_status="open",
)

INQUIRIES = ListSpec(
    id="queue-inquiries", kind="inquiry", title="Inquiries", path="/inquiries",
    columns=(
        Column("created_at", "Received", fmt.when, width=130),
        Column("priority", "Priority", fmt.label, width=80),
        Column("status", "Status", fmt.label, width=140),
        Column("category", "Category", fmt.label, width=150),
        Column("member_name", "Member", width=150),
        Column("first_response_due", "Reply due", fmt.when, width=130),
        Column("subject", "Subject"),
    ),
    statuses=("new", "open", "waiting_on_member", "resolved"), default_status="new",
)

LISTINGS = ListSpec(
    id="listings", kind="listing", title="Listings", path="/listings",
    columns=(
        Column("created_at", "Listed", fmt.when, sort_key="created_at", width=130),
        Column("status", "Status", fmt.label, width=100),
        Column("price", "Price", fmt.yen, align_right=True, sort_key="price", width=90),
        Column("category", "Category", fmt.label, width=120),
        Column("brand", "Brand", width=110),
        Column("seller_name", "Seller", width=140),
        Column("title", "Title"),
    ),
    statuses=("active", "sold", "removed", "suspended"),
    search_hint="Search listing titles…",
)

MEMBERS = ListSpec(
    id="members", kind="member", title="Members", path="/members",
    columns=(
        Column("external_id", "Member no.", width=120),
        Column("display_name", "Name", width=200),
        Column("status", "Status", fmt.label, width=100),
        Column("strikes", "Strikes", align_right=True, width=70),
        Column("joined_at", "Joined", fmt.when, width=130),
        Column("email", "Email (masked)"),
    ),
    statuses=("active", "restricted", "suspended"),
    search_hint="Name starts with…, or an exact member number",
)

TRANSACTIONS = ListSpec(
    id="history-transactions", kind="transaction", title="Transactions", path="/transactions",
    columns=(
        Column("created_at", "Date", fmt.when, width=130),
        Column("status", "Status", fmt.label, width=150),
        Column("amount", "Amount", fmt.yen, align_right=True, width=90),
        Column("buyer_name", "Buyer", width=120),
        Column("seller_name", "Seller", width=120),
        Column("listing_title", "Listing"),
    ),
)
