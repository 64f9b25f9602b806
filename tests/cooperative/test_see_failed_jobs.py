"""The cooperative admin sees the last run of each job over the locations and its failed locations on the
home page of the main domain (in Dutch), with a button that queues the rerun for the failed ones only, and
reads the runs in the API; no other role sees them or may rerun, and location hosts serve neither."""
import pytest
from django.db.utils import ProgrammingError
from kombu.exceptions import OperationalError

from cooperative import jobs

JOB = "monthly-invoicing"


@pytest.fixture
def failed(world):
    """A monthly invoicing run that failed at beta."""

    def work(location):
        if location.slug == "beta":
            raise ProgrammingError("relation does not exist")
        return {}

    return jobs.for_each_location(job=JOB, work=work)


@pytest.fixture
def queued(monkeypatch):
    """What the rerun button puts on the queue (name, kwargs), instead of the broker."""
    from config.celery import app

    sent = []
    monkeypatch.setattr(app, "send_task", lambda name, kwargs=None, **options: sent.append((name, kwargs)))
    return sent


def others(world):
    return {"adviser": (world.adviser, None), "lead adviser": (world.lead_adviser, None),
            "pedagogue": (world.pedagogue, None), "entrepreneur": (world.a.entrepreneur, world.a),
            "staff": (world.a.staff, world.a), "parent": (world.a.parent, world.a),
            "parent of two": (world.two_location_parent, None)}


def test_the_coop_admin_sees_the_failed_location_in_dutch_with_the_rerun(world, client_for, failed):
    page = client_for(world.coop_admin).get("/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Taken voor alle locaties" in body and "Maandfacturatie" in body
    assert "Test beta" in body and ">ProgrammingError</code>" in body
    assert 'title="django.db.utils.ProgrammingError"' in body
    assert 'action="/jobs/monthly-invoicing/rerun/"' in body
    assert "Opnieuw uitvoeren voor de mislukte locaties" in body
    assert "manage.py rerun_failed monthly-invoicing" in body
    assert "nog niet uitgevoerd" in body  # the jobs that have not run yet are listed too


def test_no_other_role_sees_the_jobs(world, client_for, failed):
    for role, (user, site) in others(world).items():
        for where in (site, None) if site is not None else (None,):
            body = client_for(user, where).get("/").content.decode()
            assert "Taken voor alle locaties" not in body and "rerun_failed" not in body, (role, where)


def test_the_rerun_button_queues_the_task_for_the_failed_ones_only(world, client_for, failed, queued):
    client = client_for(world.coop_admin)
    response = client.post("/jobs/monthly-invoicing/rerun/")
    assert response.status_code == 302 and response["Location"] == "/#jobs"
    assert queued == [("billing.invoices.tasks.monthly_run", {"only_failed": True})]
    assert "Maandfacturatie wordt opnieuw uitgevoerd voor 1 locatie." in client.get("/").content.decode()

    assert client.get("/jobs/monthly-invoicing/rerun/").status_code == 405
    assert client.post("/jobs/no-such-job/rerun/").status_code == 404
    assert client.post("/jobs/complaint-figures/rerun/").status_code == 404  # a command, no task: no button
    assert client.post("/jobs/daily-billing/rerun/").status_code == 302  # nothing failed: nothing queued
    assert "Er zijn geen mislukte locaties om opnieuw uit te voeren." in client.get("/").content.decode()
    assert len(queued) == 1


def test_when_the_broker_is_down_the_admin_is_told_to_run_the_command(world, client_for, failed, monkeypatch):
    from config.celery import app

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(app, "send_task", down)
    client = client_for(world.coop_admin)
    response = client.post("/jobs/monthly-invoicing/rerun/", follow=True)
    assert response.status_code == 200
    assert ("De taak kon niet in de wachtrij worden gezet. Probeer het later opnieuw, of voer "
            "manage.py rerun_failed monthly-invoicing uit op de server.") in response.content.decode()


def test_no_other_role_may_rerun(world, client_for, failed, queued):
    for role, (user, site) in others(world).items():
        assert client_for(user).post("/jobs/monthly-invoicing/rerun/").status_code == 403, role
        if site is not None:
            assert client_for(user, site).post("/jobs/monthly-invoicing/rerun/").status_code == 404, role
    assert client_for(world.coop_admin, world.a).post("/jobs/monthly-invoicing/rerun/").status_code in (403, 404)
    assert queued == []


def test_the_api_lists_runs_and_failures_to_the_coop_admin(world, api, failed):
    response = api(world.coop_admin, None).get("/api/v1/jobs/", {"job": JOB})
    assert response.status_code == 200
    run = next(item for item in response.json()["results"] if item["id"] == failed.run)
    assert (run["job"], run["label"], run["only_failed"], run["failed"]) == (JOB, "Maandfacturatie", False, 1)
    assert run["finished_at"] is not None
    assert run["failures"] == [{"location": "beta", "location_name": "Test beta",
                                "error_class": "django.db.utils.ProgrammingError", "message": "",
                                "failed_at": run["failures"][0]["failed_at"], "resolved_at": None}]
    everything = api(world.coop_admin, None).get("/api/v1/jobs/").json()["results"]
    assert failed.run in [item["id"] for item in everything]
    refused = api(world.coop_admin, None).get("/api/v1/jobs/", {"job": "no-such-job"})
    assert refused.status_code == 400 and "job" in refused.json()


def test_the_api_refuses_every_other_role_and_every_location_host(world, api, client_for, failed):
    for role, (user, site) in others(world).items():
        assert api(user, None).get("/api/v1/jobs/").status_code == 403, role
        if site is not None:
            assert api(user, site).get("/api/v1/jobs/").status_code == 404, role
    assert api(world.coop_admin, world.a).get("/api/v1/jobs/").status_code in (403, 404)
    assert client_for().get("/api/v1/jobs/").status_code in (401, 403)
