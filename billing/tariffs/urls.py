from django.urls import include, path
from rest_framework.routers import SimpleRouter

from billing.tariffs import api, views

router = SimpleRouter()
router.register("tariff-years", api.TariffYearViewSet, basename="tariff-year")
router.register("income-certificates", api.CertificateViewSet, basename="income-certificate")
router.register("extras", api.ExtraViewSet, basename="tariff-extra")
router.register("registered-hours", api.HoursViewSet, basename="registered-hours")

urlpatterns = [
    path("billing/tariffs/", views.OverviewView.as_view(), name="tariffs"),
    path("billing/tariffs/years/new/", views.TariffYearView.as_view(), name="tariff-year-new"),
    path("billing/tariffs/years/<int:year>/", views.TariffYearView.as_view(), name="tariff-year"),
    path("billing/tariffs/contracts/", views.ContractTariffListView.as_view(), name="tariff-contracts"),
    path("billing/tariffs/contracts/<int:pk>/", views.ContractTariffView.as_view(), name="tariff-contract"),
    path("billing/tariffs/income-certificates/", views.CertificateListView.as_view(), name="tariff-certificates"),
    path("billing/tariffs/settling-in/", views.SettlingInListView.as_view(), name="tariff-settling-in"),
    path("billing/tariffs/settling-in/<int:pk>/delete/", views.SettlingInDeleteView.as_view(),
         name="tariff-settling-in-delete"),
    path("billing/tariffs/extras/", views.ExtraListView.as_view(), name="tariff-extras"),
    path("billing/tariffs/extras/<int:pk>/delete/", views.ExtraDeleteView.as_view(), name="tariff-extra-delete"),
    path("billing/tariffs/hours/", views.HoursListView.as_view(), name="tariff-hours"),
    path("billing/hours/", views.ParentHoursView.as_view(), name="hours-approval"),
    path("billing/tariffs/settings/", views.SettingsView.as_view(), name="tariff-settings"),
    path("api/v1/billing/contract-tariffs/", api.ContractTariffView.as_view(), name="contract-tariff-api"),
    path("api/v1/billing/tariff-settings/", api.SettingsView.as_view(), name="tariff-settings-api"),
    path("api/v1/billing/", include(router.urls)),
]
