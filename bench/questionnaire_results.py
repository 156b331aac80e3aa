"""Measures questionnaire results: the aggregates, the page and the XLSX export for a
questionnaire with many responses.

Usage (on PostgreSQL: `make services-up`, then
`set -a && source /tmp/aula-services/services.env && set +a`):
    .venv/bin/python bench/questionnaire_results.py [--responses 5000]

Builds a cohort with the demo's end-of-course questionnaire and `--responses` anonymous
responses (bulk-inserted), then prints the median time and query count of the results.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def prepare(count: int):  # type: ignore[no-untyped-def]
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from cms.demo.seed import seed_demo
    from courses.models import Cohort
    from enrollments.demo import seed_questionnaires
    from enrollments.questionnaires.models import Answer, Questionnaire, Response

    if connection.vendor != "postgresql":
        sys.exit("Run the bench on PostgreSQL: source /tmp/aula-services/services.env first.")
    call_command("migrate", verbosity=0)
    seed_demo()
    seed_questionnaires()
    cohort = Cohort.objects.filter(course__code="CEC-101", language="es").first()
    questionnaire = Questionnaire.objects.filter(cohort=cohort).first()
    have = questionnaire.responses.count()
    random.seed(7)
    languages = ["es", "pt", "fr", "en", "ca"]
    responses = [
        Response(questionnaire=questionnaire, language=random.choice(languages))
        for _ in range(max(0, count - have))
    ]
    Response.objects.bulk_create(responses, batch_size=1000)
    answers = []
    for response in responses:
        answers += [
            Answer(response=response, question="overall", number=random.randint(1, 5)),
            Answer(response=response, question="useful", number=random.randint(1, 5)),
            Answer(response=response, question="recommend", number=random.randint(0, 10)),
            Answer(
                response=response,
                question="format",
                option=random.choice(["online", "blended", "in-person"]),
            ),
            Answer(response=response, question="topics", option="inclusion"),
        ]
        if random.random() < 0.2:
            answers.append(Answer(response=response, question="comments", text="Muy útil."))
    Answer.objects.bulk_create(answers, batch_size=5000)
    return questionnaire


def timed(label: str, action, runs: int = 5) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    durations = []
    queries = 0
    for _ in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            action()
            durations.append(time.perf_counter() - start)
        queries = len(captured)
    print(f"{label:<34}{statistics.median(durations) * 1000:>10.1f} ms{queries:>8} queries")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=5000)
    args = parser.parse_args()
    questionnaire = prepare(args.responses)
    from enrollments.questionnaires import exports, results

    print(f"{questionnaire.responses.count()} responses")
    timed("results (aggregates)", lambda: results.results(questionnaire, language="es"))
    found = results.results(questionnaire, language="es")
    timed("XLSX export", lambda: exports.export(found, "xlsx"))
    timed("CSV export", lambda: exports.export(found, "csv"))


if __name__ == "__main__":
    main()
