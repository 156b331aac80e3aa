"""Small-cell suppression: no group of fewer than `min_cell` people is published, and no hidden
figure can be worked out from the figures published beside it.

The reader is assumed to know how this works. A cell shown as "<5" holds 1 to 4 people (zeros
are shown as 0); a cell shown as "≥5" holds 5 or more and was hidden to protect a smaller one; the
total is known, and so are the figures of sub-reports published elsewhere (each cohort's, inside
a delegation's). From these a reader can narrow every hidden cell to an interval; `breakdown`
hides further cells, smallest first, until no hidden cell (nor a hidden total) is narrowed to a
single value, and withholds the whole breakdown when hiding more cannot achieve that.

Pure Python, no Django: the same rules serve pages, the API and exports.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)

# The lowest and highest value a reader can infer; None: no upper limit.
Bounds = tuple[int, int | None]


class Kind(enum.Enum):
    EXACT = "exact"
    SMALL = "small"  # 1 to min_cell - 1 people
    HIDDEN = "hidden"  # min_cell or more, hidden so that a small cell cannot be worked out
    WITHHELD = "withheld"  # not even a range can be shown


@dataclass(frozen=True)
class Cell:
    """A published count. The true value of a suppressed cell is not kept."""

    kind: Kind
    min_cell: int
    value: int | None = None

    def __str__(self) -> str:
        if self.kind is Kind.EXACT:
            return str(self.value)
        if self.kind is Kind.SMALL:
            return f"<{self.min_cell}"
        if self.kind is Kind.HIDDEN:
            return f"≥{self.min_cell}"
        return "—"

    @property
    def is_suppressed(self) -> bool:
        return self.kind is not Kind.EXACT

    @property
    def published(self) -> int | str:
        """What the API and exports carry: the number, or the "<5", "≥5" or "—" text."""
        return self.value if self.value is not None else str(self)

    @property
    def bounds(self) -> Bounds:
        if self.value is not None:
            return (self.value, self.value)
        if self.kind is Kind.SMALL:
            return (1, self.min_cell - 1)
        if self.kind is Kind.HIDDEN:
            return (self.min_cell, None)
        return (0, None)


def count(n: int, *, min_cell: int) -> Cell:
    """A count on its own: hidden when it is 1 to `min_cell` - 1."""
    _check(n, min_cell)
    if 0 < n < min_cell:
        return Cell(Kind.SMALL, min_cell)
    return Cell(Kind.EXACT, min_cell, n)


def hidden(n: int, *, min_cell: int) -> Cell:
    """A count that must not be shown, marked as what it honestly is: "<5" or "≥5"."""
    _check(n, min_cell)
    if n == 0:
        return Cell(Kind.EXACT, min_cell, 0)
    return Cell(Kind.SMALL if n < min_cell else Kind.HIDDEN, min_cell)


def _check(n: int, min_cell: int) -> None:
    if n < 0:
        raise ValueError(f"A count cannot be negative: {n}.")
    if min_cell < 1:
        raise ValueError(f"The smallest publishable group must be at least 1, not {min_cell}.")


@dataclass(frozen=True)
class Part(Generic[K]):
    """A sub-report published elsewhere whose groups add up to this report's groups.

    `otherwise` is what a reader can tell of a group the part does not list: 0 when the part
    lists every group it has, "unknown" when it was withheld. Groups in `unknown` could hold
    anything (a pooled "other" group, say, whose members differ from ours).
    """

    cells: Mapping[K, Cell]
    otherwise: Bounds = (0, 0)
    unknown: frozenset[K] = field(default_factory=frozenset)

    def bounds(self, key: K) -> Bounds:
        if key in self.unknown:
            return (0, None)
        cell = self.cells.get(key)
        return cell.bounds if cell is not None else self.otherwise


def unpublished() -> Part[Any]:
    """A part nobody can read (withheld, or never shown): a reader knows nothing of its cells,
    and must learn nothing from ours either."""
    return Part({}, (0, None))


@dataclass(frozen=True)
class Breakdown(Generic[K]):
    """Cells in the order they were given; none when the breakdown is withheld."""

    cells: Mapping[K, Cell]
    total: Cell
    withheld: bool = False

    def as_part(self, *, otherwise: Bounds = (0, 0), unknown: Iterable[K] = ()) -> Part[K]:
        if self.withheld:
            return unpublished()
        return Part(self.cells, otherwise, frozenset(unknown))


@dataclass(frozen=True)
class Pair(Generic[K]):
    """People enrolled and people who completed, per group; withheld together."""

    enrolled: Breakdown[K]
    completed: Breakdown[K]

    @property
    def withheld(self) -> bool:
        return self.enrolled.withheld

    def rows(self) -> list[tuple[K, Cell, Cell]]:
        return [(key, cell, self.completed.cells[key]) for key, cell in self.enrolled.cells.items()]


def breakdown(
    values: Mapping[K, int],
    *,
    min_cell: int,
    total: Cell | None = None,
    total_published: bool = True,
    parts: Sequence[Part[K]] = (),
    overlap: Mapping[K, int] | None = None,
) -> Breakdown[K]:
    """Publishes the counts of a partition of people so that no hidden cell can be recovered.

    `total` is how their sum is published (exactly, by default); `total_published=False` when
    no sum is published at all (weeks of activity, say). `parts` are sub-reports published
    elsewhere whose groups add up to these plus `overlap`: the people counted in more than one
    part, which a reader is assumed to know (a coordinator sees who is in which cohort).
    """
    (column,) = _suppress(
        [_Column(values, total, total_published, parts, overlap or {})], min_cell=min_cell
    )
    return column


def paired_breakdown(
    enrolled: Mapping[K, int],
    completed: Mapping[K, int],
    *,
    min_cell: int,
    enrolled_total: Cell | None = None,
    completed_total: Cell | None = None,
    enrolled_parts: Sequence[Part[K]] = (),
    completed_parts: Sequence[Part[K]] = (),
    enrolled_overlap: Mapping[K, int] | None = None,
    completed_overlap: Mapping[K, int] | None = None,
) -> Pair[K]:
    """Two columns over the same groups, the second counting some of the first's people.

    A reader knows that nobody completes without enrolling, so the columns are judged together:
    a group hidden in the first is hidden in the second, and each column's bounds narrow the
    other's.
    """
    first, second = _suppress(
        [
            _Column(enrolled, enrolled_total, True, enrolled_parts, enrolled_overlap or {}),
            _Column(
                {key: completed.get(key, 0) for key in enrolled},
                completed_total,
                True,
                completed_parts,
                completed_overlap or {},
            ),
        ],
        min_cell=min_cell,
    )
    return Pair(first, second)


@dataclass
class _Column(Generic[K]):
    values: Mapping[K, int]
    total: Cell | None
    total_published: bool
    parts: Sequence[Part[K]]
    overlap: Mapping[K, int]

    def known(self, key: K) -> Bounds:
        """What the parts tell of a cell: their sum, less the people counted twice."""
        if not self.parts:
            return (0, None)
        lo, hi = _parts_bounds(self.parts, key)
        twice = self.overlap.get(key, 0)
        return (max(0, lo - twice), None if hi is None else hi - twice)


class _Pinned:
    """A hidden cell or total could be pinned down: hide one more cell."""


_PINNED = _Pinned()


def _suppress(columns: Sequence[_Column[K]], *, min_cell: int) -> list[Breakdown[K]]:
    """One column, or two where the second counts some of the first's people, group by group."""
    totals: list[Cell] = []
    for column in columns:
        overall = sum(column.values.values())
        total = column.total or count(overall, min_cell=min_cell)
        if total.value is not None and total.value != overall:
            raise ValueError(f"The cells add up to {overall}, not to the total {total.value}.")
        totals.append(total)
    keys = list(columns[0].values)
    cells = [
        {key: count(column.values[key], min_cell=min_cell) for key in keys} for column in columns
    ]

    def hide(index: int, key: K) -> None:
        for later in range(index, len(columns)):
            cells[later][key] = hidden(columns[later].values[key], min_cell=min_cell)

    for key in keys:
        if cells[0][key].is_suppressed:
            hide(0, key)
    known = [{key: column.known(key) for key in keys} for column in columns]
    total_bounds = [
        total.bounds if column.total_published else (0, None)
        for column, total in zip(columns, totals, strict=True)
    ]
    while True:
        system = _System.build(keys, cells, known, total_bounds)
        problem = _first_problem(system, columns, cells, totals)
        if problem is None:
            return [
                Breakdown(column_cells, total)
                for column_cells, total in zip(cells, totals, strict=True)
            ]
        index, found = problem
        if not isinstance(found, _Pinned):
            # A sub-report's hidden cell would follow from this exact one: hide it too.
            hide(index, found)
            continue
        # Hide the next-smallest cell of this column or, failing that, of the enclosing one.
        for candidate_index in range(index, -1, -1):
            candidate = _next_smallest(
                columns[candidate_index].values, cells[candidate_index], known[candidate_index]
            )
            if candidate is not None:
                hide(candidate_index, candidate)
                break
        else:
            return [Breakdown({}, total, withheld=True) for total in totals]


def _first_problem(
    system: _System,
    columns: Sequence[_Column[K]],
    cells: Sequence[Mapping[K, Cell]],
    totals: Sequence[Cell],
) -> tuple[int, K | _Pinned] | None:
    """None when nothing hidden can be pinned down; `_PINNED` when a hidden cell or a hidden
    total can; the key of an exact cell that gives a part's hidden cell away."""
    for index, column in enumerate(columns):
        values = list(column.values.values())
        for position, cell in enumerate(cells[index].values()):
            if cell.is_suppressed and not system.ambiguous(index, position, values[position]):
                return (index, _PINNED)
        if column.total_published and totals[index].is_suppressed:
            overall = sum(values)
            if not (system.sum_can_be(index, overall - 1) or system.sum_can_be(index, overall + 1)):
                return (index, _PINNED)
    for index, column in enumerate(columns):
        values = list(column.values.values())
        for position, (key, cell) in enumerate(cells[index].items()):
            if values[position] == 0:
                # Nobody to give away: the parts' cells are 0 too, and zeros are published.
                continue
            below = [part.bounds(key) for part in column.parts]
            if all(_single(b) for b in below):
                continue
            span_lo, span_hi = system.interval(index, position, values[position])
            twice = column.overlap.get(key, 0)
            beneath = _project(
                below, (span_lo + twice, None if span_hi is None else span_hi + twice)
            )
            if any(_single(beneath[i]) and not _single(b) for i, b in enumerate(below)):
                return (index, key if cell.value is not None else _PINNED)
    return None


@dataclass
class _System:
    """What a reader knows: every cell lies in its bounds, each column adds up to its total,
    and the second column (if any) holds no more people than the first, group by group.

    These constraints form a totally unimodular system, so what a reader can tell of a cell is
    an interval of whole numbers, and `feasible` decides exactly whether a choice is possible.
    """

    first: list[Bounds]
    second: list[Bounds]
    totals: list[Bounds]

    @classmethod
    def build(
        cls,
        keys: Sequence[K],
        cells: Sequence[Mapping[K, Cell]],
        known: Sequence[Mapping[K, Bounds]],
        totals: Sequence[Bounds],
    ) -> _System:
        columns = [
            [_meet(column[key].bounds, column_known[key]) for key in keys]
            for column, column_known in zip(cells, known, strict=True)
        ]
        if len(columns) == 1:
            return cls(columns[0], [(0, 0)] * len(keys), [totals[0], (0, 0)])
        return cls(columns[0], columns[1], list(totals))

    def feasible(self, first: list[Bounds], second: list[Bounds], totals: list[Bounds]) -> bool:
        """Whether whole numbers exist in these bounds that add up as the totals say."""
        (first_lo, first_hi), (second_lo, second_hi) = ((lo, _inf(hi)) for lo, hi in totals)
        floor, ceiling, lows, reach, room = 0, 0.0, 0, 0.0, 0.0
        for (f_lo, f_hi), (s_lo, s_hi) in zip(first, second, strict=True):
            # Nobody completes without enrolling: a group's first count is at least its second's
            # floor, and its second count at most its first's ceiling.
            f_lo, s_top = max(f_lo, s_lo), min(_inf(s_hi), _inf(f_hi))
            if f_lo > _inf(f_hi) or s_lo > s_top:
                return False
            floor += f_lo
            ceiling += _inf(f_hi)
            lows += s_lo
            # With the first count at its floor, the second may reach min(floor, ceiling); each
            # person added to the group raises that until the second's ceiling.
            reach += min(f_lo, s_top)
            room += max(0.0, s_top - f_lo)
        largest = min(first_hi, ceiling)
        if max(first_lo, floor) > largest or lows > second_hi:
            return False
        return reach + min(largest - floor, room) >= second_lo

    def can_be(self, column: int, position: int, value: int) -> bool:
        first, second = list(self.first), list(self.second)
        target = first if column == 0 else second
        if value < 0 or not _possible(_meet(target[position], (value, value))):
            return False
        target[position] = (value, value)
        return self.feasible(first, second, self.totals)

    def sum_can_be(self, column: int, value: int) -> bool:
        totals = list(self.totals)
        narrowed = _meet(totals[column], (value, value))
        if not _possible(narrowed):
            return False
        totals[column] = narrowed
        return self.feasible(self.first, self.second, totals)

    def ambiguous(self, column: int, position: int, value: int) -> bool:
        return self.can_be(column, position, value - 1) or self.can_be(column, position, value + 1)

    def interval(self, column: int, position: int, value: int) -> Bounds:
        """Every value a reader would accept for a cell; `value`, the true one, is among them."""
        low, high = 0, value
        while low < high:  # the smallest possible value
            middle = (low + high) // 2
            if self.can_be(column, position, middle):
                high = middle
            else:
                low = middle + 1
        smallest = low
        ceiling = _min(self.totals[column][1], self.totals[0][1])
        if ceiling is None:
            ceiling = _sum_highs(self.first if column == 0 else self.second)
        if ceiling is None:
            return (smallest, None)
        low, high = value, max(value, ceiling)
        while low < high:  # the largest possible value
            middle = (low + high + 1) // 2
            if self.can_be(column, position, middle):
                low = middle
            else:
                high = middle - 1
        return (smallest, low)


def _next_smallest(
    values: Mapping[K, int], cells: Mapping[K, Cell], known: Mapping[K, Bounds]
) -> K | None:
    """The smallest published cell whose hiding would hide anything (ties in the given order)."""
    candidates = [
        (n, position, key)
        for position, (key, n) in enumerate(values.items())
        if n > 0 and cells[key].value is not None and not _single(known[key])
    ]
    return min(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None


def _project(cells: Sequence[Bounds], total: Bounds) -> list[Bounds]:
    """What a reader can tell of each cell given that they add up to something in `total`.

    Exact for whole numbers in intervals under one sum. An impossible combination (which only
    the cautious assumptions about sub-reports can produce) comes back empty, which counts as
    pinned down.
    """
    lows = sum(lo for lo, _hi in cells)
    open_ended = sum(1 for _lo, hi in cells if hi is None)
    highs = sum(hi for _lo, hi in cells if hi is not None)
    total_lo, total_hi = total
    narrowed: list[Bounds] = []
    for lo, hi in cells:
        others_lo = lows - lo
        others_open = open_ended - (1 if hi is None else 0)
        others_hi = None if others_open else highs - (hi or 0)
        new_lo = lo if others_hi is None else max(lo, total_lo - others_hi)
        new_hi = hi if total_hi is None else _min(hi, total_hi - others_lo)
        narrowed.append((new_lo, new_hi))
    return narrowed


def _parts_bounds(parts: Sequence[Part[K]], key: K) -> Bounds:
    bounds = [part.bounds(key) for part in parts]
    return (sum(lo for lo, _hi in bounds), _sum_highs(bounds))


def _sum_highs(bounds: Iterable[Bounds]) -> int | None:
    total = 0
    for _lo, hi in bounds:
        if hi is None:
            return None
        total += hi
    return total


def _inf(value: int | None) -> float:
    return math.inf if value is None else value


def _meet(a: Bounds, b: Bounds) -> Bounds:
    return (max(a[0], b[0]), _min(a[1], b[1]))


def _min(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def _possible(bounds: Bounds) -> bool:
    return bounds[1] is None or bounds[0] <= bounds[1]


def _single(bounds: Bounds) -> bool:
    return bounds[1] is not None and bounds[0] >= bounds[1]
