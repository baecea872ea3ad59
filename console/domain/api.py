"""The one interface the screens use: every use case of the console, with no actor.

Two implementations answer it: ``console.services.api.InProcessApi`` runs the services in
this process (the embedded demo, and the server itself), and
``console.client.remote.RemoteApi`` asks ``console serve`` over HTTPS. Who acts, and in
which role, is the implementation's business (a demo staff picker, or the server's
session): nothing a screen passes can name an actor.

Each method is one use case; its annotations are the contract the server's routes, the
wire codec and the contract tests are built from, so they must stay exact.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable

from console.domain.cards import CardEntry
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
from console.domain.views.staff_auth import FileAccessView
from console.domain.views.verification import (
    CallerAnswers,
    VerificationResult,
    VerificationStatus,
)
from console.domain.views.waitlist_admin import WaitlistReview
from console.domain.vocabulary import Language, Relationship


@runtime_checkable
class ConsoleApi(Protocol):
    """Every use case a screen can ask for, on behalf of the signed-in staff member."""

    @property
    def actor(self) -> Actor: ...

    def now(self) -> datetime:
        """The authoritative clock (the server's in production)."""
        ...

    def service_info(self) -> ServiceInfo:
        """The service's clock, and whether its payment gateway is the sandbox."""
        ...

    def ping(self) -> None:
        """Return when the service answers; raise ``Unavailable`` when it does not."""
        ...

    def reconnect(self) -> None:
        """After an outage: drop the connections, then ping with a new one."""
        ...

    # Search and the family file -------------------------------------------------------
    def search_callers(self, query: str) -> SearchResult: ...
    def household_view(self, household_id: int) -> HouseholdView: ...
    def family_file(self, household_id: int) -> FamilyFile: ...
    def file_accesses(self, household_id: int) -> tuple[FileAccessView, ...]: ...
    def poll_presence(self, household_id: int) -> tuple[str, ...]: ...
    def touch_presence(self, household_id: int | None) -> None: ...

    # Caller verification ------------------------------------------------------------
    def verification_status(self, household_id: int) -> VerificationStatus: ...
    def verify_caller(self, household_id: int, answers: CallerAnswers) -> VerificationResult: ...

    # Accounts (F1–F3) ---------------------------------------------------------------
    def account_summary(self, household_id: int) -> AccountSummary: ...
    def check_address(self, email: str) -> AddressCheck: ...
    def unlock_account(self, household_id: int, reason: str = "") -> EmailQueued: ...
    def send_password_reset(self, household_id: int, reason: str = "") -> EmailQueued: ...
    def resend_confirmation(self, household_id: int, reason: str = "") -> EmailQueued: ...

    # Members (F4, F12) --------------------------------------------------------------
    def change_relationship(
        self,
        household_id: int,
        member_id: int,
        relationship: Relationship,
        reason: str,
        seen_version: int,
    ) -> FamilyChange: ...
    def remove_member(
        self, household_id: int, member_id: int, reason: str, seen_version: int
    ) -> FamilyChange: ...
    def reveal_sin(self, household_id: int, member_id: int, reason: str) -> RevealedSin:
        """The member's whole social insurance number (clerks and supervisors, caller
        verified, with a reason; journaled)."""
        ...

    # Calls --------------------------------------------------------------------------
    def start_call(self, household_id: int | None) -> ActiveCall: ...
    def end_call(
        self, household_id: int | None, reason: str, started_at: datetime, note: str
    ) -> CallNoteView: ...

    # Places, carts and the waiting list (F6–F8, F11) -------------------------------
    def find_activities(self, text: str) -> list[ActivitySummary]: ...
    def activity_places(self, activity_id: int) -> ActivityPlaces: ...
    def add_to_cart(
        self, household_id: int, member_id: int, activity_id: int, cart_id: int | None
    ) -> AddOutcome: ...
    def extend_hold(self, cart_id: int) -> CartSummary: ...
    def remove_from_cart(self, cart_id: int, item_id: int) -> CartSummary: ...
    def what_holds(self, member_id: int, activity_id: int) -> HoldDiagnosis: ...
    def release_stale_hold(self, kind: HoldKind, record_id: int, reason: str) -> None: ...
    def release_locked_cart(self, cart_id: int, reason: str) -> ReleaseOutcome: ...
    def waitlist_review(self, activity_id: int) -> WaitlistReview: ...
    def move_entry(self, entry_id: int, new_rank: int, reason: str) -> None: ...
    def send_offer(self, entry_id: int, reason: str) -> datetime: ...
    def accept_offer(self, entry_id: int, cart_id: int | None) -> CartSummary: ...

    # Payments and receipts (F9, F10, F12–F14) ---------------------------------------
    def payer_options(self, cart_id: int) -> PayerOptions: ...
    def pay(self, cart_id: int, card: CardEntry, payer_member_id: int) -> PaymentResult: ...
    def receipt_document(
        self, cart_number: int, owner_number: int, language: Language | None
    ) -> ReceiptDocument: ...
    def email_receipt(
        self, cart_number: int, owner_number: int, language: Language | None
    ) -> EmailedReceipt: ...

    # Supervision --------------------------------------------------------------------
    def list_staff(self) -> list[Actor]: ...
    def audit_actions(self) -> tuple[str, ...]: ...
    def list_audit(self, filters: AuditFilters) -> tuple[AuditView, ...]: ...
    def filter_options(self) -> FilterOptions: ...
    def dashboard_figures(
        self, borough_id: int | None, season_id: int | None, days: int
    ) -> DashboardFigures: ...
    def count_failed_emails(self) -> int: ...
    def requeue_failed_batch(self) -> RequeueReport:
        """Put the next batch of failed emails back in the queue (one transaction)."""
        ...


def operations() -> tuple[str, ...]:
    """The names of the use cases that cross the wire (every method but the local ones)."""
    local = {"actor", "reconnect"}
    return tuple(
        name
        for name, value in vars(ConsoleApi).items()
        if callable(value) and not name.startswith("_") and name not in local
    )
