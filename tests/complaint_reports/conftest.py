"""Fixtures for the cooperative report: complaints at A (KDV) and B (childminder) in 2025, and many
locations with figures only (the report never opens a location schema, so those need none)."""
from datetime import date

import pytest

from tests.tenants.complaints.conftest import at, pdf_text, record  # noqa: F401 (re-exported)


@pytest.fixture(autouse=True)
def _english(english):
    """Pages in English for the assertions on text."""


@pytest.fixture
def year_2025(world):
    """A: three complaints (two judged, one in time, one escalated), report sent late. B: one complaint in
    time, no report. Both locations exist since 2024; B is in another region."""
    from cooperative.models import Location
    from tenants.complaints import services

    Location.objects.filter(pk__in=[world.a.location.pk, world.b.location.pk]).update(created_at="2024-01-01T00:00Z")
    Location.objects.filter(pk=world.b.location.pk).update(region="Zeeland")
    story = "Saartje Verbeek, ouder Parent alpha (parent@alpha.test)"
    a1 = record(world.a, date(2025, 3, 3), subject="conduct", description=story)
    a2 = record(world.a, date(2025, 5, 5), subject="agreement", description=story)
    record(world.a, date(2025, 9, 1), subject="conduct", description=story)
    b1 = record(world.b, date(2025, 6, 2), subject="method", description="Bram Verbeek, parent@beta.test")
    with at(world.a):
        services.judge(a1, user=world.a.entrepreneur, judgement=story, outcome="founded", judged_on=date(2025, 4, 1),
                       measures=[{"description": "Gesprek met Saartje", "planned_on": date(2025, 4, 2)}])
        services.judge(a2, user=world.a.entrepreneur, judgement=story, outcome="unfounded",
                       judged_on=date(2025, 7, 1))
        services.escalate(a2, user=world.a.entrepreneur, body="Geschillencommissie Kinderopvang")
        services.save_annual_report(2025, reflection="Parent alpha", sent_to_ggd_on=date(2026, 7, 1))
    with at(world.b):
        services.judge(b1, user=world.b.entrepreneur, judgement="Bram", outcome="resolved", judged_on=date(2025, 6, 20))
    return world


def many_locations(count: int, complaints_each: int = 5, year: int = 2025, prefix: str = "many"):
    """`count` locations as rows only (kinds and regions spread), each with `complaints_each` figures."""
    from complaint_reports.models import ComplaintFact
    from cooperative.models import Location

    kinds = ["gastouder", "kdv", "bso", "kindercentrum"]
    locations = Location.objects.bulk_create([
        Location(name=f"{prefix} {i}", slug=f"{prefix}-{i}", schema_name=f"loc_{prefix}_{i}", kind=kinds[i % 4],
                 jurisdiction="NL" if i % 5 else "BE-VLG", region=f"Regio {i % 12}") for i in range(count)])
    Location.objects.filter(pk__in=[loc.pk for loc in locations]).update(created_at=f"{year - 1}-01-01T00:00Z")
    facts = []
    for location in locations:
        for n in range(complaints_each):
            received = date(year, 1 + (n * 2) % 12, 1 + n)
            judged = date(year, 1 + (n * 2) % 12, 20) if n % 3 else None
            facts.append(ComplaintFact(
                location=location, complaint_id=n + 1, year=year, subject=["conduct", "method", "agreement"][n % 3],
                status="judged" if judged else "received", outcome="founded" if judged else "", received_on=received,
                deadline=date.fromordinal(received.toordinal() + 42), judged_on=judged, escalated=n == 4,
                measures=n % 2))
    ComplaintFact.objects.bulk_create(facts, batch_size=5000)
    return locations
