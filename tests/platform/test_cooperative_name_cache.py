"""Every page on the main domain shows the cooperative's name; it comes from the cache, and a changed name shows
on the next page."""
from django.core.cache import cache

from cooperative.models import NAME_CACHE_KEY, Cooperative


def test_a_changed_name_shows_on_the_next_page(world, client_for):
    client = client_for(world.two_location_parent)
    cache.set(NAME_CACHE_KEY, Cooperative.load().name)  # as a page outside a transaction leaves it
    assert Cooperative.load().name in client.get("/").content.decode()
    coop = Cooperative.load()
    coop.name = "Coöperatie De Nieuwe Naam"
    coop.save()
    assert cache.get(NAME_CACHE_KEY) is None, "dropped from the cache when saved"
    assert "Coöperatie De Nieuwe Naam" in client.get("/").content.decode()


def test_a_name_read_inside_a_transaction_is_not_kept(world):
    cache.delete(NAME_CACHE_KEY)
    assert Cooperative.cached_name() == Cooperative.load().name
    assert cache.get(NAME_CACHE_KEY) is None, "the test's transaction could still roll back a change"
