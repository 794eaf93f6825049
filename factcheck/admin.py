"""Admin registrations (the reviewing UI is built on these)."""
