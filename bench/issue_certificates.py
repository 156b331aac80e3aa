"""Measures certificate issuing: a cohort of completed enrolments through real workers and S3.

Usage (needs the real services: `make services-up`, then
`set -a && source /tmp/aula-services/services.env && set +a`):
    .venv/bin/python bench/issue_certificates.py [--learners 1000] [--concurrency 2] [--sample 30]

Prints the time per stage (claims and rows, signing, PDF, upload) for a sample issued in this
process, then issues the whole cohort with a Celery worker of its own (prefork, --concurrency
processes, on a queue of its own) against PostgreSQL and S3, and prints certificates per second.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
QUEUE = "aula-bench-certificates"


def prepare(learners: int) -> list[int]:
    """A bench cohort with `learners` completed enrolments and no certificates yet."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from accounts.models import User
    from cms.demo.seed import seed_demo
    from courses.models import Cohort
    from enrollments.models import Enrollment

    if connection.vendor != "postgresql" or not settings.AWS_STORAGE_BUCKET_NAME:
        sys.exit("Run the bench on PostgreSQL and S3: source /tmp/aula-services/services.env.")
    call_command("migrate", verbosity=0)
    seed_demo()
    template = Cohort.objects.filter(course__code="CEC-101", language="es").first()
    cohort, _ = Cohort.objects.get_or_create(
        title="Bench certificates",
        defaults={
            "course": template.course,
            "delegation": template.delegation,
            "language": "es",
            "starts_on": template.starts_on,
            "ends_on": template.ends_on,
            "enrollment_opens_at": template.enrollment_opens_at,
            "enrollment_closes_at": template.enrollment_closes_at,
            "status": template.status,
        },
    )
    languages = [code for code, _name in settings.LANGUAGES]
    existing = set(
        User.objects.filter(email__startswith="bench-cert-").values_list("email", flat=True)
    )
    User.objects.bulk_create(
        [
            User(
                email=f"bench-cert-{n}@bench.example",
                certificate_name=f"Persona de Prueba Número {n}",
                preferred_language=languages[n % len(languages)],
            )
            for n in range(learners)
            if f"bench-cert-{n}@bench.example" not in existing
        ]
    )
    people = User.objects.filter(email__startswith="bench-cert-").order_by("pk")[:learners]
    now = timezone.now()
    Enrollment.objects.bulk_create(
        [
            Enrollment(
                cohort=cohort,
                learner=person,
                status=Enrollment.Status.COMPLETED,
                enrolled_at=now,
                completed_at=now,
            )
            for person in people
        ],
        ignore_conflicts=True,
    )
    enrollments = Enrollment.objects.filter(cohort=cohort).order_by("pk")
    from certificates.models import Certificate

    Certificate.objects.filter(enrollment__cohort=cohort, replaces__isnull=False).delete()
    Certificate.objects.filter(enrollment__cohort=cohort).delete()
    return list(enrollments.values_list("pk", flat=True)[:learners])


def stages(enrollment_ids: list[int]) -> dict[str, list[float]]:
    """Each stage timed on its own, in this process, for a sample."""
    from django.core.files.base import ContentFile

    from certificates import rendering, services
    from certificates.models import Certificate
    from enrollments.models import Enrollment

    storage = Certificate._meta.get_field("pdf").storage  # type: ignore[attr-defined]
    timings: dict[str, list[float]] = {"claims": [], "signing": [], "pdf": [], "upload": []}
    for pk in enrollment_ids:
        enrollment = Enrollment.objects.select_related("cohort__course", "learner").get(pk=pk)
        start = time.perf_counter()
        certificate = services._create(enrollment=enrollment, replaces=None, issued_by=None)
        timings["claims"].append(time.perf_counter() - start)
        start = time.perf_counter()
        credential = services.credential_for(certificate, at=certificate.created_at)
        timings["signing"].append(time.perf_counter() - start)
        start = time.perf_counter()
        pdf = rendering.render(certificate, credential_json=json.dumps(credential).encode())
        timings["pdf"].append(time.perf_counter() - start)
        start = time.perf_counter()
        name = storage.save(f"bench/{certificate.code}.pdf", ContentFile(pdf))
        timings["upload"].append(time.perf_counter() - start)
        storage.delete(name)
        Certificate.objects.filter(pk=certificate.pk).delete()
    return timings


def start_worker(concurrency: int) -> subprocess.Popen[bytes]:
    worker = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "celery"),
            "-A",
            "config",
            "worker",
            "-Q",
            QUEUE,
            "--pool=prefork",
            f"--concurrency={concurrency}",
            "--loglevel=WARNING",
            "-n",
            f"bench-certificates-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
        stdout=subprocess.DEVNULL,
    )
    from config.celery import app

    for _ in range(120):
        replies = app.control.ping(timeout=0.5)
        if any(f"bench-certificates-{os.getpid()}@" in name for reply in replies for name in reply):
            return worker
        time.sleep(0.5)
    worker.kill()
    sys.exit("the bench worker did not start")


def issue_all(enrollment_ids: list[int], concurrency: int) -> tuple[float, float, int]:
    from certificates import services, tasks
    from certificates.models import Certificate
    from enrollments.models import Enrollment

    worker = start_worker(concurrency)
    try:
        start = time.perf_counter()
        pending = [
            services._create(enrollment=enrollment, replaces=None, issued_by=None)
            for enrollment in Enrollment.objects.filter(pk__in=enrollment_ids).select_related(
                "cohort__course", "cohort__delegation", "learner"
            )
        ]
        rows = time.perf_counter() - start
        for certificate in pending:
            tasks.issue_certificate.apply_async((certificate.pk,), queue=QUEUE)
        ids = [c.pk for c in pending]
        while True:
            done = Certificate.objects.filter(pk__in=ids, status="issued").count()
            if done == len(ids):
                break
            time.sleep(0.25)
        return rows, time.perf_counter() - start, len(ids)
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--sample", type=int, default=30)
    args = parser.parse_args()
    ids = prepare(args.learners)

    timings = stages(ids[: args.sample])
    print(f"stages, median of {args.sample} certificates issued in this process:")
    for stage, values in timings.items():
        print(f"  {stage:<8}{statistics.median(values) * 1000:>8.1f} ms")
    total = sum(statistics.median(v) for v in timings.values())
    print(f"  {'total':<8}{total * 1000:>8.1f} ms  (one process: {1 / total:.1f} certificates/s)")

    rows, elapsed, count = issue_all(ids, args.concurrency)
    print(
        f"{count} certificates issued by a worker of {args.concurrency} processes on "
        f"PostgreSQL + S3 in {elapsed:.1f} s ({count / elapsed:.1f} certificates/s; "
        f"{rows:.1f} s of it creating the pending rows with their claims)"
    )


if __name__ == "__main__":
    main()
