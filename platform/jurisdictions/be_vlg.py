"""Flanders: the income-related day price of Kind en Gezin / Opgroeien and the house rules of a Flemish
day-care centre (seed 003, 4.2–4.5, complaints); dunning by house rules 4.2.6; the fiscal certificate
281.86; art. III.88 WER for keeping records."""
from decimal import Decimal

from jurisdictions.base import ComplaintBody, Complaints, Fees, Health, Policy, gettext_noop

POLICY = Policy(
    code="BE-VLG",
    name=gettext_noop("Flanders"),
    country="BE",
    language="nl-BE",
    time_zone="Europe/Brussels",
    holiday_country="BE",
    tariff_models=("be_day_price",),
    public_holidays_paid=False,
    invoice_due_days=21,
    dunning="be_notice",
    statement_kind="be_fiscal",
    statement_months=(12, 11),
    payment_reference="structured",
    complaints=Complaints(
        judgement_days=30,  # house rules: handled within 30 days
        max_judgement_days=90,
        acknowledge=True,
        acknowledgement_days=5,
        subjects_fixed=False,
        external_bodies=(
            ComplaintBody(name="Klachtendienst Kind en Gezin", role=gettext_noop("complaints service"),
                          address="Hallepoortlaan 27, 1060 Brussel", phone="02 533 14 14",
                          email="klachtendienst@kindengezin.be", website="https://www.kindengezin.be"),
        ),
        direct_route="Klachtendienst Kind en Gezin",
        second_instance="de algemeen directeur",
    ),
    fees=Fees(
        late_absence_report=Decimal("10.00"),
        unreported_absence=Decimal("10.00"),
        late_pickup_per_quarter=Decimal("15.00"),
        diaper_full_day=Decimal("1.82"),
        diaper_half_day=Decimal("1.09"),
        diaper_own_full_day=Decimal("0.36"),
        diaper_own_half_day=Decimal("0.22"),
        admin_fee=Decimal("4.37"),
    ),
    min_justified_absence_days=18,
    absence_report_deadline="08:00",
    income_certificates=True,
    care_plan_rules=True,  # house rules 4.5.1 and "Opvangplan"
    fiscal_years=10,
    retention_reason=gettext_noop("Belgian accounting law (art. III.88 WER) requires the location to keep these "
                                  "records for 10 years."),
    notice_months={"parent": 3, "location": 1},
    # Seed 003 §4.5.3: ending after a change to the family's disadvantage costs no compensation; "De
    # opzegtermijn is 1 maand" (instead of the three months of §4.4.1).
    house_rules_change_notice_months=1,
    vat_note=gettext_noop("Exempt from VAT: childcare (art. 44 § 2, 2° of the Belgian VAT Code)."),
    words="nl-BE",
    intake_min_care_days=2,  # house rules 4.1: "een opvangplan bestaat minstens uit 2 opvangdagen"
    # Opgroeien's monthly attendance registration (income-related tariff), the fiscal certificate 281.86
    # with its Belcotax-on-web file, and the CSV journal for the bookkeeper.
    filings=("vlg_attendance", "be_281_86", "ledger_csv"),
    # No annual complaint report to an authority: seed 003 §5.3.2 registers every complaint and discusses it at
    # the staff meeting, with the Klachtendienst of Kind en Gezin as the outside route; the register is shown
    # to the inspection on its visit, not sent each year.
    complaint_report=None,
    # House rules 4.6.1: the checklist of Kind en Gezin; 4.6.2: the advice of Kind en Gezin is followed, and a
    # notifiable infectious disease or a cluster is told to the agency's infectious-disease team.
    health=Health(checklist="vlg_kind_en_gezin", agency="Agentschap Zorg en Gezondheid (infectieziektebestrijding)",
                  agency_basis=gettext_noop("Decree on preventive health policy: a notifiable infectious disease, or "
                                            "an unusual number of cases in a group, is reported to the agency."),
                  agency_website="https://www.zorg-en-gezondheid.be/meldingsplichtige-infectieziekten"),
    # House rules 4.7.5: "In België is alleen de vaccinatie tegen poliomyelitis verplicht"; the location advises the
    # basic schedule of the Superior Health Council that Kind en Gezin follows.
    mandatory_vaccinations=("polio",),
    vaccination_schedule=gettext_noop("the basic vaccination schedule of Kind en Gezin"),
)
