"""Location schemas refer to people (the public accounts_user) without database constraints, so that the
number of locations does not pile triggers onto that one table; an account is therefore never deleted."""
import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models.deletion import ProtectedError

from accounts.models import User
from tests.conftest import make_user


def location_models():
    for config in apps.get_app_configs():
        if config.name in settings.TENANT_APPS and config.name not in settings.SHARED_APPS:
            yield from config.get_models()


def test_no_location_model_has_a_database_constraint_to_a_public_table():
    shared_labels = {c.label for c in apps.get_app_configs() if c.name in settings.SHARED_APPS}
    constrained = []
    for model in location_models():
        for field in model._meta.get_fields(include_hidden=False):
            if not (field.is_relation and field.concrete or field.many_to_many) or field.related_model is None:
                continue
            if field.related_model._meta.app_label in shared_labels and getattr(field, "db_constraint", False):
                constrained.append(f"{model._meta.label}.{field.name}")
    assert constrained == []


def test_the_template_schema_has_no_foreign_key_out_of_itself(world):
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT con.conrelid::regclass::text, con.conname FROM pg_constraint con
              JOIN pg_class target ON target.oid = con.confrelid
             WHERE con.contype = 'f' AND con.connamespace = %s::regnamespace
               AND target.relnamespace <> con.connamespace""", [settings.TEMPLATE_SCHEMA])
        assert cursor.fetchall() == []


def test_an_account_is_deactivated_never_deleted(world):
    user = make_user("weg@example.test", "Weg Ermee")
    with pytest.raises(ProtectedError):
        user.delete()
    with pytest.raises(ProtectedError):
        User.objects.filter(pk=user.pk).delete()
    user.refresh_from_db()
    assert user.is_active
