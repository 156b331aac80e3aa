"""E-mails a person can stop with one click: the link in the text, and the List-Unsubscribe
headers (RFC 8058) that mail programs show as a button and post to."""

from __future__ import annotations

from django.core.mail import EmailMessage


def one_click_email(*, to: str, subject: str, body: str, unsubscribe_url: str) -> EmailMessage:
    return EmailMessage(
        subject,
        body,
        None,
        [to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
