from django.urls import include, path
from rest_framework.routers import SimpleRouter

from billing.tariffs import api

router = SimpleRouter()
router.register("tariff-years", api.TariffYearViewSet, basename="tariff-year")
router.register("income-certificates", api.CertificateViewSet, basename="income-certificate")
router.register("extras", api.ExtraViewSet, basename="tariff-extra")
router.register("registered-hours", api.HoursViewSet, basename="registered-hours")

urlpatterns = [
    path("api/v1/billing/contract-tariffs/", api.ContractTariffView.as_view(), name="contract-tariff-api"),
    path("api/v1/billing/tariff-settings/", api.SettingsView.as_view(), name="tariff-settings-api"),
    path("api/v1/billing/", include(router.urls)),
]
