from __future__ import annotations

from typing import Any

from django.contrib.admin.utils import unquote
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from cms.h5p.forms import H5PPackageForm
from cms.models import H5PPackage


class VisiblePackageMixin:
    """Another delegation's package is not found, whatever its address."""

    request: HttpRequest
    kwargs: dict[str, Any]
    pk_url_kwarg: str

    def get_object(self, queryset: QuerySet[H5PPackage] | None = None) -> H5PPackage:
        visible = H5PPackage.objects.visible_to(self.request.user)  # type: ignore[arg-type]
        return get_object_or_404(visible, pk=unquote(str(self.kwargs[self.pk_url_kwarg])))


class PackageEditView(VisiblePackageMixin, EditView):
    pass


class PackageDeleteView(VisiblePackageMixin, DeleteView):
    pass


def _language_of(package: H5PPackage) -> str:
    try:
        return str(translation.get_language_info(package.language)["name_translated"])
    except KeyError:
        return package.language or "—"


class PackageChoosing:
    """The packages a person may choose, each with its language, so that a Portuguese activity
    is not placed in a Spanish lesson unawares."""

    request: HttpRequest

    def get_object_list(self) -> QuerySet[H5PPackage]:
        return H5PPackage.objects.visible_to(self.request.user)  # type: ignore[arg-type]

    @property
    def columns(self) -> list[Column]:
        return [
            *super().columns,  # type: ignore[misc]
            Column("language", label=_("language"), accessor=_language_of),
            Column("status", label=_("status"), accessor="get_status_display"),
        ]


class PackageChooseView(PackageChoosing, chooser.ChooseView):
    pass


class PackageChooseResultsView(PackageChoosing, chooser.ChooseResultsView):
    pass


class PackageChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = PackageChooseView
    choose_results_view_class = PackageChooseResultsView


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "pick"
    menu_label = _("H5P packages")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "language", "main_library", "status", "uploaded_at"]
    list_filter = ["status", "language"]
    search_fields = ["title"]
    edit_view_class = PackageEditView
    delete_view_class = PackageDeleteView
    chooser_viewset_class = PackageChooserViewSet
    edit_handler = ObjectList(
        [
            FieldPanel("file"),
            FieldPanel("title"),
            FieldPanel("language"),
            FieldPanel("status", read_only=True),
            FieldPanel("error", read_only=True),
            FieldPanel("main_library", read_only=True),
            FieldPanel("delegations", permission="superuser"),
        ],
        base_form_class=H5PPackageForm,
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[H5PPackage]:
        return H5PPackage.objects.visible_to(request.user)  # type: ignore[arg-type]


register_snippet(H5PPackageViewSet)
