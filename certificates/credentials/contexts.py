"""The JSON-LD contexts a credential may use, pinned on disk: a context decides what the signature
covers, so none is ever fetched and a changed file is refused. `contexts/index.json` lists them
for the Python signer and the Node verifier alike."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).with_name("contexts")
_INDEX: dict[str, dict[str, str]] = json.loads((FOLDER / "index.json").read_text())

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

CONTEXTS: dict[str, Path] = {url: FOLDER / entry["file"] for url, entry in _INDEX.items()}
CHECKSUMS: dict[str, str] = {url: entry["sha256"] for url, entry in _INDEX.items()}


class ContextError(ValueError):
    pass


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that serves only the pinned contexts. They never change, so the
    "static" tag lets pyld keep each one's processed form for the life of the process instead
    of processing it again for every expansion (it was most of the cost of signing)."""
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": load(url),
        "tag": "static",
    }


@cache
def load(url: str) -> dict[str, Any]:
    if url not in CONTEXTS:
        raise ContextError(
            f"The JSON-LD context {url} is not pinned in {FOLDER}; contexts are never fetched."
        )
    content = CONTEXTS[url].read_bytes()
    if hashlib.sha256(content).hexdigest() != CHECKSUMS[url]:
        raise ContextError(f"{CONTEXTS[url].name} does not match its pinned SHA-256.")
    document: dict[str, Any] = json.loads(content)
    return document
