"""The demo: the Charter course ends with the official's plan for their city in every language,
and the finished edition holds reviewed plans."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from assignments.models import Review, Submission
from cms.models import CoursePage

pytestmark = pytest.mark.django_db

TITLES = {
    "es": "Los primeros cien días de tu ciudad con la Carta",
    "pt": "Os primeiros cem dias da sua cidade com a Carta",
    "fr": "Les cent premiers jours de votre ville avec la Charte",
    "en": "Your city's first hundred days with the Charter",
    "ca": "Els primers cent dies de la teva ciutat amb la Carta",
}


def test_the_charter_ends_with_the_plan_and_the_finished_edition_has_reviews(client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # again: nothing twice

    for language, title in TITLES.items():
        course = CoursePage.objects.get(locale__language_code=language, course__code="CEC-101")
        with translation.override(language):
            last = course.lessons()[-1]
        blocks = [b for b in last.body if b.block_type == "assignment"]
        assert [b.value["title"] for b in blocks] == [title]
        page = client.get(last.url).content.decode()
        assert title.replace("'", "&#x27;") in page

    assert Submission.objects.count() == 3
    assert sorted(Review.objects.values_list("decision", flat=True)) == [
        "accepted",
        "accepted",
        "returned",
    ]
