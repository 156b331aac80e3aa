"""Small-cell suppression: what is hidden, and that nothing hidden can be worked back out.

The property tests check the module against a brute-force reader who lists every table
consistent with what is published and sees whether a hidden cell has only one possible value.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollments.reports.suppression import (
    Cell,
    Kind,
    Part,
    breakdown,
    count,
    paired_breakdown,
    unpublished,
)


def shown(cells: dict) -> dict:
    return {key: str(cell) for key, cell in cells.items()}


# A brute-force reader --------------------------------------------------------------------------


def tables(bounds: Sequence[tuple[int, int]], lo: int, hi: int) -> Iterator[tuple[int, ...]]:
    """Every vector of whole numbers within `bounds` whose sum lies in [lo, hi]."""

    def extend(index: int, chosen: list[int], total: int) -> Iterator[tuple[int, ...]]:
        if index == len(bounds):
            if lo <= total <= hi:
                yield tuple(chosen)
            return
        rest_lo = sum(b[0] for b in bounds[index + 1 :])
        rest_hi = sum(b[1] for b in bounds[index + 1 :])
        first, last = bounds[index]
        for value in range(first, last + 1):
            if total + value + rest_lo > hi:
                break
            if total + value + rest_hi < lo:
                continue
            chosen.append(value)
            yield from extend(index + 1, chosen, total + value)
            chosen.pop()

    yield from extend(0, [], 0)


def reader_bounds(cell: Cell, ceiling: int) -> tuple[int, int]:
    """What a reader takes a published cell to mean, capped where it has no upper limit."""
    lo, hi = cell.bounds
    return (lo, ceiling if hi is None else min(hi, ceiling))


def possible_rows(cells: Sequence[Cell], total: Cell, ceiling: int) -> list[tuple[int, ...]]:
    total_lo, total_hi = reader_bounds(total, ceiling)
    return list(tables([reader_bounds(c, ceiling) for c in cells], total_lo, total_hi))


# Single counts -------------------------------------------------------------------------------


def test_a_group_of_fewer_than_the_threshold_is_shown_as_less_than_the_threshold():
    assert str(count(2, min_cell=5)) == "<5"
    assert count(2, min_cell=5).published == "<5"
    assert count(2, min_cell=5).value is None


def test_the_threshold_is_written_in_the_text():
    assert str(count(7, min_cell=10)) == "<10"


def test_zero_and_groups_of_the_threshold_or_more_are_shown_as_they_are():
    assert count(0, min_cell=5).published == 0
    assert count(5, min_cell=5).published == 5
    assert count(120, min_cell=5).published == 120


def test_a_negative_count_or_a_threshold_below_one_is_a_bug():
    with pytest.raises(ValueError):
        count(-1, min_cell=5)
    with pytest.raises(ValueError):
        count(3, min_cell=0)


# Breakdowns --------------------------------------------------------------------------------------


def test_a_breakdown_with_no_small_group_is_shown_whole():
    result = breakdown({"AR": 12, "BR": 8, "CL": 0}, min_cell=5)

    assert shown(result.cells) == {"AR": "12", "BR": "8", "CL": "0"}
    assert result.total.published == 20


def test_a_single_small_group_also_hides_the_next_smallest_so_the_total_gives_nothing_away():
    result = breakdown({"AR": 10, "BR": 8, "CL": 2}, min_cell=5)

    assert shown(result.cells) == {"AR": "10", "BR": "≥5", "CL": "<5"}
    assert result.total.published == 20


def test_two_small_groups_need_no_complement_when_their_sum_leaves_doubt():
    result = breakdown({"AR": 30, "BR": 3, "CL": 2}, min_cell=5)

    assert shown(result.cells) == {"AR": "30", "BR": "<5", "CL": "<5"}


def test_two_groups_of_one_are_protected_even_though_two_cells_are_hidden():
    # 2 left over for two cells of at least 1 each: both would be 1.
    result = breakdown({"AR": 30, "BR": 1, "CL": 1, "UY": 9}, min_cell=5)

    assert shown(result.cells) == {"AR": "30", "BR": "<5", "CL": "<5", "UY": "≥5"}


def test_ties_for_the_next_smallest_hide_the_first_listed():
    result = breakdown({"AR": 7, "BR": 7, "CL": 3}, min_cell=5)

    assert shown(result.cells) == {"AR": "≥5", "BR": "7", "CL": "<5"}


def test_a_breakdown_that_hiding_cannot_protect_is_withheld():
    # Three groups of 4 out of 12: however it is hidden, each is 4.
    result = breakdown({"AR": 4, "BR": 4, "CL": 4}, min_cell=5)

    assert result.withheld
    assert result.cells == {}


def test_a_hidden_total_is_not_given_away_by_its_cells_either():
    # Four groups of at least 1 add up to a total under 5: the total would be 4, each group 1.
    result = breakdown({"a": 1, "b": 1, "c": 1, "d": 1}, min_cell=5)

    assert str(result.total) == "<5"
    assert result.withheld


def test_without_a_published_total_small_groups_need_no_complement():
    result = breakdown({"W01": 2, "W02": 9}, min_cell=5, total_published=False)

    assert shown(result.cells) == {"W01": "<5", "W02": "9"}


def test_cells_that_do_not_add_up_to_their_total_are_a_bug():
    with pytest.raises(ValueError):
        breakdown({"AR": 6}, min_cell=5, total=count(7, min_cell=5))


def test_people_who_completed_are_hidden_wherever_the_people_enrolled_are():
    result = paired_breakdown(
        {"AR": 20, "BR": 9, "CL": 3}, {"AR": 12, "BR": 6, "CL": 1}, min_cell=5
    )

    assert shown(result.enrolled.cells) == {"AR": "20", "BR": "≥5", "CL": "<5"}
    assert shown(result.completed.cells) == {"AR": "12", "BR": "≥5", "CL": "<5"}
    assert [key for key, _e, _c in result.rows()] == ["AR", "BR", "CL"]


def test_a_figure_over_cohorts_is_hidden_when_a_cohort_shows_its_part_exactly():
    first = breakdown({"AR": 10, "BR": 10}, min_cell=5)
    second = breakdown({"AR": 2, "BR": 30, "CL": 12}, min_cell=5)
    # Argentina over both: 12, beside the first cohort's 10, would give the second's 2 away.
    overall = breakdown(
        {"AR": 12, "BR": 40, "CL": 12}, min_cell=5, parts=[first.as_part(), second.as_part()]
    )

    assert str(second.cells["AR"]) == "<5"
    assert overall.cells["AR"].is_suppressed
    assert overall.cells["BR"].published == 40


def test_people_counted_in_two_parts_are_taken_away_from_their_sum():
    first = breakdown({"AR": 9, "BR": 14}, min_cell=5)
    second = breakdown({"AR": 6, "BR": 6}, min_cell=5)
    third = breakdown({"CL": 3, "UY": 10}, min_cell=5)
    # Three people from Argentina are in the first two parts: 9 + 6 - 3 = 12.
    overall = breakdown(
        {"AR": 12, "BR": 20, "CL": 3, "UY": 10},
        min_cell=5,
        parts=[first.as_part(), second.as_part(), third.as_part()],
        overlap={"AR": 3},
    )

    assert shown(third.cells) == {"CL": "<5", "UY": "≥5"}
    assert shown(overall.cells) == {"AR": "12", "BR": "20", "CL": "<5", "UY": "≥5"}


def test_a_withheld_part_is_protected_as_well():
    # The second cohort showed nothing, but 12 over both, beside the first's 10, would tell 2.
    first = Part({"AR": count(10, min_cell=5), "BR": count(30, min_cell=5)})
    overall = breakdown({"AR": 12, "BR": 40}, min_cell=5, parts=[first, unpublished()])

    assert shown(overall.cells) == {"AR": "≥5", "BR": "≥5"}


def test_a_group_nobody_completed_over_unreadable_cohorts_is_shown_as_zero():
    # Zeros are published: that a withheld cohort's figure is 0 too gives nobody away. (This
    # once made a delegation's report search forever for a way to hide the 0.)
    result = paired_breakdown(
        {"women": 12, "men": 20, "*": 3},
        {"women": 6, "men": 10, "*": 0},
        min_cell=5,
        enrolled_parts=[unpublished(), unpublished()],
        completed_parts=[unpublished(), unpublished()],
    )

    assert shown(result.completed.cells)["*"] == "0"
    assert shown(result.enrolled.cells)["*"] == "<5"


def test_a_suppressed_cell_keeps_no_value_to_leak():
    cell = breakdown({"AR": 10, "CL": 2}, min_cell=5).cells["CL"]

    assert cell == Cell(Kind.SMALL, 5)
    assert "2" not in repr(cell)


# Properties --------------------------------------------------------------------------------------

rows = st.lists(st.integers(min_value=0, max_value=14), min_size=1, max_size=5)
thresholds = st.integers(min_value=3, max_value=6)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(values=rows, k=thresholds)
def test_no_hidden_cell_can_be_recovered_from_the_published_row_and_total(values, k):
    result = breakdown(dict(enumerate(values)), min_cell=k)
    total = result.total
    assert str(total) == str(count(sum(values), min_cell=k))
    if result.withheld:
        return
    cells = [result.cells[i] for i in range(len(values))]
    # Honest marks: nothing under k is shown, "<k" is 1..k-1, "≥k" is k or more.
    for value, cell in zip(values, cells, strict=True):
        lo, hi = cell.bounds
        assert lo <= value and (hi is None or value <= hi)
        assert cell.is_suppressed or value == 0 or value >= k
    possible = possible_rows(cells, total, ceiling=max(sum(values), k - 1))
    assert tuple(values) in possible
    for index, cell in enumerate(cells):
        if cell.is_suppressed:
            assert len({row[index] for row in possible}) > 1, (values, [str(c) for c in cells])
    if total.is_suppressed:
        assert len({sum(row) for row in possible}) > 1


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(st.integers(min_value=0, max_value=9), st.integers(min_value=0, max_value=9)),
        min_size=1,
        max_size=3,
    ),
    k=thresholds,
)
def test_no_hidden_cell_can_be_recovered_from_enrolled_and_completed_side_by_side(pairs, k):
    enrolled = {i: max(e, c) for i, (e, c) in enumerate(pairs)}
    completed = {i: min(e, c) for i, (e, c) in enumerate(pairs)}
    result = paired_breakdown(enrolled, completed, min_cell=k)
    if result.withheld:
        return
    keys = list(enrolled)
    ceiling = max(sum(enrolled.values()), k - 1)
    first = [result.enrolled.cells[key] for key in keys]
    second = [result.completed.cells[key] for key in keys]
    possible = [
        (e_row, c_row)
        for e_row in possible_rows(first, result.enrolled.total, ceiling)
        for c_row in possible_rows(second, result.completed.total, ceiling)
        if all(c <= e for c, e in zip(c_row, e_row, strict=True))
    ]
    assert (tuple(enrolled.values()), tuple(completed.values())) in possible
    for column, cells in ((0, first), (1, second)):
        for index, cell in enumerate(cells):
            if cell.is_suppressed:
                assert len({row[column][index] for row in possible}) > 1, (
                    pairs,
                    [str(c) for c in first],
                    [str(c) for c in second],
                )


@settings(derandomize=True, max_examples=150, deadline=None)
@given(
    first=st.lists(st.integers(min_value=0, max_value=8), min_size=1, max_size=3),
    second=st.lists(st.integers(min_value=0, max_value=8), min_size=3, max_size=3),
    shared=st.lists(st.integers(min_value=0, max_value=3), min_size=3, max_size=3),
    k=thresholds,
)
def test_no_cohorts_hidden_cell_can_be_recovered_from_the_figures_over_the_cohorts(
    first, second, shared, k
):
    """The reader sees each cohort's published cells, the cells and total over both, and knows
    who is in both cohorts (counted once over both)."""
    second = second[: len(first)]
    twice = [min(s, a, b) for s, a, b in zip(shared, first, second, strict=False)]
    parts = [breakdown(dict(enumerate(values)), min_cell=k) for values in (first, second)]
    overall_values = [a + b - t for a, b, t in zip(first, second, twice, strict=True)]
    overall = breakdown(
        dict(enumerate(overall_values)),
        min_cell=k,
        parts=[p.as_part() for p in parts],
        overlap=dict(enumerate(twice)),
    )
    if overall.withheld:
        return
    ceiling = max(sum(overall_values), k - 1)
    keys = range(len(first))

    def part_bounds(part) -> list[tuple[int, int]]:
        if part.withheld:
            return [(0, ceiling)] * len(first)
        return [reader_bounds(part.cells[key], ceiling) for key in keys]

    seen: list[list[set[int]]] = [[set() for _ in keys] for _ in range(3)]
    total_lo, total_hi = reader_bounds(overall.total, ceiling)
    over = [reader_bounds(overall.cells[key], ceiling) for key in keys]
    for a in tables(part_bounds(parts[0]), 0, ceiling):
        # The second cohort's cells make up the rest of each cell over both.
        wanted = [
            (max(lo - x + t, 0), hi - x + t) for (lo, hi), x, t in zip(over, a, twice, strict=True)
        ]
        second_bounds = [
            (max(w_lo, p_lo), min(w_hi, p_hi))
            for (w_lo, w_hi), (p_lo, p_hi) in zip(wanted, part_bounds(parts[1]), strict=True)
        ]
        if any(lo > hi for lo, hi in second_bounds):
            continue
        rest = sum(twice) - sum(a)
        for b in tables(second_bounds, total_lo + rest, total_hi + rest):
            both = [x + y - t for x, y, t in zip(a, b, twice, strict=True)]
            for index, row in enumerate((a, b, both)):
                for key in keys:
                    seen[index][key].add(row[key])
    assert overall_values[0] in seen[2][0]
    for index, table in enumerate((*parts, overall)):
        if table.withheld:
            continue
        for key in keys:
            if table.cells[key].is_suppressed:
                assert len(seen[index][key]) > 1, (first, second, k, index, key)
