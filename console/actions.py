"""Every command of the main window, declared once.

An :class:`ActionSpec` gives the id, text, icon, default shortcut and the menu
it lives in; the window supplies a handler per id. Menus, the toolbar and the
shortcut help are all built from :data:`ACTIONS`, and a user's shortcut
overrides (``Options.SHORTCUTS``: id -> key sequence) replace the defaults
(Picard's ``@add_action``, napari's ``Action(id=..., keybindings=...)``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from console import theme
from console.qt import QAction, QActionGroup, QKeySequence, QMenuBar, QObject, Qt, QToolBar
from console.settings import Options, Settings

log = logging.getLogger("anzen.console.actions")

MENUS = ("&File", "&Go", "&Queue", "&Enforce", "&Escrow", "&Recalls", "&View", "&Help")


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
    ActionSpec("screen.queue", "&Queue", "&Go", "Ctrl+1", "queue",
               "Open flags and member inquiries waiting for staff", True, "screen"),
    ActionSpec("screen.listings", "&Listings", "&Go", "Ctrl+2", "listing",
               "Search every listing on the marketplace", True, "screen"),
    ActionSpec("screen.members", "&Members", "&Go", "Ctrl+3", "member",
               "Search marketplace members", True, "screen"),
    ActionSpec("screen.recalls", "&Recalls", "&Go", "Ctrl+4", "recall",
               "Product recalls and their matches", True, "screen"),
    ActionSpec("list.find", "&Find in List", "&Go", "Ctrl+F", "search",
               "Put the cursor in the current screen's search box"),
    ActionSpec("list.open", "&Open Selected", "&Go", "Ctrl+Return", "open",
               "Show the selected row in the detail pane"),
    ActionSpec("list.refresh", "&Refresh", "&View", "F5", "refresh",
               "Load the current list again from the service", True),
    ActionSpec("dock.detail", "&Detail Pane", "&View", "Ctrl+Shift+D", "detail",
               "Show or hide the detail pane"),
    ActionSpec("dock.history", "&History Pane", "&View", "Ctrl+Shift+H", "history",
               "Show or hide the member history pane"),
    ActionSpec("view.reset_layout", "Reset &Layout", "&View", "", "layout",
               "Put panes, window size and columns back to their defaults"),
    ActionSpec("session.sign_out", "Sign &Out", "&File", "Ctrl+Shift+L", "sign-out",
               "End your session and close the console"),
    ActionSpec("app.quit", "&Quit", "&File", "Ctrl+Q", "quit", "Close the console"),
    ActionSpec("help.shortcuts", "&Keyboard Shortcuts", "&Help", "?", "keyboard",
               "List every command and its shortcut", True),
    # Enforcement (console/enforcement.py, console/detector_admin.py): they act on the
    # window's current record (MainWindow.current_record_changed).
    ActionSpec("enforce.take_down", "&Take Down…", "&Enforce", "Ctrl+T", "takedown",
               "Take the selected listing down with a reason code", True, "enforce"),
    ActionSpec("enforce.take_down_temporary", "Take Down &Temporarily…", "&Enforce", "Ctrl+Shift+T", "takedown",
               "Take the selected listing down for a number of hours"),
    ActionSpec("enforce.dismiss", "&Dismiss Flag…", "&Enforce", "Ctrl+Shift+X", "dismiss",
               "Close the selected flag as a false positive; the listing stays up", True, "enforce"),
    ActionSpec("enforce.reinstate", "&Reinstate Listing…", "&Enforce", "Ctrl+Shift+R", "reinstate",
               "Undo the takedown in force (moderators within 24 hours)"),
    ActionSpec("enforce.make_permanent", "Make Takedown &Permanent…", "&Enforce", "Ctrl+Shift+P", "takedown",
               "Keep a temporary takedown in force for good"),
    ActionSpec("enforce.bulk_selected", "Take Down &Selected Listings…", "&Enforce", "Ctrl+Shift+B", "takedown",
               "Take down every selected listing (or flagged listing) with one confirmation"),
    ActionSpec("enforce.bulk_seller", "Take Down All of Seller's &Listings…", "&Enforce", "Ctrl+Alt+B",
               "takedown", "Take down every active listing of the selected listing's seller"),
    ActionSpec("enforce.sanction", "S&anction Seller…", "&Enforce", "Ctrl+Shift+S", "member",
               "Confirm the restriction or suspension the seller's strikes suggest"),
    ActionSpec("enforce.lift", "&Lift Sanction…", "&Enforce", "Ctrl+Alt+S", "member",
               "Lift the seller's restriction or suspension"),
    ActionSpec("enforce.decide_appeal", "Decide &Appeal…", "&Enforce", "Ctrl+Shift+A", "appeal",
               "Uphold or overturn the selected appeal"),
    ActionSpec("detector.admin", "Detector &Settings…", "&Enforce", "Ctrl+Alt+D", "detector",
               "Thresholds per policy with their precision and volume, detector versions, training"),
    # Context panes, escrow and recalls (console/context_panes.py, console/escrow_actions.py,
    # console/recalls_screen.py).
    ActionSpec("context.go_to", "&Go to…", "&Go", "Ctrl+G", "search",
               "Open any member, listing or transaction by id or member/listing number"),
    ActionSpec("escrow.hold", "&Hold Payment (Dispute)…", "&Escrow", "Ctrl+Alt+H", "",
               "Put the escrow of the transaction in the escrow pane on hold"),
    ActionSpec("escrow.release", "&Release to Seller…", "&Escrow", "Ctrl+Alt+L", "",
               "Release what escrow holds to the seller"),
    ActionSpec("escrow.refund", "Re&fund Buyer…", "&Escrow", "Ctrl+Alt+R", "",
               "Refund all or part of what escrow holds to the buyer (above your limit: a supervisor approves)"),
    ActionSpec("escrow.cancel", "&Cancel Sale…", "&Escrow", "Ctrl+Alt+C", "",
               "Cancel the sale before completion, refunding everything held"),
    ActionSpec("escrow.approvals", "Refund &Approvals", "&Escrow", "Ctrl+Alt+A", "",
               "Refunds above an agent's limit waiting for a supervisor"),
    ActionSpec("member.reveal_contact", "Reveal &Contact Details…", "&Escrow", "Ctrl+Alt+P", "member",
               "Unmask the member's email, phone and address (asks for a reason; audited)"),
    ActionSpec("recall.new", "&New Recall…", "&Recalls", "Ctrl+Alt+N", "recall", "Type in a recall"),
    ActionSpec("recall.import", "&Import Recalls…", "&Recalls", "Ctrl+Alt+I", "open",
               "Import recalls from a CPSC JSON or CSV file"),
    ActionSpec("recall.match", "Run &Matching", "&Recalls", "Ctrl+M", "refresh",
               "Match the selected recall against listings, active and sold"),
    ActionSpec("recall.confirm", "&Confirm Selected Matches…", "&Recalls", "Ctrl+Alt+Y", "",
               "Confirm the selected candidates (suspends active listings)"),
    ActionSpec("recall.reject", "&Reject Selected Matches…", "&Recalls", "Ctrl+Alt+X", "",
               "Reject the selected candidates as not the recalled product"),
    ActionSpec("recall.send_notices", "&Send Notices…", "&Recalls", "Ctrl+Alt+O", "",
               "Notify the sellers and buyers of confirmed matches (each only once)"),
    ActionSpec("recall.export", "&Export CSV Report…", "&Recalls", "Ctrl+E", "",
               "Save the recall's report for the manufacturer as CSV"),
    ActionSpec("dock.member", "&Member Pane", "&View", "Ctrl+Alt+M", "member", "Show or hide the member summary"),
    ActionSpec("dock.escrow", "E&scrow Pane", "&View", "Ctrl+Alt+E", "", "Show or hide the escrow pane"),
    ActionSpec("dock.transactions", "&Transactions Pane", "&View", "Ctrl+Alt+T", "",
               "Show or hide the member's transactions"),
    ActionSpec("dock.ratings", "R&atings Pane", "&View", "Ctrl+Alt+G", "", "Show or hide the member's ratings"),
    ActionSpec("dock.enforcement", "&Enforcement Pane", "&View", "Ctrl+Shift+E", "takedown",
               "Show or hide the enforcement pane"),
    # Queue, inquiry workspace and shift (console/queue_wiring.py).
    ActionSpec("queue.next", "&Next Item", "&Queue", "Ctrl+N", "queue",
               "Claim the most urgent unclaimed item for your role and open it", True),
    ActionSpec("queue.claim", "&Claim Selected", "&Queue", "Ctrl+Shift+C", "",
               "Claim the selected item and open it"),
    ActionSpec("queue.release", "Re&lease", "&Queue", "Ctrl+Shift+U", "",
               "Give the opened item back to the queue"),
    ActionSpec("queue.handoff", "&Hand to Colleague…", "&Queue", "Ctrl+Shift+G", "member",
               "Hand the opened item to someone on this shift, with a note"),
    ActionSpec("queue.close", "Close &Item", "&Queue", "Ctrl+W", "",
               "Stop working on the opened item (your claim is released)"),
    ActionSpec("queue.next_row", "Ne&xt Row", "&Queue", "Alt+Down", "", "Select the next item in the queue"),
    ActionSpec("queue.previous_row", "&Previous Row", "&Queue", "Alt+Up", "",
               "Select the previous item in the queue"),
    ActionSpec("inquiry.reply", "&Reply to Member", "&Queue", "Ctrl+R", "",
               "Write a reply to the member of the opened inquiry"),
    ActionSpec("inquiry.note", "Internal N&ote", "&Queue", "Ctrl+Shift+N", "",
               "Write an internal note (never shown to the member)"),
    ActionSpec("inquiry.macro", "Insert &Macro…", "&Queue", "Ctrl+Shift+M", "",
               "Pick a canned reply, filled in for this inquiry"),
    ActionSpec("inquiry.send", "&Send", "&Queue", "Ctrl+Shift+Return", "",
               "Send the reply or note being written"),
    ActionSpec("inquiry.open", "Mark Op&en", "&Queue", "Alt+O", "", "Set the inquiry's status to open"),
    ActionSpec("inquiry.waiting", "Mark &Waiting on Member", "&Queue", "Alt+W", "",
               "Set the inquiry's status to waiting on the member"),
    ActionSpec("inquiry.resolve", "Mark Resol&ved", "&Queue", "Alt+D", "",
               "Resolve the inquiry (it leaves the queue)"),
    ActionSpec("shift.clock_in", "Clock &In", "&Queue", "Ctrl+Shift+I", "", "Clock in to the running shift"),
    ActionSpec("shift.clock_out", "Clock Ou&t…", "&Queue", "Ctrl+Shift+O", "",
               "Clock out with a handover note; your items go back to the queue"),
    ActionSpec("dock.shift", "S&hift Pane", "&View", "Ctrl+Shift+F", "history",
               "Show or hide the shift: who is on, time left, the handover summary"),
)


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
            action = QAction(spec.text, parent)
            action.setObjectName(spec.id)
            action.setShortcut(QKeySequence(overrides.get(spec.id, spec.shortcut)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setStatusTip(spec.tip)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{spec.tip} ({shortcut})" if shortcut else spec.tip)
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
        menus = {title: menubar.addMenu(title) for title in MENUS}
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
            rows.append((spec.menu.replace("&", ""), spec.text.replace("&", ""), shortcut))
        return rows
