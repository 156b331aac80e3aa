"""An official hands in their city's plan at the end of a lesson and a trainer reviews it:
the official writes, attaches the plan as a PDF and submits; the trainer finds it in the
edition's queue, opens the file, returns it with feedback and a rubric level; the official reads
the feedback, revises (the draft kept as they write) and submits again; the trainer accepts. Spanish on a desktop, Portuguese
(a translation of the lesson) on a 375 px phone; axe-core on every page."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from assignments.models import Submission
from enrollments.models import Enrollment
from tests.browser import DESKTOP, PHONE, assert_accessible, finish, needs_chromium, signed_in_page
from tests.factories import CohortFactory, MemberCityFactory, UserFactory, build_site, translate

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BLOCK_ID = str(uuid.UUID("7a1f6c1e-2b7d-4c55-9d1e-3f2a6b8c9d02"))
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

WORDS = {
    "es": {"text": "Tu texto", "files": "Adjuntar archivos", "submit": "Entregar para revisión",
           "submitted": "Tu trabajo está entregado", "feedback": "Comentarios para quien lo entregó",
           "returned": "Devuelto para revisar", "accept": "Aceptado", "save": "Guardar la revisión",
           "title": "Los primeros cien días de tu ciudad", "level": "Sólida",
           "kept": "Borrador guardado"},
    "pt": {"text": "O seu texto", "files": "Anexar ficheiros", "submit": "Entregar para revisão",
           "submitted": "O seu trabalho foi entregue", "feedback": "Comentários para quem o entregou",
           "returned": "Devolvido para revisão", "accept": "Aceite", "save": "Guardar a revisão",
           "title": "Os primeiros cem dias da sua cidade", "level": "Sólida",
           "kept": "Rascunho guardado"},
}  # fmt: skip


def assignment(title: str) -> dict[str, object]:
    return {
        "type": "assignment",
        "id": BLOCK_ID,
        "value": {
            "title": title,
            "instructions": "<p>Plan.</p>",
            "hand_in": "both",
            "file_types": ["pdf", "docx", "odt"],
            "max_file_mb": 5,
            "due_days": 42,
            "rubric": [
                {
                    "criterion": "Claridad",
                    "levels": [{"label": "Débil", "points": 1}, {"label": "Sólida", "points": 3}],
                }
            ],
        },
    }


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", DESKTOP), ("pt", PHONE)],
    ids=["spanish-desktop", "portuguese-phone"],
)
def test_an_official_hands_in_a_plan_that_is_returned_and_then_accepted(
    transactional_db, browser, origins, language, viewport, tmp_path: Path
):
    site_url, _content = origins
    words = WORDS[language]
    site = build_site()
    lesson = site["lesson2"].specific
    lesson.body = [*lesson.body.raw_data, assignment(WORDS["es"]["title"])]
    lesson.save_revision().publish()
    shown = lesson
    if language != "es":
        shown = translate(lesson, language, title="Lição 2")
        shown.specific.body = [*lesson.body.raw_data[:-1], assignment(words["title"])]
        shown.specific.save_revision().publish()
        shown = shown.specific
    city = MemberCityFactory(name="Rosario")
    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation)
    trainer = UserFactory(
        email="docente@aula.example", is_trainer=True, preferred_language=language
    )
    cohort.trainers.add(trainer)
    official = UserFactory(
        email="electa@rosario.example", member_city=city, preferred_language=language
    )
    Enrollment.objects.create(cohort=cohort, learner=official, status="active")
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(PDF)

    context, page = signed_in_page(browser, site_url, official, viewport=viewport)
    page.goto(f"{site_url}{shown.url}")
    work = page.locator(f"#assignment-{BLOCK_ID}")
    expect(work.get_by_role("heading", name=words["title"])).to_be_visible()
    work.get_by_label(words["text"]).fill("Mesa intersectorial en 50 días.")
    work.get_by_label(words["files"]).set_input_files(str(plan))
    assert_accessible(page)
    work.get_by_role("button", name=words["submit"]).click()
    expect(page.locator("body")).to_contain_text(words["submitted"])
    assert_accessible(page)
    finish(page, context)
    submission = Submission.objects.get()
    assert submission.status == "submitted" and submission.attachments.count() == 1

    context, page = signed_in_page(browser, site_url, trainer, viewport=viewport)
    page.goto(f"{site_url}/{language}/cohorts/{cohort.public_id}/assignments/")
    assert_accessible(page)
    page.get_by_role("link", name=official.display_name).click()
    file_link = page.get_by_role("link", name="plan.pdf")
    pdf = page.request.get(f"{site_url}{file_link.get_attribute('href')}")
    assert pdf.ok and pdf.body() == PDF
    page.get_by_label(words["level"]).check()
    page.get_by_label(words["feedback"]).fill("Añade plazos y responsables.")
    page.get_by_label(words["returned"]).check()
    assert_accessible(page)
    page.get_by_role("button", name=words["save"]).click()
    page.wait_for_url("**/assignments/")
    finish(page, context)

    context, page = signed_in_page(browser, site_url, official, viewport=viewport)
    page.goto(f"{site_url}{shown.url}")
    work = page.locator(f"#assignment-{BLOCK_ID}")
    expect(work).to_contain_text("Añade plazos y responsables.")
    expect(work).to_contain_text(words["returned"])
    # The draft is kept as they write, without pressing anything; it is there after a reload.
    work.get_by_label(words["text"]).fill("Mesa intersectorial en 50 días, con responsables.")
    expect(work.locator("[aria-live=polite]")).to_contain_text(words["kept"], timeout=10_000)
    page.reload()
    work = page.locator(f"#assignment-{BLOCK_ID}")
    expect(work.get_by_label(words["text"])).to_have_value(
        "Mesa intersectorial en 50 días, con responsables."
    )
    work.get_by_role("button", name=words["submit"]).click()
    expect(page.locator("body")).to_contain_text(words["submitted"])
    finish(page, context)

    context, page = signed_in_page(browser, site_url, trainer, viewport=viewport)
    page.goto(f"{site_url}/{language}/assignments/{submission.public_id}/review/")
    page.get_by_label(words["level"]).check()
    page.get_by_label(words["accept"]).check()
    page.get_by_role("button", name=words["save"]).click()
    page.wait_for_url("**/assignments/")
    finish(page, context)
    submission.refresh_from_db()
    assert submission.status == "accepted" and submission.versions.count() == 2
