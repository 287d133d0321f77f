"""A read-only record view: a heading, a few label/value fields and an
optional block of long text. Detail panes fill it; it knows nothing of where
records come from."""

from __future__ import annotations

from collections.abc import Sequence

from console.i18n import tr
from console.qt import (
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Qt,
)


class DetailView(QScrollArea):
    """Shows one record; :meth:`show_record` replaces what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        body.setObjectName("DetailBody")
        self._heading = QLabel(body)
        self._heading.setObjectName("DetailHeading")
        self._heading.setWordWrap(True)
        self._heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._subheading = QLabel(body)
        self._subheading.setObjectName("DetailSubheading")
        self._subheading.setWordWrap(True)
        self._form = QFormLayout()
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._long_text = QPlainTextEdit(body)
        self._long_text.setObjectName("DetailLongText")
        self._long_text.setReadOnly(True)
        self._long_text.hide()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self._heading)
        layout.addWidget(self._subheading)
        layout.addSpacing(6)
        layout.addLayout(self._form)
        layout.addWidget(self._long_text, 1)
        layout.addStretch(0)
        self.setWidget(body)
        self.show_placeholder(tr("Select a row to see its details."))

    @property
    def heading(self) -> str:
        return self._heading.text()

    def field_text(self, label: str) -> str | None:
        """The value shown for ``label`` (tests and accessibility use it)."""
        for row in range(self._form.rowCount()):
            label_item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = self._form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item and field_item and label_item.widget().text() == label:
                return field_item.widget().text()
        return None

    def show_placeholder(self, text: str) -> None:
        """An empty state: say why there is nothing to show."""
        self._clear()
        self._heading.setText("")
        self._subheading.setText(text)

    def show_record(self, heading: str, fields: Sequence[tuple[str, str]], *,
                    subheading: str = "", long_text: str = "") -> None:
        self._clear()
        self._heading.setText(heading)
        self._subheading.setText(subheading)
        for label, value in fields:
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(label, value_label)
        self._long_text.setPlainText(long_text)
        self._long_text.setVisible(bool(long_text))

    def _clear(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._long_text.clear()
        self._long_text.hide()
