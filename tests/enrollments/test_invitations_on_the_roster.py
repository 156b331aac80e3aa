"""Coordinators invite from the roster page, see who has not answered yet, send an invitation
again or cancel it; nobody else sees or touches another edition's invitations."""

from __future__ import annotations

import datetime

from django.core import mail
from django.utils import timezone

from enrollments.models import Invitation


def roster(client, cohort) -> str:
    return client.get(f"/es/cohorts/{cohort.public_id}/roster/").content.decode()


def test_invited_people_show_at_once_and_can_be_invited_again_or_cancelled(
    signed_in, coordinator, cohort, client, django_capture_on_commit_callbacks
):
    client = signed_in(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            f"/es/cohorts/{cohort.public_id}/invite/",
            {"emails": "alcaldesa@quito.example, Concejal@Lima.example\nalcaldesa@quito.example"},
            follow=True,
        )
    assert "2 invitaciones enviadas" in sent.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "alcaldesa@quito.example",
        "concejal@lima.example",
    ]
    page = roster(client, cohort)
    assert "Esperando respuesta" in page
    assert "alcaldesa@quito.example" in page and "concejal@lima.example" in page

    wrong = client.post(
        f"/es/cohorts/{cohort.public_id}/invite/", {"emails": "a@b.example, nadie"}, follow=True
    )
    assert "No es una dirección de correo: nadie" in wrong.content.decode()
    assert Invitation.objects.count() == 2  # nothing half-sent

    late = Invitation.objects.get(email="alcaldesa@quito.example")
    Invitation.objects.filter(pk=late.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert "Caducada" in roster(client, cohort)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/es/invitations/{late.pk}/resend/")
    late.refresh_from_db()
    assert late.expires_at > timezone.now() + datetime.timedelta(days=13)
    assert [m.to for m in mail.outbox] == [["alcaldesa@quito.example"]]

    cancelled = Invitation.objects.get(email="concejal@lima.example")
    client.post(f"/es/invitations/{cancelled.pk}/cancel/")
    assert not Invitation.objects.filter(pk=cancelled.pk).exists()
    assert client.get(f"/es/invitations/{cancelled.token}/").status_code in (400, 404)
    assert "concejal@lima.example" not in roster(client, cohort)


def test_only_the_editions_coordinators_handle_its_invitations(
    signed_in, coordinator, trainer, learner, cohort, client
):
    cohort.trainers.add(trainer)
    invitation = Invitation.objects.create(
        cohort=cohort, email="x@y.example", expires_at=timezone.now() + datetime.timedelta(days=3)
    )
    for person in (trainer, learner):
        other = signed_in(person)
        assert other.post(f"/es/invitations/{invitation.pk}/cancel/").status_code == 404
        assert other.post(f"/es/invitations/{invitation.pk}/resend/").status_code == 404
        assert (
            other.post(
                f"/es/cohorts/{cohort.public_id}/invite/", {"emails": "z@y.example"}
            ).status_code
            == 404
        )
        other.logout()
    assert "x@y.example" not in roster(signed_in(trainer), cohort)  # trainers follow, not invite
    assert Invitation.objects.count() == 1


DETAILS = {
    "certificate_name": "Rosa Mamani",
    "password1": "una clave muy larga 2026",
    "password2": "una clave muy larga 2026",
    "other_city": "Municipalidad de El Alto",
    "position": "staff",
    "preferred_language": "es",
    "time_zone": "America/La_Paz",
    "privacy": "on",
}


def test_someone_invited_without_an_account_creates_it_and_is_enrolled_in_one_step(client, cohort):
    from django.contrib.auth import get_user_model

    from enrollments.models import Enrollment

    invitation = Invitation.objects.create(
        cohort=cohort,
        email="rosa@elalto.example",
        expires_at=timezone.now() + datetime.timedelta(days=3),
    )
    url = f"/es/invitations/{invitation.token}/"
    page = client.get(url).content.decode()
    assert "Crea tu cuenta para aceptar" in page and "rosa@elalto.example" in page

    refused = client.post(url, {**DETAILS, "password2": "otra"})
    assert refused.status_code == 400
    assert get_user_model().objects.count() == 0

    done = client.post(url, DETAILS, follow=True)
    assert "Te damos la bienvenida a Aula" in done.content.decode()
    person = get_user_model().objects.get(email="rosa@elalto.example")
    assert Enrollment.objects.get(learner=person, cohort=cohort).status == "active"
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert client.get("/es/my-courses/").status_code == 200  # signed in


def test_an_expired_invitation_makes_no_account(client, cohort):
    from django.contrib.auth import get_user_model

    invitation = Invitation.objects.create(
        cohort=cohort,
        email="tarde@elalto.example",
        expires_at=timezone.now() - datetime.timedelta(days=1),
    )
    answer = client.post(f"/es/invitations/{invitation.token}/", DETAILS, follow=True)
    assert "ha caducado" in answer.content.decode()
    assert get_user_model().objects.count() == 0
