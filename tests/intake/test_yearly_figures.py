"""The cooperative (the local childcare desk, seed 002) sees the open requests across its locations and the
yearly demand figures per municipality, age group, kind of care and month of the wanted start: counts only, no
name or address, and no cell below 5 families; as a page with charts, a CSV and a PDF."""
import io

from django.utils import timezone
from pypdf import PdfReader

from intake import selectors
from tests.intake.conftest import file

YEAR = timezone.localdate().year


def seven_in_amsterdam_two_in_gent(world):
    for index in range(7):
        file(world.a, email=f"ams{index}@example.test", parent_name=f"Ouder Geheimnaam{index}",
             postal_code="1012 AB", city="Amsterdam", child_first_name=f"Kanariekind{index}")
    for index in range(2):
        file(world.a, email=f"gent{index}@example.test", parent_name="Ouder Zeldzaam", postal_code="9000",
             city="Gent", child_first_name="Kanariegent")


def test_no_cell_below_five_families(world):
    seven_in_amsterdam_two_in_gent(world)
    table = {row["key"]: row for row in selectors.figures(YEAR)["municipality"]}
    assert table["Amsterdam"]["requests"] == 7 and table["Amsterdam"]["waiting"] == 7
    assert table["Amsterdam"]["placed"] == 0  # nobody: zero is no family
    assert table["Gent"]["requests"] is None  # two families: hidden


def test_the_page_csv_and_pdf_hold_no_name_or_address(world, client_for):
    seven_in_amsterdam_two_in_gent(world)
    client = client_for(world.coop_admin)
    page = client.get(f"/intake/figures/?year={YEAR}")
    csv = client.get(f"/intake/figures.csv?year={YEAR}")
    pdf = client.get(f"/intake/figures.pdf?year={YEAR}")
    assert page.status_code == csv.status_code == pdf.status_code == 200
    text = "".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text() for _ in [0])
    for body in (page.content.decode(), csv.content.decode(), text):
        assert "Amsterdam" in body
        for secret in ("Kanarie", "Geheimnaam", "Zeldzaam", "1012", "example.test"):
            assert secret not in body
    assert "<svg" in page.content.decode()  # the charts
    assert "Amsterdam;7;0;0;7;0" in csv.content.decode()


def test_the_cooperative_sees_open_requests_across_locations(world, client_for):
    file(world.a, world.b, care_kind="kdv", child_first_name="Kanariekind")
    page = client_for(world.coop_admin).get("/intake/").content.decode()
    assert "Test alpha, Test beta" in page and "Kanariekind" not in page


def test_only_the_cooperative_sees_them(world, client_for):
    for user in (world.a.entrepreneur, world.a.parent, world.pedagogue):
        client = client_for(user)
        assert client.get("/intake/").status_code == 403
        assert client.get("/intake/figures.csv").status_code == 403
