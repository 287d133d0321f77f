"""The command-line contract for data teams: detect, eval-detector, train-detector, screened imports."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from backend.cli import main
from backend.db import Database
from backend.flags.models import Flag
from backend.listings.models import Listing
from tests.backend.screening.helpers import FAKE_CHANEL, YOGA_MAT

VERDICT_KEYS = {"id", "flagged", "policy", "score", "reasons"}


def _run(db: Database, *argv: str) -> int:
    return main(["--database-url", db.url, *argv])


def _lines(*items: object) -> str:
    return "".join((item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)) + "\n"
                   for item in items)


def test_detect_writes_one_verdict_per_listing(db: Database, tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(_lines({"id": "a", **FAKE_CHANEL}, "", {"id": 7, **YOGA_MAT}), encoding="utf-8")
    assert _run(db, "detect", str(source)) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [v["id"] for v in out] == ["a", 7] and all(set(v) == VERDICT_KEYS for v in out)
    assert (out[0]["flagged"], out[0]["policy"]) == (True, "counterfeit")
    assert (out[1]["flagged"], out[1]["policy"]) == (False, None)
    assert all(set(r) >= {"signal", "text", "spans"} for r in out[0]["reasons"])


def test_detect_reads_stdin_and_reports_bad_lines(db: Database, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(_lines({"id": 1, **YOGA_MAT}, "not json", {"id": 2, "price": "x"})))
    assert _run(db, "detect", "-") == 1  # bad lines make the exit status 1, the good ones are still scored
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == [1]
    errors = [json.loads(line) for line in captured.err.splitlines() if line.startswith("{")]
    assert [e["line"] for e in errors] == [2, 3]


def test_detect_refuses_a_missing_file(db: Database, tmp_path: Path, capsys) -> None:
    assert _run(db, "detect", str(tmp_path / "nope.jsonl")) == 2
    assert "no such file" in capsys.readouterr().err


def test_eval_detector_prints_precision_and_recall(db: Database, tmp_path: Path, capsys) -> None:
    source = tmp_path / "labelled.jsonl"
    source.write_text(_lines({"id": 1, **FAKE_CHANEL, "label": "counterfeit"}, {"id": 2, **YOGA_MAT, "label": "ok"},
                             {"id": 3, **YOGA_MAT, "label": "weapon"}), encoding="utf-8")
    assert _run(db, "eval-detector", str(source)) == 0
    table = capsys.readouterr().out
    assert "precision" in table and "recall" in table
    rows = {line.split()[0]: line.split() for line in table.splitlines() if line.split()}
    assert rows["counterfeit"][1:3] == ["1.000", "1.000"]
    assert rows["weapon"][1:3] == ["1.000", "0.000"]
    assert rows["overall"][1:3] == ["1.000", "0.500"]

    assert _run(db, "eval-detector", "--json", str(source)) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["overall"]["recall"] == 0.5 and report["total"] == 3


def test_train_detector_says_what_happened(db: Database, capsys) -> None:
    assert _run(db, "train-detector", "--note", "from the cli") == 0
    out = capsys.readouterr().out
    assert "trained detector version" in out and "held-out precision" in out
    assert "activated version" in out or "NOT activated" in out


@pytest.mark.parametrize("listing, flagged", [(FAKE_CHANEL, 1), (YOGA_MAT, 0)])
def test_import_listings_screens_each_listing(db: Database, tmp_path: Path, capsys, listing, flagged) -> None:
    row = {"external_id": "imp-1", "seller_external_id": "m-imp", "title": listing["title"],
           "description": listing["description"], "price": listing["price"], "category": listing["category"]}
    source = tmp_path / "import.jsonl"
    source.write_text(_lines(row), encoding="utf-8")
    assert _run(db, "import-listings", str(source)) == 0
    assert f"screened 1: {flagged} flagged" in capsys.readouterr().out
    with db.session() as s:
        flags = s.scalars(select(Flag)).all()
        status = s.scalar(select(Listing.status).where(Listing.external_id == "imp-1"))
    assert len(flags) == flagged
    assert status == ("suspended" if flagged else "active")
