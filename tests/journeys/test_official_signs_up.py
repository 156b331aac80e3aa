"""A newly elected official finds a public course, creates an account from its page and comes
back to enrol: on a phone in Spanish and a desktop in Portuguese, every page checked by axe."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from accounts.models import MemberCity, User
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, new_page

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SAID = {
    "es": {
        "create": "Crea tu cuenta",
        "send": "Envíame el enlace",
        "inbox": "Revisa tu bandeja",
        "name": "Tu nombre completo",
        "password": "^Contraseña",
        "again": "La misma contraseña",
        "city": "Ciudad miembro",
        "privacy": "He leído el aviso",
        "submit": "Crear mi cuenta",
        "welcome": "Te damos la bienvenida",
        "enrol": "Inscribirme",
    },
    "pt": {
        "create": "Crie a sua conta",
        "send": "Envie-me a ligação",
        "inbox": "Verifique a sua",
        "name": "O seu nome completo",
        "password": "^Senha",
        "again": "A mesma senha",
        "city": "Cidade membro",
        "privacy": "Li o aviso",
        "submit": "Criar a minha conta",
        "welcome": "Bem-vindo",
        "enrol": "Inscrever",
    },
}


@pytest.mark.parametrize(("language", "viewport"), [("es", PHONE), ("pt", DESKTOP)])
def test_an_official_signs_up_from_a_course_and_comes_back_to_it(
    browser, origins, demo, language, viewport
):
    base, _content = origins
    said = SAID[language]
    context, page = new_page(browser, viewport=viewport)
    page.goto(f"{base}/{language}/")
    page.get_by_role("link", name=re.compile("Carta|Charter", re.I)).first.click()
    course_url = page.url
    page.get_by_role("link", name=said["create"]).last.click()
    assert_accessible(page)
    page.get_by_label(re.compile("e-mail|correo", re.I)).fill(f"nueva-{language}@ciudad.example")
    page.get_by_role("button", name=said["send"]).click()
    assert said["inbox"] in page.locator("h1").inner_text()
    assert_accessible(page)

    (message,) = [m for m in mail.outbox if m.to == [f"nueva-{language}@ciudad.example"]]
    link = re.search(r"https?://\S+/accounts/signup/\S+/", message.body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_label(said["name"]).fill("Ana Lucía Pereira")
    page.get_by_label(re.compile(said["password"])).fill("una clave muy larga 2026")
    page.get_by_label(said["again"]).fill("una clave muy larga 2026")
    page.get_by_label(said["city"]).select_option(str(MemberCity.objects.first().pk))
    page.get_by_label(said["privacy"]).check()
    page.get_by_role("button", name=said["submit"]).click()

    assert page.url == course_url
    assert said["welcome"] in page.locator(".messages").inner_text()
    assert User.objects.get(email=f"nueva-{language}@ciudad.example").preferred_language == language
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.get_by_role("button", name=re.compile(said["enrol"])).first.is_visible()
    assert not page.console_errors
    finish(page, context)
