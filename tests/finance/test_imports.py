"""finance/imports.py with real .xlsx and .csv files made here: good files import whole, and every
kind of bad input is reported by sheet, row and column with nothing imported."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from finance.imports import ISSUE_COLUMNS, LINE_COLUMNS, ImportRefused, read_figures
from finance.models import Directorate, FinancialYear, KeyIssue, Line, Monitor
from tests.support.pages import visible_text

D = Decimal
LINES = [
    ["Executive Office", 6.458, -0.608, 5.85],
    ["Finance", "22.564", "(5.039)", "17.942"],
    ["Place Directorate", 80.747, -57.1, 23.675],
]
ISSUES = [
    ["Finance", "", "Treasury management savings at risk.", 0.417, "Work with advisers."],
    ["Place Directorate", "Planning", "Fees below budget.", 0.028, "Review the fees."],
]


@pytest.fixture
def year(db):
    year = FinancialYear.objects.create(start_year=2030)
    for position, (name, *_) in enumerate(LINES, start=1):
        Directorate.objects.create(year=year, name=name, position=position)
    return year


def workbook(lines=LINES, issues=ISSUES, *, change=None) -> bytes:
    """An .xlsx as a finance team keeps it; `change(workbook)` spoils it first."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Lines"
    sheet.append(LINE_COLUMNS)
    for row in lines:
        sheet.append(row)
    if issues is not None:
        issue_sheet = book.create_sheet("Key issues")
        issue_sheet.append(ISSUE_COLUMNS)
        for row in issues:
            issue_sheet.append(row)
    if change:
        change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_file(rows=LINES, *, encoding="utf-8", header=LINE_COLUMNS) -> bytes:
    text = "\r\n".join(",".join(f'"{cell}"' for cell in row) for row in [header, *rows])
    return text.encode(encoding)


def errors(data, year):
    with pytest.raises(ImportRefused) as refused:
        read_figures(data, year=year)
    return [str(error) for error in refused.value.errors]


def test_a_good_workbook_gives_every_line_and_key_issue(year):
    figures = read_figures(workbook(), year=year)

    assert [(line.directorate.name, line.gross_income) for line in figures.lines] == [
        ("Executive Office", D("-0.608")),
        ("Finance", D("-5.039")),
        ("Place Directorate", D("-57.100")),
    ]
    assert figures.lines[0].forecast_outturn == D("5.850")
    assert [(i.directorate.name, i.service, i.variation) for i in figures.key_issues] == [
        ("Finance", "", D("0.417")),
        ("Place Directorate", "Planning", D("0.028")),
    ]


def test_a_good_csv_gives_the_lines_and_leaves_key_issues_alone(year):
    figures = read_figures(csv_file(), year=year)

    assert [line.gross_expenditure for line in figures.lines] == [
        D("6.458"),
        D("22.564"),
        D("80.747"),
    ]
    assert figures.key_issues is None
    # A byte order mark, as Excel writes "CSV UTF-8", is fine.
    assert len(read_figures(b"\xef\xbb\xbf" + csv_file(), year=year).lines) == 3


def test_every_bad_cell_is_reported_by_sheet_row_and_column(year):
    lines = [
        ["Executive Office", "six", -0.608, 5.85],
        ["Finance", 22.5641, "(5.039)", "17.942"],
        ["Finanse", 80.747, -57.1, 23.675],
        ["Executive Office", 1, -1, 1],
        ["Place Directorate", 80.747, 57.1, None],
    ]
    issues = [["Nowhere", "", "", "lots", ""]]

    assert errors(workbook(lines, issues), year) == [
        "Sheet “Lines”, row 2, column B (Gross expenditure £m): “six” is not a number.",
        "Sheet “Lines”, row 3, column B (Gross expenditure £m): “22.5641” has more than three "
        "decimal places: figures are in £m to the nearest thousand pounds.",
        "Sheet “Lines”, row 4, column A (Directorate): “Finanse” is not a directorate of 2030/31.",
        "Sheet “Lines”, row 5, column A (Directorate): “Executive Office” is listed twice (rows 2 "
        "and 5): one row per directorate.",
        "Sheet “Lines”, row 6, column D (Forecast outturn £m): the figure is missing.",
        "Sheet “Lines”, row 6, column C (Gross income £m): gross income is negative: write it in "
        "brackets, (1.234).",
        "Sheet “Key issues”, row 2, column A (Directorate): “Nowhere” is not a directorate of "
        "2030/31.",
        "Sheet “Key issues”, row 2, column C (Issue): the issue is missing.",
        "Sheet “Key issues”, row 2, column D (Variation £m): “lots” is not a number.",
    ]


def test_missing_renamed_and_extra_columns_are_reported_at_their_headings(year):
    def spoil(book):
        sheet = book["Lines"]
        sheet["C1"] = "Income"
        sheet["E1"] = "Notes"

    assert errors(workbook(change=spoil), year) == [
        "Sheet “Lines”, row 1, column C (Gross income £m): the heading must be “Gross income £m”, "
        "not “Income”.",
        "Sheet “Lines”, row 1, column E: “Notes” is not a column of the sheet: remove it.",
    ]

    def drop(book):
        book["Lines"].delete_cols(4)

    assert errors(workbook(change=drop), year) == [
        "Sheet “Lines”, row 1, column D (Forecast outturn £m): the heading must be “Forecast "
        "outturn £m”: the column is missing."
    ]


def test_extra_sheets_merged_cells_and_formulas_without_saved_values_are_refused(year):
    def spoil(book):
        book.create_sheet("Notes")
        book["Lines"].merge_cells("B3:C3")
        book["Lines"]["D2"] = "=B2+C2"  # openpyxl saves no computed value

    assert errors(workbook(change=spoil), year) == [
        "The workbook has a sheet “Notes” the import does not read: remove it. The sheets are "
        "“Lines” and, if there are key issues, “Key issues”.",
        "Sheet “Lines”, row 3: cells B3:C3 are merged: unmerge them, one value a cell.",
        "Sheet “Lines”, row 2, column D (Forecast outturn £m): the formula =B2+C2 has no saved "
        "value: open the file in the spreadsheet program and save it again, or type the figure.",
    ]


def test_a_workbook_without_its_lines_sheet_is_refused(year):
    def rename(book):
        book["Lines"].title = "Sheet1"

    assert "The workbook has no “Lines” sheet." in errors(workbook(change=rename), year)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"   \n", "The file is empty."),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
            "Row 2: The file is not a spreadsheet in UTF-8 text",
        ),
        (b"PK\x03\x04not really a zip", "The file is not a spreadsheet: upload an .xlsx"),
        (b"GIF89a\x00\x00\x00", "The file is not a spreadsheet: upload an .xlsx"),
    ],
)
def test_empty_files_and_files_that_are_not_spreadsheets_are_refused(year, data, message):
    [error] = errors(data, year)
    assert error.startswith(message)


def test_a_csv_in_another_encoding_is_refused_naming_the_row(year):
    data = csv_file(encoding="cp1252")  # "£" in the headings is not UTF-8

    assert errors(data, year) == [
        "Row 1: The file is not a spreadsheet in UTF-8 text: save a .csv as “CSV UTF-8 (comma "
        "delimited)”, or upload an .xlsx workbook."
    ]


def test_a_bad_csv_cell_is_reported_by_row_and_column(year):
    rows = [*LINES[:2], ["Place Directorate", "80.747", "-57.1", "23.6755"]]

    assert errors(csv_file(rows), year) == [
        "Row 4, column D (Forecast outturn £m): “23.6755” has more than three decimal places: "
        "figures are in £m to the nearest thousand pounds."
    ]


# ---- Through the import page -----------------------------------------------------------------


def post_import(client, year, data, name="monitor.xlsx", **fields):
    values = {"year": year.pk, "kind": "month", "period": 3, **fields}
    values["spreadsheet"] = SimpleUploadedFile(name, data)
    return client.post(reverse("finance:monitor_import"), values)


def test_an_import_with_one_bad_cell_saves_nothing_and_the_fixed_file_imports_whole(
    officer_client, year
):
    bad = [*LINES[:2], ["Place Directorate", 80.747, "oops", 23.675]]
    page = visible_text(post_import(officer_client, year, workbook(bad)))

    assert "There is a problem" in page
    assert "Sheet “Lines”, row 4, column C (Gross income £m): “oops” is not a number." in page
    assert not Monitor.objects.exists() and not Line.objects.exists()

    response = post_import(officer_client, year, workbook())
    monitor = Monitor.objects.get()
    assert response.status_code == 302 and response["Location"] == monitor.get_absolute_url()
    assert (monitor.year, monitor.period) == (year, 3)
    assert monitor.lines.count() == 3 and KeyIssue.objects.filter(monitor=monitor).count() == 2
    assert monitor.key_issues.get(variation=D("0.028")).service.name == "Planning"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"period": 13}, "A month of the financial year is 1 to 12: 13 is outside the year"),
        ({"kind": "quarter", "period": 5}, "A quarter of the financial year is 1 to 4"),
        ({"period": 0}, "A month of the financial year is 1 to 12: 0 is outside the year"),
    ],
)
def test_a_period_outside_the_year_is_refused(officer_client, year, fields, message):
    page = visible_text(post_import(officer_client, year, workbook(), **fields))
    assert message in page
    assert not Monitor.objects.exists()


def test_a_second_monitor_for_the_same_period_is_refused(officer_client, year):
    Monitor.objects.create(year=year, period=3)
    page = visible_text(post_import(officer_client, year, workbook()))
    assert "2030/31 already has a monitor for month 3" in page
    assert Monitor.objects.count() == 1 and not Line.objects.exists()


def test_reimporting_a_csv_replaces_the_lines_and_keeps_the_key_issues(officer_client, year):
    post_import(officer_client, year, workbook())
    monitor = Monitor.objects.get()
    rows = [[name, e, i, "1.000"] for name, e, i, _ in LINES]

    response = officer_client.post(
        reverse("finance:monitor_replace", args=[monitor.pk]),
        {"spreadsheet": SimpleUploadedFile("lines.csv", csv_file(rows))},
    )

    assert response.status_code == 302
    assert set(monitor.lines.values_list("forecast_outturn", flat=True)) == {D("1.000")}
    assert monitor.key_issues.count() == 2
