"""Factories for the test cast and a small course tree (the demo seed is tested on its own)."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import factory
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from accounts.models import Country, Delegation, MemberCity, User
from cms.models import CataloguePage, CoursePage, HomePage, LessonPage, ModulePage
from courses.models import Course

PASSWORD = "correct horse battery staple"


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    code = factory.Sequence(lambda n: f"delegation-{n}")
    name = factory.Sequence(lambda n: f"Delegation {n}")


USER_ASSIGNED_CODES = [f"X{chr(c)}" for c in range(65, 91)] + [f"Q{chr(c)}" for c in range(77, 91)]


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country

    # ISO 3166's user-assigned codes (XA to XZ, QM to QZ), so a factory country never takes the code
    # of a real one a test creates by name (the sequence counts across the whole session).
    iso_code = factory.Sequence(lambda n: USER_ASSIGNED_CODES[n % len(USER_ASSIGNED_CODES)])
    delegation = factory.SubFactory(DelegationFactory)
    name = factory.Sequence(lambda n: f"Country {n}")


class MemberCityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberCity

    country = factory.SubFactory(CountryFactory)
    delegation = factory.SelfAttribute("country.delegation")
    name = factory.Sequence(lambda n: f"City {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@city.example")
    # The `client` fixture asks for English, and the API answers people in their profile's
    # language: English unless a test says otherwise.
    preferred_language = "en"
    certificate_name = factory.Sequence(lambda n: f"Person Number {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            obj.save()


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    code = factory.Sequence(lambda n: f"T-{n:03d}")
    nominal_hours = 10
    status = Course.Status.PUBLISHED
    certificate_title = factory.Sequence(lambda n: f"Título del curso {n}")


def build_site() -> dict[str, Page]:
    """Home → catalogue → course → module → two lessons, all in Spanish and published."""
    root = Page.get_first_root_node()
    es = Locale.objects.get(language_code="es")
    home = root.add_child(instance=HomePage(title="Inicio", slug="inicio", locale=es))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    catalogue = home.add_child(instance=CataloguePage(title="Catálogo", slug="cursos"))
    course = catalogue.add_child(
        instance=CoursePage(
            title="Ciudad educadora",
            slug="ciudad-educadora",
            course=CourseFactory(),
            summary="Un curso sobre la ciudad que educa.",
            duration="4 semanas",
        )
    )
    module = course.add_child(
        instance=ModulePage(title="Primer módulo", slug="primer-modulo", intro="Introducción.")
    )
    lessons = [
        module.add_child(
            instance=LessonPage(
                title=f"Lección {n}",
                slug=f"leccion-{n}",
                summary=f"Resumen de la lección {n}.",
                estimated_minutes=10,
                body=[
                    {"type": "heading", "value": {"text": f"Apartado {n}", "level": "h2"}},
                    {"type": "paragraph", "value": f"<p>Texto de la lección {n}.</p>"},
                    {
                        "type": "callout",
                        "value": {"kind": "quote", "text": "Cita", "attribution": "Carta"},
                    },
                ],
            )
        )
        for n in (1, 2)
    ]
    for lesson in lessons:
        lesson.save_revision().publish()  # publishing indexes the lesson, as the admin does
    return {
        "home": home,
        "catalogue": catalogue,
        "course": course,
        "module": module,
        "lesson": lessons[0],
        "lesson2": lessons[1],
    }


def translate(page: Page, language: str, **fields: Any) -> Page:
    """Publishes a translation of `page`, first translating any untranslated ancestors."""
    locale = Locale.objects.get(language_code=language)
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.specific.copy_for_translation(locale).save_revision().publish()
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Cohort"

    course = factory.SubFactory(CourseFactory)
    delegation = factory.SubFactory(DelegationFactory)
    title = factory.Sequence(lambda n: f"Edición {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate())
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    enrollment_opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    enrollment_closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=30)
    )
    status = "open"


def h5p_block(title: str, *, required: bool = True, package: Any = None) -> dict[str, Any]:
    return {
        "type": "h5p_activity",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "package": package.pk if package is not None else None,
            "is_required": required,
        },
    }


def add_activity(
    lesson: Page, title: str = "Actividad", *, required: bool = True, package: Any = None
) -> str:
    """Adds an H5P activity block to a lesson and republishes it; returns the activity's key."""
    block = h5p_block(title, required=required, package=package)
    lesson = lesson.specific
    lesson.body = [*lesson.body.raw_data, block]
    lesson.save_revision().publish()
    return block["id"]


def add_assignment(
    lesson: Page, title: str = "Tu plan", *, points: tuple[int, ...] = (1, 3)
) -> str:
    """Adds an assignment block (one rubric criterion with a level per points) to a lesson and
    republishes it; returns the block's id."""
    block_id = str(uuid.uuid4())
    lesson = lesson.specific
    lesson.body = [
        *lesson.body.raw_data,
        {
            "type": "assignment",
            "id": block_id,
            "value": {
                "title": title,
                "instructions": "<p>Escribe tu plan.</p>",
                "hand_in": "text",
                "file_types": ["pdf"],
                "max_file_mb": 1,
                "due_days": 42,
                "rubric": [
                    {
                        "criterion": "Claridad",
                        "levels": [{"label": f"Nivel {p}", "points": p} for p in points],
                    }
                ],
            },
        },
    ]
    lesson.save_revision().publish()
    return block_id
