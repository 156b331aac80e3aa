"""The player's interface in the learner's language, where the content type translates it.

A library's `language/<code>.json` mirrors its `semantics.json`. Fields marked `common` are the
interface's words (buttons, feedback): those are taken from the learner's language, the
author's questions stay as written.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.cache import cache

from cms.h5p.packages import h5p_storage


def localize_content(content: Any, *, main_library: str | None, language: str) -> Any:
    if main_library is None or not isinstance(content, dict):
        return content
    pair = _semantics_and_language(main_library, language)
    if pair is None:
        return content
    semantics, translated = pair
    return _overlay(content, semantics, translated)


def _semantics_and_language(prefix: str, language: str) -> tuple[list[Any], list[Any]] | None:
    key = f"h5p:l10n:{prefix}:{language}"
    cached = cache.get(key)
    if cached is None:
        cached = _load(prefix, language) or "missing"
        cache.set(key, cached, 3600)
    return None if cached == "missing" else (cached[0], cached[1])


def _load(prefix: str, language: str) -> tuple[list[Any], list[Any]] | None:
    storage = h5p_storage()
    try:
        with storage.open(prefix + "semantics.json", "rb") as stream:
            semantics = json.load(stream)
        with storage.open(f"{prefix}language/{language}.json", "rb") as stream:
            translated = json.load(stream).get("semantics")
    except (FileNotFoundError, OSError, ValueError, AttributeError):
        return None
    if not isinstance(semantics, list) or not isinstance(translated, list):
        return None
    return semantics, translated


def _overlay(values: dict[str, Any], fields: list[Any], translated: list[Any]) -> dict[str, Any]:
    result = dict(values)
    for field, words in zip(fields, translated, strict=False):
        if not isinstance(field, dict) or not isinstance(words, dict):
            continue
        name = field.get("name")
        if not isinstance(name, str):
            continue
        if field.get("type") == "group" and isinstance(field.get("fields"), list):
            inner = values.get(name)
            if isinstance(inner, dict) and isinstance(words.get("fields"), list):
                if field.get("common"):
                    result[name] = _common(inner, field["fields"], words["fields"])
                else:
                    result[name] = _overlay(inner, field["fields"], words["fields"])
        elif field.get("common") and isinstance(words.get("default"), str):
            result[name] = words["default"]
    return result


def _common(values: dict[str, Any], fields: list[Any], translated: list[Any]) -> dict[str, Any]:
    """Inside a common group every text field is interface wording."""
    result = dict(values)
    for field, words in zip(fields, translated, strict=False):
        if isinstance(field, dict) and isinstance(words, dict):
            name = field.get("name")
            if isinstance(name, str) and isinstance(words.get("default"), str):
                result[name] = words["default"]
    return result
