"""The upload gate refuses every unsafe or broken package with a message naming the file."""

from __future__ import annotations

import io
import json
import stat
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.h5p.validation import LibraryRef, Limits, PackageError, validate_package
from tests.shared import TRUE_FALSE_PACKAGE as TRUE_FALSE

LIBRARY = {
    "title": "Quiz",
    "machineName": "H5P.Quiz",
    "majorVersion": 1,
    "minorVersion": 2,
    "patchVersion": 3,
    "runnable": 1,
    "coreApi": {"majorVersion": 1, "minorVersion": 24},
    "preloadedJs": [{"path": "quiz.js"}],
    "preloadedCss": [{"path": "quiz.css"}],
}
H5P_JSON = {
    "title": "Una pregunta",
    "language": "es",
    "mainLibrary": "H5P.Quiz",
    "embedTypes": ["iframe"],
    "preloadedDependencies": [{"machineName": "H5P.Quiz", "majorVersion": 1, "minorVersion": 2}],
}


def files(**changes: object) -> dict[str, bytes | None]:
    """A small valid package as archive name → bytes; `changes` replace or (None) remove."""
    entries: dict[str, bytes | None] = {
        "h5p.json": json.dumps(H5P_JSON).encode(),
        "content/content.json": b'{"question": "\\u00bfLa ciudad educa?"}',
        "content/images/plaza.png": b"\x89PNG fake but allowed",
        "H5P.Quiz-1.2/library.json": json.dumps(LIBRARY).encode(),
        "H5P.Quiz-1.2/quiz.js": b"H5P.Quiz = function () {};",
        "H5P.Quiz-1.2/quiz.css": b".quiz {}",
    }
    for name, value in changes.items():
        entries[name] = value  # type: ignore[assignment]
    return entries


def archive(entries: dict[str, bytes | None], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as package:
        for name, data in entries.items():
            if data is not None:
                package.writestr(name, data)
    return buffer.getvalue()


def refused(data: bytes, **kwargs: object) -> PackageError:
    with pytest.raises(PackageError) as caught:
        validate_package(io.BytesIO(data), **kwargs)  # type: ignore[arg-type]
    return caught.value


def with_library(**changes: object) -> bytes:
    return archive(
        files(**{"H5P.Quiz-1.2/library.json": json.dumps({**LIBRARY, **changes}).encode()})
    )


def with_h5p_json(**changes: object) -> bytes:
    return archive(files(**{"h5p.json": json.dumps({**H5P_JSON, **changes}).encode()}))


# What passes ------------------------------------------------------------------------------


def test_a_real_package_passes_and_is_described():
    valid = validate_package(io.BytesIO(TRUE_FALSE.read_bytes()))

    assert valid.main_library == LibraryRef("H5P.TrueFalse", 1, 6)
    assert valid.language == "und"
    main = next(library for library in valid.libraries if library.machine_name == "H5P.TrueFalse")
    assert main.runnable and main.patch == 1
    assert "scripts/h5p-true-false.js" in main.preloaded_js
    assert LibraryRef("H5P.Question", 1, 4) in main.dependencies
    assert "content/content.json" in valid.content_files


def test_a_small_package_passes_with_versions_as_strings_and_a_bom():
    library = {**LIBRARY, "majorVersion": "1", "minorVersion": "2", "patchVersion": "3"}
    data = archive(
        files(**{"H5P.Quiz-1.2/library.json": b"\xef\xbb\xbf" + json.dumps(library).encode()})
    )

    valid = validate_package(io.BytesIO(data))

    assert valid.title == "Una pregunta"
    assert valid.content == {"question": "¿La ciudad educa?"}
    assert valid.libraries[0].files == ("library.json", "quiz.css", "quiz.js")


def test_hidden_files_and_stray_top_level_files_are_skipped_not_refused():
    data = archive(
        files(
            **{
                ".DS_Store": b"junk",
                "readme.exe": b"MZ",
                "__MACOSX/content/._content.json": b"junk",
                "content/.hidden.js": b"alert(1)",
            }
        )
    )

    valid = validate_package(io.BytesIO(data))

    assert not any("." + "DS_Store" in name or "MACOSX" in name for name in valid.accepted)
    assert "readme.exe" not in valid.accepted
    assert "content/.hidden.js" not in valid.accepted


def test_libraries_aula_already_has_may_be_left_out():
    data = archive(
        files(
            **{
                "H5P.Quiz-1.2/library.json": None,
                "H5P.Quiz-1.2/quiz.js": None,
                "H5P.Quiz-1.2/quiz.css": None,
            }
        )
    )

    assert refused(data).code == "missing_dependency"
    valid = validate_package(io.BytesIO(data), installed=lambda ref: ref.machine_name == "H5P.Quiz")
    assert valid.libraries == ()


# The archive ------------------------------------------------------------------------------


def test_a_file_that_is_not_a_zip_is_refused():
    error = refused(b"<html>not a package</html>")
    assert error.code == "not_a_zip"
    assert "ZIP" in error.message


def test_a_package_over_the_size_limit_is_refused_before_it_is_opened():
    error = refused(b"x" * 2048, limits=Limits(max_package_bytes=1024))
    assert error.code == "package_too_large"


def test_too_many_entries_are_refused():
    extra = {f"content/images/{n}.png": b"x" for n in range(20)}
    error = refused(archive({**files(), **extra}), limits=Limits(max_entries=10))
    assert error.code == "too_many_entries"


def test_an_encrypted_entry_is_refused():
    data = bytearray(archive(files()))
    data = _set_flag(data, "content/content.json", 0x1)
    error = refused(bytes(data))
    assert (error.code, error.path) == ("encrypted_entry", "content/content.json")


def test_a_compression_method_we_cannot_read_is_refused():
    data = _set_method(archive(files()), "content/images/plaza.png", 9)  # Deflate64
    error = refused(data)
    assert (error.code, error.path) == ("unsupported_compression", "content/images/plaza.png")


def test_a_symbolic_link_is_refused():
    buffer = io.BytesIO(archive(files()))
    with zipfile.ZipFile(buffer, "a") as package:
        link = zipfile.ZipInfo("content/images/link.png")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        package.writestr(link, "/etc/passwd")
    error = refused(buffer.getvalue())
    assert (error.code, error.path) == ("symlink", "content/images/link.png")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("/etc/content.json", "absolute_path"),
        ("C:/content/x.png", "absolute_path"),
        ("content/../../etc/x.png", "parent_path"),
        ("content\\images\\x.png", "backslash_path"),
        ("content/images/x\x07.png", "control_character"),
    ],
)
def test_dangerous_file_names_are_refused(name, code):
    error = refused(archive({**files(), name: b"x"}))
    assert error.code == code
    assert error.path == name


def test_duplicate_names_are_refused_even_when_they_differ_only_in_case():
    error = refused(archive({**files(), "content/IMAGES/Plaza.PNG": b"x"}))
    assert error.code == "duplicate_entry"
    assert "appears twice" in error.message


def test_a_corrupted_entry_is_refused_by_its_checksum():
    data = archive(files(), method=zipfile.ZIP_STORED)
    marker = b"H5P.Quiz = function"
    position = data.index(marker)
    damaged = data[:position] + b"X" + data[position + 1 :]
    error = refused(damaged)
    assert (error.code, error.path) == ("crc_error", "H5P.Quiz-1.2/quiz.js")


def test_a_file_over_the_per_file_limit_is_refused():
    error = refused(
        archive(files(**{"content/video.mp4": b"v" * 5000})), limits=Limits(max_file_bytes=4000)
    )
    assert (error.code, error.path) == ("file_too_large", "content/video.mp4")


def test_a_header_that_understates_the_size_does_not_fool_the_limit():
    data = archive(files(**{"content/video.mp4": b"v" * 5000}), method=zipfile.ZIP_STORED)
    # Claim 10 bytes in the central directory; the reader trusts only what it streams.
    lying = _set_central_size(data, "content/video.mp4", 10)
    error = refused(lying, limits=Limits(max_file_bytes=4000))
    assert error.code in {"file_too_large", "crc_error"}


def test_the_unpacked_total_is_limited():
    big = {f"content/{n}.mp4": b"v" * 3000 for n in range(4)}
    error = refused(archive({**files(), **big}), limits=Limits(max_total_bytes=10_000))
    assert error.code == "package_total_too_large"


def test_a_zip_bomb_is_refused_by_its_compression_ratio():
    bomb = archive(files(**{"content/bomb.txt": b"\0" * (3 * 2**20)}))
    error = refused(bomb)
    assert (error.code, error.path) == ("compression_ratio", "content/bomb.txt")
    assert "ZIP bomb" in error.message


@pytest.mark.parametrize(
    "name",
    [
        "content/evil.js",
        "content/drawing.svg",
        "content/feed.xml",
        "content/noextension",
        "content/page.html",
        "H5P.Quiz-1.2/payload.php",
    ],
)
def test_file_types_outside_the_allowlist_are_refused(name):
    error = refused(archive({**files(), name: b"x"}))
    assert (error.code, error.path) == ("forbidden_extension", name)
    assert name in error.message


def test_libraries_may_hold_scripts_styles_and_svg():
    data = archive(files(**{"H5P.Quiz-1.2/icons/check.svg": b"<svg/>"}))
    assert "H5P.Quiz-1.2/icons/check.svg" in validate_package(io.BytesIO(data)).accepted


# The package ------------------------------------------------------------------------------


def test_h5p_json_must_be_present():
    assert refused(archive(files(**{"h5p.json": None}))).code == "missing_h5p_json"


def test_h5p_json_must_be_json():
    error = refused(archive(files(**{"h5p.json": b"{title: nope"})))
    assert (error.code, error.path) == ("invalid_json", "h5p.json")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"language": "español!"}, "language"),
        ({"mainLibrary": None}, "mainLibrary"),
        ({"embedTypes": ["popup"]}, "embedTypes"),
        ({"preloadedDependencies": "H5P.Quiz"}, "preloadedDependencies"),
        (
            {"preloadedDependencies": [{"machineName": "H5P.Quiz", "majorVersion": "x"}]},
            "preloadedDependencies",
        ),
        ({"mainLibrary": "H5P.Other"}, "H5P.Other"),
    ],
)
def test_h5p_json_fields_are_checked_one_by_one(changes, field):
    error = refused(with_h5p_json(**changes))
    assert error.code == "invalid_h5p_json"
    assert field in error.message


def test_content_json_must_be_present_and_an_object():
    assert refused(archive(files(**{"content/content.json": None}))).code == "missing_content"
    error = refused(archive(files(**{"content/content.json": b"[1, 2]"})))
    assert (error.code, error.path) == ("invalid_json", "content/content.json")


def test_every_library_folder_needs_its_library_json():
    error = refused(archive(files(**{"H5P.Quiz-1.2/library.json": None})))
    assert (error.code, error.path) == ("missing_library_json", "H5P.Quiz-1.2/library.json")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": None}, "title"),
        ({"machineName": "H5P Quiz!"}, "machineName"),
        ({"patchVersion": "3b"}, "patchVersion"),
        ({"runnable": "yes"}, "runnable"),
        ({"preloadedJs": "quiz.js"}, "preloadedJs"),
        ({"preloadedJs": [{"path": "../../config/settings.py"}]}, "preloadedJs"),
        ({"coreApi": {"majorVersion": 1}}, "coreApi"),
    ],
)
def test_library_json_fields_are_checked_one_by_one(changes, field):
    error = refused(with_library(**changes))
    assert (error.code, error.path) == ("invalid_library_json", "H5P.Quiz-1.2/library.json")
    assert field in error.message


def test_a_library_folder_is_named_after_its_library():
    error = refused(with_library(minorVersion=3))
    assert (error.code, error.path) == ("library_folder_name", "H5P.Quiz-1.2")
    assert "H5P.Quiz-1.3" in error.message


def test_every_declared_script_and_style_must_exist():
    error = refused(archive(files(**{"H5P.Quiz-1.2/quiz.css": None})))
    assert (error.code, error.path) == ("missing_library_file", "H5P.Quiz-1.2/quiz.css")


def test_a_library_needing_a_newer_core_than_our_player_is_refused():
    error = refused(with_library(coreApi={"majorVersion": 1, "minorVersion": 99}))
    assert error.code == "core_api_too_new"
    assert "1.99" in error.message and "1.28" in error.message


def test_every_dependency_must_be_in_the_package_or_installed():
    needs = [{"machineName": "H5P.Question", "majorVersion": 1, "minorVersion": 4}]
    error = refused(with_library(preloadedDependencies=needs))
    assert (error.code, error.path) == ("missing_dependency", "H5P.Quiz-1.2/library.json")
    assert "H5P.Question 1.4" in error.message
    dynamic = refused(with_library(dynamicDependencies=needs))
    assert dynamic.code == "missing_dependency"


def test_editor_dependencies_are_not_needed_to_play():
    needs = [{"machineName": "H5PEditor.Text", "majorVersion": 1, "minorVersion": 0}]
    assert validate_package(io.BytesIO(with_library(editorDependencies=needs)))


def test_the_main_library_must_be_runnable():
    error = refused(with_library(runnable=0))
    assert (error.code, error.path) == ("main_library_not_runnable", "H5P.Quiz-1.2/library.json")


# Whatever the bytes -------------------------------------------------------------------------

VALID = archive(files(), method=zipfile.ZIP_STORED)


@settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8
    ),
    st.integers(0, len(VALID)),
)
def test_damaged_packages_are_refused_with_a_package_error_or_pass_intact(flips, cut):
    """However a package is damaged, the gate answers with a PackageError (never a crash),
    or the damage landed somewhere harmless and the package still reads as whole."""
    data = bytearray(VALID)
    for position, value in flips:
        data[position] = value
    data = data[: max(cut, 22)]
    try:
        valid = validate_package(io.BytesIO(bytes(data)))
    except PackageError as error:
        assert error.message and error.code
    else:
        assert valid.main_library.machine_name


# ZIP surgery ---------------------------------------------------------------------------------


def _entries(data: bytes | bytearray) -> dict[str, tuple[int, int]]:
    """Archive name → (local header offset, central directory header offset)."""
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        locals_ = {info.filename: info.header_offset for info in package.infolist()}
    central = {}
    position = bytes(data).find(b"PK\x01\x02")
    while position != -1:
        length = int.from_bytes(data[position + 28 : position + 30], "little")
        name = bytes(data[position + 46 : position + 46 + length]).decode()
        central[name] = position
        position = bytes(data).find(b"PK\x01\x02", position + 46)
    return {name: (locals_[name], central[name]) for name in locals_}


def _set_flag(data: bytearray, name: str, flag: int) -> bytearray:
    local, central = _entries(data)[name]
    for offset in (local + 6, central + 8):
        value = int.from_bytes(data[offset : offset + 2], "little") | flag
        data[offset : offset + 2] = value.to_bytes(2, "little")
    return data


def _set_method(data: bytes, name: str, method: int) -> bytes:
    buffer = bytearray(data)
    local, central = _entries(buffer)[name]
    for offset in (local + 8, central + 10):
        buffer[offset : offset + 2] = method.to_bytes(2, "little")
    return bytes(buffer)


def _set_central_size(data: bytes, name: str, size: int) -> bytes:
    buffer = bytearray(data)
    local, central = _entries(buffer)[name]
    buffer[central + 24 : central + 28] = size.to_bytes(4, "little")
    buffer[local + 22 : local + 26] = size.to_bytes(4, "little")
    return bytes(buffer)
