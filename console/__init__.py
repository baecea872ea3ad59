"""Support console for the city's recreation registration service."""

__version__ = "0.1.0"
