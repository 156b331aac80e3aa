"""The demo delegation, its member cities and one account per role (demo credentials only)."""

from __future__ import annotations

from typing import Any

DELEGATION: dict[str, Any] = {
    "code": "latam",
    "names": {
        "es": "América Latina",
        "pt": "América Latina",
        "fr": "Amérique latine",
        "en": "Latin America",
        "ca": "Amèrica Llatina",
    },
}

# Where most of each country's member cities are: the default for people who choose no zone.
TIME_ZONES = {
    "AR": "America/Argentina/Buenos_Aires",
    "BR": "America/Sao_Paulo",
    "CO": "America/Bogota",
    "MX": "America/Mexico_City",
    "UY": "America/Montevideo",
}

COUNTRIES = {
    "AR": {
        "es": "Argentina",
        "pt": "Argentina",
        "fr": "Argentine",
        "en": "Argentina",
        "ca": "Argentina",
    },
    "BR": {"es": "Brasil", "pt": "Brasil", "fr": "Brésil", "en": "Brazil", "ca": "Brasil"},
    "CO": {
        "es": "Colombia",
        "pt": "Colômbia",
        "fr": "Colombie",
        "en": "Colombia",
        "ca": "Colòmbia",
    },
    "MX": {"es": "México", "pt": "México", "fr": "Mexique", "en": "Mexico", "ca": "Mèxic"},
    "UY": {"es": "Uruguay", "pt": "Uruguai", "fr": "Uruguay", "en": "Uruguay", "ca": "Uruguai"},
}

# (country, city name, membership status)
CITIES = [
    ("AR", "Rosario", "active"),
    ("AR", "Córdoba", "active"),
    ("BR", "Santos", "active"),
    ("BR", "Sorocaba", "pending"),
    ("CO", "Medellín", "active"),
    ("MX", "Guadalajara", "active"),
    ("UY", "Montevideo", "lapsed"),
]

PASSWORD = "aula-demo-2026"

ACCOUNTS: list[dict[str, Any]] = [
    {
        "email": "admin@aula.example",
        "certificate_name": "Administración Aula",
        "role": "admin",
        "city": None,
        "position": "other",
        "language": "es",
    },
    {
        "email": "trainer@aula.example",
        "certificate_name": "Lucía Fernández Ortega",
        "role": "trainer",
        "city": None,
        "position": "other",
        "language": "es",
    },
    {
        "email": "coordinator@aula.example",
        "certificate_name": "Marcelo Duarte Lima",
        "role": "coordinator",
        "city": "Santos",
        "position": "staff",
        "language": "pt",
    },
    {
        "email": "learner@aula.example",
        "certificate_name": "Ana María Gutiérrez Rojas",
        "role": "learner",
        "city": "Rosario",
        "position": "elected",
        "language": "es",
    },
]

SITE: dict[str, dict[str, tuple[str, str]]] = {
    "home": {
        "es": (
            "Aula — Ciudades Educadoras",
            "<p>El aula virtual de la Asociación Internacional de Ciudades Educadoras: formación para quienes gobiernan las ciudades.</p>",
        ),
        "pt": (
            "Aula — Cidades Educadoras",
            "<p>A sala de aula virtual da Associação Internacional das Cidades Educadoras: formação para quem governa as cidades.</p>",
        ),
        "fr": (
            "Aula — Villes éducatrices",
            "<p>La classe virtuelle de l'Association internationale des villes éducatrices : des formations pour celles et ceux qui gouvernent les villes.</p>",
        ),
        "en": (
            "Aula — Educating Cities",
            "<p>The virtual classroom of the International Association of Educating Cities: training for the people who govern cities.</p>",
        ),
        "ca": (
            "Aula — Ciutats Educadores",
            "<p>L'aula virtual de l'Associació Internacional de Ciutats Educadores: formació per a qui governa les ciutats.</p>",
        ),
    },
    "catalogue": {
        "es": (
            "Catálogo de cursos",
            "<p>Cursos en línea para cargos electos y personal municipal.</p>",
        ),
        "pt": (
            "Catálogo de cursos",
            "<p>Cursos on-line para pessoas eleitas e equipes municipais.</p>",
        ),
        "fr": (
            "Catalogue des cours",
            "<p>Des cours en ligne pour les élus et le personnel municipal.</p>",
        ),
        "en": (
            "Course catalogue",
            "<p>Online courses for elected officials and municipal staff.</p>",
        ),
        "ca": (
            "Catàleg de cursos",
            "<p>Cursos en línia per a càrrecs electes i personal municipal.</p>",
        ),
    },
}
