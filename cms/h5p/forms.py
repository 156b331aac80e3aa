"""The admin form trainers upload packages with: a refused package is a form error, never a row."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.h5p import packages
from cms.h5p.validation import PackageError
from cms.models import H5PPackage


def language_choices() -> list[tuple[str, Any]]:
    return [("", _("As the package says")), *settings.LANGUAGES]


class H5PPackageForm(WagtailAdminModelForm):
    file = forms.FileField(
        label=_("H5P file"),
        help_text=_("A .h5p file, as exported from Lumi, h5p.org or another H5P platform."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"] = forms.ChoiceField(
            label=_("language"),
            choices=language_choices(),
            required=False,
            help_text=self.instance._meta.get_field("language").help_text,
        )
        if self.instance.pk:
            del self.fields["file"]  # a package is immutable: upload another one instead
        self.upload: packages.Upload | None = None

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        upload = cleaned.get("file")
        if upload is None or self.errors:
            return cleaned
        try:
            self.upload = packages.upload_package(
                file=upload,
                uploaded_by=self.for_user,
                title=cleaned.get("title", ""),
                language=cleaned.get("language", ""),
            )
        except PackageError as error:
            self.add_error("file", error.message)
        return cleaned

    def save(self, commit: bool = True) -> H5PPackage:
        if self.upload is None:
            return super().save(commit=commit)
        package = self.upload.package
        if self.upload.reused:
            for field in ("title", "language"):
                if self.cleaned_data.get(field):
                    setattr(package, field, self.cleaned_data[field])
            package.save(update_fields=["title", "language"])
        self.instance = package
        return package
