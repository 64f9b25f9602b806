"""Table tests of the admission checklist: every row of the checklist of Kind en Gezin (seed 003 §4.6.1, the table
"toegelaten / niet toegelaten in de opvang" and the two general grounds above it) and of the Dutch location's
health policy after GGD/RIVM; the strictest row decides; the location's own rows; the policy chooses the table."""
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from jurisdictions import POLICIES

from tenants.sickness import rules, tables
from tenants.sickness.rules import ADMITTED, CONDITIONS, NOT_ADMITTED

KEG = tables.VLG_KIND_EN_GEZIN
NL = tables.NL_GGD
BRUSSELS = ZoneInfo("Europe/Brussels")

# (row, decision, source) — every row of seed 003 §4.6.1, written out from the seed, not read from the table.
KIND_EN_GEZIN_ROWS = [
    ("runny_nose", ADMITTED, "seed 003 §4.6.1 left column: Snotneusje"),
    ("mild_cough", ADMITTED, "seed 003 §4.6.1 left column: Lichte hoest"),
    ("mild_cold", ADMITTED, "seed 003 §4.6.1 left column: Lichte verkoudheid zonder koorts"),
    ("chronic_cough", ADMITTED, "seed 003 §4.6.1 left column: Gekende chronische hoest"),
    ("loose_stools", ADMITTED, "seed 003 §4.6.1 left column: Chronisch lossere stoelgang of éénmalig waterige"),
    ("reflux", ADMITTED, "seed 003 §4.6.1 left column: Gulpje teruggeven, braken door gekende reflux"),
    ("fever", NOT_ADMITTED, "seed 003 §4.6.1 right column: koorts ≥ 38,0 °C, behalve na vaccinatie"),
    ("sudden_cough", NOT_ADMITTED, "seed 003 §4.6.1 right column: Plots optredende hoest met ademhalingsmoeilijkheden"),
    ("breathing", NOT_ADMITTED, "seed 003 §4.6.1 right column: Ademhalingsmoeilijkheden"),
    ("watery_stools", NOT_ADMITTED, "seed 003 §4.6.1 right column: 2 of meer waterige stoelgangen per dag"),
    ("vomiting", NOT_ADMITTED, "seed 003 §4.6.1 right column: Braken met bloed of herhaaldelijk braken"),
    ("rash", NOT_ADMITTED, "seed 003 §4.6.1 right column: Plotse huiduitslag of blaasjes"),
    ("too_ill", NOT_ADMITTED, "seed 003 §4.6.1: te ziek om deel te nemen aan de normale activiteiten"),
    ("too_much_care", NOT_ADMITTED, "seed 003 §4.6.1: vraagt te veel zorg"),
]

# The Dutch location's own health policy (GGD/RIVM style): kept home mostly when too ill to take part.
NL_ROWS = [
    ("runny_nose", ADMITTED), ("mild_cough", ADMITTED), ("mild_cold", ADMITTED), ("chronic_cough", ADMITTED),
    ("loose_stools", ADMITTED), ("reflux", ADMITTED), ("fever", CONDITIONS), ("sudden_cough", NOT_ADMITTED),
    ("breathing", NOT_ADMITTED), ("watery_stools", CONDITIONS), ("bloody_stools", NOT_ADMITTED),
    ("vomiting", CONDITIONS), ("rash", CONDITIONS), ("too_ill", NOT_ADMITTED), ("too_much_care", NOT_ADMITTED),
]

MORNING = datetime(2026, 12, 4, 9, 30, tzinfo=BRUSSELS)


@pytest.mark.parametrize(("key", "decision", "source"), KIND_EN_GEZIN_ROWS)
def test_every_row_of_the_kind_en_gezin_checklist(key, decision, source):
    row = KEG.row(key)
    assert row is not None, source
    assert rules.decision_of(row) == decision, source
    assert row.source.startswith("seed 003 §4.6.1")
    symptoms = [] if key == rules.FEVER else [key]
    measurements = [rules.Measurement(MORNING, Decimal("38.5"))] if key == rules.FEVER else []
    assert rules.assess(KEG, symptoms=symptoms, measurements=measurements, now=MORNING).decision == decision


def test_the_kind_en_gezin_checklist_has_exactly_the_rows_of_the_seed():
    assert KEG.keys == tuple(key for key, _decision, _source in KIND_EN_GEZIN_ROWS)
    assert [row.key for row in KEG.rows if row.decision == NOT_ADMITTED and not row.back] == []


@pytest.mark.parametrize(("key", "decision"), NL_ROWS)
def test_every_row_of_the_dutch_health_policy(key, decision):
    assert NL.row(key).decision == decision
    if decision != ADMITTED:
        assert NL.row(key).back, "every row that is not simply admitted says when the child may come back"
    if decision == CONDITIONS:
        assert NL.row(key).condition


def test_the_dutch_policy_has_exactly_these_rows_and_no_fixed_fever_hours():
    assert NL.keys == tuple(key for key, _decision in NL_ROWS)
    assert NL.fever_free_hours is None and NL.fever_from == Decimal("38.0")


def test_the_strictest_row_decides_and_names_the_reasons():
    result = rules.assess(KEG, symptoms=["runny_nose", "rash", "vomiting"], now=MORNING)
    assert result.decision == NOT_ADMITTED and result.reasons == ("rash", "vomiting")
    result = rules.assess(NL, symptoms=["runny_nose", "vomiting"], now=MORNING)
    assert result.decision == CONDITIONS and result.reasons == ("vomiting",)
    assert rules.assess(KEG, symptoms=["runny_nose", "mild_cough"], now=MORNING).decision == ADMITTED
    assert rules.assess(KEG, symptoms=[], now=MORNING).reasons == ()


def test_an_unknown_row_is_refused():
    with pytest.raises(ValueError):
        rules.assess(KEG, symptoms=["bloody_stools"], now=MORNING)  # a row of the Dutch table only


@pytest.mark.parametrize(("celsius", "fever"), [
    ("37.9", False), ("38.0", True), ("38.1", True), ("36.5", False), ("40.2", True)])
def test_temperature_boundary_seed_003_4_6_1(celsius, fever):
    """Seed 003 §4.6.1: fever is 38.0 °C or more; 37.9 is not."""
    assert rules.is_fever(Decimal(celsius), KEG) is fever
    decision = rules.assess(KEG, symptoms=[], measurements=[rules.Measurement(MORNING, Decimal(celsius))],
                            now=MORNING).decision
    assert decision == (NOT_ADMITTED if fever else ADMITTED)


def test_a_thermometer_overrules_a_ticked_fever_and_a_ticked_fever_counts_without_one():
    below = [rules.Measurement(MORNING, Decimal("37.9"))]
    assert rules.assess(KEG, symptoms=["fever"], measurements=below, now=MORNING).decision == ADMITTED
    assert rules.assess(KEG, symptoms=["fever"], now=MORNING).decision == NOT_ADMITTED


@pytest.mark.parametrize(("text", "value", "error"), [
    ("38,4", Decimal("38.4"), None), ("38.0", Decimal("38.0"), None), (" 37.9 °C", Decimal("37.9"), None),
    ("", None, None), (None, None, None), ("warm", None, "number"), ("38.25", None, "one decimal"),
    ("33.9", None, "between"), ("43.1", None, "between"), ("NaN", None, "number"), ("Infinity", None, "number"),
])
def test_typed_temperatures(text, value, error):
    parsed, problem = rules.parse_temperature(text)
    assert parsed == value
    assert (problem is None) if error is None else (error in problem)


def test_the_location_adjusts_a_row_and_adds_its_own():
    own = [rules.Adjustment("rash", CONDITIONS, condition="Call the parents first."),
           rules.Adjustment("own_conjunctivitis", NOT_ADMITTED, label="Eye infection with pus")]
    adjusted = rules.adjusted(KEG, own)
    assert adjusted.row("rash").decision == CONDITIONS and adjusted.row("rash").own
    assert adjusted.row("rash").label == KEG.row("rash").label  # the label stays when none is given
    assert adjusted.keys[-1] == "own_conjunctivitis" and adjusted.row("own_conjunctivitis").own
    assert adjusted.keys[: len(KEG.keys)] == KEG.keys
    assert KEG.row("rash").decision == NOT_ADMITTED  # the table itself is untouched
    assert rules.assess(adjusted, symptoms=["rash"], now=MORNING).decision == CONDITIONS


@pytest.mark.parametrize(("adjustment", "field"), [
    (rules.Adjustment("rash", "maybe"), "decision"),
    (rules.Adjustment("fever", ADMITTED), "decision"),
    (rules.Adjustment("own_x", NOT_ADMITTED, label="  "), "label"),
])
def test_a_wrong_adjustment_names_the_field(adjustment, field):
    assert field in rules.adjustment_errors(adjustment, KEG)


def test_the_policy_chooses_the_table_per_jurisdiction():
    """No `if country`: each policy entry names its checklist, and every entry names one that exists."""
    chosen = {code: entry.health.checklist for code, entry in POLICIES.items()}
    assert set(chosen.values()) <= set(tables.CHECKLISTS)
    assert chosen["BE-VLG"] == "vlg_kind_en_gezin" and chosen["NL"] == "nl_ggd"
    with pytest.raises(LookupError):
        tables.checklist("nowhere")
