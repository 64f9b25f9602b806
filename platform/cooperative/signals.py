"""Keep the cached name of the cooperative (Cooperative.cached_name) honest: saving or deleting the cooperative
drops it from the cache, at once and again when the transaction commits (a page may have read the old name in
between)."""
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save


def forget_name(sender, **kwargs):
    from cooperative.models import NAME_CACHE_KEY

    cache.delete(NAME_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(NAME_CACHE_KEY))


def connect():
    from cooperative.models import Cooperative

    post_save.connect(forget_name, sender=Cooperative, dispatch_uid="cooperative-name-save")
    post_delete.connect(forget_name, sender=Cooperative, dispatch_uid="cooperative-name-delete")
