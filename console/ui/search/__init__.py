"""Finding the caller: the search panel and caller ID."""
