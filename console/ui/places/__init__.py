"""Places and registration: real places, register, already registered, waitlist review."""
