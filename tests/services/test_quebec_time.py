"""Québec's calendar day, and a loud failure when the time-zone data is missing."""

from __future__ import annotations

import importlib.metadata
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfoNotFoundError

import pytest

from console.services import quebec_time
from console.services.quebec_time import MissingTimeZoneData, local_date


def test_the_evening_in_quebec_is_still_the_same_day() -> None:
    assert local_date(datetime(2026, 3, 2, 3, 0, tzinfo=UTC)) == date(2026, 3, 1)
    assert local_date(datetime(2026, 7, 1, 12, 0, tzinfo=UTC)) == date(2026, 7, 1)


def test_without_time_zone_data_the_console_fails_instead_of_using_utc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(key: str) -> None:
        raise ZoneInfoNotFoundError(key)

    monkeypatch.setattr(quebec_time, "ZoneInfo", missing)
    with pytest.raises(MissingTimeZoneData, match="tzdata"):
        quebec_time._local_zone()


def test_tzdata_is_a_dependency() -> None:
    requires = importlib.metadata.requires("recreation-support-console") or []
    assert any(r.replace(" ", "").startswith("tzdata==") for r in requires)
