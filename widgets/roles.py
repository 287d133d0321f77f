"""Custom item-data roles, declared once (as napari does) so views, delegates
and tests agree on the numbers."""

from console.qt import Qt

#: The server id of the row's record (int), for detail panes and actions.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The record's raw ``status`` value (str), for the status delegate.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
#: The whole row record (dict), for views that act on more than the id (the queue).
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3
#: Seconds left on a countdown cell (int, negative when overdue; None: no countdown).
COUNTDOWN_ROLE = Qt.ItemDataRole.UserRole + 4
#: How urgent a countdown cell is: "breached", "at_risk", "ok", "mine", "other" or "".
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 5
