"""What the user sees before signing in: the service starting (with seeding
progress on a first run) and, if that fails, a clear reason and a choice."""

from __future__ import annotations

from console.i18n import tr
from console.qt import (
    QLabel,
    QMessageBox,
    QProgressBar,
    Qt,
    QVBoxLayout,
    QWidget,
)
from console.theme import app_icon


class StartupWindow(QWidget):
    """A small window with a progress bar while the service comes up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StartupWindow")
        self.setWindowTitle(tr("Starting Anzen"))
        self.setWindowIcon(app_icon())
        self.setFixedWidth(420)
        title = QLabel(tr("Anzen"), self)
        title.setObjectName("StartupTitle")
        self.status = QLabel(tr("Starting the service…"), self)
        self.status.setObjectName("StartupStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)

    def set_status(self, text: str) -> None:
        """Indeterminate progress with a message (waiting, signing in)."""
        self.status.setText(text)
        self.progress.setRange(0, 0)

    def set_progress(self, percent: int, text: str) -> None:
        self.status.setText(tr("Preparing demo data: {text}").format(text=text) if percent < 100 else tr("Starting the service…"))
        self.progress.setRange(0, 100)
        self.progress.setValue(percent)


class StartupError:
    """The one dialog that reports a service that will not start or answer."""

    @classmethod
    def ask_retry(cls, text: str, details: str = "", parent: QWidget | None = None) -> bool:
        """Show what went wrong; ``True`` when the user wants to try again."""
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Anzen could not start"), text,
                          QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close, parent)
        box.setInformativeText(tr("Try again, or close Anzen. If this keeps happening, "
                               "send the details to your IT contact."))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if details:
            box.setDetailedText(details)
        try:
            return box.exec() == QMessageBox.StandardButton.Retry
        finally:
            box.deleteLater()
