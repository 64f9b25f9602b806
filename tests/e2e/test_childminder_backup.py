"""A childminder on her phone (375 px): five children on Monday, her own daughter among them, and no backup person
yet: the planning warns; she sets her backup person for the day and the planning names it with its phone number.
Screenshots go to var/screenshots/ (or SCREENSHOT_DIR)."""
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.conftest import ROOT, _database

DEMO = "@demo.opvangkring.nl"
SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "var" / "screenshots")

#: Three more children expected next Monday at De Zonnebloem besides Saar and Ilse's own Lotte (the demo's
#: contracts are for Mondays): five counted with one adult.
EXTRA_CHILDREN = """
from datetime import date, time
from django.utils import timezone
from django_tenants.utils import schema_context
from cooperative.models import Location
loc = Location.objects.get(slug="zonnebloem")
with schema_context(loc.schema_name):
    from tenants.attendance.models import ExtraDayRequest
    from tenants.children.services import create_child
    from tenants.groups.models import Group
    group = Group.objects.get()
    for first, born in (("Noor", date(2022, 5, 1)), ("Sem", date(2021, 2, 1)), ("Julia", date(2019, 9, 1))):
        child = create_child(first_name=first, last_name="de Wit", birth_date=born, guardians=[])
        child.group = group
        child.save(update_fields=["group"])
        ExtraDayRequest.objects.create(child=child, group=group, date=date.fromisoformat("{day}"),
                                       start_time=time(8, 0), end_time=time(17, 0), requested_at=timezone.now(),
                                       status="accepted")
"""


def _in_server(code: str) -> None:
    """Run Django code against the test server's database (the demo the browser sees)."""
    _admin, url, extra = _database()
    env = {**os.environ, **extra, "DJANGO_ENV": "test", "DATABASE_URL": url}
    done = subprocess.run([sys.executable, str(ROOT / "platform" / "manage.py"), "shell", "-c", code], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-4000:]


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_childminder_is_warned_and_sets_her_backup_at_375px(new_page, server):
    monday = date.today() + timedelta(days=7 - date.today().weekday())
    _in_server(EXTRA_CHILDREN.replace("{day}", monday.isoformat()))
    page = new_page(width=375, height=812)
    base = server.url("zonnebloem")
    login(page, base, "ilse" + DEMO)

    page.goto(f"{base}attendance/planning/?date={monday.isoformat()}")
    warning = page.locator("[data-backup=missing]")
    assert warning.is_visible()
    assert "Voor deze dag is geen achterwacht ingesteld." in warning.inner_text()
    row = page.locator("tr", has_text="09:00–09:30")
    assert row.locator("td[data-label=Meegeteld]").inner_text().strip() == "6"
    assert "geen achterwacht ingesteld" in row.inner_text()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    _shot(page, "childminder-planning-no-backup-375")

    warning.get_by_role("link").click()
    page.wait_for_url("**/backup/**")
    assert page.locator("#id_first_day").input_value() == monday.isoformat()
    page.locator("#id_name").fill("Oma Ans")
    page.locator("#id_phone").fill("0612")
    page.locator("main form button[type=submit]").click()
    assert "Vul een telefoonnummer van 10 tot 15 cijfers in" in page.locator("main").inner_text()
    page.locator("#id_phone").fill("06 1234 5678")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/backup/")
    assert page.locator(f"[data-backup-date='{monday.isoformat()}']").is_visible()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    _shot(page, "childminder-backup-page-375")

    page.goto(f"{base}attendance/planning/?date={monday.isoformat()}")
    named = page.locator("[data-backup=set]")
    assert "Oma Ans" in named.inner_text()
    assert named.locator("a[href='tel:0612345678']").is_visible()
    assert horizontal_overflow(page) <= 0
    _shot(page, "childminder-planning-with-backup-375")

    page.goto(base + "attendance/")
    assert page.locator("#ratio-now").is_visible()
    assert horizontal_overflow(page) <= 0
    _shot(page, "childminder-tablet-375")
