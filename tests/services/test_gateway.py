"""The sandbox payment site: test cards, idempotency, injected faults, no card data kept."""

from __future__ import annotations

import logging

import pytest

from console.config import Settings
from console.domain.cards import CardEntry
from console.domain.errors import Unavailable
from console.domain.vocabulary import CardBrand, PaymentStatus
from console.services.gateway import (
    GatewayDown,
    GatewayOutcome,
    GatewayTimeout,
    payment_gateway,
)
from console.services.sandbox_gateway import Fault, SandboxGateway


def card(number: str) -> CardEntry:
    return CardEntry(number, 12, 2030, "123")


@pytest.mark.parametrize(
    ("number", "brand"),
    [
        ("4242424242424242", CardBrand.VISA),
        ("5555555555554444", CardBrand.MASTERCARD),
        ("2223000048400011", CardBrand.MASTERCARD),
    ],
)
def test_approved_test_cards(number: str, brand: CardBrand) -> None:
    outcome = SandboxGateway().charge("k1", 5500, card(number), "panier")
    assert outcome.approved
    assert outcome.brand is brand
    assert outcome.last4 == number[-4:]
    assert outcome.authorization_code


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("4000000000000002", "card_declined"),
        ("4000000000009995", "insufficient_funds"),
        ("4000000000000069", "expired_card"),
        ("4000000000000127", "incorrect_cvc"),
    ],
)
def test_refusing_test_cards(number: str, code: str) -> None:
    gateway = SandboxGateway()
    outcome = gateway.charge("k1", 5500, card(number), "panier")
    assert outcome.status is PaymentStatus.REFUSED
    assert outcome.refusal_code == code
    assert gateway.charges["k1"] == 0


def test_same_key_charges_once() -> None:
    gateway = SandboxGateway()
    first = gateway.charge("k1", 5500, card("4242424242424242"), "panier")
    again = gateway.charge("k1", 5500, card("4242424242424242"), "panier")
    assert first == again
    assert gateway.charges["k1"] == 1
    assert gateway.status("k1") == first


def test_status_of_unknown_key_is_none() -> None:
    assert SandboxGateway().status("never") is None


def test_timeout_before_charge_leaves_nothing() -> None:
    gateway = SandboxGateway()
    gateway.inject(Fault.TIMEOUT_BEFORE_CHARGE)
    with pytest.raises(GatewayTimeout):
        gateway.charge("k1", 5500, card("4242424242424242"), "panier")
    assert gateway.status("k1") is None
    assert gateway.charges["k1"] == 0


def test_timeout_after_charge_is_visible_through_status() -> None:
    gateway = SandboxGateway()
    gateway.inject(Fault.TIMEOUT_AFTER_CHARGE)
    with pytest.raises(GatewayTimeout):
        gateway.charge("k1", 5500, card("4242424242424242"), "panier")
    status = gateway.status("k1")
    assert status is not None and status.approved
    assert gateway.charges["k1"] == 1


def test_injected_decline_and_expired() -> None:
    gateway = SandboxGateway()
    gateway.inject(Fault.DECLINE, Fault.EXPIRED)
    assert gateway.charge("a", 1, card("4242424242424242"), "").refusal_code == "card_declined"
    assert gateway.charge("b", 1, card("4242424242424242"), "").refusal_code == "expired_card"
    assert gateway.charge("c", 1, card("4242424242424242"), "").approved


def test_gateway_down_refuses_every_call() -> None:
    gateway = SandboxGateway()
    gateway.down = True
    with pytest.raises(GatewayDown):
        gateway.charge("k1", 5500, card("4242424242424242"), "panier")
    with pytest.raises(GatewayDown):
        gateway.status("k1")


def test_first_attempt_fault_cards_recover_on_retry() -> None:
    gateway = SandboxGateway()
    with pytest.raises(GatewayTimeout):
        gateway.charge("k1", 5500, card("4000000000000101"), "")
    assert gateway.charge("k1", 5500, card("4000000000000101"), "").approved
    with pytest.raises(GatewayDown):
        gateway.charge("k2", 5500, card("4000000000000044"), "")
    assert gateway.charge("k2", 5500, card("4000000000000044"), "").approved


def test_faults_by_amount_for_demos() -> None:
    gateway = SandboxGateway(faults_by_amount={1313: Fault.DECLINE})
    assert not gateway.charge("k", 1313, card("4242424242424242"), "").approved


def test_sandbox_never_logs_or_shows_the_number(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    gateway = SandboxGateway()
    gateway.inject(Fault.TIMEOUT_AFTER_CHARGE)
    with pytest.raises(GatewayTimeout) as info:
        gateway.charge("k1", 5500, card("4242424242424242"), "panier")
    shown = caplog.text + str(info.value) + repr(gateway) + repr(gateway.status("k1"))
    assert "4242424242424242" not in shown
    assert "123" not in repr(gateway.status("k1"))


def test_outcome_refuses_pending_and_approval_without_code() -> None:
    with pytest.raises(ValueError):
        GatewayOutcome(PaymentStatus.PENDING)
    with pytest.raises(ValueError):
        GatewayOutcome(PaymentStatus.APPROVED)


def test_settings_choose_the_gateway(ctx) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(payment_gateway(ctx), SandboxGateway)
    assert payment_gateway(ctx) is payment_gateway(ctx)
    ctx.ports.clear()
    ctx.settings = Settings(database_url="sqlite://", embedded=True, gateway="ct-paiement")
    with pytest.raises(Unavailable):
        payment_gateway(ctx)
