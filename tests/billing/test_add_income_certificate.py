"""BE-VLG: the entrepreneur records a family's income certificate (day price, period, child code)."""
from decimal import Decimal

from tests.billing.conftest import at


def certificates(site):
    from billing.tariffs.models import IncomeCertificate

    with at(site):
        return list(IncomeCertificate.objects.values_list("day_price", "valid_from", "valid_until"))


def test_add_a_certificate(billing, flemish_a, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    page = owner.get("/billing/tariffs/income-certificates/")
    assert page.status_code == 200 and "No income certificates yet" in page.content.decode()
    response = owner.post("/billing/tariffs/income-certificates/", {
        "child": billing.a.child_id, "day_price": "24.51", "valid_from": "2026-01-01", "valid_until": "2026-12-31",
        "kind_code": "KC-123"})
    assert response.status_code == 302
    page = owner.get("/billing/tariffs/income-certificates/").content.decode()
    assert "The income certificate is saved." in page and "24.51" in page and "KC-123" in page
    assert len(certificates(billing.a)) == 1


def test_bad_input_is_a_field_error(billing, flemish_a, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    base = {"child": billing.a.child_id, "day_price": "24.51", "valid_from": "2026-01-01", "valid_until": "2026-12-31"}
    owner.post("/billing/tariffs/income-certificates/", base)
    cases = [
        ({"day_price": "-3"}, "day_price", "The amount cannot be negative."),
        ({"valid_until": "2025-12-31"}, "valid_until", "The certificate cannot end before it starts."),
        ({"valid_from": "2026-06-01"}, "valid_from", "Another certificate of this child is valid in this period."),
        ({"child": "999999"}, "child", None),
    ]
    for change, field, message in cases:
        response = owner.post("/billing/tariffs/income-certificates/", {**base, **change})
        assert response.status_code == 400, change
        errors = response.context["form"].errors[field]
        assert message is None or errors == [message], errors
    assert certificates(billing.a) == [(Decimal("24.51"), *certificates(billing.a)[0][1:])]
