"""NL childminder: the entrepreneur registers hours per day and sees whether the parent approved them."""
from datetime import timedelta

from django.utils import timezone

from tests.billing.conftest import at, make_contract


def test_register_and_see_the_approval_status(billing, client_for):
    from billing.tariffs import services
    from billing.tariffs.models import RegisteredHours

    contract = make_contract(billing)
    owner = client_for(billing.a.entrepreneur, billing.a)
    assert "No hours registered yet." in owner.get("/billing/tariffs/hours/").content.decode()
    for day in ("2026-01-05", "2026-01-08", "2026-01-12"):
        response = owner.post("/billing/tariffs/hours/", {"contract": contract.pk, "date": day, "hours": "9.5"})
        assert response.status_code == 302
    with at(billing.a):
        first, second, third = RegisteredHours.objects.order_by("date")
        services.approve_hours([first], user=billing.a.parent)
        RegisteredHours.objects.filter(pk=second.pk).update(
            registered_at=timezone.now() - timedelta(days=8))
        services.auto_approve_hours()
    page = owner.get("/billing/tariffs/hours/").content.decode()
    assert "approved by the parent on" in page
    assert "approved automatically on" in page
    assert "waiting for the parent" in page


def test_bad_hours_are_a_field_error(billing, client_for):
    from billing.tariffs.models import RegisteredHours

    contract = make_contract(billing, start="2026-01-01", end="2026-06-30")
    owner = client_for(billing.a.entrepreneur, billing.a)
    for data, field, message in [
        ({"date": "2026-01-05", "hours": "25"}, "hours", "Between 0 and 24 hours."),
        ({"date": "2026-01-05", "hours": "-2"}, "hours", "The amount cannot be negative."),
        ({"date": "2026-07-01", "hours": "8"}, "date", "The day is outside the contract."),
    ]:
        response = owner.post("/billing/tariffs/hours/", {"contract": contract.pk, **data})
        assert response.status_code == 400
        assert response.context["form"].errors[field] == [message], data
    with at(billing.a):
        assert not RegisteredHours.objects.exists()
