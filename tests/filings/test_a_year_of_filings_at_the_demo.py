"""Acceptance (issue 20): a year of the demo's Dutch location gives twelve monthly files and the jaaropgaven;
changing an invoice of March later (a credit note in June) gives a correction in the next monthly file and a new
version of the jaaropgave. A year of the demo's Flemish location gives twelve attendance registrations and a
281.86 per child whose totals equal the billing seam's fiscal figures exactly. The XAF of a demo month follows
the standard (tests/filings/test_ledger_export.py)."""
import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django_tenants.utils import schema_context
from lxml import etree

from tests.filings.test_ledger_export import check_xaf

pytestmark = pytest.mark.xdist_group("demo")


def _location(slug):
    from cooperative.demo import seed_demo
    from cooperative.models import Location

    seed_demo()
    return Location.objects.get(slug=slug)


def _deliver(filing, owner, today):
    from billing.filings import services

    if filing.status == "todo":
        filing = services.mark_ready(filing, user=owner, today=today)
    if filing.status == "ready":
        filing = services.mark_delivered(filing, user=owner, today=today)
    return filing


def _owner(location):
    from accounts.models import Membership

    return Membership.objects.get(location=location, role="entrepreneur").user


def test_a_year_at_the_dutch_demo_location(world):
    from billing.filings import services
    from billing.filings.formats import ledger_xaf
    from billing.filings.models import Filing
    from billing.invoices import services as invoices
    from billing.invoices import statements
    from billing.invoices.models import AnnualStatement, Invoice
    from tenants.calendar.selectors import location_today

    location = _location("zonnebloem")
    today, owner = location_today(location), _owner(location)
    with schema_context(location.schema_name):
        monthly = list(Filing.objects.filter(kind="nl_childcare_data").order_by("period_start"))
        assert len(monthly) == 12
        for filing in monthly[:-1]:
            filing = _deliver(filing, owner, today)
            rows = list(csv.DictReader(io.StringIO(bytes(filing.content).decode()), delimiter=";"))
            assert rows and all(r["lrk_nummer"] for r in rows)
        # March of the year the last file covers, credited in June: a correction in the next file.
        last = monthly[-1]
        march = Invoice.objects.filter(period_start=date(last.period_start.year, 3, 1), kind="monthly",
                                       status="paid").first()
        if march is None or march.period_start >= last.period_start:
            march = Invoice.objects.filter(kind="monthly", status="paid",
                                           period_start__lt=last.period_start).order_by("period_start").first()
        year = march.period_start.year
        statements.make_statements(year, today=date(year + 1, 1, 2))
        before = AnnualStatement.objects.filter(year=year, child=march.child, parent_id=march.parent_id).count()
        invoices.create_credit_note(march, amount=Decimal("10.00"), reason="Een uur te veel gefactureerd",
                                    issue_date=date(year, 6, 15) if year == today.year else today)
        assert AnnualStatement.objects.filter(year=year, child=march.child,
                                              parent_id=march.parent_id).count() == before + 1
        next_file = services.mark_ready(Filing.objects.get(pk=last.pk), user=owner, today=today)
        assert f"{march.period_start:%Y-%m}" in next_file.corrections
        rows = list(csv.DictReader(io.StringIO(bytes(next_file.content).decode()), delimiter=";"))
        corrected = [r for r in rows if r["correctie"] == "yes" and r["periode"] == f"{march.period_start:%Y-%m}"
                     and r["naam_kind"] == march.child.full_name]
        assert corrected and Decimal(corrected[0]["bedrag"]) == march.total - Decimal("10.00")
        services.mark_delivered(next_file, user=owner, today=today)
        assert Filing.objects.filter(kind="nl_childcare_data", status="delivered").count() == 12
        # The jaaropgaven of the year that ended: every field the allowance needs.
        jaaropgaven = Filing.objects.filter(kind="nl_jaaropgave").order_by("-period_start").first()
        jaaropgaven = _deliver(jaaropgaven, owner, today)
        rows = list(csv.DictReader(io.StringIO(bytes(jaaropgaven.content).decode()), delimiter=";"))
        assert rows and all(r["lrk_nummer"] and r["naam_ouder"] and r["naam_kind"] for r in rows)
        # The XAF of a demo month.
        month = monthly[2]
        check_xaf(ledger_xaf.build(month.period_start, month.period_end, location).content)


def test_a_year_at_the_flemish_demo_location(world):
    from billing.filings.models import Filing
    from billing.invoices.models import AnnualStatement
    from tenants.calendar.selectors import location_today

    location = _location("pagadder")
    today, owner = location_today(location), _owner(location)
    with schema_context(location.schema_name):
        registrations = list(Filing.objects.filter(kind="vlg_attendance").order_by("period_start"))
        assert len(registrations) == 12
        for filing in registrations:
            filing = _deliver(filing, owner, today)
            rows = list(csv.DictReader(io.StringIO(bytes(filing.content).decode()), delimiter=";"))
            assert rows and all(r["kindcode"] for r in rows) and {r["code"] for r in rows} <= {"P", "G", "O"}
            assert filing.summary["occupancy"] != "—"
        certificates = Filing.objects.filter(kind="be_281_86").order_by("-period_start").first()
        assert certificates.due_date == date(certificates.period_end.year + 1, 3, 1) - timedelta(days=1)
        certificates = _deliver(certificates, owner, today)
        root = etree.fromstring(bytes(certificates.content))
        fiches = root.findall(".//Fiche28186")
        latest = {}
        for statement in AnnualStatement.objects.filter(kind="be_fiscal", year=certificates.period_end.year):
            key = (statement.child_id, statement.parent_id)
            if key not in latest or statement.version > latest[key].version:
                latest[key] = statement
        assert len(fiches) == len(latest) >= 1
        for fiche, row in zip(fiches, certificates.rows, strict=True):
            statement = latest[(row["child_id"], int(row["key"].split(":")[2]))]
            assert int(fiche.findtext("f86_2064_totalamount")) == int(statement.amount_paid * 100)
            days = sum(Decimal(r["days"]) for r in statement.day_rates)
            assert Decimal(fiche.findtext("f86_2110_numberofday1")) + Decimal(
                fiche.findtext("f86_2113_numberofday2") or "0") == days == statement.days
        assert int(root.findtext(".//r8012_controletotaal")) == sum(
            int(f.findtext("f86_2059_totaalcontrole")) for f in fiches)
    # The parent downloads her copy: the model form, filled from the same record as the filed fiche.
    from urllib.parse import urlparse

    from django.test import Client
    from pypdf import PdfReader

    from accounts.models import User
    from billing.filings import pdf

    row = certificates.rows[0]
    client = Client(HTTP_HOST=urlparse(location.url).hostname)
    client.force_login(User.objects.get(pk=int(row["key"].split(":")[2])))
    response = client.get(f"/billing/statements/{row['statement']}/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages)
    assert pdf.TITLE in text and "afschrift voor de schuldenaar" in text
    positions = [text.index(f"Vak {number} — {title}") for number, title in pdf.BOXES]
    assert positions == sorted(positions)  # boxes I to VI in the model's order
    for number, fields in pdf.FIELDS.items():  # each box's fields in the model's order
        box = text[text.index(f"Vak {number} "):]
        places = [box.index(f"{field}:") for field in fields]
        assert places == sorted(places), number
    assert f"{row['amount'].replace('.', ',')} ({row['days']} opvangdagen)" in text  # the filed amount and days
