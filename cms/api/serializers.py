from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from cms.models import H5PLibrary, H5PPackage


class H5PLibrarySerializer(serializers.ModelSerializer):
    class Meta:
        model = H5PLibrary
        fields = ["machine_name", "version", "title"]


class H5PPackageSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    content_type = H5PLibrarySerializer(source="main_library", read_only=True)

    class Meta:
        model = H5PPackage
        fields = [
            "id",
            "title",
            "language",
            "status",
            "error",
            "content_type",
            "size",
            "sha256",
            "uploaded_at",
        ]
        read_only_fields = fields


class H5PUploadResultSerializer(H5PPackageSerializer):
    notices = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="What the uploader should know, e.g. which approved library version plays.",
    )
    installed = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Libraries this upload installed into a package sent before.",
    )

    class Meta(H5PPackageSerializer.Meta):
        fields = [*H5PPackageSerializer.Meta.fields, "notices", "installed"]
        read_only_fields = fields


class H5PUploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    language = serializers.ChoiceField(choices=settings.LANGUAGES, required=False, default="")


class LanguageTranslationSerializer(serializers.Serializer):
    pages = serializers.IntegerField()
    translated = serializers.IntegerField(help_text="Live and up to date.")
    outdated = serializers.IntegerField(help_text="The Spanish original was published since.")
    missing = serializers.IntegerField(help_text="No translation, or one not published.")
    percent = serializers.IntegerField()
    texts_translated = serializers.IntegerField(
        help_text="Of the pages being translated (sent to wagtail-localize or as a PO file, not "
        "yet translated and published), their texts translated so far."
    )
    texts = serializers.IntegerField(help_text="Those pages' texts (segments) in all.")


class TranslationStatusSerializer(serializers.Serializer):
    course = serializers.CharField(help_text="The course's code.")
    title = serializers.CharField()
    languages = serializers.DictField(child=LanguageTranslationSerializer())


class TranslationUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The PO file, as downloaded and translated.")
    publish = serializers.BooleanField(
        default=False, help_text="Publish the translated page once every text is translated."
    )


class TranslationImportedSerializer(serializers.Serializer):
    translated = serializers.IntegerField()
    total = serializers.IntegerField()
    published = serializers.BooleanField()
