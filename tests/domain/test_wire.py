"""The wire codec rebuilds exactly the values the services return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain import errors, wire
from console.domain.cards import CardEntry


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Inner:
    when: datetime
    day: date | None
    colour: Colour


@dataclass(frozen=True)
class Outer:
    name: str
    cents: int
    inners: tuple[Inner, ...]
    blob: bytes
    tags: list[str]
    extra: dict[str, int]
    maybe: Inner | None = None


def roundtrip(kind: object, value: object) -> object:
    return wire.decode(kind, wire.encode(value))


def test_a_nested_frozen_value_comes_back_equal_with_its_types() -> None:
    zone = timezone(timedelta(hours=-5))
    value = Outer(
        name="Gagnon",
        cents=12_345,
        inners=(Inner(datetime(2026, 12, 1, 9, 30, tzinfo=zone), date(2020, 2, 29), Colour.RED),),
        blob=b"%PDF-\x00\xff",
        tags=["a", "b"],
        extra={"x": 1},
    )
    back = roundtrip(Outer, value)
    assert back == value
    assert isinstance(back, Outer)
    assert back.inners[0].when.utcoffset() == timedelta(hours=-5)
    assert back.inners[0].colour is Colour.RED


@given(
    st.datetimes(timezones=st.just(UTC)),
    st.none() | st.dates(),
    st.sampled_from(Colour),
)
def test_any_inner_value_roundtrips(when: datetime, day: date | None, colour: Colour) -> None:
    value = Inner(when, day, colour)
    assert roundtrip(Inner, value) == value


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (int, "1"),
        (int, True),
        (str, 3),
        (Colour, "green"),
        (Inner, {"when": "2026-01-01T00:00:00+00:00", "day": None}),
        (tuple[int, ...], {"a": 1}),
        (bytes, "not base64!"),
    ],
)
def test_a_payload_that_does_not_fit_its_declared_type_is_refused(
    kind: object, data: object
) -> None:
    with pytest.raises(wire.WireError):
        wire.decode(kind, data)


def test_a_card_crosses_as_its_digits_and_comes_back_as_a_card_entry() -> None:
    card = CardEntry("4242 4242 4242 4242", 12, 2030, "123")
    back = wire.decode(CardEntry, wire.encode(card))
    assert isinstance(back, CardEntry)
    assert back.number() == "4242424242424242"
    assert back.cvv() == "123"


def test_an_error_keeps_its_class_code_parameters_and_reasons() -> None:
    until = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    error = errors.Refused(
        "cart_not_payable",
        (errors.Reason("hold_lapsed", {"at": until}),),
        until=until,
        count=3,
    )
    back = wire.decode_error(wire.encode_error(error))
    assert type(back) is errors.Refused
    assert back.code == "cart_not_payable"
    assert back.params == {"until": until, "count": 3}
    assert back.reasons == (errors.Reason("hold_lapsed", {"at": until}),)


def test_an_unknown_error_class_becomes_a_plain_console_error() -> None:
    back = wire.decode_error({"error": "SystemExit", "code": "x", "params": {}, "reasons": []})
    assert type(back) is errors.ConsoleError


def test_a_time_without_its_zone_is_refused() -> None:
    with pytest.raises(wire.WireError):
        wire.decode(datetime, "2026-12-01T09:00:00")


def test_a_field_the_type_does_not_have_is_refused() -> None:
    data = wire.encode(Inner(datetime(2026, 1, 1, tzinfo=UTC), None, Colour.RED))
    data["passed"] = True
    with pytest.raises(wire.WireError):
        wire.decode(Inner, data)


def test_a_value_decoded_whole_is_equal_hashable_and_frozen_like_one_built() -> None:
    import dataclasses as dc

    built = Inner(datetime(2026, 1, 1, tzinfo=UTC), date(2026, 1, 2), Colour.BLUE)
    back = wire.decode(Inner, wire.encode(built))
    assert back == built and hash(back) == hash(built)
    with pytest.raises(dc.FrozenInstanceError):
        back.colour = Colour.RED  # type: ignore[misc]
