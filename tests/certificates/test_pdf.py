"""The certificate PDF: what it says, in which language, what it carries, and that it is PDF/A."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
import segno
from django.utils import translation
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject

from certificates.claims import Claims
from certificates.pdf.design import Design, Signatory
from certificates.pdf.read import attached_credential, sha256
from certificates.pdf.render import CertificateRenderer, render_in_one_pass
from tests.certificates import examples

CREDENTIAL = json.dumps(
    {"type": ["VerifiableCredential", "OpenBadgeCredential"], "name": "Ciudades — Núñez"},
    ensure_ascii=False,
    indent=2,
).encode()
SVG_SIGNATURE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60">'
    b'<path d="M5 50 C 40 0, 60 60, 100 20 S 160 50, 195 10" stroke="#123" fill="none"/></svg>'
)
BODIES = {
    "es": "{holder_name} ha completado el curso {course_title} ({hours} horas), edición "
    "{cohort_name}, del {starts_on} al {ends_on}, organizada por la delegación {delegation_name}.",
    "fr": "{holder_name} a suivi le cours {course_title} ({hours} heures), session {cohort_name}, "
    "du {starts_on} au {ends_on}, organisée par la délégation {delegation_name}.",
}
TITLES = {"es": "Certificado de aprovechamiento", "fr": "Certificat de réussite"}


def png(size: tuple[int, int], colour: tuple[int, int, int, int]) -> bytes:
    image = Image.new("RGBA", size, (255, 255, 255, 0))
    ImageDraw.Draw(image).ellipse((2, 2, size[0] - 2, size[1] - 2), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def a_design(language: str = "es", **changes: Any) -> Design:
    values: dict[str, Any] = {
        "title": TITLES[language],
        "body": BODIES[language],
        "signatories": (
            Signatory("Marina Canals", "Secretaria general", png((300, 90), (20, 20, 80, 255))),
            Signatory("Jordi Vidal", "Presidente", SVG_SIGNATURE),
        ),
        "logo": png((240, 80), (29, 78, 137, 255)),
        "primary_color": "#1d4e89",
        "accent_color": "#C8102E",
        "issuer_name": "International Association of Educating Cities",
    }
    return Design(**{**values, **changes})


def some_claims(**changes: Any) -> Claims:
    return examples.claims(
        **{
            "course_title": "Ciudades educadoras: la Carta",
            "course_description": "Lo que la Carta de Ciudades Educadoras pide a un ayuntamiento.",
            "cohort_name": "Primavera 2025",
            "delegation_name": "Delegación para América Latina",
            **changes,
        }
    )


@pytest.fixture(scope="module")
def spanish() -> CertificateRenderer:
    return CertificateRenderer(a_design("es"), "es")


@pytest.fixture(scope="module")
def pdf(spanish: CertificateRenderer) -> bytes:
    return spanish.render(some_claims(), credential_json=CREDENTIAL)


def text_of(pdf: bytes) -> str:
    return reader(pdf).pages[0].extract_text()


def lines_of(pdf: bytes) -> list[str]:
    return [" ".join(line.split()) for line in text_of(pdf).splitlines() if line.strip()]


def positions(pdf: bytes) -> dict[str, tuple[float, float]]:
    """Where each run of text starts on the page, in points from the bottom left."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.setdefault(text.strip(), (round(x, 1), round(y, 1)))

    reader(pdf).pages[0].extract_text(visitor_text=visit)
    return found


def labels_in(language: str) -> set[str]:
    """The labels a certificate prints, as the catalogue of `language` has them today."""
    with translation.override(language):
        return {translation.gettext("Verification code"), translation.gettext("Check it at")}


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def catalogue(pdf: bytes) -> Any:
    """The document catalogue, typed loosely: pypdf's objects are walked here like dicts."""
    return trailer(pdf)["/Root"].get_object()


def trailer(pdf: bytes) -> Any:
    return reader(pdf).trailer


def test_the_certificate_shows_who_completed_which_course_and_how_to_check_it(pdf: bytes) -> None:
    text = " ".join(text_of(pdf).split())

    for expected in [
        "INTERNATIONAL ASSOCIATION OF EDUCATING CITIES",  # set in capitals
        "Certificado de aprovechamiento",
        "Ana María Núñez",
        "Ciudades educadoras: la Carta",
        "Primavera 2025",
        "Delegación para América Latina",
        "Marina Canals",
        "Secretaria general",
        "Jordi Vidal",
        "C1WV-H3PB-S3S9-0Z6D",
        "https://aula.example.org/v/C1WV-H3PB-S3S9-0Z6D",
    ]:
        assert expected in text
    assert "Ana María Núñez ha completado el curso Ciudades educadoras: la Carta (20 horas)" in text
    assert "{" not in text and "}" not in text


def test_the_page_is_a4_landscape(pdf: bytes) -> None:
    box = reader(pdf).pages[0].mediabox

    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (297, 210)


def test_a_spanish_certificate_speaks_spanish(pdf: bytes) -> None:
    text = " ".join(text_of(pdf).split())

    assert "del 3 de marzo de 2025 al 30 de mayo de 2025" in text
    assert "2 de junio de 2025" in text  # issued on
    assert not re.search(r"\b(March|May|June)\b", text)
    assert catalogue(pdf)["/Lang"] == "es"
    assert labels_in("es") <= set(lines_of(pdf))


def test_a_french_certificate_speaks_french() -> None:
    renderer = CertificateRenderer(a_design("fr"), "fr")

    pdf = renderer.render(some_claims(language="fr"), credential_json=CREDENTIAL)

    text = " ".join(text_of(pdf).split())
    assert "Certificat de réussite" in text
    assert "du 3 mars 2025 au 30 mai 2025, organisée par la délégation" in text
    assert "2 juin 2025" in text
    assert not re.search(r"\b(marzo|mayo|junio|March|June)\b", text)
    assert catalogue(pdf)["/Lang"] == "fr"
    assert labels_in("fr") <= set(lines_of(pdf))


def test_a_renderer_refuses_claims_in_another_language(spanish: CertificateRenderer) -> None:
    with pytest.raises(ValueError, match="'fr'"):
        spanish.render(some_claims(language="fr"), credential_json=CREDENTIAL)


def test_the_signed_credential_travels_inside_the_pdf_byte_for_byte(pdf: bytes) -> None:
    assert attached_credential(pdf) == CREDENTIAL


def test_a_pdf_without_a_credential_or_no_pdf_at_all_has_no_credential() -> None:
    blank = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=842, height=595)
    writer.write(blank)

    assert attached_credential(blank.getvalue()) is None
    assert attached_credential(b"%PDF-1.7\nnot really") is None
    assert attached_credential(b"") is None


def test_the_credential_is_declared_as_the_source_of_the_certificate(pdf: bytes) -> None:
    root = catalogue(pdf)
    name, filespec = root["/Names"]["/EmbeddedFiles"]["/Names"]
    filespec = filespec.get_object()

    assert name == "credential.json"
    assert filespec["/AFRelationship"] == "/Source"
    assert filespec["/UF"] == "credential.json"
    assert filespec["/Desc"]
    assert [reference.get_object() for reference in root["/AF"]] == [filespec]
    assert filespec["/EF"]["/F"].get_object()["/Subtype"] == "/application/json"


def test_the_qr_code_opens_the_verify_url(pdf: bytes) -> None:
    url = "https://aula.example.org/v/C1WV-H3PB-S3S9-0Z6D"
    images = [image.image for image in reader(pdf).pages[0].images if image.image is not None]
    (qr,) = [image for image in images if image.width == image.height]
    grey = qr.convert("L")
    printed = [[grey.getpixel((x, y)) == 0 for x in range(grey.width)] for y in range(grey.height)]

    # Any error correction level and mask will do, as long as the modules spell the URL.
    assert any(
        printed
        == [list(row) for row in segno.make(url, error=level, micro=False, mask=mask).matrix_iter()]
        for level in "lmqh"
        for mask in range(8)
    )


def test_the_pdf_declares_itself_pdf_a_3b_with_an_srgb_output_intent(pdf: bytes) -> None:
    root = catalogue(pdf)
    packet = re.search(rb"<x:xmpmeta.*</x:xmpmeta>", root["/Metadata"].get_data(), re.S)
    assert packet is not None
    xmp = ET.fromstring(packet[0])
    pdfaid = "{http://www.aiim.org/pdfa/ns/id/}"
    declared = {
        key: value
        for description in xmp.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description")
        for key, value in description.attrib.items()
        if key.startswith(pdfaid)
    }
    (intent,) = root["/OutputIntents"]

    assert pdf.startswith(b"%PDF-1.7\n%")
    assert declared == {f"{pdfaid}part": "3", f"{pdfaid}conformance": "B"}
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 3
    assert len(trailer(pdf)["/ID"]) == 2
    title = xmp.findtext(".//{http://purl.org/dc/elements/1.1/}title/*/*")
    assert title == "Certificado de aprovechamiento – Ana María Núñez"
    assert reader(pdf).metadata.title == title  # type: ignore[union-attr]


def test_every_font_is_embedded_and_no_image_is_interpolated(pdf: bytes) -> None:
    fonts: list[Any] = []
    images: list[Any] = []

    def walk(resources: Any) -> None:
        for font in resources.get("/Font", DictionaryObject()).get_object().values():
            for descendant in font.get_object()["/DescendantFonts"]:
                fonts.append(descendant.get_object()["/FontDescriptor"].get_object())
        for xobject in resources.get("/XObject", DictionaryObject()).values():
            xobject = xobject.get_object()
            if xobject["/Subtype"] == "/Image":
                images.append(xobject)
                if "/SMask" in xobject:
                    images.append(xobject["/SMask"].get_object())
            else:
                walk(xobject["/Resources"].get_object())

    walk(catalogue(pdf)["/Pages"]["/Kids"][0].get_object()["/Resources"])

    assert len(fonts) >= 4  # the common layer's and the certificate's own
    assert all("/FontFile2" in font for font in fonts)
    assert len({font["/FontName"] for font in fonts}) == len(fonts)  # distinct subsets
    # The logo and the PNG signature with their transparency masks, and the QR code; the SVG
    # signature is drawn as paths.
    assert len(images) == 5
    assert all(image.get("/Interpolate", False) == False for image in images)  # noqa: E712


def test_two_holders_get_their_own_names_on_the_same_layout(spanish: CertificateRenderer) -> None:
    ana = spanish.render(some_claims(), credential_json=CREDENTIAL)
    luc = spanish.render(
        some_claims(
            holder_name="Luc Bertrand",
            code="7Q2M9XK4TPJ0WN3E",
            verify_url="https://aula.example.org/v/7Q2M-9XK4-TPJ0-WN3E",
        ),
        credential_json=CREDENTIAL,
    )
    at_ana, at_luc = positions(ana), positions(luc)

    assert "Luc Bertrand" not in text_of(ana) and "Ana María Núñez" not in text_of(luc)
    assert at_ana["Ana María Núñez"][1] == at_luc["Luc Bertrand"][1]
    assert at_ana["C1WV-H3PB-S3S9-0Z6D"] == at_luc["7Q2M-9XK4-TPJ0-WN3E"]
    for same in [
        "Certificado de aprovechamiento",
        "Ciudades educadoras: la Carta",
        "Marina Canals",
    ]:
        assert at_ana[same] == at_luc[same]


def test_the_renderer_prints_what_a_one_pass_render_prints(pdf: bytes) -> None:
    one_pass = render_in_one_pass(a_design("es"), some_claims(), credential_json=CREDENTIAL)

    assert sorted(lines_of(pdf)) == sorted(lines_of(one_pass))
    assert positions(pdf) == positions(one_pass)
    assert attached_credential(one_pass) == CREDENTIAL


def test_rendering_the_same_claims_again_gives_the_same_file(
    spanish: CertificateRenderer, pdf: bytes
) -> None:
    again = CertificateRenderer(a_design("es"), "es").render(
        some_claims(), credential_json=CREDENTIAL
    )

    assert sha256(again) == sha256(pdf)
    assert re.fullmatch(r"[0-9a-f]{64}", sha256(pdf))


def test_a_long_name_still_fits_on_one_line(spanish: CertificateRenderer) -> None:
    name = "María de los Ángeles Fernández-Villaverde Rodríguez de la Fuente"

    pdf = spanish.render(some_claims(holder_name=name), credential_json=CREDENTIAL)

    assert name in lines_of(pdf)


def test_a_design_with_an_unknown_placeholder_is_refused_naming_it() -> None:
    with pytest.raises(ValueError, match=r"\{nombre\}"):
        a_design(body="Se certifica que {nombre} completó {course_title}.")


def test_a_placeholder_with_a_format_is_refused() -> None:
    with pytest.raises(ValueError, match=r"\{hours:>3\}"):
        a_design(body="{holder_name}: {hours:>3} horas")


@pytest.mark.parametrize("colour", ["red", "#12345", "#1d4e89ff", "#GGGGGG", "1d4e89"])
def test_a_bad_colour_is_refused(colour: str) -> None:
    with pytest.raises(ValueError, match="primary_color"):
        a_design(primary_color=colour)


def test_a_jpeg_logo_is_printed_as_it_was_uploaded() -> None:
    photo = Image.new("RGB", (320, 120), (200, 16, 46))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90)
    renderer = CertificateRenderer(a_design(logo=buffer.getvalue()), "es")

    pdf = renderer.render(some_claims(), credential_json=CREDENTIAL)

    jpegs = [image for image in reader(pdf).pages[0].images if image.name.endswith(".jpg")]
    assert [jpeg.data for jpeg in jpegs] == [buffer.getvalue()]


def test_a_logo_that_is_not_png_jpeg_or_svg_is_refused() -> None:
    with pytest.raises(ValueError, match="logo"):
        a_design(logo=b"GIF89a\x01\x00\x01\x00")


NETWORK_NAMES = [
    "김민준",
    "王芳",
    "山田花子",
    "Αλέξανδρος Παπαδόπουλος",
    "محمد الأمين",
    "Łukasz Żółć",
    "Ngọc Ánh",
]


@pytest.mark.parametrize("name", NETWORK_NAMES)
def test_names_in_every_script_of_the_network_are_drawn_with_real_glyphs(
    spanish: CertificateRenderer, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    # WeasyPrint says so, on its own logger, whenever no installed font has a glyph for a
    # character and it draws the empty `.notdef` box instead.
    with caplog.at_level("WARNING", logger="weasyprint"):
        pdf = spanish.render(some_claims(holder_name=name), credential_json=CREDENTIAL)

    assert not [r.getMessage() for r in caplog.records if ".notdef" in r.getMessage()]
    assert any(name in line for line in lines_of(pdf))


def test_a_character_no_font_has_is_caught_by_that_check(
    spanish: CertificateRenderer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="weasyprint"):
        spanish.render(some_claims(holder_name="Ana \ue000"), credential_json=CREDENTIAL)

    assert any(".notdef" in r.getMessage() for r in caplog.records)
