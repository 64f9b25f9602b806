"""Flanders: the income-related day price of Kind en Gezin / Opgroeien and the house rules of a Flemish
day-care centre (seed 003, 4.2–4.3); dunning by house rules 4.2.6; the fiscal certificate 281.86."""
from decimal import Decimal

from jurisdictions.base import Fees, Policy

POLICY = Policy(
    code="BE-VLG",
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
    fiscal_years=10,
    notice_months={"parent": 3, "location": 1},
    vat_note="Exempt from VAT: childcare (art. 44 § 2, 2° of the Belgian VAT Code).",
    words="nl-BE",
)
