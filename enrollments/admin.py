from django.contrib import admin

from enrollments.models import Enrollment, ManualCompletion, OptionalLesson


class OptionalLessonInline(admin.TabularInline):
    model = OptionalLesson
    extra = 0


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["learner", "cohort", "status", "completed_lessons", "last_activity_at"]
    list_filter = ["status", "cohort__delegation", "cohort"]
    search_fields = ["learner__email", "learner__certificate_name", "cohort__title"]
    raw_id_fields = ["learner", "last_lesson", "completed_by"]
    readonly_fields = ["completed_lessons", "last_activity_at"]


@admin.register(ManualCompletion)
class ManualCompletionAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "lesson", "granted_by", "created_at"]
    readonly_fields = ["enrollment", "lesson", "granted_by", "reason", "created_at"]

    def has_add_permission(self, request: object) -> bool:
        return False
