"""Month names as Aula's catalogues write them, overriding Django's own where they differ.

Django takes month names from gettext (`MONTHS` and, for `E`, `MONTHS_ALT` under the context
"alt. month"); the project's catalogues come first, so these markers keep the overrides in
`locale/`: Portuguese writes months in lower case ("3 de abril de 2026"), and Catalan dates read
"3 d'abril de 2026" (its DATE_FORMAT uses `E`, the month with its preposition). Nothing imports
this module; `makemessages` reads it.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

MONTHS_ALT = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
