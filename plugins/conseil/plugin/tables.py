"""Column labels on the cells of our data tables, for the stacked layout of phones."""

from __future__ import annotations

import re
from html import unescape
from itertools import count

from .filters import escaped

# Our data tables (inside a `cdd-table` region): the column headers, the body rows, the cells of a row.
_DATA_TABLE = re.compile(r'(<div class="cdd-table"[^>]*>\s*<table\b.*?</thead>)(.*?</table>)', re.S)
_COLUMN_HEADER = re.compile(r'<th scope="col"[^>]*>(.*?)</th>', re.S)
_ROW = re.compile(r"<tr\b.*?</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b")
_TAG = re.compile(r"<[^>]+>")


def label_cells(html: str) -> str:
    """Give each data cell of our tables its column's name (`data-colonne`), for the stacked layout of narrow
    screens: the same HTML is a table on a desktop and one block per row on a phone (conseil.css)."""
    if 'class="cdd-table"' not in html:
        return html
    return _DATA_TABLE.sub(_label_table, html)


def _label_table(match: re.Match) -> str:
    head, body = match.group(1), match.group(2)
    columns = [escaped(" ".join(unescape(_TAG.sub("", cell)).split())) for cell in _COLUMN_HEADER.findall(head)]

    def label_row(row: re.Match) -> str:
        position = count()

        def label_cell(cell: re.Match) -> str:
            index = next(position)
            if cell.group(1) == "td" and index < len(columns):
                return f'<td data-colonne="{columns[index]}"'
            return cell.group(0)

        return _CELL.sub(label_cell, row.group(0))

    return head + _ROW.sub(label_row, body)
