"""The cooperative's first checklists (one per visit type) and the quality document types every location keeps.

Texts are stored in English (the cooperative edits them later); version 1 of each checklist.
"""
from django.db import migrations

PEDAGOGICAL = [
    ("Pedagogical policy", "The pedagogical policy plan is current and known to the staff."),
    ("Pedagogical policy", "The daily practice matches the pedagogical policy plan."),
    ("Emotional safety", "Each child has a familiar carer (mentor) and the parents know who it is."),
    ("Development", "The development of each child is followed and discussed with the parents."),
    ("Groups", "Group size and the professional-child ratio meet the rules at the observed moments."),
    ("Parents", "The daily handover to parents covers eating, sleeping and behaviour."),
    ("Meldcode", "The reporting code (meldcode) is present and the entrepreneur knows the three routes."),
]
BUSINESS = [
    ("Safety and health", "The safety and health policy is current, with the risks and measures."),
    ("Safety and health", "A first-aid certificate for children is current."),
    ("Backup", "For more than three children a backup person is reachable and on site within 15 minutes."),
    ("Laws and rules", "The LRK registration is correct and shown on invoices and annual statements."),
    ("Laws and rules", "The complaint regulation is published and the annual complaint report was sent."),
    ("Laws and rules", "The GGD inspection report is published and its findings are followed up."),
    ("Entrepreneurship", "The closing weeks and holidays for this year have been published to the parents."),
    ("Entrepreneurship", "Insurances (liability, business) are in place."),
]
DOCUMENT_TYPES = [
    # code, name, required, for parents, review months
    ("pedagogical_plan", "Pedagogical policy plan", True, True, 12),
    ("safety_health", "Safety and health policy", True, False, 12),
    ("complaint_regulation", "Internal complaint regulation", False, True, 24),
]


def forwards(apps, schema_editor):
    Checklist = apps.get_model("advisory", "Checklist")
    ChecklistItem = apps.get_model("advisory", "ChecklistItem")
    QualityDocumentType = apps.get_model("advisory", "QualityDocumentType")
    for visit_type, title, items in (("pedagogical", "Pedagogical quality visit", PEDAGOGICAL),
                                     ("business", "Business visit", BUSINESS)):
        checklist, created = Checklist.objects.get_or_create(visit_type=visit_type, version=1,
                                                             defaults={"title": title})
        if created:
            for position, (section, text) in enumerate(items, start=1):
                ChecklistItem.objects.create(checklist=checklist, position=position, section=section, text=text)
    for position, (code, name, required, for_parents, months) in enumerate(DOCUMENT_TYPES, start=1):
        QualityDocumentType.objects.get_or_create(code=code, defaults={
            "name": name, "required": required, "for_parents": for_parents, "review_months": months,
            "position": position})


class Migration(migrations.Migration):
    dependencies = [("advisory", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
