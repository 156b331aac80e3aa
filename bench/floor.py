"""A bare one-INSERT view on the same stack, the physical floor `bench/ingest.py` compares with.

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


urlpatterns = [path("bench/floor", floor), *product_urls.urlpatterns]
