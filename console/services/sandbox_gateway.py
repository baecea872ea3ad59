"""The embedded payment gateway: a stand-in for CT-Paiement for the demo and the tests.

It keeps its charges in memory, keyed by idempotency key, and never writes, logs or
keeps a card number or CVV: it reads the number once, in memory, to pick the test
behaviour below, and keeps only the brand and the last four digits.

Test cards (any future expiry date, any three-digit CVV):

==================== ============ ==============================================
number               brand        answer
==================== ============ ==============================================
4242 4242 4242 4242  VISA         approved
5555 5555 5555 4444  Mastercard   approved
2223 0000 4840 0011  Mastercard   approved (2-series)
4000 0000 0000 0002  VISA         refused: ``card_declined``
4000 0000 0000 9995  VISA         refused: ``insufficient_funds``
4000 0000 0000 0069  VISA         refused: ``expired_card`` (the issuer says so)
4000 0000 0000 0127  VISA         refused: ``incorrect_cvc``
4000 0000 0000 0101  VISA         first attempt per key: timeout *before* charging
4000 0000 0000 0119  VISA         first attempt per key: timeout *after* charging
4000 0000 0000 0044  VISA         first attempt per key: gateway down
==================== ============ ==============================================

Other valid VISA or Mastercard numbers are approved. Tests inject faults per instance
(:meth:`SandboxGateway.inject`, :attr:`SandboxGateway.down`); demos may also set faults
per amount (``faults_by_amount``). A test holds a charge in flight with
:attr:`SandboxGateway.before_charge`: meanwhile ``status`` has no record of it, as a real
payment site's would not.
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter, deque
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from console.domain.cards import card_brand
from console.domain.vocabulary import PaymentStatus
from console.services.gateway import GatewayDown, GatewayOutcome, GatewayTimeout

if TYPE_CHECKING:
    from console.domain.cards import CardEntry


class Fault(StrEnum):
    DECLINE = "card_declined"
    EXPIRED = "expired_card"
    TIMEOUT_BEFORE_CHARGE = "timeout_before_charge"
    TIMEOUT_AFTER_CHARGE = "timeout_after_charge"
    DOWN = "gateway_down"


_REFUSALS = {
    "4000000000000002": "card_declined",
    "4000000000009995": "insufficient_funds",
    "4000000000000069": "expired_card",
    "4000000000000127": "incorrect_cvc",
}
_FIRST_ATTEMPT_FAULTS = {
    "4000000000000101": Fault.TIMEOUT_BEFORE_CHARGE,
    "4000000000000119": Fault.TIMEOUT_AFTER_CHARGE,
    "4000000000000044": Fault.DOWN,
}


class SandboxGateway:
    """An in-memory payment site with the test cards above and injectable faults."""

    def __init__(self, faults_by_amount: dict[int, Fault] | None = None) -> None:
        self.down = False  # while True every call raises GatewayDown
        self.faults_by_amount = dict(faults_by_amount or {})
        self._injected: deque[Fault] = deque()
        self._outcomes: dict[str, GatewayOutcome] = {}
        self._attempts: Counter[str] = Counter()
        self._auth_numbers = itertools.count(100_001)
        self._lock = threading.Lock()
        # How many times each key actually moved money: the tests' "never twice" proof.
        self.charges: Counter[str] = Counter()
        # Test-only: called with the key as a charge begins, outside the gateway's lock; a
        # hook that waits keeps the charge in flight (``status`` says None meanwhile).
        self.before_charge: Callable[[str], None] | None = None

    def inject(self, *faults: Fault) -> None:
        """Make the next charges fail this way, one fault per charge, in order."""
        with self._lock:
            self._injected.extend(faults)

    def charge(
        self, idempotency_key: str, amount_cents: int, card: CardEntry, description: str
    ) -> GatewayOutcome:
        if self.before_charge is not None:
            self.before_charge(idempotency_key)
        with self._lock:
            if self.down:
                raise GatewayDown("sandbox gateway is down")
            previous = self._outcomes.get(idempotency_key)
            if previous is not None:
                return previous  # idempotent: the same key never charges again
            self._attempts[idempotency_key] += 1
            number = card.number()
            fault = self._fault_for(idempotency_key, number, amount_cents)
            if fault is Fault.DOWN:
                raise GatewayDown("sandbox gateway is down")
            if fault is Fault.TIMEOUT_BEFORE_CHARGE:
                raise GatewayTimeout("no answer before charging")
            brand = card_brand(number)
            last4 = number[-4:] if len(number) >= 12 and number.isdigit() else None
            refusal = _REFUSALS.get(number)
            if fault is Fault.DECLINE:
                refusal = "card_declined"
            elif fault is Fault.EXPIRED:
                refusal = "expired_card"
            elif brand is None:
                refusal = "card_not_accepted"
            del number  # the number lives no longer than this decision
            if refusal is not None:
                outcome = GatewayOutcome(
                    PaymentStatus.REFUSED, refusal_code=refusal, brand=brand, last4=last4
                )
            else:
                outcome = GatewayOutcome(
                    PaymentStatus.APPROVED,
                    authorization_code=f"SBX{next(self._auth_numbers)}",
                    brand=brand,
                    last4=last4,
                )
                self.charges[idempotency_key] += 1
            self._outcomes[idempotency_key] = outcome
            if fault is Fault.TIMEOUT_AFTER_CHARGE:
                raise GatewayTimeout("charged, but the answer was lost")
            return outcome

    def status(self, idempotency_key: str) -> GatewayOutcome | None:
        with self._lock:
            if self.down:
                raise GatewayDown("sandbox gateway is down")
            return self._outcomes.get(idempotency_key)

    def _fault_for(self, key: str, number: str, amount_cents: int) -> Fault | None:
        if self._injected:
            return self._injected.popleft()
        if amount_cents in self.faults_by_amount:
            return self.faults_by_amount[amount_cents]
        if self._attempts[key] == 1:
            return _FIRST_ATTEMPT_FAULTS.get(number)
        return None

    def __repr__(self) -> str:
        return f"SandboxGateway(charges={len(self._outcomes)}, down={self.down})"
