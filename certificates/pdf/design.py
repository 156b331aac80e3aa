"""The look of a certificate: chosen per template, already in the certificate's language."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

PLACEHOLDERS = (
    "holder_name",
    "course_title",
    "hours",
    "cohort_name",
    "starts_on",
    "ends_on",
    "delegation_name",
)
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str
    signature: bytes | None = field(default=None, repr=False)  # PNG, JPEG or SVG


@dataclass(frozen=True)
class Design:
    title: str
    body: str  # may use the PLACEHOLDERS, e.g. "{holder_name} completed {course_title}"
    signatories: tuple[Signatory, ...]
    logo: bytes | None = field(repr=False)  # PNG, JPEG or SVG
    primary_color: str  # "#RRGGBB"
    accent_color: str
    issuer_name: str

    def __post_init__(self) -> None:
        # A bad template is refused when it is saved, not in the middle of a cohort's batch.
        for name in ("primary_color", "accent_color"):
            value = getattr(self, name)
            if not isinstance(value, str) or not _COLOR.fullmatch(value):
                raise ValueError(f"{name} must be a colour written #RRGGBB, not {value!r}.")
        check_body(self.body)
        if self.logo is not None:
            image_type(self.logo, what="The logo")
        for signatory in self.signatories:
            if signatory.signature is not None:
                image_type(signatory.signature, what=f"The signature of {signatory.name}")
        if not isinstance(self.signatories, tuple):
            # A list would leave a frozen design open to changes from outside.
            object.__setattr__(self, "signatories", tuple(self.signatories))


def check_body(body: str) -> None:
    """Refuses a body that `str.format` could not fill from the claims, naming the culprit."""
    try:
        fields = [parsed[1:] for parsed in string.Formatter().parse(body)]
    except ValueError as error:
        raise ValueError(f"The certificate text is not a valid template: {error}.") from None
    allowed = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    for name, format_spec, conversion in fields:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            raise ValueError(
                f"Unknown placeholder {{{name}}} in the certificate text; use {allowed}."
            )
        if format_spec or conversion:
            written = (
                name
                + (f"!{conversion}" if conversion else "")
                + (f":{format_spec}" if format_spec else "")
            )
            raise ValueError(
                f"Placeholder {{{written}}} in the certificate text: write it as {{{name}}}."
            )


def image_type(data: bytes, *, what: str = "The image") -> str:
    """The MIME type of a logo or signature; anything but PNG, JPEG and SVG is refused."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and b"<svg" in data[:4096]:
        return "image/svg+xml"
    raise ValueError(f"{what} must be a PNG, JPEG or SVG image.")
