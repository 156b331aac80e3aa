from django.contrib import admin
from parler.admin import TranslatableAdmin

from courses.models import Cohort, Course


@admin.register(Course)
class CourseAdmin(TranslatableAdmin):
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
