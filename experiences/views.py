"""The public bank (no sign-in): search, filters with counts, an experience's page, the map
and charts, open data and the feed. Signed in: proposing, one's own proposals, and the
editors' review."""

from __future__ import annotations

import csv
import json
import uuid
from collections import Counter
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import access
from accounts.models import Country, MemberCity, User
from assignments.models import Submission
from cms.themes import AREAS, POPULATIONS, PRINCIPLES, label
from discussions.markdown import render as markdown
from enrollments.errors import NotAllowed
from experiences import search, services, worldmap
from experiences.forms import ExperienceForm, initial_for
from experiences.models import Event, Experience, File, Text

PER_PAGE = 20
ACTIONS = [
    (Event.Action.CHANGES, gettext_lazy("Request changes")),
    (Event.Action.APPROVED, gettext_lazy("Approve")),
    (Event.Action.PUBLISHED, gettext_lazy("Publish")),
    (Event.Action.UNPUBLISHED, gettext_lazy("Unpublish")),
]
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _listing() -> QuerySet[Experience]:
    return (
        search.published()
        .select_related("country", "member_city")
        .prefetch_related("country__translations", "member_city__translations")
    )


def _rows(experiences: list[Experience]) -> list[dict[str, Any]]:
    return [
        {
            "experience": row.experience,
            "text": row.text,
            "city": row.city,
            "country": row.country,
            "themes": [label(c) for c in row.codes if not c.startswith("p")]
            + [label(c) for c in row.codes if c.startswith("p")][:3],
        }
        for row in search.shown(experiences)
    ]


def bank(request: HttpRequest) -> HttpResponse:
    """Search and filters with how many each would show; a fixed number of queries."""
    filters = search.Filters.from_params(request.GET)
    found = search.ranked(filters.apply(_listing()), filters.query)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    counts = search.facet_counts(filters)
    countries = {c.iso_code: str(c) for c in Country.objects.prefetch_related("translations")}
    chosen = set(filters.tags)
    query = request.GET.copy()
    query.pop("page", None)

    def options(group: list[Any]) -> list[dict[str, Any]]:
        return [
            {"code": code, "label": label(code), "count": counts["tags"].get(code, 0),
             "chosen": code in chosen}
            for code, _name in group
        ]  # fmt: skip

    return render(
        request,
        "experiences/bank.html",
        {
            "filters": filters,
            "results": page,
            "rows": _rows(list(page.object_list)),
            "principles": options(PRINCIPLES),
            "areas": options(AREAS),
            "populations": options(POPULATIONS),
            "countries": sorted(
                ((iso, countries.get(iso, iso), n) for iso, n in counts["country"].items()),
                key=lambda row: row[1],
            ),
            "years": sorted(counts["year"].items(), reverse=True),
            "statuses": [
                (value, name, counts["status"].get(value, 0))
                for value, name in Experience.Status.choices
            ],
            "query_string": query.urlencode(),
            "can_propose": services.can_propose(request.user),
        },
    )


def _visible(request: HttpRequest, experience: Experience) -> bool:
    if experience.is_published:
        return True
    user = request.user
    return bool(
        user.is_authenticated
        and (experience.proposer_id == user.pk or services.is_editor(user, experience))
    )


def detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    experience = get_object_or_404(
        Experience.objects.select_related("country", "member_city", "delegation"),
        public_id=public_id,
    )
    if not _visible(request, experience):
        raise Http404(_("There is no such experience."))
    texts = {t.language: t for t in experience.texts.all()}
    wanted = request.GET.get("lang", "")[:8]
    language = translation.get_language() or settings.LANGUAGE_CODE
    text = texts.get(wanted) or texts.get(language) or texts[experience.language]
    codes = sorted(experience.tags.values_list("code", flat=True))
    editor = services.is_editor(request.user, experience)
    files = list(experience.files.all())
    return render(
        request,
        "experiences/detail.html",
        {
            "experience": experience,
            "text": text,
            "description": markdown(text.description),
            "results": markdown(text.results) if text.results else "",
            "languages": [(code, name) for code, name in settings.LANGUAGES if code in texts],
            "principles": [label(c) for c in codes if c.startswith("p") and c[1:].isdigit()],
            "areas": [label(c) for c in codes if c in dict(AREAS)],
            "populations": [label(c) for c in codes if c in dict(POPULATIONS)],
            "images": [f for f in files if f.kind == File.Kind.IMAGE],
            "documents": [f for f in files if f.kind == File.Kind.DOCUMENT],
            "editor": editor,
            "mine": request.user.is_authenticated and experience.proposer_id == request.user.pk,
            "events": experience.events.select_related("actor") if editor else [],
            "shown_in_other_language": text.language != language,
            "actions": [
                (action, name)
                for action, name in ACTIONS
                if editor and experience.stage in services.MOVES[action][0]
            ],
        },
    )


def file(request: HttpRequest, public_id: uuid.UUID, file_id: uuid.UUID) -> HttpResponseBase:
    found = get_object_or_404(
        File.objects.select_related("experience__delegation"),
        public_id=file_id,
        experience__public_id=public_id,
    )
    if not _visible(request, found.experience):
        raise Http404(_("There is no such file."))
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=found.kind == File.Kind.DOCUMENT,
        filename=found.name,
        content_type=found.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = (
        "public, max-age=3600" if found.experience.is_published else "private, no-store"
    )
    return response


def map_page(request: HttpRequest) -> HttpResponse:
    """The cities with published experiences on a map, and charts by theme, country and year:
    five queries whatever the number of experiences."""
    published = search.published()
    places = (
        published.values("country__iso_code", "member_city_id", "city_name")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    located: dict[tuple[Any, str], tuple[float, float]] = {
        (city_id, name): (latitude, longitude)
        for city_id, name, latitude, longitude in published.filter(
            latitude__isnull=False, longitude__isnull=False
        )
        .values_list("member_city_id", "city_name", "latitude", "longitude")
        .order_by()
        if latitude is not None and longitude is not None
    }
    city_names = {
        c.pk: str(c)
        for c in MemberCity.objects.filter(
            pk__in={row["member_city_id"] for row in places if row["member_city_id"]}
        ).prefetch_related("translations")
    }
    countries = {c.iso_code: str(c) for c in Country.objects.prefetch_related("translations")}
    shapes = worldmap.countries()
    with_experiences = Counter[str]()
    points = []
    for row in places:
        iso = row["country__iso_code"]
        with_experiences[iso] += row["n"]
        where = located.get((row["member_city_id"], row["city_name"]))
        lat_lon = (where[1], where[0]) if where else worldmap.centre_of(iso)
        name = city_names.get(row["member_city_id"], row["city_name"])
        x, y = worldmap.project(*lat_lon) if lat_lon else (None, None)
        points.append({"city": name, "country": countries.get(iso, iso), "iso": iso,
                       "n": row["n"], "x": x, "y": y,
                       "r": min(4 + row["n"] * 1.5, 14)})  # fmt: skip
    shaded = {worldmap.numeric_code(iso) for iso in with_experiences}
    themes = Counter(
        {
            row["tag__code"]: row["n"]
            for row in Experience.tags.through.objects.filter(experience__stage="published")
            .values("tag__code")
            .annotate(n=Count("pk"))
        }
    )
    years = dict(
        published.values_list("year_started")
        .annotate(n=Count("pk"))
        .values_list("year_started", "n")
    )

    def bars(items: list[tuple[str, str, int]]) -> list[dict[str, Any]]:
        top = max((n for _c, _l, n in items), default=0) or 1
        return [{"code": c, "label": lbl, "n": n, "width": round(100 * n / top)}
                for c, lbl, n in items]  # fmt: skip

    return render(
        request,
        "experiences/map.html",
        {
            "shapes": [{"path": s.path, "shaded": s.numeric in shaded} for s in shapes.values()],
            "has_map": bool(shapes),
            "width": worldmap.WIDTH,
            "height": worldmap.HEIGHT,
            "points": [p for p in points if p["x"] is not None],
            "places": points,
            "total": sum(with_experiences.values()),
            "by_theme": bars(
                [(c, label(c), themes[c]) for c, _n in PRINCIPLES + AREAS if themes[c]]
            ),
            "by_country": bars(
                sorted(
                    ((iso, countries.get(iso, iso), n) for iso, n in with_experiences.items()),
                    key=lambda row: -row[2],
                )
            ),
            "by_year": bars([(str(y), str(y), n) for y, n in sorted(years.items())]),
        },
    )


OPEN_DATA_FIELDS = [
    "id", "url", "language", "title", "summary", "description", "results", "city",
    "member_city", "country", "principles", "areas", "populations", "year_started", "status",
    "budget", "partners", "contact", "credit", "published_at", "translations",
]  # fmt: skip


def _open_records(request: HttpRequest) -> list[dict[str, Any]]:
    experiences = list(
        search.published()
        .select_related("country", "member_city")
        .prefetch_related(
            "member_city__translations",
            Prefetch("texts", queryset=Text.objects.order_by("language")),
            "tags",
        )
        .order_by("published_at", "pk")
    )
    records = []
    places = search.place_names(experiences)
    for e in experiences:
        texts = {t.language: t for t in e.texts.all()}
        original = texts[e.language]
        codes = sorted(t.code for t in e.tags.all())
        records.append(
            {
                "id": str(e.public_id),
                "url": request.build_absolute_uri(
                    reverse("experiences:detail", args=[e.public_id])
                ),
                "language": e.language,
                "title": original.title,
                "summary": original.summary,
                "description": original.description,
                "results": original.results,
                "city": places[e.pk][0],
                "member_city": bool(e.member_city_id),
                "country": e.country.iso_code,
                "principles": [int(c[1:]) for c in codes if c.startswith("p") and c[1:].isdigit()],
                "areas": [c for c in codes if c in dict(AREAS)],
                "populations": [c for c in codes if c in dict(POPULATIONS)],
                "year_started": e.year_started,
                "status": e.status,
                "budget": e.budget,
                "partners": e.partners,
                "contact": e.contact,
                "credit": e.credit,
                "published_at": e.published_at.isoformat() if e.published_at else None,
                "translations": {
                    lang: {"title": t.title, "summary": t.summary}
                    for lang, t in texts.items()
                    if lang != e.language
                },
            }
        )
    return records


def open_data(request: HttpRequest, format: str) -> HttpResponse:
    """Every published experience, under CC BY 4.0; nothing about the people who proposed it
    beyond the credit they chose to publish."""
    if format not in ("csv", "json"):
        raise Http404(_("Open data comes as CSV or JSON."))
    records = _open_records(request)
    if format == "json":
        response = HttpResponse(
            json.dumps(
                {"licence": LICENCE, "licence_url": LICENCE_URL, "experiences": records},
                ensure_ascii=False,
                indent=1,
            ),
            content_type="application/json; charset=utf-8",
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Link"] = f'<{LICENCE_URL}>; rel="license"'
        writer = csv.DictWriter(response, fieldnames=OPEN_DATA_FIELDS)
        writer.writeheader()
        for record in records:
            row = dict(record)
            for key in ("principles", "areas", "populations"):
                row[key] = ";".join(str(v) for v in record[key])
            row["translations"] = ";".join(sorted(record["translations"]))
            writer.writerow(row)
        response["Content-Disposition"] = 'attachment; filename="aula-experiences.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


class LatestFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Aula: new experiences of educating cities")
    subtitle = gettext_lazy("The latest experiences published in the bank.")

    def link(self) -> str:
        return reverse("experiences:bank")

    def items(self) -> list[dict[str, Any]]:
        latest = list(_listing().order_by("-published_at", "-pk")[:30])
        return _rows(latest)

    def item_title(self, item: dict[str, Any]) -> str:
        text = item["text"]
        return f"{text.title} ({item['city']})" if text else ""

    def item_description(self, item: dict[str, Any]) -> str:
        return item["text"].summary if item["text"] else ""

    def item_link(self, item: dict[str, Any]) -> str:
        return reverse("experiences:detail", args=[item["experience"].public_id])

    def item_pubdate(self, item: dict[str, Any]) -> Any:
        return item["experience"].published_at

    def item_updateddate(self, item: dict[str, Any]) -> Any:
        return item["experience"].updated_at


def _submit_form(
    request: HttpRequest, form: ExperienceForm, act: Any, success: str
) -> HttpResponse | None:
    if not form.is_valid():
        return None
    try:
        experience = act(form)
    except NotAllowed as error:
        form.add_error(None, error.messages)
        return None
    except ValidationError as error:
        form.take(error)
        return None
    messages.success(request, success)
    return redirect("experiences:detail", experience.public_id)


@login_required
def propose(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not services.can_propose(user):
        raise Http404(_("Only people of member cities and delegation staff propose experiences."))
    form = ExperienceForm(
        request.POST or None,
        request.FILES or None,
        user=user,
        initial={"language": translation.get_language(), "member_city": user.member_city},
    )
    if request.method == "POST":
        done = _submit_form(
            request,
            form,
            lambda f: services.propose(
                by=user,
                facts=f.facts(),
                story=f.story(),
                consent=f.cleaned_data.get("consent", False),
                uploads=request.FILES.getlist("uploads"),
            ),
            _("Thank you: the editors of your delegation will review it."),
        )
        if done:
            return done
    return render(
        request, "experiences/form.html", {"form": form, "heading": _("Propose an experience")}
    )


@login_required
def propose_from(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """An accepted plan becomes an experience: its learner chooses what is published."""
    user = _user(request)
    submission = get_object_or_404(
        Submission.objects.select_related("enrollment__cohort", "lesson"), public_id=public_id
    )
    try:
        services.proposable_submission(user, submission)
    except NotAllowed as error:
        raise Http404(" ".join(error.messages)) from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("experiences:mine")
    existing = Experience.objects.filter(submission=submission).first()
    if existing is not None:
        return redirect("experiences:detail", existing.public_id)
    story = services.story_from_submission(submission)
    form = ExperienceForm(
        request.POST or None,
        user=user,
        initial={
            "language": story.language,
            "title": story.title,
            "summary": story.summary,
            "description": story.description,
            "member_city": user.member_city,
        },
    )
    form.fields["member_city"].queryset = MemberCity.objects.filter(  # type: ignore[attr-defined]
        delegation=submission.enrollment.cohort.delegation
    )
    form.fields["country"].queryset = Country.objects.filter(  # type: ignore[attr-defined]
        delegation=submission.enrollment.cohort.delegation
    )
    if request.method == "POST":
        done = _submit_form(
            request,
            form,
            lambda f: services.propose_from_submission(
                by=user,
                submission=submission,
                facts=f.facts(),
                story=f.story(),
                consent=f.cleaned_data.get("consent", False),
            ),
            _("Thank you: the editors of your delegation will review it."),
        )
        if done:
            return done
    return render(
        request,
        "experiences/form.html",
        {"form": form, "heading": _("Propose your plan as an experience"),
         "from_plan": True},
    )  # fmt: skip


@login_required
def edit(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    experience = get_object_or_404(Experience, public_id=public_id)
    editor = services.is_editor(user, experience)
    if not editor and experience.proposer_id != user.pk:
        raise Http404(_("There is no such experience."))
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = experience.language
    form = ExperienceForm(
        request.POST or None,
        request.FILES or None,
        user=user,
        asks_consent=False,
        initial=initial_for(experience, language),
    )
    if not editor and experience.proposer and experience.member_city_id:
        form.fields["member_city"].queryset = MemberCity.objects.filter(  # type: ignore[attr-defined]
            delegation=experience.delegation
        )
    if request.method == "POST":
        done = _submit_form(
            request,
            form,
            lambda f: services.edit(
                by=user,
                experience=experience,
                facts=f.facts(),
                story=f.story(),
                uploads=request.FILES.getlist("uploads"),
            ),
            _("Your changes are saved."),
        )
        if done:
            return done
    return render(
        request,
        "experiences/form.html",
        {"form": form, "heading": _("Edit the experience"), "experience": experience},
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    experiences = list(
        Experience.objects.filter(proposer=user)
        .select_related("country", "member_city")
        .prefetch_related("member_city__translations", "country__translations")
        .order_by("-created_at")
    )
    accepted = Submission.objects.filter(
        enrollment__learner=user, status=Submission.Status.ACCEPTED, experience__isnull=True
    ).select_related("lesson", "enrollment__cohort")
    return render(
        request,
        "experiences/mine.html",
        {"rows": _rows(experiences), "plans": accepted, "can_propose": services.can_propose(user)},
    )


@login_required
def editorial(request: HttpRequest) -> HttpResponse:
    """Editors' queue: their delegations' experiences by stage; constant queries."""
    user = _user(request)
    delegations = access.coordinated_delegation_ids(user)
    if not delegations and not access.is_site_admin(user):
        raise Http404(_("The editors of a delegation review its experiences."))
    found = Experience.objects.all()
    if not access.is_site_admin(user):
        found = found.filter(delegation__in=delegations)
    counts = dict(found.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    stage = request.GET.get("stage", Experience.Stage.PROPOSED)
    if stage in Experience.Stage.values:
        found = found.filter(stage=stage)
    experiences = list(
        found.select_related("country", "member_city", "proposer")
        .prefetch_related("member_city__translations", "country__translations")
        .order_by("created_at")[:500]
    )
    return render(
        request,
        "experiences/editorial.html",
        {
            "rows": _rows(experiences),
            "stage": stage,
            "stages": [(v, n, counts.get(v, 0)) for v, n in Experience.Stage.choices],
        },
    )


@login_required
@require_POST
def decide(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    experience = get_object_or_404(Experience, public_id=public_id)
    try:
        services.decide(
            by=user,
            experience=experience,
            action=request.POST.get("action", ""),
            note=request.POST.get("note", ""),
        )
        messages.success(request, _("Done."))
    except NotAllowed as error:
        raise Http404(" ".join(error.messages)) from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("experiences:detail", experience.public_id)
