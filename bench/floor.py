"""Bare views on the same stack: the floors `bench/ingest.py` and `bench/verify.py` compare with.

Served only by the bench (ROOT_URLCONF=bench.floor); never part of the product's URLs.
"""

from __future__ import annotations

import json

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config import urls as product_urls


@csrf_exempt
def floor(request: HttpRequest) -> HttpResponse:
    body = json.loads(request.body)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_floor (id, body) VALUES (%s, %s)", [body["id"], json.dumps(body)]
        )
    return JsonResponse([body["id"]], safe=False)


def bare(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do: what bench/verify.py compares verification with."""
    return JsonResponse({"state": "valid"})


urlpatterns = [path("bench/floor", floor), path("bench/bare", bare), *product_urls.urlpatterns]
