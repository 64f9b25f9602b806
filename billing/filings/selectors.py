"""Reads of the filings: the location's list with each filing's state, one filing for a user (or none), the
duties due for the start page, and the numbers still missing."""
from datetime import date, timedelta

from django.http import Http404
from django.urls import reverse

from accounts.roles import ENTREPRENEUR
from billing.filings import duties as other
from billing.filings import kinds, rules
from billing.filings.duties import Duty
from billing.filings.models import Filing


def _duty(filing: Filing, today: date) -> Duty:
    kind = kinds.KINDS[filing.kind]
    return Duty(key=f"filing:{filing.pk}", pk=filing.pk, kind=filing.kind, label=kind.label,
                recipient=kind.recipient, period_start=filing.period_start, period_end=filing.period_end,
                due_date=filing.due_date, state=rules.state(filing.status, filing.due_date, today),
                url=reverse("filing-page", kwargs={"pk": filing.pk}),
                file_url=reverse("filing-file", kwargs={"pk": filing.pk}) if filing.sha256 else "")


def duties(location, today: date) -> list[Duty]:
    """Every filing of the location owed by its jurisdiction and its other duties (complaint report, documents'
    review dates), the open ones first by due date."""
    owed = set(kinds.owed_by_keys(location.jurisdiction))
    rows = [_duty(f, today) for f in Filing.objects.filter(kind__in=owed).defer("content", "rows")]
    rows += other.other_duties(location, today)
    open_ = sorted((d for d in rows if d.state != rules.DELIVERED), key=lambda d: (d.due_date, d.kind))
    done = sorted((d for d in rows if d.state == rules.DELIVERED), key=lambda d: (d.due_date, d.kind), reverse=True)
    return open_ + done


def duties_due(location, today: date, *, within_days: int = 31) -> list[Duty]:
    """For the entrepreneur's start page: the duties not done that are due within `within_days` days, or late,
    oldest first (each with its state, due date, the page to act on and its file): filings, the complaint report
    and documents to review. Reads in the location's schema (entered here when the connection is elsewhere);
    plans the filings of periods that ended first."""
    from django.db import connection
    from django_tenants.utils import schema_context

    from billing.filings import services

    if connection.schema_name != location.schema_name:
        with schema_context(location.schema_name):
            return duties_due(location, today, within_days=within_days)
    services.plan(location=location, today=today)
    horizon = today + timedelta(days=within_days)
    owed = set(kinds.owed_by_keys(location.jurisdiction))
    open_ = Filing.objects.filter(kind__in=owed, due_date__lte=horizon).exclude(status=Filing.Status.DELIVERED)
    found = [_duty(f, today) for f in open_.defer("content", "rows")]
    found += [d for d in other.other_duties(location, today) if d.state != rules.DELIVERED and d.due_date <= horizon]
    return sorted(found, key=lambda d: (d.due_date, d.kind, d.key))


def filing_for(user, roles, pk) -> Filing:
    """The filing `pk` of the current location for its entrepreneur; anyone else: 404."""
    if ENTREPRENEUR not in roles:
        raise Http404
    filing = Filing.objects.filter(pk=pk).first()
    if filing is None:
        raise Http404
    return filing


def missing_numbers(built_missing: list[dict]) -> list[dict]:
    """The numbers a file still lacks, each with the page where the entrepreneur fills them in."""
    result = []
    for item in built_missing:
        if "child" in item:
            url = reverse("filing-child-numbers", kwargs={"child_id": item["child"]})
        else:
            url = reverse("filing-parent-numbers", kwargs={"parent_id": item["parent"]})
        result.append({**item, "url": url})
    return result


def parent_at_location(parent_id: int):
    """A parent of this location (a guardian of one of its children, or the paying parent of an invoice), or
    None."""
    from accounts.models import User
    from billing.invoices.models import Invoice
    from tenants.children.models import Child

    if not (Child.objects.filter(guardians__pk=parent_id).exists()
            or Invoice.objects.filter(parent_id=parent_id).exists()):
        return None
    return User.objects.filter(pk=parent_id).first()
