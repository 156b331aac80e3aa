"""Reports: the figures a coordinator sees for a cohort and a delegation, the open figures
anyone sees, and that no group of fewer than REPORT_MIN_CELL people shows anywhere."""

from __future__ import annotations

import csv
import datetime
import io
import re
import uuid
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from accounts.models import User
from assignments.models import Review, Submission, Version
from cms.models import Activity
from enrollments.models import ActivityResult, Enrollment, Invitation, LessonProgress, Statement
from enrollments.reports import aggregates
from tests.factories import (
    CohortFactory,
    CountryFactory,
    MemberCityFactory,
    add_activity,
    add_assignment,
)
from tests.shared import csv_text

NOW = timezone.now()


def person(*, city=None, position="other", gender="") -> User:
    """A learner without a password hash: reports never sign anyone in."""
    return User.objects.create(
        email=f"{uuid.uuid4().hex[:10]}@people.example",
        password="!",
        member_city=city,
        position=position,
        gender=gender if gender in ("woman", "man") else ("own_words" if gender else ""),
        gender_self_described="" if gender in ("woman", "man") else gender,
        gender_consent_at=NOW if gender else None,
    )


def enrol(cohort, learner, *, status="active", completed_after_days=None) -> Enrollment:
    enrolled_at = NOW - datetime.timedelta(days=30)
    enrollment = Enrollment.objects.create(
        cohort=cohort, learner=learner, status=status, enrolled_at=enrolled_at
    )
    if completed_after_days is not None:
        Enrollment.objects.filter(pk=enrollment.pk).update(
            status="completed",
            completed_at=enrolled_at + datetime.timedelta(days=completed_after_days),
        )
        enrollment.refresh_from_db()
    return enrollment


def enrol_many(cohort, count: int, **person_fields) -> list[Enrollment]:
    return [enrol(cohort, person(**person_fields)) for _ in range(count)]


@pytest.fixture
def roomy(cohort):
    cohort.capacity = None
    cohort.save()
    return cohort


def country_city(name: str, iso: str, delegation):
    country = CountryFactory(iso_code=iso, name=name, delegation=delegation)
    return MemberCityFactory(country=country, delegation=delegation, name=f"{name} city")


@pytest.fixture
def three_countries(roomy):
    """10 people from Argentina, 8 from Brazil and 2 from Chile."""
    delegation = roomy.delegation
    cities = {
        iso: country_city(name, iso, delegation)
        for name, iso in [("Argentina", "AR"), ("Brazil", "BR"), ("Chile", "CL")]
    }
    for iso, how_many in [("AR", 10), ("BR", 8), ("CL", 2)]:
        enrol_many(roomy, how_many, city=cities[iso])
    return roomy


def api_country_row(client, cohort, iso: str) -> dict:
    data = client.get(f"/api/v1/cohorts/{cohort.public_id}/report/").json()
    table = next(t for t in data["breakdowns"] if t["dimension"] == "country")
    return next(group for group in table["groups"] if group["key"] == iso)


# The funnel -----------------------------------------------------------------------------------


def test_the_funnel_follows_people_from_invitation_to_certificate(roomy, site):
    from certificates import services as certificates

    for n in range(7):
        Invitation.objects.create(cohort=roomy, email=f"guest{n}@city.example", expires_at=NOW)
    enrollments = enrol_many(roomy, 11)
    withdrawn = enrol(roomy, person(), status="withdrawn")
    enrol(roomy, person(), status="waitlisted").__class__.objects.filter(
        learner__email__startswith="x"
    )
    Enrollment.objects.filter(status="waitlisted").update(enrolled_at=None)
    for enrollment in enrollments[:6]:
        LessonProgress.objects.create(enrollment=enrollment, lesson=site["lesson"], viewed_at=NOW)
    Enrollment.objects.filter(pk__in=[e.pk for e in enrollments[6:9]] + [withdrawn.pk]).update(
        last_activity_at=NOW
    )
    for days, enrollment in zip([2, 4, 6, 8, 10, 12], enrollments, strict=False):
        Enrollment.objects.filter(pk=enrollment.pk).update(
            status="completed", completed_at=enrollment.enrolled_at + datetime.timedelta(days=days)
        )
        enrollment.refresh_from_db()
        certificate = certificates.start_certificate(enrollment=enrollment)
        if days > 2:
            type(certificate).objects.filter(pk=certificate.pk).update(status="issued")

    funnel = aggregates.cohort_report(roomy).funnel

    assert [(key, str(cell)) for key, _label, cell in funnel.stages()] == [
        ("invited", "7"),
        ("applied", "13"),  # and one still waiting
        ("enrolled", "12"),
        ("active", "10"),
        ("completed", "6"),
        ("certified", "5"),
    ]
    assert funnel.completion_rate == pytest.approx(0.5)
    assert funnel.median_days == 7.0


def test_stages_of_fewer_than_five_people_are_hidden_and_so_is_what_follows_from_them(roomy):
    enrollments = enrol_many(roomy, 9)
    for enrollment in enrollments[:2]:
        Enrollment.objects.filter(pk=enrollment.pk).update(status="completed", completed_at=NOW)

    funnel = aggregates.cohort_report(roomy).funnel

    assert str(funnel.enrolled) == "9"
    assert str(funnel.completed) == "<5"
    assert funnel.completion_rate is None
    assert funnel.median_days is None


# Breakdowns and small cells --------------------------------------------------------------------


def test_a_country_of_two_people_shows_as_less_than_five_on_the_page_in_the_api_and_in_csv(
    signed_in, coordinator, three_countries
):
    client = signed_in(coordinator)
    cohort = three_countries

    page = client.get(f"/en/cohorts/{cohort.public_id}/report/")
    assert page.status_code == 200
    html = page.content.decode()
    chile_row = html[html.index('<th scope="row">Chile</th>') :][:120]
    assert "&lt;5" in chile_row

    assert api_country_row(client, cohort, "CL")["enrolled"] == "<5"

    export = client.get(f"/api/v1/cohorts/{cohort.public_id}/report/", {"export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(csv_text(export))))
    assert lines[0] == ["section", "key", "group", "measure", "value"]
    assert ["country", "CL", "Chile", "enrolled", "<5"] in lines


def test_one_small_country_also_hides_the_next_smallest_so_the_total_does_not_give_it_away(
    signed_in, coordinator, three_countries
):
    client = signed_in(coordinator)

    assert api_country_row(client, three_countries, "AR")["enrolled"] == 10
    assert api_country_row(client, three_countries, "BR")["enrolled"] == "≥5"
    assert api_country_row(client, three_countries, "CL")["enrolled"] == "<5"
    funnel = client.get(f"/api/v1/cohorts/{three_countries.public_id}/report/").json()["funnel"]
    assert funnel["enrolled"] == 20


def test_the_xlsx_export_opens_in_a_spreadsheet_with_the_hidden_figures_as_text(
    signed_in, coordinator, three_countries
):
    from openpyxl import load_workbook

    response = signed_in(coordinator).get(
        f"/api/v1/cohorts/{three_countries.public_id}/report/", {"export": "xlsx"}
    )

    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["country"].iter_rows(values_only=True))
    assert rows[0] == ("key", "group", "enrolled", "completed")
    assert ("CL", "Chile", "<5", 0) in rows
    assert ("AR", "Argentina", 10, 0) in rows


def test_cities_are_shown_only_under_countries_whose_own_figures_are_shown(
    coordinator, three_countries
):
    report = aggregates.cohort_report(three_countries)

    cities = report.table("city")
    assert [(g.label, str(g.enrolled)) for g in cities.groups] == [
        ("Argentina city · Argentina", "10")
    ]
    assert cities.note


def test_positions_and_gender_answers_are_broken_down_with_rare_answers_counted_together(
    roomy,
):
    for _ in range(6):
        enrol(roomy, person(position="elected", gender="woman"))
    for _ in range(5):
        enrol(roomy, person(position="staff", gender="man"))
    for _ in range(4):
        enrol(roomy, person(position="staff", gender=" Mujer trans "))
    enrol(roomy, person(position="staff", gender="mujer trans"))
    enrol(roomy, person(position="staff", gender="no binarie"))
    enrol(roomy, person(position="staff", gender="agénero"))
    enrol(roomy, person(position="staff"))

    report = aggregates.cohort_report(roomy)

    genders = {g.label: str(g.enrolled) for g in report.table("gender").groups}
    # The offered answers in the reader's language; answers in people's own words as written
    # (case and spaces aside), and rare ones counted together.
    assert genders == {
        "women": "6",
        "men": "5",
        "Mujer trans": "5",
        "not stated": "<5",
        "other answers": "<5",
    }
    with translation.override("pt"):
        in_portuguese = aggregates.cohort_report(roomy)
        labels = {g.label for g in in_portuguese.table("gender").groups}
    assert {"mulheres", "homens", "Mujer trans"} <= labels
    positions = {g.label: str(g.enrolled) for g in report.table("position").groups}
    assert positions == {"Elected official": "6", "Municipal staff": "13"}


def test_a_breakdown_of_groups_that_would_all_be_given_away_is_withheld(roomy):
    delegation = roomy.delegation
    for iso in ("AR", "BR", "CL"):
        enrol_many(roomy, 4, city=country_city(iso, iso, delegation))

    table = aggregates.cohort_report(roomy).table("country")

    assert table.withheld
    assert table.groups == []
    assert table.note


# Activity and scores ----------------------------------------------------------------------------


def test_activity_is_counted_per_person_and_iso_week(roomy, site):
    monday = datetime.datetime(2025, 3, 3, 10, tzinfo=datetime.UTC)
    roomy.starts_on, roomy.ends_on = datetime.date(2025, 3, 1), datetime.date(2025, 5, 31)
    roomy.save()
    early, late = enrol_many(roomy, 6), enrol_many(roomy, 3)
    for enrollment in early:
        LessonProgress.objects.create(
            enrollment=enrollment,
            lesson=site["lesson"],
            viewed_at=monday,
            completed_at=monday + datetime.timedelta(days=1),
        )
    activity = Activity.objects.get(key=add_activity(site["lesson"], "Quiz"))
    for enrollment in late:
        Statement.objects.create(
            id=uuid.uuid4(),
            learner=enrollment.learner,
            enrollment=enrollment,
            activity=activity,
            verb="http://adlnet.gov/expapi/verbs/answered",
            content_digest="x",
            payload={},
            stored_at=monday + datetime.timedelta(days=14),
        )

    weeks = [(w.label, str(w.active)) for w in aggregates.cohort_report(roomy).weeks]

    assert weeks == [("2025-W10", "6"), ("2025-W11", "0"), ("2025-W12", "<5")]


def test_the_average_best_score_is_given_per_activity_with_its_title(roomy, site):
    quiz = Activity.objects.get(key=add_activity(site["lesson"], "Quiz"))
    essay = Activity.objects.get(key=add_activity(site["lesson2"], "Essay"))
    for n, enrollment in enumerate(enrol_many(roomy, 6)):
        ActivityResult.objects.create(
            enrollment=enrollment,
            activity=quiz,
            attempts=1,
            best_scaled=Decimal("0.5") + n // 3 * Decimal("0.3"),
        )
        if n < 2:
            ActivityResult.objects.create(
                enrollment=enrollment, activity=essay, attempts=1, best_scaled=Decimal("1")
            )

    scores = aggregates.cohort_report(roomy).scores

    assert [(s.title, str(s.people)) for s in scores] == [("Quiz", "6"), ("Essay", "<5")]
    assert scores[0].average == pytest.approx(0.65)
    assert scores[1].average is None


# Delegation reports -----------------------------------------------------------------------------


def test_a_delegation_figure_does_not_give_away_a_cohorts_hidden_one(roomy, site):
    delegation = roomy.delegation
    argentina = country_city("Argentina", "AR", delegation)
    brazil = country_city("Brazil", "BR", delegation)
    other = CohortFactory(course=roomy.course, delegation=delegation, title="Mayo")
    enrol_many(roomy, 10, city=argentina)
    enrol_many(roomy, 10, city=brazil)
    enrol_many(other, 2, city=argentina)
    enrol_many(other, 30, city=brazil)

    report = aggregates.delegation_report([roomy, other], date_from=NOW.date(), date_to=NOW.date())

    assert str(aggregates.cohort_report(other).table("country").groups[-1].enrolled) == "<5"
    countries = {g.key: str(g.enrolled) for g in report.table("country").groups}
    # 12 beside the first cohort's 10 would tell the second cohort's 2.
    assert countries["AR"] != "12"
    assert [str(c.funnel.enrolled) for c in report.cohorts] == ["20", "32"]
    assert str(report.funnel.enrolled) == "52"


def test_a_coordinator_sees_the_cohorts_of_their_delegations_that_run_in_the_period(
    signed_in, coordinator, roomy
):
    enrol_many(roomy, 6)
    CohortFactory(
        course=roomy.course,
        delegation=roomy.delegation,
        title="Antigua",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2020, 3, 1),
    )
    CohortFactory(course=roomy.course, title="Ajena")

    data = signed_in(coordinator).get("/api/v1/reports/delegation/").json()

    assert [c["title"] for c in data["cohorts"]] == ["Abril"]
    assert data["funnel"]["enrolled"] == 6
    old = signed_in(coordinator).get(
        "/api/v1/reports/delegation/", {"from": "2020-01-01", "to": "2020-12-31"}
    )
    assert [c["title"] for c in old.json()["cohorts"]] == ["Antigua"]


def test_a_trainer_sees_only_the_cohorts_they_run(signed_in, trainer, roomy):
    roomy.trainers.add(trainer)
    CohortFactory(course=roomy.course, delegation=roomy.delegation, title="Otra")

    data = (
        signed_in(trainer)
        .get("/api/v1/reports/delegation/", {"delegation": roomy.delegation.code})
        .json()
    )

    assert [c["title"] for c in data["cohorts"]] == ["Abril"]


def test_a_period_that_ends_before_it_starts_is_refused(signed_in, coordinator, roomy):
    response = signed_in(coordinator).get(
        "/api/v1/reports/delegation/", {"from": "2025-05-01", "to": "2025-01-01"}
    )

    assert response.status_code == 400


# Who may see what --------------------------------------------------------------------------------


def test_cohort_reports_are_for_the_cohorts_trainers_and_coordinators_only(
    client, signed_in, learner, trainer, coordinator, outside_coordinator, site_admin, roomy
):
    other_cohort = CohortFactory(course=roomy.course, delegation=roomy.delegation)
    other_cohort.trainers.add(trainer)
    api = f"/api/v1/cohorts/{roomy.public_id}/report/"
    page = f"/en/cohorts/{roomy.public_id}/report/"

    assert client.get(api).status_code == 401  # anonymous: sign in first
    assert client.get(page).status_code == 302
    for outsider in (learner, trainer, outside_coordinator):
        signed_in(outsider)
        assert client.get(api).status_code == 403, outsider
        assert client.get(f"{api}?export=csv").status_code == 403, outsider
        assert client.get(page).status_code == 403, outsider
        client.logout()
    roomy.trainers.add(trainer)
    for insider in (trainer, coordinator, site_admin):
        signed_in(insider)
        assert client.get(api).status_code == 200, insider
        assert client.get(page).status_code == 200, insider
        client.logout()
    assert signed_in(coordinator).get(f"/api/v1/cohorts/{uuid.uuid4()}/report/").status_code == 404


def test_delegation_reports_refuse_learners_and_other_delegations_coordinators(
    client, signed_in, learner, outside_coordinator, coordinator, roomy
):
    url = "/api/v1/reports/delegation/"
    mine = {"delegation": roomy.delegation.code}

    assert client.get(url).status_code == 401
    assert signed_in(learner).get(url).status_code == 403
    assert client.get("/en/reports/").status_code == 403
    client.logout()
    assert signed_in(outside_coordinator).get(url, mine).status_code == 403
    assert client.get("/en/reports/", mine).status_code == 403
    assert client.get(url, {"delegation": "nowhere"}).status_code == 404
    client.logout()
    assert signed_in(coordinator).get(url, mine).status_code == 200
    assert client.get("/en/reports/", mine).status_code == 200


# Open figures ------------------------------------------------------------------------------------


def test_the_open_figures_show_no_group_under_five(client, roomy):
    for _ in range(6):
        enrol(roomy, person(gender="mujer"), completed_after_days=5)
    for _ in range(2):
        enrol(roomy, person(gender="hombre"))
    enrol(roomy, person())
    small = CohortFactory(course=roomy.course, starts_on=datetime.date(2024, 2, 1))
    small.ends_on = datetime.date(2024, 5, 1)
    small.save()
    for _ in range(3):
        enrol(small, person(gender="mujer"))

    data = client.get("/api/v1/reports/open/").json()

    this_year, last_year = data["figures"]
    assert this_year["participants"] == 9
    assert this_year["completion_rate"] == pytest.approx(6 / 9)
    assert {s["answer"]: s["people"] for s in this_year["gender"]} == {
        "Mujer": 6,
        "not stated": "<5",
        "other answers": "<5",
    }
    assert last_year["participants"] == "<5"
    assert last_year["countries"] is None
    assert last_year["gender"] == [] and last_year["gender_withheld"]
    counts = [this_year["participants"], last_year["participants"]] + [
        s["people"] for f in data["figures"] for s in f["gender"]
    ]
    assert all(isinstance(n, str) or n == 0 or n >= 5 for n in counts)

    page = client.get("/en/figures/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt;5" in html and "hombre" not in html
    assert (
        client.get("/api/v1/reports/open/", {"year": "2024"}).json()["figures"][0]["year"] == 2024
    )
    assert client.get("/api/v1/reports/open/", {"year": "next"}).status_code == 400

    # The same figures to take away: a CSV file and the JSON, linked from the page, and a chart.
    assert 'href="/en/figures/?format=csv"' in html
    assert 'href="/api/v1/reports/open/"' in html
    assert 'aria-describedby="participants-chart-desc"' in html
    download = client.get("/es/figures/", {"format": "csv", "year": "2024"})
    assert download["Content-Type"].startswith("text/csv")
    assert "attachment" in download["Content-Disposition"]
    import csv
    import io

    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Código del curso", "Curso", "Año", "Participantes"]
    assert [row[2:4] for row in rows[1:]] == [["2024", "<5"]]  # hidden as on the page


# Pages -------------------------------------------------------------------------------------------


def test_report_pages_draw_accessible_charts_with_the_same_figures_in_tables(
    signed_in, coordinator, three_countries
):
    html = (
        signed_in(coordinator)
        .get(f"/en/cohorts/{three_countries.public_id}/report/")
        .content.decode()
    )

    assert html.count('role="img"') >= 3
    assert 'aria-label="From invitation to certificate"' in html
    assert '<title id="chart-funnel-title">From invitation to certificate</title>' in html
    assert "<table" in html and "<script" not in html
    assert "Enrolled: 20" in html  # the chart's description lists its figures


def test_the_roster_and_my_courses_link_to_the_reports(signed_in, coordinator, roomy):
    client = signed_in(coordinator)
    report_url = f"/en/cohorts/{roomy.public_id}/report/"

    assert report_url in client.get(f"/en/cohorts/{roomy.public_id}/roster/").content.decode()
    my_courses = client.get("/en/my-courses/").content.decode()
    assert report_url in my_courses and "/en/reports/" in my_courses


def test_the_delegation_report_page_shows_its_cohorts_and_a_period_form(
    signed_in, coordinator, roomy
):
    enrol_many(roomy, 5)

    html = signed_in(coordinator).get("/en/reports/").content.decode()

    assert 'name="from"' in html and 'name="to"' in html
    assert f"/en/cohorts/{roomy.public_id}/report/" in html


def test_the_report_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    for path in (
        "/api/v1/cohorts/{public_id}/report/",
        "/api/v1/reports/delegation/",
        "/api/v1/reports/open/",
    ):
        assert "get" in schema["paths"][path], path


# Cost --------------------------------------------------------------------------------------------


def busy_cohort(cohort, site, learners: int):
    """Learners from several places, with progress, statements and scores."""
    cities = [MemberCityFactory(delegation=cohort.delegation) for _ in range(3)]
    activity = Activity.objects.get(key=add_activity(site["lesson"], "Quiz"))
    people = User.objects.bulk_create(
        [
            User(
                email=f"busy{n}@{cohort.pk}.example",
                password="!",
                member_city=cities[n % 3],
                position=["elected", "staff", "other"][n % 3],
                gender_self_described=["mujer", "hombre", ""][n % 3],
                gender_consent_at=NOW if n % 3 < 2 else None,
            )
            for n in range(learners)
        ]
    )
    enrollments = Enrollment.objects.bulk_create(
        [
            Enrollment(
                cohort=cohort,
                learner=learner,
                status="completed" if n % 2 else "active",
                enrolled_at=NOW - datetime.timedelta(days=20),
                completed_at=NOW - datetime.timedelta(days=n % 7) if n % 2 else None,
            )
            for n, learner in enumerate(people)
        ]
    )
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(enrollment=e, lesson=lesson, viewed_at=NOW, completed_at=NOW)
            for e in enrollments
            for lesson in (site["lesson"], site["lesson2"])
        ]
    )
    ActivityResult.objects.bulk_create(
        [
            ActivityResult(enrollment=e, activity=activity, attempts=1, best_scaled=Decimal("0.8"))
            for e in enrollments
        ]
    )
    # Work handed in for two assignments, all of it accepted with points.
    lesson = site["lesson"].specific
    blocks = [b["id"] for b in lesson.body.raw_data if b["type"] == "assignment"]
    for block_id in blocks or [add_assignment(lesson, "Plan"), add_assignment(lesson, "Nota")]:
        submissions = Submission.objects.bulk_create(
            [
                Submission(
                    enrollment=e,
                    lesson=site["lesson"].specific,
                    block_id=block_id,
                    status="accepted",
                    submitted_at=NOW,
                )
                for e in enrollments
            ]
        )
        versions = Version.objects.bulk_create(
            [Version(submission=s, number=1, submitted_at=NOW) for s in submissions]
        )
        Review.objects.bulk_create(
            [Review(version=v, decision="accepted", levels=[1], points=3) for v in versions]
        )
    Statement.objects.bulk_create(
        [
            Statement(
                id=uuid.uuid4(),
                learner=e.learner,
                enrollment=e,
                activity=activity,
                verb="http://adlnet.gov/expapi/verbs/answered",
                content_digest="x",
                payload={},
                stored_at=NOW,
            )
            for e in enrollments
        ]
    )


@pytest.mark.parametrize("learners", [3, 40])
def test_a_cohort_report_costs_the_same_queries_for_3_or_40_learners(
    signed_in, coordinator, roomy, site, learners, django_assert_max_num_queries
):
    busy_cohort(roomy, site, learners)
    client = signed_in(coordinator)
    api = f"/api/v1/cohorts/{roomy.public_id}/report/"
    client.get(api)  # warm the session and the translation caches
    client.get(f"/en/cohorts/{roomy.public_id}/report/")  # and the header's catalogue link

    # Four of them for the assignments: who handed in and was accepted, the points, and the
    # titles in the lessons and their translations.
    with django_assert_max_num_queries(21):
        assert client.get(api).status_code == 200
    with django_assert_max_num_queries(21):
        assert client.get(api, {"export": "xlsx"}).status_code == 200
    # The page also lists the edition's sessions (none here) for their attendance, and the
    # figures of its discussions (five queries).
    with django_assert_max_num_queries(26):
        assert client.get(f"/en/cohorts/{roomy.public_id}/report/").status_code == 200


@pytest.mark.parametrize("cohorts", [2, 4])
def test_a_delegation_report_costs_the_same_queries_for_2_or_4_cohorts(
    signed_in, coordinator, roomy, site, cohorts, django_assert_max_num_queries
):
    busy_cohort(roomy, site, 12)
    for _ in range(cohorts - 1):
        busy_cohort(CohortFactory(course=roomy.course, delegation=roomy.delegation), site, 12)
    client = signed_in(coordinator)
    client.get("/api/v1/reports/delegation/")
    client.get("/en/reports/")  # warm the header's catalogue link

    with django_assert_max_num_queries(29):
        assert client.get("/api/v1/reports/delegation/").status_code == 200
    with django_assert_max_num_queries(35):  # four of them the discussions' figures
        assert client.get("/en/reports/").status_code == 200


def test_people_in_two_cohorts_are_counted_once_without_hiding_the_delegations_figures(roomy):
    delegation = roomy.delegation
    argentina, brazil, chile, uruguay = (
        country_city(name, name[:2].upper(), delegation)
        for name in ("Argentina", "Brazil", "Chile", "Uruguay")
    )
    may = CohortFactory(course=roomy.course, delegation=delegation, title="Mayo")
    june = CohortFactory(course=roomy.course, delegation=delegation, title="Junio")
    for learner in [person(city=argentina) for _ in range(3)]:
        enrol(roomy, learner)
        enrol(may, learner)
    enrol_many(roomy, 6, city=argentina)
    enrol_many(may, 3, city=argentina)
    enrol_many(roomy, 7, city=brazil)
    enrol_many(may, 8, city=brazil)
    enrol_many(june, 2, city=chile)
    enrol_many(june, 10, city=uruguay)

    report = aggregates.delegation_report(
        [roomy, may, june], date_from=NOW.date(), date_to=NOW.date()
    )

    assert str(report.funnel.enrolled) == "42"
    assert str(report.people) == "39"
    countries = {g.key: str(g.enrolled) for g in report.table("country").groups}
    assert countries == {"AR": "12", "BR": "15", "UR": "≥5", "CH": "<5"}


def test_people_counted_once_do_not_give_away_a_cohorts_hidden_count(signed_in, coordinator, roomy):
    """Issue 18, item 29: a cohort row "<5" beside one of 40 and a period total of 41."""
    other = CohortFactory(course=roomy.course, delegation=roomy.delegation, title="Mayo")
    enrol_many(roomy, 40)
    enrol_many(other, 1)

    data = signed_in(coordinator).get("/api/v1/reports/delegation/").json()
    rows = {c["title"]: c["funnel"]["enrolled"] for c in data["cohorts"]}
    assert rows == {"Abril": 40, "Mayo": "<5"}
    # Neither the period's people nor its enrolments may be 41: 41 - 40 is the hidden 1.
    assert data["people"] != 41
    assert data["funnel"]["enrolled"] != 41
    # Whatever is shown, the hidden count cannot be worked out from it.
    shown = [
        value for value in (data["people"], data["funnel"]["enrolled"]) if isinstance(value, int)
    ]
    assert all(value - 40 not in range(0, 5) for value in shown)


def test_a_bar_hidden_to_protect_a_smaller_group_is_drawn_dashed_to_the_least_it_can_be():
    from enrollments.reports import charts
    from enrollments.reports.suppression import Cell, Kind, count

    svg = str(
        charts.bar_chart(
            chart_id="c",
            title="t",
            bars=[
                charts.Bar("Argentina", count(19, min_cell=5)),
                charts.Bar("Brasil", Cell(Kind.HIDDEN, 5)),
                charts.Bar("Chile", count(3, min_cell=5)),
            ],
        )
    )
    bars = re.findall(r'<rect class="chart-bar([^"]*)"[^>]*width="(\d+)"', svg)
    assert [(kind.strip(), int(width)) for kind, width in bars] == [
        ("", 246),  # 19 of 19: the whole area
        ("chart-at-least", round(246 * 5 / 19)),  # at least 5
    ]  # and Chile's "<5" draws nothing
    assert "Brasil: ≥5" in svg and "Chile: &lt;5" in svg


def test_weekly_activity_starts_with_the_edition(roomy, site):
    roomy.starts_on = (NOW - datetime.timedelta(days=20)).date()
    roomy.save()
    for _ in range(5):
        enrollment = enrol(roomy, person())
        LessonProgress.objects.create(
            enrollment=enrollment,
            lesson=site["lesson"],
            viewed_at=NOW - datetime.timedelta(days=60),  # read before the edition began
        )
        LessonProgress.objects.create(
            enrollment=enrollment,
            lesson=site["lesson2"],
            viewed_at=NOW - datetime.timedelta(days=3),
        )

    weeks = aggregates.cohort_report(roomy).weeks
    start = roomy.starts_on - datetime.timedelta(days=roomy.starts_on.weekday())
    assert weeks[0].starts_on == start


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["", "20x6", "99999"])
def test_open_figures_refuse_a_year_that_is_not_one(client, year):
    response = client.get("/api/v1/reports/open/", {"year": year})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "year"
