"""The demo's reviewed plans: in the finished edition of the Charter course, some participants
handed in their city's first hundred days, and the trainer returned one and accepted the rest.
Running it again changes nothing."""

from __future__ import annotations

import datetime
from collections import Counter

from accounts.models import User
from assignments.models import Review, Submission, Version
from courses.models import Cohort
from enrollments.models import Enrollment

PLANS = [
    ("accepted", "Mesa intersectorial presidida por la intendencia desde el día 30; prioridades: "
     "caminos escolares seguros y bibliotecas abiertas por la tarde; informe público al día 100.",
     "Plan claro y con responsables. Compártelo con la red.", [2, 2]),
    ("accepted", "Adhesión a la AICE aprobada por el concejo; diagnóstico de programas con las "
     "escuelas y las organizaciones barriales; dos prioridades para el primer presupuesto.",
     "Muy buen diagnóstico. Falta decir cómo medirán el avance.", [2, 1]),
    ("returned", "Queremos ser ciudad educadora.",
     "Concreta quién lidera, qué áreas participan y dos prioridades con fecha.", [0, 0]),
]  # fmt: skip


def seed_plans(*, created: Counter[str], by: User | None) -> None:
    from cms.demo.activities import ASSIGNMENT_ID, ASSIGNMENT_LESSON
    from cms.models import LessonPage
    from enrollments.demo_edition import TITLE

    cohort = Cohort.objects.filter(title=TITLE).first()
    lesson = LessonPage.objects.filter(slug=ASSIGNMENT_LESSON, locale__language_code="es").first()
    if (
        cohort is None
        or lesson is None
        or Submission.objects.filter(enrollment__cohort=cohort).exists()
    ):
        return
    trainer = cohort.trainers.first() or by
    people = list(
        Enrollment.objects.filter(cohort=cohort, status__in=Enrollment.HOLDING_A_SEAT).order_by(
            "pk"
        )[: len(PLANS)]
    )
    submitted = datetime.datetime.combine(
        cohort.ends_on - datetime.timedelta(days=10), datetime.time(18), tzinfo=datetime.UTC
    )
    for enrollment, (decision, text, feedback, levels) in zip(people, PLANS, strict=False):
        submission = Submission.objects.create(
            enrollment=enrollment,
            lesson=lesson,
            block_id=ASSIGNMENT_ID,
            status=decision,
            text=text,
            submitted_at=submitted,
        )
        version = Version.objects.create(
            submission=submission, number=1, text=text, submitted_at=submitted
        )
        Review.objects.create(
            version=version,
            reviewer=trainer,
            decision=decision,
            feedback=feedback,
            levels=levels,
            points=sum(level + 1 for level in levels),
        )
        created["assignments handed in"] += 1
