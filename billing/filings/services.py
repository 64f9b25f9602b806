"""Writes of the filings: the to-do list of what a location owes, a filing marked ready (built, checked, its
file kept), marked delivered, and the identity numbers the files need. Keyword-only; the beat job's reminder
a week before each due date, location by location (cooperative.jobs)."""
import hashlib
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from billing.filings import kinds, rules
from billing.filings.models import ChildNumbers, Filing, ParentNumbers
from tenants.calendar.selectors import current_location, location_today


def _since(location, today: date) -> date:
    """Filings start with the month the location's first contract starts (at most a year back)."""
    from tenants.contracts.models import Contract

    first = Contract.objects.order_by("start_date").values_list("start_date", flat=True).first()
    if first is None:
        return today
    back = date(today.year - 1, today.month, 1)
    return max(back, first.replace(day=1), getattr(location, "opening_date", None) or back)


def plan(*, location=None, today: date | None = None) -> int:
    """Add the filings the location owes for every period that ended (to do); returns how many were added.
    Idempotent: a period's filing is made once."""
    location = location or current_location()
    today = today or location_today(location)
    made = 0
    since = _since(location, today)
    existing = set(Filing.objects.values_list("kind", "period_start"))  # one query when nothing is new
    for kind in kinds.owed_by(location.jurisdiction):
        for start, end in kinds.periods_ended(kind, location.jurisdiction, since, today):
            if (kind.key, start) in existing:
                continue
            filing, created = Filing.objects.get_or_create(
                kind=kind.key, period_start=start, defaults={"period_end": end, "due_date": kind.due(end)})
            if created:
                publish(location, filing)
            made += created
    return made


def publish(location, filing: Filing) -> None:
    """Tell the cooperative's pages that the filing exists and whether it was delivered (no content)."""
    from advisory.models import FilingState

    FilingState.objects.update_or_create(
        location_id=location.pk, kind=filing.kind, period_start=filing.period_start,
        defaults={"period_end": filing.period_end, "due_date": filing.due_date,
                  "delivered_on": timezone.localdate(filing.delivered_at) if filing.delivered_at else None})


def _problems_error(problems: list[rules.Problem]) -> ValidationError:
    messages = [_("%(who)s — %(field)s: %(message)s") % {
        "who": p.who, "field": _field_label(p.field), "message": _(p.message) % p.params if p.params else _(p.message)}
        for p in problems]
    return ValidationError({"filing": messages})


def _field_label(name: str) -> str:
    labels = {"child_bsn": _("BSN of the child"), "parent_bsn": _("BSN of the parent"),
              "child_national_number": _("national register number of the child"),
              "parent_national_number": _("national register number of the parent"),
              "kindcode": _("kindcode"), "amount": _("amount"), "total": _("total"), "presence": _("presence"),
              "plan": _("plan"), "absence": _("absence"), "income_certificate": _("income certificate")}
    return labels.get(name, name)


def _build(filing: Filing):
    location = current_location()
    built = kinds.KINDS[filing.kind].writer.build(filing.period_start, filing.period_end, location)
    if built.problems:
        raise _problems_error(built.problems)
    return built


def _store(filing: Filing, built) -> None:
    filing.content = built.content
    filing.filename = built.filename
    filing.content_type = built.content_type
    filing.sha256 = hashlib.sha256(built.content).hexdigest()
    filing.rows = built.records
    filing.changes = built.changes
    filing.corrections = built.corrections
    filing.summary = built.summary


def _open(filing: Filing) -> Filing:
    if filing.status == Filing.Status.DELIVERED:
        raise ValidationError({"filing": [_("This filing was delivered already; a change goes into the next one "
                                            "as a correction.")]})
    return filing


def mark_ready(filing: Filing, *, user, today: date | None = None) -> Filing:
    """Build the file and check it; refused (ValidationError naming each child and field) when a check fails,
    and then nothing changes. A period that has not ended yet cannot be ready."""
    with transaction.atomic():
        filing = _open(Filing.objects.select_for_update().get(pk=filing.pk))
        today = today or location_today()
        if filing.period_end >= today:
            raise ValidationError({"filing": [_("The period has not ended yet.")]})
        built = _build(filing)
        _store(filing, built)
        filing.status = Filing.Status.READY
        filing.ready_at = timezone.now()
        filing.ready_by = user
        filing.save()
    return filing


def mark_delivered(filing: Filing, *, user, today: date | None = None) -> Filing:
    """The entrepreneur delivered the file: it is built and checked once more (what she downloads is what is
    kept) and kept for good. Refused like mark_ready when a check fails; nothing is marked delivered then."""
    with transaction.atomic():
        filing = _open(Filing.objects.select_for_update().get(pk=filing.pk))
        today = today or location_today()
        if filing.period_end >= today:
            raise ValidationError({"filing": [_("The period has not ended yet.")]})
        if filing.status != Filing.Status.READY:
            raise ValidationError({"filing": [_("Mark the filing ready first, download its file and deliver it.")]})
        built = _build(filing)
        if hashlib.sha256(built.content).hexdigest() != filing.sha256:
            raise ValidationError({"filing": [_("The data changed since the file was made ready: make it ready "
                                                "again, download the new file and deliver that one.")]})
        filing.status = Filing.Status.DELIVERED
        filing.delivered_at = timezone.now()
        filing.delivered_by = user
        filing.save(update_fields=["status", "delivered_at", "delivered_by"])
        publish(current_location(), filing)
    return filing


def _set_identity_numbers(row, errors: dict, *, bsn: str | None, national_number: str | None) -> None:
    """A child's or a parent's BSN and national register number, each checked; '' clears, None leaves it."""
    if bsn is not None:
        bsn = rules.normalise_bsn(bsn)
        if bsn and rules.bsn_error(bsn):
            errors["bsn"] = [_(rules.bsn_error(bsn))]
        row.bsn = bsn
    if national_number is not None:
        national_number = rules.normalise_national_number(national_number)
        if national_number and rules.national_number_error(national_number):
            errors["national_number"] = [_(rules.national_number_error(national_number))]
        row.national_number = national_number


def set_child_numbers(child, *, bsn: str | None = None, national_number: str | None = None,
                      kindcode: str | None = None) -> ChildNumbers:
    """Store a child's numbers (encrypted); each given value is checked, '' clears it, None leaves it."""
    errors = {}
    row = ChildNumbers.objects.filter(child=child).first() or ChildNumbers(child=child)
    _set_identity_numbers(row, errors, bsn=bsn, national_number=national_number)
    if kindcode is not None:
        kindcode = kindcode.strip()
        if kindcode and not (kindcode.isalnum() and len(kindcode) <= 20):
            errors["kindcode"] = [_("A kindcode has letters and digits only (at most 20).")]
        row.kindcode = kindcode
    if errors:
        raise ValidationError(errors)
    row.save()
    return row


def set_parent_numbers(parent, *, bsn: str | None = None, national_number: str | None = None,
                       birth_date: date | None = None, address: str | None = None,
                       today: date | None = None) -> ParentNumbers:
    errors = {}
    row = ParentNumbers.objects.filter(parent=parent).first() or ParentNumbers(parent=parent)
    _set_identity_numbers(row, errors, bsn=bsn, national_number=national_number)
    if birth_date is not None:
        if birth_date > (today or timezone.localdate()):
            errors["birth_date"] = [_("The birth date lies in the future.")]
        row.birth_date = birth_date
    if address is not None:
        row.address = address.strip()[:300]
    if errors:
        raise ValidationError(errors)
    row.save()
    return row


def send_reminders(*, location=None, today: date | None = None) -> int:
    """A week before a filing, the complaint report or a document's review is due, the location's entrepreneurs
    get one e-mail per duty (through the outbox); returns how many duties were reminded of."""
    from accounts.models import Membership
    from billing.filings import deliveries
    from outbox import services as outbox

    location = location or current_location()
    today = today or location_today(location)
    plan(location=location, today=today)
    users = list(Membership.objects.filter(location=location, role="entrepreneur", is_active=True)
                 .values_list("user_id", flat=True))
    count = 0
    for filing in Filing.objects.exclude(status=Filing.Status.DELIVERED).filter(reminded_on__isnull=True):
        if not rules.reminder_due(filing.status, filing.due_date, today, filing.reminded_on):
            continue
        outbox.enqueue(deliveries.REMINDER, [{"filing": filing.pk, "user": pk} for pk in users],
                       ref=deliveries.filing_ref(filing.pk), location=location)
        filing.reminded_on = today
        filing.save(update_fields=["reminded_on"])
        count += 1
    return count + _remind_other_duties(location, today, users)


def _remind_other_duties(location, today: date, users: list[int]) -> int:
    """The same reminder a week before the complaint report or a document's review is due, once per duty."""
    from billing.filings import deliveries, duties
    from billing.filings.models import DutyReminder
    from outbox import services as outbox

    reminded = set(DutyReminder.objects.values_list("key", flat=True))
    count = 0
    for duty in duties.other_duties(location, today):
        status = rules.DELIVERED if duty.state == rules.DELIVERED else rules.TODO
        if duty.key in reminded or not rules.reminder_due(status, duty.due_date, today, None):
            continue
        outbox.enqueue(deliveries.DUTY_REMINDER, [{"duty": duty.key, "user": pk} for pk in users],
                       ref=f"duty:{duty.key}", location=location)
        DutyReminder.objects.create(key=duty.key, reminded_on=today)
        count += 1
    return count


def remind_everywhere(today_override: date | None = None, only_failed: bool = False):
    """The beat job: every active location on its own (cooperative.jobs), on its own date."""
    from cooperative import jobs

    return jobs.for_each_location(
        job="filing-reminders", only_failed=only_failed,
        work=lambda location: {"reminded": send_reminders(location=location,
                                                          today=today_override or location_today(location))})
