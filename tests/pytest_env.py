"""Loaded with `-p` before Django is configured: the test profile unless the caller chose one."""
import os

os.environ.setdefault("DJANGO_ENV", "test")
