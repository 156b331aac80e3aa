"""What reports hold: plain dataclasses whose counts of people are already suppressed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from enrollments.reports.suppression import Cell, Kind

# Hidden rows are listed after the shown ones, by name: their order must not tell their size.
RANK = {Kind.EXACT: 0, Kind.HIDDEN: 1, Kind.SMALL: 2, Kind.WITHHELD: 3}


@dataclass(frozen=True)
class Funnel:
    invited: Cell
    # Asked for a seat: enrolled, on the waiting list, or not admitted.
    applied: Cell
    enrolled: Cell
    active: Cell
    completed: Cell
    certified: Cell
    # Completed over enrolled, when both are shown; days from enrolment to completion, when at
    # least min_cell people completed.
    completion_rate: float | None
    median_days: float | None
    # A network activity's (seminar, visit…): a seat is an admission, completing is attending,
    # and there is no lesson to open.
    of_activities: bool = False

    def stages(self) -> list[tuple[str, str, Cell]]:
        if self.of_activities:
            return [
                ("invited", _("Invited"), self.invited),
                ("applied", pgettext("people who", "Applied"), self.applied),
                ("enrolled", _("Admitted"), self.enrolled),
                ("completed", _("Attended"), self.completed),
                ("certified", _("Certified"), self.certified),
            ]
        return [
            ("invited", _("Invited"), self.invited),
            ("applied", pgettext("people who", "Applied"), self.applied),
            ("enrolled", _("Enrolled"), self.enrolled),
            ("active", _("Active"), self.active),
            ("completed", _("Completed"), self.completed),
            ("certified", _("Certified"), self.certified),
        ]


@dataclass(frozen=True)
class Week:
    starts_on: datetime.date
    active: Cell

    @property
    def label(self) -> str:
        year, week, _day = self.starts_on.isocalendar()
        return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class ActivityScore:
    key: str
    title: str
    people: Cell
    # The mean of each learner's best scaled score (0 to 1), shown when `people` is.
    average: float | None


@dataclass(frozen=True)
class AssignmentFigure:
    """Work handed in for one assignment of the course: people who handed it in, people whose
    work the trainers accepted, and the mean rubric points of the accepted work (shown when
    `accepted` is)."""

    key: str
    title: str
    handed_in: Cell
    accepted: Cell
    average_points: float | None


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    enrolled: Cell
    completed: Cell


@dataclass(frozen=True)
class Table:
    dimension: str
    title: str
    groups: list[Group]
    withheld: bool
    note: str = ""


@dataclass(frozen=True)
class CohortSummary:
    public_id: str
    title: str
    course_code: str
    delegation_code: str
    starts_on: datetime.date
    ends_on: datetime.date
    funnel: Funnel


@dataclass(frozen=True)
class Report:
    min_cell: int
    cohorts: list[CohortSummary]
    # Over several cohorts, the funnel adds up enrolments; `people` counts each person once,
    # and is the total of the tables.
    funnel: Funnel
    people: Cell
    people_completed: Cell
    weeks: list[Week]
    scores: list[ActivityScore]
    tables: list[Table]
    assignments: list[AssignmentFigure] = field(default_factory=list)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    # Every cohort reported is a network activity's: tables say admitted and attended.
    of_activities: bool = False

    @property
    def group_headings(self) -> tuple[str, str]:
        if self.of_activities:
            return (_("Admitted"), _("Attended"))
        return (_("Enrolled"), _("Completed"))

    @property
    def small_mark(self) -> str:
        return f"<{self.min_cell}"

    @property
    def hidden_mark(self) -> str:
        return f"≥{self.min_cell}"

    def table(self, dimension: str) -> Table:
        return next(table for table in self.tables if table.dimension == dimension)


@dataclass(frozen=True)
class GenderShare:
    label: str
    people: Cell
    percent: int | None


@dataclass(frozen=True)
class ActivityFigure:
    """Open figures of the network's activities in a year: how many were held, the people who
    took part (each counted once), their countries and the gender balance."""

    year: int
    held: int
    participants: Cell
    countries: int | None
    gender: list[GenderShare]
    gender_withheld: bool


@dataclass(frozen=True)
class OpenFigure:
    """Open figures of a course in a year: people who held a seat in its cohorts starting then."""

    course_code: str
    course_title: str
    year: int
    participants: Cell
    countries: int | None
    completion_rate: float | None
    gender: list[GenderShare]
    gender_withheld: bool
