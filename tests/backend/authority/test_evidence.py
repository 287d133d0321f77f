"""Evidence packages: contents, the manifest, the export's audit event, and verify-evidence (issue 17)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.authority import evidence
from backend.cli import main as cli_main
from backend.db import Database, utcnow

API = "/api/v1"


@pytest.fixture
def approved(client: TestClient, headers, second_supervisor, sample) -> int:  # type: ignore[no-untyped-def]
    body = {"agency": "Osaka Prefectural Police", "reference": "OPP-77", "legal_basis": "search_warrant",
            "due_at": (utcnow() + timedelta(days=3)).isoformat(),
            "scope": {"member_ids": [sample.seller], "listing_ids": [sample.listing, sample.listing + 1],
                      "transaction_ids": [sample.transaction]}}
    rid = client.post(f"{API}/authority-requests", json=body, headers=headers["supervisor"]).json()["id"]
    assert client.post(f"{API}/authority-requests/{rid}/approve", json={"reason": "warrant seen"},
                       headers=second_supervisor).status_code == 200
    return rid


def _package(client: TestClient, headers, rid: int) -> bytes:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/authority-requests/{rid}/package", headers=headers["supervisor"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    return response.content


def test_package_contents_manifest_and_audit_event(client: TestClient, headers, approved, sample, db: Database,
                                                   tmp_path: Path, audit_checkpoint_dir: Path) -> None:
    data = _package(client, headers, approved)
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    for table in ("members", "listings", "takedowns", "appeals", "transactions", "ledger_entries", "audit_events"):
        assert {f"{table}.json", f"{table}.csv"} <= names
    manifest = json.loads(archive.read("manifest.json"))
    assert set(manifest["files"]) == names - {"manifest.json"}
    for name, entry in manifest["files"].items():
        assert hashlib.sha256(archive.read(name)).hexdigest() == entry["sha256"]
    assert manifest["request"]["id"] == approved and manifest["exported_by"]["username"] == "test-supervisor"
    assert manifest["exported_at"] and len(manifest["audit_chain"]["head"]) == 64
    # The signed checkpoint written for the export (backend/audit/checkpoints.py) is the head the manifest names.
    checkpoint = manifest["audit_checkpoint"]
    assert checkpoint["head"] == manifest["audit_chain"]["head"] and checkpoint["signature"]
    assert list(audit_checkpoint_dir.rglob("*.json"))
    members = json.loads(archive.read("members.json"))
    assert members[0]["email"] == "sato@example.jp"  # unmasked, inside the package only
    assert {row["kind"] for row in json.loads(archive.read("ledger_entries.json"))} == {"payment"}
    assert {row["id"] for row in json.loads(archive.read("listings.json"))} == {sample.listing, sample.listing + 1}
    assert json.loads(archive.read("takedowns.json"))  # the second listing's takedown, with its appeal
    assert json.loads(archive.read("appeals.json"))
    events = json.loads(archive.read("audit_events.json"))
    assert any(e["action"] == "sample.create" for e in events)
    assert any(e["action"] == "authority_request.approve" for e in events)
    assert client.get(f"{API}/members/{sample.seller}", headers=headers["supervisor"]).json()["email"] != \
        "sato@example.jp"  # still masked outside the package

    with db.transaction() as s:
        export = s.scalars(select(AuditEvent).where(AuditEvent.action == "authority_request.export")).one()
        head_event = s.scalar(select(AuditEvent).where(AuditEvent.hash == manifest["audit_chain"]["head"]))
    assert export.after["package_sha256"] == hashlib.sha256(data).hexdigest()
    assert head_event is not None and head_event.id < export.id
    detail = client.get(f"{API}/authority-requests/{approved}", headers=headers["supervisor"]).json()
    assert detail["status"] == "answered" and detail["exports"][0]["sha256"] == export.after["package_sha256"]

    path = tmp_path / "package.zip"
    path.write_bytes(data)
    assert evidence.verify(path).ok
    assert cli_main(["--database-url", db.url, "verify-evidence", str(path)]) == 0


def _rewrite(data: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    """The package with ``change(files)`` applied to its {name: bytes} (the manifest left as it was)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    files = {name: source.read(name) for name in source.namelist()}
    change(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _flip(files: dict[str, bytes]) -> None:
    content = bytearray(files["listings.csv"])
    content[-3] ^= 0x01
    files["listings.csv"] = bytes(content)


TAMPERING = {
    "changed byte": (_flip, "listings.csv"),
    "added byte": (lambda f: f.__setitem__("members.json", f["members.json"] + b" "), "members.json"),
    "removed byte": (lambda f: f.__setitem__("ledger_entries.csv", f["ledger_entries.csv"][:-1]), "ledger_entries.csv"),
    "removed file": (lambda f: f.pop("transactions.json"), "transactions.json"),
    "added file": (lambda f: f.__setitem__("notes.txt", b"x"), "notes.txt"),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_verify_names_the_file_that_does_not_match(client: TestClient, headers, approved, db: Database,
                                                   tmp_path: Path, capsys, how: str) -> None:
    change, culprit = TAMPERING[how]
    path = tmp_path / "tampered.zip"
    path.write_bytes(_rewrite(_package(client, headers, approved), change))
    verdict = evidence.verify(path)
    assert not verdict.ok and verdict.file == culprit
    capsys.readouterr()
    assert cli_main(["--database-url", db.url, "verify-evidence", str(path)]) == 1
    assert culprit in capsys.readouterr().out


def test_a_byte_changed_in_the_zip_itself_is_named(client: TestClient, headers, approved, tmp_path: Path) -> None:
    data = _package(client, headers, approved)
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo("members.json")
    raw = bytearray(data)
    raw[info.header_offset + 30 + len(info.filename) + 2] ^= 0xFF  # inside the compressed member data
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(raw))
    verdict = evidence.verify(path)
    assert not verdict.ok and verdict.file == "members.json"


def test_cli_exports_a_package_that_verifies(approved, db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cli.zip"
    assert cli_main(["--database-url", db.url, "export-evidence", str(approved), "--out", str(out),
                     "--as", "test-supervisor"]) == 0
    assert evidence.verify(out).ok
    with db.transaction() as s:
        export = s.scalars(select(AuditEvent).where(AuditEvent.action == "authority_request.export")).one()
    assert export.after["package_sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert export.actor_label == "test-supervisor"


def test_only_an_approved_request_is_exported(client: TestClient, headers, sample) -> None:
    body = {"agency": "A", "reference": "R", "legal_basis": "other", "due_at": "2031-01-01T00:00:00",
            "scope": {"member_ids": [sample.buyer]}}
    rid = client.post(f"{API}/authority-requests", json=body, headers=headers["supervisor"]).json()["id"]
    assert client.get(f"{API}/authority-requests/{rid}/package", headers=headers["supervisor"]).status_code == 409
