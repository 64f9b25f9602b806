"""Keep `LocationFigures` up to date when a location's contracts or complaints change.

The contracts and complaints apps belong to the location side and are not edited for this: these
receivers listen to their models' post_save and post_delete and recount the one location whose schema the
write happened in (see advisory.figures for the whole design).
"""
import logging

from django.apps import apps
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from advisory import figures

log = logging.getLogger(__name__)

WATCHED = [("contracts", "Contract"), ("complaints", "Complaint")]


def location_changed(sender, instance=None, **kwargs):
    schema = connection.schema_name
    if not schema or schema == "public":
        return
    from cooperative.models import Location

    location_id = Location.objects.filter(schema_name=schema).values_list("pk", flat=True).first()
    if location_id is None:  # the template schema or a schema being provisioned
        return
    try:
        with transaction.atomic():  # a savepoint: a failed count must not abort the location's transaction
            figures.refresh_location(location_id, schema)
    except Exception:  # a figure must never break the location's own write
        log.exception("Could not refresh the advisory figures of location %s", location_id)


def connect() -> None:
    for app_label, model_name in WATCHED:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        uid = f"advisory-figures-{app_label}.{model_name}"
        post_save.connect(location_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(location_changed, sender=model, dispatch_uid=uid + "-delete")
