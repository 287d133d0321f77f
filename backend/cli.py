"""``python -m backend [--database-url URL] COMMAND``: run and administer the service."""

from __future__ import annotations

import argparse
import gc
import getpass
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from backend.config import LAUNCH_SECRET_ENV, resolve_database_url
from backend.db import Database

if TYPE_CHECKING:
    from fastapi import FastAPI

    from backend.detection.detector import Detector

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
    if args.command != "restore":  # a restore needs the database empty; it upgrades afterwards
        schema.upgrade(db)
    return db


@command("init")
def _init(args: argparse.Namespace, db: Database) -> int:
    from backend import keys

    print(f"schema is current at {db.url}")
    path = keys.ensure_key_file()
    print(f"service key: {path} (keep it out of database backups)" if path else
          f"service key: from ${keys.KEY_ENV}")
    return 0


@command("serve")
def _serve(args: argparse.Namespace, db: Database) -> int:
    from backend.app import create_app, exact_paths, sign_in_router
    from backend.server import serve

    demo = args.demo
    if args.seed_demo_if_empty:
        from backend.seed import is_empty, seed_demo

        demo = True
        if is_empty(db):
            _start_up_done()  # seeding frees objects by the million
            # Anchored to this hour, so a first run's queue and rota look current.
            seed_demo(db, seed=args.seed, progress=progress_line, now=_this_hour())
        progress_line(100, "ready")
    if args.parent_pid:
        _exit_with_parent(args.parent_pid)
    from backend.jobs import scheduler

    scheduler.start(db)  # scheduled work, each due run once across every serve process (backend/jobs)
    secret = os.environ.get(LAUNCH_SECRET_ENV) or None
    routers = [sign_in_router()]
    sign_in = create_app(db, demo=demo, launch_secret=secret, routers=routers)

    def load_full() -> FastAPI:
        try:
            return create_app(db, demo=demo, launch_secret=secret)
        finally:
            _start_up_done()

    return 0 if serve(sign_in, exact_paths(routers), load_full,
                      host=args.host, port=args.port, log_level=args.log_level) else 1


def _start_up_done() -> None:
    """Resume garbage collection if ``python -m backend`` paused it for start-up.
    What exists by now lives as long as the process, so it is frozen out of
    later collections."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _exit_with_parent(pid: int) -> None:
    """The bundled service must not outlive a console that was killed hard."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass  # exists, owned by someone else

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _this_hour() -> datetime:
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


@command("seed")
def _seed(args: argparse.Namespace, db: Database) -> int:
    from backend.errors import ServiceError
    from backend.seed import seed as run_seed
    from backend.staff.demo import DEMO_ACCOUNTS

    anchor = args.anchor or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if anchor.tzinfo is None:
        anchor = anchor.replace(tzinfo=UTC)
    try:
        summary = run_seed(db, scale=args.scale, seed=args.seed, now=anchor,
                           progress=lambda p, m: print(f"[{p:3d}%] {m}", flush=True))
    except ServiceError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    for name, count in summary.items():
        print(f"{name}: {count}")
    print(f"data anchored at {anchor.isoformat()} (same --seed and --anchor give the same rows)")
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
    from backend.screening.service import ScreeningResult, screener

    from sqlalchemy.exc import SQLAlchemyError

    results: list[ScreeningResult] = []
    try:
        with db.transaction() as session, path.open(encoding="utf-8") as handle:
            screen = screener(session)
            report = import_listings(session, handle, on_listing=lambda s, listing: results.append(screen(s, listing)))
            if report.errors:
                session.rollback()
    except UnicodeDecodeError as exc:
        print(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); nothing imported", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        # One line, never the statement and its parameters (a 200k-line file's SQL filled the terminal).
        logging.getLogger("anzen.cli").debug("import failed", exc_info=True)
        reason = str(getattr(exc, "orig", None) or type(exc).__name__).splitlines()[0][:300]
        print(f"{path}: the database refused the import ({reason}); nothing imported", file=sys.stderr)
        return 1
    if report.errors:
        for line, message in report.errors:
            where = f"line {line}" if line else "file"
            print(f"{path}:{where}: {message}", file=sys.stderr)
        print(f"nothing imported: {len(report.errors)} problem(s) found", file=sys.stderr)
        return 1
    print(f"imported {report.imported} listings, created {report.members_created} members "
          f"and {report.transactions_created} transactions")
    print(f"screened {len(results)}: {sum(r.flag_created for r in results)} flagged, "
          f"{sum(r.suspended for r in results)} suspended pending review")
    return 0


@command("audit-verify")
def _audit_verify(args: argparse.Namespace, db: Database) -> int:
    from backend.audit.checkpoints import checkpoint_dir, verify_anchored

    with db.session() as session:
        report = verify_anchored(session)
    mark = report.checkpoint
    if report.ok:
        print(f"audit chain intact: {report.checked} events verified")
        print(f"matches the checkpoint of {mark.at_text} ({mark.count} events, head {mark.head_id})" if mark else
              f"no checkpoint of this chain yet in {checkpoint_dir()} (run audit-checkpoint)")
        return 0
    if report.broken_at is None:
        print(f"audit chain NOT TRUSTWORTHY: {report.problem}", file=sys.stderr)
    else:
        print(f"audit chain BROKEN at event {report.broken_at}: {report.problem} "
              f"({report.checked} events verified)", file=sys.stderr)
    return 1


@command("audit-checkpoint")
def _audit_checkpoint(args: argparse.Namespace, db: Database) -> int:
    from backend.audit.checkpoints import checkpoint_dir, write_checkpoint

    mark = write_checkpoint(db, reason=args.reason)
    assert mark is not None
    print(f"checkpoint written to {checkpoint_dir() / mark.chain_id}: {mark.count} events, "
          f"head {mark.head_id} ({mark.head[:16]}…), key {mark.key_id}")
    return 0


@command("escrow-verify")
def _escrow_verify(args: argparse.Namespace, db: Database) -> int:
    from backend.escrow.verify import problems

    with db.session() as session:
        found = list(problems(session))
    for problem in found[: args.show]:
        print(f"transaction {problem.transaction_id} ({problem.status}): {problem.message}", file=sys.stderr)
    if found:
        print(f"escrow ledgers BROKEN: {len(found)} transaction(s) fail the invariants", file=sys.stderr)
        return 1
    print("escrow ledgers consistent: held = paid - released - refunded >= 0 and matches every status")
    return 0


@command("reinstate-expired")
def _reinstate_expired(args: argparse.Namespace, db: Database) -> int:
    """Temporary takedowns end lazily; schedule this (e.g. every minute) on team deployments."""
    from backend.enforcement.service import reinstate_expired

    with db.transaction() as session:
        reinstated = reinstate_expired(session)
    print(f"reinstated {len(reinstated)} listing(s) whose temporary takedown ended")
    return 0


@command("import-recalls")
def _import_recalls(args: argparse.Namespace, db: Database) -> int:
    from backend.errors import ServiceError
    from backend.recalls import cpsc, csv_import, service

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    fmt = args.format or ("csv" if path.suffix.lower() == ".csv" else "cpsc_json")
    try:
        content = path.read_text(encoding="utf-8")
        records = csv_import.parse(content) if fmt == "csv" else cpsc.parse(content)
        with db.transaction() as session:
            report = service.import_recalls(session, records=records, actor_id=None, actor_label="cli")
    except (ServiceError, UnicodeDecodeError) as exc:
        print(f"{path}: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 1
    print(f"imported {len(report.created)} recall(s), skipped {len(report.skipped)} already registered")
    for number in report.created:
        print(f"  + {number}")
    return 0


@command("match-recall")
def _match_recall(args: argparse.Namespace, db: Database) -> int:
    import json

    from backend.errors import NotFound
    from backend.recalls import matcher, service, terms

    try:
        with db.transaction() as session:
            recall = service.recall_by_number(session, args.number)
            terms.index_new_listings(session)
            candidates = matcher.match(session, matcher.load_profile(session, recall))
            if args.save:
                service.run_matching(session, recall_id=recall.id, actor_id=None, actor_label="cli")
    except NotFound as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([c.as_json() for c in candidates], ensure_ascii=False, indent=1))
        return 0
    for c in candidates:
        print(f"{c.score:5.3f} {c.confidence.value:6} {c.listing_external_id:20} {c.title[:60]}")
        for item in c.evidence:
            print(f"        {item.text}")
    print(f"{len(candidates)} candidate(s) for recall {args.number}")
    return 0


@command("recall-index")
def _recall_index(args: argparse.Namespace, db: Database) -> int:
    from backend.recalls import service, terms

    with db.transaction() as session:
        step = terms.rebuild if args.rebuild else terms.index_new_listings
        done = step(session, progress=lambda n: print(f"indexed {n} listings", flush=True) if n % 100_000 == 0
                    else None)
        recalls = service.index_open_recalls(session) if args.rebuild else None
    print(f"recall term index up to date ({done} listings indexed"
          + (f", {recalls} open recalls)" if recalls is not None else ")"))
    return 0


def _read_detector(db: Database) -> tuple[Detector, str]:
    """The detector production screens with (active version and thresholds), without writing anything."""
    from backend.screening.active import active_detector

    with db.session() as session:
        active = active_detector(session, store_seed=False)
    label = f"detector version {active.version_id}" if active.version_id else "built-in seed model"
    return active.detector, label


@command("detect")
def _detect(args: argparse.Namespace, db: Database) -> int:
    """JSON lines in, one verdict line out per input; bad lines are reported on stderr (exit 1)."""
    from backend.detection.batch import detect_stream

    detector, label = _read_detector(db)
    print(f"scoring with the {label}", file=sys.stderr)
    if args.file == "-":
        stats = detect_stream(sys.stdin, sys.stdout, detector)
    else:
        path = Path(args.file)
        if not path.is_file():
            print(f"error: no such file: {path}", file=sys.stderr)
            return 2
        with path.open(encoding="utf-8") as handle:
            stats = detect_stream(handle, sys.stdout, detector)
    sys.stdout.flush()
    print(f"scored {stats.scored}, flagged {stats.flagged}, bad lines {stats.errors}", file=sys.stderr)
    return 1 if stats.errors else 0


@command("eval-detector")
def _eval_detector(args: argparse.Namespace, db: Database) -> int:
    import json

    from backend.detection.batch import evaluate_file

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    detector, label = _read_detector(db)
    with path.open(encoding="utf-8") as handle:
        report = evaluate_file(handle, detector)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(f"{label}, {path}")
        print(report.format_table())
    return 0


@command("train-detector")
def _train_detector(args: argparse.Namespace, db: Database) -> int:
    from backend.screening.training import train_version

    with db.transaction() as session:
        outcome = train_version(session, actor=None, note=args.note)
        version, metrics = outcome.version, outcome.version.metrics
    print(f"trained detector version {version.id} on {version.trained_on} examples "
          f"({metrics['decisions']} moderator decisions, {metrics['decisions_held_out']} of them held out)")
    new, current = (metrics[k]["overall"]["precision"] if metrics.get(k) else None for k in ("new", "current"))
    print("held-out precision: " + ("no held-out decisions" if new is None else f"new {new:.3f}"
                                    + (f", version {outcome.previous_version_id} {current:.3f}" if current else "")))
    if outcome.activated:
        print(f"activated version {version.id} (was {outcome.previous_version_id}): {'; '.join(metrics['activation'])}")
    else:
        print(f"NOT activated, version {outcome.previous_version_id} stays active: {'; '.join(metrics['activation'])}")
    return 0


@command("queue-rebuild")
def _queue_rebuild(args: argparse.Namespace, db: Database) -> int:
    from backend.queue.sources import rebuild

    with db.transaction() as session:
        touched = rebuild(session.connection())
    print(f"queue rebuilt: {touched} item(s) added or closed")
    return 0


@command("release-expired")
def _release_expired(args: argparse.Namespace, db: Database) -> int:
    from backend.queue.handover import release_expired

    with db.transaction() as session:
        result = release_expired(session)
    print(f"clocked out {result['attendances_closed']} staff whose shift ended; "
          f"returned {result['claims_released']} claim(s) to the queue")
    return 0


@command("backup")
def _backup(args: argparse.Namespace, db: Database) -> int:
    from backend.backup import BackupError, backup

    started = time.perf_counter()
    try:
        done = backup(db, Path(args.out))
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"backed up to {done.path} ({done.kind}, {done.bytes / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


@command("restore")
def _restore(args: argparse.Namespace, db: Database) -> int:
    """Into an empty database only; then upgrade, count and verify, so the operator sees nothing was lost."""
    from backend import schema
    from backend.audit.service import verify
    from backend.backup import BackupError, restore, row_counts
    from backend.escrow.verify import problems

    started = time.perf_counter()
    try:
        done = restore(db, Path(args.file))
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    schema.upgrade(db)
    print(f"restored {done.path} ({done.kind}) in {time.perf_counter() - started:.1f} s")
    for table, count in row_counts(db).items():
        print(f"  {table}: {count}")
    with db.session() as session:
        chain = verify(session)
        broken = list(problems(session))
    print(f"audit chain: {'intact' if chain.ok else 'BROKEN: ' + str(chain.problem)} ({chain.checked} events); "
          f"escrow ledgers: {'consistent' if not broken else f'{len(broken)} BROKEN'}")
    return 0 if chain.ok and not broken else 1


@command("jobs")
def _jobs(args: argparse.Namespace, db: Database) -> int:
    """The scheduled jobs' state; with --run, run those that are due now (as a serve process would)."""
    from backend.jobs import scheduler

    jobs = scheduler.default_jobs()
    if args.run:
        scheduler.ensure_rows(db, jobs)
        for name, result in scheduler.run_due(db, jobs).items():
            print(f"ran {name}: {result}")
    with db.session() as session:
        for row in scheduler.status(session):
            print(f"{row['name']:18} runs {row['runs']:6}  next {row['next_run_at']:%Y-%m-%d %H:%M:%S}  "
                  f"last by {row['last_runner'] or '-'}: {row['last_result'] or '-'}"
                  + (f"  ERROR {row['last_error']}" if row["last_error"] else ""))
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
    serve.add_argument("--parent-pid", type=int, help="exit when this process (the console) is gone")
    serve.add_argument("--log-level", default="warning")

    sub.add_parser("init", help="create or upgrade the schema")

    seed = sub.add_parser("seed", help="generate demo data")
    seed.add_argument("--scale", choices=("demo", "large"), default="demo")
    seed.add_argument("--seed", type=int, default=42)
    seed.add_argument("--anchor", type=datetime.fromisoformat,
                      help="the 'now' the data is generated around (ISO time; default: today 00:00 UTC)")

    staff = sub.add_parser("create-staff", help="add a staff account")
    staff.add_argument("username")
    staff.add_argument("--role", required=True, choices=("agent", "moderator", "safety_officer", "supervisor"))
    staff.add_argument("--display-name")
    staff.add_argument("--password", help="default: $ANZEN_STAFF_PASSWORD, else asked")

    imp = sub.add_parser("import-listings", help="import listings from a JSON-lines file, all or nothing")
    imp.add_argument("file")

    detect = sub.add_parser("detect", help="score JSON-lines listings, one verdict line each")
    detect.add_argument("file", nargs="?", default="-", help="JSON-lines file, or - for stdin (default)")
    evaluate = sub.add_parser("eval-detector", help="precision and recall on labelled JSON-lines listings")
    evaluate.add_argument("file")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    train = sub.add_parser("train-detector", help="train a detector version from moderators' decisions")
    train.add_argument("--note", help="why this version was trained (kept with the version)")

    sub.add_parser("audit-verify", help="check the audit log's keyed chain against its latest checkpoints")
    checkpoint = sub.add_parser("audit-checkpoint",
                                help="write a signed checkpoint of the audit chain outside the database")
    checkpoint.add_argument("--reason", choices=("manual", "evidence_export", "schedule"), default="manual")
    sub.add_parser("queue-rebuild", help="add open inquiries/flags missing from the work queue (after bulk loads)")
    sub.add_parser("release-expired", help="clock out staff whose shift ended and return their claims")
    escrow = sub.add_parser("escrow-verify", help="check every escrow ledger against its invariants")
    escrow.add_argument("--show", type=int, default=20, help="problems to list (default 20)")
    sub.add_parser("reinstate-expired", help="put back listings whose temporary takedown has ended")
    recalls_in = sub.add_parser("import-recalls", help="import recalls from CPSC recall-API JSON or CSV")
    recalls_in.add_argument("file")
    recalls_in.add_argument("--format", choices=("cpsc_json", "csv"), help="default: by file extension")
    match = sub.add_parser("match-recall", help="list a recall's candidate listings, best first")
    match.add_argument("number", help="the recall number, e.g. 24-123")
    match.add_argument("--json", action="store_true",
                       help="a JSON array of {listing_external_id, listing_id, score, confidence, evidence}")
    match.add_argument("--save", action="store_true", help="also store them as candidates for review")
    index = sub.add_parser("recall-index", help="index listings for recall matching (new ones, or --rebuild all)")
    index.add_argument("--rebuild", action="store_true")
    backup = sub.add_parser("backup", help="back the database up to one file (SQLite backup API; pg_dump custom format)")
    backup.add_argument("--out", required=True, help="the backup file to write (replaced if it exists)")
    restore = sub.add_parser("restore", help="restore a backup into an empty database, then verify it")
    restore.add_argument("file")
    jobs = sub.add_parser("jobs", help="show the scheduled jobs serve runs (once across replicas); --run runs due ones")
    jobs.add_argument("--run", action="store_true", help="run the jobs that are due now, then show them")
    from backend.messages.cli import add_commands

    add_commands(sub, command)
    from backend.authority.cli import add_commands as add_authority_commands

    add_authority_commands(sub, command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    db = _database(args)
    if args.command != "serve":  # serve does this once the whole API is imported
        _start_up_done()
    try:
        return COMMANDS[args.command](args, db)
    finally:
        db.dispose()
