"""What an open family file points the agent at when they have selected nothing in it:
the cart line the site refuses at checkout with « Vous êtes déjà inscrit à cette
activité » because something else already holds that member on that activity (F7), and
the members waiting on an activity — the caller who "lands on the waitlist" (F6).

A screen opens on a lead only when there is exactly one: with two, the agent chooses.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.views.households import HouseholdView
from console.domain.vocabulary import (
    CartItemState,
    CartState,
    RegistrationState,
    WaitlistState,
)

_HOLDING_CARTS = (CartState.OPEN, CartState.CHECKOUT)
_OPEN_WAITLIST = (WaitlistState.WAITING.value, WaitlistState.OFFERED.value)


@dataclass(frozen=True)
class Lead:
    """A member of the file and an activity, as the file names them."""

    member_name: str
    activity_code: str


def held_twice(view: HouseholdView) -> tuple[Lead, ...]:
    """The items held in the family's open carts whose member is also held on the same
    activity by a confirmed registration, an item of another cart or an open waitlist
    entry (F7): what makes the site answer « déjà inscrit » at checkout."""
    registered = {
        (r.member_name, r.activity_code)
        for r in view.registrations
        if r.state == RegistrationState.CONFIRMED.value
    }
    waiting = {(w.member_name, w.activity_code) for w in view.waitlist if w.state in _OPEN_WAITLIST}
    held: dict[tuple[str, str], set[int]] = {}
    for cart in view.carts:
        if cart.state not in _HOLDING_CARTS:
            continue
        for item in cart.items:
            if item.state == CartItemState.HELD.value:
                held.setdefault((item.member_name, item.activity_code), set()).add(cart.cart_id)
    leads: list[Lead] = []
    for cart in view.carts:
        if cart.state is not CartState.OPEN:
            continue
        for item in cart.items:
            key = (item.member_name, item.activity_code)
            if item.state != CartItemState.HELD.value:
                continue
            elsewhere = key in registered or key in waiting or len(held[key]) > 1
            lead = Lead(*key)
            if elsewhere and lead not in leads:
                leads.append(lead)
    return tuple(leads)


def waiting(view: HouseholdView) -> tuple[Lead, ...]:
    """The family's open waitlist entries (waiting, or offered a place), oldest first."""
    entries = sorted(
        (w for w in view.waitlist if w.state in _OPEN_WAITLIST), key=lambda w: w.created_at
    )
    return tuple(Lead(w.member_name, w.activity_code) for w in entries)
