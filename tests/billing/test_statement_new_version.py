"""A statement once issued is never changed: when a payment or a credit note changes its figures later, a
new version is issued at once (numbered, with the reason), the old versions are kept, and the parent sees
the latest and the history, on the page and through the API (issue 15, point 10)."""
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.billing.conftest import at, closing_weeks, location_of, make_contract

URL = "/api/v1/billing/statements/"


@pytest.fixture
def issued(billing):
    """January and February 2026 invoiced at A, January paid; the 2026 jaaropgave issued in January 2027."""
    from billing.invoices import services, statements
    from billing.invoices.models import Invoice

    closing_weeks(billing.a)
    make_contract(billing)
    with at(billing.a):
        for month in (1, 2):
            services.run_month(location_of(billing.a), 2026, month, today=date(2026, month, 1))
        services.mark_paid(Invoice.objects.get(period_start=date(2026, 1, 1)), paid_at=timezone.now(), reference="x")
        assert statements.make_statements(2026, today=date(2027, 1, 2)) == 1
    return billing


def versions(site):
    from billing.invoices.models import AnnualStatement

    with at(site):
        return list(AnnualStatement.objects.order_by("version").values_list("version", "amount_paid",
                                                                            "amount_invoiced", "change_reason"))


def test_a_payment_then_a_credit_note_issue_new_versions(issued, mailoutbox):
    from billing.invoices import services
    from billing.invoices.models import Invoice
    from tests.outbox.helpers import deliver_outbox

    with at(issued.a):
        february = Invoice.objects.get(period_start=date(2026, 2, 1))
        services.mark_paid(february, paid_at=timezone.now(), reference="y")
        services.mark_paid(february, paid_at=timezone.now(), reference="y")  # a webhook twice: no third version
        deliver_outbox()
    assert [(v, paid) for v, paid, _i, _r in versions(issued.a)] == [
        (1, Decimal("869.97")), (2, Decimal("1739.94"))]
    assert versions(issued.a)[1][3] == f"Factuur {february.display_number} is betaald."
    assert "A new version of your annual statement 2026" in mailoutbox[-1].subject
    with at(issued.a):
        services.create_credit_note(february, amount="100.00", reason="Dubbel gefactureerd")
    assert [(v, paid, invoiced) for v, paid, invoiced, _r in versions(issued.a)] == [
        (1, Decimal("869.97"), Decimal("1739.94")), (2, Decimal("1739.94"), Decimal("1739.94")),
        (3, Decimal("1639.94"), Decimal("1639.94"))]


def test_nothing_changed_no_new_version(issued):
    from billing.invoices import statements

    with at(issued.a):
        assert statements.make_statements(2026, today=date(2027, 1, 3)) == 0
    assert len(versions(issued.a)) == 1


def test_a_change_before_any_statement_makes_none(billing):
    from billing.invoices import services
    from billing.invoices.models import AnnualStatement, Invoice

    make_contract(billing)
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        services.mark_paid(Invoice.objects.get(), paid_at=timezone.now(), reference="x")
        assert not AnnualStatement.objects.exists()


def test_the_parent_sees_the_latest_and_the_history(issued, api, client_for):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    with at(issued.a):
        services.mark_paid(Invoice.objects.get(period_start=date(2026, 2, 1)), paid_at=timezone.now(), reference="y")
    listed = api(issued.a.parent, issued.a).get(URL).json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [(r["version"], r["latest"]) for r in rows] == [(2, True), (1, False)]
    assert all(api(issued.a.parent, issued.a).get(f"{URL}{r['id']}/pdf/").content.startswith(b"%PDF") for r in rows)
    page = client_for(issued.a.parent, issued.a).get("/billing/invoices/").content.decode()
    assert "version 2" in page and "Replaced: annual statement (jaaropgave) 2026, version 1" in page
    assert api(issued.b.parent, issued.a).get(URL).status_code in (403, 404) or not api(
        issued.b.parent, issued.a).get(URL).json()
