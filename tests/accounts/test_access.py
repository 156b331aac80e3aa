"""Who may see and change what: the grants and, above all, the denials."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from accounts import access


def test_a_learner_sees_only_themself(learner, other_learner):
    assert access.can_view_person(learner, learner)
    assert not access.can_view_person(learner, other_learner)
    assert list(access.people_visible_to(learner)) == [learner]


def test_anonymous_visitors_see_nobody(learner):
    anonymous = AnonymousUser()
    assert not access.can_view_person(anonymous, learner)
    assert not access.people_visible_to(anonymous).exists()
    assert not access.can_edit_course_content(anonymous)


def test_a_coordinator_sees_the_people_of_their_delegation_only(
    coordinator, learner, other_learner
):
    assert access.can_view_person(coordinator, learner)
    assert not access.can_view_person(coordinator, other_learner)
    assert set(access.people_visible_to(coordinator)) == {coordinator, learner}
    assert access.can_manage_delegation(coordinator, learner.member_city.delegation)
    assert not access.can_manage_delegation(coordinator, other_learner.member_city.delegation)


def test_a_coordinator_of_another_delegation_sees_none_of_ours(outside_coordinator, learner):
    assert not access.can_view_person(outside_coordinator, learner)
    assert not access.can_manage_delegation(outside_coordinator, learner.member_city.delegation)
    assert learner.member_city not in access.cities_managed_by(outside_coordinator)


def test_only_the_person_or_a_site_admin_edits_a_profile(
    learner, other_learner, coordinator, site_admin
):
    assert access.can_edit_profile(learner, learner)
    assert not access.can_edit_profile(other_learner, learner)
    assert not access.can_edit_profile(coordinator, learner)
    assert access.can_edit_profile(site_admin, learner)


def test_trainers_and_admins_edit_course_content_and_learners_do_not(
    learner, coordinator, trainer, site_admin
):
    assert access.can_edit_course_content(trainer)
    assert access.can_edit_course_content(site_admin)
    assert not access.can_edit_course_content(learner)
    assert not access.can_edit_course_content(coordinator)


def test_a_deactivated_account_loses_every_right(coordinator, learner, trainer):
    coordinator.is_active = False
    trainer.is_active = False
    assert not access.can_view_person(coordinator, learner)
    assert not access.can_edit_course_content(trainer)


def test_a_site_admin_sees_everyone_and_manages_every_delegation(
    site_admin, learner, other_learner
):
    assert access.can_view_person(site_admin, other_learner)
    assert access.can_manage_delegation(site_admin, other_learner.member_city.delegation)
    assert set(access.people_visible_to(site_admin)) >= {learner, other_learner}


def test_only_site_admins_grant_roles(site_admin, coordinator, learner):
    import pytest
    from django.core.exceptions import PermissionDenied

    from accounts import services

    with pytest.raises(PermissionDenied):
        services.set_roles(
            granted_by=coordinator, user=learner, is_trainer=True, coordinated_delegations=[]
        )
    learner.refresh_from_db()
    assert not learner.is_trainer

    services.set_roles(
        granted_by=site_admin, user=learner, is_trainer=True, coordinated_delegations=[]
    )
    learner.refresh_from_db()
    assert access.can_edit_course_content(learner)
    assert learner.has_perm("wagtailadmin.access_admin")
