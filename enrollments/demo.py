"""The demo's questionnaires, in the five languages: an end-of-course evaluation attached to
every demo cohort, and a short one after the first module of one cohort's course; running it
again changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from courses.models import Cohort
from enrollments.questionnaires import services, templates
from enrollments.questionnaires.models import Questionnaire, QuestionnaireTemplate

TITLE = {
    "es": "Evaluación final del curso",
    "pt": "Avaliação final do curso",
    "fr": "Évaluation finale du cours",
    "en": "End-of-course evaluation",
    "ca": "Avaluació final del curs",
}
INTRODUCTION = {
    "es": "Tus respuestas nos ayudan a mejorar la próxima edición. Son anónimas.",
    "pt": "As suas respostas ajudam-nos a melhorar a próxima turma. São anônimas.",
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


def _template(
    titles: dict[str, str],
    introductions: dict[str, str],
    questions: list[dict[str, Any]],
    *,
    by: User | None,
) -> QuestionnaireTemplate:
    """The template with this Spanish title, written in the five languages if missing."""
    template = QuestionnaireTemplate.objects.translated("es", title=titles["es"]).first()
    if template is not None:
        return template
    template = QuestionnaireTemplate(created_by=by)
    given = {
        "title": titles,
        "introduction": introductions,
        "questions": [
            {
                **spec,
                "options": [
                    {"key": key, "label": labels} for key, labels in spec.get("options", [])
                ],
            }
            for spec in questions
        ],
    }
    templates.write(template, templates.validate(given))
    return template


@transaction.atomic
def seed_questionnaires(*, by: User | None = None) -> int:
    """Returns how many questionnaires it attached (0 when already in place)."""
    template = _template(TITLE, INTRODUCTION, QUESTIONS, by=by)
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


MODULE_TITLE = {
    "es": "Valoración del módulo",
    "pt": "Avaliação do módulo",
    "fr": "Évaluation du module",
    "en": "Module feedback",
    "ca": "Valoració del mòdul",
}
MODULE_INTRODUCTION = {
    "es": "Dos preguntas sobre el módulo que acabas de terminar.",
    "pt": "Duas perguntas sobre o módulo que acabou de terminar.",
    "fr": "Deux questions sur le module que vous venez de terminer.",
    "en": "Two questions about the module you have just finished.",
    "ca": "Dues preguntes sobre el mòdul que acabes d'acabar.",
}
MODULE_QUESTIONS: list[dict[str, Any]] = [
    {
        "key": "clear",
        "kind": "rating",
        "text": {
            "es": "¿Qué claridad tenían los contenidos del módulo?",
            "pt": "Que clareza tinham os conteúdos do módulo?",
            "fr": "Les contenus du module étaient-ils clairs ?",
            "en": "How clear was the module's content?",
            "ca": "Quina claredat tenien els continguts del mòdul?",
        },
    },
    {
        "key": "improve",
        "kind": "text",
        "required": False,
        "text": {
            "es": "¿Qué mejorarías?",
            "pt": "O que melhoraria?",
            "fr": "Que faudrait-il améliorer ?",
            "en": "What would you improve?",
            "ca": "Què milloraries?",
        },
    },
]


@transaction.atomic
def seed_module_questionnaire(*, by: User | None = None) -> int:
    """A short questionnaire after the first module of the first demo cohort's course; returns
    1 when it attached it, 0 when it was there already or there is no module."""
    from cms.models import CoursePage, ModulePage

    template = _template(MODULE_TITLE, MODULE_INTRODUCTION, MODULE_QUESTIONS, by=by)
    if Questionnaire.objects.filter(template=template).exists():
        return 0
    cohort = Cohort.objects.order_by("pk").first()
    course_page = (
        CoursePage.objects.filter(course_id=cohort.course_id, locale__language_code="es").first()
        if cohort
        else None
    )
    module = ModulePage.objects.child_of(course_page).first() if course_page else None
    if cohort is None or module is None:
        return 0
    now = timezone.now()
    Questionnaire.objects.create(
        cohort=cohort,
        template=template,
        after_module=module,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=120),
        reminder_days=3,
        questions=services.snapshot(template),
        created_by=by,
    )
    return 1
