"""CSV loading into the raw layer: detection, null tokens, row ids and bad input."""

import bz2
import codecs
import gzip
import io
import lzma
import tarfile
import zipfile
from pathlib import Path

import duckdb
import pytest
import zstandard

from datadossier.errors import SourceError
from datadossier.sources.csv_loader import (
    _names_from_dialect,
    load_csv_stage,
    open_csv,
    pin_columns,
    reopen_csv,
)
from datadossier.sources.files import DataFile, resolve_files

NULLS = ["NA", "N/A", "NULL", "null", "None", "-", "#N/A"]


def _load(con: duckdb.DuckDBPyConnection, path: Path, **kwargs: object):
    copy = path.parent / "workspace" / "copy.csv"
    copy.parent.mkdir(exist_ok=True)
    csv_copy = open_csv(
        DataFile(path, "csv", "t"), raw_copy=copy, null_tokens=NULLS, max_columns=2000, **kwargs,  # type: ignore[arg-type]
    )
    load_csv_stage(con, csv_copy, path, "raw_t")
    return csv_copy.dialect


def _loaded(con: duckdb.DuckDBPyConnection) -> tuple[list[str], int]:
    """The column names and the row count of the table `_load` filled."""
    names = [d[0] for d in con.execute("SELECT * FROM raw_t LIMIT 0").description]
    return names, con.execute("SELECT count(*) FROM raw_t").fetchall()[0][0]


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


def test_values_load_as_text_in_file_order(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id,zip,amount\n1,00501,$1.00\n2,02134,NA\n3,,-\n")
    dialect = _load(con, path)
    assert (dialect.delimiter, dialect.header, dialect.encoding) == (",", True, "utf-8")
    rows = con.execute("SELECT rowid + 1, * FROM raw_t ORDER BY rowid").fetchall()
    assert rows == [(1, "1", "00501", "$1.00"), (2, "2", "02134", None), (3, "3", None, None)]
    types = {d[0]: str(d[1]) for d in con.execute("SELECT * FROM raw_t").description}
    assert types == {"id": "VARCHAR", "zip": "VARCHAR", "amount": "VARCHAR"}


def test_database_dumps_write_null_as_backslash_n(con, tmp_path: Path) -> None:
    # IMDb's files and MySQL/PostgreSQL text dumps: \N is a missing value by default.
    from datadossier.config import DEFAULT_NULL_TOKENS

    path = tmp_path / "title.tsv"
    path.write_text("tconst\tendYear\ntt01\t\\N\ntt02\t1999\n")
    copy = open_csv(
        DataFile(path, "csv", "t"), raw_copy=tmp_path / "copy.tsv", null_tokens=list(DEFAULT_NULL_TOKENS), max_columns=10
    )
    load_csv_stage(con, copy, path, "raw_t")
    assert con.execute('SELECT "endYear" FROM raw_t ORDER BY rowid').fetchall() == [(None,), ("1999",)]


def test_rowid_follows_file_order_on_a_parallel_load(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("line,v\n" + "".join(f"{i},v{i}\n" for i in range(1, 300_001)))
    con.execute("SET threads = 2")
    _load(con, path)
    assert con.execute("SELECT count(*) FROM raw_t WHERE CAST(line AS BIGINT) <> rowid + 1").fetchall() == [(0,)]


def test_semicolon_latin1_file_is_detected(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("name;city\nJosé;München\nAnna;Zürich\n".encode("latin-1"))
    dialect = _load(con, path)
    assert (dialect.delimiter, dialect.encoding) == (";", "latin-1")
    assert con.execute("SELECT city FROM raw_t ORDER BY rowid").fetchall() == [("München",), ("Zürich",)]


def test_windows_1252_file_is_transcoded(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("item,price\ncafé,5 €\n".encode("cp1252"))
    assert _load(con, path).encoding == "cp1252"
    assert con.execute("SELECT * FROM raw_t").fetchall() == [("café", "5 €")]
    assert (tmp_path / "workspace" / "copy.csv").read_text(encoding="utf-8") == "item,price\ncafé,5 €\n"


def test_bytes_cp1252_leaves_undefined_are_read_as_latin_1(con, tmp_path: Path) -> None:
    # VAERS' text: a 0x9d among cp1252's quotes; and the quotes alone under an explicit
    # latin-1, whose control bytes DuckDB's Latin-1 reader refuses.
    path = tmp_path / "vaers.csv"
    path.write_bytes(b"ID,TXT\r\n1,\x9dx\r\n2,caf\xe9\r\n")
    assert _load(con, path).encoding == "latin-1"
    assert con.execute("SELECT TXT FROM raw_t ORDER BY rowid").fetchall() == [("\x9dx",), ("café",)]
    quotes = tmp_path / "quotes.csv"
    quotes.write_bytes(b"ID,TXT\r\n1,\x93q\x94\r\n2,plain\r\n")
    assert _load(con, quotes, encoding="latin-1").encoding == "latin-1"
    assert con.execute("SELECT TXT FROM raw_t ORDER BY rowid").fetchall() == [("\x93q\x94",), ("plain",)]


@pytest.mark.parametrize(
    ("codec", "header", "row", "found"),
    [
        ("shift_jis", ("都道府県", "市区町村", "人口"), ("東京都", "新宿区", "346235"), "cp932"),  # Japan's open data
        ("gbk", ("省份", "城市", "人口"), ("广东省", "广州市", "18676605"), "gb18030"),
        ("euc_kr", ("시도", "시군구", "인구"), ("서울특별시", "종로구", "149384"), "cp949"),
        ("cp1251", ("Регион", "Город", "Население"), ("Московская область", "Москва", "12655050"), "cp1251"),
    ],
)
def test_text_in_a_legacy_code_page_is_transcoded(
    con, tmp_path: Path, codec: str, header: tuple[str, ...], row: tuple[str, ...], found: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(("\n".join(",".join(r) for r in [header, *[row] * 50]) + "\n").encode(codec))
    assert _load(con, path).encoding == found
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == list(header)
    assert con.execute("SELECT DISTINCT * FROM raw_t").fetchall() == [row]


@pytest.mark.parametrize(
    ("codec", "lines"),
    [
        # GUS's BDL: Polish voivodeships in cp1250, read as cp1252 they were "DOLNOŒL¥SKIE".
        ("cp1250", ["Kod;Nazwa;Rok;Wartosc", "0200000;DOLNOŚLĄSKIE;2020;2891321", "1000000;ŁÓDZKIE;2020;2437970",
                    "1200000;MAŁOPOLSKIE;2020;3410441", "2600000;ŚWIĘTOKRZYSKIE;2020;1224626"]),
        # TÜİK: Turkish provinces in cp1254 ("Ýstanbul").
        ("cp1254", ["İl Kodu;İl;Yıl;Nüfus", "34;İstanbul;2020;15462452", "63;Şanlıurfa;2020;2115256",
                    "6;Ankara;2020;5663322", "35;İzmir;2020;4394694"]),
        # e-Stat: a table mostly of numbers in Shift-JIS, too few bytes past ASCII to be taken
        # for text of another code page by their share alone.
        ("cp932", ["地域コード,地域,人口,世帯数,増減率"] + [
            f"{k:02d}000,{name},{5224614 - k * 100003},{2476846 - k * 50001},-{k}.{k % 10}2"
            for k, name in enumerate(["北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県"] * 2, start=1)
        ]),
    ],
)
def test_central_european_and_japanese_code_pages_are_told_from_western(con, tmp_path: Path, codec: str, lines: list[str]) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(codec))
    assert _load(con, path).encoding == codec
    header = lines[0].split("," if codec == "cp932" else ";")
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == header
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(len(lines) - 1,)]


def test_western_text_with_oe_and_pound_signs_stays_western(con, tmp_path: Path) -> None:
    # French "cœur", "Œuvre", prices in pounds and cubic metres: Windows-1252's own letters.
    path = tmp_path / "x.csv"
    rows = ["titre;prix;volume", "Le cœur;£12;3 m³", "Œuvre complète;£7;1 m³", "Sœur Anne;£3;2 m³", "Bœuf;£9;4 m³"]
    path.write_bytes(("\n".join(rows) + "\n").encode("cp1252"))
    assert _load(con, path).encoding == "cp1252"


def test_utf16_text_exported_by_spreadsheets_is_transcoded(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    rows = "".join(f"Zoë {i}\tMünchen\t{i}.5\n" for i in range(100))
    path.write_bytes(("name\tcity\tamount\n" + rows).encode("utf-16"))  # with its BOM
    dialect = _load(con, path)
    assert (dialect.encoding, dialect.delimiter, dialect.header) == ("utf-16", "\t", True)
    assert con.execute("SELECT count(*), min(city), max(name) FROM raw_t").fetchall() == [(100, "München", "Zoë 99")]


def test_gzip_files_are_decompressed_into_the_copy(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv.gz"
    path.write_bytes(gzip.compress("id;city\n1;München\n2;Zürich\n".encode()))
    assert _load(con, path).delimiter == ";"
    assert con.execute("SELECT * FROM raw_t ORDER BY rowid").fetchall() == [("1", "München"), ("2", "Zürich")]
    assert (tmp_path / "workspace" / "copy.csv").read_text() == "id;city\n1;München\n2;Zürich\n"
    latin = tmp_path / "y.csv.gz"
    latin.write_bytes(gzip.compress("item,price\ncafé,5 €\n".encode("cp1252")))
    assert _load(con, latin).encoding == "cp1252"
    assert con.execute("SELECT * FROM raw_t").fetchall() == [("café", "5 €")]


def test_a_broken_gzip_file_is_a_clear_error(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv.gz"
    path.write_bytes(gzip.compress(b"id,v\n" + b"1,2\n" * 1000)[:40])
    with pytest.raises(SourceError, match="not a valid gzip file"):
        _load(con, path)
    path.write_bytes(b"id,v\n1,2\n")
    with pytest.raises(SourceError, match="not a valid gzip file"):
        _load(con, path)


def _tarred(members: dict[str, bytes], mode: str = "w:gz") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


TEXT = "id;city\n1;München\n2;Zürich\n"


@pytest.mark.parametrize(
    ("name", "packed"),
    [
        ("x.csv.bz2", bz2.compress(TEXT.encode())),
        ("x.csv.xz", lzma.compress(TEXT.encode())),
        ("x.csv.zst", zstandard.ZstdCompressor().compress(TEXT.encode())),
        ("x.zip", _zipped({"x.csv": TEXT.encode()})),
        ("x.tar.gz", _tarred({"export/x.csv": TEXT.encode(), "export/._x.csv": b"\0\1"})),
        ("x.tgz", _tarred({"x.csv": TEXT.encode()})),
        ("x.tar", _tarred({"x.csv": TEXT.encode()}, "w")),
        ("x.tar.xz", _tarred({"x.csv": TEXT.encode()}, "w:xz")),
        # macOS's resource folder and hidden files beside the one data file
        ("x.csv.zip", _zipped({"data/x.csv": TEXT.encode(), "__MACOSX/data/._x.csv": b"\0\1", "data/.DS_Store": b"\0"})),
    ],
)
def test_compressed_files_are_decompressed_into_the_copy(con, tmp_path: Path, name: str, packed: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(packed)
    assert _load(con, path).delimiter == ";"
    assert con.execute("SELECT * FROM raw_t ORDER BY rowid").fetchall() == [("1", "München"), ("2", "Zürich")]
    assert (tmp_path / "workspace" / "copy.csv").read_text() == TEXT


@pytest.mark.parametrize(
    "packed",
    [
        gzip.compress(TEXT.encode()),
        bz2.compress(TEXT.encode()),
        lzma.compress(TEXT.encode()),
        zstandard.ZstdCompressor().compress(TEXT.encode()),
        _zipped({"x.csv": TEXT.encode()}),
    ],
    ids=["gzip", "bzip2", "xz", "zstd", "zip"],
)
def test_a_compressed_file_named_as_plain_csv_is_read_by_its_content(con, tmp_path: Path, packed: bytes) -> None:
    path = tmp_path / "x.csv"  # a download saved without its .gz
    path.write_bytes(packed)
    assert _load(con, path).delimiter == ";"
    assert (tmp_path / "workspace" / "copy.csv").read_text() == TEXT


def test_text_that_starts_like_a_bzip2_file_is_text(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("BZh;city\n1;München\n")
    _load(con, path)
    assert con.execute("SELECT * FROM raw_t").fetchall() == [("1", "München")]


@pytest.mark.parametrize(
    ("name", "packed", "message"),
    [
        ("x.zip", _zipped({"a.csv": b"a\n1\n", "b.csv": b"b\n2\n"}), r"holds 2 files \(a.csv, b.csv\)"),
        ("x.zip", _zipped({}), r"holds 0 files \(none\)"),
        ("x.tar.gz", _tarred({"a.csv": b"a\n1\n", "b.csv": b"b\n2\n"}), r"holds 2 files \(a.csv, b.csv\)"),
        ("x.tgz", gzip.compress(b"not a tar archive" * 40), "not a valid tar file"),
        ("x.zip", _zipped({"t.parquet": b"PAR1"}), r"holds 1 files \(t.parquet\)"),
        ("x.zip", b"PK\x03\x04 not really", "not a valid zip file"),
        ("x.csv.bz2", b"BZh9 damaged", "not a valid bz2 file"),
        ("x.csv.xz", b"\xfd7zXZ\x00 damaged", "not a valid xz file"),
        ("x.csv.zst", b"\x28\xb5\x2f\xfd" + bytes(range(200)), "not a valid zstd file"),
        ("x.csv.7z", b"7z\xbc\xaf\x27\x1c" + bytes(range(200)), r"is compressed \(7z\), which is not read here"),
        ("x.xlsx", _zipped({"xl/workbook.xml": b"<workbook/>", "xl/sheet1.xml": b"<sheet/>"}), "is a spreadsheet workbook"),
    ],
)
def test_archives_that_cannot_be_read_say_why(con, tmp_path: Path, name: str, packed: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(packed)
    with pytest.raises(SourceError, match=message):
        _load(con, path)


def test_utf8_bom_is_not_part_of_the_first_name(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(codecs.BOM_UTF8 + "id,name\n1,é\n".encode())
    _load(con, path)
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == ["id", "name"]


def test_tab_pipe_and_dollar_delimiters(con, tmp_path: Path) -> None:
    # (The FDA's FAERS extracts separate their fields with "$".)
    for delim in ("\t", "|", "$"):
        path = tmp_path / "x.csv"
        path.write_text(f"a{delim}b\n1{delim}x, y\n")
        assert _load(con, path).delimiter == delim
    # A price with a dollar in a comma-separated file leaves the comma the delimiter.
    path = tmp_path / "x.csv"
    path.write_text("item,price\npen,$1.50\nink,$12\n")
    assert _load(con, path).delimiter == ","


@pytest.mark.parametrize("combinations", [3, 12], ids=["few_split_by_semicolons", "many_split_by_semicolons"])
def test_a_tilde_separated_file_is_split_at_its_tildes(con, tmp_path: Path, combinations: int) -> None:
    # The FDA Orange Book's products.txt: "~" between fields, ";" inside "DF;Route" and in
    # combination strengths ("5MG;325MG"), a comma in its dates. ";" was taken for the
    # delimiter: the file was refused as ragged, or (few combinations) loaded as two columns.
    path = tmp_path / "products.txt"
    single = "ATORVASTATIN CALCIUM~TABLET;ORAL~LIPITOR~EQ 10MG BASE~020702~Nov 15, 2000~RX\n"
    combined = "HYDROCODONE BITARTRATE; ACETAMINOPHEN~TABLET;ORAL~NORCO~5MG;325MG~040148~Approved Prior to Jan 1, 1982~RX\n"
    path.write_text(
        "Ingredient~DF;Route~Trade_Name~Strength~Appl_No~Approval_Date~Type\n" + single * 60 + combined * combinations
    )
    dialect = _load(con, path)
    assert (dialect.delimiter, dialect.field_count, dialect.ragged) == ("~", 7, False)
    assert _loaded(con) == (["Ingredient", "DF;Route", "Trade_Name", "Strength", "Appl_No", "Approval_Date", "Type"], 60 + combinations)
    assert con.execute('SELECT max("Strength") FROM raw_t').fetchall() == [("EQ 10MG BASE",)]


def test_a_file_named_tsv_is_split_at_tabs_when_commas_split_more(con, tmp_path: Path) -> None:
    # Eurostat's TSV: the first column joins five codes with commas, two periods follow.
    text = "freq,unit,age,sex,geo\\TIME_PERIOD\t2014 \t2015 \n" + "".join(
        f"A,NR,TOTAL,{'FM'[i % 2]},G{i}\t{4354123 + i} \t{4381203 + i} p\n" for i in range(20)
    )
    (tmp_path / "demo_pjan.tsv").write_text(text)
    dialect = _load(con, tmp_path / "demo_pjan.tsv")
    assert (dialect.delimiter, dialect.field_count) == ("\t", 3)
    (tmp_path / "demo_pjan.csv").write_text(text)  # (named .csv, the commas split it)
    assert _load(con, tmp_path / "demo_pjan.csv").delimiter == ","


@pytest.mark.parametrize("rows", [3, 5])
def test_tabs_around_a_json_record_are_the_delimiter_whatever_its_commas(con, tmp_path: Path, rows: int) -> None:
    # Open Library's ol_dump_authors_2024-01-31.txt: type, key, revision, then a JSON record
    # of one shape on every line, its commas more than the tabs.
    path = tmp_path / "ol_dump_authors.txt"
    path.write_text("".join(
        f'/type/author\t/authors/OL{i}A\t{i}\t{{"name": "Author {i}", "key": "/authors/OL{i}A",'
        f' "type": {{"key": "/type/author"}}, "revision": {i}}}\n'
        for i in range(1, rows + 1)
    ))
    dialect = _load(con, path)
    assert (dialect.delimiter, dialect.field_count, dialect.header) == ("\t", 4, False)
    assert _loaded(con)[1] == rows
    assert con.execute("SELECT column3 FROM raw_t LIMIT 1").fetchall()[0][0].startswith('{"name": "Author 1"')
    # (Commas outside the JSON keep their say: a comma-separated file with a JSON column.)
    path.write_text("".join(f'{i},"{{""a"": 1, ""b"": 2}}"\tx\n' for i in range(rows)))
    assert _load(con, path).delimiter == ","


def test_all_text_file_keeps_its_header(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("name,city\nAnna,Paris\nBob,Rome\n")
    assert _load(con, path).header is True


@pytest.mark.parametrize(
    ("text", "header"),
    [
        # The FEC's committee master: no header, every column text, ids of one shape.
        ("".join(f"C{i:08d}|FRIENDS OF {i}|X\n" for i in range(1, 30)), False),
        ("CMTE_ID|CMTE_NM|X\n" + "".join(f"C{i:08d}|FRIENDS OF {i}|X\n" for i in range(1, 30)), True),
        ("GEO_ID,B19013_001E\n" + "".join(f"0500000US{i:05d},N\n" for i in range(1, 30)), True),
        # UCI's mushroom file: no header, letter codes; its first row is one more mushroom.
        ("p,x,s,n,t,p,f\ne,x,s,y,t,a,f\ne,b,s,w,t,l,f\np,x,y,w,t,p,f\ne,x,s,g,f,n,f\ne,x,y,y,t,a,f\n", False),
        ("class,cap,odor\ne,x,a\np,x,p\ne,b,l\np,f,n\n", True),
        # A status column whose name is also one of its values stays a header.
        ("id,name,status\na1,Ann,open\nb2,Bob,status\nc3,Cy,closed\nd4,Di,open\n", True),
        # The FEC's contributions: the first a memo ("24T" over "15"s), with numbers besides.
        ("C00401224|A|201804059101866001|24T|SMITH, JOHN|25\nC00401224|N|201804059101866002|15|JONES, ROBERT|100\n"
         "C00401224|N|201804059101866004|15|LEE, SUSAN|-50\nC00401224|N|201804059101866005|15|KIM, DAVID|2800\n", False),
        # Retrosheet's TEAM2019: the Angels were the header (two cells values below, one a code
        # shaped as those under it); a header of codes' names over codes stays one.
        ("ANA,A,Los Angeles,Angels\nARI,N,Arizona,Diamondbacks\nATL,N,Atlanta,Braves\nBAL,A,Baltimore,Orioles\n"
         "LAN,N,Los Angeles,Dodgers\nNYA,A,New York,Yankees\n", False),
        ("ISO,CCY,NAME\nUSA,USD,United States\nFRA,EUR,France\nJPN,JPY,Japan\nDEU,EUR,Germany\n", True),
    ],
)
def test_an_all_text_first_row_shaped_as_the_codes_below_is_data(con, tmp_path: Path, text: str, header: bool) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text)
    assert _load(con, path).header is header


def test_headerless_numeric_file_is_read_as_data(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("1,2\n3,4\n")
    assert _load(con, path).header is False
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(2,)]


@pytest.mark.parametrize(
    ("text", "header"),
    [
        # The avocado prices: PLU codes name columns of volumes.
        ("Date,AveragePrice,4046,type\n2015-12-27,1.33,1036.74,conventional\n2015-12-20,1.35,674.28,organic\n"
         "2015-12-13,0.93,794.7,organic\n", True),
        ("station,1017\nLOC_A,12.5\nLOC_B,13.1\nLOC_C,9.9\n", False),  # a word over words: data
        ("value,1017\n3,12.5\n4,13.1\n5,9.9\n", True),  # one word over numbers, one number
        ("1,abc,3\n2,4,5\n3,6,7\n4,8,9\n", False),  # one stray word among numbers: data
    ],
)
def test_a_first_row_with_numbers_is_a_header_when_its_words_stand_over_numbers(
    con, tmp_path: Path, text: str, header: bool
) -> None:
    path = tmp_path / "x.csv"
    path.write_text(text)
    assert _load(con, path).header is header


_MARC_RECORDS = (
    "990001001,9780316769488 (pbk.),The catcher in the rye /,[1998?]\n"
    "990001017,0316769487 :,Mrs. Dalloway,c1925.\n"
    "990001030,9780131103627,The C programming language /,1988.\n"
    "990001044,9781449355739 (pbk.),Learning Python /,[2013]\n"
)


@pytest.mark.parametrize(
    ("first", "header"),
    [
        ("001,020$a,245$a,260$c", True),  # tags and subfields, as MarcEdit exports them
        ("001,020,245,260c", True),  # bare tags, a subfield's code run on
        ("990000999,9780000000000,A title /,1990.", False),  # a record: data
    ],
)
def test_a_first_row_of_marc_tags_is_a_header(con, tmp_path: Path, first: str, header: bool) -> None:
    # A catalogue export (MarcEdit's tab-delimited export, Koha's and Alma's reports) names its
    # columns by MARC tag, "001" first: the numbers made the header the first record.
    path = tmp_path / "catalog_export.csv"
    path.write_text(first + "\n" + _MARC_RECORDS)
    assert _load(con, path).header is header
    assert _loaded(con)[1] == 4 + (not header)
    # Three-digit codes over codes of the same shape are data.
    codes = tmp_path / "codes.csv"
    codes.write_text("".join(f"{i:03d},{i + 10:03d},{i + 20}a\n" for i in range(1, 6)))
    assert _load(con, codes).header is False


STATIONS = (
    "AE000041196  25.3330   55.5170   34.0    SHARJAH INTER. AIRP            GSN     41196\n"
    "ASN00086071 -37.8075  144.9700   31.2    MELBOURNE REGIONAL OFFICE      GSN     94868\n"
    "USW00094728  40.7789  -73.9692   39.6 NY NEW YORK CNTRL PK TWR          HCN     72506\n"
    "USW00023174  33.9381 -118.3889   29.6 CA LOS ANGELES INTL AP                    72295\n"
)


def test_fixed_width_records_are_split_at_their_columns(con, tmp_path: Path) -> None:
    # NOAA's ghcnd-stations.txt: names with spaces in a column of their own, empty fields.
    path = tmp_path / "ghcnd-stations.txt"
    path.write_text(STATIONS)
    dialect = _load(con, path)
    assert dialect.widths == (0, 12, 21, 33, 38, 41, 72, 80)
    assert (dialect.field_count, dialect.header) == (8, False)
    rows = con.execute("SELECT * FROM raw_t ORDER BY rowid").fetchall()
    assert rows[1] == ("ASN00086071", "-37.8075", "144.9700", "31.2", None, "MELBOURNE REGIONAL OFFICE", "GSN", "94868")
    assert rows[3][4:7] == ("CA", "LOS ANGELES INTL AP", None)
    # A folder lists it as a table; prose beside it is not.
    (tmp_path / "README.txt").write_text("The stations file lists\nevery station with its place\nand its name.\n")
    assert [f.table_name for f in resolve_files(tmp_path, [tmp_path])] == ["ghcnd_stations"]


_EDGAR_FILINGS = [
    ("10-K", "APPLE INC", "320193", "2023-11-03", "edgar/data/320193/0000320193-23-000106.txt"),
    ("10-K/A", "BERKSHIRE HATHAWAY INC", "1067983", "2023-11-03", "edgar/data/1067983/0000950170-23-061234.txt"),
    ("4", "SMITH JOHN A", "1883421", "2023-11-01", "edgar/data/1883421/0001209191-23-055123.txt"),
    ("8-K", "WALT DISNEY CO/", "1744489", "2023-11-02", "edgar/data/1744489/0001744489-23-000213.txt"),
    ("DEF 14A", "NVIDIA CORP", "1045810", "2023-11-01", "edgar/data/1045810/0001045810-23-000201.txt"),
    ("SC 13G/A", "VANGUARD GROUP INC", "102909", "2023-11-03", "edgar/data/102909/0000102909-23-000817.txt"),
]


def _edgar_line(form: str, company: str, cik: str, date: str, name: str) -> str:
    return f"{form:<12}{company:<62}{cik:<12}{date:<12}{name}\n"


def test_a_fixed_width_index_under_title_lines_is_split_at_its_named_columns(con, tmp_path: Path) -> None:
    # EDGAR's daily and full index form.idx: four "Key: value" title lines, blank lines, a
    # header whose names hold spaces, a rule of dashes, then fixed-width rows whose form
    # types and company names hold spaces too. It was one column named by the first title line.
    path = tmp_path / "form.idx"
    title = (
        "Description:           Daily Index of EDGAR Dissemination Feed by Form Type\n"
        "Last Data Received:    November 3, 2023\nComments:              webmaster@sec.gov\n"
        "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n\n\n\n"
    )
    header = _edgar_line("Form Type", "Company Name", "CIK", "Date Filed", "File Name")
    path.write_text(title + header + "-" * 139 + "\n" + "".join(_edgar_line(*row) for row in _EDGAR_FILINGS))
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header, dialect.rule_line, dialect.widths) == (7, True, True, (0, 12, 74, 86, 98))
    assert dialect.skipped_lines[0].startswith("Description:")
    assert _loaded(con) == (["Form Type", "Company Name", "CIK", "Date Filed", "File Name"], 6)
    rows = con.execute("SELECT * FROM raw_t ORDER BY rowid").fetchall()
    assert rows == _EDGAR_FILINGS
    # Without the title lines and the rule, the same columns.
    plain = tmp_path / "form_norule.txt"
    plain.write_text(header + "".join(_edgar_line(*row) for row in _EDGAR_FILINGS))
    assert _load(con, plain).widths == (0, 12, 74, 86, 98)
    assert _loaded(con)[0][1] == "Company Name"


def test_title_and_note_lines_before_the_table_are_skipped(con, tmp_path: Path) -> None:
    # As World Bank exports write it: notes, blank lines, then a header whose names are years.
    path = tmp_path / "x.csv"
    path.write_text(
        '"Data Source","World Development Indicators",\n\n"Last Updated Date","2024-06-28",\n\n'
        '"Country Name","Country Code","1960","1961",\n'
        '"Aruba","ABW","2.5","",\n"Chad","TCD","","7.25",\n'
    )
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header, dialect.field_count) == (4, True, 5)
    names = [d[0] for d in con.execute("SELECT * FROM raw_t").description]
    assert names[:4] == ["Country Name", "Country Code", "1960", "1961"]
    rows = con.execute('SELECT "Country Code", "1960", "1961" FROM raw_t ORDER BY rowid').fetchall()
    assert rows == [("ABW", "2.5", None), ("TCD", None, "7.25")]


def test_names_and_values_wider_than_the_table_above_it_are_a_preamble(con, tmp_path: Path) -> None:
    # NSRDB's weather files: the site's metadata as a row of names and one of values, then
    # the table's own header (its first line had named the table's columns wrongly).
    path = tmp_path / "tmy.csv"
    path.write_text(
        "Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation,Version\n"
        "NSRDB,149190,-,-,-,40.01,-105.26,-7,1634,3.2.0\n"
        "Year,Month,Day,Hour,Minute,GHI,Temperature\n"
        + "".join(f"2003,1,1,{h},30,{max(0, 60 * (h - 7))},{h / 4 - 5:.1f}\n" for h in range(24))
    )
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header, dialect.field_count) == (2, True, 7)
    assert _loaded(con) == (["Year", "Month", "Day", "Hour", "Minute", "GHI", "Temperature"], 24)


def test_a_preamble_with_other_line_ends_than_the_table_is_read(con, tmp_path: Path) -> None:
    # Notes written with LF before a table written with CRLF: DuckDB's reader takes one line
    # end per file, so the copy gets LF throughout.
    path = tmp_path / "x.csv"
    path.write_bytes(
        b'"Data Source","World Development Indicators",\n\n"Last Updated Date","2024-06-28",\n\n'
        b'"Country Name","Country Code","1960","1961",\r\n"Aruba","ABW","2.5","",\r\n"Chad","TCD","","7.25",\r\n'
    )
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header, dialect.field_count) == (4, True, 5)
    rows = con.execute('SELECT "Country Code", "1960", "1961" FROM raw_t ORDER BY rowid').fetchall()
    assert rows == [("ABW", "2.5", None), ("TCD", None, "7.25")]
    assert b"\r" not in (tmp_path / "workspace" / "copy.csv").read_bytes()


def test_line_breaks_inside_quoted_values_are_not_mixed_line_ends(con, tmp_path: Path) -> None:
    # As spreadsheets write it: LF inside a cell, CRLF after each row. Read as it is, and
    # copied byte for byte.
    path = tmp_path / "x.csv"
    path.write_bytes(b'id,note\r\n1,"first line\nsecond line"\r\n2,plain\r\n')
    _load(con, path)
    assert con.execute("SELECT note FROM raw_t ORDER BY rowid").fetchall() == [("first line\nsecond line",), ("plain",)]
    assert (tmp_path / "workspace" / "copy.csv").read_bytes() == path.read_bytes()


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # No header: the first row's quoted value holds the file's first line break.
        (b'ann|"two\nlines"|1\r\nbob|plain|2\r\ncy|"x"|3\r\n', [("ann", "two\nlines", "1"), ("bob", "plain", "2"), ("cy", "x", "3")]),
        # A header name on two lines, as spreadsheets write a wrapped heading.
        (b'id,"Total\nsales"\r\n1,5\r\n2,7\r\n', [("1", "5"), ("2", "7")]),
    ],
    ids=["first_row", "header"],
)
def test_a_line_break_in_a_quoted_value_of_the_first_row_makes_every_line_end_lf(
    con, tmp_path: Path, text: bytes, rows: list[tuple[str, ...]]
) -> None:
    # DuckDB takes the first line break it meets for the file's line end: with CRLF after
    # the rows it then cannot read the file. The copy ends every line in LF instead.
    path = tmp_path / "x.csv"
    path.write_bytes(text)
    _load(con, path)
    assert con.execute("SELECT * FROM raw_t ORDER BY rowid").fetchall() == rows
    assert b"\r" not in (tmp_path / "workspace" / "copy.csv").read_bytes()


def test_a_title_line_is_skipped_and_the_sample_starts_at_the_header(con, tmp_path: Path) -> None:
    from datadossier.sources.csv_loader import sample_csv

    path = tmp_path / "x.csv"
    path.write_text("Monthly sales report\nregion,month,amount\n" + "".join(f"r{i % 3},{i % 12 + 1},{i}.5\n" for i in range(3000)))
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header) == (1, True)
    assert con.execute("SELECT count(*), min(region) FROM raw_t").fetchall() == [(3000, "r0")]
    copy = open_csv(DataFile(path, "csv", "t"), raw_copy=tmp_path / "copy2.csv", null_tokens=NULLS, max_columns=10)
    sample = sample_csv(copy, tmp_path / "sample.csv", rows=200, blocks=4)
    assert sample is not None
    names = [d[0] for d in con.execute(f"SELECT * FROM {sample}").description]
    assert names == ["region", "month", "amount"]


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("Country,1990,2000\nChad,1.5,2.5\n", True),  # years naming the columns of a wide table
        ("Bob,1990,2000\nAnn,1985,1999\n", False),  # years in every row: data
        ("Bob,2000,1990\nAnn,1.5,2.5\n", False),  # not rising: data
        ("2019,2020,2021\n1.5,2.5,3.5\n", True),  # years only, over values
        ("1999,2000\n2001,2002\n", False),  # years over years: data
        # Dates naming the columns of a time series (the Johns Hopkins COVID-19 files).
        ("Province/State,Country/Region,Lat,Long,1/22/20,1/23/20\n,Chad,15.4,18.7,0,2\n", True),
        ("country,2021,2020,2019\nAT,1.5,1.2,1.1\nBE,2.5,2.2,2.1\n", True),  # newest first (Eurostat)
        ("Bob,1/22/20,1/23/20\nAnn,2/2/21,3/3/21\n", False),  # dates over dates: data
        ("Bob,1/22/20,1/22/20\nAnn,1,2\n", False),  # the same date twice names no columns
        ("Bob,1/22/20,1/23/20\nAnn,2/2/21,N/A\nCy,3/3/21,4/4/21\n", False),  # dates over dates and a null: data
        # Eurostat's corner names periods, one year or two newest first (read as data before).
        ("unit;geo\\time;2021\nPC;AT;5.1\nPC;BE;5.5\nPC;BG;4.3\n", True),
        ("geo\\TIME_PERIOD;2022;2021\nAT;5.1;5.0\nBE;5.5;5.4\nBG;4.3;4.1\n", True),
    ],
)
def test_a_first_row_of_years_or_dates_is_a_header_only_over_columns_of_other_values(
    con, tmp_path: Path, text: str, header: bool
) -> None:
    path = tmp_path / "x.csv"
    path.write_text(text)
    assert _load(con, path).header is header


_TRIANGLE = "2019,5351889,8039405,9262643,9500000\n2020,3083904,3723744,5245433,\n2021,4100000,5200000,,\n2022,3900000,,,\n"


@pytest.mark.parametrize(
    ("first", "header"),
    [
        ("Accident Year,12,24,36,48", True),  # development ages in months (CAS, Schedule P)
        ("Accident Year,1,2,3,4", True),  # lags (chainladder's exports)
        ('accident_year,"12","24","36","48"', True),
        ("Accident Year,12,24,24,48", False),  # not rising: no ages
        ("2018,12,24,36,48", False),  # a year over the years: data
    ],
)
def test_a_loss_triangle_s_development_ages_over_its_accident_years_are_a_header(
    con, tmp_path: Path, first: str, header: bool
) -> None:
    # A loss-development triangle: accident years down, cumulative paid losses by age across.
    path = tmp_path / "triangle.csv"
    path.write_text(f"{first}\n{_TRIANGLE}")
    assert _load(con, path).header is header
    if header:
        assert _loaded(con) == ([first.split(",")[0], *(c.strip('"') for c in first.split(",")[1:])], 4)


_FACTORS = "2019,1.876,1.367,1.131,1.077\n2020,1.919,1.323,1.146,\n2021,1.874,1.328,,\nSelected,1.890,1.339,1.139,1.077\n"


@pytest.mark.parametrize(
    ("below", "title"),
    [
        # Paid then incurred losses, the same header over each, with or without a blank line.
        ("\nAccident Year,12,24,36,48\n" + _TRIANGLE, "Accident Year,12,24,36,48"),
        ("Accident Year,12,24,36,48\n" + _TRIANGLE, "Accident Year,12,24,36,48"),
        # The age-to-age factors under a title line, or titled in the header's corner.
        ("\nAge-to-Age Factors\nAccident Year,12-24,24-36,36-48,48-Ult\n" + _FACTORS, "Age-to-Age Factors"),
        ("\nAge-to-Age Factors,12-24,24-36,36-48,48-Ult\n" + _FACTORS, "Age-to-Age Factors,12-24,24-36,36-48,48-Ult"),
    ],
    ids=["repeated", "repeated_without_a_break", "factors_under_a_title", "factors_titled_in_the_corner"],
)
def test_a_loss_triangle_stacked_under_another_is_a_second_table(con, tmp_path: Path, below: str, title: str) -> None:
    # Reserving tools export paid and incurred triangles, or a triangle and its age-to-age
    # factors, one under another: the header was read as data (column0..column4, "12" a
    # loss), both blocks were one table, the factors losses 1000 times too large, and a short
    # export was refused as ragged.
    path = tmp_path / "paid_tri.csv"
    path.write_text("Accident Year,12,24,36,48\n" + _TRIANGLE + below)
    dialect = _load(con, path)
    assert (dialect.header, dialect.second_table) == (True, (6 + below.startswith("\n"), title))
    assert _loaded(con) == (["Accident Year", "12", "24", "36", "48"], 4)


def test_a_wide_table_of_years_repeated_under_a_blank_line_stays_one_table(con, tmp_path: Path) -> None:
    # Figures by region and year, two exports concatenated: years are no development ages.
    path = tmp_path / "regions.csv"
    path.write_text(
        'Region,2019,2020,2021\nNorth,"1,957,124","3,710,916","5,919,307"\nEast,101,233,402\n\n'
        'Region,2019,2020,2021\nNorth,"957,124","710,916","919,307"\nEast,11,23,40\n'
    )
    dialect = _load(con, path)
    assert (dialect.second_table, dialect.repeated_headers) == (None, 1)
    assert _loaded(con) == (["Region", "2019", "2020", "2021"], 4)


def test_rows_ending_in_a_delimiter_the_header_lacks_keep_the_header_columns(con, tmp_path: Path) -> None:
    # "a,b" over "1,2,": a trailing delimiter some exports write, not a third column.
    path = tmp_path / "x.csv"
    path.write_text("a,b\n" + "".join(f"{i},{i * 2},\n" for i in range(31)))
    dialect = _load(con, path)
    assert dialect.field_count == 2
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == ["a", "b"]
    assert con.execute("SELECT count(*), max(CAST(b AS INTEGER)) FROM raw_t").fetchall() == [(31, 60)]


def test_a_space_after_every_delimiter_belongs_to_the_delimiter(con, tmp_path: Path) -> None:
    # The UCI repository's files: "39, State-gov, 77516", no header, "?" for a missing value.
    from datadossier.config import DEFAULT_NULL_TOKENS

    path = tmp_path / "adult.data"
    path.write_text("".join(f"{30 + i}, {'?' if i % 3 == 0 else 'Private'}, \"{i}, {i}\", <=50K\n" for i in range(30)))
    copy = open_csv(
        DataFile(path, "csv", "t"), raw_copy=tmp_path / "copy.csv", null_tokens=list(DEFAULT_NULL_TOKENS), max_columns=10
    )
    load_csv_stage(con, copy, path, "raw_t")
    assert copy.dialect is not None
    assert (copy.dialect.initial_space, copy.dialect.header) == (True, False)
    rows = con.execute("SELECT * FROM raw_t ORDER BY rowid LIMIT 2").fetchall()
    assert rows == [("30", None, "0, 0", "<=50K"), ("31", "Private", "1, 1", "<=50K")]


def test_a_delimiter_without_its_space_keeps_the_spaces_in_the_values(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a, b\n1, x\n2,y\n")
    dialect = _load(con, path)
    assert not dialect.initial_space
    assert con.execute("SELECT b FROM raw_t ORDER BY rowid").fetchall() == [(" x",), ("y",)]


def test_excel_s_sep_line_names_the_delimiter(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"sep=;\r\nName;Betrag\r\n" + b"".join(b"n%d;\"%d,50\"\r\n" % (i, i) for i in range(20)))
    dialect = _load(con, path)
    assert (dialect.delimiter, dialect.skip, dialect.header) == (";", 1, True)
    assert con.execute("SELECT * FROM raw_t ORDER BY rowid LIMIT 1").fetchall() == [("n0", "0,50")]


def test_blank_lines_among_and_after_the_rows_are_no_rows(con, tmp_path: Path) -> None:
    # Empty lines between rows, and lines of spaces after the table (hand-edited files).
    path = tmp_path / "x.csv"
    path.write_text("a,b\n" + "".join(f"{i},x{i}\n" + ("\n" if i % 7 == 0 else "") for i in range(30)) + "\n   \n \t\n\n")
    _load(con, path)
    rows = con.execute("SELECT rowid + 1, a, b FROM raw_t ORDER BY rowid").fetchall()
    assert rows == [(i + 1, str(i), f"x{i}") for i in range(30)]


def test_rows_of_delimiters_alone_after_the_table_are_no_rows(con, tmp_path: Path) -> None:
    # As spreadsheets export formatted but empty rows; such a row inside the table is no row
    # either (counted, see the test of MITRE's allitems.csv below).
    path = tmp_path / "x.csv"
    path.write_bytes(b'region,sales\r\nNorth,5\r\n,\r\nSouth,7\r\n,\r\n"",""\r\n , \r\n')
    _load(con, path)
    assert con.execute("SELECT * FROM raw_t ORDER BY rowid").fetchall() == [("North", "5"), ("South", "7")]


def test_only_cr_and_lf_end_lines(con, tmp_path: Path) -> None:
    # A vertical tab (Excel's line break in a cell) or U+2028 (text copied from the web) in
    # an unquoted value is data, not the end of a row.
    path = tmp_path / "x.csv"
    path.write_text("a,b\n" + "".join(f"{i},line\u2028break\x0bhere\n" for i in range(20)), newline="")
    _load(con, path)
    assert con.execute("SELECT count(*), min(b) FROM raw_t").fetchall() == [(20, "line\u2028break\x0bhere")]


def test_a_quoted_value_spanning_the_end_of_the_sniffed_lines_is_no_ragged_row(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    # Values of three lines of digits: a row cut after its first line looks like no footer note.
    rows = "".join(f'"{i}\n{i + 1}\n{i + 2}",{i}\n' for i in range(400))  # 1,200 lines
    path.write_text("b,a\n" + rows)
    _load(con, path)
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(400,)]


def test_quotes_escaped_with_a_backslash_are_seen_in_the_lines_read(con, tmp_path: Path) -> None:
    # CourtListener's bulk CSV (PostgreSQL's COPY ... ESCAPE '\'), a docket's name with
    # quotes in both name columns and a line break in another row's full name.
    path = tmp_path / "dockets.csv"
    path.write_text(
        '"id","case_name","case_name_full","court_id"\n'
        '"1","\\"Bud\\" Smith v. Acme","\\"Bud\\" Smith v. Acme","nysd"\n'
        '"2","Doe v. City","Jane Doe\nv. City of New York","cand"\n'
        '"3","Roe v. Wade","Roe v. Wade","ca5"\n'
    )
    dialect = _load(con, path)
    assert dialect is not None
    assert dialect.as_dict()["escape"] == "\\"
    rows = con.execute("SELECT case_name, case_name_full FROM raw_t ORDER BY rowid").fetchall()
    assert rows[0] == ('"Bud" Smith v. Acme', '"Bud" Smith v. Acme')
    assert rows[1] == ("Doe v. City", "Jane Doe\nv. City of New York")


def test_a_windows_path_ending_in_a_backslash_keeps_doubled_quotes(con, tmp_path: Path) -> None:
    # A folder's path quoted whole beside a value with doubled quotes: the backslash before a
    # closing quote escapes nothing.
    path = tmp_path / "shares.csv"
    path.write_text('share,path,note\n"a","C:\\data\\","the ""main"" one"\n"b","D:\\x\\","plain"\n"c","E:\\","plain"\n')
    dialect = _load(con, path)
    assert dialect is not None
    assert "escape" not in dialect.as_dict()
    assert con.execute("SELECT path, note FROM raw_t ORDER BY rowid").fetchall()[0] == ("C:\\data\\", 'the "main" one')


def test_a_last_row_with_a_line_break_in_a_quoted_value_and_no_final_newline(con, tmp_path: Path) -> None:
    # The whole file was sniffed: its last line is complete, not a line the block cut.
    path = tmp_path / "x.csv"
    path.write_bytes(b'n|note|day\n2|"two\r\nlines"|2021-01-06')
    dialect = _load(con, path)
    assert (dialect.delimiter, dialect.field_count) == ("|", 3)
    assert con.execute("SELECT * FROM raw_t").fetchall() == [("2", "two\r\nlines", "2021-01-06")]


def test_a_single_column_of_text_holding_commas_is_one_column(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    # Most lines have no comma; a few have one or more ("," would make a ragged table).
    lines = [f"line {i}" + ", and more" * (i % 3) if i % 4 == 0 else f"plain line {i}" for i in range(40)]
    path.write_text("sentence\n" + "\n".join(lines) + "\n")
    dialect = _load(con, path)
    assert dialect.field_count == 1
    assert dialect.delimiter != ","
    assert con.execute("SELECT count(*), max(sentence) FROM raw_t").fetchall() == [(40, "plain line 9")]
    assert con.execute("SELECT sentence FROM raw_t WHERE rowid = 4").fetchall() == [("line 4, and more",)]


def test_columns_are_named_from_the_dialect_when_duckdb_s_sniffer_gives_up(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b'\xef\xbb\xbf"USD 42,135.54",0,641935.074\r\n"$68,872.72",true,-610814.20\r\n')
    copy = tmp_path / "workspace" / "copy.csv"
    copy.parent.mkdir()
    unpinned = open_csv(DataFile(path, "csv", "t"), raw_copy=copy, null_tokens=NULLS, max_columns=10)
    with pytest.raises(duckdb.Error, match="sniffing"):
        con.execute(f"SELECT * FROM {unpinned.reader()} LIMIT 0")
    opened = pin_columns(con, unpinned)
    assert opened.columns == ("column0", "column1", "column2")
    load_csv_stage(con, opened, path, "raw_t")
    assert con.execute("SELECT * FROM raw_t").fetchall() == [
        ("USD 42,135.54", "0", "641935.074"), ("$68,872.72", "true", "-610814.20"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a,,a,b\nx,1,2,3\n",  # a blank name and a repeated one
        "x,x,x_1\nu,v,w\n",
        ",,\nu,v,w\n",
        "".join(f"{i}," for i in range(11)) + "11\n" + ",".join(["2"] * 12) + "\n",  # no header, 12 columns
    ],
)
def test_names_from_the_dialect_are_the_names_duckdb_gives(con, tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(text)
    copy = open_csv(DataFile(path, "csv", "t"), raw_copy=tmp_path / "copy.csv", null_tokens=NULLS, max_columns=20)
    duckdb_names = [d[0] for d in con.execute(f"SELECT * FROM {copy.reader()} LIMIT 0").description]
    assert _names_from_dialect(copy) == duckdb_names


def test_values_aligned_by_spaces_are_columns(con, tmp_path: Path) -> None:
    # As the UCI repository's housing.data: no header, values right-aligned by spaces.
    path = tmp_path / "housing.data"
    rows = [(0.00632 * i, 18.0, i % 2, 296.0 + i) for i in range(1, 30)]
    path.write_text("".join(" " + " ".join(f"{v:>9}" for v in row) + "\n" for row in rows))
    dialect = _load(con, path)
    assert (dialect.spaces, dialect.field_count, dialect.header) == (True, 4, False)
    assert con.execute("SELECT * FROM raw_t WHERE rowid = 1").fetchall() == [("0.01264", "18.0", "0", "298.0")]
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(29,)]


def test_a_tab_before_a_quoted_name_after_values_aligned_by_spaces(con, tmp_path: Path) -> None:
    # As auto-mpg.data: numbers aligned by spaces, a tab, then the car's name in quotes.
    path = tmp_path / "auto-mpg.data"
    names = ["chevrolet chevelle malibu", "ford torino"]
    path.write_text(
        "".join(f'{18 + i}.0   8   307.0      {"?" if i == 3 else "130.0"}      3504.\t"{names[i % 2]}"\n' for i in range(20))
    )
    dialect = _load(con, path)
    assert (dialect.spaces, dialect.field_count) == (True, 6)
    assert con.execute("SELECT * FROM raw_t WHERE rowid < 2 ORDER BY rowid").fetchall() == [
        ("18.0", "8", "307.0", "130.0", "3504.", "chevrolet chevelle malibu"),
        ("19.0", "8", "307.0", "130.0", "3504.", "ford torino"),
    ]
    assert con.execute("SELECT column3 FROM raw_t WHERE rowid = 3").fetchall() == [("?",)]


def test_a_quote_inside_a_value_separated_by_spaces_is_part_of_it(con, tmp_path: Path) -> None:
    # Wikipedia's pageviews: project, title, views, bytes; a title that opens with a quoted
    # word ("Heroes"_(David_Bowie_song)) made a field of its own, and the file one column.
    path = tmp_path / "pageviews-20160101-010000"
    titles = ["Main_Page", '"Heroes"_(David_Bowie_song)', "Berlin", "Paris", "Special:Search"]
    path.write_text("".join(f"{'en' if i % 3 else 'de.m'} {titles[i % 5]} {7 + i * 13} 0\n" for i in range(40)))
    dialect = _load(con, path)
    assert (dialect.spaces, dialect.field_count, dialect.header) == (True, 4, False)
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(40,)]
    assert con.execute("SELECT column1 FROM raw_t WHERE rowid = 1").fetchall() == [('"Heroes"_(David_Bowie_song)',)]


@pytest.mark.parametrize(
    "text",
    [
        "name\tseen\tn\n" + "".join(f"Ann Lee\t2021-01-0{i} 10:00:00\t{i}\n" for i in range(1, 9)),  # a TSV of text
        "sentence\n" + "".join(f"word {i} word\n" for i in range(20)),  # one column of words
    ],
)
def test_spaces_inside_values_do_not_separate_them(con, tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(text)
    dialect = _load(con, path)
    assert not dialect.spaces
    assert dialect.field_count == text.split("\n")[0].count("\t") + 1


def test_a_value_after_the_last_named_column_is_a_column_the_header_lacks(con, tmp_path: Path) -> None:
    # Polity5's p5v2018: a field after the last name, empty but on a few rows.
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2,\n3,4,extra\n5,6,\n")
    dialect = _load(con, path)
    assert dialect.unnamed == "last"
    assert con.execute("SELECT * FROM raw_t ORDER BY a").fetchall() == [("1", "2", None), ("3", "4", "extra"), ("5", "6", None)]
    assert _loaded(con) == (["a", "b", "column2"], 3)


def test_a_header_one_name_short_is_not_taken_for_a_preamble(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3,4\n5,6,7,8\n")
    dialect = _load(con, path)
    assert dialect.as_dict()["unnamed_column"] == "last"
    assert _loaded(con) == (["a", "b", "c", "column3"], 2)


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_row_names_without_a_name_over_them_are_a_column(con, tmp_path: Path, delimiter: str) -> None:
    # R's write.table (row.names = TRUE): the header names the columns after the row names.
    path = tmp_path / "x.txt"
    path.write_text("\n".join(
        delimiter.join(row) for row in [
            ['"mpg"', '"cyl"', '"disp"'], ['"Mazda RX4"', "21", "6", "160"], ['"Datsun 710"', "22.8", "4", "108"],
            ['"Hornet 4 Drive"', "21.4", "6", "258"],
        ]
    ) + "\n")
    dialect = _load(con, path)
    assert dialect.unnamed == "first"
    assert _loaded(con) == (["row_names", "mpg", "cyl", "disp"], 3)
    assert con.execute("SELECT row_names, mpg FROM raw_t ORDER BY mpg").fetchall()[0] == ("Mazda RX4", "21")
    counted = tmp_path / "y.csv"
    counted.write_text("year,value\n" + "".join(f'"{i}",{2000 + i},{i * 1.5}\n' for i in range(1, 30)))
    assert _load(con, counted).unnamed == "first"
    assert _loaded(con) == (["row_names", "year", "value"], 29)


@pytest.mark.parametrize("rows", [4, 30])
def test_a_header_one_name_longer_than_every_row_keeps_its_last_name_as_an_empty_column(
    con, tmp_path: Path, rows: int
) -> None:
    # DfT's raw traffic counts with a column dropped: 24 names over rows of 23 fields. The last
    # name was dropped silently at 30 rows (the header one of the few ragged rows), and the
    # file refused at 4.
    path = tmp_path / "counts.csv"
    path.write_text(
        "count_point_id,year,cars,all_hgvs,all_motor_vehicles\n" + "".join(f"{101 + i},2019,{50 + i},{i % 7}\n" for i in range(rows))
    )
    dialect = _load(con, path)
    assert dialect.as_dict()["missing_column"] == "all_motor_vehicles"
    assert _loaded(con) == (["count_point_id", "year", "cars", "all_hgvs", "all_motor_vehicles"], rows)
    assert con.execute("SELECT count(all_motor_vehicles), max(cars) FROM raw_t").fetchall() == [(0, str(49 + rows))]


def test_a_header_ending_in_a_delimiter_its_rows_lack_keeps_the_names_before_it(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c,\n" + "".join(f"{i},x{i},{2 * i}\n" for i in range(4)))
    dialect = _load(con, path)
    assert not {"missing_column", "header_rows"} & dialect.as_dict().keys()
    assert _loaded(con) == (["a", "b", "c"], 4)


def test_a_title_one_field_short_over_a_header_is_a_preamble(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Sales report, Europe\nregion,month,sales\n" + "".join(f"r{i % 3},{i % 12 + 1},{i * 10}\n" for i in range(20)))
    dialect = _load(con, path)
    assert dialect.unnamed == ""
    assert _loaded(con) == (["region", "month", "sales"], 20)


@pytest.mark.parametrize("rows", [100, 100_000], ids=["in_the_sniffed_block", "past_it"])
def test_note_lines_after_the_table_are_left_out_of_the_copy(con, tmp_path: Path, rows: int) -> None:
    path = tmp_path / "x.csv"
    notes = '\n"Source: National Statistics Office, 2024."\nNote: figures are provisional\n'
    path.write_text("year,region,value\n" + "".join(f"{2000 + i % 20},r{i % 7},{i}.5\n" for i in range(rows)) + notes)
    dialect = _load(con, path)
    assert dialect.footer == 2
    assert con.execute("SELECT count(*), max(CAST(value AS DOUBLE)) FROM raw_t").fetchall() == [(rows, rows - 0.5)]
    assert path.read_text().endswith(notes)  # the user's file is untouched


@pytest.mark.parametrize("rows", [100, 100_000], ids=["in_the_sniffed_block", "past_it"])
def test_notes_padded_to_the_table_width_after_a_blank_line_are_a_footer(con, tmp_path: Path, rows: int) -> None:
    # The World Bank's DataBank ends its CSV files so.
    path = tmp_path / "x.csv"
    notes = "\n\nData from database: World Development Indicators,,\nLast Updated: 10/28/2024,,\n"
    path.write_text("country,year,value\n" + "".join(f"c{i % 50},{2000 + i % 20},{i}.5\n" for i in range(rows)) + notes)
    dialect = _load(con, path)
    assert dialect.footer == 2
    assert con.execute("SELECT count(*), count(year) FROM raw_t").fetchall() == [(rows, rows)]


@pytest.mark.parametrize("rows", [4, 60, 100_000])
def test_notes_under_rules_after_the_table_are_a_footer(con, tmp_path: Path, rows: int) -> None:
    # CDC WONDER: a total, then "---" and 20 to 60 quoted lines of notes (a table of four
    # states was refused, "no data rows"; of 60, "ragged rows"); Destatis ends with "____".
    path = tmp_path / "wonder.txt"
    head = '"Notes"\t"State"\t"State Code"\t"Deaths"\t"Population"\t"Crude Rate"\r\n'
    body = "".join(f'\t"State {i}"\t"{i % 56:02d}"\t{100 + i}\t{50000 + i}\t{i % 90}.5\r\n' for i in range(rows))
    notes = ['"Total"\t\t\t999\t9999999\t9.9', '"---"', '"Dataset: Underlying Cause of Death, 1999-2020"', '"Query Parameters:"']
    notes += [f'"Caveats {i}: Data are Suppressed when the data meet the criteria, see the help."' for i in range(40)]
    notes += ['"---"', '"Query Date: Mar 1, 2023 1:04:02 PM"', '"---"', "__________", "(C)opyright"]
    path.write_text(head + body + "\r\n".join(notes) + "\r\n")
    dialect = _load(con, path)
    assert (dialect.delimiter, dialect.field_count, dialect.footer) == ("\t", 6, len(notes))
    assert con.execute("SELECT count(*), count(Deaths) FROM raw_t").fetchall() == [(rows, rows)]


def test_a_last_row_with_only_its_first_field_is_data_without_a_blank_line(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("country,year,value\nFrance,2020,1.5\nSpain,2021,2.5\nAtlantis,,\n")
    dialect = _load(con, path)
    assert dialect.footer == 0
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(3,)]


@pytest.mark.parametrize("rows", [100, 100_000], ids=["in_the_sniffed_block", "past_it"])
def test_statements_padded_to_the_table_width_right_after_it_are_a_footer(con, tmp_path: Path, rows: int) -> None:
    # Lending Club's loan files end with two totals straight after the last loan, padded
    # with commas when re-saved: read as loans, they went to quarantine.
    path = tmp_path / "x.csv"
    notes = "Total amount funded in policy code 1: 1465324575,,\nTotal amount funded in policy code 2: 521953170,,\n"
    path.write_text("id,loan_amnt,term\n" + "".join(f"{68407277 - i},{5000 + i}, 36 months\n" for i in range(rows)) + notes)
    dialect = _load(con, path)
    assert dialect.footer == 2
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM raw_t").fetchall() == [(rows, rows)]


def test_a_short_last_row_of_numbers_is_a_broken_row_not_a_note(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n4,5,6\n7\n")
    with pytest.raises(SourceError, match="line 4 has 1 fields"):
        _load(con, path)


def test_empty_file_is_refused(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        _load(con, path)


def test_ragged_rows_are_refused_with_the_line(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n4,5\n6,7,8\n")
    with pytest.raises(SourceError, match="line 3 has 2 fields"):
        _load(con, path)


def test_a_file_refused_as_ragged_names_a_character_that_splits_every_line_alike(con, tmp_path: Path) -> None:
    # A file of a delimiter not tried ("^", or the Orange Book's "~" under a title line),
    # ";" inside its "DF;Route" and combination strengths: "fix the ragged rows" sent its
    # user to data that were not broken.
    path = tmp_path / "products.txt"
    path.write_text(
        "Ingredient^DF;Route^Strength^Type\n" + "ALPRAZOLAM^TABLET;ORAL^0.5MG^RX\n" * 20
        + "HYDROCODONE; ACETAMINOPHEN^TABLET;ORAL^5MG;325MG^RX\n" * 10
    )
    with pytest.raises(SourceError, match=r"Every line read holds 3 '\^', which would split it into 4 fields alike"):
        _load(con, path)
    # Rows truly broken keep the advice to fix them.
    broken = tmp_path / "x.csv"
    broken.write_text("a,b,c\n1,2,3\n4,5\n6,7,8\n")
    with pytest.raises(SourceError, match=r"\(delimiter ','\)\. Fix the ragged rows"):
        _load(con, broken)


def test_ragged_row_beyond_the_sniffed_block_is_refused(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    body = "".join(f"{i},{i},{i}\n" for i in range(200_000))
    path.write_text("a,b,c\n" + body + "1,2\n")
    with pytest.raises(SourceError, match=r"wrong number of fields|inconsistent"):
        _load(con, path)


def test_a_ragged_row_far_down_is_named_by_record_fields_and_text(con, tmp_path: Path) -> None:
    # LoanStats3a: a one-field line between two blocks of loans, after values quoted over
    # several lines (DuckDB counts records, not lines).
    path = tmp_path / "x.csv"
    body = "".join(f'{i},"first line\nsecond line",{i}\n' for i in range(150_000))
    path.write_text("a,b,c\n" + body + '"Loans that do not meet the credit policy"\n1,x,2\n')
    with pytest.raises(SourceError) as caught:
        _load(con, path)
    message = str(caught.value)
    assert "record 150002 (the header is record 1)" in message
    assert "1 field where the header has 3" in message
    assert "Loans that do not meet the credit policy" in message


def test_binary_file_is_refused(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(SourceError, match="binary"):
        _load(con, path)


def test_utf8_file_with_invalid_bytes_is_refused(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"name\n" + "José\n".encode() * 5 + b"Bad\xff\xfe\n")
    with pytest.raises(SourceError, match="not valid UTF-8"):
        _load(con, path)


def test_invalid_utf8_beyond_the_sniffed_block_is_refused(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"name,n\n" + b"plain ascii,1\n" * 120_000 + b"Bad\xff\xfe,2\n")
    with pytest.raises(SourceError, match="not valid UTF-8"):
        _load(con, path)


def test_too_many_columns_is_refused(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(",".join(f"c{i}" for i in range(10_000)) + "\n" + ",".join("1" for _ in range(10_000)) + "\n")
    with pytest.raises(SourceError, match="10000 columns"):
        _load(con, path)


def test_a_vanished_file_is_a_clear_error(con, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="disappeared"):
        _load(con, tmp_path / "gone.csv")


def test_running_out_of_disk_space_is_said_as_such() -> None:
    from datadossier.sources.files import out_of_space

    full = out_of_space(Path("big.csv"), duckdb.IOException('Could not write file "stage.duckdb": No space left on device'))
    assert full is not None
    assert "ran out of disk space" in full.message
    assert full.hint is not None
    assert "DATADOSSIER_HOME" in full.hint
    assert out_of_space(Path("big.csv"), duckdb.IOException("No files found that match the pattern")) is None


@pytest.mark.parametrize("header", [True, False])
def test_pinned_columns_read_what_the_sniffer_reads(con, tmp_path: Path, header: bool) -> None:
    # Once DuckDB has named the columns, reads name them instead of sniffing again; the
    # names survive a later run's reopening (re-typings). Awkward names: quotes, a blank
    # one, a duplicate, spaces around, accents; CRLF line ends and a quoted delimiter.
    path = tmp_path / "x.csv"
    head = 'id,"it\'s ""odd""",,naïve name,id,  spaced  \r\n' if header else ""
    path.write_text(head + "".join(f'{i},x{i},{i}.5,é{i},NA,"a,b"\r\n' for i in range(300)))
    copy = open_csv(DataFile(path, "csv", "t"), raw_copy=tmp_path / "copy.csv", null_tokens=NULLS, max_columns=50)
    pinned = pin_columns(con, copy)
    assert copy.columns is None
    assert pinned.columns is not None
    assert "auto_detect = false" in pinned.reader()
    sniffed = con.execute(f"SELECT * FROM {copy.reader()}")
    names = [d[0] for d in sniffed.description or []]
    rows = sniffed.fetchall()
    assert list(pinned.columns) == names
    assert names[:3] == (["id", 'it\'s "odd"', "column2"] if header else ["column0", "column1", "column2"])
    assert con.execute(f"SELECT * FROM {pinned.reader()}").fetchall() == rows
    reopened = reopen_csv(pinned.path, pinned.recorded_options)
    assert reopened.reader() == pinned.reader()
    # a record from before columns were pinned: reopened, it sniffs as it always did
    assert reopen_csv(pinned.path, copy.recorded_options).columns is None


def test_a_file_duckdb_cannot_read_is_left_unpinned(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    copy = open_csv(DataFile(path, "csv", "t"), raw_copy=tmp_path / "copy.csv", null_tokens=NULLS, max_columns=50)
    (tmp_path / "copy.csv").unlink()
    assert pin_columns(con, copy) is copy


def test_a_row_of_labels_under_the_header_is_kept_apart_from_the_data(con, tmp_path: Path) -> None:
    # data.census.gov: variable codes, then what each one means, then the data.
    path = tmp_path / "acs.csv"
    rows = "".join(f'"0500000US{i:05d}","County {i}","{1000 + i}","{i % 90 + 10}"\n' for i in range(12))
    path.write_text(
        '"GEO_ID","NAME","S1901_C01_001E","S1901_C01_001M"\n'
        '"Geography","Geographic Area Name","Estimate!!Households!!Total","Margin of Error!!Households!!Total"\n' + rows
    )
    dialect = _load(con, path)
    assert dialect.header
    assert dialect.labels == (
        ("Geography", "Geographic Area Name", "Estimate!!Households!!Total", "Margin of Error!!Households!!Total"),
    )
    assert dialect.as_dict()["labels"] == [list(dialect.labels[0])]
    names = [d[0] for d in con.execute("SELECT * FROM raw_t").description]
    assert names == ["GEO_ID", "NAME", "S1901_C01_001E", "S1901_C01_001M"]
    assert con.execute("SELECT count(*), min(S1901_C01_001E) FROM raw_t").fetchall() == [(12, "1000")]


def test_a_loggers_units_and_processing_rows_are_labels(con, tmp_path: Path) -> None:
    # Campbell Scientific's TOA5: a line about the station, the names, the units, how each
    # value was processed, then the data.
    path = tmp_path / "met.dat"
    rows = "".join(f'"2023-05-01 {i // 6:02d}:{i % 6 * 10:02d}:00",{i},{10 + i / 7:.2f},{12.5 + i / 100:.2f}\n' for i in range(30))
    path.write_text(
        '"TOA5","CR1000_Met","CR1000","12345","CR1000.Std.32","CPU:met.CR1","1234","Table10min"\n'
        '"TIMESTAMP","RECORD","AirTC_Avg","BattV_Min"\n"TS","RN","Deg C","Volts"\n"","","Avg","Min"\n' + rows
    )
    dialect = _load(con, path)
    assert (dialect.skip, dialect.data_skip) == (1, 4)
    assert dialect.labels == (("TS", "RN", "Deg C", "Volts"), ("", "", "Avg", "Min"))
    assert con.execute("SELECT count(*), min(RECORD), min(TIMESTAMP) FROM raw_t").fetchall() == [
        (30, "0", "2023-05-01 00:00:00")
    ]


def test_a_logger_file_as_wide_as_its_first_line_keeps_its_header(con, tmp_path: Path) -> None:
    # Eight columns, like TOA5's first line: without the format's name it would be the header.
    path = tmp_path / "met.dat"
    names = ["TIMESTAMP", "RECORD", "AirTC_Avg", "RH", "WS_ms_Avg", "WindDir", "BattV_Min", "Rain_mm_Tot"]
    units = ["TS", "RN", "Deg C", "%", "meters/second", "degrees", "Volts", "mm"]
    rows = "".join(f'"2023-05-01 00:{i:02d}:00",{i},{10 + i / 7:.2f},{50 + i % 9},{i % 5}.5,{i * 11 % 360},12.{i % 9},0.{i % 3}\n' for i in range(30))
    path.write_text(
        '"TOA5","CR1000_Met","CR1000","12345","CR1000.Std.32","CPU:met.CR1","1234","Table10min"\n'
        + ",".join(f'"{n}"' for n in names) + "\n" + ",".join(f'"{u}"' for u in units) + "\n" + rows
    )
    dialect = _load(con, path)
    assert (dialect.skip, dialect.data_skip, dialect.labels) == (1, 3, (tuple(units),))
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == names
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(30,)]


@pytest.mark.parametrize(
    "first",
    [
        "Ann,N,N",  # the column's own marker of a missing value: it recurs below
        "Ann,12,x7",  # a number in a column of numbers: data
        "Ann,,",  # no words at all
        "Ann,[c],n.a.",  # markers of a missing value, though not found below
    ],
)
def test_a_first_row_that_is_data_is_not_a_label_row(con, tmp_path: Path, first: str) -> None:
    path = tmp_path / "x.csv"
    rows = "".join(f"p{i},{i * 3},{'N' if i % 4 == 0 else i * 1.5}\n" for i in range(1, 11))
    path.write_text(f"name,a,b\n{first}\n{rows}")
    dialect = _load(con, path)
    assert dialect.labels == ()
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(11,)]


def test_a_text_table_has_no_label_rows(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("first,last,city\nFirst name,Last name,Home town\n" + "".join(f"a{i},b{i},c{i}\n" for i in range(10)))
    dialect = _load(con, path)
    assert dialect.labels == ()
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(11,)]


def test_a_title_padded_to_the_tables_width_is_a_preamble(con, tmp_path: Path) -> None:
    # Spreadsheets export the lines above a table with the table's delimiters.
    path = tmp_path / "x.csv"
    rows = "".join(f"R{i},{i * 3},{i * 5}\n" for i in range(12))
    path.write_text("Sales report 2023,,\n,,\nRegion,Q1,Q2\n" + rows)
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header) == (2, True)
    assert _loaded(con) == (["Region", "Q1", "Q2"], 12)


def test_a_header_of_groups_over_columns_names_each_column_by_both(con, tmp_path: Path) -> None:
    # Merged cells exported: "Sales" spans Q1 and Q2, "Costs" the next two.
    path = tmp_path / "x.csv"
    rows = "".join(f"R{i},{i},{i + 1},{i + 2},{i + 3}\n" for i in range(12))
    path.write_text(",Sales,,Costs,\nRegion,Q1,Q2,Q1,Q2\n" + rows)
    dialect = _load(con, path)
    assert dialect.names == ("Region", "Sales Q1", "Sales Q2", "Costs Q1", "Costs Q2")
    assert (dialect.labels, dialect.as_dict()["header_rows"]) == ((), 2)
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == list(dialect.names)
    assert con.execute('SELECT count(*), min("Costs Q2") FROM raw_t').fetchall() == [(12, "10")]


@pytest.mark.parametrize("trailing", ["", ","])
def test_a_group_label_centred_over_its_columns_names_the_whole_group(con, tmp_path: Path, trailing: str) -> None:
    # The Census building permits survey (co2023a.txt): "1-unit" over the Units of its
    # Bldgs/Units/Value triple, a blank line before the data, and its group row at times one
    # blank cell wider than the names under it.
    path = tmp_path / "co2023a.txt"
    rows = "".join(f"2023,01,{i:03d},3,6,County {i},{i + 1},{i + 1},{i * 200},{i},{2 * i},{i * 300}\n" for i in range(12))
    path.write_text(
        f"Survey,FIPS,FIPS,Region,Division,County,,1-unit,,,2-units,{trailing}\n"
        "Date,State,County,Code,Code,Name,Bldgs,Units,Value,Bldgs,Units,Value\n\n" + rows
    )
    dialect = _load(con, path)
    assert dialect.names[5:] == (
        "County Name", "1-unit Bldgs", "1-unit Units", "1-unit Value", "2-units Bldgs", "2-units Units", "2-units Value"
    )
    assert con.execute('SELECT count(*), max("2-units Bldgs") FROM raw_t').fetchall() == [(12, "9")]


SURVEY_QUESTIONS = "Respondent ID,Collector ID,Start Date,End Date,How likely are you to recommend us?,Which products do you use?,,,What is your age?\n"
SURVEY_OPTIONS = ",,,,Response,Product A,Product B,Other (please specify),Response\n"


def _survey_rows(count: int) -> str:
    # A ticked box holds its option's own text; the rest of the question's boxes are blank.
    return "".join(
        f"{114863181386 + 17 * i},43123456{i % 2},04/{10 + i % 18}/2023 12:22:22 AM,04/{10 + i % 18}/2023 12:32:35 AM,"
        f"{i % 11},{'Product A' if i % 2 else ''},{'Product B' if i % 3 == 0 else ''},{'the app' if i % 5 == 0 else ''},"
        f"{['18-24', '25-34', '45-54'][i % 3]}\n"
        for i in range(count)
    )


@pytest.mark.parametrize("rows", [5, 300])
def test_a_surveys_answer_options_under_its_questions_name_the_columns_by_both(con, tmp_path: Path, rows: int) -> None:
    # SurveyMonkey's "All individual responses" export: a second header row of answer options
    # under the questions ("Response" under a question of one answer), blank under the
    # respondent's id and dates. It was a respondent with no id, or quarantined.
    path = tmp_path / "sm.csv"
    path.write_text(SURVEY_QUESTIONS + SURVEY_OPTIONS + _survey_rows(rows))
    dialect = _load(con, path)
    assert dialect is not None
    assert dialect.names == (
        "Respondent ID", "Collector ID", "Start Date", "End Date", "How likely are you to recommend us?",
        "Which products do you use? Product A", "Which products do you use? Product B",
        "Which products do you use? Other (please specify)", "What is your age?",
    )
    assert (dialect.labels, dialect.as_dict()["header_rows"]) == ((), 2)
    assert con.execute('SELECT count(*), count("Respondent ID") FROM raw_t').fetchall() == [(rows, rows)]


def test_a_survey_of_questions_of_one_answer_has_its_response_row_in_the_header(con, tmp_path: Path) -> None:
    # SurveyMonkey without a question of several answers: ",,,,Response,Response".
    path = tmp_path / "sm.csv"
    lines = [line.split(",") for line in (SURVEY_QUESTIONS + SURVEY_OPTIONS + _survey_rows(6)).splitlines()]
    path.write_text("".join(",".join(cells[:5] + cells[8:]) + "\n" for cells in lines))
    dialect = _load(con, path)
    assert dialect is not None
    assert dialect.names[4:] == ("How likely are you to recommend us?", "What is your age?")
    assert con.execute('SELECT count(*), min("How likely are you to recommend us?") FROM raw_t').fetchall() == [(6, "0")]


def test_a_first_data_row_of_words_over_blanks_is_no_answer_row(con, tmp_path: Path) -> None:
    # A respondent whose id and dates are missing, no "Response" nor merged question over it.
    path = tmp_path / "x.csv"
    rows = "".join(f"{1000 + i},2023-04-{10 + i},{i % 5},text {i}\n" for i in range(8))
    path.write_text("id,day,score,comment\n,,,first comment\n" + rows)
    dialect = _load(con, path)
    assert dialect is not None
    assert (dialect.names, dialect.labels) == ((), ())
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(9,)]


def test_names_wrapped_over_two_header_rows_are_joined(con, tmp_path: Path) -> None:
    # CMS's physician fee schedule (PPRRVU): "NON-FAC" over "PE RVU" and "NA INDICATOR",
    # "FACILITY" over "PE RVU" and "TOTAL". The second row was dropped as labels, and the
    # columns were "FACILITY", "FACILITY_1", "FACILITY_2".
    path = tmp_path / "PPRRVU24_JAN.csv"
    header = (
        "HCPCS,MOD,CODE,WORK,NON-FAC,NON-FAC,FACILITY,FACILITY,NON-FACILITY,FACILITY,GLOB\n"
        ",,STATUS,RVU,PE RVU,NA INDICATOR,PE RVU,NA INDICATOR,TOTAL,TOTAL,DAYS\n"
    )
    rows = "".join(
        f"{99200 + i},{'26' if i % 4 == 1 else ''},A,{i % 3}.30,1.{i}6,{'NA' if i == 5 else ''},0.5{i},,2.6{i},1.9{i},XXX\n"
        for i in range(8)
    )
    path.write_text(header + rows)
    dialect = _load(con, path)
    assert dialect is not None
    assert dialect.names == (
        "HCPCS", "MOD", "CODE STATUS", "WORK RVU", "NON-FAC PE RVU", "NON-FAC NA INDICATOR", "FACILITY PE RVU",
        "FACILITY NA INDICATOR", "NON-FACILITY TOTAL", "FACILITY TOTAL", "GLOB DAYS",
    )
    assert con.execute('SELECT count(*), max("FACILITY TOTAL") FROM raw_t').fetchall() == [(8, "1.97")]


def test_empty_unnamed_columns_at_the_end_are_left_out_under_labels_too(con, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    rows = "".join(f"2023-05-01 00:{i:02d}:00,{i},{10 + i / 7:.2f},\n" for i in range(12))
    path.write_text("TIMESTAMP,RECORD,AirTC,\nTS,RN,Deg C,\n" + rows)
    dialect = _load(con, path)
    assert (dialect.labels, dialect.empty_trailing) == ((("TS", "RN", "Deg C", ""),), 1)
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == ["TIMESTAMP", "RECORD", "AirTC"]


def test_empty_unnamed_columns_at_the_end_are_left_out(con, tmp_path: Path) -> None:
    # The UCI air quality file ends every line with two delimiters.
    path = tmp_path / "x.csv"
    path.write_text("Date;Time;CO(GT);;\n" + "".join(f"10/03/2004;{i:02d}.00.00;2,{i};;\n" for i in range(12)))
    dialect = _load(con, path)
    assert dialect.empty_trailing == 2
    copy = path.parent / "workspace" / "copy.csv"
    pinned = pin_columns(con, open_csv(DataFile(path, "csv", "t"), raw_copy=copy, null_tokens=NULLS, max_columns=10))
    assert pinned.columns == ("Date", "Time", "CO(GT)")


@pytest.mark.parametrize("comments", [3, 120])
def test_comment_lines_before_the_table_are_skipped_whatever_they_hold(con, tmp_path: Path, comments: int) -> None:
    # The NASA Exoplanet Archive's downloads: "# COLUMN name: description, unit" for every
    # column, with commas, then the header.
    path = tmp_path / "x.csv"
    notes = "# This file was produced by the NASA Exoplanet Archive\n#\n"
    notes += "".join(f"# COLUMN c{i}: Column {i}, in days [d]\n" for i in range(comments - 2))
    rows = "".join(f"K2-{i} b,K2-{i},{1.5 + i:.8f}\n" for i in range(100))
    path.write_text(notes + "pl_name,hostname,pl_orbper\n" + rows)
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header) == (comments, True)
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == ["pl_name", "hostname", "pl_orbper"]
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(100,)]


def test_a_header_whose_first_name_is_a_hash_is_no_comment(con, tmp_path: Path) -> None:
    # The Pokémon data: "#" numbers the rows.
    path = tmp_path / "x.csv"
    rows = "".join(f"{i},Mon{i},Grass\n" for i in range(1, 30))
    path.write_text("#,Name,Type 1\n" + rows)
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header) == (0, True)
    assert [d[0] for d in con.execute("SELECT * FROM raw_t").description] == ["#", "Name", "Type 1"]


def test_lines_repeating_the_header_are_left_out_of_the_copy(con, tmp_path: Path) -> None:
    # Basketball-Reference's per-game tables repeat their header every 20 rows.
    path = tmp_path / "x.csv"
    header = "Rk,Player,Tm,3PA,FT%"
    lines = [header]
    for i in range(1, 101):
        lines.append(f"{i},Player {i}\\p{i:02d},BOS,{i % 7}.{i % 10},.{500 + i}")
        if i % 20 == 0:
            lines.append(header)
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    dialect = _load(con, path)
    assert (dialect.header, dialect.repeated_headers, dialect.as_dict()["repeated_headers"]) == (True, 5, 5)
    assert con.execute("SELECT count(*), count(*) FILTER (WHERE Rk = 'Rk') FROM raw_t").fetchall() == [(100, 0)]


def test_codes_and_numbers_separated_by_single_spaces_are_columns(con, tmp_path: Path) -> None:
    # The Statlog German credit data's german.data: no header, "A11 6 A34 A43 1169 ...".
    path = tmp_path / "german.data"
    # (Codes outnumber the numbers, 13 to 8 in the real file.)
    rows = [f"A1{1 + i % 4} {6 + i % 40} A3{i % 5} A4{i % 10} {1000 + 37 * i} A6{1 + i % 5} A7{1 + i % 5} A9{1 + i % 4}" for i in range(40)]
    path.write_text("\n".join(rows) + "\n")
    dialect = _load(con, path)
    assert (dialect.spaces, dialect.field_count, dialect.header) == (True, 8, False)
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(40,)]
    assert con.execute("SELECT * FROM raw_t WHERE rowid = 0").fetchall() == [("A11", "6", "A30", "A40", "1000", "A61", "A71", "A91")]


def test_one_column_of_timestamps_with_offsets_is_one_column(con, tmp_path: Path) -> None:
    path = tmp_path / "ts.csv"
    path.write_text("ts\n" + "".join(f"2020-01-0{1 + i % 9} 10:0{i % 10}:00 +0000\n" for i in range(12)))
    dialect = _load(con, path)
    assert (dialect.field_count, dialect.header, dialect.widths, dialect.spaces) == (1, True, (), False)
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(12,)]


def test_a_header_written_as_the_last_comment_line_is_the_header(con, tmp_path: Path) -> None:
    # gnuplot data and some loggers: "# time,value" over the rows.
    path = tmp_path / "x.csv"
    rows = "".join(f"{i},{i * 0.5}\n" for i in range(30))
    path.write_text("# exported by a logger\n# time,value\n" + rows)
    dialect = _load(con, path)
    assert (dialect.skip, dialect.header) == (1, True)
    assert _loaded(con) == (["# time", "value"], 30)


def test_header_cells_the_names_do_not_repeat_are_kept_as_written(con, tmp_path: Path) -> None:
    # The WHO life expectancy file: "Life expectancy ", " BMI " (DuckDB trims them); a name
    # written twice is numbered. The BOM is no part of the first name.
    path = tmp_path / "who.csv"
    path.write_bytes("\ufeffCountry, Year,Life expectancy , BMI ,x,x\nA,2015,65.1,10,1,2\n".encode())
    copy = path.parent / "workspace" / "copy.csv"
    copy.parent.mkdir()
    pinned = pin_columns(con, open_csv(DataFile(path, "csv", "t"), raw_copy=copy, null_tokens=NULLS, max_columns=50))
    assert pinned.columns == ("Country", "Year", "Life expectancy", "BMI", "x", "x_1")
    assert pinned.dialect is not None
    assert dict(pinned.dialect.written_names) == {"Year": " Year", "Life expectancy": "Life expectancy ", "BMI": " BMI ", "x_1": "x"}


@pytest.mark.parametrize(
    ("first", "last", "line"),
    # (The real file has 1,170 months: its yearly block, from line 1,175, lies past the lines
    # the dialect is read from, and joined the months.)
    [(1990, 1995, 65), (1926, 1976, 605)],
    ids=["short", "past_the_sniffed_lines"],
)
def test_a_second_table_stacked_under_the_first_is_left_out_and_named(
    con, tmp_path: Path, first: int, last: int, line: int
) -> None:
    # Ken French's factor files: monthly rows, then a title over the same header and the
    # yearly rows. The years joined the months (a key on 1990 beside 199001, annual returns
    # averaged with monthly ones).
    path = tmp_path / "F-F_Research_Data_Factors.CSV"
    monthly = "".join(f"{y}{m:02d},    1.{m},    0.2\r\n" for y in range(first, last) for m in range(1, 13))
    yearly = "".join(f"{y},   12.50,    3.10\r\n" for y in range(first, last))
    path.write_text(
        "This file was created by CMPT_ME_BEME_RETS\r\n\r\n,Mkt-RF,RF\r\n" + monthly
        + "\r\n Annual Factors: January-December \r\n,Mkt-RF,RF\r\n" + yearly + "\r\nCopyright 2023 Kenneth R. French\r\n"
    )
    dialect = _load(con, path)
    assert dialect.second_table == (line, "Annual Factors: January-December")
    assert dialect.as_dict()["second_table"] == {"line": line, "title": "Annual Factors: January-December"}
    months = 12 * (last - first)
    assert con.execute("SELECT count(*), min(column0), max(column0) FROM raw_t").fetchall() == [(months, f"{first}01", f"{last - 1}12")]


def test_another_header_after_a_break_starts_a_second_table(con, tmp_path: Path) -> None:
    # Google Analytics 4 writes a report's cards one under another, "# ----" over each: the
    # channels' header and rows were rows of the days' table (its users a text column).
    path = tmp_path / "ga4.csv"
    days = "".join(f"{d:04d},{120 + 3 * d}\n" for d in range(7))
    path.write_text(
        "# Start date: 20230101\n# End date: 20230107\nNth day,Active users\n" + days
        + "\n# ----------------------------------------\n# Start date: 20230101\n"
        + "Session default channel group,Sessions\nDirect,620\nOrganic Search,695\nReferral,862\n"
    )
    dialect = _load(con, path)
    assert dialect.second_table == (14, "Session default channel group,Sessions")
    assert con.execute("SELECT count(*), max(\"Active users\") FROM raw_t").fetchall() == [(7, "138")]
    # A row of words between numbers without a break before it is a row (a junk one).
    plain = tmp_path / "plain.csv"
    plain.write_text("day,users\n" + days + "total,unknown\n" + days)
    assert _load(con, plain).second_table is None


_FITBIT_BODY = 'Body\nDate,Weight,BMI,Fat\n' + "".join(f'0{d}-04-2023,"172.{d}","24.6{d}","0"\n' for d in range(1, 4))
_FITBIT_SLEEP = (
    '\nSleep\nStart Time,End Time,Minutes Asleep,Minutes Awake,Number of Awakenings,Time in Bed\n'
    '"03-04-2023 11:02PM","04-04-2023 6:48AM","412","54","3","466"\n'
)


@pytest.mark.parametrize("days", [2, 30], ids=["few_activities", "a_month_of_activities"])
def test_a_titled_section_under_another_is_a_second_table(con, tmp_path: Path, days: int) -> None:
    # Fitbit's account export: Body, Activities and Sleep, each a title line over its own
    # header and rows, a blank line between. The file was refused as ragged rows, or (few
    # activities) the Body section skipped as title lines and the Sleep title refused.
    path = tmp_path / "fitbit_export_20230430.csv"
    activities = "".join(f'{1 + d % 28:02d}-04-2023,"2,{345 + d}","12,{100 + d}","5.67","12"\n' for d in range(days))
    path.write_text(
        _FITBIT_BODY + "\nActivities\nDate,Calories Burned,Steps,Distance,Floors\n" + activities + _FITBIT_SLEEP
    )
    dialect = _load(con, path)
    assert (dialect.skip, dialect.field_count, dialect.second_table) == (1, 4, (7, "Activities"))
    assert _loaded(con) == (["Date", "Weight", "BMI", "Fat"], 3)
    # A title over the first table alone, above a blank line, is still a preamble.
    titled = tmp_path / "titled.csv"
    titled.write_text("Weight log\n\nExported 2023-04-30\nDate,Weight\n" + "".join(f"0{d}-04-2023,172.{d}\n" for d in range(1, 8)))
    assert _load(con, titled).second_table is None


_BROKER_ROWS = "".join(f'"12/{20 + i}/2023","AAPL","Apple\nCUSIP: 037833100","Buy","(${100 + i}.06)"\n' for i in range(6))
_POSITIONS = "".join(f"Z1234567{i},SYM{i},{10 + i},$19{i}.53,${1925 + i}.30,Cash,\n" for i in range(3))
_OPPORTUNITIES = "".join(
    f'"Ann Owner","Acme","Closed Won","{5000 + i}.00","1/{1 + i}/2023","0065g00000000{i}dEAAV"\n' for i in range(5)
)


@pytest.mark.parametrize(
    ("text", "footer", "field_count", "query", "expected"),
    [
        # Robinhood: the disclaimer in the last field, a row of empty quoted fields above it,
        # and the last trades' descriptions of two lines; both rows were data (an empty one,
        # and a quarantined one).
        ('"Activity Date","Instrument","Description","Trans Code","Amount"\n' + _BROKER_ROWS
         + '"","","","",""\n' + '"","","","","The data provided is for informational purposes only."\n',
         1, 5, 'SELECT count(*), count("Amount") FROM raw_t', (6, 6)),
        # Fidelity's positions: every row ends with a comma the header lacks, quoted notes after
        # a blank line; the rows were taken for ragged ones ("5 of 5 rows") and the file refused.
        ("Account Number,Symbol,Quantity,Last Price,Current Value,Type\n" + _POSITIONS
         + '\n"The data and information in this spreadsheet is provided to you solely for your use."\n'
         + '\n"Date downloaded 01/02/2024 10:15 AM ET"\n',
         2, 6, 'SELECT count(*), max("Type") FROM raw_t', (3, "Cash")),
        # Salesforce: notes set apart by '""' lines; a report of 5 records was refused as ragged.
        ('"Opportunity Owner","Account Name","Stage","Amount","Close Date","Opportunity ID"\n' + _OPPORTUNITIES
         + '""\n"Grand Totals (5 records)"\n""\n"Confidential Information - Do Not Distribute"\n'
         + '"Copyright (c) 2000-2023 salesforce.com, inc. All rights reserved."\n',
         3, 6, "SELECT count(*), count(DISTINCT \"Opportunity ID\") FROM raw_t", (5, 5)),
    ],
    ids=["robinhood", "fidelity", "salesforce"],
)
def test_a_report_s_notes_after_its_rows_are_cut_as_its_exporter_writes_them(
    con, tmp_path: Path, text: str, footer: int, field_count: int, query: str, expected: tuple[object, ...]
) -> None:
    path = tmp_path / "report.csv"
    path.write_text(text)
    dialect = _load(con, path)
    assert (dialect.footer, dialect.field_count) == (footer, field_count)
    assert con.execute(query).fetchall() == [expected]


_SUMMARY = (
    'Description,,Summary Amt.\nBeginning balance as of 01/01/2023,,"12,345.67"\nTotal credits,,"2,456.78"\n'
    'Total debits,,"-1,098.76"\nEnding balance as of 01/31/2023,,"13,703.69"\n'
)


@pytest.mark.parametrize(
    "first",
    [
        '01/02/2023,COFFEE 1,-4.50,"1,000.00"\n',
        '01/01/2023,Beginning balance as of 01/01/2023,,"12,345.67"\n',
    ],
    ids=["taken_for_a_second_table", "taken_for_ragged_rows"],
)
def test_a_narrower_summary_block_over_a_blank_line_is_a_preamble_of_the_longer_table(
    con, tmp_path: Path, first: str
) -> None:
    # Bank of America's statements: a summary of three fields, a blank line, then the
    # transactions of four. The summary was kept as the table and the transactions left out as
    # a second table, or (with the beginning balance's empty amount) the file was refused.
    path = tmp_path / "stmt.csv"
    rows = "".join(f'01/{d:02d}/2023,COFFEE {d},-4.50,"1,000.00"\n' for d in range(3, 9))
    path.write_text(_SUMMARY + "\nDate,Description,Amount,Running Bal.\n" + first + rows)
    dialect = _load(con, path)
    assert (dialect.skip, dialect.second_table) == (6, None)
    assert _loaded(con) == (["Date", "Description", "Amount", "Running Bal."], 7)
    # What the summary said is kept as text (the balances' dates say what the rows are of).
    assert dialect.as_dict()["skipped_lines"] == [
        "Description,,Summary Amt.", 'Beginning balance as of 01/01/2023,,"12,345.67"', 'Total credits,,"2,456.78"',
        'Total debits,,"-1,098.76"', 'Ending balance as of 01/31/2023,,"13,703.69"',
    ]


def test_a_summary_block_without_a_blank_line_is_refused_at_the_line_read_as_the_header(con, tmp_path: Path) -> None:
    # The same statement with the blank line taken out: a header of another width than the
    # rows is no ragged row to leave out (DuckDB then refused the file without a line).
    path = tmp_path / "stmt.csv"
    rows = "".join(f'01/{d:02d}/2023,COFFEE {d},-4.50,"1,000.00"\n' for d in range(3, 60))
    path.write_text(_SUMMARY + "Date,Description,Amount,Running Bal.\n" + rows)
    with pytest.raises(SourceError, match=r"line \d, read as the header, has 3 fields where the rows below have 4"):
        _load(con, path)


def test_a_header_repeated_after_a_blank_line_without_a_title_is_no_second_table(con, tmp_path: Path) -> None:
    # Two exports concatenated with a blank line between: one table.
    path = tmp_path / "x.csv"
    part = "id,name\n" + "".join(f"{i},n{i}\n" for i in range(20))
    path.write_text(part + "\n" + part)
    dialect = _load(con, path)
    assert (dialect.second_table, dialect.repeated_headers) == (None, 1)
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(40,)]


def test_comment_lines_among_the_rows_of_a_commented_file_are_left_out(con, tmp_path: Path) -> None:
    # Ensembl's GFF3: "###" after each gene (every gene a ragged row: the file was refused).
    path = tmp_path / "genes.gff3"
    gene = "chr1\tEnsembl\tgene\t{0}\t{1}\t.\t+\t.\tID=gene:G{0}\nchr1\tEnsembl\tmRNA\t{0}\t{1}\t.\t+\t.\tParent=gene:G{0}\n###\n"
    path.write_text("##gff-version 3\n##sequence-region chr1 1 1000\n" + "".join(gene.format(10 * i, 10 * i + 5) for i in range(20)))
    dialect = _load(con, path)
    assert (dialect.skip, dialect.field_count, dialect.comment_lines) == (2, 9, 20)
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(40,)]


def test_matlab_comment_lines_before_the_table_are_skipped(con, tmp_path: Path) -> None:
    # Berkeley Earth's files open with "% ..." lines; the file was read as one text column
    # named after the first of them.
    path = tmp_path / "berkeley.txt"
    comments = "% Berkeley Earth summary. Temperatures are in Celsius\n%\n% Year, Month,  Anomaly, Unc.\n%\n"
    rows = "".join(f"  {1850 + i // 12}  {1 + i % 12:4d}  {-0.5 + i / 100:6.3f}  {0.3 + i / 1000:5.3f}\n" for i in range(40))
    path.write_text(comments + rows)
    dialect = _load(con, path)
    assert (dialect.field_count, dialect.header) == (4, False)
    assert con.execute("SELECT count(*), min(column0) FROM raw_t").fetchall() == [(40, "1850")]


def test_rows_with_the_delimiter_in_their_last_text_are_rejoined(con, tmp_path: Path) -> None:
    # The Netflix Prize's movie_titles.csv: id, year, title; titles with commas, unquoted.
    path = tmp_path / "movie_titles.csv"
    titles = [f"{i},{1990 + i % 20},Title number {i}" for i in range(1, 41)]
    titles[3] = "4,1998,Lock, Stock and Two Smoking Barrels"
    titles[9] = "10,NULL,Mad, Mad World, A"
    path.write_text("\n".join(titles) + "\n")
    dialect = _load(con, path)
    assert (dialect.field_count, dialect.rejoined_rows, dialect.ragged_rows) == (3, 2, 0)
    assert con.execute("SELECT column2 FROM raw_t WHERE column0 IN ('4', '10') ORDER BY column0").fetchall() == [
        ("Mad, Mad World, A",), ("Lock, Stock and Two Smoking Barrels",),
    ]


def test_a_row_whose_extra_field_is_not_at_the_end_is_left_out_not_rejoined(con, tmp_path: Path) -> None:
    # Goodreads' books.csv: a comma in a title in the middle; the rating moves into the title's
    # place, which holds numbers in the other rows.
    path = tmp_path / "books.csv"
    rows = [f"{i},Title {i},{3 + i % 2}.5,Publisher {i}" for i in range(1, 41)]
    rows[5] = "6,Harry Potter, Book 1,4.5,Scholastic"
    path.write_text("bookID,title,average_rating,publisher\n" + "\n".join(rows) + "\n")
    dialect = _load(con, path)
    assert (dialect.rejoined_rows, dialect.ragged_rows) == (0, 1)
    assert con.execute("SELECT count(*) FROM raw_t").fetchall() == [(39,)]


@pytest.mark.parametrize(
    "title",
    [
        "Body Measures (BMX_J), exported 2020-06-01\n",  # as wide as the table
        "Blood Pressure, exported 2020-06-01\n",
        "National Health and Nutrition Examination Survey 2017-2018\nBody Measures (BMX_J), exported 2020-06-01\n\n",
    ],
    ids=["two_fields", "dated", "two_lines_and_a_blank"],
)
@pytest.mark.parametrize("width", [2, 3])
def test_a_title_with_a_comma_over_the_header_is_a_preamble(con, tmp_path: Path, title: str, width: int) -> None:
    # NHANES tables re-exported with a title line: its comma made it the header, or the header
    # a data row.
    names = ["SEQN", "BMXWT", "BMXHT"][:width]
    rows = "".join(",".join([f"{93703 + i}", f"{20 + i % 50}.5", f"{100 + i % 80}.1"][:width]) + "\n" for i in range(60))
    path = tmp_path / "BMX.csv"
    path.write_text(title + ",".join(names) + "\n" + rows)
    dialect = _load(con, path)
    assert dialect.labels == ()
    assert _loaded(con) == (names, 60)
    assert con.execute("SELECT min(SEQN) FROM raw_t").fetchall() == [("93703",)]


@pytest.mark.parametrize("rows", [5, 12, 600])
@pytest.mark.parametrize("blank", [0, 2], ids=["header_ends_in_a_name", "header_ends_in_blanks"])
def test_a_padded_title_split_by_its_unquoted_comma_is_a_preamble(con, tmp_path: Path, rows: int, blank: int) -> None:
    # gov.uk's "spend over £25,000" files: the title padded to the table's width, its comma
    # unquoted, so one field wider; the header and rows often end in blank cells. The title
    # became the header ("£25", "000: June 2023"), or refused a file of a few rows as ragged.
    names = ["Department Family", "Entity", "Date", "Expense Type", "Supplier", "Transaction Number", "Amount"]
    pad = "," * blank
    title = "Department for Education spend over £25,000: June 2023" + "," * (len(names) - 1 + blank)
    lines = [title, ",".join(names) + pad] + [
        f'Department for Education,ESFA,{13 + i % 12}/06/2023,Grant,UNIVERSITY {i},{90000481 + i},"{41049 + i}.50"{pad}'
        for i in range(rows)
    ]
    path = tmp_path / "dfe_spend.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialect = _load(con, path)
    assert dialect is not None
    assert (dialect.skip, dialect.labels, dialect.ragged_rows, dialect.empty_trailing) == (1, (), 0, blank)
    assert dialect.skipped_lines == ("Department for Education spend over £25,000: June 2023",)
    loaded, count = _loaded(con)
    assert (loaded[: len(names)], count) == (names, rows)


def test_a_header_over_label_rows_stays_the_header(con, tmp_path: Path) -> None:
    # data.census.gov: codes over their labels, the labels' phrases no title.
    path = tmp_path / "acs.csv"
    path.write_text(
        "GEO_ID,NAME,B01001_001E\nGeography,Geographic Area Name,Estimate!!Total\n"
        + "".join(f"0500000US0{1000 + i},County {i}, Alabama,{5000 + i}\n".replace(", Alabama", "") for i in range(20))
    )
    dialect = _load(con, path)
    assert dialect.labels == (("Geography", "Geographic Area Name", "Estimate!!Total"),)
    assert _loaded(con) == (["GEO_ID", "NAME", "B01001_001E"], 20)


def _site_block(site: str, series: str, days: int) -> str:
    """A site's block of a USGS RDB file of daily values, tab-separated."""
    rows = "".join(f"USGS\t{site}\t2023-01-{d:02d}\t{4000 + 37 * d}\tP\n" for d in range(1, days + 1))
    return (
        f"# Data provided for site {site}\n#        {series}       00060     00003     Discharge, cubic feet per second (Mean)\n"
        f"agency_cd\tsite_no\tdatetime\t{series}_00060_00003\t{series}_00060_00003_cd\n5s\t15s\t20d\t14n\t10s\n" + rows
    )


@pytest.mark.parametrize("days", [3, 30])
@pytest.mark.parametrize("second_series", ["149010", "149094"], ids=["own_series", "same_series"])
def test_an_rdb_file_s_later_site_blocks_repeat_its_header_and_format_line(
    con, tmp_path: Path, days: int, second_series: str
) -> None:
    # USGS NWIS's daily values asked for two sites: each block repeats the comments, the header
    # (named by the site's series) and the format line. Those were rows: the first header a
    # row of data too, the values text or a header's number (1490940006000003).
    path = tmp_path / "dv.rdb"
    path.write_text("# US Geological Survey, Water Resources Data\n#\n" + _site_block("01646500", "149094", days)
                    + _site_block("01638500", second_series, days))
    dialect = _load(con, path)
    assert (dialect.header, dialect.labels, dialect.repeated_headers) == (True, (("5s", "15s", "20d", "14n", "10s"),), 1)
    names, count = _loaded(con)
    assert (names[3], count) == ("149094_00060_00003", 2 * days)
    assert con.execute('SELECT count(*) FROM raw_t WHERE NOT regexp_full_match("149094_00060_00003", \'[0-9]+\')').fetchall() == [(0,)]


def test_an_rdb_file_of_a_few_rows_keeps_its_format_line_apart(con, tmp_path: Path) -> None:
    # One site's three days: too few rows to tell labels by the values under them, the format
    # line was a row of data and every column text.
    path = tmp_path / "dv.rdb"
    path.write_text("# US Geological Survey, Water Resources Data\n" + _site_block("01646500", "149094", 3))
    dialect = _load(con, path)
    assert dialect.labels == (("5s", "15s", "20d", "14n", "10s"),)
    assert _loaded(con)[1] == 3


@pytest.mark.parametrize("separator", ["\t", " "], ids=["cloudfront_tabs", "iis_spaces"])
def test_a_w3c_log_s_fields_line_names_its_columns(con, tmp_path: Path, separator: str) -> None:
    # IIS and CloudFront: "#Version", "#Fields: date time ..." over rows without a header; IIS
    # writes the block again after a restart.
    block = "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2019-12-04 00:00:00\n"
    block += "#Fields: date time s-ip cs-method cs-uri-stem sc-status time-taken\n"
    rows = [f"2019-12-04 00:00:{i:02d} 10.0.0.4 GET /p{i % 3} {200 + i % 2 * 104} {i * 7}".replace(" ", separator) for i in range(12)]
    path = tmp_path / "u_ex191204.log"
    path.write_text(block + "\n".join(rows[:6]) + "\n" + block + "\n".join(rows[6:]) + "\n")
    dialect = _load(con, path)
    assert dialect.field_names == ("date", "time", "s-ip", "cs-method", "cs-uri-stem", "sc-status", "time-taken")
    assert _loaded(con) == (list(dialect.field_names), 12)
    assert con.execute('SELECT max("time-taken") FROM raw_t').fetchall() == [("77",)]


@pytest.mark.parametrize("rows", [5, 60])
def test_a_zeek_log_s_fields_line_names_its_columns(con, tmp_path: Path, rows: int) -> None:
    # Every Zeek (Bro) log heads its tab-separated rows with "#" directives, "#fields" naming
    # the columns and "#types" typing them, and ends with "#close": a small log was refused as
    # ragged, a longer one named its columns after a row of values.
    head = "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n"
    head += "#open\t2024-03-01-00-00-00\n#fields\tts\tuid\tid.orig_h\tid.resp_p\tduration\tconn_state\n"
    head += "#types\ttime\tstring\taddr\tport\tinterval\tstring\n"
    body = "".join(
        f"{1709251203 + i}.521612\tC{i:05d}kDAs1zcGoNj\t10.0.0.{i % 250}\t{(443, 53, 3389)[i % 3]}\t{'-' if i % 4 else '0.372467'}\tSF\n"
        for i in range(rows)
    )
    path = tmp_path / "conn.log"
    path.write_text(head + body + "#close\t2024-03-01-01-00-00\n")
    dialect = _load(con, path)
    assert dialect.field_names == ("ts", "uid", "id.orig_h", "id.resp_p", "duration", "conn_state")
    assert _loaded(con) == (list(dialect.field_names), rows)
    assert con.execute("SELECT min(ts), count(duration) FROM raw_t").fetchall() == [("1709251203.521612", (rows + 3) // 4)]


@pytest.mark.parametrize(
    ("name", "text", "rows"),
    [
        # CloudFront without its #Fields line: a date, a time and an IPv6 address over IPv4 ones.
        ("cf.tsv", "2019-12-04\t21:00:00\t2001:db8::933\n" + "".join(f"2019-12-04\t21:00:0{i}\t172.16.198.{i}\n" for i in range(1, 8)), 8),
        ("ips.csv", "2001:db8::933,200\n" + "".join(f"172.16.{i}.36,{200 + i % 3 * 100}\n" for i in range(8)), 9),
        # PDB's pdb_entry_type.txt: an id seen once, then a kind and a method seen in every row.
        ("pdb.txt", "101m\tprot\tNMR\n" + "".join(f"1{i:02d}x\t{'prot' if i % 5 else 'nuc'}\t{'NMR' if i % 3 else 'other'}\n" for i in range(12)), 13),
        # numpy.savetxt's default "%.18e", and UCI HAR's X_train.txt ("  2.8858451e-001 -2.0294171e-002"):
        # numbers in exponent form, the first row taken for the names of the columns.
        ("np.txt", "".join(f"{(-1) ** i * 1.6243 * (i + 1):.18e} {0.61 * i - 1:.18e} {i * 0.5281:.18e}\n" for i in range(3)), 3),
        ("X_train.txt", "".join(
            "".join(f" {(-1) ** (i * j + j) * (0.2885 + i / 9 + j / 7):15.7e}" for j in range(4)).replace("e-0", "e-00") + "\n"
            for i in range(12)
        ), 12),
        ("e.csv", "-2.884e-01,3.017E+01\n3.075e-01,3.825e-01\n1.315e-02,-1.935e-01\n", 3),
    ],
    ids=["ipv6_then_ipv4", "address_and_status", "pdb_entry_types", "numpy_savetxt", "uci_har", "exponents_by_commas"],
)
def test_a_first_row_of_data_is_no_header(con, tmp_path: Path, name: str, text: str, rows: int) -> None:
    path = tmp_path / name
    path.write_text(text)
    dialect = _load(con, path)
    assert dialect.header is False
    assert _loaded(con)[1] == rows


def test_a_report_s_total_rows_after_the_table_are_left_out(con, tmp_path: Path) -> None:
    # Google Ads' campaign report: "Total: Account" and "Total: Campaigns" under the campaigns,
    # sums of them that would count each campaign three times.
    path = tmp_path / "campaign_report.csv"
    rows = "".join(f"Campaign {i},{100 + i},{i}.50\n" for i in range(30))
    path.write_text("Campaign,Impr.,Cost\n" + rows + "Total: Account,3435,450.00\nTotal: Campaigns,3435,450.00\n")
    dialect = _load(con, path)
    assert dialect.footer == 2
    assert _loaded(con) == (["Campaign", "Impr.", "Cost"], 30)
    # A total in the middle of the rows is a row like the others (a category so named).
    middle = tmp_path / "middle.csv"
    middle.write_text("kind,n\nTotal,5\n" + "".join(f"k{i},{i}\n" for i in range(10)))
    assert _load(con, middle).footer == 0
    assert _loaded(con)[1] == 11
    # Schwab's history ends with the total of what it lists.
    schwab = tmp_path / "schwab.csv"
    schwab.write_text("Date,Action,Amount\n" + "".join(f"01/{1 + i:02d}/2024,Buy,-{100 + i}.00\n" for i in range(20))
                      + "Transactions Total,,-2190.00\n")
    assert _load(con, schwab).footer == 1
    assert _loaded(con)[1] == 20


def test_rows_labelled_as_a_total_that_name_a_period_or_repeat_are_the_table_s(con, tmp_path: Path) -> None:
    # NASS Quick Stats narrowed to a few columns: the national rows, "US TOTAL", sort last and
    # some series exist only there (monthly prices); cut as a report's total, 7 of 10 rows
    # were lost from every layer.
    path = tmp_path / "qs.csv"
    states = "IOWA,2023,MARKETING YEAR,4.70\nILLINOIS,2023,MARKETING YEAR,4.85\nNEBRASKA,2023,MARKETING YEAR,4.75\n"
    months = "".join(f"US TOTAL,2023,{m},6.{i}0\n" for i, m in enumerate(["JAN", "FEB", "MAR", "APR", "MAY", "JUN"]))
    path.write_text("State,Year,Period,Value\n" + states + "US TOTAL,2023,MARKETING YEAR,4.65\n" + months)
    assert _load(con, path).footer == 0
    assert _loaded(con)[1] == 10
    # The same label on rows of figures alone: a group of rows (the nation's, by year).
    yearly = tmp_path / "yearly.csv"
    yearly.write_text("State,Year,Value\n" + "".join(f"S{i},{2020 + i % 3},{i}.5\n" for i in range(12))
                      + "US TOTAL,2021,40.5\nUS TOTAL,2022,41.5\nUS TOTAL,2023,42.5\n")
    assert _load(con, yearly).footer == 0
    assert _loaded(con)[1] == 15
    # One total row of figures under the rows, a note below it: both cut, as before.
    single = tmp_path / "single.csv"
    single.write_text("State,Year,Value\n" + "".join(f"S{i},2023,{i}.5\n" for i in range(12))
                      + "Total,--,66.0\n\nSource: NASS\n")
    assert _load(con, single).footer == 2
    assert _loaded(con)[1] == 12


@pytest.mark.parametrize(
    "label", ["Gesamt: Konto", "Total : Compte", "Totaal: Account", "Totale: account", "Total: cuenta", "Insgesamt"],
)
def test_a_report_s_total_row_in_the_account_s_language_is_left_out(con, tmp_path: Path, label: str) -> None:
    # Google Ads' campaign report from a German, French, Dutch or Italian account labels its
    # total in that language, "--" under the id and the day; kept, it doubled every SUM.
    path = tmp_path / "campaign_report.csv"
    rows = "".join(f"Campaign {i},172456789{i:02d},2023-04-{1 + i:02d},{100 + i},{i}.50\n" for i in range(20))
    path.write_text("Campaign,Campaign ID,Day,Impr.,Cost\n" + rows + f"{label},--,--,2190,200.00\n")
    dialect = _load(con, path)
    assert dialect is not None
    assert dialect.footer == 1
    assert _loaded(con) == (["Campaign", "Campaign ID", "Day", "Impr.", "Cost"], 20)


def test_a_last_row_totalling_a_unit_over_empty_labels_is_a_footer(con, tmp_path: Path) -> None:
    # FAO FishStatJ's exports end with "Totals - Tonnes - live weight" over empty label columns
    # and each year's sum; loaded, it doubled every year's sum and broke Country + Species' key.
    header = "Country (Name),ASFIS species (Name),FAO major fishing area (Name),Unit (Name),[2019],[2020]\n"
    rows = "".join(f'Country {i},Species {i},"Atlantic, Northeast",Tonnes - live weight,{1000 + i},{2000 + i}\n' for i in range(8))
    path = tmp_path / "fao_capture.csv"
    path.write_text(header + rows + "Totals - Tonnes - live weight,,,,8028,16028\n")
    dialect = _load(con, path)
    assert dialect.footer == 1
    assert _loaded(con)[1] == 8
    # A last row naming a total with a second label beside it is a row of the table.
    kept = tmp_path / "kept.csv"
    kept.write_text(header + rows + "Total - all species,Norway,,,8028,16028\n")
    assert _load(con, kept).footer == 0
    assert _loaded(con)[1] == 9


@pytest.mark.parametrize("rule", ["------\t----------", "======\t==========", "-------+-----------"], ids=["dashes", "equals", "psql"])
def test_a_rule_under_the_header_is_no_row(con, tmp_path: Path, rule: str) -> None:
    # psql's and sqlcmd's text output, PDB's entries.idx: a line of dashes under the names.
    path = tmp_path / "dashes.tsv"
    separator = "|" if "+" in rule else "\t"
    header = "idcode|resolution" if separator == "|" else "idcode\tresolution"
    rule = rule.replace("+", "|")
    path.write_text(header + "\n" + rule + "\n" + "".join(f"10{i}M{separator}2.{i}\n" for i in range(9)))
    dialect = _load(con, path)
    assert dialect.rule_line is True
    assert _loaded(con) == (["idcode", "resolution"], 9)
    assert con.execute("SELECT count(*) FROM raw_t WHERE idcode LIKE '-%' OR idcode LIKE '=%'").fetchall() == [(0,)]


def test_footnotes_padded_with_commas_right_after_the_rows_are_a_footer(con, tmp_path: Path) -> None:
    # CMS's GPCI addendum ends with "*GPCI reflects a 1.5 floor for work in Alaska.,,,,,,"
    # straight after the last locality: it was a row, 11% of each column NULL.
    path = tmp_path / "gpci.csv"
    rows = "".join(f"{10112 + i:05d},AL,{i:02d},LOCALITY {i},1.000,0.869,0.575\n" for i in range(8))
    path.write_text(
        "MAC,State,Locality Number,Locality Name,PW GPCI,PE GPCI,MP GPCI\n" + rows
        + "*GPCI reflects a 1.5 floor for work in Alaska.,,,,,,\n** Work GPCI floor of 1.0 applies elsewhere.,,,,,,\n"
    )
    assert _load(con, path).footer == 2
    assert _loaded(con)[1] == 8
    # A last row starting with a mark but holding its other values is a row.
    kept = tmp_path / "kept.csv"
    kept.write_text("name,year\n" + "".join(f"Film {i},{1990 + i}\n" for i in range(8)) + "*batteries not included,1987\n")
    assert _load(con, kept).footer == 0
    assert _loaded(con)[1] == 9


_ICD10_CODES = (
    "A000    Cholera due to Vibrio cholerae 01, biovar cholerae\n"
    "A009    Cholera, unspecified\n"
    "E1165   Type 2 diabetes mellitus with hyperglycemia\n"
    "I10     Essential (primary) hypertension\n"
    "S72001A Fracture of unspecified part of neck of right femur, initial encounter\n"
    "F32A    Depression, unspecified\n"
)


def test_codes_padded_to_a_width_before_their_descriptions_are_two_columns(con, tmp_path: Path) -> None:
    # CMS's icd10cm_codes_2024.txt: each code padded to seven characters, a space, then its
    # description (commas in it), no header. It was one column, its first line the header.
    path = tmp_path / "icd10cm_codes_2024.txt"
    path.write_text(_ICD10_CODES)
    dialect = _load(con, path)
    assert (dialect.header, dialect.widths) == (False, (0, 8))
    assert _loaded(con) == (["column0", "column1"], 6)
    assert con.execute("SELECT column0, column1 FROM raw_t ORDER BY rowid LIMIT 1 OFFSET 4").fetchall() == [
        ("S72001A", "Fracture of unspecified part of neck of right femur, initial encounter")
    ]
    # Under a header of words, the names head the columns.
    named = tmp_path / "named.txt"
    named.write_text("CODE    DESCRIPTION\n" + _ICD10_CODES)
    assert _load(con, named).header is True
    assert _loaded(con) == (["CODE", "DESCRIPTION"], 6)


_QUERY_OUTPUTS = {
    # psql's text output: the rule crosses the columns with "+", a count of rows ends it.
    "psql": " id | name  | amount\n----+-------+--------\n" + "".join(f"  {i} | n{i}    | {i}.50\n" for i in range(1, 4)) + "(3 rows)\n",
    # sqlcmd's: columns padded with spaces, a rule of dashes under each name, the count after a blank line.
    "sqlcmd": "id          name       amount\n----------- ---------- -------\n"
    + "".join(f"{i:<11} n{i:<9} {i}.50\n" for i in range(1, 4)) + "\n(3 rows affected)\n",
    # A CSV whose rule is as wide as each name: "--" under "id".
    "csv": "id,name,amount\n--,----,------\n" + "".join(f"{i},n{i},{i}.50\n" for i in range(1, 4)),
}


@pytest.mark.parametrize("kind", list(_QUERY_OUTPUTS))
def test_a_query_tool_s_rule_and_count_of_rows_are_no_rows_in_a_short_output(con, tmp_path: Path, kind: str) -> None:
    # A few rows of psql's or sqlcmd's output saved to a file: the rule made the file ragged
    # (refused) or a row ("----" a name), and sqlcmd's "(3 rows affected)" a row too.
    path = tmp_path / "result.txt"
    path.write_text(_QUERY_OUTPUTS[kind])
    _load(con, path)
    assert _loaded(con) == (["id", "name", "amount"], 3)
    assert con.execute("SELECT list(name ORDER BY rowid), list(amount ORDER BY rowid) FROM raw_t").fetchall() == [
        (["n1", "n2", "n3"], ["1.50", "2.50", "3.50"])
    ]


def test_an_sap_list_framed_in_pipes_loads_its_columns_trimmed_without_its_frame(con, tmp_path: Path) -> None:
    # SAP's list saved "unconverted" (FBL3N): a title, a frame of dashes over the header, a
    # "|---|" rule under it, every line opened and closed with "|", values padded with
    # spaces; the file was refused for its rule, or loaded with an empty column for the frame.
    rule = "-" * 60
    rows = "".join(f"| 1000 | 49000000{i:02d} | 0000400000 | {'RAW-STEEL-01' if i == 3 else f'0000000000001234{i:02d}'} |\r\n" for i in range(8))
    path = tmp_path / "FBL3N_unconverted.txt"
    path.write_bytes(
        f"Line Item Display G/L Account\r\n\r\n{rule}\r\n| CoCd | DocumentNo | G/L Acct   | Material           |\r\n"
        f"|{rule}|\r\n{rows}{rule}\r\n".encode("cp1252")
    )
    dialect = _load(con, path)
    assert (dialect.padded, dialect.framed, dialect.rule_line, dialect.as_dict()["padded_values"]) == (True, True, True, "framed")
    assert _loaded(con) == (["CoCd", "DocumentNo", "G/L Acct", "Material"], 8)
    assert con.execute("SELECT \"G/L Acct\", Material FROM raw_t ORDER BY rowid LIMIT 1 OFFSET 3").fetchall() == [
        ("0000400000", "RAW-STEEL-01")
    ]


def test_values_padded_about_pipes_keep_their_leading_zeros(con, tmp_path: Path) -> None:
    # A report's pipes pad the codes ("| 0000400000 |"): padded, "0000400000 " did not read as
    # written with a leading zero, and the G/L account became the integer 400000.
    path = tmp_path / "padded.csv"
    path.write_text("CoCd|GL_Acct|Amount\n" + "".join(f"1000| 00004000{i:02d} |{i}.50\n" for i in range(6)))
    dialect = _load(con, path)
    assert (dialect.padded, dialect.framed) == (True, False)
    assert con.execute("SELECT GL_Acct, Amount FROM raw_t ORDER BY rowid LIMIT 1").fetchall() == [("0000400000", "0.50")]
    # A pipe-separated file whose values are not padded is copied as it is.
    plain = tmp_path / "plain.psv"
    plain.write_text("id|name\n" + "".join(f"{i}|n {i} \n" for i in range(6)))
    assert _load(con, plain).padded is False


@pytest.mark.parametrize("rows", [20, 100_000], ids=["in_the_sniffed_block", "past_it"])
def test_rows_of_delimiters_alone_among_the_rows_are_left_out_and_counted(con, tmp_path: Path, rows: int) -> None:
    # MITRE's allitems.csv: four ",,,,,," rows under the header (spreadsheets export empty
    # formatted rows so), more among the CVEs; each was a row of NULLs and Name no key.
    path = tmp_path / "allitems.csv"
    cves = [f"CVE-2023-{i:05d},Candidate,Assigned (20230301)\n" for i in range(rows)]
    cves.insert(rows // 2, ",,\r\n")
    path.write_text("Name,Status,Phase\n,,\n,,\n" + "".join(cves[:-1]) + ", ,\n" + cves[-1])
    dialect = _load(con, path)
    assert (dialect.header, dialect.empty_rows, dialect.as_dict()["empty_rows"]) == (True, 4, 4)
    assert con.execute("SELECT count(*), count(DISTINCT Name) FROM raw_t").fetchall() == [(rows, rows)]


def test_a_line_of_delimiters_inside_a_quoted_value_stays(con, tmp_path: Path) -> None:
    # A comment field of several lines may hold a line of commas; it is no row.
    path = tmp_path / "x.csv"
    path.write_text('id,comment,score\n1,"first line\n,,\nlast line",5\n2,plain,6\n')
    dialect = _load(con, path)
    assert dialect.empty_rows == 0
    assert con.execute("SELECT comment FROM raw_t ORDER BY rowid").fetchall() == [("first line\n,,\nlast line",), ("plain",)]


_PAYROLL = "Employee ID,Employee Name,Check Date,Gross Pay,Net Pay\n" + "".join(
    f'00010{i},"Name {i}, First",01/{6 + i:02d}/2023,"$1,{800 + i}.50","$1,{100 + i}.26"\n' for i in range(6)
)


@pytest.mark.parametrize(
    ("last", "footer"),
    [
        (',Report Total,,"$12,205.00","$7,939.46"\n', 1),
        (',,Totals:,"$12,205.00","$7,939.46"\n', 1),
        (',Grand Total,,,\n', 1),
        (',,,Sum,"$7,939.46"\n', 1),
        # Kept: figures without a label, and a row whose id is missing but not its name.
        (',,,"$12,205.00","$7,939.46"\n', 0),
        (',"Total, Corp",01/20/2023,"$1,000.00","$900.00"\n', 0),
    ],
    ids=["report_total", "totals_colon", "grand_total_alone", "sum", "unlabelled", "a_name"],
)
def test_a_last_row_labelled_a_total_past_its_empty_first_field_is_a_footer(
    con, tmp_path: Path, last: str, footer: int
) -> None:
    # ADP's, Paychex's and Gusto's payroll registers end with "Report Total" or "Totals:" under
    # the employee's name, the ID empty; read as a row, it was the largest pay and broke the key.
    path = tmp_path / "payroll.csv"
    path.write_text(_PAYROLL + last)
    dialect = _load(con, path)
    assert dialect.footer == footer
    assert _loaded(con)[1] == 6 + 1 - footer


def _badc_csv(columns: int, rows: int) -> str:
    """A Met Office MIDAS Open file's shape: its metadata block (global "G" lines, then a
    long_name and a type line per column), "data", the header, the rows, "end data"."""
    names = ["ob_time", "src_id", *(f"air_temperature_{i}" for i in range(columns - 2))]
    meta = ["Conventions,G,BADC-CSV,1", "title,G,uk-hourly-weather-obs", "location,G,51.479,-0.449"]
    for name in names:
        meta += [f"long_name,{name},Air temperature,degC" if name.startswith("air") else f"long_name,{name},{name}"]
        meta += [f"type,{name},float"]
    body = [f"2023-01-{1 + i // 24:02d} {i % 24:02d}:00:00,708,{','.join(f'{i / 10:.1f}' for _ in names[2:])}" for i in range(rows)]
    return "\n".join([*meta, "data", ",".join(names), *body, "end data"]) + "\n"


@pytest.mark.parametrize(("columns", "rows"), [(7, 8), (10, 200), (60, 300)])
def test_a_badc_csv_file_is_read_from_the_line_after_data_whatever_its_metadata(
    con, tmp_path: Path, columns: int, rows: int,
) -> None:
    # MIDAS Open's hourly weather: over 100 lines of metadata before "data"; past 20 of
    # them the file was refused for ragged rows, and with a few rows even at 19.
    path = tmp_path / "midas-open_uk-hourly-weather-obs_heathrow_2023.csv"
    path.write_text(_badc_csv(columns, rows))
    dialect = _load(con, path)
    assert dialect is not None
    assert (dialect.skip, dialect.header, dialect.field_count, dialect.footer) == (3 + 2 * columns + 1, True, columns, 1)
    names, count = _loaded(con)
    assert (names[:3], len(names), count) == (["ob_time", "src_id", "air_temperature_0"], columns, rows)
    assert dict(dialect.described)["air_temperature_0"] == "Air temperature [degC]"
    assert dict(dialect.described)["src_id"] == "src_id"


@pytest.mark.parametrize(("lines", "width"), [(21, 3), (30, 2), (30, 1)])
def test_more_lines_before_the_table_than_a_preamble_are_named_so_not_ragged_rows(
    con, tmp_path: Path, lines: int, width: int,
) -> None:
    # A metadata block longer than the 20 lines looked for above a table: the file was
    # refused with "Fix the ragged rows", or its second line taken for the header.
    path = tmp_path / "x.csv"
    notes = [",".join(f"note {i} part {j}" for j in range(width)) for i in range(lines)]
    rows = [f"{i},{i * 2},x{i},{i / 3:.2f},2023-01-{1 + i % 28:02d},u,v" for i in range(200)]
    path.write_text("\n".join([*notes, "a,b,c,d,e,f,g", *rows]) + "\n")
    with pytest.raises(SourceError, match=f"has {lines} lines before its table: line {lines + 1} ") as raised:
        _load(con, path)
    assert "ragged" not in str(raised.value) + (raised.value.hint or "")


def _power_csv(parameters: int) -> str:
    """A NASA POWER point download's shape: "-BEGIN HEADER-", seven lines of its request, a
    line per parameter, "-END HEADER-", then the table."""
    names = [f"P{i}" for i in range(parameters)]
    meta = [
        "-BEGIN HEADER-", "NASA/POWER CERES/MERRA2 Native Resolution Daily Data",
        "Dates (month/day/year): 01/01/2020 through 01/31/2020 in LST",
        "Location: Latitude  40.015   Longitude -105.2705",
        "Elevation from MERRA-2: Average for 0.5 x 0.625 degree lat/lon region = 2164.44 meters",
        "The value for missing source data that cannot be computed or is outside of the sources availability range: -999",
        "Parameter(s): ",
        *(f"{name:<22}MERRA-2 Parameter {name} (mm/day)" for name in names),
        "-END HEADER-",
    ]
    body = [f"2020,1,{day},{','.join(f'{day / 10:.2f}' for _ in names)}" for day in range(1, 32)]
    return "\n".join([*meta, "YEAR,MO,DY," + ",".join(names), *body]) + "\n"


@pytest.mark.parametrize("parameters", [3, 14, 20])
def test_a_nasa_power_file_is_read_from_after_its_header_block_whatever_its_length(
    con, tmp_path: Path, parameters: int,
) -> None:
    # NASA POWER's point CSV: a line per parameter between "-BEGIN HEADER-" and "-END
    # HEADER-"; 14 parameters or more (the API allows 20) made it longer than a preamble
    # and the file was refused.
    path = tmp_path / "POWER_Point_Daily_20200101_20200131.csv"
    path.write_text(_power_csv(parameters))
    dialect = _load(con, path)
    assert dialect is not None
    assert (dialect.skip, dialect.header, dialect.field_count) == (8 + parameters, True, 3 + parameters)
    names, count = _loaded(con)
    assert (names[:4], count) == (["YEAR", "MO", "DY", "P0"], 31)
    assert dict(dialect.described)["P1"] == "MERRA-2 Parameter P1 (mm/day)"


@pytest.mark.parametrize(("variables", "months"), [(["ppt", "tmin", "tmean"], 12), (["ppt", "tmin", "tmean", "tmax"], 360)])
def test_a_key_and_value_note_holding_delimiters_is_part_of_the_preamble(
    con, tmp_path: Path, variables: list[str], months: int,
) -> None:
    # PRISM Explorer's time series: "Climate variables: ppt,tmin,tmean" among its notes is one
    # field short of the table with three variables or more; the file was refused as ragged.
    path = tmp_path / "PRISM_ppt_tmin_tmean_stable_4km_199101_202012_40.0354_-105.2803.csv"
    notes = [
        "PRISM Time Series Data", "Location:  Lat: 40.0354   Lon: -105.2803   Elev: 5484ft",
        f"Climate variables: {','.join(variables)}", "Spatial resolution: 4km", "Period: 1991-01 - 2020-12",
        "Dataset: AN81m", "PRISM day definition: 24 hours ending at 1200 UTC on the day shown",
        "Grid Cell Interpolation: Off", "Time series generated: 2023-Apr-03",
        "Details: http://www.prism.oregonstate.edu/documents/PRISM_datasets.pdf",
    ]
    header = "Date," + ",".join(f"{v} ({'inches' if v == 'ppt' else 'degrees F'})" for v in variables)
    rows = [f"{1991 + m // 12}-{1 + m % 12:02d}," + ",".join(f"{(m * 7 + i) % 40 + 0.5:.1f}" for i in range(len(variables))) for m in range(months)]
    path.write_text("\n".join([*notes, header, *rows]) + "\n")
    dialect = _load(con, path)
    assert dialect is not None
    assert (dialect.skip, dialect.header, dialect.field_count) == (10, True, 1 + len(variables))
    names, count = _loaded(con)
    assert (names[:2], count) == (["Date", "ppt (inches)"], months)


def _load_file(qualifier: str, delimiter: str) -> str:
    """An e-discovery load file's shape: every name and value wrapped in the qualifier, a
    custodian's "Last, First", a subject with a double quote in it, an empty attachment."""
    rows = [
        ["BEGDOC", "ENDDOC", "BEGATTACH", "CUSTODIAN", "SUBJECT", "DATESENT", "PAGECOUNT"],
        *(
            [f"ABC{i:07d}", f"ABC{i + 2:07d}", "" if i % 2 else f"ABC{i:07d}", "Smith, John", 'Re: "Q3" plan', f"04/{i:02d}/2023", str(i)]
            for i in range(1, 12)
        ),
    ]
    return "".join(delimiter.join(f"{qualifier}{cell}{qualifier}" for cell in row) + "\r\n" for row in rows)


@pytest.mark.parametrize(
    ("name", "qualifier", "delimiter", "encoding"),
    [
        ("loadfile.dat", "þ", "\x14", "utf-8-sig"),  # Relativity's default: 0x14 and þ, UTF-8 with a BOM
        ("loadfile.dat", "þ", "\x14", "cp1252"),  # its "ANSI" export: þ is the byte 0xFE
        ("loadfile_comma.csv", "þ", ",", "cp1252"),  # "comma + þ", read as Turkish ş before
        ("loadfile.txt", "^", "|", "utf-8"),  # "pipe + caret"
    ],
)
def test_a_load_files_text_qualifier_is_read_as_its_quote(
    con, tmp_path: Path, name: str, qualifier: str, delimiter: str, encoding: str,
) -> None:
    # Concordance/Relativity load files wrap every field in þ (or ^): the .dat's 0x14
    # delimiter was refused as binary, and elsewhere the names and values kept their
    # qualifiers and "Smith, John" made the comma file ragged.
    path = tmp_path / name
    path.write_bytes(_load_file(qualifier, delimiter).encode(encoding))
    dialect = _load(con, path)
    assert dialect is not None
    assert (dialect.delimiter, dialect.qualifier, dialect.header, dialect.field_count) == (delimiter, qualifier, True, 7)
    names, count = _loaded(con)
    assert (names[:4], count) == (["BEGDOC", "ENDDOC", "BEGATTACH", "CUSTODIAN"], 11)
    row = con.execute("SELECT * FROM raw_t ORDER BY rowid LIMIT 1").fetchall()[0]
    assert row == ("ABC0000001", "ABC0000003", None, "Smith, John", 'Re: "Q3" plan', "04/01/2023", "1")


@pytest.mark.parametrize("students", [3, 40])
def test_a_canvas_gradebooks_points_possible_row_is_no_student(con, tmp_path: Path, students: int) -> None:
    # Canvas's gradebook export: "    Points Possible" under the header, "(read only)" in the
    # columns it computes; it was loaded as a student, quarantined or making scores text.
    path = tmp_path / "2024-05-01T1200_Grades-MATH101.csv"
    rows = [f'"Student {i}, A",{1000 + i},{2000 + i},MATH101-01,{i % 10}.5,{50 + i % 50},{60 + i % 40}.1,B' for i in range(students)]
    path.write_text(
        "\n".join([
            "Student,ID,SIS User ID,Section,Quiz 1 (123451),Midterm Exam (123470),Current Score,Final Grade",
            "    Points Possible,,,,10.00,100.00,(read only),(read only)", *rows,
        ]) + "\n"
    )
    dialect = _load(con, path)
    assert dialect is not None
    assert dialect.labels == (("", "", "", "", "out of 10.00 points", "out of 100.00 points", "", ""),)
    names, count = _loaded(con)
    assert (names[0], count) == ("Student", students)
    assert con.execute('SELECT count(*) FROM raw_t WHERE "Current Score" = \'(read only)\'').fetchall() == [(0,)]


def test_a_census_api_response_saved_as_csv_is_read_as_its_table(con, tmp_path: Path) -> None:
    # The Census API answers with a JSON array of arrays, one array a line, the first naming
    # the columns; saved as acs.csv it failed with "a header but no data rows".
    rows = [f'["Census Tract {i}; King County; Washington","{415000 + i}",null,"53","033","{i:04d}00"]' for i in range(1, 41)]
    path = tmp_path / "acs.csv"
    path.write_text('[["NAME","B25077_001E","B25077_001M","state","county","tract"],\n' + ",\n".join(rows) + "]\n")
    _load(con, path)
    assert _loaded(con) == (["NAME", "B25077_001E", "B25077_001M", "state", "county", "tract"], 40)
    first = con.execute('SELECT "NAME", B25077_001E, B25077_001M, tract FROM raw_t LIMIT 1').fetchone()
    assert first == ("Census Tract 1; King County; Washington", "415001", None, "000100")


def test_a_json_object_of_records_keyed_by_id_is_refused_with_sql_that_makes_a_row_of_each(con, tmp_path: Path) -> None:
    # EDGAR's company_tickers.json: {"0": {"cik_str": 320193, "ticker": "AAPL", ...}, "1": ...}.
    # The read_json advice made one row of a struct column per company (10,000 of them).
    path = tmp_path / "company_tickers.json"
    path.write_text(
        '{"0": {"cik_str": 320193, "ticker": "AAPL", "title": "APPLE INC"}, "1": {"cik_str": 789019, "ticker": "MSFT",'
        ' "title": "MICROSOFT CORP"}, "2": {"cik_str": 1045810, "ticker": "NVDA", "title": "NVIDIA CORP"}}'
    )
    with pytest.raises(SourceError, match="holds JSON, not CSV text") as err:
        _load(con, path)
    hint = err.value.hint or ""
    con.execute(hint.split('duckdb -c "', 1)[1].split('"', 1)[0])
    table = con.execute(f"SELECT * FROM '{tmp_path / 'company_tickers.parquet'}' ORDER BY cik_str")
    assert [d[0] for d in table.description] == ["key", "cik_str", "ticker", "title"]
    assert table.fetchall()[0] == ("0", 320193, "AAPL", "APPLE INC")
    # An object whose members differ (a document's metadata beside its data) keeps the plain advice.
    document = tmp_path / "document.json"
    document.write_text('{"meta": {"source": "SEC"}, "data": {"rows": 3}}')
    with pytest.raises(SourceError, match="holds JSON, not CSV text") as err:
        _load(con, document)
    assert "map_values" not in (err.value.hint or "")
    assert "read_json(" in (err.value.hint or "")


def test_the_json_advice_s_sql_quotes_a_path_holding_an_apostrophe(con, tmp_path: Path) -> None:
    # EDGAR's company_tickers.json saved under a person's name (o'neil.json), and an array of
    # records beside it: the advice wrote the path raw into its literals, a broken command.
    keyed = tmp_path / "o'neil.json"
    keyed.write_text(
        '{"0": {"cik_str": 320193, "ticker": "AAPL"}, "1": {"cik_str": 789019, "ticker": "MSFT"},'
        ' "2": {"cik_str": 1045810, "ticker": "NVDA"}}'
    )
    listed = tmp_path / "d'arcy.json"
    listed.write_text('[{"id": 1, "name": "a"},\n{"id": 2, "name": "b"},\n{"id": 3, "name": "c"}]\n')
    for path, columns in ((keyed, ["key", "cik_str", "ticker"]), (listed, ["id", "name"])):
        with pytest.raises(SourceError, match="holds JSON, not CSV text") as err:
            _load(con, path)
        con.execute((err.value.hint or "").split('duckdb -c "', 1)[1].rsplit('" (or export', 1)[0])
        table = con.execute("SELECT * FROM read_parquet($1)", [str(path.with_suffix(".parquet"))])
        assert [d[0] for d in table.description] == columns
        assert len(table.fetchall()) == 3


def test_json_arrays_are_refused_as_json_with_advice_that_makes_a_table(con, tmp_path: Path) -> None:
    # read_json makes one list column of the Census API's array of arrays: named .json, the
    # advice is to read it under a .csv name; an array of objects is JSON whatever its name.
    census = tmp_path / "acs.json"
    census.write_text('[["NAME","tract"],\n["Census Tract 1","000100"]]\n')
    with pytest.raises(SourceError, match="holds JSON, not CSV text") as err:
        _load(con, census)
    assert str(tmp_path / "acs.csv") in (err.value.hint or "")
    records = tmp_path / "records.csv"
    records.write_text('[{"id": 1, "name": "a"},\n{"id": 2, "name": "b"}]\n')
    with pytest.raises(SourceError, match="holds JSON, not CSV text") as err:
        _load(con, records)
    assert "read_json(" in (err.value.hint or "")
