"""Draws a countdown cell (SLA due, a claim's lease) as text on a tinted
pill: red when overdue, amber when at risk, blue for the caller's own claim,
grey for a colleague's. The colours are translucent so they read on light and
dark themes alike."""

from __future__ import annotations

from console.qt import (
    QColor,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)
from widgets.roles import URGENCY_ROLE

URGENCY_COLOURS: dict[str, QColor] = {
    "breached": QColor(218, 54, 51, 85),
    "at_risk": QColor(210, 153, 34, 90),
    "ok": QColor(46, 160, 67, 45),
    "mine": QColor(56, 132, 244, 80),
    "other": QColor(128, 128, 128, 60),
}


class CountdownDelegate(QStyledItemDelegate):
    """Paints :data:`URGENCY_ROLE` as a pill behind the cell's text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        urgency = index.data(URGENCY_ROLE) or ""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = opt.fontMetrics
        rect = opt.rect.adjusted(4, 0, -4, 0)
        height = metrics.height() + 4
        rect.setWidth(min(metrics.horizontalAdvance(text) + 16, rect.width()))
        rect.setTop(opt.rect.center().y() - height // 2)
        rect.setHeight(height)
        colour = URGENCY_COLOURS.get(urgency)
        if colour is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, height / 2, height / 2)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 12)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()
