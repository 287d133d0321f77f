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

MENUS = ("&File", "&Go", "&Enforce", "&View", "&Help")


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
    ActionSpec("dock.enforcement", "&Enforcement Pane", "&View", "Ctrl+Shift+E", "takedown",
               "Show or hide the enforcement pane"),
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
