"""The OpenAPI document lists every endpoint and validates without warnings."""

from __future__ import annotations

from django.core.management import call_command
from jsonschema import Draft202012Validator

ENDPOINTS = [
    "/api/v1/courses/",
    "/api/v1/cohorts/",
    "/api/v1/cohorts/{public_id}/enroll/",
    "/api/v1/cohorts/{public_id}/roster/",
    "/api/v1/enrollments/",
    "/api/v1/enrollments/{public_id}/withdraw/",
    "/api/v1/enrollments/{public_id}/complete/",
    "/api/v1/lessons/{translation_key}/done/",
    "/api/v1/xapi/statements",
]


def test_the_schema_documents_every_endpoint(client, db):
    schema = client.get("/api/schema/", headers={"accept": "application/json"}).json()
    assert set(ENDPOINTS) <= set(schema["paths"])
    assert client.get("/api/docs/").status_code == 200


def test_the_schema_validates_without_warnings(tmp_path, db):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert (tmp_path / "s.yml").read_text().startswith("openapi:")


def test_every_operation_documents_the_errors_it_answers_with_the_body_aula_sends(
    client, db, signed_in, learner
):
    schema = client.get("/api/schema/", headers={"accept": "application/json"}).json()
    error_ref = {"$ref": "#/components/schemas/Error"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "400" in responses, (method, path)
            for code, response in responses.items():
                if code.startswith("4"):
                    body = response["content"]["application/json"]["schema"]
                    # Verification answers its own record for unknown or malformed codes.
                    assert body == error_ref or "/verify/" in path, (method, path, code)
            if "security" in operation and {} not in operation["security"]:
                assert {"401", "403"} <= set(responses), (method, path)
    assert "429" in schema["paths"]["/api/v1/auth/token/"]["post"]["responses"]
    assert "409" in schema["paths"]["/api/v1/cohorts/{public_id}/enroll/"]["post"]["responses"]

    # The bodies really sent match the Error schema: a 400 from a service, one from a
    # serializer, a 401, a 404.
    validator = Draft202012Validator(
        {"$ref": "#/components/schemas/Error", "components": schema["components"]}
    )
    sent = [
        client.post("/api/v1/auth/token/", {}, content_type="application/json"),
        client.get("/api/v1/enrollments/"),
        signed_in(learner).post("/api/v1/xapi/statements", [], content_type="application/json"),
        client.get("/api/v1/courses/no-such-course/"),
    ]
    assert [response.status_code for response in sent] == [400, 401, 400, 404]
    for response in sent:
        validator.validate(response.json())
