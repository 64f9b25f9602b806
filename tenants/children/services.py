"""Writes of children."""
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from tenants.children.models import Child


def create_child(*, first_name: str, last_name: str, birth_date: date, guardians=()) -> Child:
    if birth_date > timezone.localdate():
        raise ValidationError({"birth_date": ["The birth date lies in the future."]})
    child = Child(first_name=first_name.strip(), last_name=last_name.strip(), birth_date=birth_date)
    child.full_clean()
    child.save()
    if guardians:
        child.guardians.set(guardians)
    return child
