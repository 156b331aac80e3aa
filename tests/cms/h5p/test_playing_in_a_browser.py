"""A learner plays H5P activities in a real browser (Debian's Chromium, driven by Playwright)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from cms.h5p import build, packages
from enrollments import services
from enrollments.models import ActivityResult, Statement
from tests.browser import finish, needs_chromium, signed_in_page
from tests.cms.h5p.test_packages import TRUE_FALSE
from tests.factories import add_activity

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def course(site, cohort, learner, site_admin):
    """The first lesson holds our quiz (multiple choice) and the real H5P.TrueFalse package."""
    quiz = packages.upload_package(
        file=io.BytesIO(
            build.multiple_choice(
                question="¿Qué hace una ciudad educadora?",
                answers=[("Educa en todos sus espacios", True), ("Solo construye escuelas", False)],
                language="es",
            )
        ),
        uploaded_by=site_admin,
    ).package
    real = packages.upload_package(
        file=io.BytesIO(TRUE_FALSE.read_bytes()), uploaded_by=site_admin
    ).package
    lesson = site["lesson"]
    quiz_key = add_activity(lesson, "Pregunta", package=quiz)
    real_key = add_activity(lesson, "Verdadero o falso", package=real)
    enrollment = services.enroll_learner(learner=learner, cohort=cohort)
    return {"lesson": lesson, "quiz": quiz_key, "real": real_key, "enrollment": enrollment}


def activity(page, key: str):
    """The H5P content inside our player iframe (h5p-standalone adds an iframe of its own)."""
    return page.frame_locator(f'iframe[data-activity-iri$="{key}"]').frame_locator("iframe")


def answer_quiz(page, key: str) -> None:
    frame = activity(page, key)
    frame.get_by_label("Educa en todos sus espacios").check()
    frame.get_by_role("button", name="Comprobar").click()


def answer_true_false(page, key: str) -> None:
    frame = activity(page, key)
    frame.locator(".h5p-true-false-answer").nth(1).click()  # "False" is right
    frame.locator(".h5p-question-check-answer").click()


def test_a_learner_answers_both_activities_and_the_lesson_completes_with_the_score(
    browser, origins, course, learner
):
    site, _content = origins
    context, page = signed_in_page(browser, site, learner)
    page.goto(site + course["lesson"].url)

    answer_quiz(page, course["quiz"])
    answer_true_false(page, course["real"])

    status = page.locator("#lesson-status")
    sync_api.expect(status).to_contain_text("Has completado esta lección", timeout=15_000)
    sync_api.expect(status.locator(f'[data-activity="{course["quiz"]}"]')).to_contain_text("100 %")
    results = {str(r.activity.key): r for r in ActivityResult.objects.select_related("activity")}
    assert results[course["quiz"]].best_scaled == 1
    assert results[course["real"]].best_scaled == 1
    assert Statement.objects.filter(learner=learner, verb__endswith="/answered").count() == 2
    finish(page, context)


def test_statements_made_while_the_server_is_unreachable_arrive_once_it_is_back(
    browser, origins, course, learner
):
    site, _content = origins
    context, page = signed_in_page(browser, site, learner)
    page.goto(site + course["lesson"].url)
    context.route("**/api/v1/xapi/statements", lambda route: route.abort("internetdisconnected"))

    answer_quiz(page, course["quiz"])
    page.wait_for_function("window.aulaXapiQueue && window.aulaXapiQueue.pending() > 0")
    assert not Statement.objects.exists()
    page.reload()  # the queue outlives the page
    context.unroute("**/api/v1/xapi/statements")
    page.evaluate("window.aulaXapiQueue.flush()")

    page.wait_for_function("window.aulaXapiQueue.pending() === 0", timeout=15_000)
    answered = Statement.objects.filter(learner=learner, verb__endswith="/answered")
    assert answered.count() == 1
    assert ActivityResult.objects.get(activity__key=course["quiz"]).attempts >= 1
    finish(page, context)


PROBE_JS = """
(function () {
  var H5P = window.H5P = window.H5P || {};
  H5P.AulaProbe = function () {};
  H5P.AulaProbe.prototype.attach = function ($container) {
    var out = document.createElement('pre');
    out.id = 'probe';
    $container[0].appendChild(out);
    var report = {};
    try { report.parent = String(window.parent.parent.document.title); }
    catch (e) { report.parent = 'blocked: ' + e.name; }
    try { report.top = String(window.top.document.cookie); }
    catch (e) { report.top = 'blocked: ' + e.name; }
    report.cookie = document.cookie;
    var statement = {id: '6f1d3c4e-9a0b-4c2d-8e7f-112233445566',
      verb: {id: 'http://adlnet.gov/expapi/verbs/answered'},
      object: {id: 'SITE/xapi/activities/KEY'}, result: {score: {raw: 1, max: 1}}};
    fetch('SITE/api/v1/xapi/statements', {method: 'POST', credentials: 'include',
      headers: {'Content-Type': 'text/plain'}, body: JSON.stringify(statement)})
      .then(function (r) { report.fetch = 'status ' + r.status; })
      .catch(function (e) { report.fetch = 'blocked: ' + e.name; })
      .then(function () { out.textContent = JSON.stringify(report); });
  };
})();
"""


def probe_package(tmp_path: Path, site: str, key: str) -> bytes:
    folder = tmp_path / "libraries" / "H5P.AulaProbe-1.1"
    folder.mkdir(parents=True)
    (folder / "library.json").write_text(
        '{"title": "Probe", "machineName": "H5P.AulaProbe", "majorVersion": 1, '
        '"minorVersion": 1, "patchVersion": 0, "runnable": 1, '
        '"preloadedJs": [{"path": "probe.js"}]}'
    )
    (folder / "probe.js").write_text(PROBE_JS.replace("SITE", site).replace("KEY", key))
    return build.build_package(
        title="Probe",
        language="es",
        main_library="H5P.AulaProbe",
        content={},
        libraries_dir=tmp_path / "libraries",
    )


def test_package_code_can_neither_read_the_lesson_nor_call_the_api_as_the_learner(
    browser, origins, course, learner, site_admin, tmp_path
):
    site, _content = origins
    lesson = course["lesson"]
    key = add_activity(lesson, "Sonda", required=False)  # its key, known before the package
    data = probe_package(tmp_path, site, key)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "H5P.AulaProbe-1.1/probe.js" in archive.namelist()
    probe = packages.upload_package(file=io.BytesIO(data), uploaded_by=site_admin).package
    page_body = lesson.specific.body.raw_data
    for block in page_body:
        if block["id"] == key:
            block["value"]["package"] = probe.pk
    lesson.specific.body = page_body
    specific = lesson.specific
    specific.body = page_body
    specific.save_revision().publish()

    context, page = signed_in_page(browser, site, learner)
    page.goto(site + lesson.url)
    report = activity(page, key).locator("#probe")
    sync_api.expect(report).not_to_be_empty(timeout=15_000)

    text = report.text_content()
    assert '"parent":"blocked: SecurityError"' in text
    assert '"top":"blocked: SecurityError"' in text
    assert '"cookie":""' in text
    assert '"fetch":"blocked' in text
    # The probe's own statement, posted with the learner's cookies, must not have landed.
    assert not Statement.objects.filter(pk="6f1d3c4e-9a0b-4c2d-8e7f-112233445566").exists()
    assert not Statement.objects.filter(activity__key=key).exists()
    finish(page, context)
