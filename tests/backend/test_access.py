"""Every endpoint × every role: the service, not the console, decides who may do what."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.staff.models import Role
from tests.conftest import PASSWORD

ALL = set(Role) - {Role.rights_owner}  # every staff role; rights owners are external (issue 17)
SUP = {Role.supervisor}
RECALLS = {Role.safety_officer, Role.supervisor}  # issue 8

# (method, path template) -> roles allowed. Written out by hand as the test's own oracle.
MATRIX: dict[tuple[str, str], set[Role]] = {
    ("GET", "/api/v1/me"): ALL | {Role.rights_owner},
    ("GET", "/api/v1/staff"): SUP,
    # --- hardening (issue 19)
    ("POST", "/api/v1/staff/{staff_id}/unlock"): SUP,
    ("GET", "/api/v1/staff-alerts"): SUP,
    ("GET", "/api/v1/members"): ALL,
    ("GET", "/api/v1/members/{member_id}"): ALL,
    ("GET", "/api/v1/listings"): ALL,
    ("GET", "/api/v1/listings/{listing_id}"): ALL,
    ("GET", "/api/v1/transactions"): ALL,
    ("GET", "/api/v1/transactions/{transaction_id}"): ALL,
    ("GET", "/api/v1/ratings"): ALL,
    ("GET", "/api/v1/inquiries"): {Role.agent, Role.supervisor},
    ("GET", "/api/v1/inquiries/{inquiry_id}"): {Role.agent, Role.supervisor},
    ("GET", "/api/v1/flags"): {Role.moderator, Role.safety_officer, Role.supervisor},
    ("GET", "/api/v1/flags/{flag_id}"): {Role.moderator, Role.safety_officer, Role.supervisor},
    ("GET", "/api/v1/audit-events"): SUP,
    ("GET", "/api/v1/audit-events/verify"): SUP,
    ("POST", "/api/v1/audit-events/checkpoints"): SUP,
    ("GET", "/api/v1/audit-events/reveals"): SUP,
    # --- queue, shifts, inquiry workspace (issue 4)
    # Queue item paths use the sample flag's row: agents work inquiries, so they get 403 on it.
    ("GET", "/api/v1/queue"): {Role.agent, Role.moderator, Role.supervisor},
    ("GET", "/api/v1/queue/changes"): {Role.agent, Role.moderator, Role.supervisor},
    ("POST", "/api/v1/queue/next"): {Role.agent, Role.moderator, Role.supervisor},
    ("GET", "/api/v1/queue/items/{queue_item_id}"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/queue/items/{queue_item_id}/claim"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/queue/items/{queue_item_id}/renew"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/queue/items/{queue_item_id}/release"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/queue/items/{queue_item_id}/handoff"): {Role.moderator, Role.supervisor},
    ("GET", "/api/v1/handover"): {Role.agent, Role.moderator, Role.supervisor},
    ("GET", "/api/v1/shifts"): ALL,
    ("POST", "/api/v1/shifts"): SUP,
    ("GET", "/api/v1/shifts/current"): ALL,
    ("PATCH", "/api/v1/shifts/{shift_id}"): SUP,
    ("GET", "/api/v1/rota"): ALL,
    ("POST", "/api/v1/rota"): SUP,
    ("DELETE", "/api/v1/rota/{rota_entry_id}"): SUP,
    ("POST", "/api/v1/attendance/clock-in"): ALL,
    ("POST", "/api/v1/attendance/clock-out"): ALL,
    ("GET", "/api/v1/macros"): {Role.agent, Role.supervisor},
    ("POST", "/api/v1/macros"): SUP,
    ("GET", "/api/v1/macros/placeholders"): {Role.agent, Role.supervisor},
    ("PATCH", "/api/v1/macros/{macro_id}"): SUP,
    ("GET", "/api/v1/inquiries/{inquiry_id}/macros/{macro_id}"): {Role.agent, Role.supervisor},
    ("POST", "/api/v1/inquiries/{inquiry_id}/replies"): {Role.agent, Role.supervisor},
    ("POST", "/api/v1/inquiries/{inquiry_id}/notes"): {Role.agent, Role.supervisor},
    ("POST", "/api/v1/inquiries/{inquiry_id}/status"): {Role.agent, Role.supervisor},
    # --- escrow actions, member context (issue 5)
    ("POST", "/api/v1/transactions/{transaction_id}/hold"): {Role.agent, Role.supervisor},
    ("POST", "/api/v1/transactions/{transaction_id}/release"): {Role.agent, Role.supervisor},
    ("POST", "/api/v1/transactions/{transaction_id}/refund"): {Role.agent, Role.supervisor},
    ("POST", "/api/v1/transactions/{transaction_id}/cancel"): {Role.agent, Role.supervisor},
    ("GET", "/api/v1/refund-approvals"): {Role.agent, Role.supervisor},
    ("POST", "/api/v1/refund-approvals/{approval_id}/approve"): SUP,
    ("POST", "/api/v1/refund-approvals/{approval_id}/reject"): SUP,
    ("GET", "/api/v1/members/{member_id}/summary"): ALL,
    ("GET", "/api/v1/members/{member_id}/ratings/summary"): ALL,
    ("POST", "/api/v1/members/{member_id}/contact/reveal"): {Role.agent, Role.supervisor},
    ("GET", "/api/v1/lookup/{key}"): ALL,
    # --- enforcement (issue 6)
    ("POST", "/api/v1/listings/{listing_id}/takedown"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/takedowns/{takedown_id}/reinstate"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/takedowns/{takedown_id}/make-permanent"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/takedowns/reinstate-expired"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/takedowns/bulk/preview"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/takedowns/bulk"): {Role.moderator, Role.supervisor},
    ("GET", "/api/v1/takedowns"): ALL,
    ("GET", "/api/v1/takedowns/{takedown_id}"): ALL,
    ("POST", "/api/v1/flags/{flag_id}/dismiss"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/members/{member_id}/sanctions"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/members/{member_id}/sanctions/lift"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/takedowns/{takedown_id}/appeals"): {Role.agent, Role.supervisor},
    ("GET", "/api/v1/appeals"): {Role.agent, Role.moderator, Role.supervisor},
    ("GET", "/api/v1/appeals/{appeal_id}"): {Role.agent, Role.moderator, Role.supervisor},
    ("POST", "/api/v1/appeals/{appeal_id}/decide"): {Role.moderator, Role.supervisor},
    ("GET", "/api/v1/listings/{listing_id}/enforcement"): ALL,
    ("GET", "/api/v1/members/{member_id}/enforcement"): ALL,
    # --- detection (issue 7)
    ("POST", "/api/v1/listings"): SUP,
    ("PATCH", "/api/v1/listings/{listing_id}"): SUP,
    ("GET", "/api/v1/screening/listings/{listing_id}"): {Role.moderator, Role.supervisor},
    ("GET", "/api/v1/screening/thresholds"): {Role.moderator, Role.supervisor},
    ("PUT", "/api/v1/screening/thresholds/{policy}"): SUP,
    ("GET", "/api/v1/screening/thresholds/{policy}/preview"): {Role.moderator, Role.supervisor},
    ("GET", "/api/v1/screening/versions"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/screening/versions/train"): SUP,
    ("POST", "/api/v1/screening/versions/{version_id}/activate"): SUP,
    # --- recalls (issue 8)
    ("GET", "/api/v1/recalls"): RECALLS,
    ("POST", "/api/v1/recalls"): RECALLS,
    ("POST", "/api/v1/recalls/import"): RECALLS,
    ("GET", "/api/v1/recalls/{recall_id}"): RECALLS,
    ("PATCH", "/api/v1/recalls/{recall_id}"): RECALLS,
    ("POST", "/api/v1/recalls/{recall_id}/match"): RECALLS,
    ("GET", "/api/v1/recalls/{recall_id}/matches"): RECALLS,
    ("POST", "/api/v1/recalls/{recall_id}/matches/decide"): RECALLS,
    ("GET", "/api/v1/recalls/{recall_id}/affected-members"): RECALLS,
    ("POST", "/api/v1/recalls/{recall_id}/notices"): RECALLS,
    ("GET", "/api/v1/recalls/{recall_id}/dashboard"): RECALLS,
    ("GET", "/api/v1/recalls/{recall_id}/report.csv"): RECALLS,
    ("GET", "/api/v1/notices"): RECALLS,
    ("POST", "/api/v1/notices/{notice_id}/read"): RECALLS,
    ("POST", "/api/v1/notices/{notice_id}/acknowledge"): RECALLS,
    ("POST", "/api/v1/notices/{notice_id}/return"): RECALLS,
    # --- dashboards and audit viewer (issue 18)
    ("GET", "/api/v1/metrics/operations?from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z"): SUP,
    ("GET", "/api/v1/metrics/enforcement?from=2030-01-01T00:00:00Z&to=2030-01-08T00:00:00Z"): SUP,
    ("GET", "/api/v1/metrics/recalls/{recall_id}?from=2030-01-01T00:00:00Z&to=2030-01-08T00:00:00Z"): RECALLS,
    ("GET", "/api/v1/audit-viewer/events"): SUP,
    ("GET", "/api/v1/audit-viewer/facets"): SUP,
    # --- messages (issue 21)
    ("GET", "/api/v1/transactions/{transaction_id}/messages"): ALL,
    ("POST", "/api/v1/transactions/{transaction_id}/messages/reveal"): {Role.agent, Role.supervisor},
    ("GET", "/api/v1/listings/{listing_id}/comments"): ALL,
    ("POST", "/api/v1/messages"): SUP,
    # --- authorities and rights owners (issue 17); supervisors pass every permission check, but the
    # service lets only a rights owner's account file reports (tests/backend/rights)
    ("POST", "/api/v1/authority-requests"): SUP,
    ("GET", "/api/v1/authority-requests"): SUP,
    ("GET", "/api/v1/authority-requests/{request_id}"): SUP,
    ("POST", "/api/v1/authority-requests/{request_id}/approve"): SUP,
    ("POST", "/api/v1/authority-requests/{request_id}/decline"): SUP,
    ("POST", "/api/v1/authority-requests/{request_id}/close"): SUP,
    ("GET", "/api/v1/authority-requests/{request_id}/package"): SUP,
    ("POST", "/api/v1/members/{member_id}/erase"): SUP,
    ("POST", "/api/v1/rights-owners"): SUP,
    ("GET", "/api/v1/rights-owners"): SUP,
    ("POST", "/api/v1/rights-reports"): {Role.rights_owner, Role.supervisor},
    ("POST", "/api/v1/rights-reports/import"): {Role.rights_owner, Role.supervisor},
    ("GET", "/api/v1/rights-reports"): {Role.moderator, Role.rights_owner, Role.supervisor},
    ("GET", "/api/v1/rights-reports/{report_id}"): {Role.moderator, Role.rights_owner, Role.supervisor},
    ("POST", "/api/v1/rights-reports/{report_id}/decision"): {Role.moderator, Role.supervisor},
    ("POST", "/api/v1/rights-reports/{report_id}/appeal-response"): {Role.rights_owner, Role.supervisor},
    ("GET", "/api/v1/reports/transparency?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z"): SUP,
}
# Reached without a bearer token by design.
PUBLIC = {("POST", "/api/v1/auth/login"), ("GET", "/api/v1/demo/accounts")}
# Need a token, allowed for every role, but change state: checked separately below.
WRITES = {("POST", "/api/v1/auth/logout"), ("POST", "/api/v1/staff")}


def _api_routes(client: TestClient) -> set[tuple[str, str]]:
    paths = client.app.openapi()["paths"]
    return {(method.upper(), path) for path, ops in paths.items() if path.startswith("/api/v1") for method in ops}


def test_matrix_covers_every_endpoint(client: TestClient) -> None:
    # A path may carry the query its GET needs (the metrics' period): the route is the part before "?".
    assert _api_routes(client) == {(m, p.split("?")[0]) for m, p in MATRIX} | PUBLIC | WRITES


@pytest.fixture
def cooperation_ids(db, sample) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """An approved authority request and the test rights owner's report (issue 17)."""
    from tests.backend.authority.helpers import approved_request, owned_report

    return {"request_id": approved_request(db, member_id=sample.seller, listing_id=sample.listing),
            "report_id": owned_report(db, listing_id=sample.listing)}


@pytest.mark.parametrize("endpoint", sorted(MATRIX), ids=lambda e: f"{e[0]} {e[1]}")
def test_role_matrix(client: TestClient, headers, sample, cooperation_ids, endpoint) -> None:
    """No token: 401. Roles not allowed: 403. Allowed roles get past the
    permission check (a GET succeeds; a write may still refuse an empty body).
    Refused roles go first, so an allowed write cannot change what they see."""
    method, template = endpoint
    path = template.format(**sample.path_ids(), **cooperation_ids)
    body = None if method == "GET" else {}
    anonymous = client.request(method, path, json=body)
    assert anonymous.status_code == 401, anonymous.text
    assert anonymous.json()["error"]["code"] == "unauthorized"
    for role in sorted(Role, key=lambda r: r in MATRIX[endpoint]):
        response = client.request(method, path, headers=headers[role.value], json=body)
        if role not in MATRIX[endpoint]:
            assert response.status_code == 403, f"{role}: {response.text}"
            assert response.json()["error"]["code"] == "forbidden"
        elif method == "GET":
            assert response.status_code == 200, f"{role}: {response.text}"
        else:
            assert response.status_code not in (401, 403) and response.status_code < 500, f"{role}: {response.text}"


@pytest.mark.parametrize("endpoint", sorted(WRITES), ids=lambda e: f"{e[0]} {e[1]}")
def test_every_write_needs_a_token(client: TestClient, endpoint) -> None:
    method, path = endpoint
    response = client.request(method, path, json={})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_only_supervisors_create_staff(client: TestClient, headers) -> None:
    body = {"username": "new-agent", "password": "long-enough-pw", "role": "agent"}
    for role in (Role.agent, Role.moderator, Role.safety_officer):
        assert client.post("/api/v1/staff", json=body, headers=headers[role.value]).status_code == 403
    created = client.post("/api/v1/staff", json=body, headers=headers["supervisor"])
    assert created.status_code == 201, created.text
    again = client.post("/api/v1/staff", json=body, headers=headers["supervisor"])
    assert again.status_code == 409 and again.json()["error"]["field"] == "username"
    bad_role = client.post("/api/v1/staff", json=body | {"username": "x2", "role": "admin"},
                           headers=headers["supervisor"])
    assert bad_role.status_code == 422 and bad_role.json()["error"]["field"] == "role"
    login = client.post("/api/v1/auth/login", json={"username": "new-agent", "password": "long-enough-pw"})
    assert login.status_code == 200 and login.json()["staff"]["role"] == "agent"


def test_logout_revokes_the_token(client: TestClient) -> None:
    login = client.post("/api/v1/auth/login", json={"username": "test-agent", "password": PASSWORD})
    mine = {"Authorization": f"Bearer {login.json()['access_token']}"}
    assert client.get("/api/v1/me", headers=mine).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=mine).status_code == 204
    assert client.get("/api/v1/me", headers=mine).status_code == 401


def test_wrong_password_is_refused(client: TestClient) -> None:
    response = client.post("/api/v1/auth/login", json={"username": "test-agent", "password": "nope"})
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Wrong username or password."
