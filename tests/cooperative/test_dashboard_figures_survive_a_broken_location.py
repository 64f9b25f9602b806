"""The nightly recount of the dashboard figures reads many schemas in one statement; when one schema is
broken, that statement's locations are read again one by one, so only the broken one fails and is
reported, and the rerun for the failed ones only counts it after the repair."""
from advisory import figures
from advisory.models import LocationFigures
from tests.billing.conftest import make_contract
from tests.cooperative.conftest import break_column, open_failures, ours


def children(site) -> int | None:
    row = LocationFigures.objects.filter(location=site.location).first()
    return row.children_under_contract if row else None


def test_figures_are_counted_past_a_broken_location(billing):
    make_contract(billing, start="2025-01-06")
    make_contract(billing, site=billing.b, start="2025-01-06")
    LocationFigures.objects.all().delete()
    repair = break_column(billing.b, "contracts_contract", "status")

    result = figures.rebuild_everywhere()
    assert ours(result.failed) == {"beta"} and "alpha" in result.done
    assert result.failed["beta"].endswith('SQLSTATE 42703: column "status" does not exist')
    assert children(billing.a) == 1 and children(billing.b) is None
    assert open_failures("advisory-figures") == {"beta": "django.db.utils.ProgrammingError"}

    repair()
    again = figures.rebuild_everywhere(only_failed=True)
    assert set(again.done) == {"beta"} and again.failed == {}
    assert children(billing.b) == 1
    assert open_failures("advisory-figures") == {}
