"""A cart's view says which of its lines it still holds (F8: a lapsed hold is released)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.views.households import CartItemView, CartView
from console.domain.vocabulary import CartState

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def _line(item_id: int, state: str) -> CartItemView:
    return CartItemView(item_id, "Zoé Côté", 10, "NAT-101", "Natation", 5000, state)


def test_a_released_line_is_no_longer_held_by_its_cart() -> None:
    cart = CartView(
        1, 5_000_001, 100_001, CartState.OPEN, NOW + timedelta(minutes=12), False, None,
        True, "web", (_line(1, "held"), _line(2, "released"), _line(3, "registered")),
    )  # fmt: skip
    assert [i.item_id for i in cart.kept_items] == [1, 3]
    assert len(cart.items) == 3  # the released line is still shown, greyed
