"""The demo cooperative: six locations of every kind, every role, a parent at two locations."""
from django_tenants.utils import schema_context

from accounts.models import CooperativeRole, Membership
from cooperative.demo import seed_demo
from cooperative.models import Location


def test_demo_has_every_kind_and_role(world):
    logins = seed_demo()
    demo = Location.objects.filter(slug__in=["zonnebloem", "boomhut", "kikker", "speelwerk", "regenboog",
                                             "pagadder"])
    assert demo.count() == 6
    assert {loc.kind for loc in demo} == {"gastouder", "kdv", "bso", "kindercentrum"}
    assert demo.filter(jurisdiction="BE-VLG").count() == 1
    assert demo.filter(kind="gastouder").count() == 2
    for location in demo:
        assert Membership.objects.filter(location=location, role="entrepreneur").exists()
    roles = set(CooperativeRole.objects.filter(user__email__endswith="@demo.opvangkring.nl")
                .values_list("role", flat=True))
    assert roles == {"coop_admin", "adviser", "pedagogue"}
    assert CooperativeRole.objects.filter(role="adviser", is_lead=True, user__email__endswith="demo.opvangkring.nl")
    assert {role for role, _email, _where in logins} >= {"entrepreneur", "staff", "parent", "coop_admin",
                                                          "pedagogue", "adviser", "lead adviser"}


def test_demo_parent_has_children_at_two_locations(world):
    seed_demo()
    memberships = Membership.objects.filter(user__email="ouder.jansen@demo.opvangkring.nl", role="parent")
    assert memberships.count() == 2


def test_demo_childminder_counts_her_own_child(world):
    seed_demo()
    location = Location.objects.get(slug="zonnebloem")
    owner = Membership.objects.get(location=location, role="entrepreneur").user
    with schema_context(location.schema_name):
        from tenants.children.models import Child

        assert Child.objects.filter(guardians=owner).exists()


def test_demo_has_a_year_of_money_at_a_dutch_and_a_flemish_location(world):
    """Issue 15, point 15: tariff years, a year of invoices (each PDF rendered when first opened), credit notes,
    payments by mandate and by transfer, one invoice overdue with its reminders, at the childminder De Zonnebloem
    (NL) and 't Pagadderke (BE-VLG)."""
    seed_demo()
    for slug, steps in (("zonnebloem", {"nl_reminder", "nl_letter"}), ("pagadder", {"be_notice"})):
        with schema_context(Location.objects.get(slug=slug).schema_name):
            from billing.invoices.models import CreditNote, Invoice, Reminder
            from billing.payments.models import Payment
            from billing.tariffs.models import TariffYear

            assert TariffYear.objects.count() == 2
            invoices = Invoice.objects.all()
            assert len({i.period_start for i in invoices}) >= 12
            # An invoice's PDF is rendered when it is first opened (billing.invoices.services.invoice_pdf).
            from billing.invoices.services import invoice_pdf

            assert invoice_pdf(invoices.exclude(status="draft").first()).startswith(b"%PDF")
            assert CreditNote.objects.exclude(pdf=None).exists() and not CreditNote.objects.filter(pdf=None).exists()
            assert invoices.filter(status="paid").count() >= 10
            [overdue] = invoices.filter(status="overdue")
            assert steps <= set(Reminder.objects.filter(invoice=overdue).values_list("step", flat=True))
            methods = set(Payment.objects.filter(status="succeeded").values_list("method", flat=True))
            assert methods == ({"direct_debit", "bank_transfer"} if slug == "zonnebloem" else {"bank_transfer"})


def test_demo_has_care_requests_on_the_waiting_lists(world):
    """Issue 17: a parent with one request to three locations, Kikker's list with its priority rules, an offer
    waiting for its answer, a Flemish request."""
    from intake import selectors
    from intake.models import CareRequest, ListEntry

    seed_demo()
    sophie = CareRequest.objects.get(email="ouder.aanvraag@demo.opvangkring.nl")
    assert sophie.entries.count() == 3 and sophie.status == "open"
    kikker = Location.objects.get(slug="kikker")
    rows = selectors.waiting_list(kikker)
    assert len(rows) >= 6 and rows[0].reasons[0] == "special_care"
    assert ListEntry.objects.filter(location=kikker, status="offered").exists()
    assert ListEntry.objects.filter(location__slug="pagadder").exists()


def test_demo_has_an_accident_at_kikker_and_one_child_without_photo_consent(world):
    from tenants.accidents.models import Accident
    from tenants.children.models import Child
    from tenants.consents import selectors as consents

    seed_demo()
    with schema_context("kikker"):
        accident = Accident.objects.get()
        assert accident.child.first_name == "Mila" and accident.signed_at is not None
    with schema_context("zonnebloem"):
        allowed = consents.allowed_by_child(Child.objects.values_list("pk", flat=True))
        by_name = {Child.objects.get(pk=pk).first_name: kinds for pk, kinds in allowed.items()}
        assert by_name["Bo"]["handover_photos"] is False and by_name["Saar"]["handover_photos"] is True
