"""The cooperative admin's home page shows a job's failed location in Dutch, readable at 1280 px (and on a
phone), without accessibility problems. The failed run is written straight into the server's database (a
real run would invoice the demo's other locations, which other browser tests read)."""
import pytest

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.conftest import server_database

ADMIN = "beheer@demo.opvangkring.nl"


@pytest.fixture
def failed_run(server):
    """A monthly invoicing run that failed at the demo's 'boomhut' location; removed afterwards."""
    with server_database() as conn:
        name = conn.execute("SELECT name FROM cooperative_location WHERE slug = 'boomhut'").fetchone()[0]
        run = conn.execute(
            "INSERT INTO cooperative_jobrun (job, only_failed, started_at, finished_at, done, failed) "
            "VALUES ('monthly-invoicing', false, now(), now(), 2, 1) RETURNING id").fetchone()[0]
        conn.execute(
            "INSERT INTO cooperative_jobfailure (run_id, job, location_id, error_class, message, failed_at) "
            "SELECT %s, 'monthly-invoicing', id, 'django.db.utils.ProgrammingError', "
            "'SQLSTATE 42P01: relation \"invoices_invoiceline\" does not exist', now() "
            "FROM cooperative_location WHERE slug = 'boomhut'", [run])
    try:
        yield name
    finally:
        with server_database() as conn:
            conn.execute("DELETE FROM cooperative_jobfailure WHERE run_id = %s", [run])
            conn.execute("DELETE FROM cooperative_jobrun WHERE id = %s", [run])


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (375, 740)])
def test_the_coop_admin_sees_the_failed_location_and_the_rerun(new_page, server, failed_run, width, height):
    page = new_page(width=width, height=height)
    login(page, server.url(), ADMIN)
    panel = page.locator("#jobs")
    assert panel.get_by_role("heading", name="Taken voor alle locaties").is_visible()
    row = panel.locator("tr", has_text="Maandfacturatie")
    assert failed_run in row.inner_text() and "ProgrammingError" in row.inner_text()
    assert row.get_by_role("button", name="Opnieuw uitvoeren voor de mislukte locaties").is_visible()
    assert "manage.py rerun_failed monthly-invoicing" in row.inner_text()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
