"""What an open family file points the agent at (F6, F7), read from the file alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.file_leads import Lead, held_twice, waiting
from console.domain.views.households import (
    AccountView,
    CartItemView,
    CartView,
    HouseholdView,
    RegistrationView,
    WaitlistView,
)
from console.domain.vocabulary import CartState

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
MAELLE, THOMAS = "Maëlle Lévesque", "Thomas Lévesque"


def _item(member: str, code: str, state: str = "held") -> CartItemView:
    return CartItemView(1, member, 10, code, "Cours", 5000, state)


def _cart(cart_id: int, state: CartState, *items: CartItemView) -> CartView:
    return CartView(
        cart_id, 5_000_000 + cart_id, 100_002, state, NOW + timedelta(minutes=20), False,
        None, state is CartState.OPEN, "web", items,
    )  # fmt: skip


def _registration(member: str, code: str, state: str = "confirmed") -> RegistrationView:
    return RegistrationView(1, member, code, "Cours", "Hiver", "Mardi", state, 5_000_004, NOW)


def _entry(member: str, code: str, state: str = "waiting", age: int = 0) -> WaitlistView:
    return WaitlistView(1, member, 10, code, "Cours", state, 1, None, NOW - timedelta(days=age))


def _file(
    carts: tuple[CartView, ...] = (),
    registrations: tuple[RegistrationView, ...] = (),
    entries: tuple[WaitlistView, ...] = (),
) -> HouseholdView:
    account = AccountView(1, "a@example.com", True, NOW, False, None, 0, None, "fr")
    return HouseholdView(
        1, 100_002, 1, 1, "LCH", "G1M 4R9", "1 rue", account, (), carts, registrations,
        entries, (), (), (), NOW,
    )  # fmt: skip


def test_a_held_line_already_registered_is_the_lead() -> None:
    view = _file(
        carts=(
            _cart(6, CartState.OPEN, _item(MAELLE, "A26-CL-00024"), _item("Jérôme", "H27")),
            _cart(4, CartState.PAID, _item(MAELLE, "A26-CL-00024", "registered")),
        ),
        registrations=(_registration(MAELLE, "A26-CL-00024"), _registration(THOMAS, "A26-SF")),
        entries=(_entry(THOMAS, "A26-SF"),),  # no cart line: the site says nothing at checkout
    )
    assert held_twice(view) == (Lead(MAELLE, "A26-CL-00024"),)


def test_a_line_held_in_two_carts_or_also_waiting_is_a_lead() -> None:
    two_carts = _file(
        carts=(
            _cart(6, CartState.OPEN, _item(MAELLE, "X")),
            _cart(7, CartState.CHECKOUT, _item(MAELLE, "X")),
        )
    )
    assert held_twice(two_carts) == (Lead(MAELLE, "X"),)
    also_waiting = _file(carts=(_cart(6, CartState.OPEN, _item(MAELLE, "X")),), entries=(
        _entry(MAELLE, "X", "offered"),
    ))  # fmt: skip
    assert held_twice(also_waiting) == (Lead(MAELLE, "X"),)


def test_nothing_else_holding_the_member_is_no_lead() -> None:
    assert held_twice(_file(carts=(_cart(6, CartState.OPEN, _item(MAELLE, "X")),))) == ()
    cancelled = _file(
        carts=(_cart(6, CartState.OPEN, _item(MAELLE, "X")),),
        registrations=(_registration(MAELLE, "X", "cancelled"),),
        entries=(_entry(MAELLE, "X", "lapsed"),),
    )
    assert held_twice(cancelled) == ()
    # Released or lapsed lines hold nothing; a locked cart is F11's, not a stale line.
    released = _file(
        carts=(
            _cart(6, CartState.OPEN, _item(MAELLE, "X", "released")),
            _cart(7, CartState.CHECKOUT, _item(MAELLE, "Y")),
        ),
        registrations=(_registration(MAELLE, "X"), _registration(MAELLE, "Y")),
    )
    assert held_twice(released) == ()


def test_the_open_waitlist_entries_oldest_first() -> None:
    view = _file(
        entries=(
            _entry("Zoé", "A26-SF-00021", age=1),
            _entry("Émile", "B", "offered", age=3),
            _entry("Léa", "C", "lapsed", age=5),
            _entry("Félix", "D", "accepted", age=6),
        )
    )
    assert waiting(view) == (Lead("Émile", "B"), Lead("Zoé", "A26-SF-00021"))
    assert waiting(_file()) == ()
