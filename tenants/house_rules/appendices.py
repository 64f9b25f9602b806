"""Appendices of the house rules page: other apps add a link to a page of theirs (a camera protocol, a privacy
statement) with `register`, usually in their AppConfig.ready():

    from tenants.house_rules import appendices
    appendices.register("camera-protocol", _("Camera protocol"), roles=("entrepreneur", "staff", "parent"))

The house rules page lists every registered appendix whose page exists at this location and whose roles include
one of the reader's, in the order registered (`order` first). Registering the same URL name again replaces it.
The page's template also has a block `appendices` a template extending it can add to.
"""
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

MEMBERS = ("entrepreneur", "staff", "parent")


@dataclass(frozen=True)
class Appendix:
    url_name: str
    title: str
    roles: tuple[str, ...] = MEMBERS
    order: int = 100


_registry: dict[str, Appendix] = {}


def register(url_name: str, title, *, roles: tuple[str, ...] = MEMBERS, order: int = 100) -> Appendix:
    appendix = Appendix(url_name, title, tuple(roles), order)
    _registry[url_name] = appendix
    return appendix


def unregister(url_name: str) -> None:
    _registry.pop(url_name, None)


def registered() -> list[Appendix]:
    return sorted(_registry.values(), key=lambda a: a.order)


def links_for(roles: set[str]) -> list[dict]:
    """[{"title", "url"}] of the appendices the reader may open here."""
    links = []
    for appendix in registered():
        if not set(appendix.roles) & set(roles):
            continue
        try:
            url = reverse(appendix.url_name)
        except NoReverseMatch:
            continue
        links.append({"title": appendix.title, "url": url})
    return links
