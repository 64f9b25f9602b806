"""The Netherlands: Wet kinderopvang, the Thuishuis guide (seed 001), Burgerlijk Wetboek 6:96 for dunning."""

from jurisdictions.base import Fees, Policy

POLICY = Policy(
    code="NL",
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
    fees=Fees(),
    lrk_register=True,
    fiscal_years=7,
    notice_months={"parent": 1, "location": 1},
    vat_note="Exempt from VAT: childcare (art. 11 lid 1 sub f Wet op de omzetbelasting 1968).",
)

