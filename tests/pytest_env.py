"""Loaded with `-p` before Django is configured: the test profile unless the caller chose one.

Each worker of a parallel run (pytest-xdist sets PYTEST_XDIST_WORKER) keeps its uploaded files and its
broker folder apart; its database is apart already (pytest-django adds the worker's name to it)."""
import os
import tempfile

os.environ.setdefault("DJANGO_ENV", "test")

_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker:
    _own = tempfile.mkdtemp(prefix=f"opvangkring-{_worker}-")
    os.environ.setdefault("MEDIA_ROOT", os.path.join(_own, "media"))
    os.environ.setdefault("BROKER_DIR", os.path.join(_own, "broker"))
