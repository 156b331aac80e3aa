"""Coordinators invite learners one by one or from a file; nothing is half-written or sent twice."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import Workbook

from accounts.models import User
from enrollments import invitations
from enrollments.errors import NotAllowed
from enrollments.models import Enrollment, ImportJob, Invitation

HEADER = "email,name,city,country,position,language\n"


def csv_file(text: str, name: str = "learners.csv") -> io.BytesIO:
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


@pytest.fixture
def coordinator_client(signed_in, coordinator, cohort):
    cohort.visibility = "invitation"
    cohort.save()
    coordinator.preferred_language = "en"  # an import's problems are written in its sender's
    coordinator.save()
    return signed_in(coordinator)


def test_an_invited_learner_accepts_and_is_enrolled(
    client, coordinator, learner, cohort, django_capture_on_commit_callbacks
):
    cohort.visibility = "invitation"
    cohort.save()
    learner.preferred_language = "es"  # the invitation is written in the invitee's language
    learner.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, created = invitations.invite(
            cohort=cohort, email=learner.email.upper(), invited_by=coordinator
        )
    assert created
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/es/invitations/\S+/)", mail.outbox[0].body).group(1)
    client.force_login(learner)
    response = client.post(link)
    assert response.status_code == 302
    assert Enrollment.objects.get(learner=learner, cohort=cohort).status == "active"
    assert Invitation.objects.get().accepted_at is not None


def test_inviting_the_same_address_again_sends_nothing(
    coordinator, cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite(cohort=cohort, email="ana@x.org", invited_by=coordinator)
        _again, created = invitations.invite(
            cohort=cohort, email="ANA@x.org", invited_by=coordinator
        )
    assert not created
    assert len(mail.outbox) == 1


def test_an_expired_invitation_is_refused(coordinator, learner, cohort):
    invitation, _ = invitations.invite(cohort=cohort, email=learner.email, invited_by=coordinator)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(NotAllowed) as refused:
        invitations.accept_invitation(token=invitation.token, learner=learner)
    assert refused.value.code == "invitation_expired"
    assert not Enrollment.objects.exists()


def test_an_invitation_works_only_for_its_address(coordinator, learner, other_learner, cohort):
    invitation, _ = invitations.invite(cohort=cohort, email=learner.email, invited_by=coordinator)
    with pytest.raises(NotAllowed) as refused:
        invitations.accept_invitation(token=invitation.token, learner=other_learner)
    assert refused.value.code == "invitation_not_yours"


def test_only_the_cohorts_coordinators_invite(
    signed_in, learner, trainer, outside_coordinator, cohort
):
    for person in (learner, trainer, outside_coordinator):
        response = signed_in(person).post(
            f"/api/v1/cohorts/{cohort.public_id}/invitations/",
            {"emails": ["x@y.org"]},
            content_type="application/json",
        )
        assert response.status_code == 403, person
    assert not Invitation.objects.exists()


def test_a_dry_run_reports_every_rows_problem_in_words_and_writes_nothing(
    coordinator_client, cohort, city, django_capture_on_commit_callbacks
):
    country = city.country.iso_code
    text = (
        HEADER
        + f"ana@rosario.example,Ana,{city},{country},elected,es\n"
        + "not-an-email,Bad,,,,\n"
        + f"luis@x.org,Luis,Atlantis,{country},mayor,xx\n"
        + f"ana@rosario.example,Ana again,{city},{country},staff,pt\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            f"/api/v1/cohorts/{cohort.public_id}/imports/",
            {"file": csv_file(text), "dry_run": "true"},
        )
    assert response.status_code == 202
    job = coordinator_client.get(f"/api/v1/imports/{response.json()['id']}/").json()
    assert job["status"] == "failed"
    problems = {p["row"]: p["problems"] for p in job["problems"]}
    assert set(problems) == {3, 4, 5}
    assert "is not an e-mail address" in problems[3][0]
    assert any("no member city “Atlantis”" in text for text in problems[4])
    assert any("position must be one of" in text for text in problems[4])
    assert any("language must be one of" in text for text in problems[4])
    assert "appears twice" in problems[5][0]
    assert not User.objects.filter(email__in=["ana@rosario.example", "luis@x.org"]).exists()
    assert not Invitation.objects.exists()


def test_an_import_creates_accounts_and_invitations_and_a_second_one_changes_nothing(
    coordinator_client, cohort, city, learner, django_capture_on_commit_callbacks
):
    text = (
        HEADER
        + f"nueva@rosario.example,Nueva Persona,{city},{city.country.iso_code},staff,pt\n"
        + f"{learner.email},Ana,,,,\n"
    )
    url = f"/api/v1/cohorts/{cohort.public_id}/imports/"
    with django_capture_on_commit_callbacks(execute=True):
        first = coordinator_client.post(url, {"file": csv_file(text), "dry_run": "false"})
    job = coordinator_client.get(f"/api/v1/imports/{first.json()['id']}/").json()
    assert (job["status"], job["created_accounts"], job["created_invitations"]) == ("done", 1, 2)
    created = User.objects.get(email="nueva@rosario.example")
    assert (created.member_city, created.position, created.preferred_language) == (
        city,
        "staff",
        "pt",
    )
    assert not created.has_usable_password()
    assert len(mail.outbox) == 2
    new_person_mail = next(m for m in mail.outbox if m.to == ["nueva@rosario.example"])
    assert "/pt/accounts/password-reset/" in new_person_mail.body  # choose a password first

    with django_capture_on_commit_callbacks(execute=True):
        second = coordinator_client.post(url, {"file": csv_file(text), "dry_run": "false"})
    job = coordinator_client.get(f"/api/v1/imports/{second.json()['id']}/").json()
    assert (job["status"], job["created_accounts"], job["created_invitations"]) == ("done", 0, 0)
    assert len(mail.outbox) == 2
    assert User.objects.filter(email=learner.email).get().certificate_name == "Ana Gutiérrez"


def test_an_xlsx_file_is_read_like_a_csv(
    coordinator_client, cohort, django_capture_on_commit_callbacks
):
    book = Workbook()
    sheet = book.active
    sheet.append(["Email", "Name", "City", "Country", "Position", "Language"])
    sheet.append(["hoja@ciudad.example", "Persona de Hoja", None, None, "elected", "fr"])
    content = io.BytesIO()
    book.save(content)
    content.seek(0)
    content.name = "learners.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            f"/api/v1/cohorts/{cohort.public_id}/imports/", {"file": content, "dry_run": "false"}
        )
    job = ImportJob.objects.get(public_id=response.json()["id"])
    assert job.status == "done", job.problems
    assert User.objects.get(email="hoja@ciudad.example").preferred_language == "fr"


def test_a_file_with_wrong_columns_is_refused_as_a_whole(
    coordinator_client, cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            f"/api/v1/cohorts/{cohort.public_id}/imports/",
            {"file": csv_file("correo,nombre\na@b.org,A\n"), "dry_run": "false"},
        )
    job = ImportJob.objects.get(public_id=response.json()["id"])
    assert job.status == "failed"
    assert (
        "missing: email, name, city, country, position, language" in job.problems[0]["problems"][0]
    )


def test_imports_are_for_the_cohorts_coordinators_only(
    signed_in, learner, outside_coordinator, cohort
):
    for person in (learner, outside_coordinator):
        response = signed_in(person).post(
            f"/api/v1/cohorts/{cohort.public_id}/imports/", {"file": csv_file(HEADER)}
        )
        assert response.status_code == 403
    assert not ImportJob.objects.exists()


def test_another_delegations_coordinator_cannot_poll_an_import(
    coordinator, signed_in, outside_coordinator, cohort, django_capture_on_commit_callbacks
):
    from enrollments import imports

    job = imports.start_import(
        cohort=cohort,
        created_by=coordinator,
        file=csv_file(HEADER),
        file_name="a.csv",
        dry_run=True,
    )
    assert (
        signed_in(outside_coordinator).get(f"/api/v1/imports/{job.public_id}/").status_code == 404
    )


def test_the_command_imports_with_a_progress_bar(coordinator, cohort, tmp_path, capsys):
    path = tmp_path / "learners.csv"
    path.write_text(HEADER + "".join(f"p{n}@city.example,Person {n},,,,\n" for n in range(120)))
    call_command("import_learners", str(cohort.public_id), str(path), "--as", coordinator.email)
    out = capsys.readouterr()
    assert "Imported 120 rows: 120 new accounts, 120 new invitations." in out.out
    assert "120/120" in out.err
    with pytest.raises(CommandError, match="Nothing imported"):
        bad = tmp_path / "bad.csv"
        bad.write_text(HEADER + "nope,X,,,,\n")
        call_command("import_learners", str(cohort.public_id), str(bad), "--as", coordinator.email)
    assert (
        User.objects.filter(email__endswith="@city.example", email__startswith="p").count() == 120
    )


@pytest.mark.skipif(not settings.CELERY_BROKER_URL, reason="needs a broker and a worker")
@pytest.mark.real_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_runs_the_import_while_the_client_polls_its_status(site, city, coordinator):
    import time

    from django.test import Client

    from tests.factories import CohortFactory

    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation)
    client = Client()
    client.force_login(coordinator)
    text = HEADER + "".join(f"w{n}@worker.example,Worker {n},,,staff,es\n" for n in range(30))
    response = client.post(
        f"/api/v1/cohorts/{cohort.public_id}/imports/",
        {"file": csv_file(text), "dry_run": "false"},
    )
    assert response.status_code == 202
    deadline = time.monotonic() + 60
    while True:
        job = client.get(f"/api/v1/imports/{response.json()['id']}/").json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert job["status"] == "done", job
    assert job["created_accounts"] == 30
    assert Invitation.objects.filter(cohort=cohort).count() == 30
    from tests.shared import wait_for_idle_worker

    wait_for_idle_worker()  # the invitations' e-mails, sent after the import
