"""Edition titles are translated like the rest of an edition's texts: each reader, and each
e-mail, gets the title in their language, the edition's own title where none is given."""

from __future__ import annotations

from django.core import mail

from enrollments import invitations, services


def test_readers_and_emails_get_the_title_in_their_language(
    site, cohort, learner, coordinator, signed_in, client, django_capture_on_commit_callbacks
):
    from tests.enrollments.test_edition_pages import form_data

    services.enroll_learner(learner=learner, cohort=cohort)
    data = form_data(
        site,
        cohort.delegation,
        title="Abril",
        title_pt="Abril (edição brasileira)",
        starts_on=cohort.starts_on.isoformat(),
        ends_on=cohort.ends_on.isoformat(),
    )
    response = signed_in(coordinator).post(f"/es/cohorts/{cohort.public_id}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    cohort.refresh_from_db()
    assert cohort.title_translations == {"pt": "Abril (edição brasileira)"}

    client.force_login(learner)
    assert "Abril (edição brasileira)" in client.get("/pt/my-courses/").content.decode()
    spanish = client.get("/es/my-courses/").content.decode()
    assert "Abril" in spanish and "edição brasileira" not in spanish

    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite(cohort=cohort, email="nova@santos.example", invited_by=coordinator)
    # No account yet: the e-mail goes in the edition's language, with its own title.
    assert "Abril" in mail.outbox[-1].subject


def test_the_api_refuses_titles_in_unknown_languages(cohort, coordinator, signed_in):
    response = signed_in(coordinator).patch(
        f"/api/v1/cohorts/{cohort.public_id}/",
        {"title_translations": {"xx": "?"}},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "title_translations"
    ok = signed_in(coordinator).patch(
        f"/api/v1/cohorts/{cohort.public_id}/",
        {"title_translations": {"fr": "Avril"}},
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["title_translations"] == {"fr": "Avril"}
