"""Issue 15, assignments: a learner writes and attaches files to an assignment of a lesson,
submits, is returned for revision and submits again; the edition's trainers review from a
queue; files are checked by what they are and served through signed, expiring links; nobody
else sees the work."""

from __future__ import annotations

import io
import uuid
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assignments import links, services
from assignments.models import Attachment, Submission
from enrollments.models import Enrollment
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

BLOCK_ID = str(uuid.UUID("7a1f6c1e-2b7d-4c55-9d1e-3f2a6b8c9d01"))
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return data.getvalue()


def plain_zip() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("plan.pdf", PDF)
    return data.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def lesson(site):
    page = site["lesson2"].specific
    page.body = [
        *page.body.raw_data,
        {
            "type": "assignment",
            "id": BLOCK_ID,
            "value": {
                "title": "Los primeros cien días de tu ciudad",
                "instructions": "<p>Escribe tu plan.</p>",
                "hand_in": "both",
                "file_types": ["pdf", "docx", "odt"],
                "max_file_mb": 1,
                "due_days": 42,
                "rubric": [
                    {
                        "criterion": "Claridad",
                        "levels": [
                            {"label": "Débil", "points": 1},
                            {"label": "Sólida", "points": 3},
                        ],
                    }
                ],
            },
        },
    ]
    page.save_revision().publish()
    return page


@pytest.fixture
def enrolled(cohort, learner, trainer):
    cohort.trainers.add(trainer)
    return Enrollment.objects.create(cohort=cohort, learner=learner, status="active")


def hand_in(client, lesson, **data):
    return client.post(f"/en/lessons/{lesson.pk}/assignments/{BLOCK_ID}/", data)


def test_a_learner_hands_in_is_returned_and_hands_in_again(
    lesson, enrolled, learner, trainer, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(learner)
    hand_in(client, lesson, text="Mi plan", files=[upload("plan.pdf", PDF)], action="save")
    submission = Submission.objects.get()
    assert submission.status == "draft" and submission.attachments.count() == 1
    page = client.get(lesson.url).content.decode()
    assert "Mi plan" in page and "plan.pdf" in page

    hand_in(client, lesson, text="Mi plan", action="submit")
    hand_in(client, lesson, text="Mi plan", action="submit")  # a double click
    submission.refresh_from_db()
    assert submission.status == "submitted" and submission.versions.count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        services.review(
            reviewer=trainer,
            submission=submission,
            decision="returned",
            feedback="Añade plazos.",
            levels=[0],
        )
    assert mail.outbox[-1].to == [learner.email]
    assert "Añade plazos." in mail.outbox[-1].body
    assert "returned for revision" in mail.outbox[-1].subject

    hand_in(client, lesson, text="Mi plan con plazos", action="submit")
    submission.refresh_from_db()
    assert submission.status == "submitted"
    first, second = submission.versions.order_by("number")
    assert (first.text, second.text) == ("Mi plan", "Mi plan con plazos")  # every version kept
    assert first.review.points == 1 and list(second.attachments.all()) == list(
        first.attachments.all()
    )


def test_files_are_checked_by_what_they_are(lesson, enrolled, learner, signed_in):
    client = signed_in(learner)
    for name, content, reason in (
        ("plan.pdf", b"MZ\x90\x00 a program", "Programs and scripts are not accepted."),
        ("plan.pdf", plain_zip(), "Archives are not accepted"),
        ("plan.docx", b"\x89PNG\r\n\x1a\n....", "takes PDF, DOCX, ODT files only"),
        ("plan.pdf", b"just text", "not a PDF, a DOCX or ODT document"),
        ("big.pdf", PDF + b"0" * (1024 * 1024), "larger than 1 MB"),
    ):
        answer = hand_in(client, lesson, text="x", files=[upload(name, content)], action="save")
        page = client.get(answer["Location"]).content.decode()
        assert reason in page, name
    assert not Attachment.objects.exists()
    assert not Submission.objects.filter(text="x").exists()  # nothing half-kept

    hand_in(client, lesson, text="ok", files=[upload("plan.docx", docx())], action="save")
    assert Attachment.objects.get().content_type.endswith("wordprocessingml.document")


def test_nothing_is_handed_in_after_the_edition_closed(lesson, enrolled, learner, signed_in):
    today = timezone.localdate()
    enrolled.cohort.starts_on = today - timezone.timedelta(days=60)
    enrolled.cohort.ends_on = today - timezone.timedelta(days=1)
    enrolled.cohort.save()
    client = signed_in(learner)

    answer = hand_in(client, lesson, text="tarde", action="submit")

    assert "The edition has closed" in client.get(answer["Location"]).content.decode()
    assert not Submission.objects.exists()


def test_files_open_through_signed_expiring_links_for_the_learner_and_trainers_only(
    lesson,
    enrolled,
    learner,
    trainer,
    other_learner,
    outside_coordinator,
    signed_in,
    client,
    monkeypatch,
):
    services.save_draft(
        learner=learner, lesson=lesson, block_id=BLOCK_ID, text="", uploads=[upload("p.pdf", PDF)]
    )
    attachment = Attachment.objects.get()
    url = links.file_url(attachment)
    for person, status in ((learner, 200), (trainer, 200), (other_learner, 404)):
        assert signed_in(person).get(url).status_code == status
        client.logout()
    assert signed_in(outside_coordinator).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # signed out: to the sign-in page
    signed_in(learner)
    assert client.get(url.replace("/files/", "/files/x")).status_code == 404
    monkeypatch.setattr(links, "LINK_SECONDS", -1)  # as if the link were older than allowed
    assert client.get(url).status_code == 404


def test_only_the_editions_trainers_review_and_the_queue_shows_its_own(
    lesson, enrolled, learner, trainer, outside_coordinator, coordinator, signed_in, client
):
    services.save_draft(learner=learner, lesson=lesson, block_id=BLOCK_ID, text="Plan")
    services.submit(learner=learner, lesson=lesson, block_id=BLOCK_ID)
    submission = Submission.objects.get()
    other_trainer = UserFactory(email="otra@aula.example", is_trainer=True)
    CohortFactory(course=enrolled.cohort.course).trainers.add(other_trainer)

    for person in (other_trainer, outside_coordinator, learner):
        c = signed_in(person)
        assert c.get(f"/en/assignments/{submission.public_id}/review/").status_code == 404
        assert c.get(f"/en/cohorts/{enrolled.cohort.public_id}/assignments/").status_code == 404
        c.logout()
        with pytest.raises(Exception, match="Only the edition's trainers"):
            services.review(
                reviewer=person, submission=submission, decision="accepted", feedback="", levels=[1]
            )
    queue = signed_in(coordinator).get(f"/en/cohorts/{enrolled.cohort.public_id}/assignments/")
    assert learner.display_name in queue.content.decode()


def test_a_review_needs_every_rubric_level_and_feedback_to_return(
    lesson, enrolled, learner, trainer, signed_in
):
    services.save_draft(learner=learner, lesson=lesson, block_id=BLOCK_ID, text="Plan")
    services.submit(learner=learner, lesson=lesson, block_id=BLOCK_ID)
    submission = Submission.objects.get()
    client = signed_in(trainer)
    address = f"/en/assignments/{submission.public_id}/review/"

    no_level = client.post(address, {"decision": "accepted", "feedback": "Bien"})
    no_feedback = client.post(address, {"decision": "returned", "level-0": "1"})
    assert no_level.status_code == 400 and "every criterion" in no_level.content.decode()
    assert no_feedback.status_code == 400 and "Say what to revise" in no_feedback.content.decode()

    done = client.post(address, {"decision": "accepted", "feedback": "Bien", "level-0": "1"})
    again = client.post(address, {"decision": "returned", "feedback": "No", "level-0": "0"})

    assert done.status_code == 302 and again.status_code == 302  # a retry changes nothing
    submission.refresh_from_db()
    assert submission.status == "accepted"
    assert submission.versions.get().review.points == 3


def test_the_queue_costs_the_same_queries_with_one_submission_or_five(
    lesson, cohort, trainer, signed_in
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cohort.trainers.add(trainer)
    cohort.capacity = 10
    cohort.save()

    def one_more(n):
        person = UserFactory(email=f"p{n}@rosario.example")
        Enrollment.objects.create(cohort=cohort, learner=person, status="active")
        services.save_draft(learner=person, lesson=lesson, block_id=BLOCK_ID, text=f"Plan {n}")
        services.submit(learner=person, lesson=lesson, block_id=BLOCK_ID)

    one_more(0)
    client = signed_in(trainer)
    address = f"/en/cohorts/{cohort.public_id}/assignments/"
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        client.get(address)
    for n in range(1, 5):
        one_more(n)
    with CaptureQueriesContext(connection) as five:
        page = client.get(address).content.decode()
    assert page.count("/review/") == 5
    assert len(five) == len(one)


def test_submissions_are_in_the_data_download_and_erased_with_the_account(
    lesson, enrolled, learner
):
    from accounts import privacy

    services.save_draft(
        learner=learner,
        lesson=lesson,
        block_id=BLOCK_ID,
        text="Plan",
        uploads=[upload("p.pdf", PDF)],
    )
    services.submit(learner=learner, lesson=lesson, block_id=BLOCK_ID)
    stored = Attachment.objects.get().file.name
    data = privacy.export_personal_data(user=learner)
    assert data["assignments"][0]["versions"][0]["text"] == "Plan"
    assert data["assignments"][0]["files"] == ["p.pdf"]

    privacy.erase_account(user=learner)

    assert not Submission.objects.exists()
    from django.core.files.storage import default_storage

    assert not default_storage.exists(stored)


def test_an_edition_that_asks_for_accepted_work_completes_once_the_trainer_accepts(
    lesson, enrolled, cohort, site, learner, trainer, django_capture_on_commit_callbacks
):
    from enrollments.models import LessonProgress

    cohort.requires_accepted_assignments = True
    cohort.save()
    now = timezone.now()
    for page in (site["lesson"], site["lesson2"]):
        LessonProgress.objects.create(
            enrollment=enrolled, lesson=page, viewed_at=now, completed_at=now
        )
    services.save_draft(learner=learner, lesson=lesson, block_id=BLOCK_ID, text="Plan")
    services.submit(learner=learner, lesson=lesson, block_id=BLOCK_ID)
    from enrollments import progress

    progress.refresh_completion(enrollment_id=enrolled.pk)
    enrolled.refresh_from_db()
    assert enrolled.status == "active"  # every lesson done, the plan not accepted yet
    submission = Submission.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.review(reviewer=trainer, submission=submission, decision="returned",
                        feedback="Añade plazos.", levels=[0])  # fmt: skip
    enrolled.refresh_from_db()
    assert enrolled.status == "active"
    services.submit(learner=learner, lesson=lesson, block_id=BLOCK_ID)
    with django_capture_on_commit_callbacks(execute=True):
        services.review(reviewer=trainer, submission=submission, decision="accepted",
                        feedback="", levels=[1])  # fmt: skip
    enrolled.refresh_from_db()
    assert enrolled.status == "completed"


def test_without_the_requirement_the_edition_completes_without_waiting_for_reviews(
    lesson, enrolled, site
):
    from enrollments import progress
    from enrollments.models import LessonProgress

    now = timezone.now()
    for page in (site["lesson"], site["lesson2"]):
        LessonProgress.objects.create(
            enrollment=enrolled, lesson=page, viewed_at=now, completed_at=now
        )
    progress.refresh_completion(enrollment_id=enrolled.pk)
    enrolled.refresh_from_db()
    assert enrolled.status == "completed"


def test_the_roster_and_its_export_show_accepted_work_and_its_points(
    lesson, enrolled, cohort, learner, trainer, signed_in, django_capture_on_commit_callbacks
):
    import csv
    import io

    services.save_draft(learner=learner, lesson=lesson, block_id=BLOCK_ID, text="Plan")
    services.submit(learner=learner, lesson=lesson, block_id=BLOCK_ID)
    client = signed_in(trainer)
    page = client.get(f"/en/cohorts/{cohort.public_id}/roster/").content.decode()
    assert "assignment accepted" not in page
    with django_capture_on_commit_callbacks(execute=True):
        services.review(reviewer=trainer, submission=Submission.objects.get(),
                        decision="accepted", feedback="", levels=[1])  # fmt: skip
    page = client.get(f"/en/cohorts/{cohort.public_id}/roster/").content.decode()
    assert "1 assignment accepted · 3 points" in page
    export = client.get(f"/api/v1/cohorts/{cohort.public_id}/roster/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0]["assignments_accepted"] == "1" and rows[0]["assignment_points"] == "3"


def test_the_api_shows_work_to_its_learner_and_its_trainers_only_and_reviews_once(
    lesson, enrolled, cohort, learner, trainer, signed_in, django_capture_on_commit_callbacks
):
    hand_in(signed_in(learner), lesson, text="Mi plan", files=[upload("plan.pdf", PDF)],
            action="submit")  # fmt: skip
    submission = Submission.objects.get()
    detail = f"/api/v1/submissions/{submission.public_id}/"
    review = detail + "review/"

    mine = signed_in(learner).get("/api/v1/me/submissions/").json()["results"]
    assert [row["id"] for row in mine] == [str(submission.public_id)]
    body = signed_in(learner).get(detail).json()
    assert body["history"][0]["files"][0]["name"] == "plan.pdf"
    assert (
        signed_in(learner)
        .post(review, {"decision": "accepted"}, content_type="application/json")
        .status_code
        == 404
    )

    stranger = UserFactory()
    assert signed_in(stranger).get(detail).status_code == 404
    assert signed_in(stranger).get("/api/v1/me/submissions/").json()["results"] == []
    other_trainer = UserFactory(is_trainer=True)
    CohortFactory().trainers.add(other_trainer)
    assert (
        signed_in(other_trainer).get(f"/api/v1/cohorts/{cohort.public_id}/submissions/").status_code
        == 404
    )
    assert (
        signed_in(other_trainer)
        .post(review, {"decision": "accepted"}, content_type="application/json")
        .status_code
        == 404
    )

    client = signed_in(trainer)
    listed = client.get(f"/api/v1/cohorts/{cohort.public_id}/submissions/?status=submitted").json()
    assert [row["learner"] for row in listed["results"]] == [learner.display_name]
    assert (
        client.get(f"/api/v1/cohorts/{cohort.public_id}/submissions/?status=x").status_code == 400
    )
    refused = client.post(review, {"decision": "returned"}, content_type="application/json")
    assert refused.status_code == 400 and refused.json()["code"] == "feedback_required"
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            review, {"decision": "accepted", "levels": [1]}, content_type="application/json"
        )
        again = client.post(
            review, {"decision": "returned", "feedback": "No"}, content_type="application/json"
        )
    assert done.status_code == 200 and done.json()["status"] == "accepted"
    assert done.json()["points"] == 3
    assert again.json()["history"][0]["review"]["decision"] == "accepted"  # the first stands


def test_a_learner_hands_in_through_the_api_and_a_retried_upload_attaches_nothing_more(
    lesson, enrolled, cohort, learner, signed_in
):
    client = signed_in(learner)
    base = f"/api/v1/lessons/{lesson.pk}/assignments/{BLOCK_ID}/"

    shown = client.get(base).json()
    assert shown["title"] == "Los primeros cien días de tu ciudad"
    assert shown["rubric"][0]["levels"][1] == {"label": "Sólida", "points": 3}
    assert shown["edition"] == str(cohort.public_id) and shown["submission"] is None
    assert shown["open"] is True and shown["file_types"] == ["pdf", "docx", "odt"]

    saved = client.put(base + "draft/", {"text": "Mi plan"}, content_type="application/json")
    assert saved.status_code == 200 and saved.json()["draft"] == "Mi plan"
    assert saved.json()["status"] == "draft"

    files = base + "draft/files/"
    first = client.post(files, {"file": upload("plan.pdf", PDF)}, HTTP_IDEMPOTENCY_KEY="k1")
    again = client.post(files, {"file": upload("plan.pdf", PDF)}, HTTP_IDEMPOTENCY_KEY="k1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert [f["name"] for f in again.json()["draft_files"]] == ["plan.pdf"]
    other = client.post(files, {"file": upload("otro.pdf", PDF)}, HTTP_IDEMPOTENCY_KEY="k1")
    assert other.status_code == 409 and other.json()["code"] == "idempotency_key_reused"
    memo = client.post(files, {"file": upload("nota.docx", docx())})
    assert memo.status_code == 201 and len(memo.json()["draft_files"]) == 2
    # Files that lie about what they are, archives and programs are refused, nothing kept.
    for name, content, code in [
        ("plan.pdf", plain_zip(), "archive"),
        ("plan.pdf", b"MZ\x90\x00program", "executable"),
        ("plan.pdf", b"%PDF-" + b"x" * (1024 * 1024), "too_large"),
    ]:
        refused = client.post(files, {"file": upload(name, content)})
        assert refused.status_code == 400 and refused.json()["code"] == code, name
    assert Attachment.objects.count() == 2

    docx_id = memo.json()["draft_files"][1]["id"]
    assert client.delete(f"{files}{docx_id}/").status_code == 204
    assert client.delete(f"{files}{docx_id}/").status_code == 404

    submitted = client.post(base + "submit/")
    resubmitted = client.post(base + "submit/")  # a retry
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert len(resubmitted.json()["history"]) == 1
    assert [f["name"] for f in resubmitted.json()["history"][0]["files"]] == ["plan.pdf"]
    assert client.get(resubmitted.json()["history"][0]["files"][0]["url"]).status_code == 200
    locked = client.put(base + "draft/", {"text": "Otro"}, content_type="application/json")
    assert locked.status_code == 400 and locked.json()["code"] == "not_editable"
    assert client.get(base).json()["submission"]["draft"] == "Mi plan"


def test_the_hand_in_api_is_for_the_editions_learners_each_with_their_own_work(
    lesson, enrolled, cohort, learner, trainer, signed_in
):
    base = f"/api/v1/lessons/{lesson.pk}/assignments/{BLOCK_ID}/"
    mine = signed_in(learner).post(base + "draft/files/", {"file": upload("plan.pdf", PDF)})
    file_id = mine.json()["draft_files"][0]["id"]

    classmate = UserFactory()
    Enrollment.objects.create(cohort=cohort, learner=classmate, status="active")
    theirs = signed_in(classmate)
    assert theirs.get(base).json()["submission"] is None  # not the other learner's draft
    assert theirs.delete(f"{base}draft/files/{file_id}/").status_code == 404
    assert Attachment.objects.count() == 1

    for outsider in (UserFactory(), trainer):
        refused = signed_in(outsider).put(
            base + "draft/", {"text": "x"}, content_type="application/json"
        )
        assert refused.status_code == 403, outsider
        assert signed_in(outsider).get(base).status_code == 403
    client = signed_in(learner)
    assert client.get(f"/api/v1/lessons/{lesson.pk}/assignments/nope/").status_code == 404
    assert client.get(f"/api/v1/lessons/{2**40}/assignments/{BLOCK_ID}/").status_code == 404

    for path in ("draft/", "submit/", "draft/files/"):  # what a browser asks first
        assert client.options(base + path).status_code == 200, path
    assert signed_in(trainer).options(base + "draft/").status_code == 200
    client = signed_in(learner)

    cohort.status = "closed"
    cohort.save()
    closed = client.put(base + "draft/", {"text": "Tarde"}, content_type="application/json")
    assert closed.status_code == 400 and closed.json()["code"] == "closed"
    assert "closed" in closed.json()["detail"]
