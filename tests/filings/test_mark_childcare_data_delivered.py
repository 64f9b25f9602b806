"""The Dutch monthly childcare data (art. 11 Regeling Wet kinderopvang): a year of a contract gives twelve
monthly files, each checked before it leaves; a BSN that fails the eleven-test or a month with a negative total
is refused with a message naming the child and the field and nothing is marked; a credit note on a delivered
month, or a BSN that comes in late, goes into the next file as a correction of the earlier month."""
import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.billing.conftest import at, closing_weeks, location_of, make_contract

VALID_BSN = "111222333"
OTHER_BSN = "123456782"


def _rows(filing):
    return list(csv.DictReader(io.StringIO(bytes(filing.content).decode()), delimiter=";"))


def _year(world):
    from billing.invoices import services

    closing_weeks(world.a)
    make_contract(world)
    with at(world.a):
        for month in range(1, 13):
            services.run_month(location_of(world.a), 2026, month, today=date(2026, month, 1))


def _filing(month, year=2026):
    from billing.filings.models import Filing

    return Filing.objects.get(kind="nl_childcare_data", period_start=date(year, month, 1))


def test_a_year_gives_twelve_monthly_files(billing):
    from billing.filings import services

    world = billing
    _year(world)
    with at(world.a):
        services.plan(today=date(2027, 1, 2))
        for month in range(1, 13):
            filing = _filing(month)
            assert filing.due_date == (date(2026, month + 1, 28) if month == 1 else filing.due_date)
            services.mark_ready(filing, user=world.a.entrepreneur, today=date(2027, 1, 2))
            services.mark_delivered(filing, user=world.a.entrepreneur, today=date(2027, 1, 2))
            filing.refresh_from_db()
            assert filing.status == "delivered" and filing.delivered_at is not None
            [row] = _rows(filing)
            assert row["periode"] == f"2026-{month:02d}" and row["lrk_nummer"] == "123456789"
            assert row["naam_kind"] == world.a.child_name and row["geboortedatum_kind"] == "2024-05-01"
            assert row["naam_ouder"] == world.a.parent.full_name
            assert row["gemiddelde_uurprijs"] == "10.25" and row["correctie"] == ""
            assert row["uren_opvang"] == "84.875"  # 1018.5 hours a year ÷ 12 (monthly average)
            assert (Decimal(row["uren_opvang"]) * Decimal("10.25")).quantize(Decimal("0.01")) == Decimal(row["bedrag"])
        assert _filing(1).due_date == date(2026, 2, 28)
        assert _filing(12).due_date == date(2027, 1, 31)


def test_a_bsn_failing_the_eleven_test_is_refused_and_nothing_is_marked(billing):
    from billing.filings import services
    from tenants.children.models import Child

    world = billing
    _year(world)
    with at(world.a):
        Child.objects.filter(pk=world.a.child_id).update(bsn="123456789")  # fails the eleven-test
        services.plan(today=date(2027, 1, 2))
        filing = _filing(3)
        with pytest.raises(ValidationError) as refused, translation.override("en"):
            services.mark_ready(filing, user=world.a.entrepreneur, today=date(2027, 1, 2))
        [message] = refused.value.message_dict["filing"]
        assert world.a.child_name in message and "BSN of the child" in message and "eleven-test" in message
        filing.refresh_from_db()
        assert filing.status == "todo" and filing.content is None


def test_a_month_with_a_negative_total_is_refused(billing):
    from billing.filings import services
    from billing.invoices.models import Invoice, InvoiceLine

    world = billing
    contract = make_contract(world)
    with at(world.a):
        invoice = Invoice.objects.create(
            number=900, kind="settlement", child_id=world.a.child_id, contract=contract, parent=world.a.parent,
            period_start=date(2026, 4, 1), period_end=date(2026, 4, 30), issue_date=date(2026, 5, 1),
            total=Decimal("-41.00"), status="sent", jurisdiction="NL", location_name="Test alpha",
            lrk_number="123456789")
        InvoiceLine.objects.create(invoice=invoice, kind="settlement", description="Settlement", quantity=-4,
                                   unit="h", unit_price=Decimal("10.25"), amount=Decimal("-41.00"))
        services.plan(today=date(2026, 5, 2))
        filing = _filing(4)
        with pytest.raises(ValidationError) as refused:
            services.mark_ready(filing, user=world.a.entrepreneur, today=date(2026, 5, 2))
        [message] = refused.value.message_dict["filing"]
        assert world.a.child_name in message and "negative" in message and "-41.00" in message
        filing.refresh_from_db()
        assert filing.status == "todo"


def test_a_credit_note_on_a_delivered_month_is_corrected_in_the_next_file(billing):
    from billing.filings import services
    from billing.invoices import services as invoices
    from billing.invoices.models import Invoice

    world = billing
    _year(world)
    with at(world.a):
        services.plan(today=date(2026, 6, 2))
        for month in range(1, 6):
            services.mark_ready(_filing(month), user=world.a.entrepreneur, today=date(2026, 6, 2))
            services.mark_delivered(_filing(month), user=world.a.entrepreneur, today=date(2026, 6, 2))
        march = Invoice.objects.get(period_start=date(2026, 3, 1), kind="monthly")
        invoices.create_credit_note(march, amount=Decimal("102.50"), reason="10 uur minder",
                                    issue_date=date(2026, 6, 10))
        services.plan(today=date(2026, 7, 2))
        june = services.mark_ready(_filing(6), user=world.a.entrepreneur, today=date(2026, 7, 2))
        rows = _rows(june)
        assert [r["periode"] for r in rows] == ["2026-06", "2026-03"]
        correction = rows[1]
        assert correction["correctie"] == "yes"
        assert Decimal(correction["bedrag"]) == march.total - Decimal("102.50")
        assert june.corrections == ["2026-03"] and june.changes[0]["fields"] == ["amount"]
        services.mark_delivered(june, user=world.a.entrepreneur, today=date(2026, 7, 2))
        services.plan(today=date(2026, 8, 2))
        july = services.mark_ready(_filing(7), user=world.a.entrepreneur, today=date(2026, 8, 2))
        assert [r["periode"] for r in _rows(july)] == ["2026-07"]  # corrected once, not again


def test_a_bsn_that_comes_in_late_is_delivered_for_the_earlier_months_too(billing):
    from billing.filings import services

    world = billing
    _year(world)
    with at(world.a):
        services.plan(today=date(2026, 3, 2))
        for month in (1, 2):
            filing = services.mark_ready(_filing(month), user=world.a.entrepreneur, today=date(2026, 3, 2))
            assert _rows(filing)[0]["bsn_ouder"] == ""
            services.mark_delivered(filing, user=world.a.entrepreneur, today=date(2026, 3, 2))
        services.set_parent_numbers(world.a.parent, bsn=OTHER_BSN, birth_date=date(1990, 4, 2))
        services.plan(today=date(2026, 4, 2))
        march = services.mark_ready(_filing(3), user=world.a.entrepreneur, today=date(2026, 4, 2))
        rows = _rows(march)
        assert [(r["periode"], r["bsn_ouder"], r["correctie"]) for r in rows] == [
            ("2026-03", OTHER_BSN, ""), ("2026-01", OTHER_BSN, "yes"), ("2026-02", OTHER_BSN, "yes")]
        assert rows[1]["geboortedatum_ouder"] == "1990-04-02"


def test_a_delivered_filing_is_never_changed(billing):
    from billing.filings import services

    world = billing
    _year(world)
    with at(world.a):
        services.plan(today=date(2026, 2, 2))
        filing = services.mark_ready(_filing(1), user=world.a.entrepreneur, today=date(2026, 2, 2))
        services.mark_delivered(filing, user=world.a.entrepreneur, today=date(2026, 2, 2))
        with pytest.raises(ValidationError):
            services.mark_ready(filing, user=world.a.entrepreneur, today=date(2026, 2, 3))
        services.plan(today=date(2026, 3, 3))
        with pytest.raises(ValidationError):
            services.mark_delivered(_filing(2), user=world.a.entrepreneur, today=date(2026, 3, 3))  # not ready
