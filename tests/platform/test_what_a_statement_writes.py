"""What an SQL statement writes (changes.statements), the rule behind every kept page (frontend.kept_pages).

Source: PostgreSQL 15 documentation, "SQL Commands" (INSERT, UPDATE, DELETE, WITH queries — section 7.8.4
"Data-Modifying Statements in WITH", COPY, and the utility commands), and the statements Django 5.2's compiler
writes (quoted names, `%s` placeholders). Every doubt must fall on the side of a write: a read taken for a write
costs one page made again, a write taken for a read would show a parent stale data."""
import pytest

from changes.statements import ANYTHING, Write, written

CASES = [
    # reads
    ("SELECT 1", None),
    ('  select "a" from "kdv_x"."children_child"', None),
    ("SELECT * FROM t FOR UPDATE", None),
    ('SET search_path = "kdv_x","public"', None),
    ("SHOW server_version", None),
    ("BEGIN", None), ("COMMIT", None), ("ROLLBACK", None),
    ('SAVEPOINT "s1_x1"', None), ('RELEASE SAVEPOINT "s1_x1"', None), ('ROLLBACK TO SAVEPOINT "s1_x1"', None),
    ("EXPLAIN ANALYZE SELECT 1", None),
    ("VALUES (1), (2)", None),
    # a read-only WITH: the overview's statement names a column "updated_at" and a CTE "live"
    ("WITH kids AS (SELECT id FROM c) , live AS (SELECT updated_at FROM k) SELECT * FROM kids", None),
    ('COPY "kdv_x"."children_child" TO STDOUT', None),
    ("COPY (SELECT 1) TO STDOUT WITH (FORMAT csv)", None),
    ("/* a comment */ SELECT 1", None),
    ("-- a line comment\nSELECT 1", None),
    # one table, as Django writes it
    ('INSERT INTO "children_child" ("first_name") VALUES (%s) RETURNING "children_child"."id"',
     Write(None, "children_child")),
    ('UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s',
     Write(None, "accounts_user", frozenset({"last_login"}))),
    ('UPDATE "accounts_user" SET "last_login" = %s, "full_name" = %s WHERE "accounts_user"."id" = %s',
     Write(None, "accounts_user", frozenset({"last_login", "full_name"}))),
    ('UPDATE "t" SET "n" = ("t"."n" + %s) WHERE "t"."id" = %s', Write(None, "t", None)),  # not a plain value
    ('DELETE FROM "handover_handover" WHERE "handover_handover"."id" IN (%s)', Write(None, "handover_handover")),
    # named with its schema, quoted or not, any case
    ('DELETE FROM "kdv_x"."handover_handover" WHERE id = 1', Write("kdv_x", "handover_handover")),
    ("insert into Kdv_Y.Children_Child values (1)", Write("kdv_y", "children_child")),
    ('INSERT INTO "Odd""Name"."t" VALUES (1)', Write('Odd"Name', "t")),
    ("UPDATE ONLY s.t SET a = 1", Write("s", "t")),
    ("/* by the release */ INSERT INTO s.t VALUES (1)", Write("s", "t")),
    # may write anywhere
    ("WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone", ANYTHING),
    ("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", ANYTHING),
    ("WITH x AS (SELECT 1) UPDATE t SET a = 1", ANYTHING),
    ('CREATE TABLE "kdv_x"."t" ("id" bigint)', ANYTHING),
    ('ALTER TABLE "children_child" ADD COLUMN "x" int', ANYTHING),
    ('DROP SCHEMA "kdv_x" CASCADE', ANYTHING),
    ('TRUNCATE "children_child"', ANYTHING),
    ("COPY t FROM STDIN", ANYTHING),
    ("DO $$ BEGIN PERFORM 1; END $$", ANYTHING),
    ("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", ANYTHING),
    ("(SELECT 1)", ANYTHING),  # not recognised: a write, to be safe
    ("", ANYTHING),
]


@pytest.mark.parametrize(("sql", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_what_a_statement_writes(sql, expected):
    assert written(sql) == expected
