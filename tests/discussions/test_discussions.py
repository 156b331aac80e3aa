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
from tests.factories import CohortFactory, MemberCityFactory, UserFactory

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


def test_followers_who_want_each_post_get_it_in_their_language_with_a_way_out(
    members, learner, other_learner, trainer, client, mailoutbox, django_capture_on_commit_callbacks
):
    from discussions.emails import unsubscribe_token

    thread = a_thread(members, learner)
    assert thread.follows.filter(user=learner).exists()  # posting follows the thread
    services.set_emails(user=learner, emails="each")
    learner.preferred_language = "pt"
    learner.save()
    services.follow(thread=thread, user=trainer)  # the trainer keeps the daily digest
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=other_learner, body="Em Lyon começámos pelas escolas.")
    assert [m.to for m in mailoutbox] == [[learner.email]]
    message = mailoutbox[0]
    assert message.subject == f"Nova mensagem em “{thread.title}”"
    assert "Em Lyon começámos pelas escolas." in message.body
    token = unsubscribe_token(learner)
    assert message.extra_headers["List-Unsubscribe"].endswith(
        f"/pt/discussions/unsubscribe/{token}/>"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Hidden before the e-mail went: nothing is sent.
    with django_capture_on_commit_callbacks(execute=False) as queued:
        hidden = services.reply(thread=thread, author=other_learner, body="Algo que sobra")
    services.hide_post(post=hidden, by=trainer, reason="Fuera de tema")
    for callback in queued:
        callback()
    assert len(mailoutbox) == 1
    # One click, no sign-in: no more discussion e-mails.
    assert (
        "Yes, no more discussion e-mails"
        in client.get(f"/en/discussions/unsubscribe/{token}/").content.decode()
    )
    assert client.post(f"/en/discussions/unsubscribe/{token}/").status_code == 200
    assert services.emails_of(learner) == "never"
    assert client.post("/en/discussions/unsubscribe/forged/").status_code == 404


def test_the_daily_digest_gathers_each_persons_new_posts_once(
    members, learner, other_learner, trainer, mailoutbox
):
    from discussions.tasks import queue_digests

    first = a_thread(members, learner, title="Presupuestos")
    second = a_thread(members, learner, title="Escuelas")
    services.reply(thread=first, author=other_learner, body="Primera respuesta")
    services.reply(thread=second, author=other_learner, body="Segunda respuesta")
    hidden = services.reply(thread=second, author=other_learner, body="Texto oculto")
    services.hide_post(post=hidden, by=trainer, reason="Fuera de tema")
    mailoutbox.clear()
    assert queue_digests() == 2  # Ana follows both threads; Luc follows the threads he replied to
    to_ana = next(m for m in mailoutbox if m.to == [learner.email])
    assert to_ana.subject == "2 new posts in your discussions"
    assert "Primera respuesta" in to_ana.body and "Segunda respuesta" in to_ana.body
    assert "Texto oculto" not in to_ana.body
    assert "List-Unsubscribe" in to_ana.extra_headers
    sent = len(mailoutbox)
    assert queue_digests() == 0  # nothing new since
    assert len(mailoutbox) == sent


def test_an_edition_that_asks_for_two_posts_completes_with_the_second(
    members, site, learner, other_learner, trainer, django_capture_on_commit_callbacks
):
    from enrollments.models import LessonProgress

    members.min_discussion_posts = 2
    members.save()
    mine = Enrollment.objects.get(cohort=members, learner=learner)
    now = timezone.now()
    for lesson in (site["lesson"], site["lesson2"]):
        LessonProgress.objects.create(
            enrollment=mine, lesson=lesson, viewed_at=now, completed_at=now
        )
    with django_capture_on_commit_callbacks(execute=True):
        thread = a_thread(members, learner)
    assert Enrollment.objects.get(pk=mine.pk).status == "active"  # one post of two
    with django_capture_on_commit_callbacks(execute=True):
        hidden = services.reply(thread=thread, author=learner, body="Fuera de tema")
        services.hide_post(post=hidden, by=trainer, reason="Fuera de tema")
    assert Enrollment.objects.get(pk=mine.pk).status == "active"
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread=thread, author=learner, body="Mi segunda aportación")
    assert Enrollment.objects.get(pk=mine.pk).status == "completed"


def test_the_cohort_report_counts_threads_posts_and_people_who_posted_small_groups_hidden(
    members, learner, trainer, signed_in, settings
):
    from tests.enrollments.test_reports import country_city

    settings.REPORT_MIN_CELL = 5
    thread = a_thread(members, learner)
    big = country_city("Argentina", "AR", members.delegation)
    small = country_city("Chile", "CL", members.delegation)
    for n in range(7):
        person = UserFactory(email=f"w{n}@aula.example", member_city=big if n < 6 else small)
        Enrollment.objects.create(cohort=members, learner=person, status="active")
        Post.objects.create(
            thread=thread, author=person, body="Sí", html="<p>Sí</p>", language="es"
        )
    client = signed_in(trainer)
    page = client.get(f"/en/cohorts/{members.public_id}/report/").content.decode()
    section = page[page.index('id="h-discussions"') :]
    assert "<dt>Threads</dt><dd>1</dd>" in section and "<dt>Posts</dt><dd>8</dd>" in section
    assert "<dt>People who posted</dt><dd>8</dd>" in section
    assert '<th scope="row">Chile</th><td>&lt;5</td>' in section
    assert '<th scope="row">Argentina</th><td>6</td>' not in section  # it would give Chile away


def test_moderators_work_the_report_queue_by_api_and_learners_cannot(
    members, learner, other_learner, trainer, client
):
    thread = a_thread(members, learner)
    post = services.reply(thread=thread, author=learner, body="Dudoso")
    client.force_login(other_learner)
    assert (
        client.post(
            f"/api/v1/posts/{post.public_id}/report/", {"reason": "Spam"}, "application/json"
        ).status_code
        == 201
    )
    assert client.get(f"/api/v1/cohorts/{members.public_id}/reported-posts/").status_code == 403
    assert client.post(f"/api/v1/posts/{post.public_id}/dismiss-reports/").status_code == 403
    client.force_login(trainer)
    queue = client.get(f"/api/v1/cohorts/{members.public_id}/reported-posts/").json()
    assert [(p["id"], p["reasons"]) for p in queue["results"]] == [(str(post.public_id), ["Spam"])]
    hidden = client.post(
        f"/api/v1/posts/{post.public_id}/hide/", {"reason": "Spam"}, "application/json"
    ).json()
    assert hidden["hidden"] and hidden["hidden_reason"] == "Spam"
    assert client.get(f"/api/v1/cohorts/{members.public_id}/reported-posts/").json()["count"] == 0
    shown = client.post(f"/api/v1/posts/{post.public_id}/show/").json()
    assert not shown["hidden"] and shown["body"] == "Dudoso"
    assert [a.kind for a in ModerationAction.objects.order_by("at")] == ["hide", "show"]


def test_the_delegation_report_counts_who_posted_across_its_cohorts_once_small_groups_hidden(
    members, learner, coordinator, signed_in, settings
):
    from tests.enrollments.test_reports import country_city

    settings.REPORT_MIN_CELL = 5
    other = CohortFactory(course=members.course, delegation=members.delegation, title="Junio")
    argentina = country_city("Argentina", "AR", members.delegation)
    chile = country_city("Chile", "CL", members.delegation)
    Enrollment.objects.create(cohort=other, learner=learner, status="active")
    first, second = a_thread(members, learner), a_thread(other, learner, title="Otra")
    for n in range(7):
        person = UserFactory(email=f"d{n}@aula.example", member_city=argentina if n < 6 else chile)
        for cohort, thread in ((members, first), (other, second)):  # both editions, counted once
            Enrollment.objects.create(cohort=cohort, learner=person, status="active")
            Post.objects.create(
                thread=thread, author=person, body="Sí", html="<p>Sí</p>", language="es"
            )
    page = signed_in(coordinator).get("/en/reports/").content.decode()
    section = page[page.index('id="h-discussions"') :]
    assert "<dt>Threads</dt><dd>2</dd>" in section and "<dt>Posts</dt><dd>16</dd>" in section
    assert "<dt>People who posted</dt><dd>8</dd>" in section
    assert '<th scope="row">Chile</th><td>&lt;5</td>' in section
    assert '<th scope="row">Argentina</th><td>6</td>' not in section  # it would give Chile away
