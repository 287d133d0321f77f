"""A read-only text view that highlights character spans.

The detector's reasons carry ``spans``: ``[start, end)`` pairs of Python
string indexes (code points) into the text it read. Qt positions count UTF-16
units, so the view converts them; an emoji or a rare kanji outside the BMP
before a span would otherwise shift every highlight after it.

All spans get a soft marker; :meth:`emphasize` makes some of them (the
reason the user picked) stronger and scrolls the first into view. The colours
are translucent so they read on light and dark bases alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from console.qt import QColor, QFont, QPlainTextEdit, QTextCharFormat, QTextCursor, QTextEdit, QWidget

Span = tuple[int, int]

MARK = QColor(255, 184, 0, 95)
STRONG = QColor(255, 140, 0, 185)


def utf16_offsets(text: str) -> list[int]:
    """``offsets[i]`` is the UTF-16 position of code point ``i`` (one extra at the end)."""
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return offsets


def clean_spans(spans: Iterable[Sequence[int]], length: int) -> list[Span]:
    """Spans clipped to the text, empty and malformed ones dropped, sorted."""
    result = set()
    for span in spans:
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        start, end = max(0, start), min(length, end)
        if end > start:
            result.add((start, end))
    return sorted(result)


class HighlightText(QPlainTextEdit):
    """Plain text with highlighted spans; selectable, never editable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HighlightText")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._text = ""
        self._spans: list[Span] = []
        self._strong: list[Span] = []

    @property
    def spans(self) -> list[Span]:
        return list(self._spans)

    @property
    def emphasized(self) -> list[Span]:
        return list(self._strong)

    def set_text(self, text: str, spans: Iterable[Sequence[int]] = ()) -> None:
        """Show ``text`` with ``spans`` (code-point indexes) highlighted."""
        self._text = text
        self.setPlainText(text)
        self._spans = clean_spans(spans, len(text))
        self._strong = []
        self._apply()

    def emphasize(self, spans: Iterable[Sequence[int]]) -> None:
        """Make these spans stand out (they are highlighted too if they were not)."""
        self._strong = clean_spans(spans, len(self._text))
        self._spans = sorted(set(self._spans) | set(self._strong))
        self._apply()
        if self._strong:
            cursor = self.textCursor()
            cursor.setPosition(utf16_offsets(self._text)[self._strong[0][0]])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def highlighted_fragments(self) -> list[str]:
        """The highlighted pieces of text, in order (tests and screen readers)."""
        return [self._text[start:end] for start, end in self._spans]

    def _apply(self) -> None:
        offsets = utf16_offsets(self._text)
        selections = []
        strong = set(self._strong)
        for start, end in self._spans:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(STRONG if (start, end) in strong else MARK)
            if (start, end) in strong:
                fmt.setFontWeight(QFont.Weight.Bold)
            selection.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(offsets[start])
            cursor.setPosition(offsets[end], QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)
