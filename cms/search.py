"""Searching the catalogue and course content in the reader's language, with Wagtail's search
(its database backend: SQLite's FTS on the embedded default, PostgreSQL's full-text search when
`DATABASE_URL` points there). A page not translated yet is found in its original, as it is
served: under the reader's prefix with the "shown in Spanish" notice."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale, Page

from cms.localization import active_locale, url_in_active_language
from cms.models import CoursePage, LessonPage

MAX_QUERY = 100
PER_PAGE = 20
# Results read from the index before originals with a translation are set aside.
SCANNED = 200


@dataclass
class Hit:
    page: Page
    kind: str  # "course" or "lesson"
    url: str
    summary: str
    course_title: str = ""


def find(query: str, *, request: HttpRequest | None = None) -> list[Hit]:
    locale = active_locale()
    default = Locale.get_default()
    locales = {default.pk} | ({locale.pk} if locale else set())
    pages = (
        Page.objects.live()
        .type(CoursePage, LessonPage)
        .filter(locale__in=locales)
        .specific()
        .search(query, operator="and")[:SCANNED]
    )
    found = [p for p in pages if not p.alias_of_id]  # an alias repeats its original
    by_id = {loc.pk: loc for loc in Locale.objects.filter(pk__in=locales)}
    for page in found:
        page.locale = by_id[page.locale_id]  # one query for every hit's language
    if locale and locale.pk != default.pk:
        translated = set(
            Page.objects.live()
            .filter(
                locale=locale,
                translation_key__in=[p.translation_key for p in found],
                alias_of__isnull=True,
            )
            .values_list("translation_key", flat=True)
        )
        found = [
            p for p in found if p.locale_id == locale.pk or p.translation_key not in translated
        ]
    lessons = [p for p in found if isinstance(p, LessonPage)]
    courses = _courses_of(lessons)
    hits = []
    for page in found:
        is_lesson = isinstance(page, LessonPage)
        hits.append(
            Hit(
                page=page,
                kind="lesson" if is_lesson else "course",
                url=url_in_active_language(page, request),
                summary=getattr(page, "summary", "") or "",
                course_title=courses.get(page.pk, "") if is_lesson else "",
            )
        )
    return hits


def _courses_of(lessons: list[LessonPage]) -> dict[int, str]:
    """Each lesson's course title, in one query: the course is the lesson's grandparent."""
    paths = {lesson.pk: lesson.path[: -2 * lesson.steplen] for lesson in lessons}
    titles = dict(
        CoursePage.objects.filter(path__in=set(paths.values())).values_list("path", "title")
    )
    return {pk: titles.get(path, "") for pk, path in paths.items()}


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY]
    hits = find(query, request=request) if query else []
    page = Paginator(hits, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "cms/search.html", {"query": query, "results": page, "searched": bool(query)}
    )
