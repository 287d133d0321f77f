"""The message and transaction-pattern commands of ``python -m backend`` (issue 21)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backend.db import Database


def add_commands(sub: Any, command: Callable[[str], Callable[[Any], Any]]) -> None:
    """Add this package's sub-commands to the CLI's parser and registry."""
    imp = sub.add_parser("import-messages", help="import transaction messages and listing comments from "
                                                 "JSON lines, all or nothing (screened as they are stored)")
    imp.add_argument("file")
    command("import-messages")(_import_messages)
    detect = sub.add_parser("detect-messages", help="score JSON-lines messages {id, text}, one verdict line each "
                                                    "{id, flagged, policy, score, reasons}")
    detect.add_argument("file", nargs="?", default="-", help="JSON-lines file, or - for stdin (default)")
    command("detect-messages")(_detect_messages)


def _import_messages(args: argparse.Namespace, db: Database) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from backend.messages.importer import import_messages

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    on_message = _screener()
    flagged = 0
    try:
        with db.transaction() as session, path.open(encoding="utf-8") as handle:
            def screen(s: Any, message: Any) -> None:
                nonlocal flagged
                if on_message is not None and on_message(s, message).flagged:
                    flagged += 1

            report = import_messages(session, handle, on_message=screen)
            if report.errors:
                session.rollback()
    except UnicodeDecodeError as exc:
        print(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); nothing imported", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        logging.getLogger("anzen.cli").debug("import failed", exc_info=True)
        reason = str(getattr(exc, "orig", None) or type(exc).__name__).splitlines()[0][:300]
        print(f"{path}: the database refused the import ({reason}); nothing imported", file=sys.stderr)
        return 1
    if report.errors:
        for line, message in report.errors:
            print(f"{path}:{f'line {line}' if line else 'file'}: {message}", file=sys.stderr)
        print(f"nothing imported: {len(report.errors)} problem(s) found", file=sys.stderr)
        return 1
    print(f"imported {report.imported} messages, {flagged} flagged")
    return 0


def _screener() -> Callable[[Any, Any], Any] | None:
    try:
        from backend.messages.screening import screen_message
    except ImportError:
        return None
    return screen_message


def _detect_messages(args: argparse.Namespace, _db: Database) -> int:
    """JSON lines in, one verdict line out per input, in batches; bad lines are reported on stderr (exit 1)."""
    from backend.detection.messages.batch import detect_stream
    from backend.messages.screening import detector

    if args.file == "-":
        stats = detect_stream(sys.stdin, sys.stdout, detector())
    else:
        path = Path(args.file)
        if not path.is_file():
            print(f"error: no such file: {path}", file=sys.stderr)
            return 2
        with path.open(encoding="utf-8") as handle:
            stats = detect_stream(handle, sys.stdout, detector())
    sys.stdout.flush()
    print(f"scored {stats.scored}, flagged {stats.flagged}, bad lines {stats.errors}", file=sys.stderr)
    return 1 if stats.errors else 0
