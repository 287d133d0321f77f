"""``export-evidence REQUEST_ID --out FILE.zip`` and ``verify-evidence FILE.zip``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backend.db import Database


def add_commands(sub: Any, command: Callable[[str], Callable[[Any], Any]]) -> None:
    export = sub.add_parser("export-evidence", help="write the evidence package of an approved authority request")
    export.add_argument("request_id", type=int)
    export.add_argument("--out", required=True, help="the ZIP file to write")
    export.add_argument("--as", dest="actor", default="cli", help="who exports it, as the audit log names them")
    verify = sub.add_parser("verify-evidence", help="check an evidence package against its manifest (exit 0 or 1)")
    verify.add_argument("file")
    command("export-evidence")(_export)
    command("verify-evidence")(_verify)


def _export(args: argparse.Namespace, db: Database) -> int:
    from sqlalchemy import select

    from backend.authority import evidence
    from backend.errors import ServiceError
    from backend.staff.models import Staff

    try:
        with db.transaction() as session:
            staff_id = session.scalar(select(Staff.id).where(Staff.username == args.actor))
            built = evidence.export(session, request_id=args.request_id, actor_id=staff_id,
                                    actor_label=args.actor if staff_id else f"cli:{args.actor}")
    except ServiceError as exc:
        print(f"export-evidence: {exc.message}", file=sys.stderr)
        return 1
    Path(args.out).write_bytes(built.data)
    print(f"wrote {args.out} ({len(built.data)} bytes), sha256 {built.sha256}")
    return 0


def _verify(args: argparse.Namespace, _db: Database) -> int:
    from backend.authority import evidence

    path = Path(args.file)
    if not path.is_file():
        print(f"verify-evidence: no such file {path}", file=sys.stderr)
        return 1
    verdict = evidence.verify(path)
    if verdict.ok:
        print(f"OK: every file matches the manifest; package sha256 {verdict.sha256} "
              "(compare with the export's audit event)")
        return 0
    print(f"FAILED: {verdict.problem}")
    return 1
