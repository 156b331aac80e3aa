"""What a learner may attach: checked by what the file is, never by its name.

PDF, Word (DOCX), OpenDocument text (ODT) and PNG or JPEG images, each recognised from its
first bytes (and, for DOCX and ODT, from the entries of the zip they are). Any other archive,
a program, or a file that says it is one thing and is another is refused with a message saying
which."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ODT = b"application/vnd.oasis.opendocument.text"
KIND_NAMES = {"pdf": "PDF", "docx": "DOCX", "odt": "ODT", "image": "PNG, JPEG"}


@dataclass(frozen=True)
class Checked:
    kind: str  # pdf, docx, odt, image
    content_type: str


def sniff(data: bytes) -> Checked:
    if data.startswith(b"%PDF-"):
        return Checked("pdf", "application/pdf")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Checked("image", "image/png")
    if data.startswith(b"\xff\xd8\xff"):
        return Checked("image", "image/jpeg")
    if data.startswith((b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")):
        raise ValidationError(_("Programs and scripts are not accepted."), code="executable")
    if data.startswith(b"PK\x03\x04"):
        return _office(data)
    if data.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b", b"BZh")):
        raise ValidationError(_("Archives are not accepted: attach the documents."), code="archive")
    raise ValidationError(
        _("This file is not a PDF, a DOCX or ODT document, or a PNG or JPEG image."),
        code="file_type",
    )


def _office(data: bytes) -> Checked:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "mimetype" in names and archive.read("mimetype").strip() == ODT:
            return Checked("odt", ODT.decode())
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ValidationError(_("This file is damaged."), code="damaged") from error
    if "[Content_Types].xml" in names and any(name.startswith("word/") for name in names):
        return Checked(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
    raise ValidationError(_("Archives are not accepted: attach the documents."), code="archive")


def check(upload: IO[bytes], *, size: int, allowed: list[str], max_mb: int) -> Checked:
    """The file's kind, if this assignment takes it; else a ValidationError naming why."""
    if size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("This file is larger than %(size)d MB.") % {"size": max_mb}, code="too_large"
        )
    if size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    found = sniff(data)
    if found.kind not in allowed:
        raise ValidationError(
            _("This assignment takes %(kinds)s files only.")
            % {"kinds": ", ".join(KIND_NAMES[k] for k in allowed)},
            code="file_type_not_taken",
        )
    return found
