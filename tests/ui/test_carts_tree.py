"""The cart rows of the family file count what each cart still holds: a line freed (a
hold that lapsed, a line taken out) is shown under its cart, greyed, and no longer counts
in the cart's activities nor in its amount."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.domain.views.households import CartItemView, CartView
from console.domain.vocabulary import CartState
from console.ui.family.household_sections import CartsTree
from tests.ui.console_window import language_installed

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
COUNT, AMOUNT = 3, 4


def _line(item_id: int, state: str, cents: int = 5000) -> CartItemView:
    return CartItemView(
        item_id, "Zoé Côté", 10 + item_id, f"NAT-10{item_id}", "Natation", cents, state
    )


def _cart(state: CartState, *items: CartItemView) -> CartView:
    return CartView(
        1, 5_000_001, 100_001, state, NOW + timedelta(minutes=12), False, None,
        state is CartState.OPEN, "web", items,
    )  # fmt: skip


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    with language_installed(qapp, request.param) as language:
        yield language


def _row(qtbot: QtBot, cart: CartView) -> tuple[str, str]:
    tree = CartsTree()
    qtbot.add_widget(tree)
    tree.set_carts((cart,), NOW)
    item = tree.topLevelItem(0)
    assert item is not None and item.childCount() == len(cart.items)
    return item.text(COUNT), item.text(AMOUNT)


WORDS = {
    "fr": {0: "aucune activité", 1: "1 activité", 2: "2 activités"},
    "en": {0: "no activity", 1: "1 activity", 2: "2 activities"},
}


def test_a_freed_line_no_longer_counts_in_its_cart(qtbot: QtBot, language: str) -> None:
    count, amount = _row(qtbot, _cart(CartState.OPEN, _line(1, "held"), _line(2, "released")))
    assert count == WORDS[language][1]
    assert amount == ("50,00\u00a0$" if language == "fr" else "$50.00")


def test_a_cart_counts_every_line_it_holds(qtbot: QtBot, language: str) -> None:
    count, _amount = _row(qtbot, _cart(CartState.OPEN, _line(1, "held"), _line(2, "held")))
    assert count == WORDS[language][2]
    paid = _cart(CartState.PAID, _line(1, "registered"), _line(2, "registered"))
    assert _row(qtbot, paid)[0] == WORDS[language][2]


def test_a_lapsed_cart_holds_nothing(qtbot: QtBot, language: str) -> None:
    lapsed = _cart(CartState.LAPSED, _line(1, "released"), _line(2, "released"))
    count, amount = _row(qtbot, lapsed)
    assert count == WORDS[language][0]
    assert amount == ("0,00\u00a0$" if language == "fr" else "$0.00")


def test_every_cell_shows_whole_or_has_its_whole_text_in_a_tooltip(qtbot: QtBot) -> None:
    """At the width the family file gives the tree at 1366×768, the deadline, the state
    and the amount show whole; the activity and the member may be cut, never silently."""
    long_line = CartItemView(
        1, "Stéphane El Amrani-Belkacem", 11, "H27-RI-00040",
        "Semaine thématique — Sciences et découvertes", 16025, "held",
    )  # fmt: skip
    tree = CartsTree()
    qtbot.add_widget(tree)
    tree.resize(790, 300)
    tree.show()
    tree.set_carts((_cart(CartState.OPEN, long_line),), NOW)
    qtbot.wait(10)
    top = tree.topLevelItem(0)
    assert top is not None
    for item in (top, top.child(0)):
        assert item is not None
        for column in range(tree.columnCount()):
            text = item.text(column)
            if not text:
                continue
            assert item.toolTip(column) == text, (column, text)
    for column in (1, 2, 4):  # as wide as Qt says their contents need
        assert tree.columnWidth(column) >= tree.sizeHintForColumn(column), column
