"""`manage.py check` says what certificate rendering lacks on this machine, naming the package."""

from __future__ import annotations

import ctypes.util
from io import StringIO

from django.core.management import call_command

from certificates.checks import rendering_libraries_are_installed


def test_the_machine_make_setup_prepared_renders_certificates_fast_and_in_every_script():
    assert rendering_libraries_are_installed() == []


def test_a_missing_harfbuzz_subsetter_is_named(monkeypatch):
    real = ctypes.util.find_library
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if "subset" in name else real(name)
    )

    (warning,) = rendering_libraries_are_installed()

    assert warning.id == "certificates.W010"
    assert "libharfbuzz-subset0" in warning.hint


def test_missing_fonts_are_named_with_their_packages(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-list: no font is known to draw anything

    warnings = rendering_libraries_are_installed()

    assert [w.id for w in warnings] == ["certificates.W011"]
    assert "Korean" in warnings[0].msg and "Arabic" in warnings[0].msg
    assert "fonts-noto-cjk and fonts-noto-core" in warnings[0].hint


def test_manage_py_check_prints_the_warning(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    out = StringIO()
    call_command("check", stdout=out, stderr=out)
    assert "certificates.W011" in out.getvalue()
