"""The command-line contract: import-recalls and match-recall --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from backend.cli import main
from backend.db import Database
from backend.recalls import evaluation
from backend.recalls.models import Recall, RecallMatch


@pytest.fixture
def seeded(db: Database, database_url: str) -> str:
    with db.transaction() as s:
        evaluation.seed_listings(s)
    return database_url


def test_import_then_match_prints_the_candidates_as_json(seeded: str, db: Database, capsys) -> None:
    source = str(evaluation.DATA / "eval_recalls.json")
    assert main(["--database-url", seeded, "import-recalls", source]) == 0
    assert "imported 12 recall(s)" in capsys.readouterr().out
    assert main(["--database-url", seeded, "import-recalls", source]) == 0
    assert "skipped 12" in capsys.readouterr().out

    assert main(["--database-url", seeded, "match-recall", "EV-05", "--json"]) == 0
    candidates = json.loads(capsys.readouterr().out)
    assert candidates and all(set(c) == {"listing_external_id", "listing_id", "score", "confidence", "evidence"}
                              for c in candidates)
    scores = [c["score"] for c in candidates]
    assert scores == sorted(scores, reverse=True)
    top = next(c for c in candidates if c["listing_external_id"] == "ev-156")
    assert top["score"] == candidates[0]["score"] == 1.0 and top["confidence"] == "high"
    assert top["evidence"][0]["text"] == "barcode 00848061073652 = UPC-A 848061073652"
    high = {c["listing_external_id"] for c in candidates if c["confidence"] == "high"}
    assert {"ev-043", "ev-044", "ev-045", "ev-046"} <= high and not {"ev-048", "ev-049"} & high
    with db.session() as s:  # printing stores nothing
        assert s.scalar(select(func.count()).select_from(RecallMatch)) == 0


def test_match_save_stores_candidates(seeded: str, db: Database, capsys) -> None:
    assert main(["--database-url", seeded, "import-recalls", str(evaluation.DATA / "eval_recalls.json")]) == 0
    assert main(["--database-url", seeded, "match-recall", "EV-02", "--save"]) == 0
    assert "candidate(s) for recall EV-02" in capsys.readouterr().out
    with db.session() as s:
        recall = s.scalar(select(Recall).where(Recall.number == "EV-02"))
        assert s.scalar(select(func.count()).select_from(RecallMatch).where(RecallMatch.recall_id == recall.id)) > 3


def test_cli_errors_are_messages_not_tracebacks(seeded: str, tmp_path: Path, capsys) -> None:
    assert main(["--database-url", seeded, "match-recall", "NOPE", "--json"]) == 2
    assert "No recall numbered 'NOPE'" in capsys.readouterr().err
    broken = tmp_path / "broken.csv"
    broken.write_text("number,colour\n1,red\n", encoding="utf-8")
    assert main(["--database-url", seeded, "import-recalls", str(broken)]) == 1
    assert "CSV header lacks column(s): title" in capsys.readouterr().err
    assert main(["--database-url", seeded, "import-recalls", str(tmp_path / "missing.json")]) == 2
