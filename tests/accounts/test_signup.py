"""A newly elected official finds a course and creates an account: the address is proved by a
link before the account exists, an address already in use is never revealed, and what the form
keeps is in the data download and goes with erasure."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from accounts import privacy
from accounts import signup as signups
from accounts.models import User

PASSWORD = "una clave bastante larga 2026"


def link_in(message) -> str:
    found = re.search(r"https?://[^/\s]+(/\S+/accounts/signup/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def ask(client, email: str, language: str = "es", **extra):
    return client.post(f"/{language}/accounts/signup/", {"email": email, **extra})


def details(city=None, **changes) -> dict:
    data = {
        "certificate_name": "María José Quispe",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "member_city": city.pk if city else "",
        "other_city": "" if city else "Municipalidad de Cusco",
        "position": "elected",
        "preferred_language": "es",
        "time_zone": "America/Lima",
        "gender_self_described": "",
        "privacy": "on",
    }
    data.update(changes)
    return data


def test_a_person_signs_up_with_a_link_and_lands_where_they_were_going(client, site, city):
    course_page = site["course"].url
    sent = ask(client, "Maria@Cusco.example", next=course_page)
    assert sent.status_code == 200
    assert "Revisa tu bandeja de entrada" in sent.content.decode()
    assert User.objects.count() == 0  # nothing exists before the address is proved
    (message,) = mail.outbox
    assert message.to == ["Maria@cusco.example"]
    assert message.subject == "Crea tu cuenta de Aula"
    link = link_in(message)

    form = client.get(link)
    assert form.status_code == 200
    assert "Maria@cusco.example" in form.content.decode()
    refused = client.post(
        link, details(password2="otra", other_city="", gender_self_described="Mujer")
    )
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Las dos contraseñas son distintas." in page
    assert "Elige tu ciudad miembro o escribe dónde trabajas." in page
    assert "Marca la casilla de consentimiento" in page
    assert User.objects.count() == 0

    created = client.post(link, details(city=city))
    assert created.status_code == 302
    assert created["Location"] == course_page
    user = User.objects.get()
    assert user.email == "maria@cusco.example"
    assert user.check_password(PASSWORD)
    assert (user.member_city, user.time_zone, user.position) == (city, "America/Lima", "elected")
    assert user.gender_self_described == "" and user.gender_consent_at is None
    assert client.get("/es/my-courses/").status_code == 200  # signed in

    # The link again, or raced by a second tab: still one account, and a way to sign in.
    client.logout()
    again = client.post(link, details(city=city))
    assert again.status_code == 302 and "/accounts/login/" in again["Location"]
    assert User.objects.count() == 1


def test_an_address_in_use_gets_the_same_page_and_an_e_mail_saying_so(client, learner):
    answer = ask(client, learner.email.upper(), language="pt")
    assert answer.status_code == 200
    assert "Verifique a sua caixa de correio" in answer.content.decode()
    (message,) = mail.outbox
    assert message.to[0].lower() == learner.email
    assert "/accounts/signup/" not in message.body  # no link to make a second account
    assert "/accounts/password-reset/" in message.body
    assert User.objects.count() == 1


def test_a_bad_or_expired_link_says_so(client, monkeypatch, db):
    ask(client, "nuevo@lima.example")
    link = link_in(mail.outbox[0])
    assert client.get(link.replace("/signup/", "/signup/x")).status_code == 400
    monkeypatch.setattr(signups, "LINK_DAYS", -1)
    expired = client.get(link)
    assert expired.status_code == 400
    assert "Los enlaces de registro sirven durante dos días" in expired.content.decode()


def test_sign_up_requests_are_throttled_per_connection_and_per_address(client, db):
    for _ in range(signups.PER_EMAIL + 2):
        assert ask(client, "flood@lima.example").status_code == 200
    assert len(mail.outbox) == signups.PER_EMAIL  # nobody's inbox is flooded
    for n in range(signups.PER_ADDRESS - signups.PER_EMAIL - 2):
        ask(client, f"persona{n}@lima.example")
    throttled = ask(client, "otra@lima.example")
    assert throttled.status_code == 429
    assert "Demasiadas solicitudes" in throttled.content.decode()


def test_what_sign_up_keeps_is_in_the_download_and_goes_with_erasure(client, db):
    ask(client, "ana@quito.example")
    client.post(
        link_in(mail.outbox[0]),
        details(gender_self_described="Mujer", gender_consent="on", time_zone="America/Guayaquil"),
    )
    user = User.objects.get()
    profile = privacy.export_personal_data(user=user)["profile"]
    assert profile["other_city"] == "Municipalidad de Cusco"
    assert profile["time_zone"] == "America/Guayaquil"
    assert profile["gender_self_described"] == "Mujer"
    privacy.erase_account(user=user)
    user.refresh_from_db()
    assert (user.other_city, user.time_zone, user.gender_self_described) == ("", "", "")


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/passwd"])
def test_an_unknown_time_zone_is_refused(client, db, zone):
    ask(client, "tz@lima.example")
    refused = client.post(link_in(mail.outbox[0]), details(time_zone=zone))
    assert refused.status_code == 400
    assert User.objects.count() == 0
