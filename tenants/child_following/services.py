"""Writes of the child-following system: staff record an observation and write the periodic summary; a parent
comments on it and confirms it was discussed, gives or withdraws consent to hand it over; the entrepreneur
exports a child's file for another location when a parent allowed it."""
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import translated
from push import rules as push_rules
from push import services as push
from tenants.calendar.selectors import location_today
from tenants.child_following import rules
from tenants.child_following.models import Consent, Observation, ParentResponse, Summary
from tenants.children.models import Child
from tenants.groups.selectors import group_ids_of_staff_member


def _name(user) -> str:
    return (user.full_name or user.email)[:200]


def _may_write(child: Child, by, roles: set[str], today: date) -> None:
    if ENTREPRENEUR in roles:
        return
    if STAFF in roles and rules.staff_may_write(child_group=child.group_id,
                                                staff_groups=group_ids_of_staff_member(by, today)):
        return
    raise ValidationError({"child": [_("You can only write about the children of your own groups.")]})


def _is_guardian(child: Child, user) -> bool:
    return child.guardians.filter(pk=user.pk).exists()


def record_observation(child: Child, *, by, roles: set[str], area: str, observed_on: date | None, text: str,
                       today: date | None = None) -> Observation:
    today = today or location_today()
    _may_write(child, by, roles, today)
    errors = translated(rules.observation_errors(area=area, observed_on=observed_on, text=text, today=today))
    if errors:
        raise ValidationError(errors)
    return Observation.objects.create(child=child, group_id=child.group_id, area=area, observed_on=observed_on,
                                      text=text.strip(), written_by=by, written_by_name=_name(by))


@transaction.atomic
def write_summary(child: Child, *, by, roles: set[str], kind: str, period_start: date | None,
                  period_end: date | None, text: str, discussed_on: date | None = None,
                  today: date | None = None) -> Summary:
    """A summary for the parents; they hear of it by push and answer on their phone."""
    today = today or location_today()
    _may_write(child, by, roles, today)
    errors = translated(rules.summary_errors(kind=kind, period_start=period_start, period_end=period_end, text=text,
                                             discussed_on=discussed_on))
    if errors:
        raise ValidationError(errors)
    summary = Summary.objects.create(child=child, group_id=child.group_id, kind=kind, period_start=period_start,
                                     period_end=period_end, text=text.strip(), discussed_on=discussed_on,
                                     written_by=by, written_by_name=_name(by))
    push.notify_guardians(child, kind=push_rules.MESSAGE, path=reverse("following-summary", args=[summary.pk]))
    return summary


def respond(summary: Summary, *, by, roles: set[str], comment: str = "",
            confirmed_discussed: bool = False) -> ParentResponse:
    """A guardian of the child comments on the summary and/or confirms it was discussed with her; answering
    again replaces her earlier comment (a confirmation stays given)."""
    if PARENT not in roles or not _is_guardian(summary.child, by):
        raise ValidationError({"comment": [_("Only a parent of the child answers a summary.")]})
    errors = translated(rules.response_errors(comment=comment, confirmed_discussed=confirmed_discussed))
    if errors:
        raise ValidationError(errors)
    existing = ParentResponse.objects.filter(summary=summary, user=by).first()
    confirmed = confirmed_discussed or bool(existing and existing.confirmed_discussed)
    values = {"comment": (comment or "").strip() or (existing.comment if existing else ""),
              "confirmed_discussed": confirmed, "user_name": _name(by)}
    try:
        with transaction.atomic():
            response, _created = ParentResponse.objects.update_or_create(summary=summary, user=by, defaults=values)
    except IntegrityError:
        response, _created = ParentResponse.objects.update_or_create(summary=summary, user=by, defaults=values)
    return response


def give_consent(child: Child, *, by, roles: set[str], scope: str) -> Consent:
    if PARENT not in roles or not _is_guardian(child, by):
        raise ValidationError({"scope": [_("Only a parent of the child gives this consent.")]})
    if scope not in rules.SCOPES:
        raise ValidationError({"scope": [_("Choose the next group or another location.")]})
    existing = Consent.objects.filter(child=child, scope=scope, withdrawn_at__isnull=True).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Consent.objects.create(child=child, scope=scope, given_by=by, given_by_name=_name(by))
    except IntegrityError:
        return Consent.objects.get(child=child, scope=scope, withdrawn_at__isnull=True)


def withdraw_consent(child: Child, *, by, roles: set[str], scope: str) -> int:
    if PARENT not in roles or not _is_guardian(child, by):
        raise ValidationError({"scope": [_("Only a parent of the child withdraws this consent.")]})
    if scope not in rules.SCOPES:
        raise ValidationError({"scope": [_("Choose the next group or another location.")]})
    return Consent.objects.filter(child=child, scope=scope, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_by_name=_name(by))


def export_for_other_location(child: Child, *, roles: set[str]) -> dict:
    """The child's observations and summaries for another location: only the entrepreneur, and only while a
    parent's consent to hand them to another location stands."""
    if ENTREPRENEUR not in roles:
        raise PermissionDenied
    consent = Consent.objects.filter(child=child, scope=rules.OTHER_LOCATION, withdrawn_at__isnull=True).first()
    if consent is None:
        raise ValidationError({"consent": [_("A parent has not allowed handing this file to another location.")]})
    return {
        "child": {"first_name": child.first_name, "last_name": child.last_name,
                  "birth_date": child.birth_date.isoformat()},
        "consent": {"given_by": consent.given_by_name, "given_at": consent.given_at.isoformat()},
        "observations": [{"observed_on": o.observed_on.isoformat(), "area": o.area, "text": o.text}
                         for o in child.observations.all()],
        "summaries": [{"kind": s.kind, "period_start": s.period_start.isoformat(),
                       "period_end": s.period_end.isoformat(), "text": s.text,
                       "discussed_on": s.discussed_on.isoformat() if s.discussed_on else None,
                       "parent_comments": [r.comment for r in s.responses.all() if r.comment]}
                      for s in child.following_summaries.prefetch_related("responses")],
    }


def erase_for_child(child: Child) -> int:
    count = child.observations.count() + child.following_summaries.count()
    child.observations.all().delete()
    child.following_summaries.all().delete()
    Consent.objects.filter(child=child).delete()
    return count
