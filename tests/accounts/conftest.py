"""People of the accounts tests' own (the shared `world` gives the cooperative's people a second factor
already) and a clean slate for allauth's rate limits and TOTP replay markers (kept in the cache)."""
import pytest
from django.core.cache import cache

from accounts.models import CooperativeRole, Membership
from tests.conftest import make_user


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def new_adviser(db):
    """An adviser without a second factor yet (as every adviser on the day this is deployed)."""
    user = make_user("new.adviser@coop.test", "New Adviser")
    CooperativeRole.objects.get_or_create(user=user, role="adviser")
    return user


@pytest.fixture
def new_admin(db):
    user = make_user("new.admin@coop.test", "New Admin")
    CooperativeRole.objects.get_or_create(user=user, role="coop_admin")
    return user


@pytest.fixture
def new_pedagogue(db):
    user = make_user("new.pedagogue@coop.test", "New Pedagogue")
    CooperativeRole.objects.get_or_create(user=user, role="pedagogue")
    return user


@pytest.fixture
def parent_without_role_at_b(world):
    """world.a.parent: a parent at A only."""
    assert not Membership.objects.filter(user=world.a.parent, location=world.b.location).exists()
    return world.a.parent
