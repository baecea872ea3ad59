"""Hypothesis strategies shared by the domain tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from console.domain.luhn import luhn_check_digit

BASE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

moments = st.integers(min_value=0, max_value=7 * 24 * 3600).map(
    lambda s: BASE + timedelta(seconds=s)
)
durations = st.integers(min_value=0, max_value=3 * 3600).map(lambda s: timedelta(seconds=s))


@st.composite
def luhn_numbers(draw: st.DrawFn, prefix: str, length: int) -> str:
    """A number of ``length`` digits starting with ``prefix`` whose Luhn digit is right."""
    body = prefix + "".join(
        draw(
            st.lists(
                st.sampled_from("0123456789"),
                min_size=length - len(prefix) - 1,
                max_size=length - len(prefix) - 1,
            )
        )
    )
    return body + luhn_check_digit(body)


@st.composite
def visa_numbers(draw: st.DrawFn) -> str:
    return draw(luhn_numbers("4", draw(st.sampled_from((13, 16, 19)))))


@st.composite
def mastercard_numbers(draw: st.DrawFn) -> str:
    prefix = draw(
        st.one_of(
            st.integers(51, 55).map(str),
            st.integers(2221, 2720).map(str),
        )
    )
    return draw(luhn_numbers(prefix, 16))


@st.composite
def with_separators(draw: st.DrawFn, digits: str) -> str:
    """``digits`` with random spaces and dashes slipped between them."""
    out = []
    for char in digits:
        out.append(draw(st.sampled_from(("", "", "", " ", "-", " - "))))
        out.append(char)
    out.append(draw(st.sampled_from(("", " ", "-"))))
    return "".join(out)
