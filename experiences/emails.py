"""The proposer hears, in their language, when the editors ask for changes."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from experiences.models import Event, Experience


def changes_requested(experience_id: int) -> None:
    experience = Experience.objects.select_related("proposer").get(pk=experience_id)
    person = experience.proposer
    if person is None or not person.email:
        return
    event = experience.events.filter(action=Event.Action.CHANGES).last()
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        text = experience.texts.filter(language=experience.language).first()
        title = text.title if text else ""
        body = render_to_string(
            "experiences/email/changes.txt",
            {
                "person": person,
                "title": title,
                "note": event.note if event else "",
                "url": f"{settings.SITE_URL}/{translation.get_language()}/experiences/"
                f"{experience.public_id}/edit/",
            },
        )
        send_mail(
            _("Your experience “%(title)s”: the editors ask for changes") % {"title": title},
            body,
            None,
            [person.email],
        )
