"""Bulk import of learners from CSV or XLSX: check every row, then create accounts and invite.

A file with any problem writes nothing. Importing the same file again changes nothing: accounts
are matched by e-mail and invitations are unique per cohort and address.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import MemberCity, User
from courses.models import Cohort
from enrollments import invitations
from enrollments.models import ImportJob, Invitation

COLUMNS = ["email", "name", "city", "country", "position", "language"]
MAX_ROWS = 5000
POSITIONS = {choice.value for choice in User.Position}
LANGUAGES = {code for code, _name in settings.LANGUAGES}


@dataclass
class Row:
    number: int
    email: str
    name: str
    city: MemberCity | None
    position: str
    language: str


@dataclass
class Checked:
    rows: list[Row] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)


def read_table(*, content: bytes, file_name: str) -> list[dict[str, str]]:
    """The file's rows as dicts keyed by lower-case column names; raises on a wrong layout."""
    if file_name.lower().endswith(".xlsx"):
        records = _read_xlsx(content)
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                _("The CSV file must be encoded in UTF-8."), code="bad_encoding"
            ) from None
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t") if text.strip() else "excel"
        records = list(csv.reader(io.StringIO(text), dialect))
    if not records:
        raise ValidationError(_("The file is empty."), code="empty_file")
    header = [str(cell or "").strip().lower() for cell in records[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise ValidationError(
            _("The file must have the columns %(expected)s; missing: %(missing)s.")
            % {"expected": ", ".join(COLUMNS), "missing": ", ".join(missing)},
            code="wrong_columns",
        )
    rows = [
        {name: str(cell or "").strip() for name, cell in zip(header, record, strict=False)}
        for record in records[1:]
        if any(str(cell or "").strip() for cell in record)
    ]
    if len(rows) > MAX_ROWS:
        raise ValidationError(
            _("Import at most %(count)d rows at a time.") % {"count": MAX_ROWS},
            code="too_many_rows",
        )
    return rows


def _read_xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a file that is not a workbook
        raise ValidationError(
            _("The file is not a readable XLSX workbook."), code="bad_file"
        ) from None
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def check_rows(records: list[dict[str, str]]) -> Checked:
    """Every problem of every row, in words; rows without problems are resolved to cities."""
    checked = Checked()
    cities = _cities()
    seen: set[str] = set()
    for number, record in enumerate(records, start=2):  # row 1 is the header
        problems = []
        email = record.get("email", "").lower()
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("“%(email)s” is not an e-mail address.") % {"email": email})
        if email in seen:
            problems.append(_("%(email)s appears twice in the file.") % {"email": email})
        seen.add(email)
        if not record.get("name"):
            problems.append(_("The name is missing."))
        city = None
        if record.get("city"):
            key = (record["city"].lower(), record.get("country", "").lower())
            city = cities.get(key)
            if city is None:
                problems.append(
                    _("There is no member city “%(city)s” in “%(country)s”.")
                    % {"city": record["city"], "country": record.get("country", "")}
                )
        position = record.get("position", "").lower() or User.Position.OTHER
        if position not in POSITIONS:
            problems.append(
                _("The position must be one of %(choices)s.")
                % {"choices": ", ".join(sorted(POSITIONS))}
            )
        language = record.get("language", "").lower() or settings.LANGUAGE_CODE
        if language not in LANGUAGES:
            problems.append(
                _("The language must be one of %(choices)s.")
                % {"choices": ", ".join(sorted(LANGUAGES))}
            )
        if problems:
            checked.problems.append({"row": number, "email": email, "problems": problems})
        else:
            checked.rows.append(Row(number, email, record["name"], city, position, language))
    return checked


def _cities() -> dict[tuple[str, str], MemberCity]:
    """Member cities by (name, country) in any language, country as ISO code or name."""
    index: dict[tuple[str, str], MemberCity] = {}
    for city in MemberCity.objects.select_related("country").prefetch_related(
        "translations", "country__translations"
    ):
        countries = {city.country.iso_code.lower()} | {
            t.name.lower() for t in city.country.translations.all()
        }
        for translation in city.translations.all():
            for country in countries:
                index[(translation.name.lower(), country)] = city
    return index


def run_import(
    *, job: ImportJob, on_progress: Callable[[int, int], None] | None = None
) -> ImportJob:
    """Checks the job's file; unless it is a dry run and nothing is wrong, imports it."""
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    try:
        with job.file.open("rb") as handle:
            records = read_table(content=handle.read(), file_name=job.file_name)
    except ValidationError as error:
        return _finish(
            job,
            status=ImportJob.Status.FAILED,
            problems=[{"row": None, "problems": error.messages}],
        )
    checked = check_rows(records)
    job.total_rows = len(records)
    if job.dry_run and not checked.problems:
        # What importing would do, for the coordinator to confirm.
        emails = [row.email for row in checked.rows]
        known = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
        already = set(
            Invitation.objects.filter(cohort=job.cohort, email__in=emails).values_list(
                "email", flat=True
            )
        )
        job.created_accounts = len(set(emails) - known)
        job.created_invitations = len(set(emails) - already)
    if checked.problems or job.dry_run:
        return _finish(
            job,
            status=ImportJob.Status.FAILED if checked.problems else ImportJob.Status.DONE,
            problems=checked.problems,
            processed=len(records),
        )
    with transaction.atomic():
        accounts = invited = 0
        for done, row in enumerate(_import_rows(job, checked.rows), start=1):
            accounts += row[0]
            invited += row[1]
            if done % 50 == 0 or done == len(checked.rows):
                ImportJob.objects.filter(pk=job.pk).update(processed_rows=done)
                if on_progress:
                    on_progress(done, len(checked.rows))
        job.created_accounts, job.created_invitations = accounts, invited
        return _finish(job, status=ImportJob.Status.DONE, problems=[], processed=len(records))


def _import_rows(job: ImportJob, rows: list[Row]) -> Iterator[tuple[int, int]]:
    existing = {u.email: u for u in User.objects.filter(email__in=[r.email for r in rows])}
    for row in rows:
        new_account = row.email not in existing
        if new_account:
            user = User.objects.create_user(
                row.email,
                None,
                certificate_name=row.name,
                member_city=row.city,
                position=row.position,
                preferred_language=row.language,
                # Their country's, until they choose one on their profile.
                time_zone=row.city.country.time_zone if row.city else "",
            )
            existing[row.email] = user
        _invitation, new_invitation = invitations.invite(
            cohort=job.cohort, email=row.email, invited_by=job.created_by
        )
        yield int(new_account), int(new_invitation)


def _finish(
    job: ImportJob, *, status: str, problems: list[dict[str, Any]], processed: int = 0
) -> ImportJob:
    job.status = status
    job.problems = problems
    job.processed_rows = processed
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "status",
            "problems",
            "processed_rows",
            "total_rows",
            "created_accounts",
            "created_invitations",
            "finished_at",
        ]
    )
    return job


@transaction.atomic
def start_import(
    *, cohort: Cohort, created_by: User, file: Any, file_name: str, dry_run: bool
) -> ImportJob:
    from accounts import access
    from enrollments import tasks
    from enrollments.errors import NotAllowed

    if not access.can_manage_cohort(created_by, cohort):
        raise NotAllowed(_("Only the cohort's coordinators import learners."), code="forbidden")
    if not file_name.lower().endswith((".csv", ".xlsx")):
        raise ValidationError(_("Send a .csv or .xlsx file."), code="bad_file")
    job = ImportJob(cohort=cohort, created_by=created_by, file_name=file_name, dry_run=dry_run)
    job.file.save(file_name, file, save=False)
    job.save()
    tasks.run_import.delay_on_commit(job.pk)
    return job


def confirm(*, check: ImportJob, by: User) -> ImportJob:
    """Imports the file a dry run found clean. Confirming the same check twice (a double click,
    a retried request) starts one import and returns it."""
    from accounts import access
    from enrollments import tasks
    from enrollments.errors import Conflict, NotAllowed

    if not access.can_manage_cohort(by, check.cohort):
        raise NotAllowed(_("Only the cohort's coordinators import learners."), code="forbidden")
    if not check.dry_run or check.status != ImportJob.Status.DONE:
        raise Conflict(_("Only a check that found no problem can be imported."), code="not_checked")
    with transaction.atomic():
        locked = ImportJob.objects.select_for_update().get(pk=check.pk)
        existing = ImportJob.objects.filter(confirms=locked).first()
        if existing is not None:
            return existing
        job = ImportJob.objects.create(
            cohort=locked.cohort,
            created_by=by,
            file=locked.file.name,
            file_name=locked.file_name,
            dry_run=False,
            confirms=locked,
        )
        tasks.run_import.delay_on_commit(job.pk)
    return job
