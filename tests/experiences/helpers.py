from __future__ import annotations

from typing import Any

from accounts.models import User
from experiences import services
from experiences.models import Experience
from tests.factories import MemberCityFactory, UserFactory


def editor_of(city: Any) -> User:
    editor = UserFactory()
    editor.coordinated_delegations.add(city.delegation)
    return editor


def story(**overrides: Any) -> services.Story:
    values = {
        "language": "es",
        "title": "Bibliotecas abiertas por la tarde",
        "summary": "Las bibliotecas de barrio abren hasta la noche.",
        "description": "Acuerdos con clubes y centros vecinales; **voluntariado** universitario.",
        "results": "",
    }
    values.update(overrides)
    return services.Story(**values)


def facts(city: Any = None, **overrides: Any) -> services.Facts:
    values: dict[str, Any] = {
        "member_city": city,
        "city_name": "",
        "country": None,
        "tags": ["p04", "culture", "children"],
        "year_started": 2019,
        "status": "running",
    }
    values.update(overrides)
    return services.Facts(**values)


def published(
    city: Any = None,
    *,
    by: User | None = None,
    translation: services.Story | None = None,
    **story_fields: Any,
) -> Experience:
    city = city or MemberCityFactory()
    by = by or UserFactory(member_city=city)
    tags = story_fields.pop("tags", None)
    year = story_fields.pop("year_started", 2019)
    experience = services.propose(
        by=by,
        facts=facts(city, year_started=year, **({"tags": tags} if tags else {})),
        story=story(**story_fields),
        consent=True,
    )
    editor = editor_of(city)
    if translation is not None:
        services.edit(
            by=editor,
            experience=experience,
            facts=facts(city, year_started=year, **({"tags": tags} if tags else {})),
            story=translation,
        )
    services.decide(by=editor, experience=experience, action="published")
    experience.refresh_from_db()
    return experience
