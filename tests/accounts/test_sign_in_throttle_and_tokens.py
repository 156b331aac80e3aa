"""Password guessing is slowed down; API clients sign in for a token."""

from __future__ import annotations

from tests.factories import PASSWORD, UserFactory


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
    assert client.get("/api/v1/enrollments/").status_code == 401


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


def token(client, email, password, address="203.0.113.7"):
    return client.post(
        "/api/v1/auth/token/",
        {"email": email, "password": password},
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_a_stranger_guessing_does_not_lock_the_owner_out(client, learner):
    for _ in range(12):
        token(client, learner.email, "guess", address="198.51.100.66")
    assert token(client, learner.email, "guess", address="198.51.100.66").status_code == 429
    assert token(client, learner.email, PASSWORD, address="203.0.113.7").status_code == 200


def test_one_address_guessing_many_accounts_is_stopped_and_its_own_sign_in_does_not_reset_it(
    client, learner
):
    own = UserFactory()
    statuses = []
    for n in range(36):
        statuses.append(token(client, f"person{n}@example.org", "guess").status_code)
        if n % 5 == 0:
            assert token(client, own.email, PASSWORD).status_code in {200, 429}
    assert statuses[:20] == [400] * 20
    assert set(statuses[20:]) == {429}


def test_failures_on_one_account_do_not_block_other_accounts_from_the_address(client, learner):
    for _ in range(10):
        token(client, learner.email, "guess")
    assert token(client, learner.email, PASSWORD).status_code == 429
    colleague = UserFactory()
    assert token(client, colleague.email, PASSWORD).status_code == 200
