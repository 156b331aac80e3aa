from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from accounts.models import User
from courses.models import Cohort
from enrollments import imports
from enrollments.models import ImportJob


class Command(BaseCommand):
    help = (
        "Invites the learners of a CSV or XLSX file (email, name, city, country, position, "
        "language) to a cohort. Checks every row first; --dry-run only checks."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("cohort", help="the cohort's public id")
        parser.add_argument("file", type=Path)
        parser.add_argument("--as", dest="email", required=True, help="the coordinator importing")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("en")
        cohort = Cohort.objects.filter(public_id=options["cohort"]).first()
        coordinator = User.objects.filter(email__iexact=options["email"]).first()
        if cohort is None or coordinator is None:
            raise CommandError("No such cohort or coordinator.")
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        with path.open("rb") as handle:
            job = ImportJob(
                cohort=cohort,
                created_by=coordinator,
                file_name=path.name,
                dry_run=options["dry_run"],
            )
            job.file.save(path.name, File(handle), save=False)
            job.save()
        job = imports.run_import(job=job, on_progress=self.progress_bar)
        for problem in job.problems:
            where = f"row {problem['row']}" if problem.get("row") else "file"
            for text in problem["problems"]:
                self.stderr.write(f"{where}: {text}")
        if job.status == ImportJob.Status.FAILED:
            raise CommandError(f"Nothing imported: {len(job.problems)} problem(s).")
        verb = "Checked" if job.dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {job.total_rows} rows: {job.created_accounts} new accounts, "
                f"{job.created_invitations} new invitations."
            )
        )

    def progress_bar(self, done: int, total: int) -> None:
        width = 40
        filled = int(width * done / total) if total else width
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
