"""A childminder's own child counts in her group (issue 16, point 3; DESIGN.md "Locations (001)") but is never
invoiced: the monthly run leaves the contract out, and a placed child in the same group is invoiced as usual."""
from datetime import date

from tests.billing.conftest import MON_THU, location_of, make_contract
from tests.tenants.calendar.conftest import at


def _signed_by_the_entrepreneur(world, site, child_id):
    from tenants.children.models import Child
    from tenants.contracts import services
    from tenants.groups.models import Group

    with at(site):
        contract = services.create_contract(
            child=Child.objects.get(pk=child_id), care_type=site.location.kind,
            group=Group.objects.get(pk=world.groups[site.location.slug]), start_date=date(2026, 1, 1),
            end_date=None, schedule_type="weekly", schedule=MON_THU, estimated_hours_per_quarter=None,
            user=site.entrepreneur)
        services.sign_version(contract.current_version, user=site.entrepreneur,
                              typed_name=site.entrepreneur.full_name, ip="192.0.2.1")
    return contract


def _own_child(world):
    from tenants.children.models import Child
    from tenants.children.services import create_child

    with at(world.b):
        child = Child.objects.filter(first_name="Joep").first() or create_child(
            first_name="Joep", last_name="Owner", birth_date=date(2023, 2, 1), guardians=[world.b.entrepreneur])
    return child.pk


def test_the_childminders_own_child_gets_no_invoice(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    own = _signed_by_the_entrepreneur(billing, billing.b, _own_child(billing))
    placed = make_contract(billing, billing.b, start="2026-01-01")
    with at(billing.b):
        result = services.run_month(location_of(billing.b), 2026, 3, today=date(2026, 3, 1))
        invoiced = set(Invoice.objects.filter(period_start=date(2026, 3, 1)).values_list("contract_id", flat=True))
    assert placed.pk in invoiced
    assert own.pk not in invoiced
    assert not result.problems


def test_a_child_of_a_day_care_entrepreneur_is_invoiced(billing):
    """Only a childminder's own children are left out: at a day-care centre the entrepreneur's child pays."""
    from billing.invoices import services
    from billing.invoices.models import Invoice
    from tenants.children.models import Child
    from tenants.children.services import create_child

    with at(billing.a):
        child = Child.objects.filter(first_name="Pien").first() or create_child(
            first_name="Pien", last_name="Owner", birth_date=date(2023, 2, 1), guardians=[billing.a.entrepreneur])
    contract = _signed_by_the_entrepreneur(billing, billing.a, child.pk)
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 4, today=date(2026, 4, 1))
        assert Invoice.objects.filter(contract=contract, period_start=date(2026, 4, 1)).exists()
