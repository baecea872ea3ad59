"""Pure business rules from the public site's FAQ (F1–F14): no Qt, no database."""
