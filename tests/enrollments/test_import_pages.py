"""Coordinators import people from a page: the file is checked first, its problems listed by
row, and imported only when they confirm, once however often they click."""

from __future__ import annotations

from django.core import mail

from accounts.models import User
from enrollments.models import ImportJob, Invitation
from tests.enrollments.test_invitations_and_imports import HEADER, csv_file


def test_check_then_confirm_invites_everyone_once_and_they_appear_on_the_roster(
    cohort, city, learner, coordinator, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(coordinator)
    text = (
        HEADER
        + f"nueva@rosario.example,Nueva Persona,{city},{city.country.iso_code},staff,pt\n"
        + f"{learner.email},Ana,,,,\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        checked = client.post(f"/es/cohorts/{cohort.public_id}/import/", {"file": csv_file(text)})
    page = client.get(checked["Location"]).content.decode()
    assert "El archivo es correcto: 2 filas." in page
    assert "1 cuenta nueva" in page and "2 invitaciones" in page
    assert not User.objects.filter(email="nueva@rosario.example").exists()  # nothing written
    assert mail.outbox == []

    check = ImportJob.objects.get(dry_run=True)
    confirm = f"/es/imports/{check.public_id}/confirm/"
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(confirm)
        again = client.post(confirm)  # a double click
    assert "2 invitaciones enviadas" in client.get(done["Location"]).content.decode()
    assert ImportJob.objects.filter(dry_run=False).count() == 1
    assert again["Location"] == done["Location"]
    assert Invitation.objects.filter(cohort=cohort).count() == 2
    assert len(mail.outbox) == 2
    roster = client.get(f"/es/cohorts/{cohort.public_id}/roster/").content.decode()
    assert "nueva@rosario.example" in roster  # invited, waiting for an answer


def test_a_file_with_problems_lists_them_by_row_and_cannot_be_imported(
    cohort, coordinator, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(coordinator)
    coordinator.preferred_language = "es"
    coordinator.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/es/cohorts/{cohort.public_id}/import/",
            {"file": csv_file(HEADER + "no-es-un-correo,,,,,\n")},
        )
    page = client.get(response["Location"]).content.decode()
    assert "no es una dirección de correo" in page
    check = ImportJob.objects.get()
    refused = client.post(f"/es/imports/{check.public_id}/confirm/", follow=True)
    assert "Solo se puede importar una comprobación sin problemas." in refused.content.decode()
    assert not ImportJob.objects.filter(dry_run=False).exists()


def test_a_wrong_kind_of_file_is_refused_on_the_form(cohort, coordinator, signed_in):
    response = signed_in(coordinator).post(
        f"/es/cohorts/{cohort.public_id}/import/", {"file": csv_file("x", name="people.pdf")}
    )
    assert response.status_code == 400
    assert "Envía un archivo .csv o .xlsx." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_imports_are_for_the_editions_coordinators_only(
    cohort, outside_coordinator, trainer, learner, signed_in, coordinator
):
    cohort.trainers.add(trainer)
    job = ImportJob.objects.create(
        cohort=cohort, created_by=coordinator, file="x.csv", file_name="x.csv", status="done"
    )
    for person in (outside_coordinator, trainer, learner):
        client = signed_in(person)
        assert client.get(f"/es/cohorts/{cohort.public_id}/import/").status_code == 404
        assert client.get(f"/es/imports/{job.public_id}/").status_code == 404
        assert client.post(f"/es/imports/{job.public_id}/confirm/").status_code == 404
    assert ImportJob.objects.count() == 1
