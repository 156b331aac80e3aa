"""The demo's deadlines: every module of the open course editions is due three weeks after
the one before, so "My courses" shows what is coming and the hourly beat has deadlines to
remind. Running it again changes nothing."""

from __future__ import annotations

import datetime
from collections import Counter

from wagtail.models import Locale

from cms.models import CoursePage, ModulePage
from courses.models import Cohort
from enrollments.models import ModuleRelease


def seed_deadlines(*, created: Counter[str]) -> None:
    default = Locale.get_default()
    for cohort in Cohort.objects.filter(status=Cohort.Status.OPEN, course__is_activity=False):
        if ModuleRelease.objects.filter(cohort=cohort, due_on__isnull=False).exists():
            continue
        page = CoursePage.objects.filter(course_id=cohort.course_id, locale=default).first()
        if page is None:
            continue
        for index, module in enumerate(ModulePage.objects.child_of(page).order_by("path"), 1):
            due = cohort.starts_on + datetime.timedelta(weeks=3 * index)
            if due > cohort.ends_on:
                break
            ModuleRelease.objects.update_or_create(
                cohort=cohort, module=module, defaults={"due_on": due}
            )
            created["module deadlines"] += 1
