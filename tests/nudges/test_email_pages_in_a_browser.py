"""The pages people reach from an e-mail or their profile, on a 375 px phone in French: the
one-click way out of reminders and of discussion e-mails, the choice of each, and the
moderators' queue of reported posts. They fit the screen, work without signing in where an
e-mail leads, and axe-core finds nothing."""

from __future__ import annotations

import pytest

from discussions import services as discussions
from discussions.emails import unsubscribe_token as discussion_token
from enrollments import services as enrolling
from nudges.emails import unsubscribe_token
from nudges.models import Kind, Preference
from tests.browser import PHONE, assert_accessible, finish, needs_chromium, new_page, signed_in_page

pytestmark = [needs_chromium, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_ways_out_and_the_choices_read_well_on_a_phone(
    browser, origins, cohort, learner, coordinator
):
    base, _content = origins
    learner.preferred_language = "fr"
    learner.save()

    context, page = new_page(browser, viewport=PHONE)
    page.goto(f"{base}/fr/reminders/unsubscribe/{unsubscribe_token(learner, Kind.DEADLINE)}/")
    assert fits(page)
    assert_accessible(page)
    page.get_by_role("button", name="Oui, les arrêter").click()
    page.get_by_role("status").wait_for()
    assert_accessible(page)
    assert not Preference.objects.get(user=learner).deadline
    page.goto(f"{base}/fr/discussions/unsubscribe/{discussion_token(learner)}/")
    assert_accessible(page)
    finish(page, context)

    context, page = signed_in_page(browser, base, learner, viewport=PHONE)
    for path in ("/fr/reminders/", "/fr/discussions/e-mails/"):
        page.goto(f"{base}{path}")
        assert fits(page), path
        assert_accessible(page)
    finish(page, context)

    thread = discussions.start_thread(
        cohort=cohort, author=coordinator, title="Bienvenue", body="Présentez-vous."
    )
    post = thread.posts.get()
    enrolling.enroll_learner(learner=learner, cohort=cohort)
    discussions.report_post(post=post, by=learner, reason="Hors sujet")
    context, page = signed_in_page(browser, base, coordinator, viewport=PHONE)
    page.goto(f"{base}/fr/cohorts/{cohort.public_id}/discussions/reports/")
    assert fits(page)
    assert_accessible(page)
    page.goto(f"{base}/fr/cohorts/{cohort.public_id}/at-risk/")
    assert fits(page)
    assert_accessible(page)
    finish(page, context)
