"""How complete each course's translation is, per language: of the course's pages (the course,
its modules and lessons, in Spanish, the original), how many have a live translation, and how
many of those are out of date because the original was published again after them.

Two queries for every course at once: the originals, then their translations; and, for pages
sent to be translated with wagtail-localize (in Aula or as a PO file), how many of their texts
(segments) each translation has: two queries, and one per language with such translations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from wagtail.models import Locale, Page

from cms.models import CoursePage


@dataclass
class PageState:
    page: Page  # the original
    translation: Page | None
    state: str  # translated, outdated, draft (a translation not published), missing
    segments: tuple[int, int] | None = None  # (translated, total) texts, sent to be translated


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

    @property
    def texts(self) -> tuple[int, int]:
        """Texts translated and their total, over the pages sent to be translated but not yet
        translated and published (what a translator is working on)."""
        working = [p.segments for p in self.to_do() if p.segments is not None]
        return sum(done for done, _total in working), sum(total for _done, total in working)

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
    segments = _segments(originals, default)
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
                                segments.get((page.translation_key, language)),
                            )
                            for page in pages
                        ],
                    )
                    for language in languages
                ],
            )
        )
    return found


def _segments(originals: list[Page], default: Locale) -> dict[tuple[object, str], tuple[int, int]]:
    """(translation key, language) → (texts translated, texts) of each wagtail-localize
    translation of these pages, counted as wagtail-localize's own progress counts them (a text
    translated without an error, in its context)."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    sources = dict(
        TranslationSource.objects.filter(
            object_id__in=[p.translation_key for p in originals], locale=default
        ).values_list("pk", "object_id")
    )
    if not sources:
        return {}
    wanted: dict[int, tuple[str, set[int]]] = {}
    for source_id, locale_id, code in Translation.objects.filter(
        source_id__in=list(sources)
    ).values_list("source_id", "target_locale_id", "target_locale__language_code"):
        wanted.setdefault(locale_id, (code, set()))[1].add(source_id)
    found: dict[tuple[object, str], tuple[int, int]] = {}
    for locale_id, (code, source_ids) in wanted.items():
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
        for row in (
            StringSegment.objects.filter(source_id__in=source_ids)
            .values("source_id")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(Exists(translated))))
            .order_by()
        ):
            found[(sources[row["source_id"]], code)] = (row["done"], row["total"])
    return found
