"""Issue 18's stream in Chromium: a parent of a child checked in today opens the live page during a live window
and the test picture plays (frames read from the video: its clock changes); the same parent with the child
absent, of another group, after the window, an adviser and the pedagogue get no stream; the playlist's address
copied into another browser fails; a paused camera stops within seconds ("even pauze").

The test makes its own camera at Kikker (ffmpeg's test picture), a live window around now on today's weekday
(the location's time; the location opens the whole day for the test, whatever the hour or weekday) and checks Mila
in; everything is put back afterwards. `manage.py run_webcams` runs beside the test server, as in production.
"""
import os
import subprocess
import sys
import time as clock
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from frontend.browser import login
from tests.e2e.conftest import ROOT, _database, server_database

DEMO = "@demo.opvangkring.nl"
ZONE = ZoneInfo("Europe/Amsterdam")
SLUG = "kikker"
CLOSINGS = ("location_calendar_closingperiod", "location_calendar_closure")


def local_now() -> datetime:
    now = datetime.now(ZONE)
    if now.time() >= time(23, 57):  # a window cannot run past midnight: start the test in the new day
        clock.sleep((datetime.combine(now.date() + timedelta(days=1), time(0, 0, 5), tzinfo=ZONE) - now)
                    .total_seconds())
        now = datetime.now(ZONE)
    return now


@pytest.fixture(scope="module")
def supervisor(server):
    """The media supervisor against the test server's database, a round every second."""
    _admin, url, extra = _database()
    env = {**os.environ, **extra, "DJANGO_ENV": "test", "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    log = open(ROOT / "tests" / "e2e" / "failures" / "webcams.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen([sys.executable, str(ROOT / "platform" / "manage.py"), "run_webcams",
                                "--interval", "1"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    yield process
    process.terminate()
    process.wait(timeout=15)
    log.close()


class Kikker:
    """SQL on Kikker's schema in the test server's database."""

    def __init__(self, db):
        self.db = db
        self.schema = db.execute("SELECT schema_name FROM cooperative_location WHERE slug = %s",
                                 [SLUG]).fetchone()[0]
        db.execute(f'SET search_path TO "{self.schema}", public')

    def one(self, sql, args=()):
        return self.db.execute(sql, args).fetchone()


@contextmanager
def live_camera_with_mila_checked_in():
    """A play-area camera of Mila's group, live from a few minutes ago to 20 minutes from now (today, location
    time), Kikker open all day today, Mila checked in, her mother has read the protocol. Yields the camera's id."""
    from tenants.webcams.models import Camera

    source = Camera._meta.get_field("source").get_prep_value("testsrc://")
    now = local_now()
    start = max(time(0, 0), (now - timedelta(minutes=5)).time().replace(microsecond=0)) \
        if now.time() >= time(0, 5) else time(0, 0)
    end = min(time(23, 59, 59), (now + timedelta(minutes=20)).time().replace(microsecond=0)) \
        if now.time() < time(23, 39) else time(23, 59, 59)
    with server_database() as db:
        k = Kikker(db)
        child_id, group_id = k.one("SELECT id, group_id FROM children_child WHERE first_name = 'Mila'")
        mother = k.one("SELECT id FROM public.accounts_user WHERE email = %s", ["ouder.jansen" + DEMO])[0]
        hours = db.execute("DELETE FROM location_calendar_openinghours WHERE weekday = %s RETURNING opens, closes",
                           [now.weekday()]).fetchall()
        db.execute("INSERT INTO location_calendar_openinghours (weekday, opens, closes) "
                   "VALUES (%s, '00:00', '23:59:59')", [now.weekday()])
        periods = [(table, row[0]) for table in CLOSINGS for row in db.execute(
            f"SELECT id FROM {table} WHERE start_date <= %s AND end_date >= %s", [now.date(), now.date()])]
        for table, period_id in periods:  # a closing period over today moves out of the way for the test
            db.execute(f"UPDATE {table} SET start_date = start_date - 3650, end_date = end_date - 3650 "
                       "WHERE id = %s", [period_id])
        holiday_choices = open_on_todays_holiday(db, now.date())
        camera = k.one("INSERT INTO webcams_camera (name, area, group_id, source, purpose, max_viewers, is_active, "
                       "created_at) VALUES ('Speelhoek (test)', 'play_area', %s, %s, 'parent_view', 10, true, now()) "
                       "RETURNING id", [group_id, source])[0]
        db.execute("INSERT INTO webcams_livewindow (camera_id, weekday, start, \"end\") VALUES (%s, %s, %s, %s)",
                   [camera, now.weekday(), start, end])
        read = k.one("SELECT count(*) FROM webcams_protocolacknowledgement WHERE user_id = %s", [mother])[0]
        if not read:
            db.execute("INSERT INTO webcams_protocolacknowledgement (user_id, acknowledged_at) VALUES (%s, now())",
                       [mother])
        earlier = db.execute("DELETE FROM attendance_attendancerecord WHERE child_id = %s AND date = %s "
                             "RETURNING *", [child_id, now.date()])
        columns = [c.name for c in earlier.description]
        earlier = earlier.fetchall()
        arrived = datetime.combine(now.date(), start, tzinfo=ZONE)
        record = k.one("INSERT INTO attendance_attendancerecord (child_id, group_id, date, check_in, "
                       "late_pickup_announced, registered_at, created_at) "
                       "VALUES (%s, %s, %s, %s, false, now(), now()) RETURNING id",
                       [child_id, group_id, now.date(), arrived])[0]
    try:
        yield camera, record
    finally:
        with server_database() as db:
            k = Kikker(db)
            db.execute("DELETE FROM attendance_attendancerecord WHERE id = %s", [record])
            for row in earlier:
                db.execute(f'INSERT INTO attendance_attendancerecord ({", ".join(columns)}) '
                           f'VALUES ({", ".join(["%s"] * len(columns))})', list(row))
            db.execute("DELETE FROM webcams_viewlog WHERE camera_id = %s", [camera])
            db.execute("DELETE FROM webcams_livewindow WHERE camera_id = %s", [camera])
            db.execute("DELETE FROM webcams_camera WHERE id = %s", [camera])
            if not read:
                db.execute("DELETE FROM webcams_protocolacknowledgement WHERE user_id = %s", [mother])
            for table, period_id in periods:
                db.execute(f"UPDATE {table} SET start_date = start_date + 3650, end_date = end_date + 3650 "
                           "WHERE id = %s", [period_id])
            for name, closed in holiday_choices.items():
                if closed is None:
                    db.execute("DELETE FROM location_calendar_holidaychoice WHERE name = %s", [name])
                else:
                    db.execute("UPDATE location_calendar_holidaychoice SET closed = %s WHERE name = %s", [closed, name])
            db.execute("DELETE FROM location_calendar_openinghours WHERE weekday = %s", [now.weekday()])
            for opens, closes in hours:
                db.execute("INSERT INTO location_calendar_openinghours (weekday, opens, closes) VALUES (%s, %s, %s)",
                           [now.weekday(), opens, closes])


def open_on_todays_holiday(db, today) -> dict:
    """On a public holiday (Christmas, say) Kikker opens for the test: its choice for each of today's holidays is
    set to open. Returns each name's earlier choice (None: no row, which means closed) to put back."""
    from tenants.calendar.rules import public_holidays

    names = public_holidays("NL", today.year).get(today, "")
    earlier = {}
    for name in filter(None, names.split("; ")):
        row = db.execute("SELECT closed FROM location_calendar_holidaychoice WHERE name = %s", [name]).fetchone()
        earlier[name] = row[0] if row else None
        db.execute("INSERT INTO location_calendar_holidaychoice (name, closed) VALUES (%s, false) "
                   "ON CONFLICT (name) DO UPDATE SET closed = false", [name])
    return earlier


def sql(statement, args=()):
    with server_database() as db:
        Kikker(db)
        db.execute(statement, args)


FRAME = """async () => {
  const video = document.querySelector('.webcam-player video');
  if (!video || video.readyState < 2 || !video.videoWidth) return null;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth; canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  context.drawImage(video, 0, 0);
  // the clock, drawn in the lower left of the test picture
  const pixels = context.getImageData(0, canvas.height - 60, canvas.width / 2, 60).data;
  let sum = 0;
  for (let i = 0; i < pixels.length; i += 7) sum = (sum * 31 + pixels[i]) % 1000000007;
  return {sum, time: video.currentTime, paused: video.paused, width: video.videoWidth};
}"""


def frames(page, count=2, gap=1.2):
    """Two frames of the playing video, `gap` seconds apart (after it started)."""
    deadline = clock.monotonic() + 25
    first = None
    while clock.monotonic() < deadline:
        first = page.evaluate(FRAME)
        if first and first["time"] > 0.5:
            break
        clock.sleep(0.5)
    assert first and first["time"] > 0.5, f"the video did not play: {first}"
    clock.sleep(gap)
    second = page.evaluate(FRAME)
    return first, second


def state(page):
    return page.locator(".webcam-player").first.get_attribute("data-state")


def start_answer(page, camera):
    return page.evaluate("""async (camera) => {
      const answer = await fetch('/webcams/stream/' + camera + '/', {credentials: 'same-origin'});
      return {status: answer.status, body: await answer.text()};
    }""", camera)


def fetch_status(page, url):
    return page.evaluate("async (url) => (await fetch(url, {credentials: 'same-origin'})).status", url)


def test_a_parent_watches_the_live_picture_and_nobody_else_does(new_page, server, supervisor):
    host = server.url(SLUG)
    with live_camera_with_mila_checked_in() as (camera, record):
        with server_database() as db:
            camera_dir = ROOT / "var" / "webcams" / Kikker(db).schema / str(camera)
        mother = new_page(width=375, height=800)
        login(mother, host, "ouder.jansen" + DEMO)
        mother.goto(host + "webcams/")
        player = mother.locator(f".webcam-player[data-camera='{camera}']")
        player.wait_for()
        first, second = frames(mother)
        assert first["width"] == 320 and not second["paused"]
        assert second["time"] > first["time"] + 0.5, "the video advances"
        assert second["sum"] != first["sum"], "the test picture's clock changes"
        assert state(mother) == "live"

        # the playlist's address, copied into another browser (the same parent logged in there, or nobody)
        playlist = mother.evaluate("""async (camera) => (await (await fetch('/webcams/stream/' + camera + '/',
            {credentials: 'same-origin'})).json()).playlist""", camera)
        assert fetch_status(mother, playlist) == 200
        elsewhere = new_page()
        login(elsewhere, host, "ouder.jansen" + DEMO)
        assert fetch_status(elsewhere, playlist) == 403
        stranger = new_page()
        stranger.goto(host + "webcams/protocol/")
        assert fetch_status(stranger, playlist) == 403

        # an adviser and the pedagogue: no stream
        for who in ("adviseur", "pedagoog"):
            other = new_page()
            login(other, server.url(), who + DEMO)
            other.goto(host + "webcams/")
            assert other.locator(".webcam-player video").count() == 0
            assert start_answer(other, camera)["status"] in (302, 403)
            other.context.close()

        # paused by staff: the player says "even pauze" within seconds and ffmpeg stops
        sql("UPDATE webcams_camera SET paused_until = now() + interval '10 minutes' WHERE id = %s", [camera])
        started = clock.monotonic()
        mother.locator(f".webcam-player[data-camera='{camera}'] .webcam-state", has_text="even pauze") \
            .wait_for(timeout=8000)
        while camera_dir.exists() and clock.monotonic() - started < 8:
            clock.sleep(0.2)
        assert not camera_dir.exists(), "the media process stopped and left nothing"
        assert fetch_status(mother, playlist) == 403
        sql("UPDATE webcams_camera SET paused_until = NULL WHERE id = %s", [camera])
        first, second = frames(mother)
        assert second["sum"] != first["sum"], "live again after the pause"

        # Mila absent today (her check-in moved to yesterday): her mother gets no stream
        sql("UPDATE attendance_attendancerecord SET date = date - 1 WHERE id = %s", [record])
        assert fetch_status(mother, playlist) == 403
        assert "not_live" in start_answer(mother, camera)["body"]
        sql("UPDATE attendance_attendancerecord SET date = date + 1 WHERE id = %s", [record])

        # the camera shows another group now: the mother is a parent of another group, and gets nothing
        sql("UPDATE webcams_camera SET group_id = NULL WHERE id = %s", [camera])
        assert start_answer(mother, camera)["status"] == 403
        sql("UPDATE webcams_camera SET group_id = (SELECT group_id FROM children_child WHERE first_name = 'Mila') "
            "WHERE id = %s", [camera])

        # after the window
        sql("UPDATE webcams_livewindow SET start = '00:00', \"end\" = '00:00:01' WHERE camera_id = %s", [camera])
        mother.goto(host + "webcams/")
        assert mother.locator(f".webcam-player[data-camera='{camera}'] video").count() == 0 or \
            state(mother) in ("not_live", "loading")
        assert fetch_status(mother, playlist) == 403
        assert "not_live" in start_answer(mother, camera)["body"]
