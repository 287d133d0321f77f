"""Light and dark look, following the desktop's colour scheme.

The scheme comes from ``QStyleHints.colorScheme()`` (and its change signal)
unless the user forces one in :data:`console.settings.Options.THEME`. Icons
are monochrome SVGs drawn in the palette's text colour, so they are re-tinted
when the scheme changes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from console.qt import (
    QApplication,
    QByteArray,
    QColor,
    QIcon,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QSvgRenderer,
    Qt,
)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICON_DIR = RESOURCES / "icons"
THEMES = ("system", "light", "dark")


def effective_scheme(choice: str) -> str:
    """``"light"`` or ``"dark"``: the user's choice, else the desktop's."""
    if choice in ("light", "dark"):
        return choice
    hints = QApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, choice: str = "system") -> str:
    """Apply the palette and stylesheet for ``choice``; returns the scheme used."""
    hints = app.styleHints()
    if choice == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
    elif choice == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
    else:
        hints.unsetColorScheme()
    scheme = effective_scheme(choice)
    # Not every platform theme recolours the palette when the scheme is forced
    # (or at all), so set it ourselves: icons are tinted from it.
    app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
    app.setStyleSheet((RESOURCES / f"{scheme}.qss").read_text(encoding="utf-8"))
    return scheme


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in ((role.Window, "#17191c"), (role.WindowText, "#e4e7eb"), (role.Base, "#1c1f23"),
                         (role.AlternateBase, "#202428"), (role.Text, "#e4e7eb"), (role.Button, "#262a2f"),
                         (role.ButtonText, "#e4e7eb"), (role.ToolTipBase, "#262a2f"), (role.ToolTipText, "#e4e7eb"),
                         (role.Highlight, "#b3263f"), (role.HighlightedText, "#ffffff"),
                         (role.PlaceholderText, "#7b8794"), (role.Link, "#ff8fa3")):
        palette.setColor(name, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#616e7c"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#616e7c"))
    return palette


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in the current text colour."""
    colour = QApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _tinted_icon(name, colour)


@lru_cache(maxsize=128)
def _tinted_icon(name: str, colour: str) -> QIcon:
    svg = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in (16, 24, 32, 48):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(0, 0, 0, 0))
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result


def app_icon() -> QIcon:
    return QIcon(str(ICON_DIR / "app.svg"))
