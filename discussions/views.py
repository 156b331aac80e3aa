"""Discussion pages. They work without JavaScript: every form posts and redirects."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.models import User
from courses.models import Cohort
from discussions import services
from discussions.forms import GENERAL, EditForm, EmailsForm, PostForm, ReasonForm, ThreadForm
from discussions.models import Follow, ModerationAction, Post, PostReport, Thread
from enrollments.refusals import forbidden

THREADS_PER_PAGE = 20
NOT_IN = _("Only people in the cohort take part in its discussions.")


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _language() -> str:
    return (translation.get_language() or "es")[:2]


def _errors_on(form: Any, refusal: ValidationError) -> None:
    errors = refusal.message_dict if hasattr(refusal, "error_dict") else {"": refusal.messages}
    for field, texts in errors.items():
        for text in texts:
            form.add_error(field if field in form.fields else None, text)


def _cohort_or_refusal(request: HttpRequest, public_id: Any) -> tuple[Cohort | None, Any]:
    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    if not services.can_read(request.user, cohort):
        return None, forbidden(request, str(NOT_IN))
    return cohort, None


@login_required
def board(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    cohort, refusal = _cohort_or_refusal(request, public_id)
    if cohort is None:
        return refusal  # type: ignore[no-any-return]
    user = _user(request)
    topics = services.topics(cohort)
    titles = {str(t["key"]): t["title"] for t in topics}
    chosen = request.GET.get("topic", "")
    form = ThreadForm(
        request.POST or None,
        topics=topics,
        language=_language(),
        initial={"topic": chosen if chosen in titles else GENERAL},
    )
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.start_thread(
                cohort=cohort,
                author=user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                topic_key=form.topic_key(),
                language=form.cleaned_data["language"],
                key=form.cleaned_data["key"],
            )
        except ValidationError as refused:
            _errors_on(form, refused)
        else:
            return redirect("discussions:thread", public_id=thread.public_id)
    threads = Thread.objects.filter(cohort=cohort).listed()
    if chosen == GENERAL:
        threads = threads.filter(topic_key=None)
    elif chosen in titles:
        threads = threads.filter(topic_key=chosen)
    listing = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    moderator = services.can_moderate(user, cohort)
    open_reports = (
        PostReport.objects.filter(post__thread__cohort=cohort, resolved_at=None).count()
        if moderator
        else 0
    )
    return render(
        request,
        "discussions/board.html",
        {
            "cohort": cohort,
            "topics": topics,
            "titles": titles,
            "chosen": chosen,
            "chosen_title": titles.get(chosen, ""),
            "listing": listing,
            "threads": [(t, titles.get(str(t.topic_key), "")) for t in listing.object_list],
            "form": form,
            "moderator": moderator,
            "open_reports": open_reports,
            "topic_query": f"topic={chosen}" if chosen else "",
        },
        status=400 if request.method == "POST" else 200,
    )


def _thread(request: HttpRequest, public_id: Any) -> tuple[Thread | None, Any]:
    thread = get_object_or_404(
        Thread.objects.select_related("cohort__course", "author"), public_id=public_id
    )
    if not services.can_read(request.user, thread.cohort):
        return None, forbidden(request, str(NOT_IN))
    return thread, None


@login_required
def thread_page(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    thread, refusal = _thread(request, public_id)
    if thread is None:
        return refusal  # type: ignore[no-any-return]
    user = _user(request)
    posts = list(
        Post.objects.filter(thread=thread)
        .select_related("author__member_city")
        .prefetch_related("author__member_city__translations")
        .order_by("created_at", "pk")
    )
    by_id = {post.pk: post for post in posts}
    top: list[Post] = []
    for post in posts:
        post.children = []  # type: ignore[attr-defined]
    for post in posts:
        if post.parent_id and post.parent_id in by_id:
            by_id[post.parent_id].children.append(post)  # type: ignore[attr-defined]
        else:
            top.append(post)
    replying_to = None
    if (wanted := request.GET.get("reply") or request.POST.get("parent")) is not None:
        replying_to = next((p for p in top if str(p.public_id) == wanted), None)
    form = PostForm(request.POST or None, language=_language())
    if request.method == "POST" and form.is_valid():
        try:
            post = services.reply(
                thread=thread,
                author=user,
                body=form.cleaned_data["body"],
                parent=replying_to,
                language=form.cleaned_data["language"],
                key=form.cleaned_data["key"],
            )
        except services.Throttled as refused:
            form.add_error(None, refused.messages[0])
        except ValidationError as refused:
            _errors_on(form, refused)
        else:
            return redirect(f"{thread_url(thread)}#post-{post.public_id}")
    moderator = services.can_moderate(user, thread.cohort)
    topics = services.topics(thread.cohort) if moderator else []
    topic_title = ""
    if thread.topic_key:
        topic_title = next(
            (t["title"] for t in (topics or services.topics(thread.cohort))
             if t["key"] == thread.topic_key),
            "",
        )  # fmt: skip
    return render(
        request,
        "discussions/thread.html",
        {
            "thread": thread,
            "cohort": thread.cohort,
            "posts": top,
            "form": form,
            "replying_to": replying_to,
            "moderator": moderator,
            "topics": topics,
            "topic_title": topic_title,
            "language": _language(),
            "following": Follow.objects.filter(thread=thread, user=user).exists(),
            # The posts' links, built once rather than reversed for each of 500 posts.
            "posts_url": reverse("discussions:edit", kwargs={"public_id": thread.public_id})
            .removesuffix("/edit/")
            .removesuffix(str(thread.public_id)),
        },
        status=400 if request.method == "POST" else 200,
    )


def thread_url(thread: Thread) -> str:
    return reverse("discussions:thread", kwargs={"public_id": thread.public_id})


@login_required
@require_POST
def moderate(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    thread = get_object_or_404(Thread.objects.select_related("cohort"), public_id=public_id)
    topic = request.POST.get("topic") or GENERAL
    try:
        services.moderate_thread(
            thread=thread,
            by=_user(request),
            action=request.POST.get("action", ""),
            topic_key=None if topic == GENERAL else uuid.UUID(topic),
        )
    except ValueError:
        messages.error(request, _("Choose a lesson or module of the list."))
    except ValidationError as refused:
        if not services.can_moderate(request.user, thread.cohort):
            return forbidden(request, " ".join(refused.messages))
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("Done."))
    return redirect(thread_url(thread))


def _post(request: HttpRequest, public_id: Any) -> tuple[Post | None, Any]:
    post = get_object_or_404(
        Post.objects.select_related("thread__cohort", "author"), public_id=public_id
    )
    if not services.can_read(request.user, post.thread.cohort):
        return None, forbidden(request, str(NOT_IN))
    return post, None


@login_required
def edit_post(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    post, refusal = _post(request, public_id)
    if post is None:
        return refusal  # type: ignore[no-any-return]
    user = _user(request)
    if post.author_id != user.pk and not services.can_moderate(user, post.thread.cohort):
        return forbidden(request, _("Only its author or a moderator edits a post."))
    form = EditForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(post=post, by=user, body=form.cleaned_data["body"])
        except ValidationError as refused:
            _errors_on(form, refused)
        else:
            return redirect(f"{thread_url(post.thread)}#post-{post.public_id}")
    return render(
        request,
        "discussions/post_action.html",
        {"post": post, "form": form, "action": "edit", "title": _("Edit the post")},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def hide_post(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    post, refusal = _post(request, public_id)
    if post is None:
        return refusal  # type: ignore[no-any-return]
    user = _user(request)
    if not services.can_moderate(user, post.thread.cohort):
        return forbidden(request, _("Only the cohort's trainers and coordinators moderate."))
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.hide_post(post=post, by=user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The post is hidden; its author sees why."))
        return redirect(f"{thread_url(post.thread)}#post-{post.public_id}")
    return render(
        request,
        "discussions/post_action.html",
        {
            "post": post,
            "form": form,
            "action": "hide",
            "title": _("Hide the post"),
            "help": _("The cohort will no longer see it. Its author sees it with your reason."),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def show_post(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    post, refusal = _post(request, public_id)
    if post is None:
        return refusal  # type: ignore[no-any-return]
    try:
        services.show_post(post=post, by=_user(request))
    except ValidationError as refused:
        return forbidden(request, " ".join(refused.messages))
    return redirect(f"{thread_url(post.thread)}#post-{post.public_id}")


@login_required
@require_POST
def delete_post(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    post, refusal = _post(request, public_id)
    if post is None:
        return refusal  # type: ignore[no-any-return]
    try:
        services.delete_post(post=post, by=_user(request))
    except ValidationError as refused:
        return forbidden(request, " ".join(refused.messages))
    messages.success(request, _("Your post is deleted."))
    return redirect(thread_url(post.thread))


@login_required
def report_post(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    post, refusal = _post(request, public_id)
    if post is None:
        return refusal  # type: ignore[no-any-return]
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_post(post=post, by=_user(request), reason=form.cleaned_data["reason"])
        messages.success(request, _("Thank you: the cohort's trainers will look at it."))
        return redirect(f"{thread_url(post.thread)}#post-{post.public_id}")
    return render(
        request,
        "discussions/post_action.html",
        {
            "post": post,
            "form": form,
            "action": "report",
            "title": _("Report the post"),
            "help": _(
                "Tell the cohort's trainers what is wrong with it. Its author is not told who."
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def follow(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    thread, refusal = _thread(request, public_id)
    if thread is None:
        return refusal  # type: ignore[no-any-return]
    if request.POST.get("follow") == "0":
        services.unfollow(thread=thread, user=_user(request))
        messages.success(request, _("You no longer follow this thread."))
    else:
        services.follow(thread=thread, user=_user(request))
        messages.success(request, _("You follow this thread: new posts reach you by e-mail."))
    return redirect(thread_url(thread))


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """How a person wants to hear of new posts in the threads they follow."""
    user = _user(request)
    form = EmailsForm(request.POST or None, initial={"emails": services.emails_of(user)})
    if request.method == "POST" and form.is_valid():
        services.set_emails(user=user, emails=form.cleaned_data["emails"])
        messages.success(request, _("Your choice is saved."))
        return redirect("discussions:preferences")
    return render(request, "discussions/preferences.html", {"form": form})


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """From an e-mail: the link shows one button; mail programs post here directly
    (List-Unsubscribe-Post, RFC 8058). The signed token is the key, no sign-in needed."""
    from discussions.emails import user_for_token

    user = user_for_token(token)
    if user is None:
        return render(request, "discussions/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        services.set_emails(user=user, emails="never")
        return render(request, "discussions/unsubscribe.html", {"done": True})
    return render(request, "discussions/unsubscribe.html", {"token": token})


@login_required
def reports(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The cohort's moderators: posts reported and not yet dealt with, and what was done."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), public_id=public_id)
    user = _user(request)
    if not services.can_moderate(user, cohort):
        return forbidden(request, _("Only the cohort's trainers and coordinators moderate."))
    if request.method == "POST":
        post = get_object_or_404(
            Post.objects.select_related("thread__cohort"),
            public_id=request.POST.get("post"),
            thread__cohort=cohort,
        )
        services.dismiss_reports(post=post, by=user)
        messages.success(request, _("The reports are dismissed; the post stays."))
        return redirect("discussions:reports", public_id=cohort.public_id)
    reported = list(
        Post.objects.filter(
            Exists(PostReport.objects.filter(post=OuterRef("pk"), resolved_at=None)),
            thread__cohort=cohort,
        )
        .select_related("thread", "author__member_city")
        .prefetch_related("reports", "author__member_city__translations")
        .order_by("created_at")
    )
    log = (
        ModerationAction.objects.filter(cohort=cohort)
        .select_related("actor__member_city", "thread")
        .prefetch_related("actor__member_city__translations")[:50]
    )
    return render(
        request,
        "discussions/reports.html",
        {"cohort": cohort, "reported": reported, "log": log},
    )
