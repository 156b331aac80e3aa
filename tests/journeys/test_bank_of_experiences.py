"""The bank of experiences, end to end: an official whose plan was accepted proposes it as an
experience, choosing what is published and agreeing to the licence; their delegation's editor
publishes it; anyone, signed out, finds it by searching, reads it with the city and the Charter
principle cited, and sees it on the map. Spanish on a desktop, Portuguese (a translation) on a
375 px phone; axe-core on every page."""

from __future__ import annotations

import pytest

from assignments.models import Submission
from enrollments.models import Enrollment
from experiences.models import Experience
from tests.browser import (
    DESKTOP,
    PHONE,
    assert_accessible,
    finish,
    needs_chromium,
    new_page,
    signed_in_page,
)
from tests.factories import (
    CohortFactory,
    CountryFactory,
    MemberCityFactory,
    UserFactory,
    build_site,
)

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {"mine": "Mis experiencias", "propose": "Proponer como experiencia", "title": "Título",
           "principle": "8. Gobernanza y participación ciudadana", "year": "Año de inicio",
           "consent": "Acepto que esta experiencia", "submit": "Proponer",
           "thanks": "Gracias: el equipo editor", "publish": "Publicar",
           "search": "Buscar experiencias", "go": "Buscar", "one": "1 experiencia",
           "cited": "Carta de Ciudades Educadoras, principio", "map": "Mapa y gráficos",
           "city": "Experiencias por ciudad"},
    "pt": {"mine": "As minhas experiências", "propose": "Propor como experiência", "title": "Título",
           "principle": "8. Governança e participação cidadã", "year": "Ano de início",
           "consent": "Aceito que esta experiência", "submit": "Propor",
           "thanks": "Obrigado: os editores", "publish": "Publicar",
           "search": "Pesquisar experiências", "go": "Pesquisar", "one": "1 experiência",
           "cited": "Carta das Cidades Educadoras, princípio", "map": "Mapa e gráficos",
           "city": "Experiências por cidade"},
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_an_accepted_plan_becomes_a_published_experience_anyone_finds(
    transactional_db, browser, origins, language, viewport
):
    site_url, _content = origins
    words = WORDS[language]
    site = build_site()
    city = MemberCityFactory(
        name="Rosario", country=CountryFactory(iso_code="AR", name="Argentina")
    )
    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation)
    official = UserFactory(member_city=city, preferred_language=language)
    enrollment = Enrollment.objects.create(cohort=cohort, learner=official, status="active")
    plan = Submission.objects.create(
        enrollment=enrollment, lesson=site["lesson2"].specific, block_id="b1",
        status="accepted", text="Mesa intersectorial presidida por la intendencia desde el día 30.",
    )  # fmt: skip
    editor = UserFactory(preferred_language=language)
    editor.coordinated_delegations.add(city.delegation)

    context, page = signed_in_page(browser, site_url, official, viewport=viewport)
    page.goto(f"{site_url}/{language}/experiences/mine/")
    assert_accessible(page)
    page.get_by_role("link", name=words["propose"]).click()
    expect(page.get_by_role("textbox", name=words["title"], exact=True)).to_be_visible()
    page.get_by_role("textbox", name=words["title"], exact=True).fill(
        "Mesa intersectorial de la intendencia"
    )
    page.get_by_label(words["principle"]).check()
    page.get_by_label(words["year"]).fill("2026")
    page.get_by_label(words["consent"]).check()
    assert_accessible(page)
    page.get_by_role("button", name=words["submit"], exact=True).click()
    expect(page.locator("body")).to_contain_text(words["thanks"])
    assert_accessible(page)
    finish(page, context)
    experience = Experience.objects.get()
    assert experience.submission == plan and experience.stage == "proposed"

    context, page = signed_in_page(browser, site_url, editor, viewport=viewport)
    page.goto(f"{site_url}/{language}/experiences/editorial/")
    assert_accessible(page)
    page.get_by_role("link", name="Mesa intersectorial de la intendencia").click()
    page.get_by_role("button", name=words["publish"], exact=True).click()
    expect(page.locator("main")).not_to_contain_text("Propuesta, en espera")
    finish(page, context)
    experience.refresh_from_db()
    assert experience.stage == "published"

    context, page = new_page(browser, viewport=viewport)
    page.goto(f"{site_url}/{language}/experiences/")
    page.get_by_role("searchbox", name=words["search"]).fill("intersectorial")
    page.get_by_role("button", name=words["go"], exact=True).click()
    expect(page.get_by_role("status")).to_have_text(words["one"])
    assert_accessible(page)
    page.get_by_role("link", name="Mesa intersectorial de la intendencia").click()
    expect(page.locator("main")).to_contain_text("Rosario, Argentina")
    expect(page.locator("main")).to_contain_text(words["cited"])
    assert_accessible(page)
    page.goto(f"{site_url}/{language}/experiences/")
    page.get_by_role("link", name=words["map"]).click()
    expect(page.locator(".world-map circle")).to_have_count(1)
    expect(page.get_by_role("table", name=words["city"])).to_contain_text("Rosario")
    assert_accessible(page)
    finish(page, context)
