"""The demo's end-of-course questionnaire, in the five languages, attached to every demo
cohort; running it again changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from courses.models import Cohort
from enrollments.questionnaires import services
from enrollments.questionnaires.models import (
    Questionnaire,
    QuestionnaireTemplate,
    TemplateOption,
    TemplateQuestion,
)

TITLE = {
    "es": "Evaluación final del curso",
    "pt": "Avaliação final do curso",
    "fr": "Évaluation finale du cours",
    "en": "End-of-course evaluation",
    "ca": "Avaluació final del curs",
}
INTRODUCTION = {
    "es": "Tus respuestas nos ayudan a mejorar la próxima edición. Son anónimas.",
    "pt": "As suas respostas ajudam-nos a melhorar a próxima turma. São anónimas.",
    "fr": "Vos réponses nous aident à améliorer la prochaine session. Elles sont anonymes.",
    "en": "Your answers help us improve the next edition. They are anonymous.",
    "ca": "Les teves respostes ens ajuden a millorar la propera edició. Són anònimes.",
}
QUESTIONS: list[dict[str, Any]] = [
    {
        "key": "overall",
        "kind": "rating",
        "text": {
            "es": "En general, ¿cómo valoras el curso?",
            "pt": "De modo geral, como avalia o curso?",
            "fr": "Dans l'ensemble, comment évaluez-vous le cours ?",
            "en": "Overall, how do you rate the course?",
            "ca": "En general, com valores el curs?",
        },
    },
    {
        "key": "useful",
        "kind": "rating",
        "text": {
            "es": "¿Qué utilidad tiene para tu trabajo en el gobierno local?",
            "pt": "Que utilidade tem para o seu trabalho no governo local?",
            "fr": "Quelle utilité pour votre travail au sein du gouvernement local ?",
            "en": "How useful is it for your work in local government?",
            "ca": "Quina utilitat té per a la teva feina al govern local?",
        },
    },
    {
        "key": "recommend",
        "kind": "recommend",
        "text": {
            "es": "¿Recomendarías el curso a otra persona de tu municipio? (0–10)",
            "pt": "Recomendaria o curso a outra pessoa do seu município? (0–10)",
            "fr": "Recommanderiez-vous le cours à une autre personne de votre commune ? (0–10)",
            "en": "Would you recommend the course to someone else in your city? (0–10)",
            "ca": "Recomanaries el curs a una altra persona del teu municipi? (0–10)",
        },
    },
    {
        "key": "format",
        "kind": "single",
        "text": {
            "es": "¿Qué formato prefieres para la próxima edición?",
            "pt": "Que formato prefere para a próxima turma?",
            "fr": "Quel format préférez-vous pour la prochaine session ?",
            "en": "Which format would you prefer for the next edition?",
            "ca": "Quin format prefereixes per a la propera edició?",
        },
        "options": [
            (
                "online",
                {
                    "es": "En línea",
                    "pt": "Online",
                    "fr": "En ligne",
                    "en": "Online",
                    "ca": "En línia",
                },
            ),
            (
                "blended",
                {"es": "Mixto", "pt": "Misto", "fr": "Hybride", "en": "Blended", "ca": "Mixt"},
            ),
            (
                "in-person",
                {
                    "es": "Presencial",
                    "pt": "Presencial",
                    "fr": "En présentiel",
                    "en": "In person",
                    "ca": "Presencial",
                },
            ),
        ],
    },
    {
        "key": "topics",
        "kind": "multiple",
        "required": False,
        "text": {
            "es": "¿Qué temas querrías profundizar?",
            "pt": "Que temas gostaria de aprofundar?",
            "fr": "Quels thèmes aimeriez-vous approfondir ?",
            "en": "Which topics would you like to go deeper into?",
            "ca": "Quins temes voldries aprofundir?",
        },
        "options": [
            (
                "participation",
                {
                    "es": "Participación ciudadana",
                    "pt": "Participação cidadã",
                    "fr": "Participation citoyenne",
                    "en": "Citizen participation",
                    "ca": "Participació ciutadana",
                },
            ),
            (
                "inclusion",
                {
                    "es": "Inclusión y equidad",
                    "pt": "Inclusão e equidade",
                    "fr": "Inclusion et équité",
                    "en": "Inclusion and equity",
                    "ca": "Inclusió i equitat",
                },
            ),
            (
                "public-space",
                {
                    "es": "Espacio público",
                    "pt": "Espaço público",
                    "fr": "Espace public",
                    "en": "Public space",
                    "ca": "Espai públic",
                },
            ),
        ],
    },
    {
        "key": "comments",
        "kind": "text",
        "required": False,
        "text": {
            "es": "¿Algo más que quieras contarnos?",
            "pt": "Mais alguma coisa que queira contar-nos?",
            "fr": "Autre chose à nous dire ?",
            "en": "Anything else you would like to tell us?",
            "ca": "Alguna cosa més que ens vulguis dir?",
        },
    },
]


def _translate(model: Any, field: str, texts: dict[str, str]) -> None:
    for language, text in texts.items():
        model.set_current_language(language)
        setattr(model, field, text)
    model.save()


@transaction.atomic
def seed_questionnaires(*, by: User | None = None) -> int:
    """Returns how many questionnaires it attached (0 when already in place)."""
    template = QuestionnaireTemplate.objects.translated("es", title=TITLE["es"]).first()
    if template is None:
        template = QuestionnaireTemplate(created_by=by)
        for language in TITLE:
            template.set_current_language(language)
            template.title = TITLE[language]
            template.introduction = INTRODUCTION[language]
        template.save()
        for order, spec in enumerate(QUESTIONS):
            question = TemplateQuestion(
                template=template,
                key=spec["key"],
                kind=spec["kind"],
                is_required=spec.get("required", True),
                sort_order=order,
            )
            _translate(question, "text", spec["text"])
            for position, (key, labels) in enumerate(spec.get("options", [])):
                option = TemplateOption(question=question, key=key, sort_order=position)
                _translate(option, "label", labels)
    attached = 0
    now = timezone.now()
    for cohort in Cohort.objects.exclude(questionnaires__template=template):
        Questionnaire.objects.create(
            cohort=cohort,
            template=template,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=120),
            questions=services.snapshot(template),
            created_by=by,
        )
        attached += 1
    return attached
