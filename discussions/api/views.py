"""The discussions API: only people in the cohort read and write its discussions; its
trainers and coordinators moderate."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api import IDEMPOTENCY_KEY, current_user, idempotency_key
from config.schema import errors
from courses.models import Cohort
from discussions import services
from discussions.api.serializers import (
    EditSerializer,
    ModerateSerializer,
    PostReasonSerializer,
    PostSerializer,
    PostWriteSerializer,
    ReportedPostSerializer,
    ThreadDetailSerializer,
    ThreadSerializer,
    ThreadWriteSerializer,
)
from discussions.models import Post, Thread
from enrollments.errors import Conflict

NOT_IN = "Not in the cohort (its learners, trainers and coordinators only)."


def _readable_cohort(request: Request, public_id: Any) -> Cohort:
    cohort = get_object_or_404(Cohort, public_id=public_id)
    if not services.can_read(request.user, cohort):
        raise exceptions.PermissionDenied(
            _("Only people in the cohort take part in its discussions.")
        )
    return cohort


def _same_key_other_body(request: Request, key: str, body: str) -> None:
    if not key:
        return
    earlier = Post.objects.filter(author=current_user(request), creation_key=key).first()
    if earlier is not None and earlier.body != body.strip():
        raise Conflict(
            _("This Idempotency-Key was sent before with another text; send a new key."),
            code="idempotency_key_reused",
        )


def _throttled(refusal: services.Throttled) -> exceptions.Throttled:
    return exceptions.Throttled(wait=refusal.wait, detail=refusal.messages[0])


class ThreadListView(generics.GenericAPIView):
    """A cohort's threads, pinned first then by latest post; `?topic=` one lesson's or
    module's, `?topic=general` the general board's."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ThreadSerializer

    def get_queryset(self) -> QuerySet[Thread]:
        return Thread.objects.none()

    @extend_schema(
        parameters=[OpenApiParameter("topic", str, description="A translation key, or general")]
    )
    @errors({403: NOT_IN, 404: "No such cohort."})
    def get(self, request: Request, public_id: Any) -> Response:
        cohort = _readable_cohort(request, public_id)
        threads = Thread.objects.filter(cohort=cohort).listed()
        topic = request.query_params.get("topic")
        if topic == "general":
            threads = threads.filter(topic_key=None)
        elif topic:
            import uuid

            try:
                threads = threads.filter(topic_key=uuid.UUID(topic))
            except ValueError as error:
                raise exceptions.ValidationError(
                    {"topic": [_("Give a lesson's or module's key, or general.")]}
                ) from error
        page = self.paginate_queryset(threads)
        return self.get_paginated_response(ThreadSerializer(page, many=True).data)

    @extend_schema(
        request=ThreadWriteSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: ThreadDetailSerializer,
            200: OpenApiResponse(ThreadDetailSerializer, description="The same key again."),
        },
    )
    @errors(
        {
            403: NOT_IN,
            404: "No such cohort.",
            409: "The Idempotency-Key was sent with another text.",
            429: "Posting too fast: wait as Retry-After says.",
        }
    )
    def post(self, request: Request, public_id: Any) -> Response:
        cohort = _readable_cohort(request, public_id)
        body = ThreadWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        key = idempotency_key(request)
        _same_key_other_body(request, key, data["body"])
        existed = (
            bool(key)
            and Post.objects.filter(author=current_user(request), creation_key=key).exists()
        )
        try:
            thread = services.start_thread(
                cohort=cohort,
                author=current_user(request),
                title=data["title"],
                body=data["body"],
                topic_key=data.get("topic"),
                language=data.get("language", ""),
                key=key,
            )
        except services.Throttled as refused:
            raise _throttled(refused) from refused
        return _thread_response(
            request, thread, status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        )


def _thread_response(request: Request, thread: Thread, code: int = 200) -> Response:
    thread = Thread.objects.listed().select_related("cohort").get(pk=thread.pk)
    posts = list(
        Post.objects.filter(thread=thread)
        .select_related("author__member_city", "parent")
        .prefetch_related("author__member_city__translations")
        .order_by("created_at", "pk")
    )
    context = {
        "posts": posts,
        "viewer": request.user,
        "moderator": services.can_moderate(request.user, thread.cohort),
    }
    return Response(ThreadDetailSerializer(thread, context=context).data, status=code)


def _readable_thread(request: Request, public_id: Any) -> Thread:
    thread = get_object_or_404(Thread.objects.select_related("cohort"), public_id=public_id)
    if not services.can_read(request.user, thread.cohort):
        raise exceptions.PermissionDenied(
            _("Only people in the cohort take part in its discussions.")
        )
    return thread


class ThreadView(APIView):
    """A thread with its posts (hidden ones without their text, but for their author and the
    moderators)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=ThreadDetailSerializer)
    @errors({403: NOT_IN, 404: "No such thread."})
    def get(self, request: Request, public_id: Any) -> Response:
        return _thread_response(request, _readable_thread(request, public_id))


class ThreadPostsView(APIView):
    """Posts in the thread, or a reply to one of its posts (`parent`)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=PostWriteSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={
            201: PostSerializer,
            200: OpenApiResponse(PostSerializer, description="The same key again."),
        },
    )
    @errors(
        {
            403: NOT_IN,
            404: "No such thread.",
            409: "The thread is locked, the post replied to is hidden, or the "
            "Idempotency-Key was sent with another text.",
            429: "Posting too fast: wait as Retry-After says.",
        }
    )
    def post(self, request: Request, public_id: Any) -> Response:
        thread = _readable_thread(request, public_id)
        body = PostWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        parent = None
        if data.get("reply_to"):
            parent = Post.objects.filter(public_id=data["reply_to"], thread=thread).first()
            if parent is None:
                raise exceptions.ValidationError(
                    {"reply_to": [_("That post is in another thread.")]}
                )
        key = idempotency_key(request)
        _same_key_other_body(request, key, data["body"])
        existed = (
            bool(key)
            and Post.objects.filter(author=current_user(request), creation_key=key).exists()
        )
        try:
            post = services.reply(
                thread=thread,
                author=current_user(request),
                body=data["body"],
                parent=parent,
                language=data.get("language", ""),
                key=key,
            )
        except services.Throttled as refused:
            raise _throttled(refused) from refused
        return Response(
            PostSerializer(post, context={"viewer": request.user}).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )


class ModerateThreadView(APIView):
    """Pin, unpin, lock, unlock, or move a thread: the cohort's trainers and coordinators."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=ModerateSerializer, responses=ThreadSerializer)
    @errors({403: "Not one of the cohort's moderators.", 404: "No such thread."})
    def post(self, request: Request, public_id: Any) -> Response:
        thread = _readable_thread(request, public_id)
        body = ModerateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        thread = services.moderate_thread(
            thread=thread,
            by=current_user(request),
            action=body.validated_data["action"],
            topic_key=body.validated_data.get("topic"),
        )
        return _thread_response(request, thread)


def _readable_post(request: Request, public_id: Any) -> Post:
    post = get_object_or_404(
        Post.objects.select_related("thread__cohort", "author"), public_id=public_id
    )
    if not services.can_read(request.user, post.thread.cohort):
        raise exceptions.PermissionDenied(
            _("Only people in the cohort take part in its discussions.")
        )
    return post


class PostView(APIView):
    """Its author (or a moderator) edits a post; its author deletes it."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=EditSerializer, responses=PostSerializer)
    @errors({403: "Neither its author nor a moderator.", 404: "No such post.", 409: "Deleted."})
    def patch(self, request: Request, public_id: Any) -> Response:
        post = _readable_post(request, public_id)
        body = EditSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        post = services.edit_post(
            post=post, by=current_user(request), body=body.validated_data["body"]
        )
        return Response(PostSerializer(post, context={"viewer": request.user}).data)

    @extend_schema(request=None, responses={204: None})
    @errors({403: "Not its author.", 404: "No such post."})
    def delete(self, request: Request, public_id: Any) -> Response:
        services.delete_post(post=_readable_post(request, public_id), by=current_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class HidePostView(APIView):
    """A moderator hides a post, with a reason its author sees."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=PostReasonSerializer, responses=PostSerializer)
    @errors({403: "Not one of the cohort's moderators.", 404: "No such post."})
    def post(self, request: Request, public_id: Any) -> Response:
        post = _readable_post(request, public_id)
        body = PostReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        post = services.hide_post(
            post=post, by=current_user(request), reason=body.validated_data["reason"]
        )
        return Response(
            PostSerializer(post, context={"viewer": request.user, "moderator": True}).data
        )


class ReportPostView(APIView):
    """A participant reports a post to the cohort's moderators (once)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=PostReasonSerializer, responses={201: None})
    @errors({403: NOT_IN, 404: "No such post."})
    def post(self, request: Request, public_id: Any) -> Response:
        post = _readable_post(request, public_id)
        body = PostReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.report_post(
            post=post, by=current_user(request), reason=body.validated_data["reason"]
        )
        return Response(status=status.HTTP_201_CREATED)


class ShowPostView(APIView):
    """A moderator shows a hidden post again."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=PostSerializer)
    @errors({403: "Not one of the cohort's moderators.", 404: "No such post."})
    def post(self, request: Request, public_id: Any) -> Response:
        post = services.show_post(post=_readable_post(request, public_id), by=current_user(request))
        return Response(
            PostSerializer(post, context={"viewer": request.user, "moderator": True}).data
        )


class DismissReportsView(APIView):
    """A moderator dismisses a post's open reports: the post stays."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    @errors({403: "Not one of the cohort's moderators.", 404: "No such post."})
    def post(self, request: Request, public_id: Any) -> Response:
        services.dismiss_reports(post=_readable_post(request, public_id), by=current_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReportedPostsView(generics.GenericAPIView):
    """The cohort's reported posts not yet dealt with, for its moderators, with the reasons."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ReportedPostSerializer

    def get_queryset(self) -> QuerySet[Post]:
        return Post.objects.none()

    @errors({403: "Not one of the cohort's moderators.", 404: "No such cohort."})
    def get(self, request: Request, public_id: Any) -> Response:
        from django.db.models import Exists, OuterRef, Prefetch

        from discussions.models import PostReport

        cohort = get_object_or_404(Cohort, public_id=public_id)
        if not services.can_moderate(request.user, cohort):
            raise exceptions.PermissionDenied(
                _("Only the cohort's trainers and coordinators moderate.")
            )
        open_reports = PostReport.objects.filter(resolved_at=None)
        posts = (
            Post.objects.filter(
                Exists(open_reports.filter(post=OuterRef("pk"))), thread__cohort=cohort
            )
            .select_related("author__member_city", "parent", "thread")
            .prefetch_related(
                "author__member_city__translations",
                Prefetch("reports", queryset=open_reports, to_attr="open_reports"),
            )
            .order_by("created_at", "pk")
        )
        page = self.paginate_queryset(posts)
        context = {"viewer": request.user, "moderator": True}
        return self.get_paginated_response(
            ReportedPostSerializer(page, many=True, context=context).data
        )
