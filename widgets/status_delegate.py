"""Draws a record's status as a small coloured pill so a moderator can scan a
column of statuses at a glance."""

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
from widgets.roles import STATUS_ROLE

#: Status value -> tone. Unknown statuses are drawn neutral.
TONES: dict[str, str] = {
    "active": "good", "open": "warn", "new": "warn", "completed": "good",
    "resolved": "good", "actioned": "good", "sold": "neutral", "dismissed": "neutral",
    "waiting_on_member": "neutral", "paid": "neutral", "shipped": "neutral",
    "received": "neutral", "awaiting_payment": "neutral",
    "removed": "bad", "suspended": "bad", "restricted": "warn", "disputed": "bad",
    "cancelled": "neutral", "refunded": "neutral",
}
#: Tone -> pill colour; translucent so it reads on light and dark themes.
TONE_COLOURS: dict[str, QColor] = {
    "good": QColor(46, 160, 67, 70),
    "warn": QColor(210, 153, 34, 80),
    "bad": QColor(218, 54, 51, 80),
    "neutral": QColor(128, 128, 128, 55),
}


class PillDelegate(QStyledItemDelegate):
    """Paints the cell's text on a rounded pill whose colour a subclass picks
    from the index (no pill when it returns None)."""

    def pill_colour(self, index: QModelIndex | QPersistentModelIndex) -> QColor | None:
        raise NotImplementedError

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
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
        colour = self.pill_colour(index)
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


class StatusDelegate(PillDelegate):
    """Paints the cell's :data:`STATUS_ROLE` as a pill behind its text."""

    def pill_colour(self, index: QModelIndex | QPersistentModelIndex) -> QColor | None:
        return TONE_COLOURS[TONES.get(index.data(STATUS_ROLE) or "", "neutral")]
