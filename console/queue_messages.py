"""Words for the queue's refusals, on the one message path.

The service's own message for a claim conflict already names the holder and
says what to do ("Ren is working on this item …; ask them or a supervisor to
hand it over"), so it is shown as it is rather than behind the generic
"someone else changed this first" of :func:`console.messages.describe`.
"""

from __future__ import annotations

from console import messages
from console.client import ApiError
from console.i18n import QT_TR_NOOP, tr

#: Service error code -> what the agent can do about it.
HINTS = {
    "claimed_by_other": QT_TR_NOOP("Pick another item (Next: Ctrl+N)."),
    "not_clocked_in": QT_TR_NOOP("Clock in first (Ctrl+Shift+I)."),
    "shift_ended": QT_TR_NOOP("Clock out (Ctrl+Shift+O) and clock in to the current shift."),
    "already_clocked_in": "",
    "not_claimed": QT_TR_NOOP("Claim it first (Ctrl+Shift+C)."),
    "closed": QT_TR_NOOP("Refresh the queue (F5); it has been dealt with."),
    "stale": QT_TR_NOOP("The inquiry was reloaded with the newest messages; check them, then send again — your draft is kept."),
    "no_shift": QT_TR_NOOP("Ask a supervisor to check the shift times."),
}


def report(exc: BaseException, doing: str) -> None:
    """Post ``exc``: queue refusals with the service's own words, the rest as usual."""
    if isinstance(exc, ApiError) and exc.code in HINTS:
        messages.bus.post(messages.Message(messages.Level.WARNING, messages.service_words(exc), tr(HINTS[exc.code]) if HINTS[exc.code] else ""))
        return
    messages.report(exc, doing)
