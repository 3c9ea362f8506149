"""Resolving paths, directories and globs inside the allowed roots."""

import os
from pathlib import Path

import pytest

from datadossier.errors import PathNotAllowedError, SourceError
from datadossier.sources.files import dataset_files, resolve_files, safe_name, table_name_for


def _write(path: Path, text: str = "a,b\n1,2\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_a_directory_gives_one_table_per_data_file(tmp_path: Path) -> None:
    _write(tmp_path / "d" / "Orders 2021.csv")
    _write(tmp_path / "d" / "items.tsv")
    _write(tmp_path / "d" / "notes.md")
    files = resolve_files(tmp_path / "d", [tmp_path])
    assert [(f.table_name, f.format) for f in files] == [("items", "csv"), ("orders_2021", "csv")]


def test_files_named_alike_but_for_their_suffixes_are_named_with_them(tmp_path: Path) -> None:
    # UCI's iris.csv beside iris.data: both are read, each under a name of its own, and a
    # file named on its own gets the name its folder gives it.
    folder = tmp_path / "iris"
    _write(folder / "iris.csv")
    _write(folder / "iris.data", "5.1,3.5,Iris-setosa\n4.9,3.0,Iris-setosa\n")
    _write(folder / "Iris.CSV")
    _write(folder / "bezdekIris.data", "5.1,3.5,Iris-setosa\n")
    names = [f.table_name for f in resolve_files(folder, [tmp_path])]
    assert sorted(names) == ["bezdekiris", "iris_csv", "iris_csv_2", "iris_data"]
    assert [f.table_name for f in resolve_files(folder / "iris.data", [tmp_path])] == ["iris_data"]
    assert [f.table_name for f in resolve_files(folder / "bezdekIris.data", [tmp_path])] == ["bezdekiris"]


def test_prose_txt_files_beside_the_data_are_no_tables(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "data.csv").write_text("id,name\n1,a\n2,b\n")
    (folder / "README.txt").write_text(
        "This dataset holds sales records.\nColumns: id, name.\n\nLicense: CC-BY 4.0, see https://example.org.\n"
    )
    (folder / "LICENSE.txt").write_text("MIT License\n\nCopyright (c) 2020\n\nPermission is hereby granted, free of charge.\n")
    (folder / "scores.txt").write_text("name\tscore\nann\t5\nbob\t7\n")  # a table in a .txt file is one
    # A column of numbers alone: NASA C-MAPSS's remaining useful lives, UCI HAR's labels.
    (folder / "RUL_FD001.txt").write_text("112 \n98 \n69 \n82 \n91 \n")
    (folder / "y_train.txt").write_text("5\n5\n4\n2\n")
    (folder / "years.txt").write_text("1999\n")  # (too few lines to tell)
    # CMS's ICD-10-CM codes: a code padded to a width, then its description (left out as prose).
    (folder / "icd10cm_codes_2024.txt").write_text(
        "A000    Cholera due to Vibrio cholerae 01, biovar cholerae\nA0100   Typhoid fever unspecified\n"
        "I10     Essential (primary) hypertension\nZ20822  Contact with and (suspected) exposure to COVID-19\n"
        "E1165   Type 2 diabetes mellitus with hyperglycemia\nU071    COVID-19\n"
    )
    assert [f.table_name for f in resolve_files(folder, [tmp_path])] == [
        "data", "icd10cm_codes_2024", "rul_fd001", "scores", "y_train"
    ]
    # Named on its own, a .txt file is read whatever it holds.
    assert [f.table_name for f in resolve_files(folder / "README.txt", [tmp_path])] == ["readme"]


def test_tables_below_a_title_or_comments_are_listed_and_prose_is_named_as_left_out(tmp_path: Path) -> None:
    # GeoNames' countryInfo.txt opens with comment lines, UCI's adult.test with a line of its
    # own; both are tables of a folder. Prose is left out, and named so.
    folder = tmp_path / "d"
    folder.mkdir()
    rows = "".join(f"{i}, Private, {1000 + i}, Bachelors, >50K.\n" for i in range(20))
    (folder / "adult.test").write_text("|1x3 Cross validator\n" + rows)
    comments = "".join(f"# note {i}: see the readme\n" for i in range(12))
    (folder / "countryInfo.txt").write_text(comments + "#ISO\tCountry\nFR\tFrance\nUS\tUnited States\nNA\tNamibia\n")
    (folder / "README.txt").write_text("Census income data.\nSee adult.names, for the columns.\n")
    (folder / "notes.md").write_text("# Notes\n")
    (folder / "jobs").mkdir()  # (LinkedIn's dump: postings.csv beside companies/ and jobs/)
    (folder / "jobs" / "job_skills.csv").write_text("job_id,skill_abr\n1,IT\n")
    left_out: list[Path] = []
    assert [f.table_name for f in resolve_files(folder, [tmp_path], left_out=left_out)] == ["adult_test", "countryinfo"]
    assert sorted(left_out) == [folder / "README.txt", folder / "jobs"]  # a document by its suffix goes unnamed


def test_delimited_text_without_a_standard_suffix_is_read_by_its_content(tmp_path: Path) -> None:
    # UCI's ".data", OpenFlights' ".dat", and a Parquet file saved without its suffix.
    import duckdb

    folder = tmp_path / "d"
    _write(folder / "adult.data")
    _write(folder / "airports.dat")
    (folder / "blob.dat").write_bytes(b"\x00\x01\x02binary")
    _write(folder / "readme", "Adult income data.\n\nDonated by Ronny Kohavi and Barry Becker, 1996.\n")
    _write(folder / "notes.json", '{"a": 1, "b": 2}\n{"a": 3, "b": 4}\n')
    duckdb.connect().execute(f"COPY (SELECT 1 AS x) TO '{folder / 'export'}' (FORMAT parquet)")
    in_folder = resolve_files(folder, [tmp_path])
    assert [(f.table_name, f.format) for f in in_folder] == [
        ("adult", "csv"), ("airports", "csv"), ("export", "parquet")
    ]
    assert [f.format for f in resolve_files(folder / "export", [tmp_path])] == ["parquet"]
    # Named on its own, a file is taken whatever its name; the loader refuses what is no text.
    assert [f.format for f in resolve_files(folder / "blob.dat", [tmp_path])] == ["csv"]


def test_files_named_without_a_type_are_read_when_they_hold_a_table(tmp_path: Path) -> None:
    # BLS's time series folders: cu.series, cu.item, cu.data.0.Current, tab-separated, beside
    # a LICENSE and a blob that are no tables.
    folder = tmp_path / "cu"
    _write(folder / "cu.series", "series_id        \titem_code\tseasonal\nCUUR0000SA0      \tSA0\tU\n")
    _write(folder / "cu.data.0.Current", "series_id        \tyear\tperiod\tvalue\nCUUR0000SA0      \t2024\tM01\t 308.417\n")
    _write(folder / "LICENSE", "MIT License\n\nCopyright (c) 2020 Someone\n\nPermission is hereby granted, free of charge.\n")
    (folder / "blob").write_bytes(b"\x00\x01\x02binary, with, commas")
    assert [(f.table_name, f.format) for f in resolve_files(folder, [tmp_path])] == [
        ("cu_data_0_current", "csv"), ("cu_series", "csv")
    ]


def test_compressed_files_whose_inner_suffix_names_no_format_are_read_by_their_text(tmp_path: Path) -> None:
    # Redfin's Data Center downloads, gzipped TSV named state_market_tracker.tsv000.gz, beside
    # a gzipped JSON export that is no table.
    import gzip

    folder = tmp_path / "redfin"
    folder.mkdir()
    tsv = '"period_begin"\t"region"\t"median_sale_price"\n' + '"2023-01-01"\t"Seattle, WA metro area"\t750000\n' * 3
    (folder / "state_market_tracker.tsv000.gz").write_bytes(gzip.compress(tsv.encode()))
    (folder / "notes.json.gz").write_bytes(gzip.compress(b'{"a": 1, "b": 2}\n{"a": 3, "b": 4}\n' * 3))
    assert [(f.table_name, f.format) for f in resolve_files(folder, [tmp_path])] == [("state_market_tracker", "csv")]


def test_a_glob_leaves_out_what_a_folder_would(tmp_path: Path) -> None:
    # UCI's adult/*: the data, and the notes beside it.
    _write(tmp_path / "adult" / "adult.data", "39, State-gov, 77516\n50, Self-emp, 83311\n")
    _write(tmp_path / "adult" / "adult.names", "| This data was extracted from the census bureau database.\n")
    _write(tmp_path / "adult" / "notes.md", "# Adult\n\nSee adult.names.\n")
    assert [f.table_name for f in resolve_files(str(tmp_path / "adult" / "*"), [tmp_path])] == ["adult"]
    with pytest.raises(SourceError, match="no CSV or Parquet files"):
        resolve_files(str(tmp_path / "adult" / "*.md"), [tmp_path])


def test_a_glob_matches_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.csv")
    _write(tmp_path / "b.csv")
    assert [f.table_name for f in resolve_files(str(tmp_path / "*.csv"), [tmp_path])] == ["a", "b"]


def test_a_path_outside_the_roots_is_refused_and_names_the_roots(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    outside = _write(tmp_path / "secret.csv")
    with pytest.raises(PathNotAllowedError) as err:
        resolve_files(outside, [root])
    assert str(root) in str(err.value)


def test_dot_dot_cannot_escape_the_roots(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    _write(tmp_path / "secret.csv")
    with pytest.raises(PathNotAllowedError):
        resolve_files(root / ".." / "secret.csv", [root])


def test_a_symlink_pointing_outside_the_roots_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    secret = _write(tmp_path / "secret.csv")
    os.symlink(secret, root / "link.csv")
    with pytest.raises(PathNotAllowedError):
        resolve_files(root / "link.csv", [root])
    with pytest.raises(PathNotAllowedError):
        resolve_files(root, [root])


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="No such file"):
        resolve_files(tmp_path / "nope.csv", [tmp_path])


@pytest.mark.parametrize(
    ("file", "table"),
    [
        ("API_SP.POP.TOTL.csv", "api_sp_pop_totl"),  # dots inside the name are part of it
        ("sales.csv.gz", "sales"),
        ("sales.csv.bz2", "sales"),
        ("trips.tsv.xz", "trips"),
        ("trips.csv.zst", "trips"),
        ("export.tar.gz", "export"),
        ("data.tgz", "data"),
        ("On_Time_2023_1.zip", "on_time_2023_1"),
        ("part-00000.snappy.parquet", "part_00000"),
        ("adult.data", "adult"),
        ("2021.TSV", "t_2021"),
        ("zip_code_market_tracker.tsv000.gz", "zip_code_market_tracker"),  # Redfin's part number
    ],
)
def test_a_table_is_named_after_its_file_without_the_data_suffixes(tmp_path: Path, file: str, table: str) -> None:
    assert table_name_for(Path(file)) == table
    (tmp_path / file).write_bytes(b"a,b\n1,2\n")
    assert [f.table_name for f in resolve_files(str(tmp_path / file), [tmp_path])] == [table]


def test_safe_names_are_identifiers() -> None:
    assert safe_name("Sales Q1-2021") == "sales_q1_2021"
    assert safe_name("2021 data") == "t_2021_data"
    assert safe_name("***") == "unnamed"


def test_a_minus_sign_before_a_number_stays_distinct_in_a_table_name() -> None:
    # Daymet names a point's file by its coordinates, ``11736_lat_40.015_lon_-105.2705.csv``:
    # the west longitude must not take the east one's name; a hyphen between words or a
    # date's parts is still a separator.
    west = table_name_for(Path("point_-122.5_37.8.csv"))
    assert west == "point_m122_5_37_8"
    assert west != table_name_for(Path("point_122.5_37.8.csv"))
    assert table_name_for(Path("11736_lat_40.015_lon_-105.2705.csv")) == "t_11736_lat_40_015_lon_m105_2705"
    assert safe_name("sales-2021-01-05") == "sales_2021_01_05"
    assert safe_name("part-00000") == "part_00000"


def test_a_partitioned_dataset_is_one_table_and_other_folders_are_not(tmp_path: Path) -> None:
    dataset = tmp_path / "sales"
    for part in ("year=2020/month=1", "year=2020/month=2", "year=2021/month=1"):
        (dataset / part).mkdir(parents=True)
        (dataset / part / "part-0.parquet").write_bytes(b"PAR1")
    (dataset / "_SUCCESS").write_bytes(b"")  # as Spark leaves it
    (dataset / "_temporary" / "0").mkdir(parents=True)
    (dataset / "_temporary" / "0" / "part-9.parquet").write_bytes(b"PAR1")  # a job still writing
    assert [p.relative_to(dataset).parts[:2] for p in dataset_files(dataset)] == [
        ("year=2020", "month=1"), ("year=2020", "month=2"), ("year=2021", "month=1"),
    ]
    (found,) = resolve_files(str(dataset), [tmp_path])
    assert (found.path, found.format, found.table_name) == (dataset, "parquet", "sales")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    assert [f.table_name for f in resolve_files(str(tmp_path), [tmp_path])] == ["notes", "sales"]
    plain = tmp_path / "plain"
    (plain / "2020").mkdir(parents=True)
    (plain / "2020" / "x.parquet").write_bytes(b"PAR1")  # a folder not named key=value
    assert dataset_files(plain) == []
    with pytest.raises(SourceError, match="holds no CSV or Parquet file") as raised:
        resolve_files(str(plain), [tmp_path])
    # The folders are named, and how to read them (London's smart meters: block files in
    # halfhourly_dataset/ and daily_dataset/).
    assert "Its folders (2020) are not read" in raised.value.message
    assert raised.value.hint is not None
    assert str(plain / "2020") in raised.value.hint
    assert str(plain / "*" / "*.parquet") in raised.value.hint  # (it was *.csv for a folder of Parquet)
    # A pattern over some of its files is named for what they share, or as a subset.
    (year,) = resolve_files(str(dataset / "year=2020" / "*" / "*.parquet"), [tmp_path])
    assert (year.path, year.table_name) == (dataset / "year=2020" / "*" / "*.parquet", "sales_year_2020")
    (loose,) = resolve_files(str(dataset / "year=202[01]" / "month=[12]" / "part-0.parquet"), [tmp_path])
    assert loose.table_name == "sales"  # all of them
    (pair,) = resolve_files(str(dataset / "year=202?" / "month=1" / "part-0.parquet"), [tmp_path])
    assert pair.table_name == "sales_month_1"
    (dataset / "year=2021" / "month=2").mkdir()
    (dataset / "year=2021" / "month=2" / "part-1.parquet").write_bytes(b"PAR1")
    (some,) = resolve_files(str(dataset / "*" / "*" / "part-0.parquet"), [tmp_path])
    assert some.table_name == "sales_subset"



def test_dask_s_part_files_are_one_table(tmp_path: Path) -> None:
    # Dask writes part.0.parquet, part.1.parquet: each was a table of its own.
    table = tmp_path / "events"
    table.mkdir()
    for n in range(2):
        (table / f"part.{n}.parquet").write_bytes(b"PAR1")
    (found,) = resolve_files(str(table), [tmp_path])
    assert (found.path, found.table_name) == (table, "events")


def test_a_folder_whose_files_read_as_no_table_says_how_to_read_one(tmp_path: Path) -> None:
    # The Netflix Prize's combined_data_1.txt: "1:" lines between rows; the folder said it held
    # no CSV file, which sent agents away from the file.
    folder = tmp_path / "netflix"
    folder.mkdir()
    (folder / "combined_data_1.txt").write_text("1:\n1488844,3,2005-09-06\n2:\n822109,5,2005-05-13\n")
    with pytest.raises(SourceError) as raised:
        resolve_files(str(folder), [tmp_path])
    assert "Its files (combined_data_1.txt) do not read as tables" in raised.value.message
    assert f"profile one alone ({folder / 'combined_data_1.txt'})" in raised.value.message
