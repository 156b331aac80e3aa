"""Site admins manage people, delegations, cities and courses; nobody else reaches that admin."""

from __future__ import annotations

import pytest

from accounts.models import User

ADMIN_PAGES = [
    "/django-admin/accounts/user/",
    "/django-admin/accounts/user/add/",
    "/django-admin/accounts/delegation/",
    "/django-admin/accounts/membercity/add/",
    "/django-admin/courses/course/add/",
    "/django-admin/courses/cohort/add/",
    "/django-admin/enrollments/enrollment/",
    "/admin/users/",
    "/admin/pages/",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_a_site_admin_opens_every_management_page(signed_in, site_admin, site, path):
    assert signed_in(site_admin).get(path).status_code == 200


def test_a_site_admin_creates_an_account_by_e_mail(signed_in, site_admin):
    response = signed_in(site_admin).post(
        "/django-admin/accounts/user/add/",
        {
            "email": "Nueva@Ciudad.example",
            "password1": "a long enough passphrase 7",
            "password2": "a long enough passphrase 7",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert User.objects.filter(email__iexact="nueva@ciudad.example").exists()


@pytest.mark.parametrize("person", ["learner", "trainer", "coordinator"])
def test_people_without_the_site_admin_role_are_kept_out_of_it(db, signed_in, request, person):
    client = signed_in(request.getfixturevalue(person))
    assert client.get("/django-admin/accounts/user/").status_code == 302
