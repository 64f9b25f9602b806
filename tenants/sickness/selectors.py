"""Reads of sickness records that respect who is asking, and the location's checklist (the jurisdiction's table
with the location's own rows)."""
from datetime import datetime, timedelta

from jurisdictions import policy

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.calendar.selectors import current_location
from tenants.sickness import rules, tables
from tenants.sickness.models import OwnRow, SicknessRecord

#: How far back temperatures count for the fever return rule.
MEASUREMENTS_DAYS = 4


def base_checklist(location=None) -> rules.Checklist:
    location = location or current_location()
    return tables.checklist(policy(location.jurisdiction).health.checklist)


def checklist_here(location=None) -> rules.Checklist:
    """The location's checklist: its jurisdiction's table with the location's own rows."""
    own = [rules.Adjustment(key=row.key, decision=row.decision, label=row.label, condition=row.condition,
                            back=row.back) for row in OwnRow.objects.all()]
    return rules.adjusted(base_checklist(location), own)


def records_visible_to(user, roles: set[str]):
    """Entrepreneur and staff: every record here; a parent: those of her own children; anyone else: none."""
    qs = SicknessRecord.objects.select_related("child", "group", "recorded_by")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def measurements_of(child_id: int, until: datetime, exclude_pk: int | None = None) -> list[rules.Measurement]:
    """The child's temperatures of the last days up to `until`, for the fever return rule."""
    qs = SicknessRecord.objects.filter(child_id=child_id, temperature__isnull=False,
                                       observed_at__gt=until - timedelta(days=MEASUREMENTS_DAYS),
                                       observed_at__lte=until)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return [rules.Measurement(at=r.observed_at, celsius=r.temperature, after_vaccination=r.after_vaccination)
            for r in qs]


def row_labels(checklist: rules.Checklist, keys) -> list[str]:
    """English labels (translate them where shown) of row keys; a key no longer in the table stays as it is."""
    return [(checklist.row(key).label if checklist.row(key) else key) for key in keys]


def figures(year: int) -> dict:
    """Counts only (for the adviser's health visit): records of `year` per decision. No child, no name."""
    counts = {decision: 0 for decision in rules.DECISIONS}
    for decision in SicknessRecord.objects.filter(observed_at__year=year).values_list("decision", flat=True):
        counts[decision] = counts.get(decision, 0) + 1
    return {"year": year, "records": sum(counts.values()), "by_decision": counts}
