"""The parent portal in a real browser at 375 px: a parent reads today's handover and answers it, asks for
an extra day that is refused for capacity and sees why (the attendance app's page), switches the portal to
English, and signs a contract (the contracts app's pages).

The data each test needs is arranged in the e2e server's database with `manage.py shell`; the acts and
checks go through the browser only.
"""
import json
import os
import subprocess
import sys

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.conftest import ROOT, _database

DEMO = "@demo.opvangkring.nl"
WIDTH, HEIGHT = 375, 812


def arrange(code: str) -> dict:
    """Run `code` in the server's database (schema kikker); it leaves its result in a dict named `out`."""
    _admin, url, extra = _database()
    env = {**os.environ, **extra, "DJANGO_ENV": "test", "DATABASE_URL": url}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    script = (
        "import json\nfrom django_tenants.utils import schema_context\nout = {}\n"
        "with schema_context('kikker'):\n" + "\n".join("    " + line for line in code.strip().splitlines())
        + "\nprint('OUT=' + json.dumps(out, default=str))\n"
    )
    done = subprocess.run([sys.executable, str(ROOT / "platform" / "manage.py"), "shell", "-c", script], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("OUT="))
    return json.loads(line[4:])


COMMON = """
from datetime import date, time, timedelta
from decimal import Decimal
from accounts.models import User
from tenants.calendar import services as calendar
from tenants.calendar import selectors as cal
from tenants.children.models import Child
from tenants.groups.models import Group
calendar.set_week_hours({d: (time(7, 0), time(18, 30)) for d in range(5)})
mila = Child.objects.get(first_name='Mila')
staff = User.objects.get(email='medewerker.kikker@demo.opvangkring.nl')
owner = User.objects.get(email='marieke@demo.opvangkring.nl')
"""


def test_a_parent_reads_todays_handover_and_answers_it(new_page, server):
    data = arrange(COMMON + """
from tenants.attendance.selectors import local_today
from tenants.handover import services
h = services.write_handover(mila, day=local_today(), by=staff, eating='Brood met kaas en een beker melk',
                            sleep='12:30-14:15', mood='cheerful', activities='Schilderen en buiten spelen',
                            message='Mila heeft vandaag voor het eerst zelf gegeten!')
out['handover'] = h.pk
""")
    page = new_page(width=WIDTH, height=HEIGHT)
    base = server.url("kikker")
    login(page, server.url(), "ouder.jansen" + DEMO)
    link = page.locator(f"a[href='{base}handover/{data['handover']}/']")
    assert link.count() == 1, "the overview links to today's handover"
    assert horizontal_overflow(page) <= 0
    login(page, base, "ouder.jansen" + DEMO)  # each host has its own session cookie
    page.goto(f"{base}handover/{data['handover']}/")
    handover = page.locator("#handover")
    assert "Mila heeft vandaag voor het eerst zelf gegeten!" in handover.inner_text()
    assert "12:30–14:15" in handover.inner_text()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    page.locator("#id_text").fill("Wat leuk! Thuis at ze ook goed.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/handover/{data['handover']}/")
    assert "Wat leuk! Thuis at ze ook goed." in page.locator("#replies").inner_text()


def test_an_extra_day_refused_for_capacity_shows_the_reason(new_page, server):
    data = arrange(COMMON + """
from django.utils import timezone
from tenants.attendance.models import ExtraDayRequest
from tenants.children.services import create_child
group, _ = Group.objects.get_or_create(name='Kikkertjes', defaults={'kind': 'stamgroep',
                                       'play_space_m2': Decimal('3.5'), 'min_age': 0, 'max_age': 4})
mila.group = group
mila.save(update_fields=['group'])
day = date.today() + timedelta(days=1)
while not cal.is_open(day):
    day += timedelta(days=1)
other = create_child(first_name='Pien', last_name='Vol', birth_date=date(2024, 3, 1))
other.group = group
other.save(update_fields=['group'])
ExtraDayRequest.objects.create(child=other, group=group, date=day, start_time=time(8, 0), end_time=time(17, 0),
                               requested_at=timezone.now(), status='accepted')
out['day'] = day.isoformat()
""")
    page = new_page(width=WIDTH, height=HEIGHT)
    base = server.url("kikker")
    login(page, base, "ouder.jansen" + DEMO)
    page.goto(base + "attendance/extra-days/new/")
    page.locator("#id_date").fill(data["day"])
    page.locator("#id_start_time").fill("08:30")
    page.locator("#id_end_time").fill("16:00")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/attendance/extra-days/*/")
    reasons = page.locator("#refusal-reasons")
    assert reasons.is_visible() and reasons.inner_text().strip(), "the reason is shown"
    assert horizontal_overflow(page) <= 0


def test_a_parent_switches_the_portal_to_english(new_page, server):
    page = new_page(width=WIDTH, height=HEIGHT)
    login(page, server.url(), "ouder.smits" + DEMO)  # not a parent the other language tests use
    assert page.locator("html").get_attribute("lang") == "nl"
    page.locator("form.language-switch button[value=en]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Your children").is_visible()
    page.reload()
    assert page.locator("html").get_attribute("lang") == "en", "the choice is stored on the account"
    assert horizontal_overflow(page) <= 0
    page.locator("form.language-switch button[value=nl]").click()  # leave the shared demo as it was
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "nl"


def test_a_parent_signs_a_contract(new_page, server):
    data = arrange(COMMON + """
from tenants.contracts import services
group, _ = Group.objects.get_or_create(name='Kikkertjes', defaults={'kind': 'stamgroep',
                                       'play_space_m2': Decimal('3.5'), 'min_age': 0, 'max_age': 4})
start = date.today() + timedelta(days=14)
contract = mila.contracts.order_by('-pk').first()
if contract is None:
    contract = services.create_contract(child=mila, care_type='kdv', group=group, start_date=start,
                                        end_date=None, schedule_type='weekly',
                                        schedule=[[{'weekday': 1, 'start': '08:00', 'end': '17:00'}]], user=owner)
elif contract.current_version.signed_at is not None:
    services.change_contract(contract, effective_from=start, schedule_type='weekly',
                             schedule=[[{'weekday': 1, 'start': '08:00', 'end': '17:00'}]], user=owner)
out['contract'] = contract.pk
""")
    page = new_page(width=WIDTH, height=HEIGHT)
    base = server.url("kikker")
    login(page, server.url(), "ouder.jansen" + DEMO)
    task = page.locator(f"li.task-contract a[href='{base}contracts/{data['contract']}/']")
    assert task.count() == 1, "the overview lists the contract to sign"
    login(page, base, "ouder.jansen" + DEMO)  # each host has its own session cookie
    page.goto(f"{base}contracts/{data['contract']}/")
    page.locator("#id_typed_name").fill("Eva Jansen")
    page.locator(f"form[action='/contracts/{data['contract']}/sign/'] button[type=submit]").click()
    page.wait_for_url(f"**/contracts/{data['contract']}/")
    assert page.get_by_role("status").first.is_visible()
    assert "Eva Jansen" in page.locator("main").inner_text()
