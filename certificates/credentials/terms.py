"""What a signature covers is the RDF a document expands to, not its JSON: pyld silently drops a
key its contexts don't define and resolves an undefined type against a made-up base IRI, so such
a field could be changed without breaking the signature. These checks refuse both, naming the
field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from pyld import jsonld

Loader = Callable[..., dict[str, Any]]

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


class CredentialError(ValueError):
    pass


def expand(document: dict[str, Any], loader: Loader) -> list[Any]:
    """Expand, refusing any key the contexts leave undefined."""
    dropped: list[str | None] = []
    try:
        expanded: list[Any] = jsonld.expand(
            document, {"documentLoader": loader}, on_property_dropped=dropped.append
        )
    except jsonld.JsonLdError as error:
        raise CredentialError(describe(error)) from error
    if dropped:
        paths = list(_lost_paths(document, expanded, loader)) or [str(key) for key in dropped]
        raise CredentialError(
            f"{', '.join(paths)}: not defined by the credential's @context, so not signed."
        )
    return expanded


def refuse_relative_iris(nquads: str, document: dict[str, Any]) -> None:
    relative: list[str] = []
    dataset = jsonld.JsonLdProcessor.parse_nquads(nquads)
    for quad in (quad for graph in dataset.values() for quad in graph):
        for part in ("subject", "predicate", "object"):
            node = quad[part]
            iri = node["value"] if node["type"] == "IRI" else node.get("datatype")
            if iri and not (_ABSOLUTE_IRI.match(iri) and jsonld.DEFAULT_BASE_IRI not in iri):
                value = iri.replace(jsonld.DEFAULT_BASE_IRI, "")
                relative.extend(_paths_of_value(document, value, "") or [repr(value)])
    if relative:
        raise CredentialError(
            f"{', '.join(dict.fromkeys(relative))}: neither an absolute IRI nor a term the "
            "@context defines, so not signed as written."
        )


def describe(error: Exception) -> str:
    """pyld wraps a loader's refusal; the innermost cause says which context was refused."""
    cause: BaseException = error
    while cause.__cause__ is not None:
        cause = cause.__cause__
    if isinstance(cause, jsonld.JsonLdError):
        return f"{cause.args[0] if cause.args else 'JSON-LD error'} ({cause.code or cause.type})"
    return str(cause)


def _lost_paths(document: dict[str, Any], expanded: list[Any], loader: Loader) -> Iterator[str]:
    kept = jsonld.compact(expanded, document.get("@context", {}), {"documentLoader": loader})
    yield from _missing(document, kept, "")


def _missing(original: Any, kept: Any, path: str) -> Iterator[str]:
    if isinstance(original, dict):
        if isinstance(kept, str):  # {"id": x} compacts to x under an "@type": "@id" term
            kept = {"id": kept}
        kept_keys = kept if isinstance(kept, dict) else {}
        for key, value in original.items():
            here = f"{path}.{key}" if path else key
            if key == "@context":
                continue
            if key not in kept_keys:
                yield here
            else:
                yield from _missing(value, kept_keys[key], here)
    elif isinstance(original, list):
        kept_items = kept if isinstance(kept, list) else [kept]
        for index, (item, kept_item) in enumerate(zip(original, kept_items, strict=False)):
            yield from _missing(item, kept_item, f"{path}[{index}]")


def _paths_of_value(node: Any, value: str, path: str) -> list[str]:
    if isinstance(node, dict):
        return [
            found
            for key, child in node.items()
            if key != "@context"
            for found in _paths_of_value(child, value, f"{path}.{key}" if path else key)
        ]
    if isinstance(node, list):
        return [
            found
            for index, child in enumerate(node)
            for found in _paths_of_value(child, value, f"{path}[{index}]")
        ]
    return [path] if node == value else []
