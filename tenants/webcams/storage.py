"""Where security recordings live: MEDIA_ROOT/private/webcams/<schema>/ (no public URL, served only to a
director through a logged view)."""
from pathlib import Path

from tenants.handover.models import private_storage


def path_of(name: str) -> Path | None:
    if not name:
        return None
    return Path(private_storage.path(name))


def delete(name: str) -> None:
    if name and private_storage.exists(name):
        private_storage.delete(name)


def open_file(name: str):
    return private_storage.open(name, "rb")


def exists(name: str) -> bool:
    return bool(name) and private_storage.exists(name)
