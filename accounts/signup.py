"""Signing up: the address is proved before the account exists.

1. A person gives an e-mail address. Aula e-mails it a link (signed, valid for two days), or, if
   the address already has an account, a note saying so with the sign-in and password-reset
   links. The page answers the same either way, so it never tells whether an address has an
   account; requests are throttled per client address and per e-mail address.
2. The link opens the profile form (name on certificates, password, city, position, language,
   time zone, optional gender with consent, the privacy notice); submitting it creates the
   account and signs the person in. A link used twice, or raced by two tabs, makes one account.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts import throttle
from accounts.models import User, consented_gender

SALT = "aula.accounts.signup"
LINK_DAYS = 2
PER_ADDRESS = 10  # links asked from one client address per hour
PER_EMAIL = 3  # links sent to one e-mail address per hour
WINDOW_SECONDS = 3600


class Throttled(Exception):
    pass


class BadLink(Exception):
    pass


@dataclass(frozen=True)
class Invitation:
    email: str
    next_url: str


def _count(key: str, limit: int) -> bool:
    """Counts one more; False once `limit` were counted in the window."""
    return throttle.count(key, WINDOW_SECONDS) <= limit


def request_link(*, email: str, language: str, client: str, next_url: str = "") -> None:
    """E-mails the sign-up link, or, for an address with an account, says so to that address.
    Raises Throttled past the limits (the caller answers the same page either way)."""
    email = User.objects.normalize_email(email.strip())
    if not _count(f"signup:ip:{client}", PER_ADDRESS):
        raise Throttled
    if not _count(f"signup:email:{email.lower()}", PER_EMAIL):
        return  # silently: a third party cannot flood someone's inbox, nor learn anything
    existing = User.objects.filter(email__iexact=email, is_active=True).first()
    with translation.override(existing.preferred_language if existing else language):
        lang = translation.get_language()
        context = {
            "site": settings.SITE_URL,
            "sign_in_url": f"{settings.SITE_URL}{reverse('accounts:login')}",
            "reset_url": f"{settings.SITE_URL}{reverse('accounts:password_reset')}",
            "days": LINK_DAYS,
        }
        if existing is None:
            token = signing.dumps({"email": email, "next": next_url, "lang": lang}, salt=SALT)
            context["link"] = (
                f"{settings.SITE_URL}{reverse('accounts:signup_confirm', args=[token])}"
            )
            template = "accounts/email/signup"
        else:
            template = "accounts/email/signup_exists"
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, [email])


def read_link(token: str) -> Invitation:
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_DAYS * 86400)
    except signing.BadSignature as error:  # SignatureExpired included
        raise BadLink from error
    return Invitation(email=str(data["email"]), next_url=str(data.get("next", "")))


@transaction.atomic
def create_account(
    *,
    invitation: Invitation,
    password: str,
    certificate_name: str,
    preferred_language: str,
    time_zone: str,
    member_city_id: int | None,
    other_city: str,
    position: str,
    gender_self_described: str,
    gender_consent: bool,
    gender: str = "",
) -> User | None:
    """The new account, or None when the address has one already (the link was used, or the
    person signed up in another tab): the caller sends them to sign in."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        return None
    now = timezone.now()
    kept, words = consented_gender(
        gender=gender, words=gender_self_described, consent=gender_consent
    )
    try:
        with transaction.atomic():
            return User.objects.create_user(
                invitation.email,
                password,
                certificate_name=certificate_name.strip(),
                preferred_language=preferred_language,
                time_zone=time_zone,
                member_city_id=member_city_id,
                other_city="" if member_city_id else other_city.strip(),
                position=position,
                gender=kept,
                gender_self_described=words,
                gender_consent_at=now if kept else None,
            )
    except IntegrityError:  # the same link submitted twice at once: one account
        return None


def create_from_form(*, invitation: Invitation, data: dict[str, Any]) -> User | None:
    """create_account() from a valid accounts.forms.SignupForm's cleaned data."""
    return create_account(
        invitation=invitation,
        password=data["password1"],
        certificate_name=data["certificate_name"],
        preferred_language=data["preferred_language"],
        time_zone=data["time_zone"],
        member_city_id=data["member_city"].pk if data["member_city"] else None,
        other_city=data["other_city"],
        position=data["position"],
        gender_self_described=data["gender_self_described"],
        gender_consent=data["gender_consent"],
        gender=data.get("gender") or "",
    )
