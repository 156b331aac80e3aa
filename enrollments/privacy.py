"""A learner's part of their data export and erasure (see accounts/privacy.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import F

from accounts.models import User
from enrollments.models import (
    ActivityState,
    Answer,
    Enrollment,
    Invitation,
    LessonProgress,
    Response,
    Statement,
)


def personal_data(user: User) -> dict[str, Any]:
    enrollments = Enrollment.objects.filter(learner=user).select_related("cohort__course")
    answers: dict[str, list[dict[str, Any]]] = {}
    for answer in Answer.objects.filter(response__enrollment__learner=user).select_related(
        "response__questionnaire"
    ):
        key = str(answer.response.questionnaire.public_id)
        answers.setdefault(key, []).append(
            {
                "question": answer.question,
                "number": answer.number,
                "option": answer.option,
                "text": answer.text,
            }
        )
    return {
        "enrollments": [
            {
                "cohort": enrollment.cohort.title,
                "course": enrollment.cohort.course.code,
                "status": enrollment.status,
                "enrolled_at": enrollment.enrolled_at,
                "completed_at": enrollment.completed_at,
                "withdrawn_at": enrollment.withdrawn_at,
                "completed_lessons": enrollment.completed_lessons,
            }
            for enrollment in enrollments
        ],
        "lesson_progress": list(
            LessonProgress.objects.filter(enrollment__learner=user).values(
                "viewed_at", "completed_at", lesson_title=F("lesson__title")
            )
        ),
        "statements": list(
            Statement.objects.filter(learner=user).values(
                "id",
                "verb",
                "raw_score",
                "max_score",
                "stored_at",
                activity_title=F("activity__title"),
            )
        ),
        "named_questionnaire_answers": answers,
        "invitations": list(
            Invitation.objects.filter(email__iexact=user.email).values(
                "created_at", "accepted_at", cohort_title=F("cohort__title")
            )
        ),
    }


def erase(user: User) -> None:
    """Named answers become anonymous ones (the figures keep them); saved activity states and
    invitations addressed to the person go; enrolments and progress stay, for the figures,
    attached to an account that no longer names anyone."""
    Response.objects.filter(enrollment__learner=user).update(enrollment=None)
    ActivityState.objects.filter(learner=user).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
