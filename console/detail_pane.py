"""The detail dock: the selected record, fetched by id off the UI thread.

It also tells the history dock which member the record is about (the seller
of a listing or flagged listing, the member of an inquiry, the member
itself), so the history follows the selection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from widgets import formatting as fmt
from console import messages
from console.client import ApiClient
from console.context import ConsoleContext
from console.i18n import tr
from console.qt import QVBoxLayout, QWidget, Signal
from widgets.detail_view import DetailView

Record = dict[str, Any]


def _listing_fields(listing: Record) -> list[tuple[str, str]]:
    return [
        (tr("Listing no."), str(listing.get("external_id") or listing.get("id"))),
        (tr("Status"), fmt.label(listing.get("status"))),
        (tr("Price"), fmt.yen(listing.get("price"))),
        (tr("Seller"), str(listing.get("seller_name") or "")),
        (tr("Category"), fmt.label(listing.get("category"))),
        (tr("Brand"), str(listing.get("brand") or "—")),
        (tr("Model number"), str(listing.get("model_number") or "—")),
        (tr("Barcode"), str(listing.get("barcode") or "—")),
        (tr("Condition"), fmt.label(listing.get("condition"))),
        (tr("Listed"), fmt.when(listing.get("created_at"))),
    ]


def _fetch(client: ApiClient, kind: str, record_id: Any) -> tuple[Record, Record | None]:
    """The record and, for a flag, its listing (runs in a worker)."""
    paths = {"listing": "/listings", "member": "/members", "inquiry": "/inquiries",
             "flag": "/flags", "transaction": "/transactions", "appeal": "/appeals",
             "rights_report": "/rights-reports"}
    record = client.get(f"{paths[kind]}/{record_id}")
    listing = client.get(f"/listings/{record['listing_id']}") if kind == "flag" else None
    return record, listing


class DetailPane(QWidget):
    #: The member the shown record concerns: (member id, display name).
    member_selected = Signal(object, str)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPane")
        self._context = context
        self._request = 0
        self.view = DetailView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_record(self, kind: str, record_id: Any) -> None:
        """Fetch and show; a later selection wins over an earlier slow answer."""
        self._request += 1
        request = self._request
        self.view.show_placeholder(tr("Loading…"))
        client = self._context.client
        self._context.runner.run(
            lambda: _fetch(client, kind, record_id),
            lambda result: self._show(request, kind, *result),
            on_error=lambda exc: self._failed(request, exc),
            owner=self,
        )

    def _failed(self, request: int, exc: Exception) -> None:
        if request == self._request:
            self.view.show_placeholder(tr("Could not load this record. Select it again to retry."))
            messages.report(exc, tr("loading the record"))

    def _show(self, request: int, kind: str, record: Record, listing: Record | None) -> None:
        if request != self._request:
            return
        show: Callable[[Record, Record | None], None] = getattr(self, f"_show_{kind}")
        show(record, listing)

    def _show_listing(self, listing: Record, _unused: Record | None) -> None:
        self.view.show_record(str(listing.get("title", "")), _listing_fields(listing),
                              subheading=tr("Listing"), long_text=str(listing.get("description") or ""))
        self.member_selected.emit(listing.get("seller_id"), str(listing.get("seller_name") or ""))

    def _show_flag(self, flag: Record, listing: Record | None) -> None:
        fields = [
            (tr("Policy"), fmt.label(flag.get("policy"))),
            (tr("Score"), fmt.score(flag.get("score"))),
            (tr("Flag status"), fmt.label(flag.get("status"))),
            (tr("Source"), fmt.label(flag.get("source"))),
            (tr("Flagged"), fmt.when(flag.get("created_at"))),
            (tr("Why"), fmt.reasons(flag.get("reasons"))),
        ]
        if listing is not None:
            fields += _listing_fields(listing)
        self.view.show_record(str(flag.get("listing_title", "")), fields, subheading=tr("Flagged listing"),
                              long_text=str((listing or {}).get("description") or ""))
        if listing is not None:
            self.member_selected.emit(listing.get("seller_id"), str(listing.get("seller_name") or ""))

    def _show_appeal(self, appeal: Record, _unused: Record | None) -> None:
        fields = [
            (tr("Appeal status"), fmt.label(appeal.get("status"))),
            (tr("Filed"), fmt.when(appeal.get("created_at"))),
            (tr("Against takedown"), f"#{appeal.get('takedown_id')}"),
            (tr("Decided"), fmt.when(appeal.get("decided_at")) or "—"),
            (tr("Decision reason"), str(appeal.get("decision_reason") or "—")),
        ]
        self.view.show_record(tr("Appeal #{id}").format(id=appeal.get('id')), fields, subheading=tr("Seller's appeal"),
                              long_text=str(appeal.get("statement") or ""))
        self.member_selected.emit(appeal.get("member_id"), "")

    def _show_rights_report(self, report: Record, _unused: Record | None) -> None:
        """A rights owner's report: the listing's public fields, the owner's evidence below (issue 17)."""
        listing = report.get("listing") or {}
        fields = [
            (tr("Rights owner"), str(report.get("owner_name") or "")),
            (tr("Mark"), str(report.get("mark") or "")),
            (tr("Report status"), fmt.label(report.get("status"))),
            (tr("Reported"), fmt.when(report.get("created_at"))),
        ] + _listing_fields(listing)
        self.view.show_record(str(listing.get("title", "")), fields, subheading=tr("Rights-owner report — evidence below"),
                              long_text=str(report.get("evidence") or ""))
        if report.get("seller_id") is not None:
            self.member_selected.emit(report.get("seller_id"), "")

    def _show_member(self, member: Record, _unused: Record | None) -> None:
        fields = [
            (tr("Member no."), str(member.get("external_id") or member.get("id"))),
            (tr("Status"), fmt.label(member.get("status"))),
            (tr("Strikes"), str(member.get("strikes", 0))),
            (tr("Joined"), fmt.when(member.get("joined_at"))),
            (tr("Email"), str(member.get("email") or "—")),
            (tr("Phone"), str(member.get("phone") or "—")),
        ]
        self.view.show_record(str(member.get("display_name", "")), fields,
                              subheading=tr("Member — contact details masked"))
        self.member_selected.emit(member.get("id"), str(member.get("display_name") or ""))

    def _show_inquiry(self, inquiry: Record, _unused: Record | None) -> None:
        fields = [
            (tr("Member"), str(inquiry.get("member_name") or "")),
            (tr("Category"), fmt.label(inquiry.get("category"))),
            (tr("Priority"), str(inquiry.get("priority", ""))),
            (tr("Status"), fmt.label(inquiry.get("status"))),
            (tr("Reply due"), fmt.when(inquiry.get("first_response_due"))),
            (tr("Resolve by"), fmt.when(inquiry.get("resolution_due"))),
            (tr("Received"), fmt.when(inquiry.get("created_at"))),
        ]
        thread = "\n\n".join(
            f"[{fmt.when(m.get('created_at'))}] {fmt.label(m.get('kind'))}:\n{m.get('body', '')}"
            for m in inquiry.get("messages") or [])
        self.view.show_record(str(inquiry.get("subject", "")), fields, subheading=tr("Inquiry"),
                              long_text=thread)
        self.member_selected.emit(inquiry.get("member_id"), str(inquiry.get("member_name") or ""))

    def _show_transaction(self, tx: Record, _unused: Record | None) -> None:
        fields = [
            (tr("Status"), fmt.label(tx.get("status"))),
            (tr("Amount"), fmt.yen(tx.get("amount"))),
            (tr("Fee"), fmt.yen(tx.get("fee"))),
            (tr("Buyer"), str(tx.get("buyer_name") or "")),
            (tr("Seller"), str(tx.get("seller_name") or "")),
            (tr("Held in escrow"), fmt.yen(tx.get("held"))),
            (tr("Released"), fmt.yen(tx.get("released"))),
            (tr("Refunded"), fmt.yen(tx.get("refunded"))),
            (tr("Created"), fmt.when(tx.get("created_at"))),
        ]
        ledger = "\n".join(
            f"{fmt.when(e.get('created_at'))}  {fmt.label(e.get('kind')):<10} {fmt.yen(e.get('amount')):>10}"
            f"  {e.get('actor_label', '')}" for e in tx.get("ledger") or [])
        self.view.show_record(str(tx.get("listing_title", "")), fields, subheading=tr("Transaction"),
                              long_text=ledger)
