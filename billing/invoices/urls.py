from django.urls import include, path
from rest_framework.routers import SimpleRouter

from billing.invoices import api, views

router = SimpleRouter()
router.register("invoices", api.InvoiceViewSet, basename="billing-invoice")
router.register("credit-notes", api.CreditNoteViewSet, basename="billing-credit-note")
router.register("statements", api.StatementViewSet, basename="billing-statement")

urlpatterns = [
    path("billing/invoices/", views.InvoiceListView.as_view(), name="billing-invoices"),
    path("billing/invoices/one-off/", views.OneOffInvoiceView.as_view(), name="billing-one-off-invoice"),
    path("billing/invoices/run/", views.MonthRunView.as_view(), name="billing-run"),
    path("billing/invoices/export.csv", views.ExportView.as_view(), name="billing-invoices-export"),
    path("billing/invoices/<int:pk>/", views.InvoiceDetailView.as_view(), name="billing-invoice-page"),
    path("billing/invoices/<int:pk>/pdf/", views.InvoicePdfView.as_view(), name="billing-invoice-pdf"),
    path("billing/invoices/<int:pk>/send/", views.InvoiceSendView.as_view(), name="billing-invoice-send"),
    path("billing/invoices/<int:pk>/send-mail-again/", views.InvoiceMailAgainView.as_view(),
         name="billing-invoice-mail-again"),
    path("billing/invoices/<int:pk>/discard/", views.DraftDiscardView.as_view(), name="billing-invoice-discard"),
    path("billing/invoices/<int:pk>/credit/", views.CreditNoteCreateView.as_view(), name="billing-invoice-credit"),
    path("billing/statements/<int:pk>/", views.StatementPdfView.as_view(), name="billing-statement-pdf"),
    path("api/v1/billing/dunning-settings/", api.DunningSettingsView.as_view(), name="billing-dunning-settings"),
    path("api/v1/billing/dunning-runs/", api.DunningRunView.as_view(), name="billing-dunning-run"),
    path("api/v1/billing/", include(router.urls)),
]
