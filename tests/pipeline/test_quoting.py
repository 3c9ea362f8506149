"""Files read a second time when DuckDB refuses the first reading: double quotes that are
text, not CSV quoting (IMDb's TSV files), and a value in a last column that the lines read
left empty and unnamed (BTS on-time files), through a table's run."""

from __future__ import annotations

from pathlib import Path

import pytest

from datadossier.errors import SourceError
from datadossier.pipeline import stages
from tests.pipeline.helpers import run_file

TITLE = '"Weird Al" Yankovic: The Ultimate Video Collection'


TITLES = 'SELECT * FROM "typed"."s.t" WHERE title LIKE \'%Weird%\' ORDER BY _row_id'


def _run(path: Path, home: Path, query: str | None = TITLES) -> tuple[stages.StageOutput, list[tuple[object, ...]]]:
    """A table's run over ``path``, and the rows ``query`` then reads from its layers."""
    return run_file(path, home, query)


WHOLE = '"Dat is nu\'s leuk"'


def _titles(where: set[int], rows: int = 2000, whole: set[int] = frozenset()) -> str:
    lines = ["tconst\ttitle\tstartYear\tendYear"]
    for i in range(1, rows + 1):
        title = TITLE if i in where else WHOLE if i in whole else f"Title {i}"
        lines.append(f"tt{i:07d}\t{title}\t{1900 + i % 100}\t\\N")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", [{3, 40}, {900, 1500}], ids=["in_the_sniffed_lines", "past_them"])
def test_a_quote_that_starts_a_title_is_text(tmp_path: Path, where: set[int]) -> None:
    # Read as CSV quoting, the quote closes after "Weird Al" and the row cannot be read.
    path = tmp_path / "title.basics.tsv"
    path.write_text(_titles(where))
    out, rows = _run(path, tmp_path)
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (2000, 0)
    assert [(r[0], r[2]) for r in rows] == [(i, TITLE) for i in sorted(where)]
    assert out.read_options is not None
    assert out.read_options["quote"] == ""
    assert dict(out.typed_columns)["startYear"] == "INTEGER"


def test_a_few_titles_quoted_whole_do_not_make_the_file_quote_its_values(tmp_path: Path) -> None:
    # IMDb: one title written in quotes in the lines sniffed, a quote that starts a title
    # further on. The file does not quote values; the quotes are the titles' own.
    path = tmp_path / "title.basics.tsv"
    path.write_text(_titles({1500}, whole={74}))
    out, rows = _run(path, tmp_path, 'SELECT _row_id, title FROM "typed"."s.t" WHERE title LIKE \'"%\' ORDER BY 1')
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (2000, 0)
    assert rows == [(74, WHOLE), (1500, TITLE)]


def test_a_small_tsv_with_titles_quoted_whole_and_a_quote_that_starts_one(tmp_path: Path) -> None:
    # An IMDb slice of 30 rows: every line is sniffed, the title quoted whole among them.
    path = tmp_path / "title.basics.tsv"
    path.write_text(_titles({5}, rows=30, whole={9}))
    out, rows = _run(path, tmp_path, 'SELECT _row_id, title FROM "typed"."s.t" WHERE title LIKE \'"%\' ORDER BY 1')
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (30, 0)
    assert rows == [(5, TITLE), (9, WHOLE)]


@pytest.mark.parametrize("bad", [1000, 20], ids=["past_the_sniffed_lines", "in_them"])
def test_a_broken_quote_among_values_quoted_whole_stays_an_error(tmp_path: Path, bad: int) -> None:
    # The file quotes its values, so a broken quote is an error, not a hint that quotes are
    # text (reading them so would keep the quotes of every "Name").
    lines = ["id,title,n", *(f'{i},"Name {i}",{i}' for i in range(1, bad)), f'{bad},"Bad" row,5']
    path = tmp_path / "x.csv"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(SourceError, match=f"line {bad + 1}"):
        _run(path, tmp_path)


def _trailing(rows: int, extra: int | None) -> str:
    # BTS on-time files: the header and every row end in a comma.
    lines = ["FL_DATE,CARRIER,DEP_DELAY,"]
    for i in range(1, rows + 1):
        lines.append(f"2023-01-{1 + i % 28:02d},{'AA' if i % 3 else 'DL'},{i % 40 - 5}.00,{'late' if i == extra else ''}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("rows", [200, 60_000], ids=["sampled_after_the_load", "sampled_before"])
def test_an_empty_unnamed_last_column_is_not_loaded(tmp_path: Path, rows: int) -> None:
    path = tmp_path / "ontime.csv"
    path.write_text(_trailing(rows, None))
    out, _ = _run(path, tmp_path, None)
    assert [name for name, _ in out.raw_columns] == ["FL_DATE", "CARRIER", "DEP_DELAY"]
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (rows, 0)
    assert dict(out.typed_columns)["DEP_DELAY"] == "DOUBLE"


@pytest.mark.parametrize("rows", [700, 60_000], ids=["sampled_after_the_load", "sampled_before"])
def test_the_last_column_is_loaded_when_a_row_further_on_fills_it(tmp_path: Path, rows: int) -> None:
    path = tmp_path / "ontime.csv"
    path.write_text(_trailing(rows, rows - 3))
    out, values = _run(path, tmp_path, 'SELECT _row_id, column3 FROM "typed"."s.t" WHERE column3 IS NOT NULL')
    assert [name for name, _ in out.raw_columns] == ["FL_DATE", "CARRIER", "DEP_DELAY", "column3"]
    assert out.counts.raw_rows == rows
    assert values == [(rows - 3, "late")]


@pytest.mark.parametrize("extra", [None, 150], ids=["always_empty", "filled_further_on"])
def test_a_headerless_file_ending_every_line_in_its_delimiter(tmp_path: Path, extra: int | None) -> None:
    # TPC-H's and TPC-DS's generated .tbl/.dat files: no header, `|` after the last field.
    lines = [f"{i}|Customer#{i:09d}|{i % 25}|{'x' if i == extra else ''}" for i in range(1, 201)]
    path = tmp_path / "customer.tbl"
    path.write_text("\n".join(lines) + "\n")
    out, _ = _run(path, tmp_path, None)
    names = [name for name, _ in out.raw_columns]
    assert names == ["column0", "column1", "column2", *(["column3"] if extra else [])]
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (200, 0)


@pytest.mark.parametrize("at", [3, 1501])
def test_quotes_escaped_with_a_backslash_and_its_null(tmp_path: Path, at: int) -> None:
    # MySQL's SELECT ... INTO OUTFILE: \" inside quoted values, \N for NULL; DuckDB refused
    # the whole file at the first \" (beyond the lines sniffed, or among them).
    null = "\\N"
    lines = ["id,name,city"] + [
        f'{i},"Magdeburg \\"City\\" Airport","Magdeburg"' if i == at else f'{i},"Name {i}",{null if i % 10 == 0 else "City"}'
        for i in range(1, 2001)
    ]
    path = tmp_path / "names.csv"
    path.write_text("\n".join(lines) + "\n")
    out, rows = _run(path, tmp_path, 'SELECT name, (SELECT count(*) FROM "typed"."s.t" WHERE city IS NULL) FROM "typed"."s.t" WHERE id = ' + str(at))
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (2000, 0)
    assert rows == [('Magdeburg "City" Airport', 200)]


def test_a_stray_quote_in_a_tab_separated_file_is_text(tmp_path: Path) -> None:
    # Open Food Facts' export: tabs, no quoting, a product named '"Spécial K' among the first
    # lines; read as a quote it swallowed the lines after it and the file was refused.
    stray = '"Spécial K'
    lines = ["code\tproduct_name\tbrands\tfat_100g"] + [
        f"{3000000000000 + i}\t{stray if i == 60 else f'prod {i}'}\tbrand{i % 7}\t{i % 40}.5" for i in range(200)
    ]
    path = tmp_path / "off.tsv"
    path.write_text("\n".join(lines) + "\n")
    out, rows = _run(path, tmp_path, 'SELECT product_name FROM "typed"."s.t" WHERE code = \'3000000000060\'')
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (200, 0)
    assert rows == [('"Spécial K',)]


def test_quotes_that_open_and_close_on_other_lines_of_a_tsv_are_text(tmp_path: Path) -> None:
    # IMDb's titles: a few quoted whole ("Star Secret"), a quote inside one (House Dark "Wild),
    # and past the lines sniffed, one opening and the next closing further on. Read as CSV
    # quoting, the file was refused, or its rows between merged into one title without a word.
    special = {1500: '"Secret" "Road', 1502: 'Ted"'}
    lines = ["tconst\ttitleType\tprimaryTitle\tstartYear"]
    for i in range(1, 2001):
        title = special.get(i) or (f'"Star {i}"' if i % 30 == 0 else f'House Dark "Wild {i}' if i % 100 == 7 else f"Title {i}")
        lines.append(f"tt{i:07d}\tshort\t{title}\t{1890 + i % 100}")
    path = tmp_path / "title.basics.tsv"
    path.write_text("\n".join(lines) + "\n")
    out, rows = _run(path, tmp_path, 'SELECT primaryTitle FROM "typed"."s.t" WHERE tconst IN (\'tt0001500\', \'tt0001501\', \'tt0001502\') ORDER BY 1')
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (2000, 0)
    assert [r[0] for r in rows] == ['"Secret" "Road', 'Ted"', "Title 1501"]


def test_a_tsv_quoting_every_value_is_read_with_its_quotes(tmp_path: Path) -> None:
    # R's write.table(sep="\t") quotes every string: the quotes are quoting there.
    lines = ['"id"\t"name"\t"score"'] + [f'"{i}"\t"name {i}"\t{i % 50}' for i in range(300)]
    path = tmp_path / "r.tsv"
    path.write_text("\n".join(lines) + "\n")
    out, rows = _run(path, tmp_path, 'SELECT name FROM "typed"."s.t" WHERE id = 7')
    assert out.read_options is not None
    assert out.read_options["quote"] == '"'
    assert rows == [("name 7",)]


def test_a_null_token_is_named_as_written() -> None:
    from datadossier.sources.csv_loader import NullTokensSeen

    notes = stages._null_token_notes(NullTokensSeen(counts={"city": {"\\N": 200}}, rows=2000, whole=True))
    assert notes == {"city": " Null tokens read as missing when loaded: '\\N' (200)."}  # one backslash, as written


@pytest.mark.parametrize("at", [3, 1501], ids=["in_the_sniffed_lines", "past_them"])
def test_two_values_escaped_with_a_backslash_on_one_row(tmp_path: Path, at: int) -> None:
    # CourtListener's bulk dockets (PostgreSQL's COPY ... CSV, ESCAPE '\', FORCE_QUOTE *):
    # case_name and case_name_full often hold the same name, so one row holds two \"
    # escapes; DuckDB refused the whole file, naming neither the escaping nor the right line.
    name = '\\"Bud\\" Smith v. Acme'
    lines = ['"id","case_name","case_name_full","court_id"'] + [
        f'"{i}","{name}","{name}","nysd"' if i == at else f'"{i}","Doe v. Roe {i}","Doe v. Roe {i}","dcd"'
        for i in range(1, 2001)
    ]
    path = tmp_path / "dockets.csv"
    path.write_text("\n".join(lines) + "\n")
    out, rows = _run(path, tmp_path, f'SELECT case_name, case_name_full FROM "typed"."s.t" WHERE id = {at}')
    assert (out.counts.raw_rows, out.counts.quarantine_rows) == (2000, 0)
    assert rows == [('"Bud" Smith v. Acme', '"Bud" Smith v. Acme')]
