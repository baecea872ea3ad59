"""The console's use cases in this process, for one staff member.

The embedded demo hands this to the screens; the server builds one per request from the
session's staff member, so both run exactly the same code: the role check, the caller
verification check and the journal entry happen here, in the services, never in a screen.
Reads need a signed-in staff member too, and opening a family file is recorded (Access
Act: who looked at which family, when).
"""

from __future__ import annotations

from datetime import datetime

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
from console.domain.vocabulary import Language, Relationship, Role
from console.services import (
    accounts,
    audit,
    calls,
    cart_release,
    carts,
    checkout,
    dashboard,
    family,
    file_access,
    health,
    holds,
    households,
    outbox_bulk,
    payers,
    places,
    presence,
    receipts,
    search,
    sin_reveal,
    staff,
    verification,
    waitlist_admin,
)
from console.services.context import ServiceContext


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("recreation-support-console")
    except PackageNotFoundError:
        return "0+unknown"


VERSION = _version()
ANY_STAFF = (Role.AGENT, Role.CLERK, Role.SUPERVISOR)


class InProcessApi:
    """``ConsoleApi`` over the services, acting as ``actor``."""

    def __init__(self, ctx: ServiceContext, actor: Actor) -> None:
        self.ctx = ctx
        self._actor = actor

    @property
    def actor(self) -> Actor:
        return self._actor

    def _reader(self, action: str) -> Actor:
        staff.require_role(self._actor, *ANY_STAFF, action=action)
        return self._actor

    def now(self) -> datetime:
        return self.ctx.clock.now()

    def service_info(self) -> ServiceInfo:
        settings = self.ctx.settings
        return ServiceInfo(
            embedded=bool(settings and settings.embedded),
            sandbox_gateway=(settings.gateway if settings else "sandbox") == "sandbox",
            version=VERSION,
            now=self.ctx.clock.now(),
        )

    def ping(self) -> None:
        health.ping(self.ctx)

    def reconnect(self) -> None:
        health.reconnect(self.ctx)

    # Search and the family file -------------------------------------------------------
    def search_callers(self, query: str) -> SearchResult:
        self._reader("search")
        return search.search_callers(self.ctx, query)

    def household_view(self, household_id: int) -> HouseholdView:
        actor = self._reader("view_family")
        view = households.household_view(self.ctx, household_id)
        file_access.record_file_access_ctx(self.ctx, actor, household_id)
        return view

    def family_file(self, household_id: int) -> FamilyFile:
        view = family.family_file(self.ctx, self._actor, household_id)
        file_access.record_file_access_ctx(self.ctx, self._actor, household_id)
        return view

    def file_accesses(self, household_id: int) -> tuple[FileAccessView, ...]:
        return file_access.file_accesses(self.ctx, self._actor, household_id)

    def poll_presence(self, household_id: int) -> tuple[str, ...]:
        return presence.poll_presence(self.ctx, self._actor, household_id)

    def touch_presence(self, household_id: int | None) -> None:
        presence.touch_presence(self.ctx, self._actor, household_id)

    # Caller verification ------------------------------------------------------------
    def verification_status(self, household_id: int) -> VerificationStatus:
        return verification.verification_status(self.ctx, self._reader("verify"), household_id)

    def verify_caller(self, household_id: int, answers: CallerAnswers) -> VerificationResult:
        return verification.verify_caller(self.ctx, self._reader("verify"), household_id, answers)

    # Accounts (F1–F3) ---------------------------------------------------------------
    def account_summary(self, household_id: int) -> AccountSummary:
        summary = accounts.account_summary(self.ctx, self._actor, household_id)
        file_access.record_file_access_ctx(self.ctx, self._actor, household_id)
        return summary

    def check_address(self, email: str) -> AddressCheck:
        return accounts.check_address(self.ctx, self._actor, email)

    def unlock_account(self, household_id: int, reason: str = "") -> EmailQueued:
        return accounts.unlock_account(self.ctx, self._actor, household_id, reason=reason)

    def send_password_reset(self, household_id: int, reason: str = "") -> EmailQueued:
        return accounts.send_password_reset(self.ctx, self._actor, household_id, reason=reason)

    def resend_confirmation(self, household_id: int, reason: str = "") -> EmailQueued:
        return accounts.resend_confirmation(self.ctx, self._actor, household_id, reason=reason)

    # Members (F4, F12) --------------------------------------------------------------
    def change_relationship(
        self,
        household_id: int,
        member_id: int,
        relationship: Relationship,
        reason: str,
        seen_version: int,
    ) -> FamilyChange:
        return family.change_relationship(
            self.ctx,
            self._actor,
            household_id,
            member_id,
            relationship,
            reason=reason,
            seen_version=seen_version,
        )

    def remove_member(
        self, household_id: int, member_id: int, reason: str, seen_version: int
    ) -> FamilyChange:
        return family.remove_member(
            self.ctx, self._actor, household_id, member_id, reason=reason, seen_version=seen_version
        )

    def reveal_sin(self, household_id: int, member_id: int, reason: str) -> RevealedSin:
        return sin_reveal.reveal_sin(self.ctx, self._actor, household_id, member_id, reason=reason)

    # Calls --------------------------------------------------------------------------
    def start_call(self, household_id: int | None) -> ActiveCall:
        return calls.start_call(self.ctx, self._actor, household_id)

    def end_call(
        self, household_id: int | None, reason: str, started_at: datetime, note: str
    ) -> CallNoteView:
        return calls.end_call(self.ctx, self._actor, household_id, reason, started_at, note)

    # Places, carts and the waiting list (F6–F8, F11) -------------------------------
    def find_activities(self, text: str) -> list[ActivitySummary]:
        self._reader("find_activities")
        return places.find_activities(self.ctx, text)

    def activity_places(self, activity_id: int) -> ActivityPlaces:
        self._reader("activity_places")
        return places.activity_places(self.ctx, activity_id)

    def add_to_cart(
        self, household_id: int, member_id: int, activity_id: int, cart_id: int | None
    ) -> AddOutcome:
        return carts.add_to_cart(
            self.ctx,
            self._reader("cart_add"),
            household_id,
            member_id,
            activity_id,
            cart_id=cart_id,
        )

    def extend_hold(self, cart_id: int) -> CartSummary:
        return carts.extend_hold(self.ctx, self._reader("cart_extend"), cart_id)

    def remove_from_cart(self, cart_id: int, item_id: int) -> CartSummary:
        return carts.remove_from_cart(self.ctx, self._reader("cart_remove"), cart_id, item_id)

    def what_holds(self, member_id: int, activity_id: int) -> HoldDiagnosis:
        actor = self._reader("what_holds")
        diagnosis = holds.what_holds(self.ctx, member_id, activity_id)
        file_access.record_for_member(self.ctx, actor, member_id)
        return diagnosis

    def release_stale_hold(self, kind: HoldKind, record_id: int, reason: str) -> None:
        holds.release_stale_hold(self.ctx, self._actor, kind, record_id, reason)

    def release_locked_cart(self, cart_id: int, reason: str) -> ReleaseOutcome:
        return cart_release.release_locked_cart(self.ctx, self._actor, cart_id, reason)

    def waitlist_review(self, activity_id: int) -> WaitlistReview:
        return waitlist_admin.waitlist_review(self.ctx, self._actor, activity_id)

    def move_entry(self, entry_id: int, new_rank: int, reason: str) -> None:
        waitlist_admin.move_entry(self.ctx, self._actor, entry_id, new_rank, reason)

    def send_offer(self, entry_id: int, reason: str) -> datetime:
        return waitlist_admin.send_offer(self.ctx, self._actor, entry_id, reason)

    def accept_offer(self, entry_id: int, cart_id: int | None) -> CartSummary:
        return waitlist_admin.accept_offer(
            self.ctx, self._reader("waitlist_accept"), entry_id, cart_id=cart_id
        )

    # Payments and receipts (F9, F10, F12–F14) ---------------------------------------
    def payer_options(self, cart_id: int) -> PayerOptions:
        actor = self._reader("payer_options")
        options = payers.payer_options(self.ctx, cart_id)
        file_access.record_for_cart(self.ctx, actor, cart_id)
        return options

    def pay(self, cart_id: int, card: CardEntry, payer_member_id: int) -> PaymentResult:
        return checkout.pay(self.ctx, self._reader("pay"), cart_id, card, payer_member_id)

    def receipt_document(
        self, cart_number: int, owner_number: int, language: Language | None
    ) -> ReceiptDocument:
        return receipts.receipt_document(
            self.ctx, self._actor, cart_number, owner_number, language=language
        )

    def email_receipt(
        self, cart_number: int, owner_number: int, language: Language | None
    ) -> EmailedReceipt:
        return receipts.email_receipt(
            self.ctx, self._actor, cart_number, owner_number, language=language
        )

    # Supervision --------------------------------------------------------------------
    def list_staff(self) -> list[Actor]:
        self._reader("list_staff")
        return staff.list_staff(self.ctx)

    def audit_actions(self) -> tuple[str, ...]:
        return audit.audit_actions(self.ctx, self._actor)

    def list_audit(self, filters: AuditFilters) -> tuple[AuditView, ...]:
        return audit.list_audit(self.ctx, self._actor, filters)

    def filter_options(self) -> FilterOptions:
        return dashboard.filter_options(self.ctx, self._actor)

    def dashboard_figures(
        self, borough_id: int | None, season_id: int | None, days: int
    ) -> DashboardFigures:
        return dashboard.dashboard_figures(self.ctx, self._actor, borough_id, season_id, days)

    def count_failed_emails(self) -> int:
        return outbox_bulk.count_failed(self.ctx, self._actor)

    def requeue_failed_batch(self) -> RequeueReport:
        return outbox_bulk.requeue_batch(self.ctx, self._actor)


class EmbeddedDemo:
    """The embedded demo's services: any staff member may be picked (the window says DÉMO),
    and the demo-only tools (rebuilding the data, simulating the public site, the sweep
    that a server would run) reach the context directly."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def staff(self) -> list[Actor]:
        return staff.list_staff(self.ctx)

    def actor_named(self, username: str) -> Actor:
        return staff.actor_for_username(self.ctx, username)

    def api_for(self, actor: Actor) -> InProcessApi:
        return InProcessApi(self.ctx, actor)
