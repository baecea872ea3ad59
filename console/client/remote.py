"""``ConsoleApi`` over HTTPS: the desktop's side of ``console serve``.

The desktop holds a session token in memory and nothing else: no database credentials,
no keys. Each use case is one ``POST /api/v1/<name>`` on a kept-alive connection; its
answer is rebuilt as the same frozen values the in-process services return, and a refusal
as the same error (class, code, parameters), so every screen reads the same either way.
A server that cannot be reached is ``Unavailable`` (the connection banner), never a
traceback.
"""

from __future__ import annotations

import contextlib
import ssl
import typing
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import httpx

from console.domain import wire
from console.domain.api import ConsoleApi
from console.domain.cards import CardEntry
from console.domain.errors import Unauthenticated, Unavailable
from console.domain.views.accounts import AccountSummary, AddressCheck, EmailQueued
from console.domain.views.audit import AuditFilters, AuditView
from console.domain.views.calls import ActiveCall
from console.domain.views.cart_release import ReleaseOutcome
from console.domain.views.carts import AddOutcome, CartSummary
from console.domain.views.checkout import PaymentResult
from console.domain.views.dashboard import DashboardFigures, FilterOptions
from console.domain.views.family import FamilyChange, FamilyFile
from console.domain.views.holds import HoldDiagnosis, HoldKind
from console.domain.views.households import CallNoteView, HouseholdView
from console.domain.views.outbox_bulk import RequeueReport
from console.domain.views.payers import PayerOptions
from console.domain.views.places import ActivityPlaces, ActivitySummary
from console.domain.views.receipts import EmailedReceipt, ReceiptDocument
from console.domain.views.search import SearchResult
from console.domain.views.service import ServiceInfo
from console.domain.views.sin import RevealedSin
from console.domain.views.staff import Actor
from console.domain.views.staff_auth import FileAccessView, StaffSession
from console.domain.views.verification import (
    CallerAnswers,
    VerificationResult,
    VerificationStatus,
)
from console.domain.views.waitlist_admin import WaitlistReview
from console.domain.vocabulary import Language, Relationship

PREFIX = "/api/v1"
# A use case answers in milliseconds; a payment waits on the gateway (its own timeout is
# 30 s), so the read timeout leaves room for it.
TIMEOUT = httpx.Timeout(45.0, connect=5.0)


@cache
def _result_type(name: str) -> Any:
    return typing.get_type_hints(getattr(ConsoleApi, name))["return"]


def http_client(base_url: str, ca_file: str | None) -> httpx.Client:
    verify: ssl.SSLContext | bool = True
    if ca_file:
        verify = ssl.create_default_context(cafile=ca_file)
    return httpx.Client(
        base_url=base_url.rstrip("/"),
        verify=verify,
        timeout=TIMEOUT,
        # Kept open between an agent's actions, and given up before the server does (75 s).
        limits=httpx.Limits(max_connections=4, max_keepalive_connections=2, keepalive_expiry=50),
        headers={"User-Agent": "console-loisirs"},
    )


def _post(
    http: httpx.Client,
    path: str,
    body: Any,
    token: str | None,
    timing: dict[str, float] | None = None,
) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else None
    try:
        response = http.post(PREFIX + path, json=body, headers=headers)
    except httpx.TimeoutException as exc:
        raise Unavailable("server_timeout") from exc
    except httpx.TransportError as exc:
        raise Unavailable("server_unreachable") from exc
    if timing is not None:
        timing.clear()
        timing.update(server_timing(response.headers.get("server-timing", "")))
    return _answer(response)


def server_timing(header: str) -> dict[str, float]:
    """The durations of a ``Server-Timing`` header, in milliseconds by metric name
    (``db;dur=1.20, app;dur=3.40`` → ``{"db": 1.2, "app": 3.4}``); what it cannot read
    is left out."""
    found: dict[str, float] = {}
    for metric in header.split(","):
        name, *params = (part.strip() for part in metric.split(";"))
        for param in params:
            key, _, value = param.partition("=")
            if name and key.strip() == "dur":
                with contextlib.suppress(ValueError):
                    found[name] = float(value.strip().strip('"'))
    return found


def _answer(response: httpx.Response) -> Any:
    if response.status_code == 204:
        return None
    try:
        payload = response.json()
    except ValueError as exc:
        raise Unavailable("server_unavailable", status=response.status_code) from exc
    if response.status_code >= 400:
        try:
            raise wire.decode_error(payload)
        except wire.WireError as exc:
            raise Unavailable("server_unavailable", status=response.status_code) from exc
    return payload


def sign_in(
    base_url: str, username: str, password: str, *, ca_file: str | None = None
) -> RemoteApi:
    """A session for ``username`` on the server at ``base_url``. The password goes in the
    request body over TLS and nowhere else."""
    http = http_client(base_url, ca_file)
    try:
        payload = _post(http, "/session", {"username": username, "password": password}, None)
        opened: StaffSession = wire.decode(StaffSession, payload)
        api = RemoteApi(http, opened.token, opened.actor, base_url=base_url, ca_file=ca_file)
        api.measure_clock()
    except BaseException:
        http.close()
        raise
    return api


class RemoteApi:
    """``ConsoleApi`` through the console server, for the session's staff member."""

    def __init__(
        self,
        http: httpx.Client,
        token: str,
        actor: Actor,
        *,
        base_url: str,
        ca_file: str | None = None,
    ) -> None:
        self._http = http
        self._base_url, self._ca_file = base_url, ca_file
        self._token = token
        self._actor = actor
        self._offset = timedelta(0)
        # The last answer's Server-Timing, in ms: "app" (the server's time for it) and
        # "db" (of which, inside SQL). Empty when the server sent none.
        self.server_timing: dict[str, float] = {}
        # Called (on the thread that made the request) when the server says the session
        # is over, so the window can ask the staff member to sign in again.
        self.on_session_ended: Callable[[], None] | None = None

    @property
    def actor(self) -> Actor:
        return self._actor

    def _call(self, name: str, **arguments: Any) -> Any:
        try:
            payload = _post(
                self._http, f"/{name}", wire.encode(arguments), self._token, self.server_timing
            )
        except Unauthenticated:
            if self.on_session_ended is not None:
                self.on_session_ended()
            raise
        return wire.decode(_result_type(name), payload)

    def sign_out(self) -> None:
        if not self._token:
            return  # already signed out
        try:
            headers = {"Authorization": f"Bearer {self._token}"}
            self._http.delete(PREFIX + "/session", headers=headers)
        except httpx.HTTPError:
            pass  # the session lapses on its own at the idle timeout
        finally:
            self._token = ""
            self._http.close()

    def measure_clock(self) -> None:
        """Learn how far this desktop's clock is from the server's (countdowns use it)."""
        before = datetime.now(UTC)
        info = self.service_info()
        after = datetime.now(UTC)
        self._offset = info.now - (before + (after - before) / 2)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def service_info(self) -> ServiceInfo:
        result: ServiceInfo = self._call("service_info")
        return result

    def ping(self) -> None:
        self._call("ping")

    def reconnect(self) -> None:
        self._http.close()
        self._http = http_client(self._base_url, self._ca_file)
        self.ping()

    # Search and the family file -------------------------------------------------------
    def search_callers(self, query: str) -> SearchResult:
        return self._call("search_callers", query=query)  # type: ignore[no-any-return]

    def household_view(self, household_id: int) -> HouseholdView:
        return self._call("household_view", household_id=household_id)  # type: ignore[no-any-return]

    def family_file(self, household_id: int) -> FamilyFile:
        return self._call("family_file", household_id=household_id)  # type: ignore[no-any-return]

    def file_accesses(self, household_id: int) -> tuple[FileAccessView, ...]:
        return self._call("file_accesses", household_id=household_id)  # type: ignore[no-any-return]

    def poll_presence(self, household_id: int) -> tuple[str, ...]:
        return self._call("poll_presence", household_id=household_id)  # type: ignore[no-any-return]

    def touch_presence(self, household_id: int | None) -> None:
        self._call("touch_presence", household_id=household_id)

    # Caller verification ------------------------------------------------------------
    def verification_status(self, household_id: int) -> VerificationStatus:
        return self._call("verification_status", household_id=household_id)  # type: ignore[no-any-return]

    def verify_caller(self, household_id: int, answers: CallerAnswers) -> VerificationResult:
        return self._call("verify_caller", household_id=household_id, answers=answers)  # type: ignore[no-any-return]

    # Accounts (F1–F3) ---------------------------------------------------------------
    def account_summary(self, household_id: int) -> AccountSummary:
        return self._call("account_summary", household_id=household_id)  # type: ignore[no-any-return]

    def check_address(self, email: str) -> AddressCheck:
        return self._call("check_address", email=email)  # type: ignore[no-any-return]

    def unlock_account(self, household_id: int, reason: str = "") -> EmailQueued:
        return self._call("unlock_account", household_id=household_id, reason=reason)  # type: ignore[no-any-return]

    def send_password_reset(self, household_id: int, reason: str = "") -> EmailQueued:
        return self._call("send_password_reset", household_id=household_id, reason=reason)  # type: ignore[no-any-return]

    def resend_confirmation(self, household_id: int, reason: str = "") -> EmailQueued:
        return self._call("resend_confirmation", household_id=household_id, reason=reason)  # type: ignore[no-any-return]

    # Members (F4, F12) --------------------------------------------------------------
    def change_relationship(
        self,
        household_id: int,
        member_id: int,
        relationship: Relationship,
        reason: str,
        seen_version: int,
    ) -> FamilyChange:
        return self._call(  # type: ignore[no-any-return]
            "change_relationship",
            household_id=household_id,
            member_id=member_id,
            relationship=relationship,
            reason=reason,
            seen_version=seen_version,
        )

    def remove_member(
        self, household_id: int, member_id: int, reason: str, seen_version: int
    ) -> FamilyChange:
        return self._call(  # type: ignore[no-any-return]
            "remove_member",
            household_id=household_id,
            member_id=member_id,
            reason=reason,
            seen_version=seen_version,
        )

    def reveal_sin(self, household_id: int, member_id: int, reason: str) -> RevealedSin:
        return self._call(  # type: ignore[no-any-return]
            "reveal_sin", household_id=household_id, member_id=member_id, reason=reason
        )

    # Calls --------------------------------------------------------------------------
    def start_call(self, household_id: int | None) -> ActiveCall:
        return self._call("start_call", household_id=household_id)  # type: ignore[no-any-return]

    def end_call(
        self, household_id: int | None, reason: str, started_at: datetime, note: str
    ) -> CallNoteView:
        return self._call(  # type: ignore[no-any-return]
            "end_call",
            household_id=household_id,
            reason=reason,
            started_at=started_at,
            note=note,
        )

    # Places, carts and the waiting list (F6–F8, F11) -------------------------------
    def find_activities(self, text: str) -> list[ActivitySummary]:
        return self._call("find_activities", text=text)  # type: ignore[no-any-return]

    def activity_places(self, activity_id: int) -> ActivityPlaces:
        return self._call("activity_places", activity_id=activity_id)  # type: ignore[no-any-return]

    def add_to_cart(
        self, household_id: int, member_id: int, activity_id: int, cart_id: int | None
    ) -> AddOutcome:
        return self._call(  # type: ignore[no-any-return]
            "add_to_cart",
            household_id=household_id,
            member_id=member_id,
            activity_id=activity_id,
            cart_id=cart_id,
        )

    def extend_hold(self, cart_id: int) -> CartSummary:
        return self._call("extend_hold", cart_id=cart_id)  # type: ignore[no-any-return]

    def remove_from_cart(self, cart_id: int, item_id: int) -> CartSummary:
        return self._call("remove_from_cart", cart_id=cart_id, item_id=item_id)  # type: ignore[no-any-return]

    def what_holds(self, member_id: int, activity_id: int) -> HoldDiagnosis:
        return self._call("what_holds", member_id=member_id, activity_id=activity_id)  # type: ignore[no-any-return]

    def release_stale_hold(self, kind: HoldKind, record_id: int, reason: str) -> None:
        self._call("release_stale_hold", kind=kind, record_id=record_id, reason=reason)

    def release_locked_cart(self, cart_id: int, reason: str) -> ReleaseOutcome:
        return self._call("release_locked_cart", cart_id=cart_id, reason=reason)  # type: ignore[no-any-return]

    def waitlist_review(self, activity_id: int) -> WaitlistReview:
        return self._call("waitlist_review", activity_id=activity_id)  # type: ignore[no-any-return]

    def move_entry(self, entry_id: int, new_rank: int, reason: str) -> None:
        self._call("move_entry", entry_id=entry_id, new_rank=new_rank, reason=reason)

    def send_offer(self, entry_id: int, reason: str) -> datetime:
        return self._call("send_offer", entry_id=entry_id, reason=reason)  # type: ignore[no-any-return]

    def accept_offer(self, entry_id: int, cart_id: int | None) -> CartSummary:
        return self._call("accept_offer", entry_id=entry_id, cart_id=cart_id)  # type: ignore[no-any-return]

    # Payments and receipts (F9, F10, F12–F14) ---------------------------------------
    def payer_options(self, cart_id: int) -> PayerOptions:
        return self._call("payer_options", cart_id=cart_id)  # type: ignore[no-any-return]

    def pay(self, cart_id: int, card: CardEntry, payer_member_id: int) -> PaymentResult:
        return self._call(  # type: ignore[no-any-return]
            "pay", cart_id=cart_id, card=card, payer_member_id=payer_member_id
        )

    def receipt_document(
        self, cart_number: int, owner_number: int, language: Language | None
    ) -> ReceiptDocument:
        return self._call(  # type: ignore[no-any-return]
            "receipt_document",
            cart_number=cart_number,
            owner_number=owner_number,
            language=language,
        )

    def email_receipt(
        self, cart_number: int, owner_number: int, language: Language | None
    ) -> EmailedReceipt:
        return self._call(  # type: ignore[no-any-return]
            "email_receipt",
            cart_number=cart_number,
            owner_number=owner_number,
            language=language,
        )

    # Supervision --------------------------------------------------------------------
    def list_staff(self) -> list[Actor]:
        return self._call("list_staff")  # type: ignore[no-any-return]

    def audit_actions(self) -> tuple[str, ...]:
        return self._call("audit_actions")  # type: ignore[no-any-return]

    def list_audit(self, filters: AuditFilters) -> tuple[AuditView, ...]:
        return self._call("list_audit", filters=filters)  # type: ignore[no-any-return]

    def filter_options(self) -> FilterOptions:
        return self._call("filter_options")  # type: ignore[no-any-return]

    def dashboard_figures(
        self, borough_id: int | None, season_id: int | None, days: int
    ) -> DashboardFigures:
        return self._call(  # type: ignore[no-any-return]
            "dashboard_figures", borough_id=borough_id, season_id=season_id, days=days
        )

    def count_failed_emails(self) -> int:
        return self._call("count_failed_emails")  # type: ignore[no-any-return]

    def requeue_failed_batch(self) -> RequeueReport:
        return self._call("requeue_failed_batch")  # type: ignore[no-any-return]
