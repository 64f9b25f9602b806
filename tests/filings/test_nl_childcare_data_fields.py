"""The fields of the Dutch monthly childcare data, as art. 11 Regeling Wet kinderopvang lists them (and the
Belastingdienst's FAQ "Gegevensaanlevering Kinderopvang": BSN, name and birth date of child and parent, hours
of care, average hourly price, LRK number, end date of the agreement), in the file's order; and the fields of the
jaaropgave (organisation, LRK number, parent and child, hours, hourly price per kind of care, amount paid)."""
import pytest

from billing.filings.formats import nl_childcare_data, nl_jaaropgave


@pytest.mark.parametrize("column, field", [
    ("periode", "period"),
    ("lrk_nummer", "lrk_number"),                        # art. 11: het registratienummer (LRK)
    ("soort_opvang", "care_type"),
    ("bsn_kind", "child_bsn"),                           # art. 11: BSN van het kind
    ("naam_kind", "child_name"),                         # naam van het kind
    ("geboortedatum_kind", "child_birth_date"),          # geboortedatum van het kind
    ("bsn_ouder", "parent_bsn"),                         # BSN van de aanvragende ouder
    ("naam_ouder", "parent_name"),                       # naam van de ouder
    ("geboortedatum_ouder", "parent_birth_date"),        # geboortedatum van de ouder
    ("uren_opvang", "hours"),                            # afgenomen uren per maand
    ("gemiddelde_uurprijs", "hourly_price"),             # gemiddelde uurprijs
    ("bedrag", "amount"),
    ("einddatum_overeenkomst", "agreement_end"),         # einddatum van de overeenkomst
    ("correctie", "correction"),                         # correcties van eerdere maanden
])
def test_monthly_fields_in_order(column, field):
    columns = [(c, f) for c, f, _why in nl_childcare_data.FIELDS]
    assert (column, field) in columns
    assert len(columns) == 14


def test_monthly_order_is_the_files_order():
    assert [c for c, _f, _w in nl_childcare_data.FIELDS][:3] == ["periode", "lrk_nummer", "soort_opvang"]


@pytest.mark.parametrize("field", ["organisation", "lrk_number", "care_type", "parent_name", "parent_bsn",
                                   "child_name", "child_bsn", "child_birth_date", "hours", "hourly_price",
                                   "amount"])
def test_jaaropgave_has_every_field_the_allowance_needs(field):
    assert field in [f for _c, f, _w in nl_jaaropgave.FIELDS]
