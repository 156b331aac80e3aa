"""Translation status for the people who write and run courses: per course and language, how
much is translated, what is missing and what the Spanish original changed since."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts import access
from cms import translation_status


def can_follow_translations(user: Any) -> bool:
    return access.is_trainer(user) or access.is_coordinator(user) or access.is_site_admin(user)


def _languages() -> dict[str, str]:
    return {code: str(name) for code, name in settings.LANGUAGES}


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    if not can_follow_translations(request.user):
        raise Http404(_("There is no such page."))
    return render(
        request,
        "cms/translations.html",
        {"courses": translation_status.statuses(), "names": _languages()},
    )


@login_required
def course(request: HttpRequest, page_id: int) -> HttpResponse:
    if not can_follow_translations(request.user):
        raise Http404(_("There is no such page."))
    found = translation_status.statuses(course_page_id=page_id)
    if not found:
        raise Http404(_("There is no such course."))
    return render(
        request,
        "cms/translation_course.html",
        {"status": found[0], "names": _languages()},
    )
