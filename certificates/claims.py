"""What a certificate says, frozen when it is issued: the PDF, the credential and the verify
page all print from this one snapshot, so they cannot disagree."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

COMPLETION = "completion"
ATTENDANCE = "attendance"
PATH = "path"  # every course of a learning path: the courses are its evidence


@dataclass(frozen=True)
class Claims:
    code: str  # 16 Crockford base32 symbols, canonical form (no hyphens)
    holder_name: str
    course_code: str
    course_title: str
    course_description: str
    hours: int
    cohort_name: str
    starts_on: date
    ends_on: date
    completed_on: date
    delegation_name: str
    language: str  # one of settings.LANGUAGES: es, pt, fr, en, ca
    issued_on: date
    verify_url: str  # the short public address the QR code opens
    # "completion" (a course's edition) or "attendance" (a network activity: seminar, visit…).
    # Last and with a default: snapshots frozen before it existed read as completion.
    kind: str = "completion"
    # A path's courses as completed: {"code", "title", "completed_on", "verify_url"} each (the
    # course certificate's public address, or "" when it has none).
    evidence: tuple[dict[str, str], ...] = ()

    @property
    def is_attendance(self) -> bool:
        return self.kind == ATTENDANCE

    @property
    def is_path(self) -> bool:
        return self.kind == PATH

    @property
    def display_code(self) -> str:
        return "-".join(self.code[i : i + 4] for i in range(0, 16, 4))

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("starts_on", "ends_on", "completed_on", "issued_on"):
            data[key] = data[key].isoformat()
        data["evidence"] = [dict(item) for item in self.evidence]
        if not self.evidence:
            del data["evidence"]  # a course's snapshot reads as before paths existed
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Claims:
        values = dict(data)
        for key in ("starts_on", "ends_on", "completed_on", "issued_on"):
            values[key] = date.fromisoformat(values[key])
        values["evidence"] = tuple(dict(item) for item in values.get("evidence", ()))
        return cls(**values)
