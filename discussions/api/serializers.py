from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from discussions.models import MAX_BODY, MAX_TITLE, Post, Thread
from discussions.templatetags.discussions import author_line


class AuthorSerializer(serializers.Serializer):
    """Who wrote it; null for an erased account ("a former participant")."""

    name = serializers.CharField()
    city = serializers.CharField()
    position = serializers.CharField()


class ThreadSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    topic = serializers.UUIDField(
        source="topic_key",
        allow_null=True,
        help_text="The lesson's or module's translation key; null for the general board.",
    )
    author = serializers.SerializerMethodField()
    locked = serializers.BooleanField(source="is_locked")
    replies = serializers.IntegerField(read_only=True, help_text="Visible posts after the first.")

    class Meta:
        model = Thread
        fields = ["id", "title", "topic", "author", "created_at", "last_post_at", "pinned",
                  "locked", "replies"]  # fmt: skip

    @extend_schema_field(AuthorSerializer(allow_null=True))
    def get_author(self, thread: Thread) -> dict[str, str] | None:
        return author_line(thread.author)


class PostSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    reply_to = serializers.SerializerMethodField(help_text="The post this one replies to.")
    author = serializers.SerializerMethodField()
    html = serializers.SerializerMethodField(help_text="The text as safe HTML; empty if hidden.")
    body = serializers.SerializerMethodField(help_text="The Markdown written; empty if hidden.")
    hidden = serializers.SerializerMethodField()
    hidden_reason = serializers.SerializerMethodField(
        help_text="Shown to the post's author and moderators."
    )
    deleted = serializers.SerializerMethodField()

    class Meta:
        model = Post
        fields = ["id", "reply_to", "author", "language", "created_at", "edited_at", "body", "html",
                  "hidden", "hidden_reason", "deleted"]  # fmt: skip

    def _sees(self, post: Post) -> bool:
        viewer = self.context.get("viewer")
        return (
            not post.is_hidden
            or bool(self.context.get("moderator"))
            or (viewer is not None and post.author_id == viewer.pk)
        )

    def get_reply_to(self, post: Post) -> str | None:
        return str(post.parent.public_id) if post.parent_id and post.parent else None

    @extend_schema_field(AuthorSerializer(allow_null=True))
    def get_author(self, post: Post) -> dict[str, str] | None:
        return author_line(post.author)

    def get_html(self, post: Post) -> str:
        return post.html if self._sees(post) else ""

    def get_body(self, post: Post) -> str:
        return post.body if self._sees(post) else ""

    def get_hidden(self, post: Post) -> bool:
        return post.is_hidden

    def get_hidden_reason(self, post: Post) -> str:
        return post.hidden_reason if post.is_hidden and self._sees(post) else ""

    def get_deleted(self, post: Post) -> bool:
        return post.is_deleted


class ReportedPostSerializer(PostSerializer):
    thread = serializers.UUIDField(source="thread.public_id")
    reasons = serializers.SerializerMethodField()

    class Meta(PostSerializer.Meta):
        fields = [*PostSerializer.Meta.fields, "thread", "reasons"]

    def get_reasons(self, post: Post) -> list[str]:
        return [report.reason for report in getattr(post, "open_reports", [])]


class ThreadDetailSerializer(ThreadSerializer):
    posts = serializers.SerializerMethodField()

    class Meta(ThreadSerializer.Meta):
        fields = [*ThreadSerializer.Meta.fields, "posts"]

    def get_posts(self, thread: Thread) -> PostSerializer(many=True):  # type: ignore[valid-type]
        return PostSerializer(self.context["posts"], many=True, context=self.context).data  # type: ignore[return-value]


class PostWriteSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=MAX_BODY, help_text="Markdown.")
    language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    reply_to = serializers.UUIDField(
        required=False, allow_null=True, help_text="The post replied to, in this thread."
    )


class ThreadWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=MAX_TITLE)
    body = serializers.CharField(max_length=MAX_BODY, help_text="Markdown.")
    language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False)
    topic = serializers.UUIDField(
        required=False, allow_null=True, help_text="A lesson's or module's translation key."
    )


class PostReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500)


class EditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=MAX_BODY)


class ModerateSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["pin", "unpin", "lock", "unlock", "move"])
    topic = serializers.UUIDField(
        required=False, allow_null=True, help_text="Where to move it; null: the general board."
    )
