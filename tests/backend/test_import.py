"""import-listings: good files land whole, bad files land not at all and say where."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from backend.db import Database
from backend.escrow.ledger import balance
from backend.escrow.models import LedgerEntry, Transaction
from backend.listings.importer import import_listings
from backend.listings.models import Listing
from backend.members.models import Member

GOOD = [
    {"external_id": "L1", "seller_external_id": "S1", "title": "ニンテンドースイッチ 本体", "description": "美品",
     "brand": "Nintendo", "model_number": "HAC-001", "barcode": "4902370535709", "price": 25000,
     "category": "games", "status": "active"},
    {"external_id": "L2", "seller_external_id": "S2", "title": "Baby stroller", "description": "used twice",
     "brand": "Combi", "model_number": "AB-1234X", "barcode": "012345678905", "price": 12000, "category": "baby",
     "status": "sold", "buyer_external_id": "S1", "sold_at": "2026-10-01T10:00:00Z"},
    {"external_id": "L3", "seller_external_id": "S2", "title": "Kitchen knife", "price": 3000, "category": "kitchen",
     "brand": None, "model_number": None, "barcode": None, "description": ""},
]


def _write(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "listings.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def _cli(db: Database, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "backend", "--database-url", db.url, "import-listings", str(path)],
                          capture_output=True, text=True, timeout=120)


def _count(db: Database, column) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(column)))


def test_good_file_imports_everything(db: Database, tmp_path: Path) -> None:
    result = _cli(db, _write(tmp_path, GOOD))
    assert result.returncode == 0, result.stderr
    assert "imported 3 listings, created 2 members and 1 transactions" in result.stdout
    with db.session() as s:
        stroller = s.scalar(select(Listing).where(Listing.external_id == "L2"))
        assert stroller.status == "sold"
        assert stroller.barcode_gtin == "00012345678905" and stroller.model_norm == "ab1234x"
        tx = s.scalar(select(Transaction).where(Transaction.listing_id == stroller.id))
        buyer = s.get(Member, tx.buyer_id)
        assert buyer.external_id == "S1" and tx.status == "completed"
        entries = s.scalars(select(LedgerEntry).where(LedgerEntry.transaction_id == tx.id)).all()
        totals = balance(entries)
        assert (totals.paid, totals.released, totals.held) == (12000, 12000, 0)


def test_bad_lines_are_reported_and_nothing_is_imported(db: Database, tmp_path: Path) -> None:
    rows = [GOOD[0], "{not json", GOOD[1] | {"price": -5}, GOOD[2] | {"status": "sold"},
            GOOD[0] | {"title": "dup"}]
    result = _cli(db, _write(tmp_path, rows))
    assert result.returncode == 1
    assert "line 2: not valid JSON" in result.stderr
    assert "line 3: price" in result.stderr
    assert "line 4:" in result.stderr and "buyer_external_id" in result.stderr
    assert "line 5: external_id 'L1' repeats line 1" in result.stderr
    assert "nothing imported" in result.stderr
    assert _count(db, Listing.id) == 0 and _count(db, Member.id) == 0


def test_reimport_of_existing_listing_is_refused_whole(db: Database, tmp_path: Path) -> None:
    assert _cli(db, _write(tmp_path, GOOD[:1])).returncode == 0
    result = _cli(db, _write(tmp_path, GOOD))
    assert result.returncode == 1 and "'L1' already exists" in result.stderr
    assert _count(db, Listing.id) == 1


def test_unknown_fields_are_refused(db: Database) -> None:
    with db.transaction() as s:
        report = import_listings(s, [json.dumps(GOOD[0] | {"colour": "red"})])
    assert report.imported == 0 and "colour" in report.errors[0][1]


def test_missing_file_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    result = _cli(db, tmp_path / "nope.jsonl")
    assert result.returncode == 2 and "no such file" in result.stderr


def test_empty_strings_are_absent_optional_fields(db: Database, tmp_path: Path) -> None:
    """A spreadsheet's empty cells: "" for brand, model, barcode, buyer and sale time means none."""
    row = {"external_id": "L9", "seller_external_id": "S9", "title": "ベビーカー", "description": "", "brand": "",
           "model_number": " ", "barcode": "", "price": 5000, "category": "baby", "status": "active",
           "buyer_external_id": "", "sold_at": ""}
    result = _cli(db, _write(tmp_path, [row]))
    assert result.returncode == 0, result.stderr
    with db.session() as s:
        listing = s.scalar(select(Listing).where(Listing.external_id == "L9"))
        assert (listing.brand, listing.model_number, listing.barcode, listing.model_norm) == (None, None, None, None)
    required = _cli(db, _write(tmp_path, [{**row, "external_id": "L10", "title": ""}]))
    assert required.returncode != 0 and "line 1" in required.stdout + required.stderr
