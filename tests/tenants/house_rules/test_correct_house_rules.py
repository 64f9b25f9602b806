"""Correcting an announced version after the fact: another effective date is checked against the two-month rule
again; a version found to be to the family's disadvantage after all counts as announced on the day of the
correction (seed 003 §4.5.3: the parents must know two months ahead), and the parents are told again."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.tenants.conftest import in_schema
from tests.tenants.house_rules.conftest import announce


def correct(site, version, **fields):
    from tenants.house_rules import services

    with in_schema(site):
        return services.correct_version(version, by=site.entrepreneur, **fields)


def test_moving_the_effective_date_earlier_than_two_months_is_refused(world, first_version):
    version = announce(world.a, today=date(2026, 12, 31), summary="Duurder", disadvantageous=True,
                       effective_on=date(2027, 3, 1))
    with pytest.raises(ValidationError) as error:
        correct(world.a, version, effective_on=date(2027, 2, 27), today=date(2027, 1, 5))
    assert "effective_on" in error.value.message_dict
    version = correct(world.a, version, effective_on=date(2027, 2, 28), today=date(2027, 1, 5))
    assert version.effective_on == date(2027, 2, 28) and version.announced_on == date(2026, 12, 31)


def test_found_disadvantageous_after_the_fact_counts_from_the_correction(world, first_version):
    version = announce(world.a, today=date(2026, 12, 31), summary="Nieuwe openingstijden",
                       effective_on=date(2027, 1, 15))
    with pytest.raises(ValidationError):  # two months from the correction, not from the first announcement
        correct(world.a, version, disadvantageous=True, effective_on=date(2027, 2, 28), today=date(2027, 1, 10))
    version = correct(world.a, version, disadvantageous=True, effective_on=date(2027, 3, 10), today=date(2027, 1, 10))
    assert (version.announced_on, version.disadvantageous, version.corrected_at is not None) == (
        date(2027, 1, 10), True, True)


def test_the_parents_are_told_of_a_correction(world, first_version):
    from tenants.messages.models import Announcement

    version = announce(world.a, today=date(2026, 12, 31), summary="Nieuwe openingstijden",
                       effective_on=date(2027, 1, 15))
    first = version.announcement_id
    version = correct(world.a, version, effective_on=date(2027, 1, 20), today=date(2027, 1, 2))
    assert version.announcement_id != first
    with in_schema(world.a):
        assert Announcement.objects.get(pk=version.announcement_id).title.startswith("Correctie")


def test_a_version_in_force_cannot_be_corrected(world, first_version):
    version = announce(world.a, today=date(2026, 12, 31), summary="x", effective_on=date(2027, 1, 15))
    with pytest.raises(ValidationError):
        correct(world.a, version, effective_on=date(2027, 6, 1), today=date(2027, 1, 15))
