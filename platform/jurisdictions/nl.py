"""The Netherlands: Wet kinderopvang, the Thuishuis guide (seed 001), Burgerlijk Wetboek 6:96 for dunning,
art. 1.57b/1.57c Wet kinderopvang for complaints, art. 52 AWR for keeping records."""

from jurisdictions.base import ComplaintBody, ComplaintReport, Complaints, Fees, Health, Policy, gettext_noop

POLICY = Policy(
    code="NL",
    name=gettext_noop("Netherlands"),
    country="NL",
    language="nl",
    time_zone="Europe/Amsterdam",
    holiday_country="NL",
    tariff_models=("nl_monthly_average", "nl_flexible", "nl_registered"),
    public_holidays_paid=True,
    invoice_due_days=None,
    dunning="nl_wik",
    statement_kind="nl_jaaropgave",
    statement_months=(1, 12),
    payment_reference="invoice",
    complaints=Complaints(
        judgement_days=42,
        max_judgement_days=42,  # six weeks, the legal maximum (art. 1.57b lid 2)
        acknowledge=False,
        acknowledgement_days=5,
        subjects_fixed=True,  # art. 1.57b lid 1: conduct, working method and the agreement
        external_bodies=(
            ComplaintBody(name="Klachtenloket Kinderopvang",
                          role=gettext_noop("information, advice and mediation (free)"),
                          address="Postbus 90600, 2509 LP Den Haag", phone="0900 1877",
                          website="https://www.klachtenloket-kinderopvang.nl"),
            ComplaintBody(name="Geschillencommissie Kinderopvang", role=gettext_noop("binding ruling"),
                          address="Postbus 90600, 2509 LP Den Haag", phone="070 310 53 10",
                          website="https://www.degeschillencommissie.nl"),
        ),
        direct_route="Geschillencommissie Kinderopvang",
    ),
    fees=Fees(),
    lrk_register=True,
    fiscal_years=7,
    retention_reason=gettext_noop("Dutch tax law (art. 52 AWR) requires the location to keep these records for 7 "
                                  "years."),
    notice_months={"parent": 1, "location": 1},
    vat_note=gettext_noop("Exempt from VAT: childcare (art. 11 lid 1 sub f Wet op de omzetbelasting 1968)."),
    # Art. 11 Regeling Wet kinderopvang: the monthly childcare data to Belastingdienst/Toeslagen and the
    # jaaropgave to the parents; the bookkeeper gets the audit file (XAF 3.2) and the CSV journal.
    filings=("nl_childcare_data", "nl_jaaropgave", "ledger_xaf", "ledger_csv"),
    # Seed 001 (complaint regulation): every written complaint goes anonymously into the annual complaint
    # report, discussed with the parent committee and sent to the GGD inspector, as the Wet kinderopvang
    # requires; due before 1 June of the next year (tenants.complaints.rules.report_due).
    complaint_report=ComplaintReport(recipient=gettext_noop("the GGD inspector"), due_month=6, due_day=1,
                                     source="seed 001, complaint regulation; Wet kinderopvang"),
    # The location's own health policy, after the GGD/RIVM handbook "Gezondheidsrisico's in een kindercentrum";
    # art. 26 Wet publieke gezondheid: an unusual number of cases is reported to the GGD.
    health=Health(checklist="nl_ggd", agency="GGD (infectieziektebestrijding)",
                  agency_basis=gettext_noop("Art. 26 Wet publieke gezondheid: a childcare centre reports an unusual "
                                            "number of children with an infectious disease to the GGD."),
                  agency_website="https://www.rivm.nl/meldingsplicht-infectieziekten"),
    # No vaccination is mandatory in the Netherlands; a location may ask whether the child follows the RVP.
    vaccination_schedule=gettext_noop("the National Immunisation Programme (Rijksvaccinatieprogramma)"),
)
