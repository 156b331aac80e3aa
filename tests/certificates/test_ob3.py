from __future__ import annotations

from typing import Any

import pytest

from certificates.credentials import ob3
from certificates.credentials.signing import CredentialError
from tests.certificates import examples


def types_in(node: Any, path: str = "") -> dict[str, Any]:
    if isinstance(node, list):
        return {
            k: v for i, item in enumerate(node) for k, v in types_in(item, f"{path}[{i}]").items()
        }
    if not isinstance(node, dict):
        return {}
    found = {f"{path}.type": node["type"]} if "type" in node else {}
    for key, child in node.items():
        found |= types_in(child, f"{path}.{key}")
    return found


def test_every_printed_claim_reads_back_from_the_credential() -> None:
    claims = examples.claims()
    printed = claims.as_json()

    read = ob3.claims_from_credential(examples.issuer().sign(examples.unsigned_credential(claims)))

    assert {k: read[k] for k in printed} == printed
    assert read["issuer_name"] == "International Association of Educating Cities"


def test_it_is_an_open_badge_credential_on_the_vc_2_0_data_model() -> None:
    credential = examples.unsigned_credential()

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["id"] == examples.DID
    assert credential["validFrom"] == "2025-06-02T00:00:00Z"
    assert credential["credentialSubject"]["achievement"]["achievementType"] == (
        "CertificateOfCompletion"
    )


def test_every_type_is_an_array_except_the_status_entry_verifiers_compare_as_a_string() -> None:
    types = types_in(examples.unsigned_credential())

    assert types.pop(".credentialStatus.type") == "BitstringStatusListEntry"
    assert all(isinstance(value, list) for value in types.values()), types


def test_the_email_is_only_present_as_a_salted_hash() -> None:
    credential = examples.unsigned_credential()
    email_identity = credential["credentialSubject"]["identifier"][0]

    assert "ana.nunez@example.org" not in str(credential).lower()
    assert email_identity == {
        "type": ["IdentityObject"],
        "identityHash": ob3.identity_hash("ana.nunez@example.org", "3c0d9a2f"),
        "identityType": "emailAddress",
        "hashed": True,
        "salt": "3c0d9a2f",
    }


def test_the_identity_hash_matches_the_open_badges_example_whatever_the_case() -> None:
    expected = "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"

    assert ob3.identity_hash("a@example.com", "Kosher") == expected
    assert ob3.identity_hash("A@Example.com", "Kosher") == expected


def test_the_status_entry_points_at_the_index_in_the_revocation_list() -> None:
    assert examples.unsigned_credential()["credentialStatus"] == {
        "id": f"{examples.STATUS_LIST_URL}#{examples.STATUS_INDEX}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(examples.STATUS_INDEX),
        "statusListCredential": examples.STATUS_LIST_URL,
    }


def test_a_credential_of_another_shape_is_refused_when_reading_claims() -> None:
    credential = examples.unsigned_credential()
    del credential["credentialSubject"]["term"]

    with pytest.raises(CredentialError, match="term"):
        ob3.claims_from_credential(credential)
