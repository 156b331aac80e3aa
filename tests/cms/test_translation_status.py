"""Issue 16, translation workflow: trainers and coordinators see, per course and language, how
much of the course is translated, what is missing, and what the Spanish original changed since
it was translated; learners do not."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import translation_status
from tests.factories import translate

pytestmark = pytest.mark.django_db


def pt(status):
    return next(lang for lang in status.languages if lang.language == "pt")


def test_a_translation_counts_until_the_original_is_published_again(site):
    translate(site["lesson"], "pt", title="Lição 1")  # with the course and module above it

    status = translation_status.statuses()[0]
    assert (pt(status).total, pt(status).translated, pt(status).missing) == (4, 3, 1)
    assert pt(status).percent == 75
    french = next(lang for lang in status.languages if lang.language == "fr")
    assert french.translated == 0 and french.missing == 4

    site["lesson"].save_revision().publish()  # the Spanish lesson changed

    status = translation_status.statuses()[0]
    assert (pt(status).translated, pt(status).outdated) == (2, 1)
    assert [item.page.title for item in pt(status).to_do()] == ["Lección 1", "Lección 2"]


def test_the_status_costs_the_same_queries_for_one_page_or_many(site):
    with CaptureQueriesContext(connection) as few:
        translation_status.statuses()
    for n in range(3, 8):
        site["module"].add_child(
            instance=type(site["lesson"])(title=f"Lección {n}", slug=f"leccion-{n}")
        )
    translate(site["lesson"], "pt", title="Lição 1")
    with CaptureQueriesContext(connection) as many:
        assert translation_status.statuses()[0].languages[0].total == 9
    assert len(many) == len(few)


def test_trainers_see_the_translations_and_learners_do_not(site, signed_in, trainer, learner):
    translate(site["lesson"], "pt", title="Lição 1")
    client = signed_in(trainer)
    page = client.get("/en/translations/")
    assert page.status_code == 200 and "75 %" in page.content.decode()
    course = client.get(f"/en/translations/{site['course'].pk}/").content.decode()
    assert "Lección 2 · not translated" in " ".join(course.split())
    api = client.get("/api/v1/translations/").json()
    assert api[0]["languages"]["pt"] == {
        "pages": 4, "translated": 3, "outdated": 0, "missing": 1, "percent": 75,
        "texts_translated": 0, "texts": 0,
    }  # fmt: skip
    client.logout()
    learner_client = signed_in(learner)
    assert learner_client.get("/en/translations/").status_code == 404
    assert learner_client.get("/api/v1/translations/").status_code == 403


def test_a_page_being_translated_shows_how_many_of_its_texts_are_done(
    site, signed_in, trainer, django_assert_max_num_queries
):
    from tests.cms.test_translation_files import FRENCH, download, upload

    client = signed_in(trainer)
    po = download(client, site["lesson"])
    for entry in po:  # five of its seven texts, not published
        if entry.msgid in ("Lección 1", "leccion-1", "Cita", "Carta", "Apartado 1"):
            entry.msgstr = FRENCH[entry.msgid]
    assert upload(client, site["lesson"], po, publish=False).json() == {
        "translated": 5, "total": 7, "published": False,
    }  # fmt: skip
    download(client, site["lesson2"], language="pt")  # sent, nothing translated yet

    course = client.get(f"/en/translations/{site['course'].pk}/").content.decode()
    french = " ".join(course[course.index('id="lang-fr"') :].split())
    assert "Lección 1 · not translated" in french and "5 of 7 texts translated" in french
    overview = " ".join(client.get("/en/translations/").content.decode().split())
    assert "in progress: 5 of 7 texts" in overview
    api = client.get("/api/v1/translations/").json()[0]["languages"]
    assert (api["fr"]["texts_translated"], api["fr"]["texts"]) == (5, 7)
    assert api["pt"]["texts_translated"] == 0 and api["pt"]["texts"] > 0
    assert (api["ca"]["texts_translated"], api["ca"]["texts"]) == (0, 0)
    # Six, and one for each language with a page being translated (four at most).
    with django_assert_max_num_queries(6 + 2):
        translation_status.statuses()
    download(client, site["lesson2"])  # one more page in French: no more queries
    with django_assert_max_num_queries(6 + 2):
        translation_status.statuses()
