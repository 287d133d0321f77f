"""Demo seeding on SQLite and PostgreSQL: counts, determinism and domain invariants.

Each backend is seeded once per module (argon2 makes seeding cost ~1 s) and
the checks read from that database; determinism and refusal get their own.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from backend import schema
from backend.db import Database
from backend.errors import Conflict
from backend.escrow.models import LedgerEntry, Transaction
from backend.flags.models import Flag
from backend.inquiries.models import Inquiry, InquiryMessage
from backend.listings.keys import gtin_check_digit_ok
from backend.listings.models import Listing
from backend.members.models import Member
from backend.ratings.models import Rating
from backend.seed import BASE_TIME, SCALES, is_empty, seed, seed_demo
from backend.staff.demo import DEMO_ACCOUNTS
from backend.staff.models import RotaEntry, Shift
from backend.staff.service import login

# --- database helper (to move to tests/conftest.py) ---------------------------------------------

PG_ADMIN_URL = os.environ.get("ANZEN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_unreachable_reason() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any connection failure means "no server here"
        return f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc.__class__.__name__}"
    return None


@contextmanager
def fresh_database(kind: str, directory: Path) -> Iterator[Database]:
    """An empty, migrated database: a SQLite file in ``directory`` or a scratch PostgreSQL database
    (created here and dropped afterwards)."""
    if kind == "sqlite":
        db = Database(f"sqlite:///{directory / f'anzen-{uuid.uuid4().hex[:8]}.db'}")
        schema.upgrade(db)
        try:
            yield db
        finally:
            db.dispose()
        return
    reason = _pg_unreachable_reason()
    if reason:
        pytest.skip(reason)
    name = f"anzen_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False))
    try:
        schema.upgrade(db)
        yield db
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


BACKENDS = ["sqlite", "postgresql"]

# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, int], list[tuple[int, str]]]]:
    with fresh_database(request.param, tmp_path_factory.mktemp("seed")) as db:
        assert is_empty(db)
        steps: list[tuple[int, str]] = []
        counts = seed_demo(db, seed=42, progress=lambda p, m: steps.append((p, m)))
        yield db, counts, steps


# --- tests --------------------------------------------------------------------------------------


def test_counts_match_the_demo_scale(seeded) -> None:
    db, counts, steps = seeded
    scale = SCALES["demo"]
    assert not is_empty(db)
    with db.session() as s:
        for model, expected in ((Member, scale.members), (Listing, scale.listings),
                                (Transaction, scale.transactions), (Inquiry, scale.inquiries)):
            assert s.scalar(select(func.count()).select_from(model)) == expected
            assert counts[model.__tablename__] == expected
        assert counts["staff"] == len(DEMO_ACCOUNTS)
        assert counts["audit_events"] == 1
        assert s.scalar(select(func.count()).select_from(LedgerEntry)) == counts["ledger_entries"]
        assert {(sh.name, sh.start_minute, sh.duration_minutes, sh.timezone) for sh in s.scalars(select(Shift))} == {
            ("night", 1320, 480, "Asia/Tokyo"), ("morning", 360, 480, "Asia/Tokyo"), ("afternoon", 840, 480, "Asia/Tokyo")}
        days = set(s.scalars(select(RotaEntry.day)))
        assert len(days) == 7
    percents = [p for p, _ in steps]
    assert percents[0] == 0 and percents[-1] == 100 and percents == sorted(percents)


def test_members_look_real(seeded) -> None:
    db, _, _ = seeded
    with db.session() as s:
        members = s.scalars(select(Member)).all()
    statuses = Counter(m.status for m in members)
    assert statuses["active"] and statuses["restricted"] and statuses["suspended"]
    assert all(m.strikes >= 2 for m in members if m.status == "suspended")
    assert any(not m.display_name.isascii() for m in members) and any(m.display_name.isascii() for m in members)
    assert len({m.email for m in members}) == len(members)
    assert all(m.email and m.phone and m.address for m in members)
    assert any(BASE_TIME - m.joined_at < timedelta(days=7) for m in members)  # brand-new accounts
    assert min(m.joined_at for m in members).year <= BASE_TIME.year - 4


def test_listings_have_valid_keys_and_every_status(seeded) -> None:
    db, _, _ = seeded
    with db.session() as s:
        listings = s.scalars(select(Listing)).all()
    assert {item.status for item in listings} == {"active", "sold", "removed", "suspended"}
    assert len({item.category for item in listings}) >= 12
    with_barcode = [item for item in listings if item.barcode]
    assert len(with_barcode) > len(listings) // 5
    for item in with_barcode:
        assert item.barcode_gtin is not None and len(item.barcode_gtin) == 14
        assert gtin_check_digit_ok(item.barcode_gtin), item.barcode
    assert all(item.model_norm for item in listings if item.model_number)
    assert any(not item.title.isascii() for item in listings) and any(item.title.isascii() for item in listings)
    assert all(item.price >= 300 for item in listings)
    assert all(item.created_at <= BASE_TIME for item in listings)


def test_every_escrow_state_with_a_consistent_ledger(seeded) -> None:
    db, _, _ = seeded
    with db.session() as s:
        txs = {tx.id: tx for tx in s.scalars(select(Transaction))}
        entries: dict[int, list[LedgerEntry]] = defaultdict(list)
        for entry in s.scalars(select(LedgerEntry).order_by(LedgerEntry.transaction_id, LedgerEntry.seq)):
            entries[entry.transaction_id].append(entry)
        listing_status = dict(s.execute(select(Listing.id, Listing.status)).all())
    assert {tx.status for tx in txs.values()} == {
        "awaiting_payment", "paid", "shipped", "received", "completed", "cancelled", "disputed", "released", "refunded"}
    for tx_id, tx in txs.items():
        lines = entries.get(tx_id, [])
        assert [e.seq for e in lines] == list(range(1, len(lines) + 1))
        assert all(a.created_at <= b.created_at for a, b in zip(lines, lines[1:]))
        assert all(e.amount == 0 for e in lines if e.kind not in ("payment", "release", "refund"))
        paid = sum(e.amount for e in lines if e.kind == "payment")
        released = sum(e.amount for e in lines if e.kind == "release")
        refunded = sum(e.amount for e in lines if e.kind == "refund")
        held = paid - released - refunded
        assert held >= 0, tx_id
        assert not (released and refunded)
        assert tx.fee == int(tx.amount * 0.10)
        kinds = [e.kind for e in lines]
        if tx.status == "awaiting_payment":
            assert paid == 0 and kinds == []
        elif tx.status in ("paid", "shipped", "received", "disputed"):
            assert paid == tx.amount and held == tx.amount
        elif tx.status in ("completed", "released"):
            assert released == paid == tx.amount and held == 0
        elif tx.status == "refunded":
            assert refunded == paid == tx.amount and kinds[-1] == "refund"
        elif tx.status == "cancelled":
            assert kinds[-1] == "cancel" and refunded == paid and held == 0
        if tx.status in ("disputed", "released", "refunded"):
            assert "dispute" in kinds
        if tx.status in ("completed", "released", "paid", "shipped", "received", "disputed"):
            assert listing_status[tx.listing_id] in ("sold", "suspended")
        assert tx.buyer_id != tx.seller_id


def test_flags_for_every_policy_with_spans_into_the_text(seeded) -> None:
    db, _, _ = seeded
    with db.session() as s:
        flags = s.scalars(select(Flag)).all()
        texts = {lid: f"{t}\n{d}" for lid, t, d in s.execute(select(Listing.id, Listing.title, Listing.description))}
        status = dict(s.execute(select(Listing.id, Listing.status)).all())
    open_detector = {f.policy for f in flags if f.source == "detector" and f.status == "open"}
    assert open_detector == {"counterfeit", "medicine", "game_account", "stolen_goods", "weapon", "cash_equivalent"}
    assert {f.source for f in flags} == {"detector", "member_report", "rights_holder"}
    assert {f.status for f in flags} == {"open", "actioned", "dismissed"}
    for flag in flags:
        assert 0.0 < flag.score <= 1.0
        assert flag.reasons and all({"signal", "policy", "text", "spans"} <= set(r) for r in flag.reasons)
        for reason in flag.reasons:
            for start, end in reason["spans"]:
                assert 0 <= start < end <= len(texts[flag.listing_id])
        if flag.status == "open":
            assert flag.decided_by_id is None and flag.decided_at is None
        else:
            assert flag.decided_by_id is not None and flag.decided_at >= flag.created_at
        if flag.source == "detector" and flag.status == "actioned":
            assert status[flag.listing_id] == "removed"
    detector = [f for f in flags if f.source == "detector"]
    # The real detector explained the demo's planted violations: confident, with its own reasons.
    planted = [f for f in detector if f.status != "dismissed"]
    assert sum(f.score >= 0.7 for f in planted) >= 0.9 * len(planted)
    assert any(r.get("signal") == "model" for f in planted for r in f.reasons)
    rate = len({f.listing_id for f in detector if f.status != "dismissed"}) / len(texts)
    assert 0.015 <= rate <= 0.04


def test_inquiries_cover_every_category_and_state(seeded) -> None:
    db, _, _ = seeded
    with db.session() as s:
        inquiries = s.scalars(select(Inquiry)).all()
        messages: dict[int, list[InquiryMessage]] = defaultdict(list)
        for message in s.scalars(select(InquiryMessage).order_by(InquiryMessage.id)):
            messages[message.inquiry_id].append(message)
    pairs = {(i.category, i.status) for i in inquiries}
    assert pairs >= {(c, st) for c in ("item_not_received", "not_as_described", "payment", "account", "other")
                     for st in ("new", "open", "waiting_on_member", "resolved")}
    breached = [i for i in inquiries if i.first_responded_at is None and i.first_response_due < BASE_TIME]
    in_time = [i for i in inquiries if i.first_responded_at is None and i.first_response_due >= BASE_TIME]
    assert breached and in_time
    assert any(i.transaction_id for i in inquiries) and any(i.listing_id for i in inquiries)
    for inquiry in inquiries:
        thread = messages[inquiry.id]
        assert thread and thread[0].kind == "member"
        assert inquiry.first_response_due > inquiry.created_at and inquiry.resolution_due > inquiry.first_response_due
        assert (inquiry.first_responded_at is None) == (inquiry.status == "new")
        assert (inquiry.resolved_at is not None) == (inquiry.status == "resolved")
        assert all(m.created_at <= BASE_TIME for m in thread)
        assert all(m.staff_id is not None for m in thread if m.kind in ("agent", "note"))
    assert {m.kind for thread in messages.values() for m in thread} == {"member", "agent", "note"}


def test_ratings_both_ways(seeded) -> None:
    db, _, _ = seeded
    with db.session() as s:
        ratings = s.scalars(select(Rating)).all()
        completed = set(s.scalars(select(Transaction.id).where(Transaction.status == "completed")))
    directions = defaultdict(set)
    for rating in ratings:
        directions[rating.transaction_id].add(rating.direction)
        assert rating.rater_id != rating.ratee_id
    assert all(directions[tx] == {"buyer_to_seller", "seller_to_buyer"} for tx in completed)
    assert {r.score for r in ratings} == {"good", "normal", "bad"}
    bad_per_member = Counter(r.ratee_id for r in ratings if r.score == "bad")
    assert bad_per_member.most_common(1)[0][1] >= 3


def test_demo_staff_can_log_in(seeded) -> None:
    db, _, _ = seeded
    for account in DEMO_ACCOUNTS:
        with db.transaction() as s:
            token, _, staff = login(s, username=account.username, password=account.password)
            assert token and staff.role == account.role


def test_seeding_twice_is_refused(seeded) -> None:
    db, counts, _ = seeded
    with pytest.raises(Conflict):
        seed(db, scale="demo", seed=7, progress=lambda p, m: None)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == counts["members"]


def _fingerprint(db: Database) -> list[tuple[object, ...]]:
    with db.session() as s:
        rows: list[tuple[object, ...]] = list(s.execute(select(Listing.title, Listing.price, Listing.seller_id,
                                                               Listing.created_at).order_by(Listing.id)).all())
        rows += list(s.execute(select(Member.display_name, Member.email, Member.joined_at).order_by(Member.id)).all())
        rows += list(s.execute(select(LedgerEntry.transaction_id, LedgerEntry.kind, LedgerEntry.amount,
                                      LedgerEntry.created_at).order_by(LedgerEntry.id)).all())
        rows += list(s.execute(select(Inquiry.subject, Inquiry.created_at).order_by(Inquiry.id)).all())
    return rows


@pytest.mark.parametrize("kind", BACKENDS)
def test_same_seed_same_rows(kind: str, tmp_path: Path) -> None:
    with fresh_database(kind, tmp_path) as first, fresh_database(kind, tmp_path) as second, \
            fresh_database(kind, tmp_path) as other:
        seed_demo(first, seed=2026, progress=lambda p, m: None)
        seed_demo(second, seed=2026, progress=lambda p, m: None)
        seed_demo(other, seed=2027, progress=lambda p, m: None)
        assert _fingerprint(first) == _fingerprint(second)
        assert _fingerprint(first) != _fingerprint(other)


def test_base_time_is_fixed_not_the_wall_clock(tmp_path: Path) -> None:
    anchor = datetime(2030, 1, 1, tzinfo=BASE_TIME.tzinfo)
    with fresh_database("sqlite", tmp_path) as db:
        seed_demo(db, seed=1, progress=lambda p, m: None, now=anchor)
        with db.session() as s:
            newest = s.scalar(select(func.max(Listing.created_at)))
    assert anchor - newest < (anchor - BASE_TIME) / 100
