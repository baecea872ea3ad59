"""The screens show times in the services' Québec zone: one lookup, one failure mode."""

from __future__ import annotations

from console.services.quebec_time import LOCAL_TZ
from console.ui.kit import formatting


def test_formatting_uses_the_services_zone() -> None:
    assert formatting.QUEBEC is LOCAL_TZ
