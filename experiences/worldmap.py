"""A world map drawn from data Aula ships: Natural Earth's countries at 1:110 million, as
TopoJSON from the `world-atlas` npm package (installed by `make setup`), projected here into
SVG paths (plate carrée, cropped to the inhabited latitudes). No tile server, no script: the
map works offline and without JavaScript."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
from django.conf import settings

ATLAS = Path(settings.BASE_DIR) / "node_modules" / "world-atlas" / "countries-110m.json"
WIDTH, HEIGHT = 1000, 500
NORTH, SOUTH = 84.0, -60.0
ANTARCTICA = "010"  # left out: no city of the network, and most of the map's height


def project(longitude: float, latitude: float) -> tuple[float, float]:
    x = (longitude + 180.0) / 360.0 * WIDTH
    y = (NORTH - latitude) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


@dataclass(frozen=True)
class Country:
    numeric: str
    path: str
    centre: tuple[float, float]  # longitude, latitude of its largest ring's vertices' mean


@cache
def countries() -> dict[str, Country]:
    """Natural Earth's countries by ISO numeric code; empty when the package is missing
    (`manage.py check` says so)."""
    if not ATLAS.is_file():
        return {}
    topology = json.loads(ATLAS.read_text())
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    found: dict[str, Country] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if (
            not numeric
            or numeric == ANTARCTICA
            or geometry["type"] not in ("Polygon", "MultiPolygon")
        ):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts: list[str] = []
        largest: list[tuple[float, float]] = []
        for polygon in polygons:
            for indexes in polygon:
                points = ring(indexes)
                if len(points) > len(largest):
                    largest = points
                parts.append(_path(points))
        centre = (
            sum(p[0] for p in largest) / len(largest),
            sum(p[1] for p in largest) / len(largest),
        )
        found[numeric] = Country(numeric=numeric, path="".join(parts), centre=centre)
    return found


def _path(points: list[tuple[float, float]]) -> str:
    """An SVG path of the ring; where it crosses the antimeridian (Russia's east, Fiji) a new
    subpath starts instead of a line across the whole map."""
    out = []
    previous = None
    for lon, lat in points:
        x, y = project(lon, max(SOUTH, min(NORTH, lat)))
        jump = previous is None or abs(lon - previous) > 180
        out.append(f"{'M' if jump else 'L'}{x:g},{y:g}")
        previous = lon
    return "".join(out) + "Z"


@cache
def numeric_code(iso_code: str) -> str:
    country = pycountry.countries.get(alpha_2=iso_code.upper())
    return country.numeric if country is not None else ""


def centre_of(iso_code: str) -> tuple[float, float] | None:
    country = countries().get(numeric_code(iso_code))
    return country.centre if country is not None else None
