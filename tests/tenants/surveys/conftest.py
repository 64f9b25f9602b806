"""Helpers for the survey tests: parents at location A and a survey of the location."""
from datetime import date

import pytest

from tests.conftest import make_user
from tests.tenants.conftest import in_schema, make_child


def parents_at(site, count: int) -> list:
    from accounts.models import Membership

    people = []
    for index in range(count):
        user = make_user(f"survey{index}@{site.location.slug}.test", f"Ouder {index}")
        Membership.objects.get_or_create(user=user, location=site.location, role="parent")
        make_child(site, first_name=f"Kind{index}", guardians=[user])
        people.append(user)
    return people


@pytest.fixture
def survey(world):
    from tenants.surveys import services

    with in_schema(world.a):
        return services.create_survey(by=world.a.entrepreneur, title="Tevredenheid 2026", opens_on=date(2020, 1, 1),
                                      questions=[{"text": "Hoe tevreden bent u over de sfeer?", "kind": "scale"},
                                                 {"text": "Wat kan beter?", "kind": "text"}])
