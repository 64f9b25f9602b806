"""The main menu: which pages each role sees, at a location and on the cooperative's main domain.

One list instead of conditions spread over the base template. An entry whose page does not exist (yet)
is left out, so a capability appears in the menu the moment its URL is there.

On a phone the menu holds at most PHONE_MAX entries: the role's PHONE_MENU entries and, when there are more,
"More", a page listing them all (the desktop shows them all in the header).
"""
from dataclasses import dataclass
from functools import lru_cache

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts import roles as r

MEMBERS = (r.ENTREPRENEUR, r.STAFF, r.PARENT)


@dataclass(frozen=True)
class Entry:
    url_name: str
    label: str
    roles: tuple[str, ...]
    #: Kinds of location where the entry is shown (empty: every kind).
    kinds: tuple[str, ...] = ()


LOCATION_MENU = [
    Entry("home", _("Home"), MEMBERS),
    Entry("attendance-tablet", _("Attendance"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("handover-today", _("Handover"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("children", _("Children"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("child-sheets", _("Information sheets"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("my-children", _("My children"), (r.PARENT,)),
    Entry("handover-mine", _("Handover"), (r.PARENT,)),
    Entry("webcams-live", _("Webcam"), (r.PARENT,)),
    Entry("attendance-my", _("Attendance"), (r.PARENT,)),
    Entry("medication-today", _("Medication"), MEMBERS),
    Entry("sickness-list", _("Sickness"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("sickness-mine", _("Sickness"), (r.PARENT,)),
    Entry("outbreaks-list", _("Contagious diseases"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("outbreaks-mine", _("Contagious diseases"), (r.PARENT,)),
    Entry("attendance-planning", _("Planning"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("groups", _("Groups"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("staff", _("Staff"), (r.ENTREPRENEUR,)),
    Entry("roster", _("Roster"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("contracts", _("Contracts"), (r.ENTREPRENEUR, r.PARENT)),
    Entry("contract-schedules", _("Schedules"), (r.STAFF,)),
    Entry("calendar", _("Calendar"), MEMBERS),
    Entry("billing-invoices", _("Invoices"), (r.ENTREPRENEUR, r.PARENT)),
    Entry("billing-run", _("Monthly invoicing"), (r.ENTREPRENEUR,)),
    Entry("hours-approval", _("Hours to approve"), (r.PARENT,), kinds=("gastouder",)),
    Entry("tariffs", _("Tariffs"), (r.ENTREPRENEUR,)),
    Entry("payments", _("Payments"), (r.ENTREPRENEUR,)),
    Entry("filings", _("Filings"), (r.ENTREPRENEUR,)),
    Entry("payments-mandate", _("Direct debit"), (r.PARENT,)),
    Entry("messages", _("Messages"), MEMBERS),
    Entry("following", _("Following each child"), (r.ENTREPRENEUR, r.STAFF, r.PARENT)),
    Entry("house-rules", _("House rules"), MEMBERS),
    Entry("webcams-today", _("Webcams"), (r.ENTREPRENEUR, r.STAFF)),
    Entry("accidents", _("Accidents"), MEMBERS),
    Entry("consents", _("Consents"), MEMBERS),
    Entry("menu", _("Menu"), MEMBERS),
    Entry("surveys", _("Surveys"), (r.ENTREPRENEUR, r.PARENT)),
    Entry("intake-waiting-list", _("Waiting list"), (r.ENTREPRENEUR,)),
    Entry("complaints", _("Complaints"), (r.ENTREPRENEUR, r.PARENT)),
    Entry("corrections", _("Corrections"), (r.ENTREPRENEUR, r.PARENT)),
    Entry("deletion-requests", _("Deletion requests"), (r.ENTREPRENEUR,)),
    Entry("my-advisory", _("Quality and visits"), (r.ENTREPRENEUR,)),
    Entry("pedagogical-plan", _("Pedagogical plan"), (r.PARENT,)),
    Entry("meldcode-report", _("Report a concern"), MEMBERS),
    Entry("meldcode-location-cases", _("Meldcode cases"), (r.ENTREPRENEUR,)),
]

MAIN_MENU = [
    Entry("home", _("Home"), ()),
    Entry("locations", _("Locations"), (r.COOP_ADMIN, r.ADVISER)),
    Entry("advisory-dashboard", _("Oversight"), (r.COOP_ADMIN, r.ADVISER)),
    Entry("advisory-parent-plans", _("Pedagogical plans"), (r.PARENT,)),
    Entry("meldcode-cases", _("Meldcode cases"), (r.PEDAGOGUE,)),
    Entry("meldcode-figures", _("Meldcode figures"), (r.PEDAGOGUE,)),
    Entry("complaint-report", _("Complaint report"), (r.COOP_ADMIN, r.ADVISER)),
    Entry("membership-fees", _("Membership fees"), (r.COOP_ADMIN,)),
    Entry("coop-surveys", _("Surveys"), (r.COOP_ADMIN, r.ADVISER)),
    Entry("outbox-deliveries", _("Outgoing messages"), (r.COOP_ADMIN,)),
    Entry("webcams-cooperative", _("Camera recordings"), (r.COOP_ADMIN,)),
    Entry("privacy", _("Your data"), (r.PARENT,)),
    Entry("intake-cooperative", _("Care requests"), (r.COOP_ADMIN, r.ADVISER)),
    Entry("intake-mine", _("My care requests"), ()),  # anyone may have asked for care
]


#: At most this many entries in the phone's menu, "More" included.
PHONE_MAX = 5

#: Per role (its primary role here), the entries a phone shows first; the rest is on the "More" page.
PHONE_MENU = {
    "location": {
        r.ENTREPRENEUR: ("home", "attendance-tablet", "children", "messages"),
        r.STAFF: ("home", "attendance-tablet", "handover-today", "messages"),
        r.PARENT: ("home", "handover-mine", "attendance-my", "messages"),
    },
    "main": {
        r.COOP_ADMIN: ("home", "locations", "advisory-dashboard", "outbox-deliveries"),
        r.ADVISER: ("home", "locations", "advisory-dashboard", "complaint-report"),
        r.PEDAGOGUE: ("home", "meldcode-cases", "meldcode-figures"),
        r.PARENT: ("home", "advisory-parent-plans", "privacy"),
    },
}


def phone_menu(items: list[dict], role: str | None, host: str) -> tuple[list[dict], bool]:
    """(the items a phone shows, whether "More" follows them): all of them when they fit in PHONE_MAX."""
    if len(items) <= PHONE_MAX:
        return items, False
    first = PHONE_MENU[host].get(role, ("home",))
    return [item for item in items if item["name"] in first][: PHONE_MAX - 1], True


def menu_for(request) -> list[dict]:
    """The entries the request's user may see here, with their URLs and whether they are current; each
    says whether a phone shows it in the header (`phone`) or only on the "More" page.

    The menu depends only on the roles, the kind of location (or the main domain), the current page and the URL
    configuration (and the language), so it is made once per process for each of those and copied for the
    request."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    roles = frozenset(getattr(request, "roles", set()) or set())
    location = getattr(request, "location", None)
    current = getattr(getattr(request, "resolver_match", None), "url_name", None)
    items = _menu(roles, location is not None, getattr(location, "kind", None), current,
                  getattr(request, "role", None), get_urlconf(), get_script_prefix(), get_language())
    return [dict(item) for item in items]


@lru_cache(maxsize=1024)
def _menu(roles: frozenset, at_location: bool, kind: str | None, current: str | None, role: str | None,
          _urlconf, _script_prefix: str, _language: str | None) -> tuple[dict, ...]:
    """menu_for's entries (the language too decides which ones are the same page by label)."""
    entries = LOCATION_MENU if at_location else MAIN_MENU
    items = []
    for entry in entries:
        if entry.roles and not (roles & set(entry.roles)):
            continue
        if entry.kinds and kind not in entry.kinds:
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        # Once per page, and once per label: an entrepreneur who is also a parent here finds her own child's
        # handover and attendance on the location's pages of the same name.
        if any(item["url"] == url or str(item["label"]) == str(entry.label) for item in items):
            continue
        items.append({"url": url, "label": entry.label, "current": entry.url_name == current,
                      "name": entry.url_name})
    on_phone, _more = phone_menu(items, role, "location" if at_location else "main")
    shown = {item["name"] for item in on_phone}
    for item in items:
        item["phone"] = item["name"] in shown
    return tuple(items)
