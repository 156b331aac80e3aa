"""Discussion e-mails: a post to those who follow its thread and want each one, and a daily
digest to the others, each in the recipient's language and time zone, with a one-click way
out (a link, and the List-Unsubscribe headers mail programs show as a button)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from config.mail import one_click_email
from discussions.models import EmailChoice, Follow, Post, Preference

SALT = "discussions.unsubscribe"
BATCH = 200  # digests per task: 10,000 followers are queued as 50 tasks


def unsubscribe_token(user: User) -> str:
    return signing.dumps(str(user.public_id), salt=SALT)


def unsubscribe_url(user: User, language: str) -> str:
    with translation.override(language):
        path = reverse("discussions:unsubscribe", kwargs={"token": unsubscribe_token(user)})
    return f"{settings.SITE_URL}{path}"


def user_for_token(token: str) -> User | None:
    try:
        public_id = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(public_id=public_id).first()


def _message(user: User, template: str, context: dict[str, Any]) -> EmailMessage:
    language = user.preferred_language or "es"
    with translation.override(language), timezone.override(user.shown_zone):
        out = unsubscribe_url(user, language)
        context = {**context, "person": user, "unsubscribe_url": out, "site": settings.SITE_URL}
        subject = render_to_string(f"discussions/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"discussions/email/{template}.txt", context)
    return one_click_email(to=user.email, subject=subject, body=body, unsubscribe_url=out)


def _choice(user_ids: Any) -> dict[int, str]:
    return dict(Preference.objects.filter(user_id__in=user_ids).values_list("user_id", "emails"))


def send_post(*, post_id: int) -> int:
    """The post to its thread's followers who want each one (not its author; nothing if it
    was hidden or deleted before the task ran). Returns how many were sent."""
    post = (
        Post.objects.select_related("thread__cohort", "author__member_city")
        .filter(pk=post_id, hidden_at=None, deleted_at=None)
        .first()
    )
    if post is None:
        return 0
    followers = list(
        Follow.objects.filter(thread=post.thread, user__is_active=True)
        .exclude(user_id=post.author_id or 0)
        .values_list("user_id", flat=True)
    )
    choices = _choice(followers)
    wanted = [pk for pk in followers if choices.get(pk) == EmailChoice.EACH]
    messages = []
    for user in User.objects.filter(pk__in=wanted):
        language = user.preferred_language or "es"
        with translation.override(language):
            url = settings.SITE_URL + reverse(
                "discussions:thread", kwargs={"public_id": post.thread.public_id}
            )
        messages.append(
            _message(
                user,
                "post",
                {"post": post, "thread": post.thread, "url": f"{url}#post-{post.public_id}"},
            )
        )
    if messages:
        get_connection().send_messages(messages)
    return len(messages)


def pending_digests(*, now: datetime.datetime) -> list[int]:
    """People who want the digest (the default) and follow a thread with a post since their
    last one (or the last day), by someone else, not hidden or deleted: one query."""
    since = now - datetime.timedelta(days=1)
    return list(
        Follow.objects.filter(user__is_active=True)
        .exclude(user__discussion_preference__emails__in=[EmailChoice.EACH, EmailChoice.NEVER])
        .filter(
            Q(user__discussion_preference__digest_upto__isnull=True)
            | Q(thread__last_post_at__gt=F("user__discussion_preference__digest_upto"))
        )
        .filter(thread__last_post_at__gt=since, thread__last_post_at__lte=now)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )


def send_digests(*, user_ids: list[int], now: datetime.datetime) -> int:
    """Each person's digest: the new posts of the threads they follow since their last
    digest (at most a day back), grouped by thread. Sent once per person and period."""
    day_ago = now - datetime.timedelta(days=1)
    upto = {p.user_id: p.digest_upto for p in Preference.objects.filter(user_id__in=user_ids)}
    follows: dict[int, set[int]] = defaultdict(set)
    for user_id, thread_id in Follow.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "thread_id"
    ):
        follows[user_id].add(thread_id)
    posts = list(
        Post.objects.filter(
            thread_id__in={t for threads in follows.values() for t in threads},
            created_at__gt=day_ago,
            created_at__lte=now,
            hidden_at=None,
            deleted_at=None,
        )
        .select_related("thread", "author__member_city")
        .order_by("thread_id", "created_at")
    )
    messages = []
    for user in User.objects.filter(pk__in=user_ids, is_active=True):
        since = max(upto.get(user.pk) or day_ago, day_ago)
        mine = [
            p for p in posts
            if p.thread_id in follows[user.pk] and p.created_at > since and p.author_id != user.pk
        ]  # fmt: skip
        if not mine:
            continue
        threads: dict[int, list[Post]] = defaultdict(list)
        for post in mine:
            threads[post.thread_id].append(post)
        language = user.preferred_language or "es"
        with translation.override(language):
            listed = [
                {
                    "thread": found[0].thread,
                    "posts": found,
                    "url": settings.SITE_URL
                    + reverse(
                        "discussions:thread", kwargs={"public_id": found[0].thread.public_id}
                    ),
                }
                for found in threads.values()
            ]
        messages.append(_message(user, "digest", {"threads": listed, "count": len(mine)}))
    # Where each digest stopped: two queries for the whole batch.
    Preference.objects.filter(user_id__in=user_ids).update(digest_upto=now)
    Preference.objects.bulk_create(
        [Preference(user_id=pk, digest_upto=now) for pk in user_ids if pk not in upto],
        ignore_conflicts=True,
    )
    if messages:
        get_connection().send_messages(messages)
    return len(messages)
