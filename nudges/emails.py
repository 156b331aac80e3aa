"""The reminders and coordinators' messages as e-mails: each in the learner's language and
time zone, each with a one-click way out of its kind (a link, and the List-Unsubscribe
headers mail programs show as a button)."""

from __future__ import annotations

import datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from cms.localization import url_in_active_language
from cms.models import CoursePage, ModulePage
from config.mail import one_click_email
from enrollments.models import ModuleRelease
from nudges.models import Delivery, Kind, Message, Nudge, Preference

SALT = "nudges.unsubscribe"
BATCH = 200  # e-mails per task
WELCOME_SESSIONS = 8  # sessions a welcome lists; the rest are on the learner's calendar


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": str(user.public_id), "k": kind}, salt=SALT)


def read_token(token: str) -> tuple[User, str] | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in Kind.values:
        return None
    user = User.objects.filter(public_id=str(data.get("u"))).first()
    return (user, data["k"]) if user else None


def _absolute(view: str, **kwargs: Any) -> str:
    return f"{settings.SITE_URL}{reverse(view, kwargs=kwargs or None)}"


def _email(user: User, kind: str, template: str, context: dict[str, Any]) -> EmailMessage:
    language = user.preferred_language or "es"
    with translation.override(language), timezone.override(user.shown_zone):
        out = _absolute("nudges:unsubscribe", token=unsubscribe_token(user, kind))
        context = {
            **context,
            "person": user,
            "unsubscribe_url": out,
            "preferences_url": _absolute("nudges:preferences"),
            "kind_label": Kind(kind).label,
        }
        subject = render_to_string(f"nudges/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"nudges/email/{template}.txt", context)
    return one_click_email(to=user.email, subject=subject, body=body, unsubscribe_url=out)


def _refusals(user_ids: set[int]) -> dict[int, Preference]:
    return {p.user_id: p for p in Preference.objects.filter(user_id__in=user_ids)}


def _wants(learner: User, kind: str, refusals: dict[int, Preference]) -> bool:
    preference = refusals.get(learner.pk)
    return learner.is_active and (preference is None or preference.wants(kind))


def _title(titles: dict[tuple[int, str], str], module_id: int, language: str) -> str:
    return titles.get((module_id, language)) or titles.get((module_id, ""), "")


def _course_pages(course_ids: set[int]) -> dict[tuple[int, str], CoursePage]:
    return {
        (page.course_id, page.locale.language_code): page
        for page in CoursePage.objects.live().filter(course__in=course_ids).select_related("locale")
    }


def _course_url(pages: dict[tuple[int, str], CoursePage], course_id: int, language: str) -> str:
    page = pages.get((course_id, language)) or next(
        (p for (course, _lang), p in pages.items() if course == course_id), None
    )
    if page is None:
        return _absolute("enrollments:my_courses")
    with translation.override(language):
        return settings.SITE_URL + url_in_active_language(page)


def _module_titles(module_ids: set[int]) -> dict[tuple[int, str], str]:
    """(original module id, language) → title: the live translation, else the original."""
    originals = {m.pk: m for m in ModulePage.objects.filter(pk__in=module_ids)}
    by_key = {m.translation_key: m.pk for m in originals.values()}
    titles = {(pk, ""): m.title for pk, m in originals.items()}
    for page in (
        ModulePage.objects.live()
        .filter(translation_key__in=by_key, alias_of__isnull=True)
        .select_related("locale")
    ):
        titles[(by_key[page.translation_key], page.locale.language_code)] = page.title
    return titles


def send_nudges(*, nudge_ids: list[int]) -> int:
    """The claimed reminders not yet sent: sent, or skipped for those who said no.
    Returns how many e-mails went."""
    now = timezone.now()
    nudges = list(
        Nudge.objects.filter(pk__in=nudge_ids, sent_at=None, skipped=False).select_related(
            "enrollment__learner__member_city__country", "enrollment__cohort"
        )
    )
    refusals = _refusals({n.enrollment.learner_id for n in nudges})
    pages = _course_pages({n.enrollment.cohort.course_id for n in nudges})
    # A welcome lists the edition's deadlines: one query for the whole batch.
    deadlines: dict[int, list[tuple[int, datetime.date]]] = {}
    welcomed = {n.enrollment.cohort_id for n in nudges if n.kind == Kind.WELCOME}
    for cohort_id, module_id, due_on in (
        ModuleRelease.objects.filter(cohort_id__in=welcomed, due_on__isnull=False)
        .order_by("due_on")
        .values_list("cohort_id", "module_id", "due_on")
    ):
        if due_on is not None:
            deadlines.setdefault(cohort_id, []).append((module_id, due_on))
    # ... and the sessions still to come (a coordinator may have planned them all already).
    sessions: dict[int, list[Any]] = {}
    if welcomed:
        meetings = apps.get_model("meetings", "Meeting").objects.filter(
            cohort_id__in=welcomed, cancelled_at=None, ends_at__gt=now
        )
        for meeting in meetings.order_by("starts_at", "pk"):
            sessions.setdefault(meeting.cohort_id, []).append(meeting)
    modules = {int(n.key.split(":")[0]) for n in nudges if n.kind == Kind.DEADLINE and n.key}
    modules |= {module for listed in deadlines.values() for module, _due in listed}
    titles = _module_titles(modules)
    messages, sent, skipped = [], [], []
    for nudge in nudges:
        learner = nudge.enrollment.learner
        if not _wants(learner, nudge.kind, refusals):
            skipped.append(nudge.pk)
            continue
        language = learner.preferred_language or nudge.enrollment.cohort.language or "es"
        context: dict[str, Any] = {
            "cohort": nudge.enrollment.cohort,
            "url": _course_url(pages, nudge.enrollment.cohort.course_id, language),
        }
        if nudge.kind == Kind.DEADLINE:
            module_key, due = nudge.key.split(":")
            context["module"] = _title(titles, int(module_key), language)
            context["due_on"] = datetime.date.fromisoformat(due)
        elif nudge.kind == Kind.WELCOME:
            context["deadlines"] = [
                {"module": _title(titles, module_id, language), "due_on": due_on}
                for module_id, due_on in deadlines.get(nudge.enrollment.cohort_id, [])
            ]
            coming = sessions.get(nudge.enrollment.cohort_id, [])
            context["sessions"] = [_session(m, language) for m in coming[:WELCOME_SESSIONS]]
            context["more_sessions"] = max(0, len(coming) - WELCOME_SESSIONS)
            context["time_zone"] = str(learner.shown_zone)
            with translation.override(language):
                context["calendar_url"] = _absolute("meetings:my_calendar")
        elif nudge.kind == Kind.INACTIVE:
            context["seen"] = nudge.enrollment.last_activity_at
        messages.append(_email(learner, nudge.kind, nudge.kind, context))
        sent.append(nudge.pk)
    Nudge.objects.filter(pk__in=skipped).update(skipped=True)
    if messages:
        get_connection().send_messages(messages)
    Nudge.objects.filter(pk__in=sent).update(sent_at=now)
    return len(messages)


def _session(meeting: Any, language: str) -> dict[str, Any]:
    """A session as a welcome lists it: times are shown in the learner's zone (`_email`)."""
    place = [meeting.venue_name, meeting.venue_city] if meeting.is_face_to_face else []
    with translation.override(language):
        url = _absolute("meetings:meeting", public_id=meeting.public_id)
    return {
        "url": url,
        "title": meeting.shown_title(language),
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "kind": meeting.Kind(meeting.kind).label,
        "place": ", ".join(part for part in place if part),
    }


def send_message(*, message_id: int, delivery_ids: list[int]) -> int:
    """A coordinator's message to these recipients not yet sent, each in their language."""
    now = timezone.now()
    message = Message.objects.select_related("cohort", "sent_by").get(pk=message_id)
    deliveries = list(
        Delivery.objects.filter(
            pk__in=delivery_ids, message=message, sent_at=None, skipped=False
        ).select_related("enrollment__learner__member_city__country")
    )
    refusals = _refusals({d.enrollment.learner_id for d in deliveries})
    messages, sent, skipped = [], [], []
    for delivery in deliveries:
        learner = delivery.enrollment.learner
        if not _wants(learner, Kind.MESSAGE, refusals):
            skipped.append(delivery.pk)
            continue
        subject, body = message.text_for(learner.preferred_language or message.language)
        context = {
            "cohort": message.cohort,
            "message_subject": subject,
            "message_body": body,
            "sender": message.sent_by.display_name if message.sent_by else "",
        }
        messages.append(_email(learner, Kind.MESSAGE, "message", context))
        sent.append(delivery.pk)
    Delivery.objects.filter(pk__in=skipped).update(skipped=True)
    if messages:
        get_connection().send_messages(messages)
    Delivery.objects.filter(pk__in=sent).update(sent_at=now)
    return len(messages)
