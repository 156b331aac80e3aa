"""Every list endpoint pages within bounds: huge or malformed paging never reaches the database."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/api/v1/courses/", "/api/v1/cohorts/"])
def test_a_huge_limit_is_served_as_the_maximum_and_a_huge_offset_is_refused(client, site, path):
    huge = "9223372036854775808"
    capped = client.get(path, {"limit": huge})
    assert capped.status_code == 200
    assert capped.json()["count"] == len(capped.json()["results"])  # all of them, in one page
    refused = client.get(path, {"offset": huge})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "offset"
    assert "whole number from 0" in refused.json()["detail"]


@pytest.mark.parametrize(
    "params", [{"limit": "0"}, {"limit": "x"}, {"offset": "-1"}, {"offset": "null"}]
)
def test_malformed_paging_gets_a_clear_400(client, site, params):
    response = client.get("/api/v1/courses/", params)
    assert response.status_code == 400
    assert "whole number" in str(response.json())


def test_the_schema_states_the_bounds(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    parameters = schema["paths"]["/api/v1/courses/"]["get"]["parameters"]
    limit = next(p for p in parameters if p["name"] == "limit")
    assert limit["schema"]["minimum"] == 1
    assert "at most 500 are returned" in limit["description"]  # served, not refused
    offset = next(p for p in parameters if p["name"] == "offset")
    assert (offset["schema"]["minimum"], offset["schema"]["maximum"]) == (0, 2**31 - 1)
