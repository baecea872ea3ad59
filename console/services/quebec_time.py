"""Calendar days as families and staff live them (Québec time), for dates they quote."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _local_zone() -> tzinfo:
    try:
        return ZoneInfo("America/Toronto")  # Québec's zone in the tz database
    except ZoneInfoNotFoundError:  # no time-zone database (a bare Windows bundle)
        return UTC


LOCAL_TZ = _local_zone()


def start_of_day(day: date) -> datetime:
    """The first instant of ``day`` in Québec, as an aware datetime."""
    return datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ)


def day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """[start, end) instants covering the days ``first`` to ``last`` included."""
    return (
        start_of_day(first) if first else None,
        start_of_day(last + timedelta(days=1)) if last else None,
    )


def local_date(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()
