"""A cohort's discussions: threads on its general board or on one of its course's lessons or
modules, posts and one level of replies, reports of posts, and what moderators did.

A thread's place is the translation key of the lesson or module it is about (all languages
of a page share it, as progress does) or none for the general board.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.validators import no_bidi_controls

MAX_TITLE = 200
MAX_BODY = 10_000


class ThreadQuerySet(models.QuerySet["Thread"]):
    def listed(self) -> ThreadQuerySet:
        """As boards list them: pinned first, then by latest post, with their authors and the
        number of visible replies, in a fixed number of queries."""
        return (
            self.select_related("author__member_city")
            .prefetch_related("author__member_city__translations")
            .annotate(
                replies=models.Count(
                    "posts", filter=Q(posts__hidden_at=None, posts__deleted_at=None)
                )
                - 1
            )
            .order_by("-pinned", "-last_post_at", "pk")
        )


class Thread(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cohort = models.ForeignKey(
        "courses.Cohort", related_name="threads", on_delete=models.CASCADE, editable=False
    )
    # The lesson's or module's translation key; empty for the general board.
    topic_key = models.UUIDField(null=True, blank=True)
    title = models.CharField(_("title"), max_length=MAX_TITLE, validators=[no_bidi_controls])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked_at = models.DateTimeField(null=True, blank=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [models.Index(fields=["cohort", "topic_key", "-last_post_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class Post(models.Model):
    """The thread's opening post is its first without a parent; a reply has a parent, which
    has none (one level of replies)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    thread = models.ForeignKey(Thread, related_name="posts", on_delete=models.CASCADE)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="replies", on_delete=models.CASCADE
    )
    # `discussion_posts`: an edition's completion rule counts them (enrollments.progress).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        related_name="discussion_posts",
        on_delete=models.SET_NULL,
    )
    # What the author wrote (Markdown), and its safe HTML.
    body = models.TextField(_("text"), max_length=MAX_BODY, validators=[no_bidi_controls])
    html = models.TextField(editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(max_length=500, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # The form's (or the API's Idempotency-Key): the same submission twice makes one post.
    creation_key = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["thread", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "creation_key"],
                condition=~Q(creation_key=""),
                name="one_post_per_creation_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.thread} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class PostReport(models.Model):
    post = models.ForeignKey(Post, related_name="reports", on_delete=models.CASCADE)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE
    )
    reason = models.CharField(_("reason"), max_length=500, validators=[no_bidi_controls])
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_person")
        ]


class ModerationAction(models.Model):
    """Everything moderators do, kept."""

    class Kind(models.TextChoices):
        PIN = "pin", _("Pinned the thread")
        UNPIN = "unpin", _("Unpinned the thread")
        LOCK = "lock", _("Locked the thread")
        UNLOCK = "unlock", _("Unlocked the thread")
        MOVE = "move", _("Moved the thread")
        HIDE = "hide", _("Hid a post")
        SHOW = "show", _("Showed a post again")
        EDIT = "edit", _("Edited a post")
        DISMISS = "dismiss", _("Dismissed the reports of a post")

    cohort = models.ForeignKey("courses.Cohort", related_name="+", on_delete=models.CASCADE)
    thread = models.ForeignKey(Thread, related_name="+", on_delete=models.CASCADE)
    post = models.ForeignKey(Post, null=True, related_name="+", on_delete=models.CASCADE)
    kind = models.CharField(max_length=16, choices=Kind)
    reason = models.CharField(max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]


class Follow(models.Model):
    """Who is told of new posts in a thread: anyone who posted in it, and anyone who asked."""

    thread = models.ForeignKey(Thread, related_name="follows", on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="one_follow")]


class EmailChoice(models.TextChoices):
    EACH = "each", _("An e-mail for each new post")
    DIGEST = "digest", _("One e-mail a day with the new posts")
    NEVER = "never", _("No e-mail")


class Preference(models.Model):
    """A person's choice of discussion e-mails (the daily digest when they never chose), and
    how far their digest has gone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, related_name="discussion_preference", on_delete=models.CASCADE
    )
    emails = models.CharField(
        _("Discussion e-mails"), max_length=8, choices=EmailChoice, default=EmailChoice.DIGEST
    )
    digest_upto = models.DateTimeField(null=True, blank=True)
