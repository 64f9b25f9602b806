"""One mapping of a service's errors to what people and scripts see. Services raise Django's ValidationError,
keyed by field (or a bare list of messages); a page shows each message at its form field (above the form when
the form has no such field), and the API answers 400 with the same field errors in DRF's format
(`{"field": ["..."], "non_field_errors": ["..."]}`)."""
from django.core.exceptions import ValidationError
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.views import exception_handler as drf_exception_handler


def errors_by_field(exc: ValidationError, no_field=None) -> dict:
    """{field: [messages]}; the messages of an error that names no field under `no_field`."""
    return exc.message_dict if hasattr(exc, "error_dict") else {no_field: exc.messages}


def add_service_errors(form, exc: ValidationError, rename: dict | None = None) -> None:
    """Show a service's ValidationError on `form`: at the field when the form has it (a service's field name
    may be `rename`d to the form's), else above the form."""
    for field, messages in errors_by_field(exc).items():
        field = (rename or {}).get(field, field)
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)


def api_exception_handler(exc, context):
    """DRF's exception handler that also answers a service's Django ValidationError as a 400 with field
    errors (REST_FRAMEWORK["EXCEPTION_HANDLER"])."""
    if isinstance(exc, ValidationError):
        exc = ApiValidationError(detail=errors_by_field(exc, "non_field_errors"))
    return drf_exception_handler(exc, context)


def translated(errors):
    """A rules module's messages (English, marked for translation) in the reader's language: a list of messages
    or {field: [messages]}; a message that keeps its template and parameters (a rules module's `Text`) gets its
    dates and numbers as the reader writes them. A text without a translation stays as it is."""
    from django.utils.translation import gettext

    from frontend.numbers import for_reader

    if isinstance(errors, dict):
        return {field: translated(messages) for field, messages in errors.items()}
    return [gettext(message.template) % {key: for_reader(value) for key, value in message.params.items()}
            if getattr(message, "template", None) else gettext(message) for message in errors]
