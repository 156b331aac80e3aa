from __future__ import annotations

import hashlib

import pytest

from certificates.credentials import contexts
from certificates.credentials.contexts import ContextError

# A changed context changes what every signature covers: update these only on purpose.
PINNED = {
    "https://www.w3.org/ns/credentials/v2": (
        "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": (
        "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"
    ),
}


def test_the_pinned_context_files_have_not_changed() -> None:
    on_disk = {
        url: hashlib.sha256(path.read_bytes()).hexdigest()
        for url, path in contexts.CONTEXTS.items()
    }

    assert on_disk == PINNED


def test_the_loader_serves_a_pinned_context_from_disk() -> None:
    loaded = contexts.document_loader(contexts.OB_V3)

    assert loaded["documentUrl"] == contexts.OB_V3
    assert "OpenBadgeCredential" in loaded["document"]["@context"]


def test_the_loader_refuses_any_other_url_instead_of_fetching_it() -> None:
    with pytest.raises(ContextError, match="not pinned"):
        contexts.document_loader("https://www.w3.org/ns/credentials/examples/v2")


def test_a_context_file_that_no_longer_matches_its_checksum_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    contexts.load.cache_clear()
    monkeypatch.setitem(contexts.CHECKSUMS, contexts.VC_V2, "0" * 64)
    try:
        with pytest.raises(ContextError, match="SHA-256"):
            contexts.load(contexts.VC_V2)
    finally:
        contexts.load.cache_clear()
