"""Fixtures for the oversight tests: the session's locations A (assigned to the adviser) and B (not), extra
public-schema-only locations for the dashboard, PDFs and a private MEDIA_ROOT."""
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from accounts.models import AdviserAssignment
from cooperative.models import Location

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CHILD_NAMES = ["Saartje Verbeek", "Bram Verbeek", "Mila Jansen", "Finn Jansen", "Saartje", "Verbeek"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture(autouse=True)
def english(world, db):
    """English pages, and the connection in the public schema (a request at a location host leaves it there)."""
    from accounts.models import User

    connection.set_schema_to_public()
    User.objects.update(language="en")
    yield
    connection.set_schema_to_public()


def pdf(name="report.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def aware(year, month, day, hour=10):
    return timezone.make_aware(datetime(year, month, day, hour, 0))


def bare_location(slug: str, *, kind="kdv", region="Noord", places=10, opening=date(2020, 1, 1), adviser=None):
    """A location row without a schema: enough for everything the oversight keeps in the public schema."""
    location = Location.objects.create(
        name=f"Loc {slug}", slug=slug, schema_name=f"loc_{slug.replace('-', '_')}", kind=kind, jurisdiction="NL",
        region=region, licensed_places=places, opening_date=opening, lrk_numbers={kind: "111222333"})
    if adviser is not None:
        AdviserAssignment.objects.create(adviser=adviser, location=location)
    return location


@pytest.fixture
def opened(world):
    """Location A with an opening date (the session fixture has none)."""
    Location.objects.filter(pk=world.a.location.pk).update(opening_date=date(2021, 3, 1))
    return Location.objects.get(pk=world.a.location.pk)
