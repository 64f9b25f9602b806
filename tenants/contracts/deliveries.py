"""The e-mail asking a parent to sign a contract version, delivered through the outbox after the commit of the
version it is about (docs/outbox.md). Rendered when it is delivered, in the parent's language: what the version
costs and binds to (tenants.contracts.terms, the same lines as the contract's page and PDF) and a link to the
contract on the location's host, which opens after the one login (accounts.handoff) and only for the child's
own parents."""
from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from outbox.registry import handler

SIGN = "contracts.sign"


def sign_ref(contract_pk: int) -> str:
    return f"contract:{contract_pk}"


def contract_url(location, contract_pk: int) -> str:
    return location.url.rstrip("/") + reverse("contract-page", kwargs={"pk": contract_pk})


def signing_mail(version, user, location) -> tuple[str, str]:
    """(subject, body) of the e-mail asking `user` to sign `version`, in the active language."""
    from tenants.contracts import terms

    contract = version.contract
    values = {"location": location.name, "child": contract.child.first_name, "number": version.number}
    subject = _("Please sign the contract for %(child)s at %(location)s") % values
    lines = [_("Dear %(name)s,") % {"name": user.full_name}, "",
             _("Version %(number)s of the childcare contract for %(child)s at %(location)s is ready for you to "
               "read and sign.") % values, ""]
    lines += [f"{label}: {value}" for label, value in terms.lines(terms.terms_of(version, location))]
    lines += ["", _("Read and sign the contract here (log in first if you are asked to):"),
              contract_url(location, contract.pk)]
    return subject, "\n".join(lines)


@handler(SIGN)
def send_signing_request(payload: dict) -> None:
    """payload: {"version": id, "user": id}. Nothing is sent once the version is signed or was replaced, or to
    a person who is no longer a parent of the child."""
    from accounts.models import User
    from tenants.contracts.models import ContractVersion

    version = ContractVersion.objects.select_related("contract__child").filter(pk=payload["version"]).first()
    user = User.objects.filter(pk=payload["user"], is_active=True).first()
    if version is None or user is None or version.signed_at is not None:
        return
    if version.contract.current_version != version or not version.contract.child.guardians.filter(
            pk=user.pk).exists():
        return
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject, body = signing_mail(version, user, connection.tenant)
        send_mail(subject, body, None, [user.email])
