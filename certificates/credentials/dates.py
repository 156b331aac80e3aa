"""Dates as credentials write them: XML Schema dateTime in UTC, to the second."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("A credential's datetimes must be timezone-aware.")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def midnight(day: date) -> str:
    return timestamp(datetime.combine(day, time(0), tzinfo=UTC))


def day_of(text: str) -> date:
    return datetime.fromisoformat(text).date()
