"""Issue 15, where experiences come from and how they are published: people of member cities
propose (a learner from their accepted plan, with consent and a choice of what is published);
their delegation's editors request changes, approve, publish and unpublish, each step recorded;
bad input is refused with a reason and nothing is half-written."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.privacy import erase_account, export_personal_data
from assignments.models import Submission
from enrollments.errors import NotAllowed
from enrollments.models import Enrollment
from experiences import services
from experiences.models import Event, Experience, Text
from tests.experiences.helpers import editor_of, facts, published, story
from tests.factories import (
    CohortFactory,
    CountryFactory,
    MemberCityFactory,
    UserFactory,
    build_site,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_city_proposes_the_editors_ask_for_changes_and_then_publish(
    client, django_capture_on_commit_callbacks
):
    city = MemberCityFactory(name="Rosario")
    official = UserFactory(member_city=city, preferred_language="pt")
    editor = editor_of(city)
    client.force_login(official)
    response = client.post(
        "/es/experiences/propose/",
        {
            "language": "es", "title": "Plazas que enseñan", "summary": "Talleres.",
            "description": "Los sábados.", "member_city": city.pk, "principles": ["p05"],
            "populations": ["older-people"], "year_started": 2019, "status": "running",
            "budget": "small", "consent": "on",
            "uploads": [SimpleUploadedFile("foto.pdf", PDF, content_type="application/pdf")],
        },
    )  # fmt: skip
    experience = Experience.objects.get()
    assert response.status_code == 302 and experience.stage == "proposed"
    assert experience.files.get().name == "foto.pdf" and experience.consent_at is not None

    with pytest.raises(ValidationError) as refusal:
        services.decide(by=editor, experience=experience, action="changes", note="  ")
    assert "Di qué debería cambiar" in str(refusal.value)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(
            by=editor, experience=experience, action="changes", note="Añade resultados."
        )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [official.email]
    assert mail.outbox[0].subject == (
        "A sua experiência “Plazas que enseñan”: os editores pedem alterações"
    )  # in the proposer's language
    assert "Añade resultados." in mail.outbox[0].body

    services.edit(
        by=official, experience=experience, facts=facts(city, tags=["p05"]),
        story=story(title="Plazas que enseñan", results="800 personas al año."),
    )  # fmt: skip
    experience.refresh_from_db()
    assert experience.stage == "proposed"
    services.decide(by=editor, experience=experience, action="approved")
    services.decide(by=editor, experience=experience, action="published")
    services.decide(by=editor, experience=experience, action="published")  # a double click
    experience.refresh_from_db()
    assert experience.stage == "published" and experience.published_at is not None
    assert list(experience.events.values_list("action", flat=True)) == [
        "proposed", "changes", "edited", "approved", "published",
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        services.edit(by=official, experience=experience, facts=facts(city), story=story())
    services.decide(by=editor, experience=experience, action="unpublished")
    assert client.get(f"/en/experiences/{experience.public_id}/").status_code == 200  # the proposer
    client.logout()
    assert client.get(f"/en/experiences/{experience.public_id}/").status_code == 404


def test_the_form_names_what_is_wrong_and_keeps_nothing(client):
    city = MemberCityFactory()
    client.force_login(UserFactory(member_city=city))
    response = client.post(
        "/en/experiences/propose/",
        {
            "language": "es", "title": "<script>alert(1)</script>Plan", "summary": "S",
            "description": "D", "member_city": city.pk, "year_started": 2019,
            "status": "running", "budget": "none",
        },
    )  # fmt: skip
    errors = response.context["form"].errors
    assert "HTML" in " ".join(errors["title"])
    assert "Charter principle" in " ".join(errors["principles"])
    assert "Agree to the publication" in " ".join(errors["consent"])
    assert Experience.objects.count() == 0


def test_files_that_lie_archives_and_programs_are_refused(client):
    city = MemberCityFactory()
    person = UserFactory(member_city=city)
    for name, data, reason in [
        ("plan.pdf", b"MZ\x90\x00program", "Programs"),
        ("fotos.zip", b"Rar!\x1a\x07\x00", "Archives"),
        ("foto.png", b"<html>not an image</html>", "not a PDF"),
    ]:
        with pytest.raises(ValidationError) as refusal:
            services.propose(
                by=person, facts=facts(city), story=story(), consent=True,
                uploads=[SimpleUploadedFile(name, data)],
            )  # fmt: skip
        assert reason in " ".join(refusal.value.messages)
    assert Experience.objects.count() == 0 and Text.objects.count() == 0


def test_cities_of_another_delegation_are_refused_to_proposers_and_editors():
    mine = MemberCityFactory()
    theirs = MemberCityFactory()  # another delegation
    with pytest.raises(NotAllowed):
        services.propose(
            by=UserFactory(member_city=mine), facts=facts(theirs), story=story(), consent=True
        )
    editor = editor_of(mine)
    with pytest.raises(NotAllowed):
        services.propose(by=editor, facts=facts(theirs), story=story(), consent=True)
    # A free city name counts for its country's delegation.
    with pytest.raises(NotAllowed):
        services.propose(
            by=editor, facts=facts(None, city_name="Pasto", country=theirs.country),
            story=story(), consent=True,
        )  # fmt: skip
    experience = services.propose(
        by=editor, facts=facts(None, city_name="Villa María", country=mine.country),
        story=story(), consent=True,
    )  # fmt: skip
    assert experience.delegation == mine.delegation and experience.city == "Villa María"
    # Their editors cannot review it, nor move it to their delegation.
    other_editor = editor_of(theirs)
    with pytest.raises(NotAllowed):
        services.decide(by=other_editor, experience=experience, action="published")
    with pytest.raises(NotAllowed):
        services.edit(by=editor, experience=experience, facts=facts(theirs), story=story())


def test_the_review_page_and_steps_are_for_the_delegations_editors_only(client):
    city = MemberCityFactory()
    experience = services.propose(
        by=UserFactory(member_city=city), facts=facts(city), story=story(), consent=True
    )
    client.force_login(editor_of(MemberCityFactory()))
    assert client.get("/en/experiences/editorial/").context["rows"] == []
    assert (
        client.post(
            f"/en/experiences/{experience.public_id}/decide/", {"action": "published"}
        ).status_code
        == 404
    )
    client.force_login(UserFactory(member_city=city))
    assert client.get("/en/experiences/editorial/").status_code == 404
    client.force_login(editor_of(city))
    rows = client.get("/en/experiences/editorial/").context["rows"]
    assert [row["experience"] for row in rows] == [experience]
    client.post(f"/en/experiences/{experience.public_id}/decide/", {"action": "published"})
    experience.refresh_from_db()
    assert experience.stage == "published"


def test_nothing_is_published_without_consent():
    city = MemberCityFactory()
    experience = services.propose(
        by=UserFactory(member_city=city), facts=facts(city), story=story(), consent=True
    )
    Experience.objects.filter(pk=experience.pk).update(consent_at=None)
    with pytest.raises(ValidationError) as refusal:
        services.decide(by=editor_of(city), experience=experience, action="published")
    assert refusal.value.code == "no_consent"
    experience.refresh_from_db()
    assert experience.stage == "proposed"
    with pytest.raises(ValidationError):
        services.propose(
            by=UserFactory(member_city=city), facts=facts(city), story=story(), consent=False
        )


def accepted_plan(city, *, status: str = "accepted") -> Submission:
    site = build_site()
    cohort = CohortFactory(course=site["course"].course, delegation=city.delegation)
    learner = UserFactory(member_city=city, preferred_language="pt")
    enrollment = Enrollment.objects.create(cohort=cohort, learner=learner, status="active")
    return Submission.objects.create(
        enrollment=enrollment, lesson=site["lesson2"].specific, block_id="b1", status=status,
        text="Mesa intersectorial desde el día 30\nPrioridades: caminos escolares.",
    )  # fmt: skip


def test_a_learner_proposes_their_accepted_plan_once_choosing_what_is_published(client):
    city = MemberCityFactory()
    plan = accepted_plan(city)
    learner = plan.enrollment.learner
    client.force_login(learner)
    page = client.get("/pt/experiences/mine/")
    assert f"/experiences/propose/{plan.public_id}/" in page.content.decode()
    form = client.get(f"/pt/experiences/propose/{plan.public_id}/").context["form"]
    assert form.initial["description"].startswith("Mesa intersectorial")
    data = {
        "language": "es", "title": "Mesa intersectorial", "summary": "Mesa desde el día 30.",
        "description": "Solo lo que quiero publicar.", "member_city": city.pk,
        "principles": ["p02"], "year_started": 2026, "status": "idea", "budget": "none",
        "credit": "Equipo de la intendencia",
    }  # fmt: skip
    refused = client.post(f"/pt/experiences/propose/{plan.public_id}/", data)
    assert refused.status_code == 200 and Experience.objects.count() == 0
    data["consent"] = "on"
    client.post(f"/pt/experiences/propose/{plan.public_id}/", data)
    client.post(f"/pt/experiences/propose/{plan.public_id}/", data)  # sent twice
    experience = Experience.objects.get()
    assert experience.submission == plan and experience.proposer == learner
    assert experience.texts.get().description == "Solo lo que quiero publicar."
    assert experience.credit == "Equipo de la intendencia"


def test_only_its_learner_proposes_an_accepted_plan(client):
    city = MemberCityFactory()
    returned = accepted_plan(city, status="returned")
    client.force_login(returned.enrollment.learner)
    assert client.get(f"/en/experiences/propose/{returned.public_id}/").status_code == 302
    client.force_login(UserFactory(member_city=city))
    assert client.get(f"/en/experiences/propose/{returned.public_id}/").status_code == 404


def test_proposals_are_in_the_data_download_and_erasure_keeps_only_what_was_published():
    city = MemberCityFactory()
    person = UserFactory(member_city=city)
    shown = published(city, by=person, title="Publicada")
    services.propose(by=person, facts=facts(city), story=story(title="Borrador"), consent=True)
    data = export_personal_data(user=person)["experiences"]
    assert sorted(p["texts"]["es"]["title"] for p in data["proposed"]) == ["Borrador", "Publicada"]

    erase_account(user=person)
    assert list(Experience.objects.values_list("texts__title", flat=True)) == ["Publicada"]
    shown.refresh_from_db()
    assert shown.proposer is None and shown.stage == "published"
    assert not Event.objects.filter(actor=person).exists()
    _ = CountryFactory
