"""Reads of tariffs for the entrepreneur's pages (the location's schema holds only its own rows)."""
from billing.tariffs.models import Extra, IncomeCertificate, RegisteredHours, SettlingInSession, TariffYear
from tenants.contracts.models import Contract


def tariff_years():
    return TariffYear.objects.prefetch_related("rates")


def signed_contracts():
    """Signed contracts with their child and tariff (if one was set), newest first per child."""
    return (Contract.objects.filter(status=Contract.Status.ACTIVE)
            .select_related("child", "tariff__paying_parent").order_by("child__first_name", "-start_date"))


def income_certificates():
    return IncomeCertificate.objects.select_related("child").order_by("child__first_name", "-valid_from")


def settling_in_sessions():
    return SettlingInSession.objects.select_related("child").order_by("-date", "child__first_name")


def extras():
    return Extra.objects.select_related("contract__child").order_by("-on_date", "pk")


def registered_hours():
    return RegisteredHours.objects.select_related("contract__child", "approved_by").order_by("-date", "pk")
