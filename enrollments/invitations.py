"""Invitations: sent by coordinators (one by one or from an import), accepted by learners."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import User
from courses.models import Cohort
from enrollments import services, tasks
from enrollments.errors import Conflict, NotAllowed
from enrollments.models import Enrollment, Invitation

VALID_FOR = datetime.timedelta(days=14)


@transaction.atomic
def invite(*, cohort: Cohort, email: str, invited_by: User) -> tuple[Invitation, bool]:
    """Invites `email` to `cohort`; inviting again changes nothing. Returns (invitation, new?)."""
    if not access.can_manage_cohort(invited_by, cohort):
        raise NotAllowed(_("Only the cohort's coordinators send invitations."), code="forbidden")
    invitation, created = Invitation.objects.get_or_create(
        cohort=cohort,
        email=email.strip().lower(),
        defaults={"invited_by": invited_by, "expires_at": timezone.now() + VALID_FOR},
    )
    if created:
        tasks.send_invitation_email.delay_on_commit(invitation.pk)
    return invitation, created


@transaction.atomic
def invite_many(*, cohort: Cohort, emails: list[str], invited_by: User) -> int:
    """Invites every address, all or none; returns how many were new (the rest had been
    invited already)."""
    return sum(invite(cohort=cohort, email=email, invited_by=invited_by)[1] for email in emails)


@transaction.atomic
def accept_invitation(*, token: str, learner: User) -> Enrollment:
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise NotAllowed(_("This invitation link is not valid."), code="invitation_unknown")
    if invitation.email != learner.email.lower():
        raise NotAllowed(
            _("This invitation was sent to another e-mail address."), code="invitation_not_yours"
        )
    if invitation.accepted_at is None and invitation.expires_at <= timezone.now():
        raise NotAllowed(
            _("This invitation has expired: ask the cohort's coordinators for a new one."),
            code="invitation_expired",
        )
    enrollment = services.enroll_learner(learner=learner, cohort=invitation.cohort, invited=True)
    if invitation.accepted_at is None:
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return enrollment


def pending(cohort: Cohort) -> list[Invitation]:
    """Invitations not accepted yet, newest first: the people a coordinator is waiting for."""
    return list(
        Invitation.objects.filter(cohort=cohort, accepted_at__isnull=True).order_by(
            "-created_at", "-pk"
        )
    )


def _pending_for(invitation: Invitation, by: User) -> Invitation:
    """The invitation, locked, for its cohort's coordinators, while it is not accepted."""
    invitation = (
        Invitation.objects.select_for_update().select_related("cohort").get(pk=invitation.pk)
    )
    if not access.can_manage_cohort(by, invitation.cohort):
        raise NotAllowed(_("Only the cohort's coordinators send invitations."), code="forbidden")
    if invitation.accepted_at is not None:
        raise Conflict(_("This invitation was accepted already."), code="invitation_accepted")
    return invitation


@transaction.atomic
def resend(*, invitation: Invitation, by: User) -> Invitation:
    """Sends the invitation again, valid for another VALID_FOR from now."""
    invitation = _pending_for(invitation, by)
    invitation.expires_at = timezone.now() + VALID_FOR
    invitation.save(update_fields=["expires_at"])
    tasks.send_invitation_email.delay_on_commit(invitation.pk)
    return invitation


@transaction.atomic
def cancel(*, invitation: Invitation, by: User) -> None:
    """Withdraws an invitation not accepted yet: its link stops working."""
    _pending_for(invitation, by).delete()
