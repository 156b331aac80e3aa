"""The demo's interactive activity: a question closing the first lesson of the translated course.

Built with Aula's own content types, in every language the lesson is written in. Every page
carries the block under one id, so they are one activity for progress whichever language a
learner reads.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from wagtail.models import Locale

from accounts.models import User
from cms.h5p import build
from cms.h5p.packages import upload_package
from cms.models import LessonPage

COURSE_SLUG = "carta-ciudades-educadoras"
LESSON_SLUG = "de-barcelona-1990-a-la-carta-2020"
ACTIVITY_ID = "5f0c6a52-3f8e-4c61-9d0b-6f1a2e7c0d11"

QUESTIONS: dict[str, dict[str, Any]] = {
    "es": {
        "title": "Comprueba lo aprendido",
        "question": "¿Qué propone la Carta de Ciudades Educadoras?",
        "answers": [
            ("Que los espacios, servicios y políticas de toda la ciudad eduquen", True),
            ("Que la educación sea asunto exclusivo de las escuelas", False),
            ("Que cada ciudad escriba su carta sin compromisos comunes", False),
        ],
    },
    "pt": {
        "title": "Verifique o que aprendeu",
        "question": "O que propõe a Carta das Cidades Educadoras?",
        "answers": [
            ("Que os espaços, serviços e políticas de toda a cidade eduquem", True),
            ("Que a educação seja assunto exclusivo das escolas", False),
            ("Que cada cidade escreva sua carta sem compromissos comuns", False),
        ],
    },
    "fr": {
        "title": "Vérifiez ce que vous avez appris",
        "question": "Que propose la Charte des villes éducatrices ?",
        "answers": [
            ("Que les espaces, les services et les politiques de toute la ville éduquent", True),
            ("Que l'éducation soit l'affaire exclusive des écoles", False),
            ("Que chaque ville écrive sa charte sans engagements communs", False),
        ],
    },
    "en": {
        "title": "Check what you have learnt",
        "question": "What does the Charter of Educating Cities propose?",
        "answers": [
            ("That the spaces, services and policies of the whole city educate", True),
            ("That education be the business of schools alone", False),
            ("That each city write its own charter with no shared commitments", False),
        ],
    },
    "ca": {
        "title": "Comprova el que has après",
        "question": "Què proposa la Carta de Ciutats Educadores?",
        "answers": [
            ("Que els espais, els serveis i les polítiques de tota la ciutat eduquin", True),
            ("Que l'educació sigui assumpte exclusiu de les escoles", False),
            ("Que cada ciutat escrigui la seva carta sense compromisos comuns", False),
        ],
    },
}


def _pages(lesson: LessonPage, languages: Any) -> dict[str, LessonPage]:
    """The Spanish lesson and its live translations in these languages, Spanish first (a
    translation published after its original is up to date in the translation status)."""
    pages = {"es": lesson}
    for locale in Locale.objects.filter(language_code__in=[x for x in languages if x != "es"]):
        translated = lesson.get_translation_or_none(locale)
        if translated is not None:
            pages[locale.language_code] = translated.specific
    return pages


def seed_activities(*, admin: User, created: Counter[str]) -> None:
    lesson = LessonPage.objects.filter(
        slug=LESSON_SLUG, locale__language_code="es", url_path__contains=f"/{COURSE_SLUG}/"
    ).first()
    if lesson is None:
        return
    for language, page in _pages(lesson, QUESTIONS).items():
        if any(block.block_type == "h5p_activity" for block in page.body):
            continue
        spec = QUESTIONS[language]
        data = build.multiple_choice(
            question=spec["question"],
            answers=spec["answers"],
            language=language,
            title=spec["title"],
        )
        package = upload_package(
            file=io.BytesIO(data), uploaded_by=admin, title=spec["title"], language=language
        ).package
        page.body = [
            *page.body.raw_data,
            {
                "type": "h5p_activity",
                "id": ACTIVITY_ID,
                "value": {"title": spec["title"], "package": package.pk, "is_required": True},
            },
        ]
        page.save_revision().publish()
        created["activities"] += 1


# Every demo course ends with an assessment: a question closing its last lesson, required, so
# a certificate's hours are not earned by "mark as done" alone (issue 18, item 30).
FINAL_TITLE = {
    "es": "Evaluación final",
    "pt": "Avaliação final",
    "fr": "Évaluation finale",
    "en": "Final assessment",
    "ca": "Avaluació final",
}
FINALS: list[dict[str, Any]] = [
    {
        "course": "carta-ciudades-educadoras",
        "lesson": "transversalidad-y-evaluacion",
        "id": "0b7c2f4e-1d2a-4f7e-9a51-3c8e6d1f2a01",
        "es": (
            "¿Qué hace transversal el proyecto educador de una ciudad?",
            [
                ("Que todas las áreas del gobierno local lo asuman y lo evalúen juntas", True),
                ("Que lo gestione en exclusiva la concejalía de educación", False),
                ("Que se evalúe una sola vez, al final del mandato", False),
            ],
        ),
        "pt": (
            "O que torna transversal o projeto educador de uma cidade?",
            [
                ("Que todas as áreas do governo local o assumam e o avaliem em conjunto", True),
                ("Que seja gerido em exclusivo pela vereação da educação", False),
                ("Que seja avaliado uma única vez, no fim do mandato", False),
            ],
        ),
        "fr": (
            "Qu'est-ce qui rend transversal le projet éducatif d'une ville ?",
            [
                (
                    "Que tous les services du gouvernement local l'assument et l'évaluent ensemble",
                    True,
                ),
                ("Qu'il soit géré exclusivement par l'adjoint à l'éducation", False),
                ("Qu'il soit évalué une seule fois, à la fin du mandat", False),
            ],
        ),
        "en": (
            "What makes a city's educating project transversal?",
            [
                (
                    "Every department of the local government takes it on and evaluates it together",
                    True,
                ),
                ("The education councillor alone runs it", False),
                ("It is evaluated only once, at the end of the term", False),
            ],
        ),
        "ca": (
            "Què fa transversal el projecte educador d'una ciutat?",
            [
                ("Que totes les àrees del govern local l'assumeixin i l'avaluïn juntes", True),
                ("Que el gestioni en exclusiva la regidoria d'educació", False),
                ("Que s'avaluï una sola vegada, al final del mandat", False),
            ],
        ),
    },
    {
        "course": "principios-valores-ciudad-educadora",
        "lesson": "coherencia-y-ciudadania-digital",
        "id": "0b7c2f4e-1d2a-4f7e-9a51-3c8e6d1f2a02",
        "es": (
            "¿Qué pide la coherencia institucional a una ciudad educadora?",
            [
                ("Que sus propias prácticas muestren los valores que promueve", True),
                ("Que comunique sus valores sin cambiar su forma de trabajar", False),
                ("Que deje la ciudadanía digital a las empresas tecnológicas", False),
            ],
        ),
    },
    {
        "course": "participacion-ciudadana-ecosistemas",
        "lesson": "institucionalizar-y-evaluar",
        "id": "0b7c2f4e-1d2a-4f7e-9a51-3c8e6d1f2a03",
        "es": (
            "¿Qué ayuda a que la participación sobreviva a un cambio de gobierno?",
            [
                ("Institucionalizarla con normas, presupuesto y evaluación pública", True),
                ("Depender del impulso personal de una autoridad", False),
                ("Convocarla solo en periodo electoral", False),
            ],
        ),
    },
    {
        "course": "infancia-primera-infancia",
        "lesson": "consejo-de-ninas-y-ninos",
        "id": "0b7c2f4e-1d2a-4f7e-9a51-3c8e6d1f2a04",
        "es": (
            "¿Qué necesita un consejo de niñas y niños para no ser simbólico?",
            [
                ("Que sus propuestas reciban respuesta y seguimiento del gobierno local", True),
                ("Que se reúna una vez al año para la foto", False),
                ("Que las personas adultas hablen en su nombre", False),
            ],
        ),
    },
    {
        "course": "politicas-publicas-participacion-juvenil",
        "lesson": "evitar-la-participacion-decorativa",
        "id": "0b7c2f4e-1d2a-4f7e-9a51-3c8e6d1f2a05",
        "es": (
            "¿Cuál es una señal de participación juvenil decorativa?",
            [
                ("Jóvenes presentes en el acto sin poder influir en la decisión", True),
                ("Jóvenes que gestionan un presupuesto propio", False),
                ("Jóvenes que evalúan las políticas que les afectan", False),
            ],
        ),
    },
    {
        "course": "diversidad-sexual-ciudades-educadoras",
        "lesson": "plan-municipal-de-diversidad",
        "id": "0b7c2f4e-1d2a-4f7e-9a51-3c8e6d1f2a06",
        "es": (
            "¿Qué hace creíble un plan municipal de diversidad?",
            [
                ("Objetivos, responsables y una evaluación con las organizaciones LGBTIQ+", True),
                ("Una declaración institucional sin acciones ni presupuesto", False),
                ("Acciones solo durante el mes del orgullo", False),
            ],
        ),
    },
]


def seed_final_assessments(*, admin: User, created: Counter[str]) -> None:
    for spec in FINALS:
        lesson = LessonPage.objects.filter(
            slug=spec["lesson"],
            locale__language_code="es",
            url_path__contains=f"/{spec['course']}/",
        ).first()
        if lesson is None:
            continue
        for language, page in _pages(lesson, spec).items():
            if any(block.block_type == "h5p_activity" for block in page.body):
                continue
            question, answers = spec[language]
            data = build.multiple_choice(
                question=question, answers=answers, language=language, title=FINAL_TITLE[language]
            )
            package = upload_package(
                file=io.BytesIO(data),
                uploaded_by=admin,
                title=f"{FINAL_TITLE[language]} · {spec['course']}",
                language=language,
            ).package
            page.body = [
                *page.body.raw_data,
                {
                    "type": "h5p_activity",
                    "id": spec["id"],
                    "value": {
                        "title": FINAL_TITLE[language],
                        "package": package.pk,
                        "is_required": True,
                    },
                },
            ]
            page.save_revision().publish()
            created["activities"] += 1


# The Charter course ends with the official's own plan for their city (issue 15): an
# assignment closing its last lesson, in every language the lesson is written in.
ASSIGNMENT_ID = "2c9d6e4a-8b1f-4f3a-9c7e-5d2b1a0e6f13"
ASSIGNMENT_LESSON = "transversalidad-y-evaluacion"
ASSIGNMENT: dict[str, dict[str, Any]] = {
    "es": {
        "title": "Los primeros cien días de tu ciudad con la Carta",
        "instructions": "<p>Escribe el plan de tu ciudad para sus primeros cien días como ciudad "
        "educadora: quién lo lidera, qué áreas se sientan a la mesa, dos o tres prioridades y "
        "cómo sabrás si avanzas. Puedes adjuntarlo como PDF, DOCX u ODT.</p>",
        "rubric": [
            ("Prioridades claras y realistas", ["Por concretar", "Adecuadas", "Sólidas"]),
            ("Coordinación entre áreas", ["Ausente", "Esbozada", "Con responsables y calendario"]),
        ],
    },
    "pt": {
        "title": "Os primeiros cem dias da sua cidade com a Carta",
        "instructions": "<p>Escreva o plano da sua cidade para os primeiros cem dias como "
        "cidade educadora: quem o lidera, que áreas se sentam à mesa, duas ou três prioridades e "
        "como saberá se avança. Pode anexá-lo em PDF, DOCX ou ODT.</p>",
        "rubric": [
            ("Prioridades claras e realistas", ["Por definir", "Adequadas", "Sólidas"]),
            ("Coordenação entre áreas", ["Ausente", "Esboçada", "Com responsáveis e calendário"]),
        ],
    },
    "fr": {
        "title": "Les cent premiers jours de votre ville avec la Charte",
        "instructions": "<p>Rédigez le plan de votre ville pour ses cent premiers jours de "
        "ville éducatrice : qui le porte, quels services se retrouvent autour de la table, deux "
        "ou trois priorités et comment vous saurez que vous avancez. Vous pouvez le joindre en "
        "PDF, DOCX ou ODT.</p>",
        "rubric": [
            ("Priorités claires et réalistes", ["À préciser", "Adaptées", "Solides"]),
            (
                "Coordination entre services",
                ["Absente", "Esquissée", "Avec responsables et calendrier"],
            ),
        ],
    },
    "en": {
        "title": "Your city's first hundred days with the Charter",
        "instructions": "<p>Write your city's plan for its first hundred days as an educating "
        "city: who leads it, which departments sit at the table, two or three priorities and how "
        "you will know you are making progress. You may attach it as a PDF, DOCX or ODT.</p>",
        "rubric": [
            ("Clear and realistic priorities", ["To be defined", "Adequate", "Solid"]),
            (
                "Coordination between departments",
                ["Missing", "Sketched", "With people in charge and a calendar"],
            ),
        ],
    },
    "ca": {
        "title": "Els primers cent dies de la teva ciutat amb la Carta",
        "instructions": "<p>Escriu el pla de la teva ciutat per als seus primers cent dies com "
        "a ciutat educadora: qui el lidera, quines àrees seuen a la taula, dues o tres "
        "prioritats i com sabràs si avances. El pots adjuntar en PDF, DOCX o ODT.</p>",
        "rubric": [
            ("Prioritats clares i realistes", ["Per concretar", "Adequades", "Sòlides"]),
            ("Coordinació entre àrees", ["Absent", "Esbossada", "Amb responsables i calendari"]),
        ],
    },
}


def seed_assignment(*, created: Counter[str]) -> None:
    lesson = LessonPage.objects.filter(
        slug=ASSIGNMENT_LESSON, locale__language_code="es", url_path__contains=f"/{COURSE_SLUG}/"
    ).first()
    if lesson is None:
        return
    for language, page in _pages(lesson, ASSIGNMENT).items():
        if any(block.block_type == "assignment" for block in page.body):
            continue
        texts = ASSIGNMENT[language]
        page.body = [
            *page.body.raw_data,
            {
                "type": "assignment",
                "id": ASSIGNMENT_ID,
                "value": {
                    "title": texts["title"],
                    "instructions": texts["instructions"],
                    "hand_in": "both",
                    "file_types": ["pdf", "docx", "odt"],
                    "max_file_mb": 10,
                    "due_days": 42,
                    "rubric": [
                        {
                            "criterion": criterion,
                            "levels": [
                                {"label": label, "points": points}
                                for label, points in zip(levels, (1, 2, 3), strict=True)
                            ],
                        }
                        for criterion, levels in texts["rubric"]
                    ],
                },
            },
        ]
        page.save_revision().publish()
        created["assignments"] += 1


EXPERIENCES_BLOCK_ID = "5e0c1f3a-7b2d-4e8a-9f61-2c4d8a0b7e35"


def seed_experiences_block(*, created: Counter[str]) -> None:
    """The lesson on evaluation points to the bank: experiences on governance and
    participation, in every language the lesson is in."""
    lesson = LessonPage.objects.filter(
        slug=ASSIGNMENT_LESSON, locale__language_code="es", url_path__contains=f"/{COURSE_SLUG}/"
    ).first()
    if lesson is None:
        return
    for page in _pages(lesson, ASSIGNMENT).values():
        if any(block.block_type == "experiences" for block in page.body):
            continue
        raw = list(page.body.raw_data)
        at = next((i for i, b in enumerate(raw) if b["type"] == "assignment"), len(raw))
        raw.insert(
            at,
            {
                "type": "experiences",
                "id": EXPERIENCES_BLOCK_ID,
                "value": {"heading": "", "themes": ["p08", "p09", "participation"], "count": 3},
            },
        )
        page.body = raw
        page.save_revision().publish()
        created["lesson blocks pointing to the bank"] += 1
