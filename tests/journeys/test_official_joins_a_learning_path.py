"""A delegation opens its induction path to joining: the coordinator ticks "learners may join
it themselves" on the path's form; an official finds "Learning paths you can join" on "My
courses", reads the path (its courses, in order) and joins it with one button, and is back on
"My courses" on the path, enrolled in its first course's edition. Spanish on a desktop,
Portuguese on a 375 px phone; axe-core on every page."""

from __future__ import annotations

import pytest

from enrollments.models import Enrollment
from paths import services
from paths.models import PathEnrollment
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page
from tests.factories import CohortFactory, CourseFactory, MemberCityFactory, UserFactory, build_site

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {"save": "Guardar", "saved": "El itinerario está guardado.",
           "find": "Itinerarios a los que puedes unirte", "title": "Inducción 2027",
           "join": "Unirte a Inducción 2027",
           "joined": "Estás en «Inducción 2027» y te has inscrito en «Carta 2027».",
           "mine": "Mis itinerarios de aprendizaje", "order": "en orden"},
    "pt": {"save": "Salvar", "saved": "O percurso foi guardado.",
           "find": "Percursos a que se pode juntar", "title": "Indução 2027",
           "join": "Juntar-se a Indução 2027",
           "joined": "Está em «Indução 2027» e ficou inscrito em «Carta 2027».",
           "mine": "Os meus percursos de aprendizagem", "order": "por ordem"},
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_an_official_joins_an_open_path_by_themselves(
    transactional_db, browser, origins, language, viewport
):
    site_url, _content = origins
    words = WORDS[language]
    site = build_site()
    rosario = MemberCityFactory(name="Rosario")
    first, second = site["course"].course, CourseFactory(code="CEC-102")
    CohortFactory(course=first, delegation=rosario.delegation, title="Carta 2027")
    CohortFactory(course=second, delegation=rosario.delegation, title="Principios 2027")
    coordinator = UserFactory(email="coordina@aula.example", preferred_language=language)
    coordinator.coordinated_delegations.add(rosario.delegation)
    path = services.save_path(
        by=coordinator,
        delegation=rosario.delegation,
        title="Inducción 2027",
        title_translations={"pt": "Indução 2027"},
        courses=[first, second],
    )
    official = UserFactory(email="electa@rosario.example", preferred_language=language)

    context, page = signed_in_page(browser, site_url, coordinator, viewport=viewport)
    page.goto(f"{site_url}/{language}/paths/{path.public_id}/edit/")
    page.locator("#id_open_to_join").check()
    assert_accessible(page)
    page.get_by_role("button", name=words["save"], exact=True).click()
    expect(page.locator("body")).to_contain_text(words["saved"])
    finish(page, context)
    path.refresh_from_db()
    assert path.open_to_join

    context, page = signed_in_page(browser, site_url, official, viewport=viewport)
    page.goto(f"{site_url}/{language}/my-courses/")
    page.get_by_role("link", name=words["find"]).click()
    page.wait_for_url("**/paths/open/")
    card = page.get_by_role("region", name=words["title"])
    expect(card).to_contain_text(words["order"])
    expect(card.locator("li")).to_have_count(2)
    assert_accessible(page)
    card.get_by_role("button", name=words["join"]).click()
    page.wait_for_url("**/my-courses/")
    expect(page.locator("body")).to_contain_text(words["joined"])
    mine = page.get_by_role("region", name=words["mine"])
    expect(mine).to_contain_text(words["title"])
    expect(mine).to_contain_text("Carta 2027")
    expect(page.get_by_role("link", name=words["find"])).to_have_count(0)
    assert_accessible(page)
    finish(page, context)

    entry = PathEnrollment.objects.get(learner=official)
    assert entry.enrolled_by == official
    assert Enrollment.objects.get(learner=official).cohort.title == "Carta 2027"
