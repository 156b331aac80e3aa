"""Translation status for the people who write and run courses: per course and language, how
much is translated, what is missing and what the Spanish original changed since."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from accounts import access
from cms import po, translation_status
from cms.models import CoursePage, LessonPage, ModulePage

# A PO file of one page is a few kilobytes; this is far above any real one.
MAX_PO_BYTES = 2 * 1024 * 1024


def can_follow_translations(user: Any) -> bool:
    return access.is_trainer(user) or access.is_coordinator(user) or access.is_site_admin(user)


def can_translate(user: Any) -> bool:
    return access.is_trainer(user) or access.is_site_admin(user)


def _languages() -> dict[str, str]:
    return {code: str(name) for code, name in settings.LANGUAGES}


class TranslationUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Translated PO file"))
    publish = forms.BooleanField(
        label=gettext_lazy("Publish the page once every text is translated"),
        required=False,
        initial=True,
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_PO_BYTES:
            raise ValidationError(_("This file is too large for one page's texts."), code="size")
        try:
            return str(upload.read().decode("utf-8"))
        except UnicodeDecodeError as error:
            raise ValidationError(_("The file is not UTF-8 text."), code="encoding") from error


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
    return _course_page(request, found[0])


def _course_page(
    request: HttpRequest,
    status: Any,
    *,
    failed: tuple[int, str] | None = None,
    form: TranslationUploadForm | None = None,
) -> HttpResponse:
    return render(
        request,
        "cms/translation_course.html",
        {
            "status": status,
            "names": _languages(),
            "translates": can_translate(request.user),
            "failed": failed,
            "failed_form": form,
            "upload_form": TranslationUploadForm(),
        },
        status=400 if failed else 200,
    )


def _course_page_of(page: Page) -> Any:
    original = po.original_page(page)
    course = CoursePage.objects.ancestor_of(original, inclusive=True).first()
    found = translation_status.statuses(course_page_id=course.pk) if course else []
    if not found:
        raise Http404(_("There is no such course."))
    return found[0]


@login_required
@require_http_methods(["GET", "POST"])
def translation_file(request: HttpRequest, page_id: int, language: str) -> HttpResponse:
    """One course page's translation into a language as a PO file, for a translator outside
    Aula: GET downloads it, POST uploads it back (checked whole: nothing changes unless every
    text fits), publishing the page when asked and every text is translated."""
    if not can_translate(request.user):
        raise Http404(_("There is no such page."))
    page = get_object_or_404(Page, pk=page_id)
    if not isinstance(page.specific, (CoursePage, ModulePage, LessonPage)):
        raise Http404(_("There is no such page."))
    if request.method == "GET":
        try:
            text = po.export_po(page=page, language=language)
        except ValidationError as error:
            raise Http404(" ".join(error.messages)) from error
        response = HttpResponse(text, content_type="text/x-gettext-translation; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="page-{page_id}-{language}.po"'
        return response
    form = TranslationUploadForm(request.POST, request.FILES)
    try:
        if form.is_valid():
            done = po.import_po(
                page=page,
                language=language,
                text=form.cleaned_data["file"],
                by=request.user,  # type: ignore[arg-type]
                publish=form.cleaned_data["publish"],
            )
            names = _languages()
            message = _("%(page)s in %(language)s: %(done)d of %(total)d texts translated.") % {
                "page": page.title,
                "language": names.get(language, language),
                "done": done.translated,
                "total": done.total,
            }
            if done.published:
                message += " " + _("The translation is published.")
            messages.success(request, message)
            return redirect("translation_course", page_id=_course_page_of(page).course_page.pk)
    except ValidationError as error:
        form.add_error("file", error)
    return _course_page(request, _course_page_of(page), failed=(page.pk, language), form=form)
