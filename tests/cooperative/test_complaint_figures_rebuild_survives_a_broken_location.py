"""`manage.py rebuild_complaint_report` rebuilds every other location when one schema is broken, says which
failed (and exits with an error), and `manage.py rerun_failed complaint-figures` rebuilds that one after the
repair."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from complaint_reports.models import ComplaintFact
from tests.complaint_reports.conftest import year_2025  # noqa: F401 (fixture)
from tests.cooperative.conftest import break_table, open_failures


def facts(slug) -> int:
    return ComplaintFact.objects.filter(location__slug=slug).count()


def test_rebuild_goes_on_past_a_broken_location(year_2025):  # noqa: F811
    before = {slug: facts(slug) for slug in ("alpha", "beta")}
    assert all(before.values())
    ComplaintFact.objects.all().delete()
    repair = break_table(year_2025.a, "complaints_complaint")

    with pytest.raises(CommandError, match=r"alpha \(django.db.utils.ProgrammingError"):
        call_command("rebuild_complaint_report", stdout=StringIO())
    assert facts("beta") == before["beta"] and facts("alpha") == 0
    assert open_failures("complaint-figures") == {"alpha": "django.db.utils.ProgrammingError"}

    repair()
    out = StringIO()
    call_command("rerun_failed", "complaint-figures", stdout=out)
    assert "Rerunning complaint-figures for: alpha" in out.getvalue() and "done: alpha" in out.getvalue()
    assert facts("alpha") == before["alpha"] and facts("beta") == before["beta"]
    assert open_failures("complaint-figures") == {}
