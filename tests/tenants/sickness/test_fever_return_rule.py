"""The fever return rule, to the minute (seed 003 §4.6.1): a child may come back when it has had no fever of
38.0 °C or more for at least 24 hours — counted from the last fever measurement — unless the fever followed a
vaccination. Measurements come in any order; a month, a year and a change of summer time lie in between."""
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tenants.sickness import rules, tables
from tenants.sickness.rules import Measurement

KEG = tables.VLG_KIND_EN_GEZIN
NL = tables.NL_GGD
BRUSSELS = ZoneInfo("Europe/Brussels")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=BRUSSELS)


def m(moment, celsius, vaccination=False):
    return Measurement(moment, Decimal(celsius), vaccination)


def test_back_24_hours_after_the_last_fever_measurement_to_the_minute():
    measurements = [m(at(2026, 12, 3, 10, 12), "38.4")]
    assert rules.return_moment(measurements, KEG) == at(2026, 12, 4, 10, 12)
    assert not rules.fever_free_since(measurements, KEG, at(2026, 12, 4, 10, 11))
    assert rules.fever_free_since(measurements, KEG, at(2026, 12, 4, 10, 12))


def test_the_last_fever_counts_not_the_first_nor_a_later_normal_temperature():
    measurements = [m(at(2026, 12, 3, 9, 0), "38.9"), m(at(2026, 12, 3, 14, 45), "38.0"),
                    m(at(2026, 12, 3, 16, 0), "37.9")]
    assert rules.return_moment(measurements, KEG) == at(2026, 12, 4, 14, 45)


def test_37_9_sets_no_return_moment_38_0_does():
    assert rules.return_moment([m(at(2026, 12, 3, 10, 0), "37.9")], KEG) is None
    assert rules.return_moment([m(at(2026, 12, 3, 10, 0), "38.0")], KEG) == at(2026, 12, 4, 10, 0)


def test_fever_after_a_vaccination_keeps_no_child_home():
    after_vaccination = [m(at(2026, 12, 3, 11, 0), "38.6", vaccination=True)]
    assert rules.return_moment(after_vaccination, KEG) is None
    result = rules.assess(KEG, symptoms=[], measurements=after_vaccination, now=at(2026, 12, 3, 11, 0))
    assert result.decision == rules.ADMITTED and not result.fever


def test_a_fever_without_vaccination_after_one_with_still_counts():
    measurements = [m(at(2026, 12, 3, 9, 0), "38.6", vaccination=True), m(at(2026, 12, 3, 15, 30), "38.2")]
    assert rules.return_moment(measurements, KEG) == at(2026, 12, 4, 15, 30)


def test_measurements_out_of_order_across_months_and_years():
    measurements = [m(at(2026, 12, 31, 23, 30), "38.3"), m(at(2026, 11, 30, 8, 0), "39.0"),
                    m(at(2026, 12, 31, 7, 15), "38.8")]
    assert rules.return_moment(measurements, KEG) == at(2027, 1, 1, 23, 30)
    across_month = [m(at(2027, 1, 31, 18, 5), "38.1"), m(at(2027, 1, 30, 18, 5), "39.1")]
    assert rules.return_moment(across_month, KEG) == at(2027, 2, 1, 18, 5)
    leap = [m(at(2028, 2, 28, 12, 0), "38.5")]
    assert rules.return_moment(leap, KEG) == at(2028, 2, 29, 12, 0)


def test_24_elapsed_hours_over_the_change_to_summer_time():
    """29 March 2026 has 23 hours in Brussels: 24 hours after 10:00 on the 28th is 11:00 on the 29th."""
    measurements = [m(at(2026, 3, 28, 10, 0), "38.5")]
    moment = rules.return_moment(measurements, KEG)
    assert moment == at(2026, 3, 29, 11, 0)
    assert moment.astimezone(UTC) - measurements[0].at.astimezone(UTC) == timedelta(hours=24)
    autumn = [m(at(2026, 10, 24, 10, 0), "38.5")]  # 25 October has 25 hours
    assert rules.return_moment(autumn, KEG) == at(2026, 10, 25, 9, 0)


def test_seconds_round_up_to_the_next_minute():
    """A measurement at 10:12:30 lets the child back at 10:13, never a few seconds early."""
    assert rules.return_moment([m(at(2026, 12, 3, 10, 12, 30), "38.4")], KEG) == at(2026, 12, 4, 10, 13)


@pytest.mark.parametrize(("now", "fever"), [
    (at(2026, 12, 4, 10, 11), True), (at(2026, 12, 4, 10, 12), False), (at(2026, 12, 5, 8, 0), False)])
def test_at_admission_the_next_morning_the_rule_decides(now, fever):
    measurements = [m(at(2026, 12, 3, 10, 12), "38.4")]
    result = rules.assess(KEG, symptoms=[], measurements=measurements, now=now)
    assert result.fever is fever
    assert result.decision == (rules.NOT_ADMITTED if fever else rules.ADMITTED)
    assert rules.may_come(KEG, symptoms=[], measurements=measurements, at=now) is not fever
    assert result.may_return_at == (at(2026, 12, 4, 10, 12) if fever else None)


def test_without_a_fixed_rule_the_dutch_policy_counts_fever_on_the_day_only():
    measurements = [m(at(2026, 12, 3, 10, 0), "38.7")]
    assert rules.return_moment(measurements, NL) is None
    assert rules.assess(NL, symptoms=[], measurements=measurements, now=at(2026, 12, 3, 15, 0)).decision == \
        rules.CONDITIONS
    assert rules.assess(NL, symptoms=[], measurements=measurements, now=at(2026, 12, 4, 8, 0)).decision == \
        rules.ADMITTED
