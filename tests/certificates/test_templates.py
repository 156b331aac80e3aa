"""Certificate templates: per course or default, translated; trainers preview them with sample
data in each language; a template that could not be filled is refused when saved."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from certificates.models import CertificateTemplate, validate_body

TITLES = {
    "es": "Certificado de finalización",
    "pt": "Certificado de conclusão",
    "fr": "Certificat de réussite",
    "en": "Certificate of completion",
    "ca": "Certificat de finalització",
}


def text_of(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language", list(TITLES))
def test_a_trainer_previews_the_built_in_design_in_each_language(signed_in, trainer, language):
    response = signed_in(trainer).get(f"/certificates/templates/0/preview/{language}.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert TITLES[language] in text_of(response.content)


def test_a_courses_own_template_is_previewed_and_used_for_its_certificates(
    signed_in, trainer, site, enrollment, coordinator, django_capture_on_commit_callbacks
):
    from certificates.models import Certificate
    from tests.certificates.conftest import complete

    template = CertificateTemplate.objects.create(course=site["course"].course)
    template.set_current_language("es")
    template.title = "Diploma de la Red"
    template.body = "{holder_name} terminó {course_title}."
    template.set_current_language("pt")
    template.title = "Diploma da Rede"
    template.body = "{holder_name} concluiu {course_title}."
    template.save()

    listing = signed_in(trainer).get("/certificates/templates/").content.decode()
    assert f"/certificates/templates/{template.pk}/preview/pt.pdf" in listing
    preview = signed_in(trainer).get(f"/certificates/templates/{template.pk}/preview/pt.pdf")
    assert "Diploma da Rede" in text_of(preview.content)

    with django_capture_on_commit_callbacks(execute=True):
        complete(enrollment, coordinator)
    certificate = Certificate.objects.get(enrollment=enrollment)
    with certificate.pdf.open("rb") as handle:
        printed = text_of(handle.read())
    assert "Diploma de la Red" in printed  # the learner's language is Spanish
    assert "Ana Gutiérrez terminó" in printed


def test_learners_cannot_preview_templates(signed_in, learner, client):
    assert signed_in(learner).get("/certificates/templates/0/preview/es.pdf").status_code == 404
    assert client.get("/certificates/templates/").status_code == 404


def test_a_text_with_an_unknown_placeholder_is_refused_with_its_name():
    with pytest.raises(ValidationError, match="holder_nmae"):
        validate_body("{holder_nmae} completed {course_title}")
    with pytest.raises(ValidationError, match="Braces"):
        validate_body("{holder_name completed")
    validate_body("{holder_name} completed {course_title} ({hours} hours)")
