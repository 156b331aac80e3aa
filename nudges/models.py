"""Reminders an edition sends by itself (a welcome, a notice before a deadline, a nudge to
the inactive), what each learner chose to receive, and the messages coordinators send to a
selection of learners."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort
from enrollments.models import Enrollment


class Kind(models.TextChoices):
    WELCOME = "welcome", _("A welcome when an edition starts")
    DEADLINE = "deadline", _("A reminder a few days before a module is due")
    INACTIVE = "inactive", _("A nudge when I have not taken part for a while")
    MESSAGE = "message", _("Messages from my editions' coordinators and trainers")


class Preference(models.Model):
    """Which reminders a person receives: all of them until they choose otherwise."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, related_name="nudge_preference", on_delete=models.CASCADE
    )
    welcome = models.BooleanField(Kind.WELCOME.label, default=True)
    deadline = models.BooleanField(Kind.DEADLINE.label, default=True)
    inactive = models.BooleanField(Kind.INACTIVE.label, default=True)
    message = models.BooleanField(Kind.MESSAGE.label, default=True)
    updated_at = models.DateTimeField(auto_now=True)

    def wants(self, kind: str) -> bool:
        return bool(getattr(self, kind, True))


class Nudge(models.Model):
    """One reminder to one learner under one rule, claimed before it is sent: the unique
    constraint is what makes "at most once" hold when two beats decide at the same time.
    `key` tells occurrences of a rule apart (the module and its date for a deadline, the
    last day seen for inactivity)."""

    enrollment = models.ForeignKey(Enrollment, related_name="nudges", on_delete=models.CASCADE)
    kind = models.CharField(max_length=8, choices=Kind)
    key = models.CharField(max_length=64, blank=True, default="")
    # The decision run that claimed it: the run sends what it claimed and nothing else.
    run = models.CharField(max_length=32)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    # Claimed but not sent: the learner chose not to receive this kind.
    skipped = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "kind", "key"], name="one_nudge_per_rule")
        ]
        indexes = [models.Index(fields=["run"])]


class Message(models.Model):
    """What a coordinator or trainer wrote to a selection of an edition's learners, in one
    language and optionally others: each learner reads it in theirs when it was given."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cohort = models.ForeignKey(Cohort, related_name="nudge_messages", on_delete=models.CASCADE)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", null=True, on_delete=models.SET_NULL
    )
    language = models.CharField(max_length=8)
    subject = models.CharField(_("Subject"), max_length=150)
    body = models.TextField(_("Message"), max_length=5000)
    # {"pt": {"subject": ..., "body": ...}, ...}: the same message in other languages.
    translations = models.JSONField(default=dict, blank=True)
    creation_key = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["sent_by", "creation_key"],
                condition=~Q(creation_key=""),
                name="one_message_per_key",
            )
        ]

    def text_for(self, language: str) -> tuple[str, str]:
        version = self.translations.get(language) or {}
        if version.get("subject") and version.get("body"):
            return version["subject"], version["body"]
        return self.subject, self.body


class Delivery(models.Model):
    """A message to one learner: sent once, or skipped when they chose not to receive them."""

    message = models.ForeignKey(Message, related_name="deliveries", on_delete=models.CASCADE)
    enrollment = models.ForeignKey(
        Enrollment, related_name="message_deliveries", on_delete=models.CASCADE
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    skipped = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "enrollment"], name="one_delivery_each")
        ]
