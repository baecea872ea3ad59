"""Moved to :mod:`console.domain.quebec_time` (pure: the desktop reads it without the
services); this old path re-exports it.

The old name is bound to that very module object, not to a copy of its names, so
patching ``console.services.quebec_time.ZoneInfo`` (as the tests do) still reaches
``_local_zone``.
"""

import sys

from console.domain import quebec_time as _moved
from console.domain.quebec_time import *  # noqa: F403
from console.domain.quebec_time import (
    LOCAL_TZ,
    ZONE_NAME,
    MissingTimeZoneData,
    _local_zone,
    day_bounds,
    local_date,
    start_of_day,
)

__all__ = [
    "LOCAL_TZ",
    "ZONE_NAME",
    "MissingTimeZoneData",
    "_local_zone",
    "day_bounds",
    "local_date",
    "start_of_day",
]

sys.modules[__name__] = _moved
