"""The demo's finished edition has a lively board; every open edition an introduction."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from courses.models import Cohort
from discussions.demo import INTRODUCTION
from discussions.models import Post, Thread
from enrollments.demo_edition import TITLE as FINISHED

pytestmark = pytest.mark.django_db


def test_the_demo_has_conversations_across_cities_and_an_introduction_per_open_edition(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    finished = Cohort.objects.get(title=FINISHED)
    threads = Thread.objects.filter(cohort=finished)
    assert threads.count() >= 3 and all(t.topic_key for t in threads)
    replies = Post.objects.filter(thread__cohort=finished).exclude(author=None)
    assert replies.values("author__member_city").distinct().count() >= 3
    assert {p.language for p in replies} == {"es", "pt"}
    for cohort in Cohort.objects.filter(status="open", course__is_activity=False):
        assert Thread.objects.filter(cohort=cohort, title=INTRODUCTION, pinned=True).count() == 1
    before = Post.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    assert Post.objects.count() == before
