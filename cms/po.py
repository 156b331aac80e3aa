"""A course page's translation as a PO file, for translators working outside Aula.

The segments are wagtail-localize's (each title, paragraph, heading, callout and activity
title of the Spanish original); the file carries the translation's id. Importing checks the
whole file before anything is written: a file for another page or language, a string the
page does not have, or a translation that loses or invents markup or placeholders is refused
with every problem named, and nothing changes. Publishing keeps learners' progress: it
belongs to the Spanish original, which every translation shares its key with."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from accounts.models import User

TAG = re.compile(r"<(/?)([a-z0-9]+)(?:\s+id=\"([^\"]*)\")?[^>]*>", re.IGNORECASE)
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")


@dataclass
class Imported:
    translated: int
    total: int
    published: bool


def original_page(page: Page) -> Page:
    """The Spanish original a page (or its translation) is translated from."""
    default = Locale.get_default()
    if page.locale_id != default.pk:
        original = page.get_translation_or_none(default)
        if original is None:
            raise ValidationError(
                _("This page has no Spanish original to translate from."), code="no_original"
            )
        return original
    return page


def translation_for(*, page: Page, language: str) -> Translation:
    """The page's translation into `language`, made if needed, from its current original."""
    if (
        language not in {code for code, _name in _languages()}
        or language == Locale.get_default().language_code
    ):
        raise ValidationError(
            _("“%(language)s” is not a language to translate into.") % {"language": language},
            code="unknown_language",
        )
    original = original_page(page).specific
    source, created = TranslationSource.get_or_create_from_instance(original)
    if not created:
        source.update_from_db()  # what the Spanish original says now
    locale = Locale.objects.get(language_code=language)
    translation, _made = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


def _languages() -> list[tuple[str, object]]:
    from django.conf import settings

    return list(settings.LANGUAGES)


def export_po(*, page: Page, language: str) -> str:
    return str(translation_for(page=page, language=language).export_po())


def _marks(text: str) -> list[str]:
    tags = sorted(
        f"{m.group(1)}{m.group(2).lower()}#{m.group(3) or ''}" for m in TAG.finditer(text)
    )
    return tags + sorted(PLACEHOLDER.findall(text))


def import_po(*, page: Page, language: str, text: str, by: User, publish: bool = False) -> Imported:
    translation = translation_for(page=page, language=language)
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as error:
        raise ValidationError(_("This is not a PO file."), code="po_invalid") from error
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        raise ValidationError(
            _("This file is for another page or language: download this page's file."),
            code="po_other_page",
        )
    known = {(entry.msgctxt, entry.msgid) for entry in translation.export_po()}
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if (entry.msgctxt, entry.msgid) not in known:
            problems.append(
                _("“%(text)s” is not in this page (it may have changed: download it again).")
                % {"text": entry.msgid[:60]}
            )
        elif entry.msgstr and _marks(entry.msgstr) != _marks(entry.msgid):
            problems.append(
                _(
                    "“%(text)s”: the translation must keep the same links, formatting and "
                    "placeholders."
                )
                % {"text": entry.msgid[:60]}
            )
    if problems:
        raise ValidationError(
            [ValidationError(problem, code="po_mismatch") for problem in problems]
        )
    with transaction.atomic():
        translation.import_po(po, user=by, tool_name="PO file")
        total, translated = translation.get_progress()
        published = bool(publish and translated == total)
        if published:
            translation.save_target(user=by, publish=True)
    return Imported(translated=translated, total=total, published=published)
