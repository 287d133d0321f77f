"""The small dialogs of the authority and rights windows. Each has a classmethod ``ask`` that tests patch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from console.qt import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

LEGAL_BASES = ("investigation_inquiry", "court_order", "search_warrant", "regulator_request", "other")


def _ids(text: str) -> list[int]:
    """"12, 13 14" -> [12, 13, 14]; anything that is not a number is refused."""
    parts = text.replace(",", " ").split()
    return [int(p) for p in parts]


class RegisterDialog(QDialog):
    """Register an authority request: agency, officer, reference, legal basis, scope, due date, note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register Authority Request"))
        self.agency = QLineEdit(self)
        self.officer = QLineEdit(self)
        self.contact = QLineEdit(self)
        self.reference = QLineEdit(self)
        self.basis = QComboBox(self)
        names = {"investigation_inquiry": self.tr("Investigation inquiry (CCP art. 197(2))"),
                 "court_order": self.tr("Court order"), "search_warrant": self.tr("Search warrant"),
                 "regulator_request": self.tr("Regulator request"), "other": self.tr("Other")}
        for basis in LEGAL_BASES:
            self.basis.addItem(names[basis], basis)
        self.members = QLineEdit(self)
        self.listings = QLineEdit(self)
        self.transactions = QLineEdit(self)
        for edit in (self.members, self.listings, self.transactions):
            edit.setPlaceholderText(self.tr("ids, separated by commas"))
        self.due_days = QSpinBox(self)
        self.due_days.setRange(1, 365)
        self.due_days.setValue(14)
        self.due_days.setSuffix(self.tr(" days"))
        self.note = QPlainTextEdit(self)
        self.error = QLabel(self)
        self.error.setObjectName("DialogError")
        form = QFormLayout()
        form.addRow(self.tr("&Agency:"), self.agency)
        form.addRow(self.tr("&Officer:"), self.officer)
        form.addRow(self.tr("&Contact:"), self.contact)
        form.addRow(self.tr("&Reference:"), self.reference)
        form.addRow(self.tr("&Legal basis:"), self.basis)
        form.addRow(self.tr("&Members:"), self.members)
        form.addRow(self.tr("L&istings:"), self.listings)
        form.addRow(self.tr("&Transactions:"), self.transactions)
        form.addRow(self.tr("&Due in:"), self.due_days)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.body: dict[str, Any] | None = None

    def _accept(self) -> None:
        try:
            scope = {"member_ids": _ids(self.members.text()), "listing_ids": _ids(self.listings.text()),
                     "transaction_ids": _ids(self.transactions.text())}
        except ValueError:
            self.error.setText(self.tr("Scope ids must be numbers separated by commas."))
            return
        if not self.agency.text().strip() or not self.reference.text().strip():
            self.error.setText(self.tr("Agency and reference are required."))
            return
        if not any(scope.values()):
            self.error.setText(self.tr("Name at least one member, listing or transaction."))
            return
        due = datetime.now(UTC) + timedelta(days=self.due_days.value())
        self.body = {"agency": self.agency.text().strip(), "officer": self.officer.text().strip() or None,
                     "contact": self.contact.text().strip() or None, "reference": self.reference.text().strip(),
                     "legal_basis": self.basis.currentData(), "scope": scope, "due_at": due.isoformat(),
                     "note": self.note.toPlainText().strip() or None}
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> dict[str, Any] | None:
        dialog = cls(parent)
        try:
            return dialog.body if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ReasonDialog(QDialog):
    """A reason (required unless ``optional``), e.g. for approving or declining a request."""

    def __init__(self, title: str, prompt: str, *, optional: bool = False, choices: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.optional = optional
        self.choice = QComboBox(self)
        for value, label in (choices or {}).items():
            self.choice.addItem(label, value)
        self.choice.setVisible(bool(choices))
        self.text = QPlainTextEdit(self)
        self.error = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.optional and not self.text.toPlainText().strip():
            self.error.setText(self.tr("Say why."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, *, optional: bool = False,
            choices: dict[str, str] | None = None) -> tuple[str, str] | None:
        """(choice, reason), or None when cancelled."""
        dialog = cls(title, prompt, optional=optional, choices=choices, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return str(dialog.choice.currentData() or ""), dialog.text.toPlainText().strip()
        finally:
            dialog.deleteLater()


class YearDialog(QDialog):
    """The calendar year a transparency report covers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transparency Report"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(datetime.now(UTC).year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Year:"), self.year)
        layout.addRow(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> int | None:
        dialog = cls(parent)
        try:
            return dialog.year.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def ask_save_path(parent: QWidget | None, caption: str, name: str, file_filter: str) -> str | None:
    """Where to save a download (tests patch this)."""
    path, _selected = QFileDialog.getSaveFileName(parent, caption, name, file_filter)
    return path or None
