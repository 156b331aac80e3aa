"""Digital Bazaar's JavaScript verifiers check what our Python signs, offline."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from certificates.credentials import status_list
from tests.certificates import examples

ROOT = Path(__file__).resolve().parents[2]
VERIFIER = ROOT / "certificates" / "verifier" / "verify.mjs"

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None, reason="node is not installed: the independent verifier needs it"
)


def run_verifier(tmp_path: Path, credential: dict[str, Any], **documents: Any) -> tuple[int, Any]:
    arguments = ["node", str(VERIFIER)]
    for name, document in {"credential": credential, **documents}.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(document))
        arguments += [f"--{name.replace('_', '-')}", str(path)]
    done = subprocess.run(arguments, cwd=ROOT, capture_output=True, text=True, timeout=60)
    return done.returncode, json.loads(done.stdout)


def unsigned_list(*revoked: int) -> dict[str, Any]:
    bits = status_list.new_list()
    for index in revoked:
        bits = status_list.with_bit(bits, index, True)
    return status_list.status_list_credential(
        url=examples.STATUS_LIST_URL,
        issuer_did=examples.DID,
        encoded=status_list.encode(bits),
        valid_from=datetime(2025, 6, 2, tzinfo=UTC),
    )


def signed_list(issuer: examples.Issuer, *revoked: int) -> dict[str, Any]:
    return issuer.sign(unsigned_list(*revoked))


@pytest.fixture
def issuer() -> examples.Issuer:
    return examples.issuer()


@pytest.fixture
def signed(issuer: examples.Issuer) -> dict[str, Any]:
    return issuer.sign(examples.unsigned_credential())


def test_a_credential_signed_in_python_is_verified(
    tmp_path: Path, issuer: examples.Issuer, signed: dict[str, Any]
) -> None:
    code, result = run_verifier(tmp_path, signed, did_document=examples.did_document(issuer))

    assert (code, result) == (0, {"verified": True, "revoked": None, "errors": []})


def test_a_tampered_copy_is_rejected(
    tmp_path: Path, issuer: examples.Issuer, signed: dict[str, Any]
) -> None:
    signed["credentialSubject"]["result"][0]["value"] = "200"

    code, result = run_verifier(tmp_path, signed, did_document=examples.did_document(issuer))

    assert code == 1
    assert result["verified"] is False
    assert "Invalid signature." in result["errors"]


def test_a_credential_signed_by_a_key_the_did_document_does_not_list_is_rejected(
    tmp_path: Path, signed: dict[str, Any]
) -> None:
    code, result = run_verifier(
        tmp_path, signed, did_document=examples.did_document(examples.issuer("key-2026"))
    )

    assert (code, result["verified"]) == (1, False)
    assert "did:web:aula.example.org#key-2025 is not a key of the DID document." in result["errors"]


def test_a_credential_whose_bit_is_clear_is_verified_and_not_revoked(
    tmp_path: Path, issuer: examples.Issuer, signed: dict[str, Any]
) -> None:
    code, result = run_verifier(
        tmp_path,
        signed,
        did_document=examples.did_document(issuer),
        status_list=signed_list(issuer, examples.STATUS_INDEX + 1),
    )

    assert (code, result) == (0, {"verified": True, "revoked": False, "errors": []})


def test_a_credential_whose_bit_is_set_is_reported_revoked(
    tmp_path: Path, issuer: examples.Issuer, signed: dict[str, Any]
) -> None:
    code, result = run_verifier(
        tmp_path,
        signed,
        did_document=examples.did_document(issuer),
        status_list=signed_list(issuer, examples.STATUS_INDEX),
    )

    assert code == 2
    assert result["verified"] is True
    assert result["revoked"] is True


def test_a_status_list_the_issuer_did_not_sign_is_not_trusted(
    tmp_path: Path, issuer: examples.Issuer, signed: dict[str, Any]
) -> None:
    code, result = run_verifier(
        tmp_path,
        signed,
        did_document=examples.did_document(issuer),
        status_list=unsigned_list(),
    )

    assert (code, result["verified"], result["revoked"]) == (1, False, None)
