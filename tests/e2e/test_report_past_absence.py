"""Putting the past right in a real browser at 375 px, at the Flemish demo location 't Pagadderke: the
entrepreneur records afterwards that Wout was absent on a day of a month already invoiced — his mother phoned
at 07:30 that morning — and his father opens the invoice and reads the correction in Dutch (which day, what
changed, by whom, why and the amount of the credit note). Screenshots of both pages under var/screenshots/.

The register is arranged in the e2e server's database with `manage.py shell` (the demo registered Wout on every
planned day; the stay of the chosen day is taken out, as if nobody had checked him in); acts and checks go
through the browser."""
import json
import os
import subprocess
import sys
from pathlib import Path

from frontend.browser import horizontal_overflow, login
from tests.e2e.conftest import ROOT, _database
from tests.e2e.test_parent_portal import DEMO, HEIGHT, WIDTH

SCREENSHOTS = ROOT / "var" / "screenshots"

SETUP = """
from billing.invoices.models import Invoice
from tenants.attendance.models import AttendanceRecord
from tenants.children.models import Child
wout = Child.objects.get(first_name='Wout')
invoice = (Invoice.objects.filter(child=wout, kind='monthly', status__in=['sent', 'open', 'overdue', 'paid'])
           .exclude(period_start__month=12).order_by('-period_start').first())
stay = (AttendanceRecord.objects.filter(child=wout, date__range=(invoice.period_start, invoice.period_end))
        .order_by('date').first())
out.update(child=wout.pk, invoice=invoice.pk, day=stay.date.isoformat(), number=invoice.display_number)
stay.delete()
"""


def arrange(code: str, schema: str = "pagadder") -> dict:
    _admin, url, extra = _database()
    env = {**os.environ, **extra, "DJANGO_ENV": "test", "DATABASE_URL": url}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    script = ("import json\nfrom django_tenants.utils import schema_context\nout = {}\n"
              f"with schema_context('{schema}'):\n" + "\n".join("    " + line for line in code.strip().splitlines())
              + "\nprint('OUT=' + json.dumps(out, default=str))\n")
    done = subprocess.run([sys.executable, str(ROOT / "platform" / "manage.py"), "shell", "-c", script], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(next(line for line in done.stdout.splitlines() if line.startswith("OUT="))[4:])


def shoot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def test_an_absence_recorded_afterwards_reaches_the_parent_as_a_correction(new_page, server):
    data = arrange(SETUP)
    base = server.url("pagadder")

    owner = new_page(width=WIDTH, height=HEIGHT)
    login(owner, base, "lieve" + DEMO)
    owner.goto(f"{base}attendance/corrections/absence/")
    owner.locator("select[name=child]").select_option(str(data["child"]))
    owner.locator("input[name=kind][value=sick]").check()
    owner.locator("input[name=start_date]").fill(data["day"])
    owner.locator("input[name=told_on]").fill(data["day"])
    owner.locator("input[name=told_at]").fill("07:30")
    owner.locator("textarea[name=reason]").fill("Mama belde om 07:30 dat Wout koorts had; toen niet ingevoerd.")
    assert not horizontal_overflow(owner)
    owner.locator("main form button[type=submit]").click()
    owner.wait_for_url(f"**/attendance/corrections/?date={data['day']}")
    notice = owner.locator(".messages, [role=status], .message").first.inner_text()
    assert "creditnota" in notice and "€ 10,00" in notice
    assert not horizontal_overflow(owner)
    shoot(owner, "correction_entrepreneur_375.png")

    parent = new_page(width=WIDTH, height=HEIGHT)
    login(parent, base, "ouder.peeters" + DEMO)
    parent.goto(f"{base}billing/invoices/{data['invoice']}/")
    correction = parent.locator("#corrections")
    correction.scroll_into_view_if_needed()
    text = correction.inner_text()
    assert "Correctie van" in text and "afwezigheid achteraf gemeld (ziek" in text   # which day, what changed
    assert "om 07:30" in text and "door Lieve Claes" in text                      # when told, by whom
    assert "Mama belde om 07:30" in text                                         # why
    assert "€ 10,00 lager: creditnota C" in text                                  # the amount
    assert not horizontal_overflow(parent)
    shoot(parent, "correction_parent_375.png")
    parent.goto(f"{base}attendance/history/")
    assert "Mama belde om 07:30" in parent.locator("main").inner_text()
