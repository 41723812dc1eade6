"""Monitoring figures from a spreadsheet as finance teams keep them: an .xlsx workbook (openpyxl)
with a "Lines" sheet, one row per directorate with the inputs of Table 1, and optionally a
"Key issues" sheet; or a .csv file with the lines alone.

The whole file is read and checked before anything is saved, and every bad cell is reported by
sheet, row and column (DESIGN.md §5): `read_figures` returns the figures or raises `ImportRefused`
with the list. What the file is is decided by its content, not its name.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from finance.arithmetic import FigureError, checked_places, parse_figure
from finance.models import Directorate, FinancialYear

LINES = "Lines"
KEY_ISSUES = "Key issues"
LINE_COLUMNS = ["Directorate", "Gross expenditure £m", "Gross income £m", "Forecast outturn £m"]
ISSUE_COLUMNS = ["Directorate", "Service", "Issue", "Variation £m", "Corrective action"]
COLUMNS = {LINES: LINE_COLUMNS, KEY_ISSUES: ISSUE_COLUMNS}


@dataclass(frozen=True)
class CellError:
    """What is wrong with one cell (or row, or the file: then row and column are None)."""

    message: str
    sheet: str | None = None
    row: int | None = None
    column: int | None = None

    def __str__(self):
        where = []
        if self.sheet:
            where.append(f"Sheet “{self.sheet}”")
        if self.row:
            where.append(f"row {self.row}")
        if self.column:
            name = COLUMNS.get(self.sheet or LINES, LINE_COLUMNS)
            heading = f" ({name[self.column - 1]})" if self.column <= len(name) else ""
            where.append(f"column {get_column_letter(self.column)}{heading}")
        place = ", ".join(where)
        if place:
            place = place[0].upper() + place[1:]
        return f"{place}: {self.message}" if place else self.message


class ImportRefused(ValueError):
    """The file cannot be imported; `errors` lists every reason, cell by cell."""

    def __init__(self, errors: list[CellError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class LineFigures:
    directorate: Directorate
    gross_expenditure: Decimal
    gross_income: Decimal
    forecast_outturn: Decimal


@dataclass
class IssueFigures:
    directorate: Directorate
    service: str
    issue: str
    variation: Decimal | None
    action: str


@dataclass
class Figures:
    """What a valid file holds; `key_issues` is None when the file has no key-issues sheet."""

    lines: list[LineFigures] = field(default_factory=list)
    key_issues: list[IssueFigures] | None = None


def read_figures(data: bytes, *, year: FinancialYear) -> Figures:
    """The figures of an uploaded .xlsx or .csv, checked against `year`'s directorates."""
    if not data.strip():
        raise ImportRefused([CellError("The file is empty.")])
    sheets = _workbook_rows(data) if data.startswith(b"PK\x03\x04") else {None: _csv_rows(data)}
    return _Checker(year).check(sheets)


def _workbook_rows(data: bytes) -> dict[str, list[list]]:
    try:
        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise ImportRefused(
            [CellError("The file is not a spreadsheet: upload an .xlsx workbook or a .csv file.")]
        ) from None
    errors = []
    for name in values.sheetnames:
        if name not in COLUMNS:
            errors.append(
                CellError(
                    f"The workbook has a sheet “{name}” the import does not read: remove it. "
                    f"The sheets are “{LINES}” and, if there are key issues, “{KEY_ISSUES}”."
                )
            )
    if LINES not in values.sheetnames:
        errors.append(CellError(f"The workbook has no “{LINES}” sheet."))
    sheets = {}
    for name in (LINES, KEY_ISSUES):
        if name not in values.sheetnames:
            continue
        sheet, formula_sheet = values[name], formulas[name]
        for merged in sheet.merged_cells.ranges:
            errors.append(
                CellError(
                    f"cells {merged.coord} are merged: unmerge them, one value a cell.",
                    sheet=name,
                    row=merged.min_row,
                )
            )
        rows = []
        for cells, formula_cells in zip(sheet.iter_rows(), formula_sheet.iter_rows(), strict=True):
            row = []
            for cell, formula in zip(cells, formula_cells, strict=True):
                if formula.data_type == "f" and cell.value is None:
                    errors.append(
                        CellError(
                            f"the formula {formula.value} has no saved value: open the file "
                            "in the spreadsheet program and save it again, or type the figure.",
                            sheet=name,
                            row=cell.row,
                            column=cell.column,
                        )
                    )
                row.append(cell.value)
            rows.append(row)
        sheets[name] = rows
    if errors:
        raise ImportRefused(errors)
    return sheets


def _csv_rows(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            [
                CellError(
                    "The file is not a spreadsheet in UTF-8 text: save a .csv as “CSV UTF-8 "
                    "(comma delimited)”, or upload an .xlsx workbook.",
                    row=row,
                )
            ]
        ) from None
    if "\x00" in text:
        raise ImportRefused(
            [CellError("The file is not a spreadsheet: upload an .xlsx workbook or a .csv file.")]
        )
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportRefused(
            [CellError(f"The file is not a readable .csv file ({error}).")]
        ) from None


class _Checker:
    """Checks every cell of every sheet, collecting errors instead of stopping at the first."""

    def __init__(self, year: FinancialYear):
        self.year = year
        self.directorates = {d.name.casefold(): d for d in year.directorates.all()}
        self.errors: list[CellError] = []

    def check(self, sheets) -> Figures:
        figures = Figures()
        for name, rows in sheets.items():
            columns = COLUMNS[name or LINES]
            if not self._headings(name, rows, columns):
                continue
            body = [
                (number, row)
                for number, row in enumerate(rows[1:], start=2)
                if any(_text(value) for value in row)
            ]
            if name == KEY_ISSUES:
                figures.key_issues = [self._issue(name, number, row) for number, row in body]
            else:
                figures.lines = self._lines(name, body)
        if not self.errors and not figures.lines:
            self.errors.append(CellError("There are no lines: one row per directorate.", LINES))
        if self.errors:
            raise ImportRefused(self.errors)
        return figures

    def _headings(self, sheet, rows, columns) -> bool:
        if not rows:
            self.errors.append(CellError("the sheet is empty.", sheet=sheet or None, row=1))
            return False
        found = [_text(value) for value in rows[0]]
        while found and not found[-1]:
            found.pop()
        good = True
        for index in range(max(len(found), len(columns))):
            expected = columns[index] if index < len(columns) else None
            actual = found[index] if index < len(found) else ""
            if expected is None:
                message = f"“{actual}” is not a column of the sheet: remove it."
            elif actual.casefold() != expected.casefold():
                message = f"the heading must be “{expected}”" + (
                    f", not “{actual}”." if actual else ": the column is missing."
                )
            else:
                continue
            good = False
            self.errors.append(CellError(message, sheet=sheet, row=1, column=index + 1))
        return good

    def _error(self, sheet, row, column, message):
        self.errors.append(CellError(message, sheet=sheet, row=row, column=column))

    def _directorate(self, sheet, number, value) -> Directorate | None:
        name = _text(value)
        if not name:
            self._error(sheet, number, 1, "the directorate is missing.")
            return None
        directorate = self.directorates.get(name.casefold())
        if directorate is None:
            self._error(sheet, number, 1, f"“{name}” is not a directorate of {self.year}.")
        return directorate

    def _figure(self, sheet, number, column, value, *, blank_ok=False) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if not blank_ok:
                self._error(sheet, number, column, "the figure is missing.")
            return None
        try:
            if isinstance(value, bool):
                raise FigureError(f"“{value}” is not a number.")
            if isinstance(value, int | float | Decimal):
                # A spreadsheet's number: its shortest decimal form, as the sheet shows it.
                return checked_places(
                    Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
                )
            return parse_figure(str(value))
        except FigureError as error:
            self._error(sheet, number, column, str(error))
            return None

    def _lines(self, sheet, body) -> list[LineFigures]:
        lines, seen = [], {}
        for number, row in body:
            row = [*row, None, None, None, None][:4]
            directorate = self._directorate(sheet, number, row[0])
            figures = [self._figure(sheet, number, column, row[column - 1]) for column in (2, 3, 4)]
            if figures[1] is not None and figures[1] > 0:
                self._error(
                    sheet, number, 3, "gross income is negative: write it in brackets, (1.234)."
                )
            if directorate is not None:
                if directorate.pk in seen:
                    self._error(
                        sheet,
                        number,
                        1,
                        f"“{directorate}” is listed twice (rows {seen[directorate.pk]} and "
                        f"{number}): one row per directorate.",
                    )
                seen.setdefault(directorate.pk, number)
            if directorate is not None and None not in figures:
                lines.append(LineFigures(directorate, *figures))
        return lines

    def _issue(self, sheet, number, row) -> IssueFigures | None:
        row = [*row, None, None, None, None, None][:5]
        directorate = self._directorate(sheet, number, row[0])
        issue = _text(row[2])
        if not issue:
            self._error(sheet, number, 3, "the issue is missing.")
        variation = self._figure(sheet, number, 4, row[3], blank_ok=True)
        if directorate is None or not issue:
            return None
        return IssueFigures(directorate, _text(row[1]), issue, variation, _text(row[4]))


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def template_workbook(year: FinancialYear) -> bytes:
    """An .xlsx to fill in: the sheets and headings the import reads, the year's directorates."""
    workbook = openpyxl.Workbook()
    lines = workbook.active
    lines.title = LINES
    lines.append(LINE_COLUMNS)
    for directorate in year.directorates.all():
        lines.append([directorate.name])
    issues = workbook.create_sheet(KEY_ISSUES)
    issues.append(ISSUE_COLUMNS)
    for sheet in (lines, issues):
        sheet.column_dimensions["A"].width = 48
        for letter in "BCDE":
            sheet.column_dimensions[letter].width = 22
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv(year: FinancialYear) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(LINE_COLUMNS)
    for directorate in year.directorates.all():
        writer.writerow([directorate.name, "", "", ""])
    return buffer.getvalue().encode("utf-8")
