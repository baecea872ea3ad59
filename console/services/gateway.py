"""The payment port: the only two questions the console asks the external payment site.

The city's payment site is CT-Paiement. A real adapter talks to it over its API; the
embedded default is :class:`~console.services.sandbox_gateway.SandboxGateway`, chosen by
``Settings.gateway`` ("sandbox"). The port is deliberately narrow — charge with an
idempotency key, ask a payment's status by that key, nothing else — so that an adapter
where the caller keys the card on the phone keypad (DTMF masking) can replace typed entry.

Every charge carries an idempotency key: charging twice with the same key charges once
and returns the first outcome. A caller that lost the answer (timeout) asks ``status``
before anything else, so a card is never charged twice.

A charge may still be in flight while the site says it has no record of it: until the
adapter gives up on the request (:data:`GATEWAY_MAX_REQUEST_S`, every adapter's own
timeout). ``status(key) is None`` means "never charged" only once :data:`IN_FLIGHT` has
passed since the last charge of that key began (see ``checkout.charge_in_flight_until``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from console.domain.errors import Unavailable
from console.domain.vocabulary import CardBrand, PaymentStatus

if TYPE_CHECKING:
    from console.domain.cards import CardEntry
    from console.services.context import ServiceContext

PORT_NAME = "gateway"
# The longest one request to the payment site may take: an adapter abandons a charge or a
# status request after this many seconds (GatewayTimeout). The sandbox answers at once.
GATEWAY_MAX_REQUEST_S = 30
# Slack on top: the commit before the request leaves, a slow answer being recorded.
IN_FLIGHT_MARGIN_S = 30
# How long after it began a charge may still be in flight, unknown to ``status``.
IN_FLIGHT = timedelta(seconds=GATEWAY_MAX_REQUEST_S + IN_FLIGHT_MARGIN_S)


class GatewayError(Exception):
    """The payment site gave no answer; whether the card was charged is unknown."""


class GatewayTimeout(GatewayError):
    """The request left but no answer came back: the charge may or may not have happened."""


class GatewayDown(GatewayError):
    """The payment site refused the connection: nothing was charged by this request."""


@dataclass(frozen=True)
class GatewayOutcome:
    """The payment site's decision on one charge. Never holds a card number or a CVV."""

    status: PaymentStatus  # APPROVED or REFUSED; a pending charge has no outcome yet
    authorization_code: str | None = None
    refusal_code: str | None = None
    brand: CardBrand | None = None
    last4: str | None = None

    def __post_init__(self) -> None:
        if self.status is PaymentStatus.PENDING:
            raise ValueError("an outcome is approved or refused")
        if self.status is PaymentStatus.APPROVED and not self.authorization_code:
            raise ValueError("an approved payment has an authorisation code")
        if self.last4 is not None and (len(self.last4) != 4 or not self.last4.isdigit()):
            raise ValueError("last4 holds four digits")

    @property
    def approved(self) -> bool:
        return self.status is PaymentStatus.APPROVED


class PaymentGateway(Protocol):
    """The external payment site, as the console sees it."""

    def charge(
        self, idempotency_key: str, amount_cents: int, card: CardEntry, description: str
    ) -> GatewayOutcome:
        """Charge once per key; a repeated key returns the first outcome without charging.

        Raises GatewayTimeout (outcome unknown: ask ``status``) or GatewayDown.
        """
        ...

    def status(self, idempotency_key: str) -> GatewayOutcome | None:
        """The outcome of the charge made with this key, or None if none was made.

        Raises GatewayTimeout or GatewayDown when the site cannot say.
        """
        ...


def payment_gateway(ctx: ServiceContext) -> PaymentGateway:
    """The gateway the settings chose, created once per context and kept in ``ctx.ports``."""
    gateway: PaymentGateway | None = ctx.ports.get(PORT_NAME)
    if gateway is None:
        name = ctx.settings.gateway if ctx.settings is not None else "sandbox"
        if name != "sandbox":
            # Only the sandbox ships with the console; the CT-Paiement adapter is
            # installed by the city's deployment and registered in ctx.ports.
            raise Unavailable("gateway_not_configured", gateway=name)
        from console.services.sandbox_gateway import SandboxGateway

        gateway = ctx.ports[PORT_NAME] = SandboxGateway()
    return gateway
