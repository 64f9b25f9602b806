"""What an SQL statement writes, read from its text (no Django here: tested with tables of statements).

`written(sql)` answers one of:
- `None`: the statement writes nothing (a SELECT, SET, SHOW, a transaction or savepoint command, a read-only
  `WITH`, `COPY … TO`);
- a `Write(schema, table, columns)`: one `INSERT INTO`, `UPDATE` or `DELETE FROM` of one table, its schema when
  the statement names it (else `None`: the search path decides), and for an `UPDATE` of plain `"column" = %s`
  assignments the columns it sets (else `None`);
- `ANYTHING`: a statement that may write anywhere (DDL, `TRUNCATE`, `COPY … FROM`, `DO`, a `WITH` holding a write,
  anything not recognised). The caller then assumes everything it cannot rule out changed.

Misreading a read as a write costs a page built again; misreading a write as a read would show stale data, so
every doubt falls on the side of a write.
"""
import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Write:
    schema: str | None
    table: str
    columns: frozenset[str] | None = None


ANYTHING = "anything"

_COMMENTS = re.compile(r"\A(?:\s+|--[^\n]*\n|/\*.*?\*/)*", re.S)
_READS = frozenset({
    "SELECT", "SHOW", "SET", "RESET", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE",
    "EXPLAIN", "DECLARE", "FETCH", "MOVE", "CLOSE", "LOCK", "VALUES", "TABLE", "LISTEN", "UNLISTEN", "NOTIFY",
    "DISCARD", "DEALLOCATE", "PREPARE", "ANALYZE", "ANALYSE", "VACUUM", "CHECKPOINT"})
_NAME = r'(?:"((?:[^"]|"")+)"|([A-Za-z_][\w$]*))'
_TARGET = re.compile(
    rf"(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?{_NAME}(?:\s*\.\s*{_NAME})?(\s+.*)?\Z", re.I | re.S)
_PLAIN_SET = re.compile(r'\s*SET\s+((?:"\w+"\s*=\s*%s\s*,\s*)*"\w+"\s*=\s*%s)\s+WHERE\s', re.I)
_SET_COLUMN = re.compile(r'"(\w+)"\s*=')
_WRITE_IN_WITH = re.compile(r"\b(?:INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\S+\s+SET|MERGE\s+INTO)\b", re.I)
_COPY_OUT = re.compile(r"\ACOPY\b.*\bTO\s+(?:STDOUT|'|PROGRAM)", re.I | re.S)


def _name(quoted: str | None, bare: str | None) -> str:
    return quoted.replace('""', '"') if quoted is not None else bare.lower()


@lru_cache(maxsize=2048)
def written(sql: str) -> Write | str | None:
    text = sql[_COMMENTS.match(sql).end():]
    keyword = text[:12].split(None, 1)[0].upper().rstrip("(;") if text.strip() else ""
    if keyword in _READS:
        return None
    if keyword == "WITH":
        return ANYTHING if _WRITE_IN_WITH.search(text) else None
    if keyword == "COPY":
        return None if _COPY_OUT.match(text) else ANYTHING
    if keyword not in ("INSERT", "UPDATE", "DELETE"):
        return ANYTHING
    found = _TARGET.match(text)
    if found is None:
        return ANYTHING
    verb, first, second, rest = found.group(1), _name(found.group(2), found.group(3)), None, found.group(6) or ""
    if found.group(4) is not None or found.group(5) is not None:
        second = _name(found.group(4), found.group(5))
    schema, table = (first, second) if second is not None else (None, first)
    columns = None
    if verb.upper() == "UPDATE":
        plain = _PLAIN_SET.match(rest)
        if plain is not None:
            columns = frozenset(_SET_COLUMN.findall(plain.group(1)))
    return Write(schema, table, columns)
