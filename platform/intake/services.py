"""Writes of care requests and waiting lists. Each checks first and raises ValidationError({field: [...]});
nothing is stored unless all of it is. E-mails go through the outbox (intake.deliveries) after the commit."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context
from jurisdictions import policy

from intake import deliveries, rules
from intake.models import CareRequest, ListEntry, ListSettings, Proof, YearFigure

MAX_PROOF_BYTES = 5 * 1024 * 1024
PROOF_TYPES = {"application/pdf", "image/jpeg", "image/png"}
#: Months a request and its proofs are kept after it ended (placed, withdrawn, not answered).
RETENTION_MONTHS = 12


def _add(errors: dict, field: str, message) -> None:
    if message:
        errors.setdefault(field, []).extend(message if isinstance(message, list) else [message])


def _translated(errors: dict, **values) -> dict:
    """The rules' English messages translated, their %(name)s filled in from `values`."""
    return {field: [_(message) % values if "%(" in message else _(message) for message in messages]
            for field, messages in errors.items()}


def today() -> date:
    return timezone.localdate()


def _location_errors(locations, care_kind: str) -> dict:
    errors: dict = {}
    if not locations:
        _add(errors, "locations", _("Choose at least one location."))
    for location in locations:
        if not location.is_active:
            _add(errors, "locations", _("%(name)s takes no requests.") % {"name": location.name})
        elif rules.care_type_for(care_kind, location.care_types) is None:
            _add(errors, "locations", _("%(name)s does not offer this kind of care.") % {"name": location.name})
    return errors


def min_care_days(locations) -> int | None:
    """The highest minimum of care days of the jurisdictions of `locations` (intake_min_care_days)."""
    minimums = [policy(location.jurisdiction).intake_min_care_days for location in locations]
    minimums = [value for value in minimums if value]
    return max(minimums) if minimums else None


def record_figure(request: CareRequest) -> None:
    """Keep the counts of a request for the yearly figures (nothing that names a family)."""
    if request.status == CareRequest.Status.UNCONFIRMED:
        return
    YearFigure.objects.update_or_create(request_id=request.pk, defaults={
        "year": request.created_at.year,
        "location_ids": sorted(request.entries.values_list("location_id", flat=True)),
        "municipality": request.city.strip().title(),
        "age_group": rules.age_group(request.birth_date, request.start_date),
        "care_kind": request.care_kind,
        "start_month": f"{request.start_date:%Y-%m}",
        "outcome": request.status,
        "campaign": request.campaign,
    })


@transaction.atomic
def file_request(*, locations, email: str, parent_name: str, postal_code: str, city: str, care_kind: str,
                 days, start_date: date | None, birth_date: date | None = None, due_date: date | None = None,
                 child_first_name: str = "", phone: str = "", special_care: bool = False, works: bool = False,
                 foster: bool = False, urgent_reason: str = "", siblings_at=(), staff_at=(), campaign: str = "",
                 user=None, on: date | None = None) -> CareRequest:
    """A parent's request to one or more locations. Unconfirmed until the e-mail address is confirmed (the
    link in the e-mail), unless the logged-in parent files it with her own address."""
    on = on or today()
    locations = list(locations)
    days = sorted(int(day) for day in days or [])
    errors = _location_errors(locations, care_kind)
    rule_errors = rules.request_errors(today=on, start_date=start_date, days=days, birth_date=birth_date,
                                       due_date=due_date, min_care_days=min_care_days(locations))
    for field, messages in _translated(rule_errors, days=min_care_days(locations)).items():
        _add(errors, field, messages)
    if urgent_reason and urgent_reason not in rules.URGENT_REASONS:
        _add(errors, "urgent_reason", _("Choose one of the reasons."))
    if not email or "@" not in email:
        _add(errors, "email", _("Give your e-mail address."))
    if not (parent_name or "").strip():
        _add(errors, "parent_name", _("Give your name."))
    if not rules.postcode_digits(postal_code):
        _add(errors, "postal_code", _("Give your postal code."))
    if errors:
        raise ValidationError(errors)
    confirmed = user is not None and user.is_authenticated and user.email.lower() == email.strip().lower()
    request = CareRequest.objects.create(
        email=email.strip().lower(), parent_name=parent_name.strip(), phone=phone.strip(),
        child_first_name=child_first_name.strip(), birth_date=birth_date, due_date=due_date,
        postal_code=postal_code.strip().upper(), city=city.strip(), care_kind=care_kind, days=days,
        start_date=start_date, special_care=special_care, works=works, foster=foster, urgent_reason=urgent_reason,
        campaign=(campaign or "")[:40], user=user if confirmed else None,
        status=CareRequest.Status.OPEN if confirmed else CareRequest.Status.UNCONFIRMED,
        confirmed_at=timezone.now() if confirmed else None)
    siblings_at = {int(pk) for pk in siblings_at}
    staff_at = {int(pk) for pk in staff_at}
    ListEntry.objects.bulk_create([
        ListEntry(request=request, location=location, siblings=location.pk in siblings_at,
                  staff=location.pk in staff_at) for location in locations])
    if confirmed:
        record_figure(request)
    else:
        deliveries.send_confirmation(request)
    return request


@transaction.atomic
def confirm_request(request: CareRequest, *, user) -> CareRequest:
    """The e-mail address is confirmed: the request joins the lists and belongs to `user` (the account with that
    address). Confirming twice changes nothing."""
    request = CareRequest.objects.select_for_update().get(pk=request.pk)
    if user.email.lower() != request.email.lower():
        raise PermissionDenied
    if request.status == CareRequest.Status.UNCONFIRMED:
        request.status = CareRequest.Status.OPEN
        request.confirmed_at = timezone.now()
        request.user = user
        request.save(update_fields=["status", "confirmed_at", "user"])
        record_figure(request)
    return request


def account_for(email: str, *, full_name: str, password: str | None = None, language: str = ""):
    """The account with this address, or a new one (a parent confirming her first request) in the language she
    used."""
    from accounts.models import User

    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        extra = {"language": language} if language else {}
        user = User.objects.create_user(email=email, full_name=full_name, password=password, **extra)
    return user


def _end(request: CareRequest, status: str) -> None:
    request.status = status
    request.ended_at = timezone.now()
    request.save(update_fields=["status", "ended_at"])
    request.proofs.all().delete()  # proofs go when the request ends
    record_figure(request)


@transaction.atomic
def withdraw(request: CareRequest, *, user, location=None) -> CareRequest:
    """The parent withdraws the request from one location (`location`) or from all."""
    request = CareRequest.objects.select_for_update().get(pk=request.pk)
    if request.user_id != user.pk:
        raise PermissionDenied
    entries = request.entries.filter(status__in=ListEntry.ON_LIST)
    if location is not None:
        entries = entries.filter(location=location)
    if not entries.exists() and request.status != CareRequest.Status.PLACED:
        raise ValidationError({"location": [_("This request is no longer on that waiting list.")]})
    entries.update(status=ListEntry.Status.WITHDRAWN, updated_at=timezone.now())
    if request.status == CareRequest.Status.OPEN and not request.entries.filter(
            status__in=ListEntry.ON_LIST).exists():
        _end(request, CareRequest.Status.WITHDRAWN)
    return request


@transaction.atomic
def change_request(request: CareRequest, *, user, days, start_date: date, on: date | None = None) -> CareRequest:
    """The parent changes the days or the start date; the place on the lists (the request date) stays."""
    request = CareRequest.objects.select_for_update().get(pk=request.pk)
    if request.user_id != user.pk:
        raise PermissionDenied
    if not request.is_open:
        raise ValidationError(_("This request is no longer open."))
    locations = [entry.location for entry in request.entries.select_related("location")
                 .filter(status__in=ListEntry.ON_LIST)]
    days = sorted(int(day) for day in days or [])
    minimum = min_care_days(locations)
    errors = rules.request_errors(today=on or today(), start_date=start_date, days=days,
                                  birth_date=request.birth_date, due_date=request.due_date, min_care_days=minimum)
    if errors:
        raise ValidationError(_translated(errors, days=minimum))
    request.days, request.start_date = days, start_date
    request.save(update_fields=["days", "start_date"])
    record_figure(request)
    return request


@transaction.atomic
def add_proof(request: CareRequest, *, user, kind: str, file) -> Proof:
    """A proof for the priority rules, stored privately with the request."""
    if request.user_id != user.pk:
        raise PermissionDenied
    errors: dict = {}
    if kind not in Proof.Kind.values:
        _add(errors, "kind", _("Choose what the proof is."))
    if file is None:
        _add(errors, "file", _("Choose a file."))
    elif file.size > MAX_PROOF_BYTES:
        _add(errors, "file", _("A proof may be at most 5 MB."))
    elif getattr(file, "content_type", "") not in PROOF_TYPES:
        _add(errors, "file", _("Upload a PDF, JPEG or PNG file."))
    if not request.is_open:
        _add(errors, "file", _("This request is no longer open."))
    if errors:
        raise ValidationError(errors)
    return Proof.objects.create(request=request, kind=kind, file_name=file.name[:200],
                                content_type=file.content_type, content=file.read(), size=file.size)


@transaction.atomic
def set_rule_order(*, location, order) -> ListSettings:
    """The location's own priority rules, in its order (rules of the catalogue; the request date stays last)."""
    errors = rules.order_errors(order)
    if errors:
        raise ValidationError(_translated({"order": errors}))
    settings, _created = ListSettings.objects.get_or_create(location=location)
    settings.order = list(order)
    settings.save(update_fields=["order", "updated_at"])
    return settings


def _entry_for_update(entry: ListEntry) -> ListEntry:
    return ListEntry.objects.select_for_update().select_related("request", "location").get(pk=entry.pk)


@transaction.atomic
def offer_place(entry: ListEntry, *, group_id: int, start_date: date, days, deadline: date | None = None,
                note: str = "", on: date | None = None) -> ListEntry:
    """The entrepreneur offers a place: a group, the days, the start date and the date to answer by. Places are
    offered at the earliest nine months before the start; an expected child's start may move ten days."""
    entry = _entry_for_update(entry)
    request, location = entry.request, entry.location
    from tenants.calendar.selectors import location_today

    on = on or location_today(location)
    deadline = deadline or rules.offer_deadline(on, _settings_of(location).offer_days)
    days = sorted(int(day) for day in days or [])
    errors: dict = {}
    if entry.status != ListEntry.Status.WAITING or request.status not in CareRequest.LISTED:
        _add(errors, "status", _("Only a request waiting on the list can be offered a place."))
    if start_date is None:
        _add(errors, "start_date", _("Give the start date."))
    elif start_date < on:
        _add(errors, "start_date", _("The start date lies in the past."))
    else:
        _add(errors, "start_date", _translated({"start_date": rules.offer_start_errors(
            asked=request.start_date, offered=start_date, expected=request.expected)},
            days=rules.START_MOVES_AROUND_BIRTH_DAYS)["start_date"])
        if not rules.may_offer(on, start_date):
            _add(errors, "start_date", _("Places are offered at the earliest nine months before the start (from "
                                         "%(date)s).") % {"date": rules.earliest_offer_date(start_date)})
    minimum = policy(location.jurisdiction).intake_min_care_days
    if not days:
        _add(errors, "days", _("Choose at least one day."))
    elif minimum and len(days) < minimum:
        _add(errors, "days", _("A care plan has at least %(n)s days.") % {"n": minimum})
    if deadline < on:
        _add(errors, "deadline", _("The answer date lies in the past."))
    with schema_context(location.schema_name):
        from tenants.calendar.selectors import opening_hours
        from tenants.groups.models import Group

        group = Group.objects.filter(pk=group_id).first()
        if group is None:
            _add(errors, "group", _("Choose a group."))
        closed = [day for day in days if opening_hours(day) is None]
        if closed:
            _add(errors, "days", _("The location does not open on one of these days."))
    if errors:
        raise ValidationError(errors)
    entry.status = ListEntry.Status.OFFERED
    entry.offered_at = timezone.now()
    entry.offer_start, entry.offer_days, entry.offer_deadline = start_date, days, deadline
    entry.offer_group_id = group_id
    entry.offer_note = note.strip()[:300]
    entry.save()
    deliveries.send_offer(entry)
    return entry


def _settings_of(location) -> ListSettings:
    return ListSettings.objects.filter(location=location).first() or ListSettings(
        location=location, order=list(rules.DEFAULT_ORDER))


@transaction.atomic
def answer_offer(entry: ListEntry, *, user, accept: bool, on: date | None = None) -> ListEntry:
    """The parent answers an offer. Accepting plans the intake meeting and settling-in days, makes the child and
    a draft contract with the agreed days and start date (signed as any contract), and tells the other locations
    of the request; the parent is asked whether to keep those requests."""
    entry = _entry_for_update(entry)
    request, location = entry.request, entry.location
    if request.user_id != user.pk:
        raise PermissionDenied
    from tenants.calendar.selectors import location_today

    on = on or location_today(location)
    if entry.status != ListEntry.Status.OFFERED:
        raise ValidationError({"status": [_("There is no offer to answer.")]})
    if rules.offer_expired(entry.offer_deadline, on):
        raise ValidationError({"status": [_("The date to answer this offer has passed.")]})
    entry.answered_at = timezone.now()
    if not accept:
        entry.status = ListEntry.Status.DECLINED
        entry.save()
        if request.is_open and not request.entries.filter(status__in=ListEntry.ON_LIST).exists():
            _end(request, CareRequest.Status.ENDED)
        deliveries.send_answer(entry)
        return entry
    entry.status = ListEntry.Status.PLACED
    entry.intake_on = rules.intake_moment(entry.offer_start, on)
    entry.settling_in = rules.settling_in_days(entry.offer_start, entry.offer_days, on)
    entry.child_id, entry.contract_id = _draft_contract(entry, user)
    entry.save()
    others = list(request.entries.filter(status__in=ListEntry.ON_LIST).exclude(pk=entry.pk))
    for other in others:
        other.status = ListEntry.Status.PLACED_ELSEWHERE
        other.kept_after_placement = None
        other.save(update_fields=["status", "kept_after_placement", "updated_at"])
    request.status = CareRequest.Status.PLACED
    request.ended_at = timezone.now()
    request.save(update_fields=["status", "ended_at"])
    request.proofs.all().delete()
    record_figure(request)
    deliveries.send_answer(entry)
    deliveries.send_placed_elsewhere(others)
    return entry


def _draft_contract(entry: ListEntry, user) -> tuple[int, int]:
    """In the location's schema: the child (guardian: the parent) and the contract awaiting her signature."""
    from accounts.models import Membership

    request, location = entry.request, entry.location
    Membership.objects.get_or_create(user=user, location=location, role=Membership.Role.PARENT)
    last_name = request.parent_name.split()[-1] if request.parent_name.split() else ""
    with schema_context(location.schema_name):
        from tenants.calendar.selectors import opening_hours
        from tenants.children.services import create_child
        from tenants.contracts.services import create_contract
        from tenants.groups.models import Group

        child = create_child(first_name=request.child_first_name or _("Baby"), last_name=last_name,
                             birth_date=request.birth_date or request.due_date, guardians=[user], actor=user)
        week = []
        for day in entry.offer_days:
            opens, closes = opening_hours(day)
            week.append({"weekday": day, "start": f"{opens:%H:%M}", "end": f"{closes:%H:%M}"})
        try:
            care_type = rules.care_type_for(request.care_kind, location.care_types)
            contract = create_contract(child=child, care_type=care_type,
                                       group=Group.objects.get(pk=entry.offer_group_id),
                                       start_date=entry.offer_start, end_date=None, schedule_type="weekly",
                                       schedule=[week], note=_("From care request %(n)s") % {"n": request.pk},
                                       location=location)
        except ValidationError as exc:
            raise ValidationError({"status": [_("The contract could not be drafted: %(why)s") % {
                "why": " ".join(exc.messages)}]}) from exc
    return child.pk, contract.pk


@transaction.atomic
def keep_after_placement(entry: ListEntry, *, user, keep: bool) -> ListEntry:
    """After a place elsewhere: the parent keeps this request (back on the list, as a new open request for
    this location) or lets it go."""
    entry = _entry_for_update(entry)
    if entry.request.user_id != user.pk:
        raise PermissionDenied
    if entry.status != ListEntry.Status.PLACED_ELSEWHERE or entry.kept_after_placement is not None:
        raise ValidationError({"status": [_("Nothing to decide for this location.")]})
    entry.kept_after_placement = keep
    if keep:
        entry.status = ListEntry.Status.WAITING
    entry.save()
    return entry


def lapse_offers(location, *, on: date | None = None) -> int:
    """In one location: offers not answered by their deadline lapse, and the place goes to the next on the list
    (the same group, days, start and answer term). Returns the number of offers that lapsed."""
    from intake import selectors
    from tenants.calendar.selectors import location_today

    on = on or location_today(location)
    lapsed = 0
    for entry in ListEntry.objects.filter(location=location, status=ListEntry.Status.OFFERED,
                                          offer_deadline__lt=on).select_related("request"):
        with transaction.atomic():
            entry = _entry_for_update(entry)
            if entry.status != ListEntry.Status.OFFERED or not rules.offer_expired(entry.offer_deadline, on):
                continue
            entry.status = ListEntry.Status.LAPSED
            entry.save(update_fields=["status", "updated_at"])
            lapsed += 1
            request = entry.request
            if request.is_open and not request.entries.filter(status__in=ListEntry.ON_LIST).exists():
                _end(request, CareRequest.Status.ENDED)
            for row in selectors.waiting_list(location):
                if row.entry.status != ListEntry.Status.WAITING:
                    continue
                start = max(entry.offer_start, row.entry.request.start_date)
                if not rules.may_offer(on, start):
                    continue
                try:
                    offer_place(row.entry, group_id=entry.offer_group_id, start_date=start,
                                days=entry.offer_days, on=on)
                except ValidationError:
                    continue
                break
    return lapsed


def purge_ended(*, on: date | None = None) -> int:
    """Retention: requests ended more than RETENTION_MONTHS ago, and requests never confirmed after a month,
    are deleted with their proofs and entries; the yearly figures keep only their counts."""
    on = on or today()
    cutoff = rules.add_months(on, -RETENTION_MONTHS)
    ended = CareRequest.objects.filter(ended_at__date__lt=cutoff).exclude(status=CareRequest.Status.OPEN)
    never = CareRequest.objects.filter(status=CareRequest.Status.UNCONFIRMED,
                                       created_at__date__lt=rules.add_months(on, -1))
    count = 0
    for rows in (ended, never):
        count += rows.delete()[1].get("intake.CareRequest", 0)
    return count


@transaction.atomic
def delete_request(request: CareRequest, *, user) -> None:
    """The parent deletes her request and its proofs at any time; the figures keep only its counts."""
    if request.user_id != user.pk:
        raise PermissionDenied
    if request.entries.filter(status=ListEntry.Status.OFFERED).exists():
        raise ValidationError(_("Answer the offer first."))
    if request.is_open:
        request.entries.filter(status__in=ListEntry.ON_LIST).update(status=ListEntry.Status.WITHDRAWN)
        _end(request, CareRequest.Status.WITHDRAWN)
    request.delete()
