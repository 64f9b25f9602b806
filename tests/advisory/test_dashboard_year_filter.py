"""The dashboard's year box shows the year in view, so an adviser sees which year the tiles count (it was empty
while the heading said the year)."""
from django.utils import timezone


def test_the_year_box_holds_the_year_in_view(client_for, world):
    year = timezone.localdate().year
    page = client_for(world.adviser).get("/advisory/")
    assert page.status_code == 200
    assert page.context["form"]["year"].value() == year
    assert f'name="year" value="{year}"' in page.content.decode()


def test_a_year_chosen_stays_in_the_box(client_for, world):
    year = timezone.localdate().year - 1
    page = client_for(world.adviser).get(f"/advisory/?year={year}")
    assert f'name="year" value="{year}"' in page.content.decode()
