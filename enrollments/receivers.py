from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import User
from accounts.signals import account_erasing, personal_data_requested
from cms.models import LessonPage
from cms.signals import lesson_viewed
from courses.models import Cohort
from enrollments import progress


@receiver(lesson_viewed, sender=LessonPage)
def record_lesson_view(sender: type, lesson: LessonPage, user: Any, **kwargs: Any) -> None:
    progress.record_lesson_view(learner=user, lesson=lesson)


@receiver(personal_data_requested, sender=User)
def enrollment_data(sender: type, user: User, **kwargs: Any) -> tuple[str, Any]:
    from enrollments import privacy

    return "learning", privacy.personal_data(user)


@receiver(account_erasing, sender=User)
def erase_learning_identity(sender: type, user: User, **kwargs: Any) -> None:
    from enrollments import privacy

    privacy.erase(user)


@receiver(post_save, sender=Cohort)
def offer_new_seats(sender: type, instance: Cohort, created: bool, **kwargs: Any) -> None:
    """Seats raised (or the limit lifted), in the admin, the API or a page: the waiting list
    gets them at once, first come first served."""
    if created:
        return
    from enrollments import services
    from enrollments.models import Enrollment

    cohort = instance
    if Enrollment.objects.filter(cohort=cohort, status=Enrollment.Status.WAITLISTED).exists():
        transaction.on_commit(lambda: services.promote_from_waiting_list(cohort=cohort))


@receiver(post_save, sender=Cohort)
def fix_requirements_at_close(sender: type, instance: Cohort, **kwargs: Any) -> None:
    """A closed or archived edition keeps the number of lessons it required when it closed;
    reopening it lets it follow the course again."""
    closed = instance.status in (Cohort.Status.CLOSED, Cohort.Status.ARCHIVED)
    if closed and instance.required_lessons_at_close is None:
        count = progress.live_required_lesson_count(instance)
    elif not closed and instance.required_lessons_at_close is not None:
        count = None
    else:
        return
    Cohort.objects.filter(pk=instance.pk).update(required_lessons_at_close=count)
    instance.required_lessons_at_close = count


@receiver(post_save, sender="enrollments.ModuleRelease")
@receiver(post_delete, sender="enrollments.ModuleRelease")
def release_changed(sender: type, **kwargs: Any) -> None:
    """Statements check closed modules only in courses that have some: that answer is kept a
    few seconds, and forgotten at once here when a module's opening changes."""
    from enrollments import progress

    progress.forget_releases()
