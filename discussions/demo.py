"""The demo's discussions: the finished edition's lively board (threads on the Charter's
lessons, replies from different cities) and an introduction thread in every open edition.
Running it again changes nothing."""

from __future__ import annotations

import datetime
from collections import Counter

from accounts.models import User
from courses.models import Cohort
from discussions import services
from discussions.markdown import render
from discussions.models import Follow, Post, Thread
from enrollments.models import Enrollment

INTRODUCTION = "Preséntate: ¿de qué ciudad vienes y qué esperas del curso?"
INTRODUCTION_BODY = (
    "¡Bienvenidas y bienvenidos! Contad en dos o tres líneas **de qué ciudad venís**, qué "
    "cargo ocupáis y qué os gustaría llevaros de este curso."
)

CONVERSATIONS = [
    (
        "¿Qué principio de la Carta os cuesta más aplicar?",
        "En nuestra ciudad el principio de **participación** es el más difícil: las "
        "asociaciones vecinales están cansadas. ¿Cómo lo hacéis vosotros?",
        [
            (
                "es",
                "Nosotros empezamos por los consejos de infancia: los niños traen a las familias.",
            ),
            (
                "pt",
                "Em Santos criámos um orçamento participativo jovem: 3 000 votos no primeiro ano.",
            ),
            ("es", "Muy interesante. ¿Cómo seleccionasteis los proyectos?"),
            ("pt", "Uma comissão mista, metade técnicos e metade jovens eleitos nas escolas."),
        ],
    ),
    (
        "Recursos para explicar la Carta a los equipos municipales",
        "Comparto la guía que usamos en Montevideo: una sesión de dos horas por área, con un "
        "caso real de cada una. [La Carta](https://www.edcities.org/carta-de-ciudades-educadoras/)",
        [
            ("es", "Gracias, la adaptaremos para Rosario."),
            ("es", "¿Tenéis la versión para cargos electos? Suelen tener menos tiempo."),
            (
                "es",
                "Sí: la reducimos a 45 minutos con tres ejemplos y una pregunta para cada área.",
            ),
        ],
    ),
    (
        "La ciudad educadora después de las elecciones",
        "Tras el cambio de gobierno, ¿cómo mantuvisteis los compromisos con la red?",
        [
            ("pt", "Apresentámos os resultados ao novo executivo nas primeiras semanas."),
            ("es", "Lo mismo en Rosario: un informe corto, con cifras y testimonios."),
        ],
    ),
]


def _people(cohort: Cohort) -> list[User]:
    """Participants of different cities first, so that the conversation crosses them."""
    seen: set[object] = set()
    first: list[User] = []
    rest: list[User] = []
    for enrollment in (
        Enrollment.objects.filter(cohort=cohort, status__in=Enrollment.HOLDING_A_SEAT)
        .select_related("learner")
        .order_by("pk")
    ):
        learner = enrollment.learner
        (rest if learner.member_city_id in seen else first).append(learner)
        seen.add(learner.member_city_id)
    return first + rest


def _post(
    thread: Thread, author: User, body: str, language: str, at: datetime.datetime, **kw: object
) -> Post:
    post = Post.objects.create(
        thread=thread, author=author, body=body, html=render(body), language=language,
        created_at=at, **kw,
    )  # fmt: skip
    Follow.objects.get_or_create(thread=thread, user=author)
    return post


def seed_discussions(*, created: Counter[str], by: User | None) -> None:
    from enrollments.demo_edition import TITLE as FINISHED

    finished = Cohort.objects.filter(title=FINISHED).first()
    if finished is not None and not Thread.objects.filter(cohort=finished).exists():
        people = _people(finished)
        lessons = [t for t in services.topics(finished) if t["kind"] == "lesson"]
        if len(people) >= 6 and lessons:
            start = datetime.datetime.combine(
                finished.starts_on, datetime.time(15), tzinfo=datetime.UTC
            )
            for index, (title, opening, replies) in enumerate(CONVERSATIONS):
                at = start + datetime.timedelta(days=7 * index + 3)
                thread = Thread.objects.create(
                    cohort=finished,
                    topic_key=lessons[index % len(lessons)]["key"],
                    title=title,
                    author=people[index],
                    created_at=at,
                    last_post_at=at + datetime.timedelta(hours=len(replies)),
                )
                first = _post(thread, people[index], opening, "es", at)
                for n, (language, text) in enumerate(replies, start=1):
                    _post(
                        thread, people[(index + n) % len(people)], text, language,
                        at + datetime.timedelta(hours=n), parent=first if n % 2 else None,
                    )  # fmt: skip
                created["discussion threads"] += 1
    for cohort in Cohort.objects.filter(status=Cohort.Status.OPEN, course__is_activity=False):
        if Thread.objects.filter(cohort=cohort, title=INTRODUCTION).exists():
            continue
        author = cohort.trainers.order_by("pk").first() or by
        if author is None:
            continue
        thread = Thread.objects.create(
            cohort=cohort, title=INTRODUCTION, author=author, pinned=True
        )
        _post(thread, author, INTRODUCTION_BODY, "es", thread.created_at)
        created["discussion threads"] += 1
