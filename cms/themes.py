"""The vocabulary of the bank of experiences (the `experiences` app) and of the lessons that
point to it: the twenty principles of the Charter of Educating Cities (2020), the network's
thematic areas, and the populations an experience serves. Codes are stored; labels
are translated here, so a new language needs no data change."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

PRINCIPLES: list[tuple[str, Promise]] = [
    ("p01", _("Inclusive education throughout life")),
    ("p02", _("Policy of an educational nature")),
    ("p03", _("Diversity and non-discrimination")),
    ("p04", _("Access to culture")),
    ("p05", _("Intergenerational dialogue")),
    ("p06", _("Knowledge of the territory")),
    ("p07", _("Access to information")),
    ("p08", _("Governance and citizen participation")),
    ("p09", _("Monitoring and improvement")),
    ("p10", _("Identity of the city")),
    ("p11", _("Public space for coexistence")),
    ("p12", _("Adequate facilities and municipal services")),
    ("p13", _("Sustainability")),
    ("p14", _("Promotion of health")),
    ("p15", _("Training of educational agents")),
    ("p16", _("Guidance and entry into work")),
    ("p17", _("Social inclusion and cohesion")),
    ("p18", _("Co-responsibility against inequalities")),
    ("p19", _("Promotion of associations and volunteering")),
    ("p20", _("Education for democratic and global citizenship")),
]

AREAS: list[tuple[str, Promise]] = [
    ("childhood", _("Childhood")),
    ("youth", _("Youth")),
    ("participation", _("Participation")),
    ("inclusion", _("Inclusion")),
    ("sustainability", pgettext_lazy("thematic area", "Sustainability")),
    ("culture", _("Culture")),
    ("urban-planning", _("Urban planning")),
]

POPULATIONS: list[tuple[str, Promise]] = [
    ("children", _("Children")),
    ("young-people", _("Young people")),
    ("older-people", _("Older people")),
    ("families", _("Families")),
    ("women", _("Women")),
    ("migrants", _("Migrants and refugees")),
    ("disabilities", _("People with disabilities")),
    ("educators", _("Teachers and educators")),
    ("everyone", _("All residents")),
]

KINDS = {"principle": PRINCIPLES, "area": AREAS, "population": POPULATIONS}
LABELS: dict[str, Promise] = {code: label for group in KINDS.values() for code, label in group}
KIND_OF: dict[str, str] = {code: kind for kind, group in KINDS.items() for code, _l in group}


def label(code: str) -> str:
    """The code's name in the active language; a principle with its number."""
    name = str(LABELS.get(code, code))
    if KIND_OF.get(code) == "principle":
        return f"{int(code[1:])}. {name}"
    return name
