"""A real server and a real browser for the e2e tests.

The server is `manage.py runserver` in its own process against its own database (`<name>_e2e`, made
fresh for the run, migrated and loaded with the demo cooperative), so the browser sees committed data
while the rest of the suite keeps its transactional test database untouched. Chromium is Debian's
(/usr/bin/chromium); every <slug>.localhost resolves to the loopback address the server listens on.
A failing test leaves a screenshot in tests/e2e/failures/.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from frontend import browser
from tests.servers import free_port, wait_until_listening

ROOT = Path(__file__).resolve().parents[2]
FAILURES = Path(__file__).resolve().parent / "failures"


@dataclass
class Server:
    port: int
    #: Where the server writes the e-mails it sends (one file per message), for the tests to read.
    mail_dir: Path | None = None

    def url(self, slug: str | None = None) -> str:
        host = f"{slug}.localhost" if slug else "localhost"
        return f"http://{host}:{self.port}/"


def _database() -> tuple[dict, str, dict]:
    """(admin connection kwargs, the e2e DATABASE_URL, extra environment) for a database of our own."""
    db = settings.DATABASES["default"]
    name = re.sub(r"^test_", "", db["NAME"]) + "_e2e"
    user, password = db.get("USER") or "postgres", db.get("PASSWORD") or ""
    host, port = db.get("HOST") or "", str(db.get("PORT") or "")
    extra = {}
    credentials = quote(user) + (f":{quote(password)}" if password else "")
    if host.startswith("/"):  # a socket directory (the embedded server): libpq reads it from PGHOST
        url = f"postgres://{credentials}@/{name}"
        extra = {"PGHOST": host, **({"PGPORT": port} if port else {})}
    else:
        url = f"postgres://{credentials}@{host or '127.0.0.1'}{':' + port if port else ''}/{name}"
    admin = {"dbname": "postgres", "user": user, "password": password, "host": host or None, "port": port or None}
    return admin, url, extra | {"E2E_DATABASE_NAME": name}


def server_database():
    """An autocommit connection to the test server's own database (the embedded server's socket included)."""
    import psycopg

    _admin, url, extra = _database()
    where = {key: extra[env] for key, env in (("host", "PGHOST"), ("port", "PGPORT")) if env in extra}
    return psycopg.connect(url, autocommit=True, **where)


def _admin_sql(admin: dict, sql: str) -> None:
    import psycopg

    with psycopg.connect(**{k: v for k, v in admin.items() if v}, autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture(scope="package")
def stripe_api():
    """Stripe's API for the test server: a local server that answers from tests/payments/recordings."""
    from tests.payments.stripe_fake import RecordedStripeServer

    fake = RecordedStripeServer()
    yield fake
    fake.stop()


@pytest.fixture(scope="package")
def server(stripe_api):
    admin, url, extra = _database()
    name = extra["E2E_DATABASE_NAME"]
    _admin_sql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin_sql(admin, f'CREATE DATABASE "{name}"')
    port = free_port()
    mail_dir = Path(tempfile.mkdtemp(prefix="e2e-mail-"))
    # filemail:// + /absolute/path: django-environ drops the first slash after the scheme's.
    env = {**os.environ, **extra, "DJANGO_ENV": "test", "DATABASE_URL": url, "SITE_PORT": str(port),
           "SITE_SCHEME": "http", "PYTHONUNBUFFERED": "1", "EMAIL_URL": f"filemail:///{mail_dir}",
           # Every journey logs in from 127.0.0.1: more than the 30 logins a minute one address may make.
           "LOGIN_RATE_LIMIT": "600/m/ip", "STRIPE_API_BASE": stripe_api.url}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(ROOT / "platform" / "manage.py")]
    for command in (["migrate_schemas", "-v", "0"], ["seed_demo"]):
        done = subprocess.run(manage + command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-4000:]
    FAILURES.mkdir(exist_ok=True)
    log_path = FAILURES / "server.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed at teardown
    process = subprocess.Popen(manage + ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
                               env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(port, process, lambda: log_path.read_text()[-4000:], "the test server")
        yield Server(port, mail_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        shutil.rmtree(mail_dir, ignore_errors=True)
        _admin_sql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="package")
def chromium(server):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django's own test fixtures
    # (the transaction around each test) would take that for async code. Only while the browser is up.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    browser_ = browser.launch(playwright)
    try:
        yield browser_
    finally:
        browser_.close()
        playwright.stop()
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def new_page(chromium, request):
    """Make pages in fresh browser contexts (own cookies); screenshots of every page if the test fails."""
    pages = []

    def make(width: int = 1280, height: int = 900, locale: str = "nl-NL"):
        context = chromium.new_context(viewport={"width": width, "height": height}, locale=locale)
        context.set_default_timeout(15_000)
        page = context.new_page()
        pages.append(page)
        csp_violations.append(browser.watch_csp(page))
        return page

    csp_violations: list[list[str]] = []
    yield make
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for index, page in enumerate(pages):
        if failed:
            FAILURES.mkdir(exist_ok=True)
            safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
            try:
                page.screenshot(path=str(FAILURES / f"{safe}-{index}.png"), full_page=True)
            except Exception:  # noqa: BLE001 - a screenshot must never hide the real failure
                pass
        page.context.close()
    # Every journey also checks the content security policy: the browser reported no blocked script or style.
    assert [text for found in csp_violations for text in found] == []


@pytest.fixture
def page(new_page):
    return new_page()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
