"""Keys the tests use (never a production key)."""

TEST_SIN_KEY = "fXo1cNuU4f0n2p3o6GQ8lq3kqkH4nQmTqf8qQ0pQe0s="
