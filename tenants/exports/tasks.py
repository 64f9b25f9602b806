"""Background work for exports. Runs in the schema of the location that queued it.

New exports are built through the outbox (tenants.exports.deliveries); this task stays for those queued before."""
from celery import shared_task

from tenants.exports.models import Export
from tenants.exports.services import build_export_file


@shared_task
def build_export(export_id: int) -> str:
    export = Export.objects.get(pk=export_id)
    try:
        build_export_file(export)
    except Exception:
        Export.objects.filter(pk=export_id).update(status=Export.Status.FAILED)
        raise
    return export.file_name
