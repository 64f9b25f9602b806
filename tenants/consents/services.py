"""Writes of consents: a guardian gives or withdraws a consent for her child (against the text in force, whose
version she saw); the entrepreneur writes a new version of a text (which asks the parents again, rules.may); a
guardian or staff record the vaccination status. Every write is a new row: the history stays."""
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.roles import ENTREPRENEUR, STAFF
from config.service_errors import translated
from tenants.children.models import Child
from tenants.consents import rules, selectors
from tenants.consents.models import ConsentDecision, ConsentText, VaccinationRecord


def _fail(errors: dict) -> None:
    if errors:
        raise ValidationError(translated(errors))


def _is_guardian(child: Child, user) -> bool:
    return child.guardians.filter(pk=user.pk).exists()


@transaction.atomic
def decide(child: Child, *, by, kind: str, given, version: int | None = None) -> ConsentDecision:
    """`by` (a guardian of `child`) gives (`given=True`) or withdraws a consent. `version` is the version of the
    text she read; a newer text in force since refuses the decision (she reads it first)."""
    if not _is_guardian(child, by):
        _fail({"child": [rules.gettext_noop("Only the child's parents decide on consents.")]})
    texts = selectors.current_texts()
    current = texts.get(kind)
    _fail(rules.decision_errors(kind, given, version, current.version if current else 0))
    return ConsentDecision.objects.create(child=child, kind=kind, given=given, text=current, decided_by=by,
                                          decided_by_name=by.full_name or by.email)


@transaction.atomic
def write_text(*, by, kind: str, text: str) -> ConsentText:
    """A new version of the text of `kind`; consents given to an earlier version are asked again."""
    errors = rules.text_errors(text)
    if kind not in rules.KINDS:
        errors["kind"] = [rules.gettext_noop("Choose one of the consents.")]
    _fail(errors)
    current = selectors.current_texts()[kind]
    if current.text.strip() == text.strip():
        return current
    return ConsentText.objects.create(kind=kind, version=current.version + 1, text=text.strip(), written_by=by)


@transaction.atomic
def record_vaccination(child: Child, *, by, roles: set[str], schedule: str, mandatory_given: bool = False,
                       note: str = "") -> VaccinationRecord:
    """A guardian (or staff, from the vaccination booklet) records the child's vaccination status."""
    errors = {}
    if not (roles & {ENTREPRENEUR, STAFF}) and not _is_guardian(child, by):
        errors["child"] = [rules.gettext_noop("Only the child's parents or the location record this.")]
    if schedule not in rules.SCHEDULE_STATES:
        errors["schedule"] = [rules.gettext_noop("Choose one of the answers.")]
    if len(note or "") > 300:
        errors["note"] = [rules.gettext_noop("At most 300 characters.")]
    _fail(errors)
    return VaccinationRecord.objects.create(child=child, schedule=schedule, mandatory_given=bool(mandatory_given),
                                            note=(note or "").strip(), recorded_by=by,
                                            recorded_by_name=by.full_name or by.email)
