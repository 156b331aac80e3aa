"""Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C vc-di-eddsa): canonicalise
the proof options and the document with RDFC-1.0 (URDNA2015), hash each with SHA-256, and sign
proofHash ‖ documentHash with Ed25519."""

from __future__ import annotations

import copy
import hashlib
from datetime import datetime
from typing import Any

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld import jsonld

from certificates.credentials import contexts, keys
from certificates.credentials.dates import timestamp
from certificates.credentials.terms import (
    CredentialError,
    Loader,
    describe,
    expand,
    refuse_relative_iris,
)

__all__ = ["CRYPTOSUITE", "CredentialError", "UnknownKeyError", "sign", "verify"]


class UnknownKeyError(CredentialError):
    """The proof names a key the DID document does not list (any more, or not yet: a saved
    copy from before a rotation, or a key withdrawn after a compromise)."""


CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "assertionMethod"


def sign(
    document: dict[str, Any],
    *,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime,
    document_loader: Loader = contexts.document_loader,
) -> dict[str, Any]:
    if "proof" in document:
        raise CredentialError("The document already has a proof; sign the unsigned document.")
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": timestamp(created),
        "verificationMethod": verification_method,
        "proofPurpose": PROOF_PURPOSE,
    }
    hash_data = _hash_data(document, options, document_loader)
    signature = private_key.sign(hash_data)
    proof = {**options, "proofValue": "z" + base58.b58encode(signature).decode("ascii")}
    signed = {**copy.deepcopy(document), "proof": [proof]}
    # Verify what goes out the way a verifier does (proof, key, encoding, signature), against a
    # one-key document. The canonical hash was computed a moment ago from this very document;
    # computing it again would double the cost of issuing and check nothing more.
    did, _, key_id = verification_method.partition("#")
    check_keys = [(key_id, keys.public_multibase(private_key.public_key()))]
    _verify(
        signed, keys.did_document(did=did, keys=check_keys), document_loader, hash_data=hash_data
    )
    return signed


def verify(
    document: dict[str, Any],
    *,
    did_document: dict[str, Any],
    document_loader: Loader = contexts.document_loader,
) -> None:
    """Raise CredentialError unless the document carries one valid proof by a key of the DID."""
    _verify(document, did_document, document_loader)


def _verify(
    document: dict[str, Any],
    did_document: dict[str, Any],
    loader: Loader,
    *,
    hash_data: bytes | None = None,
) -> None:
    proof = _the_proof(document)
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise CredentialError(
            f"Only DataIntegrityProof with {CRYPTOSUITE} is accepted, not "
            f"{proof.get('type')} / {proof.get('cryptosuite')}."
        )
    if proof.get("proofPurpose") != PROOF_PURPOSE:
        raise CredentialError(f"The proof's purpose is {proof.get('proofPurpose')!r}.")
    public_key = _assertion_key(document, proof, did_document)
    value = str(proof.get("proofValue", ""))
    try:
        signature = base58.b58decode(value[1:]) if value.startswith("z") else b""
    except ValueError:
        signature = b""
    if len(signature) != 64:
        raise CredentialError("The proofValue is not a base58btc Ed25519 signature.")
    if hash_data is None:
        unsecured = {key: item for key, item in document.items() if key != "proof"}
        options = {key: item for key, item in proof.items() if key != "proofValue"}
        hash_data = _hash_data(unsecured, options, loader)
    try:
        public_key.verify(signature, hash_data)
    except InvalidSignature as error:
        raise CredentialError(
            "The signature does not match: the credential was changed after signing, "
            "or signed by another key."
        ) from error


def _the_proof(document: dict[str, Any]) -> dict[str, Any]:
    proof = document.get("proof")
    proofs = proof if isinstance(proof, list) else [proof] if proof else []
    if len(proofs) != 1 or not isinstance(proofs[0], dict):
        raise CredentialError(f"Expected exactly one proof, found {len(proofs)}.")
    return proofs[0]


def _assertion_key(
    document: dict[str, Any], proof: dict[str, Any], did_document: dict[str, Any]
) -> Ed25519PublicKey:
    method_id = str(proof.get("verificationMethod", ""))
    did = str(did_document.get("id", ""))
    if method_id.partition("#")[0] != did:
        raise CredentialError(f"The key {method_id} is not one of {did}.")
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer is not None and issuer_id != did:
        raise CredentialError(f"The issuer {issuer_id} is not the key's controller {did}.")
    methods = {
        _absolute(str(m.get("id", "")), did): m
        for m in did_document.get("verificationMethod", [])
        if isinstance(m, dict)
    }
    authorised = {
        _absolute(str(m.get("id", "") if isinstance(m, dict) else m), did)
        for m in did_document.get("assertionMethod", [])
    }
    if method_id not in methods or method_id not in authorised:
        raise UnknownKeyError(f"The key {method_id} is not an assertion key of {did}.")
    method = methods[method_id]
    if method.get("type") != "Multikey" or method.get("controller") != did:
        raise CredentialError(f"The key {method_id} is not a Multikey controlled by {did}.")
    try:
        return keys.public_key_from_multibase(str(method.get("publicKeyMultibase", "")))
    except keys.SigningKeyError as error:
        raise CredentialError(str(error)) from error


def _absolute(method_id: str, did: str) -> str:
    return did + method_id if method_id.startswith("#") else method_id


def _hash_data(document: dict[str, Any], options: dict[str, Any], loader: Loader) -> bytes:
    # The proof options are signed in the document's context (vc-di-eddsa, proof configuration).
    proof_config = {**options}
    if "@context" in document:
        proof_config = {"@context": document["@context"], **options}
    return (
        hashlib.sha256(_canonical(proof_config, loader)).digest()
        + hashlib.sha256(_canonical(document, loader)).digest()
    )


def _canonical(document: dict[str, Any], loader: Loader) -> bytes:
    """RDFC-1.0 N-Quads; a key the contexts leave undefined is refused, not silently dropped
    (noticed during this very expansion; expand() then names the fields)."""
    dropped: list[Any] = []
    try:
        nquads: str = jsonld.JsonLdProcessor(on_property_dropped=dropped.append).normalize(
            document,
            {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader},
        )
    except jsonld.JsonLdError as error:
        raise CredentialError(describe(error)) from error
    if dropped:
        expand(document, loader)  # raises, naming what was dropped
        raise CredentialError(f"{', '.join(map(str, dropped))}: not defined, so not signed.")
    refuse_relative_iris(nquads, document)
    return nquads.encode("utf-8")
