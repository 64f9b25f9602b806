"""Fixtures for the meldcode tests: reporting a case at location A or B through the service."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from safeguarding import services
from tests.conftest import make_user

DESCRIPTION = "Kneuzing op de bovenarm van Saartje, zei dat papa boos werd bij het avondeten. Woord: Zeppelinvlek."
PLACE = "Groepsruimte Vlindertuin"


@pytest.fixture
def housemate_name():
    return "Gerrit Huisgenootsma"


@pytest.fixture
def report(world, django_capture_on_commit_callbacks):
    """Report a concern through the service: report(site, reporter, route=1, …) -> Case (notifications sent)."""

    def make(site=None, reporter=None, route=1, child_ids=None, description=DESCRIPTION, place=PLACE,
             subject_user=None, housemate="", relation="", roles=None, observed_on=None):
        site = site or world.a
        reporter = reporter or site.staff
        if roles is None:
            roles = {"staff"} if reporter == site.staff else {"entrepreneur"} if reporter == site.entrepreneur else {
                "parent"}
        with django_capture_on_commit_callbacks(execute=True):
            return services.report_concern(
                location=site.location, reporter=reporter, roles=roles, route=route,
                child_ids=child_ids or [site.child_id], observed_on=observed_on or timezone.localdate()
                - timedelta(days=1), observed_place=place, description=description,
                subject_user_id=getattr(subject_user, "pk", subject_user), housemate_name=housemate,
                housemate_relation=relation)

    return make


@pytest.fixture
def second_staff(world):
    """Another staff member at A (the subject of route 2 cases about staff)."""
    from accounts.models import Membership

    user = make_user("staff2@alpha.test", "Willem Tweedemedewerker")
    Membership.objects.get_or_create(user=user, location=world.a.location, role="staff")
    return user


def yesterday() -> date:
    return timezone.localdate() - timedelta(days=1)
