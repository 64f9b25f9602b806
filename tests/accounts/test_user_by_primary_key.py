"""The user of every request is read by primary key in one plain statement (accounts.models.UserManager.get):
the same user, with every field, as the ORM reads; an unknown key is DoesNotExist; related managers still filter
by their relation."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User


def test_the_same_user_as_the_orm_reads(world):
    user = world.two_location_parent
    fast = User.objects.get(pk=user.pk)
    orm = User.objects.filter(pk=user.pk).get()
    assert fast == orm and not fast._state.adding and fast._state.db == "default"
    for field in User._meta.concrete_fields:
        assert getattr(fast, field.attname) == getattr(orm, field.attname), field.name
    fast.full_name = "Changed"
    fast.save()
    assert User.objects.filter(pk=user.pk).get().full_name == "Changed"


def test_one_statement_and_unknown_keys_are_does_not_exist(world):
    with CaptureQueriesContext(connection) as ctx:
        User.objects.get(pk=world.two_location_parent.pk)
    sql = [query["sql"] for query in ctx.captured_queries if not query["sql"].startswith("SET search_path")]
    assert len(sql) == 1 and '"accounts_user"' in sql[0]
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=10**12)


def test_a_related_manager_still_filters_by_its_relation(world):
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Only Owner alpha")
    group.user_set.add(world.a.entrepreneur)
    assert group.user_set.get(pk=world.a.entrepreneur.pk) == world.a.entrepreneur
    with pytest.raises(User.DoesNotExist):
        group.user_set.get(pk=world.two_location_parent.pk)
