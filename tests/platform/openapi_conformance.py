"""Check one answer of the API against the OpenAPI schema its host serves: a documented status code, the
documented content type and, for JSON, a body of the documented shape. For the focused tests of answers that
schemathesis (tests/platform/test_api_fuzz.py) once found to differ from the schema."""
import json

from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

DOCUMENT = "urn:opvangkring:openapi"


def escape(name: str) -> str:
    """A name as one step of a JSON pointer."""
    return name.replace("~", "~0").replace("/", "~1")


def served_schema(client) -> dict:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def assert_conforms(client, path: str, method: str, response):
    """`path` as the schema names it (e.g. /api/v1/children/{id}/); `client` talks to the answer's host."""
    document = served_schema(client)
    answers = document["paths"][path][method.lower()]["responses"]
    code = str(response.status_code)
    assert code in answers, f"{method} {path}: {code} is not documented ({sorted(answers)})"
    answer, where = answers[code], f"#/paths/{escape(path)}/{method.lower()}/responses/{code}"
    if "$ref" in answer:
        where = answer["$ref"]
        answer = document["components"]["responses"][where.rsplit("/", 1)[1]]
    content = answer.get("content", {})
    media_type = response.get("Content-Type", "").split(";")[0].strip()
    if not content:
        return
    assert media_type in content, f"{method} {path}: {media_type} is not documented ({sorted(content)})"
    if media_type != "application/json" or "schema" not in content[media_type]:
        return
    registry = Registry().with_resource(DOCUMENT, Resource.from_contents(document, default_specification=DRAFT4))
    schema = {"$ref": f"{DOCUMENT}{where}/content/{escape(media_type)}/schema"}
    validator = OAS30ReadValidator(schema, registry=registry, format_checker=oas30_format_checker)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(
        json.loads(response.content))]
    assert errors == [], f"{method} {path} ({code}): {errors}"
