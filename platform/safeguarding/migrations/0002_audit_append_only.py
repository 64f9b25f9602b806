"""The audit trail is append-only in the database too: UPDATE and DELETE on it raise an error."""
from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION safeguarding_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the meldcode audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER safeguarding_audit_append_only
    BEFORE UPDATE OR DELETE ON safeguarding_caseauditentry
    FOR EACH ROW EXECUTE FUNCTION safeguarding_audit_append_only();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS safeguarding_audit_append_only ON safeguarding_caseauditentry;
DROP FUNCTION IF EXISTS safeguarding_audit_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("safeguarding", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
