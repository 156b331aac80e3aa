"""Activities play from the content origin, through signed URLs only enrolled learners get."""

from __future__ import annotations

import io
import json
import re
import time
import uuid

import pytest
from django.core import signing

from cms.h5p import build, grants, packages
from cms.models import H5PPackage
from enrollments import services
from enrollments.models import ActivityState
from tests.factories import add_activity

CONTENT = "127.0.0.1:8000"


@pytest.fixture
def quiz(site_admin) -> H5PPackage:
    data = build.true_false(question="¿La ciudad educa?", correct=True, language="es")
    return packages.upload_package(file=io.BytesIO(data), uploaded_by=site_admin).package


@pytest.fixture
def lesson_with_quiz(site, quiz):
    key = add_activity(site["lesson"], "Comprobación", package=quiz)
    return site["lesson"], key


@pytest.fixture
def enrolled(learner, cohort):
    return services.enroll_learner(learner=learner, cohort=cohort)


def player_src(html: str) -> str:
    match = re.search(r'<iframe class="h5p-frame" src="([^"]+)"', html)
    assert match, "no player on the page"
    return match.group(1)


def lesson_html(client, lesson) -> str:
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_enrolled_learner_gets_a_sandboxed_player_on_the_content_origin(
    signed_in, learner, enrolled, lesson_with_quiz
):
    html = lesson_html(signed_in(learner), lesson_with_quiz[0])

    src = player_src(html)
    assert src.startswith("http://127.0.0.1:8000/h5p/")
    assert 'sandbox="allow-scripts allow-same-origin"' in html
    assert 'data-content-origin="http://127.0.0.1:8000"' in html


def test_someone_not_enrolled_or_signed_out_gets_no_player(
    signed_in, other_learner, lesson_with_quiz, client
):
    lesson = lesson_with_quiz[0]
    assert "h5p-frame" not in lesson_html(client, lesson)
    assert "Inicia sesión" in lesson_html(client, lesson)  # the page is under /es/
    html = lesson_html(signed_in(other_learner), lesson)
    assert "h5p-frame" not in html
    assert "Inscríbete en una edición de este curso" in html


def test_a_trainer_previews_the_activity_without_being_enrolled(
    signed_in, trainer, lesson_with_quiz
):
    assert "h5p-frame" in lesson_html(signed_in(trainer), lesson_with_quiz[0])


def test_the_content_origin_serves_the_player_with_a_strict_policy_and_no_cookies(
    signed_in, learner, enrolled, lesson_with_quiz, client
):
    src = player_src(lesson_html(signed_in(learner), lesson_with_quiz[0]))
    client.logout()
    path = src.removeprefix("http://127.0.0.1:8000")

    page = client.get(path, HTTP_HOST=CONTENT)
    h5p_json = client.get(path + "files/h5p.json", HTTP_HOST=CONTENT)

    assert page.status_code == 200
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors http://localhost:8000" in policy
    assert "X-Frame-Options" not in page.headers
    assert not page.cookies
    assert h5p_json.status_code == 200
    assert json.loads(b"".join(h5p_json.streaming_content))["mainLibrary"] == "H5P.AulaTrueFalse"


def test_package_files_are_not_served_by_the_site_itself(
    signed_in, learner, enrolled, lesson_with_quiz, quiz
):
    client = signed_in(learner)
    src = player_src(lesson_html(client, lesson_with_quiz[0]))
    path = src.removeprefix("http://127.0.0.1:8000")

    assert client.get(path + "files/h5p.json").status_code == 404
    assert client.get(f"/media/h5p/packages/{quiz.sha256}/h5p.json").status_code == 404


def test_the_content_origin_serves_nothing_of_the_site(client, site_admin):
    client.force_login(site_admin)
    for path in ("/", "/admin/", "/api/v1/courses/", "/es/", "/django-admin/"):
        response = client.get(path, HTTP_HOST=CONTENT)
        assert response.status_code == 404, path


def test_a_forged_or_expired_link_plays_nothing(quiz, learner, client, settings):
    grant = grants.PlayGrant(
        package_id=quiz.pk, activity_key=uuid.uuid4(), user_id=learner.pk, language="es"
    )
    token = grants.mint_token(grant)
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert client.get(f"/h5p/{token}/files/h5p.json", HTTP_HOST=CONTENT).status_code == 200
    assert client.get(f"/h5p/{forged}/files/h5p.json", HTTP_HOST=CONTENT).status_code == 404

    settings.H5P_URL_SECONDS = 1
    time.sleep(2.1)
    assert client.get(f"/h5p/{token}/files/h5p.json", HTTP_HOST=CONTENT).status_code == 404


def test_a_link_cannot_reach_outside_its_package(quiz, learner, client):
    token = grants.mint_token(
        grants.PlayGrant(
            package_id=quiz.pk, activity_key=uuid.uuid4(), user_id=learner.pk, language="es"
        )
    )
    for path in ("../../settings.py", "content/../../x", "Unknown-1.0/library.json", "uploads/x"):
        assert client.get(f"/h5p/{token}/files/{path}", HTTP_HOST=CONTENT).status_code == 404


def test_the_players_words_follow_the_learners_language(quiz, learner, client):
    def content_in(language: str) -> dict:
        token = grants.mint_token(
            grants.PlayGrant(
                package_id=quiz.pk,
                activity_key=uuid.uuid4(),
                user_id=learner.pk,
                language=language,
            )
        )
        return client.get(f"/h5p/{token}/files/content/content.json", HTTP_HOST=CONTENT).json()

    spanish, portuguese = content_in("es"), content_in("pt")

    assert spanish["question"] == portuguese["question"] == "¿La ciudad educa?"
    assert spanish["l10n"] != portuguese["l10n"]
    assert spanish["l10n"]["checkAnswer"] != "Check"


def test_saved_state_comes_back_to_the_same_learner_only(
    signed_in, learner, other_learner, enrolled, lesson_with_quiz, client
):
    lesson, key = lesson_with_quiz
    src = player_src(lesson_html(signed_in(learner), lesson))
    client.logout()
    path = src.removeprefix("http://127.0.0.1:8000")

    saved = client.post(
        path + "state", {"data": '{"answer":true}', "preload": 1}, HTTP_HOST=CONTENT
    )
    replayed = client.get(path, HTTP_HOST=CONTENT).content.decode()

    assert saved.json() == {"success": True}
    assert ActivityState.objects.get(learner=learner).state == '{"answer":true}'
    assert (
        '\\"answer\\":true' in replayed
        or "&quot;answer&quot;" in replayed
        or ('{\\"answer\\":true}' in replayed)
    )
    other = grants.mint_token(
        grants.PlayGrant(
            package_id=lesson.pk and H5PPackage.objects.get().pk,
            activity_key=uuid.UUID(key),
            user_id=other_learner.pk,
            language="es",
        )
    )
    assert client.get(f"/h5p/{other}/state", HTTP_HOST=CONTENT).json()["data"] is False


def test_a_reset_forgets_the_state(signed_in, learner, enrolled, lesson_with_quiz, client):
    src = player_src(lesson_html(signed_in(learner), lesson_with_quiz[0]))
    path = src.removeprefix("http://127.0.0.1:8000")
    client.post(path + "state", {"data": '{"a":1}'}, HTTP_HOST=CONTENT)

    client.post(path + "state", {"data": "0"}, HTTP_HOST=CONTENT)

    assert not ActivityState.objects.exists()


def test_grants_are_signed_for_the_player_only():
    token = grants.mint_token(
        grants.PlayGrant(package_id=1, activity_key=uuid.uuid4(), user_id=1, language="es")
    )
    with pytest.raises(signing.BadSignature):
        signing.loads(token, salt="something else")
