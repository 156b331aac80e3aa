"""Measures certificate PDF rendering: a naive one-pass render per certificate against the
layered CertificateRenderer, then the renderer's throughput on every core.

Usage (no services needed):
    .venv/bin/python bench/render_certificates.py [-n 200] [--language es] [--processes 2]
        [--alternatives]

Prints ms/certificate and certificates/s for:
  naive        render_in_one_pass: everything parsed, laid out and subset for each certificate
  renderer     CertificateRenderer: common layer drawn once, each certificate draws only its own
and, with --alternatives, two designs that were measured and not kept:
  one pass, fonts and styles kept   the whole page laid out per certificate, CSS and fonts reused
  layers merged with pypdf          the variable layer rendered, then merged with pypdf
Then it renders N certificates split over --processes worker processes (each builds its own
renderer, as a Celery worker would) and projects the time for a cohort of 1,000, signing
(about 10 ms a certificate) included.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

SIGNING_MS = 10.0  # signing one credential, as measured for the credentials package
COHORT = 1000
NAMES = [
    "Ana Gutiérrez Núñez",
    "João Conceição",
    "Françoise Lefèvre-Dubois",
    "Núria Puig i Cabrelles",
    "Paul Smith",
    "Mª Ángeles Domínguez Peña",
    "Sebastião Gonçalves Araújo",
    "Marcel·lí Ferrer Vidal",
    "Dimitra Papadopoulou",
    "Kwame Mensah",
]


def setup() -> None:
    import django

    # WeasyPrint logs every step of every render (and its own style sheets at import) at INFO.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    django.setup()


def sample_design(language: str) -> Any:
    from PIL import Image, ImageDraw

    from certificates.pdf.design import Design, Signatory

    def png(size: tuple[int, int], draw: Callable[[ImageDraw.ImageDraw], None]) -> bytes:
        image = Image.new("RGBA", size, (255, 255, 255, 0))
        draw(ImageDraw.Draw(image))
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        return buffer.getvalue()

    logo = png((600, 200), lambda d: d.ellipse((10, 10, 190, 190), fill=(29, 78, 137, 255)))
    scribble = png(
        (400, 120),
        lambda d: d.line([(10, 100), (80, 20), (140, 90), (260, 30), (390, 60)], (20, 20, 80), 5),
    )
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60">'
        b'<path d="M5 50 C 40 0, 60 60, 100 20 S 160 50, 195 10" stroke="#123" '
        b'stroke-width="3" fill="none"/></svg>'
    )
    return Design(
        title="Certificado de aprovechamiento",
        body=(
            "{holder_name} ha completado el curso {course_title}, de {hours} horas, en la "
            "edición {cohort_name}, del {starts_on} al {ends_on}, organizada por la delegación "
            "{delegation_name}."
        ),
        signatories=(
            Signatory("Marina Canals", "Secretaria general", scribble),
            Signatory("Jordi Vidal", "Presidente", svg),
        ),
        logo=logo,
        primary_color="#1d4e89",
        accent_color="#c8102e",
        issuer_name="Asociación Internacional de Ciudades Educadoras",
    )


def sample_claims(index: int, language: str) -> Any:
    from certificates.claims import Claims

    code = f"{index:016d}".translate(str.maketrans("0123456789", "ABCDEFGHJK"))
    return Claims(
        code=code,
        holder_name=f"{NAMES[index % len(NAMES)]} {index}",
        course_code="EDU-101",
        course_title="Ciudades educadoras: planificar la participación",
        course_description="",
        hours=40,
        cohort_name="Abril 2026",
        starts_on=date(2026, 4, 6),
        ends_on=date(2026, 6, 26),
        completed_on=date(2026, 6, 20),
        delegation_name="Rosario",
        language=language,
        issued_on=date(2026, 6, 30),
        verify_url=f"https://aula.edcities.org/v/{code}",
    )


def credential(index: int) -> bytes:
    # About the size of a signed Open Badges 3.0 credential.
    return json.dumps({"id": f"urn:uuid:{index:032x}", "proof": "z" + "x" * 1500}).encode()


def measure(name: str, render: Callable[[int], bytes], count: int) -> float:
    render(count)  # first call pays for imports and caches, as a worker's first task would
    times = []
    sizes = []
    for index in range(count):
        started = time.perf_counter()
        sizes.append(len(render(index)))
        times.append(time.perf_counter() - started)
    mean = statistics.fmean(times) * 1000
    print(
        f"{name:36} {mean:7.1f} ms/certificate  {1000 / mean:6.1f} certificates/s"
        f"  (median {statistics.median(times) * 1000:.1f} ms, "
        f"{statistics.fmean(sizes) / 1024:.0f} KiB)"
    )
    return mean


def alternatives(language: str) -> dict[str, Callable[[int], bytes]]:
    """The designs measured and not kept, rebuilt from the renderer's pieces."""
    from pypdf import PdfReader, PdfWriter, Transformation

    from certificates.pdf import render as r

    design = sample_design(language)
    renderer = r.CertificateRenderer(design, language)

    def page(index: int, *, common: bool) -> bytes:
        claims = sample_claims(index, language)
        context = {**renderer._shared, **r._claims_context(design, claims)}
        html = renderer._template.render({**context, "common": common, "variable": True})
        attachment = r._credential(credential(index), claims, context["credential_description"])
        return renderer._write(html, attachments=[attachment])

    common_html = renderer._template.render({**renderer._shared, "common": True, "variable": False})
    common_page = PdfReader(io.BytesIO(renderer._write(common_html, attachments=[]))).pages[0]

    def merged(index: int) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(page(index, common=False))))
        writer.pages[0].merge_transformed_page(common_page, Transformation(), over=False)
        output = io.BytesIO()
        writer.write(output)
        return output.getvalue()

    return {
        "one pass, fonts and styles kept": lambda index: page(index, common=True),
        "layers merged with pypdf": merged,
    }


def render_share(job: tuple[int, int, str]) -> tuple[int, float]:
    """A worker process: builds its renderer, renders its share of the batch, and says how
    long the rendering took (start-up and building the renderer left out)."""
    start, stop, language = job
    setup()
    from certificates.pdf.render import CertificateRenderer

    renderer = CertificateRenderer(sample_design(language), language)
    started = time.perf_counter()
    for index in range(start, stop):
        renderer.render(sample_claims(index, language), credential_json=credential(index))
    return stop - start, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="certificates per measure")
    parser.add_argument("--language", default="es", choices=["es", "pt", "fr", "en", "ca"])
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--alternatives", action="store_true")
    args = parser.parse_args()
    setup()
    from certificates.pdf.read import attached_credential
    from certificates.pdf.render import CertificateRenderer, render_in_one_pass

    language = args.language
    design = sample_design(language)
    print(f"{args.n} certificates in {language!r}, {os.cpu_count()} cores\n")

    started = time.perf_counter()
    renderer = CertificateRenderer(design, language)
    print(f"{'building the renderer (once)':36} {(time.perf_counter() - started) * 1000:7.1f} ms")

    def naive(index: int) -> bytes:
        return render_in_one_pass(
            design, sample_claims(index, language), credential_json=credential(index)
        )

    def layered(index: int) -> bytes:
        return renderer.render(sample_claims(index, language), credential_json=credential(index))

    assert attached_credential(layered(7)) == credential(7)
    naive_ms = measure("naive (one pass, nothing kept)", naive, args.n)
    if args.alternatives:
        for name, render in alternatives(language).items():
            measure(name, render, args.n)
    layered_ms = measure("renderer (common layer drawn once)", layered, args.n)
    print(f"\nthe renderer takes {layered_ms / naive_ms:.0%} of the naive time per certificate")

    shares = [
        (args.n * worker // args.processes, args.n * (worker + 1) // args.processes, language)
        for worker in range(args.processes)
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.processes) as pool:
        results = list(pool.map(render_share, shares))
    elapsed = time.perf_counter() - started
    done = sum(count for count, _seconds in results)
    steady = done / max(seconds for _count, seconds in results)
    print(
        f"\n{done} certificates on {args.processes} processes: {elapsed:.2f} s wall time with "
        f"start-up ({done / elapsed:.1f} certificates/s), {steady:.1f} certificates/s once "
        "the workers are up"
    )
    per_certificate = 1 / steady + SIGNING_MS / 1000 / args.processes
    print(
        f"a cohort of {COHORT}: about {per_certificate * COHORT:.0f} s of rendering and signing "
        f"({SIGNING_MS:.0f} ms a certificate) on {args.processes} processes, before upload"
    )


if __name__ == "__main__":
    main()
