"""Dates are written out as each language writes them, on pages and certificates alike."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "3 de abril de 2026"),
        ("pt", "3 de abril de 2026"),  # months in lower case
        ("fr", "3 avril 2026"),
        ("en", "April 3, 2026"),
        ("ca", "3 d'abril de 2026"),  # the preposition elides before a vowel
    ],
)
def test_a_date_is_written_out_in_each_language(language, expected):
    with translation.override(language):
        assert date_format(datetime.date(2026, 4, 3), "DATE_FORMAT") == expected


def test_catalan_keeps_de_before_a_consonant():
    with translation.override("ca"):
        assert date_format(datetime.date(2026, 5, 3), "DATE_FORMAT") == "3 de maig de 2026"
