"""Reads of consents: the one question other apps ask (`may(child, kind)`, e.g. the handover before a photo is
added, the webcam), what a child may not do (the tablet and the child's page), the current texts, and each child's
history. Pages load the child "for this user or refuse" through tenants.children.selectors.children_visible_to."""
from django.utils import translation
from jurisdictions import policy

from tenants.consents import rules
from tenants.consents.models import ConsentDecision, ConsentText, Kind, VaccinationRecord


def current_texts() -> dict[str, ConsentText]:
    """{kind: the text in force}; version 1 (the default text, in the location's language) is written the first
    time a kind is asked for."""
    texts = {}
    for text in ConsentText.objects.order_by("kind", "-version"):
        texts.setdefault(text.kind, text)
    missing = [kind for kind in rules.KINDS if kind not in texts]
    if missing:
        from tenants.calendar.selectors import current_location

        with translation.override(policy(current_location().jurisdiction).language):
            for kind in missing:
                texts[kind], _created = ConsentText.objects.get_or_create(
                    kind=kind, version=1, defaults={"text": translation.gettext(rules.DEFAULT_TEXTS[kind])})
    return texts


def _latest(child_ids) -> dict[tuple[int, str], ConsentDecision]:
    latest = {}
    for decision in (ConsentDecision.objects.filter(child_id__in=child_ids).select_related("text")
                     .order_by("child_id", "kind", "-decided_at", "-pk")):
        latest.setdefault((decision.child_id, decision.kind), decision)
    return latest


def _versions() -> dict[str, int]:
    versions = {}
    for kind, version in ConsentText.objects.order_by("kind", "-version").values_list("kind", "version"):
        versions.setdefault(kind, version)
    return versions


def allowed_by_child(child_ids) -> dict[int, dict[str, bool]]:
    """{child_id: {kind: may}} for the children `child_ids` (three queries whatever their number)."""
    child_ids = list(child_ids)
    latest, versions = _latest(child_ids), _versions()
    result = {}
    for child_id in child_ids:
        result[child_id] = {}
        for kind in rules.KINDS:
            decision = latest.get((child_id, kind))
            result[child_id][kind] = rules.may(
                kind, rules.Decision(decision.given, decision.text.version) if decision else None,
                versions.get(kind, 1))
    return result


def may(child, kind: str) -> bool:
    """Whether `child` (a Child or its id) may: `may(child, "handover_photos")`, `may(child, "webcam")`."""
    if kind not in rules.KINDS:
        raise ValueError(f"unknown consent: {kind!r}")
    child_id = getattr(child, "pk", child)
    return allowed_by_child([child_id])[child_id][kind]


def limits_by_child(child_ids) -> dict[int, list[str]]:
    """{child_id: [labels of what the child may not do]} for the staff's tablet and the child's page."""
    labels = dict(Kind.choices)
    return {child_id: [labels[kind] for kind in rules.KINDS if not allowed[kind]]
            for child_id, allowed in allowed_by_child(child_ids).items()}


def history(child) -> list[ConsentDecision]:
    return list(ConsentDecision.objects.filter(child=child).select_related("text"))


def vaccination_of(child) -> VaccinationRecord | None:
    return VaccinationRecord.objects.filter(child=child).first()


def vaccination_history(child) -> list[VaccinationRecord]:
    return list(VaccinationRecord.objects.filter(child=child))


def vaccination_notes(child) -> list[str]:
    record = vaccination_of(child)
    status = rules.VaccinationStatus(record.schedule, record.mandatory_given, record.recorded_at) if record else None
    return rules.vaccination_notes(mandatory_vaccinations(), status)


def mandatory_vaccinations() -> tuple[str, ...]:
    from tenants.calendar.selectors import current_location

    return policy(current_location().jurisdiction).mandatory_vaccinations
