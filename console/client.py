"""The HTTP client for the Anzen service.

One ``requests.Session`` for the whole console (connection reuse, one place
for headers). Every call has a timeout. Only idempotent calls are retried, and
only on failures that say nothing reached the service or that it is briefly
unavailable; a POST is never repeated behind the user's back.

These methods block: call them from worker threads through
:class:`console.tasks.TaskRunner`, never from a slot on the UI thread.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from widgets.paged_model import Page

SECRET_HEADER = "X-Anzen-Secret"
API_PREFIX = "/api/v1"
#: (connect, read) seconds. Reads get longer: a list page on a busy service.
DEFAULT_TIMEOUT = (3.05, 20.0)
HEALTH_TIMEOUT = (1.0, 2.0)
RETRYABLE_STATUSES = frozenset({502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


class ServiceError(Exception):
    """Any failure talking to the service."""


class ServiceUnreachable(ServiceError):
    """Nothing came back: refused, reset, timed out, or not a service at all."""


class ApiError(ServiceError):
    """The service answered with an error (``{"error": {...}}``)."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Staff:
    id: int
    username: str
    display_name: str
    role: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Staff:
        return cls(int(data["id"]), str(data["username"]), str(data.get("display_name") or data["username"]),
                   str(data["role"]))


@dataclass(frozen=True)
class SignIn:
    token: str
    expires_at: str
    staff: Staff


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    display_name: str


class ApiClient:
    """Blocking calls to one service; thread-safe enough for a small pool
    (requests' connection pool is; headers only change at sign-in/out)."""

    def __init__(self, base_url: str, *, secret: str | None = None, retries: int = 2,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        self.base_url = base_url
        self._retries = retries
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "anzen-console/0.1"
        self._session.headers["Accept"] = "application/json"
        if secret:
            self._session.headers[SECRET_HEADER] = secret

    @property
    def base_url(self) -> str:
        return self._base_url

    @base_url.setter
    def base_url(self, url: str) -> None:
        self._base_url = url.rstrip("/")

    @property
    def signed_in(self) -> bool:
        return "Authorization" in self._session.headers

    def close(self) -> None:
        self._session.close()

    # -- service-level calls --------------------------------------------------

    def health(self) -> dict[str, Any]:
        """``GET /health``, quick and never retried: the connection monitor polls it."""
        return self._request("GET", "/health", timeout=HEALTH_TIMEOUT, retries=0)

    def demo_accounts(self) -> list[DemoAccount]:
        data = self._request("GET", f"{API_PREFIX}/demo/accounts")
        return [DemoAccount(str(a["username"]), str(a["password"]), str(a["role"]),
                            str(a.get("display_name") or a["username"])) for a in data]

    def login(self, username: str, password: str) -> SignIn:
        """Sign in and use the token for every later call."""
        data = self._request("POST", f"{API_PREFIX}/auth/login",
                             json={"username": username, "password": password})
        sign_in = SignIn(str(data["access_token"]), str(data.get("expires_at") or ""),
                         Staff.from_json(data["staff"]))
        self._session.headers["Authorization"] = f"Bearer {sign_in.token}"
        return sign_in

    def logout(self) -> None:
        """End the session on the service; forget the token whatever it says."""
        try:
            self._request("POST", f"{API_PREFIX}/auth/logout")
        finally:
            self._session.headers.pop("Authorization", None)

    def me(self) -> Staff:
        return Staff.from_json(self._request("GET", f"{API_PREFIX}/me"))

    # -- generic calls ----------------------------------------------------------

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """``GET /api/v1{path}``; ``None`` and ``""`` parameters are left out."""
        return self._request("GET", API_PREFIX + path, params=_clean(params))

    def get_text(self, path: str, params: Mapping[str, Any] | None = None) -> str:
        """``GET /api/v1{path}`` of a non-JSON body (CSV reports); errors as for :meth:`get`."""
        url = self._base_url + API_PREFIX + path
        try:
            response = self._session.get(url, params=_clean(params), timeout=self._timeout)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ServiceUnreachable(f"GET {url}: {exc}") from exc
        if response.status_code >= 400:
            _decode(response)
        response.encoding = response.encoding or "utf-8"
        return response.text

    def get_bytes(self, path: str, params: Mapping[str, Any] | None = None) -> bytes:
        """``GET /api/v1{path}`` of a binary body (evidence packages); errors as for :meth:`get`."""
        url = self._base_url + API_PREFIX + path
        try:
            response = self._session.get(url, params=_clean(params), timeout=self._timeout)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ServiceUnreachable(f"GET {url}: {exc}") from exc
        if response.status_code >= 400:
            _decode(response)
        return response.content

    def post(self, path: str, body: Mapping[str, Any] | None = None, *,
             idempotency_key: str | None = None) -> Any:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return self._request("POST", API_PREFIX + path, json=body, headers=headers)

    def put(self, path: str, body: Mapping[str, Any] | None = None) -> Any:
        """``PUT /api/v1{path}`` (versioned edits: repeating one is harmless)."""
        return self._request("PUT", API_PREFIX + path, json=body)

    def page(self, path: str, params: Mapping[str, Any] | None = None, *,
             cursor: str | None = None, limit: int = 100) -> Page:
        """One page of a cursor-paged list."""
        query = dict(_clean(params) or {})
        query["limit"] = limit
        if cursor:
            query["cursor"] = cursor
        data = self._request("GET", API_PREFIX + path, params=query)
        return Page(items=data.get("items", []), next_cursor=data.get("next_cursor"))

    def open_stream(self, path: str) -> requests.Response:
        """A long-lived streaming GET (server-sent events); the caller closes it."""
        return self._session.get(self._base_url + API_PREFIX + path, stream=True, timeout=(5.0, 45.0),
                                 headers={"Accept": "text/event-stream"})

    # -- plumbing -------------------------------------------------------------------

    def _request(self, method: str, path: str, *, retries: int | None = None,
                 timeout: tuple[float, float] | None = None, **kwargs: Any) -> Any:
        attempts = 1 + (self._retries if retries is None else retries)
        if method not in IDEMPOTENT_METHODS:
            attempts = 1
        url = self._base_url + path
        attempt = 0
        while True:
            may_retry = attempt < attempts - 1
            try:
                response = self._session.request(method, url, timeout=timeout or self._timeout, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as exc:
                if not may_retry:
                    raise ServiceUnreachable(f"{method} {url}: {exc}") from exc
            else:
                if response.status_code not in RETRYABLE_STATUSES or not may_retry:
                    return _decode(response)
                response.close()
            time.sleep(0.2 * 2 ** attempt)
            attempt += 1


def _clean(params: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if params is None:
        return None
    return {key: value for key, value in params.items() if value not in (None, "")}


def _decode(response: requests.Response) -> Any:
    if response.status_code >= 400:
        try:
            error = response.json()["error"]
            raise ApiError(response.status_code, str(error.get("code", "error")),
                           str(error.get("message", response.reason)), error.get("field"))
        except (ValueError, KeyError, TypeError):
            raise ApiError(response.status_code, "http_error",
                           response.reason or f"HTTP {response.status_code}") from None
    if response.status_code == 204 or not response.content:
        return None
    try:
        return response.json()
    except ValueError as exc:
        raise ServiceUnreachable(f"{response.url} did not answer JSON; is it an Anzen service?") from exc
