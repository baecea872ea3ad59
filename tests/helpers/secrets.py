"""Keys the tests use (never a production key)."""

TEST_SIN_KEY = "fXo1cNuU4f0n2p3o6GQ8lq3kqkH4nQmTqf8qQ0pQe0s="
# The outbox key of the servers the tests start (ServerProcess), so a test can open what
# a server queued, as that server's relay does.
TEST_OUTBOX_KEY = "Xk3mQ2bq1Yd0tF8rLw6nVh5sZc4pJ9aGe7uKo2iRb0E="
