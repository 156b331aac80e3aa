"""Measures issue 15's figures: with 10,000 published experiences in five languages, a search
with two filters (the page and the API: p50, queries, against a bare view through the same
client and database); the map and charts page; the editors' queue with 500 proposals and the
trainers' review queue with 500 submissions (queries the same as with a few).

Usage (the figures that count are PostgreSQL's: `make services-up`, then
`source /tmp/aula-services/services.env`; runs on SQLite too, searching without stemming):
    .venv/bin/python bench/experiences.py [--experiences 10000] [--submissions 500]
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

CODE = "bench-experiences"
DOMAIN = "@experiences.bench.example"
WORDS = {
    "es": [
        "biblioteca",
        "escuela",
        "plaza",
        "barrio",
        "jóvenes",
        "mayores",
        "huerta",
        "música",
        "lectura",
        "salud",
        "participación",
        "presupuesto",
        "memoria",
        "río",
        "cuidado",
        "taller",
        "deporte",
        "ciudadanía",
    ],
    "pt": [
        "biblioteca",
        "escola",
        "praça",
        "bairro",
        "jovens",
        "idosos",
        "horta",
        "música",
        "leitura",
        "saúde",
        "participação",
        "orçamento",
        "memória",
        "rio",
        "cuidado",
        "oficina",
        "desporto",
        "cidadania",
    ],
    "fr": [
        "bibliothèque",
        "école",
        "place",
        "quartier",
        "jeunes",
        "aînés",
        "jardin",
        "musique",
        "lecture",
        "santé",
        "participation",
        "budget",
        "mémoire",
        "fleuve",
        "soin",
        "atelier",
        "sport",
        "citoyenneté",
    ],
    "en": [
        "library",
        "school",
        "square",
        "neighbourhood",
        "youth",
        "elders",
        "garden",
        "music",
        "reading",
        "health",
        "participation",
        "budget",
        "memory",
        "river",
        "care",
        "workshop",
        "sport",
        "citizenship",
    ],
    "ca": [
        "biblioteca",
        "escola",
        "plaça",
        "barri",
        "joves",
        "gent",
        "gran",
        "hort",
        "música",
        "lectura",
        "salut",
        "participació",
        "pressupost",
        "memòria",
        "riu",
        "cura",
        "taller",
        "esport",
        "ciutadania",
    ],
}


def _timed(function: Any, repeat: int = 15) -> tuple[float, int, Any]:
    from bench.discussions import _timed as timed

    return timed(function, repeat)


def clean() -> None:
    from accounts.models import Country, Delegation, MemberCity, User
    from courses.models import Cohort, Course
    from experiences.models import Experience

    delegation = Delegation.objects.filter(code=CODE).first()
    if delegation is not None:
        Experience.objects.filter(delegation=delegation).delete()
        cohorts = Cohort.objects.filter(delegation=delegation)
        courses = list(cohorts.values_list("course_id", flat=True))
        from enrollments.models import Enrollment

        Enrollment.objects.filter(cohort__in=cohorts).delete()
        cohorts.delete()
        Course.objects.filter(pk__in=courses).delete()
        MemberCity.objects.filter(delegation=delegation).delete()
        Country.objects.filter(delegation=delegation).delete()
        delegation.delete()
    User.objects.filter(email__endswith=DOMAIN).delete()


def setup() -> tuple[Any, list[Any], Any]:
    from accounts.models import Country, Delegation, MemberCity, User

    delegation = Delegation.objects.create(code=CODE, name="Bench")
    countries = [
        Country.objects.create(iso_code=iso, delegation=delegation, name=f"País {iso}")
        for iso in ("XA", "XB", "XC", "XD", "XE")
    ]
    cities = [
        MemberCity.objects.create(country=c, delegation=delegation, name=f"Ciudad {n}")
        for n, c in enumerate(countries * 4)
    ]
    editor = User.objects.create_user(f"editor{DOMAIN}", "x")
    editor.coordinated_delegations.add(delegation)
    return delegation, cities, editor


def fill(
    delegation: Any,
    cities: list[Any],
    count: int,
    *,
    stage: str = "published",
    matching: bool = False,
) -> None:
    """`count` experiences, each written in one of the five languages, a third translated;
    `matching`: all found by the measured search (the few the queries are compared with)."""
    from django.utils import timezone

    from cms.themes import AREAS, POPULATIONS, PRINCIPLES
    from experiences import search
    from experiences.models import Experience, Tag, Text

    rng = random.Random(count)
    tags = {t.code: t.pk for t in Tag.objects.all()}
    codes = [c for c, _l in PRINCIPLES + AREAS]
    people = [c for c, _l in POPULATIONS]
    languages = list(WORDS)
    now = timezone.now()
    made = Experience.objects.bulk_create(
        [
            Experience(
                delegation=delegation, member_city=cities[0 if matching else n % len(cities)],
                country_id=cities[0 if matching else n % len(cities)].country_id,
                year_started=2000 + n % 25, status=("idea", "running", "evaluated")[n % 3],
                language=languages[n % 5], stage=stage, consent_at=now,
                published_at=now - datetime.timedelta(minutes=n) if stage == "published" else None,
            )
            for n in range(count)
        ],
        batch_size=2000,
    )  # fmt: skip
    through = Experience.tags.through
    links = []
    for experience in made:
        chosen = {*rng.sample(codes, 2), rng.choice(people)} | ({"p04"} if matching else set())
        for code in chosen:
            links.append(through(experience_id=experience.pk, tag_id=tags[code]))
    through.objects.bulk_create(links, batch_size=5000)

    def text(experience: Any, language: str) -> Text:
        words = WORDS[language]
        return Text(
            experience=experience, language=language,
            title=(words[0] + " " if matching else "") + " ".join(rng.sample(words, 3)),
            summary=" ".join(rng.sample(words, 10)) + ".",
            description=" ".join(rng.choice(words) for _ in range(80)) + ".",
        )  # fmt: skip

    texts = [text(e, e.language) for e in made]
    texts += [text(e, languages[(languages.index(e.language) + 1) % 5]) for e in made[::3]]
    created = Text.objects.bulk_create(texts, batch_size=2000)
    for start in range(0, len(created), 2000):
        search.index(created[start : start + 2000])


def measure(delegation: Any, cities: list[Any], editor: Any, count: int, submissions: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from experiences import search

    client = Client()
    url = "/es/experiences/?q=biblioteca&principle=p04&country=XA"
    api = "/api/v1/experiences/?q=biblioteca&principle=p04&country=XA"
    fill(delegation, cities, 20, matching=True)
    few = [
        _timed(lambda u=u: client.get(u), repeat=3)[1] for u in (url, api, "/es/experiences/map/")
    ]
    start = time.perf_counter()
    fill(delegation, cities, count - 20)
    print(
        f"{count} published experiences written and indexed in {time.perf_counter() - start:.0f} s"
    )
    with override_settings(ROOT_URLCONF="bench.floor"):
        floor, _q, _r = _timed(lambda: client.get("/bench/bare"))
    found = search.Filters(query="biblioteca", tags=["p04"], country="XA").apply(search.published())
    print(f"the search finds {found.count()} of {count}; floor (a bare view) {floor * 1000:.1f} ms")
    for name, address, before in (("page", url, few[0]), ("API", api, few[1]),
                                  ("map and charts", "/es/experiences/map/", few[2])):  # fmt: skip
        seconds, queries, response = _timed(lambda a=address: client.get(a))
        assert response.status_code == 200, response.status_code
        target = " (target < 100 ms)" if name != "map and charts" else ""
        print(
            f"{name}: p50 {seconds * 1000:.1f} ms{target}, {queries} queries ({before} with 20), "
            f"ratio to the floor {seconds / floor:.0f}×"
        )
    print(f"database: {connection.vendor}")

    # The editors' queue: 500 proposals (as many as a few).
    client.force_login(editor)
    queue = "/es/experiences/editorial/"
    fill(delegation, cities, 5, stage="proposed")
    few_queue = _timed(lambda: client.get(queue), repeat=3)[1]
    fill(delegation, cities, 495, stage="proposed")
    seconds, queries, _r = _timed(lambda: client.get(queue))
    print(
        f"editors' queue with 500 proposals: p50 {seconds * 1000:.0f} ms, "
        f"{queries} queries ({few_queue} with 5)"
    )
    review_queue(delegation, editor, client, submissions)


def review_queue(delegation: Any, editor: Any, client: Any, submissions: int) -> None:
    from django.utils import timezone

    from accounts.models import User
    from assignments.models import Submission, Version
    from cms.models import LessonPage
    from courses.models import Cohort, Course
    from enrollments.models import Enrollment

    lesson = LessonPage.objects.live().first()
    if lesson is None:
        print("review queue: no lesson in this database (run `manage.py seed_demo` first)")
        return
    today = timezone.localdate()
    course = Course.objects.create(code="BENCH-EXPERIENCES", nominal_hours=1)
    cohort = Cohort.objects.create(
        course=course, delegation=delegation, title="Bench", language="es", starts_on=today,
        ends_on=today + datetime.timedelta(days=30), status=Cohort.Status.OPEN,
        enrollment_opens_at=timezone.now(), enrollment_closes_at=timezone.now(),
    )  # fmt: skip

    def hand_in(first: int, count: int) -> None:
        people = User.objects.bulk_create(
            [User(email=f"learner{n}{DOMAIN}") for n in range(first, first + count)]
        )
        enrolled = Enrollment.objects.bulk_create(
            [Enrollment(cohort=cohort, learner=p, status="active") for p in people]
        )
        now = timezone.now()
        made = Submission.objects.bulk_create(
            [Submission(enrollment=e, lesson=lesson, block_id="bench", status="submitted",
                        text="Plan", submitted_at=now) for e in enrolled]
        )  # fmt: skip
        Version.objects.bulk_create(
            [Version(submission=s, number=1, text="Plan", submitted_at=now) for s in made]
        )

    url = f"/es/cohorts/{cohort.public_id}/assignments/"
    hand_in(0, 5)
    few = _timed(lambda: client.get(url), repeat=3)[1]
    hand_in(5, submissions - 5)
    seconds, queries, response = _timed(lambda: client.get(url))
    assert response.status_code == 200
    print(
        f"review queue with {submissions} submissions: p50 {seconds * 1000:.0f} ms, "
        f"{queries} queries ({few} with 5)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--experiences", type=int, default=10000)
    parser.add_argument("--submissions", type=int, default=500)
    arguments = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    clean()
    try:
        delegation, cities, editor = setup()
        measure(delegation, cities, editor, arguments.experiences, arguments.submissions)
    finally:
        clean()


if __name__ == "__main__":
    main()
