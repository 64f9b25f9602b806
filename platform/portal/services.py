"""Writes of the parent portal: correction and deletion requests (GDPR), cooperative surveys.

A deletion request is made per location and handled by that location's entrepreneur within the retention
rules (portal.rules): what the tax authorities and the registers need is kept, the rest is deleted, and the
parent is told per kind of data what happened, until when data is kept and why. Both e-mails go through the
outbox (portal.deliveries): written with the request, sent after the commit.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from jurisdictions import POLICIES

from accounts.models import Membership
from accounts.roles import PARENT
from outbox import services as outbox
from portal import deliveries, rules
from portal.models import CoopSurvey, DeletionRequest

CATEGORY_LABELS = {
    "all": gettext_lazy("all data"),
    "invoices": gettext_lazy("invoices and annual statements"),
    "contracts": gettext_lazy("contracts"),
    "attendance": gettext_lazy("attendance register, absences, extra days and swaps"),
    "identity": gettext_lazy("the child's name and birth date"),
    "care_details": gettext_lazy("care details (GP, allergies, diet, medication, medical notes, BSN)"),
    "pickup_and_custody": gettext_lazy("people who may pick up, custody notes"),
    "handovers": gettext_lazy("daily handovers and photos"),
    "messages": gettext_lazy("messages"),
    "corrections": gettext_lazy("correction requests, contract change requests and the change log"),
    "survey_answers": gettext_lazy("named survey answers"),
    "child_following": gettext_lazy("observations and summaries of following the child"),
}
REASONS = {
    "care_running": gettext_lazy("The care is still running: the location needs the child's file to care for "
                                 "the child. Give notice of the contract first; after the last day of care you "
                                 "can ask again."),
    # rules.deletion_plan's reason for records kept by law: "fiscal_" and the jurisdiction's code.
    **{f"fiscal_{code}": gettext_lazy(entry.retention_reason) for code, entry in POLICIES.items()},
    "identity": gettext_lazy("The records that must be kept refer to the child, so the name and birth date "
                             "stay with them."),
    "retention_over": gettext_lazy("The legal retention period is over."),
    "nothing_to_keep": gettext_lazy("There was nothing that had to be kept."),
    "not_needed": gettext_lazy("Not needed for tax or registers."),
}


def outcome_lines(outcome: list[dict]) -> list[dict]:
    """The stored outcome in the active language, for the page and the e-mail."""
    return [{"category": CATEGORY_LABELS.get(o["category"], o["category"]), "action": o["action"],
             "kept": o["action"] == rules.KEEP, "until": o.get("until"), "count": o.get("count"),
             "reason": REASONS.get(o.get("reason"), "")} for o in outcome]


# --- correction (routed to the child file of the location) -----------------------------------


def request_correction(user, location, child_id: int, *, field: str, requested_change: str, reason: str):
    from portal.selectors import _open_schema
    from tenants.children import services as child_services
    from tenants.children.models import Child

    if not Membership.objects.filter(user=user, location=location, role=PARENT, is_active=True).exists():
        raise ValidationError({"child": [_("Choose one of your own children.")]})
    with _open_schema(location.schema_name):
        child = Child.objects.filter(pk=child_id, guardians=user).first()
        if child is None:
            raise ValidationError({"child": [_("Choose one of your own children.")]})
        return child_services.request_correction(child, requested_by=user, field=field,
                                                 requested_change=requested_change, reason=reason)


# --- deletion ----------------------------------------------------------------------------------


def request_deletion(user, location, *, reason: str = "") -> DeletionRequest:
    if not Membership.objects.filter(user=user, location=location, role=PARENT).exists():
        raise ValidationError({"location": [_("Choose a location where you are a parent.")]})
    if DeletionRequest.objects.filter(user=user, location=location, status=DeletionRequest.Status.OPEN).exists():
        raise ValidationError({"location": [_("You already have an open deletion request at this location.")]})
    if len(reason or "") > 2000:
        raise ValidationError({"reason": [_("At most %(n)s characters.") % {"n": 2000}]})
    today = timezone.localdate()
    entrepreneurs = Membership.objects.filter(location=location, role="entrepreneur", is_active=True)
    with transaction.atomic():
        request = DeletionRequest.objects.create(user=user, location=location, reason=(reason or "").strip(),
                                                 due_on=rules.answer_due(today))
        outbox.enqueue(deliveries.DELETION_REQUESTED,
                       [{"request": request.pk, "user": pk} for pk in entrepreneurs.values_list("user_id", flat=True)],
                       ref=deliveries.deletion_ref(request), location=location)
    return request


def _facts(user, location, today):
    """(care running, {category: date of the latest record}, child ids) in the current (location) schema."""
    from django.db.models import Q

    from tenants.attendance.models import Absence, AttendanceRecord
    from tenants.children.models import Child
    from tenants.contracts.models import Contract

    ids = list(Child.objects.filter(guardians=user).values_list("pk", flat=True))
    running = Contract.objects.filter(child_id__in=ids, status=Contract.Status.ACTIVE).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)).exists()
    contracts = Contract.objects.filter(child_id__in=ids)
    last_contract = contracts.aggregate(end=Max("end_date"), start=Max("start_date"))
    attendance = [AttendanceRecord.objects.filter(child_id__in=ids).aggregate(d=Max("date"))["d"],
                  Absence.objects.filter(child_id__in=ids).aggregate(d=Max("end_date"))["d"]]
    last = {
        "contracts": last_contract["end"] or last_contract["start"],
        "attendance": max([d for d in attendance if d], default=None),
        "invoices": None,
    }
    try:
        from billing.invoices.models import Invoice

        last["invoices"] = Invoice.objects.filter(child_id__in=ids).exclude(status="draft").aggregate(
            d=Max("period_end"))["d"]
    except ImportError:  # pragma: no cover
        pass
    return running, last, ids


def _erase(user, ids) -> dict[str, int]:
    """Delete what need not be kept, for the children `ids` and this guardian, in the current schema."""
    from tenants.child_following import services as following_services
    from tenants.children.models import Child, ChildChange, CorrectionRequest, CustodyNote, PickupPerson
    from tenants.contracts.models import ChangeRequest
    from tenants.handover import services as handover_services
    from tenants.messages import services as message_services
    from tenants.surveys import services as survey_services

    counts = {"care_details": 0, "pickup_and_custody": 0, "handovers": 0, "messages": 0, "corrections": 0,
              "child_following": 0}
    for child in Child.objects.filter(pk__in=ids):
        counts["handovers"] += handover_services.erase_for_child(child)
        counts["child_following"] += following_services.erase_for_child(child)
        counts["messages"] += message_services.erase_for_child(child)
        Child.objects.filter(pk=child.pk).update(bsn="", gp_name="", gp_phone="", allergies="", diet="",
                                                 medication="", medical_notes="")
        counts["care_details"] += 1
    counts["pickup_and_custody"] = (PickupPerson.objects.filter(child_id__in=ids).delete()[0]
                                    + CustodyNote.objects.filter(child_id__in=ids).delete()[0])
    counts["corrections"] = (CorrectionRequest.objects.filter(child_id__in=ids).delete()[0]
                             + ChangeRequest.objects.filter(contract__child_id__in=ids).delete()[0]
                             + ChildChange.objects.filter(child_id__in=ids).delete()[0])
    counts["survey_answers"] = survey_services.erase_for_user(user)
    return counts


@transaction.atomic
def handle_deletion(request: DeletionRequest, *, by, note: str = "") -> DeletionRequest:
    """The entrepreneur carries out a deletion request within the retention rules, and the parent is told."""
    from portal.selectors import _open_schema, location_today

    if request.status != DeletionRequest.Status.OPEN:
        raise ValidationError({"status": [_("This request has already been handled.")]})
    location = request.location
    today = location_today(location)
    with _open_schema(location.schema_name):
        running, last, ids = _facts(request.user, location, today)
        may_delete, decisions = rules.deletion_plan(jurisdiction=location.jurisdiction, today=today,
                                                    care_running=running, last_records=last)
        counts = _erase(request.user, ids) if may_delete else {}
        if may_delete:  # no longer linked to the children here: the parent membership and her feed links end
            from tenants.children.services import forget_guardian

            forget_guardian(request.user, location=location)
    outcome = [{"category": d.category, "action": d.action, "until": d.until.isoformat() if d.until else None,
                "reason": d.reason, "count": counts.get(d.category)} for d in decisions]
    request.status = DeletionRequest.Status.DONE if may_delete else DeletionRequest.Status.REFUSED
    request.outcome = outcome
    request.note = (note or "").strip()
    request.handled_at = timezone.now()
    request.handled_by = by
    request.save()
    _tell_parent(request)
    return request


def _tell_parent(request: DeletionRequest) -> None:
    """The outcome e-mail to the parent, through the outbox in the handling's transaction."""
    outbox.enqueue(deliveries.DELETION_HANDLED, [{"request": request.pk}], ref=deliveries.deletion_ref(request),
                   location=request.location)


# --- cooperative surveys -----------------------------------------------------------------------


def create_coop_survey(*, by, title: str, questions: list[dict], opens_on, closes_on=None, intro: str = "",
                       anonymous: bool = True) -> CoopSurvey:
    from tenants.surveys import rules as survey_rules

    errors = {}
    if not (title or "").strip():
        errors["title"] = [_("Give a title.")]
    if survey_rules.question_errors(questions):
        errors["scale_questions"] = [_(m) for m in survey_rules.question_errors(questions)]
    if opens_on is None:
        errors["opens_on"] = [_("Give the first day.")]
    elif closes_on is not None and closes_on < opens_on:
        errors["closes_on"] = [_("The last day lies before the first day.")]
    if errors:
        raise ValidationError(errors)
    return CoopSurvey.objects.create(title=title.strip()[:200], intro=(intro or "").strip(), anonymous=anonymous,
                                     questions=questions, opens_on=opens_on, closes_on=closes_on, created_by=by)
