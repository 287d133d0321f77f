"""Words for the queue's refusals, on the one message path.

The service's own message for a claim conflict already names the holder and
says what to do ("Ren is working on this item …; ask them or a supervisor to
hand it over"), so it is shown as it is rather than behind the generic
"someone else changed this first" of :func:`console.messages.describe`.
"""

from __future__ import annotations

from console import messages
from console.client import ApiError

#: Service error code -> what the agent can do about it.
HINTS = {
    "claimed_by_other": "Pick another item (Next: Ctrl+N).",
    "not_clocked_in": "Clock in first (Ctrl+Shift+I).",
    "shift_ended": "Clock out (Ctrl+Shift+O) and clock in to the current shift.",
    "already_clocked_in": "",
    "not_claimed": "Claim it first (Ctrl+Shift+C).",
    "closed": "Refresh the queue (F5); it has been dealt with.",
    "stale": "The inquiry was reloaded with the newest messages; check them, then send again — your draft is kept.",
    "no_shift": "Ask a supervisor to check the shift times.",
}


def report(exc: BaseException, doing: str) -> None:
    """Post ``exc``: queue refusals with the service's own words, the rest as usual."""
    if isinstance(exc, ApiError) and exc.code in HINTS:
        messages.bus.post(messages.Message(messages.Level.WARNING, exc.message, HINTS[exc.code]))
        return
    messages.report(exc, doing)
