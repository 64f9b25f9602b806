"""Helpers for the accident tests: a signed report of Saartje (location A) made through the service."""
from datetime import timedelta

from django.utils import timezone

from tests.push.conftest import browser_subscription, push_service  # noqa: F401 (fixtures)
from tests.tenants.conftest import in_schema
from tests.tenants.contracts.conftest import setup  # noqa: F401 (fixture)

REPORT = dict(place="de tuin, bij de glijbaan", kind="fall", what_happened="Kanarievalpartij van de glijbaan",
              present="Staff alpha en Juf Ans", first_aid="Gekoeld met een coldpack", called_112=False,
              doctor_called=False, confirmed=True)


def record(site, child_id=None, **overrides):
    from tenants.accidents import services
    from tenants.children.models import Child

    data = {**REPORT, "happened_at": timezone.now() - timedelta(hours=1), **overrides}
    with in_schema(site):
        return services.record_accident(Child.objects.get(pk=child_id or site.child_id), by=site.staff, **data)
