"""Cohort discussions: people in the cohort start threads on the general board or on a
lesson, reply once per submission, in safe Markdown; trainers moderate; nobody else reads."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from discussions import services
from discussions.markdown import render
from discussions.models import ModerationAction, Post, PostReport, Thread
from enrollments.models import Enrollment
from tests.factories import MemberCityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(cohort, learner, other_learner, trainer):
    learner.first_name, learner.last_name, learner.position = "Ana", "Gutiérrez", "councillor"
    learner.save()
    other_learner.first_name, other_learner.last_name = "Luc", "Martin"
    other_learner.save()
    cohort.capacity = None
    cohort.save()
    for person in (learner, other_learner):
        Enrollment.objects.create(
            cohort=cohort, learner=person, status="active", enrolled_at=timezone.now()
        )
    cohort.trainers.add(trainer)
    return cohort


def a_thread(cohort, author, *, title="¿Cómo empezar?", body="Hola a todos.", **kwargs) -> Thread:
    return services.start_thread(cohort=cohort, author=author, title=title, body=body, **kwargs)


def test_a_learner_starts_a_thread_on_a_lesson_and_another_replies_once_per_submission(
    members, site, learner, other_learner, signed_in
):
    lesson_key = site["lesson"].translation_key
    client = signed_in(learner)
    board = f"/es/cohorts/{members.public_id}/discussions/"
    form = {
        "title": "Participación en Rosario",
        "topic": str(lesson_key),
        "body": "Empezamos con **presupuestos participativos**.",
        "language": "es",
        "key": "k" * 32,
    }
    first = client.post(board, form)
    again = client.post(board, form)  # a double click
    assert first.status_code == again.status_code == 302
    thread = Thread.objects.get()
    assert first["Location"] == again["Location"] == f"/es/discussions/{thread.public_id}/"
    assert thread.topic_key == lesson_key
    lesson_page = client.get(site["lesson"].url).content.decode()
    assert f"?topic={lesson_key}" in lesson_page and "Discute esta lección" in lesson_page

    client.force_login(other_learner)
    opening = thread.posts.get()
    url = f"/pt/discussions/{thread.public_id}/"
    reply = {
        "body": "Em Lyon também!",
        "language": "pt",
        "key": "r" * 32,
        "parent": str(opening.public_id),
    }
    client.post(url, reply)
    client.post(url, reply)
    post = Post.objects.get(parent=opening)
    page = client.get(url).content.decode()
    assert "<strong>presupuestos participativos</strong>" in page
    # Who is speaking: name, city and position; the language written in.
    assert "Ana Gutiérrez" in page and "Rosario" in page
    assert f'id="post-{post.public_id}"' in page and 'lang="pt"' in page
    assert Thread.objects.get().last_post_at == post.created_at


def test_markdown_is_rendered_safe_links_marked_and_no_image_loaded_from_elsewhere():
    html = render(
        "<script>alert(1)</script> <img src=x onerror=alert(1)> "
        "[mira](javascript:alert(1)) [la carta](https://www.edcities.org/carta) "
        "![foto](https://tracker.example/pixel.png)"
    )
    # Raw HTML is text, never an element: no script, no image, no event handler.
    assert "<script" not in html and "<img" not in html
    assert not re.search(r"<[^>]*\son\w+=", html)
    assert 'href="javascript' not in html
    assert 'href="https://www.edcities.org/carta"' in html
    assert 'rel="nofollow ugc noopener"' in html
    deep = render(">" * 10_000 + " hondo")
    assert deep.count("<blockquote>") <= 20


def test_empty_huge_and_hurried_posts_are_refused_with_clear_messages(members, learner, signed_in):
    thread = a_thread(members, learner)
    client = signed_in(learner)
    url = f"/en/discussions/{thread.public_id}/"
    empty = client.post(url, {"body": "   \n ", "language": "en", "key": "a" * 32})
    assert empty.status_code == 400 and "This field is required." in empty.content.decode()
    huge = client.post(url, {"body": "x" * 1_000_000, "language": "en", "key": "b" * 32})
    assert huge.status_code == 400
    assert "at most 10000 characters" in huge.content.decode()
    api = client.post(
        f"/api/v1/threads/{thread.public_id}/posts/", {"body": ""}, "application/json"
    )
    assert api.status_code == 400 and api.json()["errors"][0]["field"] == "body"
    assert Post.objects.count() == 1
    for n in range(services.POSTS_PER_MINUTE - 1):
        services.reply(thread=thread, author=learner, body=f"Idea {n}")
    too_fast = client.post(url, {"body": "Una más", "language": "en", "key": "c" * 32})
    assert "You are posting too fast" in too_fast.content.decode()
    by_api = client.post(
        f"/api/v1/threads/{thread.public_id}/posts/", {"body": "Otra"}, "application/json"
    )
    assert by_api.status_code == 429 and int(by_api["Retry-After"]) > 0
    assert Post.objects.count() == services.POSTS_PER_MINUTE


def test_only_people_in_the_cohort_read_it_and_only_its_trainers_moderate(
    members, learner, other_learner, outside_coordinator, coordinator, trainer, client
):
    thread = a_thread(members, learner)
    post = thread.posts.get()
    stranger = UserFactory(email="stranger@aula.example")
    for person in (stranger, outside_coordinator):
        client.force_login(person)
        assert client.get(f"/en/discussions/{thread.public_id}/").status_code == 403
        assert client.get(f"/en/cohorts/{members.public_id}/discussions/").status_code == 403
        assert client.get(f"/api/v1/threads/{thread.public_id}/").status_code == 403
        assert client.get(f"/api/v1/cohorts/{members.public_id}/threads/").status_code == 403
    client.force_login(other_learner)
    assert (
        client.post(f"/en/discussions/posts/{post.public_id}/hide/", {"reason": "x"}).status_code
        == 403
    )
    assert (
        client.post(
            f"/api/v1/posts/{post.public_id}/hide/", {"reason": "x"}, "application/json"
        ).status_code
        == 403
    )
    assert (
        client.patch(
            f"/api/v1/posts/{post.public_id}/", {"body": "mío"}, "application/json"
        ).status_code
        == 403
    )
    assert (
        client.post(f"/en/discussions/{thread.public_id}/moderate/", {"action": "lock"}).status_code
        == 403
    )
    assert not Thread.objects.get().is_locked
    client.logout()
    assert client.get(f"/api/v1/threads/{thread.public_id}/").status_code == 401
    for moderator in (trainer, coordinator):
        client.force_login(moderator)
        assert client.get(f"/en/discussions/{thread.public_id}/").status_code == 200


def test_a_trainer_hides_with_a_reason_the_author_sees_and_nobody_replies_to_it(
    members, learner, other_learner, trainer, client
):
    thread = a_thread(members, learner)
    post = services.reply(thread=thread, author=learner, body="Un comentario fuera de lugar")
    client.force_login(other_learner)
    client.post(f"/en/discussions/posts/{post.public_id}/report/", {"reason": "Ofensivo"})
    client.post(f"/en/discussions/posts/{post.public_id}/report/", {"reason": "Ofensivo"})
    assert PostReport.objects.count() == 1
    client.force_login(trainer)
    queue = client.get(f"/en/cohorts/{members.public_id}/discussions/reports/").content.decode()
    assert "Un comentario fuera de lugar" in queue and "Ofensivo" in queue
    client.post(
        f"/en/discussions/posts/{post.public_id}/hide/", {"reason": "No respeta las normas"}
    )
    assert Post.objects.get(pk=post.pk).is_hidden
    assert (
        "Nothing reported."
        in client.get(f"/en/cohorts/{members.public_id}/discussions/reports/").content.decode()
    )

    client.force_login(learner)
    mine = client.get(f"/en/discussions/{thread.public_id}/").content.decode()
    assert "Hidden by a moderator: No respeta las normas" in mine
    client.force_login(other_learner)
    theirs = client.get(f"/en/discussions/{thread.public_id}/").content.decode()
    assert "Un comentario fuera de lugar" not in theirs and "Hidden by a moderator." in theirs
    api = client.get(f"/api/v1/threads/{thread.public_id}/").json()
    hidden = next(p for p in api["posts"] if p["id"] == str(post.public_id))
    assert hidden["hidden"] and hidden["body"] == "" and hidden["hidden_reason"] == ""
    refused = client.post(
        f"/api/v1/threads/{thread.public_id}/posts/",
        {"body": "Respondo", "reply_to": str(post.public_id)},
        "application/json",
    )
    assert refused.status_code == 409
    assert [a.kind for a in ModerationAction.objects.all()] == ["hide"]


def test_a_locked_thread_takes_no_reply_and_a_moderators_edit_is_marked_and_recorded(
    members, learner, trainer, client
):
    thread = a_thread(members, learner)
    post = thread.posts.get()
    client.force_login(trainer)
    client.post(f"/en/discussions/posts/{post.public_id}/edit/", {"body": "Hola a todas y todos."})
    client.post(f"/en/discussions/{thread.public_id}/moderate/", {"action": "pin"})
    client.post(f"/en/discussions/{thread.public_id}/moderate/", {"action": "lock"})
    client.force_login(learner)
    page = client.get(f"/en/discussions/{thread.public_id}/").content.decode()
    assert "Hola a todas y todos." in page and "edited by a moderator" in page
    assert "This thread is locked" in page and 'id="reply-form"' not in page
    refused = client.post(
        f"/api/v1/threads/{thread.public_id}/posts/", {"body": "¿Y ahora?"}, "application/json"
    )
    assert refused.status_code == 409
    assert refused.json()["detail"] == "This thread is locked: it takes no more replies."
    assert sorted(a.kind for a in ModerationAction.objects.all()) == ["edit", "lock", "pin"]


def test_posts_are_in_the_data_download_and_erasing_the_account_keeps_them_unsigned(
    members, learner, other_learner, client
):
    from accounts import privacy

    thread = a_thread(members, learner, body="Mi experiencia en Rosario")
    services.reply(thread=thread, author=other_learner, body="Gracias")
    data = privacy.export_personal_data(user=learner)
    assert [p["text"] for p in data["discussions"]["posts"]] == ["Mi experiencia en Rosario"]
    privacy.erase_account(user=learner)
    client.force_login(other_learner)
    page = client.get(f"/en/discussions/{thread.public_id}/").content.decode()
    assert "Mi experiencia en Rosario" in page
    assert "a former participant" in page and "Gutiérrez" not in page


def test_an_author_deletes_their_post_and_a_moderator_sees_it_was_deleted(
    members, learner, trainer, client
):
    thread = a_thread(members, learner)
    post = services.reply(thread=thread, author=learner, body="Me equivoqué")
    client.force_login(learner)
    client.post(f"/en/discussions/posts/{post.public_id}/delete/")
    client.force_login(trainer)
    page = client.get(f"/en/discussions/{thread.public_id}/").content.decode()
    assert "Me equivoqué" not in page and "Deleted by its author." in page


def _queries(client, url: str) -> int:
    client.get(url)  # the site's menu and settings are cached by the first request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_thread_and_a_board_read_any_number_of_posts_in_the_same_queries_and_stay_light(
    members, learner, other_learner, client
):
    thread = a_thread(members, learner)
    board = a_thread(members, other_learner, title="Otro")
    Post.objects.bulk_create(
        Post(thread=thread, author=other_learner, body="Sí", html="<p>Sí</p>", language="es")
        for _ in range(5)
    )
    client.force_login(learner)
    url = f"/en/discussions/{thread.public_id}/"
    board_url = f"/en/cohorts/{members.public_id}/discussions/"
    few, few_board = _queries(client, url), _queries(client, board_url)
    people = [
        UserFactory(email=f"p{n}@aula.example", member_city=MemberCityFactory()) for n in range(5)
    ]
    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            thread=thread,
            author=people[n % 5],
            body="Una respuesta de longitud normal, con una idea y una pregunta.",
            html="<p>Una respuesta de longitud normal, con una idea y una pregunta.</p>",
            language="pt",
            created_at=now + datetime.timedelta(seconds=n),
        )
        for n in range(45)
    )
    Thread.objects.bulk_create(
        Thread(cohort=members, title=f"Hilo {n}", author=people[n % 5]) for n in range(30)
    )
    assert _queries(client, url) == few
    assert _queries(client, board_url) == few_board
    assert len(client.get(url).content) < 100_000
    assert board.pk
