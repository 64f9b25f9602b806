"""The cooperative complaint report: the locations' annual complaint figures as one picture.

Design choice: a reporting table in the public schema (`ComplaintFact`, one anonymous row per complaint,
and `ReportStatus`, one row per location and year), written by the complaint services of each location
in the same database transaction as the complaint itself (`complaint_reports.services.record_complaint`),
and rebuilt from the location schemas by `manage.py rebuild_complaint_report`.

Why not one `UNION ALL` over the location schemas: the statement grows with the number of locations
(thousands of branches to plan on every page view), it has to be regenerated whenever a location is
added, and it breaks once the schemas are spread over Citus workers. The reporting table keeps the
report at a fixed, small number of queries (locations, figures grouped in SQL, report statuses), whatever
the number of locations, and it holds nothing personal: no names, no child, no text, only subject, dates,
outcome and counts — the figures a location's anonymous annual report shows anyway.

For thousands of locations the facts are also summed per location and year into `ComplaintTally` by a
trigger in the database (complaint_reports.tally), so the report adds up one row per location instead of
grouping every complaint.
"""
