"""Anyone checks a certificate by its code, on a page in their language or through the API:
every printed claim and the state, and nothing about the holder that is not printed."""

from __future__ import annotations

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates import services
from certificates.credentials import codes
from certificates.models import Certificate

UNKNOWN = codes.display("0" * 15 + codes.check_symbol("0" * 15))


def mistyped(code: str) -> str:
    """The same code with one symbol changed: the check symbol no longer fits."""
    swapped = "1" if code[0] != "1" else "2"
    return codes.display(swapped + code[1:])


def api(client, code: str):
    return client.get(f"/api/v1/certificates/verify/{code}")


def test_the_api_shows_every_printed_claim_and_nothing_private(client, certificate, learner):
    response = api(client, certificate.printed.display_code)

    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "valid"
    shown = body["certificate"]
    claims = certificate.printed
    assert shown["holder_name"] == claims.holder_name
    assert shown["course_title"] == claims.course_title
    assert shown["hours"] == claims.hours
    assert shown["cohort"] == "Abril"
    assert shown["starts_on"] == claims.starts_on.isoformat()
    assert shown["pdf_sha256"] == certificate.pdf_sha256
    text = response.content.decode()
    assert learner.email not in text
    assert str(certificate.pk) not in [str(v) for v in shown.values()]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "noindex" in response["X-Robots-Tag"]


def test_codes_are_read_however_people_type_them(client, certificate):
    sloppy = certificate.printed.display_code.lower().replace("-", " ").replace("0", "o")
    assert api(client, sloppy).json()["state"] == "valid"


def test_a_mistyped_code_is_told_apart_from_an_unknown_one_without_asking_the_database(
    client, certificate, django_assert_num_queries
):
    from certificates import verification

    with django_assert_num_queries(0):
        outcome = verification.look_up(mistyped(certificate.printed.display_code))
    assert outcome.state == "mistyped"

    response = api(client, mistyped(certificate.printed.display_code))
    assert response.status_code == 400
    assert "mistyped" in response.json()["message"]

    unknown = api(client, UNKNOWN)
    assert unknown.status_code == 404
    assert unknown.json()["state"] == "unknown"

    malformed = api(client, "ABC")
    assert malformed.status_code == 400
    assert malformed.json()["state"] == "malformed"


def test_the_public_page_shows_the_claims_in_the_visitors_language(client, certificate):
    code = certificate.printed.display_code
    spanish = client.get(f"/es/verify/{code}/")
    english = client.get(f"/en/verify/{code}/")

    assert spanish.status_code == english.status_code == 200
    assert "Ana Gutiérrez" in spanish.content.decode()
    assert certificate.pdf_sha256 in spanish.content.decode()
    assert "genuine and valid" in english.content.decode()
    assert "genuine and valid" not in spanish.content.decode()
    assert '<meta name="robots" content="noindex">' in spanish.content.decode()


def test_the_short_address_printed_on_the_pdf_opens_the_page(client, certificate):
    response = client.get(f"/verify/{certificate.printed.display_code}")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/en/verify/{certificate.printed.display_code}/")


def test_the_form_sends_a_typed_code_to_its_page_and_explains_a_bad_one(client, certificate):
    found = client.get("/en/verify/", {"code": certificate.printed.display_code.lower()})
    assert found.status_code == 302
    bad = client.get("/en/verify/", {"code": mistyped(certificate.printed.display_code)})
    assert bad.status_code == 400
    assert "mistyped" in bad.content.decode()


def test_a_revoked_certificate_says_when_and_why(client, certificate, coordinator):
    services.revoke_certificate(
        certificate=certificate,
        by=coordinator,
        reason="Typed the wrong learner",
        public_reason="issued_in_error",
    )

    body = api(client, certificate.printed.display_code).json()
    assert body["state"] == "revoked"
    assert body["revocation_reason"] == "Issued in error"
    assert body["revoked_on"]
    page = client.get(f"/en/verify/{certificate.printed.display_code}/").content.decode()
    assert "revoked" in page and "Issued in error" in page
    assert "wrong learner" not in page and "wrong learner" not in str(body)


def test_a_corrected_certificate_points_to_its_successor(
    client, certificate, coordinator, learner, django_capture_on_commit_callbacks
):
    learner.certificate_name = "Ana María Gutiérrez"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        successor = services.correct_certificate(
            certificate=certificate, by=coordinator, reason="Misspelt name"
        )

    old = api(client, certificate.printed.display_code).json()
    assert old["state"] == "superseded"
    assert old["replaced_by"]["code"] == codes.display(successor.code)
    new = api(client, codes.display(successor.code)).json()
    assert new["state"] == "valid"
    assert new["certificate"]["holder_name"] == "Ana María Gutiérrez"


def test_an_uploaded_pdf_is_compared_with_the_one_issued(client, certificate):
    with storages["certificates"].open(certificate.pdf.name, "rb") as handle:
        original = handle.read()
    url = f"/api/v1/certificates/verify/{certificate.printed.display_code}/pdf"

    same = client.post(url, {"file": SimpleUploadedFile("c.pdf", original)})
    edited = client.post(
        url, {"file": SimpleUploadedFile("c.pdf", original.replace(b"A", b"B", 1))}
    )

    assert same.json()["matches"] is True
    assert edited.json()["matches"] is False
    page = client.post(
        f"/en/verify/{certificate.printed.display_code}/",
        {"file": SimpleUploadedFile("c.pdf", original + b"%edited")},
    )
    assert 'data-pdf="differs"' in page.content.decode()


def test_misses_are_throttled_and_real_codes_keep_answering_with_their_pdf_check(
    client, certificate, settings
):
    """One office, one address: after a colleague's typos, the certificates on the desk can
    still be checked, and a script is told when to come back."""
    settings.CERTIFICATE_VERIFY_MISS_RATE = 3
    for _ in range(3):
        assert api(client, UNKNOWN).status_code == 404
    throttled = api(client, UNKNOWN)
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0
    assert throttled.json()["code"] == "throttled"
    assert client.get(f"/en/verify/{UNKNOWN}/").status_code == 429

    code = certificate.printed.display_code
    for _ in range(10):
        assert api(client, code).status_code == 200
    assert client.get(f"/en/verify/{code}/").status_code == 200
    with storages["certificates"].open(certificate.pdf.name, "rb") as handle:
        pdf = SimpleUploadedFile("c.pdf", handle.read())
    checked = client.post(f"/api/v1/certificates/verify/{code}/pdf", {"file": pdf})
    assert checked.status_code == 200
    assert checked.json()["matches"] is True


def test_behind_a_trusted_proxy_each_visitor_has_their_own_count(client, settings, db):
    settings.CERTIFICATE_VERIFY_MISS_RATE = 2
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    def miss(visitor: str, **extra: str):
        return client.get(
            f"/api/v1/certificates/verify/{UNKNOWN}",
            HTTP_X_FORWARDED_FOR=visitor,
            **proxy,
            **extra,
        )

    assert [miss("203.0.113.7").status_code for _ in range(3)] == [404, 404, 429]
    assert miss("198.51.100.4").status_code == 404  # another visitor behind the same proxy
    # A visitor cannot pick a fresh address: the proxy appends the one it saw last.
    assert miss("192.0.2.1, 203.0.113.7").status_code == 429
    # Without the proxy in between, the header is the client's own word and is ignored.
    settings.TRUSTED_PROXIES = []
    assert [miss(f"192.0.2.{n}").status_code for n in range(3)] == [404, 404, 429]


def test_a_look_up_is_one_query(client, certificate, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert api(client, certificate.printed.display_code).status_code == 200


def test_a_revoked_certificates_pdf_is_not_handed_out_and_the_page_points_to_its_successor(
    client, signed_in, certificate, coordinator, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        successor = services.correct_certificate(
            certificate=certificate, by=coordinator, reason="Misspelt name"
        )
    owner = signed_in(learner)
    old = owner.get(f"/certificates/{certificate.public_id}/pdf", HTTP_ACCEPT_LANGUAGE="es")
    assert old.status_code == 410
    page = old.content.decode()
    assert "Este certificado fue revocado" in page
    assert "Sustituido por un certificado corregido" in page  # the published reason
    assert "Misspelt name" not in page  # the staff's note is not
    assert f"/certificates/{successor.public_id}/pdf" in page
    new = owner.get(f"/certificates/{successor.public_id}/pdf")
    assert new.status_code == 200
    assert new["Content-Type"] == "application/pdf"


def test_the_genuine_pdf_of_a_revoked_certificate_is_not_shown_as_valid(
    client, certificate, coordinator
):
    with storages["certificates"].open(certificate.pdf.name, "rb") as handle:
        original = handle.read()
    services.revoke_certificate(
        certificate=certificate, by=coordinator, reason="x", public_reason="issued_in_error"
    )

    page = client.post(
        f"/en/verify/{certificate.printed.display_code}/",
        {"file": SimpleUploadedFile("c.pdf", original)},
    ).content.decode()

    assert 'data-pdf="matches-invalid"' in page
    assert "verdict-valid" not in page
    assert "no longer valid" in page


def test_the_issuer_is_named_in_the_readers_language_unless_one_name_is_configured(
    client, enrollment, coordinator, settings, django_capture_on_commit_callbacks
):
    import io

    from pypdf import PdfReader

    from .conftest import complete

    enrollment.learner.preferred_language = "es"  # the certificate is in its holder's language
    enrollment.learner.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        complete(enrollment, coordinator)
    certificate = Certificate.objects.get(enrollment=enrollment)

    with storages["certificates"].open(certificate.pdf.name, "rb") as handle:
        printed = PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()
    assert "ASOCIACIÓN INTERNACIONAL DE CIUDADES EDUCADORAS" in printed.upper()  # a Spanish PDF
    assert "International Association" not in printed
    code = certificate.printed.display_code
    page = client.get(f"/pt/verify/{code}/").content.decode()
    assert "Associação Internacional das Cidades Educadoras" in page

    settings.CERTIFICATE_ISSUER_NAME = "Red de Ciudades del Sur"
    assert "Red de Ciudades del Sur" in client.get(f"/pt/verify/{code}/").content.decode()


def test_the_form_sends_a_code_on_without_asking_the_database(
    client, db, django_assert_num_queries
):
    with django_assert_num_queries(0):  # the code's own page looks it up, once
        assert client.get("/en/verify/", {"code": UNKNOWN}).status_code == 302


def test_a_known_answer_is_kept_and_a_revocation_shows_on_the_very_next_request(
    client, certificate, coordinator, django_assert_num_queries, django_capture_on_commit_callbacks
):
    code = certificate.printed.display_code
    first = api(client, code)
    with django_assert_num_queries(0):
        again = api(client, code)
    assert again.json() == first.json() and again["Access-Control-Allow-Origin"] == "*"
    spanish = client.get(f"/api/v1/certificates/verify/{code}", HTTP_ACCEPT_LANGUAGE="es")
    assert spanish.json()["message"] == "Este certificado es auténtico y válido."

    with django_capture_on_commit_callbacks(execute=True):
        services.revoke_certificate(
            certificate=certificate, by=coordinator, reason="Duplicate", public_reason="withdrawn"
        )

    assert api(client, code).json()["state"] == "revoked"
    assert (
        client.get(f"/api/v1/certificates/verify/{code}", HTTP_ACCEPT_LANGUAGE="es").json()["state"]
        == "revoked"
    )


def test_an_answer_read_before_a_revocation_committed_is_not_kept_after_it(
    certificate, coordinator, django_capture_on_commit_callbacks
):
    from certificates import verification

    stale = verification.look_up(certificate.code)  # read while it was still valid
    with django_capture_on_commit_callbacks(execute=True):
        services.revoke_certificate(
            certificate=certificate, by=coordinator, reason="Duplicate", public_reason="withdrawn"
        )
    body = verification.answer_bytes(verification.public_record(stale))
    verification.keep_answer(stale, "en", 200, body)  # the slow reader writes last

    assert verification.cached_answer(certificate.code, "en") is None


def test_a_correction_shows_on_the_next_request_too(
    client, certificate, coordinator, django_capture_on_commit_callbacks
):
    code = certificate.printed.display_code
    assert api(client, code).json()["state"] == "valid"
    with django_capture_on_commit_callbacks(execute=True):
        services.correct_certificate(certificate=certificate, by=coordinator, reason="Name")

    assert api(client, code).json()["state"] == "superseded"
