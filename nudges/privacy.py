"""What the reminders keep about a person, in their data download; erasing the account
deletes it (the enrolments' rows go with the enrolments)."""

from __future__ import annotations

from typing import Any

from accounts.models import User
from nudges.models import Delivery, Message, Nudge, Preference


def personal_data(user: User) -> dict[str, Any]:
    preference = Preference.objects.filter(user=user).first() or Preference(user=user)
    return {
        "receive": {
            kind: preference.wants(kind) for kind in ("welcome", "deadline", "inactive", "message")
        },
        "reminders_received": [
            {"cohort": str(n.enrollment.cohort.public_id), "kind": n.kind, "sent_at": n.sent_at}
            for n in Nudge.objects.filter(enrollment__learner=user, sent_at__isnull=False)
            .select_related("enrollment__cohort")
            .order_by("sent_at")
        ],
        "messages_received": [
            {
                "cohort": str(d.message.cohort.public_id),
                "subject": d.message.text_for(user.preferred_language)[0],
                "sent_at": d.sent_at,
            }
            for d in Delivery.objects.filter(enrollment__learner=user, sent_at__isnull=False)
            .select_related("message__cohort")
            .order_by("sent_at")
        ],
        "messages_written": [
            {"cohort": str(m.cohort.public_id), "subject": m.subject, "written_at": m.created_at}
            for m in Message.objects.filter(sent_by=user).select_related("cohort")
        ],
    }


def erase(user: User) -> None:
    Preference.objects.filter(user=user).delete()
    Nudge.objects.filter(enrollment__learner=user).delete()
    Delivery.objects.filter(enrollment__learner=user).delete()
    Message.objects.filter(sent_by=user).update(sent_by=None)
