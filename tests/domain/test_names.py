"""Name keys and the prefix ranges that search reads from indexes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.names import prefix_upper_bound, search_key


@pytest.mark.parametrize(
    ("name", "key"),
    [("Côté", "cote"), ("Saint-Pierre", "saint pierre"), ("O'Neil", "o neil"), ("  Zoé  ", "zoe")],
)
def test_search_keys_fold_case_accents_and_separators(name: str, key: str) -> None:
    assert search_key(name) == key


@given(st.text(min_size=1, max_size=6), st.text(max_size=8))
def test_a_prefix_is_a_range_in_byte_order(prefix: str, text: str) -> None:
    upper = prefix_upper_bound(prefix)
    for candidate in (text, prefix + text, prefix[:-1] + text):
        in_range = prefix.encode() <= candidate.encode() < upper.encode()
        assert in_range == candidate.startswith(prefix)


@pytest.mark.parametrize(
    ("prefix", "upper"),
    [("gagn", "gago"), ("marie.c", "marie.d"), ("a\U0010ffff", "b"), ("\ud7ff", "\ue000")],
)
def test_prefix_upper_bounds(prefix: str, upper: str) -> None:
    assert prefix_upper_bound(prefix) == upper


def test_an_empty_prefix_has_no_upper_bound() -> None:
    with pytest.raises(ValueError):
        prefix_upper_bound("")
