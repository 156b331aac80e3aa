"""Who may see and change what. Views, querysets and admin all ask these functions.

Roles: every signed-in person is a learner; trainers write course content; coordinators run
their delegations (one or more); site admins (superusers) may do everything.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from accounts.models import Delegation, MemberCity, User

AnyUser = User | AnonymousUser


def is_site_admin(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def is_trainer(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_trainer or user.is_superuser))


def coordinated_delegation_ids(user: AnyUser) -> set[int]:
    if not (user.is_authenticated and user.is_active):
        return set()
    cached: set[int] | None = getattr(user, "_coordinated_delegation_ids", None)
    if cached is None:
        cached = set(user.coordinated_delegations.values_list("pk", flat=True))
        user._coordinated_delegation_ids = cached  # type: ignore[union-attr,attr-defined]
    return cached


def is_coordinator(user: AnyUser) -> bool:
    return bool(coordinated_delegation_ids(user))


def can_manage_delegation(user: AnyUser, delegation: Delegation) -> bool:
    return is_site_admin(user) or delegation.pk in coordinated_delegation_ids(user)


def can_view_person(viewer: AnyUser, person: User) -> bool:
    """A learner sees only themself; coordinators the people of their delegations' cities."""
    if not (viewer.is_authenticated and viewer.is_active):
        return False
    if viewer.pk == person.pk or is_site_admin(viewer):
        return True
    city = person.member_city
    return city is not None and city.delegation_id in coordinated_delegation_ids(viewer)


def can_edit_profile(editor: AnyUser, person: User) -> bool:
    return bool(editor.is_authenticated and editor.is_active and editor.pk == person.pk) or (
        is_site_admin(editor)
    )


def can_edit_course_content(user: AnyUser) -> bool:
    return is_trainer(user)


def can_upload_h5p(user: AnyUser) -> bool:
    """Trainers and coordinators bring activities; installing new libraries is a permission."""
    return is_trainer(user) or is_coordinator(user)


def can_preview_activities(user: AnyUser) -> bool:
    """Staff may try a lesson's activities without being enrolled; nothing they do is recorded."""
    return is_trainer(user) or is_coordinator(user)


def can_grant_roles(user: AnyUser) -> bool:
    return is_site_admin(user)


def people_visible_to(viewer: AnyUser) -> QuerySet[User]:
    if not (viewer.is_authenticated and viewer.is_active):
        return User.objects.none()
    if is_site_admin(viewer):
        return User.objects.all()
    return User.objects.filter(
        Q(pk=viewer.pk) | Q(member_city__delegation__in=coordinated_delegation_ids(viewer))
    )


def cities_managed_by(user: AnyUser) -> QuerySet[MemberCity]:
    if is_site_admin(user):
        return MemberCity.objects.all()
    return MemberCity.objects.filter(delegation__in=coordinated_delegation_ids(user))


# Cohorts and enrolments. These take the objects duck-typed: accounts sits below the apps that
# define them, and one module still decides every rule.


class _Cohort(Protocol):
    pk: int
    delegation_id: int


def trains_cohort(user: AnyUser, cohort: _Cohort) -> bool:
    return cohort.pk in trained_cohort_ids(user)


def can_manage_cohort(user: AnyUser, cohort: _Cohort) -> bool:
    """Coordinators of the cohort's delegation: seats, invitations, imports, withdrawals."""
    return is_site_admin(user) or cohort.delegation_id in coordinated_delegation_ids(user)


def can_follow_cohort(user: AnyUser, cohort: _Cohort) -> bool:
    """Its trainers and managers: the roster, learners' progress, completion by hand."""
    return can_manage_cohort(user, cohort) or trains_cohort(user, cohort)


def can_view_enrollment(user: AnyUser, enrollment: Any) -> bool:
    if user.is_authenticated and user.is_active and enrollment.learner_id == user.pk:
        return True
    return can_follow_cohort(user, enrollment.cohort)


def followed_cohorts_filter(user: AnyUser) -> Q:
    """A filter on cohorts for `can_follow_cohort`, to use in querysets."""
    if is_site_admin(user):
        return Q()
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    return Q(delegation__in=coordinated_delegation_ids(user)) | Q(trainers=user.pk)


def managed_cohorts_filter(user: AnyUser) -> Q:
    if is_site_admin(user):
        return Q()
    return Q(delegation__in=coordinated_delegation_ids(user))


def certificates_filter(user: AnyUser) -> Q:
    """Certificates a person may see: their own, and those of cohorts they follow."""
    if is_site_admin(user):
        return Q()
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    return (
        Q(enrollment__learner=user.pk)
        | Q(enrollment__cohort__delegation__in=coordinated_delegation_ids(user))
        | Q(enrollment__cohort__trainers=user.pk)
    )


# Reports: aggregate figures, each count suppressed below settings.REPORT_MIN_CELL.


def trained_cohort_ids(user: AnyUser) -> set[int]:
    if not (user.is_authenticated and user.is_active):
        return set()
    trained: set[int] | None = getattr(user, "_trained_cohort_ids", None)
    if trained is None:
        trained = set(user.trained_cohorts.values_list("pk", flat=True))  # type: ignore[union-attr,attr-defined]
        user._trained_cohort_ids = trained  # type: ignore[union-attr,attr-defined]
    return trained


def can_view_reports(user: AnyUser) -> bool:
    """Site admins, coordinators, and trainers who run at least one cohort."""
    return is_site_admin(user) or is_coordinator(user) or bool(trained_cohort_ids(user))


def can_view_cohort_report(user: AnyUser, cohort: _Cohort) -> bool:
    return can_follow_cohort(user, cohort)


def can_view_delegation_report(user: AnyUser, delegation: Delegation) -> bool:
    """Its coordinators, site admins, and trainers of one of its cohorts (who see only theirs)."""
    if can_manage_delegation(user, delegation):
        return True
    if not trained_cohort_ids(user):
        return False
    return delegation.cohorts.filter(pk__in=trained_cohort_ids(user)).exists()  # type: ignore[attr-defined]


def reported_cohorts_filter(user: AnyUser) -> Q:
    """Cohorts whose figures a person may see in a delegation report."""
    if is_site_admin(user):
        return Q()
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    return Q(delegation__in=coordinated_delegation_ids(user)) | Q(pk__in=trained_cohort_ids(user))


def report_delegations_filter(user: AnyUser) -> Q:
    """Delegations a person may pick in the delegation report's form."""
    if is_site_admin(user):
        return Q()
    return Q(pk__in=coordinated_delegation_ids(user)) | Q(cohorts__in=trained_cohort_ids(user))


# Questionnaire templates. A template belongs to a delegation, or to nobody (network-wide,
# written by site admins). Its delegation's coordinators and the trainers of its cohorts write
# it; everyone staff-like uses the network's templates and their own delegations'.


def staff_delegation_ids(user: AnyUser) -> set[int]:
    """Delegations a person works for: those they coordinate or train a cohort in. Their
    questionnaire templates and H5P packages are this person's to use."""
    if not (user.is_authenticated and user.is_active):
        return set()
    cached: set[int] | None = getattr(user, "_template_delegation_ids", None)
    if cached is None:
        trained = user.trained_cohorts.values_list("delegation_id", flat=True)  # type: ignore[union-attr,attr-defined]
        cached = coordinated_delegation_ids(user) | set(trained)
        user._template_delegation_ids = cached  # type: ignore[union-attr,attr-defined]
    return cached


def can_use_questionnaire_templates(user: AnyUser) -> bool:
    """Trainers, coordinators and site admins; learners answer questionnaires, never build them."""
    return is_trainer(user) or is_coordinator(user) or bool(staff_delegation_ids(user))


def questionnaire_templates_filter(user: AnyUser) -> Q:
    """A filter on templates a person may see and attach: the network's and their delegations'."""
    if is_site_admin(user):
        return Q()
    if not can_use_questionnaire_templates(user):
        return Q(pk__in=[])
    return Q(delegation__isnull=True) | Q(delegation__in=staff_delegation_ids(user))


def can_write_questionnaire_templates_for(user: AnyUser, delegation_id: int | None) -> bool:
    """Network-wide templates (no delegation) are the site admins' alone."""
    if is_site_admin(user):
        return True
    return delegation_id is not None and delegation_id in staff_delegation_ids(user)


class _Template(Protocol):
    delegation_id: int | None


def can_edit_questionnaire_template(user: AnyUser, template: _Template) -> bool:
    return can_write_questionnaire_templates_for(user, template.delegation_id)


def can_attach_questionnaire_template(user: AnyUser, cohort: _Cohort, template: _Template) -> bool:
    """The cohort's staff, with a network template or one of the cohort's own delegation."""
    return can_follow_cohort(user, cohort) and template.delegation_id in (
        None,
        cohort.delegation_id,
    )
