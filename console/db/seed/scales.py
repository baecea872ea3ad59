"""How much data each scale makes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Scale:
    name: str
    households: int
    activities_per_season: int
    # Largest capacity of one activity, so small scales stay readable.
    max_capacity: int
    # Rows per batch handed to the writer (one COPY or executemany each).
    batch: int
    call_notes: int
    # Draw members among the whole city rather than the activity's borough
    # (small scales have too few people per borough).
    citywide: bool


SCALES: Final[dict[str, Scale]] = {
    "demo": Scale("demo", 60, 10, 16, 5_000, 24, citywide=True),
    "test": Scale("test", 400, 30, 30, 5_000, 60, citywide=True),
    "city": Scale("city", 150_000, 3_000, 10_000, 20_000, 12_000, citywide=False),
}
