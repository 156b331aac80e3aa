from __future__ import annotations

import base64
import gzip
from datetime import UTC, datetime

import pytest

from certificates.credentials import signing, status_list
from certificates.credentials.status_list import SIZE, StatusListError
from tests.certificates import examples


def test_a_list_encodes_and_decodes_to_the_same_bits() -> None:
    bits = status_list.with_bit(status_list.new_list(), 12_345, True)

    assert status_list.decode(status_list.encode(bits)) == bits


def test_the_encoded_list_is_multibase_base64url_without_padding() -> None:
    encoded = status_list.encode(status_list.new_list())

    assert encoded.startswith("u")
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded


def test_index_zero_is_the_left_most_bit_of_the_first_byte() -> None:
    bits = status_list.new_list()

    assert status_list.with_bit(bits, 0, True)[:2] == b"\x80\x00"
    assert status_list.with_bit(bits, 7, True)[:2] == b"\x01\x00"
    assert status_list.with_bit(bits, 8, True)[:2] == b"\x00\x80"


def test_a_bit_reads_back_as_written_and_can_be_cleared() -> None:
    revoked = status_list.with_bit(status_list.new_list(), 70_001, True)

    assert status_list.is_set(revoked, 70_001)
    assert not status_list.is_set(revoked, 70_000)
    assert not status_list.is_set(status_list.with_bit(revoked, 70_001, False), 70_001)


def test_a_new_list_holds_131072_entries_and_a_smaller_one_is_refused() -> None:
    assert len(status_list.new_list()) * 8 == SIZE >= 131_072
    with pytest.raises(StatusListError):
        status_list.encode(bytes(1024))


def test_text_that_is_not_an_encoded_list_of_131072_entries_is_refused() -> None:
    short = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(16))).decode().rstrip("=")
    for text in ("H4sIAAAA", "unot-gzip", "u!!", short):
        with pytest.raises(StatusListError):
            status_list.decode(text)


def test_random_indexes_are_distinct_and_within_the_list() -> None:
    taken: set[int] = set()
    for _ in range(2_000):
        taken.add(status_list.random_index(taken))

    assert len(taken) == 2_000
    assert all(0 <= index < SIZE for index in taken)


def test_a_random_index_avoids_what_the_taken_function_reports() -> None:
    assert all(status_list.random_index(lambda i: i % 2 == 0) % 2 == 1 for _ in range(200))


def test_a_full_list_gives_up_instead_of_looping_forever() -> None:
    with pytest.raises(StatusListError, match="nearly full"):
        status_list.random_index(lambda i: True)


def list_credential() -> dict[str, object]:
    return status_list.status_list_credential(
        url=examples.STATUS_LIST_URL,
        issuer_did=examples.DID,
        encoded=status_list.encode(status_list.new_list()),
        valid_from=datetime(2025, 6, 2, tzinfo=UTC),
    )


def test_the_status_list_credential_never_expires_and_says_how_long_to_cache_it() -> None:
    credential = list_credential()

    assert "validUntil" not in credential
    assert credential["credentialSubject"] == {
        "id": f"{examples.STATUS_LIST_URL}#list",
        "type": "BitstringStatusList",
        "statusPurpose": "revocation",
        "encodedList": status_list.encode(status_list.new_list()),
        "ttl": status_list.TTL_MS,
    }


def test_the_status_list_credential_can_be_signed_and_verified_by_its_issuer() -> None:
    issuer = examples.issuer()

    signed = issuer.sign(list_credential())

    signing.verify(signed, did_document=examples.did_document(issuer))
