"""Spreadsheet-safe exports: the one way every CSV and XLSX download writes its cells.

Text typed by the public (a report's region, an ad's title) can reach an organisation's export. A
spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return
before one) as a formula: `=HYPERLINK(…)` leaks data, DDE formulas run programs (OWASP "CSV
injection"). Such a cell is written with a leading apostrophe, which spreadsheets show as text.
Numbers and phone numbers (`+40 21 313 3100`, `-3.5`) have no letters to call a function with and
stay as they are.
"""

import csv
import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER_LIKE = re.compile(r"^[+-]?[\d\s().,/-]*\d[\d\s().,/-]*$")


def safe_cell(value: Any) -> Any:
    """The value, with a leading apostrophe when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER_LIKE.match(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo `safe_cell` on a value read back from an export (for importers of our own files)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class SafeWriter:
    """A `csv.writer` whose rows go through `safe_cell`."""

    def __init__(self, stream, **kwargs: Any):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row) -> Any:
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream, **kwargs: Any) -> SafeWriter:
    return SafeWriter(stream, **kwargs)


def append_xlsx_row(sheet, row) -> None:
    """Append a row to an openpyxl worksheet; text is always text, never a formula."""
    sheet.append([safe_cell(value) for value in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
