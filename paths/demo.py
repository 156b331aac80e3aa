"""The demo's path for newly elected officials: the Charter, then principles and values,
then citizen participation, in order. Running it again changes nothing."""

from __future__ import annotations

from collections import Counter

from accounts.models import Delegation, User
from courses.models import Course
from paths.models import LearningPath, PathStep

TITLE = "Inducción para autoridades recién electas"
TITLES = {
    "pt": "Indução para autoridades recém-eleitas",
    "fr": "Parcours d'accueil des élus nouvellement élus",
    "en": "Induction for newly elected officials",
    "ca": "Acollida per a autoritats acabades d'escollir",
}
DESCRIPTION = "Tres cursos, uno tras otro, para empezar el mandato con la Carta en la mano."
DESCRIPTIONS = {
    "pt": "Três cursos, um após o outro, para começar o mandato com a Carta na mão.",
    "fr": "Trois cours, l'un après l'autre, pour commencer le mandat la Charte à la main.",
    "en": "Three courses, one after the other, to start the term with the Charter in hand.",
    "ca": "Tres cursos, l'un rere l'altre, per començar el mandat amb la Carta a la mà.",
}
CODES = ["CEC-101", "CEC-102", "CEC-201"]


def seed_path(*, created: Counter[str], by: User | None) -> None:
    delegation = Delegation.objects.filter(code="latam").first()
    courses = {c.code: c for c in Course.objects.filter(code__in=CODES)}
    if delegation is None or len(courses) < len(CODES):
        return
    if LearningPath.objects.filter(delegation=delegation, title=TITLE).exists():
        return
    path = LearningPath.objects.create(
        delegation=delegation,
        title=TITLE,
        title_translations=TITLES,
        description=DESCRIPTION,
        description_translations=DESCRIPTIONS,
        enforce_order=True,
        open_to_join=True,  # listed under "Learning paths you can join" for the demo's learners
        created_by=by,
    )
    PathStep.objects.bulk_create(
        [PathStep(path=path, course=courses[code], position=n) for n, code in enumerate(CODES, 1)]
    )
    created["learning paths"] += 1
