"""Writes of contagious diseases: staff record a case in a group; the group's parents get an anonymous notice by
e-mail (outbreaks.notice) and push (kind "health"), written in the same transaction and delivered after the commit
(docs/outbox.md); the location sees whether the agency must be told and records when, and by whom, it was."""
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox import services as outbox
from push import rules as push_rules
from push import services as push
from tenants.children.models import Child
from tenants.groups.models import Group
from tenants.outbreaks import rules, selectors
from tenants.outbreaks.deliveries import NOTICE
from tenants.outbreaks.models import ContagiousCase

MAX_ADVICE = 3000
MAX_NOTE = 1000
OLDEST = timedelta(days=60)


@transaction.atomic
def record_case(*, by, group: Group, disease: str, noticed_on: date, advice: str = "", note: str = "",
                today: date | None = None) -> ContagiousCase:
    """Record a case and notify the group's parents (anonymously). Bad input stores and sends nothing."""
    from tenants.calendar.selectors import location_today

    today = today or location_today()
    table = selectors.table_key()
    errors: dict[str, list[str]] = {}
    found = next((d for d in selectors.diseases_here() if d.key == disease), None)
    if found is None:
        errors["disease"] = [_("Choose a disease of the list.")]
    if not isinstance(group, Group):
        errors["group"] = [_("Choose a group.")]
    if not isinstance(noticed_on, date):
        errors["noticed_on"] = [_("Give the date.")]
    elif noticed_on > today:
        errors["noticed_on"] = [_("The date cannot lie in the future.")]
    elif noticed_on < today - OLDEST:
        errors["noticed_on"] = [_("Record a case within two months.")]
    advice = (advice or "").strip() or (found.advice if found else "")
    if len(advice) > MAX_ADVICE:
        errors["advice"] = [_("At most %(n)s characters.") % {"n": MAX_ADVICE}]
    if len(note or "") > MAX_NOTE:
        errors["note"] = [_("At most %(n)s characters.") % {"n": MAX_NOTE}]
    if not errors.get("advice") and found is not None and advice != found.advice:
        names = [n for pair in Child.objects.values_list("first_name", "last_name") for n in pair]
        problems = rules.notice_text_errors(advice, names)
        if problems:
            errors["advice"] = [_(problems[0])]
    if errors:
        raise ValidationError(errors)
    verdict = rules.agency_verdict(found, noticed_on, selectors.earlier_cases(group.pk, disease))
    case = ContagiousCase.objects.create(
        group=group, disease=disease, noticed_on=noticed_on, advice=advice, note=(note or "").strip(), table=table,
        agency_must_tell=verdict.must_tell, agency_reason=verdict.reason, cases_in_window=verdict.cases,
        recorded_by=by)
    parents = sorted(selectors.recipients(group.pk))
    path = reverse("outbreaks-notice", args=[case.pk])
    if parents:
        outbox.enqueue(NOTICE, [{"user": uid, "case": case.pk, "path": path} for uid in parents],
                       ref=f"outbreak:{case.pk}")
        push.notify(parents, kind=push_rules.HEALTH, audience=push_rules.PARENT, path=path)
    case.recipients = len(parents)
    case.save(update_fields=["recipients"])
    return case


@transaction.atomic
def record_agency_told(case: ContagiousCase, *, by, told_at: datetime | None = None,
                       reference: str = "", now: datetime | None = None) -> ContagiousCase:
    """The location told the agency: when (default now) and by whom, with a reference or contact name."""
    now = now or timezone.now()
    told_at = told_at or now
    errors = {}
    if case.agency_told_at is not None:
        errors["told_at"] = [_("Already recorded.")]
    elif timezone.is_naive(told_at):
        errors["told_at"] = [_("Give the date and time.")]
    elif told_at > now + timedelta(minutes=5):
        errors["told_at"] = [_("The moment cannot lie in the future.")]
    elif told_at.date() < case.noticed_on - timedelta(days=1):
        errors["told_at"] = [_("The agency cannot have been told before the case was noticed.")]
    if len(reference or "") > 200:
        errors["reference"] = [_("At most %(n)s characters.") % {"n": 200}]
    if errors:
        raise ValidationError(errors)
    case.agency_told_at = told_at
    case.agency_told_by = by
    case.agency_reference = (reference or "").strip()
    case.save(update_fields=["agency_told_at", "agency_told_by", "agency_reference"])
    return case
