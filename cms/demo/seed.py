"""Creates the demo: a delegation with cities, an account per role, six courses in five languages.

Idempotent: what exists already (matched by code, e-mail or slug) is left as it is, so a
second run creates nothing and a trainer's edits survive.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from accounts import services as account_services
from accounts.models import Country, Delegation, MemberCity, User
from cms.demo import people
from cms.demo.activities import (
    seed_activities,
    seed_assignment,
    seed_experiences_block,
    seed_final_assessments,
)
from cms.demo.content import COURSES
from cms.models import CataloguePage, CoursePage, HomePage, LessonPage, ModulePage
from courses.models import Cohort, Course

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@transaction.atomic
def seed_demo() -> Counter[str]:
    """Returns how many of each thing were created (all zero on a second run)."""
    created: Counter[str] = Counter()
    delegation = _seed_organisation(created)
    _seed_accounts(delegation, created)
    home = _seed_home(created)
    catalogue = _seed_catalogue(home, created)
    for spec in COURSES:
        _seed_course(catalogue, spec, created)
        _seed_cohorts(spec, delegation, created)
    admin = User.objects.filter(email="admin@aula.example").first()
    if admin is not None:
        seed_activities(admin=admin, created=created)
        seed_final_assessments(admin=admin, created=created)
        seed_assignment(created=created)
        seed_experiences_block(created=created)
    return created


def _seed_cohorts(spec: dict[str, Any], delegation: Delegation, created: Counter[str]) -> None:
    """An open Spanish edition of every course; a Portuguese one of the translated course."""
    course = Course.objects.get(code=spec["code"])
    editions = [("es", f"{spec['i18n']['es']['title']} · 2027")]
    if "pt" in spec.get("modules_i18n", {}):
        editions.append(("pt", f"{spec['i18n']['pt']['title']} · 2027"))
    trainer = User.objects.filter(email="trainer@aula.example").first()
    today = timezone.localdate()
    for language, title in editions:
        if Cohort.objects.filter(course=course, language=language).exists():
            continue
        cohort = Cohort.objects.create(
            course=course,
            delegation=delegation,
            language=language,
            title=title,
            starts_on=today,
            ends_on=today + datetime.timedelta(days=90),
            enrollment_opens_at=timezone.now() - datetime.timedelta(days=7),
            enrollment_closes_at=timezone.now() + datetime.timedelta(days=60),
            capacity=60,
            has_waiting_list=True,
            status=Cohort.Status.OPEN,
            min_score=60,
        )
        if trainer is not None:
            cohort.trainers.add(trainer)
        created["cohorts"] += 1


def _seed_organisation(created: Counter[str]) -> Delegation:
    delegation = Delegation.objects.filter(code=people.DELEGATION["code"]).first()
    if delegation is None:
        delegation = Delegation(code=people.DELEGATION["code"])
        _set_translations(
            delegation, {k: {"name": v} for k, v in people.DELEGATION["names"].items()}
        )
        created["delegations"] += 1
    countries = {}
    for iso_code, names in people.COUNTRIES.items():
        country = Country.objects.filter(iso_code=iso_code).first()
        if country is None:
            country = Country(
                iso_code=iso_code,
                delegation=delegation,
                time_zone=people.TIME_ZONES.get(iso_code, ""),
            )
            _set_translations(country, {k: {"name": v} for k, v in names.items()})
            created["countries"] += 1
        countries[iso_code] = country
    for iso_code, name, membership in people.CITIES:
        exists = MemberCity.objects.filter(
            country=countries[iso_code], translations__name=name
        ).exists()
        if not exists:
            city = MemberCity(
                country=countries[iso_code], delegation=delegation, membership=membership
            )
            _set_translations(city, {settings.LANGUAGE_CODE: {"name": name}})
            created["cities"] += 1
    return delegation


def _seed_accounts(delegation: Delegation, created: Counter[str]) -> None:
    admin = None
    for spec in people.ACCOUNTS:
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            city = (
                MemberCity.objects.filter(translations__name=spec["city"]).first()
                if spec["city"]
                else None
            )
            user = User.objects.create_user(
                spec["email"],
                people.PASSWORD,
                certificate_name=spec["certificate_name"],
                member_city=city,
                position=spec["position"],
                preferred_language=spec["language"],
                is_superuser=spec["role"] == "admin",
                is_staff=spec["role"] == "admin",
            )
            created["accounts"] += 1
            if spec["role"] in {"trainer", "coordinator"}:
                assert admin is not None, "the admin account is listed first"
                account_services.set_roles(
                    granted_by=admin,
                    user=user,
                    is_trainer=spec["role"] == "trainer",
                    coordinated_delegations=[delegation] if spec["role"] == "coordinator" else [],
                )
        if spec["role"] == "admin":
            admin = user


def _seed_home(created: Counter[str]) -> HomePage:
    default = Locale.get_default()
    home = HomePage.objects.filter(locale=default).first()
    if home is None:
        root = Page.get_first_root_node()
        title, intro = people.SITE["home"][default.language_code]
        home = HomePage(title=title, slug="aula", intro=intro, locale=default)
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        welcome = site.root_page if site else None
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.site_name = "Aula"
            site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page has nothing to keep.
        if welcome is not None and welcome.specific_class is Page and welcome.depth == 2:
            welcome.delete()
        created["pages"] += 1
    _translate(home, people.SITE["home"], created, fields=lambda t: {"title": t[0], "intro": t[1]})
    return home


def _seed_catalogue(home: HomePage, created: Counter[str]) -> CataloguePage:
    catalogue = CataloguePage.objects.child_of(home).first()
    if catalogue is None:
        title, intro = people.SITE["catalogue"][home.locale.language_code]
        catalogue = home.add_child(instance=CataloguePage(title=title, slug="cursos", intro=intro))
        catalogue.save_revision().publish()
        created["pages"] += 1
    _translate(
        catalogue,
        people.SITE["catalogue"],
        created,
        fields=lambda t: {"title": t[0], "intro": t[1]},
    )
    return catalogue


def _seed_course(catalogue: CataloguePage, spec: dict[str, Any], created: Counter[str]) -> None:
    course = Course.objects.filter(code=spec["code"]).first()
    if course is None:
        course = Course(
            code=spec["code"], nominal_hours=spec["nominal_hours"], status=Course.Status.PUBLISHED
        )
        _set_translations(
            course,
            {
                lang: {
                    "certificate_title": texts["certificate_title"],
                    "description": texts["certificate_description"],
                }
                for lang, texts in spec["i18n"].items()
            },
        )
        created["courses"] += 1

    page = CoursePage.objects.child_of(catalogue).filter(slug=spec["slug"]).first()
    if page is None:
        page = catalogue.add_child(
            instance=CoursePage(course=course, slug=spec["slug"], **_course_fields(spec, "es"))
        )
        page.save_revision().publish()
        created["pages"] += 1
    _translate(
        page,
        {lang: lang for lang in spec["i18n"]},
        created,
        fields=lambda lang: _course_fields(spec, lang),
    )

    for module_spec in spec["modules"]:
        module = ModulePage.objects.child_of(page).filter(slug=module_spec["slug"]).first()
        if module is None:
            module = page.add_child(instance=ModulePage(**_module_fields(module_spec)))
            module.save_revision().publish()
            created["pages"] += 1
        for lesson_spec in module_spec["lessons"]:
            if not LessonPage.objects.child_of(module).filter(slug=lesson_spec["slug"]).exists():
                lesson = module.add_child(instance=LessonPage(**_lesson_fields(lesson_spec)))
                lesson.save_revision().publish()
                created["pages"] += 1

    # The Charter is translated whole, modules and lessons too, into every other language.
    for language, modules in spec.get("modules_i18n", {}).items():
        for module_spec, translated in zip(spec["modules"], modules, strict=True):
            module = ModulePage.objects.child_of(page).get(slug=module_spec["slug"])
            _translate(module, {language: translated}, created, fields=_module_fields)
            for lesson_spec, lesson_text in zip(
                module_spec["lessons"], translated["lessons"], strict=True
            ):
                lesson = LessonPage.objects.child_of(module).get(slug=lesson_spec["slug"])
                _translate(lesson, {language: lesson_text}, created, fields=_lesson_fields)


def _course_fields(spec: dict[str, Any], lang: str) -> dict[str, Any]:
    texts = spec["i18n"][lang]
    outcomes = "".join(f"<li>{item}</li>" for item in texts["learning_outcomes"])
    return {
        "title": texts["title"],
        "summary": texts["summary"],
        "audience": texts["audience"],
        "duration": texts["duration"],
        "learning_outcomes": f"<ul>{outcomes}</ul>",
    }


def _module_fields(spec: dict[str, Any]) -> dict[str, Any]:
    return {"title": spec["title"], "slug": spec["slug"], "intro": spec["intro"]}


def _lesson_fields(spec: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": spec["title"],
        "slug": spec["slug"],
        "summary": spec["summary"],
        "estimated_minutes": spec["minutes"],
        "body": [_block(kind, value) for kind, value in spec["body"]],
    }


def _block(kind: str, value: Any) -> dict[str, Any]:
    if kind == "heading":
        return {"type": "heading", "value": {"text": value, "level": "h2"}}
    if kind == "callout":
        return {"type": "callout", "value": dict(value)}
    return {"type": kind, "value": value}


def _translate(page: Page, texts: dict[str, Any], created: Counter[str], *, fields: Any) -> None:
    """Publishes a translation of `page` for each language in `texts` that has none yet."""
    for lang, text in texts.items():
        if lang == page.locale.language_code:
            continue
        locale = Locale.objects.get(language_code=lang)
        if page.get_translation_or_none(locale) is not None:
            continue
        translation = page.copy_for_translation(locale)
        for name, value in fields(text).items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        created["translations"] += 1


def _set_translations(obj: Any, values: dict[str, dict[str, str]]) -> None:
    for lang, fields in values.items():
        obj.set_current_language(lang)
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
