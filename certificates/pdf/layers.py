"""A page drawn once and copied, as a Form XObject, under the pages of many later PDFs.

The certificates of one design and language share most of what they draw: frame, logo, title,
signatures, labels. That page is rendered once, read back with pypdf, and kept as ready-made
PDF objects whose references are holes filled with the object numbers of each new PDF, so
drawing it under a certificate costs a few byte joins instead of a layout, a font subset and
a parse. The certificate's own WeasyPrint pass stays in charge of the PDF/A structure
(metadata, output intent, attachments); these objects only add drawing to it.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import zlib
from typing import Any

import pydyf
from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    PdfObject,
    StreamObject,
)

XOBJECT_NAME = "AulaCommon"
_SUBSET_TAG = re.compile(r"/[A-Z]{6}\+")
_Part = bytes | int  # bytes, or the index of the object a reference points to


class _CopiedObject(pydyf.Object):
    def __init__(self, data: bytes, *, is_stream: bool) -> None:
        super().__init__()
        self._data = data
        self._is_stream = is_stream

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def compressible(self) -> bool:
        # pydyf packs small objects into an object stream; a stream may not go there.
        return not self._is_stream


class CommonLayer:
    """The shared page of a renderer, ready to be drawn under any number of certificates."""

    def __init__(self, objects: list[list[_Part]], streams: list[bool]) -> None:
        # objects[0] is the Form XObject; the rest are what it needs (fonts, images, profiles).
        self._objects = objects
        self._streams = streams
        self._lock = threading.Lock()
        self._numbered: dict[int, list[bytes]] = {}

    @classmethod
    def from_pdf(cls, pdf: bytes) -> CommonLayer:
        """The first page of `pdf`, made into a Form XObject and the objects it uses."""
        page = PdfReader(io.BytesIO(pdf)).pages[0]
        contents = _resolved(page["/Contents"])
        streams = list(contents) if isinstance(contents, ArrayObject) else [contents]
        drawing = b"\n".join(_stream(stream).get_data() for stream in streams)
        form = StreamObject()
        form.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(page.mediabox),
                NameObject("/Resources"): page["/Resources"],
                NameObject("/Filter"): NameObject("/FlateDecode"),
            }
        )
        form.set_data(zlib.compress(drawing))
        copier = _Copier()
        copier.add(form)
        return cls(copier.objects, copier.streams)

    def numbered(self, first: int) -> list[bytes]:
        """The objects serialized for a PDF where they take numbers from `first` on."""
        # A certificate's own pass makes the same number of objects whatever the holder's name,
        # so nearly every certificate of a batch reuses the first join.
        with self._lock:
            if first not in self._numbered:
                if len(self._numbered) >= 16:  # a name in another script may add a font or two
                    self._numbered.clear()
                self._numbered[first] = [
                    b"".join(
                        part if isinstance(part, bytes) else b"%d 0 R" % (first + part)
                        for part in parts
                    )
                    for parts in self._objects
                ]
            return self._numbered[first]

    def draw_under(self, document: Any, pdf: pydyf.PDF) -> None:
        """WeasyPrint finisher: draws this layer under the first page of `pdf`."""
        first = len(pdf.objects)
        for data, is_stream in zip(self.numbered(first), self._streams, strict=True):
            pdf.add_object(_CopiedObject(data, is_stream=is_stream))
        form = b"%d 0 R" % first
        call = pydyf.Stream([b"q /" + XOBJECT_NAME.encode() + b" Do Q"], compress=False)
        pdf.add_object(call)
        page = pdf.objects[pdf.pages["Kids"][0]]  # pydyf lists kids as: number, 0, "R"
        resources = _resolve(pdf, page["Resources"])
        resources.setdefault("XObject", pydyf.Dictionary())[XOBJECT_NAME] = form
        page["Contents"] = pydyf.Array([call.reference, page["Contents"]])


def _resolve(pdf: pydyf.PDF, reference: bytes) -> Any:
    return pdf.objects[int(reference.split()[0])]


class _Copier:
    """Serializes pypdf objects with their references left as holes, numbering each reachable
    indirect object in the order it is met."""

    def __init__(self) -> None:
        self.objects: list[list[_Part]] = []
        self.streams: list[bool] = []
        self._index: dict[int, int] = {}
        self._pending: list[tuple[int, PdfObject]] = []

    def add(self, root: PdfObject) -> None:
        self._pending.append((self._reserve(), root))
        while self._pending:
            index, pdf_object = self._pending.pop()
            parts: list[_Part] = []
            self._write(pdf_object, parts)
            self.objects[index] = _merged(parts)
            self.streams[index] = isinstance(pdf_object, StreamObject)

    def _reserve(self) -> int:
        self.objects.append([])
        self.streams.append(False)
        return len(self.objects) - 1

    def _reference(self, reference: IndirectObject) -> int:
        if reference.idnum not in self._index:
            index = self._index[reference.idnum] = self._reserve()
            self._pending.append((index, _resolved(reference)))
        return self._index[reference.idnum]

    def _write(self, pdf_object: PdfObject, parts: list[_Part]) -> None:
        if isinstance(pdf_object, IndirectObject):
            parts.append(self._reference(pdf_object))
        elif isinstance(pdf_object, StreamObject):
            data = pdf_object._data  # as stored, still encoded with its /Filter
            self._write_dictionary(pdf_object, parts, length=len(data))
            parts.extend((b"\nstream\n", data, b"\nendstream"))
        elif isinstance(pdf_object, DictionaryObject):
            self._write_dictionary(pdf_object, parts)
        elif isinstance(pdf_object, ArrayObject):
            parts.append(b"[")
            for item in pdf_object:
                parts.append(b" ")
                self._write(item, parts)
            parts.append(b" ]")
        else:
            parts.append(_serialized(pdf_object))

    def _write_dictionary(
        self, dictionary: DictionaryObject, parts: list[_Part], *, length: int | None = None
    ) -> None:
        parts.append(b"<<")
        for key, value in dictionary.items():
            if key == "/Length":
                continue
            parts.extend((b"\n", _serialized(NameObject(key)), b" "))
            if key in ("/BaseFont", "/FontName") and isinstance(value, NameObject):
                value = _retagged(value)
            self._write(value, parts)
        if length is not None:
            parts.append(b"\n/Length %d" % length)
        parts.append(b"\n>>")


def _resolved(pdf_object: PdfObject) -> PdfObject:
    resolved = pdf_object.get_object()
    return NullObject() if resolved is None else resolved


def _stream(pdf_object: PdfObject) -> StreamObject:
    resolved = _resolved(pdf_object)
    if not isinstance(resolved, StreamObject):
        raise ValueError(f"A page's contents should be streams, not {type(resolved).__name__}.")
    return resolved


def _serialized(pdf_object: PdfObject) -> bytes:
    buffer = io.BytesIO()
    pdf_object.write_to_stream(buffer)
    return buffer.getvalue()


def _retagged(name: NameObject) -> NameObject:
    # A subset font is named TAG+Family, and two different subsets in one file must not share
    # a tag. The certificate's own pass subsets the same fonts under the same tags, so the
    # common layer's subsets take new ones.
    if not _SUBSET_TAG.match(name):
        return name
    digest = hashlib.sha256(b"common layer " + name.encode()).digest()
    tag = "".join(chr(65 + byte % 26) for byte in digest[:6])
    return NameObject(f"/{tag}+{name[8:]}")


def _merged(parts: list[_Part]) -> list[_Part]:
    merged: list[_Part] = []
    for part in parts:
        if isinstance(part, bytes) and merged and isinstance(merged[-1], bytes):
            merged[-1] += part
        else:
            merged.append(part)
    return merged
