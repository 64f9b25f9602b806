"""Writes of the accident register: a staff member records and signs a report in one step (the signature is the
explicit confirmation, with its moment); the child's guardians then get a message in the location's messages
(e-mail notice and push notification, through the outbox) pointing to the report. Later the claim number of the
insurer and the moment the parent was told can be added; nothing else of a signed report changes."""
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import STAFF
from config.service_errors import translated
from tenants.accidents import rules
from tenants.accidents.models import Accident
from tenants.children.models import Child


def _fail(errors: dict) -> None:
    if errors:
        raise ValidationError(translated(errors))


@transaction.atomic
def record_accident(child: Child, *, by, happened_at: datetime | None, place: str, kind: str, what_happened: str,
                    present: str, first_aid: str, called_112: bool = False, doctor_called: bool = False,
                    parent_informed_at: datetime | None = None, claim_number: str = "",
                    confirmed: bool = False) -> Accident:
    """Record and sign the report of an accident of `child`. Bad input stores nothing and names the field."""
    report = rules.Report(happened_at=happened_at, place=(place or "").strip(), kind=kind,
                          what_happened=(what_happened or "").strip(), present=(present or "").strip(),
                          first_aid=(first_aid or "").strip(), parent_informed_at=parent_informed_at,
                          claim_number=(claim_number or "").strip(), confirmed=bool(confirmed))
    _fail(rules.report_errors(report, now=timezone.now()))
    accident = Accident.objects.create(
        child=child, happened_at=happened_at, place=report.place, kind=kind, what_happened=report.what_happened,
        present=report.present, first_aid=report.first_aid, called_112=bool(called_112),
        doctor_called=bool(doctor_called), parent_informed_at=parent_informed_at, claim_number=report.claim_number,
        signed_by=by, signed_by_name=by.full_name or by.email, signed_at=timezone.now())
    _tell_the_parents(accident, by=by)
    return accident


def _tell_the_parents(accident: Accident, *, by) -> None:
    """A message to the child's guardians (the messages app sends its e-mail notice and push notification)."""
    from tenants.attendance.selectors import location_zone
    from tenants.messages.services import start_conversation

    if not accident.child.guardians.exists():
        return
    when = timezone.localtime(accident.happened_at, location_zone())
    link = reverse("accident-page", args=[accident.pk])
    body = _("%(name)s had an accident at %(time)s on %(day)s (%(kind)s). First aid: %(first_aid)s\n\n"
             "Read the whole report: %(link)s") % {
        "name": accident.child.first_name, "time": f"{when:%H:%M}", "day": f"{when:%d-%m-%Y}",
        "kind": accident.get_kind_display(), "first_aid": accident.first_aid, "link": link}
    start_conversation(accident.child, by=by, roles={STAFF}, subject=_("Accident report"), body=body)


@transaction.atomic
def complete(accident: Accident, *, claim_number: str | None = None,
             parent_informed_at: datetime | None = None) -> Accident:
    """Add the insurer's claim number and/or the moment the parent was told to a signed report."""
    errors = {}
    if claim_number is not None:
        errors.update(rules.claim_number_errors(claim_number))
    if parent_informed_at is not None:
        if parent_informed_at > timezone.now():
            errors["parent_informed_at"] = [rules.gettext_noop("The parent cannot have been told in the future.")]
        elif parent_informed_at < accident.happened_at:
            errors["parent_informed_at"] = [rules.gettext_noop("The parent was told after the accident, not before.")]
    _fail(errors)
    if claim_number is not None:
        accident.claim_number = claim_number.strip()
    if parent_informed_at is not None:
        accident.parent_informed_at = parent_informed_at
    accident.save(update_fields=["claim_number", "parent_informed_at", "updated_at"])
    return accident

