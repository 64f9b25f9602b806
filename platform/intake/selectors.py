"""Reads of care requests and waiting lists, and the access helpers: each loads an object for this person or
refuses (404). A location sees a request only through its own entry; a parent only her own requests."""
from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from intake import rules
from intake.models import CareRequest, ListEntry, ListSettings, Proof


def rule_order(location) -> list[str]:
    settings = ListSettings.objects.filter(location=location).first()
    return list(settings.order) if settings is not None else list(rules.DEFAULT_ORDER)


def candidate(entry: ListEntry) -> rules.Candidate:
    request = entry.request
    return rules.Candidate(
        key=entry.pk, requested_at=request.created_at, special_care=request.special_care, works=request.works,
        foster=request.foster, siblings=entry.siblings, staff=entry.staff,
        nearby=rules.is_nearby(request.postal_code, entry.location.postal_code),
        urgent=rules.is_urgent(request.urgent_reason, request.created_at.date(), request.start_date))


@dataclass(frozen=True)
class Row:
    entry: ListEntry
    position: int
    reasons: list[str]


def _on_list(location):
    return (ListEntry.objects.filter(location=location, status__in=ListEntry.ON_LIST,
                                     request__status__in=CareRequest.LISTED)
            .select_related("request", "location"))


def waiting_list(location) -> list[Row]:
    """The location's list, first to last, with the reasons each child stands where it stands."""
    order = rule_order(location)
    entries = {entry.pk: entry for entry in _on_list(location)}
    candidates = [candidate(entry) for entry in entries.values()]
    return [Row(entries[c.key], position, rules.reasons(c, order))
            for position, c in enumerate(rules.ordered(candidates, order), 1)]


def others_of_location(location):
    """The entries of the location that left its list (placed, elsewhere, withdrawn, …), latest first."""
    return (ListEntry.objects.filter(location=location, request__status__in=[
        CareRequest.Status.OPEN, CareRequest.Status.PLACED, CareRequest.Status.WITHDRAWN, CareRequest.Status.ENDED])
        .exclude(status__in=ListEntry.ON_LIST).select_related("request").order_by("-updated_at"))


def positions_of(request: CareRequest) -> dict[int, int]:
    """{entry id: place on that location's list} for the entries of one request still on a list; the parent
    sees her own place, never the others on the list."""
    found = {}
    for entry in request.entries.filter(status__in=ListEntry.ON_LIST).select_related("location"):
        if request.status not in CareRequest.LISTED:
            continue
        for row in waiting_list(entry.location):
            if row.entry.pk == entry.pk:
                found[entry.pk] = row.position
    return found


def requests_of(user):
    return (CareRequest.objects.filter(user=user).exclude(status=CareRequest.Status.UNCONFIRMED)
            .prefetch_related("entries__location", "proofs"))


def request_for_parent(user, pk) -> CareRequest:
    """The parent's own request, or 404."""
    request = requests_of(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if request is None:
        raise Http404
    return request


def entry_for_parent(user, pk) -> ListEntry:
    entry = (ListEntry.objects.select_related("request", "location")
             .filter(pk=pk, request__user=user).first()) if str(pk).isdigit() else None
    if entry is None or entry.request.status == CareRequest.Status.UNCONFIRMED:
        raise Http404
    return entry


def entry_for_location(location, pk) -> ListEntry:
    """An entry of this location's list (any status), or 404: another location's entry does not exist here."""
    entry = (ListEntry.objects.select_related("request", "location")
             .filter(pk=pk, location=location).exclude(request__status=CareRequest.Status.UNCONFIRMED).first()
             if str(pk).isdigit() else None)
    if entry is None:
        raise Http404
    return entry


def proof_for_location(location, pk) -> Proof:
    """A proof of a request on this location's list, or 404."""
    proof = (Proof.objects.filter(pk=pk, request__entries__location=location)
             .exclude(request__status=CareRequest.Status.UNCONFIRMED).first() if str(pk).isdigit() else None)
    if proof is None:
        raise Http404
    return proof


def proof_for_parent(user, pk) -> Proof:
    proof = Proof.objects.filter(pk=pk, request__user=user).first() if str(pk).isdigit() else None
    if proof is None:
        raise Http404
    return proof


def suggested_locations(*, postal_code: str, care_kind: str, limit: int = 3):
    """Active locations offering `care_kind`, nearest postcode first (by the postcode's digits)."""
    from cooperative.models import Location

    digits = rules.postcode_digits(postal_code)
    found = [location for location in Location.objects.filter(status=Location.Status.ACTIVE)
             if not care_kind or rules.care_type_for(care_kind, location.care_types)]

    def distance(location):
        theirs = rules.postcode_digits(location.postal_code)
        if not digits or not theirs:
            return 10 ** 6
        return abs(int(digits[:4].ljust(4, "0")) - int(theirs[:4].ljust(4, "0")))

    return sorted(found, key=lambda location: (distance(location), location.name))[:limit]


# --- the cooperative (the local childcare desk) -----------------------------------------------------------


def open_requests(today):
    """Every open request across the locations, longest waiting first: how long, where it went, whether any
    location offered a place. Nothing that names a family."""
    rows = []
    for request in (CareRequest.objects.filter(status=CareRequest.Status.OPEN)
                    .prefetch_related("entries__location").order_by("created_at")):
        entries = list(request.entries.all())
        rows.append({"id": request.pk, "municipality": request.city, "care_kind": request.get_care_kind_display(),
                     "start_date": request.start_date, "days_waiting": (today - request.created_at.date()).days,
                     "locations": [entry.location.name for entry in entries],
                     "offered": any(entry.status == ListEntry.Status.OFFERED for entry in entries),
                     "unserved": request.start_date < today})
    return rows


FIGURE_DIMENSIONS = ("municipality", "age_group", "care_kind", "start_month")
OUTCOMES = ("requests", "placed", "withdrawn", "waiting", "ended")


def figures(year: int) -> dict[str, list[dict]]:
    """The yearly demand figures (seed 002): per municipality, age group, kind of care and month of wanted start
    the requests, placed, withdrawn, still waiting and ended without a place; counts only, and no cell below
    MIN_CELL families (rules.suppress_small)."""
    from django.db.models import Count, Q

    from intake.models import YearFigure

    status = CareRequest.Status
    tables = {}
    for dimension in FIGURE_DIMENSIONS:
        rows = list(YearFigure.objects.filter(year=year).values(dimension).annotate(
            requests=Count("pk"), placed=Count("pk", filter=Q(outcome=status.PLACED)),
            withdrawn=Count("pk", filter=Q(outcome=status.WITHDRAWN)),
            waiting=Count("pk", filter=Q(outcome=status.OPEN)),
            ended=Count("pk", filter=Q(outcome=status.ENDED))).order_by(dimension))
        rows = [{"key": row[dimension], **{name: row[name] for name in OUTCOMES}} for row in rows]
        tables[dimension] = rules.suppress_small(rows, OUTCOMES)
    campaign = YearFigure.objects.filter(year=year).exclude(campaign="").values("campaign").annotate(
        requests=Count("pk")).order_by("campaign")
    tables["campaign"] = rules.suppress_small([{"key": row["campaign"], "requests": row["requests"]}
                                               for row in campaign], ["requests"])
    return tables
