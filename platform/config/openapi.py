"""The API schema documents the error answers every operation can give, once for all views.

Any operation may refuse bad input (400, field errors), an unknown or refused person (401, 403), a missing
object (404), another method (405) or a body in a media type it does not read (415); operations that count
failed tries answer 429 when there were too many. Times of day are described as DRF writes them.
The bodies are those of `config.service_errors.api_exception_handler` (DRF's format): `{"detail": "..."}` for a
refusal, `{"field": ["message", ...], "non_field_errors": [...]}` for bad input.
"""
from rest_framework.authtoken.views import ObtainAuthToken

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
    "description": "Why the request was refused.",
}
FIELD_ERRORS = {
    "description": "Bad input: the messages per field (a list, or the errors of a nested object or list), "
                   "`non_field_errors` for the input as a whole, or `detail` when the body could not be read.",
    "oneOf": [
        {"type": "object", "additionalProperties": {
            "oneOf": [{"type": "array"}, {"type": "object"}, {"type": "string"}]}},
        {"type": "array", "items": {"type": "string"}},
    ],
}
ERRORS = {
    "400": ("BadRequest", "FieldErrors", FIELD_ERRORS, "The input is wrong; the body names each field."),
    "401": ("Unauthorized", "Detail", DETAIL, "Not logged in, or the token is unknown."),
    "403": ("Forbidden", "Detail", DETAIL, "Not allowed for this person here (role, location or second factor)."),
    "404": ("NotFound", "Detail", DETAIL, "No such object for this person here."),
    "405": ("MethodNotAllowed", "Detail", DETAIL, "The operation does not take this method."),
    "415": ("UnsupportedMediaType", "Detail", DETAIL, "The body is not in a media type the operation reads."),
    "429": ("TooManyRequests", "Detail", DETAIL, "Too many failed tries; try again later."),
}
METHODS = ("get", "put", "post", "patch", "delete")
#: DRF writes a time of day as "08:30" or "08:30:00", without the UTC offset that JSON Schema's `time` format
#: (RFC 3339) requires: the schema says what is really sent.
TIME_OF_DAY = {"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$",
               "example": "08:30"}


def throttled(view) -> bool:
    """DRF throttles, or the token endpoint, which counts failed logins with axes."""
    return bool(getattr(view, "throttle_classes", None)) or isinstance(view, ObtainAuthToken)


def document_error_responses(result, generator, request, public):
    """Post-processing hook: add the shared error responses to every operation that does not name them."""
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    responses = components.setdefault("responses", {})
    for _code, (name, schema_name, schema, description) in ERRORS.items():
        schemas.setdefault(schema_name, schema)
        responses.setdefault(name, {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}},
        })
    views = {(path, method.lower()): view for path, _regex, method, view in generator._get_paths_and_endpoints()}
    for path, item in result.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            documented = operation.setdefault("responses", {})
            for code, (name, *_rest) in ERRORS.items():
                if code == "429" and not throttled(views.get((path, method))):
                    continue
                if code == "415" and "requestBody" not in operation:
                    continue
                documented.setdefault(code, {"$ref": f"#/components/responses/{name}"})
    times_of_day(result)
    return result


def times_of_day(node):
    """Replace every `format: time` string schema by the form DRF really uses (see TIME_OF_DAY)."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "time":
            del node["format"]
            for key, value in TIME_OF_DAY.items():
                node.setdefault(key, value)
        for value in node.values():
            times_of_day(value)
    elif isinstance(node, list):
        for value in node:
            times_of_day(value)
