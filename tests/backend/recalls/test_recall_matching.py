"""The matcher on the real database: the labelled evaluation set, near misses,
evidence spans, and screening of listings that arrive after the recall."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from backend.db import Database
from backend.listings.keys import gtin14, normalise_model
from backend.listings.models import Listing
from backend.members.models import Member
from backend.recalls import evaluation, matcher, reading, service
from backend.recalls.models import Recall, RecallMatch
from backend.recalls.schemas import ProductIn, RecallIn


@pytest.fixture
def eval_db(db: Database) -> Database:
    with db.transaction() as s:
        evaluation.seed_listings(s)
        service.import_recalls(s, records=evaluation.recall_records(), actor_id=None, actor_label="test")
    return db


def _candidates(db: Database, number: str) -> dict[str, matcher.Candidate]:
    with db.session() as s:
        recall = s.scalar(select(Recall).where(Recall.number == number))
        return {c.listing_external_id: c for c in matcher.match(s, matcher.load_profile(s, recall))}


def test_evaluation_set_precision_and_recall(eval_db: Database) -> None:
    numbers = [r.number for r in evaluation.recall_records()]
    by_recall = {n: _candidates(eval_db, n) for n in numbers}
    result = evaluation.score(
        lambda n: {ext for ext, c in by_recall[n].items() if c.confidence in ("high", "medium")}, numbers)
    assert result.precision >= 0.95 and result.recall >= 0.95, result.mistakes


def test_near_misses_never_reach_high_confidence(eval_db: Database) -> None:
    rows = evaluation.labelled_listings()
    for number in [r.number for r in evaluation.recall_records()]:
        found = _candidates(eval_db, number)
        for row in rows:
            if row["label"] != number and row["id"] in found:
                assert found[row["id"]].confidence != "high", (number, row["id"], found[row["id"]].evidence)


def test_sibling_model_is_low_with_the_mismatch_as_evidence(eval_db: Database) -> None:
    sibling = _candidates(eval_db, "EV-01")["ev-008"]  # Combi Sugocal α SG-4C3 against recalled SG-4C7
    assert sibling.confidence == "low"
    assert sibling.evidence[0].kind == "model_mismatch"
    assert sibling.evidence[0].text == "model sg-4c3 ≠ recalled SG-4C7"
    found = _candidates(eval_db, "EV-02")
    assert "ev-094" not in found  # brand and another heater alone: not even read
    older = found["ev-018"]  # "セラミックファンヒーター JCH-12TD3": the recalled line, a sibling model
    assert older.confidence == "low" and older.evidence[0].text == "model jch-12td3 ≠ recalled JCH-12TD4"


def test_barcode_evidence_names_both_spellings(eval_db: Database) -> None:
    hit = _candidates(eval_db, "EV-01")["ev-003"]
    assert (hit.score, hit.confidence) == (1.0, "high")
    assert hit.evidence_json()[0]["text"] == "barcode 04972990162012 = JAN/EAN-13 4972990162012"


def test_evidence_spans_highlight_what_the_seller_typed(eval_db: Database) -> None:
    hit = _candidates(eval_db, "EV-02")["ev-016"]  # 品番：ＪＣＨ－１２ＴＤ４ in full width
    model = hit.evidence_json()[0]
    assert model["field"] == "description"
    (start, end), = model["spans"]
    assert hit.raw_fields["description"][start:end] == "ＪＣＨ－１２ＴＤ４"
    katakana = _candidates(eval_db, "EV-01")["ev-006"].evidence_json()  # run-on コンビスゴカルベビーカー
    spans = {e["text"]: e["spans"] for e in katakana}
    title = "コンビスゴカルベビーカー オート4キャス 黒"
    assert title[slice(*spans["brand combi ~ コンビ"][0])] == "コンビ"
    assert title[slice(*spans["name sugocal ~ スゴカル"][0])] == "スゴカル"


def test_candidates_cover_past_listings_too(eval_db: Database) -> None:
    statuses = {c.listing_status for c in _candidates(eval_db, "EV-05").values() if c.confidence == "high"}
    assert {"active", "sold", "suspended"} <= statuses


def test_scoring_rows_carry_what_their_stored_readings_were_made_from(eval_db: Database) -> None:
    # Indexing and scoring select the listing columns from one definition: were
    # a column missing from the rows scoring loads, every stored reading would
    # look stale and each listing be read again, with the same scores, slowly.
    with eval_db.session() as s:
        listings = {listing.id: listing for listing in s.scalars(select(Listing))}
        rows = matcher.load_rows(s, listings)
        assert len(rows) == len(listings) and all(row.reading for row in rows)
        for row in rows:
            assert json.loads(row.reading)["f"] == reading.fingerprint(row)
            assert all(getattr(row, name) == getattr(listings[row.id], name) for name in row._fields[:-1])


def _new_listing(db: Database, **fields: object) -> int:
    with db.transaction() as s:
        seller = s.scalar(select(Member).where(Member.external_id == "late-seller"))
        if seller is None:
            seller = Member(external_id="late-seller", display_name="Late Seller")
            s.add(seller)
            s.flush()
        listing = Listing(external_id=str(fields.pop("external_id")), seller_id=seller.id, category="kids",
                          price=5000, description=str(fields.pop("description", "")), **fields)
        listing.barcode_gtin = gtin14(listing.barcode)
        listing.model_norm = normalise_model(listing.model_number)
        s.add(listing)
        s.flush()
        service.check_new_listing(s, listing)
        return listing.id


def test_new_listing_is_screened_against_open_recalls(db: Database) -> None:
    with db.transaction() as s:
        service.create_recall(s, data=RecallIn(
            number="24-777", title="Example Recalls Heaters", manufacturer="Iris Ohyama",
            products=[ProductIn(name="Ceramic fan heater", model_number="JCH-12TD4")]), actor_id=None,
            actor_label="test")
        closed = service.create_recall(s, data=RecallIn(
            number="24-778", title="Closed recall", products=[ProductIn(name="heater", barcode="4967576448611")]),
            actor_id=None, actor_label="test")
        closed.status = "closed"
    hit = _new_listing(db, external_id="late-1", title="アイリスオーヤマ セラミックファンヒーター JCH-12TD4",
                       barcode="4967576448611")
    near = _new_listing(db, external_id="late-2", title="アイリスオーヤマ セラミックファンヒーター JCH-12TD3")
    other = _new_listing(db, external_id="late-3", title="ポケモンカード BOX")
    with db.session() as s:
        matches = {(m.listing_id, s.get(Recall, m.recall_id).number): m for m in s.scalars(select(RecallMatch))}
    assert matches[(hit, "24-777")].confidence == "high"
    assert matches[(hit, "24-777")].removal_due_at is not None
    assert (hit, "24-778") not in matches  # closed recalls no longer screen
    assert matches[(near, "24-777")].confidence == "low"
    assert not any(listing_id == other for listing_id, _ in matches)


def test_screening_twice_creates_no_duplicate(db: Database) -> None:
    with db.transaction() as s:
        service.create_recall(s, data=RecallIn(number="24-779", title="Anker Recalls Power Banks",
                                               products=[ProductIn(name="PowerCore 10000", brand="Anker",
                                                                   model_number="A1263")]),
                              actor_id=None, actor_label="test")
    listing_id = _new_listing(db, external_id="late-4", title="Anker PowerCore 10000 A1263")
    with db.transaction() as s:
        assert service.check_new_listing(s, s.get(Listing, listing_id)) == []
        assert len(s.scalars(select(RecallMatch)).all()) == 1
