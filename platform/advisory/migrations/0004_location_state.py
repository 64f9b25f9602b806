"""The dashboard's state per location (advisory.LocationState), kept by triggers in the transaction of every write
to visits, follow-up actions, quality documents (and their types' `required`) and inspections, and filled for the
locations there are now."""
import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models


REFRESH = """
-- Every read below is one location's rows by its location_id, which each table has an index on. The function
-- plans with sequential scans off so that statistics from when a table was small (a first bulk import, a fresh
-- database) cannot turn each location's lookup into a scan of the whole table.
CREATE FUNCTION advisory_refresh_location_states(ids bigint[], day date DEFAULT current_date) RETURNS void
LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
    this_year integer := extract(year FROM day)::integer;
BEGIN
    -- First each location's row, created or locked, in id order: a second writer for the same location waits
    -- here until the first one commits, and the reads below, a new statement, then see the first one's rows
    -- (tests/advisory/test_dashboard_state.py: without this step the second writer keeps a row without the
    -- first one's action).
    INSERT INTO advisory_locationstate (location_id, pedagogical_visit, business_visit, open_actions,
                                        open_due_dates, document_reviews, inspected)
    SELECT l.id, FALSE, FALSE, 0, '{}', '{}', FALSE FROM cooperative_location l WHERE l.id = ANY(ids) ORDER BY l.id
    ON CONFLICT (location_id) DO NOTHING;
    PERFORM 1 FROM advisory_locationstate WHERE location_id = ANY(ids) ORDER BY location_id FOR UPDATE;

    UPDATE advisory_locationstate s
    SET visits_year = this_year, pedagogical_visit = pv.id IS NOT NULL, pedagogical_completed_at = pv.completed_at,
        pedagogical_scheduled_at = pv.scheduled_at, pedagogical_deadline = pv.deadline,
        business_visit = bv.id IS NOT NULL, business_completed_at = bv.completed_at,
        business_scheduled_at = bv.scheduled_at, business_deadline = bv.deadline,
        open_actions = a.open_actions, open_due_dates = a.due_dates,
        document_reviews = d.reviews, documents_from = d.valid_from, documents_until = w.valid_until,
        inspected = i.location_id IS NOT NULL, inspection_met = i.met_requirements
    FROM unnest(ids) AS x(id)
    LEFT JOIN advisory_visit pv ON pv.location_id = x.id AND pv.year = this_year AND pv.visit_type = 'pedagogical'
    LEFT JOIN advisory_visit bv ON bv.location_id = x.id AND bv.year = this_year AND bv.visit_type = 'business'
    CROSS JOIN LATERAL (
        SELECT count(*) AS open_actions, COALESCE(array_agg(due_date ORDER BY due_date), '{}') AS due_dates
        FROM advisory_followupaction WHERE location_id = x.id AND status = 'open'
    ) a
    -- The current version of each required document type today, and the days for which that stays true: from
    -- the latest of their dates of effect up to the next version that takes effect.
    CROSS JOIN LATERAL (
        SELECT COALESCE(array_agg(cur.review_date ORDER BY cur.review_date), '{}') AS reviews,
               max(cur.effective_date) AS valid_from
        FROM (SELECT DISTINCT ON (doc_type_id) review_date, effective_date
              FROM advisory_qualitydocument
              WHERE location_id = x.id AND effective_date <= day
                AND doc_type_id IN (SELECT id FROM advisory_qualitydocumenttype WHERE required)
              ORDER BY doc_type_id, effective_date DESC, version DESC) cur
    ) d
    CROSS JOIN LATERAL (
        SELECT min(effective_date) AS valid_until FROM advisory_qualitydocument
        WHERE location_id = x.id AND effective_date > day
          AND doc_type_id IN (SELECT id FROM advisory_qualitydocumenttype WHERE required)
    ) w
    LEFT JOIN LATERAL (
        SELECT location_id, met_requirements FROM advisory_inspection
        WHERE location_id = x.id ORDER BY inspected_on DESC, id DESC LIMIT 1
    ) i ON TRUE
    WHERE s.location_id = x.id
      AND (s.visits_year, s.pedagogical_visit, s.pedagogical_completed_at, s.pedagogical_scheduled_at,
           s.pedagogical_deadline, s.business_visit, s.business_completed_at, s.business_scheduled_at,
           s.business_deadline, s.open_actions, s.open_due_dates, s.document_reviews, s.documents_from,
           s.documents_until, s.inspected, s.inspection_met)
          IS DISTINCT FROM (this_year, pv.id IS NOT NULL, pv.completed_at, pv.scheduled_at, pv.deadline,
                            bv.id IS NOT NULL, bv.completed_at, bv.scheduled_at, bv.deadline,
                            a.open_actions::int, a.due_dates, d.reviews, d.valid_from, w.valid_until,
                            i.location_id IS NOT NULL, i.met_requirements);
END $$;

-- After a statement on one of the tables: the locations of its rows, before and after (transition tables).
CREATE FUNCTION advisory_location_state_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM advisory_refresh_location_states(ARRAY(SELECT DISTINCT location_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM advisory_refresh_location_states(ARRAY(SELECT DISTINCT location_id FROM old_rows));
    ELSE
        PERFORM advisory_refresh_location_states(
            ARRAY(SELECT location_id FROM old_rows UNION SELECT location_id FROM new_rows));
    END IF;
    RETURN NULL;
END $$;

-- A document type made required or not changes every location's current documents.
CREATE FUNCTION advisory_location_state_document_types() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM advisory_refresh_location_states(ARRAY(SELECT DISTINCT location_id FROM advisory_qualitydocument));
    RETURN NULL;
END $$;

CREATE FUNCTION advisory_location_state_location_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM advisory_locationstate WHERE location_id IN (SELECT id FROM old_rows);
    RETURN NULL;
END $$;
"""
TABLES = ("advisory_visit", "advisory_followupaction", "advisory_qualitydocument", "advisory_inspection")
# PostgreSQL allows transition tables on a trigger of one event only: three triggers a table.
TRIGGERS = "".join(f"""
CREATE TRIGGER {table}_state_i AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION advisory_location_state_written();
CREATE TRIGGER {table}_state_u AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION advisory_location_state_written();
CREATE TRIGGER {table}_state_d AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION advisory_location_state_written();
""" for table in TABLES) + """
CREATE TRIGGER advisory_qualitydocumenttype_state AFTER INSERT OR UPDATE OR DELETE ON advisory_qualitydocumenttype
    FOR EACH STATEMENT EXECUTE FUNCTION advisory_location_state_document_types();
CREATE TRIGGER cooperative_location_state_d AFTER DELETE ON cooperative_location REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION advisory_location_state_location_gone();
"""
FILL = """
SELECT advisory_refresh_location_states(ARRAY(
    SELECT location_id FROM advisory_visit UNION SELECT location_id FROM advisory_followupaction
    UNION SELECT location_id FROM advisory_qualitydocument
    UNION SELECT location_id FROM advisory_inspection));
"""
UNDO = "".join(f"""
DROP TRIGGER {table}_state_i ON {table}; DROP TRIGGER {table}_state_u ON {table};
DROP TRIGGER {table}_state_d ON {table};""" for table in TABLES) + """
DROP TRIGGER advisory_qualitydocumenttype_state ON advisory_qualitydocumenttype;
DROP TRIGGER cooperative_location_state_d ON cooperative_location;
DROP FUNCTION advisory_location_state_location_gone(); DROP FUNCTION advisory_location_state_document_types();
DROP FUNCTION advisory_location_state_written(); DROP FUNCTION advisory_refresh_location_states(bigint[], date);
"""


class Migration(migrations.Migration):

    dependencies = [
        ('advisory', '0003_filing_states'),
        ('cooperative', '0003_location_by_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='LocationState',
            fields=[
                ('location', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='cooperative.location')),
                ('visits_year', models.PositiveIntegerField(null=True)),
                ('pedagogical_visit', models.BooleanField(default=False)),
                ('pedagogical_completed_at', models.DateTimeField(null=True)),
                ('pedagogical_scheduled_at', models.DateTimeField(null=True)),
                ('pedagogical_deadline', models.DateField(null=True)),
                ('business_visit', models.BooleanField(default=False)),
                ('business_completed_at', models.DateTimeField(null=True)),
                ('business_scheduled_at', models.DateTimeField(null=True)),
                ('business_deadline', models.DateField(null=True)),
                ('open_actions', models.PositiveIntegerField(default=0)),
                ('open_due_dates', django.contrib.postgres.fields.ArrayField(base_field=models.DateField(), default=list, size=None)),
                ('document_reviews', django.contrib.postgres.fields.ArrayField(base_field=models.DateField(), default=list, size=None)),
                ('documents_from', models.DateField(null=True)),
                ('documents_until', models.DateField(null=True)),
                ('inspected', models.BooleanField(default=False)),
                ('inspection_met', models.BooleanField(null=True)),
            ],
            options={
                'verbose_name': 'dashboard state of a location',
            },
        ),
        migrations.RunSQL(REFRESH + TRIGGERS + FILL, UNDO),
    ]
