"""Text padded to a fixed width (BLS's flat files, CHAR(n) columns dumped as they are
stored), or wrapped in single quotes (ARFF's nominal values): the typed layer holds the values
without their spaces or quotes; the raw layer keeps them."""

from __future__ import annotations

from pathlib import Path

from tests.pipeline.helpers import run_file


def test_values_padded_to_a_width_are_trimmed_in_the_typed_layer(tmp_path: Path) -> None:
    path = tmp_path / "cu.data.0.Current"
    lines = ["series_id        \tyear\tperiod\t       value\tfootnote"]
    for i in range(3000):
        series = f"CUUR{i % 40:04d}SA{i % 7}"
        # A remark that ends with a space now and then is no padding.
        remark = "preliminary " if i % 10 == 0 else "final"
        lines.append(f"{series:<17}\t{1997 + i % 28}\tM{1 + i % 12:02d}\t{100 + i * 0.37:>12.3f}\t{remark}")
    path.write_text("\n".join(lines) + "\n")
    query = (
        'SELECT t.series_id, t.footnote, r.series_id, (SELECT min(length(series_id)) FROM "typed"."s.t"),'
        ' (SELECT max(length(series_id)) FROM "typed"."s.t")'
        ' FROM "typed"."s.t" t JOIN "raw"."s.t" r USING (_row_id) WHERE _row_id = 2'
    )
    out, rows = run_file(path, tmp_path, query)
    ((typed_id, footnote, raw_id, shortest, longest),) = rows
    assert (typed_id, footnote) == ("CUUR0001SA1", "final")
    assert raw_id == "CUUR0001SA1      "
    assert (shortest, longest) == (11, 11)
    inferences = {i.column_name: i for i in out.inferences}
    assert inferences["series_id"].padded
    assert "padded to a width" in inferences["series_id"].reason
    assert not inferences["footnote"].padded
    assert dict(out.typed_columns)["value"] == "DOUBLE"
    profile = next(p for p in out.profiles if p.column_name == "series_id")
    assert profile.max_length == 11


def test_a_key_mostly_filling_its_width_is_trimmed_where_the_file_pads_every_field(tmp_path: Path) -> None:
    # FAA's MASTER.txt pads every field to its width, a comma after the last: N-NUMBER is five
    # wide and most tail numbers fill it, so "1A   " kept its spaces beside a trimmed NAME.
    path = tmp_path / "MASTER.txt"
    lines = [f"{'N-NUMBER'},{'SERIAL NUMBER':<30},{'NAME':<30},{'MODE S CODE HEX':<10},"]
    for i in range(300):
        tail = f"{10000 + i * 7}" if i % 5 else ["1A", "100", "31TH", "552NW", "9S"][i % 25 // 5]
        lines.append(f"{tail:<5},{f'SN-{i * 13}':<30},{f'OWNER {i % 40} LLC':<30},{f'A{i:05X}':<10},")
    path.write_text("\n".join(lines) + "\n")
    query = 'SELECT max(length("N-NUMBER")), count_if("N-NUMBER" = \'1A\'), max(length("NAME")) FROM "typed"."s.t"'
    out, rows = run_file(path, tmp_path, query)
    assert rows == [(5, 12, 12)]
    inferences = {i.column_name: i for i in out.inferences}
    assert inferences["N-NUMBER"].padded
    assert "the file pads its columns to widths" in inferences["N-NUMBER"].reason


def test_values_of_spaces_alone_are_null_in_the_typed_layer(tmp_path: Path) -> None:
    # NYC's rolling sales: EASE-MENT is " " on every row, APARTMENT NUMBER on most, TAX CLASS
    # now and then (too rarely to pad the column); the raw layer keeps the spaces.
    path = tmp_path / "sales.csv"
    lines = ["BLOCK,EASE-MENT,APARTMENT NUMBER,TAX CLASS"]
    for i in range(400):
        lines.append(f"{1000 + i}, ,{'4C' if i % 5 == 0 else ' '},{' ' if i % 50 == 0 else '2A'}")
    path.write_text("\n".join(lines) + "\n")
    query = (
        'SELECT count("EASE-MENT"), count("APARTMENT NUMBER"), count("TAX CLASS"),'
        ' (SELECT count(*) FROM "raw"."s.t" WHERE "TAX CLASS" = \' \') FROM "typed"."s.t"'
    )
    out, rows = run_file(path, tmp_path, query)
    assert rows == [(0, 80, 392, 8)]
    nulls = {p.column_name: p.null_count for p in out.profiles}
    assert (nulls["EASE-MENT"], nulls["TAX CLASS"]) == (400, 8)


def test_free_text_with_spaces_around_it_is_kept_as_written(tmp_path: Path) -> None:
    # Wikitext's lines (" = Valkyria Chronicles III = ") and comments typed with a space
    # before them: no width, so nothing to trim (the typed layer trimmed them).
    path = tmp_path / "reviews.csv"
    words = ["great", "product", "works", "well", "arrived", "late", "but", "ok", "not", "as", "described"]
    lines = ["id,comment"]
    for i in range(300):
        text = " ".join(words[(i + k) % len(words)] for k in range(2 + i % 9))
        lines.append(f'{i}," {text}"' if i % 4 else f"{i},{text}")
    path.write_text("\n".join(lines) + "\n")
    out, rows = run_file(path, tmp_path, 'SELECT comment FROM "typed"."s.t" WHERE _row_id = 2')
    assert rows == [(" product works well",)]
    inference = next(i for i in out.inferences if i.column_name == "comment")
    assert not inference.padded
    assert "padded" not in inference.reason


def test_values_wrapped_in_single_quotes_are_unwrapped_in_the_typed_layer(tmp_path: Path) -> None:
    # OpenML's freMTPL2freq, a CSV from ARFF: Area "'D'", VehGas "'Regular'", Region "'R82'",
    # which no lookup's R82 met. A name with an apostrophe among plain ones stays as written.
    path = tmp_path / "fremtpl2freq.csv"
    lines = ["IDpol,Area,VehGas,Region,Driver"]
    for i in range(300):
        driver = "'Connor'" if i == 7 else "O'Brien" if i % 3 == 0 else "Smith"
        lines.append(f"{i}.0,'{'ABCDE'[i % 5]}','{'Regular' if i % 2 else 'Diesel'}','R{11 + i % 80}',{driver}")
    path.write_text("\n".join(lines) + "\n")
    query = (
        'SELECT t.Area, t.VehGas, t.Region, r.Region, t.Driver FROM "typed"."s.t" t JOIN "raw"."s.t" r USING (_row_id)'
        " WHERE _row_id IN (4, 8) ORDER BY _row_id"
    )
    out, rows = run_file(path, tmp_path, query)
    assert rows == [("D", "Regular", "R14", "'R14'", "O'Brien"), ("C", "Regular", "R18", "'R18'", "'Connor'")]
    inferences = {i.column_name: i for i in out.inferences}
    assert inferences["Region"].quoted
    assert "wrapped in single quotes" in inferences["Region"].reason
    assert not inferences["Driver"].quoted
