from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cms.themes import AREAS, POPULATIONS, PRINCIPLES
from experiences.models import Event, Experience


class ExperienceSerializer(serializers.Serializer):
    """An experience in the reader's language when translated, else in its original."""

    id = serializers.UUIDField(source="experience.public_id")
    url = serializers.CharField(help_text="Its public page.")
    language = serializers.CharField(source="text.language", help_text="The text's language.")
    original_language = serializers.CharField(source="experience.language")
    translations = serializers.ListField(child=serializers.CharField())
    title = serializers.CharField(source="text.title")
    summary = serializers.CharField(source="text.summary")
    description = serializers.CharField(source="text.description", help_text="Markdown.")
    results = serializers.CharField(source="text.results", help_text="Markdown.")
    city = serializers.CharField()
    member_city = serializers.UUIDField(
        source="experience.member_city.public_id", allow_null=True, default=None
    )
    country = serializers.CharField(source="experience.country.iso_code")
    principles = serializers.ListField(child=serializers.IntegerField())
    areas = serializers.ListField(child=serializers.CharField())
    populations = serializers.ListField(child=serializers.CharField())
    year_started = serializers.IntegerField(source="experience.year_started")
    status = serializers.CharField(source="experience.status")
    budget = serializers.CharField(source="experience.budget")
    partners = serializers.CharField(source="experience.partners")
    contact = serializers.CharField(source="experience.contact")
    credit = serializers.CharField(source="experience.credit")
    stage = serializers.CharField(source="experience.stage")
    published_at = serializers.DateTimeField(source="experience.published_at", allow_null=True)


class ExperienceFilterSerializer(serializers.Serializer):
    """The list's and the counts' query: a value outside these is refused with a 400."""

    q = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Words, in any language."
    )
    principle = serializers.ListField(
        child=serializers.ChoiceField(choices=[c for c, _l in PRINCIPLES]), required=False
    )
    area = serializers.ListField(
        child=serializers.ChoiceField(choices=[c for c, _l in AREAS]), required=False
    )
    population = serializers.ListField(
        child=serializers.ChoiceField(choices=[c for c, _l in POPULATIONS]), required=False
    )
    country = serializers.CharField(
        max_length=2, required=False, allow_blank=True, help_text="ISO code, e.g. AR."
    )
    city = serializers.CharField(max_length=160, required=False, allow_blank=True)
    year = serializers.IntegerField(min_value=1950, max_value=2100, required=False)
    status = serializers.ChoiceField(choices=Experience.Status.choices, required=False)


class ExperienceProposalSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=settings.LANGUAGES)
    title = serializers.CharField(max_length=200, min_length=1)
    summary = serializers.CharField(max_length=600, min_length=1)
    description = serializers.CharField(max_length=20_000, min_length=1, help_text="Markdown.")
    results = serializers.CharField(max_length=10_000, required=False, default="", allow_blank=True)
    member_city = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text="A member city's id."
    )
    city_name = serializers.CharField(
        max_length=160,
        required=False,
        default="",
        allow_blank=True,
        help_text="Else a city's name…",
    )
    country = serializers.CharField(
        max_length=2,
        required=False,
        default="",
        allow_blank=True,
        help_text="…and its ISO code, e.g. AR.",
    )
    principles = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=20), required=False, default=list
    )
    areas = serializers.ListField(
        child=serializers.ChoiceField(choices=[c for c, _l in AREAS]), required=False, default=list
    )
    populations = serializers.ListField(
        child=serializers.ChoiceField(choices=[c for c, _l in POPULATIONS]),
        required=False,
        default=list,
    )
    year_started = serializers.IntegerField(min_value=1950, max_value=2100)
    status = serializers.ChoiceField(choices=Experience.Status.choices)
    budget = serializers.ChoiceField(
        choices=Experience.Budget.choices, required=False, default=Experience.Budget.NONE
    )
    partners = serializers.CharField(max_length=2000, required=False, default="", allow_blank=True)
    contact = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    credit = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    submission = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text="Your accepted assignment's id."
    )
    consent = serializers.BooleanField(
        help_text="The proposer agrees to its publication under CC BY 4.0; required to be true."
    )

    def validate_year_started(self, value: int) -> int:
        if value > timezone.now().year + 1:
            raise serializers.ValidationError(_("A year that has not come yet."))
        return value


class ExperienceDecisionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=[
            Event.Action.CHANGES,
            Event.Action.APPROVED,
            Event.Action.PUBLISHED,
            Event.Action.UNPUBLISHED,
        ]
    )
    note = serializers.CharField(max_length=4000, required=False, default="", allow_blank=True)


class ExperienceFacetsSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    principles = serializers.DictField(child=serializers.IntegerField())
    areas = serializers.DictField(child=serializers.IntegerField())
    populations = serializers.DictField(child=serializers.IntegerField())
    countries = serializers.DictField(child=serializers.IntegerField())
    years = serializers.DictField(child=serializers.IntegerField())
    statuses = serializers.DictField(child=serializers.IntegerField())
