"""Context panes: the member, transactions, ratings and escrow behind whatever
is selected, as dock widgets that follow the selection.

The main window announces the current record through
``MainWindow.current_record_changed(kind, id, data)`` (the one generic hook;
any screen's ``record_selected`` ends up there). :class:`ContextPanes`
works out which member(s) and transaction the record concerns — at once for
a member, through ``GET /lookup/{id}`` (listings, transactions) or the record
itself (inquiries, flags) otherwise, off the UI thread — and points the
panes at them:

- :class:`MemberPane` — ``GET /members/{id}/summary``: joined, status,
  strikes, takedowns, flags, open inquiries, signals with reasons; contact
  details masked, "Reveal contact" asks for a reason (audited by the service).
- :class:`TransactionsPane` — ``GET /transactions?member_id=…&role=…``, server paged.
- :class:`RatingsPane` — ``GET /members/{id}/ratings/summary`` and ``GET /ratings``.
- :class:`console.escrow_actions.EscrowPane` — the selected transaction (or
  the member's latest) with its escrow actions.

Every pane numbers its requests and drops an answer that is not for the
latest one, so a slow answer for the previous member never flashes in.
"Go to…" (Ctrl+G) looks any member, listing or transaction up by id or
external id.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from widgets import formatting as fmt
from console import messages
from console.client import ApiClient, ApiError
from console.context import ConsoleContext
from console.escrow_actions import ApprovalsPane, EscrowPane, ReasonDialog
from console.i18n import QT_TR_NOOP, tr, trn
from console.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QModelIndex,
    QObject,
    QPushButton,
    QSizePolicy,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)
from widgets.list_table import list_table
from widgets.paged_model import Fetcher, PagedTableModel
from widgets.ratings_model import RatingsModel, RatingTrend
from widgets.roles import ROW_ID_ROLE
from widgets.transactions_model import TransactionsModel

SEVERITY_COLOUR = {"high": "#da3633", "warning": "#d29922", "info": "#3b82f6"}


@dataclass(frozen=True)
class Focus:
    """What the panes show: the members a record concerns (first one shown) and its transaction."""

    kind: str
    record_id: Any
    member_ids: tuple[int, ...] = ()
    transaction_id: int | None = None
    label: str = ""
    names: dict[int, str] = field(default_factory=dict)


def resolve_focus(client: ApiClient, kind: str, record_id: Any, data: Any = None) -> Focus | None:
    """Which members and transaction ``kind``/``record_id`` concern (runs in a worker)."""
    if kind == "member":
        return Focus(kind, record_id, (int(record_id),))
    if kind in ("listing", "transaction"):
        for hit in client.get(f"/lookup/{record_id}"):
            if hit["kind"] == kind and hit["id"] == int(record_id):
                return Focus(kind, record_id, tuple(hit["member_ids"]), hit.get("transaction_id"), hit["label"])
        return None
    if kind == "inquiry":
        inquiry = client.get(f"/inquiries/{record_id}")
        return Focus(kind, record_id, (int(inquiry["member_id"]),), inquiry.get("transaction_id"),
                     str(inquiry.get("subject") or ""))
    if kind == "flag":
        flag = client.get(f"/flags/{record_id}")
        return resolve_focus(client, "listing", flag["listing_id"])
    if isinstance(data, dict) and (data.get("member_id") or data.get("transaction_id")):
        members = (int(data["member_id"]),) if data.get("member_id") else ()
        return Focus(kind, record_id, members, data.get("transaction_id"))
    return None


def _paged_fetcher(context: ConsoleContext, owner: QObject, path: str, params: dict[str, Any]) -> Fetcher:
    client, runner, limit = context.client, context.runner, context.page_size

    def fetch(cursor: str | None, on_page: Any, on_error: Any) -> None:
        runner.run(lambda: client.page(path, params, cursor=cursor, limit=limit), on_page, on_error=on_error,
                   owner=owner)

    return fetch


#: Noun -> (none, one, many, many shown while more load).
COUNT_TEXT = {
    "transaction": (QT_TR_NOOP("No transactions"), QT_TR_NOOP("{n:,} transaction"), QT_TR_NOOP("{n:,} transactions"),
                    QT_TR_NOOP("{n:,} transactions shown, more as you scroll")),
    "rating": (QT_TR_NOOP("No ratings"), QT_TR_NOOP("{n:,} rating"), QT_TR_NOOP("{n:,} ratings"),
               QT_TR_NOOP("{n:,} ratings shown, more as you scroll")),
}


def _count_text(model: PagedTableModel, noun: str) -> str:
    rows = model.rowCount()
    none, one, many, more = COUNT_TEXT[noun]
    if model.is_loading:
        return tr("Loading…")
    if model.error is not None:
        return tr("{rows:,} shown — loading stopped").format(rows=rows)
    if model.canFetchMore():
        return tr(more).format(n=rows)
    return tr(none) if rows == 0 else trn(rows, one, many)


class TransactionsPane(QWidget):
    """A member's transactions, as buyer and as seller (server-paged)."""

    transaction_selected = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TransactionsPane")
        self._context = context
        self._member_id: Any = None
        self.heading = QLabel(tr("Select a member, listing or transaction."), self)
        self.heading.setObjectName("ScreenHint")
        self.side = QComboBox(self)
        self.side.setObjectName("transactions-side")
        for text, value in ((tr("As buyer or seller"), ""), (tr("As buyer"), "buyer"), (tr("As seller"), "seller")):
            self.side.addItem(text, value)
        self.count = QLabel(self)
        self.count.setObjectName("ScreenHint")
        self.model = TransactionsModel(self)
        self.view = list_table(self, "context-transactions-table", self.model,
                               widths=[column.width for column in self.model.columns], status_columns=(2,))
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.heading, 2)
        top.addWidget(self.count, 1)
        top.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.side.currentIndexChanged.connect(lambda _i: self.reload())
        self.model.page_loaded.connect(lambda _n: self.count.setText(_count_text(self.model, "transaction")))
        self.model.loading_changed.connect(lambda _l: self.count.setText(_count_text(self.model, "transaction")))
        self.model.load_failed.connect(lambda exc: messages.report(exc, tr("loading the member's transactions")))
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

    @property
    def member_id(self) -> Any:
        return self._member_id

    def show_member(self, member_id: Any, name: str = "") -> None:
        self._member_id = member_id
        self.heading.setText(tr("Transactions of {name}").format(
            name=name or tr("member {member_id}").format(member_id=member_id)))
        self.reload()

    def set_name(self, member_id: Any, name: str) -> None:
        if member_id == self._member_id and name:
            self.heading.setText(tr("Transactions of {name}").format(name=name))

    def reload(self) -> None:
        if self._member_id is None:
            return
        params = {"member_id": self._member_id, "role": self.side.currentData() or None}
        self.model.show_member(self._member_id, _paged_fetcher(self._context, self, "/transactions", params))

    def clear(self) -> None:
        self._member_id = None
        self.heading.setText(tr("Select a member, listing or transaction."))
        self.model.clear()
        self.count.setText("")

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.transaction_selected.emit(current.data(ROW_ID_ROLE))


class RatingsPane(QWidget):
    """Totals both ways, the 6-month trend, the latest bad ratings, and the list."""

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RatingsPane")
        self._context = context
        self._member_id: Any = None
        self._token = 0
        self.summary: dict[str, Any] | None = None
        self.totals = QLabel(tr("Select a member, listing or transaction."), self)
        self.totals.setObjectName("ScreenHint")
        self.totals.setWordWrap(True)
        self.trend = RatingTrend(self)
        self.bad = QLabel(self)
        self.bad.setObjectName("BadRatings")
        self.bad.setWordWrap(True)
        self.bad.setTextFormat(Qt.TextFormat.RichText)
        self.direction = QComboBox(self)
        self.direction.setObjectName("ratings-direction")
        self.direction.addItem(tr("Received"), "received")
        self.direction.addItem(tr("Given"), "given")
        self.bad_only = QCheckBox(tr("Bad only"), self)
        self.count = QLabel(self)
        self.count.setObjectName("ScreenHint")
        self.model = RatingsModel(self)
        self.view = list_table(self, "context-ratings-table", self.model,
                               widths=[column.width for column in self.model.columns], status_columns=(1,))
        head = QHBoxLayout()
        head.addWidget(self.totals, 1)
        head.addWidget(self.trend)
        filters = QHBoxLayout()
        filters.addWidget(self.direction)
        filters.addWidget(self.bad_only)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(head)
        layout.addWidget(self.bad)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self.direction.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.bad_only.toggled.connect(lambda _c: self.reload_list())
        self.model.page_loaded.connect(lambda _n: self.count.setText(_count_text(self.model, "rating")))
        self.model.loading_changed.connect(lambda _l: self.count.setText(_count_text(self.model, "rating")))
        self.model.load_failed.connect(lambda exc: messages.report(exc, tr("loading ratings")))
        self.bad.hide()

    @property
    def member_id(self) -> Any:
        return self._member_id

    def show_member(self, member_id: Any) -> None:
        self._member_id = member_id
        self._token += 1
        token = self._token
        self.summary = None
        self.totals.setText(tr("Loading…"))
        self.bad.hide()
        self.trend.set_points([])
        client = self._context.client
        self._context.runner.run(lambda: client.get(f"/members/{member_id}/ratings/summary"),
                                 lambda summary: self._loaded(token, summary),
                                 on_error=lambda exc: self._failed(token, exc), owner=self)
        self.reload_list()

    def reload_list(self) -> None:
        if self._member_id is None:
            return
        direction = self.direction.currentData()
        params = {"member_id": self._member_id, "direction": direction,
                  "score": "bad" if self.bad_only.isChecked() else None}
        self.model.show(direction, _paged_fetcher(self._context, self, "/ratings", params))

    def clear(self) -> None:
        self._token += 1
        self._member_id = None
        self.summary = None
        self.totals.setText(tr("Select a member, listing or transaction."))
        self.bad.hide()
        self.trend.set_points([])
        self.model.clear()

    def _loaded(self, token: int, summary: dict[str, Any]) -> None:
        if token != self._token:
            return
        self.summary = summary
        received, given = summary["received"], summary["given"]
        share = tr(" — {value:.0%} bad").format(value=received['bad'] / received['total']) if received["total"] else ""
        self.totals.setText(
            tr("<b>Received {total:,}</b>: {good:,} good · {normal:,} normal · <span style='color:#da3633'><b>{bad:,} bad</b></span>{share}<br>Given {total2:,}: {good2:,} good · {normal2:,} normal · {bad2:,} bad<br><span style='font-size:11px'>Last 6 months received, by month →</span>").format(total=received['total'], good=received['good'], normal=received['normal'], bad=received['bad'], share=share, total2=given['total'], good2=given['good'], normal2=given['normal'], bad2=given['bad']))
        self.trend.set_points(summary.get("trend") or [])
        bad = summary.get("recent_bad") or []
        if bad:
            lines = [f"<b style='color:#da3633'>✕ {html.escape(fmt.day(b['created_at']))} "
                     f"{html.escape(b['rater_name'])}</b>: {html.escape(b.get('comment') or tr('(no comment)'))}"
                     for b in bad[:5]]
            self.bad.setText(tr("Latest bad ratings received:<br>") + "<br>".join(lines))
            self.bad.show()
        else:
            self.bad.hide()

    def _failed(self, token: int, exc: Exception) -> None:
        if token == self._token:
            self.totals.setText(tr("Could not load the ratings summary."))
            messages.report(exc, tr("loading the ratings summary"))


class MemberPane(QWidget):
    """The member summary; contact details masked until revealed with a reason."""

    #: Show another member the record concerns (e.g. the buyer of a transaction).
    member_requested = Signal(object)
    #: The summary arrived: (member id, display name).
    member_loaded = Signal(object, str)
    #: The summary arrived: (member id, their newest transaction id or None).
    latest_transaction = Signal(object, object)

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MemberPane")
        self._context = context
        self._member_id: Any = None
        self._token = 0
        self._others: tuple[int, ...] = ()
        self.summary: dict[str, Any] | None = None
        self.revealed: dict[str, Any] | None = None
        self.heading = QLabel(tr("Select a member, listing or transaction."), self)
        self.heading.setObjectName("DetailHeading")
        self.heading.setWordWrap(True)
        self.subheading = QLabel(self)
        self.subheading.setObjectName("DetailSubheading")
        self.subheading.setWordWrap(True)
        self.body = QTextBrowser(self)
        self.body.setObjectName("MemberSummary")
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(self._link)
        self.reveal_button = QPushButton(tr("Reveal Contact…"), self)
        self.reveal_button.setObjectName("reveal-contact")
        self.reveal_button.setToolTip(tr("Show the unmasked email, phone and address; you must give a reason "
                                      "and the reveal is written to the audit log."))
        self.reveal_button.clicked.connect(self.reveal_contact)
        self.other_button = QPushButton(self)
        self.other_button.setObjectName("other-member")
        self.other_button.clicked.connect(self._show_other)
        self.other_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.reveal_button.setEnabled(False)

    @property
    def member_id(self) -> Any:
        return self._member_id

    def text(self) -> str:
        return self.body.toPlainText()

    def show_member(self, member_id: Any, others: Sequence[int] = ()) -> None:
        self._member_id = member_id
        self._others = tuple(m for m in others if m != member_id)
        self._token += 1
        token = self._token
        self.summary = None
        self.revealed = None
        self.reveal_button.setEnabled(False)
        self.heading.setText(tr("Member {member_id}").format(member_id=member_id))
        self.subheading.setText(tr("Loading…"))
        self.body.clear()
        self.other_button.setVisible(bool(self._others))
        if self._others:
            self.other_button.setText(tr("Show the other party"))
        client = self._context.client
        self._context.runner.run(lambda: client.get(f"/members/{member_id}/summary"),
                                 lambda summary: self._loaded(token, summary),
                                 on_error=lambda exc: self._failed(token, exc), owner=self)

    def clear(self) -> None:
        self._token += 1
        self._member_id = None
        self.summary = None
        self.heading.setText(tr("Select a member, listing or transaction."))
        self.subheading.setText("")
        self.body.clear()
        self.reveal_button.setEnabled(False)
        self.other_button.hide()

    def _loaded(self, token: int, summary: dict[str, Any]) -> None:
        if token != self._token:
            return
        self.summary = summary
        member = summary["member"]
        # First, so the escrow pane's request starts before this pane renders.
        self.latest_transaction.emit(member.get("id"), summary.get("latest_transaction_id"))
        self.heading.setText(str(member.get("display_name")))
        self.subheading.setText(tr("Member no. {external_id} · {status} · joined {joined} ({account_age_days:,} days) · {strikes} strike(s)").format(
                external_id=member.get('external_id'), status=fmt.label(member.get('status')),
                joined=fmt.day(member.get('joined_at')), account_age_days=summary.get('account_age_days', 0),
                strikes=member.get('strikes', 0)))
        self.reveal_button.setEnabled(True)
        self._render()
        self.member_loaded.emit(member.get("id"), str(member.get("display_name") or ""))

    def _failed(self, token: int, exc: Exception) -> None:
        if token == self._token:
            self.subheading.setText(tr("Could not load the member. Select it again to retry."))
            messages.report(exc, tr("loading the member summary"))

    def _render(self) -> None:
        s = self.summary or {}
        member = s.get("member", {})
        e = html.escape
        parts: list[str] = []
        signals = s.get("signals") or []
        if signals:
            parts.append("<h4>Signals</h4>")
            for sig in signals:
                colour = SEVERITY_COLOUR.get(sig.get("severity"), "#888")
                parts.append(tr("<p style='margin:2px 0'><b style='color:{colour}'>● {e}</b> {e2} — {reason}</p>").format(colour=colour, e=e(fmt.label(sig.get('severity'))), e2=e(fmt.label(sig.get('code'))), reason=e(sig.get('reason', ''))))
        else:
            parts.append(tr("<p style='margin:2px 0'>No signals.</p>"))
        tx, listings, rated = s.get("transactions", {}), s.get("listings", {}), s.get("ratings_received", {})
        parts.append(tr("<h4>Activity</h4><table cellspacing='0' cellpadding='2'>"))
        rows = [
            (tr("Listings"), tr("{total:,} ({last_24h} in 24 h)").format(total=listings.get('total', 0), last_24h=listings.get('last_24h', 0))),
            (tr("Transactions"), tr("{as_buyer:,} as buyer · {as_seller:,} as seller · {open} open · {disputed} disputed").format(as_buyer=tx.get('as_buyer', 0), as_seller=tx.get('as_seller', 0), open=tx.get('open', 0), disputed=tx.get('disputed', 0))),
            (tr("Ratings received"), tr("{good:,} good · {normal:,} normal · {bad:,} bad").format(good=rated.get('good', 0), normal=rated.get('normal', 0), bad=rated.get('bad', 0))),
        ]
        contact = self.revealed or member
        suffix = (tr(" <i>(revealed {revealed_at}, audited)</i>").format(revealed_at=fmt.when(self.revealed.get('revealed_at')))
                  if self.revealed else tr(" <i>(masked)</i>"))
        for key in ("email", "phone", "address"):
            rows.append((key.capitalize(), f"{e(str(contact.get(key) or '—'))}{suffix}"))
        parts += [tr("<tr><td style='padding-right:10px'><b>{k}</b></td><td>{v}</td></tr>").format(k=e(k), v=v) for k, v in rows]
        parts.append("</table>")
        strikes = s.get("strikes") or []
        takedowns, flags, inquiries = s.get("takedowns", {}), s.get("flags", {}), s.get("inquiries", {})
        parts.append(tr("<h4>Strikes ({len} in force)</h4>").format(len=len([x for x in strikes if not x.get('removed_at')])))
        parts += [f"<p style='margin:2px 0'>{e(fmt.day(x['created_at']))} {e(fmt.label(x['policy']))} "
                  f"×{x['weight']}{tr(' — removed') if x.get('removed_at') else ''}</p>" for x in strikes[:5]] or \
            [tr("<p style='margin:2px 0'>None.</p>")]
        parts.append(tr("<h4>Takedowns ({total}, {reversed} reversed)</h4>").format(total=takedowns.get('total', 0), reversed=takedowns.get('reversed', 0)))
        parts += [f"<p style='margin:2px 0'>{e(fmt.day(t['created_at']))} {e(fmt.label(t['reason_code']))}: "
                  f"<a href='listing:{t['listing_id']}'>{e(t['listing_title'])}</a>"
                  f"{tr(' — reversed') if t.get('reversed_at') else ''}</p>" for t in takedowns.get("recent") or []]
        parts.append(tr("<h4>Flags ({open} open of {total})</h4>").format(open=flags.get('open', 0), total=flags.get('total', 0)))
        parts += [tr("<p style='margin:2px 0'>{e} {score} ({e2}): <a href='listing:{listing_id}'>{listing_title}</a></p>").format(e=e(fmt.label(f['policy'])), score=fmt.score(f['score']), e2=e(fmt.label(f['source'])), listing_id=f['listing_id'], listing_title=e(f['listing_title']))
                  for f in flags.get("recent_open") or []]
        parts.append(tr("<h4>Open inquiries ({open})</h4>").format(open=inquiries.get('open', 0)))
        parts += [tr("<p style='margin:2px 0'>{e} {e2}: <a href='inquiry:{id}'>{subject}</a> ({e3})</p>").format(e=e(fmt.day(i['created_at'])), e2=e(fmt.label(i['category'])), id=i['id'], subject=e(i['subject']), e3=e(fmt.label(i['status'])))
                  for i in inquiries.get("recent_open") or []]
        self.body.setHtml("".join(parts))

    # -- contact reveal -------------------------------------------------------------------

    def reveal_contact(self) -> None:
        member_id = self._member_id
        if member_id is None or self.summary is None:
            return
        name = self.summary["member"].get("display_name", "")
        reason = ReasonDialog.ask(self, tr("Reveal contact details"),
                                  tr("Why do you need {name}'s unmasked email, phone and address? The reveal and your reason are written to the audit log.").format(name=name), tr("Reveal"))
        if not reason:
            return
        token = self._token
        client = self._context.client
        self._context.runner.run(
            lambda: client.post(f"/members/{member_id}/contact/reveal", {"reason": reason}),
            lambda contact: self._revealed(token, contact),
            on_error=lambda exc: messages.report(exc, tr("revealing contact details")), owner=self)

    def _revealed(self, token: int, contact: dict[str, Any]) -> None:
        if token != self._token:
            return
        self.revealed = contact
        self._render()
        messages.info(tr("Contact details revealed; the reveal is in the audit log."))

    # -- links ----------------------------------------------------------------------------

    link_activated = Signal(str, object)

    def _link(self, url: Any) -> None:
        kind, _, record_id = url.toString().partition(":")
        if record_id.isdigit():
            self.link_activated.emit(kind, int(record_id))

    def _show_other(self) -> None:
        if self._others:
            current = self._member_id
            self.member_requested.emit(self._others[0])
            self._others = (current,)


class GoToDialog(QDialog):
    """Ask for a member, listing or transaction id (numeric or external)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GoToDialog")
        self.setWindowTitle(tr("Go to"))
        self.key = QLineEdit(self)
        self.key.setPlaceholderText(tr("Member, listing or transaction id — or a member/listing number"))
        self.key.setMinimumWidth(360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Go to any member, listing or transaction:"), self))
        layout.addWidget(self.key)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        dialog = cls(parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.key.text().strip() or None) if accepted else None
        finally:
            dialog.deleteLater()


class LookupChoice(QDialog):
    """Several records answer to the same id: pick one."""

    def __init__(self, key: str, hits: Sequence[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LookupChoice")
        self.setWindowTitle(tr("“{key}” names several records").format(key=key))
        self.list = QListWidget(self)
        for hit in hits:
            item = QListWidgetItem(f"{hit['kind'].capitalize()} {hit['id']}"
                                   f"{' (' + hit['external_id'] + ')' if hit.get('external_id') else ''} — "
                                   f"{hit['label']} · {fmt.label(hit['status'])}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, key: str, hits: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
        dialog = cls(key, hits, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.list.currentItem() is not None:
                return dialog.list.currentItem().data(Qt.ItemDataRole.UserRole)
            return None
        finally:
            dialog.deleteLater()


#: (dock object name, title, attribute, area) in the order they are made.
DOCKS = (
    ("member-dock", QT_TR_NOOP("Member"), "member", Qt.DockWidgetArea.RightDockWidgetArea),
    ("escrow-dock", QT_TR_NOOP("Escrow"), "escrow", Qt.DockWidgetArea.BottomDockWidgetArea),
    ("transactions-dock", QT_TR_NOOP("Transactions"), "transactions", Qt.DockWidgetArea.BottomDockWidgetArea),
    ("ratings-dock", QT_TR_NOOP("Ratings"), "ratings", Qt.DockWidgetArea.BottomDockWidgetArea),
    ("approvals-dock", QT_TR_NOOP("Refund Approvals"), "approvals", Qt.DockWidgetArea.BottomDockWidgetArea),
)


class ContextPanes(QObject):
    """Makes the context docks of a main window and keeps them on the current record."""

    #: The panes now show this focus (tests and the bench wait on it).
    focused = Signal(object)

    def __init__(self, context: ConsoleContext, window: QMainWindow,
                 show_record: Callable[[str, Any], None] | None = None) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self._show_record = show_record
        self._token = 0
        self.focus: Focus | None = None
        self.member = MemberPane(context, window)
        self.escrow = EscrowPane(context, window)
        self.transactions = TransactionsPane(context, window)
        self.ratings = RatingsPane(context, window)
        self.approvals = ApprovalsPane(context, window)
        self.docks: dict[str, QDockWidget] = {}
        for name, title, attribute, area in DOCKS:
            dock = QDockWidget(tr(title), window)
            dock.setObjectName(name)
            dock.setWidget(getattr(self, attribute))
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable)
            window.addDockWidget(area, dock)
            self.docks[attribute] = dock
        self.may_approve = context.staff.role == "supervisor"
        self.docks["approvals"].setVisible(False)
        self.transactions.transaction_selected.connect(self.escrow.show_transaction)
        self.member.latest_transaction.connect(self._latest_transaction)
        self.member.member_requested.connect(self.show_member)
        self.member.member_loaded.connect(self.transactions.set_name)
        self.member.link_activated.connect(self._open_link)
        self.escrow.changed.connect(self._escrow_changed)
        self.approvals.transaction_selected.connect(self._approval_selected)

    def arrange(self, beside: QDockWidget | None = None, below: QDockWidget | None = None) -> None:
        """Default layout: member tabbed with ``beside`` (the detail dock), escrow under them;
        transactions and ratings tabbed with ``below`` (the history dock)."""
        window = self._window
        if beside is not None:
            window.tabifyDockWidget(beside, self.docks["member"])
            beside.raise_()
        if below is not None:
            # The ledger needs width more than height: beside the transactions, at the bottom.
            window.splitDockWidget(below, self.docks["escrow"], Qt.Orientation.Horizontal)
            window.tabifyDockWidget(below, self.docks["transactions"])
            window.tabifyDockWidget(self.docks["transactions"], self.docks["ratings"])
            window.tabifyDockWidget(self.docks["ratings"], self.docks["approvals"])
            self.docks["transactions"].raise_()
            window.resizeDocks([self.docks["transactions"], self.docks["escrow"]], [700, 560],
                               Qt.Orientation.Horizontal)

    def reset_layout(self, beside: QDockWidget | None = None, below: QDockWidget | None = None) -> None:
        """Put the context docks back where :meth:`arrange` first put them."""
        for name, _title, attribute, area in DOCKS:
            dock = self.docks[attribute]
            dock.setFloating(False)
            self._window.addDockWidget(area, dock)
            dock.setVisible(attribute != "approvals")
        self.arrange(beside, below)

    def handlers(self) -> dict[str, Callable[[], None]]:
        def toggle(name: str) -> Callable[[], None]:
            return lambda: self._toggle(name)
        return {
            "context.go_to": self.go_to,
            "dock.member": toggle("member"),
            "dock.escrow": toggle("escrow"),
            "dock.transactions": toggle("transactions"),
            "dock.ratings": toggle("ratings"),
            "escrow.hold": lambda: self._escrow("hold"),
            "escrow.release": lambda: self._escrow("release"),
            "escrow.refund": lambda: self._escrow("refund"),
            "escrow.cancel": lambda: self._escrow("cancel"),
            "escrow.approvals": self.show_approvals,
            "member.reveal_contact": self._reveal,
        }

    def _toggle(self, name: str) -> None:
        dock = self.docks[name]
        dock.setVisible(not dock.isVisible())
        if dock.isVisible():
            dock.raise_()

    def _escrow(self, action: str) -> None:
        self.docks["escrow"].show()
        self.docks["escrow"].raise_()
        self.escrow.act(action)

    def _reveal(self) -> None:
        self.docks["member"].show()
        self.docks["member"].raise_()
        self.member.reveal_contact()

    def show_approvals(self) -> None:
        dock = self.docks["approvals"]
        dock.show()
        dock.raise_()
        self.approvals.reload()

    # -- following the selection --------------------------------------------------------

    def follow(self, kind: str, record_id: Any, data: Any = None) -> None:
        """The current record changed: point the panes at what it concerns."""
        self._token += 1
        token = self._token
        if kind == "member":
            self._apply(token, Focus(kind, record_id, (int(record_id),)))
            return
        client = self._context.client
        self._context.runner.run(lambda: resolve_focus(client, kind, record_id, data),
                                 lambda focus: self._apply(token, focus),
                                 on_error=lambda exc: self._resolve_failed(token, exc), owner=self)

    def _resolve_failed(self, token: int, exc: Exception) -> None:
        if token == self._token:
            messages.report(exc, tr("finding the member of the selected record"))

    def _apply(self, token: int, focus: Focus | None) -> None:
        if token != self._token or focus is None or not focus.member_ids:
            return
        self.focus = focus
        self.show_member(focus.member_ids[0], focus.member_ids)
        if focus.transaction_id is not None:
            self.escrow.show_transaction(focus.transaction_id)
        self.focused.emit(focus)

    def show_member(self, member_id: Any, others: Sequence[int] = ()) -> None:
        if not others and self.focus is not None:
            others = self.focus.member_ids
        self.member.show_member(member_id, others)
        self.transactions.show_member(member_id)
        self.ratings.show_member(member_id)
        if self.focus is None or self.focus.transaction_id is None:
            self.escrow.clear(tr("Loading the member's latest transaction…"))

    def _latest_transaction(self, member_id: Any, transaction_id: Any) -> None:
        """With no transaction in focus, the escrow pane shows the member's latest, named by their
        summary: its request starts as soon as the summary is in, not after the transactions page."""
        if self.focus is not None and self.focus.transaction_id is None and member_id == self.member.member_id:
            if transaction_id is None:
                self.escrow.clear(tr("This member has no transactions."))
            else:
                self.escrow.show_transaction(transaction_id)

    def _escrow_changed(self, _transaction_id: Any) -> None:
        self.transactions.reload()
        if self.docks["approvals"].isVisible():
            self.approvals.reload()

    def _approval_selected(self, transaction_id: Any) -> None:
        self.docks["escrow"].show()
        self.escrow.show_transaction(transaction_id)

    def _open_link(self, kind: str, record_id: Any) -> None:
        if self._show_record is not None and kind in ("listing", "inquiry"):
            self._show_record(kind, record_id)

    # -- go to ----------------------------------------------------------------------------

    def go_to(self) -> None:
        key = GoToDialog.ask(self._window)
        if key:
            self.look_up(key)

    def look_up(self, key: str) -> None:
        client = self._context.client
        self._context.runner.run(lambda: client.get(f"/lookup/{key}"), lambda hits: self._found(key, hits),
                                 on_error=lambda exc: self._lookup_failed(key, exc), owner=self)

    def _lookup_failed(self, key: str, exc: Exception) -> None:
        if isinstance(exc, ApiError) and exc.status in (404, 422):
            messages.error(tr("“{key}” is not an id the service knows.").format(key=key),
                           tr("Paste a member, listing or transaction id, or a member/listing number."))
        else:
            messages.report(exc, tr("looking up “{key}”").format(key=key))

    def _found(self, key: str, hits: list[dict[str, Any]]) -> None:
        if not hits:
            messages.error(tr("Nothing answers to “{key}”.").format(key=key),
                           tr("Check the id: a member, listing or transaction id, or a member/listing number."))
            return
        hit = hits[0] if len(hits) == 1 else LookupChoice.ask(self._window, key, hits)
        if hit is None:
            return
        if self._show_record is not None:
            self._show_record(hit["kind"], hit["id"])
        else:
            self.follow(hit["kind"], hit["id"])
