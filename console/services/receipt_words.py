"""Moved to :mod:`console.domain.receipt_words` (pure: the desktop reads it without the
services); this old path re-exports it."""

from console.domain.receipt_words import *  # noqa: F403
from console.domain.receipt_words import (
    CITY_HEADER,
    ENGLISH,
    FRENCH,
    LOCAL_TZ,
    REFUSALS,
    STATUS_WORDS,
    SUPPORT_PHONE,
    Labels,
    card_label,
    clock,
    format_datetime,
    format_money,
    labels_for,
    refusal_words,
    schedule_words,
    season_words,
)

__all__ = [
    "CITY_HEADER",
    "ENGLISH",
    "FRENCH",
    "LOCAL_TZ",
    "REFUSALS",
    "STATUS_WORDS",
    "SUPPORT_PHONE",
    "Labels",
    "card_label",
    "clock",
    "format_datetime",
    "format_money",
    "labels_for",
    "refusal_words",
    "schedule_words",
    "season_words",
]
