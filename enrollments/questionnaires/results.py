"""What a questionnaire's answers add up to, computed in the database in a fixed number of
queries; groups smaller than REPORT_MIN_CELL are never shown apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count

from enrollments.questionnaires.models import SCALES, Answer, QuestionKind, Questionnaire


def min_cell() -> int:
    return int(settings.REPORT_MIN_CELL)


@dataclass
class Bar:
    key: str
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    key: str
    kind: str
    text: str
    answered: int
    bars: list[Bar] = field(default_factory=list)
    average: float | None = None
    texts: list[str] = field(default_factory=list)
    net_promoter: float | None = None


@dataclass
class Comparison:
    """The average of one scale question by cohort and language, for the same template."""

    question: str
    text: str
    rows: list[dict[str, Any]]


@dataclass
class Results:
    questionnaire: Questionnaire
    responses: int
    questions: list[QuestionResult]
    comparisons: list[Comparison]
    min_cell: int
    # An anonymous questionnaire answered by fewer than min_cell people shows only counts: a
    # distribution, a comment or a split by language would point at the few who answered.
    withheld: bool = False


def _label(texts: dict[str, str], language: str, fallback: str) -> str:
    return texts.get(language) or next(iter(texts.values()), fallback)


def results(questionnaire: Questionnaire, *, language: str) -> Results:
    answers = Answer.objects.filter(response__questionnaire=questionnaire)
    responses = questionnaire.responses.count()
    if questionnaire.is_anonymous and responses < min_cell():
        return Results(
            questionnaire=questionnaire,
            responses=responses,
            questions=[
                QuestionResult(
                    key=question["key"],
                    kind=question["kind"],
                    text=_label(question["text"], language, question["key"]),
                    answered=0,
                )
                for question in questionnaire.questions["questions"]
            ],
            comparisons=[],
            min_cell=min_cell(),
            withheld=True,
        )
    per_value = {
        (row["question"], row["number"], row["option"]): row["n"]
        for row in answers.exclude(text__gt="")
        .values("question", "number", "option")
        .annotate(n=Count("id"))
    }
    answered = {
        row["question"]: row["n"]
        for row in answers.values("question").annotate(n=Count("response", distinct=True))
    }
    averages = {
        row["question"]: row["avg"]
        for row in answers.filter(number__isnull=False)
        .values("question")
        .annotate(avg=Avg("number"))
    }
    # Open answers in no particular order (ids are random), so their order says nothing.
    texts: dict[str, list[str]] = {}
    for key, text in answers.filter(text__gt="").order_by("id").values_list("question", "text"):
        texts.setdefault(key, []).append(text)

    results_by_question = []
    for question in questionnaire.questions["questions"]:
        key, kind = question["key"], question["kind"]
        count = answered.get(key, 0)
        result = QuestionResult(
            key=key,
            kind=kind,
            text=_label(question["text"], language, key),
            answered=count,
            average=float(averages[key]) if key in averages else None,
            texts=texts.get(key, []),
        )
        if kind in SCALES:
            low, high = SCALES[kind]
            for value in range(low, high + 1):
                n = per_value.get((key, value, ""), 0)
                result.bars.append(Bar(str(value), str(value), n, _percent(n, count)))
            if kind == QuestionKind.RECOMMEND and count:
                promoters = sum(per_value.get((key, v, ""), 0) for v in (9, 10))
                detractors = sum(per_value.get((key, v, ""), 0) for v in range(0, 7))
                result.net_promoter = round(100 * (promoters - detractors) / count, 1)
        elif kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            for option in question["options"]:
                n = per_value.get((key, None, option["key"]), 0)
                label = _label(option["label"], language, option["key"])
                result.bars.append(Bar(option["key"], label, n, _percent(n, count)))
        results_by_question.append(result)
    return Results(
        questionnaire=questionnaire,
        responses=responses,
        questions=results_by_question,
        comparisons=comparisons(questionnaire, language=language),
        min_cell=min_cell(),
    )


def comparisons(questionnaire: Questionnaire, *, language: str) -> list[Comparison]:
    """Scale questions across every cohort and language that answered the same template; a
    group of fewer than REPORT_MIN_CELL responses is shown only as "fewer than" that."""
    scale_questions = [
        question for question in questionnaire.questions["questions"] if question["kind"] in SCALES
    ]
    if not scale_questions:
        return []
    rows = (
        Answer.objects.filter(
            response__questionnaire__template_id=questionnaire.template_id,
            question__in=[question["key"] for question in scale_questions],
            number__isnull=False,
        )
        .values(
            "question",
            "response__questionnaire__cohort__title",
            "response__language",
        )
        .annotate(n=Count("response", distinct=True), avg=Avg("number"))
        .order_by("question", "response__questionnaire__cohort__title", "response__language")
    )
    threshold = min_cell()
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        small = row["n"] < threshold
        grouped.setdefault(row["question"], []).append(
            {
                "cohort": row["response__questionnaire__cohort__title"],
                "language": row["response__language"],
                "responses": None if small else row["n"],
                "average": None if small else round(float(row["avg"]), 2),
                "suppressed": small,
            }
        )
    return [
        Comparison(
            question=question["key"],
            text=_label(question["text"], language, question["key"]),
            rows=grouped.get(question["key"], []),
        )
        for question in scale_questions
    ]


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def as_json(found: Results) -> dict[str, Any]:
    return {
        "questionnaire": str(found.questionnaire.public_id),
        "responses": found.responses,
        "anonymous": found.questionnaire.is_anonymous,
        "min_cell": found.min_cell,
        "withheld": found.withheld,
        "questions": [
            {
                "key": question.key,
                "kind": question.kind,
                "text": question.text,
                "answered": question.answered,
                "average": question.average,
                "net_promoter": question.net_promoter,
                "distribution": [
                    {"key": bar.key, "label": bar.label, "count": bar.count, "percent": bar.percent}
                    for bar in question.bars
                ],
                "texts": question.texts,
            }
            for question in found.questions
        ],
        "comparisons": [
            {
                "question": comparison.question,
                "text": comparison.text,
                "groups": [
                    {
                        **row,
                        "responses": row["responses"]
                        if not row["suppressed"]
                        else f"<{found.min_cell}",
                    }
                    for row in comparison.rows
                ],
            }
            for comparison in found.comparisons
        ],
    }
