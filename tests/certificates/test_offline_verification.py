"""A ministry checks a certificate with the offline tools: they pass only what they can prove.
Unknown status and a credential swapped into another certificate's paper are failures, each with
its own exit code and a reason."""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader, PdfWriter

from certificates import issuer, services
from certificates.credentials import offline
from certificates.models import Certificate, StatusList
from enrollments import services as enrolment
from tests.certificates.conftest import complete
from tests.factories import UserFactory


def pdf_bytes(certificate: Certificate) -> bytes:
    with storages["certificates"].open(certificate.pdf.name, "rb") as handle:
        return handle.read()


def saved(tmp_path: Path, name: str, document: object) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return str(path)


def verify(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("verify_certificate", *args, stdout=out)
    except CommandError as failure:
        return failure.returncode, out.getvalue() + str(failure)
    return 0, out.getvalue()


def test_a_genuine_pdf_with_its_status_list_verifies_and_prints_its_claims(certificate, tmp_path):
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(pdf_bytes(certificate))
    did = saved(tmp_path, "did.json", issuer.did_document())
    listed = saved(tmp_path, "list.json", StatusList.objects.get().credential)

    code, out = verify(str(pdf), "--did-document", did, "--status-list", listed)

    assert code == offline.VALID, out
    assert "Signature: valid" in out
    assert "Paper: prints this credential's code and holder" in out
    assert "Status: not revoked" in out
    assert "Ana Gutiérrez" in out


def test_without_the_status_list_the_answer_is_unknown_and_a_failure_that_says_why(
    certificate, tmp_path
):
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(pdf_bytes(certificate))
    did = saved(tmp_path, "did.json", issuer.did_document())

    code, out = verify(str(pdf), "--did-document", did, "--no-network")
    assert code == offline.STATUS_UNKNOWN
    assert "STATUS UNKNOWN: not checked (--no-network)" in out
    assert "nothing proves this certificate was not revoked" in out

    def missing(url: str) -> dict:
        raise OSError(f"HTTP Error 404: Not Found ({url})")

    report = offline.check(
        certificate.credential, did_document=issuer.did_document(), fetch_status=missing
    )
    assert report.exit_code == offline.STATUS_UNKNOWN
    assert "could not be read" in report.status_reason
    assert "404" in report.status_reason


def test_a_list_re_signed_after_a_key_rotation_asks_for_a_fresh_did_document(
    certificate, coordinator, tmp_path, settings, django_capture_on_commit_callbacks
):
    """Revoked after a rotation, the list is signed by the new key: a did.json saved before
    cannot prove anything about it, so the revoked certificate must not pass as "unknown, 0"."""
    old_did = saved(tmp_path, "old-did.json", issuer.did_document())
    key_file = tmp_path / "new.key"
    call_command("create_signing_key", "--rotate", "--out", str(key_file), stdout=io.StringIO())
    settings.CERTIFICATE_SIGNING_KEY_FILE = str(key_file)
    with django_capture_on_commit_callbacks(execute=True):
        services.revoke_certificate(certificate=certificate, by=coordinator, reason="Fraud")
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(pdf_bytes(certificate))
    listed = saved(tmp_path, "list.json", StatusList.objects.get().credential)

    code, out = verify(str(pdf), "--did-document", old_did, "--status-list", listed)
    assert code == offline.STATUS_UNKNOWN
    assert "fetch a fresh did.json" in out

    fresh = saved(tmp_path, "did.json", issuer.did_document())
    code, out = verify(str(pdf), "--did-document", fresh, "--status-list", listed)
    assert code == offline.REVOKED
    assert "REVOKED" in out


def swap_credential(pdf: bytes, credential: dict) -> bytes:
    """What a forger does: keeps one certificate's paper, attaches another's credential."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"].clear()
    writer.add_attachment("credential.json", json.dumps(credential).encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_credential_swapped_into_another_certificates_pdf_is_reported(
    certificate, cohort, coordinator, tmp_path, city, django_capture_on_commit_callbacks
):
    other_learner = UserFactory(
        email="bruno@rosario.example", certificate_name="Bruno Díaz", member_city=city
    )
    with django_capture_on_commit_callbacks(execute=True):
        complete(enrolment.enroll_learner(cohort=cohort, learner=other_learner), coordinator)
    other = Certificate.objects.get(enrollment__learner=other_learner)
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(swap_credential(pdf_bytes(certificate), other.credential))
    did = saved(tmp_path, "did.json", issuer.did_document())
    listed = saved(tmp_path, "list.json", StatusList.objects.get().credential)

    code, out = verify(str(forged), "--did-document", did, "--status-list", listed)

    assert code == offline.NOT_THIS_PAPER, out
    assert "Signature: valid" in out  # the credential itself is genuine…
    assert "MISMATCH" in out  # …but not this paper's
    assert certificate.printed.display_code in out  # the code the paper prints
    assert "Bruno Díaz" in out


def test_the_standalone_tool_uses_the_same_exit_codes(certificate, tmp_path, capsys):
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(pdf_bytes(certificate))
    did = saved(tmp_path, "did.json", issuer.did_document())
    assert offline.main([str(pdf), "--did-document", did, "--no-network"]) == 3
    listed = saved(tmp_path, "list.json", StatusList.objects.get().credential)
    assert offline.main([str(pdf), "--did-document", did, "--status-list", listed]) == 0
