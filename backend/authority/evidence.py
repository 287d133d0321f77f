"""Evidence packages: a ZIP answering an approved authority request.

Contents: the scoped records as JSON and CSV (members unmasked, only here),
the listings' takedowns, appeals and strikes, the transactions' ledgers,
messages (where the messages module is installed), every audit event about
the records, and ``manifest.json`` with the SHA-256 of every other file, the
request, who exported it and when, and the audit chain's head at that moment.
The export is an audit event carrying the whole package's SHA-256.

:func:`verify` checks a package file against its manifest: the first file
whose hash differs, a file the manifest lists that is missing, or a file it
does not list.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, or_, select
from sqlalchemy.orm import Session

from backend import __version__
from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.authority import service as authority
from backend.authority.models import AuthorityRequest, EvidenceExport, RequestStatus
from backend.csv_safety import safe_writer
from backend.db import utcnow
from backend.enforcement.models import Appeal, Strike, Takedown
from backend.errors import Conflict
from backend.escrow.models import LedgerEntry, Transaction
from backend.listings.models import Listing
from backend.members.models import Member
from backend.staff.models import Staff

MANIFEST = "manifest.json"
FORMAT = "anzen-evidence/1"


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _row(obj: Any) -> dict[str, Any]:
    return {attr.key: _value(getattr(obj, attr.key)) for attr in inspect(type(obj)).column_attrs}


def _columns(model: type[Any]) -> list[str]:
    return [attr.key for attr in inspect(model).column_attrs]


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str).encode()


def _csv_bytes(columns: list[str], rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = safe_writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, dict | list) else v
                         for v in (row.get(c) for c in columns)])
    return out.getvalue().encode("utf-8-sig")  # with a BOM, so spreadsheets read Japanese text


def _messages_model() -> type[Any] | None:
    try:
        from backend.messages.models import TransactionMessage
    except ImportError:
        return None
    return TransactionMessage


def _tables(session: Session, req: AuthorityRequest) -> dict[str, tuple[type[Any], list[Any]]]:
    """Table name -> (model, rows) for everything in the request's scope."""
    scope = req.scope
    member_ids = list(scope.get("member_ids") or [])
    listing_ids = list(scope.get("listing_ids") or [])
    tx_ids = list(scope.get("transaction_ids") or [])

    def rows(model: type[Any], *where: Any) -> list[Any]:
        return list(session.scalars(select(model).where(*where).order_by(model.id)))

    takedowns = rows(Takedown, Takedown.listing_id.in_(listing_ids))
    takedown_ids = [t.id for t in takedowns]
    appeals = rows(Appeal, Appeal.takedown_id.in_(takedown_ids))
    tables: dict[str, tuple[type[Any], list[Any]]] = {
        "members": (Member, rows(Member, Member.id.in_(member_ids))),
        "listings": (Listing, rows(Listing, Listing.id.in_(listing_ids))),
        "takedowns": (Takedown, takedowns),
        "appeals": (Appeal, appeals),
        "strikes": (Strike, rows(Strike, or_(Strike.takedown_id.in_(takedown_ids), Strike.member_id.in_(member_ids)))),
        "transactions": (Transaction, rows(Transaction, Transaction.id.in_(tx_ids))),
        "ledger_entries": (LedgerEntry, list(session.scalars(select(LedgerEntry).where(
            LedgerEntry.transaction_id.in_(tx_ids)).order_by(LedgerEntry.transaction_id, LedgerEntry.seq)))),
    }
    messages = _messages_model()
    if messages is not None:
        tables["messages"] = (messages, rows(messages, or_(messages.transaction_id.in_(tx_ids),
                                                           messages.listing_id.in_(listing_ids))))
    about = {"member": member_ids, "listing": listing_ids, "transaction": tx_ids, "takedown": takedown_ids,
             "appeal": [a.id for a in appeals], "authority_request": [req.id]}
    tables["audit_events"] = (AuditEvent, rows(AuditEvent, or_(*(
        (AuditEvent.target_type == kind) & AuditEvent.target_id.in_([str(i) for i in ids])
        for kind, ids in about.items()))))
    return tables


def chain_head(session: Session) -> dict[str, Any]:
    """The audit chain's head as this transaction sees it: events, last id, last hash."""
    row = session.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    count = int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
    return {"count": count, "head_id": row[0] if row else 0, "head": row[1] if row else audit.GENESIS}


def checkpoint_for_export(session: Session) -> dict[str, Any] | None:
    """HOOK for the audit checkpoints (backend/audit/checkpoints.py): a signed
    checkpoint of the chain is written at every evidence export, and its head is
    the one the manifest records. None where that module is not installed."""
    try:
        from backend.audit import checkpoints
    except ImportError:
        return None
    mark = checkpoints.checkpoint_now(session, reason="evidence_export")
    if mark is None:
        return None
    return {"chain_id": mark.chain_id, "count": mark.count, "head_id": mark.head_id, "head": mark.head,
            "at": mark.at, "key_id": mark.key_id, "signature": mark.signature}


@dataclass(frozen=True)
class Package:
    data: bytes
    sha256: str
    filename: str
    export: EvidenceExport


def _zip(files: dict[str, bytes], when: datetime) -> bytes:
    out = io.BytesIO()
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def export(session: Session, *, request_id: int, actor_id: int | None, actor_label: str) -> Package:
    """Build the package of an approved request, record the export, and return it."""
    req = authority.get(session, request_id, lock=True)
    if req.status not in (RequestStatus.approved, RequestStatus.answered):
        raise Conflict(f"Only an approved request can be answered with an evidence package (this one is "
                       f"{req.status}).", code="not_approved")
    now = utcnow()
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    for name, (model, rows) in _tables(session, req).items():
        data = [_row(r) for r in rows]
        files[f"{name}.json"] = _json_bytes(data)
        files[f"{name}.csv"] = _csv_bytes(_columns(model), data)
        counts[name] = len(data)
    request_doc = _row(req)
    files["request.json"] = _json_bytes(request_doc)
    # The chain lock comes last (backend/audit/service.py): the checkpoint is taken after every read above.
    checkpoint = checkpoint_for_export(session)
    head = ({k: checkpoint[k] for k in ("count", "head_id", "head")} if checkpoint else chain_head(session))
    exporter = session.get(Staff, actor_id) if actor_id is not None else None
    manifest = {
        "format": FORMAT,
        "service_version": __version__,
        "request": request_doc,
        "exported_by": {"id": actor_id, "username": actor_label,
                        "display_name": exporter.display_name if exporter else actor_label},
        "exported_at": now.isoformat(),
        "audit_chain": head,
        "audit_checkpoint": checkpoint,
        "records": counts,
        "files": {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                  for name, data in sorted(files.items())},
    }
    files[MANIFEST] = _json_bytes(manifest)
    data = _zip(files, now)
    digest = hashlib.sha256(data).hexdigest()
    record = EvidenceExport(request_id=req.id, exported_by_id=actor_id, exported_by_label=actor_label, created_at=now,
                            sha256=digest, size=len(data), audit_head=head["head"])
    session.add(record)
    before = req.status
    authority.mark_answered(session, req)
    session.flush()
    audit.record(session, actor_id=actor_id, actor_label=actor_label, action="authority_request.export",
                 target_type="authority_request", target_id=req.id, before={"status": before},
                 after={"status": req.status, "package_sha256": digest, "size": len(data), "export_id": record.id,
                        "records": counts, "audit_head": head})
    return Package(data, digest, f"evidence-request-{req.id}-{now:%Y%m%dT%H%M%SZ}.zip", record)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    problem: str | None
    file: str | None
    sha256: str  # of the package file itself, to compare with the export's audit event


def verify(path: Path) -> Verdict:
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as exc:
        return Verdict(False, f"not a ZIP file ({exc})", None, digest)
    with archive:
        names = [info.filename for info in archive.infolist()]
        if MANIFEST not in names:
            return Verdict(False, f"{MANIFEST} is missing", MANIFEST, digest)
        try:
            manifest = json.loads(archive.read(MANIFEST))
            listed: dict[str, dict[str, Any]] = manifest["files"]
        except Exception as exc:  # noqa: BLE001 - any damage to the manifest is one answer
            return Verdict(False, f"{MANIFEST} cannot be read ({exc})", MANIFEST, digest)
        if len(set(names)) != len(names):
            twice = next(n for n in names if names.count(n) > 1)
            return Verdict(False, f"{twice}: appears more than once in the package", twice, digest)
        for name in sorted(listed):
            if name not in names:
                return Verdict(False, f"{name}: listed in the manifest but missing from the package", name, digest)
            try:
                data = archive.read(name)
            except Exception as exc:  # noqa: BLE001 - bad CRC, broken deflate stream, truncated member
                return Verdict(False, f"{name}: does not match its SHA-256 (damaged: {exc})", name, digest)
            if hashlib.sha256(data).hexdigest() != listed[name].get("sha256"):
                return Verdict(False, f"{name}: does not match its SHA-256 in the manifest", name, digest)
        for name in names:
            if name != MANIFEST and name not in listed:
                return Verdict(False, f"{name}: not listed in the manifest (extra file)", name, digest)
    return Verdict(True, None, None, digest)


def read_csv(data: bytes) -> list[list[str]]:
    """A package CSV's rows (tests and tools)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
