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


from parler.admin import (  # noqa: E402
    TranslatableAdmin,
    TranslatableStackedInline,
    TranslatableTabularInline,
)

from enrollments.models import (  # noqa: E402
    Questionnaire,
    QuestionnaireTemplate,
    TemplateOption,
    TemplateQuestion,
)


class TemplateQuestionInline(TranslatableStackedInline):
    model = TemplateQuestion
    extra = 0
    show_change_link = True  # its options are edited on the question's own page


@admin.register(QuestionnaireTemplate)
class QuestionnaireTemplateAdmin(TranslatableAdmin):
    list_display = ["__str__", "delegation", "updated_at"]
    list_filter = ["delegation"]
    inlines = [TemplateQuestionInline]


class TemplateOptionInline(TranslatableTabularInline):
    model = TemplateOption
    extra = 0


@admin.register(TemplateQuestion)
class TemplateQuestionAdmin(TranslatableAdmin):
    list_display = ["key", "template", "kind", "is_required"]
    list_filter = ["template"]
    inlines = [TemplateOptionInline]


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["template", "cohort", "version", "opens_at", "closes_at", "is_anonymous"]
    list_filter = ["cohort__delegation"]
    readonly_fields = ["questions", "version", "created_by", "created_at"]
