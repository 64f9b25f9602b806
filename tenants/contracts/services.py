"""Writes of contracts. Each checks everything first and raises ValidationError({field: [...]}); nothing is
stored unless all of it is (transaction.atomic)."""
import hashlib
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.service_errors import translated
from frontend.numbers import long_date
from tenants.calendar import selectors as calendar
from tenants.contracts import pdf, rules
from tenants.contracts.models import ChangeRequest, Contract, ContractSettings, ContractVersion, EvaluationTask

GROUP_KINDS = {"kdv": "stamgroep", "bso": "basisgroep", "gastouder": "gastouder"}

_UNCHANGED = object()


def sha256(data: bytes) -> str:
    return hashlib.sha256(bytes(data)).hexdigest()


def _add(errors: dict, field: str, messages) -> None:
    """Add messages at a field, a rule's English ones in the reader's language (config.service_errors)."""
    if messages:
        errors.setdefault(field, []).extend(translated(messages if isinstance(messages, list) else [messages]))


def _check_schedule(errors, location, settings, schedule_type, schedule, estimated_hours):
    weeks, schedule_errors = rules.parse_schedule(schedule_type, schedule)
    if schedule_type not in rules.SCHEDULE_TYPES:
        _add(errors, "schedule_type", schedule_errors)
        return []
    _add(errors, "schedule", schedule_errors)
    if not schedule_errors:
        _add(errors, "schedule", rules.opening_hours_errors(weeks, calendar.weekly_opening_hours()))
    if schedule_type == rules.FLEXIBLE:
        if estimated_hours is None or Decimal(estimated_hours) <= 0:
            _add(errors, "estimated_hours_per_quarter",
                 _("A flexible contract needs an estimate of the care hours per three months."))
    elif estimated_hours is not None:
        _add(errors, "estimated_hours_per_quarter", _("Only a flexible contract has an estimate of hours."))
    if settings.applies_flemish_rules(location.jurisdiction) and weeks and not schedule_errors:
        _add(errors, "schedule", rules.care_days_errors(weeks, settings.min_care_days))
    return weeks


def _check_overlap(errors, child, care_type, start, end, exclude_pk=None):
    others = Contract.objects.filter(child=child, care_type=care_type).exclude(pk=exclude_pk)
    for other in others:
        if rules.periods_overlap(start, end, other.start_date, other.end_date):
            _add(errors, "start_date", _(
                "This child already has a %(type)s contract from %(start)s to %(end)s; contracts for the same "
                "care type may not overlap.") % {
                "type": other.get_care_type_display(), "start": long_date(other.start_date),
                "end": long_date(other.end_date) if other.end_date else _("indefinite")})
            return


def _check_group(errors, care_type, group):
    if group is None:
        _add(errors, "group", _("Choose the group the child will be in."))
    elif GROUP_KINDS.get(care_type) and group.kind != GROUP_KINDS[care_type]:
        _add(errors, "group", _("Group %(group)s is not a group for this care type.") % {"group": group.name})


def _new_version(contract, *, number, location, user, **fields) -> ContractVersion:
    version = ContractVersion(contract=contract, number=number, created_by=user, **fields)
    version.document = pdf.contract_document(version, location)
    version.document_sha256 = sha256(version.document)
    version.save()
    return version


def ask_to_sign(version: ContractVersion, *, location=None) -> list:
    """Ask each parent of the child to sign `version`: an e-mail through the outbox (tenants.contracts.deliveries),
    written in the caller's transaction and sent after its commit, with what the version costs and a link to
    the contract. Returns the outbox rows. Other notices of "a contract to sign" hook in here."""
    from outbox import services as outbox
    from tenants.contracts import deliveries

    location = location or calendar.current_location()
    parents = version.contract.child.guardians.filter(is_active=True).order_by("pk")
    return outbox.enqueue(deliveries.SIGN, [{"version": version.pk, "user": parent.pk} for parent in parents],
                          ref=deliveries.sign_ref(version.contract_id), location=location)


@transaction.atomic
def create_contract(*, child, care_type: str, group, start_date: date, end_date: date | None,
                    schedule_type: str, schedule=None, estimated_hours_per_quarter=None, note: str = "",
                    user=None, location=None, send_for_signing: bool = True) -> Contract:
    """A new contract with its first version, awaiting the parent's signature; the parents are asked by e-mail
    to sign it (ask_to_sign) unless `send_for_signing` is False (a draft the entrepreneur sends later)."""
    location = location or calendar.current_location()
    settings = ContractSettings.load()
    errors: dict[str, list[str]] = {}
    if care_type not in location.care_types:
        _add(errors, "care_type", _("This location offers: %(types)s.") % {"types": ", ".join(location.care_types)})
    _check_group(errors, care_type, group)
    _add(errors, "start_date", rules.period_errors(start_date, end_date).get("start_date"))
    _add(errors, "end_date", rules.period_errors(start_date, end_date).get("end_date"))
    weeks = _check_schedule(errors, location, settings, schedule_type, schedule or [], estimated_hours_per_quarter)
    if start_date and "end_date" not in errors:
        _check_overlap(errors, child, care_type, start_date, end_date)
    if errors:
        raise ValidationError(errors)
    contract = Contract.objects.create(child=child, care_type=care_type, start_date=start_date, end_date=end_date,
                                       created_by=user)
    today = calendar.location_today(location)
    version = _new_version(contract, number=1, location=location, user=user, effective_from=start_date, group=group,
                           start_date=start_date, end_date=end_date, schedule_type=schedule_type,
                           schedule=rules.serialize_schedule(weeks),
                           estimated_hours_per_quarter=estimated_hours_per_quarter, requested_on=today,
                           note=note.strip())
    if send_for_signing:
        ask_to_sign(version, location=location)
    return contract


@transaction.atomic
def change_contract(contract: Contract, *, effective_from: date, schedule_type: str, schedule=None,
                    estimated_hours_per_quarter=None, group=_UNCHANGED, end_date=_UNCHANGED,
                    requested_on: date | None = None, note: str = "", user=None, location=None) -> ContractVersion:
    """A change: the next version of the contract (the earlier ones stay), awaiting the parent's signature."""
    location = location or calendar.current_location()
    settings = ContractSettings.load()
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    current = contract.current_version
    group = current.group if group is _UNCHANGED else group
    end_date = contract.end_date if end_date is _UNCHANGED else end_date
    requested_on = requested_on or calendar.location_today(location)
    errors: dict[str, list[str]] = {}
    if effective_from < contract.start_date or (end_date is not None and effective_from > end_date):
        _add(errors, "effective_from", _("A change takes effect within the contract period."))
    _add(errors, "end_date", rules.period_errors(contract.start_date, end_date).get("end_date"))
    _check_group(errors, contract.care_type, group)
    weeks = _check_schedule(errors, location, settings, schedule_type, schedule or [], estimated_hours_per_quarter)
    if "end_date" not in errors:
        _check_overlap(errors, contract.child, contract.care_type, contract.start_date, end_date,
                       exclude_pk=contract.pk)
    reduction = bool(weeks) and rules.is_reduction(current.weeks, weeks)
    if reduction and settings.applies_flemish_rules(location.jurisdiction):
        earlier = list(contract.versions.filter(is_reduction=True).values_list("effective_from", flat=True))
        for field, messages in rules.reduction_errors(requested_on=requested_on, effective_from=effective_from,
                                                      earlier_reductions=earlier, rules=settings.flemish()).items():
            _add(errors, field, translated(messages))
    if errors:
        raise ValidationError(errors)
    contract.end_date = end_date
    contract.save(update_fields=["end_date"])
    version = _new_version(contract, number=current.number + 1, location=location, user=user,
                           effective_from=effective_from, group=group, start_date=contract.start_date,
                           end_date=end_date, schedule_type=schedule_type, schedule=rules.serialize_schedule(weeks),
                           estimated_hours_per_quarter=estimated_hours_per_quarter, is_reduction=reduction,
                           requested_on=requested_on, note=note.strip())
    ask_to_sign(version, location=location)
    return version


@transaction.atomic
def sign_version(version: ContractVersion, *, user, typed_name: str, ip: str | None,
                 location=None) -> ContractVersion:
    """The parent signs the latest version: typed name, time, IP and the hash of the PDF are kept."""
    location = location or calendar.current_location()
    version = ContractVersion.objects.select_for_update().select_related("contract__child").get(pk=version.pk)
    contract = version.contract
    if not contract.child.guardians.filter(pk=user.pk).exists():
        raise PermissionDenied(_("Only a parent of the child signs the contract."))
    if version.signed_at is not None:
        raise ValidationError({"non_field_errors": [_("This version is already signed.")]})
    if contract.versions.filter(number__gt=version.number).exists():
        raise ValidationError({"non_field_errors": [_("A newer version of this contract exists; sign that one.")]})
    name = " ".join((typed_name or "").split())
    if len(name) < 2:
        raise ValidationError({"typed_name": [_("Type your full name to sign.")]})
    if user.full_name and name.casefold() != " ".join(user.full_name.split()).casefold():
        raise ValidationError({"typed_name": [_("Type your full name as the location knows it: %(name)s.")
                                              % {"name": user.full_name}]})
    if sha256(version.document) != version.document_sha256:
        raise ValidationError({"non_field_errors": [_("The contract document changed; ask the location.")]})
    version.signed_at = timezone.now()
    version.signed_name = name
    version.signed_ip = ip or None
    version.signed_by = user
    version.signed_document = pdf.signed_document(version, location, version.signed_at)
    version.signed_document_sha256 = sha256(version.signed_document)
    version.save()
    if contract.status != Contract.Status.ACTIVE:
        contract.status = Contract.Status.ACTIVE
        contract.save(update_fields=["status"])
    return version


def notice_costs_waived(contract: Contract, given_on: date) -> bool:
    """Whether a parent's notice on `given_on` falls in the window after a house-rules change to the family's
    disadvantage was announced (tenants.house_rules: the rule in its rules module, the versions in its selectors)."""
    from tenants.house_rules.selectors import notice_waiver

    return notice_waiver(contract, given_on) is not None


@transaction.atomic
def give_notice(contract: Contract, *, party: str, given_on: date | None = None, end_date: date | None = None,
                location=None) -> Contract:
    """Record notice by the parent or the location; the care ends after the jurisdiction's notice period."""
    location = location or calendar.current_location()
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    given_on = given_on or calendar.location_today(location)
    if contract.status != Contract.Status.ACTIVE:
        raise ValidationError({"non_field_errors": [_("Only a signed contract is ended by notice.")]})
    if contract.notice_given_on:
        raise ValidationError({"non_field_errors": [_("Notice was already given on %(date)s.")
                                                    % {"date": long_date(contract.notice_given_on)}]})
    waived = party == rules.PARENT and notice_costs_waived(contract, given_on)
    errors = translated(rules.notice_errors(jurisdiction=location.jurisdiction, party=party, given_on=given_on,
                                            end_date=end_date, waived=waived))
    if errors:
        raise ValidationError(errors)
    end = end_date or rules.earliest_end_date(location.jurisdiction, party, given_on, waived)
    if contract.end_date and end > contract.end_date:
        end = contract.end_date
    if end < contract.start_date:
        end = contract.start_date
    contract.notice_given_on, contract.notice_by, contract.end_date = given_on, party, end
    contract.save(update_fields=["notice_given_on", "notice_by", "end_date"])
    return contract


# --- a parent's change request ------------------------------------------------------------------


@transaction.atomic
def request_change(contract: Contract, *, kind: str, effective_from: date | None = None, schedule_type: str = "",
                   schedule=None, estimated_hours_per_quarter=None, end_date: date | None = None,
                   message: str = "", by, location=None) -> ChangeRequest:
    """A parent asks for a change of a signed contract; it stays open until the entrepreneur answers. The
    wished schedule and end date are checked now as the change itself would be, so that an accepted wish can
    be carried out as asked."""
    location = location or calendar.current_location()
    settings = ContractSettings.load()
    today = calendar.location_today(location)
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    errors: dict[str, list[str]] = {}
    if contract.status != Contract.Status.ACTIVE or (contract.end_date is not None and contract.end_date < today):
        _add(errors, "contract", _("A change can be asked for a signed contract that has not ended."))
    elif contract.change_requests.filter(status=ChangeRequest.Status.OPEN).exists():
        _add(errors, "contract", _("An earlier request for this contract is still open; wait for the answer or "
                                   "cancel it."))
    for field, messages in rules.change_request_errors(
            kind=kind, effective_from=effective_from, end_date=end_date, message=message, today=today,
            contract_start=contract.start_date, contract_end=contract.end_date).items():
        _add(errors, field, [_(text) for text in messages])
    weeks = []
    if kind == rules.CHANGE_SCHEDULE:
        weeks = _check_schedule(errors, location, settings, schedule_type, schedule or [], estimated_hours_per_quarter)
        current = contract.signed_version
        if (weeks and "effective_from" not in errors and current is not None
                and rules.is_reduction(current.weeks, weeks) and settings.applies_flemish_rules(location.jurisdiction)):
            earlier = list(contract.versions.filter(is_reduction=True).values_list("effective_from", flat=True))
            for field, messages in rules.reduction_errors(requested_on=today, effective_from=effective_from,
                                                          earlier_reductions=earlier, rules=settings.flemish()).items():
                _add(errors, field, translated(messages))
    if kind == rules.CHANGE_END and end_date is not None and "end_date" not in errors:
        waived = notice_costs_waived(contract, today)
        earliest = rules.earliest_end_date(location.jurisdiction, rules.PARENT, today, waived)
        if end_date < earliest:
            _add(errors, "end_date", _("The notice period is %(months)s month(s): the care can end on %(date)s at "
                                       "the earliest.") % {
                "months": rules.notice_months_of(location.jurisdiction, rules.PARENT, waived),
                "date": long_date(earliest)})
    if errors:
        raise ValidationError(errors)
    return ChangeRequest.objects.create(
        contract=contract, kind=kind, requested_by=by, requested_at=timezone.now(), requested_on=today,
        message=(message or "").strip(),
        effective_from=effective_from if kind == rules.CHANGE_SCHEDULE else None,
        schedule_type=schedule_type if kind == rules.CHANGE_SCHEDULE else "",
        schedule=rules.serialize_schedule(weeks) if kind == rules.CHANGE_SCHEDULE else [],
        estimated_hours_per_quarter=estimated_hours_per_quarter if kind == rules.CHANGE_SCHEDULE else None,
        end_date=end_date if kind == rules.CHANGE_END else None,
    )


@transaction.atomic
def answer_change_request(change: ChangeRequest, *, accept: bool, answer: str = "", by,
                          location=None) -> ChangeRequest:
    """The entrepreneur answers. Accepting a new schedule makes the next contract version (change_contract; the
    parent signs it as any change), accepting an end records the parent's notice (give_notice). If that cannot
    be done, nothing is stored and the request stays open. A refusal needs an answer for the parent."""
    location = location or calendar.current_location()
    change = ChangeRequest.objects.select_for_update().select_related("contract").get(pk=change.pk)
    if change.status != ChangeRequest.Status.OPEN:
        raise ValidationError({"status": [_("This request has already been answered or cancelled.")]})
    answer = (answer or "").strip()
    if not accept and not answer:
        raise ValidationError({"answer": [_("Explain to the parent why the request is refused.")]})
    if len(answer) > rules.MAX_MESSAGE:
        raise ValidationError({"answer": [_("At most 2000 characters.")]})
    if accept and change.kind == rules.CHANGE_SCHEDULE and change.effective_from <= calendar.location_today(location):
        raise ValidationError({"effective_from": [_("The day the new schedule would start has passed; refuse the "
                                                    "request and ask the parent for a new one.")]})
    version = None
    if accept and change.kind == rules.CHANGE_SCHEDULE:
        version = change_contract(change.contract, effective_from=change.effective_from,
                                  schedule_type=change.schedule_type, schedule=change.schedule,
                                  estimated_hours_per_quarter=change.estimated_hours_per_quarter,
                                  requested_on=change.requested_on, note=_("At the parent's request.")[:300],
                                  user=by, location=location)
    elif accept and change.kind == rules.CHANGE_END:
        give_notice(change.contract, party=rules.PARENT, given_on=change.requested_on, end_date=change.end_date,
                    location=location)
    change.status = ChangeRequest.Status.ACCEPTED if accept else ChangeRequest.Status.REFUSED
    change.answer, change.answered_by, change.answered_at, change.version = answer, by, timezone.now(), version
    change.save(update_fields=["status", "answer", "answered_by", "answered_at", "version"])
    return change


@transaction.atomic
def cancel_change_request(change: ChangeRequest, *, by) -> ChangeRequest:
    """The parent withdraws a request that has not been answered yet."""
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    if change.status != ChangeRequest.Status.OPEN:
        raise ValidationError({"status": [_("Only a request that waits for an answer can be cancelled.")]})
    change.status = ChangeRequest.Status.CANCELLED
    change.save(update_fields=["status"])
    return change


def update_settings(**fields) -> ContractSettings:
    errors = {}
    for name in ("min_care_days", "max_reductions_total", "max_reductions_per_year", "reduction_notice_months"):
        value = fields.get(name)
        if value is not None and not 0 <= int(value) <= 24:
            errors[name] = [_("Give a number from 0 to 24.")]
    if errors:
        raise ValidationError(errors)
    settings = ContractSettings.load()
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def create_due_evaluations(today: date) -> int:
    """Plan the evaluations that are due (in this location's schema); running twice creates nothing twice."""
    created = 0
    contracts = Contract.objects.filter(status=Contract.Status.ACTIVE).exclude(end_date__lt=today)
    for contract in contracts:
        for kind, due in rules.due_evaluations(contract.start_date, contract.end_date, today):
            _task, was_created = EvaluationTask.objects.get_or_create(contract=contract, kind=kind, due_date=due)
            created += was_created
    return created


def create_evaluations_everywhere(only_failed: bool = False):
    """For the beat job: every active location, each in its own schema, transaction and local date; one
    location's failure is reported and the next goes on (cooperative.jobs). Creates nothing twice."""
    from cooperative import jobs

    return jobs.for_each_location(job="contract-evaluations", only_failed=only_failed,
                                  work=lambda location: create_due_evaluations(calendar.location_today(location)))


def complete_evaluation(task: EvaluationTask, *, user, notes: str = "") -> EvaluationTask:
    if task.done_at is not None:
        raise ValidationError({"non_field_errors": [_("This evaluation is already done.")]})
    task.done_at, task.done_by, task.notes = timezone.now(), user, notes.strip()
    task.save(update_fields=["done_at", "done_by", "notes"])
    return task


@transaction.atomic
def end_contract(contract: Contract, *, end_date: date, reason: str) -> bool:
    """End a contract at once on `end_date`, without a notice period (the Flemish house rules end it by law
    30 days after an unanswered formal notice). Idempotent: a contract already ending by then is left as it
    is. Returns whether it changed; the reason goes to the log, never personal data."""
    import logging

    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if contract.status != Contract.Status.ACTIVE:
        raise ValidationError({"non_field_errors": [_("Only a signed contract can be ended.")]})
    end = max(end_date, contract.start_date)
    if contract.end_date is not None and contract.end_date <= end:
        return False
    contract.end_date = end
    contract.notice_given_on = contract.notice_given_on or end_date
    contract.notice_by = contract.notice_by or rules.LOCATION
    contract.save(update_fields=["end_date", "notice_given_on", "notice_by"])
    logging.getLogger(__name__).info("contract %s ended on %s: %s", contract.pk, end.isoformat(), reason)
    return True
