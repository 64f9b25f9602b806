"""Give a consent as the child's parent would (for tests of features that ask `consents.selectors.may`)."""
from tests.tenants.conftest import in_schema


def give_consent(site, kind="handover_photos", child_id=None, parent=None, given=True):
    from tenants.children.models import Child
    from tenants.consents import services

    with in_schema(site):
        return services.decide(Child.objects.get(pk=child_id or site.child_id), by=parent or site.parent, kind=kind,
                               given=given)
