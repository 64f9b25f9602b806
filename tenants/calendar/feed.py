"""The iCalendar feed of a location's closing days, for a parent's calendar app.

Calendar apps cannot log in, so the URL carries a per-person secret (FeedToken). The token only works at
the location that issued it (it lives in that location's schema), only while the person still holds a
role there today (a parent: while a child ties her to the location, accounts.roles.roles_for) and the
location is active, and stops working when revoked or renewed.
"""
from datetime import date

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from jurisdictions import policy

from accounts.roles import roles_for
from tenants.calendar import ical, selectors
from tenants.calendar.models import ClosingPeriod, Closure


def feed_url(request, token) -> str:
    return request.build_absolute_uri(reverse("calendar-feed", kwargs={"token": token.token}))


def events(location, years) -> list[ical.Event]:
    host = location.host
    found = []
    for row in ClosingPeriod.objects.filter(start_date__lte=date(max(years), 12, 31),
                                            end_date__gte=date(min(years), 1, 1)):
        found.append(ical.Event(
            uid=f"closing-period-{row.pk}@{host}",
            summary=(_("%(location)s closed: %(reason)s") % {"location": location.name, "reason": row.note}
                     if row.note else _("%(location)s closed") % {"location": location.name}),
            first_day=row.start_date, last_day=row.end_date, description=row.note,
        ))
    for year in years:
        for holiday in selectors.holidays(year, location):
            if holiday["closed"]:
                found.append(ical.Event(
                    uid=f"holiday-{holiday['date']:%Y%m%d}@{host}",
                    summary=_("%(location)s closed: %(holiday)s") % {"location": location.name,
                                                                    "holiday": holiday["label"]},
                    first_day=holiday["date"], last_day=holiday["date"],
                ))
    for closure in Closure.objects.filter(start_date__year__lte=max(years), end_date__year__gte=min(years)):
        found.append(ical.Event(
            uid=f"closure-{closure.pk}@{host}",
            summary=_("%(location)s closed: %(reason)s") % {"location": location.name,
                                                           "reason": closure.get_reason_display()},
            first_day=closure.start_date, last_day=closure.end_date,
            description=_("No care and no charge on these days."),
        ))
    return sorted(found, key=lambda e: (e.first_day, e.uid))


@login_not_required
@never_cache
def calendar_feed(request, token: str):
    location = getattr(request, "location", None)
    if location is None or not location.is_active:
        raise Http404
    user = selectors.feed_token_owner(token)
    if user is None or not roles_for(user, location):
        raise Http404
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    year = selectors.location_today(location).year
    body = ical.calendar(location.name, events(location, [year - 1, year, year + 1]), timezone.now(),
                         time_zone=location.time_zone or policy(location.jurisdiction).time_zone)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{location.slug}.ics"'
    return response
