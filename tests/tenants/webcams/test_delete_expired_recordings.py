"""Seed 003 camera protocol art. 4: "De beelden worden 30 dagen bewaard" — a recording older than the retention
(30 days by default, configurable, never longer) is deleted by the nightly task, file and all."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tenants.webcams import rules
from tests.tenants.conftest import in_schema
from tests.tenants.webcams.conftest import make_recording


@pytest.mark.parametrize(("configured", "days"), [(None, 30), (30, 30), (7, 7), (31, 30), (365, 30), (0, 1)])
def test_retention_is_never_longer_than_30_days(configured, days):
    assert rules.retention_days(configured) == days


@pytest.mark.parametrize(("age", "deleted"), [
    (timedelta(days=30), False),  # exactly 30 days: still kept
    (timedelta(days=30, seconds=1), True),
    (timedelta(days=29), False),
    (timedelta(days=45), True),
])
def test_past_retention_boundary(age, deleted):
    now = datetime(2026, 12, 9, 3, 0, tzinfo=ZoneInfo("UTC"))
    assert rules.is_past_retention(now - age, now, None) is deleted


def test_the_task_deletes_recordings_past_the_retention_everywhere(world, cams, private_media):
    from tenants.webcams import tasks
    from tenants.webcams.models import Recording

    now = timezone.now()
    old = make_recording(world.a, cams.security, ended_at=now - timedelta(days=31))
    recent = make_recording(world.a, cams.security, ended_at=now - timedelta(days=2))
    assert (private_media / "private" / old.file).exists()
    from tenants.webcams import services
    from tenants.webcams.access import Watch
    from tenants.webcams.models import ViewLog

    with in_schema(world.a):
        services.record_view_start(Watch(cams.camera, now, "user:1", None), at=now - timedelta(hours=2))
    result = tasks.delete_expired_recordings.apply().get()
    with in_schema(world.a):
        assert ViewLog.objects.get().ended_at == now - timedelta(hours=2)  # a view left open is closed too
    assert world.a.location.slug in result["done"] and result["failed"] == {}
    with in_schema(world.a):
        gone, kept = Recording.objects.get(pk=old.pk), Recording.objects.get(pk=recent.pk)
    assert gone.deleted_at is not None and gone.file == ""
    assert kept.deleted_at is None
    assert not (private_media / "private" / old.file).exists()
    assert (private_media / "private" / recent.file).exists()


def test_a_shorter_retention_deletes_sooner_and_longer_is_refused(world, cams, private_media):
    from tenants.webcams import services

    now = timezone.now()
    week_old = make_recording(world.a, cams.security, ended_at=now - timedelta(days=8))
    with in_schema(world.a):
        with pytest.raises(ValidationError) as refused:
            services.update_settings(guest_invites_allowed=False, retention_days=31)
        assert "retention_days" in refused.value.message_dict
        services.update_settings(guest_invites_allowed=False, retention_days=7)
        assert services.delete_expired_recordings(at=now) == 1
        week_old.refresh_from_db()
    assert week_old.deleted_at is not None


def test_the_job_is_scheduled_nightly():
    from config.celery import app
    from cooperative.jobs import JOBS

    assert app.conf.beat_schedule["webcams-delete-expired-recordings"]["task"] == \
        "tenants.webcams.tasks.delete_expired_recordings"
    assert JOBS["webcam-recordings"].task == "tenants.webcams.tasks.delete_expired_recordings"
