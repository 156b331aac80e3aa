"""Discussion use cases: who may read and moderate, starting threads, posting, and what
moderators and authors do to posts. Every refusal is a translated ValidationError with a code
(`enrollments.errors.Conflict`, `NotAllowed`, `Throttled`)."""

from __future__ import annotations

import datetime
import uuid
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import User
from courses.models import Cohort
from discussions.markdown import render
from discussions.models import (
    MAX_BODY,
    EmailChoice,
    Follow,
    ModerationAction,
    Post,
    PostReport,
    Preference,
    Thread,
)
from enrollments.errors import Conflict, NotAllowed
from enrollments.models import Enrollment

# At most this many posts per person per minute: enough for a conversation, not for a flood.
POSTS_PER_MINUTE = 6


class Throttled(ValidationError):
    """Posting faster than POSTS_PER_MINUTE; `wait` seconds until the next may go."""

    def __init__(self, wait: int) -> None:
        super().__init__(
            _("You are posting too fast: wait a minute, then send it again."), code="throttled"
        )
        self.wait = wait


def is_member(user: Any, cohort: Cohort) -> bool:
    return (
        user.is_authenticated
        and Enrollment.objects.filter(
            cohort=cohort, learner=user, status__in=Enrollment.HOLDING_A_SEAT
        ).exists()
    )


def can_moderate(user: Any, cohort: Cohort) -> bool:
    """The cohort's trainers, its delegation's coordinators and site admins."""
    return user.is_authenticated and access.can_follow_cohort(user, cohort)


def can_read(user: Any, cohort: Cohort) -> bool:
    """Only people in the cohort: its learners, trainers and coordinators."""
    return can_moderate(user, cohort) or is_member(user, cohort)


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write something first: the post is empty.")})
    if len(body) > MAX_BODY:
        raise ValidationError(
            {
                "body": _("A post holds at most %(max)d characters; this one has %(n)d.")
                % {"max": MAX_BODY, "n": len(body)}
            }
        )
    return body


def _check_rate(author: User) -> None:
    now = timezone.now()
    recent = list(
        Post.objects.filter(author=author, created_at__gt=now - datetime.timedelta(minutes=1))
        .order_by("created_at")
        .values_list("created_at", flat=True)[:POSTS_PER_MINUTE]
    )
    if len(recent) >= POSTS_PER_MINUTE:
        wait = 60 - int((now - recent[0]).total_seconds())
        raise Throttled(max(1, wait))


def _language(language: str) -> str:
    from django.conf import settings

    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else (translation.get_language() or "es")[:2]


def _existing(author: User, key: str) -> Post | None:
    if not key:
        return None
    return Post.objects.select_related("thread").filter(author=author, creation_key=key).first()


@transaction.atomic
def start_thread(
    *,
    cohort: Cohort,
    author: User,
    title: str,
    body: str,
    topic_key: uuid.UUID | None = None,
    language: str = "",
    key: str = "",
) -> Thread:
    """A new thread with its opening post. The same `key` again returns the same thread."""
    if (earlier := _existing(author, key)) is not None:
        return earlier.thread
    if not can_read(author, cohort):
        raise NotAllowed(_("Only people in the cohort take part in its discussions."))
    title = (title or "").strip()
    errors: dict[str, Any] = {}
    if not title:
        errors["title"] = _("Give the thread a title.")
    try:
        body = _clean_body(body)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    if topic_key is not None and topic_key not in topic_keys(cohort):
        raise ValidationError({"topic": _("That lesson or module is not part of this course.")})
    _check_rate(author)
    now = timezone.now()
    thread = Thread(
        cohort=cohort, topic_key=topic_key, title=title, author=author, created_at=now,
        last_post_at=now,
    )  # fmt: skip
    thread.full_clean(exclude=["cohort", "author"])
    thread.save()
    post = Post(
        thread=thread, author=author, body=body, html=render(body), language=_language(language),
        created_at=now, creation_key=key,
    )  # fmt: skip
    try:
        with transaction.atomic():
            post.save()
    except IntegrityError:
        # The same submission, a moment earlier from another request: keep that one.
        transaction.set_rollback(True)
        earlier = _existing(author, key)
        if earlier is None:
            raise
        return earlier.thread
    follow(thread=thread, user=author)
    _count_towards_completion(cohort=cohort, author=author)
    return thread


@transaction.atomic
def reply(
    *,
    thread: Thread,
    author: User,
    body: str,
    parent: Post | None = None,
    language: str = "",
    key: str = "",
) -> Post:
    """A post in the thread, or a reply to one of its posts (a reply to a reply joins the
    same post's replies). The same `key` again returns the same post."""
    if (earlier := _existing(author, key)) is not None:
        return earlier
    thread = Thread.objects.select_for_update().select_related("cohort").get(pk=thread.pk)
    if not can_read(author, thread.cohort):
        raise NotAllowed(_("Only people in the cohort take part in its discussions."))
    if thread.is_locked:
        raise Conflict(_("This thread is locked: it takes no more replies."), code="locked")
    if parent is not None:
        if parent.thread_id != thread.pk:
            raise ValidationError({"parent": _("That post is in another thread.")})
        if parent.parent_id is not None:
            parent = parent.parent
        assert parent is not None
        if parent.is_hidden or parent.is_deleted:
            raise Conflict(
                _("That post was hidden or deleted: it takes no replies."), code="hidden"
            )
    body = _clean_body(body)
    _check_rate(author)
    now = timezone.now()
    post = Post(
        thread=thread, parent=parent, author=author, body=body, html=render(body),
        language=_language(language), created_at=now, creation_key=key,
    )  # fmt: skip
    try:
        with transaction.atomic():
            post.save()
    except IntegrityError:
        earlier = _existing(author, key)
        if earlier is None:
            raise
        return earlier
    Thread.objects.filter(pk=thread.pk).update(last_post_at=now)
    follow(thread=thread, user=author)
    from discussions import tasks

    tasks.send_post.delay_on_commit(post.pk)
    _count_towards_completion(cohort=thread.cohort, author=author)
    return post


def _count_towards_completion(*, cohort: Cohort, author: User) -> None:
    """Where the edition asks for posts, writing one may complete it."""
    if not cohort.min_discussion_posts:
        return
    from enrollments import progress

    for enrollment_id in Enrollment.objects.filter(
        cohort=cohort, learner=author, status=Enrollment.Status.ACTIVE
    ).values_list("pk", flat=True):
        transaction.on_commit(partial(progress.refresh_completion, enrollment_id=enrollment_id))


def follow(*, thread: Thread, user: User) -> None:
    Follow.objects.get_or_create(thread=thread, user=user)


def unfollow(*, thread: Thread, user: User) -> None:
    Follow.objects.filter(thread=thread, user=user).delete()


def set_emails(*, user: User, emails: str) -> None:
    if emails not in EmailChoice.values:
        raise ValidationError({"emails": _("Choose one of the options.")})
    Preference.objects.update_or_create(user=user, defaults={"emails": emails})


def emails_of(user: User) -> str:
    found = Preference.objects.filter(user=user).values_list("emails", flat=True).first()
    return found or EmailChoice.DIGEST


def _record(
    *, thread: Thread, kind: str, actor: User, post: Post | None = None, reason: str = ""
) -> None:
    ModerationAction.objects.create(
        cohort_id=thread.cohort_id, thread=thread, post=post, kind=kind, actor=actor, reason=reason
    )


def _moderator(user: User, thread: Thread) -> None:
    if not can_moderate(user, thread.cohort):
        raise NotAllowed(_("Only the cohort's trainers and coordinators moderate."))


@transaction.atomic
def edit_post(*, post: Post, by: User, body: str) -> Post:
    """Its author, or a moderator (recorded); the post then shows it was edited."""
    post = Post.objects.select_for_update().select_related("thread__cohort").get(pk=post.pk)
    if post.author_id != by.pk:
        _moderator(by, post.thread)
    if post.is_deleted:
        raise Conflict(_("That post was deleted."), code="deleted")
    body = _clean_body(body)
    if body == post.body:
        return post
    post.body, post.html = body, render(body)
    post.edited_at, post.edited_by = timezone.now(), by
    post.save(update_fields=["body", "html", "edited_at", "edited_by"])
    if post.author_id != by.pk:
        _record(thread=post.thread, kind=ModerationAction.Kind.EDIT, actor=by, post=post)
    return post


@transaction.atomic
def hide_post(*, post: Post, by: User, reason: str) -> Post:
    """Hidden from the cohort, with a reason its author sees; again, nothing changes."""
    post = Post.objects.select_for_update().select_related("thread__cohort").get(pk=post.pk)
    _moderator(by, post.thread)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why: the author will read it.")})
    if post.is_hidden:
        return post
    post.hidden_at, post.hidden_reason = timezone.now(), reason[:500]
    post.save(update_fields=["hidden_at", "hidden_reason"])
    PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
    _record(thread=post.thread, kind=ModerationAction.Kind.HIDE, actor=by, post=post, reason=reason)
    return post


@transaction.atomic
def show_post(*, post: Post, by: User) -> Post:
    post = Post.objects.select_for_update().select_related("thread__cohort").get(pk=post.pk)
    _moderator(by, post.thread)
    if not post.is_hidden:
        return post
    post.hidden_at, post.hidden_reason = None, ""
    post.save(update_fields=["hidden_at", "hidden_reason"])
    _record(thread=post.thread, kind=ModerationAction.Kind.SHOW, actor=by, post=post)
    return post


@transaction.atomic
def delete_post(*, post: Post, by: User) -> Post:
    """Its author deletes it: the text goes, a mark stays (moderators see it was deleted)."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.author_id != by.pk:
        raise NotAllowed(_("Only its author deletes a post."))
    if post.is_deleted:
        return post
    post.deleted_at, post.body, post.html = timezone.now(), "", ""
    post.save(update_fields=["deleted_at", "body", "html"])
    return post


@transaction.atomic
def report_post(*, post: Post, by: User, reason: str) -> PostReport:
    """A participant tells the moderators; once per person and post."""
    post = Post.objects.select_related("thread__cohort").get(pk=post.pk)
    if not can_read(by, post.thread.cohort):
        raise NotAllowed(_("Only people in the cohort take part in its discussions."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say what is wrong with the post.")})
    report, _created = PostReport.objects.get_or_create(
        post=post, reporter=by, defaults={"reason": reason[:500]}
    )
    return report


@transaction.atomic
def dismiss_reports(*, post: Post, by: User) -> int:
    post = Post.objects.select_related("thread__cohort").get(pk=post.pk)
    _moderator(by, post.thread)
    n = PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
    if n:
        _record(thread=post.thread, kind=ModerationAction.Kind.DISMISS, actor=by, post=post)
    return n


@transaction.atomic
def moderate_thread(
    *, thread: Thread, by: User, action: str, topic_key: uuid.UUID | None = None
) -> Thread:
    """pin, unpin, lock, unlock, or move (to `topic_key`, None for the general board)."""
    thread = Thread.objects.select_for_update().select_related("cohort").get(pk=thread.pk)
    _moderator(by, thread)
    kinds = ModerationAction.Kind
    if action == kinds.MOVE:
        if topic_key is not None and topic_key not in topic_keys(thread.cohort):
            raise ValidationError({"topic": _("That lesson or module is not part of this course.")})
        if thread.topic_key == topic_key:
            return thread
        thread.topic_key = topic_key
    elif action in (kinds.PIN, kinds.UNPIN):
        if thread.pinned == (action == kinds.PIN):
            return thread
        thread.pinned = action == kinds.PIN
    elif action in (kinds.LOCK, kinds.UNLOCK):
        if thread.is_locked == (action == kinds.LOCK):
            return thread
        thread.locked_at = timezone.now() if action == kinds.LOCK else None
    else:
        raise ValidationError({"action": _("Unknown action.")})
    thread.save(update_fields=["topic_key", "pinned", "locked_at"])
    _record(thread=thread, kind=action, actor=by)
    return thread


# Topics: the course's modules and lessons ------------------------------------------------------


def topics(cohort: Cohort) -> list[dict[str, Any]]:
    """The course's modules and their lessons, in order, titled in the reader's language
    where a translation is live: [{"key", "title", "kind", "level"}]. Two queries."""
    from wagtail.models import Locale

    from cms.models import CoursePage, LessonPage, ModulePage

    course_page = (
        CoursePage.objects.filter(course_id=cohort.course_id, locale=Locale.get_default())
        .only("path", "depth")
        .first()
    )
    if course_page is None:
        return []
    pages = list(
        course_page.get_descendants()
        .type(ModulePage, LessonPage)
        .live()
        .filter(locale=Locale.get_default())
        .specific()
        .order_by("path")
    )
    titles: dict[Any, str] = {}
    active = Locale.get_active()
    if active.pk != Locale.get_default().pk:
        from wagtail.models import Page

        titles = dict(
            Page.objects.live()
            .filter(locale=active, translation_key__in=[p.translation_key for p in pages])
            .values_list("translation_key", "title")
        )
    return [
        {
            "key": page.translation_key,
            "title": titles.get(page.translation_key, page.title),
            "kind": "module" if isinstance(page, ModulePage) else "lesson",
        }
        for page in pages
    ]


def topic_keys(cohort: Cohort) -> set[uuid.UUID]:
    return {topic["key"] for topic in topics(cohort)}
