"""The one error path (qutebrowser's ``utils/message.py`` idea).

Code that fails calls :func:`report` (or :func:`error`/:func:`info`); the bus
logs the message and emits it; one place in the main window shows it. A lost
connection is not shown as a message: it is announced on
:attr:`MessageBus.unreachable` so the connection monitor can check at once and
the banner can say so. An ended session is announced on
:attr:`MessageBus.session_expired`: the main window asks for the password
again and keeps everything as it is.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from console.client import ApiError, ServiceUnreachable
from console import i18n
from console.i18n import tr
from console.qt import QObject, Signal
from widgets import wording

log = logging.getLogger("anzen.console")


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    """What happened (``text``) and what to do about it (``hint``)."""

    level: Level
    text: str
    hint: str = ""


class MessageBus(QObject):
    posted = Signal(object)  # Message
    #: A request could not reach the service at all.
    unreachable = Signal()
    #: The service no longer accepts the sign-in (idle timeout, maximum session
    #: age, signed out elsewhere): the main window asks for the password again.
    session_expired = Signal()

    def post(self, message: Message) -> None:
        log_level = {Level.INFO: logging.INFO, Level.WARNING: logging.WARNING,
                     Level.ERROR: logging.ERROR}[message.level]
        log.log(log_level, "%s %s", message.text, message.hint)
        self.posted.emit(message)


bus = MessageBus()


def info(text: str) -> None:
    bus.post(Message(Level.INFO, text))


def error(text: str, hint: str = "") -> None:
    bus.post(Message(Level.ERROR, text, hint))


def report(exc: BaseException, doing: str) -> None:
    """Say clearly that ``doing`` failed and what to do, whatever ``exc`` is."""
    if isinstance(exc, ServiceUnreachable):
        log.warning("service unreachable while %s: %s", doing, exc)
        bus.unreachable.emit()
        return
    if isinstance(exc, ApiError) and exc.status == 401:
        log.info("session ended while %s: %s", doing, exc)
        bus.session_expired.emit()
        return
    bus.post(describe(exc, doing))


def service_words(exc: ApiError) -> str:
    """What the service said, in the console's words: the error code worded by
    :mod:`widgets.wording` (and the field it names). The service's own message
    is English: shown as it is when the console runs in English, and always logged."""
    log.info("service error %s %s: %s", exc.status, exc.code, exc.message)
    text = wording.error_text(exc.code)
    if i18n.current_language() == "en" and exc.message:
        return exc.message
    if not text:
        text = tr("The service answered {status} ({code}).").format(status=exc.status, code=exc.code)
    field = wording.field_label(exc.field)
    if field and exc.code in GENERIC_CODES:
        text += tr(" (field: {field})").format(field=field)
    return text


#: Codes the service uses for many causes: their own message says which (in English).
GENERIC_CODES = frozenset({"bad_request", "invalid", "conflict", "not_found", "forbidden"})


def describe(exc: BaseException, doing: str) -> Message:
    """Turn a failure into words a support agent can act on."""
    if isinstance(exc, ServiceUnreachable):
        return Message(Level.WARNING, tr("Could not reach the service while {doing}.").format(doing=doing),
                       tr("The console keeps retrying in the background; nothing you typed is lost."))
    if isinstance(exc, ApiError):
        if exc.status == 401:
            return Message(Level.ERROR, tr("Your sign-in is no longer valid."),
                           tr("Sign out (Ctrl+Shift+L) and sign in again."))
        if exc.status == 403:
            return Message(Level.ERROR, tr("Your role may not do this: {message}").format(message=service_words(exc)),
                           tr("Ask a supervisor if you need it done."))
        if exc.status == 404:
            return Message(Level.WARNING, tr("Not found while {doing}: {message}").format(doing=doing, message=service_words(exc)),
                           tr("It may have been removed; refresh the list (F5)."))
        if exc.status == 409:
            return Message(Level.WARNING, tr("Someone else changed this first: {message}").format(message=service_words(exc)),
                           tr("Refresh (F5) to see the latest, then try again."))
        if 400 <= exc.status < 500:
            return Message(Level.ERROR, tr("The service refused {doing}: {message}").format(doing=doing, message=service_words(exc)),
                           tr("Correct the input and try again."))
        return Message(Level.ERROR, tr("The service failed while {doing} ({status}).").format(doing=doing, status=exc.status),
                       tr("Try again in a moment; if it keeps failing, tell your supervisor."))
    return Message(Level.ERROR, tr("Unexpected problem while {doing}: {exc}").format(doing=doing, exc=exc),
                   tr("Try again; if it keeps happening, tell your supervisor."))
