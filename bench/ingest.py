"""Measures xAPI ingestion: concurrent learners posting statements to gunicorn on PostgreSQL.

Usage (needs the real services: `make services-up`, then `source /tmp/aula-services/services.env`):
    .venv/bin/python bench/ingest.py [--learners 20] [--statements 150] [--workers 4] [--rounds 5]

Sets up a bench cohort in the database named by DATABASE_URL (the demo is seeded if missing),
starts gunicorn on 127.0.0.1, and prints statements/s, p50 and p99 for POST /api/v1/xapi/statements
and for a bare one-INSERT view (bench/floor.py) on the same stack, and their ratio.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
PORT = 8765


def prepare(learners: int) -> tuple[list[str], str]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from rest_framework.authtoken.models import Token
    from wagtail.models import Locale

    from accounts.models import User
    from cms.demo.seed import seed_demo
    from cms.models import Activity, LessonPage, activity_iri
    from courses.models import Cohort
    from enrollments import services

    if connection.vendor != "postgresql":
        sys.exit("Run the bench on PostgreSQL: source /tmp/aula-services/services.env first.")
    call_command("migrate", verbosity=0)
    seed_demo()
    cohort = Cohort.objects.filter(course__code="CEC-101", language="es").first()
    cohort.capacity = None
    cohort.save()
    lesson = (
        LessonPage.objects.filter(locale=Locale.get_default(), live=True)
        .descendant_of(
            LessonPage.objects.filter(locale=Locale.get_default()).first().get_parent().get_parent()
        )
        .first()
    )
    activity = Activity.objects.filter(lesson=lesson).first()
    if activity is None:
        block = {
            "type": "h5p_activity",
            "id": str(uuid.uuid4()),
            "value": {"title": "Bench", "reference": "", "is_required": True},
        }
        lesson.body = [*lesson.body.raw_data, block]
        lesson.save_revision().publish()
        activity = Activity.objects.get(key=block["id"])
    tokens = []
    for n in range(learners):
        user, _ = User.objects.get_or_create(
            email=f"bench-{n}@bench.example", defaults={"certificate_name": f"Bench {n}"}
        )
        services.enroll_learner(learner=user, cohort=cohort)
        tokens.append(Token.objects.get_or_create(user=user)[0].key)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_floor (id uuid PRIMARY KEY, body jsonb NOT NULL)"
        )
    return tokens, activity_iri(activity.key)


def serve(
    workers: int,
    *,
    port: int = PORT,
    extra_env: dict[str, str] | None = None,
    static: bool = False,
) -> subprocess.Popen[bytes]:
    """Gunicorn with production settings on 127.0.0.1, answering as `localhost` (the
    `127.0.0.1` twin is the H5P content origin). `static` collects static files first, as a
    page with a stylesheet needs in production."""
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" * 8),
        "ALLOWED_HOSTS": "localhost",
        "XAPI_THROTTLE_RATE": "1000000/min",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "WARNING",
        **(extra_env or {}),
    }
    if static:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "bench.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/healthz", headers={"Host": "localhost"})
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not start")


def load(path: str, tokens: list[str], per_learner: int, iri: str) -> tuple[float, list[float]]:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(tokens))

    def learner(token: str) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        mine = []
        barrier.wait()
        for _ in range(per_learner):
            body = json.dumps(
                {
                    "id": str(uuid.uuid4()),
                    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                    "object": {"id": iri},
                    "result": {"score": {"raw": 7, "max": 10}},
                }
            )
            start = time.perf_counter()
            conn.request(
                "POST",
                path,
                body,
                {
                    "Content-Type": "application/json",
                    "Authorization": f"Token {token}",
                    "Host": "localhost",
                },
            )
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                errors.append(f"{path} answered {response.status}")
                return
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=learner, args=(t,)) for t in tokens]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{len(errors)} learners stopped: {errors[0]}")
    return time.perf_counter() - started, latencies


def report(name: str, elapsed: float, latencies: list[float], *, width: int = 28) -> float:
    """Prints one line (requests, rate, p50 and p99 in ms) and returns the rate."""
    latencies.sort()
    rate = len(latencies) / elapsed
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000
    print(f"{name:<{width}}{len(latencies):>8}{rate:>12.1f}{p50:>10.1f}{p99:>10.1f}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--statements", type=int, default=150, help="per learner, per round")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument(
        "--rounds", type=int, default=5, help="each round runs both, one after the other"
    )
    args = parser.parse_args()
    tokens, iri = prepare(args.learners)
    server = serve(args.workers)
    try:
        load("/api/v1/xapi/statements", tokens[:2], 5, iri)  # warm up every worker
        print(f"{'endpoint':<28}{'requests':>8}{'stmts/s':>12}{'p50 ms':>10}{'p99 ms':>10}")
        ratios = []
        for _round in range(args.rounds):
            # The same number of statements in turn, so that neither side always runs on a
            # warmer machine (single runs of a second swung the ratio by ten points).
            real = report(
                "POST /api/v1/xapi/statements",
                *load("/api/v1/xapi/statements", tokens, args.statements, iri),
            )
            floor = report(
                "bare one-INSERT view", *load("/bench/floor", tokens, args.statements, iri)
            )
            ratios.append(real / floor)
        shown = ", ".join(f"{100 * r:.0f}%" for r in ratios)
        print(
            f"ratio: the endpoint runs at {100 * statistics.median(ratios):.0f}% of the bare "
            f"view's throughput, median of {args.rounds} rounds ({shown}; {args.learners} "
            f"learners, {args.workers} gunicorn workers, PostgreSQL)"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
