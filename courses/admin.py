from django.contrib import admin
from parler.admin import TranslatableAdmin

from courses.models import Course


@admin.register(Course)
class CourseAdmin(TranslatableAdmin):
    list_display = ["code", "__str__", "nominal_hours", "status"]
    list_filter = ["status"]
    search_fields = ["code", "translations__certificate_title"]
