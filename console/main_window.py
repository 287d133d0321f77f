"""The main window: screens in the middle, detail and history docks, menus and
toolbar from the action registry, and a status bar that always shows who is
signed in, their shift and the connection.

Geometry, dock layout and column state are saved in :class:`State` when the
window closes and restored when it opens.
"""

from __future__ import annotations

from typing import Any

from console import fonts, i18n, messages, theme
from console.actions import ActionRegistry
from console.connection import ConnectionState
from console.context import ConsoleContext
from console import live_updates, queue_wiring
from console.context_panes import ContextPanes
from console.recalls_screen import recall_handlers
from console.detail_pane import DetailPane
from console.enforcement import EnforcementController, EnforcementPane, selected_ids
from console.history_pane import HistoryPane
from console.i18n import QT_TR_NOOP, tr
from console.login import ROLE_NAMES, LoginDialog
from console.qt import (
    QActionGroup,
    QApplication,
    QCloseEvent,
    QMessageBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSize,
    QStackedWidget,
    Qt,
    QTimer,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from console.screens.screens import Screen, build_screens
from console.settings import Options, State
from console.shortcut_help import ShortcutHelp
from widgets.banner import Banner
from widgets.status_chip import StatusChip

CONNECTION_TEXT = {
    ConnectionState.CONNECTING: ("connecting", QT_TR_NOOP("Connecting…")),
    ConnectionState.ONLINE: ("online", QT_TR_NOOP("Online")),
    ConnectionState.OFFLINE: ("offline", QT_TR_NOOP("Offline — retrying")),
}


class MainWindow(QMainWindow):
    #: The window closed; ``True`` when the user signed out (the launcher then
    #: asks for a sign-in again), ``False`` when they quit.
    finished = Signal(bool)
    #: The user chose another language and wants it now: the launcher makes a
    #: new window for the same sign-in (drafts are on disk and come back).
    rebuild_requested = Signal()
    #: The record the user is working on changed: (kind, id, data or None).
    #: Emitted by :meth:`show_record`, which every screen's and pane's
    #: ``record_selected`` reaches; enforcement actions act on it.
    current_record_changed = Signal(str, object, object)

    def __init__(self, context: ConsoleContext, *, server_label: str = "") -> None:
        super().__init__()
        self.context = context
        self._closed = False
        self._signing_out = False
        self._server_label = server_label
        self.current_record: tuple[str, Any] | None = None
        self.setObjectName("AnzenMainWindow")
        self.setWindowTitle(tr("Anzen — {display_name}").format(display_name=context.staff.display_name))
        self.setWindowIcon(theme.app_icon())
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.screens: dict[str, Screen] = {}
        self.stack = QStackedWidget(self)
        for screen in build_screens(context, self.stack):
            self.screens[screen.screen_id] = screen
            self.stack.addWidget(screen)
            screen.record_selected.connect(self.show_record)

        self.connection_banner = Banner(self, dismissable=False)
        self.connection_banner.setObjectName("Banner")
        self.connection_banner.action_triggered.connect(context.monitor.check_now)
        self.message_banner = Banner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.connection_banner)
        column.addWidget(self.message_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.detail = DetailPane(context, self)
        self.history = HistoryPane(context, self)
        self.detail.member_selected.connect(self.history.show_member)
        self.history.record_selected.connect(self.show_record)
        self.detail_dock = self._dock("detail-dock", tr("Detail"), self.detail, Qt.DockWidgetArea.RightDockWidgetArea)
        self.history_dock = self._dock("history-dock", tr("History"), self.history,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        self.context_panes = ContextPanes(context, self, show_record=self.show_record)
        self.context_panes.arrange(self.detail_dock, self.history_dock)
        self.current_record_changed.connect(self.context_panes.follow)

        self.enforcement = EnforcementController(context, self, selection=self._selected_records)
        self.current_record_changed.connect(self.enforcement.set_current)

        self.actions = ActionRegistry(context.settings, self._handlers(), self)
        self.enforcement_pane = EnforcementPane(self.enforcement, {a.objectName(): a for a in self.actions}, self)
        self.enforcement_dock = self._dock("enforcement-dock", tr("Enforcement"), self.enforcement_pane,
                                           Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.detail_dock, self.enforcement_dock)
        if context.staff.role in ("moderator", "supervisor"):
            self.enforcement_dock.raise_()
        self.enforcement.availability_changed.connect(self._update_enforcement_actions)
        self.enforcement.acted.connect(lambda _outcome: self._refresh_after_action())
        self._update_enforcement_actions()
        self.actions.build_menus(self.menuBar())
        self._add_language_menu()
        toolbar = QToolBar(tr("Main"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions.build_toolbar(toolbar)
        self.addToolBar(toolbar)
        for action in self.actions:
            self.addAction(action)

        self.staff_label = QLabel(self)
        self.shift_label = QLabel(tr("No shift"), self)
        self.shift_label.setToolTip(tr("Clock-in and shifts are not offered by this service yet."))
        self.connection_chip = StatusChip(self)
        role = tr(ROLE_NAMES.get(context.staff.role, context.staff.role))
        self.staff_label.setText(f"{context.staff.display_name} · {role}")
        self.staff_label.setToolTip(tr("Signed in as {username} to {server_label}").format(username=context.staff.username, server_label=server_label))
        self.statusBar().addPermanentWidget(self.staff_label)
        self.statusBar().addPermanentWidget(self.shift_label)
        self.statusBar().addPermanentWidget(self.connection_chip)
        queue_wiring.install(self)  # shift dock + status, queue <-> shift (console/queue_wiring.py)
        live_updates.install(self)  # "Live"/"Polling" in the status bar; pushed queue changes poll at once

        messages.bus.posted.connect(self._show_message)
        messages.bus.session_expired.connect(self._session_expired)
        self._asking_password = False
        context.monitor.state_changed.connect(self._connection_changed)
        QApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        self._connection_changed(context.monitor.state)
        self.resize(1280, 800)
        self._restore_state()
        QTimer.singleShot(0, self.check_fonts)

    # -- building ------------------------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _handlers(self) -> dict[str, Any]:
        return {
            "screen.queue": lambda: self.show_screen("queue"),
            "screen.listings": lambda: self.show_screen("listings"),
            "screen.members": lambda: self.show_screen("members"),
            "screen.recalls": lambda: self.show_screen("recalls"),
            "list.find": lambda: self.current_screen().focus_search(),
            "list.open": lambda: self.current_screen().open_current(),
            "list.refresh": lambda: self.current_screen().refresh(),
            "dock.detail": lambda: self.detail_dock.setVisible(not self.detail_dock.isVisible()),
            "dock.history": lambda: self.history_dock.setVisible(not self.history_dock.isVisible()),
            "view.reset_layout": self.reset_layout,
            "session.sign_out": self.sign_out,
            "app.quit": self.close,
            "help.shortcuts": lambda: ShortcutHelp.show_for(self.actions, self),
            **self.context_panes.handlers(),
            **queue_wiring.handlers(self),
            **recall_handlers(self.screens["recalls"], lambda: self.show_screen("recalls")),
            **self.enforcement.handlers(),
            "dock.enforcement": lambda: self.enforcement_dock.setVisible(not self.enforcement_dock.isVisible()),
            "detector.admin": self._open_detector_admin,
            "view.dashboards": self._open_dashboards,
            "view.audit_log": self._open_audit_viewer,
            "view.authority_requests": self._open_authority_requests,
            "view.rights_reports": self._open_rights_reports,
        }

    # -- navigation ---------------------------------------------------------------------

    def current_screen(self) -> Screen:
        screen = self.stack.currentWidget()
        assert isinstance(screen, Screen)
        return screen

    def show_screen(self, screen_id: str) -> None:
        screen = self.screens[screen_id]
        self.stack.setCurrentWidget(screen)
        self.actions[f"screen.{screen_id}"].setChecked(True)
        screen.activate()

    def show_record(self, kind: str, record_id: Any, data: Any = None) -> None:
        if not self.detail_dock.isVisible():
            self.detail_dock.show()
        self.detail.show_record(kind, record_id)
        self.current_record = (kind, record_id)
        self.current_record_changed.emit(kind, record_id, data)

    # -- enforcement -------------------------------------------------------------------

    def _selected_records(self) -> tuple[str, list[Any]]:
        pane = self.current_screen().current_pane()
        return (pane.spec.kind, selected_ids(pane.view)) if pane is not None else ("", [])

    def _update_enforcement_actions(self) -> None:
        for action_id, enabled in self.enforcement.available().items():
            self.actions[action_id].setEnabled(enabled)
        self.actions["detector.admin"].setEnabled(self.enforcement.may("read_screening"))
        supervisor = self.context.staff.role == "supervisor"
        self.actions["view.dashboards"].setEnabled(supervisor)
        self.actions["view.audit_log"].setEnabled(supervisor)
        self.actions["view.authority_requests"].setEnabled(supervisor)
        self.actions["view.rights_reports"].setEnabled(supervisor or self.context.staff.role == "moderator")

    def _refresh_after_action(self) -> None:
        self.current_screen().refresh()
        if self.current_record is not None:
            self.detail.show_record(*self.current_record)

    def _open_dashboards(self) -> None:
        from console.dashboards.window import DashboardsWindow

        DashboardsWindow.open_for(self.context, self)

    def _open_audit_viewer(self) -> None:
        from console.dashboards.audit_viewer import AuditViewer

        AuditViewer.open_for(self.context, self, show_record=self.show_record)

    def _open_authority_requests(self) -> None:
        from console.authority.window import AuthorityWindow

        AuthorityWindow.open_for(self.context, self)

    def _open_rights_reports(self) -> None:
        from console.authority.rights import RightsReportsWindow

        RightsReportsWindow.open_for(self.context, self)

    def _open_detector_admin(self) -> None:
        from console.detector_admin import DetectorAdmin

        DetectorAdmin.open_for(self.context, self)

    # -- session ----------------------------------------------------------------------------

    def sign_out(self) -> None:
        """End the session on the service, then hand back to the launcher."""
        self.context.runner.run(self.context.client.logout, lambda _r: self._finish_sign_out(),
                                on_error=lambda _exc: self._finish_sign_out(), owner=self)

    def _session_expired(self) -> None:
        """The service refused the token: ask for the password again, once, over
        the window as it is (drafts, selections and open panes stay)."""
        if self._asking_password or self._signing_out or self._closed:
            return
        self._asking_password = True
        QTimer.singleShot(0, self._ask_password)  # not inside the failing request's callback

    def _ask_password(self) -> None:
        try:
            sign_in = LoginDialog.ask(self.context.client, self.context.runner,
                                      username=self.context.staff.username, again=True, parent=self)
        finally:
            self._asking_password = False
        if sign_in is None:
            self.sign_out()
            return
        self.statusBar().showMessage(tr("Signed in again."), 5000)
        for screen in self.screens.values():
            screen.retry_failed()
        self.history.retry()

    def _finish_sign_out(self) -> None:
        self._signing_out = True
        self.close()

    # -- messages and connection ------------------------------------------------------

    def _show_message(self, message: messages.Message) -> None:
        if message.level is messages.Level.INFO:
            self.statusBar().showMessage(message.text, 5000)
            return
        text = f"{message.text} {message.hint}".strip()
        self.message_banner.show_message(text, kind=message.level.value)

    def _connection_changed(self, state: ConnectionState) -> None:
        dot, text = CONNECTION_TEXT[state]
        text = tr(text)
        self.connection_chip.set_state(dot, f"{text} · {self._server_label}" if self._server_label else text)
        if state is ConnectionState.OFFLINE:
            self.connection_banner.show_message(
                tr("The connection to the service is lost. Retrying in the background — "
                "keep working; nothing you typed is lost."), kind="warning", action=tr("Retry now"))
        elif state is ConnectionState.ONLINE and self.connection_banner.isVisible():
            self.connection_banner.hide()
            self.statusBar().showMessage(tr("Connection restored."), 5000)
            for screen in self.screens.values():
                screen.retry_failed()
            self.history.retry()

    def _scheme_changed(self) -> None:
        self.actions.refresh_icons()

    # -- state ---------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.get(State.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        window_state = settings.get(State.WINDOW_STATE)
        if window_state.isEmpty() or not self.restoreState(window_state):
            self._default_dock_sizes()
        for screen in self.screens.values():
            screen.restore_state()
        self.history.restore_state()
        last = settings.get(State.LAST_SCREEN)
        self.show_screen(last if last in self.screens else "queue")

    def _default_dock_sizes(self) -> None:
        self.resizeDocks([self.detail_dock], [400], Qt.Orientation.Horizontal)
        self.resizeDocks([self.history_dock], [220], Qt.Orientation.Vertical)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.set(State.GEOMETRY, self.saveGeometry())
        settings.set(State.WINDOW_STATE, self.saveState())
        settings.set(State.LAST_SCREEN, self.current_screen().screen_id)
        for screen in self.screens.values():
            screen.save_state()
        self.history.save_state()
        settings.sync()

    def check_fonts(self) -> bool:
        """Say once (ever, per settings file) that no installed font can show
        Japanese, with the fix. True when the notice was shown now."""
        return not self._closed and fonts.notify_missing_font(self.context.settings, self.message_banner)

    def _add_language_menu(self) -> None:
        """View → Language: system default, 日本語, English (console/i18n.py)."""
        view = next((a.menu() for a in self.menuBar().actions() if a.text() == tr("&View")), None)
        if view is None:
            return
        view.addSeparator()
        menu = view.addMenu(tr("&Language"))
        menu.setObjectName("language-menu")
        group = QActionGroup(self)
        chosen = self.context.settings.get(Options.LANGUAGE)
        for code in i18n.LANGUAGE_CHOICES:
            action = menu.addAction(i18n.language_name(code))
            action.setObjectName(f"language.{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))

    def choose_language(self, choice: str, *, ask: bool = True) -> None:
        """Keep ``choice``; if it changes the language, offer to switch now
        (a new window; drafts are saved and come back) or at the next start."""
        settings = self.context.settings
        settings.set(Options.LANGUAGE, choice)
        settings.sync()
        if i18n.resolve(choice) == i18n.current_language():
            return
        if ask and not LanguageSwitch.ask(self):
            messages.info(tr("The new language is used from the next start."))
            return
        self.rebuild_requested.emit()

    def reset_layout(self) -> None:
        """Back to the default docks, size and columns; choices are kept."""
        self.context.settings.remove_state()
        for screen in self.screens.values():
            screen.reset_state()
        self.history.reset_state()
        for dock, area in ((self.detail_dock, Qt.DockWidgetArea.RightDockWidgetArea),
                           (self.history_dock, Qt.DockWidgetArea.BottomDockWidgetArea)):
            dock.setFloating(False)
            self.addDockWidget(area, dock)
            dock.show()
        self.resize(1280, 800)
        self.context_panes.reset_layout(self.detail_dock, self.history_dock)
        self._default_dock_sizes()
        messages.info(tr("Layout reset."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        self.save_state()
        queue_wiring.shutdown(self)
        messages.bus.posted.disconnect(self._show_message)
        messages.bus.session_expired.disconnect(self._session_expired)
        self.context.monitor.state_changed.disconnect(self._connection_changed)
        QApplication.styleHints().colorSchemeChanged.disconnect(self._scheme_changed)
        super().closeEvent(event)
        self.finished.emit(self._signing_out)


class LanguageSwitch:
    """Asks whether to switch language now (a test patches :meth:`ask`)."""

    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, tr("Change language"),
                          tr("Switch the console's language now?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setInformativeText(tr("The window is rebuilt in the new language. Unsent replies and notes are "
                                  "kept and come back when you open the inquiry again; you stay signed in. "
                                  "Choose No to switch at the next start."))
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()
