"""The keyboard shortcut list (``?``), built from the action registry so it
can never disagree with the menus."""

from __future__ import annotations

from console.actions import ActionRegistry
from console.i18n import tr
from console.qt import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


class ShortcutHelp(QDialog):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutHelp")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(460, 440)
        intro = QLabel(tr("Every command and its key. Change keys in the settings file "
                       "(options/shortcuts, e.g. {\"list.refresh\": \"Ctrl+R\"})."), self)
        intro.setWordWrap(True)
        intro.setObjectName("ScreenHint")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Command"), tr("Shortcut")])
        self.tree.setRootIsDecorated(True)
        menus: dict[str, QTreeWidgetItem] = {}
        for menu, command, shortcut in registry.shortcut_rows():
            if menu not in menus:
                menus[menu] = QTreeWidgetItem(self.tree, [menu, ""])
                menus[menu].setFirstColumnSpanned(True)
            QTreeWidgetItem(menus[menu], [command, shortcut or "—"])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    @classmethod
    def show_for(cls, registry: ActionRegistry, parent: QWidget) -> ShortcutHelp:
        """Show the (non-modal) list, reusing an open one."""
        dialog = parent.findChild(cls)
        if dialog is None:
            dialog = cls(registry, parent)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
