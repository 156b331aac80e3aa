"""The upload gate for .h5p packages: H5P core's own checks plus those of a careful archive reader.

Nothing is extracted here. The archive is read entry by entry, sizes are counted while
streaming (headers can lie), and the first problem raises a PackageError whose message names
the file at fault. A package that passes can be copied into storage entry by entry.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils.translation import gettext as _

# The H5P core API that h5p-standalone 3.8.x implements.
CORE_API = (1, 28)

COMMON_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "csv",
        "diff",
        "patch",
        "swf",
        "md",
        "textile",
        "vtt",
        "webvtt",
        "gltf",
        "glb",
    ]
)
# svg and xml can carry scripts: only libraries (installed by trusted staff) may hold them.
CONTENT_EXTENSIONS = COMMON_EXTENSIONS
LIBRARY_EXTENSIONS = COMMON_EXTENSIONS | {"js", "css", "svg", "xml"}

MACHINE_NAME = re.compile(r"^[\w.-]{1,255}$")
LANGUAGE = re.compile(r"^[-a-zA-Z]{1,10}$")
EMBED_TYPES = {"iframe", "div"}
CHUNK = 64 * 1024
JSON_BYTES = 16 * 2**20  # no legitimate h5p.json, library.json or content.json is larger


@dataclass(frozen=True)
class Limits:
    max_package_bytes: int = 200 * 2**20
    max_entries: int = 10_000
    max_file_bytes: int = 100 * 2**20
    max_total_bytes: int = 500 * 2**20
    # Uncompressed/compressed ratio above which a sizeable entry is taken for a zip bomb.
    max_ratio: int = 200
    ratio_applies_from: int = 2**20


class PackageError(Exception):
    """A refused package: `message` is for people, `code` for programs, `path` names the file."""

    def __init__(self, message: str, *, code: str, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path


@dataclass(frozen=True)
class LibraryRef:
    machine_name: str
    major: int
    minor: int

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"


@dataclass(frozen=True)
class LibraryInfo:
    folder: str
    machine_name: str
    major: int
    minor: int
    patch: int
    title: str
    runnable: bool
    core_api: tuple[int, int] | None
    preloaded_js: tuple[str, ...]
    preloaded_css: tuple[str, ...]
    dependencies: tuple[LibraryRef, ...]  # preloaded and dynamic: what playing needs
    files: tuple[str, ...]  # relative to the folder

    @property
    def ref(self) -> LibraryRef:
        return LibraryRef(self.machine_name, self.major, self.minor)


@dataclass(frozen=True)
class ValidPackage:
    title: str
    language: str
    main_library: LibraryRef
    h5p_json: dict[str, Any]
    content: dict[str, Any]
    libraries: tuple[LibraryInfo, ...]
    dependencies: tuple[LibraryRef, ...]  # h5p.json's preloadedDependencies
    content_files: tuple[str, ...]
    accepted: tuple[str, ...] = field(default=())  # every archive entry worth storing


def validate_package(
    source: IO[bytes],
    *,
    installed: Callable[[LibraryRef], bool] = lambda ref: False,
    limits: Limits | None = None,
) -> ValidPackage:
    """Checks a whole package; `installed` says which libraries Aula already has, so that a
    package may leave them out."""
    limits = limits or Limits()
    _check_size(source, limits)
    try:
        source.seek(0)
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise PackageError(
            _("The file is not an .h5p package: it cannot be read as a ZIP archive."),
            code="not_a_zip",
        ) from None
    with archive:
        accepted = _accepted_entries(archive, limits)
        documents = _read_entries(archive, accepted, limits)
    return _check_package(accepted, documents, installed)


def _check_size(source: IO[bytes], limits: Limits) -> None:
    source.seek(0, 2)
    size = source.tell()
    if size > limits.max_package_bytes:
        raise PackageError(
            _("The package is %(size)d MB; Aula accepts packages of up to %(limit)d MB.")
            % {"size": size // 2**20, "limit": limits.max_package_bytes // 2**20},
            code="package_too_large",
        )


# The archive -------------------------------------------------------------------------------


def _accepted_entries(archive: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    entries = archive.infolist()
    if len(entries) > limits.max_entries:
        raise PackageError(
            _("The package holds %(count)d files; Aula accepts up to %(limit)d.")
            % {"count": len(entries), "limit": limits.max_entries},
            code="too_many_entries",
        )
    seen: set[str] = set()
    accepted: dict[str, zipfile.ZipInfo] = {}
    for info in entries:
        name = info.filename
        _check_entry(info)
        folded = name.rstrip("/").casefold()
        if folded in seen:
            raise PackageError(
                _("%(path)s appears twice in the package.") % {"path": name},
                code="duplicate_entry",
                path=name,
            )
        seen.add(folded)
        if info.is_dir() or _skipped(name):
            continue
        _check_extension(name)
        if info.file_size > limits.max_file_bytes:
            raise _file_too_large(name, limits)
        accepted[name] = info
    return accepted


def _check_entry(info: zipfile.ZipInfo) -> None:
    name = info.filename
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        raise PackageError(
            _("%(path)s: the file name contains control characters.")
            % {"path": name.encode("unicode_escape").decode()},
            code="control_character",
            path=name,
        )
    if "\\" in name:
        raise PackageError(
            _("%(path)s: file names in a package use forward slashes, not backslashes.")
            % {"path": name},
            code="backslash_path",
            path=name,
        )
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise PackageError(
            _("%(path)s: the file name is an absolute path.") % {"path": name},
            code="absolute_path",
            path=name,
        )
    if ".." in name.split("/"):
        raise PackageError(
            _("%(path)s: the file name points outside the package (“..”).") % {"path": name},
            code="parent_path",
            path=name,
        )
    if info.flag_bits & 0x1:
        raise PackageError(
            _("%(path)s is encrypted; packages must not be password-protected.") % {"path": name},
            code="encrypted_entry",
            path=name,
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackageError(
            _("%(path)s is a symbolic link; packages must hold ordinary files only.")
            % {"path": name},
            code="symlink",
            path=name,
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PackageError(
            _(
                "%(path)s uses a compression method Aula cannot read; save the package again "
                "with ordinary ZIP (Deflate) compression."
            )
            % {"path": name},
            code="unsupported_compression",
            path=name,
        )


def _skipped(name: str) -> bool:
    """H5P core ignores hidden and underscore paths, and top-level files other than h5p.json."""
    segments = name.split("/")
    if any(segment.startswith((".", "_")) for segment in segments):
        return True
    return len(segments) == 1 and name != "h5p.json"


def _check_extension(name: str) -> None:
    base = name.rsplit("/", 1)[-1]
    extension = base.rsplit(".", 1)[-1].lower() if "." in base else ""
    allowed = CONTENT_EXTENSIONS if name.startswith("content/") else LIBRARY_EXTENSIONS
    if extension not in allowed:
        raise PackageError(
            _("%(path)s: files of this type are not allowed here. Allowed types: %(types)s.")
            % {"path": name, "types": ", ".join(sorted(allowed))},
            code="forbidden_extension",
            path=name,
        )


def _file_too_large(name: str, limits: Limits) -> PackageError:
    return PackageError(
        _("%(path)s is larger than %(limit)d MB, the most Aula accepts for one file.")
        % {"path": name, "limit": limits.max_file_bytes // 2**20},
        code="file_too_large",
        path=name,
    )


def _is_document(name: str) -> bool:
    return name in ("h5p.json", "content/content.json") or (
        name.count("/") == 1 and name.endswith("/library.json")
    )


def _read_entries(
    archive: zipfile.ZipFile, accepted: dict[str, zipfile.ZipInfo], limits: Limits
) -> dict[str, bytes]:
    """Reads every accepted entry to its end (so that CRCs are checked) counting real sizes;
    keeps the JSON documents the checks need."""
    documents: dict[str, bytes] = {}
    total = 0
    for name, info in accepted.items():
        keep = _is_document(name)
        kept = bytearray()
        size = 0
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if size > limits.max_file_bytes or (keep and size > JSON_BYTES):
                        raise _file_too_large(name, limits)
                    if total > limits.max_total_bytes:
                        raise PackageError(
                            _(
                                "Unpacked, the package would take more than %(limit)d MB; "
                                "Aula accepts up to %(limit)d MB."
                            )
                            % {"limit": limits.max_total_bytes // 2**20},
                            code="package_total_too_large",
                            path=name,
                        )
                    if size > limits.ratio_applies_from and size > limits.max_ratio * max(
                        info.compress_size, 1
                    ):
                        raise PackageError(
                            _(
                                "%(path)s expands far beyond its compressed size; "
                                "the package looks like a ZIP bomb."
                            )
                            % {"path": name},
                            code="compression_ratio",
                            path=name,
                        )
                    if keep:
                        kept += chunk
        except PackageError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            RuntimeError,
            NotImplementedError,
        ):
            raise PackageError(
                _(
                    "%(path)s is damaged (its checksum does not match); the package cannot be "
                    "used. Export it again."
                )
                % {"path": name},
                code="crc_error",
                path=name,
            ) from None
        if keep:
            documents[name] = bytes(kept)
    return documents


# The package -------------------------------------------------------------------------------


def _check_package(
    accepted: dict[str, zipfile.ZipInfo],
    documents: dict[str, bytes],
    installed: Callable[[LibraryRef], bool],
) -> ValidPackage:
    if "h5p.json" not in documents:
        raise PackageError(
            _("h5p.json is missing: this is not an H5P package."),
            code="missing_h5p_json",
            path="h5p.json",
        )
    h5p = _parse_json(documents, "h5p.json")
    title, language, main_name, dependencies = _check_h5p_json(h5p)
    if "content/content.json" not in documents:
        raise PackageError(
            _("content/content.json is missing: the package has no content."),
            code="missing_content",
            path="content/content.json",
        )
    content = _parse_json(documents, "content/content.json")
    libraries = _check_libraries(accepted, documents)
    by_ref = {library.ref: library for library in libraries}
    main = next((ref for ref in dependencies if ref.machine_name == main_name), None)
    if main is None:
        raise _invalid_h5p_json(
            _("the main library %(library)s is not among preloadedDependencies.")
            % {"library": main_name}
        )
    _check_dependencies(dependencies, libraries, by_ref, installed)
    main_info = by_ref.get(main)
    if main_info is not None and not main_info.runnable:
        raise PackageError(
            _("%(path)s: the main library %(library)s cannot be run on its own (runnable is 0).")
            % {"path": f"{main_info.folder}/library.json", "library": str(main)},
            code="main_library_not_runnable",
            path=f"{main_info.folder}/library.json",
        )
    return ValidPackage(
        title=title,
        language=language,
        main_library=main,
        h5p_json=h5p,
        content=content,
        libraries=tuple(libraries),
        dependencies=tuple(dependencies),
        content_files=tuple(name for name in accepted if name.startswith("content/")),
        accepted=tuple(accepted),
    )


def _parse_json(documents: dict[str, bytes], name: str) -> dict[str, Any]:
    try:
        value = json.loads(documents[name].decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageError(
            _("%(path)s is not valid JSON: %(problem)s") % {"path": name, "problem": str(error)},
            code="invalid_json",
            path=name,
        ) from None
    if not isinstance(value, dict):
        raise PackageError(
            _("%(path)s must hold a JSON object.") % {"path": name},
            code="invalid_json",
            path=name,
        )
    return value


def _invalid_h5p_json(problem: str) -> PackageError:
    return PackageError(
        _("h5p.json: %(problem)s") % {"problem": problem},
        code="invalid_h5p_json",
        path="h5p.json",
    )


def _check_h5p_json(h5p: dict[str, Any]) -> tuple[str, str, str, list[LibraryRef]]:
    title = h5p.get("title")
    if not isinstance(title, str) or not title.strip():
        raise _invalid_h5p_json(_("“title” must be a non-empty text."))
    language = h5p.get("language", "und")
    if not isinstance(language, str) or not LANGUAGE.match(language):
        raise _invalid_h5p_json(_("“language” must be a language code such as “es” or “pt-BR”."))
    main = h5p.get("mainLibrary")
    if not isinstance(main, str) or not MACHINE_NAME.match(main):
        raise _invalid_h5p_json(_("“mainLibrary” must name a library."))
    embed = h5p.get("embedTypes")
    if (
        not isinstance(embed, list)
        or not embed
        or not all(isinstance(kind, str) and kind in EMBED_TYPES for kind in embed)
    ):
        raise _invalid_h5p_json(_("“embedTypes” must list “iframe”, “div” or both."))
    dependencies = _refs(
        h5p.get("preloadedDependencies"),
        field_name="preloadedDependencies",
        required=True,
        error=_invalid_h5p_json,
    )
    return title.strip(), language, main, dependencies


def _refs(
    value: Any, *, field_name: str, required: bool, error: Callable[[str], PackageError]
) -> list[LibraryRef]:
    if value is None and not required:
        return []
    if not isinstance(value, list):
        raise error(_("“%(field)s” must be a list of libraries.") % {"field": field_name})
    refs = []
    for item in value:
        if not isinstance(item, dict) or not MACHINE_NAME.match(str(item.get("machineName", ""))):
            raise error(
                _("“%(field)s” holds an entry without a valid machineName.") % {"field": field_name}
            )
        major = _version(item.get("majorVersion"))
        minor = _version(item.get("minorVersion"))
        if major is None or minor is None:
            raise error(
                _("“%(field)s”: %(library)s needs whole-number majorVersion and minorVersion.")
                % {"field": field_name, "library": item["machineName"]}
            )
        refs.append(LibraryRef(item["machineName"], major, minor))
    return refs


def _version(value: Any) -> int | None:
    """Versions come as integers or as strings of digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isdigit() and len(value) <= 6:
        return int(value)
    return None


def _check_libraries(
    accepted: dict[str, zipfile.ZipInfo], documents: dict[str, bytes]
) -> list[LibraryInfo]:
    folders: dict[str, list[str]] = {}
    for name in accepted:
        folder, _sep, rest = name.partition("/")
        if folder in ("content", "h5p.json") or not rest:
            continue
        folders.setdefault(folder, []).append(rest)
    libraries = []
    seen: dict[LibraryRef, str] = {}
    for folder, files in sorted(folders.items()):
        info = _check_library(folder, files, documents)
        if info.ref in seen:
            raise PackageError(
                _("%(path)s: %(library)s is already in the package, in %(other)s.")
                % {"path": folder, "library": str(info.ref), "other": seen[info.ref]},
                code="duplicate_library",
                path=folder,
            )
        seen[info.ref] = folder
        libraries.append(info)
    return libraries


def _check_library(folder: str, files: list[str], documents: dict[str, bytes]) -> LibraryInfo:
    path = f"{folder}/library.json"
    if path not in documents:
        raise PackageError(
            _("%(path)s is missing: every library folder needs one.") % {"path": path},
            code="missing_library_json",
            path=path,
        )
    data = _parse_json(documents, path)

    def invalid(problem: str) -> PackageError:
        return PackageError(
            _("%(path)s: %(problem)s") % {"path": path, "problem": problem},
            code="invalid_library_json",
            path=path,
        )

    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise invalid(_("“title” must be a non-empty text."))
    machine_name = data.get("machineName")
    if not isinstance(machine_name, str) or not MACHINE_NAME.match(machine_name):
        raise invalid(_("“machineName” must be a library name such as “H5P.TrueFalse”."))
    versions = [_version(data.get(key)) for key in ("majorVersion", "minorVersion", "patchVersion")]
    if any(version is None for version in versions):
        raise invalid(_("“majorVersion”, “minorVersion” and “patchVersion” must be whole numbers."))
    major, minor, patch = (int(version) for version in versions)  # type: ignore[arg-type]
    runnable = data.get("runnable", 0)
    if runnable not in (0, 1, True, False):
        raise invalid(_("“runnable” must be 0 or 1."))
    if folder not in (machine_name, f"{machine_name}-{major}.{minor}"):
        raise PackageError(
            _("%(path)s: the folder must be named %(expected)s after the library it holds.")
            % {"path": folder, "expected": f"{machine_name}-{major}.{minor}"},
            code="library_folder_name",
            path=folder,
        )
    core_api = _core_api(data.get("coreApi"), invalid)
    if core_api is not None and core_api > CORE_API:
        raise PackageError(
            _(
                "%(path)s: the library needs H5P core %(needed)s; Aula's player provides "
                "%(provided)s."
            )
            % {
                "path": path,
                "needed": "{}.{}".format(*core_api),
                "provided": "{}.{}".format(*CORE_API),
            },
            code="core_api_too_new",
            path=path,
        )
    present = set(files)
    scripts = _paths(data.get("preloadedJs"), "preloadedJs", invalid)
    styles = _paths(data.get("preloadedCss"), "preloadedCss", invalid)
    for declared in (*scripts, *styles):
        if declared not in present:
            raise PackageError(
                _("%(path)s declares %(file)s, which is not in the package.")
                % {"path": path, "file": f"{folder}/{declared}"},
                code="missing_library_file",
                path=f"{folder}/{declared}",
            )
    dependencies = [
        *_refs(
            data.get("preloadedDependencies"),
            field_name="preloadedDependencies",
            required=False,
            error=invalid,
        ),
        *_refs(
            data.get("dynamicDependencies"),
            field_name="dynamicDependencies",
            required=False,
            error=invalid,
        ),
    ]
    _refs(
        data.get("editorDependencies"),
        field_name="editorDependencies",
        required=False,
        error=invalid,
    )
    return LibraryInfo(
        folder=folder,
        machine_name=machine_name,
        major=major,
        minor=minor,
        patch=patch,
        title=title.strip(),
        runnable=bool(runnable),
        core_api=core_api,
        preloaded_js=tuple(scripts),
        preloaded_css=tuple(styles),
        dependencies=tuple(dict.fromkeys(dependencies)),
        files=tuple(sorted(files)),
    )


def _core_api(value: Any, invalid: Callable[[str], PackageError]) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, dict):
        major, minor = _version(value.get("majorVersion")), _version(value.get("minorVersion"))
        if major is not None and minor is not None:
            return (major, minor)
    raise invalid(_("“coreApi” must give majorVersion and minorVersion as whole numbers."))


def _paths(value: Any, field_name: str, invalid: Callable[[str], PackageError]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and isinstance(item.get("path"), str) and item["path"]
        for item in value
    ):
        raise invalid(
            _("“%(field)s” must be a list of {“path”: …} entries.") % {"field": field_name}
        )
    paths = [item["path"].removeprefix("./") for item in value]
    for declared in paths:
        if declared.startswith("/") or ".." in declared.split("/") or "\\" in declared:
            raise invalid(_("“%(field)s” points outside the library.") % {"field": field_name})
    return paths


def _check_dependencies(
    dependencies: Iterable[LibraryRef],
    libraries: list[LibraryInfo],
    by_ref: dict[LibraryRef, LibraryInfo],
    installed: Callable[[LibraryRef], bool],
) -> None:
    needs: list[tuple[str, LibraryRef]] = [("h5p.json", ref) for ref in dependencies]
    for library in libraries:
        if library.machine_name.startswith("H5PEditor."):
            continue  # editor libraries are never loaded to play
        needs.extend((f"{library.folder}/library.json", ref) for ref in library.dependencies)
    for needed_by, ref in needs:
        if ref not in by_ref and not installed(ref):
            raise PackageError(
                _(
                    "%(path)s needs the library %(library)s, which is neither in the package "
                    "nor installed on Aula."
                )
                % {"path": needed_by, "library": str(ref)},
                code="missing_dependency",
                path=needed_by,
            )
