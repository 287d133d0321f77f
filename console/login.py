"""The sign-in dialog.

Sign-in runs on the task runner; the dialog stays responsive and shows a
failure inline, keeping what was typed. In demo mode a list of the demo staff
accounts (from ``/api/v1/demo/accounts``) fills the form in one click.
Callers use :meth:`LoginDialog.ask`, which tests patch.
"""

from __future__ import annotations

from console import messages
from console.client import ApiClient, ApiError, DemoAccount, ServiceUnreachable, SignIn
from console.i18n import QT_TR_NOOP, tr
from console.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from console.tasks import TaskRunner
from console.theme import app_icon

ROLE_NAMES = {"agent": QT_TR_NOOP("Support agent"), "moderator": QT_TR_NOOP("Moderator"),
              "safety_officer": QT_TR_NOOP("Safety officer"), "supervisor": QT_TR_NOOP("Supervisor")}


class LoginDialog(QDialog):
    def __init__(self, client: ApiClient, runner: TaskRunner, *, demo: bool = False,
                 username: str = "", again: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._sign_in: SignIn | None = None
        self._accounts: list[DemoAccount] = []
        self.setWindowTitle(tr("Sign in to Anzen"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(400)

        title = QLabel(tr("Your session has ended") if again else tr("Sign in to Anzen"), self)
        title.setObjectName("LoginTitle")
        subtitle = QLabel(tr("Enter your password to carry on; everything you were doing stays as it is.")
                          if again else tr("Service: {base_url}").format(base_url=client.base_url), self)
        subtitle.setWordWrap(True)
        subtitle.setObjectName("LoginSubtitle")
        self.demo_accounts = QComboBox(self)
        self.demo_accounts.setObjectName("DemoAccounts")
        self.demo_accounts.addItem(tr("Loading demo accounts…"))
        self.demo_accounts.setEnabled(False)
        self.demo_accounts.activated.connect(self._use_demo_account)
        self.username = QLineEdit(username, self)
        self.username.setObjectName("Username")
        self.username.setPlaceholderText(tr("staff user name"))
        self.password = QLineEdit(self)
        self.password.setObjectName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("LoginError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.buttons.addButton(tr("Sign out") if again else tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        if again:  # the same person carries on: the open windows and drafts are theirs
            self.username.setReadOnly(True)
        form = QFormLayout()
        if demo and not again:
            form.addRow(tr("Demo account"), self.demo_accounts)
        else:
            self.demo_accounts.hide()
        form.addRow(tr("User name"), self.username)
        form.addRow(tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        if demo and not again:
            runner.run(client.demo_accounts, self._show_demo_accounts,
                       on_error=self._demo_accounts_failed, owner=self)

    @classmethod
    def ask(cls, client: ApiClient, runner: TaskRunner, *, demo: bool = False,
            username: str = "", again: bool = False, parent: QWidget | None = None) -> SignIn | None:
        """Show the dialog until the user signs in (the :class:`SignIn`) or quits (``None``).
        ``again``: the session ended; the same user signs in again."""
        dialog = cls(client, runner, demo=demo, username=username, again=again, parent=parent)
        try:
            return dialog.sign_in if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @property
    def sign_in(self) -> SignIn | None:
        return self._sign_in

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_error(tr("Enter your user name and password."))
            return
        self._set_busy(True)
        self._runner.run(lambda: self._client.login(username, password), self._signed_in,
                         on_error=self._failed, owner=self)

    def _signed_in(self, sign_in: SignIn) -> None:
        self._sign_in = sign_in
        self._set_busy(False)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, ApiError) and exc.status == 429:
            self._show_error(tr("{message} (Wait before trying again.)").format(message=messages.service_words(exc)))
        elif isinstance(exc, ApiError) and exc.status in (400, 401, 403, 422):
            self._show_error(tr("Wrong user name or password. Check them and try again."))
            self.password.selectAll()
            self.password.setFocus()
        elif isinstance(exc, ServiceUnreachable):
            self._show_error(tr("Could not reach the service. Check the connection and try again."))
        else:
            self._show_error(tr("Sign-in failed: {exc}. Try again; if it keeps failing, tell your supervisor.").format(exc=exc))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(tr("Signing in…") if busy else tr("Sign in"))
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if busy:
            self.error_label.hide()

    def _show_demo_accounts(self, accounts: list[DemoAccount]) -> None:
        self._accounts = accounts
        self.demo_accounts.clear()
        self.demo_accounts.addItem(tr("Choose a demo account…"))
        for account in accounts:
            role = tr(ROLE_NAMES.get(account.role, account.role))
            self.demo_accounts.addItem(f"{account.display_name} — {role} ({account.username})")
        self.demo_accounts.setEnabled(True)

    def _demo_accounts_failed(self, exc: Exception) -> None:
        self.demo_accounts.clear()
        self.demo_accounts.addItem(tr("Demo accounts unavailable"))

    def _use_demo_account(self, index: int) -> None:
        if 1 <= index <= len(self._accounts):
            account = self._accounts[index - 1]
            self.username.setText(account.username)
            self.password.setText(account.password)
            self.sign_in_button.setFocus()
