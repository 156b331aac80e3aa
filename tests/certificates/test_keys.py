from __future__ import annotations

import pytest

from certificates.credentials import keys
from certificates.credentials.keys import SigningKeyError

W3C_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
W3C_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"


def test_a_generated_secret_loads_back_as_the_same_key() -> None:
    secret = keys.generate_secret()

    assert keys.secret_text(keys.load_private_key(secret)) == secret


def test_a_secret_is_the_multikey_text_of_the_w3c_test_vectors() -> None:
    private_key = keys.load_private_key(W3C_SECRET)

    assert keys.public_multibase(private_key.public_key()) == W3C_PUBLIC


def test_a_public_key_is_an_ed25519_multikey() -> None:
    public = keys.public_multibase(keys.load_private_key(keys.generate_secret()).public_key())

    assert public.startswith("z6Mk")
    assert keys.public_multibase(keys.public_key_from_multibase(public)) == public


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "not a key",
        W3C_PUBLIC,  # a public key where the secret belongs
        "z" + "1" * 46,
        "zOOOO",  # O is not base58
        W3C_SECRET[:-3],
    ],
)
def test_garbage_is_refused_as_a_signing_key(garbage: str) -> None:
    with pytest.raises(SigningKeyError):
        keys.load_private_key(garbage)


@pytest.mark.parametrize(
    ("site_url", "did"),
    [
        ("https://aula.example.org", "did:web:aula.example.org"),
        ("https://aula.example.org/", "did:web:aula.example.org"),
        ("http://localhost:8000", "did:web:localhost%3A8000"),
        ("https://example.org/aula", "did:web:example.org:aula"),
    ],
)
def test_a_site_url_becomes_a_did_web(site_url: str, did: str) -> None:
    assert keys.did_for_site(site_url) == did


def test_the_did_document_lists_every_key_for_assertions() -> None:
    document = keys.did_document(
        did="did:web:aula.example.org",
        keys=[("key-2025", W3C_PUBLIC), ("key-2026", "z6MkotherKey")],
    )

    assert document == {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": "did:web:aula.example.org",
        "verificationMethod": [
            {
                "id": "did:web:aula.example.org#key-2025",
                "type": "Multikey",
                "controller": "did:web:aula.example.org",
                "publicKeyMultibase": W3C_PUBLIC,
            },
            {
                "id": "did:web:aula.example.org#key-2026",
                "type": "Multikey",
                "controller": "did:web:aula.example.org",
                "publicKeyMultibase": "z6MkotherKey",
            },
        ],
        "assertionMethod": [
            "did:web:aula.example.org#key-2025",
            "did:web:aula.example.org#key-2026",
        ],
    }
