from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.h5p.forms import H5PPackageForm
from cms.models import H5PPackage


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "pick"
    menu_label = _("H5P packages")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "language", "main_library", "status", "uploaded_at"]
    list_filter = ["status", "language"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("file"),
            FieldPanel("title"),
            FieldPanel("language"),
            FieldPanel("status", read_only=True),
            FieldPanel("error", read_only=True),
            FieldPanel("main_library", read_only=True),
        ],
        base_form_class=H5PPackageForm,
    )


register_snippet(H5PPackageViewSet)
