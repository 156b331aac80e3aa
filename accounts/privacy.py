"""A person's data: all of it as a file, or erased while what must outlive it survives.

Issued certificates keep the name printed on them (they are the holder's proof and stay
verifiable); enrolments, progress and anonymous answers stay, detached from any identity, so
aggregate figures do not change."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import PrivacyRequest, User
from accounts.signals import account_erasing, personal_data_requested


def _profile(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "name_on_certificates": user.certificate_name,
        "preferred_language": user.preferred_language,
        "member_city": str(user.member_city) if user.member_city_id else None,
        "other_city": user.other_city,
        "time_zone": user.time_zone,
        "position": user.position,
        "gender": user.get_gender_display() if user.gender else "",
        "gender_self_described": user.gender_self_described,
        "gender_consent_at": user.gender_consent_at,
        "mandate_started_on": user.mandate_started_on,
        "mandate_consent_at": user.mandate_consent_at,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def export_personal_data(*, user: User, by: User | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "exported_at": timezone.now(),
        "account": str(user.public_id),
        "profile": _profile(user),
    }
    for _receiver, response in personal_data_requested.send(sender=User, user=user):
        section, content = cast(tuple[str, Any], response)
        data[section] = content
    PrivacyRequest.objects.create(
        user=user,
        user_public_id=user.public_id,
        kind=PrivacyRequest.Kind.EXPORT,
        requested_by=by or user,
    )
    return data


@transaction.atomic
def erase_account(*, user: User, by: User | None = None) -> None:
    if user.is_superuser:
        raise ValidationError(
            _("A site administrator's account is not erased this way."), code="admin"
        )
    account_erasing.send(sender=User, user=user)
    PrivacyRequest.objects.create(
        user=None,
        user_public_id=user.public_id,
        kind=PrivacyRequest.Kind.ERASE,
        requested_by=by if by is not None and by.pk != user.pk else None,
    )
    PrivacyRequest.objects.filter(user=user).update(user=None)
    # Kept: the city and position (the aggregates count them); gone: everything that names.
    user.email = f"erased-{uuid.uuid4().hex}@invalid"
    user.first_name = ""
    user.last_name = ""
    user.certificate_name = ""
    user.gender = ""
    user.gender_self_described = ""
    user.gender_consent_at = None
    user.mandate_started_on = None
    user.mandate_consent_at = None
    user.other_city = ""  # a small organisation's name could point to one person
    user.time_zone = ""
    user.is_active = False
    user.password = make_password(None)
    user.save()
    user.groups.clear()
    user.coordinated_delegations.clear()
    if hasattr(user, "auth_token"):
        user.auth_token.delete()
