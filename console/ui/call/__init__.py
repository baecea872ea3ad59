"""The call itself: the call panel, its FAQ scripts, presence."""
