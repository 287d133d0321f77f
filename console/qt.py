"""The one place the console and widgets import Qt from.

Everything Qt goes through this module (as qutebrowser does with
``qutebrowser/qt/``) so that switching binding or version touches one file.
Import names, not modules: ``from console.qt import QWidget, Signal``.
"""

from PySide6.QtCore import *  # noqa: F401,F403
from PySide6.QtGui import *  # noqa: F401,F403
from PySide6.QtSvg import QSvgRenderer  # noqa: F401
from PySide6.QtWidgets import *  # noqa: F401,F403
from shiboken6 import isValid as is_alive  # noqa: F401

QT_BINDING = "PySide6"
