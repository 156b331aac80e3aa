"""Signed, expiring links to attached files: the link alone is not enough (the reader must
also be the learner or one of the edition's trainers or coordinators), and it stops working
after LINK_SECONDS."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

from assignments.models import Attachment

LINK_SECONDS = 15 * 60
_SALT = "assignments.file"


def file_url(attachment: Attachment) -> str:
    token = signing.TimestampSigner(salt=_SALT).sign(str(attachment.public_id))
    return reverse("assignments:file", kwargs={"token": token})


def attachment_id(token: str) -> str | None:
    try:
        return signing.TimestampSigner(salt=_SALT).unsign(token, max_age=LINK_SECONDS)
    except signing.BadSignature:  # SignatureExpired is one
        return None
