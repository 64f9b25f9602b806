"""An account is never deleted, only deactivated (`is_active = False`).

The location schemas refer to people without database constraints (accounts.fields), so nothing in the
database would stop a deleted account from leaving references behind in every location it ever touched.
What a person asks to have erased is erased per location by the portal's deletion requests, within the
retention rules."""
from django.db.models.deletion import ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from accounts.models import User


@receiver(pre_delete, sender=User)
def refuse_deleting_an_account(sender, instance, **kwargs):
    raise ProtectedError("Accounts are deactivated, never deleted: location data may refer to them.", {instance})
