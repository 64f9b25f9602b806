"""Writes of the house rules: the entrepreneur announces a new version (the parents hear of it by message,
e-mail and push, through tenants.messages), corrects its effective date or its disadvantage, and a parent
acknowledges a version."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import PARENT
from config.service_errors import translated
from frontend.numbers import long_date
from tenants.calendar.selectors import location_today
from tenants.house_rules import rules
from tenants.house_rules.models import Acknowledgement, HouseRulesVersion


def _check_document(document) -> None:
    if document is None:
        return
    head = document.read(8)
    document.seek(0)
    errors = translated(rules.pdf_errors(head, document.size))
    if errors:
        raise ValidationError({"document": errors})
    document.name = "house-rules.pdf"


def _tell_parents(version: HouseRulesVersion, *, by, corrected: bool = False) -> None:
    """An announcement to every parent here (message, e-mail notice and push, tenants.messages)."""
    from tenants.messages import services as messages

    when = long_date(version.effective_on)
    if corrected:
        title = _("Correction: house rules version %(n)s from %(date)s") % {"n": version.number, "date": when}
    else:
        title = _("New house rules from %(date)s") % {"date": when}
    lines = [_("The house rules (version %(n)s) take effect on %(date)s.") % {"n": version.number, "date": when}]
    if version.summary:
        lines += ["", _("What changes:"), version.summary]
    if version.disadvantageous:
        last = rules.ending_window(version.announced_on).last
        lines += ["", _("This change is to your disadvantage. If you do not agree, you may end the contract until "
                        "%(date)s without notice costs.") % {"date": long_date(last)}]
    lines += ["", _("Read the house rules and confirm you received them: %(path)s")
              % {"path": reverse("house-rules")}]
    announcement = messages.publish_announcement(by=by, title=title[:200], body="\n".join(lines)[:5000],
                                                 idempotency_key=f"house-rules:{version.pk}:{version.announced_on}"
                                                 f":{version.effective_on}:{int(version.disadvantageous)}")
    version.announcement_id = announcement.pk
    version.save(update_fields=["announcement_id"])


@transaction.atomic
def announce_version(*, by, effective_on: date | None, text: str = "", summary: str = "",
                     disadvantageous: bool = False, document=None, today: date | None = None) -> HouseRulesVersion:
    """Announce the next version of the house rules today; the parents are told at once. A change to the
    family's disadvantage takes effect two months after today at the earliest (seed 003 §4.5.3)."""
    today = today or location_today()
    HouseRulesVersion.objects.select_for_update().all().exists()  # one announcement at a time
    number = (HouseRulesVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    text, summary = (text or "").strip(), (summary or "").strip()
    errors: dict[str, list[str]] = {}
    if not text and document is None:
        errors["text"] = [_("Give the text of the house rules or upload them as a PDF.")]
    if len(text) > rules.MAX_TEXT:
        errors["text"] = [_("At most %(n)s characters.") % {"n": rules.MAX_TEXT}]
    if len(summary) > rules.MAX_SUMMARY:
        errors["summary"] = [_("At most %(n)s characters.") % {"n": rules.MAX_SUMMARY}]
    elif number > 1 and not summary:
        errors["summary"] = [_("Summarise what changes, for the parents.")]
    if number == 1 and disadvantageous:
        errors["disadvantageous"] = [_("The first version changes nothing: it cannot be a change to the family's "
                                       "disadvantage.")]
    errors.update(translated(rules.effective_date_errors(announced_on=today, effective_on=effective_on,
                                                         disadvantageous=disadvantageous, first_version=number == 1)))
    try:
        _check_document(document)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    version = HouseRulesVersion.objects.create(
        number=number, text=text, summary=summary, disadvantageous=disadvantageous, announced_on=today,
        effective_on=effective_on, announced_by=by, **({"document": document} if document is not None else {}))
    _tell_parents(version, by=by)
    return version


@transaction.atomic
def correct_version(version: HouseRulesVersion, *, by, effective_on: date | None = None,
                    disadvantageous: bool | None = None, today: date | None = None) -> HouseRulesVersion:
    """Correct an announced version before it takes effect: another effective date, or it turns out to be a
    change to the family's disadvantage after all. Such a change counts as announced on the day of the
    correction (the parents learn of the disadvantage then), so it takes effect two months later at the
    earliest; the parents are told again."""
    today = today or location_today()
    version = HouseRulesVersion.objects.select_for_update().get(pk=version.pk)
    if version.effective_on <= today and version.number > 1:
        raise ValidationError({"effective_on": [_("This version has taken effect; announce a new version "
                                                  "instead.")]})
    if version.number == 1:
        raise ValidationError({"effective_on": [_("The first version cannot be corrected; announce a new version "
                                                  "instead.")]})
    new_disadvantage = bool(disadvantageous) if disadvantageous is not None else version.disadvantageous
    new_effective = effective_on or version.effective_on
    announced_on = today if new_disadvantage and not version.disadvantageous else version.announced_on
    errors = translated(rules.effective_date_errors(announced_on=announced_on, effective_on=new_effective,
                                                    disadvantageous=new_disadvantage, first_version=False))
    if errors:
        raise ValidationError(errors)
    if (new_effective, new_disadvantage) == (version.effective_on, version.disadvantageous):
        return version
    version.effective_on, version.disadvantageous, version.announced_on = new_effective, new_disadvantage, announced_on
    version.corrected_at = timezone.now()
    version.save(update_fields=["effective_on", "disadvantageous", "announced_on", "corrected_at"])
    _tell_parents(version, by=by, corrected=True)
    return version


def acknowledge(version: HouseRulesVersion, *, user, roles: set[str], today: date | None = None) -> Acknowledgement:
    """A parent here confirms she received and read `version` (the one in force or one announced). Twice is
    once: the first record is kept."""
    from tenants.house_rules import selectors

    today = today or location_today()
    if PARENT not in roles:
        raise ValidationError({"version": [_("Only a parent acknowledges the house rules.")]})
    if version.pk not in {v.pk for v in selectors.current_and_announced(today)}:
        raise ValidationError({"version": [_("This version has been replaced; acknowledge the current one.")]})
    existing = Acknowledgement.objects.filter(version=version, user=user).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Acknowledgement.objects.create(version=version, user=user,
                                                  user_name=(user.full_name or user.email)[:200])
    except IntegrityError:  # a double click: the other request stored it
        return Acknowledgement.objects.get(version=version, user=user)
