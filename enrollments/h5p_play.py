"""Playing H5P activities: the player page and saved state, both on the content origin.

No cookies reach the content origin: the signed URL minted by the lesson page says who plays.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from cms.h5p.grants import PlayGrant
from cms.h5p.serving import grant_or_404, player_options, secure
from cms.models import Activity, H5PPackage
from enrollments.models import ActivityState

MAX_STATE_CHARS = 64 * 1024


@require_safe
@xframe_options_exempt
def player_page(request: HttpRequest, token: str) -> HttpResponseBase:
    grant = grant_or_404(token)
    package = H5PPackage.objects.ready().filter(pk=grant.package_id).first()
    if package is None:
        raise Http404
    options = player_options(token=token, grant=grant, state=saved_state(grant))
    response = render(
        request,
        "cms/h5p/player.html",
        {"options": options, "language": grant.language, "title": package.title},
    )
    response.headers["Cache-Control"] = "no-store"
    return secure(response)


def saved_state(grant: PlayGrant) -> str | None:
    return (
        ActivityState.objects.filter(learner_id=grant.user_id, activity__key=grant.activity_key)
        .values_list("state", flat=True)
        .first()
    )


@csrf_exempt  # no cookies on this origin: the signed URL is the credential
@xframe_options_exempt
@require_http_methods(["GET", "POST"])
def state(request: HttpRequest, token: str) -> HttpResponseBase:
    """H5P core's contentUserData endpoint: GET reads the saved state, POST replaces it."""
    grant = grant_or_404(token)
    if request.method == "GET":
        return secure(JsonResponse({"success": True, "data": saved_state(grant) or False}))
    data = request.POST.get("data", "")
    if len(data) > MAX_STATE_CHARS:
        return secure(JsonResponse({"success": False, "message": "state too large"}, status=400))
    activity = Activity.objects.filter(key=grant.activity_key).only("pk").first()
    if activity is None:
        raise Http404
    with transaction.atomic():
        if data in {"", "0"}:  # H5P's way of saying "forget it" (a reset)
            ActivityState.objects.filter(learner_id=grant.user_id, activity=activity).delete()
        else:
            ActivityState.objects.update_or_create(
                learner_id=grant.user_id, activity=activity, defaults={"state": data}
            )
    return secure(JsonResponse({"success": True}))


def no_site_here(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return HttpResponse(
        f"This host only serves interactive activities. Aula is at {settings.SITE_URL}",
        status=404,
        content_type="text/plain",
    )
