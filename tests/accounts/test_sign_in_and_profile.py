"""Learners sign in by e-mail, reset a forgotten password and keep their profile."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.factories import PASSWORD


def test_a_learner_signs_in_with_their_e_mail_in_any_case_and_stays_in_the_page_language(
    client, learner
):
    learner.preferred_language = "pt"
    learner.save()
    response = client.post(
        "/es/accounts/login/", {"username": "ANA@Rosario.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert response.cookies["django_language"].value == "es"


@pytest.mark.parametrize(
    "path",
    ["/es/my-courses/", "/es/accounts/profile/", "/es/figures/", "/es/verify/"],
)
def test_the_language_switch_leads_to_the_same_page_in_the_other_language(signed_in, learner, path):
    page = signed_in(learner).get(path).content.decode()
    for code in ("pt", "fr", "en", "ca"):
        expected = "/" + code + path[3:]
        assert f'href="{expected}" hreflang="{code}"' in page, (code, path)


def test_a_wrong_password_is_refused_with_a_message_in_the_page_language(client, learner):
    response = client.post("/fr/accounts/login/", {"username": learner.email, "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Saisissez" in response.content.decode()  # Django's own French message


def test_signing_out_ends_the_session(signed_in, learner):
    client = signed_in(learner)
    response = client.post("/es/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_forgotten_password_is_reset_through_an_e_mailed_link(client, learner):
    learner.preferred_language = "fr"
    learner.save()
    # Asked from a Portuguese page, the e-mail comes in the person's own language.
    response = client.post("/pt/accounts/password-reset/", {"email": learner.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert "Bonjour" in message.body
    link = re.search(r"https?://[^/]+(/fr/accounts/password-reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0],
        {
            "new_password1": "a brand new passphrase 42",
            "new_password2": "a brand new passphrase 42",
        },
    )
    assert response.status_code == 302
    assert client.login(username=learner.email, password="a brand new passphrase 42")


def test_a_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, learner):
    response = client.post("/es/accounts/password-reset/", {"email": "nobody@nowhere.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_the_profile_page_requires_signing_in(client):
    response = client.get("/es/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/accounts/login/")


def test_a_learner_edits_their_details_and_the_site_switches_to_their_language(
    signed_in, learner, other_city
):
    client = signed_in(learner)
    response = client.post(
        "/es/accounts/profile/",
        {
            "certificate_name": "Ana María Gutiérrez",
            "preferred_language": "ca",
            "member_city": other_city.pk,
            "position": "elected",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/ca/accounts/profile/"
    learner.refresh_from_db()
    assert learner.certificate_name == "Ana María Gutiérrez"
    assert learner.preferred_language == "ca"
    assert learner.member_city == other_city
    assert learner.position == "elected"


def test_optional_diversity_data_needs_consent_and_is_kept_only_with_it(signed_in, learner):
    client = signed_in(learner)
    base = {"certificate_name": "Ana", "preferred_language": "es", "position": "elected"}

    refused = client.post("/es/accounts/profile/", {**base, "gender_self_described": "mujer"})
    assert refused.status_code == 400
    assert "consent" in refused.content.decode().lower() or "consentimiento" in (
        refused.content.decode().lower()
    )
    learner.refresh_from_db()
    assert learner.gender_self_described == ""

    client.post(
        "/es/accounts/profile/",
        {
            **base,
            "gender_self_described": "mujer",
            "gender_consent": "on",
            "mandate_started_on": "2025-12-10",
            "mandate_consent": "on",
        },
    )
    learner.refresh_from_db()
    assert learner.gender_self_described == "mujer"
    assert learner.gender_consent_at is not None
    assert str(learner.mandate_started_on) == "2025-12-10"

    # Withdrawing consent erases the data it covered.
    client.post("/es/accounts/profile/", {**base, "gender_self_described": ""})
    learner.refresh_from_db()
    assert learner.gender_self_described == ""
    assert learner.gender_consent_at is None
    assert learner.mandate_started_on is None
    assert learner.mandate_consent_at is None


def test_the_database_refuses_diversity_data_without_consent(learner):
    from django.db import IntegrityError, transaction

    learner.gender_self_described = "no binario"
    with pytest.raises(IntegrityError), transaction.atomic():
        learner.save()


def test_the_certificate_name_is_required(signed_in, learner):
    client = signed_in(learner)
    response = client.post(
        "/en/accounts/profile/",
        {"certificate_name": " ", "preferred_language": "en", "position": "other"},
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_signed_in_person_changes_their_password_with_the_current_one(signed_in, client, learner):
    from rest_framework.authtoken.models import Token

    Token.objects.create(user=learner)
    signed_in(learner)
    profile = client.get("/pt/accounts/profile/").content.decode()
    assert 'href="/pt/accounts/profile/password/"' in profile

    wrong = client.post(
        "/pt/accounts/profile/password/",
        {
            "old_password": "not-it",
            "new_password1": "N3w-passw0rd!",
            "new_password2": "N3w-passw0rd!",
        },
    )
    assert wrong.status_code == 200
    assert "palavra-passe antiga" in wrong.content.decode()  # Django's own Portuguese message

    changed = client.post(
        "/pt/accounts/profile/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "N3w-passw0rd!",
            "new_password2": "N3w-passw0rd!",
        },
        follow=True,
    )
    assert changed.redirect_chain[-1][0] == "/pt/accounts/profile/"
    assert "Sua senha foi alterada." in changed.content.decode()
    assert not Token.objects.filter(user=learner).exists()
    learner.refresh_from_db()
    assert learner.check_password("N3w-passw0rd!")
    assert not mail.outbox  # no e-mail round trip


def test_gender_offers_answers_in_the_readers_language_or_the_persons_own_words(signed_in, learner):
    client = signed_in(learner)
    form = client.get("/pt/accounts/profile/").content.decode()
    assert "Mulher" in form and "Homem" in form and "Por palavras minhas" in form
    base = {"certificate_name": "Ana", "preferred_language": "es", "position": "elected"}

    client.post("/es/accounts/profile/", {**base, "gender": "woman", "gender_consent": "on"})
    learner.refresh_from_db()
    assert (learner.gender, learner.gender_self_described) == ("woman", "")
    assert client.get("/api/v1/me/data/").json()["profile"]["gender"] in ("Woman", "Mujer")

    mixed = client.post(
        "/es/accounts/profile/",
        {**base, "gender": "man", "gender_self_described": "algo", "gender_consent": "on"},
    )
    assert mixed.status_code == 400  # words only with "in my own words"
    empty = client.post(
        "/es/accounts/profile/", {**base, "gender": "own_words", "gender_consent": "on"}
    )
    assert empty.status_code == 400
    client.post(
        "/es/accounts/profile/",
        {
            **base,
            "gender": "own_words",
            "gender_self_described": "No binarie",
            "gender_consent": "on",
        },
    )
    learner.refresh_from_db()
    assert (learner.gender, learner.gender_self_described) == ("own_words", "No binarie")
