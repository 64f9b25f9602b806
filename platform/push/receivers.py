"""A new contract version awaits the parent's signature: a push notification to the child's guardians. A signal,
so the contract services (and the signing e-mail they send) stay as they are."""
from django.db.models.signals import post_save


def contract_version_saved(sender, instance, created, raw=False, **kwargs):
    if not created or raw or instance.signed_at is not None:
        return
    from push import rules, services

    services.notify_guardians(instance.contract.child, kind=rules.CONTRACT, path=services.location_path("contracts"))


def connect() -> None:
    from tenants.contracts.models import ContractVersion

    post_save.connect(contract_version_saved, sender=ContractVersion, dispatch_uid="push.contract_to_sign")
