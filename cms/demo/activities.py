"""The demo's interactive activity: a question closing the first lesson of the translated course.

Built with Aula's own content types, in Spanish and in Portuguese. Both pages carry the block
under one id, so they are one activity for progress whichever language a learner reads.
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
}


def seed_activities(*, admin: User, created: Counter[str]) -> None:
    lesson = LessonPage.objects.filter(
        slug=LESSON_SLUG, locale__language_code="es", url_path__contains=f"/{COURSE_SLUG}/"
    ).first()
    if lesson is None:
        return
    pages = {"es": lesson}
    portuguese = lesson.get_translation_or_none(Locale.objects.get(language_code="pt"))
    if portuguese is not None:
        pages["pt"] = portuguese.specific
    for language, page in pages.items():
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
