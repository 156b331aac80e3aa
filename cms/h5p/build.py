"""Builds .h5p packages in memory from Aula's own content types (plain Python, no Django).

The same inputs always give the same bytes: Aula recognizes a package it already has by its
sha256, so a demo seeded twice or a benchmark run twice reuses the stored package.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Collection
from pathlib import Path
from typing import Any, NamedTuple

CONTENT_TYPES = Path(__file__).parent / "content_types"
MULTIPLE_CHOICE = "H5P.AulaMultipleChoice"
TRUE_FALSE = "H5P.AulaTrueFalse"

# Fixed metadata so that a rebuilt package is byte-for-byte the same.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o100644 << 16
_MAX_TITLE = 255


class _Library(NamedTuple):
    folder: Path
    machine_name: str
    major: int
    minor: int


def build_package(
    *,
    title: str,
    language: str,
    main_library: str,
    content: dict[str, Any],
    libraries_dir: Path,
    extra_files: dict[str, bytes] | None = None,
    only: Collection[str] | None = None,
) -> bytes:
    """Every `<machineName>-<major>.<minor>/` folder of `libraries_dir` goes into the package,
    or only those whose machine name is in `only`."""
    libraries = [
        library
        for library in _libraries(libraries_dir)
        if only is None or library.machine_name in only
    ]
    if main_library not in {library.machine_name for library in libraries}:
        raise ValueError(f"{main_library} is not among the libraries in {libraries_dir}.")
    h5p_json = {
        "title": title,
        "language": language,
        "mainLibrary": main_library,
        "embedTypes": ["iframe"],
        "license": "U",
        "preloadedDependencies": [
            {
                "machineName": library.machine_name,
                "majorVersion": library.major,
                "minorVersion": library.minor,
            }
            for library in libraries
        ],
    }
    files: dict[str, bytes] = {
        "h5p.json": _json_bytes(h5p_json),
        "content/content.json": _json_bytes(content),
    }
    for library in libraries:
        for path in sorted(library.folder.rglob("*")):
            relative = path.relative_to(libraries_dir)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                files[relative.as_posix()] = path.read_bytes()
    for name, data in (extra_files or {}).items():
        if name in files:
            raise ValueError(f"{name} is already in the package.")
        files[name] = data
    return _zip(files)


def multiple_choice(
    *,
    question: str,
    answers: list[tuple[str, bool]],
    language: str = "es",
    title: str | None = None,
) -> bytes:
    if not any(correct for _text, correct in answers):
        raise ValueError("A multiple choice question needs at least one correct answer.")
    content = {
        "question": question,
        "answers": [{"text": text, "correct": correct} for text, correct in answers],
        "l10n": interface_texts(library=_folder(MULTIPLE_CHOICE), language=language),
    }
    return build_package(
        title=title or _title(question),
        language=language,
        main_library=MULTIPLE_CHOICE,
        content=content,
        libraries_dir=CONTENT_TYPES,
        only={MULTIPLE_CHOICE},
    )


def true_false(
    *,
    question: str,
    correct: bool,
    language: str = "es",
    title: str | None = None,
) -> bytes:
    content = {
        "question": question,
        "correct": "true" if correct else "false",
        "l10n": interface_texts(library=_folder(TRUE_FALSE), language=language),
    }
    return build_package(
        title=title or _title(question),
        language=language,
        main_library=TRUE_FALSE,
        content=content,
        libraries_dir=CONTENT_TYPES,
        only={TRUE_FALSE},
    )


def interface_texts(*, library: Path, language: str) -> dict[str, str]:
    """The `l10n` group's texts in `language`: the language file's defaults where it has one,
    the semantics' own (English) defaults otherwise."""
    semantics = _read_json(library / "semantics.json")
    index, group = next(
        (index, field) for index, field in enumerate(semantics) if field.get("name") == "l10n"
    )
    texts = {field["name"]: field["default"] for field in group["fields"]}
    language_file = library / "language" / f"{language}.json"
    if language_file.is_file():
        translated = _read_json(language_file)["semantics"][index]["fields"]
        for field, words in zip(group["fields"], translated, strict=True):
            if isinstance(words.get("default"), str) and words["default"]:
                texts[field["name"]] = words["default"]
    return texts


def _libraries(libraries_dir: Path) -> list[_Library]:
    libraries = []
    for folder in sorted(libraries_dir.iterdir()):
        if not (folder / "library.json").is_file():
            continue
        data = _read_json(folder / "library.json")
        major, minor = int(data["majorVersion"]), int(data["minorVersion"])
        expected = f"{data['machineName']}-{major}.{minor}"
        if folder.name != expected:
            raise ValueError(f"{folder} holds {expected}: the folder must be named after it.")
        libraries.append(_Library(folder, data["machineName"], major, minor))
    return libraries


def _folder(machine_name: str) -> Path:
    (folder,) = (
        library.folder
        for library in _libraries(CONTENT_TYPES)
        if library.machine_name == machine_name
    )
    return folder


def _title(question: str) -> str:
    title = " ".join(question.split())
    return title if len(title) <= _MAX_TITLE else title[: _MAX_TITLE - 1] + "…"


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, wherever the package is built
            info.external_attr = _FILE_MODE
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()
