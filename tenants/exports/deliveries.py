"""Building an export, delivered through the outbox: queued with the export in one transaction, built by a
worker after the commit, retried by the sweep while the broker is down, and marked failed when given up, so an
export never stays "queued" for ever."""
from outbox.registry import handler

BUILD = "exports.build"


def _mark_failed(payload: dict) -> None:
    from tenants.exports.models import Export

    Export.objects.filter(pk=payload["export"], status=Export.Status.QUEUED).update(status=Export.Status.FAILED)


@handler(BUILD, on_failed=_mark_failed)
def build(payload: dict) -> None:
    """payload: {"export": id}; runs in the location's schema. An export already built is left alone."""
    from tenants.exports.models import Export
    from tenants.exports.services import build_export_file

    export = Export.objects.filter(pk=payload["export"]).first()
    if export is None or export.status != Export.Status.QUEUED:
        return
    build_export_file(export)
