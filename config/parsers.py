"""The API's JSON parser: DRF's, with the limits a hostile body needs.

Kept apart from `config.api`: DRF imports the parser while its own views module is loading, so
this module may import nothing that imports `rest_framework.views`.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import FormParser as DRFFormParser
from rest_framework.parsers import JSONParser as DRFJSONParser
from rest_framework.parsers import MultiPartParser as DRFMultiPartParser
from rest_framework.settings import api_settings

MAX_JSON_DEPTH = 32
# NUL and UTF-16 surrogates (which a JSON \\u escape can produce alone): no text may hold them.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class JSONParser(DRFJSONParser):
    """DRF's JSON parser, refusing with a translated 400 what would break further on: nesting
    deeper than MAX_JSON_DEPTH (50,000 brackets overflowed the parser's recursion), text with a
    lone surrogate or a NUL character (neither can be stored, PostgreSQL refuses both)."""

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        # DRF reads the request's stream, past Django's DATA_UPLOAD_MAX_MEMORY_SIZE: read at
        # most that, and refuse a larger body before parsing it.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise BodyTooLarge()
        try:
            data = json.loads(
                body.decode(encoding),
                parse_constant=json_strict_constant if api_settings.STRICT_JSON else None,
            )
        except RecursionError:
            raise ParseError(_too_deep()) from None
        except ValueError as error:
            raise ParseError(
                _("The body is not valid JSON: %(reason)s") % {"reason": error}
            ) from None
        _check_text_and_depth(data)
        return data


class FormParser(DRFFormParser):
    """DRF's form parser, refusing (400, translated) text PostgreSQL cannot store, as the
    JSON parser does: a NUL character in a field reached the database and failed there."""

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        data = super().parse(stream, media_type, parser_context)
        _check_fields(data)
        return data


class MultiPartParser(DRFMultiPartParser):
    """DRF's multipart parser with the same check of its text fields (files are not text)."""

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        parsed = super().parse(stream, media_type, parser_context)
        _check_fields(parsed.data)
        for name in parsed.files:
            _check_text(name)
        return parsed


def _check_fields(data: Any) -> None:
    for key, values in data.lists():
        _check_text(key)
        for value in values:
            if isinstance(value, str):
                _check_text(value)


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "body_too_large"

    def __init__(self) -> None:
        super().__init__(body_too_large())


def json_body_or_none(request: Any) -> Any:
    """A DRF request's JSON body as the API's parser reads it, without DRF parsing it: None for
    any body the parser would refuse or another parser would read (the view then goes the
    ordinary way, `request.data`, and refuses it with the usual message). Django keeps the
    bytes, so `request.data` can still parse them afterwards."""
    if request.content_type.partition(";")[0].strip().lower() != "application/json":
        return None
    django_request = request._request
    try:
        length = int(django_request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if not 0 < length <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        return None
    try:
        return JSONParser().parse(
            io.BytesIO(django_request.body),
            parser_context={"encoding": django_request.encoding or settings.DEFAULT_CHARSET},
        )
    except (APIException, OSError, ValueError):
        return None


def body_too_large() -> str:
    return _("A request body may take at most %(limit)d kB.") % {
        "limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
    }


def json_strict_constant(name: str) -> None:
    raise ValueError(_("%(name)s is not a JSON number") % {"name": name})


def _too_deep() -> str:
    return _("The JSON is nested more than %(depth)d levels deep.") % {"depth": MAX_JSON_DEPTH}


def _check_text_and_depth(data: Any) -> None:
    """Walks the parsed body without recursion, as deep as MAX_JSON_DEPTH."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            _check_text(value)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_JSON_DEPTH:
            raise ParseError(_too_deep())
        if isinstance(value, dict):
            for key, item in value.items():
                _check_text(key)
                pending.append((item, depth + 1))
        else:
            pending.extend((item, depth + 1) for item in value)


def _check_text(text: str) -> None:
    found = UNSTORABLE.search(text)
    if found is None:
        return
    if found.group() == "\x00":
        raise ParseError(_("Text may not contain the NUL character (\\u0000)."))
    raise ParseError(
        _("Text contains a lone surrogate (such as \\ud800), which is not a character.")
    )
