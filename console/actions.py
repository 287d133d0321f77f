"""Every command of the main window, declared once.

An :class:`ActionSpec` gives the id, text, icon, default shortcut and the menu
it lives in; the window supplies a handler per id. Menus, the toolbar and the
shortcut help are all built from :data:`ACTIONS`, and a user's shortcut
overrides (``Options.SHORTCUTS``: id -> key sequence) replace the defaults
(Picard's ``@add_action``, napari's ``Action(id=..., keybindings=...)``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from console import theme
from console.i18n import QT_TR_NOOP, tr
from console.qt import QAction, QActionGroup, QKeySequence, QMenuBar, QObject, Qt, QToolBar
from console.settings import Options, Settings

log = logging.getLogger("anzen.console.actions")

MENUS = (QT_TR_NOOP("&File"), QT_TR_NOOP("&Go"), QT_TR_NOOP("&Queue"), QT_TR_NOOP("&Enforce"),
         QT_TR_NOOP("&Escrow"), QT_TR_NOOP("&Recalls"), QT_TR_NOOP("&View"), QT_TR_NOOP("&Help"))


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    shortcut: str = ""
    icon: str = ""
    tip: str = ""
    toolbar: bool = False
    #: Actions sharing a group are exclusive, checkable choices (the screens).
    group: str = ""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("screen.queue", QT_TR_NOOP("&Queue"), "&Go", "Ctrl+1", "queue",
               QT_TR_NOOP("Open flags and member inquiries waiting for staff"), True, "screen"),
    ActionSpec("screen.listings", QT_TR_NOOP("&Listings"), "&Go", "Ctrl+2", "listing",
               QT_TR_NOOP("Search every listing on the marketplace"), True, "screen"),
    ActionSpec("screen.members", QT_TR_NOOP("&Members"), "&Go", "Ctrl+3", "member",
               QT_TR_NOOP("Search marketplace members"), True, "screen"),
    ActionSpec("screen.recalls", QT_TR_NOOP("&Recalls"), "&Go", "Ctrl+4", "recall",
               QT_TR_NOOP("Product recalls and their matches"), True, "screen"),
    ActionSpec("list.find", QT_TR_NOOP("&Find in List"), "&Go", "Ctrl+F", "search",
               QT_TR_NOOP("Put the cursor in the current screen's search box")),
    ActionSpec("list.open", QT_TR_NOOP("&Open Selected"), "&Go", "Ctrl+Return", "open",
               QT_TR_NOOP("Show the selected row in the detail pane")),
    ActionSpec("list.refresh", QT_TR_NOOP("&Refresh"), "&View", "F5", "refresh",
               QT_TR_NOOP("Load the current list again from the service"), True),
    ActionSpec("dock.detail", QT_TR_NOOP("&Detail Pane"), "&View", "Ctrl+Shift+D", "detail",
               QT_TR_NOOP("Show or hide the detail pane")),
    ActionSpec("dock.history", QT_TR_NOOP("&History Pane"), "&View", "Ctrl+Shift+H", "history",
               QT_TR_NOOP("Show or hide the member history pane")),
    ActionSpec("view.reset_layout", QT_TR_NOOP("Reset &Layout"), "&View", "", "layout",
               QT_TR_NOOP("Put panes, window size and columns back to their defaults")),
    ActionSpec("session.sign_out", QT_TR_NOOP("Sign &Out"), "&File", "Ctrl+Shift+L", "sign-out",
               QT_TR_NOOP("End your session and close the console")),
    ActionSpec("app.quit", QT_TR_NOOP("&Quit"), "&File", "Ctrl+Q", "quit", QT_TR_NOOP("Close the console")),
    ActionSpec("help.shortcuts", QT_TR_NOOP("&Keyboard Shortcuts"), "&Help", "?", "keyboard",
               QT_TR_NOOP("List every command and its shortcut"), True),
    # Enforcement (console/enforcement.py, console/detector_admin.py): they act on the
    # window's current record (MainWindow.current_record_changed).
    ActionSpec("enforce.take_down", QT_TR_NOOP("&Take Down…"), "&Enforce", "Ctrl+T", "takedown",
               QT_TR_NOOP("Take the selected listing down with a reason code"), True, "enforce"),
    ActionSpec("enforce.take_down_temporary", QT_TR_NOOP("Take Down &Temporarily…"), "&Enforce", "Ctrl+Shift+T", "takedown",
               QT_TR_NOOP("Take the selected listing down for a number of hours")),
    ActionSpec("enforce.dismiss", QT_TR_NOOP("&Dismiss Flag…"), "&Enforce", "Ctrl+Shift+X", "dismiss",
               QT_TR_NOOP("Close the selected flag as a false positive; the listing stays up"), True, "enforce"),
    ActionSpec("enforce.reinstate", QT_TR_NOOP("&Reinstate Listing…"), "&Enforce", "Ctrl+Shift+R", "reinstate",
               QT_TR_NOOP("Undo the takedown in force (moderators within 24 hours)")),
    ActionSpec("enforce.make_permanent", QT_TR_NOOP("Make Takedown &Permanent…"), "&Enforce", "Ctrl+Shift+P", "takedown",
               QT_TR_NOOP("Keep a temporary takedown in force for good")),
    ActionSpec("enforce.bulk_selected", QT_TR_NOOP("Take Down &Selected Listings…"), "&Enforce", "Ctrl+Shift+B", "takedown",
               QT_TR_NOOP("Take down every selected listing (or flagged listing) with one confirmation")),
    ActionSpec("enforce.bulk_seller", QT_TR_NOOP("Take Down All of Seller's &Listings…"), "&Enforce", "Ctrl+Alt+B",
               "takedown", QT_TR_NOOP("Take down every active listing of the selected listing's seller")),
    ActionSpec("enforce.sanction", QT_TR_NOOP("S&anction Seller…"), "&Enforce", "Ctrl+Shift+S", "member",
               QT_TR_NOOP("Confirm the restriction or suspension the seller's strikes suggest")),
    ActionSpec("enforce.lift", QT_TR_NOOP("&Lift Sanction…"), "&Enforce", "Ctrl+Alt+S", "member",
               QT_TR_NOOP("Lift the seller's restriction or suspension")),
    ActionSpec("enforce.decide_appeal", QT_TR_NOOP("Decide &Appeal…"), "&Enforce", "Ctrl+Shift+A", "appeal",
               QT_TR_NOOP("Uphold or overturn the selected appeal")),
    ActionSpec("detector.admin", QT_TR_NOOP("Detector &Settings…"), "&Enforce", "Ctrl+Alt+D", "detector",
               QT_TR_NOOP("Thresholds per policy with their precision and volume, detector versions, training")),
    # Supervisors' dashboards and audit viewer (console/dashboards/, issue 18).
    ActionSpec("view.dashboards", QT_TR_NOOP("&Dashboards…"), "&View", "Ctrl+Alt+K", "",
               QT_TR_NOOP("Operations, enforcement and detection, and recall charts (supervisors)")),
    ActionSpec("view.audit_log", QT_TR_NOOP("&Audit Log…"), "&View", "Ctrl+Alt+U", "",
               QT_TR_NOOP("Audit events by actor, action, target and time; verify the chain (supervisors)")),
    # Authorities and rights owners (console/authority/, issue 17).
    ActionSpec("view.authority_requests", QT_TR_NOOP("Authority &Requests…"), "&View", "Ctrl+Alt+Q", "",
               QT_TR_NOOP("Register, approve or decline, close and export authority requests (supervisors)")),
    ActionSpec("view.rights_reports", QT_TR_NOOP("Rights-&Owner Reports…"), "&View", "Ctrl+Alt+W", "",
               QT_TR_NOOP("Rights owners' reports with their evidence beside the listing; accept or reject")),
    # Context panes, escrow and recalls (console/context_panes.py, console/escrow_actions.py,
    # console/recalls_screen.py).
    ActionSpec("context.go_to", QT_TR_NOOP("&Go to…"), "&Go", "Ctrl+G", "search",
               QT_TR_NOOP("Open any member, listing or transaction by id or member/listing number")),
    ActionSpec("escrow.hold", QT_TR_NOOP("&Hold Payment (Dispute)…"), "&Escrow", "Ctrl+Alt+H", "",
               QT_TR_NOOP("Put the escrow of the transaction in the escrow pane on hold")),
    ActionSpec("escrow.release", QT_TR_NOOP("&Release to Seller…"), "&Escrow", "Ctrl+Alt+L", "",
               QT_TR_NOOP("Release what escrow holds to the seller")),
    ActionSpec("escrow.refund", QT_TR_NOOP("Re&fund Buyer…"), "&Escrow", "Ctrl+Alt+R", "",
               QT_TR_NOOP("Refund all or part of what escrow holds to the buyer (above your limit: a supervisor approves)")),
    ActionSpec("escrow.cancel", QT_TR_NOOP("&Cancel Sale…"), "&Escrow", "Ctrl+Alt+C", "",
               QT_TR_NOOP("Cancel the sale before completion, refunding everything held")),
    ActionSpec("escrow.approvals", QT_TR_NOOP("Refund &Approvals"), "&Escrow", "Ctrl+Alt+A", "",
               QT_TR_NOOP("Refunds above an agent's limit waiting for a supervisor")),
    ActionSpec("member.reveal_contact", QT_TR_NOOP("Reveal &Contact Details…"), "&Escrow", "Ctrl+Alt+P", "member",
               QT_TR_NOOP("Unmask the member's email, phone and address (asks for a reason; audited)")),
    ActionSpec("recall.new", QT_TR_NOOP("&New Recall…"), "&Recalls", "Ctrl+Alt+N", "recall", QT_TR_NOOP("Type in a recall")),
    ActionSpec("recall.import", QT_TR_NOOP("&Import Recalls…"), "&Recalls", "Ctrl+Alt+I", "open",
               QT_TR_NOOP("Import recalls from a CPSC JSON or CSV file")),
    ActionSpec("recall.match", QT_TR_NOOP("Run &Matching"), "&Recalls", "Ctrl+M", "refresh",
               QT_TR_NOOP("Match the selected recall against listings, active and sold")),
    ActionSpec("recall.confirm", QT_TR_NOOP("&Confirm Selected Matches…"), "&Recalls", "Ctrl+Alt+Y", "",
               QT_TR_NOOP("Confirm the selected candidates (suspends active listings)")),
    ActionSpec("recall.reject", QT_TR_NOOP("&Reject Selected Matches…"), "&Recalls", "Ctrl+Alt+X", "",
               QT_TR_NOOP("Reject the selected candidates as not the recalled product")),
    ActionSpec("recall.send_notices", QT_TR_NOOP("&Send Notices…"), "&Recalls", "Ctrl+Alt+O", "",
               QT_TR_NOOP("Notify the sellers and buyers of confirmed matches (each only once)")),
    ActionSpec("recall.export", QT_TR_NOOP("&Export CSV Report…"), "&Recalls", "Ctrl+E", "",
               QT_TR_NOOP("Save the recall's report for the manufacturer as CSV")),
    ActionSpec("dock.member", QT_TR_NOOP("&Member Pane"), "&View", "Ctrl+Alt+M", "member", QT_TR_NOOP("Show or hide the member summary")),
    ActionSpec("dock.escrow", QT_TR_NOOP("E&scrow Pane"), "&View", "Ctrl+Alt+E", "", QT_TR_NOOP("Show or hide the escrow pane")),
    ActionSpec("dock.transactions", QT_TR_NOOP("&Transactions Pane"), "&View", "Ctrl+Alt+T", "",
               QT_TR_NOOP("Show or hide the member's transactions")),
    ActionSpec("dock.ratings", QT_TR_NOOP("R&atings Pane"), "&View", "Ctrl+Alt+G", "", QT_TR_NOOP("Show or hide the member's ratings")),
    ActionSpec("dock.enforcement", QT_TR_NOOP("&Enforcement Pane"), "&View", "Ctrl+Shift+E", "takedown",
               QT_TR_NOOP("Show or hide the enforcement pane")),
    # Queue, inquiry workspace and shift (console/queue_wiring.py).
    ActionSpec("queue.next", QT_TR_NOOP("&Next Item"), "&Queue", "Ctrl+N", "queue",
               QT_TR_NOOP("Claim the most urgent unclaimed item for your role and open it"), True),
    ActionSpec("queue.claim", QT_TR_NOOP("&Claim Selected"), "&Queue", "Ctrl+Shift+C", "",
               QT_TR_NOOP("Claim the selected item and open it")),
    ActionSpec("queue.release", QT_TR_NOOP("Re&lease"), "&Queue", "Ctrl+Shift+U", "",
               QT_TR_NOOP("Give the opened item back to the queue")),
    ActionSpec("queue.handoff", QT_TR_NOOP("&Hand to Colleague…"), "&Queue", "Ctrl+Shift+G", "member",
               QT_TR_NOOP("Hand the opened item to someone on this shift, with a note")),
    ActionSpec("queue.close", QT_TR_NOOP("Close &Item"), "&Queue", "Ctrl+W", "",
               QT_TR_NOOP("Stop working on the opened item (your claim is released)")),
    ActionSpec("queue.next_row", QT_TR_NOOP("Ne&xt Row"), "&Queue", "Alt+Down", "", QT_TR_NOOP("Select the next item in the queue")),
    ActionSpec("queue.previous_row", QT_TR_NOOP("&Previous Row"), "&Queue", "Alt+Up", "",
               QT_TR_NOOP("Select the previous item in the queue")),
    ActionSpec("inquiry.reply", QT_TR_NOOP("&Reply to Member"), "&Queue", "Ctrl+R", "",
               QT_TR_NOOP("Write a reply to the member of the opened inquiry")),
    ActionSpec("inquiry.note", QT_TR_NOOP("Internal N&ote"), "&Queue", "Ctrl+Shift+N", "",
               QT_TR_NOOP("Write an internal note (never shown to the member)")),
    ActionSpec("inquiry.macro", QT_TR_NOOP("Insert &Macro…"), "&Queue", "Ctrl+Shift+M", "",
               QT_TR_NOOP("Pick a canned reply, filled in for this inquiry")),
    ActionSpec("inquiry.send", QT_TR_NOOP("&Send"), "&Queue", "Ctrl+Shift+Return", "",
               QT_TR_NOOP("Send the reply or note being written")),
    ActionSpec("inquiry.open", QT_TR_NOOP("Mark Op&en"), "&Queue", "Alt+O", "", QT_TR_NOOP("Set the inquiry's status to open")),
    ActionSpec("inquiry.waiting", QT_TR_NOOP("Mark &Waiting on Member"), "&Queue", "Alt+W", "",
               QT_TR_NOOP("Set the inquiry's status to waiting on the member")),
    ActionSpec("inquiry.resolve", QT_TR_NOOP("Mark Resol&ved"), "&Queue", "Alt+D", "",
               QT_TR_NOOP("Resolve the inquiry (it leaves the queue)")),
    ActionSpec("shift.clock_in", QT_TR_NOOP("Clock &In"), "&Queue", "Ctrl+Shift+I", "", QT_TR_NOOP("Clock in to the running shift")),
    ActionSpec("shift.clock_out", QT_TR_NOOP("Clock Ou&t…"), "&Queue", "Ctrl+Shift+O", "",
               QT_TR_NOOP("Clock out with a handover note; your items go back to the queue")),
    ActionSpec("dock.shift", QT_TR_NOOP("S&hift Pane"), "&View", "Ctrl+Shift+F", "history",
               QT_TR_NOOP("Show or hide the shift: who is on, time left, the handover summary")),
)


def _plain(text: str) -> str:
    """A menu text without its mnemonic: "&Queue" -> "Queue", "キュー(&Q)" -> "キュー"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


class ActionRegistry(QObject):
    """The QActions of one window, made from :data:`ACTIONS`."""

    def __init__(self, settings: Settings, handlers: Mapping[str, Callable[[], None]],
                 parent: QObject, specs: Iterable[ActionSpec] = ACTIONS) -> None:
        super().__init__(parent)
        self._specs = {spec.id: spec for spec in specs}
        missing = set(self._specs) - set(handlers)
        if missing:
            raise ValueError(f"no handler for actions: {sorted(missing)}")
        overrides = settings.get(Options.SHORTCUTS)
        self._actions: dict[str, QAction] = {}
        groups: dict[str, QActionGroup] = {}
        for spec in self._specs.values():
            action = QAction(tr(spec.text), parent)
            action.setObjectName(spec.id)
            action.setShortcut(QKeySequence(overrides.get(spec.id, spec.shortcut)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = tr(spec.tip)
            action.setStatusTip(tip)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            if spec.group:
                action.setCheckable(True)
                groups.setdefault(spec.group, QActionGroup(parent)).addAction(action)
            action.triggered.connect(lambda _checked=False, h=handlers[spec.id]: h())
            self._actions[spec.id] = action
        for unknown in set(overrides) - set(self._specs):
            log.warning("ignoring a shortcut for unknown action %r", unknown)
        self.refresh_icons()

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._actions.values())

    def spec(self, action_id: str) -> ActionSpec:
        return self._specs[action_id]

    def refresh_icons(self) -> None:
        """Re-tint icons (after a light/dark switch)."""
        for spec in self._specs.values():
            if spec.icon:
                self._actions[spec.id].setIcon(theme.icon(spec.icon))

    def build_menus(self, menubar: QMenuBar) -> None:
        menus = {title: menubar.addMenu(tr(title)) for title in MENUS}
        previous_group: dict[str, str] = {}
        for spec in self._specs.values():
            menu = menus[spec.menu]
            if spec.menu in previous_group and previous_group[spec.menu] != spec.group:
                menu.addSeparator()
            previous_group[spec.menu] = spec.group
            menu.addAction(self._actions[spec.id])

    def build_toolbar(self, toolbar: QToolBar) -> None:
        previous_group = None
        for spec in self._specs.values():
            if not spec.toolbar:
                continue
            if previous_group is not None and previous_group != spec.group:
                toolbar.addSeparator()
            previous_group = spec.group
            toolbar.addAction(self._actions[spec.id])

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, shortcut) for the help dialog."""
        rows = []
        for spec in self._specs.values():
            shortcut = self._actions[spec.id].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            rows.append((_plain(tr(spec.menu)), _plain(tr(spec.text)), shortcut))
        return rows
