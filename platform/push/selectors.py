"""Reads of push subscriptions: a person only ever sees and changes her own."""
from django.http import Http404

from push.models import PushSubscription


def subscriptions_of(user):
    return PushSubscription.objects.filter(user=user)


def subscription_for(user, pk) -> PushSubscription:
    """The subscription `pk` if it is `user`'s; anyone else's (or none) is not found."""
    try:
        return PushSubscription.objects.get(pk=int(pk), user=user)
    except (PushSubscription.DoesNotExist, TypeError, ValueError):
        raise Http404 from None


def subscription_with_endpoint(user, endpoint: str) -> PushSubscription:
    """`user`'s subscription for the browser with this endpoint (what a page's script knows of its device)."""
    found = PushSubscription.objects.filter(user=user, endpoint=(endpoint or "").strip()).first() \
        if isinstance(endpoint, str) else None
    if found is None:
        raise Http404
    return found
