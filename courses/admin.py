from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from courses.models import Cohort, Course, prerequisite_cycle


class CourseForm(TranslatableModelForm):
    class Meta:
        model = Course
        fields = "__all__"

    def clean_prerequisites(self) -> Any:
        chosen = self.cleaned_data.get("prerequisites") or []
        if self.instance.pk is None:
            return chosen
        if any(c.pk == self.instance.pk for c in chosen):
            raise forms.ValidationError(_("A course cannot require itself."))
        if cycle := prerequisite_cycle(self.instance, chosen):
            raise forms.ValidationError(
                _("%(courses)s already require this course: it cannot require them back.")
                % {"courses": ", ".join(c.code for c in cycle)}
            )
        return chosen


@admin.register(Course)
class CourseAdmin(TranslatableAdmin):
    form = CourseForm
    filter_horizontal = ["prerequisites"]
    list_display = ["code", "__str__", "nominal_hours", "status"]
    list_filter = ["status"]
    search_fields = ["code", "translations__certificate_title"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "delegation", "language", "starts_on", "status", "capacity"]
    list_filter = ["status", "delegation", "language", "visibility"]
    search_fields = ["title", "course__code"]
    filter_horizontal = ["trainers"]
    date_hierarchy = "starts_on"
