"""The window sign (seed 002): a PDF with the location's name, kind of care, free places from a month and a QR
code to its request form carrying a campaign tag; the test reads the code back from the PDF's image and follows
it to the form, and a request through it is counted in the figures."""
import io
from urllib.parse import urlsplit

import zxingcpp
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from intake import selectors
from intake.models import CareRequest
from tests.intake.conftest import anonymous, confirmation_link, form_data


def qr_text(pdf: bytes) -> str:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    (image,) = page.images
    (code,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)))
    return code.text


def test_the_sign_renders_and_its_qr_code_opens_the_form(world, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    response = client.get("/waiting-list/window-sign/?from=2026-09&size=a3")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    text = page.extract_text()
    assert world.a.location.name in text and "2026" in text
    url = qr_text(response.content)
    parts = urlsplit(url)
    assert parts.hostname == world.a.location.host and parts.query == "campaign=window-sign"
    visitor = anonymous(world.a.host)
    form = visitor.get(f"{parts.path}?{parts.query}")
    assert form.status_code == 200 and form.context["form"]["campaign"].value() == "window-sign"
    visitor.post(f"{parts.path}?{parts.query}", form_data(world.a.location, campaign="window-sign"))
    anonymous("localhost").post(confirmation_link(), {"full_name": "Eva", "password": "een-lang-wachtwoord"})
    assert CareRequest.objects.get().campaign == "window-sign"
    campaign = selectors.figures(timezone.localdate().year)["campaign"]
    assert campaign == [{"key": "window-sign", "requests": None}]  # one family: below 5, shown as "<5"


def test_only_the_entrepreneur_prints_it(world, client_for):
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        assert client_for(user, world.a).get("/waiting-list/window-sign/").status_code == 403
