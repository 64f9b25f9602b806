"""What a consent allows (tenants.consents.rules): GDPR art. 6(1)(a), 7 and 8 (consent is an explicit act and can
be withdrawn at any time; silence is no consent), seed 003 §4.7.4 (enrolling agrees to announced, supervised trips)
and §4.7.5 (in Belgium only the polio vaccination is mandatory)."""
import pytest
from jurisdictions import policy

from tenants.consents import rules
from tenants.consents.rules import Decision

GIVE_V1, GIVE_V2 = Decision(True, 1), Decision(True, 2)
WITHDRAWN_V1, WITHDRAWN_V2 = Decision(False, 1), Decision(False, 2)


@pytest.mark.parametrize("kind, latest, current, allowed", [
    (rules.HANDOVER_PHOTOS, None, 1, False),            # GDPR art. 7: no decision is no consent
    (rules.HANDOVER_PHOTOS, Decision(True, 1), 1, True),
    (rules.HANDOVER_PHOTOS, GIVE_V1, 2, False),          # a new text asks again
    (rules.HANDOVER_PHOTOS, GIVE_V2, 2, True),
    (rules.HANDOVER_PHOTOS, WITHDRAWN_V2, 2, False),     # art. 7(3): withdrawn at any time
    (rules.WEBSITE_PHOTOS, None, 1, False),
    (rules.WEBCAM, None, 1, False),
    (rules.WEBCAM, GIVE_V1, 1, True),
    (rules.SUNSCREEN, None, 1, False),
    (rules.TRIPS, None, 1, True),                        # seed 003 §4.7.4: agreed by enrolling
    (rules.TRIPS, GIVE_V1, 3, True),                     # still agreed under a newer text
    (rules.TRIPS, WITHDRAWN_V1, 3, False),               # a withdrawal counts whatever the version
    (rules.TRIPS, WITHDRAWN_V2, 2, False),
])
def test_what_a_consent_allows(kind, latest, current, allowed):
    assert rules.may(kind, latest, current) is allowed


@pytest.mark.parametrize("kind, given, version, current, fields", [
    (rules.WEBCAM, True, None, 1, set()),
    (rules.WEBCAM, False, 1, 1, set()),
    (rules.WEBCAM, True, 1, 2, {"version"}),             # read the new text first
    ("tattoos", True, None, 1, {"kind"}),
    (rules.WEBCAM, "yes", None, 1, {"given"}),
])
def test_what_a_decision_needs(kind, given, version, current, fields):
    assert set(rules.decision_errors(kind, given, version, current)) == fields


def test_every_kind_has_a_default_text():
    assert set(rules.DEFAULT_TEXTS) == set(rules.KINDS)


VLG = policy("BE-VLG").mandatory_vaccinations
NL = policy("NL").mandatory_vaccinations


@pytest.mark.parametrize("mandatory, status, notes", [
    (VLG, rules.VaccinationStatus(rules.FOLLOWS_SCHEDULE, True), []),
    (VLG, rules.VaccinationStatus(rules.FOLLOWS_SCHEDULE, False), ["The mandatory vaccination is not confirmed."]),
    (VLG, None, ["Vaccination status not told yet.", "The mandatory vaccination is not confirmed."]),
    (NL, rules.VaccinationStatus(rules.NOT_VACCINATED, False), []),   # nothing is mandatory in the Netherlands
    (NL, rules.VaccinationStatus(rules.NOT_TOLD, False), ["Vaccination status not told yet."]),
    (NL, None, ["Vaccination status not told yet."]),
])
def test_vaccination_notes(mandatory, status, notes):
    assert rules.vaccination_notes(mandatory, status) == notes


def test_only_polio_is_mandatory_in_flanders_and_nothing_in_the_netherlands():
    assert VLG == ("polio",) and NL == ()
