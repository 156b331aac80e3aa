"""What a careless or hostile client sends gets a JSON 4xx that says what is wrong, never a 500
or Django's HTML page (issue 17, items 2, 5 and 9)."""

from __future__ import annotations

import pytest
from django.http import HttpRequest
from django.urls import path

from config.parsers import MAX_JSON_DEPTH

DEEP = "[" * 50_000 + "]" * 50_000


@pytest.mark.parametrize("url", ["/api/v1/auth/token/", "/api/v1/xapi/statements"])
def test_deeply_nested_json_is_refused_before_it_breaks_the_parser(signed_in, learner, url):
    response = signed_in(learner).post(url, DEEP, content_type="application/json")
    assert response.status_code == 400
    assert f"more than {MAX_JSON_DEPTH} levels" in response.json()["detail"]


def test_json_just_within_the_depth_limit_reaches_the_view(signed_in, learner):
    body = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    response = signed_in(learner).post(
        "/api/v1/xapi/statements", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_statement"  # the view's refusal, not the parser's


def test_a_body_above_the_limit_is_a_json_413(signed_in, learner, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = '{"id": "' + "x" * 2000 + '"}'
    response = signed_in(learner).post(
        "/api/v1/xapi/statements", body, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json()["detail"] == "A request body may take at most 1 kB."


def test_json_errors_are_translated(client):
    response = client.post(
        "/api/v1/auth/token/", "{", content_type="application/json", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("El cuerpo no es JSON válido")


def test_an_unknown_api_address_answers_json_even_in_debug(client, settings, db):
    settings.DEBUG = True
    response = client.get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="pt")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Não há nada neste endereço.", "code": "not_found"}


def test_a_missing_object_says_so_in_the_callers_language(signed_in, learner):
    learner.preferred_language = "es"
    learner.save(update_fields=["preferred_language"])
    response = signed_in(learner).get(
        "/api/v1/certificates/00000000-0000-4000-8000-000000000000/", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 404
    assert "matches the given query" not in response.json()["detail"]
    assert response.json()["detail"] == "No encontrado."


def broken(request: HttpRequest) -> None:
    raise RuntimeError("a bug")


urlpatterns = [path("api/v1/broken/", broken)]


@pytest.mark.urls(__name__)
def test_a_bug_answers_a_json_500_and_is_logged(client, settings, caplog):
    settings.DEBUG = True
    client.raise_request_exception = False
    response = client.get("/api/v1/broken/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "a bug" in caplog.text


@pytest.mark.parametrize("sign_in", ["session", "token"])
def test_a_signed_in_caller_is_answered_in_their_profiles_language_not_the_headers(
    client, learner, sign_in
):
    learner.preferred_language = "pt"
    learner.save(update_fields=["preferred_language"])
    if sign_in == "session":
        client.force_login(learner)
        headers = {}
    else:
        from rest_framework.authtoken.models import Token

        headers = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=learner).key}"}
    response = client.get(
        "/api/v1/certificates/00000000-0000-4000-8000-000000000000/",
        HTTP_ACCEPT_LANGUAGE="fr",
        **headers,
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Não encontrado."
    assert response["Content-Language"] == "pt"


def test_an_anonymous_caller_is_answered_in_the_headers_language(client, db):
    response = client.get("/api/v1/enrollments/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 401
    assert response["Content-Language"] == "fr"
    assert "authentification" in response.json()["detail"].lower()


@pytest.mark.parametrize("encoding", ["form", "multipart"])
def test_a_nul_character_in_a_form_field_is_a_translated_400_not_a_500(
    signed_in, coordinator, encoding
):
    """Found by the API fuzz: a form-encoded field with NUL reached PostgreSQL and failed there
    (the JSON parser refused it already)."""
    from urllib.parse import urlencode

    client = signed_in(coordinator)
    fields = {"title": "El río\x00como aula", "course": "CEC-101", "language": "es"}
    if encoding == "form":
        response = client.post(
            "/api/v1/cohorts/", urlencode(fields), "application/x-www-form-urlencoded"
        )
    else:
        response = client.post("/api/v1/cohorts/", fields)  # multipart, as the test client sends
    assert response.status_code == 400, response.content
    assert "NUL" in response.json()["detail"]
