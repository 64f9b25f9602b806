"""Per-location apps: each lives in every location's own schema."""
