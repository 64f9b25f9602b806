"""How figures from the location schemas reach the cooperative dashboards.

Design (see docs/oversight.md): the dashboards never read a location's schema. Each location's figures
that live in its own schema (children under contract today; complaints this year, when the complaints
app exists) are kept as plain numbers in one public table, `advisory.LocationFigures`:

* **Kept up to date by the writes**: `advisory.receivers` listens to post_save/post_delete of the
  location apps' models (contracts, complaints) and recounts that one location (one small query in the
  schema the write happened in, one upsert in the public schema). The location apps are not edited.
* **Rebuilt by a command**: `manage.py rebuild_advisory_figures` (and the nightly beat job, because a
  contract that starts or ends tomorrow changes the figure without any write) reads *all* schemas with
  one `UNION ALL` statement per chunk of `CHUNK` locations, generated from the location list — never
  one query per schema — and upserts the results in one statement per chunk.

The dashboard then reads one row per location with a join: the number of queries does not depend on the
number of locations.
"""
from datetime import date

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

CHUNK = 500


def _existing_schemas(names: list[str]) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)", [names])
        return {row[0] for row in cursor.fetchall()}


def _tables_in(schemas: set[str], table: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = %s AND table_schema = ANY(%s)",
            [table, list(schemas)])
        return {row[0] for row in cursor.fetchall()}


def _complaints_table() -> tuple[str, str] | None:
    """(table, date column) of the location complaints model, if that app has one."""
    try:
        from django.apps import apps

        model = apps.get_model("complaints", "Complaint")
    except LookupError:
        return None
    for name in ("received_on", "filed_on", "submitted_on", "received_at", "submitted_at", "created_at"):
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - FieldDoesNotExist
            continue
        return model._meta.db_table, field.column
    return None


def children_sql(schema: str, day: date) -> tuple[str, list]:
    return (f'SELECT COUNT(DISTINCT child_id) FROM "{schema}".contracts_contract '
            "WHERE status = 'active' AND start_date <= %s AND (end_date IS NULL OR end_date >= %s)", [day, day])


def complaints_sql(schema: str, table: str, column: str, year: int) -> tuple[str, list]:
    return f'SELECT COUNT(*) FROM "{schema}"."{table}" WHERE EXTRACT(YEAR FROM "{column}") = %s', [year]


def gather(locations: list[tuple[int, str]], day: date) -> dict[int, tuple[int, int | None]]:
    """{location id: (children under contract, complaints this year or None)} for (id, schema) pairs, read
    with one UNION ALL statement per CHUNK locations."""
    result: dict[int, tuple[int, int | None]] = {}
    complaints = _complaints_table()
    for start in range(0, len(locations), CHUNK):
        chunk = locations[start:start + CHUNK]
        present = _existing_schemas([schema for _pk, schema in chunk])
        with_contracts = _tables_in(present, "contracts_contract") if present else set()
        with_complaints = _tables_in(present, complaints[0]) if present and complaints else set()
        parts, params = [], []
        for pk, schema in chunk:
            if schema not in with_contracts:
                result[pk] = (0, None)
                continue
            sql, args = children_sql(schema, day)
            if schema in with_complaints:
                csql, cargs = complaints_sql(schema, complaints[0], complaints[1], day.year)
            else:
                csql, cargs = "SELECT NULL::bigint", []
            parts.append(f"SELECT %s, ({sql}), ({csql})")
            params += [pk, *args, *cargs]
        if not parts:
            continue
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for pk, children, complaints_count in cursor.fetchall():
                result[pk] = (children or 0, complaints_count)
    return result


def store(values: dict[int, tuple[int, int | None]], year: int) -> None:
    """Upsert figures in one statement per CHUNK locations."""
    items = list(values.items())
    for start in range(0, len(items), CHUNK):
        rows = items[start:start + CHUNK]
        placeholders = ", ".join(["(%s, %s, %s, %s, now())"] * len(rows))
        params = []
        for pk, (children, complaints) in rows:
            params += [pk, children, year if complaints is not None else None, complaints or 0]
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO public.advisory_locationfigures "
                "(location_id, children_under_contract, complaints_year, complaints, updated_at) "
                f"VALUES {placeholders} ON CONFLICT (location_id) DO UPDATE SET "
                "children_under_contract = EXCLUDED.children_under_contract, "
                "complaints_year = EXCLUDED.complaints_year, complaints = EXCLUDED.complaints, "
                "updated_at = EXCLUDED.updated_at", params)


def rebuild(day: date | None = None) -> int:
    """Recount every location that has a schema; returns the number of locations stored."""
    return len(rebuild_everywhere(day).done)


def rebuild_everywhere(day: date | None = None, only_failed: bool = False):
    """The rebuild as a job over the locations (cooperative.jobs): a chunk whose statement fails (one broken
    schema) is read again one location at a time, so only the broken location fails and is reported."""
    from cooperative import jobs
    from cooperative.models import Location

    day = day or timezone.localdate()
    schema = connection.schema_name
    connection.set_schema_to_public()
    try:
        run = jobs.Run("advisory-figures", only_failed=only_failed)
        locations = list(Location.objects.exclude(status=Location.Status.OFFBOARDED).order_by("pk")
                         .only("pk", "slug", "schema_name"))
        if only_failed:
            locations = run.retry_only(locations)
        for start in range(0, len(locations), CHUNK):
            chunk = locations[start:start + CHUNK]
            try:
                with transaction.atomic():
                    store(gather([(location.pk, location.schema_name) for location in chunk], day), day.year)
            except DatabaseError:
                for location in chunk:
                    run.attempt(location, lambda location: store(
                        gather([(location.pk, location.schema_name)], day), day.year))
            else:
                run.succeeded_many(chunk)
        return run.finish()
    finally:
        if schema != "public":
            connection.set_schema(schema)


def refresh_location(location_id: int, schema: str, day: date | None = None) -> None:
    """Recount one location (after a write in its schema)."""
    day = day or timezone.localdate()
    values = gather([(location_id, schema)], day)
    store(values, day.year)
