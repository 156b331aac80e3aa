"""Editions already closed keep what they required when this release arrived (their lessons
at the time, less the optional ones): later lessons no longer change their participants' 4/4."""

from django.db import migrations
from django.db.models import Q


def fix(apps, schema_editor):
    Cohort = apps.get_model("courses", "Cohort")
    CourseLesson = apps.get_model("cms", "CourseLesson")
    OptionalLesson = apps.get_model("enrollments", "OptionalLesson")
    for cohort in Cohort.objects.filter(
        Q(status="closed") | Q(status="archived"), required_lessons_at_close__isnull=True
    ):
        optional = OptionalLesson.objects.filter(cohort=cohort).values("lesson")
        cohort.required_lessons_at_close = (
            CourseLesson.objects.filter(course_id=cohort.course_id, is_live=True)
            .exclude(lesson__in=optional)
            .count()
        )
        cohort.save(update_fields=["required_lessons_at_close"])


class Migration(migrations.Migration):
    dependencies = [
        ("enrollments", "0006_questionnaire_template_creation_key"),
        ("courses", "0004_required_lessons_at_close"),
        ("cms", "0007_h5p_block_help"),
    ]

    operations = [migrations.RunPython(fix, migrations.RunPython.noop)]
