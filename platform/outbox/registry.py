"""What each kind of delivery does. An app registers its kinds in its `deliveries` module:

    @outbox.registry.handler("messages.notice")
    def send_notice(payload: dict) -> None: ...

A handler gets the row's payload (ids, never content), runs in the row's location schema, and raises when the
delivery did not happen (it is then tried again). `on_failed` runs once when the delivery is given up.
"""
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    deliver: Callable[[dict], None]
    on_failed: Callable[[dict], None] | None = None


KINDS: dict[str, Kind] = {}


def handler(name: str, *, on_failed: Callable[[dict], None] | None = None):
    def register(deliver):
        KINDS[name] = Kind(name, deliver, on_failed)
        return deliver

    return register


def kind(name: str) -> Kind | None:
    return KINDS.get(name)
