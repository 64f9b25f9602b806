"""The entrepreneur changes the tariff settings: payment term, justified absence days (at least 18) and
the Flemish fees; bad input is a field error and stores nothing."""
from decimal import Decimal

from tests.billing.conftest import at

VALID = {"nl_payment_days": "21", "justified_absence_days": "30", "diaper_full_day": "1.85",
         "diaper_half_day": "1.10", "admin_fee": "4.45", "late_pickup_fine": "15.00"}


def stored(site):
    from billing.tariffs.models import TariffSettings

    with at(site):
        row = TariffSettings.load()
        return row.pk if row._state.adding is False else None, row.justified_absence_days, row.admin_fee


def test_save_the_settings(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    page = owner.get("/billing/tariffs/settings/")
    assert page.status_code == 200 and page.context["form"]["justified_absence_days"].initial == 30
    assert owner.post("/billing/tariffs/settings/", {**VALID, "justified_absence_days": "18"}).status_code == 302
    assert stored(billing.a) == (1, 18, Decimal("4.45"))
    assert "The tariff settings are saved." in owner.get("/billing/tariffs/").content.decode()


def test_bad_settings_are_field_errors(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    for change, field, message in [
        ({"justified_absence_days": "17"}, "justified_absence_days",
         "At least 18 justified absence days a year (the legal minimum in Flanders)."),
        ({"admin_fee": "-1"}, "admin_fee", "The amount cannot be negative."),
        ({"diaper_full_day": "x"}, "diaper_full_day", "Enter an amount in euros."),
        ({"nl_payment_days": "0"}, "nl_payment_days", "Between 1 and 90 days."),
    ]:
        response = owner.post("/billing/tariffs/settings/", {**VALID, **change})
        assert response.status_code == 400
        assert response.context["form"].errors[field] == [message], change
    assert stored(billing.a) == (None, 30, Decimal("4.37"))
