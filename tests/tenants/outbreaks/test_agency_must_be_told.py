"""Whether the location must tell the agency of a case (seed 003 §4.6.2: "in sommige gevallen dienen wij ook het
agentschap op de hoogte te stellen"; NL: art. 26 Wet publieke gezondheid, an unusual number of cases to the GGD):
a notifiable disease always, some diseases from a number of cases in one group within some days, others never. The
agency itself is the jurisdiction's policy entry. Then staff record when, and by whom, it was told."""
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from jurisdictions import POLICIES

from tenants.outbreaks import diseases, rules
from tests.tenants.conftest import in_schema
from tests.tenants.outbreaks.test_contagious_disease_notice import record

DAY = date(2026, 12, 4)
VLG = {d.key: d for d in diseases.VLG_DISEASES}
NL = {d.key: d for d in diseases.NL_DISEASES}


@pytest.mark.parametrize(("table", "key", "earlier", "must"), [
    # notifiable: every case (seed 003 §4.6.2; measles, whooping cough, mumps, hepatitis A, STEC in Flanders)
    (VLG, "measles", [], True), (VLG, "whooping_cough", [], True), (VLG, "mumps", [], True),
    (VLG, "hepatitis_a", [], True), (VLG, "stec", [], True),
    (NL, "measles", [], True), (NL, "whooping_cough", [], True), (NL, "stec", [], True),
    # never, however many
    (VLG, "chickenpox", [DAY] * 5, False), (NL, "head_lice", [DAY] * 5, False),
    # gastroenteritis: from 3 cases in one group within 7 days — the 7-day window counted to the day
    (NL, "gastroenteritis", [DAY - timedelta(days=1)], False),
    (NL, "gastroenteritis", [DAY - timedelta(days=1), DAY - timedelta(days=6)], True),
    (NL, "gastroenteritis", [DAY - timedelta(days=1), DAY - timedelta(days=7)], False),
    (NL, "gastroenteritis", [DAY + timedelta(days=1), DAY - timedelta(days=1)], False),  # later ones do not count
    # impetigo and scarlet fever: from 2 cases within 14 days
    (VLG, "impetigo", [DAY - timedelta(days=13)], True), (VLG, "impetigo", [DAY - timedelta(days=14)], False),
    (NL, "scarlet_fever", [], False),
])
def test_agency_verdict(table, key, earlier, must):
    verdict = rules.agency_verdict(table[key], DAY, earlier)
    assert verdict.must_tell is must
    assert verdict.reason


def test_both_tables_hold_the_same_diseases_each_with_advice():
    assert list(VLG) == list(NL)
    for disease in [*VLG.values(), *NL.values()]:
        assert disease.label and len(disease.advice) > 40 and disease.away and disease.source
        assert disease.report in (rules.ALWAYS, rules.CLUSTER, rules.NEVER)
        assert (disease.cluster_cases >= 2 and disease.cluster_days >= 1) == (disease.report == rules.CLUSTER)


def test_the_agency_is_a_policy_entry():
    agencies = {code: entry.health.agency for code, entry in POLICIES.items()}
    assert agencies["NL"].startswith("GGD") and agencies["BE-VLG"].startswith("Agentschap Zorg en Gezondheid")
    assert all(entry.health.agency_basis for entry in POLICIES.values())


def test_notice_text_must_stay_anonymous():
    assert rules.notice_text_errors("Fenna heeft waterpokken", ["Fenna", "Ziek"])
    assert not rules.notice_text_errors("Let op: waterpokken in de groep", ["Fenna", "Ziek"])
    assert not rules.notice_text_errors("Bof in de groep", ["Bo"])  # a name inside a word is no name


def test_the_location_sees_it_must_report_and_records_when_and_by_whom(world, groups, client_for):
    from tenants.outbreaks import services

    case = record(world.a, groups.rupsen, disease="measles")
    assert case.agency_must_tell
    staff = client_for(world.a.staff, world.a)
    page = staff.get("/outbreaks/").content.decode()
    assert "must still be reported to GGD" in page
    assert "This case must be reported." in staff.get(f"/outbreaks/{case.pk}/").content.decode()
    told_at = timezone.localtime().replace(second=0, microsecond=0)
    answer = staff.post(f"/outbreaks/{case.pk}/", {"told_at": told_at.strftime("%Y-%m-%dT%H:%M"),
                                                   "reference": "IZB, mevr. De Vries"})
    assert answer.status_code == 302
    with in_schema(world.a):
        case.refresh_from_db()
        assert case.agency_told_by_id == world.a.staff.pk and case.agency_told_at == told_at
        assert case.agency_reference == "IZB, mevr. De Vries"
        with pytest.raises(ValidationError) as error:
            services.record_agency_told(case, by=world.a.entrepreneur)
        assert "told_at" in error.value.message_dict
    assert "must still be reported" not in staff.get("/outbreaks/").content.decode()


@pytest.mark.parametrize(("told_at", "field"), [
    (datetime(2031, 1, 1, 10, 0), "told_at"), (datetime(2020, 1, 1, 10, 0), "told_at")])
def test_a_wrong_moment_names_the_field(world, groups, told_at, field):
    from tenants.outbreaks import services

    case = record(world.a, groups.rupsen, disease="measles")
    with in_schema(world.a), pytest.raises(ValidationError) as error:
        services.record_agency_told(case, by=world.a.staff, told_at=timezone.make_aware(told_at))
    assert field in error.value.message_dict


def test_the_second_case_of_scarlet_fever_in_the_group_must_be_reported(world, groups):
    first = record(world.a, groups.rupsen, disease="scarlet_fever")
    other_group = record(world.a, groups.vlinders, disease="scarlet_fever")
    second = record(world.a, groups.rupsen, disease="scarlet_fever")
    assert (first.agency_must_tell, other_group.agency_must_tell, second.agency_must_tell) == (False, False, True)
    assert second.cases_in_window == 2
