"""The Django side of the rules: input checks with translated field errors, and translated results.

The API and the calculator page share these, so both refuse the same input with the same words.
"""
import re
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from tenants.ratios import rules


def care_type_choices():
    """Evaluated per request so the labels follow the active language."""
    return [
        (rules.KDV, _("Day care (KDV, 0-4 years)")),
        (rules.BSO, _("After-school care (BSO, 4-13 years)")),
        (rules.GASTOUDER, _("Childminder (gastouderopvang)")),
    ]


def input_errors(care_type: str, ages: list[int], own_children_ages: list[int]) -> dict[str, list[str]]:
    """Field errors the rules would refuse: ages outside the care type's range, own children misplaced."""
    errors: dict[str, list[str]] = {}
    if care_type not in rules.CARE_TYPES:
        return errors
    low, high = rules.AGE_RANGES[care_type]
    wrong = sorted({age for age in ages if not low <= age <= high})
    if wrong:
        errors["ages"] = [_("Ages must be from %(low)s to %(high)s years for this care type; not: %(ages)s.") % {
            "low": low, "high": high, "ages": ", ".join(str(age) for age in wrong)}]
    if own_children_ages and care_type != rules.GASTOUDER:
        errors["own_children_ages"] = [_("Own children are counted for a childminder only.")]
    return errors


def _localized(params: dict) -> dict:
    """Decimal numbers the rules wrote as text ("52.5") in the active language's notation ("52,5")."""
    return {
        key: formats.number_format(Decimal(value)) if isinstance(value, str) and re.fullmatch(r"\d+\.\d+", value)
        else value
        for key, value in params.items()
    }


def translated(result: rules.Result) -> dict:
    """The result as the API answers it, with the rule and the messages in the active language."""
    return {
        "allowed": result.allowed,
        "required_staff": result.required_staff,
        "max_children": result.max_children,
        "rule": _(result.rule_template) % result.rule_params if result.rule_template else result.rule,
        "violations": [
            {"code": item.code, "message": _(item.template) % _localized(item.params) if item.template
             else item.message}
            for item in result.violations
        ],
        "backup_required": result.backup_required,
    }
