"""For supervisors: dashboard, journal, file-access log."""
