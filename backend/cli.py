"""``python -m backend [--database-url URL] COMMAND``: run and administer the service."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from backend.config import LAUNCH_SECRET_ENV, resolve_database_url
from backend.db import Database

Command = Callable[[argparse.Namespace, Database], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(func: Command) -> Command:
        COMMANDS[name] = func
        return func

    return register


def progress_line(percent: int, message: str) -> None:
    """The console reads these lines from the bundled service's stdout."""
    print(f"anzen-progress {percent} {message}", flush=True)


def _database(args: argparse.Namespace) -> Database:
    from backend import schema

    db = Database(resolve_database_url(args.database_url))
    schema.upgrade(db)
    return db


@command("init")
def _init(args: argparse.Namespace, db: Database) -> int:
    print(f"schema is current at {db.url}")
    return 0


@command("serve")
def _serve(args: argparse.Namespace, db: Database) -> int:
    import uvicorn

    from backend.app import create_app

    demo = args.demo
    if args.seed_demo_if_empty:
        from backend.seed import is_empty, seed_demo

        demo = True
        if is_empty(db):
            seed_demo(db, seed=args.seed, progress=progress_line)
        progress_line(100, "ready")
    app = create_app(db, demo=demo, launch_secret=os.environ.get(LAUNCH_SECRET_ENV) or None)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False)
    return 0


@command("seed")
def _seed(args: argparse.Namespace, db: Database) -> int:
    from backend.seed import seed as run_seed
    from backend.staff.demo import DEMO_ACCOUNTS

    summary = run_seed(db, scale=args.scale, seed=args.seed, progress=lambda p, m: print(f"[{p:3d}%] {m}", flush=True))
    for name, count in summary.items():
        print(f"{name}: {count}")
    print("demo staff accounts (username / password / role):")
    for account in DEMO_ACCOUNTS:
        print(f"  {account.username} / {account.password} / {account.role}")
    return 0


@command("create-staff")
def _create_staff(args: argparse.Namespace, db: Database) -> int:
    from backend.errors import ServiceError
    from backend.staff import service

    password = args.password or os.environ.get("ANZEN_STAFF_PASSWORD") or getpass.getpass("password: ")
    try:
        with db.transaction() as session:
            staff = service.create_staff(session, username=args.username, password=password, role=args.role,
                                         display_name=args.display_name)
            print(f"created staff {staff.username} ({staff.role}) with id {staff.id}")
    except ServiceError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    return 0


@command("import-listings")
def _import_listings(args: argparse.Namespace, db: Database) -> int:
    from backend.listings.importer import import_listings

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    with db.transaction() as session, path.open(encoding="utf-8") as handle:
        report = import_listings(session, handle)
        if report.errors:
            session.rollback()
    if report.errors:
        for line, message in report.errors:
            where = f"line {line}" if line else "file"
            print(f"{path}:{where}: {message}", file=sys.stderr)
        print(f"nothing imported: {len(report.errors)} problem(s) found", file=sys.stderr)
        return 1
    print(f"imported {report.imported} listings, created {report.members_created} members "
          f"and {report.transactions_created} transactions")
    return 0


@command("audit-verify")
def _audit_verify(args: argparse.Namespace, db: Database) -> int:
    from backend.audit.service import verify

    with db.session() as session:
        report = verify(session)
    if report.ok:
        print(f"audit chain intact: {report.checked} events verified")
        return 0
    print(f"audit chain BROKEN at event {report.broken_at}: {report.problem} "
          f"({report.checked} events before it verified)", file=sys.stderr)
    return 1


@command("reinstate-expired")
def _reinstate_expired(args: argparse.Namespace, db: Database) -> int:
    """Temporary takedowns end lazily; schedule this (e.g. every minute) on team deployments."""
    from backend.enforcement.service import reinstate_expired

    with db.transaction() as session:
        reinstated = reinstate_expired(session)
    print(f"reinstated {len(reinstated)} listing(s) whose temporary takedown ended")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m backend", description=__doc__)
    parser.add_argument("--database-url", help="SQLAlchemy URL; default $ANZEN_DATABASE_URL or the embedded SQLite file")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--demo", action="store_true", help="offer the demo accounts to the login dialog")
    serve.add_argument("--seed-demo-if-empty", action="store_true",
                       help="seed demo data first when the database is empty (implies --demo)")
    serve.add_argument("--seed", type=int, default=42)
    serve.add_argument("--log-level", default="warning")

    sub.add_parser("init", help="create or upgrade the schema")

    seed = sub.add_parser("seed", help="generate demo data")
    seed.add_argument("--scale", choices=("demo", "large"), default="demo")
    seed.add_argument("--seed", type=int, default=42)

    staff = sub.add_parser("create-staff", help="add a staff account")
    staff.add_argument("username")
    staff.add_argument("--role", required=True, choices=("agent", "moderator", "safety_officer", "supervisor"))
    staff.add_argument("--display-name")
    staff.add_argument("--password", help="default: $ANZEN_STAFF_PASSWORD, else asked")

    imp = sub.add_parser("import-listings", help="import listings from a JSON-lines file, all or nothing")
    imp.add_argument("file")

    sub.add_parser("audit-verify", help="check the audit log's hash chain")
    sub.add_parser("reinstate-expired", help="put back listings whose temporary takedown has ended")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    db = _database(args)
    try:
        return COMMANDS[args.command](args, db)
    finally:
        db.dispose()
