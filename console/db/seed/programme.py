"""Seasons and activities: four seasons around ``now`` and the groups offered in each.

The seasons are the two before the current one, the current one and the next one, so the
data has history (past registrations), activity under way, and a season whose
registration is open (live carts, waitlists, offers).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from console.db.seed import catalogue
from console.db.seed.catalogue import Template
from console.domain.names import search_key

Row = tuple[object, ...]

PAST, CURRENT, NEXT = "past", "current", "next"

# Titles made first in every season, so even the smallest scale has each kind of group.
CORE = (
    "Natation",
    "Atelier préscolaire – Éveil musical",
    "Yoga",
    "Ballet classique",
    "Programme Vacances-Été (PVE)",
    "Semaine de relâche – camp de jour",
    "Mise en forme 50 ans et plus",
    "Danse hip-hop",
)


@dataclass(frozen=True)
class SeasonInfo:
    id: int
    letter: str
    year: int
    starts_on: date
    ends_on: date
    phase: str  # past | current | next

    @property
    def code(self) -> str:
        return f"{self.letter}{self.year}"

    @property
    def row(self) -> Row:
        name = f"{catalogue.SEASON_NAMES[self.letter]} {self.year}"
        return (self.id, self.code, name, self.starts_on, self.ends_on)


@dataclass(frozen=True)
class ActivityInfo:
    id: int
    season: int  # index into the seasons list
    borough: int  # borough id
    capacity: int
    price_cents: int
    childcare: bool
    age_min: int | None
    age_max: int | None
    title: str

    def admits(self, age: int) -> bool:
        return (self.age_min is None or age >= self.age_min) and (
            self.age_max is None or age <= self.age_max
        )


def seasons_around(today: date) -> list[SeasonInfo]:
    """The two seasons before the one under way (or last started), it, and the next."""
    starts: list[tuple[date, str, int]] = []
    for year in (today.year - 2, today.year - 1, today.year, today.year + 1):
        for letter, ((m1, d1), _end) in catalogue.SEASON_DATES.items():
            starts.append((date(year, m1, d1), letter, year))
    starts.sort()
    current = max(i for i, (start, _l, _y) in enumerate(starts) if start <= today)
    chosen = starts[current - 2 : current + 2]
    phases = (PAST, PAST, CURRENT, NEXT)
    out = []
    for n, ((start, letter, year), phase) in enumerate(zip(chosen, phases, strict=True)):
        (m2, d2) = catalogue.SEASON_DATES[letter][1]
        out.append(SeasonInfo(n + 1, letter, year, start, date(year, m2, d2), phase))
    return out


def _clock(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h} h {m:02d}" if m else f"{h} h"


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _french_day(day: date) -> str:
    return f"{day.day}{'er' if day.day == 1 else ''} {catalogue.MONTHS[day.month - 1]}"


def _schedule(rng: random.Random, t: Template, season: SeasonInfo) -> tuple[str, str]:
    """(title suffix, schedule text) in Québec French: "Mardi 18 h 30 – 19 h 30"."""
    if t.camp == "pve":
        first = _monday_on_or_after(season.starts_on)
        week = rng.randrange(8)
        monday = first + timedelta(weeks=week)
        return (
            f" – semaine {week + 1} (du {_french_day(monday)})",
            "Du lundi au vendredi, 9 h – 16 h",
        )
    if t.camp == "relache":
        monday = _monday_on_or_after(date(season.year, 3, 1))
        friday = monday + timedelta(days=4)
        first_day = str(monday.day) if monday.month == friday.month else _french_day(monday)
        return "", f"Du {first_day} au {_french_day(friday)}, 8 h – 17 h"
    if t.minutes == 0:
        return "", "Accès libre selon l'horaire affiché, 7 jours sur 7"
    senior = (t.age_min or 0) >= 50
    child = t.age_max is not None and t.age_max <= 14
    if senior:
        day, start = rng.randrange(5), rng.choice((9 * 60, 9 * 60 + 30, 10 * 60, 13 * 60 + 30))
    elif child and rng.random() < 0.5:
        day, start = rng.choice((5, 6)), rng.choice((9 * 60, 10 * 60, 11 * 60, 13 * 60))
    elif child:
        day, start = rng.randrange(5), rng.choice((16 * 60 + 30, 17 * 60 + 30, 18 * 60))
    else:
        day = rng.randrange(7)
        start = rng.choice((18 * 60, 18 * 60 + 30, 19 * 60, 19 * 60 + 30, 20 * 60))
        if day >= 5:
            start = rng.choice((9 * 60, 10 * 60, 10 * 60 + 30))
    text = f"{catalogue.WEEKDAYS[day]} {_clock(start)} – {_clock(start + t.minutes)}"
    return "", text


def build_activities(
    rng: random.Random, seasons: list[SeasonInfo], per_season: int, max_capacity: int
) -> tuple[list[Row], list[ActivityInfo]]:
    """``per_season`` activities in each season, spread over boroughs by population."""
    rows: list[Row] = []
    infos: list[ActivityInfo] = []
    borough_cum = list(accumulate(b.weight for b in catalogue.BOROUGHS))
    groups: dict[tuple[str, int, int], int] = {}
    for s_index, season in enumerate(seasons):
        offered = [t for t in catalogue.TEMPLATES if season.letter in t.seasons]
        cum = list(accumulate(t.weight for t in offered))
        core = [t for name in CORE for t in offered if t.title == name]
        for n in range(per_season):
            t = core[n] if n < len(core) else rng.choices(offered, cum_weights=cum)[0]
            b_index = rng.choices(range(len(catalogue.BOROUGHS)), cum_weights=borough_cum)[0]
            borough = catalogue.BOROUGHS[b_index]
            suffix, schedule = _schedule(rng, t, season)
            if t.levels:
                suffix = f" – {rng.choice(t.levels)}" + suffix
            elif not t.camp and t.minutes:
                key = (t.title, b_index, s_index)
                groups[key] = groups.get(key, 0) + 1
                suffix = f" – groupe {chr(64 + min(groups[key], 26))}" + suffix
            title = t.title + suffix
            activity_id = len(infos) + 1
            capacity = rng.randint(*t.capacity)
            if capacity > max_capacity:  # small scales: small groups, still of varied sizes
                capacity = rng.randint(max(4, max_capacity // 2), max_capacity)
            price = rng.randint(t.price[0] * 4, t.price[1] * 4) * 25
            code = f"{season.letter}{season.year % 100:02d}-{borough.code}-{activity_id:05d}"
            location = rng.choice(borough.venues[t.venue])
            rows.append(
                (
                    activity_id,
                    code,
                    title,
                    search_key(title),
                    season.id,
                    b_index + 1,
                    capacity,
                    price,
                    schedule,
                    location,
                    t.childcare,
                    t.age_min,
                    t.age_max,
                )
            )
            infos.append(
                ActivityInfo(
                    activity_id,
                    s_index,
                    b_index + 1,
                    capacity,
                    price,
                    t.childcare,
                    t.age_min,
                    t.age_max,
                    title,
                )
            )
    return rows, infos
