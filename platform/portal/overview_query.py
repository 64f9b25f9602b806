"""The parent's part of one location in one SQL statement.

The overview is the page every parent opens first, many times a day. Built from about fifteen ORM
queries per location it spent most of its time composing SQL, so the reads are one statement here: each
part a sub-select aggregated to JSON, run in the location's schema (the caller has entered it). The table
names come from the models, so a renamed table cannot go unnoticed; the parts mirror the selectors of the
apps they read (children, contracts, attendance, handover, invoices, payments, tariffs, surveys, messages),
and `tests/portal/test_overview_contents.py` holds them to the same answers. The children are those whose
place has not ended today (tenants.children.rules.place_ended, the same test in SQL).

The statement names its tables with the location's schema and is run as a prepared statement (psycopg
prepares it on the connection; PostgreSQL keeps a generic plan after a few runs): planning it took longer
than running it (about 2 ms of the database's time against under 1 ms). A search path of its own would not
do, since PostgreSQL plans a prepared statement again whenever the search path has changed, and a parent's
locations alternate. Each connection keeps at most psycopg's `prepared_max` (100) of them.
"""
from datetime import date, datetime, time
from functools import lru_cache
from time import perf_counter

import psycopg
from django.apps import apps
from django.db import connection

UNPAID = ["sent", "open", "overdue"]
LIVE_MANDATES = ["pending", "active"]


def _table(schema: str, label: str) -> str:
    app_label, name = label.split(".")
    return _qualified(schema, apps.get_model(app_label, name)._meta.db_table)


def _qualified(schema: str, table: str) -> str:
    return f"{connection.ops.quote_name(schema)}.{connection.ops.quote_name(table)}"


@lru_cache(maxsize=256)
def statement(schema: str) -> str:
    """The statement for the location whose schema is `schema`, every table named with it."""
    t = {key: _table(schema, label) for key, label in {
        "child": "children.Child", "contract": "contracts.Contract", "version": "contracts.ContractVersion",
        "absence": "attendance.Absence", "extra": "attendance.ExtraDayRequest", "handover": "handover.Handover",
        "invoice": "invoices.Invoice", "mandate": "payments.Mandate", "hours": "tariffs.RegisteredHours",
        "survey": "surveys.Survey", "participation": "surveys.Participation",
        "conversation": "parent_messages.Conversation", "message": "parent_messages.Message",
        "message_read": "parent_messages.MessageRead", "announcement": "parent_messages.Announcement",
        "announcement_read": "parent_messages.AnnouncementRead", "swap": "attendance.SwapRequest",
        "change_request": "contracts.ChangeRequest", "record": "attendance.AttendanceRecord"}.items()}
    guardians = _qualified(schema, apps.get_model("children", "Child").guardians.through._meta.db_table)
    return f"""
WITH kids AS (
    SELECT c.id, c.first_name, c.last_name, c.group_id FROM {t['child']} c
    JOIN {guardians} g ON g.child_id = c.id WHERE g.user_id = %(user)s
     AND (NOT EXISTS (SELECT 1 FROM {t['contract']} k WHERE k.child_id = c.id)
          OR EXISTS (SELECT 1 FROM {t['contract']} k WHERE k.child_id = c.id
                      AND (k.end_date IS NULL OR k.end_date >= %(today)s)))
), live AS (
    SELECT k.id, k.child_id, k.status, k.start_date FROM {t['contract']} k
    WHERE k.child_id IN (SELECT id FROM kids) AND (k.end_date IS NULL OR k.end_date >= %(today)s)
)
SELECT
    (SELECT coalesce(json_agg(json_build_array(id, first_name, last_name) ORDER BY first_name, last_name, id), '[]')
       FROM kids),
    (SELECT coalesce(json_agg(json_build_array(l.id, l.child_id, l.status, l.start_date,
            (SELECT coalesce(json_agg(json_build_array(v.number, v.signed_at IS NOT NULL, v.effective_from,
                                                       v.schedule_type, v.schedule) ORDER BY v.number), '[]')
               FROM {t['version']} v WHERE v.contract_id = l.id)) ORDER BY l.start_date DESC, l.id DESC), '[]')
       FROM live l),
    (SELECT coalesce(json_object_agg(child_id, kind), '{{}}') FROM (
        SELECT DISTINCT ON (child_id) child_id, kind FROM {t['absence']}
         WHERE child_id IN (SELECT id FROM kids) AND start_date <= %(today)s AND end_date >= %(today)s
         ORDER BY child_id, start_date, reported_at) a),
    (SELECT coalesce(json_object_agg(child_id, json_build_array(start_time, end_time)), '{{}}')
       FROM {t['extra']} WHERE child_id IN (SELECT id FROM kids) AND date = %(today)s AND status = 'accepted'),
    (SELECT coalesce(json_object_agg(child_id, id), '{{}}')
       FROM {t['handover']} WHERE child_id IN (SELECT id FROM kids) AND date = %(today)s),
    (SELECT coalesce(json_agg(json_build_array(id, child_id, child_name, due_date)
                              ORDER BY period_start DESC, number DESC), '[]')
       FROM {t['invoice']}
      WHERE (child_id IN (SELECT id FROM kids) OR parent_id = %(user)s) AND status = ANY(%(unpaid)s)),
    EXISTS (SELECT 1 FROM {t['mandate']} WHERE parent_id = %(user)s AND status = ANY(%(mandates)s)),
    (SELECT coalesce(json_agg(json_build_array(contract_id, child_id) ORDER BY contract_id), '[]') FROM (
        SELECT DISTINCT h.contract_id, l.child_id FROM {t['hours']} h JOIN live l ON l.id = h.contract_id
         WHERE h.approved_at IS NULL) open_hours),
    (SELECT coalesce(json_agg(json_build_array(s.id, s.title) ORDER BY s.opens_on DESC, s.id DESC), '[]')
       FROM {t['survey']} s
      WHERE s.coop_survey_id IS NULL AND s.opens_on <= %(today)s AND (s.closes_on IS NULL OR s.closes_on >= %(today)s)
        AND NOT EXISTS (SELECT 1 FROM {t['participation']} p WHERE p.survey_id = s.id AND p.user_id = %(user)s)),
    (SELECT coalesce(json_agg(DISTINCT s.coop_survey_id), '[]') FROM {t['participation']} p
       JOIN {t['survey']} s ON s.id = p.survey_id WHERE p.user_id = %(user)s AND s.coop_survey_id IS NOT NULL),
    (SELECT count(*) FROM {t['message']} m
      WHERE m.conversation_id IN (SELECT cv.id FROM {t['conversation']} cv WHERE cv.child_id IN (SELECT id FROM kids))
        AND m.author_id IS DISTINCT FROM %(user)s
        AND NOT EXISTS (SELECT 1 FROM {t['message_read']} r WHERE r.message_id = m.id AND r.user_id = %(user)s)),
    (SELECT count(*) FROM {t['announcement']} a
      WHERE (a.group_id IS NULL OR a.group_id IN (SELECT group_id FROM kids WHERE group_id IS NOT NULL))
        AND NOT EXISTS (SELECT 1 FROM {t['announcement_read']} r
                         WHERE r.announcement_id = a.id AND r.user_id = %(user)s)),
    (SELECT coalesce(json_agg(json_build_array(child_id, give_up_date = %(today)s, start_time, end_time)), '[]')
       FROM {t['swap']} WHERE child_id IN (SELECT id FROM kids) AND status = 'accepted'
        AND (date = %(today)s OR give_up_date = %(today)s)),
    (SELECT coalesce(json_agg(json_build_array(r.id, l.child_id) ORDER BY r.requested_at), '[]')
       FROM {t['change_request']} r JOIN live l ON l.id = r.contract_id WHERE r.status = 'open'),
    (SELECT coalesce(json_object_agg(child_id, json_build_array(arrived, gone, still_here)), '{{}}') FROM (
        SELECT child_id, min(check_in) AS arrived, max(check_out) AS gone, bool_or(check_out IS NULL) AS still_here
          FROM {t['record']} WHERE child_id IN (SELECT id FROM kids) AND date = %(today)s GROUP BY child_id) stays)
"""


def _date(value):
    return date.fromisoformat(value) if value else None


def _time(value):
    return time.fromisoformat(value) if value else None


def _moment(value):
    return datetime.fromisoformat(value) if value else None


def _execute(sql: str, params: dict):
    """The statement's one row, from a cursor binding its parameters on the server so that psycopg can
    prepare it. Django's own cursors bind on the client and never prepare; on a connection where preparing is
    off (Django's default) it is turned on for cursors like this one only, at their first run. Django wraps
    the cursor as any other (its errors); where queries are logged (tests, DEBUG) the statement is logged with
    its parameters, as Django logs its own."""
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        raw.prepare_threshold = 0
    started = perf_counter()
    with connection.make_cursor(psycopg.Cursor(raw)) as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if connection.queries_logged:
        connection.queries_log.append({"sql": psycopg.ClientCursor(raw).mogrify(sql, params),
                                       "time": f"{perf_counter() - started:.3f}"})
    return row


def read(user_id: int, today: date, schema: str) -> dict:
    """The parent's children, live contracts (with versions), today's absences, extra days and handovers,
    unpaid invoices, whether a mandate is given, hours to approve, surveys to answer, unread counts, today's
    accepted swaps (from or to today), the open contract change requests and today's stays (first arrival,
    last departure, whether the child is still there), from the location whose schema is `schema`."""
    (children, contracts, absences, extras, handovers, invoices, has_mandate, hours, surveys, answered_coop,
     unread_messages, unread_announcements, swaps, change_requests, stays) = _execute(
        statement(schema), {"user": user_id, "today": today, "unpaid": UNPAID, "mandates": LIVE_MANDATES})
    return {
        "children": [{"id": i, "first_name": first, "last_name": last} for i, first, last in children],
        "contracts": [{"id": i, "child_id": child, "status": status, "start_date": _date(start),
                       "versions": [{"number": n, "signed": signed, "effective_from": _date(effective),
                                     "schedule_type": kind, "schedule": schedule}
                                    for n, signed, effective, kind, schedule in versions]}
                      for i, child, status, start, versions in contracts],
        "absences": {int(k): v for k, v in absences.items()},
        "extras": {int(k): (_time(start), _time(end)) for k, (start, end) in extras.items()},
        "handovers": {int(k): v for k, v in handovers.items()},
        "invoices": [{"id": i, "child_id": child, "child_name": name or "", "due_date": _date(due)}
                     for i, child, name, due in invoices],
        "has_mandate": has_mandate,
        "hours": [tuple(row) for row in hours],
        "surveys": [{"id": i, "title": title} for i, title in surveys],
        "answered_coop": set(answered_coop),
        "unread_messages": unread_messages,
        "unread_announcements": unread_announcements,
        "swaps": [{"child_id": child, "given_up": given_up, "start": _time(start), "end": _time(end)}
                  for child, given_up, start, end in swaps],
        "change_requests": [tuple(row) for row in change_requests],
        "stays": {int(k): {"arrived": _moment(arrived), "left": None if here else _moment(gone), "here": here}
                  for k, (arrived, gone, here) in stays.items()},
    }
