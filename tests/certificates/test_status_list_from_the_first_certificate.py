"""On a new installation the very first certificate verifies with its revocation status, by the
independent verifier, reading the status list at the address the credential names."""

from __future__ import annotations

import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from certificates import services
from certificates.models import Certificate, StatusList
from tests.certificates.test_independent_verifier import run_verifier

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None, reason="node is not installed: the independent verifier needs it"
)


def fetched(client, url: str, settings) -> dict:
    response = client.get(url.removeprefix(settings.SITE_URL))
    assert response.status_code == 200, url
    return response.json()


def test_the_first_certificate_verifies_with_its_status_then_shows_revoked(
    certificate, client, coordinator, settings, tmp_path, django_capture_on_commit_callbacks
):
    assert StatusList.objects.count() == 1  # this certificate's, made with it
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    credential = certificate.credential
    status_url = credential["credentialStatus"]["statusListCredential"]
    did = client.get("/.well-known/did.json").json()

    code, result = run_verifier(
        tmp_path, credential, did_document=did, status_list=fetched(client, status_url, settings)
    )
    assert (code, result) == (0, {"verified": True, "revoked": False, "errors": []})

    with django_capture_on_commit_callbacks(execute=True):
        services.revoke_certificate(certificate=certificate, by=coordinator, reason="Error")
    code, result = run_verifier(
        tmp_path, credential, did_document=did, status_list=fetched(client, status_url, settings)
    )
    assert (code, result["verified"], result["revoked"]) == (2, True, True)


def test_publish_status_lists_republishes_every_list(certificate):
    before = StatusList.objects.get().published_at
    out = StringIO()
    call_command("publish_status_lists", stdout=out)
    assert "[1/1] status list 1 published" in out.getvalue()
    assert StatusList.objects.get().published_at > before
