"""Bad input (issue 19): CSV formula injection and download names, reasons that
must be visible text, NUL and control characters never stored, safe macro
templates, recall imports that are too large or too deep, strict amounts, the
temporary takedown minimum, addresses masked to the prefecture, and an
import-listings failure that says one clear line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.csv_safety import neutralise, safe_filename
from backend.db import Database
from backend.inquiries.models import InquiryMessage
from backend.listings import importer
from backend.listings.models import Listing
from backend.members.models import Member
from backend.members.pii import mask_address
from backend.queue.models import Macro
from backend.text_hygiene import clean, has_visible_text

API = "/api/v1"
INVISIBLE = ["", "   ", "\u3000\u3000", "\u200b\u200b", "\ufeff", "\u200d\u2060", "\x00\x01\x7f", " \u200b\t\n "]


# -- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "＝1+1",
                                  '=HYPERLINK("http://evil","x")'])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert neutralise("plain text") == "plain text" and neutralise(-5) == -5


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd", "passwd"), ("..\\..\\boot.ini", "boot.ini"), ("recall-25/001.csv", "001.csv"),
    ("..", "download"), ("a\x00b\r\n.csv", "ab.csv"), ('x"; filename=evil.exe', "x__ filename=evil.exe"),
    ("リコール-25.csv", "リコール-25.csv"),
])
def test_download_names_are_only_names(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_recall_report_csv_is_safe_to_open_in_a_spreadsheet(client: TestClient, headers) -> None:
    recall = client.post(f"{API}/recalls", headers=headers["safety_officer"], json={
        "number": "../../x/=cmd|' /C calc'!A0", "title": "=HYPERLINK(\"http://evil.example\",\"click\")",
        "manufacturer": "+cmd", "source": "manual", "requested_at": "2025-03-07T15:00:00+09:00",
        "products": [{"name": "Heater"}]})
    assert recall.status_code == 201, recall.text
    report = client.get(f"{API}/recalls/{recall.json()['id']}/report.csv", headers=headers["safety_officer"])
    assert report.status_code == 200
    rows = list(csv.reader(io.StringIO(report.text)))
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), cells
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells and "'+cmd" in cells
    disposition = report.headers["content-disposition"]
    assert "/" not in disposition.split("filename*=")[0] and ".." not in disposition
    assert "%2F" not in disposition


# -- visible reasons, clean text ------------------------------------------------------------------


@pytest.mark.parametrize("reason", INVISIBLE)
def test_reasons_need_visible_text(client: TestClient, headers, sample, reason: str) -> None:
    attempts = [
        ("agent", f"/members/{sample.seller}/contact/reveal", {"reason": reason, "fields": ["email"]}),
        ("agent", f"/transactions/{sample.transaction}/refund", {"reason": reason, "amount": 100}),
        ("agent", f"/transactions/{sample.transaction}/hold", {"reason": reason}),
        ("moderator", f"/flags/{sample.flag}/dismiss", {"reason": reason}),
        ("moderator", f"/listings/{sample.listing}/takedown", {"reason_code": "other", "note": reason}),
        ("moderator", f"/takedowns/{sample.takedown}/reinstate", {"reason": reason}),
        ("supervisor", f"/refund-approvals/{sample.refund_approval}/reject", {"reason": reason}),
    ]
    for role, path, body in attempts:
        response = client.post(API + path, json=body, headers=headers[role])
        assert response.status_code == 422, (path, reason, response.text)
    assert client.get(f"{API}/members/{sample.seller}", headers=headers["agent"]).json()["email"] != "sato@example.jp"


def test_a_reason_with_nul_is_stored_clean_and_the_chain_holds(client: TestClient, headers, sample,
                                                              db: Database) -> None:
    response = client.post(f"{API}/members/{sample.seller}/contact/reveal", headers=headers["agent"],
                           json={"reason": "courier\x00 asked\x07 for it", "fields": ["email"]})
    assert response.status_code == 200, response.text
    with db.session() as session:
        reasons = list(session.scalars(select(AuditEvent.reason).where(AuditEvent.reason.is_not(None))))
        assert "courier asked for it" in reasons
        assert audit.verify(session).ok


def test_control_characters_never_reach_either_database(db: Database, sample) -> None:
    with db.transaction() as session:
        session.add(InquiryMessage(inquiry_id=sample.inquiry, kind="member", body="hello\x00 wor\x1bld\tok\nnext"))
        member = session.get(Member, sample.buyer)
        member.display_name = "Brown\x00 Buyer\x85"
    with db.session() as session:
        bodies = list(session.scalars(select(InquiryMessage.body).where(InquiryMessage.inquiry_id == sample.inquiry)))
        assert "hello world\tok\nnext" in bodies
        assert session.get(Member, sample.buyer).display_name == "Brown Buyer"


def test_visible_text_rules() -> None:
    assert not any(has_visible_text(clean(text)) for text in INVISIBLE)
    assert has_visible_text("理由") and has_visible_text(" a ") and has_visible_text("👍")
    assert clean("a\x00b\x9fc\r\n\td") == "abc\r\n\td"


# -- macros ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["{member_name:>99999999}", "{member_name!r}", "{member_name.__class__}",
                                  "{member_name[0]}", "{0}", "{}", "Hello {member_name", "Hello }",
                                  "{agent_name:{member_name}}"])
def test_macros_accept_named_placeholders_only(client: TestClient, headers, body: str) -> None:
    response = client.post(f"{API}/macros", json={"name": f"m-{hash(body)}", "body": body},
                           headers=headers["supervisor"])
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "body"


def test_macro_rendering_neither_fails_nor_grows(client: TestClient, headers, sample, db: Database) -> None:
    with db.transaction() as session:  # saved before the syntax was checked
        bad = Macro(name="legacy", body="{member_name:>999999999} {{x}} {unknown!r} {member_name}", active=True)
        session.add(bad)
        session.flush()
        bad_id = bad.id
    response = client.get(f"{API}/inquiries/{sample.inquiry}/macros/{bad_id}", headers=headers["agent"])
    assert response.status_code == 200, response.text
    text = response.json()["text"]
    assert text == "{member_name:>999999999} {x} {unknown!r} Brown Buyer"
    good = client.post(f"{API}/macros", json={"name": "braces", "body": "{{literal}} {member_name} #{inquiry_id}"},
                       headers=headers["supervisor"])
    assert good.status_code == 201, good.text
    rendered = client.get(f"{API}/inquiries/{sample.inquiry}/macros/{good.json()['id']}", headers=headers["agent"])
    assert rendered.json()["text"] == f"{{literal}} Brown Buyer #{sample.inquiry}"


# -- recall imports -------------------------------------------------------------------------------------


def test_deeply_nested_recall_json_is_refused_clearly(client: TestClient, headers) -> None:
    for content in ("[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000):
        response = client.post(f"{API}/recalls/import", json={"format": "cpsc_json", "content": content},
                               headers=headers["safety_officer"])
        assert response.status_code == 422, response.text[:200]
        assert response.json()["error"]["field"] == "content"


def test_a_deeply_nested_request_body_is_a_4xx(client: TestClient, headers) -> None:
    body = '{"format": "cpsc_json", "content": "[]", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post(f"{API}/recalls/import", content=body,
                           headers=headers["safety_officer"] | {"content-type": "application/json"})
    assert 400 <= response.status_code < 500


def test_an_oversized_import_is_refused_before_it_is_read(client: TestClient, headers) -> None:
    content = "x" * (33 * 1024 * 1024)
    response = client.post(f"{API}/recalls/import", content=json.dumps({"format": "csv", "content": content}),
                           headers=headers["safety_officer"] | {"content-type": "application/json"})
    assert response.status_code == 413
    assert "larger than 32 MB" in response.json()["error"]["message"]


# -- amounts and durations -----------------------------------------------------------------------------


@pytest.mark.parametrize("amount", [True, "100", 100.0, "1e3"])
def test_amounts_are_strict_integers(client: TestClient, headers, sample, amount: object) -> None:
    response = client.post(f"{API}/transactions/{sample.transaction}/refund", headers=headers["supervisor"],
                           json={"reason": "damaged", "amount": amount})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "amount"


@pytest.mark.parametrize("hours", [0.0001, 0.01, 1 / 61])
def test_a_temporary_takedown_lasts_at_least_a_minute(client: TestClient, headers, sample, hours: float) -> None:
    response = client.post(f"{API}/listings/{sample.listing}/takedown", headers=headers["moderator"],
                           json={"reason_code": "counterfeit", "duration_hours": hours})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "duration_hours"


# -- addresses -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("address", "masked"), [
    ("東京都渋谷区神南1-2-3", "東京都 ***"), ("〒150-0041 東京都渋谷区神南1-2-3", "東京都 ***"),
    ("大阪市北区梅田1-1", "大阪府 ***"), ("北海道札幌市中央区北1条西2", "北海道 ***"),
    ("神奈川県横浜市西区みなとみらい2-2-1", "神奈川県 ***"), ("Tokyo Shibuya 1-2-3", "Tokyo ***"),
    ("1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0001", "Tokyo ***"), ("千代田区丸の内1-1", "***"),
    ("123 Main St, Springfield", "***"),
])
def test_addresses_are_masked_to_the_prefecture_at_most(address: str, masked: str) -> None:
    assert mask_address(address) == masked


def test_members_show_the_prefecture_only(client: TestClient, headers, db: Database) -> None:
    with db.transaction() as session:
        member = Member(external_id="m-jp", display_name="山田", address="東京都渋谷区神南1-2-3 渋谷マンション101")
        session.add(member)
        session.flush()
        member_id = member.id
    shown = client.get(f"{API}/members/{member_id}", headers=headers["agent"]).json()
    assert shown["address"] == "東京都 ***"


# -- import-listings ----------------------------------------------------------------------------------------


def test_listing_lookups_are_chunked_below_every_parameter_limit(db: Database) -> None:
    ids = [f"l-{i}" for i in range(70_000)]  # over SQLite's 32,766 and psycopg's 65,535 bound parameters
    with db.session() as session:
        assert importer._existing(session, Listing.external_id, ids) == set()


def test_import_listings_failure_is_one_clear_line(tmp_path: Path) -> None:
    """The database refuses the import (here a trigger): one line on stderr, no SQL, nothing imported."""
    db_path = tmp_path / "refusing.db"
    url = f"sqlite:///{db_path}"
    init = subprocess.run([sys.executable, "-m", "backend", "--database-url", url, "init"],
                          capture_output=True, text=True, timeout=120)
    assert init.returncode == 0, init.stderr
    refusing = Database(url)
    with refusing.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TRIGGER refuse_listings BEFORE INSERT ON listings "
                                   "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    lines = tmp_path / "listings.jsonl"
    lines.write_text("\n".join(json.dumps({"external_id": f"l-{i}", "seller_external_id": f"m-{i % 50}",
                                           "title": f"item {i}", "price": 1000, "category": "misc"})
                               for i in range(200)), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "backend", "--database-url", url, "import-listings",
                             str(lines)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "refused by the test" in result.stderr and "nothing imported" in result.stderr
    assert "INSERT" not in result.stderr and "SELECT" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    with refusing.session() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0
    refusing.dispose()
