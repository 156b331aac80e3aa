"""The page a person sees when a staff page is not theirs."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "enrollments/forbidden.html", {"reason": reason}, status=403)
