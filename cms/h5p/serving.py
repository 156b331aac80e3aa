"""The content origin: package files and the player's scripts, behind signed URLs, never cookies.

Library JavaScript is arbitrary code. Served from another origin, inside a sandboxed iframe,
under a strict Content-Security-Policy, it can neither read the lesson page nor reach the API
with the learner's session.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import mimetypes
import posixpath
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from django.views.static import serve

from cms.h5p import translation
from cms.h5p.grants import PlayGrant, read_token
from cms.h5p.packages import h5p_storage, package_files
from cms.models import H5PPackage, activity_iri
from config import origins

OWN_ASSETS = settings.BASE_DIR / "cms" / "h5p" / "static"
# h5p-standalone's frame writes one inline script of its own into the content's iframe.
FRAME_INLINE_SCRIPT = re.compile(rb"<script>([^<]*)<\\/script>")


@functools.cache
def frame_script_hashes() -> tuple[str, ...]:
    """The CSP hashes of the inline scripts the installed player writes, read from the player
    itself so that an upgrade cannot leave a stale hash behind."""
    try:
        bundle = (Path(settings.H5P_PLAYER_DIR) / "frame.bundle.js").read_bytes()
    except OSError:
        return ()
    return tuple(
        "sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode()
        for script in dict.fromkeys(FRAME_INLINE_SCRIPT.findall(bundle))
    )


def content_security_policy() -> str:
    scripts = " ".join(["'self'", *(f"'{digest}'" for digest in frame_script_hashes())])
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {scripts}",
            # H5P content types position and animate with inline styles throughout.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "child-src 'self'",
            "form-action 'none'",
            "base-uri 'self'",
            f"frame-ancestors {origins.site_origin()}",
        ]
    )


def grant_or_404(token: str) -> PlayGrant:
    try:
        return read_token(token)
    except signing.BadSignature:
        raise Http404("This activity link has expired; reload the lesson.") from None


def folders_of(package_id: int) -> dict[str, str] | None:
    """Folder → storage prefix of a ready package; packages never change once stored."""
    key = f"h5p:folders:{package_id}"
    folders: dict[str, str] | None = cache.get(key)
    if folders is None:
        package = H5PPackage.objects.ready().filter(pk=package_id).first()
        if package is None:
            return None
        folders = {"h5p.json": package.storage_prefix + "h5p.json", **package_files(package)}
        cache.set(key, folders, 3600)
    return folders


def player_options(
    *, token: str, grant: PlayGrant, state: str | None, base: str | None = None
) -> dict[str, Any]:
    """What the player page hands to h5p-standalone, and what our relay needs."""
    content = origins.content_origin()
    base = base or f"{content}/h5p/{token}/"
    player: dict[str, Any] = {
        "id": grant.activity_key.hex,
        "h5pJsonPath": base + "files",
        "librariesPath": base + "files",
        "contentJsonPath": base + "files/content",
        "frameJs": f"{content}/h5p/player/frame.bundle.js",
        "frameCss": f"{content}/h5p/player/styles/h5p.css",
        # Loaded in the content's own frame before H5P starts it (see each file).
        "customJs": [
            f"{content}/h5p/aula/storage.js",
            f"{content}/h5p/aula/title.js",
        ],
        "xAPIObjectIRI": activity_iri(grant.activity_key),
        "frame": False,
        "icon": False,
        "fullScreen": True,
        "saveFreq": 5,
        "ajax": {"contentUserDataUrl": base + "state"},
        # Package code can read this: a pseudonym, never the learner's name or address.
        "user": {"name": "learner", "mail": f"{grant.user_id}@learners.aula.invalid"},
    }
    if state:
        player["contentUserData"] = [
            {"dataType": "state", "previousState": state, "subContentId": "*"}
        ]
    return {"player": player, "parentOrigin": origins.site_origin()}


def secure(response: HttpResponseBase) -> HttpResponseBase:
    response.headers["Content-Security-Policy"] = content_security_policy()
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
@xframe_options_exempt
@cache_control(private=True, max_age=3600)
def package_file(request: HttpRequest, token: str, path: str) -> HttpResponseBase:
    grant = grant_or_404(token)
    folders = folders_of(grant.package_id)
    path = posixpath.normpath(path)
    if folders is None or path.startswith(("/", "..")):
        raise Http404
    if path == "h5p.json":
        name = folders["h5p.json"]
    else:
        folder, _sep, rest = path.partition("/")
        if folder not in folders or folder == "h5p.json" or not rest:
            raise Http404
        name = folders[folder] + rest
    storage = h5p_storage()
    if path == "content/content.json":
        return secure(_content_json(name, folders, grant.language))
    try:
        stream = storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return secure(FileResponse(stream, content_type=content_type))


def _content_json(name: str, folders: dict[str, str], language: str) -> HttpResponse:
    storage = h5p_storage()
    try:
        with storage.open(name, "rb") as stream:
            content = json.load(stream)
    except (FileNotFoundError, OSError, ValueError):
        raise Http404 from None
    content = translation.localize_content(
        content, main_library=_main_library_prefix(folders), language=language
    )
    return HttpResponse(json.dumps(content), content_type="application/json")


def _main_library_prefix(folders: dict[str, str]) -> str | None:
    try:
        with h5p_storage().open(folders["h5p.json"], "rb") as stream:
            main = json.load(stream)["mainLibrary"]
    except (FileNotFoundError, OSError, ValueError, KeyError):
        return None
    for folder, prefix in folders.items():
        if folder.rsplit("-", 1)[0] == main and folder not in {"content", "h5p.json"}:
            return prefix
    return None


@require_safe
@xframe_options_exempt
def player_asset(request: HttpRequest, path: str) -> HttpResponseBase:
    """h5p-standalone's own files, from node_modules (installed by `make setup`)."""
    response = serve(request, path, document_root=str(settings.H5P_PLAYER_DIR))
    response.headers["Cache-Control"] = "public, max-age=86400"
    return secure(response)


@require_safe
@xframe_options_exempt
def own_asset(request: HttpRequest, path: str) -> HttpResponseBase:
    response = serve(request, path, document_root=str(OWN_ASSETS))
    response.headers["Cache-Control"] = "public, max-age=3600"
    return secure(response)
