"""The one place the console and widgets import Qt from.

Everything Qt goes through this module (as qutebrowser does with
``qutebrowser/qt/``) so that switching binding or version touches one file.
Import names, not modules: ``from console.qt import QWidget, Signal``.

The names are listed rather than star-imported: ``from PySide6.QtWidgets
import *`` materialises every lazily loaded class of the binding, which cost
about 0.3 s of CPU at every start. A name the console starts using is added
here.
"""

from PySide6.QtCore import (  # noqa: F401
    QAbstractItemModel, QAbstractTableModel, QByteArray, QCoreApplication, QElapsedTimer, QEvent, QEventLoop,
    QItemSelectionModel, QLibraryInfo, QLocale, QModelIndex, QObject, QPersistentModelIndex, QRectF, QRunnable, QSettings,
    QSize, QThreadPool, QTimer, QTranslator, Qt, Signal, SignalInstance,
)
from PySide6.QtGui import (  # noqa: F401
    QAction, QActionGroup, QCloseEvent, QColor, QFont, QFontDatabase, QFontMetrics, QIcon, QImage, QKeySequence, QPaintEvent, QPainter,
    QPainterPath, QPalette, QPen, QPixmap, QTextCharFormat, QTextCursor,
)
from PySide6.QtSvg import QSvgRenderer  # noqa: F401
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemView, QApplication, QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
    QDockWidget, QDoubleSpinBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMenu, QMenuBar, QMessageBox,
    QPlainTextEdit, QProgressBar, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpinBox, QSplitter,
    QStackedWidget, QStyle, QStyleOptionViewItem, QStyledItemDelegate, QTabWidget, QTableView, QTextBrowser,
    QTextEdit, QToolBar, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)
from shiboken6 import isValid as is_alive  # noqa: F401

QT_BINDING = "PySide6"
