"""Password guessing is slowed down; API clients sign in for a token."""

from __future__ import annotations

from tests.factories import PASSWORD


def test_repeated_failed_sign_ins_are_refused_for_a_while_even_with_the_right_password(
    client, learner
):
    for _ in range(10):
        client.post("/en/accounts/login/", {"username": learner.email, "password": "guess"})
    blocked = client.post("/en/accounts/login/", {"username": learner.email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Too many failed attempts" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_api_client_gets_a_token_and_uses_it(client, learner, cohort):
    response = client.post(
        "/api/v1/auth/token/",
        {"email": learner.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    mine = client.get("/api/v1/enrollments/", headers={"authorization": f"Token {token}"})
    assert mine.status_code == 200
    assert client.get("/api/v1/enrollments/").status_code == 403


def test_wrong_credentials_get_no_token_and_are_throttled(client, learner):
    for _ in range(10):
        response = client.post(
            "/api/v1/auth/token/",
            {"email": learner.email, "password": "x"},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert response.json()["code"] == "bad_credentials"
    blocked = client.post(
        "/api/v1/auth/token/",
        {"email": learner.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert blocked.status_code == 429
