"""Custom item-data roles, declared once (as napari does) so views, delegates
and tests agree on the numbers."""

from console.qt import Qt

#: The server id of the row's record (int), for detail panes and actions.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The record's raw ``status`` value (str), for the status delegate.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
