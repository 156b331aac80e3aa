from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from certificates.credentials import contexts, keys, signing
from certificates.credentials.signing import CredentialError
from tests.certificates import examples

# W3C vc-di-eddsa, TestVectors/eddsa-rdfc-2022 (signedDataInt.json) and TestVectors/keyPair.json.
W3C_UNSIGNED = {
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/ns/credentials/examples/v2",
    ],
    "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
    "type": ["VerifiableCredential", "AlumniCredential"],
    "name": "Alumni Credential",
    "description": "A minimum viable example of an Alumni Credential.",
    "issuer": "https://vc.example/issuers/5678",
    "validFrom": "2023-01-01T00:00:00Z",
    "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
}
W3C_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
W3C_METHOD = "https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
W3C_PROOF_VALUE = (
    "z21EVs3eXERqTn4acNHT9viboqgzUaQ3kTmhPT3eA8qrVPE7CrQq78WkzctnMX5W4CrzcKnHw8V6dvy5pgWYCU5e9"
)
W3C_EXAMPLES_CONTEXT = {"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}}


def w3c_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    # The examples context is only for the vector; production signing never serves it.
    if url == "https://www.w3.org/ns/credentials/examples/v2":
        return {"contextUrl": None, "documentUrl": url, "document": W3C_EXAMPLES_CONTEXT}
    return contexts.document_loader(url, options)


def test_the_w3c_eddsa_rdfc_2022_test_vector_is_reproduced() -> None:
    signed = signing.sign(
        W3C_UNSIGNED,
        private_key=keys.load_private_key(W3C_SECRET),
        verification_method=W3C_METHOD,
        created=datetime(2023, 2, 24, 23, 36, 38, tzinfo=UTC),
        document_loader=w3c_loader,
    )

    assert signed["proof"] == [
        {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": "2023-02-24T23:36:38Z",
            "verificationMethod": W3C_METHOD,
            "proofPurpose": "assertionMethod",
            "proofValue": W3C_PROOF_VALUE,
        }
    ]


def test_signing_leaves_the_unsigned_document_untouched() -> None:
    unsigned = examples.unsigned_credential()
    before = copy.deepcopy(unsigned)

    examples.issuer().sign(unsigned)

    assert unsigned == before


def test_a_signed_certificate_verifies_against_the_issuers_did_document() -> None:
    issuer = examples.issuer()

    signed = issuer.sign(examples.unsigned_credential())

    signing.verify(signed, did_document=examples.did_document(issuer))


def test_the_proof_is_an_array_of_one_eddsa_rdfc_2022_data_integrity_proof() -> None:
    issuer = examples.issuer()

    (proof,) = issuer.sign(examples.unsigned_credential())["proof"]

    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["verificationMethod"] == "did:web:aula.example.org#key-2025"
    assert proof["created"] == "2025-06-02T09:30:00Z"
    assert proof["proofValue"].startswith("z")


def subject(credential: dict[str, Any]) -> dict[str, Any]:
    return credential["credentialSubject"]  # type: ignore[no-any-return]


def achievement(credential: dict[str, Any]) -> dict[str, Any]:
    return subject(credential)["achievement"]  # type: ignore[no-any-return]


CHANGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "holder's name": lambda c: subject(c)["identifier"][1].update(identityHash="Ana Núñez"),
    "e-mail hash": lambda c: subject(c)["identifier"][0].update(identityHash="sha256$00"),
    "course title": lambda c: achievement(c).update(name="Educating Cities II"),
    "credential name": lambda c: c.update(name="Educating Cities II"),
    "course code": lambda c: achievement(c).update(humanCode="EC-201"),
    "hours": lambda c: subject(c)["result"][0].update(value="200"),
    "cohort": lambda c: subject(c).update(term="Autumn 2025"),
    "start date": lambda c: subject(c).update(activityStartDate="2025-03-04T00:00:00Z"),
    "end date": lambda c: subject(c).update(activityEndDate="2025-05-31T00:00:00Z"),
    "completion date": lambda c: c.update(awardedDate="2025-05-29T00:00:00Z"),
    "issue date": lambda c: c.update(validFrom="2025-06-03T00:00:00Z"),
    "delegation": lambda c: subject(c)["source"].update(name="Delegation for Europe"),
    "language": lambda c: achievement(c).update(inLanguage="pt"),
    "issuer name": lambda c: c["issuer"].update(name="Someone Else"),
    "verification code": lambda c: c["evidence"][0].update(name="C1WV-H3PB-S3S9-0Z6E"),
    "status index": lambda c: c["credentialStatus"].update(statusListIndex="70002"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_changing_a_printed_claim_breaks_the_signature(
    change: Callable[[dict[str, Any]], None],
) -> None:
    issuer = examples.issuer()
    tampered = issuer.sign(examples.unsigned_credential())
    change(tampered)

    with pytest.raises(CredentialError, match="signature does not match"):
        signing.verify(tampered, did_document=examples.did_document(issuer))


def test_a_field_the_contexts_do_not_define_is_refused_before_signing() -> None:
    unsigned = examples.unsigned_credential()
    subject(unsigned)["favouriteColour"] = "green"

    with pytest.raises(CredentialError, match=r"credentialSubject\.favouriteColour"):
        examples.issuer().sign(unsigned)


def test_a_term_defined_elsewhere_but_not_where_it_is_used_is_refused() -> None:
    unsigned = examples.unsigned_credential()
    subject(unsigned)["achievementType"] = "Diploma"  # defined inside Achievement only

    with pytest.raises(CredentialError, match=r"^credentialSubject\.achievementType:"):
        examples.issuer().sign(unsigned)


def test_a_type_the_contexts_do_not_define_is_refused_before_signing() -> None:
    unsigned = examples.unsigned_credential()
    achievement(unsigned)["type"] = ["Achievement", "Diploma"]

    with pytest.raises(CredentialError, match=r"credentialSubject\.achievement\.type\[1\]"):
        examples.issuer().sign(unsigned)


def test_a_relative_id_is_refused_before_signing() -> None:
    unsigned = examples.unsigned_credential()
    achievement(unsigned)["id"] = "courses/ec-101"

    with pytest.raises(CredentialError, match=r"credentialSubject\.achievement\.id"):
        examples.issuer().sign(unsigned)


def test_a_context_that_is_not_pinned_is_refused_rather_than_fetched() -> None:
    unsigned = examples.unsigned_credential()
    unsigned["@context"] = [*unsigned["@context"], "https://schema.org/"]

    with pytest.raises(CredentialError, match=re.escape("https://schema.org/ is not pinned")):
        examples.issuer().sign(unsigned)


def test_an_inline_context_that_redefines_a_term_is_refused() -> None:
    unsigned = examples.unsigned_credential()
    unsigned["@context"] = [*unsigned["@context"], {"name": "https://example.org/nickname"}]

    with pytest.raises(CredentialError, match="protected term redefinition"):
        examples.issuer().sign(unsigned)


def test_a_field_added_after_signing_is_refused_by_verification() -> None:
    issuer = examples.issuer()
    signed = issuer.sign(examples.unsigned_credential())
    subject(signed)["grade"] = "A1"

    with pytest.raises(CredentialError, match=r"credentialSubject\.grade"):
        signing.verify(signed, did_document=examples.did_document(issuer))


def test_a_credential_signed_by_a_key_other_than_the_published_one_is_refused() -> None:
    published, impostor = examples.issuer("key-2025"), examples.issuer("key-2025")
    signed = impostor.sign(examples.unsigned_credential())

    with pytest.raises(CredentialError, match="signature does not match"):
        signing.verify(signed, did_document=examples.did_document(published))


def test_a_key_missing_from_the_did_document_is_refused() -> None:
    listed, unlisted = examples.issuer("key-2025"), examples.issuer("key-2026")
    signed = unlisted.sign(examples.unsigned_credential())

    with pytest.raises(CredentialError, match="#key-2026 is not an assertion key"):
        signing.verify(signed, did_document=examples.did_document(listed))


def test_a_key_listed_but_not_for_assertions_is_refused() -> None:
    issuer = examples.issuer()
    signed = issuer.sign(examples.unsigned_credential())
    document = examples.did_document(issuer)
    document["assertionMethod"] = []

    with pytest.raises(CredentialError, match="not an assertion key"):
        signing.verify(signed, did_document=document)


def test_a_key_of_another_did_is_refused() -> None:
    issuer = examples.issuer()
    signed = issuer.sign(examples.unsigned_credential())
    other = keys.did_document(
        did="did:web:evil.example", keys=[("key-2025", issuer.public_multibase)]
    )

    with pytest.raises(CredentialError, match=re.escape("is not one of did:web:evil.example")):
        signing.verify(signed, did_document=other)


def test_a_retired_key_still_verifies_while_it_stays_in_the_did_document() -> None:
    retired, current = examples.issuer("key-2025"), examples.issuer("key-2026")
    signed_long_ago = retired.sign(examples.unsigned_credential())

    signing.verify(signed_long_ago, did_document=examples.did_document(retired, current))
    with pytest.raises(CredentialError):
        signing.verify(signed_long_ago, did_document=examples.did_document(current))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cryptosuite", "eddsa-jcs-2022", "Only DataIntegrityProof with eddsa-rdfc-2022"),
        ("type", "Ed25519Signature2020", "Only DataIntegrityProof with eddsa-rdfc-2022"),
        ("proofPurpose", "authentication", "purpose is 'authentication'"),
        ("proofValue", "zNotASignature", "not a base58btc Ed25519 signature"),
        ("created", "2025-06-02T09:31:00Z", "signature does not match"),
    ],
)
def test_a_proof_that_is_not_ours_as_signed_is_refused(
    field: str, value: str, message: str
) -> None:
    issuer = examples.issuer()
    signed = issuer.sign(examples.unsigned_credential())
    signed["proof"][0][field] = value

    with pytest.raises(CredentialError, match=message):
        signing.verify(signed, did_document=examples.did_document(issuer))


def test_a_credential_naming_another_issuer_is_refused_at_signing() -> None:
    unsigned = examples.unsigned_credential()
    unsigned["issuer"]["id"] = "did:web:elsewhere.example"

    with pytest.raises(CredentialError, match="not the key's controller"):
        examples.issuer().sign(unsigned)


def test_a_credential_without_exactly_one_proof_is_refused() -> None:
    issuer = examples.issuer()
    signed = issuer.sign(examples.unsigned_credential())

    for proofs in ([], [*signed["proof"], *signed["proof"]]):
        with pytest.raises(CredentialError, match="exactly one proof"):
            signing.verify({**signed, "proof": proofs}, did_document=examples.did_document(issuer))


def test_signing_a_document_that_already_has_a_proof_is_refused() -> None:
    issuer = examples.issuer()
    signed = issuer.sign(examples.unsigned_credential())

    with pytest.raises(CredentialError, match="already has a proof"):
        issuer.sign(signed)
