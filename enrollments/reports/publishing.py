"""Suppression applied to a report's raw counts: a cohort's own, or those over several cohorts,
checked against each cohort's own published figures."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Concat
from django.utils.translation import gettext as _

from accounts.models import User
from enrollments.reports.figures import RANK, Funnel, Group, Table
from enrollments.reports.suppression import (
    Breakdown,
    Cell,
    Kind,
    Pair,
    Part,
    breakdown,
    count,
    paired_breakdown,
    unpublished,
)

K = TypeVar("K")

NOT_STATED = ""
OTHER_ANSWERS = "*"  # the pool of gender answers given by too few people to show them
OFFERED = "@"  # before the code of an answer the form offers (accounts.models.Gender)
STAGES = ("invited", "applied", "enrolled", "active", "completed", "certified")


@dataclass
class Counts:
    """Raw figures of one cohort, or over several (then people are counted once)."""

    invited: int = 0
    applied: int = 0
    enrolled: int = 0
    active: int = 0
    completed: int = 0
    certified: int = 0
    median: datetime.timedelta | None = None
    people: int = 0
    people_completed: int = 0
    weeks: dict[datetime.date, int] = field(default_factory=dict)
    # activity id → people with a score, number of scores, sum of the scores
    scores: dict[int, tuple[int, int, Decimal]] = field(default_factory=dict)
    # assignment (block id) → people who handed it in; people whose work was accepted
    handed_in: dict[str, int] = field(default_factory=dict)
    accepted: dict[str, int] = field(default_factory=dict)
    # assignment → people with rubric points on accepted work, number of reviews, their sum
    points: dict[str, tuple[int, int, Decimal]] = field(default_factory=dict)
    # (country id or 0, city id or 0) → enrolled, completed
    places: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    genders: dict[str, tuple[int, int]] = field(default_factory=dict)


def consented_gender(person: str) -> Case:
    """A person's gender answer as reports count it, `person` being the path to the user
    ("learner__", "author__"…). Kept only with consent (a check constraint says so); asked
    again here all the same. An offered answer reads as its code after OFFERED ("@woman"),
    shown translated; answers in people's own words are shown as written."""
    return Case(
        When(
            **{
                f"{person}gender_consent_at__isnull": False,
                f"{person}gender__in": ["woman", "man"],
            },
            then=Concat(Value(OFFERED), F(f"{person}gender")),
        ),
        When(
            **{f"{person}gender_consent_at__isnull": False},
            then=F(f"{person}gender_self_described"),
        ),
        default=Value(NOT_STATED),
        output_field=CharField(),
    )


def add(target: dict[Any, tuple[int, int]], key: Any, enrolled: int, completed: int) -> None:
    before = target.get(key, (0, 0))
    target[key] = (before[0] + enrolled, before[1] + completed)


def normalised_gender(text: str) -> str:
    # Lower-cased here rather than in the database: SQLite's lower() knows only ASCII.
    return text if text.startswith(OFFERED) else text.strip().lower()


def pool_genders(
    genders: Mapping[str, tuple[int, int]], k: int
) -> tuple[dict[str, tuple[int, int]], bool]:
    """Answers given by fewer than k people are counted together: a rare answer, even shown as
    "<5", could tell who gave it."""
    pooled: dict[str, tuple[int, int]] = {}
    any_pooled = False
    for answer, (enrolled, completed) in genders.items():
        if answer != NOT_STATED and enrolled < k:
            add(pooled, OTHER_ANSWERS, enrolled, completed)
            any_pooled = True
        else:
            add(pooled, answer, enrolled, completed)
    return pooled, any_pooled


def gender_label(answer: str) -> str:
    if answer == NOT_STATED:
        return _("not stated")
    if answer == OTHER_ANSWERS:
        return _("other answers")
    if answer == OFFERED + "woman":
        return _("women")
    if answer == OFFERED + "man":
        return _("men")
    # Answers are pooled in lower case; shown as people would write them.
    return answer[:1].upper() + answer[1:]


def rate(completed: Cell, enrolled: Cell) -> float | None:
    if completed.value is None or not enrolled.value:
        return None
    return completed.value / enrolled.value


@dataclass
class Published:
    """A cohort's (or several cohorts') suppressed figures; a cohort's serve as a part of
    the figures over several."""

    funnel: Funnel
    people: Cell
    people_completed: Cell
    weeks: Breakdown[datetime.date]
    scores: Breakdown[int]
    averages: dict[int, float | None]
    handed_in: Breakdown[str]
    accepted: Breakdown[str]
    average_points: dict[str, float | None]
    countries: Pair[int]
    # Cities of each country listed; None where the country's own figures are hidden.
    cities: dict[int, Pair[int] | None]
    positions: Pair[str]
    genders: Pair[str]
    pooled_genders: bool

    def city_parts(self, country: int) -> tuple[Part[int], Part[int]]:
        if self.countries.withheld:
            return unpublished(), unpublished()
        if country not in self.cities:
            # Nobody from that country: every city of it is a known 0.
            return Part({}), Part({})
        return _pair_parts(self.cities[country])


def publish(
    counts: Counts, *, k: int, within: Sequence[tuple[Counts, Published]] = ()
) -> Published:
    """Suppresses a cohort's figures or, with `within` (each cohort's counts and published
    figures), the figures over those cohorts."""
    parts = [published for _counts, published in within]
    raw = [part_counts for part_counts, _published in within]
    if parts:
        stages = {
            stage: _linked(
                getattr(counts, stage), k=k, parts=[getattr(p.funnel, stage) for p in parts]
            )
            for stage in STAGES
        }
        # People counted once are linked to each cohort's own count too: beside a cohort's
        # "<5", a total of 41 and another cohort's 40 gave the hidden one away. The reader is
        # assumed to know who is in several cohorts (the overlap).
        people = _linked(
            counts.people,
            k=k,
            parts=[p.people for p in parts],
            overlap=sum(r.people for r in raw) - counts.people,
        )
        people_completed = _linked(
            counts.people_completed,
            k=k,
            parts=[p.people_completed for p in parts],
            overlap=sum(r.people_completed for r in raw) - counts.people_completed,
        )
    else:
        stages = {stage: count(getattr(counts, stage), min_cell=k) for stage in STAGES}
        people, people_completed = stages["enrolled"], stages["completed"]
    funnel = Funnel(
        invited=stages["invited"],
        applied=stages["applied"],
        enrolled=stages["enrolled"],
        active=stages["active"],
        completed=stages["completed"],
        certified=stages["certified"],
        completion_rate=rate(stages["completed"], stages["enrolled"]),
        median_days=(
            round(counts.median.total_seconds() / 86400, 1)
            if counts.median is not None and stages["completed"].value
            else None
        ),
    )
    weeks = breakdown(
        counts.weeks,
        min_cell=k,
        total_published=False,
        parts=[p.weeks.as_part() for p in parts],
        overlap=_overlap(counts.weeks, [r.weeks for r in raw]),
    )
    scored = {activity: people for activity, (people, _n, _t) in counts.scores.items()}
    scores = breakdown(
        scored,
        min_cell=k,
        total_published=False,
        parts=[p.scores.as_part() for p in parts],
        overlap=_overlap(scored, [{a: s[0] for a, s in r.scores.items()} for r in raw]),
    )
    averages = {
        activity: _average(
            activity, counts.scores, scores, [(c.scores, p.scores) for c, p in within], k
        )
        for activity in counts.scores
    }
    # Assignments are not a partition of people (one hands in several): no total is published.
    handed_in, accepted = (
        breakdown(
            values,
            min_cell=k,
            total_published=False,
            parts=[getattr(p, name).as_part() for p in parts],
            overlap=_overlap(values, [getattr(r, name) for r in raw]),
        )
        for name, values in (("handed_in", counts.handed_in), ("accepted", counts.accepted))
    )
    # Rubric points: only with k people or more with points, whatever the accepted count.
    average_points = {
        key: _average(
            key, counts.points, accepted, [(c.points, p.accepted) for c, p in within], k, least=k
        )
        for key in counts.points
    }

    places = _by_country(counts)
    raw_places = [_by_country(r) for r in raw]
    countries = _pair(
        _country_totals(places),
        k=k,
        enrolled=people,
        completed=people_completed,
        parts=[_pair_parts(p.countries) for p in parts],
        part_values=[_country_totals(r) for r in raw_places],
    )
    cities: dict[int, Pair[int] | None] = {}
    for country, enrolled_cell, completed_cell in countries.rows():
        # Cities add up to their country: shown only where the country's figures are.
        if country == 0 or enrolled_cell.value is None or completed_cell.value is None:
            cities[country] = None
            continue
        cities[country] = _pair(
            places[country],
            k=k,
            enrolled=enrolled_cell,
            completed=completed_cell,
            parts=[p.city_parts(country) for p in parts],
            part_values=[r.get(country, {}) for r in raw_places],
        )
    genders, pooled = pool_genders(counts.genders, k)
    return Published(
        funnel=funnel,
        people=people,
        people_completed=people_completed,
        weeks=weeks,
        scores=scores,
        averages=averages,
        handed_in=handed_in,
        accepted=accepted,
        average_points=average_points,
        countries=countries,
        cities=cities,
        positions=_pair(
            counts.positions,
            k=k,
            enrolled=people,
            completed=people_completed,
            parts=[_pair_parts(p.positions) for p in parts],
            part_values=[r.positions for r in raw],
        ),
        genders=_pair(
            genders,
            k=k,
            enrolled=people,
            completed=people_completed,
            parts=[
                # A cohort's pool holds other answers than ours: its size tells nothing here.
                _pair_parts(
                    p.genders,
                    otherwise=(0, k - 1) if p.pooled_genders else (0, 0),
                    unknown=[OTHER_ANSWERS],
                )
                for p in parts
            ],
            part_values=[r.genders for r in raw],
        ),
        pooled_genders=pooled,
    )


Sums = Mapping[K, tuple[int, int, Decimal]]  # key → people, number of values, their total


def _average(
    key: K,
    sums: Sums[K],
    shown: Breakdown[K],
    parts: Sequence[tuple[Sums[K], Breakdown[K]]],
    k: int,
    *,
    least: int = 1,
) -> float | None:
    """The mean of `sums[key]`, shown only where its people's cell is shown and they are
    `least` or more. Beside the cohorts' own averages, an overall one gives away the average of
    the cohorts whose figures are hidden, taken together: shown only if those are not 1 to k-1
    people (`parts`: each cohort's sums and published cells)."""
    people, n, total = sums[key]
    cell = shown.cells.get(key)
    if cell is None or not cell.value or not n or people < least:
        return None
    hidden_people = sum(
        part.get(key, (0, 0, Decimal(0)))[0]
        for part, published in parts
        if _is_hidden(published, key)
    )
    if 0 < hidden_people < k:
        return None
    return float(total / n)


def _is_hidden(published: Breakdown[K], key: K) -> bool:
    cell = published.cells.get(key)
    return published.withheld or (cell is not None and cell.is_suppressed)


def _pair(
    values: Mapping[K, tuple[int, int]],
    *,
    k: int,
    enrolled: Cell,
    completed: Cell,
    parts: Sequence[tuple[Part[K], Part[K]]] = (),
    part_values: Sequence[Mapping[K, tuple[int, int]]] = (),
) -> Pair[K]:
    first = {key: e for key, (e, _c) in values.items()}
    second = {key: c for key, (_e, c) in values.items()}
    return paired_breakdown(
        first,
        second,
        min_cell=k,
        enrolled_total=enrolled,
        completed_total=completed,
        enrolled_parts=[e for e, _c in parts],
        completed_parts=[c for _e, c in parts],
        enrolled_overlap=_overlap(first, [{g: e for g, (e, _c) in v.items()} for v in part_values]),
        completed_overlap=_overlap(
            second, [{g: c for g, (_e, c) in v.items()} for v in part_values]
        ),
    )


def _overlap(whole: Mapping[K, int], parts: Sequence[Mapping[K, int]]) -> dict[K, int]:
    """People counted in more than one part: the parts add up to the whole plus these. (None
    for a group the parts do not count, such as the pool of rare gender answers.)"""
    if not parts:
        return {}
    return {key: max(0, sum(part.get(key, 0) for part in parts) - n) for key, n in whole.items()}


def _by_country(counts: Counts) -> dict[int, dict[int, tuple[int, int]]]:
    places: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    for (country, city), (enrolled, completed) in counts.places.items():
        add(places[country], city, enrolled, completed)
    return places


def _country_totals(
    places: Mapping[int, Mapping[int, tuple[int, int]]],
) -> dict[int, tuple[int, int]]:
    return {
        country: (sum(e for e, _c in cities.values()), sum(c for _e, c in cities.values()))
        for country, cities in places.items()
    }


def _pair_parts(pair: Pair[K] | None, **kwargs: Any) -> tuple[Part[K], Part[K]]:
    if pair is None:
        return unpublished(), unpublished()
    return pair.enrolled.as_part(**kwargs), pair.completed.as_part(**kwargs)


def _linked(n: int, *, k: int, parts: Sequence[Cell], overlap: int = 0) -> Cell:
    """A sum over cohorts, published beside each cohort's own figure; `overlap`: how many
    more the parts count than `n` (people in several cohorts, counted once in `n`)."""
    linked = breakdown(
        {0: n},
        min_cell=k,
        total_published=False,
        parts=[Part({0: cell}) for cell in parts],
        overlap={0: max(0, overlap)},
    )
    return linked.cells[0] if not linked.withheld else Cell(Kind.WITHHELD, k)


# Tables ----------------------------------------------------------------------------------------


@dataclass
class Names:
    """Names in the active language of what the counts refer to by id."""

    countries: dict[int, tuple[str, str]]  # id → name, ISO code
    cities: dict[int, tuple[str, str]]  # id → name, public id


def _groups(pair: Pair[K], describe: Callable[[K], tuple[str, str]]) -> list[Group]:
    """Rows with figures first, largest first, then hidden ones by name."""
    groups = []
    for key, enrolled, completed in pair.rows():
        group_key, label = describe(key)
        groups.append(Group(group_key, label, enrolled, completed))
    return sorted(
        groups,
        key=lambda g: (RANK[g.enrolled.kind], -(g.enrolled.value or 0), g.label.casefold()),
    )


def tables(published: Published, names: Names) -> list[Table]:
    positions = dict(User.Position.choices)

    def country(key: int) -> tuple[str, str]:
        if not key:
            return ("", _("Not stated"))
        name, iso = names.countries.get(key, ("", ""))
        return (iso, name)

    city_groups: list[Group] = []
    cities_hidden = False
    for country_key, pair in published.cities.items():
        if country_key == 0:
            continue
        if pair is None or pair.withheld:
            cities_hidden = True
            continue
        country_name = names.countries.get(country_key, ("", ""))[0]

        def city(key: int, country_name: str = country_name) -> tuple[str, str]:
            if not key:
                return ("", _("%(country)s, city not stated") % {"country": country_name})
            name, public_id = names.cities.get(key, ("", ""))
            return (public_id, f"{name} · {country_name}")

        city_groups.extend(_groups(pair, city))
    too_small = _("The groups are too small to show without giving someone away.")
    return [
        Table(
            "country",
            _("By country"),
            _groups(published.countries, country),
            published.countries.withheld,
            too_small if published.countries.withheld else "",
        ),
        Table(
            "city",
            _("By city"),
            city_groups,
            published.countries.withheld,
            _("Cities are shown only in countries whose own figures are shown.")
            if cities_hidden
            else "",
        ),
        Table(
            "position",
            _("By position"),
            _groups(published.positions, lambda key: (key, str(positions.get(key, key)))),
            published.positions.withheld,
            too_small if published.positions.withheld else "",
        ),
        Table(
            "gender",
            _("By gender (self-described)"),
            _groups(published.genders, lambda key: (key, gender_label(key))),
            published.genders.withheld,
            too_small
            if published.genders.withheld
            else _("Answers given by fewer than %(n)d people are counted together.")
            % {"n": published.people.min_cell},
        ),
    ]
