"""Finding experiences: full-text search in each text's own language, filters, and the counts
beside each filter.

On PostgreSQL each text is indexed with its language's stemming (Spanish, Portuguese, French,
English; Catalan where the server has it, else without stemming), over accent-folded words, so
"educacion" finds "educación". A query is matched against every language's texts, each with its
own configuration, which keeps the GIN index usable. The embedded SQLite default matches every
folded word as a substring instead: no stemming."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, Max, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils.translation import get_language

from accounts.models import MemberCity
from cms.themes import KIND_OF
from experiences.models import Experience, Text

STEMMING = {"es": "spanish", "pt": "portuguese", "fr": "french", "en": "english", "ca": "catalan"}
MAX_QUERY = 200


def fold(text: str) -> str:
    """Lower case, without accents, one space between words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


@cache
def _available_configs() -> frozenset[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def config_for(language: str) -> str:
    wanted = STEMMING.get(language, "simple")
    return wanted if wanted in _available_configs() else "simple"


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def index(texts: Iterable[Text]) -> None:
    """Refresh the searched words of these texts (after they were saved)."""
    texts = list(texts)
    for text in texts:
        text.folded = fold(" ".join([text.title, text.summary, text.description, text.results]))
    Text.objects.bulk_update(texts, ["folded"])
    if not is_postgres() or not texts:
        return
    with connection.cursor() as cursor:
        for language in {t.language for t in texts}:
            cursor.execute(
                "UPDATE experiences_text SET search = to_tsvector(%s::regconfig, folded) "
                "WHERE id = ANY(%s)",
                [config_for(language), [t.pk for t in texts if t.language == language]],
            )


def matching(query: str) -> Q:
    """Experiences with a text matching the words of `query`, in any language."""
    words = fold(query[:MAX_QUERY])
    if not words:
        return Q()
    if is_postgres():
        found = Q(pk__in=[])
        for language, _name in settings.LANGUAGES:
            found |= Q(
                language=language,
                search=SearchQuery(words, config=config_for(language), search_type="websearch"),
            )
        texts = Text.objects.filter(found)
    else:
        texts = Text.objects.all()
        for word in words.split()[:10]:
            texts = texts.filter(folded__contains=word.strip('"-'))
    return Q(pk__in=texts.values("experience_id"))


def ranked(experiences: QuerySet[Experience], query: str) -> QuerySet[Experience]:
    """The best match first (PostgreSQL); newest first otherwise and without a query."""
    words = fold(query[:MAX_QUERY])
    if not words or not is_postgres():
        return experiences.order_by("-published_at", "-pk")
    config = Case(
        *[
            When(language=language, then=Value(config_for(language)))
            for language, _name in settings.LANGUAGES
        ],
        default=Value("simple"),
    )
    rank = SearchRank(F("search"), SearchQuery(words, config=config, search_type="websearch"))
    best = (
        Text.objects.filter(experience=OuterRef("pk"))
        .values("experience")
        .annotate(best=Max(rank))
        .values("best")
    )
    return experiences.annotate(rank=Subquery(best)).order_by("-rank", "-published_at", "-pk")


FACETS = ("principle", "area", "population", "country", "year", "status")


UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable(value: str) -> str:
    return UNSTORABLE.sub("", value).strip()


@dataclass
class Filters:
    query: str = ""
    tags: list[str] = field(default_factory=list)  # principle, area and population codes
    country: str = ""  # ISO code
    city: str = ""
    year: int | None = None
    status: str = ""

    @classmethod
    def from_params(cls, params: Any) -> Filters:
        """Whatever arrives: unknown values are dropped, characters no database stores too."""
        year = params.get("year", "")
        return cls(
            query=_storable(params.get("q", ""))[:MAX_QUERY],
            tags=[
                code
                for key in ("principle", "area", "population")
                for code in params.getlist(key)
                if KIND_OF.get(code) == key
            ][:10],
            country=_storable(params.get("country", "")).upper()[:2],
            city=_storable(params.get("city", ""))[:160],
            year=int(year) if str(year).isdigit() and 1950 <= int(year) <= 2100 else None,
            status=params.get("status", "")
            if params.get("status", "") in Experience.Status.values
            else "",
        )

    def apply(self, experiences: QuerySet[Experience], *, skip: str = "") -> QuerySet[Experience]:
        """Each filter is a subquery, never a join: ten themes chosen must not multiply rows."""
        if self.query:
            experiences = experiences.filter(matching(self.query))
        tagged = Experience.tags.through.objects
        for code in sorted(set(self.tags))[:10]:
            if skip and KIND_OF.get(code) == skip:
                continue
            experiences = experiences.filter(
                pk__in=tagged.filter(tag__code=code).values("experience_id")
            )
        if self.country and skip != "country":
            experiences = experiences.filter(country__iso_code=self.country)
        if self.city:
            experiences = experiences.filter(
                Q(city_name__iexact=self.city)
                | Q(
                    member_city__in=MemberCity.objects.filter(
                        translations__name__iexact=self.city
                    ).values("pk")
                )
            )
        if self.year and skip != "year":
            experiences = experiences.filter(year_started=self.year)
        if self.status and skip != "status":
            experiences = experiences.filter(status=self.status)
        return experiences


def published() -> QuerySet[Experience]:
    return Experience.objects.filter(stage=Experience.Stage.PUBLISHED)


def facet_counts(filters: Filters) -> dict[str, dict[Any, int]]:
    """How many published experiences each filter value would show, the other filters applied:
    four queries whatever the number of experiences."""
    base = published()
    counts: dict[str, dict[Any, int]] = {}
    counts["tags"] = {
        row["tag__code"]: row["n"]
        for row in Experience.tags.through.objects.filter(
            experience__in=filters.apply(base).values("pk")
        )
        .values("tag__code")
        .annotate(n=Count("pk"))
    }
    counts["country"] = dict(
        filters.apply(base, skip="country")
        .values_list("country__iso_code")
        .annotate(n=Count("pk"))
        .values_list("country__iso_code", "n")
    )
    counts["year"] = dict(
        filters.apply(base, skip="year")
        .values_list("year_started")
        .annotate(n=Count("pk"))
        .values_list("year_started", "n")
    )
    counts["status"] = dict(
        filters.apply(base, skip="status")
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return counts


def shown_texts(experiences: list[Experience], language: str | None = None) -> dict[int, Text]:
    """Each experience's text in the reader's language, else its original: one query."""
    language = language or get_language() or settings.LANGUAGE_CODE
    chosen: dict[int, Text] = {}
    ids = [e.pk for e in experiences]
    originals = {e.pk: e.language for e in experiences}
    for text in Text.objects.filter(experience_id__in=ids).filter(
        Q(language=language) | Q(language__in=set(originals.values()))
    ):
        own = text.language == language
        if own or (
            text.experience_id not in chosen and text.language == originals[text.experience_id]
        ):
            chosen[text.experience_id] = text
    return chosen


def place_names(experiences: list[Experience]) -> dict[int, tuple[str, str]]:
    """Each experience's city and country names, each name worked out once: parler writes
    every translation it reads to the cache, and 500 rows of twenty cities are not 1,000
    cache writes. Needs `member_city` and `country` (with translations) prefetched."""
    cities: dict[int, str] = {}
    countries: dict[int, str] = {}
    names = {}
    for e in experiences:
        if e.member_city_id and e.member_city_id not in cities:
            cities[e.member_city_id] = str(e.member_city)
        if e.country_id not in countries:
            countries[e.country_id] = str(e.country)
        city = cities[e.member_city_id] if e.member_city_id else e.city_name
        names[e.pk] = (city, countries[e.country_id])
    return names


@dataclass
class Shown:
    """One experience as lists show it: the text in the reader's language (else its
    original), its place names, its theme codes (sorted) and the languages it is written in."""

    experience: Experience
    text: Text
    city: str
    country: str
    codes: list[str]
    languages: list[str]


def shown(experiences: list[Experience], *, languages: bool = False) -> list[Shown]:
    """Lists of experiences in a fixed number of queries (two, three with the languages);
    needs what `place_names` needs prefetched."""
    texts = shown_texts(experiences)
    ids = [e.pk for e in experiences]
    codes: dict[int, list[str]] = {}
    for experience_id, code in Experience.tags.through.objects.filter(
        experience_id__in=ids
    ).values_list("experience_id", "tag__code"):
        codes.setdefault(experience_id, []).append(code)
    written: dict[int, list[str]] = {}
    if languages:
        for experience_id, language in Text.objects.filter(experience_id__in=ids).values_list(
            "experience_id", "language"
        ):
            written.setdefault(experience_id, []).append(language)
    places = place_names(experiences)
    return [
        Shown(
            experience=e,
            text=texts[e.pk],
            city=places[e.pk][0],
            country=places[e.pk][1],
            codes=sorted(codes.get(e.pk, [])),
            languages=sorted(written.get(e.pk, [])),
        )
        for e in experiences
    ]
