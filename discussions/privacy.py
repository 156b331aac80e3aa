"""A person's posts in their data download; erasing the account keeps the posts (the
conversation would not read without them) but no longer says whose they are."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from discussions.models import Follow, Post, PostReport, Preference, Thread


def personal_data(user: User) -> dict[str, Any]:
    posts = Post.objects.filter(author=user).select_related("thread__cohort").order_by("created_at")
    return {
        "posts": [
            {
                "post": str(post.public_id),
                "thread": post.thread.title,
                "cohort": str(post.thread.cohort.public_id),
                "reply_to": post.parent_id is not None,
                "text": post.body,
                "language": post.language,
                "written_at": post.created_at,
                "edited_at": post.edited_at,
                "hidden_at": post.hidden_at,
                "hidden_reason": post.hidden_reason,
                "deleted_at": post.deleted_at,
            }
            for post in posts
        ],
        "threads_started": [
            {"thread": str(t.public_id), "title": t.title, "started_at": t.created_at}
            for t in Thread.objects.filter(author=user).order_by("created_at")
        ],
        "threads_followed": [
            str(public_id)
            for public_id in Follow.objects.filter(user=user).values_list(
                "thread__public_id", flat=True
            )
        ],
        "emails": Preference.objects.filter(user=user).values_list("emails", flat=True).first()
        or "digest",
        "reports_made": [
            {"post": str(r.post.public_id), "reason": r.reason, "at": r.created_at}
            for r in PostReport.objects.filter(reporter=user).select_related("post")
        ],
    }


def erase(user: User) -> None:
    Post.objects.filter(author=user).update(author=None)
    Post.objects.filter(edited_by=user).update(edited_by=None)
    Thread.objects.filter(author=user).update(author=None)
    PostReport.objects.filter(reporter=user).delete()
    Follow.objects.filter(user=user).delete()
    Preference.objects.filter(user=user).delete()
