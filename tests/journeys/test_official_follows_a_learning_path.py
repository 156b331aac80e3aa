"""After an election, the delegation puts its newly elected officials on an induction path:
the coordinator defines it (two courses, in order, titled in two languages) and enrols an
official by e-mail; the official finds the path on "My courses", enrolled in the first
course; once it is completed, the second opens to them by itself; once both are, they download
the path's certificate and check it the way anyone would, the courses listed. Spanish on a
desktop, Portuguese on a 375 px phone; axe-core on every page."""

from __future__ import annotations

import pytest

from enrollments import progress
from enrollments.models import Enrollment
from paths.models import LearningPath, PathEnrollment
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page
from tests.factories import CohortFactory, CourseFactory, MemberCityFactory, UserFactory, build_site

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "es": {"paths": "Itinerarios de aprendizaje", "new": "Nuevo itinerario", "save": "Guardar",
           "enrol": "Inscribir", "now": "1 persona está ahora en el itinerario",
           "mine": "Mis itinerarios de aprendizaje", "progress": "0 de 2 cursos completados",
           "later": "después de los cursos anteriores", "title_other": "#id_title_pt",
           "title": "Inducción 2027", "shown": "Inducción 2027",
           "download": "Descargar el certificado de Inducción 2027 (PDF)",
           "check": "Cualquiera puede comprobarlo", "kind": "Itinerario de aprendizaje completado",
           "genuine": "Este certificado es auténtico y válido."},
    "pt": {"paths": "Percursos de aprendizagem", "new": "Novo percurso", "save": "Salvar",
           "enrol": "Inscrever", "now": "1 pessoa está agora no percurso",
           "mine": "Os meus percursos de aprendizagem", "progress": "0 de 2 cursos concluídos",
           "later": "depois dos cursos anteriores", "title_other": "#id_title_es",
           "title": "Indução 2027", "shown": "Indução 2027",
           "download": "Descarregar o certificado de Indução 2027 (PDF)",
           "check": "Qualquer pessoa pode verificá-lo", "kind": "Percurso de aprendizagem concluído",
           "genuine": "Este certificado é autêntico e válido."},
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_an_official_is_taken_through_the_induction_path(
    transactional_db, browser, origins, language, viewport
):
    site_url, _content = origins
    words = WORDS[language]
    site = build_site()
    rosario = MemberCityFactory(name="Rosario")
    first = site["course"].course
    second = CourseFactory(code="CEC-102")
    CohortFactory(course=first, delegation=rosario.delegation, title="Carta 2027")
    CohortFactory(course=second, delegation=rosario.delegation, title="Principios 2027")
    coordinator = UserFactory(email="coordina@aula.example", preferred_language=language)
    coordinator.coordinated_delegations.add(rosario.delegation)
    official = UserFactory(email="electa@rosario.example", preferred_language=language)

    context, page = signed_in_page(browser, site_url, coordinator, viewport=viewport)
    page.goto(f"{site_url}/{language}/paths/")
    assert_accessible(page)
    page.get_by_role("link", name=words["new"]).click()
    page.wait_for_url("**/paths/new/")
    page.locator("#id_title").fill(words["title"])
    page.locator(words["title_other"]).fill(
        "Induction 2027" if language == "es" else "Inducción 2027"
    )
    page.locator("#id_course_1").select_option(str(first.pk))
    page.locator("#id_course_2").select_option(str(second.pk))
    assert_accessible(page)
    page.get_by_role("button", name=words["save"], exact=True).click()
    page.locator("#id_emails").fill("electa@rosario.example")
    page.get_by_role("button", name=words["enrol"], exact=True).click()
    expect(page.locator("body")).to_contain_text(words["now"])
    assert_accessible(page)
    finish(page, context)
    path = LearningPath.objects.get()
    assert path.enforce_order and list(path.steps.values_list("course", flat=True)) == [
        first.pk,
        second.pk,
    ]
    started = Enrollment.objects.get(learner=official)
    assert started.cohort.course == first and started.status == "active"

    context, page = signed_in_page(browser, site_url, official, viewport=viewport)
    page.goto(f"{site_url}/{language}/my-courses/")
    mine = page.get_by_role("region", name=words["mine"])
    expect(mine).to_contain_text(words["shown"])
    expect(mine).to_contain_text(words["progress"])
    expect(mine).to_contain_text(words["later"])
    assert_accessible(page)

    for lesson in (site["lesson"], site["lesson2"]):
        progress.mark_lesson_done(learner=official, lesson=lesson)
    page.reload()
    expect(mine).to_contain_text("Principios 2027")
    finish(page, context)
    assert Enrollment.objects.get(learner=official, cohort__course=second).status == "active"
    assert PathEnrollment.objects.get(learner=official).completed_at is None

    progress.complete_by_hand(
        actor=coordinator,
        enrollment=Enrollment.objects.get(learner=official, cohort__course=second),
        reason="Seminario presencial",
    )
    context, page = signed_in_page(browser, site_url, official, viewport=viewport)
    page.goto(f"{site_url}/{language}/my-courses/")
    mine = page.get_by_role("region", name=words["mine"])
    download = mine.get_by_role("link", name=words["download"])
    expect(download).to_be_visible()
    assert_accessible(page)
    pdf = page.request.get(f"{site_url}{download.get_attribute('href')}")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    mine.get_by_role("link", name=words["check"]).click()
    expect(page.locator("[data-claim=kind]")).to_have_text(words["kind"])
    expect(page.get_by_role("status").first).to_contain_text(words["genuine"])
    courses = page.locator("[data-claim=courses] li")
    expect(courses).to_have_count(2)
    assert_accessible(page)
    finish(page, context)
