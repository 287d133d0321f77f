"""A strip across the top of a window that says something important and,
optionally, offers one thing to do about it (retry, dismiss)."""

from __future__ import annotations

from console.i18n import tr
from console.qt import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget, Signal, Qt


class Banner(QFrame):
    """A message strip; ``kind`` (info, warning, error) picks its colours in the
    stylesheet through the ``kind`` property."""

    action_triggered = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, *, dismissable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.setProperty("kind", "info")
        self._text = QLabel(self)
        self._text.setObjectName("BannerText")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._action = QPushButton(self)
        self._action.setObjectName("BannerAction")
        self._action.clicked.connect(self.action_triggered)
        self._close = QPushButton(tr("Dismiss"), self)
        self._close.setObjectName("BannerDismiss")
        self._close.setFlat(True)
        self._close.setVisible(dismissable)
        self._close.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._action)
        layout.addWidget(self._close)
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text()

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_message(self, text: str, *, kind: str = "info", action: str = "") -> None:
        """Show ``text``; ``action`` labels the button (no button when empty)."""
        self._text.setText(text)
        self._action.setText(action)
        self._action.setVisible(bool(action))
        if self.property("kind") != kind:
            self.setProperty("kind", kind)
            self.style().unpolish(self)
            self.style().polish(self)
        self.show()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
