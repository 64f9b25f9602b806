"""Helpers for the complaint tests: complaints made through the services at location A or B."""
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.tenants.calendar.conftest import at, flemish_a  # noqa: F401 (fixture re-exported)


def set_days(site, days: int, **extra):
    from tenants.complaints import services

    with at(site):
        return services.update_regulation(judgement_days=days, **extra)


def record(site, received_on: date, *, subject="method", description="De wenperiode ging te snel.",
           complainant=None, child_id=None, **extra):
    """A complaint recorded by the site's entrepreneur (received on paper) on `received_on`."""
    from tenants.children.models import Child
    from tenants.complaints import services

    with at(site):
        return services.record_complaint(
            user=site.entrepreneur, subject=subject, description=description, channel="paper",
            received_on=received_on, complainant=complainant or site.parent,
            child=Child.objects.get(pk=child_id) if child_id else None, **extra)


def pdf_file(name="brief.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 test", content_type="application/pdf")


@pytest.fixture
def filed(world, client_for):
    """A complaint filed by location A's parent through the API."""
    response = client_for(world.a.parent, world.a).post("/api/v1/complaints/", {
        "subject": "conduct", "description": "De medewerker was onvriendelijk bij het ophalen.",
        "child": world.a.child_id}, content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


def pdf_text(data: bytes) -> str:
    """The text drawn in a reportlab PDF (ASCII85 + Flate page streams decoded), for assertions."""
    import base64
    import re
    import zlib

    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", bytes(data), re.S):
        stream = stream.strip()
        if stream.endswith(b"~>"):
            stream = base64.a85decode(stream[:-2])
        try:
            chunks.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            chunks.append(stream.decode("latin-1"))
    return "\n".join(chunks)
