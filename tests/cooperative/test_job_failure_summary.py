"""What a job records of a location's failure (cooperative.rules.error_summary): the database's own message
only for errors that name database objects, never values; field names of a validation error; a short code;
otherwise the error's class alone — messages often quote the data that caused them."""
import pytest
from django.core.exceptions import ValidationError

from cooperative import rules


class Diag:
    def __init__(self, message):
        self.message_primary = message


class DatabaseProblem(Exception):
    def __init__(self, sqlstate, message):
        super().__init__(message)
        self.sqlstate, self.diag = sqlstate, Diag(message)


def wrapped(cause: Exception) -> Exception:
    """As Django raises it: its own error class, the driver's error as the cause."""
    try:
        raise RuntimeError(str(cause)) from cause
    except RuntimeError as error:
        return error


@pytest.mark.parametrize(("error", "summary"), [
    (wrapped(DatabaseProblem("42P01", 'relation "invoices_invoiceline" does not exist')),
     'SQLSTATE 42P01: relation "invoices_invoiceline" does not exist'),
    (wrapped(DatabaseProblem("23505", 'duplicate key value violates unique constraint "one_per_month"')),
     'SQLSTATE 23505: duplicate key value violates unique constraint "one_per_month"'),
    (wrapped(DatabaseProblem("22P02", 'invalid input syntax for type integer: "Saartje Verbeek"')),
     "SQLSTATE 22P02"),
    (wrapped(DatabaseProblem("P0001", "cannot invoice Saartje Verbeek")), "SQLSTATE P0001"),
    (ValidationError({"parent": ["Saartje Verbeek has no paying parent."], "rates": ["none"]}),
     "fields: parent, rates"),
    (ValidationError("Saartje Verbeek has no contract.", code="no_contract"), "code: no_contract"),
    (type("CardError", (Exception,), {"code": "card_declined"})("Card of P. Verbeek declined"), "code: card_declined"),
    (type("CardError", (Exception,), {"code": "a code with spaces"})("x"), ""),
    (ValueError("cannot list Saartje Verbeek for parent@alpha.test"), ""),
])
def test_summary_keeps_no_value_from_the_data(error, summary):
    assert rules.error_summary(error) == summary
    assert "Saartje" not in rules.error_summary(error)


def test_class_name_with_its_module():
    assert rules.error_class_name(ValueError("x")) == "ValueError"
    assert rules.error_class_name(ValidationError("x")) == "django.core.exceptions.ValidationError"


def test_summary_is_short():
    assert len(rules.error_summary(wrapped(DatabaseProblem("42703", "column " + "x" * 500)))) == rules.MAX_MESSAGE
