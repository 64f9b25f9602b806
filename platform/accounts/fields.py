"""References from a location's schema to a person (the public schema's `accounts_user`).

They carry no database constraint. Every foreign key to `accounts_user` makes PostgreSQL put two triggers
on that one table; with about 45 such keys in each location schema, 700 locations put 58,000 triggers on
it, and every new database connection spent over 2 seconds loading them the first time it touched a user
(docs/benchmarks.md). Accounts are therefore never deleted, only deactivated (`User.delete` refuses), so a
reference cannot dangle."""
from django.conf import settings
from django.db import models


def person(on_delete, **options) -> models.ForeignKey:
    """A ForeignKey to the user model without a database constraint (see the module docstring)."""
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=on_delete, db_constraint=False, **options)
