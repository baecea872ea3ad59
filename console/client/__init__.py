"""The desktop's side of the console server: the use cases over HTTPS (httpx)."""
