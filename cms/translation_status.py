"""How complete each course's translation is, per language: of the course's pages (the course,
its modules and lessons, in Spanish, the original), how many have a live translation, and how
many of those are out of date because the original was published again after them.

Two queries for every course at once: the originals, then their translations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Locale, Page

from cms.models import CoursePage


@dataclass
class PageState:
    page: Page  # the original
    translation: Page | None
    state: str  # translated, outdated, draft (a translation not published), missing


@dataclass
class LanguageStatus:
    language: str
    pages: list[PageState] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.pages)

    @property
    def translated(self) -> int:
        """Live and up to date."""
        return sum(1 for p in self.pages if p.state == "translated")

    @property
    def outdated(self) -> int:
        return sum(1 for p in self.pages if p.state == "outdated")

    @property
    def missing(self) -> int:
        return sum(1 for p in self.pages if p.state in ("missing", "draft"))

    @property
    def percent(self) -> int:
        return round(100 * self.translated / self.total) if self.total else 0

    def to_do(self) -> list[PageState]:
        return [p for p in self.pages if p.state != "translated"]


@dataclass
class CourseStatus:
    course_page: CoursePage
    languages: list[LanguageStatus]


def _state(original: Page, translation: Page | None) -> str:
    if translation is None:
        return "missing"
    if not translation.live:
        return "draft"
    if (
        original.last_published_at
        and translation.last_published_at
        and original.last_published_at > translation.last_published_at
    ):
        return "outdated"
    return "translated"


def statuses(*, course_page_id: int | None = None) -> list[CourseStatus]:
    """Every course (or one), each language but the original's."""
    default = Locale.get_default()
    courses = CoursePage.objects.filter(locale=default).select_related("course").order_by("path")
    if course_page_id is not None:
        courses = courses.filter(pk=course_page_id)
    course_list = list(courses)
    if not course_list:
        return []
    within = Page.objects.none()
    for course in course_list:
        within = within | Page.objects.filter(path__startswith=course.path)
    originals = list(
        within.filter(locale=default, alias_of__isnull=True)
        .order_by("path")
        .only("pk", "title", "path", "depth", "translation_key", "live", "last_published_at")
    )
    translations: dict[tuple[object, str], Page] = {}
    for page in (
        Page.objects.filter(
            translation_key__in=[p.translation_key for p in originals], alias_of__isnull=True
        )
        .exclude(locale=default)
        .select_related("locale")
        .only(
            "pk", "title", "translation_key", "live", "last_published_at", "locale__language_code"
        )
    ):
        translations[(page.translation_key, page.locale.language_code)] = page
    by_course: dict[int, list[Page]] = defaultdict(list)
    for page in originals:
        owner = next(c for c in course_list if page.path.startswith(c.path))
        by_course[owner.pk].append(page)
    languages = [code for code, _name in settings.LANGUAGES if code != default.language_code]
    found = []
    for course in course_list:
        pages = by_course[course.pk]
        found.append(
            CourseStatus(
                course_page=course,
                languages=[
                    LanguageStatus(
                        language=language,
                        pages=[
                            PageState(
                                page,
                                translations.get((page.translation_key, language)),
                                _state(page, translations.get((page.translation_key, language))),
                            )
                            for page in pages
                        ],
                    )
                    for language in languages
                ],
            )
        )
    return found
