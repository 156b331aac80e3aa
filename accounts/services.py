"""Use cases about people: profiles, consent, roles."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts import access
from accounts.models import Delegation, User, consented_gender

TRAINERS_GROUP = "Trainers"


@transaction.atomic
def update_profile(
    *,
    user: User,
    certificate_name: str,
    preferred_language: str,
    member_city_id: int | None,
    position: str,
    gender_self_described: str,
    gender_consent: bool,
    mandate_started_on: datetime.date | None,
    mandate_consent: bool,
    other_city: str = "",
    time_zone: str = "",
    gender: str = "",
) -> User:
    """Saves a learner's details; optional diversity data is kept only while consent stands."""
    now = timezone.now()
    user.certificate_name = certificate_name.strip()
    user.preferred_language = preferred_language
    user.member_city_id = member_city_id
    user.other_city = "" if member_city_id else other_city.strip()
    user.time_zone = time_zone
    user.position = position
    user.gender, user.gender_self_described = consented_gender(
        gender=gender, words=gender_self_described, consent=gender_consent
    )
    kept = bool(user.gender)
    user.gender_consent_at = (user.gender_consent_at or now) if kept else None
    if mandate_consent and mandate_started_on:
        user.mandate_started_on = mandate_started_on
        user.mandate_consent_at = user.mandate_consent_at or now
    else:
        user.mandate_started_on, user.mandate_consent_at = None, None
    user.save()
    return user


@transaction.atomic
def set_roles(
    *,
    granted_by: User,
    user: User,
    is_trainer: bool,
    coordinated_delegations: list[Delegation],
) -> User:
    if not access.can_grant_roles(granted_by):
        raise PermissionDenied("Only site administrators grant roles.")
    user.is_trainer = is_trainer
    # Trainers author in the Wagtail admin, which needs staff-like access through the group.
    group, _created = Group.objects.get_or_create(name=TRAINERS_GROUP)
    if is_trainer:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    user.save(update_fields=["is_trainer"])
    user.coordinated_delegations.set(coordinated_delegations)
    return user
