"""Payments on a location's host: pages and API."""
from django.urls import path

from billing.payments import api, views

urlpatterns = [
    path("payments/", views.PaymentsView.as_view(), name="payments"),
    path("payments/stripe/onboard/", views.OnboardView.as_view(), name="payments-onboard"),
    path("payments/stripe/return/", views.StripeReturnView.as_view(), name="payments-stripe-return"),
    path("payments/stripe/refresh/", views.StripeRefreshView.as_view(), name="payments-stripe-refresh"),
    path("payments/settings/", views.CollectionSettingsView.as_view(), name="payments-settings"),
    path("payments/sepa-files/", views.SepaFileCreateView.as_view(), name="payments-sepa-files"),
    path("payments/sepa-files/<int:pk>/", views.SepaFileDownloadView.as_view(), name="payments-sepa-file"),
    path("payments/mandate/", views.MandateView.as_view(), name="payments-mandate"),
    path("payments/invoices/<int:pk>/ideal/", views.IdealPayView.as_view(), name="payments-ideal"),
    path("payments/invoices/<int:pk>/ideal/return/", views.IdealReturnView.as_view(), name="payments-ideal-return"),
    path("api/v1/payments/account/", api.AccountView.as_view(), name="payments-account-api"),
    path("api/v1/payments/account/onboarding-link/", api.OnboardingLinkView.as_view(),
         name="payments-onboarding-api"),
    path("api/v1/payments/collection-settings/", api.CollectionSettingsView.as_view(),
         name="payments-collection-settings-api"),
    path("api/v1/payments/mandates/", api.MandateListView.as_view(), name="payments-mandates-api"),
    path("api/v1/payments/invoices/<int:pk>/ideal/", api.IdealPaymentView.as_view(), name="payments-ideal-api"),
    path("api/v1/payments/sepa-files/", api.SepaFileListView.as_view(), name="payments-sepa-files-api"),
    path("api/v1/payments/sepa-files/<int:pk>/", api.SepaFileDownloadView.as_view(), name="payments-sepa-file-api"),
]
