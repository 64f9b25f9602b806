"""The one delivery kind several apps share: the invitation e-mail to a role at a location (staff, guardians, the
entrepreneur of a new location). Apps' own kinds live in their own `deliveries` modules."""
from django.db import connection

from outbox import rules, selectors, services
from outbox.registry import handler

INVITATION = "invitation"


@handler(INVITATION)
def send_invitation(payload: dict) -> None:
    """payload: {"user": id, "role": the membership role}; runs in the location's schema."""
    from accounts.models import User
    from cooperative.services import invite

    invite(User.objects.get(pk=payload["user"]), connection.tenant, payload["role"])


def invitation_ref(user, role: str) -> str:
    return f"invitation:{role}:{user.pk}"


def invite_after_commit(user, location, role: str) -> None:
    """Invite `user` to `role` at `location` once the caller's transaction commits. An invitation of theirs
    still waiting or given up is sent again (the same row, nothing doubled); otherwise a new one is written."""
    ref = invitation_ref(user, role)
    unsent = selectors.deliveries_of(ref, location).exclude(status=rules.SENT)
    if not services.send_again(unsent):
        services.enqueue(INVITATION, [{"user": user.pk, "role": role}], ref=ref, location=location)
