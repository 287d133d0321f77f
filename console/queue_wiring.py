"""Plugs the queue screen, the inquiry workspace and the shift panel into the
main window, so ``main_window.py`` needs only three lines: :func:`install`,
``**handlers(window)`` and :func:`shutdown`. The actions themselves are
declared in :data:`console.actions.ACTIONS` (ids ``queue.*``, ``inquiry.*``,
``shift.*``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from console.i18n import tr
from console.qt import QDockWidget, Qt
from console.shift_panel import ShiftPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow
    from console.screens.queue_screen import QueueScreen


def _queue(window: MainWindow) -> QueueScreen | None:
    from console.screens.queue_screen import QueueScreen

    screen = window.screens.get("queue")
    return screen if isinstance(screen, QueueScreen) else None


def _on_queue(window: MainWindow, method: str, *, show: bool = True) -> Callable[[], None]:
    def run() -> None:
        screen = _queue(window)
        if screen is None:
            return
        if show and window.current_screen() is not screen:
            window.show_screen("queue")
        getattr(screen, method)()
    return run


def _on_workspace(window: MainWindow, method: str) -> Callable[[], None]:
    def run() -> None:
        screen = _queue(window)
        if screen is None or screen.workspace.inquiry_id is None:
            return
        if window.current_screen() is not screen:
            window.show_screen("queue")
        getattr(screen.workspace, method)()
    return run


def _set_status(window: MainWindow, status: str) -> Callable[[], None]:
    def run() -> None:
        screen = _queue(window)
        if screen is not None and screen.workspace.inquiry_id is not None:
            screen.workspace.set_status(status)
    return run


def handlers(window: MainWindow) -> dict[str, Callable[[], Any]]:
    """Handlers for the queue, inquiry and shift actions (resolved when triggered)."""
    return {
        "queue.next": _on_queue(window, "next_item"),
        "queue.claim": _on_queue(window, "claim_current"),
        "queue.release": _on_queue(window, "release"),
        "queue.handoff": _on_queue(window, "hand_off"),
        "queue.close": _on_queue(window, "close_item"),
        "queue.next_row": _on_queue(window, "next_row"),
        "queue.previous_row": _on_queue(window, "previous_row"),
        "inquiry.reply": _on_workspace(window, "focus_reply"),
        "inquiry.note": _on_workspace(window, "focus_note"),
        "inquiry.send": _on_workspace(window, "send"),
        "inquiry.macro": _on_workspace(window, "focus_macros"),
        "inquiry.open": _set_status(window, "open"),
        "inquiry.waiting": _set_status(window, "waiting_on_member"),
        "inquiry.resolve": _set_status(window, "resolved"),
        "shift.clock_in": lambda: window.shift_panel.clock_in(),
        "shift.clock_out": lambda: window.shift_panel.clock_out(_held_count(window)),
        "dock.shift": lambda: window.shift_dock.setVisible(not window.shift_dock.isVisible()),
    }


def _held_count(window: MainWindow) -> int:
    screen = _queue(window)
    if screen is None:
        return 0
    return sum(1 for row in range(screen.model.rowCount()) if screen.model.item(row).get("mine"))


def install(window: MainWindow) -> None:
    """The shift dock (tabbed with the history pane), the shift in the status
    bar, and the queue's link to the colleagues on shift."""
    panel = ShiftPanel(window.context, window)
    dock = QDockWidget(tr("Shift"), window)
    dock.setObjectName("shift-dock")
    dock.setWidget(panel)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(window.history_dock, dock)
    window.history_dock.raise_()
    window.shift_panel = panel
    window.shift_dock = dock

    window.shift_label.setText(panel.summary)
    window.shift_label.setToolTip(tr("The running shift and your attendance (Shift pane: Ctrl+Shift+F)"))
    panel.summary_changed.connect(window.shift_label.setText)
    screen = _queue(window)
    if screen is not None:
        screen.colleagues = panel.colleagues
        panel.attendance_changed.connect(lambda clocked_in: _attendance_changed(screen, clocked_in))
    panel.start()


def _attendance_changed(screen: QueueScreen, clocked_in: bool) -> None:
    """Clocking out handed the claims back: stop working on the opened item."""
    if not clocked_in:
        screen.close_item()
    screen.reload()


def shutdown(window: MainWindow) -> None:
    """The window is closing: stop polling and give back the opened item."""
    panel = getattr(window, "shift_panel", None)
    if panel is not None:
        panel.stop()
    screen = _queue(window)
    if screen is not None:
        screen.shutdown()
