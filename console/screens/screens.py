"""The screens of the main window, one per job.

A screen is a titled page in the central stack holding one or more
:class:`ListPane` (several become tabs). The recalls screen lives in
``console/recalls_screen.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from console.context import ConsoleContext
from console.i18n import tr
from console.qt import QLabel, QTabWidget, QVBoxLayout, QWidget, Signal
from console.screens import catalog
from console.screens.list_pane import ListPane, ListSpec


class Screen(QWidget):
    """A page of the main window; list screens override the list hooks."""

    record_selected = Signal(str, object)

    def __init__(self, screen_id: str, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.screen_id = screen_id
        self.setObjectName(f"screen-{screen_id}")
        heading = QLabel(title, self)
        heading.setObjectName("ScreenTitle")
        hint_label = QLabel(hint, self)
        hint_label.setObjectName("ScreenHint")
        hint_label.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 10, 12, 8)
        self.body.setSpacing(6)
        self.body.addWidget(heading)
        self.body.addWidget(hint_label)

    @property
    def panes(self) -> Sequence[ListPane]:
        return ()

    def current_pane(self) -> ListPane | None:
        return None

    def activate(self) -> None:
        """The screen became visible: load its lists the first time."""
        for pane in self.panes:
            if pane.model.rowCount() == 0 and not pane.model.is_loading and pane.model.error is None:
                pane.reload()

    def refresh(self) -> None:
        pane = self.current_pane()
        if pane is not None:
            pane.reload()

    def retry_failed(self) -> None:
        for pane in self.panes:
            pane.retry()

    def focus_search(self) -> None:
        pane = self.current_pane()
        if pane is not None:
            pane.focus_search()

    def open_current(self) -> None:
        pane = self.current_pane()
        if pane is not None and pane.current_id() is not None:
            self.record_selected.emit(pane.spec.kind, pane.current_id())

    def save_state(self) -> None:
        for pane in self.panes:
            pane.save_state()

    def restore_state(self) -> None:
        for pane in self.panes:
            pane.restore_state()

    def reset_state(self) -> None:
        for pane in self.panes:
            pane.reset_state()


class ListScreen(Screen):
    """One or more server lists; more than one become tabs."""

    def __init__(self, screen_id: str, title: str, hint: str, specs: Sequence[ListSpec],
                 context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(screen_id, title, hint, parent)
        self._panes = [ListPane(spec, context, self) for spec in specs]
        for pane in self._panes:
            pane.record_selected.connect(self.record_selected)
        self._tabs: QTabWidget | None = None
        if len(self._panes) == 1:
            self.body.addWidget(self._panes[0], 1)
        else:
            self._tabs = QTabWidget(self)
            self._tabs.setDocumentMode(True)
            for pane in self._panes:
                self._tabs.addTab(pane, tr(pane.spec.title))
            self.body.addWidget(self._tabs, 1)

    @property
    def panes(self) -> Sequence[ListPane]:
        return tuple(self._panes)

    def current_pane(self) -> ListPane | None:
        if self._tabs is not None:
            widget = self._tabs.currentWidget()
            return widget if isinstance(widget, ListPane) else None
        return self._panes[0]


#: The queue lists each role works on. The service enforces who may read
#: what; this only avoids offering a list that would be refused.
QUEUE_LISTS: dict[str, tuple[ListSpec, ...]] = {
    "agent": (catalog.INQUIRIES,),
    "moderator": (catalog.FLAGS,),
    "safety_officer": (catalog.FLAGS,),
    "supervisor": (catalog.FLAGS, catalog.INQUIRIES),
}


def build_screens(context: ConsoleContext, parent: QWidget) -> list[Screen]:
    """Every screen, in navigation order (matching the ``screen.*`` actions)."""
    from console.recalls_screen import RecallsScreen  # it builds on Screen, defined here
    from console.screens.queue_screen import KINDS_BY_ROLE, QueueScreen

    queue_lists = QUEUE_LISTS.get(context.staff.role, QUEUE_LISTS["supervisor"])
    # Roles that work the queue get the shift-based work queue; others (safety officers) the flag list.
    queue: Screen = (QueueScreen(context, parent) if context.staff.role in KINDS_BY_ROLE else
                     ListScreen("queue", tr("Queue"), tr("Open flags on listings and member inquiries waiting for staff."),
                                queue_lists, context, parent))
    return [
        queue,
        ListScreen("listings", tr("Listings"), tr("Every listing on the marketplace, newest first."),
                   (catalog.LISTINGS,), context, parent),
        ListScreen("members", tr("Members"), tr("Marketplace members. Contact details stay masked."),
                   (catalog.MEMBERS,), context, parent),
        RecallsScreen(context, parent),
    ]
