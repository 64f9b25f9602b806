"""Opening an invoice's PDF for the first time is refused to everyone but its paying parent and the location's
entrepreneur — another location's parent, staff or entrepreneur, staff of the same location, the adviser and
the cooperative admin — and a refused open renders and stores nothing (the fixture and users of
test_invoice_access)."""
import pytest

from tests.billing.conftest import at
from tests.billing.test_invoice_access import invoice  # noqa: F401 (fixture)


@pytest.mark.parametrize("who", ["other_entrepreneur", "other_parent", "other_staff", "staff", "coop_admin",
                                 "adviser", "two_location_parent"])
def test_refused_first_open_stores_nothing(billing, invoice, client_for, who):  # noqa: F811
    from billing.invoices.models import Invoice

    world = billing
    users = {"other_entrepreneur": world.b.entrepreneur, "other_parent": world.b.parent,
             "other_staff": world.b.staff, "staff": world.a.staff, "coop_admin": world.coop_admin,
             "adviser": world.adviser, "two_location_parent": world.two_location_parent}
    client = client_for(users[who], world.a)
    for path in (f"/billing/invoices/{invoice.pk}/pdf/", f"/api/v1/billing/invoices/{invoice.pk}/pdf/"):
        assert client.get(path).status_code in (403, 404), (who, path)
    with at(world.a):
        assert Invoice.objects.get(pk=invoice.pk).pdf is None


def test_the_paying_parent_and_the_entrepreneur_open_the_same_pdf(billing, invoice, client_for):  # noqa: F811
    first = client_for(billing.a.parent, billing.a).get(f"/billing/invoices/{invoice.pk}/pdf/")
    owner = client_for(billing.a.entrepreneur, billing.a).get(f"/billing/invoices/{invoice.pk}/pdf/")
    assert first.status_code == owner.status_code == 200
    assert first.content.startswith(b"%PDF") and first.content == owner.content
