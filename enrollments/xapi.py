"""The shape of an xAPI statement, as Aula accepts it, and the checks no JSON Schema can make.

The structure follows xAPI 1.0.3 ("Data", part two): a statement has no property the
specification does not name, scores are numbers, context activities are activities or lists of
them. The schema is checked with `jsonschema` (already used for credentials); what depends on
this site (the object is one of its activities) or on our columns (a score fits
`DecimalField(9, 3)`) is checked after it. Every refusal names the field.
"""

from __future__ import annotations

import json
import re
import uuid
from decimal import Decimal
from typing import Any

import fastjsonschema
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from jsonschema.exceptions import best_match

# One statement, serialised, at most this many bytes (documented in the API schema and in
# docs/api.md): H5P's statements are a few kilobytes, question sets with every choice ~20 kB.
MAX_STATEMENT_BYTES = 64 * 1024
# What `Statement.raw_score` / `max_score` hold (9 digits, 3 after the point).
SCORE_STEP = Decimal("0.001")
SCORE_CEILING = Decimal("999999.999")

UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_IRI = {"type": "string", "maxLength": 2048, "pattern": r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$"}
_TEXT = {"type": "string", "maxLength": 10_000}
_LANGUAGE_MAP = {"type": "object", "additionalProperties": _TEXT}
_EXTENSIONS = {"type": "object", "propertyNames": _IRI}
_INTERACTION_COMPONENTS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id"],
        "properties": {"id": _TEXT, "description": _LANGUAGE_MAP},
        "additionalProperties": False,
    },
}
_DEFINITION = {
    "type": "object",
    "properties": {
        "name": _LANGUAGE_MAP,
        "description": _LANGUAGE_MAP,
        "type": _IRI,
        "moreInfo": _IRI,
        "interactionType": _TEXT,
        "correctResponsesPattern": {"type": "array", "items": _TEXT},
        **dict.fromkeys(("choices", "scale", "source", "target", "steps"), _INTERACTION_COMPONENTS),
        "extensions": _EXTENSIONS,
    },
    "additionalProperties": False,
}
_ACTIVITY = {
    "type": "object",
    "required": ["id"],
    "properties": {"objectType": {"const": "Activity"}, "id": _IRI, "definition": _DEFINITION},
    "additionalProperties": False,
}
_NUMBER = {"type": "number"}
_SCORE = {
    "type": "object",
    "properties": {
        "scaled": {"type": "number", "minimum": -1, "maximum": 1},
        "raw": _NUMBER,
        "min": _NUMBER,
        "max": _NUMBER,
    },
    "additionalProperties": False,
}
_CONTEXT_ACTIVITY_KINDS = ("parent", "grouping", "category", "other")
_ACTIVITIES = {"anyOf": [_ACTIVITY, {"type": "array", "items": _ACTIVITY, "maxItems": 100}]}
STATEMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "verb", "object"],
    "properties": {
        "id": {"type": "string", "pattern": UUID_PATTERN},
        # The server binds the statement to the signed-in learner: any actor sent is ignored.
        "actor": {"type": "object"},
        "verb": {
            "type": "object",
            "required": ["id"],
            # `Statement.verb` holds 200 characters.
            "properties": {"id": {**_IRI, "maxLength": 200}, "display": _LANGUAGE_MAP},
            "additionalProperties": False,
        },
        "object": _ACTIVITY,
        "result": {
            "type": "object",
            "properties": {
                "score": _SCORE,
                "success": {"type": "boolean"},
                "completion": {"type": "boolean"},
                "response": _TEXT,
                "duration": {"type": "string", "maxLength": 64, "pattern": r"^P[0-9YMWDTHS.]*$"},
                "extensions": _EXTENSIONS,
            },
            "additionalProperties": False,
        },
        "context": {
            "type": "object",
            "properties": {
                "registration": {"type": "string", "pattern": UUID_PATTERN},
                "instructor": {"type": "object"},
                "team": {"type": "object"},
                "contextActivities": {
                    "type": "object",
                    "properties": dict.fromkeys(
                        ("parent", "grouping", "category", "other"), _ACTIVITIES
                    ),
                    "additionalProperties": False,
                },
                "revision": _TEXT,
                "platform": _TEXT,
                "language": {"type": "string", "maxLength": 35},
                "statement": {"type": "object"},
                "extensions": _EXTENSIONS,
            },
            "additionalProperties": False,
        },
        "timestamp": {"type": "string", "maxLength": 64},
        "stored": {"type": "string", "maxLength": 64},
        "authority": {"type": "object"},
        "version": {"type": "string", "maxLength": 16},
    },
    "additionalProperties": False,
}
_VALIDATOR = Draft202012Validator(STATEMENT_SCHEMA)
# The same schema compiled to Python (draft 7 has every keyword it uses): the busiest check,
# once per statement. Only a statement it refuses goes to jsonschema, for the field at fault.
_VALID = fastjsonschema.compile(STATEMENT_SCHEMA)


class TooLarge(ValidationError):
    status_code = 413


def check_shape(statement: Any) -> None:
    """Refuses a statement that is not shaped as xAPI says, naming the first field at fault."""
    if not isinstance(statement, dict):
        raise ValidationError(_("A statement must be a JSON object."), code="malformed_statement")
    size = len(json.dumps(statement, ensure_ascii=False).encode())
    if size > MAX_STATEMENT_BYTES:
        raise TooLarge(
            _("A statement may take at most %(limit)d kB; this one takes %(size)d kB.")
            % {"limit": MAX_STATEMENT_BYTES // 1024, "size": -(-size // 1024)},
            code="statement_too_large",
        )
    try:
        _VALID(statement)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    error = best_match(_VALIDATOR.iter_errors(statement))
    if error is None:
        return
    field = _field(error)
    code = "missing_statement_id" if field == "id" else "malformed_statement"
    if field == "id":
        message = _('Each statement needs an "id" that is a UUID made by the client.')
    elif error.validator == "required":
        message = _("The statement lacks “%(field)s”.") % {"field": field}
    elif error.validator == "additionalProperties":
        message = _("“%(field)s” is not a property xAPI allows here.") % {"field": field}
    elif error.validator == "type":
        message = _("“%(field)s” must be %(kind)s.") % {"field": field, "kind": _kind(error)}
    else:
        message = _("“%(field)s” does not hold a value xAPI allows there.") % {"field": field}
    raise ValidationError(message, code=code, params={"at": field})


def _field(error: SchemaError) -> str:
    path = [str(part) for part in error.absolute_path]
    instance = error.instance if isinstance(error.instance, dict) else {}
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in instance]
        path.append(missing[0] if missing else "")
    elif error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(name for name in instance if name not in allowed)
        path.append(extra[0] if extra else "")
    return ".".join(path) or "statement"


def _kind(error: SchemaError) -> str:
    kinds = {
        "object": _("a JSON object"),
        "array": _("a list"),
        "string": _("text"),
        "number": _("a number"),
        "boolean": _("true or false"),
    }
    expected = error.validator_value
    return kinds.get(expected if isinstance(expected, str) else "", _("another type"))


def activity_key(object_id: str) -> uuid.UUID | None:
    """The key of this site's activity that `object_id` names, exactly: its IRI, optionally
    with `?subContentId=<uuid>` (a question inside an H5P set); None for any other id."""
    pattern = (
        rf"^{re.escape(settings.SITE_URL)}/xapi/activities/({UUID_PATTERN[1:-1]})"
        rf"(?:\?subContentId={UUID_PATTERN[1:-1]})?$"
    )
    match = re.match(pattern, object_id)
    return uuid.UUID(match.group(1)) if match else None


def score(result: Any) -> tuple[Decimal | None, Decimal | None]:
    """raw and max of a shape-checked result, refused unless 0 ≤ raw ≤ max and both fit the
    columns (three decimals, below a million)."""
    found = result.get("score") if isinstance(result, dict) else None
    if not isinstance(found, dict) or "raw" not in found:
        return None, None
    if "max" not in found:
        raise ValidationError(
            _('A score needs numbers for "raw" and "max".'),
            code="malformed_score",
            params={"at": "result.score.max"},
        )
    raw, maximum = Decimal(str(found["raw"])), Decimal(str(found["max"]))
    if not (raw.is_finite() and maximum.is_finite()):
        raise ValidationError(
            _('A score needs numbers for "raw" and "max".'),
            code="malformed_score",
            params={"at": "result.score"},
        )
    if maximum < SCORE_STEP or maximum > SCORE_CEILING or raw < 0 or raw > maximum:
        raise ValidationError(
            _("The score must satisfy 0 ≤ raw ≤ max, with max from %(low)s to %(high)s.")
            % {"low": SCORE_STEP, "high": SCORE_CEILING},
            code="score_out_of_range",
            params={"at": "result.score"},
        )
    return raw.quantize(SCORE_STEP), maximum.quantize(SCORE_STEP)
