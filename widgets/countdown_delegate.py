"""Draws a countdown cell (SLA due, a claim's lease) as text on a tinted
pill: red when overdue, amber when at risk, blue for the caller's own claim,
grey for a colleague's. The colours are translucent so they read on light and
dark themes alike."""

from __future__ import annotations

from console.qt import QColor, QModelIndex, QPersistentModelIndex
from widgets.roles import URGENCY_ROLE
from widgets.status_delegate import PillDelegate

URGENCY_COLOURS: dict[str, QColor] = {
    "breached": QColor(218, 54, 51, 85),
    "at_risk": QColor(210, 153, 34, 90),
    "ok": QColor(46, 160, 67, 45),
    "mine": QColor(56, 132, 244, 80),
    "other": QColor(128, 128, 128, 60),
}


class CountdownDelegate(PillDelegate):
    """Paints :data:`URGENCY_ROLE` as a pill behind the cell's text."""

    def pill_colour(self, index: QModelIndex | QPersistentModelIndex) -> QColor | None:
        return URGENCY_COLOURS.get(index.data(URGENCY_ROLE) or "")
