"""Signed checkpoints of the audit chain, kept outside the database.

A checkpoint records how many events the chain had and its head (the last
event's id and hash) at one moment, signed with a key derived from the service
key (backend/keys.py). It is a file in the checkpoint directory, not a row:
someone who can rewrite the database can delete events from the end of the
chain, or (with the key) recompute it, but cannot make it agree with the
checkpoints already written. ``audit-verify`` compares the chain against every
checkpoint of this database's chain and names what is missing.

Where: ``$ANZEN_AUDIT_CHECKPOINT_DIR``, else ``audit-checkpoints/`` next to the
key file. Each database's chain has an id (table ``audit_chain``) and its own
subdirectory, so several databases may share one directory.

When: every ``$ANZEN_AUDIT_CHECKPOINT_MINUTES`` (default 10; 0 turns it off)
while ``serve`` runs, if the chain grew (the ``audit_checkpoint`` job of
backend/jobs, run once across service processes; a second writer at the same
moment finds the lock taken and skips); at every evidence export
(backend/authority/evidence.py, ``reason="evidence_export"``); on demand with
``python -m backend audit-checkpoint`` or ``POST /api/v1/audit-events/checkpoints``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend import keys
from backend.audit.models import AuditChain, AuditEvent
from backend.audit.service import CHAIN_LOCK, ChainReport, verify
from backend.db import Database, advisory_lock, utcnow

DIR_ENV = "ANZEN_AUDIT_CHECKPOINT_DIR"
INTERVAL_ENV = "ANZEN_AUDIT_CHECKPOINT_MINUTES"
DEFAULT_INTERVAL_MINUTES = 10.0
KEY_PURPOSE = "audit-checkpoint"
_SCHEDULE_LOCK = 0x616E7A656F  # one scheduled checkpoint at a time across service processes
REASONS = frozenset({"schedule", "evidence_export", "manual", "migration"})


@dataclass(frozen=True)
class Checkpoint:
    chain_id: str
    count: int
    head_id: int
    head: str
    at: str  # ISO time, UTC
    reason: str
    key_id: str
    signature: str = ""

    @property
    def at_text(self) -> str:
        return self.at.replace("T", " ")[:19] + " UTC"

    def _payload(self) -> bytes:
        fields = asdict(self)
        fields.pop("signature")
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()

    def signed(self) -> Checkpoint:
        signature = hmac.new(keys.derived(KEY_PURPOSE), self._payload(), hashlib.sha256).hexdigest()
        return Checkpoint(**{**asdict(self), "signature": signature})

    def signature_holds(self) -> bool:
        expected = hmac.new(keys.derived(KEY_PURPOSE), self._payload(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, self.signature)


def checkpoint_dir() -> Path:
    configured = os.environ.get(DIR_ENV)
    if configured:
        return Path(configured)
    return keys.key_path().parent / "audit-checkpoints"


def interval_minutes() -> float:
    raw = os.environ.get(INTERVAL_ENV, "").strip()
    if not raw:
        return DEFAULT_INTERVAL_MINUTES
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit(f"{INTERVAL_ENV} must be a number of minutes, not {raw!r}") from None
    return max(value, 0.0)


def chain_id(session: Session) -> str | None:
    return session.scalar(select(AuditChain.chain_id).order_by(AuditChain.id).limit(1))


def _head(session: Session) -> tuple[int, int, str]:
    count = int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
    row = session.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    return (count, row[0], row[1]) if row else (0, 0, "0" * 64)


def write_checkpoint(db: Database, *, reason: str, directory: Path | None = None,
                     only_if_changed: bool = False) -> Checkpoint | None:
    """Write a checkpoint of the chain as it stands now in a transaction of its own."""
    try:
        with db.transaction() as session:
            return checkpoint_now(session, reason=reason, directory=directory, only_if_changed=only_if_changed)
    except IntegrityError:  # two processes made the chain's id at once: the other one's stands
        with db.transaction() as session:
            return checkpoint_now(session, reason=reason, directory=directory, only_if_changed=only_if_changed)


def checkpoint_now(session: Session, *, reason: str, directory: Path | None = None,
                   only_if_changed: bool = False) -> Checkpoint | None:
    """Write a checkpoint of the chain as ``session`` sees it; None if skipped
    (``only_if_changed`` and nothing new, or another process is writing one)."""
    if reason not in REASONS:
        raise ValueError(f"unknown checkpoint reason {reason!r}")
    directory = directory or checkpoint_dir()
    chain = chain_id(session)
    if chain is None:  # made by migration 0012; again only if someone deleted it
        chain = uuid.uuid4().hex
        session.add(AuditChain(id=1, chain_id=chain))
        session.flush()
    if only_if_changed and session.get_bind().dialect.name == "postgresql":
        got = session.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": _SCHEDULE_LOCK}).scalar()
        if not got:
            return None
    # The chain lock (always the last lock taken): no event is appended between counting and reading the head.
    advisory_lock(session, CHAIN_LOCK)
    count, head_id, head = _head(session)
    if only_if_changed:
        latest = load(chain, directory=directory).latest
        if latest is not None and (latest.count, latest.head) == (count, head):
            return None
    checkpoint = Checkpoint(chain_id=chain, count=count, head_id=head_id, head=head,
                            at=utcnow().isoformat(timespec="microseconds"), reason=reason,
                            key_id=keys.key_id()).signed()
    _save(checkpoint, directory)
    return checkpoint


def _save(checkpoint: Checkpoint, directory: Path) -> Path:
    folder = directory / checkpoint.chain_id
    folder.mkdir(parents=True, exist_ok=True)
    stamp = checkpoint.at.replace("-", "").replace(":", "").replace(".", "")[:21]
    path = folder / f"{stamp}-{checkpoint.count:012d}.json"
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(checkpoint), handle, sort_keys=True, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


@dataclass(frozen=True)
class Loaded:
    checkpoints: list[Checkpoint]
    #: Files that could not be trusted: unreadable, forged (bad signature) or made with another key.
    problems: list[str]
    #: Other chains with checkpoints in the same directory.
    other_chains: list[str]

    @property
    def latest(self) -> Checkpoint | None:
        return max(self.checkpoints, key=lambda c: (c.count, c.at)) if self.checkpoints else None


def load(chain: str | None, *, directory: Path | None = None) -> Loaded:
    directory = directory or checkpoint_dir()
    others = sorted(p.name for p in directory.iterdir() if p.is_dir() and p.name != chain) \
        if directory.is_dir() else []
    folder = directory / chain if chain else None
    if folder is None or not folder.is_dir():
        return Loaded([], [], others)
    good: list[Checkpoint] = []
    problems: list[str] = []
    own_key = keys.key_id()
    for path in sorted(folder.glob("*.json")):
        try:
            checkpoint = Checkpoint(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError) as exc:
            problems.append(f"checkpoint {path.name} is unreadable ({type(exc).__name__})")
            continue
        if checkpoint.key_id != own_key:
            problems.append(f"checkpoint {path.name} was made with another key ({checkpoint.key_id}, "
                            f"this service has {own_key})")
        elif not checkpoint.signature_holds() or checkpoint.chain_id != chain:
            problems.append(f"checkpoint {path.name} has a bad signature (forged or altered)")
        else:
            good.append(checkpoint)
    return Loaded(good, problems, others)


def verify_anchored(session: Session, *, directory: Path | None = None) -> ChainReport:
    """:func:`backend.audit.service.verify` against this chain's checkpoints.
    Untrustworthy checkpoint files, and a chain without checkpoints while the
    directory holds others', are problems too (``notes``)."""
    directory = directory or checkpoint_dir()
    chain = chain_id(session)
    loaded = load(chain, directory=directory)
    report = verify(session, checkpoints=loaded.checkpoints)
    notes = list(loaded.problems)
    if not loaded.checkpoints and loaded.other_chains:
        notes.append(f"no checkpoint of this database's chain ({chain or 'no chain id'}) in {directory}, which "
                     f"holds checkpoints of {len(loaded.other_chains)} other chain(s): the chain or its id may "
                     "have been replaced (if this database replaced an older one on purpose, move those away)")
    if not notes:
        return report
    problem = report.problem or "; ".join(notes)
    return replace(report, problem=problem, notes=tuple(notes))
