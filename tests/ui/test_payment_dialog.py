"""The payment screen: payer list (F12, F13), card cleared after the charge, outcome (F9)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from console.domain.cards import CardEntry
from console.domain.errors import Reason, Refused
from console.domain.vocabulary import PaymentStatus, Relationship
from console.services.payers import PayerOption, PayerOptions
from console.ui.kit import confirm
from console.ui.kit.tasks import TaskRunner
from console.ui.payments.card_entry import CardEntryWidget
from console.ui.payments.payment_dialog import PaymentDialog

APPROVED = "Paiement effectué avec succès – Confirmation de paiement"


@pytest.fixture(autouse=True)
def _confirmed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The agent says yes to « Débiter … ? » (test_payment_dialog checks the question)."""
    asked: list[tuple[str, str]] = []

    def yes(_parent: object, _title: str, what: str, who: str, **_: object) -> bool:
        asked.append((what, who))
        return True

    monkeypatch.setattr(confirm, "confirm_change", yes)
    return asked


@dataclass(frozen=True)
class Outcome:
    cart_number: int = 5_000_001
    owner_number: int = 100_001
    status: PaymentStatus = PaymentStatus.APPROVED
    amount_cents: int = 12_500
    card_brand: str | None = "visa"
    card_last4: str | None = "4242"
    authorization_code: str | None = "AUTH01"
    refusal_reason: str | None = None
    receipt_number: int | None = 20_000_001


def _options(*, childcare: bool = False, sin: bool = True) -> PayerOptions:
    payers = (
        PayerOption(1, "Hélène Bérubé", Relationship.RESPONSIBLE, True, True),
        PayerOption(2, "Marc Bérubé", Relationship.SPOUSE_AND_PARENT, False, not childcare),
    )
    reasons: tuple[Reason, ...] = ()
    if childcare:
        reasons = (
            Reason(
                "childcare_requires_responsible",
                {"responsible_name": "Hélène Bérubé", "activities": "Programme Vacances-Été"},
            ),
        )
        if not sin:
            reasons += (Reason("no_sin_no_releve24", {"responsible_name": "Hélène Bérubé"}),)
    return PayerOptions(
        cart_id=7,
        cart_number=5_000_001,
        owner_number=100_001,
        household_id=3,
        amount_cents=12_500,
        payers=payers,
        childcare_activities=("Programme Vacances-Été",) if childcare else (),
        responsible_member_id=1,
        responsible_name="Hélène Bérubé",
        responsible_has_sin=sin,
        reasons=reasons,
    )


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_idle()


class FakeCharge:
    def __init__(self, outcome: Outcome | BaseException) -> None:
        self.outcome = outcome
        self.seen: list[tuple[str, str, int]] = []
        self.cards: list[CardEntry] = []
        self.thread: threading.Thread | None = None

    def __call__(self, card: CardEntry, payer: int) -> Outcome:
        self.thread = threading.current_thread()
        self.seen.append((card.number(), card.cvv(), payer))
        self.cards.append(card)
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome


def _dialog(
    qtbot: QtBot, tasks: TaskRunner, options: PayerOptions, charge: FakeCharge
) -> PaymentDialog:
    card = CardEntryWidget(today=lambda: date(2026, 3, 2))
    dialog = PaymentDialog(tasks, lambda: options, charge, card_entry=card)
    qtbot.add_widget(dialog)
    qtbot.waitUntil(lambda: dialog.payer.count() > 0)
    return dialog


def _key_card(qtbot: QtBot, dialog: PaymentDialog, number: str = "4242 4242 4242 4242") -> None:
    qtbot.keyClicks(dialog.card.number, number)
    qtbot.keyClicks(dialog.card.expiry, "12/28")
    qtbot.keyClicks(dialog.card.cvv, "123")


def test_payer_list_defaults_to_the_responsible(qtbot: QtBot, tasks: TaskRunner) -> None:
    dialog = _dialog(qtbot, tasks, _options(), FakeCharge(Outcome()))
    assert [dialog.payer.itemData(i) for i in range(dialog.payer.count())] == [1, 2]
    assert dialog.selected_payer() == 1
    assert dialog.why.isHidden() and dialog.releve24.isHidden()
    assert dialog.amount.text() == "125,00\u00a0$"


def test_childcare_greys_out_other_payers_and_explains(qtbot: QtBot, tasks: TaskRunner) -> None:
    dialog = _dialog(qtbot, tasks, _options(childcare=True, sin=False), FakeCharge(Outcome()))
    model = dialog.payer.model()
    assert isinstance(model, QStandardItemModel)
    assert model.item(0).isEnabled() and not model.item(1).isEnabled()
    only = "seule la personne responsable du dossier, Hélène Bérubé, peut payer"
    assert only in dialog.why.text()
    assert "relevé 24" in dialog.why.text()
    assert "aucun relevé 24 ne pourra être délivré" in dialog.releve24.text()
    assert not dialog.releve24.isHidden()


def test_approved_payment_clears_the_card_and_shows_the_sites_words(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    charge = FakeCharge(Outcome())
    dialog = _dialog(qtbot, tasks, _options(), charge)
    _key_card(qtbot, dialog, "4242-4242-4242-4242")
    dialog.pay_button.click()
    # The fields are emptied the moment Pay is pressed.
    assert dialog.card.number.text() == "" and dialog.card.cvv.text() == ""
    with qtbot.wait_signal(dialog.paid, timeout=5000):
        pass
    assert charge.seen == [("4242424242424242", "123", 1)]
    assert charge.thread is not threading.main_thread()
    assert charge.cards[0].cleared  # cleared on the worker once the gateway answered
    assert APPROVED in dialog.status.text()
    assert "VISA •••• 4242" in dialog.status.text() and "AUTH01" in dialog.status.text()
    assert "4242424242424242" not in dialog.status.text()
    assert dialog.receipt_button.isVisible() or not dialog.isVisible()
    with qtbot.wait_signal(dialog.receipt_requested) as asked:
        dialog.receipt_button.click()
    assert asked.args == [5_000_001, 100_001]


def test_refused_payment_says_paiement_refuse_and_lets_the_agent_retry(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    refused = Outcome(
        status=PaymentStatus.REFUSED,
        authorization_code=None,
        refusal_reason="insufficient_funds",
        receipt_number=None,
    )
    charge = FakeCharge(refused)
    dialog = _dialog(qtbot, tasks, _options(), charge)
    _key_card(qtbot, dialog)
    with qtbot.wait_signal(dialog.paid, timeout=5000):
        dialog.pay_button.click()
    assert dialog.status.text().startswith("Paiement refusé")
    assert "insuffisants" in dialog.status.text()
    assert charge.cards[0].cleared
    assert dialog.pay_button.isEnabled()
    assert dialog.card.number.text() == ""


def test_service_refusal_is_explained_and_the_card_still_cleared(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    error = Refused(
        "childcare_requires_responsible",
        reasons=(
            Reason(
                "childcare_requires_responsible",
                {"responsible_name": "Hélène Bérubé", "activities": "PVE"},
            ),
        ),
    )
    charge = FakeCharge(error)
    dialog = _dialog(qtbot, tasks, _options(), charge)
    _key_card(qtbot, dialog)
    dialog.pay_button.click()
    qtbot.waitUntil(lambda: "Hélène Bérubé" in dialog.status.text(), timeout=5000)
    assert charge.cards[0].cleared


def test_invalid_card_is_explained_and_never_charged(qtbot: QtBot, tasks: TaskRunner) -> None:
    charge = FakeCharge(Outcome())
    dialog = _dialog(qtbot, tasks, _options(), charge)
    qtbot.keyClicks(dialog.card.number, "378282246310005")
    dialog.pay_button.click()
    assert charge.seen == []
    assert "VISA et Mastercard" in dialog.card.reason.text()
    assert "Date d'expiration invalide" in dialog.card.reason.text()


def test_a_refusal_that_is_no_card_rule_reads_as_a_sentence_not_a_code(qtbot: QtBot) -> None:
    from console.domain.errors import Refused
    from console.ui.payments.payment_dialog import error_text, refusal_text
    from console.ui.payments.receipt_dialog import receipt_error_text

    for code in ("cart_not_payable", "payment_in_flight"):
        assert code not in error_text(Refused(code))
        assert code not in receipt_error_text(Refused(code))
    assert "some_new_gateway_code" not in refusal_text("some_new_gateway_code")


def test_paying_asks_first_naming_amount_cart_payer_and_file(
    qtbot: QtBot, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []

    def no(_parent: object, _title: str, what: str, who: str, **_: object) -> bool:
        asked.append((what, who))
        return False

    monkeypatch.setattr(confirm, "confirm_change", no)
    charge = FakeCharge(Outcome())
    dialog = _dialog(qtbot, tasks, _options(), charge)
    _key_card(qtbot, dialog)
    dialog.pay_button.click()
    tasks.wait_idle()
    assert charge.seen == []  # Cancel: nothing is charged, the card stays for a retry
    assert dialog.card.number.text() != "" and dialog.pay_button.isEnabled()
    ((what, who),) = asked
    assert "125,00\u00a0$" in what and "5000001" in what.replace("\u00a0", "")
    assert "Hélène Bérubé" in who and "100001" in who.replace("\u00a0", "")
    assert "4242" not in what + who  # no card digits in the question
