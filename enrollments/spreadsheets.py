"""Tables leaving Aula as CSV or XLSX: rosters, reports and questionnaire results.

They open as people expect in Excel, LibreOffice and Google Sheets: CSV is UTF-8 with a byte
order mark, without which Excel shows "SÃ£o Paulo". And a cell never runs what somebody typed:
text a spreadsheet would take for a formula ("=HYPERLINK(…)" in an open answer or a name) is
kept as text with a leading apostrophe, as OWASP advises against CSV injection."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
FORMATS = ("csv", "xlsx")

Row = Sequence[Any]
# A sheet: its title, its header and its rows.
Sheet = tuple[str, Row, Iterable[Row]]


def cell(value: Any) -> Any:
    """Numbers stay numbers, nothing stays empty, and text is never a formula."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object that hands back what csv.writer writes, one row at a time."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: Row, rows: Iterable[Row]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff"
    yield writer.writerow([cell(value) for value in header])
    for row in rows:
        yield writer.writerow(["" if value is None else cell(value) for value in row])


def csv_response(name: str, header: Row, rows: Iterable[Row]) -> StreamingHttpResponse:
    """Streamed: the first rows leave while the database still sends the last ones."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def xlsx_response(name: str, sheets: Iterable[Sheet]) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title=title[:31])
        sheet.append([cell(value) for value in header])
        for row in rows:
            sheet.append([cell(value) for value in row])
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    book.save(response)
    return response
