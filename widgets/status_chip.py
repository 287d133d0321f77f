"""A status-bar label with a coloured dot: the network state is always
visible (green online, amber connecting, red offline)."""

from __future__ import annotations

from console.i18n import tr
from console.qt import QHBoxLayout, QLabel, QWidget

DOT_STATES = ("online", "connecting", "offline")


class StatusChip(QWidget):
    """Dot + text; the dot colour comes from the stylesheet via ``state``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusChip")
        self._dot = QLabel(self)
        self._dot.setObjectName("StatusDot")
        self._dot.setFixedSize(10, 10)
        self._text = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self._dot)
        layout.addWidget(self._text)
        self.set_state("connecting", tr("Connecting…"))

    @property
    def state(self) -> str:
        return str(self._dot.property("state"))

    @property
    def text(self) -> str:
        return self._text.text()

    def set_state(self, state: str, text: str) -> None:
        if state not in DOT_STATES:
            raise ValueError(f"unknown state {state!r}")
        self._text.setText(text)
        self.setToolTip(text)
        if self._dot.property("state") != state:
            self._dot.setProperty("state", state)
            self._dot.style().unpolish(self._dot)
            self._dot.style().polish(self._dot)
