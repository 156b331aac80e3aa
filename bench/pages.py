"""Measures learner pages on the demo content: queries per page and time per request.

Usage: .venv/bin/python bench/pages.py [--requests N]
Runs against whatever database the environment configures (the embedded SQLite by default),
seeding the demo first if it is missing. Prints one line per page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from cms.demo.seed import seed_demo  # noqa: E402
from cms.models import CoursePage, LessonPage  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    seed_demo()
    course = CoursePage.objects.live().filter(locale__language_code="es").first()
    lesson = LessonPage.objects.live().descendant_of(course).first()
    paths = {
        "catalogue es": "/es/cursos/",
        "catalogue pt": "/pt/cursos/",
        "course es": course.url,
        "course pt (translated)": course.url.replace("/es/", "/pt/", 1),
        "lesson es": lesson.url,
        "lesson fr (fallback)": lesson.url.replace("/es/", "/fr/", 1),
    }
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<26}{'status':>7}{'queries':>9}{'median ms':>11}{'p95 ms':>9}")
    for name, path in paths.items():
        client.get(path)  # warm caches
        connection.queries_log.clear()  # a full log (seeding fills it) would hide new queries
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{name:<26}{response.status_code:>7}{len(queries):>9}"
            f"{statistics.median(timings):>11.1f}{p95:>9.1f}"
        )


if __name__ == "__main__":
    main()
