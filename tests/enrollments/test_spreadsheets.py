"""Downloads open cleanly in a spreadsheet, never run what people typed, and the roster page
shows a large cohort a page at a time."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from enrollments import services, spreadsheets
from tests.enrollments.test_progress_and_statements import bulk_enroll
from tests.factories import UserFactory
from tests.shared import csv_text, downloaded

FORMULA = '=HYPERLINK("https://evil.example","Click")'


@pytest.fixture
def roster_url(cohort) -> str:
    return f"/api/v1/cohorts/{cohort.public_id}/roster/"


@pytest.fixture
def schemer(city):
    return UserFactory(email="schemer@rosario.example", certificate_name=FORMULA, member_city=city)


def test_accents_survive_and_a_name_typed_as_a_formula_stays_text_in_the_roster_csv(
    signed_in, coordinator, learner, schemer, cohort, roster_url
):
    services.enroll_learner(learner=learner, cohort=cohort)
    services.enroll_learner(learner=schemer, cohort=cohort)

    rows = list(
        csv.DictReader(
            io.StringIO(csv_text(signed_in(coordinator).get(roster_url, {"export": "csv"})))
        )
    )

    assert {row["learner"] for row in rows} == {"Ana Gutiérrez", f"'{FORMULA}"}
    assert {row["city"] for row in rows} == {"Rosario"}


def test_a_name_typed_as_a_formula_is_a_text_cell_in_the_roster_workbook(
    signed_in, coordinator, schemer, cohort, roster_url
):
    services.enroll_learner(learner=schemer, cohort=cohort)

    response = signed_in(coordinator).get(roster_url, {"export": "xlsx"})

    sheet = load_workbook(io.BytesIO(downloaded(response))).active
    header, row = list(sheet.iter_rows())[:2]
    learner_cell = row[[cell.value for cell in header].index("learner")]
    assert learner_cell.data_type == "s"
    assert learner_cell.value == f"'{FORMULA}"


def test_numbers_stay_numbers_and_only_text_is_guarded():
    assert [spreadsheets.cell(v) for v in (-3, 0.5, Decimal("-1.5"), None)] == [
        -3,
        0.5,
        Decimal("-1.5"),
        None,
    ]
    assert [spreadsheets.cell(v) for v in ("-3", "+1", "@SUM(A1)", "<5", "São Paulo")] == [
        "'-3",
        "'+1",
        "'@SUM(A1)",
        "<5",
        "São Paulo",
    ]


def test_an_unknown_export_format_is_refused_with_a_reason(
    signed_in, coordinator, cohort, roster_url
):
    response = signed_in(coordinator).get(roster_url, {"export": "pdf"})

    assert response.status_code == 400
    assert "csv or xlsx" in str(response.json())


def test_the_roster_export_is_streamed_with_every_learner(
    signed_in, coordinator, cohort, roster_url
):
    cohort.capacity = None
    cohort.save()
    bulk_enroll(cohort, 250)

    response = signed_in(coordinator).get(roster_url, {"export": "csv"})

    assert response.streaming
    assert len(csv_text(response).splitlines()) == 1 + 250


def test_the_roster_page_shows_a_hundred_learners_at_a_time_for_the_same_queries(
    signed_in, coordinator, cohort
):
    cohort.capacity = None
    cohort.save()
    client = signed_in(coordinator)
    url = f"/en/cohorts/{cohort.public_id}/roster/"

    def visit(**params: str) -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        return response.content.decode(), len(queries)

    bulk_enroll(cohort, 120)
    visit()  # warm the caches: the session, the header's catalogue link
    first, cost = visit()
    assert first.count('<th scope="row">') == 100
    assert "Page 1 of 2 (120 learners)" in first
    assert 'rel="next"' in first
    second, _ = visit(page="2")
    assert second.count('<th scope="row">') == 20

    from accounts.models import User
    from enrollments.models import Enrollment

    more = User.objects.bulk_create(
        [User(email=f"more{n}@many.example", password="!") for n in range(400)]
    )
    Enrollment.objects.bulk_create(
        [Enrollment(cohort=cohort, learner=p, status="active") for p in more]
    )
    _, cost_with_more = visit()
    assert cost_with_more == cost
