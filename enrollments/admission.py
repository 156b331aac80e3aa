"""Balanced admission: filling an edition's or activity's seats from its applicants so that
women and men are balanced and no country or city takes more than its share.

The network's action plan asks every activity for a balance between women and men and a
diversity of origins. `select` is the rule, a pure function over applicants in order of
application; `plan_for` reads a cohort's applicants in constant queries and `confirm` admits
the organiser's (possibly adjusted) list under the cohort's lock, so two organisers clicking
at once never admit more than the seats.

The rule, in words (also on the admission page):
- seats go in order of application within each group;
- while both women and men are waiting, the next seat goes to whichever of the two has fewer
  seats so far (people who describe themselves otherwise or did not answer keep their place in
  the order and are never guessed into either group);
- nobody is admitted from a country that already has its share of the seats (at least one
  seat per country, so a small activity can still take anyone), nor from a member city that
  already has its number of people. Applicants outside member cities have no known country or
  city, and no cap applies to them.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Gender, User
from courses.models import Cohort
from enrollments import tasks
from enrollments.errors import Conflict
from enrollments.models import Enrollment

WOMEN = Gender.WOMAN.value
MEN = Gender.MAN.value
OTHER = "other"


@dataclass(frozen=True)
class Applicant:
    enrollment_id: int
    applied_at: datetime.datetime
    gender: str  # WOMEN, MEN or OTHER (another description, or no answer)
    country: str  # a country's name, "" when unknown
    city: str  # a member city's name, "" when not a member city

    @classmethod
    def group_of(cls, gender: str) -> str:
        return gender if gender in (WOMEN, MEN) else OTHER


@dataclass
class Seats:
    """Who already holds a seat, by group, when the round starts."""

    genders: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    cities: Counter[str] = field(default_factory=Counter)


@dataclass
class Selection:
    admitted: list[Applicant]
    # Applicants the share rules kept out, with the rule: "country" or "city".
    kept_out: list[tuple[Applicant, str]]
    free: int
    country_limit: int | None
    city_limit: int | None

    @property
    def unfilled(self) -> int:
        return self.free - len(self.admitted)


def country_limit(*, share: int | None, seats: int) -> int | None:
    if share is None:
        return None
    return max(1, math.floor(seats * share / 100))


def select(
    applicants: Sequence[Applicant],
    *,
    free: int,
    seats: int,
    held: Seats | None = None,
    max_country_share: int | None = None,
    max_per_city: int | None = None,
) -> Selection:
    """Who gets the `free` seats (of `seats` in all), by the rule in this module's docstring."""
    held = held or Seats()
    genders, countries, cities = (
        Counter(held.genders),
        Counter(held.countries),
        Counter(held.cities),
    )
    by_country = country_limit(share=max_country_share, seats=seats)
    queues: dict[str, list[Applicant]] = {WOMEN: [], MEN: [], OTHER: []}
    for applicant in sorted(applicants, key=lambda a: (a.applied_at, a.enrollment_id)):
        queues[Applicant.group_of(applicant.gender)].append(applicant)
    heads = dict.fromkeys(queues, 0)
    admitted: list[Applicant] = []
    kept_out: list[tuple[Applicant, str]] = []

    def head(group: str) -> Applicant | None:
        # The first in the group the share rules still allow; those they do not are kept out
        # for good in this round (counts only grow).
        queue = queues[group]
        while heads[group] < len(queue):
            applicant = queue[heads[group]]
            rule = ""
            if by_country is not None and countries[applicant.country] >= by_country:
                rule = "country" if applicant.country else ""
            if not rule and max_per_city is not None and cities[applicant.city] >= max_per_city:
                rule = "city" if applicant.city else ""
            if not rule:
                return applicant
            kept_out.append((applicant, rule))
            heads[group] += 1
        return None

    while len(admitted) < free:
        candidates = {group: head(group) for group in queues}
        women, men = candidates[WOMEN], candidates[MEN]
        if women is not None and men is not None:
            if genders[WOMEN] < genders[MEN]:
                candidates[MEN] = None
            elif genders[MEN] < genders[WOMEN]:
                candidates[WOMEN] = None
        waiting = [a for a in candidates.values() if a is not None]
        if not waiting:
            break
        chosen = min(waiting, key=lambda a: (a.applied_at, a.enrollment_id))
        group = Applicant.group_of(chosen.gender)
        heads[group] += 1
        admitted.append(chosen)
        genders[group] += 1
        if chosen.country:
            countries[chosen.country] += 1
        if chosen.city:
            cities[chosen.city] += 1
    return Selection(
        admitted=admitted,
        kept_out=kept_out,
        free=free,
        country_limit=by_country,
        city_limit=max_per_city,
    )


# Reading a cohort ------------------------------------------------------------------------

_FIELDS = (
    "pk",
    "waitlisted_at",
    "learner__gender",
    "learner__member_city_id",
    "learner__member_city__country__iso_code",
)


class _Names:
    """Country and city names for the rows read, in two queries whatever their number."""

    def __init__(self, rows: Sequence[Mapping[str, Any]]) -> None:
        from accounts.models import Country, MemberCity

        city_ids = {row["learner__member_city_id"] for row in rows} - {None}
        self.countries = {
            c.iso_code: str(c) for c in Country.objects.prefetch_related("translations")
        }
        self.cities = {
            c.pk: str(c)
            for c in MemberCity.objects.filter(pk__in=city_ids).prefetch_related("translations")
        }

    def country(self, row: Mapping[str, Any]) -> str:
        iso = row["learner__member_city__country__iso_code"] or ""
        return self.countries.get(iso, iso)

    def city(self, row: Mapping[str, Any]) -> str:
        city_id = row["learner__member_city_id"]
        return self.cities.get(city_id, "") if city_id else ""


def _applicant(row: dict[str, Any], names: _Names) -> Applicant:
    return Applicant(
        enrollment_id=int(row["pk"]),
        applied_at=row["waitlisted_at"] or timezone.now(),
        gender=Applicant.group_of(str(row["learner__gender"] or "")),
        country=names.country(row),
        city=names.city(row),
    )


@dataclass
class Plan:
    cohort: Cohort
    applicants: list[Applicant]
    selection: Selection

    @property
    def reasons(self) -> list[str]:
        return explain(self.selection)

    def balance(self, people: Iterable[Applicant]) -> dict[str, Counter[str]]:
        people = list(people)
        return {
            "genders": Counter(a.gender for a in people),
            "countries": Counter(a.country or "" for a in people),
            "cities": Counter(a.city or "" for a in people),
        }


def plan_for(cohort: Cohort) -> Plan:
    """The admission the rule proposes for `cohort` now: a fixed number of queries."""
    rows = list(
        Enrollment.objects.filter(cohort=cohort, status=Enrollment.Status.WAITLISTED)
        .order_by("waitlisted_at", "pk")
        .values(*_FIELDS)
    )
    holding = list(
        Enrollment.objects.filter(cohort=cohort)
        .active()
        .values(
            "learner__gender",
            "learner__member_city_id",
            "learner__member_city__country__iso_code",
        )
        .annotate(n=Count("pk"))
    )
    names = _Names(rows + holding)
    applicants = [_applicant(row, names) for row in rows]
    held = Seats()
    taken = 0
    for row in holding:
        n = row["n"]
        taken += n
        held.genders[Applicant.group_of(row["learner__gender"] or "")] += n
        if country := names.country(row):
            held.countries[country] += n
        if city := names.city(row):
            held.cities[city] += n
    seats = cohort.capacity if cohort.capacity is not None else taken + len(applicants)
    selection = select(
        applicants,
        free=max(seats - taken, 0),
        seats=seats,
        held=held,
        max_country_share=cohort.max_country_share,
        max_per_city=cohort.max_per_city,
    )
    return Plan(cohort=cohort, applicants=applicants, selection=selection)


def explain(selection: Selection) -> list[str]:
    """Why seats stay empty, in the reader's language: one sentence per cause."""
    if selection.unfilled <= 0:
        return []
    reasons = []
    countries = sorted({a.country for a, rule in selection.kept_out if rule == "country"})
    cities = sorted({a.city for a, rule in selection.kept_out if rule == "city"})
    if countries:
        reasons.append(
            ngettext(
                "%(n)d seat stays empty: the remaining applicants come from countries that "
                "already have their share of %(limit)d people (%(countries)s).",
                "%(n)d seats stay empty: the remaining applicants come from countries that "
                "already have their share of %(limit)d people (%(countries)s).",
                selection.unfilled,
            )
            % {
                "n": selection.unfilled,
                "countries": ", ".join(countries),
                "limit": selection.country_limit or 0,
            }
        )
    if cities:
        reasons.append(
            ngettext(
                "%(n)d seat stays empty: the remaining applicants come from cities that "
                "already have %(limit)d people (%(cities)s).",
                "%(n)d seats stay empty: the remaining applicants come from cities that "
                "already have %(limit)d people (%(cities)s).",
                selection.unfilled,
            )
            % {
                "n": selection.unfilled,
                "cities": ", ".join(cities),
                "limit": selection.city_limit or 0,
            }
        )
    if not reasons:
        reasons.append(
            ngettext(
                "%(n)d seat stays empty: there are fewer applicants than seats.",
                "%(n)d seats stay empty: there are fewer applicants than seats.",
                selection.unfilled,
            )
            % {"n": selection.unfilled}
        )
    return reasons


@transaction.atomic
def confirm(*, cohort: Cohort, enrollment_ids: Iterable[int], by: User) -> list[Enrollment]:
    """Admits the chosen applicants (the proposed list, or the organiser's adjustment of it)
    and tells everyone: admitted, or still on the waiting list. Sending the same list again
    admits nobody twice; more people than free seats is refused and nothing changes."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    chosen = set(enrollment_ids)
    waiting = list(
        Enrollment.objects.select_for_update()
        .filter(cohort=cohort, status=Enrollment.Status.WAITLISTED)
        .order_by("waitlisted_at", "pk")
    )
    known = {e.pk for e in waiting}
    already = set(
        Enrollment.objects.filter(cohort=cohort, pk__in=chosen - known)
        .active()
        .values_list("pk", flat=True)
    )
    strangers = chosen - known - already
    if strangers:
        raise Conflict(
            _("Some of the people chosen are not on this waiting list any more: reload the page."),
            code="not_waitlisted",
        )
    to_admit = [e for e in waiting if e.pk in chosen]
    if cohort.capacity is not None:
        taken = Enrollment.objects.filter(cohort=cohort).active().count()
        free = max(cohort.capacity - taken, 0)
        if len(to_admit) > free:
            raise Conflict(
                ngettext(
                    "Only %(free)d seat is free and %(chosen)d people were chosen.",
                    "Only %(free)d seats are free and %(chosen)d people were chosen.",
                    free,
                )
                % {"free": free, "chosen": len(to_admit)},
                code="cohort_full",
            )
    now = timezone.now()
    for enrollment in to_admit:
        enrollment.status = Enrollment.Status.ACTIVE
        enrollment.enrolled_at = now
    Enrollment.objects.bulk_update(to_admit, ["status", "enrolled_at"])
    first_round = cohort.selection_done_at is None
    if first_round:
        Cohort.objects.filter(pk=cohort.pk).update(selection_done_at=now)
    for enrollment in to_admit:
        tasks.send_admitted_email.delay_on_commit(enrollment.pk)
    # Those left waiting hear it once, when the seats are first given out.
    still_waiting = [e.pk for e in waiting if e.pk not in chosen]
    if to_admit and first_round and still_waiting:
        tasks.send_still_waiting_emails.delay_on_commit(still_waiting)
    return to_admit


@transaction.atomic
def close_waiting_list(*, cohort: Cohort, by: User) -> int:
    """Tells everyone still waiting that they were not admitted (withdrawing their
    application), once the organisers have admitted. Run again, it tells nobody twice."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if cohort.selection_done_at is None:
        raise Conflict(
            _("Admit people first: the waiting list closes after the seats are given."),
            code="not_admitted_yet",
        )
    waiting = list(
        Enrollment.objects.filter(cohort=cohort, status=Enrollment.Status.WAITLISTED).values_list(
            "pk", flat=True
        )
    )
    Enrollment.objects.filter(pk__in=waiting).update(
        status=Enrollment.Status.WITHDRAWN, withdrawn_at=timezone.now()
    )
    if waiting:
        tasks.send_not_admitted_emails.delay_on_commit(waiting)
    return len(waiting)


def promote_by_rule(*, cohort: Cohort) -> list[int]:
    """The applicants the rule gives freed seats to (called under the cohort's lock)."""
    return [a.enrollment_id for a in plan_for(cohort).selection.admitted]
