"""A location's data as one document: every table of every per-location app.

Used by the entrepreneur's export and by offboarding, so that what leaves the platform is complete
without each app having to remember to add itself.
"""
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from tenants.exports.models import Export


def location_data(location) -> dict:
    with schema_context(location.schema_name):
        tables = {}
        configs = {config.name: config for config in apps.get_app_configs()}
        for app_name in settings.TENANT_APPS:
            if app_name.startswith("django."):
                continue
            # By module path: an app's label need not be the last part of it (tenants.calendar is not
            # labelled "calendar", which would clash with the standard library's name).
            for model in configs[app_name].get_models():
                if model is Export:
                    continue
                tables[model._meta.label] = json.loads(serializers.serialize("json", model.objects.all()))
    return {
        "location": {
            "name": location.name,
            "slug": location.slug,
            "kind": location.kind,
            "jurisdiction": location.jurisdiction,
            "lrk_numbers": location.lrk_numbers,
        },
        "exported_at": timezone.now().isoformat(),
        "tables": tables,
    }


@transaction.atomic
def request_export(user) -> Export:
    """Queue an export of the current location: the export and its outgoing message commit together, and a
    worker builds it in the same schema after the commit (or the sweep, when the broker was down)."""
    from outbox import services as outbox
    from tenants.exports.deliveries import BUILD

    export = Export.objects.create(requested_by=user)
    outbox.enqueue(BUILD, [{"export": export.pk}], ref=f"export:{export.pk}")
    return export


def build_export_file(export: Export) -> Export:
    location = connection.tenant
    export_dir = Path(settings.EXPORT_ROOT)
    export_dir.mkdir(parents=True, exist_ok=True)
    file_name = f"{location.slug}-export-{export.pk}-{timezone.now():%Y%m%d%H%M%S}.json"
    (export_dir / file_name).write_text(json.dumps(location_data(location), indent=1, ensure_ascii=False))
    export.file_name = file_name
    export.schema_seen_by_worker = connection.schema_name
    export.status = Export.Status.DONE
    export.finished_at = timezone.now()
    export.save()
    return export
