"""Calendar days as families and staff live them (Québec time), for dates they quote.

The zone comes from the tz database: the system's, or the ``tzdata`` package (a project
dependency, so Windows bundles carry it). Without either the console refuses to start
rather than silently treating UTC as Québec time (dates off by a day every evening).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ZONE_NAME = "America/Toronto"  # Québec's zone in the tz database


class MissingTimeZoneData(RuntimeError):
    """Neither the system nor the ``tzdata`` package provides Québec's time zone."""


def _local_zone() -> tzinfo:
    try:
        return ZoneInfo(ZONE_NAME)
    except ZoneInfoNotFoundError as exc:
        raise MissingTimeZoneData(
            f"time zone {ZONE_NAME!r} not found: install the 'tzdata' package"
        ) from exc


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
    """The calendar day in Québec at ``moment`` (an aware datetime)."""
    return moment.astimezone(LOCAL_TZ).date()
