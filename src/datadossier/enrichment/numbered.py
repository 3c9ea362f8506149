"""Whole numbers that name things though their name says no "id": codes two tables share.

A registrar's extracts number a class section by its CRN (five digits, 10004 to 39971), a
person by a PIDM, a term by 202310: whole numbers under names of no key word. Nearly unique
in the sections and spread over a range many times the row count, a CRN looks like a measure
finely graded (UCI Adult's fnlwgt), and beside a term it would tell rows apart by chance; the
(term, crn) key of the sections, which every enrollment cites, was never tried. What tells it
from a measure is the other table: the enrollments hold numbers of the same width under the
same name. A measure is rarely written at one width in two tables of different layouts under
one name, and never so cited.
"""

from __future__ import annotations

from dataclasses import replace

from datadossier.enrichment.model import ColumnStats, TableStats
from datadossier.enrichment.naming import is_key_like, is_measure_like, names_a_time, names_a_year

# Digits a code shared by name has at least: a count or a score of one or two digits (an
# age, a grade's points) is no code, whatever tables repeat it.
MIN_DIGITS = 4


def _width(column: ColumnStats) -> int | None:
    """The number of digits every value has, of whole numbers of one width (10004..39971: 5);
    None for other columns, those of an identifier's name (keys already) and those named as
    a measure, a year or a time (other measures are no key parts anyway, see `keys._part_ok`)."""
    if column.family != "integer" or is_key_like(column.name) or column.min_value is None or column.max_value is None:
        return None
    name = column.name
    if is_measure_like(name) or names_a_year(name) or names_a_time(name):
        return None
    low, high = int(column.min_value), int(column.max_value)
    if low < 10 ** (MIN_DIGITS - 1) or len(str(low)) != len(str(high)):
        return None
    return len(str(high))


def codes_named_alike(tables: list[TableStats]) -> list[TableStats]:
    """``tables``, each column of whole numbers of one width (`_width`) marked ``named_alike``
    where a table of other columns (no part of the same dataset) holds numbers as wide under
    the same name: the CRN of a registrar's class_sections and enrollments."""
    widths: dict[str, list[tuple[str, frozenset[str], int]]] = {}
    for table in tables:
        header = frozenset(c.name.lower() for c in table.columns)
        for column in table.columns:
            width = _width(column)
            if width is not None:
                widths.setdefault(column.name.lower(), []).append((table.name, header, width))
    marked: set[tuple[str, str]] = set()
    for name, found in widths.items():
        for table_name, header, width in found:
            if any(other != table_name and other_header != header and w == width for other, other_header, w in found):
                marked.add((table_name, name))
    return [
        replace(t, columns=tuple(replace(c, named_alike=True) if (t.name, c.name.lower()) in marked else c for c in t.columns))
        if any(t.name == table_name for table_name, _ in marked) else t
        for t in tables
    ]
