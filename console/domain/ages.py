"""The ages an activity accepts, and the one rule that refuses a member outside them.

An activity may give a minimum and a maximum age (both optional, both inclusive), in
whole years on the day of the registration. Adding to a cart, registering by phone and
joining the waitlist all go through :func:`age_refusal`; the register dialog uses the
same rule to mark the activities the chosen member's age does not fit.
"""

from __future__ import annotations

from datetime import date

from console.domain.errors import Reason

AGE_OUT_OF_RANGE = "age_out_of_range"


def age_on(born: date, day: date) -> int:
    """Whole years from ``born`` to ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_fits(age: int, age_min: int | None, age_max: int | None) -> bool:
    return (age_min is None or age >= age_min) and (age_max is None or age <= age_max)


def age_refusal(age: int, age_min: int | None, age_max: int | None) -> Reason | None:
    """Why a member of ``age`` may not take the activity, or ``None`` when they may."""
    if age_fits(age, age_min, age_max):
        return None
    return Reason(AGE_OUT_OF_RANGE, {"age": age, "min": age_min, "max": age_max})
