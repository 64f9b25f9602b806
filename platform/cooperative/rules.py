"""Rules for locations as plain functions (no Django): slugs, schema names, LRK numbers, and what a job that
loops over the locations may record of a location's failure.

A location's slug is its host name (<slug>.<main domain>) and, with hyphens as underscores, the name
of its PostgreSQL schema. The LRK (Landelijk Register Kinderopvang) number is nine digits per care type, for
locations of a jurisdiction whose policy keeps that register.
"""
import re

from jurisdictions import CODES, POLICIES

KINDS = ("gastouder", "kdv", "bso", "kindercentrum")
JURISDICTIONS = CODES
CARE_TYPES_BY_KIND = {
    "gastouder": ("gastouder",),
    "kdv": ("kdv",),
    "bso": ("bso",),
    "kindercentrum": ("kdv", "bso"),
}
RESERVED_SLUGS = frozenset(
    {"public", "www", "api", "admin", "static", "media", "mail", "location-template", "location_template"}
)
SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 40  # leaves room in a 63-byte schema name and a DNS label
LRK_PATTERN = re.compile(r"^\d{9}$")


def schema_name_for(slug: str) -> str:
    """The schema name of a location: its slug with hyphens turned into underscores."""
    return slug.replace("-", "_")


def slug_errors(slug: str) -> list[str]:
    """Why a slug cannot be used as a host name and schema name (empty when it can)."""
    if not slug:
        return ["A slug is required."]
    if slug in RESERVED_SLUGS or schema_name_for(slug) in RESERVED_SLUGS:
        return [f"'{slug}' is reserved."]
    errors = []
    if len(slug) > MAX_SLUG_LENGTH:
        errors.append(f"At most {MAX_SLUG_LENGTH} characters.")
    if not SLUG_PATTERN.match(slug):
        errors.append(
            "Use lower-case letters, digits and single hyphens, starting with a letter "
            "(it becomes the host name and the database schema name)."
        )
    if schema_name_for(slug).startswith("pg_"):
        errors.append("A schema name may not start with 'pg_'.")
    return errors


def lrk_errors(kind: str, jurisdiction: str, lrk_numbers: dict) -> dict[str, str]:
    """Problems with the LRK numbers of a location, keyed by care type."""
    errors: dict[str, str] = {}
    entry = POLICIES.get(jurisdiction)  # an unknown code is the jurisdiction field's error, not this one's
    if entry is None or not entry.lrk_register:
        if any(lrk_numbers.values()):
            errors["lrk_numbers"] = "Only Dutch locations are registered in the LRK."
        return errors
    allowed = CARE_TYPES_BY_KIND.get(kind, ())
    for care_type, number in lrk_numbers.items():
        if care_type not in allowed:
            errors[care_type] = f"A {kind} location has no care type '{care_type}'."
        elif number and not LRK_PATTERN.match(str(number)):
            errors[care_type] = "An LRK number has exactly 9 digits."
    return errors


# --- what a job records of a location's failure ----------------------------------------------------------

#: PostgreSQL errors whose primary message names only database objects (tables, columns, constraints) or a
#: condition, never a value from a row: their text is kept. Any other error keeps its class (and code) only,
#: because messages often quote the data that caused them (a child's name, an e-mail address).
SAFE_SQLSTATES = frozenset({
    "23502", "23503", "23505", "23514",  # not null, foreign key, unique, check: names the constraint
    "40001", "40P01",  # serialization failure, deadlock
    "42501", "42P01", "42703", "42883",  # permission denied, no such table, column or function
    "53100", "53200", "53300",  # disk full, out of memory, too many connections
    "55P03", "57014",  # lock not available, statement cancelled (timeout)
})
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,60}$")
MAX_MESSAGE = 300


def error_class_name(error: BaseException) -> str:
    """`module.Class` of an exception, e.g. django.db.utils.ProgrammingError."""
    kind = type(error)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def error_summary(error: BaseException) -> str:
    """A short description of `error` that carries no personal data (see SAFE_SQLSTATES): the database's own
    message for schema and lock problems, the field names of a validation error, a short error code."""
    cause = error.__cause__ if error.__cause__ is not None else error
    sqlstate = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if sqlstate:
        primary = getattr(getattr(cause, "diag", None), "message_primary", None) or ""
        text = f"SQLSTATE {sqlstate}" + (f": {primary}" if primary and sqlstate in SAFE_SQLSTATES else "")
        return text[:MAX_MESSAGE]
    fields = getattr(error, "error_dict", None)
    if isinstance(fields, dict) and fields:
        return ("fields: " + ", ".join(sorted(str(name) for name in fields)))[:MAX_MESSAGE]
    code = getattr(error, "code", None)
    if isinstance(code, str) and CODE_PATTERN.match(code):
        return f"code: {code}"
    return ""
