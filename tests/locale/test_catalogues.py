"""Every user-facing string is translated into the five languages, placeholders intact."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ["es", "pt", "fr", "en", "ca"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_is_complete_and_compiles(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"untranslated in {language}: {missing[:5]}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:5]}"
    for entry in catalogue.translated_entries():
        wanted = set(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) == wanted, (language, entry.msgid, text)
    check = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "Iniciar sesión"),
        ("pt", "Entrar"),
        ("fr", "Se connecter"),
        ("ca", "Inicia la sessió"),
    ],
)
def test_interface_text_is_shown_in_the_requested_language(language, expected):
    with translation.override(language):
        assert translation.gettext("Sign in") == expected
