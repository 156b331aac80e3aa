"""The vocabulary (Charter principles, thematic areas, populations) and, on PostgreSQL, the GIN
index that full-text search uses."""

from typing import Any

from django.db import migrations

VOCABULARY = {
    "principle": [f"p{n:02d}" for n in range(1, 21)],
    "area": [
        "childhood", "youth", "participation", "inclusion", "sustainability", "culture",
        "urban-planning",
    ],
    "population": [
        "children", "young-people", "older-people", "families", "women", "migrants",
        "disabilities", "educators", "everyone",
    ],
}  # fmt: skip


def add_vocabulary(apps: Any, schema_editor: Any) -> None:
    Tag = apps.get_model("experiences", "Tag")
    for kind, codes in VOCABULARY.items():
        for position, code in enumerate(codes):
            Tag.objects.update_or_create(code=code, defaults={"kind": kind, "position": position})


def add_search_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS experiences_text_search "
            "ON experiences_text USING gin (search)"
        )


def drop_search_index(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS experiences_text_search")


class Migration(migrations.Migration):
    dependencies = [("experiences", "0001_initial")]

    operations = [
        migrations.RunPython(add_vocabulary, migrations.RunPython.noop),
        migrations.RunPython(add_search_index, drop_search_index),
    ]
