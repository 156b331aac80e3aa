"""`manage.py seed_demo` builds the demo a newcomer sees, and running it again changes nothing."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from accounts.models import MemberCity, User
from cms.models import CoursePage, LessonPage, ModulePage
from courses.models import Course

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Page.objects.filter(latest_revision__isnull=False).count(),
        "courses": Course.objects.count(),
        "users": User.objects.count(),
        "cities": MemberCity.objects.count(),
    }


def test_seeding_twice_creates_everything_once():
    assert "Demo content created" in seed()
    before = snapshot()
    assert "nothing changed" in seed()
    assert snapshot() == before


def test_the_demo_catalogue_lists_six_courses_with_modules_and_lessons(client):
    seed()
    assert Course.objects.published().count() == 6
    body = client.get("/es/cursos/").content.decode()
    assert body.count('class="card"') == 6
    for course in CoursePage.objects.live().filter(locale__language_code="es"):
        modules = ModulePage.objects.live().child_of(course)
        assert modules.count() >= 2
        for module in modules:
            assert LessonPage.objects.live().child_of(module).count() >= 2


@pytest.mark.parametrize("language", ["pt", "fr", "en", "ca"])
def test_every_course_has_its_title_and_summary_in_every_language(client, language):
    seed()
    body = client.get(f"/{language}/cursos/").content.decode()
    cards = re.findall(r'<li class="card" lang="([a-z]+)"', body)
    assert cards == [language] * 6
    title = {"pt": "Catálogo de cursos", "fr": "Catalogue des cours", "en": "Course catalogue"}
    if language in title:
        assert f"<h1>{title[language]}</h1>" in body


ARTICLE_TEXT = {
    "pt": "Uma ideia que nasce nas cidades",
    "fr": "Une idée née dans les villes",
    "en": "An idea born in cities",
    "ca": "Una idea que neix a les ciutats",
}


@pytest.mark.parametrize("language", ["pt", "fr", "en", "ca"])
def test_the_charter_course_is_translated_whole_into_every_language(client, language):
    seed()
    course = CoursePage.objects.live().get(locale__language_code=language, course__code="CEC-101")
    lessons = LessonPage.objects.live().descendant_of(course)
    assert lessons.count() >= 4
    response = client.get(lessons.order_by("path").first().url)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<article lang="{language}" class="lesson">' in body
    assert ARTICLE_TEXT[language] in body
    assert 'class="notice"' not in body  # no "not yet translated" fallback


def test_the_translation_status_of_the_charter_is_complete_in_every_language():
    from cms import translation_status

    seed()
    (charter,) = [
        s for s in translation_status.statuses() if s.course_page.course.code == "CEC-101"
    ]
    assert {status.language: status.percent for status in charter.languages} == {
        "pt": 100,
        "fr": 100,
        "en": 100,
        "ca": 100,
    }


def test_demo_accounts_sign_in_with_their_roles(client):
    seed()
    from accounts import access

    admin = User.objects.get(email="admin@aula.example")
    trainer = User.objects.get(email="trainer@aula.example")
    coordinator = User.objects.get(email="coordinator@aula.example")
    learner = User.objects.get(email="learner@aula.example")
    assert access.is_site_admin(admin)
    assert access.can_edit_course_content(trainer)
    assert access.can_view_person(coordinator, learner)
    assert not access.can_view_person(learner, coordinator)
    assert client.login(username="learner@aula.example", password="aula-demo-2026")


def test_every_demo_course_ends_with_a_required_assessment_in_each_of_its_languages():
    seed()
    for course in CoursePage.objects.all():
        last = course.specific.lessons()[-1]
        blocks = [block for block in last.body if block.block_type == "h5p_activity"]
        assert blocks, f"{course.title} ({course.locale.language_code}) ends without one"
        assert blocks[-1].value["is_required"] is True
