"""Proposing experiences and the editors' review.

Anyone of a member city (or a delegation's staff) proposes an experience of their own
delegation's cities; a learner proposes one from their accepted assignment, choosing what is
published. The experience's delegation's editors (its coordinators) request changes, approve,
publish and unpublish; each step is an `Event`. Publishing needs the consent given when it was
proposed. Every step is idempotent: the same request twice changes nothing the second time."""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import Country, MemberCity, User
from assignments import files as checks
from assignments.models import Submission
from cms.themes import KIND_OF
from enrollments.errors import Conflict, NotAllowed
from experiences import search
from experiences.models import Event, Experience, File, Tag, Text

MAX_FILES = 8
MAX_FILE_MB = 10
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
EDITABLE_BY_PROPOSER = (Experience.Stage.PROPOSED, Experience.Stage.CHANGES)


@dataclass
class Story:
    """What an experience says, in one language."""

    language: str
    title: str
    summary: str
    description: str
    results: str = ""


@dataclass
class Facts:
    member_city: MemberCity | None
    city_name: str
    country: Country | None
    tags: list[str]
    year_started: int | None
    status: str
    budget: str = Experience.Budget.NONE
    partners: str = ""
    contact: str = ""
    credit: str = ""
    latitude: float | None = None
    longitude: float | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)


def is_editor(user: Any, experience: Experience) -> bool:
    """Editors of an experience: its delegation's coordinators (and site administrators)."""
    return access.can_manage_delegation(user, experience.delegation)


def can_propose(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.member_city_id or access.is_coordinator(user) or access.is_site_admin(user))
    )


def _plain(value: str, label: str, errors: dict[str, list[str]], key: str) -> str:
    value = value.strip()
    if MARKUP.search(value):
        errors.setdefault(key, []).append(
            _("%(field)s: write plain text; HTML such as <b> is not accepted.") % {"field": label}
        )
    return value


def _check_story(story: Story) -> Story:
    errors: dict[str, list[str]] = {}
    if story.language not in dict(settings.LANGUAGES):
        errors["language"] = [_("Choose one of Aula's languages.")]
    title = _plain(story.title, _("Title"), errors, "title")
    summary = _plain(story.summary, _("Summary"), errors, "summary")
    if not title:
        errors.setdefault("title", []).append(_("Give the experience a title."))
    if not summary:
        errors.setdefault("summary", []).append(_("Summarise the experience in a few lines."))
    if not story.description.strip():
        errors.setdefault("description", []).append(_("Describe what the city does."))
    for key, value, limit in (
        ("title", title, 200),
        ("summary", summary, 600),
        ("description", story.description, 20_000),
        ("results", story.results, 10_000),
    ):
        if len(value) > limit:
            errors.setdefault(key, []).append(_("At most %(count)d characters.") % {"count": limit})
    if errors:
        raise ValidationError(errors)
    return Story(story.language, title, summary, story.description.strip(), story.results.strip())


def _check_facts(user: User, facts: Facts, *, via: Any = None) -> Any:
    """The experience's delegation, once the facts hold; the user must be able to speak for it."""
    errors: dict[str, list[str]] = {}
    city = facts.member_city
    country = city.country if city is not None else facts.country
    if city is None and not facts.city_name.strip():
        errors["city"] = [_("Choose a member city, or write the city's name and country.")]
    if country is None:
        errors["country"] = [_("Choose the city's country.")]
    if city is not None and facts.city_name.strip():
        errors["city"] = [_("Choose a member city or write a city's name, not both.")]
    _plain(facts.city_name, _("City"), errors, "city")
    _plain(facts.partners, _("Partners"), errors, "partners")
    _plain(facts.contact, _("Public contact"), errors, "contact")
    _plain(facts.credit, _("Credited to"), errors, "credit")
    unknown = [code for code in facts.tags if code not in KIND_OF]
    if unknown:
        errors["tags"] = [_("Unknown theme: %(codes)s.") % {"codes": ", ".join(unknown)}]
    elif not any(KIND_OF[code] in ("principle", "area") for code in facts.tags):
        errors["tags"] = [_("Choose at least one Charter principle or thematic area.")]
    this_year = timezone.now().year
    if facts.year_started is None or not 1950 <= facts.year_started <= this_year + 1:
        errors["year_started"] = [
            _("Give the year it started, between 1950 and %(year)d.") % {"year": this_year + 1}
        ]
    if facts.status not in Experience.Status.values:
        errors["status"] = [_("Say whether it is an idea, running or evaluated.")]
    if facts.budget not in Experience.Budget.values:
        errors["budget"] = [_("Choose a budget band.")]
    if errors:
        raise ValidationError(errors)
    assert country is not None
    delegation = city.delegation if city is not None else country.delegation
    speaks_for = (
        access.can_manage_delegation(user, delegation)
        or (user.member_city is not None and user.member_city.delegation_id == delegation.pk)
        or (isinstance(via, Submission) and via.enrollment.cohort.delegation_id == delegation.pk)
        or (
            isinstance(via, Experience)
            and via.proposer_id == user.pk
            and via.delegation_id == delegation.pk
        )
    )
    if not speaks_for:
        raise NotAllowed(
            _(
                "This city is in another delegation: you write about your own delegation's "
                "cities only."
            ),
            code="other_delegation",
        )
    return delegation


def _checked(
    user: User, facts: Facts, story: Story, *, via: Any, consent: bool | None = None
) -> tuple[Story, Any]:
    """Every problem of the story, the facts and the consent at once, field by field."""
    errors: dict[str, list[str]] = {}
    try:
        story = _check_story(story)
    except ValidationError as error:
        errors.update(error.message_dict)
    delegation = None
    try:
        delegation = _check_facts(user, facts, via=via)
    except NotAllowed:
        raise
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    if consent is False:
        errors["consent"] = [_("Agree to the publication under the bank's licence to propose it.")]
    if errors:
        raise ValidationError(errors)
    return story, delegation


def _files(experience: Experience, uploads: list[UploadedFile]) -> None:
    if len(uploads) + experience.files.count() > MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)d files.") % {"count": MAX_FILES}, code="too_many_files"
        )
    for upload in uploads:
        try:
            found = checks.check(
                upload,
                size=upload.size or 0,
                allowed=["pdf", "docx", "odt", "image"],
                max_mb=MAX_FILE_MB,
            )
        except ValidationError as error:
            raise ValidationError(
                f"{os.path.basename(upload.name or '')}: {' '.join(error.messages)}",
                code=error.code,
            ) from error
        name = os.path.basename(upload.name or "file")[-200:]
        extension = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}.get(
            found.content_type, "." + found.kind
        )
        upload.name = f"{uuid.uuid4().hex}{extension}"
        File.objects.create(
            experience=experience,
            file=upload,
            name=name,
            kind=File.Kind.IMAGE if found.kind == "image" else File.Kind.DOCUMENT,
            content_type=found.content_type,
            size=upload.size or 0,
        )


def _set_text(experience: Experience, story: Story) -> Text:
    text, _created = Text.objects.update_or_create(
        experience=experience,
        language=story.language,
        defaults={
            "title": story.title,
            "summary": story.summary,
            "description": story.description,
            "results": story.results,
        },
    )
    search.index([text])
    return text


@transaction.atomic
def propose(
    *,
    by: User,
    facts: Facts,
    story: Story,
    consent: bool,
    uploads: list[UploadedFile] | tuple[()] = (),
    submission: Submission | None = None,
    key: str = "",
) -> Experience:
    """A new experience waiting for its delegation's editors. `consent` is the proposer's
    agreement that it be published (with the credit they chose) under the bank's licence."""
    if not can_propose(by) and submission is None:
        raise NotAllowed(
            _("Only people of member cities and delegation staff propose experiences."),
            code="not_a_member",
        )
    if key:
        earlier = _by_key(by, key, story)
        if earlier is not None:
            return earlier
    story, delegation = _checked(by, facts, story, via=submission, consent=consent)
    country = facts.member_city.country if facts.member_city else facts.country
    assert country is not None and facts.year_started is not None  # checked above
    experience = Experience(
        delegation=delegation,
        member_city=facts.member_city,
        city_name=facts.city_name.strip() if facts.member_city is None else "",
        country=country,
        year_started=facts.year_started,
        status=facts.status,
        budget=facts.budget,
        partners=facts.partners.strip(),
        contact=facts.contact.strip(),
        credit=facts.credit.strip(),
        latitude=facts.latitude,
        longitude=facts.longitude,
        language=story.language,
        proposer=by,
        submission=submission,
        consent_at=timezone.now(),
        creation_key=key,
    )
    try:
        with transaction.atomic():
            experience.save()
    except IntegrityError:
        # The same proposal a moment earlier from another request: that one stands.
        earlier = _by_key(by, key, story) if key else None
        if earlier is None:
            raise
        return earlier
    experience.tags.set(Tag.objects.filter(code__in=facts.tags))
    _set_text(experience, story)
    _files(experience, list(uploads))
    Event.objects.create(experience=experience, actor=by, action=Event.Action.PROPOSED)
    return experience


def _by_key(by: User, key: str, story: Story) -> Experience | None:
    earlier = Experience.objects.filter(proposer=by, creation_key=key).first()
    if earlier is None:
        return None
    original = earlier.texts.filter(language=earlier.language).first()
    if original is None or original.title != story.title.strip():
        raise Conflict(
            _("This Idempotency-Key was sent before with another experience; send a new key."),
            code="idempotency_key_reused",
        )
    return earlier


def proposable_submission(user: User, submission: Submission) -> None:
    """Only its learner proposes an accepted assignment, once."""
    if submission.enrollment.learner_id != user.pk:
        raise NotAllowed(_("There is no such work."), code="not_yours")
    if submission.status != Submission.Status.ACCEPTED:
        raise ValidationError(
            _("Only accepted work can be proposed as an experience."), code="not_accepted"
        )


@transaction.atomic
def propose_from_submission(
    *, by: User, submission: Submission, facts: Facts, story: Story, consent: bool
) -> Experience:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    proposable_submission(by, submission)
    existing = Experience.objects.filter(submission=submission).first()
    if existing is not None:
        return existing  # proposed already: the same form sent twice
    return propose(by=by, facts=facts, story=story, consent=consent, submission=submission)


@transaction.atomic
def edit(
    *,
    by: User,
    experience: Experience,
    facts: Facts,
    story: Story,
    uploads: list[UploadedFile] | tuple[()] = (),
) -> Experience:
    """The proposer while waiting or asked for changes, or an editor at any time."""
    experience = Experience.objects.select_for_update().get(pk=experience.pk)
    editor = is_editor(by, experience)
    if not editor:
        if experience.proposer_id != by.pk:
            raise NotAllowed(_("There is no such experience."), code="not_yours")
        if experience.stage not in EDITABLE_BY_PROPOSER:
            raise ValidationError(
                _("It is with the editors now: ask them for changes."), code="not_editable"
            )
    story, delegation = _checked(by, facts, story, via=experience)
    for name in ("year_started", "status", "budget", "latitude", "longitude"):
        setattr(experience, name, getattr(facts, name))
    experience.member_city = facts.member_city
    experience.city_name = facts.city_name.strip() if facts.member_city is None else ""
    experience.country = facts.member_city.country if facts.member_city else facts.country  # type: ignore[assignment]
    experience.delegation = delegation
    experience.partners, experience.contact = facts.partners.strip(), facts.contact.strip()
    experience.credit = facts.credit.strip()
    if experience.stage == Experience.Stage.CHANGES and not editor:
        experience.stage = Experience.Stage.PROPOSED
    experience.save()
    experience.tags.set(Tag.objects.filter(code__in=facts.tags))
    action = Event.Action.EDITED
    if (
        story.language != experience.language
        and not experience.texts.filter(language=story.language).exists()
    ):
        action = Event.Action.TRANSLATED
    _set_text(experience, story)
    _files(experience, list(uploads))
    Event.objects.create(experience=experience, actor=by, action=action)
    return experience


MOVES: dict[str, tuple[tuple[str, ...], str]] = {
    # action: (stages it may come from, stage it leads to)
    Event.Action.CHANGES: ((Experience.Stage.PROPOSED, Experience.Stage.APPROVED), "changes"),
    Event.Action.APPROVED: ((Experience.Stage.PROPOSED,), "approved"),
    Event.Action.PUBLISHED: (
        (Experience.Stage.PROPOSED, Experience.Stage.APPROVED, Experience.Stage.UNPUBLISHED),
        "published",
    ),
    Event.Action.UNPUBLISHED: ((Experience.Stage.PUBLISHED,), "unpublished"),
}


@transaction.atomic
def decide(*, by: User, experience: Experience, action: str, note: str = "") -> Experience:
    """An editor's step. Repeating the step just taken changes nothing."""
    experience = Experience.objects.select_for_update().get(pk=experience.pk)
    if not is_editor(by, experience):
        raise NotAllowed(
            _("Only the editors of the experience's delegation review it."), code="not_editor"
        )
    if action not in MOVES:
        raise ValidationError(_("Unknown step."), code="unknown_action")
    sources, target = MOVES[action]
    if experience.stage == target:
        return experience
    if experience.stage not in sources:
        raise ValidationError(
            _("This step is not possible now: the experience is “%(stage)s”.")
            % {"stage": experience.get_stage_display()},
            code="wrong_stage",
        )
    note = note.strip()
    if action == Event.Action.CHANGES and not note:
        raise ValidationError({"note": [_("Say what should change.")]})
    if target == Experience.Stage.PUBLISHED:
        if experience.consent_at is None:
            raise ValidationError(
                _("It cannot be published: its author has not agreed to its publication."),
                code="no_consent",
            )
        experience.published_at = experience.published_at or timezone.now()
    experience.stage = target
    experience.save(update_fields=["stage", "published_at", "updated_at"])
    Event.objects.create(experience=experience, actor=by, action=action, note=note)
    if action == Event.Action.CHANGES and experience.proposer_id:
        from experiences import emails

        transaction.on_commit(lambda: emails.changes_requested(experience.pk))
    return experience


def story_from_submission(submission: Submission) -> Story:
    """The first draft of an experience proposed from an accepted plan: its text as written."""
    lesson = submission.lesson
    text = submission.text
    first = text.split("\n", 1)[0][:200]
    return Story(
        language=submission.enrollment.learner.preferred_language or settings.LANGUAGE_CODE,
        title=first if len(first) < 120 else lesson.title,
        summary=text[:600],
        description=text,
    )
