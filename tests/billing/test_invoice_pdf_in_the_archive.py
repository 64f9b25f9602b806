"""The parent's archive (privacy download) holds the PDF of each of her invoices, also of one nobody opened yet:
the export renders and stores it as a first open would."""
import io
import zipfile
from datetime import date

from tests.billing.conftest import at, location_of, make_contract


def test_an_unopened_invoice_is_in_the_archive_as_a_pdf(billing, client_for):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    make_contract(billing)
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        invoice = Invoice.objects.get()
        assert invoice.pdf is None
    response = client_for(billing.a.parent).get("/privacy/download/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    [name] = [n for n in archive.namelist() if n.endswith(f"invoice-{invoice.display_number}.pdf")]
    data = archive.read(name)
    assert data.startswith(b"%PDF")
    with at(billing.a):
        assert bytes(Invoice.objects.get(pk=invoice.pk).pdf) == data
