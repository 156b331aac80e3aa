from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks  # type: ignore[import-untyped]
from wagtail.admin.menu import MenuItem  # type: ignore[import-untyped]


@hooks.register("register_admin_menu_item")
def certificate_templates_menu_item() -> MenuItem:
    # Trainers preview certificate templates from the content admin they work in.
    return MenuItem(
        _("Certificate templates"),
        reverse("certificate-templates"),
        icon_name="doc-full",
        order=900,
    )
