"""A parent reads what a contract costs before signing: the contract's page, the e-mail asking her to sign
(through the outbox) and the PDF show the same hours and price a month (and for a Flemish income tariff the
price a day), the start, the end of the trial period and the notice rule, in Dutch: € 1.021,58; 4 januari 2027.
The figures come from billing's own rules (billing.tariffs.rules.nl_average_explained for the NL monthly
average, seed 001 2.1; rules.be_day_price for the Flemish income tariff, seed 003 4.2.1), never a second sum."""
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import translation
from pypdf import PdfReader

from accounts.models import User
from tests.outbox.helpers import deliver_outbox
from tests.tenants.contracts.conftest import at, make_contract

START = "2027-01-04"  # a Monday; the figures are those of 2027, the year the contract takes effect
TODAY = date(2026, 12, 4)


def rates(site, year=2027):
    from billing.tariffs import services as tariffs

    with at(site):
        tariffs.set_tariff_year(year=year, rates=[{"care_type": site.location.kind, "hourly_rate": Decimal("10.25")}])


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def the_three(world, client_for, contract):
    """The page, the e-mail and the PDF, each as flat text."""
    page = client_for(world.a.parent, world.a).get(f"/contracts/{contract.pk}/")
    assert page.status_code == 200
    deliver_outbox()
    mails = [m for m in mail.outbox if m.to == [world.a.parent.email]]
    assert len(mails) == 1, [m.subject for m in mail.outbox]
    pdf = client_for(world.a.parent, world.a).get(f"/api/v1/contracts/{contract.pk}/pdf/")
    assert pdf.status_code == 200
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    return flat(page.content.decode()), flat(mails[0].subject + " " + mails[0].body), flat(text)


@pytest.fixture
def dutch_parent(world):
    User.objects.filter(pk=world.a.parent.pk).update(language="nl")


@pytest.fixture(autouse=True)
def today(monkeypatch):
    from tenants.calendar import selectors

    monkeypatch.setattr(selectors, "location_today", lambda location=None: TODAY)


def test_a_dutch_contract_shows_the_same_figures_on_the_page_in_the_email_and_in_the_pdf(
        setup, client_for, dutch_parent):
    """Monday 8–17, Wednesday 8–17, Thursday 8–13: 23 hours a week. 2027 has 52 of each of these weekdays,
    the location closes no weeks: 1196 hours a year ÷ 12 = 99,667 hours a month × € 10,25 = € 1.021,58."""
    world = setup
    rates(world.a)
    with translation.override("nl"):  # the PDF is made in the language of the one who makes the contract
        contract = make_contract(world, signed=False, start_date=START, end_date=None)
    for text in the_three(world, client_for, contract):
        for part in ("4 januari 2027", "15 februari 2027", "€ 10,25", "99,667", "€ 1.021,58", "1 maand"):
            assert part in text, (part, text[:3000])
    with at(world.a):
        from billing.care_month.selectors import contract_cost

        cost = contract_cost(contract.current_version, world.a.location, today=TODAY)
    assert (cost.amount_a_month, cost.average.yearly_hours) == (Decimal("1021.58"), Decimal("1196"))


def test_a_flemish_contract_shows_the_day_prices_everywhere(setup, flemish_a, client_for, dutch_parent):
    """An income tariff of € 25,01: € 25,01 a full day, 60 % € 15,01 a short day, 160 % € 40,02 a long day
    (rounded per day); three months' notice for the parent."""
    from billing.tariffs.models import IncomeCertificate
    from cooperative.models import Location

    world = setup
    world.a.location = Location.objects.get(pk=world.a.location.pk)
    with at(world.a):
        IncomeCertificate.objects.create(child_id=world.a.child_id, day_price=Decimal("25.01"),
                                         valid_from=date(2027, 1, 1), valid_until=date(2027, 12, 31))
    schedule = [[{"weekday": 0, "start": "08:00", "end": "17:00"}, {"weekday": 2, "start": "08:00", "end": "17:00"},
                 {"weekday": 3, "start": "08:00", "end": "12:00"}]]
    with translation.override("nl"):
        contract = make_contract(world, signed=False, start_date=START, end_date=None, schedule=schedule)
    with at(world.a):
        from billing.care_month.selectors import contract_cost
        from tenants.contracts import terms

        cost = contract_cost(contract.current_version, world.a.location, today=TODAY)
    assert cost.day_prices is not None and cost.day_prices.short_days > 0
    with translation.override("nl"):
        monthly = flat(terms.euro(cost.amount_a_month))
    for text in the_three(world, client_for, contract):
        for part in ("4 januari 2027", "€ 25,01", "€ 15,01", "€ 40,02", monthly, "3 maanden"):
            assert part in text, (part, text[:3000])


def test_without_a_rate_the_contract_says_so_instead_of_a_price(setup, client_for, dutch_parent):
    world = setup
    with translation.override("nl"):
        contract = make_contract(world, signed=False, start_date=START, end_date=None)
    page, email, pdf = the_three(world, client_for, contract)
    for text in (page, email, pdf):
        assert "2027" in text and "€ 1.021,58" not in text
