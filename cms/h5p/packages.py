"""H5P package use cases: upload, store in an immutable folder per content hash, share libraries."""

from __future__ import annotations

import hashlib
import logging
import zipfile
from collections import deque
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, storages
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import User
from cms.h5p.validation import (
    LibraryInfo,
    LibraryRef,
    Limits,
    PackageError,
    ValidPackage,
    validate_package,
)
from cms.models import H5PLibrary, H5PPackage

logger = logging.getLogger(__name__)

CHUNK = 1024 * 1024


def h5p_storage() -> Storage:
    return storages["h5p"]


def limits() -> Limits:
    return Limits(max_package_bytes=settings.H5P_MAX_UPLOAD_BYTES)


def may_install_libraries(user: User | None) -> bool:
    return user is not None and user.has_perm("cms.install_h5p_library")


@dataclass(frozen=True)
class Upload:
    package: H5PPackage
    reused: bool  # the same file was uploaded before: no new package was stored
    # Libraries this upload installed into a reused package (a site admin sending what a
    # trainer sent before), and what the uploader should know: e.g. which approved version
    # plays instead of a newer one the package names.
    installed: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()


def upload_package(
    *, file: IO[bytes], uploaded_by: User | None, title: str = "", language: str = ""
) -> Upload:
    """Takes an uploaded .h5p: reuses an identical earlier upload, stores a small one at once,
    and hands a large one to a worker (status `pending`). Raises PackageError if it is refused."""
    size, sha256 = _measure(file)
    if size > settings.H5P_MAX_UPLOAD_BYTES:
        raise PackageError(
            _("The package is %(size)d MB; Aula accepts packages of up to %(limit)d MB.")
            % {"size": size // 2**20, "limit": settings.H5P_MAX_UPLOAD_BYTES // 2**20},
            code="package_too_large",
        )
    existing = H5PPackage.objects.filter(sha256=sha256).first()
    if existing is not None and existing.status != H5PPackage.Status.REJECTED:
        installed: list[str] = []
        if existing.status == H5PPackage.Status.READY and may_install_libraries(uploaded_by):
            # Whoever sent these bytes before, this uploader installs what they may install.
            file.seek(0)
            installed = _install_newer_libraries(existing, source=file, uploaded_by=uploaded_by)
        share_with_uploader(existing, uploaded_by=uploaded_by)
        return Upload(package=existing, reused=True, installed=tuple(installed))
    if size <= settings.H5P_BACKGROUND_BYTES:
        file.seek(0)
        notices: list[str] = []
        package = store_package(
            source=file,
            sha256=sha256,
            size=size,
            uploaded_by=uploaded_by,
            title=title,
            language=language,
            pending=existing,
            notices=notices,
        )
        share_with_uploader(package, uploaded_by=uploaded_by)
        return Upload(package=package, reused=False, notices=tuple(notices))
    package = _stage(
        file=file,
        sha256=sha256,
        size=size,
        uploaded_by=uploaded_by,
        title=title,
        language=language,
        pending=existing,
    )
    share_with_uploader(package, uploaded_by=uploaded_by)
    return Upload(package=package, reused=False)


def share_with_uploader(package: H5PPackage, *, uploaded_by: User | None) -> None:
    """A package belongs to the delegations its uploaders work for; a site admin's upload, or
    one by nobody in particular, is the whole network's. Sending the same file again from
    another delegation shares it with that delegation too (its content is stored once)."""
    if uploaded_by is None or access.is_site_admin(uploaded_by):
        return
    package.delegations.add(*access.staff_delegation_ids(uploaded_by))


def _measure(file: IO[bytes]) -> tuple[int, str]:
    file.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := file.read(CHUNK):
        size += len(chunk)
        digest.update(chunk)
    file.seek(0)
    return size, digest.hexdigest()


def _stage(
    *,
    file: IO[bytes],
    sha256: str,
    size: int,
    uploaded_by: User | None,
    title: str,
    language: str,
    pending: H5PPackage | None,
) -> H5PPackage:
    from cms import tasks

    package = pending or H5PPackage(sha256=sha256, size=size)
    storage = h5p_storage()
    file.seek(0)
    storage.save(package.staged_name, File(file))
    package.status = H5PPackage.Status.PENDING
    package.error = ""
    package.title = title or package.title
    package.language = language or package.language
    package.uploaded_by = uploaded_by
    try:
        with transaction.atomic():
            package.save()
    except IntegrityError:  # the same file, uploaded at the same moment by someone else
        return H5PPackage.objects.get(sha256=sha256)
    transaction.on_commit(lambda: tasks.process_package.delay(package.pk))
    return package


def process_staged_package(*, package_id: int) -> H5PPackage:
    """The worker's side of a large upload; claimed once, so a retried task does nothing."""
    claimed = H5PPackage.objects.filter(pk=package_id, status=H5PPackage.Status.PENDING).update(
        status=H5PPackage.Status.PROCESSING
    )
    package = H5PPackage.objects.select_related("uploaded_by").get(pk=package_id)
    if not claimed:
        return package
    storage = h5p_storage()
    language = getattr(package.uploaded_by, "preferred_language", "") or settings.LANGUAGE_CODE
    try:
        with storage.open(package.staged_name, "rb") as staged, translation.override(language):
            package = store_package(
                source=staged,
                sha256=package.sha256,
                size=package.size,
                uploaded_by=package.uploaded_by,
                title=package.title,
                language=package.language,
                pending=package,
            )
    except PackageError as error:
        H5PPackage.objects.filter(pk=package_id).update(
            status=H5PPackage.Status.REJECTED, error=error.message
        )
        package.refresh_from_db()
    except Exception:
        # Let the task be retried from the start: the claim is released.
        H5PPackage.objects.filter(pk=package_id).update(status=H5PPackage.Status.PENDING)
        raise
    storage.delete(package.staged_name)
    return package


def store_package(
    *,
    source: IO[bytes],
    sha256: str,
    size: int,
    uploaded_by: User | None,
    title: str = "",
    language: str = "",
    pending: H5PPackage | None = None,
    notices: list[str] | None = None,
) -> H5PPackage:
    """Validates and stores a package. All of it is written or none: files written before a
    failure are deleted, and the database rows appear only once every file is in place.
    What the uploader should know is appended to `notices`."""
    may_install = may_install_libraries(uploaded_by)
    approved = _approved_libraries()
    valid = validate_package(source, installed=lambda ref: _key(ref) in approved, limits=limits())
    chosen, to_install = _choose_libraries(valid, approved=approved, may_install=may_install)
    if notices is not None:
        notices.extend(_played_instead(valid, chosen))
    written: list[str] = []
    storage = h5p_storage()
    source.seek(0)
    try:
        # One transaction: library rows written on the way vanish with a failure, like files.
        with transaction.atomic(), zipfile.ZipFile(source) as archive:
            installed = _install_libraries(archive, to_install, uploaded_by, storage, written)
            prefix = f"packages/{sha256}/"
            for name in valid.accepted:
                if name == "h5p.json" or name.startswith("content/"):
                    _copy(archive, name, storage, prefix + name, written)
            libraries = {**chosen, **installed}
            needed = _dependency_closure(valid, libraries)
            package = pending or H5PPackage(sha256=sha256)
            package.size = size
            package.title = (title or package.title or valid.title)[:255]
            package.language = (language or package.language or _language_of(valid))[:10]
            package.status = H5PPackage.Status.READY
            package.error = ""
            package.main_library = libraries[_key(valid.main_library)]
            package.uploaded_by = package.uploaded_by or uploaded_by
            package.save()
            package.libraries.set(needed)
        return package
    except IntegrityError:
        # A twin upload won the race with the very same bytes: its files are ours too.
        return H5PPackage.objects.get(sha256=sha256)
    except BaseException:
        for name in written:
            storage.delete(name)
        raise


def _played_instead(valid: ValidPackage, chosen: dict[Key, H5PLibrary]) -> list[str]:
    """A sentence for each library the package brings newer than the approved one it will
    play with (only a site admin's upload installs the newer one)."""
    said = []
    for info in valid.libraries:
        current = chosen.get(_key(info))
        if current is not None and current.patch_version < info.patch:
            said.append(
                _(
                    "The package brings %(library)s %(newer)s; it plays with the approved "
                    "%(approved)s until a site administrator installs the newer one."
                )
                % {
                    "library": info.machine_name,
                    "newer": f"{info.major}.{info.minor}.{info.patch}",
                    "approved": f"{info.major}.{info.minor}.{current.patch_version}",
                }
            )
    return said


def _install_newer_libraries(
    package: H5PPackage, *, source: IO[bytes], uploaded_by: User | None
) -> list[str]:
    """Installs the libraries of a stored package's file that are missing or newer than the
    approved ones, and lets the package play with them. Returns what was installed."""
    approved = _approved_libraries()
    valid = validate_package(source, installed=lambda ref: _key(ref) in approved, limits=limits())
    chosen, to_install = _choose_libraries(valid, approved=approved, may_install=True)
    if not to_install:
        return []
    written: list[str] = []
    storage = h5p_storage()
    source.seek(0)
    try:
        with transaction.atomic(), zipfile.ZipFile(source) as archive:
            installed = _install_libraries(archive, to_install, uploaded_by, storage, written)
            libraries = {**chosen, **installed}
            package.main_library = libraries[_key(valid.main_library)]
            package.save(update_fields=["main_library"])
            package.libraries.set(_dependency_closure(valid, libraries))
    except BaseException:
        for name in written:
            storage.delete(name)
        raise
    return [
        f"{info.machine_name} {info.major}.{info.minor}.{info.patch}"
        for info in to_install.values()
    ]


def _language_of(valid: ValidPackage) -> str:
    language = valid.language.lower()
    codes = {code for code, _name in settings.LANGUAGES}
    return language.split("-")[0] if language.split("-")[0] in codes else ""


Key = tuple[str, int, int]


def _key(ref: LibraryRef | LibraryInfo) -> Key:
    return (ref.machine_name, ref.major, ref.minor)


def _approved_libraries() -> dict[Key, H5PLibrary]:
    """The newest approved patch of each machine name and major.minor."""
    best: dict[Key, H5PLibrary] = {}
    for library in H5PLibrary.objects.filter(is_approved=True).order_by("patch_version"):
        best[(library.machine_name, library.major_version, library.minor_version)] = library
    return best


def _choose_libraries(
    valid: ValidPackage, *, approved: dict[Key, H5PLibrary], may_install: bool
) -> tuple[dict[Key, H5PLibrary], dict[Key, LibraryInfo]]:
    """Approved versions where they exist (the archive's copy is ignored), new ones only for
    those allowed to install; editor libraries are never needed to play, so never installed."""
    chosen: dict[Key, H5PLibrary] = {}
    to_install: dict[Key, LibraryInfo] = {}
    for info in valid.libraries:
        key = _key(info)
        if info.machine_name.startswith("H5PEditor."):
            continue
        current = approved.get(key)
        if current is not None and (current.patch_version >= info.patch or not may_install):
            chosen[key] = current
        elif may_install:
            to_install[key] = info
        else:
            raise PackageError(
                _(
                    "%(path)s: the library %(library)s is not approved on Aula yet. "
                    "Ask a site administrator to install it, or use a package built with "
                    "approved libraries."
                )
                % {
                    "path": info.folder + "/library.json",
                    "library": f"{info.machine_name} {info.major}.{info.minor}.{info.patch}",
                },
                code="library_not_approved",
                path=info.folder + "/library.json",
            )
    for ref in valid.dependencies:
        key = _key(ref)
        if key not in chosen and key not in to_install and key in approved:
            chosen[key] = approved[key]
    return chosen, to_install


def _install_libraries(
    archive: zipfile.ZipFile,
    to_install: dict[Key, LibraryInfo],
    uploaded_by: User | None,
    storage: Storage,
    written: list[str],
) -> dict[Key, H5PLibrary]:
    return {
        key: _install_library(
            archive, info, uploaded_by=uploaded_by, storage=storage, written=written
        )
        for key, info in to_install.items()
    }


def _install_library(
    archive: zipfile.ZipFile,
    info: LibraryInfo,
    *,
    uploaded_by: User | None,
    storage: Storage,
    written: list[str],
) -> H5PLibrary:
    digest = hashlib.sha256()
    for name in sorted(info.files):
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(archive.read(f"{info.folder}/{name}")).digest())
    identity = {
        "machine_name": info.machine_name,
        "major_version": info.major,
        "minor_version": info.minor,
        "patch_version": info.patch,
        "digest": digest.hexdigest(),
    }
    library = H5PLibrary.objects.filter(**identity).first()
    if library is not None:  # installed before, later withdrawn: bringing it again re-approves
        if not library.is_approved:
            library.is_approved = True
            library.save(update_fields=["is_approved"])
        return library
    library = H5PLibrary(
        **identity,
        title=info.title[:255],
        is_runnable=info.runnable,
        dependencies=[[d.machine_name, d.major, d.minor] for d in info.dependencies],
        installed_by=uploaded_by,
    )
    for name in info.files:
        _copy(archive, f"{info.folder}/{name}", storage, library.storage_prefix + name, written)
    try:
        with transaction.atomic():
            library.save()
    except IntegrityError:
        return H5PLibrary.objects.get(**identity)
    return library


def _copy(
    archive: zipfile.ZipFile, member: str, storage: Storage, name: str, written: list[str]
) -> None:
    with archive.open(member) as stream:
        data = stream.read()
    written.append(storage.save(name, ContentFile(data)))


def _dependency_closure(valid: ValidPackage, libraries: dict[Key, H5PLibrary]) -> list[H5PLibrary]:
    """Every library the player loads: the package's dependencies and theirs, as stored."""
    queue: deque[Key] = deque(_key(ref) for ref in valid.dependencies)
    queue.append(_key(valid.main_library))
    seen: dict[Key, H5PLibrary] = {}
    approved = _approved_libraries()
    while queue:
        key = queue.popleft()
        if key in seen:
            continue
        library = libraries.get(key) or approved.get(key)
        if library is None:
            raise PackageError(
                _("The package needs the library %(library)s, which Aula does not have.")
                % {"library": f"{key[0]} {key[1]}.{key[2]}"},
                code="missing_dependency",
            )
        seen[key] = library
        queue.extend((name, int(major), int(minor)) for name, major, minor in library.dependencies)
    return list(seen.values())


def package_files(package: H5PPackage) -> dict[str, str]:
    """Folder name the player asks for → storage prefix it lives under."""
    folders = {"content": package.storage_prefix + "content/"}
    for library in package.libraries.all():
        folders[library.folder_name] = library.storage_prefix
    return folders
