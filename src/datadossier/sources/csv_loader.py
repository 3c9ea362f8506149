"""CSV into the raw layer: encoding, dialect and header detection, then one DuckDB load.

Every column is loaded as VARCHAR so that type inference sees the values as written; null
tokens become NULL. Rows are stored in file order, so a row's ``_row_id`` (1-based position in
the file) is its DuckDB ``rowid`` + 1; see ``sources.layers.ROW_ID``.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from datadossier.engine.gateway import create_table, quote_ident, quote_literal
from datadossier.errors import SourceError
from datadossier.inference.conversions import NO_READINGS, Readings, hides_rowid
from datadossier.inference.names import name_tokens
from datadossier.inference.sampling import MISSING_MARKER
from datadossier.sources.compressed import (
    damage_errors,
    damaged,
    is_compressed,
    is_damage,
    open_bytes,
    unread_format,
)
from datadossier.sources.files import (
    DataFile,
    copy_file,
    is_json,
    json_to_parquet_hint,
    keyed_records_hint,
    out_of_space,
    read_call,
    renamed_row_id,
)
from datadossier.sources.json_rows import (
    JsonCell,
    array_of_arrays_hint,
    json_rows,
    opens_array_of_arrays,
    opens_keyed_records,
    write_json_rows_as_csv,
)

if TYPE_CHECKING:
    import duckdb

SNIFF_BYTES = 1 << 20
# What a sample of the file (see `sample_csv`) may read at most, all blocks together.
SAMPLE_MAX_BYTES = 8 << 20
_DELIMITERS = (",", ";", "\t", "|", "$")
# The FDA's Orange Book files (products.txt, patent.txt, exclusivity.txt) separate their
# fields with "~"; their values hold ";" ("TABLET;ORAL", "5MG;325MG") and commas, which
# split some lines and were taken for the delimiter. Tried only in a file whose first line
# holds one, after the others, which win a tie.
TILDE_DELIMITER = "~"
_SEP_DIRECTIVE = re.compile(r"(?i)sep=([,;\t|$~])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SNIFF_LINES = 500
_NUMBER = re.compile(r"^[-+$€£]?\s?[\d.,]+\s?%?$")
_CLOCK = re.compile(r"^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_DOTTED_QUAD = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_DATE_LIKE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_YEAR = re.compile(r"(1[5-9]|2[0-9])[0-9]{2}")
# DuckDB reads these natively; anything else is transcoded to UTF-8 first.
_DUCKDB_ENCODINGS = {"utf-8": "utf-8", "latin-1": "latin-1"}
# Bytes cp1252 does not define.
_CP1252_UNDEFINED = rb"[\x81\x8d\x8f\x90\x9d]"
# Latin-1's control bytes: letters and signs in cp1252 (see `detect_encoding`), and bytes
# DuckDB's Latin-1 reader refuses (such a file is transcoded).
_C1_BYTES = rb"[\x80-\x9f]"


@dataclass(frozen=True, slots=True)
class CsvDialect:
    """How a CSV file is written."""

    encoding: str
    delimiter: str
    quote: str
    header: bool
    field_count: int
    # Lines before the table (a title, notes, blank lines), as some exports write them.
    skip: int = 0
    # Note lines after the table ("Source: ...") left out of the workspace's copy.
    footer: int = 0
    # Every delimiter is followed by a space ("39, State-gov, 77516", as the UCI files are
    # written): DuckDB reads the pair as the delimiter, so values do not start with a space.
    initial_space: bool = False
    # The lines read need their quotes: a quoted value holds the delimiter, a line break or a
    # quote, or many lines quote values (see `unquoted`).
    quotes_needed: bool = True
    # Quotes inside quoted values are escaped with a backslash (`"\"Bud\" Smith"`), not
    # doubled: PostgreSQL's COPY ... ESCAPE '\' (CourtListener's bulk files), MySQL's INTO
    # OUTFILE. Seen in the lines read (see `_backslash_escapes`); else read so only once
    # DuckDB refuses the doubled-quote reading (see `backslash_escaped`).
    backslash: bool = False
    # Values are separated by runs of spaces or tabs (the UCI repository's housing.data):
    # the workspace's copy is rewritten as CSV, which the other fields then describe.
    spaces: bool = False
    # Fixed-width records (NOAA's ghcnd-stations.txt: values in columns of fixed place, text
    # with spaces among them): where each column starts, for the copy's rewrite as CSV.
    widths: tuple[int, ...] = ()
    # Rows between the header and the data that describe the columns (a census table's
    # labels, a data logger's units), one tuple of cells per row (see `_label_rows`); the
    # data then starts after ``data_skip`` lines.
    labels: tuple[tuple[str, ...], ...] = ()
    data_skip: int = 0
    # The names of a header of two rows, a group's name over each of its columns' ("Sales"
    # over "Q1", "Q2": "Sales Q1", "Sales Q2"), as spreadsheets export merged cells; the
    # data then starts after ``data_skip`` lines too.
    names: tuple[str, ...] = ()
    # How many columns at the end are unnamed and empty in every row read: the header and the
    # rows end in delimiters ("a,b," over "1,2,", as the BTS on-time files are written;
    # "a;b;;" in the UCI air quality file). They are not loaded. Without a header, only the
    # last field, when every line ends in the delimiter.
    empty_trailing: int = 0
    # Lines further down that repeat the header (sports-reference.com's tables repeat it every
    # 20 rows; files concatenated whole): left out of the workspace's copy, counted.
    repeated_headers: int = 0
    # Rows whose every field is empty (",,,,,,": the formatted but empty rows spreadsheets
    # export, four of them under the header of MITRE's allitems.csv) among the rows: seen in
    # the lines the dialect is read from, then left out of the workspace's copy and counted.
    empty_rows: int = 0
    # Rows of another number of fields than the table's (an unquoted comma in a title, as in
    # Goodreads' books.csv): left out of the workspace's copy when they are few (see
    # `RAGGED_MAX_SHARE`), counted, with the first lines' numbers. ``ragged`` marks a file
    # whose sniffed lines held some, to be cut when it is copied.
    ragged: bool = False
    ragged_rows: int = 0
    ragged_lines: tuple[int, ...] = ()
    # Rows with the delimiter inside their last value, unquoted (the Netflix Prize's
    # movie_titles.csv: "4,1998,Lock, Stock and Two Smoking Barrels"): rejoined, when the
    # last column holds text and the columns before it that hold numbers still do (the
    # positions of those, see `_rejoin_positions`); counted in ``rejoined_rows``.
    rejoin: tuple[int, ...] | None = None
    rejoined_rows: int = 0
    # Header cells that the columns' names do not repeat exactly: (name, as written), for
    # names DuckDB trimmed ("Life expectancy " in the WHO's file) or numbered ("x" twice).
    written_names: tuple[tuple[str, str], ...] = ()
    # What the lines above the table say of its columns, as the NASA Exoplanet Archive and
    # other IPAC exports write them ("# COLUMN pl_orbper: Orbital Period [days]"): (name, text).
    described: tuple[tuple[str, str], ...] = ()
    # The first lines of the preamble skipped (a report's title, its "As of December 31, 2023",
    # a statement's summary), as text: what the rows are of, which skipping loses.
    skipped_lines: tuple[str, ...] = ()
    # A second table stacked under this one (see `_second_table`): the 1-based line of its
    # title, and the title. The copy ends before it.
    second_table: tuple[int, str] | None = None
    # Comment lines ("#") to leave out: in a file that opens with them, those among its rows
    # (Ensembl's GFF3 writes "###" after each gene, NCBI's "##sequence-region" among its
    # rows; counted in ``comment_lines``), or all of them in a file of values separated by
    # spaces, which is rewritten (NOAA's co2_mm_mlo.txt).
    comments: bool = False
    comment_lines: int = 0
    # The header names one column fewer than the rows hold (see `_short_header`): "first"
    # (row names, as R's write.table writes them, named ``row_names``) or "last" (a column
    # the header lacks, named as DuckDB names a blank one). ``names`` then holds every name.
    unnamed: str = ""
    # The header's last name when it names one column more than the rows hold (see
    # `_long_header`): loaded as an empty column, ``names`` holding every name.
    missing: str = ""
    # Names from a W3C extended log's "#Fields:" line over rows without a header (IIS's and
    # CloudFront's logs): the header's names (``names`` too, unless the copy is rewritten).
    field_names: tuple[str, ...] = ()
    # A rule of dashes or equals signs under the header (psql's and sqlcmd's text output,
    # PDB's index files): left out, the data starting after ``data_skip`` lines.
    rule_line: bool = False
    # A USGS RDB file of several sites (see `_site_block_lines`): each site's header and
    # format line after the first are left out of the copy (`_cut_site_headers`), and
    # counted in ``repeated_headers``.
    site_blocks: bool = False
    # Values padded with spaces about a "|" delimiter (psql's " 1 | alpha ", an SAP list's
    # "| 0000400000 |"), ``framed`` when the lines also open and close with one (the SAP list
    # "unconverted", a Markdown table): the copy is rewritten with the values trimmed and the
    # frame dropped (see `_unpadded_line`), so that "0000400000" keeps its leading zeros as
    # a code's and no empty column stands for the frame.
    padded: bool = False
    framed: bool = False
    # A text qualifier other than the double quote opening and closing every field (see
    # `_text_qualifier`): Concordance's and Relativity's load files write "þ" (about 0x14
    # delimiters, or commas), others "^" about pipes. The copy is rewritten with the values
    # unwrapped and double-quoted where they need it (see `_requote`), which the other
    # fields then describe.
    qualifier: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "initial_space": self.initial_space,
            "quote": self.quote,
            **({"escape": "\\"} if self.backslash else {}),
            "header": self.header,
            "skip": self.skip,
            "footer": self.footer,
            "spaces": self.spaces,
            **({"fixed_width_starts": list(self.widths)} if self.widths else {}),
            **({"labels": [list(row) for row in self.labels]} if self.labels else {}),
            # (Names from two rows: the data starts two lines below the header at least; a
            # header with a name more than the rows' fields, `_long_header`, is one row.)
            **({"header_rows": 2} if self.names and self.data_skip > self.skip + 1 and not (self.unnamed or self.field_names) else {}),
            **({"unnamed_column": self.unnamed} if self.unnamed else {}),
            **({"missing_column": self.missing} if self.missing else {}),
            **({"fields_line": list(self.field_names)} if self.field_names else {}),
            **({"rule_line": True} if self.rule_line else {}),
            **({"padded_values": "framed" if self.framed else True} if self.padded else {}),
            **({"text_qualifier": self.qualifier} if self.qualifier else {}),
            **({"repeated_headers": self.repeated_headers} if self.repeated_headers else {}),
            **({"empty_rows": self.empty_rows} if self.empty_rows else {}),
            **({"ragged_rows": self.ragged_rows, "ragged_lines": list(self.ragged_lines)} if self.ragged_rows else {}),
            **({"rejoined_rows": self.rejoined_rows} if self.rejoined_rows else {}),
            **({"written_names": dict(self.written_names)} if self.written_names else {}),
            **({"described": dict(self.described)} if self.described else {}),
            **({"skipped_lines": list(self.skipped_lines)} if self.skipped_lines else {}),
            **(
                {"second_table": {"line": self.second_table[0], "title": self.second_table[1]}}
                if self.second_table else {}
            ),
            **({"comment_lines": self.comment_lines} if self.comment_lines else {}),
        }


def _read_head(path: Path) -> bytes:
    try:
        with open_bytes(path) as fh:
            return fh.read(SNIFF_BYTES)
    except FileNotFoundError as exc:
        raise SourceError(f"{path} disappeared before it could be read.", hint="Check the file still exists and profile it again.") from exc
    except damage_errors() as exc:
        if is_compressed(path) and is_damage(exc):
            raise damaged(path, exc) from exc
        raise SourceError(f"Cannot read {path}: {getattr(exc, 'strerror', None) or exc}.", hint="Check the file's permissions.") from exc


def detect_encoding(head: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with its BOM, as spreadsheets export "Unicode
    text"), Latin-1 or Windows-1252, from the first bytes of a file; text mostly past ASCII
    in another code page (Shift-JIS, GBK, Windows-1251...) by `_legacy_encoding`.

    A file that mixes valid multi-byte UTF-8 with invalid sequences is refused: reading it as
    Latin-1 would silently garble the valid part.
    """
    if not head:
        raise SourceError(f"{path} is empty.", hint="Profile a file that has a header and at least one data row.")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # transcoded to UTF-8 for DuckDB; the BOM tells the byte order
    sample = head[:65536]
    if b"\x00" in sample or _control_share(sample) > 0.01:
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
            raise SourceError(
                f"{path} is a spreadsheet workbook, not CSV text.",
                hint="Save the sheet as CSV (File > Save As > CSV) and profile that file.",
            )
        if (packed := unread_format(head)) is not None:
            raise SourceError(
                f"{path} is compressed ({packed}), which is not read here.",
                hint="Decompress it and profile the CSV inside (.gz, .bz2, .xz, .zst and archives of one file are read as they are).",
            )
        raise SourceError(
            f"{path} looks like a binary file, not CSV text.",
            hint="Point at a CSV (text) or Parquet file.",
        )
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sniffed block is still UTF-8.
        if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
        # Mostly UTF-8 with a few bad bytes is refused below; in text of another code page
        # only a few byte pairs read as UTF-8 by chance (GBK's 省 is 0xCA 0xA1).
        if not _mostly_utf8(sample) and (legacy := _legacy_encoding(sample)) is not None:
            return legacy
        valid_multibyte = re.search(rb"[\xc2-\xf4][\x80-\xbf]+", head[: exc.start])
        if valid_multibyte:
            raise SourceError(
                f"{path} is not valid UTF-8 (bad byte at offset {exc.start}) but contains UTF-8 text before it.",
                hint="Re-save the file in one encoding (UTF-8), or pass encoding='latin-1' if it is Latin-1.",
            ) from exc
    # Bytes 0x80-0x9f are control characters in Latin-1 but letters and signs (€, ’) in cp1252,
    # but for five that cp1252 leaves undefined (0x9d in VAERS' text): with one of them the
    # file is read as Latin-1, which decodes every byte.
    if (other := _central_european(head[:65536])) is not None:
        return other
    if re.search(_C1_BYTES, head) and not re.search(_CP1252_UNDEFINED, head):
        return "cp1252"
    return "latin-1"


def late_encoding(path: Path, exc: SourceError) -> str | None:
    """The encoding of a file read as UTF-8 because its first megabyte (what `detect_encoding`
    reads) was plain ASCII, and whose load then met a byte that is no UTF-8 (FAOSTAT's
    Latin-1 "Côte d'Ivoire" a few megabytes down): Latin-1 or Windows-1252 (or another code
    page), told from the bytes around the first bad one. None for another error, and for a
    file with UTF-8 text before that byte: it mixes encodings, and the error stands."""
    if "not valid UTF-8" not in exc.message:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open_bytes(path) as fh:
            while chunk := fh.read(1 << 24):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as bad:
                    start = max(bad.start, 0)
                    if _PAST_ASCII.search(chunk, 0, start) is None:
                        window = chunk[max(start - 4096, 0) : start + (1 << 16)]
                        found = detect_encoding(window, path)
                        return None if found in ("utf-8", "utf-16") else found
                    return None
                if _PAST_ASCII.search(chunk) is not None:
                    return None  # UTF-8 text before the bad byte: encodings mixed
    except (OSError, SourceError, EOFError):
        return None
    return None


_PAST_ASCII = re.compile(rb"[\x80-\xff]")


# Above this share of bytes past ASCII, text that is not UTF-8 is not in a Western code page
# (French or German text has a few percent): Cyrillic, Greek, Japanese, Chinese, Korean...
_LEGACY_HIGH_SHARE = 0.2


def _mostly_utf8(sample: bytes) -> bool:
    """Whether most characters past ASCII in the sample are valid UTF-8."""
    text = sample.decode("utf-8", errors="replace")
    wide = sum(1 for ch in text if ord(ch) >= 0x80)
    return wide > 0 and text.count("\ufffd") * 2 < wide


def _legacy_encoding(sample: bytes) -> str | None:
    """The encoding of text mostly written past ASCII in another code page than UTF-8
    (Shift-JIS as Japanese open data is published, GBK, EUC-KR, Windows-1251...), told by
    charset-normalizer from the sample; None for mostly-ASCII text (Western code pages,
    decided by `detect_encoding`) or when it finds nothing."""
    high = sum(1 for b in sample if b >= 0x80)
    if high < _LEGACY_MULTIBYTE_SHARE * len(sample):
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    name = codecs.lookup(best.encoding).name
    if high < _LEGACY_HIGH_SHARE * len(sample) and name not in _MULTIBYTE:
        return None  # (a few accents: a Western code page, decided by `detect_encoding`)
    return name


# Japanese, Chinese and Korean in a file mostly of numbers (e-Stat's tables in Shift-JIS):
# above this share of bytes past ASCII, charset-normalizer's reading is taken when it is one
# of these code pages of two bytes a character, which Western text does not decode as.
_LEGACY_MULTIBYTE_SHARE = 0.05
_MULTIBYTE = frozenset({"cp932", "shift_jis", "euc_jp", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "euc_kr", "cp949"})


def _central_european(head: bytes) -> str | None:
    """Polish, Czech or Turkish text in its Windows code page, which Windows-1252 would read
    with letters no Western word has inside it: cp1250's ą, ł, Ą, Ł and ź as "¹", "³", "¥",
    "£" and "Ÿ" ("DOLNOŒL¥SKIE"), cp1254's ı, İ, ş, ğ as "ý", "Ý", "þ", "ð" ("Ýstanbul").
    Two such letters at least; None otherwise (a Western code page)."""
    text = head.decode("cp1252", errors="replace")
    polish = len(_CP1250_TELLS.findall(text))
    turkish = len(_CP1254_TELLS.findall(text))
    if turkish >= 2 and (qualified := _text_qualifier(text)) is not None and qualified[0] in _CP1254_LETTERS:
        # (A load file's "þ" about every field, written "ANSI" by Relativity: no Turkish ş.)
        turkish = len(_CP1254_TELLS.findall(text.replace(qualified[0], "")))
    if max(polish, turkish) < 2:
        return None
    return "cp1250" if polish >= turkish else "cp1254"


# (Followed by a letter: "m³" and "£12" are Western text.)
_CP1250_TELLS = re.compile(r"[¥¹³£Ÿ](?=[^\W\d_])")
_CP1254_LETTERS = "ÝýÞþÐð"
_CP1254_TELLS = re.compile(f"[{_CP1254_LETTERS}](?=[^\\W\\d_])")


def _control_share(sample: bytes) -> float:
    # Tab, line feed, vertical tab (Excel's line break inside a cell), form feed and carriage
    # return are text; so is DC4 (0x14), the delimiter of Concordance's and Relativity's load
    # files (`LOAD_FILE_DELIMITER`), which were refused as binary.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 11, 12, 13, 20))
    return controls / max(len(sample), 1)


# At most this many lines before the table are taken for a preamble (title, notes), and
# after it for a footer, looked for in the file's last FOOTER_BYTES.
MAX_PREAMBLE_LINES = 20
FOOTER_BYTES = 1 << 16
# CDC WONDER's exports end with 20 to 60 lines of notes (the query, its date, caveats).
MAX_FOOTER_LINES = 100


def _named_tab_separated(path: Path) -> bool:
    """Whether a file's name says tab-separated values (``.tsv``, ``.tab``, also compressed)."""
    return any(suffix.lower() in (".tsv", ".tab") for suffix in path.suffixes)


def detect_dialect(head_text: str, encoding: str, path: Path, *, whole: bool = False) -> CsvDialect:
    """Delimiter by field-count consistency over the first lines, a preamble of lines with
    fewer fields before the table, then header by content. ``whole``: the text is the whole
    file, so note lines at its end are a footer (cut from the copy by `_cut_footer`), not
    ragged rows. Values padded about "|" are read trimmed, out of their frame (see
    `CsvDialect.padded`), when "|" then separates them and no quote holds one; values wrapped
    in another text qualifier than the double quote are read unwrapped (see
    `CsvDialect.qualifier`)."""
    qualified = _text_qualifier(head_text)
    if qualified is not None:
        qualifier, delimiter = qualified
        if not whole:
            head_text = head_text[: max(head_text.rfind("\n"), head_text.rfind("\r")) + 1]  # (no cut line)
        requoted = io.StringIO()
        _requoted(io.StringIO(head_text), requoted, qualifier, delimiter)
        dialect = _detect_dialect(requoted.getvalue(), encoding, path, whole=whole)
        if dialect.delimiter == delimiter:
            return replace(dialect, qualifier=qualifier)
    padding = _pipe_padding(head_text)
    if padding is not None:
        framed = padding == "framed"
        unpadded = "\n".join(_unpadded_line(line, framed=framed) for line in _LINE_BREAK.split(head_text))
        dialect = _detect_dialect(unpadded, encoding, path, whole=whole)
        if dialect.delimiter == "|" and not (dialect.spaces or dialect.widths or dialect.quotes_needed):
            return replace(dialect, padded=True, framed=framed)
    return _detect_dialect(head_text, encoding, path, whole=whole)


# The delimiter of Concordance's and Relativity's load files (".dat"): DC4, 0x14.
LOAD_FILE_DELIMITER = "\x14"
# Characters never taken for a text qualifier: those that open comments and draw rules, and
# brackets, which open and close with two characters.
_NO_QUALIFIER = frozenset("\"#%-=_~*.+()[]{}<>/\\")
# Of the lines under the header, the share whose first and last fields the qualifier wraps.
_QUALIFIED_LINES = 0.9


def _text_qualifier(head_text: str) -> tuple[str, str] | None:
    """The text qualifier (and the delimiter between the fields it wraps) of a file whose
    every field is wrapped in a character other than the double quote: the header's first
    character, which also ends it and stands on each side of every delimiter in it
    ("þBEGDOCþ\x14þENDDOCþ", "^BEGDOC^|^CUSTODIAN^"), two fields at least, and which
    opens and closes nearly every line below. Read with the double quote, the names and
    values kept their qualifiers and a comma inside one ("þSmith, Johnþ") made the file
    ragged. None otherwise."""
    lines = [line.strip() for line in itertools.islice(_LINE_BREAK.split(head_text[: 1 << 16]), 50) if line.strip()]
    if len(lines) < 2:
        return None
    header = lines[0].lstrip("\ufeff")
    qualifier = header[:1]
    # (Concordance's "þ" is a letter: only ASCII's letters and digits are no qualifier.)
    if not qualifier or (qualifier.isascii() and qualifier.isalnum()) or qualifier.isspace() or qualifier in _NO_QUALIFIER:
        return None
    if header[-1] != qualifier:
        return None
    for delimiter in (*_DELIMITERS, LOAD_FILE_DELIMITER):
        if qualifier == delimiter:
            return None
        fields = header[1:-1].split(qualifier + delimiter + qualifier)
        if len(fields) < 2 or any(qualifier in field for field in fields):
            continue
        rows = lines[1:]
        wrapped = sum(1 for line in rows if len(line) > 1 and line[0] == qualifier and line[-1] == qualifier)
        return (qualifier, delimiter) if wrapped >= _QUALIFIED_LINES * len(rows) else None
    return None


def _requoted(src: Iterable[str], dst: io.TextIOBase, qualifier: str, delimiter: str) -> None:
    """Write the rows of ``src``, their values wrapped in ``qualifier``, to ``dst`` as CSV of
    the same delimiter that double-quotes a value only where it needs it (one holding the
    delimiter, a line break or a double quote), line for line."""
    writer = csv.writer(dst, delimiter=delimiter, quotechar='"', lineterminator="\n")
    try:
        for row in csv.reader(src, delimiter=delimiter, quotechar=qualifier):
            writer.writerow(row)
    except csv.Error:
        pass  # (a line cut inside a value at the sniffed block's end)


def _requote(path: Path, encoding: str, target: Path, *, qualifier: str, delimiter: str) -> None:
    """Rewrite a file of values wrapped in ``qualifier`` as UTF-8 CSV (see `_requoted`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            # (A BOM before the first qualifier would keep it as text.)
            io.TextIOWrapper(open_bytes(path), encoding="utf-8-sig" if encoding == "utf-8" else encoding, newline="") as src,
            target.open("w", encoding="utf-8", newline="") as dst,
        ):
            _requoted(src, dst, qualifier, delimiter)
    except FileNotFoundError as exc:
        raise SourceError(f"{path} disappeared during the run.", hint="Profile it again once the file is in place.") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path} is not valid {encoding} text: {exc}.", hint="Pass the file's real encoding.") from exc


# Of the lines with a "|", the share with a space beside one that says values are padded, and
# the share opening and closing with one that says they are framed.
_PADDED_LINES = 0.5
_FRAMED_LINES = 0.9


def _pipe_padding(head_text: str) -> str | None:
    """Whether the first lines pad their values with spaces about "|" (most lines hold one,
    most of those with a space beside it: psql's output, an SAP list, a fixed-width report's
    pipes): "framed" when they also open and close with one, "padded" otherwise; None when
    they do not."""
    # (The first 64 KiB say it: splitting the whole sniffed block cost every file its time.)
    lines = [line.strip() for line in itertools.islice(_LINE_BREAK.split(head_text[: 1 << 16]), _SNIFF_LINES) if line.strip()]
    piped = [line for line in lines if "|" in line]
    if not piped or len(piped) < _PADDED_LINES * len(lines):
        return None
    if sum(1 for line in piped if " |" in line or "| " in line) < _PADDED_LINES * len(piped):
        return None
    framed = sum(1 for line in piped if len(line) > 1 and line[0] == "|" and line[-1] == "|")
    return "framed" if framed >= _FRAMED_LINES * len(piped) else "padded"


def _unpadded_line(line: str, *, framed: bool) -> str:
    """A line of values padded about "|" with each value trimmed, and without the "|" that
    opens and closes it when ``framed`` ("| 1000 | 0000400000 |": "1000|0000400000")."""
    text = line.strip()
    if framed and len(text) > 1 and text[0] == "|" and text[-1] == "|":
        text = text[1:-1]
    return "|".join(value.strip() for value in text.split("|"))


def _unpad(path: Path, encoding: str, target: Path, *, framed: bool) -> None:
    """Rewrite a file of values padded about "|" as UTF-8, line for line (so that the
    dialect's line numbers hold), each line as `_unpadded_line` gives it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            io.TextIOWrapper(open_bytes(path), encoding=encoding, newline=None) as src,
            target.open("w", encoding="utf-8", newline="") as dst,
        ):
            for number, line in enumerate(src):
                text = line.rstrip("\n")
                dst.write(_unpadded_line(text.lstrip("\ufeff") if number == 0 else text, framed=framed) + "\n")
    except FileNotFoundError as exc:
        raise SourceError(f"{path} disappeared during the run.", hint="Profile it again once the file is in place.") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path} is not valid {encoding} text: {exc}.", hint="Pass the file's real encoding.") from exc


def _detect_dialect(head_text: str, encoding: str, path: Path, *, whole: bool) -> CsvDialect:
    """`detect_dialect` over lines as written."""
    # Lines end at CR and LF only: str.splitlines() also breaks at characters that are data
    # in a CSV value (vertical tab, form feed, U+2028 as in text copied from the web).
    physical = _LINE_BREAK.split(head_text)
    if len(physical) > 1 and not whole and not head_text.endswith(("\n", "\r")):
        physical = physical[:-1]  # the sniffed block may cut the last line
    # A BADC-CSV file (every Met Office MIDAS Open file, most of CEDA's archive) opens with
    # its metadata, a line or two per column, over 100 lines in MIDAS's hourly weather; its
    # table starts after the line "data", whatever the block's length. So does a NASA POWER
    # file's after "-END HEADER-" (a line per parameter asked for, 20 of them at most). The
    # lines are read from there.
    frame = _badc_data_line(physical)
    if frame is None:
        frame = _power_header_end(physical)
    first = 0 if frame is None else frame + 1
    sniffed = first + _SNIFF_LINES
    starts = [i for i in range(first, min(len(physical), sniffed)) if physical[i].strip()]  # non-blank lines
    # Unless the lines read reach the file's end, the last row may be cut inside a quoted
    # value that spans lines: it is left out of the ragged-row check.
    complete = whole and len(physical) <= sniffed
    # Excel's "sep=;" line names the delimiter; the table starts after it.
    directive = _SEP_DIRECTIVE.fullmatch(physical[starts[0]].strip()) if starts else None
    delimiters = (directive.group(1),) if directive else _candidate_delimiters(head_text, physical[starts[0]] if starts else "")
    if directive:
        starts = starts[1:]
    # Comment lines before the table ("# COLUMN pl_name: Planet Name" in every NASA Exoplanet
    # Archive download, the notes atop instrument and climate exports) are skipped whatever
    # they hold; a table needs at least one line after them.
    comments = _comment_lines([physical[i] for i in starts])
    if comments and _commented_header(physical[starts[comments - 1]], [physical[i] for i in starts[comments : comments + 5]]):
        comments -= 1  # ("# time,value" over rows of two values: the header, written as a comment)
    above = physical[:first] + [physical[i] for i in starts[:comments]]
    if comments < len(starts):
        starts = starts[comments:]
    else:
        comments, above = 0, physical[:first]
    body_comments = 0
    if comments:
        # (The first line left is the header, which may be written as a comment.)
        kept = starts[:1] + [i for i in starts[1:] if not _is_comment(physical[i])]
        starts, body_comments = kept, len(starts) - len(kept)
    # (A USGS RDB file repeats its header and format line for each site it holds.)
    later = [i for i in range(sniffed, len(physical)) if physical[i].strip()]
    site_lines = _site_block_lines(physical, starts + later)
    starts = [i for i in starts if i not in site_lines]
    # (A second table is looked for in every line read, past the lines the dialect is read
    # from: Ken French's yearly factors start at line 1,175.)
    physical_starts = starts + [i for i in later if i not in site_lines]
    stacked = _second_table(physical, physical_starts)
    if stacked is not None and stacked < len(starts):
        # The table ends where the second starts: its lines are neither rows nor notes.
        starts, complete = starts[:stacked], True
    # Rules drawn across the table (psql's "----+-----" and sqlcmd's "----- -----" under the
    # header, the frame of an SAP list over and under it) and a query tool's count of the rows
    # ("(4 rows)") are no rows: counted as fields they made the file ragged. One under the
    # header is the `rule_line`; the others are cut with the preamble or the footer.
    drawn = {i for i in starts if _drawn_line(physical[i])}
    if drawn and len(drawn) < len(starts):
        starts = [i for i in starts if i not in drawn]
    lines = [physical[i] for i in starts]
    if not lines:
        raise SourceError(f"{path} has no text lines.", hint="Profile a file with a header and data rows.")
    spaced = {delim: _spaced_delimiter(lines, delim) for delim in delimiters}
    escaped = {delim: _backslash_escapes(lines, delim, spaced[delim]) for delim in delimiters}

    def parse(part: list[str], delim: str) -> list[list[str]]:
        escape = {"escapechar": "\\", "doublequote": False} if escaped[delim] else {}
        return list(
            csv.reader(io.StringIO("\n".join(part)), delimiter=delim, quotechar='"', skipinitialspace=spaced[delim], **escape)
        )

    best: tuple[float, int, str] | None = None
    tabs: tuple[float, int, str] | None = None
    # A file of one column: a delimiter that splits no line (values may hold the others).
    absent: list[str] = []
    for delim in delimiters:
        rows = parse(lines, delim)
        counts = [len(r) for r in rows]
        if not counts:
            continue
        if max(counts) == 1:
            absent.append(delim)
        # Lines of one field with words (or rules) at the end are notes, however many (CDC
        # WONDER's 20 to 60 lines under a table of a few rows would outvote it).
        table_end = len(counts)
        while table_end > 2 and counts[table_end - 1] == 1 and _footer_note(rows[table_end - 1], 3):
            table_end -= 1
        counts = counts[:table_end]
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        share = counts.count(mode) / len(counts)
        score = (share, mode, delim)
        if delim == "\t":
            tabs = score
        if best is None or score[:2] > best[:2]:
            best = score
        if delim == "\t" and best is not None and share >= best[0] and _named_tab_separated(path):
            # A file named .tsv that tabs split as evenly: Eurostat's TSV heads its first
            # column "freq,unit,geo\TIME_PERIOD", codes joined by commas, and commas split
            # more fields than tabs when it has more codes than periods.
            best = score
            break
    if best is not None and tabs is not None and best != tabs and tabs[0] == 1.0 and _held_in_json(lines, best[2]):
        # Open Library's dumps (ol_dump_authors_2024-01-31.txt): four tab-separated fields,
        # the last a JSON record whose commas outnumber the tabs on every line.
        best = tabs
    if (
        not directive and _spaces_may_separate(lines, best) and (aligned := _space_separated(lines, complete=complete))
        and not (best is not None and best[0] == 1.0 and len(aligned[0]) == best[1])
    ):
        # (Tabs that split every line into as many values as spaces do stay the delimiter:
        # BLS's flat files pad values with spaces between their tabs.)
        fields = () if _looks_like_header(aligned[:50]) else _w3c_fields(above, len(aligned[0]))
        return CsvDialect(
            encoding=encoding, delimiter=",", quote='"', header=bool(fields) or _looks_like_header(aligned[:50]),
            field_count=len(aligned[0]), spaces=True, comments=bool(comments), field_names=fields,
        )
    if not directive and best is None and (fixed := _fixed_table(physical, starts, complete=complete)) is not None:
        title, columns, rows = fixed
        header = _looks_like_header(rows[:50])
        return CsvDialect(
            encoding=encoding, delimiter=",", quote='"', header=header,
            field_count=len(columns), widths=tuple(columns), comments=bool(comments),
            skip=starts[title] if title else 0, skipped_lines=_skipped_text(lines[:title], ","),
            rule_line=header and _line_under(physical, starts[title]) in drawn,
        )
    if not directive and (best is None or best[0] < 1.0) and (described := _coded_descriptions(lines, complete=complete)):
        start, header = described
        return CsvDialect(
            encoding=encoding, delimiter=",", quote='"', header=header, field_count=2, widths=(0, start),
            comments=bool(comments),
        )
    preamble = 0
    ragged = False
    rejoin = None
    skip = starts[0] if directive or comments or frame is not None else 0
    unnamed = missing = ""
    extra: str | None = None  # (see `_long_header`)
    if best is None:
        delimiter, field_count = (absent or delimiters)[0], 1
    else:
        share, field_count, delimiter = best
        summary = _summary_rows(parse(lines, delimiter), starts, field_count) if share < 1.0 else 0
        if share < 1.0 and not summary and (unnamed := _short_header(parse(lines, delimiter), field_count)):
            pass  # (the header over rows one field wider: no preamble, no ragged rows)
        elif share < 1.0:
            rows = parse(lines, delimiter)
            preamble = summary or _preamble_rows(rows, field_count)
            # Notes after the table are a footer when the file's end was read; else the last
            # row may be cut.
            end = len(rows) - (_footer_rows(rows, field_count) if complete else 1)
            trailing = _trailing_delimiter(rows[preamble:end], field_count)
            if trailing:
                field_count -= 1
            extra = _long_header(rows[preamble:end], field_count)
            missing = extra or ""
            bad = [
                i for i in range(preamble + (extra is not None), end)
                if len(rows[i]) != field_count and not (trailing and i > preamble)
            ]
            rejoin = _rejoin_positions(rows[preamble + 1 : end], field_count) if bad and not trailing else None
            broken = [i for i in bad if not _rejoinable(rows[i], field_count, rejoin)]
            # A few are left out when the file is copied (`cut_ragged_rows` counts them over the
            # whole file, and rejoins those it can); the first is named when there are more.
            ragged = bool(bad) and not trailing and len(broken) <= RAGGED_SNIFF_SHARE * (end - preamble)
            if broken and not ragged:
                line = starts[broken[0]] + 1 if broken[0] < len(starts) else broken[0] + 1  # (blank lines counted)
                raise _long_preamble_error(path, rows, starts, field_count, delimiter, before=broken[0]) or ragged_error(
                    path, line, len(rows[broken[0]]), field_count, delimiter, even=_even_splitter(lines, delimiters),
                )
            # The physical lines to skip: the preamble's lines and the blank lines among and after them.
            skip = starts[preamble]
        else:
            # Lines as wide as the table can still be a preamble: a title padded with delimiters
            # to the table's width, a logger's first line.
            preamble = _preamble_rows(parse(lines, delimiter), field_count)
            skip = starts[preamble] if preamble else skip
    quote = '"' if field_count < 2 or _quoted_values(lines[preamble:], delimiter, spaced[delimiter], field_count) else ""
    table = lines[preamble : preamble + 50]
    head_rows = parse(table, delimiter) if quote else [line.split(delimiter) for line in table]
    if ragged:  # (the header, then the rows of the table's width)
        head_rows = head_rows[:1] + [row for row in head_rows[1:] if len(row) == field_count]
    long = extra is not None  # (the header names one column more, or ends in a delimiter)
    # (A rule drawn under the first row makes it a header, whatever its names.)
    header = bool(unnamed) or long or _line_under(physical, starts[preamble]) in drawn or _looks_like_header(head_rows)
    fields = () if header else _w3c_fields(above, field_count)
    labels = _label_rows(head_rows, field_count) if header and not (unnamed or long) else 0
    if labels and _title_over_names(head_rows[0], head_rows[1], field_count):
        # A title over the header, a comma in it ("Body Measures (BMX_J), exported
        # 2020-06-01"): a line of the preamble, and the names below it the header.
        preamble += 1
        skip = starts[preamble]
        table = lines[preamble : preamble + 50]
        head_rows = parse(table, delimiter) if quote else [line.split(delimiter) for line in table]
        if ragged:
            head_rows = head_rows[:1] + [row for row in head_rows[1:] if len(row) == field_count]
        header = _looks_like_header(head_rows)
        labels = _label_rows(head_rows, field_count) if header else 0
    if header and not labels and not (unnamed or long) and _answer_row(head_rows, field_count):
        labels = 1  # (a survey's answer options under its questions, named by both below)
    grouped = labels > 0 and (
        _group_row(_fitted(head_rows[0], head_rows[1]), head_rows[1]) or _split_names(head_rows[0], head_rows[1])
        or _answer_row(head_rows, field_count)
    )
    # (Without a header, blank columns left of the last may be data still to come; the last
    # is the delimiter ending every line of TPC-H's and TPC-DS's generated files, `1|a|`.)
    empty_trailing = _empty_trailing(head_rows, field_count) if header else min(_empty_trailing(head_rows, field_count), 1)
    ruled = _line_under(physical, starts[preamble + labels]) if header and not (unnamed or long) else None
    rule = ruled is not None and ruled in drawn
    if header and not (unnamed or long) and not _header_fits(head_rows[0], field_count):
        # The header is never one of the ragged rows: DuckDB cannot read the file, or drops names.
        raise _long_preamble_error(path, parse(lines, delimiter), starts, field_count, delimiter, before=preamble) or SourceError(
            f"{path} has rows with a different number of fields: line {starts[preamble] + 1}, read as the header,"
            f" has {len(head_rows[0])} fields where the rows below have {field_count} (delimiter {delimiter!r}).",
            hint="If the lines above the table are a title or a summary, put a blank line under them (they are then"
            " skipped); else fix the header so that it names each column once.",
        )
    # (Counted in the whole copy by `_cut_repeated_headers`; seen here in the lines read.)
    repeats = int(header and not labels and any(line == lines[preamble] for line in lines[preamble + 1 :]))
    # (Likewise rows of delimiters alone, counted by `_cut_empty_rows`: a search of the whole
    # copy cost 0.2-0.5 s a 200 MB file, so only files that show one in the lines read pay it.)
    empty = int(any(_only_delimiters(line, delimiter) for line in lines[preamble + 1 :]))
    return CsvDialect(
        encoding=encoding, delimiter=delimiter, quote=quote, header=header,
        field_count=field_count, skip=skip, initial_space=spaced[delimiter],
        quotes_needed=_quotes_needed(lines[preamble:], delimiter, spaced[delimiter]),
        backslash=bool(quote) and escaped[delimiter],
        labels=tuple(_label_cells(row) for row in head_rows[1 + grouped : 1 + labels]),
        names=(
            tuple(_grouped_names(_fitted(head_rows[0], head_rows[1]), head_rows[1])) if grouped
            else fields or _all_names(head_rows[0], field_count, unnamed)
            or (tuple(_duckdb_names(cell.strip() for cell in head_rows[0][: field_count + bool(missing)])) if long else ())
        ),
        # (The label rows hold no line break, so each is one line: `_label_rows`.)
        data_skip=(
            ruled + 1 if rule and ruled is not None
            else starts[preamble + labels] + 1 if labels or unnamed or long else skip if fields else 0
        ),
        unnamed=unnamed, missing=missing, field_names=fields, rule_line=rule,
        empty_trailing=empty_trailing, repeated_headers=repeats, empty_rows=empty, ragged=ragged, rejoin=rejoin if ragged else None,
        described=_described(above + lines[:preamble]),
        skipped_lines=_skipped_text(lines[:preamble], delimiter),
        second_table=None if stacked is None else (physical_starts[stacked] + 1, physical[physical_starts[stacked]].strip()),
        comments=bool(body_comments), site_blocks=bool(site_lines),
    )


def _candidate_delimiters(head_text: str, first_line: str) -> tuple[str, ...]:
    """The delimiters tried on a file: the usual ones, then DC4 when the file holds it (load
    files) and "~" when its first line does (the Orange Book's)."""
    extra = (LOAD_FILE_DELIMITER,) if LOAD_FILE_DELIMITER in head_text[: 1 << 16] else ()
    if TILDE_DELIMITER in first_line:
        extra += (TILDE_DELIMITER,)
    return (*_DELIMITERS, *extra)


def _held_in_json(lines: list[str], delimiter: str) -> bool:
    """Whether every ``delimiter`` in the lines sits inside a JSON object or array written
    between tabs (a field that opens with "{" or "[" and closes with "}" or "]"), on every
    line: the delimiter is then the JSON's, and the tabs are the file's."""
    for line in lines:
        fields = line.split("\t")
        if not any(_json_text(field) for field in fields):
            return False
        if any(delimiter in field and not _json_text(field) for field in fields):
            return False
    return True


def _json_text(field: str) -> bool:
    text = field.strip()
    return len(text) > 1 and (text[0], text[-1]) in (("{", "}"), ("[", "]"))


# A line above a table describing one of its columns: "# COLUMN pl_orbper: Orbital Period [days]".
_DESCRIBED = re.compile(r"#+\s*COLUMN\s+([^\s:]+)\s*:\s*(\S.*?)\s*", re.IGNORECASE)


# Of a preamble, the lines kept as text, and the characters of each.
_SKIPPED_LINES_KEPT = 5
_SKIPPED_LINE_CHARS = 160


def _skipped_text(lines: list[str], delimiter: str) -> tuple[str, ...]:
    """The first lines of a preamble, without the delimiters padding them (see
    `CsvDialect.skipped_lines`)."""
    kept = (line.strip().strip(delimiter + " ").strip() for line in lines[:_SKIPPED_LINES_KEPT])
    return tuple(text[:_SKIPPED_LINE_CHARS] for text in kept if text)


def _described(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """The columns the lines above a table describe (see `CsvDialect.described`)."""
    found = (_DESCRIBED.fullmatch(line.strip()) for line in lines)
    return tuple((m.group(1), m.group(2)) for m in found if m is not None) + _badc_described(lines) + _power_described(lines)


# The first line of a BADC-CSV file: "Conventions,G,BADC-CSV,1".
_BADC_CONVENTIONS = re.compile(r"\ufeff?\s*Conventions\s*,\s*G\s*,\s*BADC-CSV\b", re.IGNORECASE)


def _badc_data_line(physical: list[str]) -> int | None:
    """The index of the line "data" that ends a BADC-CSV file's metadata, its header on the
    next line; None when the file opens otherwise or no such line was read."""
    opening = next((line for line in physical if line.strip()), "")
    if _BADC_CONVENTIONS.match(opening) is None:
        return None
    # (Spreadsheets re-saving the file pad the line with commas: "data,,,,".)
    return next((i for i, line in enumerate(physical) if line.strip().rstrip(",").strip().lower() == "data"), None)


def _badc_described(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """The columns a BADC-CSV file's metadata describes: "long_name,air_temperature,Air
    temperature,degC" names the column and gives its unit, written as the brackets of a
    "# COLUMN" line give it ("Air temperature [degC]"); "G" lines are the file's own."""
    if not lines or _BADC_CONVENTIONS.match(next((line for line in lines if line.strip()), "")) is None:
        return ()
    found: dict[str, str] = {}
    for row in csv.reader(line for line in lines if line.lstrip().lower().startswith("long_name")):
        cells = [cell.strip() for cell in row]
        if len(cells) < 3 or cells[0].lower() != "long_name" or cells[1] in ("", "G") or not cells[2]:
            continue
        unit = cells[3] if len(cells) > 3 else ""
        found.setdefault(cells[1], f"{cells[2]} [{unit}]" if unit else cells[2])
    return tuple(found.items())


# The lines framing a NASA POWER file's header (its point and regional downloads as CSV).
_POWER_BEGIN = "-BEGIN HEADER-"
_POWER_END = "-END HEADER-"
# A parameter's line in that header: "T2M       MERRA-2 Temperature at 2 Meters (C)".
_POWER_PARAMETER = re.compile(r"([A-Z][A-Z0-9_]*)\s{2,}(\S.*?)\s*;?\s*")


def _power_header_end(physical: list[str]) -> int | None:
    """The index of the line "-END HEADER-" that closes a NASA POWER file's header, its table's
    header on the next line; None when the file opens otherwise or no such line was read."""
    opening = next((line for line in physical if line.strip()), "")
    if opening.strip().lstrip("\ufeff").strip().rstrip(",") != _POWER_BEGIN:
        return None
    return next((i for i, line in enumerate(physical) if line.strip().rstrip(",").strip() == _POWER_END), None)


def _power_described(lines: list[str]) -> tuple[tuple[str, str], ...]:
    """The columns a NASA POWER file's header describes, a line a parameter after
    "Parameter(s):": "T2M   MERRA-2 Temperature at 2 Meters (C)" gives T2M that text, whose
    brackets are its unit as a label's are."""
    if not lines or next((line for line in lines if line.strip()), "").strip().lstrip("\ufeff").strip().rstrip(",") != _POWER_BEGIN:
        return ()
    found: dict[str, str] = {}
    listed = False
    for line in lines:
        text = line.strip().rstrip(",").strip()
        if text == _POWER_END:
            break
        if text.lower().startswith("parameter(s):"):
            listed = True
        elif listed and (m := _POWER_PARAMETER.fullmatch(text)) is not None:
            found.setdefault(m.group(1), m.group(2))
    return tuple(found.items())


# Rows of the wrong width that a file may hold and still be read, the others loaded: a share
# of the sniffed rows, then of all the file's rows (counted when the file is copied).
RAGGED_SNIFF_SHARE = 0.1
RAGGED_MAX_SHARE = 0.05
_RAGGED_LINES_KEPT = 5


def ragged_error(
    path: Path, line: int, fields: int, field_count: int, delimiter: str, *, count: str = "",
    even: tuple[str, int] | None = None,
) -> SourceError:
    """The error of a file with (too many) rows of another number of fields than its table.
    ``even``: a character not tried as a delimiter that every line read holds as many times
    (see `_even_splitter`), which is then more likely the delimiter than the rows are broken."""
    if even is not None:
        character, times = even
        hint = (
            f"Every line read holds {times} {character!r}, which would split it into {times + 1} fields alike: if that"
            " is the delimiter, write the file with tabs between its fields instead (replace each"
            f" {character!r}) and profile again."
        )
    else:
        hint = (
            "Fix the ragged rows (a missing delimiter or an unquoted delimiter inside a value) and profile"
            f" again. A file is read with up to {RAGGED_MAX_SHARE:.0%} of its rows ragged: those are left out and counted."
        )
    return SourceError(
        f"{path} has rows with a different number of fields: line {line} has {fields} fields where the"
        f" others have {field_count} (delimiter {delimiter!r}){count}.",
        hint=hint,
    )


def _even_splitter(lines: list[str], tried: tuple[str, ...]) -> tuple[str, int] | None:
    """Of the punctuation in the first line that is no delimiter tried, the character every
    line holds as many times (the most, when several do), and that number; None when none
    does. Read only for a file refused as ragged: a file of another delimiter (the Orange
    Book's "~" when its first line is a title) is not broken, and "fix the ragged rows"
    sent its user to the data."""
    found: tuple[str, int] | None = None
    for character in sorted(set(lines[0])):
        if character.isalnum() or character.isspace() or character in tried or character in "\"'":
            continue
        times = lines[0].count(character)
        if (found is None or times > found[1]) and all(line.count(character) == times for line in lines[1:]):
            found = (character, times)
    return found


# Rows of the table's width that, one after another, say the table has started.
_TABLE_START_ROWS = 5


def _long_preamble_error(
    path: Path, rows: list[list[str]], starts: list[int], field_count: int, delimiter: str, *, before: int,
) -> SourceError | None:
    """The error of a file whose table stands below more lines than a preamble is looked for
    in (`MAX_PREAMBLE_LINES`), when row ``before`` (the first ragged row, or the row taken for
    the header) is one of them: its lines, read as rows, are not ragged ones to fix (a BADC-CSV
    file's metadata block of a hundred lines, refused as "ragged rows"). None otherwise."""
    lead = next(
        (
            i for i in range(len(rows) - 1)
            if all(len(row) == field_count for row in rows[i : i + _TABLE_START_ROWS])
        ),
        None,
    )
    if lead is None or lead <= MAX_PREAMBLE_LINES or before >= lead or lead >= len(starts):
        return None
    return SourceError(
        f"{path} has {lead} lines before its table: line {starts[lead] + 1} is the first of the"
        f" {field_count} fields the rows below it hold (delimiter {delimiter!r}),"
        f" and only up to {MAX_PREAMBLE_LINES} lines of a title and notes are looked for above a table,"
        " so the lines above were read as rows of the wrong width.",
        hint="Remove the lines above the header, or begin each with '# ' (comment lines are skipped however"
        " many), and profile again.",
    )


def _number_or_none(cell: str) -> bool:
    """A number, or a cell standing for none (`_PLACEHOLDERS`, or empty)."""
    text = cell.strip()
    return not text or text.lower() in _PLACEHOLDERS or _NUMBER.match(text) is not None


def _rejoin_positions(rows: list[list[str]], field_count: int) -> tuple[int, ...] | None:
    """The columns (but the last) whose values are numbers in the rows of the table's width,
    when its last column holds text (words in half of its values): a row with more fields
    is then that text with the delimiter in it, if those columns hold numbers in it too
    (`_rejoinable`). None when the last column is no text or no column holds numbers: an
    extra field could then be anywhere (a comma in a title in the middle of Goodreads' rows)."""
    good = [row for row in rows if len(row) == field_count]
    last = [row[-1] for row in good if row[-1].strip()]
    if len(good) < 3 or not last or 2 * sum(1 for v in last if any(ch.isalpha() for ch in v)) < len(last):
        return None
    numeric = tuple(
        i for i in range(field_count - 1)
        if sum(1 for row in good if _number_or_none(row[i])) >= 0.95 * len(good)
        and any(row[i].strip() and _NUMBER.match(row[i].strip()) for row in good)
    )
    return numeric or None


def _rejoinable(row: list[str], field_count: int, rejoin: tuple[int, ...] | None) -> bool:
    """Whether a row of more fields than the table's is its text with the delimiter in it:
    its columns of numbers hold numbers (see `_rejoin_positions`)."""
    return rejoin is not None and len(row) > field_count and all(_number_or_none(row[i]) for i in rejoin)


def cut_ragged_rows(path: Path, dialect: CsvDialect, encoding: str, *, named: Path) -> CsvDialect:
    """Leave the rows of another width than the table's out of the copy at ``path``, when they
    are at most `RAGGED_MAX_SHARE` of its rows (else the file is refused, ``named`` in the
    error); the dialect then counts them. Rows are read as DuckDB reads them (a quoted value
    may span lines) and copied line for line. Rows with the delimiter in their last value
    (`CsvDialect.rejoin`) are written again with that value quoted; a file that quotes
    nothing is read so only when no line holds a quote (else they are left out too)."""
    lines_read: list[str] = []  # the physical lines of the record being read

    def lines(source: Iterable[str]) -> Iterator[str]:
        for line in source:
            lines_read.append(line)
            yield line

    cut: list[tuple[int, int]] = []  # (first line, fields) of each row left out
    rows = rejoined = 0
    quoted = False  # a line holds a quote
    width = dialect.field_count
    target = path.with_name(path.name + ".part")
    with path.open(encoding=encoding, newline="") as src, target.open("w", encoding=encoding, newline="") as out:
        joined = csv.writer(out, delimiter=dialect.delimiter, quotechar='"', lineterminator="\n")
        for _ in range(dialect.skip):
            out.write(src.readline())
        counted = dialect.skip  # physical lines before the current record
        header = dialect.header
        for row in _rows(lines(src), dialect):
            record, first = "".join(lines_read), counted + 1
            counted += len(lines_read)
            lines_read.clear()
            quoted = quoted or '"' in record
            if header or not row:
                header = header and not row  # (blank lines before the header)
                out.write(record)
                continue
            rows += 1
            if len(row) == width:
                out.write(record)
            elif _rejoinable(row, width, dialect.rejoin):
                joined.writerow([*row[: width - 1], dialect.delimiter.join(row[width - 1 :])])
                rejoined += 1
            else:
                cut.append((first, len(row)))
    if rejoined and quoted and not dialect.quote:
        # The rejoined values' quotes would be read as text, and others' as quotes.
        target.unlink(missing_ok=True)
        return cut_ragged_rows(path, replace(dialect, rejoin=None), encoding, named=named)
    if len(cut) > RAGGED_MAX_SHARE * rows:
        target.unlink(missing_ok=True)
        line, fields = cut[0]
        share = f"; {len(cut):,} of {rows:,} rows are so"
        raise ragged_error(named, line, fields, dialect.field_count, dialect.delimiter, count=share)
    target.replace(path)
    kept = tuple(line for line, _ in cut[:_RAGGED_LINES_KEPT])
    return replace(
        dialect, ragged=False, ragged_rows=len(cut), ragged_lines=kept, rejoined_rows=rejoined,
        quote=dialect.quote or ('"' if rejoined else ""),
    )


# At most this many rows under the header are taken for labels or units (a data logger's
# files have two: units, then how each value was processed).
MAX_LABEL_ROWS = 2
# Cells that a data row holds where a value is missing: never a column's label.
_PLACEHOLDERS = frozenset({"na", "n/a", "null", "none", "nan", "-", "?", "n", "x", "(x)"})


def _comment_lines(lines: list[str]) -> int:
    """How many of the first lines are comments: "#" then a space, another "#" or a rule's
    dash, or nothing. A "#" before a name is a header's ("#,Name,Type 1" of the Pokémon
    data, VCF's "#CHROM")."""
    count = 0
    for line in lines:
        if not _is_comment(line):
            break
        count += 1
    return count


def _is_comment(line: str) -> bool:
    """A comment line: "#" (or MATLAB's "%") then a space, another "#" or a rule's dash, or
    nothing (not a header's "#CHROM", nor a hashtag's "#MeToo"); or a directive of the W3C extended log
    format ("#Version: 1.0", "#Fields: date time c-ip", as IIS and CloudFront write them) or of a
    Zeek log ("#separator \\x09", "#fields<tab>ts<tab>uid", "#types<tab>time<tab>string")."""
    text = line.lstrip()
    if text.startswith("%"):
        # (MATLAB's comments: Berkeley Earth's temperature files open with "% ..." lines.)
        return len(text) == 1 or text[1].isspace() or text[1] in "%-=*!"
    return text.startswith("#") and (
        len(text) == 1 or text[1].isspace() or text[1] in "#-=*!" or _W3C_DIRECTIVE.match(text) is not None
        or _ZEEK_DIRECTIVE.match(text) is not None
    )


_W3C_DIRECTIVE = re.compile(r"#(?:Software|Version|Date|Fields|Remark|Start-Date|End-Date):")
# The lines heading (and closing) every Zeek (Bro) ASCII log: conn.log, dns.log, http.log...
_ZEEK_DIRECTIVE = re.compile(r"#(?:separator|set_separator|empty_field|unset_field|path|open|close|fields|types)\s")


def _w3c_fields(comments: list[str], field_count: int) -> tuple[str, ...]:
    """The names a W3C extended log's "#Fields:" line (a Zeek log's "#fields") gives its
    columns, when they are as many as the table's; () otherwise."""
    for line in reversed(comments):
        text = line.strip()
        directive = next((d for d in ("#Fields:", "#fields") if text.startswith(d)), None)
        if directive is not None and (directive == "#Fields:" or _ZEEK_DIRECTIVE.match(text)):
            names = tuple(text[len(directive) :].split())
            return names if len(names) == field_count else ()
    return ()


def _commented_header(line: str, below: list[str]) -> bool:
    """Whether the last comment line is the table's header ("# time,value", as gnuplot data
    and some loggers write it): it splits into as many fields as the lines below it, two or
    more, by one delimiter."""
    if not below:
        return False
    for delimiter in _DELIMITERS:
        width = len(line.split(delimiter))
        if width >= 2 and all(len(row.split(delimiter)) == width for row in below):
            return True
    return False


def _label_rows(rows: list[list[str]], field_count: int) -> int:
    """How many rows under the header (``rows[0]``) describe the columns rather than hold
    data: in every column whose values below are numbers or dates (two such columns at
    least), such a row holds words or nothing, never a number, a placeholder or a value the
    column holds further down. Census tables put each column's label there ("Estimate!!Total"),
    data loggers its unit ("Deg C", "m/s") and then how it was processed ("Avg")."""
    if any("\n" in cell for row in rows[: 1 + MAX_LABEL_ROWS] for cell in row):
        return 0  # a quoted line break: rows and lines no longer line up
    if len(rows) >= 2 and len(rows[1]) == field_count and (_census_labels(rows[1]) or _rdb_format_row(rows[1])):
        return 1  # however few the rows below (one county's extract, a site's three days)
    if gradebook := _gradebook_rows(rows, field_count):
        return gradebook
    for count in range(MAX_LABEL_ROWS, 0, -1):
        labels, data = rows[1 : 1 + count], rows[1 + count :]
        if len(data) < 5 or any(len(row) != field_count for row in labels):
            continue
        typed = [i for i in range(field_count) if _typed_column([row[i] for row in data if i < len(row)])]
        if len(typed) < 2:
            continue
        if all(_labels_typed_columns(row, data, typed) for row in labels):
            return count
    return 0


def _rdb_format_row(row: list[str]) -> bool:
    """Whether a row is the format line of a USGS RDB file ("5s 15s 20d 14n 10s" under the
    header: each column's width and kind, string, date or number)."""
    return len(row) >= 2 and all(_RDB_FORMAT.fullmatch(cell.strip()) for cell in row)


_RDB_FORMAT = re.compile(r"[0-9]*[sdnSDN]")


def _site_block_lines(physical: list[str], starts: list[int]) -> set[int]:
    """The physical lines that open the second and later site blocks of a USGS RDB file (NWIS's
    daily and instantaneous values asked for several sites): each block repeats the header,
    its names numbered by the site's series ("149010_00060_00003" where the first block
    has "149094_00060_00003"), and the format line under it (see `_rdb_format_row`).
    Taken for rows, they turned the first header into data and the values into text. Empty
    unless the line under the first (``starts``: the non-blank lines, comments left out) is
    a format line of tabs."""
    def format_line(i: int) -> bool:
        return "\t" in physical[i] and _rdb_format_row(physical[i].split("\t"))

    if len(starts) < 3 or not format_line(starts[1]):
        return set()
    width = physical[starts[1]].count("\t")
    found: set[int] = set()
    for k in range(2, len(starts)):
        if format_line(starts[k]):
            found.add(starts[k])
            if physical[starts[k - 1]].count("\t") == width and not _is_comment(physical[starts[k - 1]]):
                found.add(starts[k - 1])  # the site's header
    return found


# The first cell of the rows a Canvas gradebook export writes under its header, indented
# ("    Points Possible"; newer exports add "    Manual Posting" above it), and what it
# writes in the columns it computes.
_GRADEBOOK_LABELS = frozenset({"points possible", "manual posting"})
GRADEBOOK_READ_ONLY = "(read only)"


def _gradebook_rows(rows: list[list[str]], field_count: int) -> int:
    """How many rows under the header are a Canvas gradebook's (see `_gradebook_row`), however
    few the students below: loaded, the points row was a student, quarantined for its "(read
    only)" cells, or turned the score columns into text."""
    count = 0
    while count < MAX_LABEL_ROWS and count + 1 < len(rows) and len(rows[count + 1]) == field_count and _gradebook_row(rows[count + 1]):
        count += 1
    return count


def _gradebook_row(row: list[str]) -> bool:
    """A Canvas gradebook's row under its header: "Points Possible" (or "Manual Posting")
    first, or nothing but "(read only)" markers after a blank first cell."""
    first = row[0].strip().lower()
    if first in _GRADEBOOK_LABELS:
        return True
    rest = [cell.strip() for cell in row[1:] if cell.strip()]
    return not first and bool(rest) and all(cell == GRADEBOOK_READ_ONLY for cell in rest)


def _label_cells(row: list[str]) -> tuple[str, ...]:
    """A label row's cells, trimmed; a Canvas gradebook's row (see `_gradebook_row`) keeps its
    points possible, each assignment's maximum, and says so, and loses the rest (its
    "(read only)" read as a unit in brackets and a name)."""
    cells = tuple(cell.strip() for cell in row)
    if not _gradebook_row(list(row)) or cells[0].lower() != "points possible":
        return tuple("" for _ in cells) if _gradebook_row(list(row)) else cells
    return ("", *(f"out of {cell} points" if _NUMBER.match(cell) else "" for cell in cells[1:]))


def _census_labels(row: list[str]) -> bool:
    """Whether a row holds data.census.gov's labels: "Estimate!!Total:" in most of its cells
    (all but the geography's two, "Geography" and "Geographic Area Name")."""
    marked = sum(1 for cell in row if "!!" in cell)
    return marked >= 1 and marked >= (len(row) - 2) / 2


def _typed_column(cells: list[str]) -> bool:
    """Whether a column's values (in the lines read) are numbers or dates: nine in ten of
    those that are not markers of a missing value (a census margin's "*****")."""
    values = [v for v in (cell.strip() for cell in cells) if v and not MISSING_MARKER.fullmatch(v)]
    shaped = sum(1 for v in values if _NUMBER.match(v) or _DATE_LIKE.match(v))
    return len(values) >= 3 and shaped >= 0.9 * len(values)


def _labels_typed_columns(row: list[str], data: list[list[str]], typed: list[int]) -> bool:
    """Whether a row under the header labels the typed columns (see `_label_rows`)."""
    worded = 0
    for i in typed:
        cell = row[i].strip()
        if not cell:
            continue
        below = {r[i].strip() for r in data if i < len(r)}
        if _NUMBER.match(cell) or _DATE_LIKE.match(cell) or cell.lower() in _PLACEHOLDERS or cell in below:
            return False
        if MISSING_MARKER.fullmatch(cell):
            return False  # a data row's marker of a missing value ("(X)", "n.a.")
        worded += any(ch.isalpha() or ch in "%°" for ch in cell)
    return 2 * worded >= len(typed)


def _backslash_escapes(lines: list[str], delimiter: str, initial_space: bool) -> bool:
    """Whether the lines read escape the quotes inside quoted values with a backslash (see
    `CsvDialect.backslash`): they hold a backslash before a quote, read so they keep CSV's
    quoting, and read with doubled quotes they break it or split into rows of more widths.
    (A Windows path ending in a backslash, `"C:\\data\\"`, reads either way: its quotes are
    doubled.)"""
    text = "\n".join(lines)
    if '\\"' not in text:
        return False
    escaped = _quoted_widths(text, delimiter, initial_space, backslash=True)
    if escaped is None:
        return False
    doubled = _quoted_widths(text, delimiter, initial_space, backslash=False)
    return doubled is None or len(doubled) > len(escaped)


def _quoted_widths(text: str, delimiter: str, initial_space: bool, *, backslash: bool) -> set[int] | None:
    """The widths of the rows of ``text`` read strictly as CSV, quotes inside quoted values
    escaped with a backslash or doubled; None when that reading breaks before the last line
    (the last may be cut inside a quoted value by the end of the lines read)."""
    escape = {"escapechar": "\\", "doublequote": False} if backslash else {}
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=initial_space, strict=True, **escape)
    widths: set[int] = set()
    try:
        widths.update(len(row) for row in reader if row)
    except csv.Error:
        if reader.line_num < text.count("\n") + 1:
            return None
    return widths


# Above this share of lines quoting a value, a file quotes its values (R and pandas quote
# every text value), even where no value needs it.
_QUOTING_LINES = 0.05


def _quotes_needed(lines: list[str], delimiter: str, initial_space: bool) -> bool:
    """Whether the file's quotes matter (see `CsvDialect.quotes_needed`): reading its quotes
    as plain characters would split or change values, rather than keep the quotes of a few
    titles (IMDb's ``"Weird Al" Yankovic``, or one quoted whole)."""
    opening = re.compile(f"(?:^|{re.escape(delimiter)})\\s*\"")
    quoting = [line for line in lines if opening.search(line)]
    if len(quoting) > _QUOTING_LINES * len(lines):
        return True
    if not quoting:
        return False
    if delimiter == "\t" and all(line.count('"') % 2 for line in quoting):
        # A stray quote that never closes in a file of tabs (Open Food Facts' product name
        # '"Spécial K'): read as a quote, it would swallow the lines after it.
        return False
    rows = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter, skipinitialspace=initial_space)
    return any(delimiter in value or "\n" in value or '"' in value for row in rows for value in row)


def _quoted_values(lines: list[str], delimiter: str, initial_space: bool, field_count: int) -> bool:
    """Whether a double quote at the start of a value quotes it, as in CSV, rather than being
    part of the text, as in IMDb's TSV files (``"Weird Al" Yankovic`` as a title): there a
    quote closes before the value ends, which a CSV reader refuses, no value is quoted whole,
    and every line holds as many fields when quotes are plain characters. A file of tabs
    quotes only when it shows it does (`_plain_tabs`)."""
    if delimiter == "\t" and _plain_tabs(lines, field_count):
        return False
    try:
        for _ in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter, strict=True, skipinitialspace=initial_space):
            pass
        return True
    except csv.Error as exc:
        if "expected after" not in str(exc):
            return True  # a quoted value cut by the end of the lines read, or the like
    fields = [line.split(delimiter) for line in lines]
    # A value quoted whole ("Smith") says a comma-separated file does quote: its broken row
    # stays an error. Not a tab-separated one: IMDb's titles hold "Quoted whole" too.
    if delimiter != "\t" and any(
        len(v) > 1 and v.startswith('"') and v.endswith('"') for row in fields for v in (f.strip() for f in row)
    ):
        return True
    return len({len(row) for row in fields}) != 1


# Of the lines of a file of tabs, the share quoting a value whole above which the file quotes
# its values (R's write.table quotes every string).
_QUOTED_TSV_LINES = 0.5


def _plain_tabs(lines: list[str], field_count: int) -> bool:
    """Whether a file of tabs uses no quoting, as tab-separated values commonly do (IMDb's
    and GBIF's files): split at its tabs, every line read holds the table's fields, and most
    lines quote no value whole. A double quote is then a character of a value, and one that
    opens a title (``"Secret" "Road``) cannot swallow the lines after it (IMDb's titles stray
    so past any sample: read as a quote, it fails the whole file or merges rows silently)."""
    rows = [line.split("\t") for line in lines[:-1] or lines]  # (the last line read may be cut)
    if not rows or any(len(row) != field_count for row in rows):
        return False  # a quoted value holds a tab or a line break: quotes matter
    quoting = sum(1 for row in rows if any(len(v) > 1 and v[0] == '"' and v[-1] == '"' for v in row))
    return quoting <= _QUOTED_TSV_LINES * len(rows)


# A value of a file separated by spaces: a quoted string ("chevrolet chevelle malibu") or a
# run of other characters. A quote closed before the value ends opens no quoted string: it is
# part of the value (Wikipedia's pageviews of "Heroes"_(David_Bowie_song)).
_SPACED_VALUE = re.compile(r'"((?:[^"]|"")*)"(?=\s|$)|(\S+)')
_NUMERIC = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _space_values(line: str) -> list[str]:
    return [quoted.replace('""', '"') if quoted or not bare else bare for quoted, bare in _SPACED_VALUE.findall(line)]


def _spaces_may_separate(lines: list[str], best: tuple[float, int, str] | None) -> bool:
    """Whether to try reading values separated by spaces: no delimiter splits every line
    alike, or tabs do but the values between them are aligned by runs of spaces
    ("18.0   8   307.0<TAB>"chevrolet chevelle malibu"": auto-mpg.data)."""
    if best is None or best[0] < 1.0:
        return True
    return best[2] == "\t" and sum(1 for line in lines if "  " in line) * 2 >= len(lines)


def _space_separated(lines: list[str], *, complete: bool) -> list[list[str]] | None:
    """The rows of lines whose values are separated by runs of spaces or tabs, aligned or
    not (" 0.00632  18.00   2.310  0": the UCI repository's housing.data, auto-mpg.data),
    when every line holds as many values, two or more, mostly numbers (words separated by
    spaces are text, not a table). None otherwise."""
    rows = [_space_values(line) for line in lines]
    if not complete and len(rows) > 1:
        rows = rows[:-1]  # the sniffed block may cut the last line
    counts = {len(row) for row in rows}
    if len(counts) != 1 or min(counts) < 2 or len(rows) < 2:
        return None
    values = [value for row in rows[1:] for value in row]
    numbers = sum(1 for value in values if _NUMERIC.fullmatch(value) or _CODE.fullmatch(value) or _LOGGED.fullmatch(value))
    return rows if numbers * 2 >= len(values) else None


# Values of a log's fields that start with a digit (a date, a time, an address) or stand for
# none ("-"): IIS writes its fields separated by one space, "2019-12-04 00:00:01 10.0.0.4 GET".
_LOGGED = re.compile(r"[0-9][0-9.:/-]*|-")


# A short code with digits ("A11", "A34": the Statlog German credit data's attributes, written
# between numbers): a value, where words of prose are not.
_CODE = re.compile(r"[A-Za-z]{1,4}[0-9]{1,6}[A-Za-z]?")


# A fixed-width file has at least this many columns, a quarter of its values numbers.
_MIN_FIXED_COLUMNS = 3


def _fixed_table(physical: list[str], starts: list[int], *, complete: bool) -> tuple[int, list[int], list[list[str]]] | None:
    """`_fixed_width` over the lines at ``starts`` (indexes into ``physical``), or over those
    after title lines and a blank line that do not fit its columns (EDGAR's form.idx and
    company.idx open with four "Description: ..." lines over three blank ones; split with the
    table, they made columns of their words): how many title lines there are, the columns'
    starts and the rows. None when no such table is found."""
    lines = [physical[i] for i in starts]
    for title in range(1, min(MAX_PREAMBLE_LINES, len(starts) - 3) + 1):
        if physical[starts[title] - 1].strip():
            continue
        fixed = _fixed_width(lines[title:], complete=complete)
        if fixed is not None and not all(_fits_columns(line, fixed[0]) for line in lines[:title]):
            return title, *fixed
    fixed = _fixed_width(lines, complete=complete)
    return None if fixed is None else (0, *fixed)


def _fits_columns(line: str, starts: list[int]) -> bool:
    """Whether a line is blank before each column's start, as a fixed-width row is."""
    return all(start >= len(line) or line[start - 1] == " " for start in starts[1:])


def _fixed_width(lines: list[str], *, complete: bool) -> tuple[list[int], list[list[str]]] | None:
    """Where the columns of fixed-width records start, and the rows they give: a column
    starts after a place blank in every line ("AE000041196  25.3330   55.5170   34.0    SHARJAH
    INTER. AIRP", GHCN's stations, whose names hold spaces and so defeat `_space_separated`).
    Three columns or more, each line's first one filled, and a quarter of the values numbers
    or dates (prose lines share few blank places, and few numbers; EDGAR's form.idx holds a
    CIK and a date beside three columns of text). None otherwise."""
    rows = [line for line in (lines if complete or len(lines) < 2 else lines[:-1]) if line.strip()]
    if len(rows) < 3 or any("\t" in line for line in rows):
        return None
    width = max(len(line) for line in rows)
    blank = [all(i >= len(line) or line[i] == " " for line in rows) for i in range(width)]
    starts = _named_starts(rows, [i for i in range(width) if not blank[i] and (i == 0 or blank[i - 1])])
    if len(starts) < _MIN_FIXED_COLUMNS:
        return None
    split = _fixed_values(rows, starts)
    values = [value for row in split for value in row if value]
    shaped = sum(1 for v in values if _NUMERIC.fullmatch(v) or _DATE_LIKE.match(v))
    if any(not row[0] for row in split) or 4 * shaped < len(values):
        return None
    if 2 * sum(1 for value in split[0] if value) < len(starts):
        return None  # a header of one name over "2020-01-01 10:00:00 +0000": one column of text
    return starts, split


def _named_starts(lines: list[str], starts: list[int]) -> list[int]:
    """The columns' starts under a header of words: a place blank in every line but under
    no name of the header is a gap between words of text (EDGAR's company names, "WALT
    DISNEY CO/", blank at one place in every line of a day's index), not a column of its own.
    Such a column, all text, joins the one before it; without a header the starts stay."""
    first = _fixed_row(lines[0], starts)
    if not all(any(ch.isalpha() for ch in cell) and not _NUMERIC.fullmatch(cell) for cell in first if cell):
        return starts
    below = _fixed_values(lines[1:], starts)

    def text_alone(n: int) -> bool:
        return not any(_NUMERIC.fullmatch(row[n]) or _DATE_LIKE.match(row[n]) for row in below if row[n])

    return [start for n, start in enumerate(starts) if n == 0 or first[n] or not text_alone(n)]


# A code before its description: letters, digits, dots and dashes, a digit among them.
_LISTED_CODE = re.compile(r"(?=[^ ]*[0-9])[A-Za-z0-9][A-Za-z0-9.-]{0,14}")
_CODE_THEN_TEXT = re.compile(r"(\S+)( +)(\S.*)")


def _coded_descriptions(lines: list[str], *, complete: bool) -> tuple[int, bool] | None:
    """Where the description starts in lines of a code padded to a fixed width then its
    description (CMS's icd10cm_codes_2024.txt: "A000    Cholera due to Vibrio cholerae 01,
    biovar cholerae", "S72001A Fracture of ..."), and whether the first line is a header
    (its first word holds no digit): every line a code with a digit, then text with a letter
    from the same column. Commas in the descriptions split no table, and the text's spaces
    defeat `_fixed_width`. None otherwise (prose starts with words, not codes)."""
    rows = [line.rstrip() for line in (lines if complete or len(lines) < 2 else lines[:-1])]
    if len(rows) < 3 or any("\t" in line for line in rows):
        return None
    found = [_CODE_THEN_TEXT.fullmatch(line) for line in rows]
    if any(m is None for m in found):
        return None
    matches = [m for m in found if m is not None]
    header = not any(ch.isdigit() for ch in matches[0].group(1))
    starts = {m.start(3) for m in matches}
    if len(starts) != 1 or not all(_LISTED_CODE.fullmatch(m.group(1)) for m in matches[header:]):
        return None
    if not all(any(ch.isalpha() for ch in m.group(3)) for m in matches):
        return None
    return starts.pop(), header


def _fixed_values(lines: list[str], starts: list[int] | tuple[int, ...]) -> list[list[str]]:
    return [_fixed_row(line, starts) for line in lines]


def _fixed_row(line: str, starts: list[int] | tuple[int, ...]) -> list[str]:
    """A fixed-width line's values, cut where the columns start."""
    ends = [*starts[1:], None]
    return [line[a:b].strip() for a, b in zip(starts, ends, strict=True)]


def _respace(
    path: Path, encoding: str, target: Path, widths: tuple[int, ...] = (), *, comments: bool = False,
    header: tuple[str, ...] = (), skip: int = 0,
) -> None:
    """Rewrite a file of values separated by spaces (see `_space_separated`), or of
    fixed-width records (columns starting at ``widths``, see `_fixed_width`), as UTF-8 CSV,
    one row per non-blank line after the first ``skip`` lines (a title, see `_fixed_table`)
    (``comments``: lines starting with "#" left out, as NOAA's co2_mm_mlo.txt opens with
    them), under ``header`` when given (a W3C log's "#Fields:")."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            io.TextIOWrapper(open_bytes(path), encoding=encoding, newline=None) as src,
            target.open("w", encoding="utf-8", newline="") as dst,
        ):
            out = csv.writer(dst, lineterminator="\n")
            if header:
                out.writerow(header)
            # (Rules and counts of rows are no rows: sqlcmd's "----------- -------" under its
            # header, "(40 rows affected)" under the rows.)
            lines = (
                line for line in (line.lstrip("\ufeff") for line in itertools.islice(src, skip, None))
                if not _drawn_line(line.rstrip("\r\n"))
            )
            if comments:
                lines = (line for line in lines if not _is_comment(line))
            if widths:
                out.writerows(_fixed_row(line.rstrip("\r\n"), widths) for line in lines if line.strip())
            else:
                out.writerows(values for line in lines if (values := _space_values(line)))
    except FileNotFoundError as exc:
        raise SourceError(f"{path} disappeared during the run.", hint="Profile it again once the file is in place.") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path} is not valid {encoding} text: {exc}.", hint="Pass the file's real encoding.") from exc


def _spaced_delimiter(lines: list[str], delimiter: str) -> bool:
    """Whether every delimiter in these lines is followed by a space (a tab never is: it is
    a separator of its own). Conservative: a single delimiter without its space, a quoted
    one included, keeps the plain delimiter, whose values then keep their spaces."""
    if delimiter == "\t" or not lines:
        return False
    pairs = sum(line.count(delimiter + " ") for line in lines)
    return pairs > 0 and pairs == sum(line.count(delimiter) for line in lines)


def _note_row(row: list[str], field_count: int) -> bool:
    """A row of a preamble or footer: clearly fewer fields than the table (a header one name
    short is not one)."""
    return len(row) <= field_count - 2 or len(row) == 1


def _footer_note(row: list[str], field_count: int) -> bool:
    """A note after the table: a short row with words ("Source: ..."), not a broken row of
    numbers, or a rule between notes (CDC WONDER's "---", Destatis's "__________")."""
    return _note_row(row, field_count) and (
        any(ch.isalpha() for cell in row for ch in cell) or _RULE.fullmatch("".join(row).strip()) is not None
    )


_RULE = re.compile(r"-{3,}|_{3,}|={3,}|~{3,}")


def _padded_note(row: list[str]) -> bool:
    """A row with words in one field and nothing in the others: a note padded with delimiters
    to the table's width (as the World Bank's DataBank exports end; Robinhood's reports put
    their disclaimer in the last field)."""
    filled = [cell for cell in row if cell.strip()]
    return len(filled) == 1 and any(ch.isalpha() for ch in filled[0]) and len(row) > 1


# A statement of a figure: words, a colon, then what they state ("Total amount funded in
# policy code 1: 1465324575").
_LABELLED_STATEMENT = re.compile(r"\s*[A-Za-z][A-Za-z]*(?:\s+\S+){2,}:\s+\S.*")


def _labelled_statement(cell: str) -> bool:
    return _LABELLED_STATEMENT.fullmatch(cell) is not None


# A footnote: a mark (an asterisk, a dagger) then a sentence of three words or more ("*GPCI
# reflects a 1.5 floor for work in Alaska.", as CMS's addenda end, straight after the rows).
_FOOTNOTE = re.compile(r"\s*[*†‡]+\s*[A-Za-z][^\s]*(?:\s+\S+){2,}\s*")


def _footnote(cell: str) -> bool:
    return _FOOTNOTE.fullmatch(cell) is not None


# A table stacked under another one has a title of at most this many lines over its header.
_STACKED_TITLE_LINES = 3


def _second_table(physical: list[str], starts: list[int]) -> int | None:
    """Where a second table stacked under the first one starts, as an index into ``starts``
    (the non-blank lines), or None: the header line again, with a title of one to three
    lines over it and a blank line over the title (Ken French's factor files: the monthly
    table, then " Annual Factors: January-December " over the same header and the yearly
    rows). The title is no row of the table (it has fewer fields than the header), and the
    blank line sets it apart; a header merely repeated (every 20 rows of a sports table,
    files concatenated) has no title over it. Under a loss triangle's header, another
    triangle's header starts a second table, repeated or not, titled or not (see
    `_stacked_triangle`)."""
    first_seen: dict[str, int] = {}
    triangle = _triangle_header_line(physical, starts)
    for n, i in enumerate(starts):
        text = physical[i].strip()
        earlier = first_seen.setdefault(text, n)
        delimiter = next((d for d in ",;\t|" if d in text), None)
        if triangle is not None and delimiter is not None and n > triangle + 2 and _development_header(text, delimiter):
            return _stacked_triangle(physical, starts, n, triangle, delimiter)
        if (
            delimiter is not None and n > 2 and earlier == n and _header_after_break(physical, starts, n, delimiter)
            and not _summary_over(physical, starts, n, delimiter)
        ):
            return n
        if n > 2 and starts[n] - starts[n - 1] > 1 and _titled_section(physical, starts, n):
            return n
        if earlier == n or delimiter is None:
            continue
        top = _title_top(physical, starts, n, delimiter, floor=earlier)
        if top < n and top - 1 > earlier and starts[top] - starts[top - 1] > 1:
            return top
    return None


def _titled_section(physical: list[str], starts: list[int], top: int) -> bool:
    """Whether line ``top`` (of the non-blank lines ``starts``), the first after a blank line,
    is the title of a section stacked under another table. Fitbit's account export writes
    each data type it holds (Body, Foods, Activities, Sleep) as a title line, its own header
    (of its own width) and its rows, the sections set apart by a blank line: the title is one
    to three lines of words with fewer fields than the header under them, the table above
    the blank line has a title, a header and a row at least, and the row under the header
    holds a number where the header holds words. The next section was read as ragged rows
    (the file refused), or the first as lines of a preamble."""
    n, delimiter = top + 1, None
    while n < min(top + 1 + _STACKED_TITLE_LINES, len(starts) - 1) and starts[n] - starts[n - 1] == 1:
        text = physical[starts[n]]
        delimiter = next((d for d in ",;\t|" if d in text), None)
        if delimiter is not None:
            break
        n += 1
    if delimiter is None or starts[n + 1] - starts[n] != 1 or _title_top(physical, starts, n, delimiter, floor=0) != top:
        return False
    block = top - 1  # (the first line of the table above, after a blank line)
    while block > 0 and starts[block] - starts[block - 1] == 1:
        block -= 1
    heading = physical[starts[block]]
    if top - block < 3 or delimiter in heading or not any(ch.isalpha() for ch in heading):
        return False
    try:
        header, row = (next(csv.reader([physical[i]], delimiter=delimiter)) for i in (starts[n], starts[n + 1]))
    except (csv.Error, StopIteration):
        return False
    if len(header) < 2 or len(row) != len(header) or not all(_HEADER_WORD.search(name) for name in header):
        return False
    return any(_NUMBER_CELL.fullmatch(cell.strip()) for cell in row)


def _title_top(physical: list[str], starts: list[int], n: int, delimiter: str, *, floor: int) -> int:
    """The first of the title lines right over line ``n`` (of the non-blank lines), a header:
    up to `_STACKED_TITLE_LINES` lines with words and fewer fields than it, none at or above
    ``floor``; ``n`` when there are none."""
    top = n
    while top - 1 > floor and n - (top - 1) <= _STACKED_TITLE_LINES and starts[top] - starts[top - 1] == 1:
        title = physical[starts[top - 1]]
        if title.count(delimiter) >= physical[starts[n]].count(delimiter) or not any(ch.isalpha() for ch in title):
            break
        top -= 1
    return top


def _triangle_header_line(physical: list[str], starts: list[int]) -> int | None:
    """Of the first non-blank lines (a title or two may stand over the table), the one that is
    a loss triangle's header (see `_development_header`) over an accident year's row, as an
    index into ``starts``."""
    for n, i in enumerate(starts[: _STACKED_TITLE_LINES + 1]):
        text = physical[i].strip()
        delimiter = next((d for d in ",;\t|" if d in text), None)
        if (
            delimiter is not None and n + 1 < len(starts) and _development_header(text, delimiter)
            and _YEAR.fullmatch(physical[starts[n + 1]].split(delimiter, 1)[0].strip().strip('"'))
        ):
            return n
    return None


def _stacked_triangle(physical: list[str], starts: list[int], n: int, triangle: int, delimiter: str) -> int:
    """Where a triangle stacked under the first one starts, its header being line ``n``: at its
    title, the lines of words over that header with fewer fields (one to three, "Age-to-Age
    Factors" over the factors' "Accident Year,12-24,24-36"), or at the header itself. Reserving
    tools export paid and incurred triangles, or a triangle and its factors, one under another:
    the same accident years start again, so the blocks are no rows of one table (the header
    repeated was read as a row, and the factors as losses)."""
    top = n
    while top - 1 > triangle and n - (top - 1) <= _STACKED_TITLE_LINES:
        title = physical[starts[top - 1]]
        if title.count(delimiter) >= physical[starts[n]].count(delimiter) or not any(ch.isalpha() for ch in title):
            break
        top -= 1
    return top


# A development age in a triangle's header: months or a lag ("12", "1"), or the span of an
# age-to-age factor ("12-24", "120-Ult", "9-Tail"). Three digits at most: years over a wide
# table's columns ("Region,2019,2020") are no ages.
_DEVELOPMENT_AGE = re.compile(r"([0-9]{1,3})(?:\s*-\s*(?:[0-9]{1,3}|(?i:ult|ultimate|tail)))?")


def _development_header(text: str, delimiter: str) -> bool:
    """Whether a line is a loss triangle's header: words, then two development ages or more,
    rising ("Accident Year,12,24,36", "Age-to-Age Factors,12-24,24-36,36-Ult"), empty cells
    after them at most."""
    try:
        cells = [cell.strip() for cell in next(csv.reader([text], delimiter=delimiter))]
    except (csv.Error, StopIteration):
        return False
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) < 3 or not _HEADER_WORD.search(cells[0]):
        return False
    ages = [_DEVELOPMENT_AGE.fullmatch(cell) for cell in cells[1:]]
    starts = [int(age.group(1)) for age in ages if age is not None]
    return len(starts) == len(ages) and all(b > a for a, b in itertools.pairwise(starts))


def _header_after_break(physical: list[str], starts: list[int], n: int, delimiter: str) -> bool:
    """Whether line ``n`` (of the non-blank lines) is another table's header: after a blank
    or a comment line, words where the row above it and the row below it hold numbers, in
    the same place (Google Analytics writes a report's cards one under another, "# ----"
    over each: "Session default channel group,Sessions" under the days' "0004,150")."""
    if n + 1 >= len(starts) or (starts[n] - starts[n - 1] == 1 and not _is_comment(physical[starts[n - 1]])):
        return False
    above = next((starts[k] for k in range(n - 1, 0, -1) if not _is_comment(physical[starts[k]])), None)
    if above is None or starts[n] - above == 1:
        return False
    try:
        fields, before, after = (
            next(csv.reader([physical[i]], delimiter=delimiter)) for i in (starts[n], above, starts[n + 1])
        )
    except (csv.Error, StopIteration):
        return False
    if not all(_HEADER_WORD.search(f) for f in fields):
        return False
    return any(
        _NUMBER_CELL.fullmatch(b.strip()) and _NUMBER_CELL.fullmatch(a.strip()) and not _NUMBER_CELL.fullmatch(f.strip())
        for f, b, a in zip(fields, before, after, strict=False)
    )


# A header's cell holds two letters at least; a row's number cell, digits with their marks.
_HEADER_WORD = re.compile(r"[^\W\d_]{2}")
_NUMBER_CELL = re.compile(r"[-+$€£(]*[0-9][0-9.,:%/ -]*\)?")


def _cut_at_line(path: Path, line: int) -> None:
    """End the workspace's copy before its ``line``-th line (0-based; lines end at CR, LF or
    both, as `detect_dialect` splits them): a second table's lines (see `_second_table`),
    which lie in the part of the file the dialect was read from."""
    with path.open("rb") as fh:
        head = fh.read(2 * SNIFF_BYTES)
    ends = [m.end() for m in itertools.islice(_LINE_END_BYTES.finditer(head), line)]
    if len(ends) == line:
        os.truncate(path, ends[-1] if ends else 0)


_LINE_END_BYTES = re.compile(rb"\r\n|\r|\n")


def _cut_footer(path: Path, encoding: str, dialect: CsvDialect) -> int:
    """Cut note lines after the table ("Source: ...", "Note: ...", as statistics exports end)
    from the workspace's copy; the number of lines cut. Such a line has words and clearly
    fewer fields than the table, and the line before the notes has the table's width; a short
    line of numbers is a broken row and stays (the load then reports it). Notes padded to the
    table's width (`_padded_note`) are cut only when a blank line sets them apart: at the
    table's end, such a row may be data with its other fields empty. Blank lines after the
    table are cut with the notes (not counted)."""
    if dialect.field_count < 2:
        return 0
    size = path.stat().st_size
    start = max(0, size - FOOTER_BYTES)
    with path.open("rb") as fh:
        fh.seek(start)
        tail = fh.read()
    end = len(tail) - 1 if tail.endswith(b"\n") else len(tail)
    # `pending`: rows of the table's width with words in their first field only, below the
    # notes found so far; notes too once a blank line separates them from the table.
    cut, notes, pending = None, 0, 0
    # The first label of the total rows met so far, and where the cut stood below its row.
    totals: dict[str, tuple[int | None, int]] = {}
    delimiter = dialect.delimiter.encode(encoding)
    empty = (dialect.quote * 2).encode(encoding) if dialect.quote else b"\0"
    while notes + pending <= MAX_FOOTER_LINES:
        newline = tail.rfind(b"\n", 0, end)
        if newline < 0:
            return 0  # the notes reach the start of the file, or of what was read
        line = tail[newline + 1 : end].rstrip(b"\r")
        end = newline
        if not line.replace(empty, b"").replace(delimiter, b"").strip():
            # Blank lines go with the notes, and so do lines of spaces after the table (DuckDB
            # skips empty lines but reads one of spaces as a row with one field) and lines of
            # delimiters alone (",,,": the formatted but empty rows spreadsheets export).
            cut, notes, pending = start + newline + 1, notes + pending, 0
            continue
        text = line.decode(encoding, errors="replace")
        if dialect.quote and text.count(dialect.quote) % 2:
            # A quoted value spans lines: rows and lines no longer line up. The notes found
            # below it stand (Robinhood's last rows hold a description of two lines).
            if cut is None:
                return 0
            break
        row = next(_rows([text], dialect))
        if len(row) == dialect.field_count + 1 and not row[-1].strip():
            row = row[:-1]  # (a delimiter after every row: Fidelity's positions)
        if len(row) == dialect.field_count:
            if _labelled_total(row) or _total_beside_empty_key(row) or _total_of_a_unit(row):
                label = row[0].strip().casefold()
                if label and label in totals:
                    # The same label on two rows: a group of the table's rows (NASS's "US TOTAL"
                    # by year), not a report's sums; those below it stay too.
                    cut, notes = totals[label]
                    break
                totals[label] = (cut, notes)
                # "Total: Account", "Total: Campaigns" (Google Ads' reports end so): sums of
                # the rows above, not a row of the table; counted with the notes.
                cut, notes, pending = start + newline + 1, notes + pending + 1, 0
                continue
            if _padded_note(row) and (_labelled_statement(row[0]) or _footnote(row[0])):
                # "Total amount funded in policy code 1: 1465324575,,,": a note whatever follows
                # (Lending Club's files end so, straight after the last loan).
                cut, notes, pending = start + newline + 1, notes + pending + 1, 0
                continue
            if _padded_note(row):
                pending += 1  # "Last Updated: 10/28/2024,,,,": a note, if a blank line follows
                continue
            break
        if not _footer_note(row, dialect.field_count):
            return 0
        cut, notes, pending = start + newline + 1, notes + pending + 1, 0
    else:
        return 0
    if cut is not None:
        os.truncate(path, cut)
    return notes


# A report's total row, by its first field: "Total", "Totals", "Grand Total", "Total: Account",
# or the total of what the report lists (Schwab's history ends with "Transactions Total").
# Google and Microsoft Ads write the label in the account's language: "Gesamt: Konto",
# "Total : Compte" (French, a space before the colon), "Totaal: Account", "Totale: account".
_TOTAL_ROW = re.compile(
    r"(?i:(?:[a-z]+ )?(?:grand |sub-?)?(?:totals?|totaal|totale|totaux|gesamt|insgesamt|summe))(?:\s*:.*)?"
)


def _labelled_total(row: list[str]) -> bool:
    """A report's total row by its first field (`_TOTAL_ROW`), the others empty, figures or
    markers (Google Ads' "--", a currency's code): NASS's national rows, "US TOTAL,2023,MARKETING
    YEAR,4.65", name a period beside it and are the table's rows."""
    return _TOTAL_ROW.fullmatch(row[0].strip()) is not None and not any(
        _WORDS.search(cell) and not _CURRENCY_CODE.fullmatch(cell.strip()) for cell in row[1:]
    )


# Two letters in a row: a cell with words (a total row holds figures and markers).
_WORDS = re.compile(r"[^\W\d_]{2}")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


# A total's label alone in a cell: "Total", "Totals:", "Grand Total", "Report Total", "Sum".
_TOTAL_LABEL = re.compile(r"(?i:(?:[a-z]+ )?(?:grand |sub-?)?(?:totals?|sum))\s*:?")


def _total_beside_empty_key(row: list[str]) -> bool:
    """A report's total row labelled past its first column: the first field (a row's id or
    key) empty, one cell a total's label alone, the others empty or figures. Payroll
    registers (ADP, Paychex, Gusto) write "Report Total" or "Totals:" under the employee's
    name, the ID empty (",Report Total,,$12,205.00,..."); a row with an empty id but a name,
    or figures without a label, is data."""
    if row[0].strip():
        return False
    filled = [cell.strip() for cell in row if cell.strip()]
    labels = [cell for cell in filled if any(ch.isalpha() for ch in cell)]
    return (
        len(labels) == 1 and _TOTAL_LABEL.fullmatch(labels[0]) is not None
        and all(_NUMBER_CELL.fullmatch(cell) for cell in filled if cell is not labels[0])
    )


# A total named with what it counts after a dash: "Totals - Tonnes - live weight" (FAO's
# FishStatJ exports end so), "Total - Number".
_TOTAL_OF_UNIT = re.compile(r"(?i:(?:grand )?totals?)\s+[-\u2013\u2014]\s+\S.*")


def _total_of_a_unit(row: list[str]) -> bool:
    """A report's total row named in its first field with the unit it sums, the label columns
    after it empty and the rest figures: FAO FishStatJ's last row ("Totals - Tonnes - live
    weight,,,,6895338,...") was loaded as a catch, twice every year's sum. A row with a second
    label (a country, a species) is data."""
    if _TOTAL_OF_UNIT.fullmatch(row[0].strip()) is None:
        return False
    filled = [cell.strip() for cell in row[1:] if cell.strip()]
    return bool(filled) and all(_NUMBER_CELL.fullmatch(cell) for cell in filled)


def _rows(lines: Iterable[str], dialect: CsvDialect) -> Iterator[list[str]]:
    """The rows of these lines as the dialect splits them (quotes as plain characters in a
    file without quoting)."""
    if dialect.quote:
        return csv.reader(lines, delimiter=dialect.delimiter, quotechar=dialect.quote, skipinitialspace=dialect.initial_space)
    return csv.reader(lines, delimiter=dialect.delimiter, quoting=csv.QUOTE_NONE, skipinitialspace=dialect.initial_space)


def _cut_repeated_headers(path: Path, dialect: CsvDialect) -> int:
    """Leave the lines that repeat the header line out of the workspace's copy (those after
    the header itself); how many there were. The copy is rewritten line for line, so a quoted
    value spanning lines is copied whole."""
    header: bytes | None = None
    cut = 0
    target = path.with_name(path.name + ".part")
    with path.open("rb") as src, target.open("wb") as out:
        for number, line in enumerate(src):
            if number < dialect.skip:
                out.write(line)
                continue
            text = line.rstrip(b"\r\n")
            if header is None:
                if text.strip():
                    header = text.removeprefix(b"\xef\xbb\xbf")
                out.write(line)
            elif text == header:
                cut += 1
            else:
                out.write(line)
    target.replace(path)
    return cut


def _only_delimiters(line: str, delimiter: str) -> bool:
    """A line of delimiters alone, spaces beside them (",,,,", "; ;")."""
    text = line.rstrip("\r\n")
    return delimiter in text and not text.replace(delimiter, "").strip(" ")


def _first_data_line(path: Path, dialect: CsvDialect) -> int:
    """The 0-based line where the copy's rows start: after the header (the first non-blank
    line from ``skip`` on) and the lines under it that are no rows (labels, a rule)."""
    if dialect.data_skip or not dialect.header:
        return dialect.data_skip or dialect.skip
    with path.open("rb") as src:
        for number, line in enumerate(src):
            if number >= dialect.skip and line.strip():
                return number + 1
    return 0


def _cut_empty_rows(path: Path, dialect: CsvDialect) -> int:
    """Leave the rows whose every field is empty (",,,,,,", see `CsvDialect.empty_rows`) out
    of the workspace's copy, wherever they stand among the rows; how many there were. DuckDB
    reads each as a row of NULLs, which breaks the key (MITRE's allitems.csv: 304 rows for
    300 CVEs). Run where the lines the dialect was read from hold one; a line of delimiters
    inside a quoted value (an odd number of quotes before it) stays."""
    if dialect.field_count < 2:
        return 0
    first = _first_data_line(path, dialect)
    quote = dialect.quote.encode()
    inside = False  # in a quoted value that spans lines
    cut = 0
    target = path.with_name(path.name + ".part")
    with path.open("rb") as src, target.open("wb") as out:
        for number, line in enumerate(src):
            # (Latin-1 reads any byte: the delimiter, ASCII, is found whatever the encoding.)
            if number >= first and not inside and _only_delimiters(line.decode("latin-1"), dialect.delimiter):
                cut += 1
                continue
            if quote:
                inside ^= line.count(quote) % 2 == 1
            out.write(line)
    target.replace(path)
    return cut


def _cut_site_headers(path: Path, dialect: CsvDialect) -> int:
    """Leave the header and format line of each site block after the first out of the copy of
    a USGS RDB file (see `_site_block_lines`); how many headers there were. Lines are read
    from the first data line on, one held back: the line above a format line is its header."""
    cut = 0
    held: bytes | None = None
    target = path.with_name(path.name + ".part")
    with path.open("rb") as src, target.open("wb") as out:
        for number, line in enumerate(src):
            text = line.rstrip(b"\r\n").decode("utf-8", "replace")
            if number >= dialect.data_skip and b"\t" in line and _rdb_format_row(text.split("\t")):
                if held is not None and held.count(b"\t") == line.count(b"\t") and not _is_comment(held.decode("utf-8", "replace")):
                    cut, held = cut + 1, None
                continue
            if held is not None:
                out.write(held)
            held = line
        if held is not None:
            out.write(held)
    target.replace(path)
    return cut


def _cut_comment_lines(path: Path, dialect: CsvDialect) -> int:
    """Leave the lines starting with "#" below the header out of the workspace's copy of a
    file that opens with comments (see `CsvDialect.comments`); how many there were. Read
    only up to the first: a file without any is not rewritten."""
    def comment(number: int, line: bytes) -> bool:
        return number > dialect.skip and line.lstrip().startswith((b"#", b"%")) and _is_comment(line.decode("utf-8", "replace"))

    with path.open("rb") as src:
        if not any(comment(number, line) for number, line in enumerate(src)):
            return 0
    cut = 0
    target = path.with_name(path.name + ".part")
    with path.open("rb") as src, target.open("wb") as out:
        for number, line in enumerate(src):
            if comment(number, line):
                cut += 1
            else:
                out.write(line)
    target.replace(path)
    return cut


def _footer_rows(rows: list[list[str]], field_count: int) -> int:
    """How many trailing rows are notes (see `_cut_footer`, which removes them from the copy)."""
    count = 0
    while count < min(len(rows) - 1, MAX_FOOTER_LINES):
        row = rows[-1 - count]
        # (A quoted empty value alone, '""', is a blank line among notes: Salesforce's
        # reports separate "Grand Totals (5 records)" and their disclaimer so.)
        if not _footer_note(row, field_count) and not (len(row) == 1 and not row[0].strip() and count):
            break
        count += 1
    return count if field_count >= 2 else 0


def _logger_line(row: list[str]) -> bool:
    """The first line of a Campbell Scientific data logger's file (see `_preamble_rows`)."""
    return bool(row) and row[0].strip() in ("TOA5", "TOACI1")


def _preamble_rows(rows: list[list[str]], field_count: int) -> int:
    """How many leading rows are a preamble: a few one-line rows with clearly fewer fields than
    the table (a title, "key,value" notes), or two wider ones, names over values (NSRDB's
    "Source,Location ID,City,...", "NSRDB,149190,-,..."), before the rows of the table (0
    when none). The
    first line of a Campbell Scientific data logger's file ("TOA5", the station, the logger,
    ...: eight fields whatever the table's width) is one too."""
    if len(rows) > 4 and len(rows[0]) == len(rows[1]) > field_count and all(len(r) == field_count for r in rows[2:5]):
        return 2  # NSRDB's weather files: a row of names and one of values, wider than the table
    count = 1 if rows and _logger_line(rows[0]) else 0
    padded = 0
    while count < len(rows) and (
        _note_row(rows[count], field_count) or _padded_title(rows[count]) or _split_title(rows[count], field_count)
        or _keyed_note(rows[count], field_count)
    ):
        padded += not (_note_row(rows[count], field_count) or _keyed_note(rows[count], field_count))
        count += 1
    if count > MAX_PREAMBLE_LINES or count >= len(rows) - 1:
        return 0
    if any("\n" in cell for row in rows[:count] for cell in row):
        return 0  # a quoted line break: rows and lines no longer line up
    if padded and not _looks_like_header(rows[count : count + 50]):
        return 0  # a first data row with its other fields empty, in a file without a header
    return count


# A note of a key and its value: a few words, a colon and a space, then the value ("Climate
# variables: ppt,tmin,tmean", "Spatial resolution: 4km").
_KEYED_NOTE = re.compile(r"\s*[A-Za-z][A-Za-z0-9 ()/._-]{0,40}?:\s+\S.*")


def _keyed_note(row: list[str], field_count: int) -> bool:
    """A preamble's "Key: value" line narrower than the table, however many delimiters its
    value holds: a PRISM Explorer download lists its variables comma-separated ("Climate
    variables: ppt,tmin,tmean" over "Date,ppt (inches),tmin (degrees F),..."), one field
    short of the table with three or more, which made the file ragged."""
    return 1 < len(row) < field_count and _KEYED_NOTE.fullmatch(row[0]) is not None


def _summary_rows(rows: list[list[str]], starts: list[int], field_count: int) -> int:
    """How many leading rows are a summary block over the table, as Bank of America's
    statements open ("Description,,Summary Amt." over the balances and totals, a blank line,
    then "Date,Description,Amount,Running Bal." over the transactions): rows narrower than
    the table, up to `MAX_PREAMBLE_LINES`, ended by a blank line (``starts``: the rows'
    physical lines), over a header of the table's width and more rows of that width than the
    block has. Such a block was taken for the table (the transactions a second table, left
    out) or its rows for ragged ones (the file refused). 0 when there is none."""
    for end in range(1, min(len(rows), len(starts), MAX_PREAMBLE_LINES + 1)):
        if len(rows[end - 1]) >= field_count:
            return 0
        if starts[end] - starts[end - 1] > 1 and len(rows[end]) == field_count:
            if any("\n" in cell for row in rows[: end + 1] for cell in row):
                return 0  # a quoted line break: rows and lines no longer line up
            table = sum(1 for row in rows[end:] if len(row) == field_count)
            return end if table > end else 0
    return 0


def _summary_over(physical: list[str], starts: list[int], n: int, delimiter: str) -> bool:
    """Whether the lines above line ``n`` (of the non-blank lines ``starts``), another table's
    header after a break, are a summary block over the table it heads (see `_summary_rows`)."""
    lines = [physical[i] for i in starts[: 2 * n + 2]]
    rows = list(csv.reader(lines, delimiter=delimiter))
    return len(rows) > n and _summary_rows(rows, starts, len(rows[n])) == n


def _padded_title(row: list[str]) -> bool:
    """A title or a blank line padded with delimiters to the table's width ("Sales report
    2023,,,,", ",,,,"), as spreadsheets export the lines above a table."""
    return len(row) > 1 and (_padded_note(row) or not any(cell.strip() for cell in row))


# A title split by its own unquoted delimiters spans at most this many fields.
_SPLIT_TITLE_FIELDS = 4


def _split_title(row: list[str], field_count: int) -> bool:
    """A title padded with delimiters that its own unquoted delimiters split over its first
    fields, so that it is wider than the table ("Department for Education spend over
    £25,000: June 2023,,,,,,,,," over ten fields, as gov.uk's spend files open): words in a
    few first fields, nothing after them. Taken for the header, it named the columns "£25"
    and "000: June 2023"; in a file of a few rows, it was a ragged row that refused it."""
    if len(row) <= field_count:
        return False
    words = next((i for i, cell in enumerate(row) if not cell.strip()), len(row))
    return (
        1 < words <= _SPLIT_TITLE_FIELDS and words < len(row) and not any(cell.strip() for cell in row[words:])
        and any(ch.isalpha() for ch in row[0])
    )


def _group_row(top: list[str], below: list[str]) -> bool:
    """Whether a header's first row names groups of the columns its second row names: blank
    over all but the first column of each group (merged cells), where the row below names
    (nearly) every column."""
    blank_top = sum(1 for cell in top if not cell.strip())
    blank_below = sum(1 for cell in below if not cell.strip())
    return blank_top >= 2 and blank_below <= 1 and blank_below < blank_top and len(top) == len(below)


def _fitted(top: list[str], below: list[str]) -> list[str]:
    """A group row cut to the width of the names under it when it only adds blank cells (the
    Census building permits' group row ends "5+ units rep,,", one cell wider than the names)."""
    extra = top[len(below) :]
    return top[: len(below)] if extra and not any(cell.strip() for cell in extra) else top


def _grouped_names(top: list[str], below: list[str]) -> list[str]:
    """Each column's name under a header of groups: the group's name (carried right over the
    blank cells of its merged span) and the column's own ("Sales Q1"), as DuckDB names them."""
    return _duckdb_names(_joined_names(top, below))


# What SurveyMonkey writes under a question of one answer: it adds nothing to the question.
_SOLE_ANSWER = frozenset({"response", "open-ended response"})


def _joined_names(top: list[str], below: list[str]) -> list[str]:
    """The names of a header of two rows, as written (see `_grouped_names`)."""
    group = ""
    names: list[str] = []
    spans = _label_spans(top, below)
    for i, (upper, lower) in enumerate(zip(top, below, strict=True)):
        group = spans.get(i) or upper.strip() or group
        own = "" if group and lower.strip().lower() in _SOLE_ANSWER else lower.strip()
        names.append(f"{group} {own}" if group and own and group != own else own or group)
    return names


def _label_spans(top: list[str], below: list[str]) -> dict[int, str]:
    """The group of each column in runs of names repeated side by side under a group row, when
    one label stands over each run but not over its first column: a merged cell centred over
    its group (the Census building permits' "1-unit" over the Units of "Bldgs,Units,Value",
    carried right it named the run before). Empty when the labels open their runs."""
    cells = [cell.strip() for cell in below]
    for start, name in enumerate(cells):
        width = cells.index(name, start + 1) - start if name and name in cells[start + 1 :] else 0
        if width < 2:
            continue
        run = cells[start : start + width]
        count = 1
        while cells[start + count * width : start + (count + 1) * width] == run:
            count += 1
        blocks = [range(start + k * width, start + (k + 1) * width) for k in range(count)]
        labels = [[top[i].strip() for i in block if top[i].strip()] for block in blocks]
        if count < 2 or any(len(found) != 1 for found in labels) or all(top[block[0]].strip() for block in blocks):
            return {}
        return {i: found[0] for block, found in zip(blocks, labels, strict=True) for i in block}
    return {}


def _split_names(top: list[str], below: list[str]) -> bool:
    """Whether a header's names are wrapped over its two rows, as CMS's physician fee schedule
    (PPRRVU) writes them, "NON-FAC" over "PE RVU" and over "NA INDICATOR", "FACILITY" over
    "PE RVU" and over "TOTAL": the first row repeats names that the second tells apart, each
    joined name once. Kept as labels, the second row was lost, and the names "FACILITY_1"
    and "FACILITY_2" said nothing."""
    named = [cell.strip() for cell in top if cell.strip()]
    if len(top) != len(below) or len(set(named)) == len(named):
        return False
    joined = _joined_names(top, below)
    return all(joined) and len(set(joined)) == len(joined)


def _answer_row(rows: list[list[str]], field_count: int) -> bool:
    """Whether the row under the header is a survey export's second header row, as every
    SurveyMonkey export writes it: each question's answer options under it ("Product A",
    "Product B" under the merged "Which products do you use?"), "Response" under a question
    of one answer, nothing under the respondent's id, collector and dates. Its cells are
    words, each a value of its column only where the column holds no other (a ticked box is
    written as its option's text); one is "Response" under a question, or an option under a
    blank of the header (a question's merged span); and it is blank over two columns or more
    that every row below fills, one of numbers or dates at least (no respondent lacks an
    id). Read as data, it was a respondent, or quarantined, and the options' columns kept
    DuckDB's "column6"."""
    if len(rows) < 5 or len(rows[0]) != field_count or len(rows[1]) != field_count:
        return False
    if any("\n" in cell for row in rows[:2] for cell in row):
        return False  # a quoted line break: rows and lines no longer line up
    cells = [cell.strip() for cell in rows[1]]
    data = [[cell.strip() for cell in row] for row in rows[2:] if len(row) == field_count]
    if len(data) < 3 or not any(cells):
        return False
    filled_below: list[list[str]] = []
    options = False
    for i, (cell, question) in enumerate(zip(cells, rows[0], strict=True)):
        below = [row[i] for row in data]
        if not cell:
            if all(below):
                filled_below.append(below)
            continue
        if not _answer_cell(cell):
            return False
        values = {value for value in below if value}
        if cell in values and values != {cell}:
            return False
        options = options or not question.strip() or cell.lower() in _SOLE_ANSWER
    return options and len(filled_below) >= 2 and any(_typed_column(below) for below in filled_below)


def _answer_cell(cell: str) -> bool:
    """A cell of words, not a value a data row holds (a number, a date, a placeholder)."""
    return (
        any(ch.isalpha() for ch in cell) and not (_NUMBER.match(cell) or _DATE_LIKE.match(cell))
        and cell.lower() not in _PLACEHOLDERS and not MISSING_MARKER.fullmatch(cell)
    )


def _trailing_delimiter(rows: list[list[str]], field_count: int) -> bool:
    """Whether the data rows end in a delimiter the header lacks ("a,b" over "1,2,"), as some
    exports write them: the header has one field less and every row's last field is empty.
    DuckDB reads such rows with the header's columns."""
    if len(rows) < 2 or len(rows[0]) != field_count - 1:
        return False
    return all(len(row) == field_count and not row[-1] for row in rows[1:])


# A phrase with a year or a date in it: "exported 2020-06-01", "Survey 2017-2018".
_DATED_PHRASE = re.compile(r"[A-Za-z][^0-9]*\b(?:1[89]|20)[0-9]{2}\b")


def _title_over_names(top: list[str], below: list[str], field_count: int) -> bool:
    """Whether ``top`` is a title over the header ``below`` rather than a header over label
    rows: it lacks fields of the table's, or says a date or a year in words, while every
    cell below is a short name."""
    names = [cell.strip() for cell in below]
    if len(names) != field_count or not all(names) or any(len(n.split()) > 3 or _NUMBER.match(n) for n in names):
        return False
    return len(top) < field_count or any(_DATED_PHRASE.search(cell) for cell in top)


# A rule drawn across a table: runs of dashes, equals signs, underscores or tildes, three at
# least in one place, between the columns' delimiters, psql's "+" or spaces ("--,----,------"
# under "id,name,amount"; a row of "-" alone is a row of missing values).
_DRAWN_RULE = re.compile(r"[-=_~+|,;\t ]*(?:-{3,}|={3,}|_{3,}|~{3,})[-=_~+|,;\t ]*")
# The count of rows a query tool writes under its result: psql's "(4 rows)", sqlcmd's
# "(40 rows affected)".
_ROW_COUNT = re.compile(r"\s*\(\d[\d,]* rows?(?: affected)?\)\s*")


def _drawn_line(line: str) -> bool:
    """A line drawn as a rule (see `_DRAWN_RULE`) or a query tool's count of rows: no row."""
    return _DRAWN_RULE.fullmatch(line) is not None or _ROW_COUNT.fullmatch(line) is not None


def _line_under(physical: list[str], line: int) -> int | None:
    """The next non-blank line under ``line`` (indexes into ``physical``), if any."""
    return next((i for i in range(line + 1, min(len(physical), line + 1 + _SNIFF_LINES)) if physical[i].strip()), None)


def _short_header(rows: list[list[str]], field_count: int) -> str:
    """Where the header lacks a name, when it names one column fewer than its rows hold: R's
    write.table writes row names without a name over them ("first": the rows' first values
    then are unique, numbers counting rows or names); a column may also be missing at the
    end ("last"). "" when the first row is no such header: it holds numbers or dates, the
    rows below are not one field wider, their last field is empty in every one (a trailing
    delimiter, `_trailing_delimiter`), or the row below is itself a header (the first is a
    title over the table)."""
    if len(rows) < 3 or len(rows[0]) != field_count - 1:
        return ""
    header = [cell.strip() for cell in rows[0]]
    if not all(header) or any(_NUMBER.match(cell) or _DATE_LIKE.match(cell) for cell in header):
        return ""
    body = rows[1:]
    wide = [row for row in body if len(row) == field_count]
    if len(wide) < 2 or len(wide) < 0.9 * len(body) or _trailing_delimiter(rows[:1] + wide, field_count):
        return ""
    if _looks_like_header(wide[:50]):
        return ""
    firsts = [row[0].strip() for row in wide]
    counting = all(cell.isdigit() for cell in firsts) and [int(c) for c in firsts] == list(range(int(firsts[0]), int(firsts[0]) + len(firsts)))
    named = not any(_NUMBER.match(cell) for cell in firsts) and len(set(firsts)) == len(firsts)
    return "first" if counting or named else "last"


def _long_header(rows: list[list[str]], field_count: int) -> str | None:
    """The last name of a header (``rows[0]``) that names one column more than its rows hold,
    as when a last column left empty is written without its delimiter, or an export drops a
    column (DfT's raw traffic counts: 24 names over rows of 23 fields). DuckDB dropped that
    name silently (and a file of a few rows was refused). "" when that last cell is blank: the
    header alone ends in a delimiter, and the names before it are the columns'. None when the
    first row is no such header: it holds numbers, dates or a blank before its last cell,
    fewer than nine in ten rows below have the table's width, or the row below is itself a
    header."""
    if len(rows) < 2 or len(rows[0]) != field_count + 1:
        return None
    header = [cell.strip() for cell in rows[0]]
    if not all(header[:-1]) or any(_NUMBER.match(cell) or _DATE_LIKE.match(cell) for cell in header):
        return None
    body = rows[1:]
    wide = [row for row in body if len(row) == field_count]
    if len(wide) < 0.9 * len(body) or _looks_like_header(wide[:50]):
        return None
    return header[-1]


def _header_fits(cells: list[str], field_count: int) -> bool:
    """Whether a header's cells name the table's columns as DuckDB reads them: as many, or one
    more that is blank (a header ending in a delimiter its rows lack)."""
    return len(cells) == field_count or (len(cells) == field_count + 1 and not cells[-1].strip())


def _all_names(header: list[str], field_count: int, unnamed: str) -> tuple[str, ...]:
    """The names of a short header's columns (see `_short_header`), or () for a full one."""
    names = [cell.strip() for cell in header]
    if unnamed == "first":
        return ("row_names", *names)
    if unnamed == "last":
        return (*names, f"column{field_count - 1:0{len(str(field_count - 1))}d}")
    return ()


def _looks_like_header(rows: list[list[str]]) -> bool:
    """The first row is a header unless it holds numbers or dates.

    DuckDB's own sniffer decides from types and says "no header" for all-text files; real
    files almost always carry one, so only values that look like data (numbers, dates) in
    the first row make us read it as data. Blank or repeated names are kept (DuckDB names
    them ``columnN`` and ``name_1``).
    """
    first = [cell.strip() for cell in rows[0]]
    named = [cell for cell in first if cell]
    if not named:
        return False
    data_like = [
        i for i, cell in enumerate(first) if cell and (_number_cell(cell) or _DATE_LIKE.match(cell) or _CLOCK.match(cell))
    ]
    if not data_like:
        return not _codes_like_below(rows, first) and not _values_of_their_columns(rows, first)
    if _period_columns(rows, data_like) or _development_ages(rows, first, data_like) or _marc_tags(rows, first):
        return True
    # (The FEC's headerless itcont.txt starting with a memo "24T" over "15"s: its committee
    # id "C00401224" is shaped as those below, as no name is.)
    return not _codes_like_below(rows, first) and _names_over_values(rows, first, data_like)


# A MARC field's tag, as catalogue exports name their columns (MarcEdit's tab-delimited
# export, Koha's, Alma's and Sierra's reports): three digits, then at most a subfield's code
# ("020$a", "260c").
_MARC_TAG = re.compile(r"[0-9]{3}(?:\$?[a-z0-9])?")


def _marc_tags(rows: list[list[str]], first: list[str]) -> bool:
    """Whether a first row is a header of MARC tags ("001,020$a,245$a,260$c"; "001,010,020,
    245,260c"): every cell a tag, all different, one a control field's zero-padded "00N",
    and no column under them holding values of its tag's shape ("001" over the 9-digit
    control numbers "990001001"). Its numbers made it a row of data, the header then the
    first record (601 records for 600, the tag "001" the number 1)."""
    named = [cell for cell in first if cell]
    if len(named) < 2 or len(set(named)) < len(named) or len(named) < len(first):
        return False
    if not all(_MARC_TAG.fullmatch(cell) for cell in named) or not any(cell.startswith("00") for cell in named):
        return False
    return not _codes_like_below(rows, first)


def _number_cell(cell: str) -> bool:
    """A number as written in a cell: grouped, signed, a percentage, or in exponent form
    (numpy.savetxt's "1.624345363663240960e+00", the UCI HAR dataset's "2.8858451e-001",
    MATLAB's and Fortran's dumps), which a header's name never is."""
    return _NUMBER.match(cell) is not None or _NUMERIC.fullmatch(cell) is not None


def _values_of_their_columns(rows: list[list[str]], first: list[str]) -> bool:
    """Whether a first row of text is a row of data: its cells are values of the columns
    under them (UCI's headerless mushroom file: "p,x,s,n,t,p,f,..." over rows of the same
    letter codes). Four in five of its cells, or half when it repeats a cell, as names do
    not; a name is seldom a value of its own column (lines repeating the header are no
    values)."""
    named = [(i, cell) for i, cell in enumerate(first) if cell]
    below = [cells for cells in ([c.strip() for c in row] for row in rows[1:]) if cells != first]
    if len(named) < 2 or len(below) < 3:
        return False
    values = {i for i, cell in named if any(i < len(row) and row[i] == cell for row in below)}
    found = len(values)
    repeated = len({cell for _, cell in named}) < len(named)
    # Half its cells values below, and as many again codes in capitals shaped as every value
    # under them: Retrosheet's headerless TEAM2019, "ANA,A,Los Angeles,Angels" over "ARI,N,
    # Arizona,Diamondbacks" (a header's ISO and CCY over USA and USD are no values below).
    shaped = sum(1 for i, cell in named if i not in values and _code_shaped_below(cell, [row[i] for row in below if i < len(row)]))
    # (Three in five of three cells or more: PDB's pdb_entry_type.txt, "101m prot NMR" over
    # "101w prot other", its first value an id seen once.)
    return (
        found >= 0.8 * len(named) or (len(named) >= 3 and found >= 0.6 * len(named)) or (repeated and found >= 0.5 * len(named))
        or (found >= 0.5 * len(named) and found + shaped >= 0.75 * len(named))
    )


def _code_shaped_below(cell: str, below: list[str]) -> bool:
    """A short code in capitals shaped as four in five of the values under it, three at least."""
    if not (1 < len(cell) <= 6 and cell.isupper() and cell.isalnum()):
        return False
    shape = _shape(cell)
    return len(below) >= 3 and sum(1 for value in below if _shape(value) == shape) >= 0.8 * len(below)


def _shape(cell: str) -> str:
    """A value's shape: capitals A, small letters a, digits 9, the rest as written."""
    return "".join("A" if ch.isupper() else "a" if ch.isalpha() else "9" if ch.isdigit() else ch for ch in cell)


def _codes_like_below(rows: list[list[str]], first: list[str]) -> bool:
    """Whether a first row of text holds a code with digits shaped exactly as the values
    under it ("C00000001" over "C00000002", ...: the FEC's headerless committee file): data,
    not a name; a header's "B19013_001E" stands over numbers."""
    for i, cell in enumerate(first):
        if not any(ch.isdigit() for ch in cell):
            continue
        below = [row[i].strip() for row in rows[1:] if i < len(row) and row[i].strip()]
        if len(below) >= 3 and sum(1 for value in below if _shape(value) == _shape(cell)) >= 0.8 * len(below):
            return True
    return False


def _names_over_values(rows: list[list[str]], first: list[str], data_like: list[int]) -> bool:
    """Whether a first row that holds numbers is still a header: its words stand over
    columns of numbers or dates ("Date" over 2015-12-27, "AveragePrice" over 1.33), so its
    numbers are names too (the avocado prices' PLU codes "4046", "4225", a sensor's id). Two
    such words, or one where words are as many as numbers; a first data row has its words
    over words ("Bob,1990,2000")."""
    words = [i for i, cell in enumerate(first) if cell and i not in data_like]

    def over_values(i: int) -> bool:
        below = [row[i].strip() for row in rows[1:] if i < len(row) and row[i].strip()]
        # (An address's "172.16.198.36" is no number: a first row's IPv6 address is no name.)
        shaped = sum(1 for cell in below if not _DOTTED_QUAD.match(cell) and (_number_cell(cell) or _DATE_LIKE.match(cell)))
        return shaped >= 3 and shaped >= 0.8 * len(below)

    misplaced = sum(1 for i in words if over_values(i))
    return misplaced >= 2 or (misplaced == 1 and len(words) >= len(data_like))


def _period_columns(rows: list[list[str]], data_like: list[int]) -> bool:
    """Whether the numbers or dates of a first row are the periods of a wide table: years
    ("Country Name", "1960", "1961", ...: World Bank, OECD, census exports), rising, or falling
    year by year ("2021", "2020", "2019": Eurostat), or dates
    ("Province/State", ..., "1/22/20", "1/23/20": the Johns Hopkins COVID-19 series), all
    different; two or more, over columns that do not mostly hold such values themselves (else
    the row is data: "Bob,1990,2000"). Eurostat's corner cell ("geo\\TIME_PERIOD": the rows'
    codes, then what the columns are) says so of one year, or two newest first, too."""
    if data_like and data_like[0] > 0 and _PERIODS_CORNER.fullmatch(rows[0][data_like[0] - 1].strip()):
        return True  # (the cell before the first period)
    if len(data_like) < 2:
        return False
    first = [rows[0][i].strip() for i in data_like]
    if all(_YEAR.fullmatch(cell) for cell in first):
        years = [int(cell) for cell in first]
        # Oldest first; or newest first, as Eurostat writes them, year by year and three or
        # more ("Bob,2000,1990" is data).
        steps = {b - a for a, b in itertools.pairwise(years)}
        if not (all(step > 0 for step in steps) or (steps == {-1} and len(years) >= 3)):
            return False
        shaped = _YEAR.fullmatch
    elif all(_DATE_LIKE.match(cell) for cell in first) and len(set(first)) == len(first):
        shaped = _DATE_LIKE.match
    else:
        return False
    below = [row[i].strip() for row in rows[1:] for i in data_like if i < len(row) and row[i].strip()]
    # Values of the same shape below make the row data, a few others (N/A, junk) among them too.
    return sum(1 for cell in below if shaped(cell)) * 2 < len(below) or not below


def _development_ages(rows: list[list[str]], first: list[str], data_like: list[int]) -> bool:
    """Whether a first row is a loss triangle's header: a word over a column of years, then
    the development ages in whole numbers, rising ("Accident Year,12,24,36,48" in CAS and
    Schedule P exports, lags "1,2,3,4" in chainladder's), where a first data row would hold
    a year, not a word, over the years."""
    if not first[0] or not any(ch.isalpha() for ch in first[0]) or data_like != list(range(1, len(data_like) + 1)):
        return False
    if len(data_like) < 2 or any(cell for cell in first[len(data_like) + 1 :]):
        return False
    ages = [first[i].replace(",", "") for i in data_like]
    if not all(age.isdigit() for age in ages) or any(int(b) <= int(a) for a, b in itertools.pairwise(ages)):
        return False
    years = [row[0].strip() for row in rows[1:] if row and row[0].strip()]
    return len(years) >= 2 and len(set(years)) == len(years) and all(_YEAR.fullmatch(year) for year in years)


# The corner of a table whose columns are periods, as Eurostat heads its TSV files: the rows'
# codes, a backslash, then the columns' ("unit,geo\\time", "freq,unit,geo\\TIME_PERIOD").
_PERIODS_CORNER = re.compile(r"[^\\]*\\\s*(?i:time|time_period|period|year)")


@dataclass(frozen=True, slots=True)
class CsvCopy:
    """A CSV file copied into the workspace (UTF-8 or Latin-1), with how to read it:
    ``options`` of ``read_csv``, the names of its columns once DuckDB has read them (see
    `pin_columns`), and the dialect detected when the copy was made (None for a copy
    reopened by a later run, see `reopen_csv`)."""

    path: Path
    options: dict[str, object]
    dialect: CsvDialect | None = None
    columns: tuple[str, ...] | None = None
    # Columns in which "NA" is a code, not a missing value (see `na_code_columns`).
    na_codes: tuple[str, ...] = ()
    # Columns in which "-" is a sign, not a missing value (see `sign_columns`).
    sign_codes: tuple[str, ...] = ()
    # Columns whose every value is a Python bytes literal, read unwrapped (see
    # `byte_literal_columns`).
    byte_literals: tuple[str, ...] = ()

    @property
    def header(self) -> bool:
        return bool(self.options["header"])

    @property
    def skip(self) -> int:
        """Lines before the table (see `CsvDialect.skip`)."""
        value = self.options.get("skip", 0)
        return value if isinstance(value, int) else 0

    def kept(self, column: str) -> frozenset[str]:
        """The null tokens that are values in a column ("NA" among country codes, "-" among
        strands)."""
        return frozenset(
            token for token, columns in ((NA_TOKEN, self.na_codes), (SIGN_TOKEN, self.sign_codes)) if column in columns
        )

    def reader(self) -> str:
        """The read_csv call over the copy: every column VARCHAR, null tokens NULL (but "NA"
        in the columns of `keeping_na`, "-" in those of `keeping_signs`), the bytes literals
        of `unwrapping_bytes` unwrapped."""
        call = self._tokens_reader()
        if not self.byte_literals or self.columns is None:
            return call
        unwrapped = ", ".join(f"{unwrapped_bytes_sql(quote_ident(c))} AS {quote_ident(c)}" for c in self.byte_literals)
        return f"(SELECT * REPLACE ({unwrapped}) FROM {call})"

    def _tokens_reader(self) -> str:
        """`reader` but for the bytes literals."""
        tokens = _as_strings(self.options.get("nullstr"))
        # Tokens read as text and made NULL after the read: read_csv refuses a backslash in
        # nullstr when it is the escape (MySQL's \N beside its \"), and reads NA as text
        # everywhere or nowhere (its force_not_null, in DuckDB 2.0, lands on the wrong columns
        # when the columns are named): NA is NULL again but in the code columns.
        late = [t for t in tokens if "\\" in t] if self.options.get("escape") == "\\" else []
        if self.na_codes and NA_TOKEN in tokens:
            late.append(NA_TOKEN)
        if self.sign_codes and SIGN_TOKEN in tokens:
            late.append(SIGN_TOKEN)
        if self.columns is None or not late:
            options = self.options if self.columns is None else {**self.options, **self.pinned_options()}
            return read_call("read_csv", self.path, {**options, "nullstr": [t for t in tokens if t not in late]})
        call = read_call("read_csv", self.path, {**self.options, **self.pinned_options(), "nullstr": [t for t in tokens if t not in late]})
        nulled = ", ".join(
            f"CASE WHEN {quote_ident(c)} IN ({', '.join(quote_literal(t) for t in dropped)}) THEN NULL"
            f" ELSE {quote_ident(c)} END AS {quote_ident(c)}"
            for c in self.columns
            if (dropped := [t for t in late if t not in self.kept(c)])
        )
        return f"(SELECT * REPLACE ({nulled}) FROM {call})" if nulled else call

    def pinned_options(self) -> dict[str, object]:
        """read_csv's options naming every column as VARCHAR (for a copy whose columns are known)."""
        return {"auto_detect": False, "columns": dict.fromkeys(self.columns or (), "VARCHAR")}

    def keeping_na(self, columns: list[str]) -> CsvCopy:
        """The copy read with "NA" as a value in ``columns`` (see `na_code_columns`)."""
        return replace(self, na_codes=tuple(columns))

    def keeping_signs(self, columns: list[str]) -> CsvCopy:
        """The copy read with "-" as a value in ``columns`` (see `sign_columns`)."""
        return replace(self, sign_codes=tuple(columns))

    def unwrapping_bytes(self, columns: list[str]) -> CsvCopy:
        """The copy read with the bytes literals of ``columns`` unwrapped (see
        `byte_literal_columns`)."""
        return replace(self, byte_literals=tuple(columns))

    @property
    def recorded_options(self) -> dict[str, object]:
        """What a later run needs to read the copy the same way (see `reopen_csv`)."""
        if self.columns is None:
            return dict(self.options)
        codes = {"na_codes": list(self.na_codes)} if self.na_codes else {}
        signs = {"sign_codes": list(self.sign_codes)} if self.sign_codes else {}
        wrapped = {"byte_literals": list(self.byte_literals)} if self.byte_literals else {}
        return {**self.options, "columns": list(self.columns), **codes, **signs, **wrapped}

    def raw_select(self) -> str:
        """The raw layer's SELECT (with ``_row_id``). Numbering rows in a view is fine: the
        view is read rarely, and the typed and quarantine layers store the same numbers (the
        stage's rowid + 1)."""
        return f"SELECT row_number() OVER () AS _row_id, * FROM {self.reader()}"


def _as_strings(value: object) -> list[str]:
    """A recorded option's strings (a list of them, or one)."""
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


# "NA", a null token in R's exports, is a code in some columns: Namibia among two-letter
# country codes, North America among continents, the National Association in baseball's
# leagues. Such a column is told by its other values: two capital letters, of which a few
# are no US state's (a column of states, where NA can only mean "not available").
NA_TOKEN = "NA"
_STATES_AND_PROVINCES = frozenset({
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
    # (and Canada's provinces and territories: an NHL player's birthStateProvince)
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
})
_NA_CODE_ROWS = 2000
# Columns empty in those rows (the regions atop the UN's population files, whose ISO codes
# start further down) are looked at in this many, up to so many columns.
_NA_CODE_MORE_ROWS = 20_000
_NA_CODE_MORE_COLUMNS = 100
# Words of a column's name that say its codes name places, regions or leagues.
_NA_CODE_NAME_WORDS = frozenset({
    "country", "iso", "iso2", "continent", "region", "league", "lg", "cc", "nation", "nationality", "location",
    "residence", "citizenship",
})


# Codes in capitals, alone or in a list ("KE;UG", IATI's recipient-country-code), and what
# parts such a list into its codes.
_CAPITAL_CODES = r"[A-Z]{2,5}(\s*[;|,]\s*[A-Z]{2,5})*"
_CODES_SEPARATOR = r"\s*[;|,]\s*"


def _na_code_rows(con: duckdb.DuckDBPyConnection, copy: CsvCopy, columns: list[str] | None, rows: int) -> list[tuple[str, int, int, list[str], int]]:
    """Per column of ``columns`` (all when None) in the copy's first ``rows`` rows: name,
    values, values of codes of two to five capitals (or lists of them), their distinct codes,
    the longest of them (a stray value beside the codes, FAERS's "COUNTRY NOT SPECIFIED",
    leaves them codes)."""
    chosen = "*" if columns is None else ", ".join(quote_ident(c) for c in columns)
    query = (
        "SELECT k, count(*), count_if(codes), list_distinct(flatten(list(its) FILTER (WHERE codes))), "
        "max(list_max(list_transform(its, lambda x: length(x)))) FILTER (WHERE codes) "
        f"FROM (SELECT k, codes, CASE WHEN codes THEN string_split_regex(v, {quote_literal(_CODES_SEPARATOR)}) END AS its "
        f"FROM (SELECT k, v, regexp_full_match(v, {quote_literal(_CAPITAL_CODES)}) AS codes "
        f"FROM (UNPIVOT (SELECT {chosen} FROM {copy.reader()} LIMIT {rows}) ON COLUMNS(*) INTO NAME k VALUE v))) "
        "GROUP BY k"
    )
    return [(str(k), int(n), int(c), [str(v) for v in d or ()], int(m or 0)) for k, n, c, d, m in con.execute(query).fetchall()]


def _codes_beside_na(name: str, values: int, codes: int, distinct: list[str], longest: int) -> bool:
    """Whether a column's values are short codes in capitals among which "NA" is one: two
    letters, two of them no US state's at least (Lahman's leagues NL and AA beside AL; a
    column of states, where NA can only mean "not available", has none), or one under a
    name of places or leagues; up to five letters, three such codes. A list of codes is
    decided on its codes (IATI's recipient-country-code, Namibia's NA beside KE;UG)."""
    if values == 0 or longest > 5 or codes < 0.9 * values:
        return False
    others = set(distinct) - _STATES_AND_PROVINCES
    if _NA_CODE_NAME_WORDS.intersection(name_tokens(name)):
        return bool(others)
    return len(others) >= (2 if longest == 2 else 3)


def na_code_columns(con: duckdb.DuckDBPyConnection, copy: CsvCopy) -> list[str]:
    """The columns of short codes in capitals in which "NA" is a code (see `_codes_beside_na`),
    from the first rows of the copy (one query, and one more further down for the columns
    empty there): Namibia among ISO country codes, North America among continents or sales
    regions ("EMEA", "APAC", "LATAM"); none when "NA" is not a null token."""
    if NA_TOKEN not in _as_strings(copy.options.get("nullstr")) or copy.columns is None:
        return []
    import duckdb

    try:
        rows = _na_code_rows(con, copy, None, _NA_CODE_ROWS)
        seen = {name for name, values, *_ in rows if values}
        empty = [c for c in copy.columns if c not in seen]
        if 0 < len(empty) <= _NA_CODE_MORE_COLUMNS:
            rows += _na_code_rows(con, copy, empty, _NA_CODE_MORE_ROWS)
    except duckdb.Error:
        return []  # the load reports what is wrong with the file
    found = {name for name, values, codes, distinct, longest in rows if _codes_beside_na(name, values, codes, distinct, longest)}
    found -= _na_in_rows_of_missing(con, copy, sorted(found))
    return [c for c in copy.columns if c in found]


def _na_in_rows_of_missing(con: duckdb.DuckDBPyConnection, copy: CsvCopy, columns: list[str]) -> set[str]:
    """The columns of ``columns`` whose "NA" stands mostly in rows where a column of another
    kind (no such codes) holds "NA" too, and far more often than in the column's other rows,
    in the copy's first rows: a row of missing values (nflfastR's plays without a team in
    possession: posteam, yardline_100, down all NA), not Namibia among countries. (Google
    Play's ratings by country write NA for a day without ratings on half of all rows, on
    Namibia's as on the others': chance, not a row of missing values.)"""
    others = [c for c in copy.columns or () if c not in columns]
    if not columns or not others:
        return set()
    import duckdb

    call = read_call("read_csv", copy.path, {**copy.options, **copy.pinned_options(), "nullstr": [""]})
    na = quote_literal(NA_TOKEN)
    parts = ["count(*)"]
    for column in columns:
        col = quote_ident(column)
        parts.append(f"count_if({col} = {na})")
        for other in others:
            beside = f"{quote_ident(other)} = {na}"
            parts += [f"count_if({col} = {na} AND {beside})", f"count_if({col} IS DISTINCT FROM {na} AND {beside})"]
    try:
        row = con.execute(f"SELECT {', '.join(parts)} FROM (SELECT * FROM {call} LIMIT {_NA_CODE_ROWS})").fetchone()
    except duckdb.Error:
        return set()
    assert row is not None
    total, counts = int(row[0]), [int(v or 0) for v in row[1:]]  # (NULL when every row compared was NULL)
    width = 1 + 2 * len(others)
    missing: set[str] = set()
    for i, column in enumerate(columns):
        na_rows, pairs = counts[i * width], counts[i * width + 1 : (i + 1) * width]
        if na_rows and any(
            _missing_beside(na_rows, total - na_rows, beside, elsewhere) for beside, elsewhere in zip(pairs[::2], pairs[1::2], strict=True)
        ):
            missing.add(column)
    return missing


def _missing_beside(na_rows: int, other_rows: int, beside: int, elsewhere: int) -> bool:
    """Whether another column's "NA" keeps company with a column's "NA": in half its rows at
    least, and `_NA_BESIDE_LIFT` times as often as in the column's other rows."""
    share = beside / na_rows
    return share >= _NA_BESIDE_MISSING and share >= _NA_BESIDE_LIFT * (elsewhere / other_rows if other_rows else 0.0)


# The share of a column's "NA" in rows with another "NA" that makes it a missing value, and
# how many times the share of its other rows with that "NA" it must be.
_NA_BESIDE_MISSING = 0.5
_NA_BESIDE_LIFT = 2.0


# "-", a null token, is a value in a column of strands or signs: the minus strand beside "+"
# in genome annotations (BED, GFF, NCBI's gene2accession: "+", "-", "." or "?" for unknown),
# a change's direction. So it is in a column of flags of one or two capitals: NNDSS's weekly
# tables write "-" (no reported cases) beside "N", "U", "NN" and "NP" in each count's flag
# column, where a NULL could not be told from a count without a flag.
SIGN_TOKEN = "-"
_SIGNS = ("+", "-", ".", "?")
_FLAG_CODES = "[A-Z]{1,2}"
# NNDSS's flags, which make a column of flags whatever its name.
_NNDSS_FLAGS = ("N", "U", "NN", "NP")


def sign_columns(con: duckdb.DuckDBPyConnection, copy: CsvCopy) -> list[str]:
    """The columns whose values in the copy's first rows are signs alone, "+" and "-" both
    among them, or flags beside "-" (see `SIGN_TOKEN`): codes of one or two capitals under a
    flag's name, or NNDSS's; none when "-" is not a null token."""
    if SIGN_TOKEN not in _as_strings(copy.options.get("nullstr")) or copy.columns is None:
        return []
    call = read_call("read_csv", copy.path, {**copy.options, **copy.pinned_options(), "nullstr": [""]})
    signs = ", ".join(quote_literal(s) for s in _SIGNS)
    nndss = ", ".join(quote_literal(s) for s in _NNDSS_FLAGS)
    named = [quote_literal(c) for c in copy.columns if {"flag", "flags"} & set(name_tokens(c))]
    # (One query for both: the first rows of every column are read once.)
    flag_named = f"k IN ({', '.join(named)})" if named else "false"
    return _head_columns_where(
        con, copy.columns, call,
        f"(count(*) = count_if(v IN ({signs})) AND count_if(v = '+') > 0 AND count_if(v = '-') > 0)"
        f" OR (count(*) = count_if(v = '-' OR regexp_full_match(v, {quote_literal(_FLAG_CODES)}))"
        f" AND count_if(v = '-') > 0 AND count_if(v <> '-') > 0 AND (bool_and(v = '-' OR v IN ({nndss})) OR {flag_named}))",
    )


def _head_columns_where(con: duckdb.DuckDBPyConnection, columns: tuple[str, ...], call: str, test: str) -> list[str]:
    """Of ``columns``, in their order, those whose values ``v`` in the first rows ``call``
    reads pass ``test``, an aggregate over them; none when the file cannot be read (the load
    reports what is wrong with it)."""
    import duckdb

    try:
        rows = con.execute(
            f"SELECT k, {test} FROM (UNPIVOT (SELECT * FROM {call} LIMIT {_NA_CODE_ROWS}) ON COLUMNS(*)"
            " INTO NAME k VALUE v) GROUP BY k"
        ).fetchall()
    except duckdb.Error:
        return []
    found = {str(k) for k, passed in rows if passed}
    return [c for c in columns if c in found]


def _bytes_literal(col: str) -> str:
    """SQL boolean: the value is written as a Python bytes literal, b'...' (or b"...")."""
    return (
        f"((prefix({col}, 'b''') AND suffix({col}, '''')) OR (prefix({col}, 'b\"') AND suffix({col}, '\"')))"
        f" AND length({col}) >= 3"
    )


def unwrapped_bytes_sql(col: str) -> str:
    """SQL: a value written as a Python bytes literal without its wrapper (b'ALB' is ALB), b''
    NULL; other values as they are."""
    return f"CASE WHEN {_bytes_literal(col)} THEN nullif({col}[3:-2], '') ELSE {col} END"


def byte_literal_columns(con: duckdb.DuckDBPyConnection, copy: CsvCopy) -> list[str]:
    """The columns whose every value in the copy's first rows is a Python bytes literal,
    b'ALB', b'' for an empty one: pandas' read_sas without an encoding gives bytes, which
    to_csv writes so (SDTM and ADaM domains, NHANES, copied to CSV), and the dates, flags and
    keys inside them stayed text. One query, only when the file's head holds a b' at all."""
    if copy.columns is None:
        return []
    with copy.path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if b"b'" not in head and b'b"' not in head:
        return []
    return _head_columns_where(con, copy.columns, copy.reader(), f"count(*) = count_if({_bytes_literal('v')})")


# Null tokens are counted in this many rows from the top of a file.
NULL_TOKEN_ROWS = 20_000


@dataclass(frozen=True, slots=True)
class NullTokensSeen:
    """The null tokens (but the empty cell) each column held, as read from the file's first
    ``rows`` rows (``whole``: the file has no more)."""

    counts: dict[str, dict[str, int]]
    rows: int
    whole: bool


def null_tokens_seen(con: duckdb.DuckDBPyConnection, copy: CsvCopy) -> NullTokensSeen | None:
    """How often each column's cells were null tokens ("None", "NA", "-"), counted in the
    first rows of the copy read with only the empty cell as NULL: the load reads them as
    missing, and a decision names them (a GCS answer "None", a tag "-"). None when the copy
    cannot be read so (the load reports why) or has no tokens but the empty cell."""
    tokens = [t for t in _as_strings(copy.options.get("nullstr")) if t]
    if not tokens or copy.columns is None:
        return None
    import duckdb

    call = read_call("read_csv", copy.path, {**copy.options, **copy.pinned_options(), "nullstr": [""]})
    listed = ", ".join(quote_literal(t) for t in tokens)
    try:
        row = con.execute(
            f"WITH head AS (SELECT * FROM {call} LIMIT {NULL_TOKEN_ROWS + 1}) "
            "SELECT (SELECT count(*) FROM head), "
            "(SELECT list({'k': k, 'v': v, 'n': n}) FROM (SELECT k, v, count(*) AS n "
            f"FROM (UNPIVOT (FROM head LIMIT {NULL_TOKEN_ROWS}) ON COLUMNS(*) INTO NAME k VALUE v) WHERE v IN ({listed}) GROUP BY k, v))"
        ).fetchone()
    except duckdb.Error:
        return None
    assert row is not None
    total, found = int(row[0]), row[1] or []
    counts: dict[str, dict[str, int]] = {}
    for item in found:
        column, token = str(item["k"]), str(item["v"])
        if token in copy.kept(column):
            continue  # read as a value there (see `na_code_columns`, `sign_columns`)
        counts.setdefault(column, {})[token] = int(item["n"])
    return NullTokensSeen(counts, min(total, NULL_TOKEN_ROWS), total <= NULL_TOKEN_ROWS)


# A JSON document's opening whatever the file's name: an object's first key, alone or as an
# array's first element (a header never opens so).
_JSON_OPENING = re.compile(r'\A\s*(?:\[\s*)?\{\s*"')


def _refuse_json(head_text: str, path: Path) -> None:
    """Refuse a JSON file named on its own, with how to convert it: read as CSV, an NDJSON
    event export (Mixpanel's) failed on its first line with "fix the malformed rows". JSON by
    its name and an opening bracket or brace, or by its opening whatever its name: an
    object's first key, or an array of arrays that `json_rows` could not read as a table.
    read_json makes one list column of an array of arrays, so the advice for that differs."""
    start = head_text.lstrip()
    named = is_json(path) and start.startswith(("{", "["))
    if named or _JSON_OPENING.match(start) or opens_array_of_arrays(start):
        hint = (
            array_of_arrays_hint(path) if named and opens_array_of_arrays(start)
            else keyed_records_hint(path) if opens_keyed_records(start) else json_to_parquet_hint(path)
        )
        raise SourceError(f"{path} holds JSON, not CSV text.", hint=hint)


def _open_json_rows(
    file: DataFile, rows: list[list[JsonCell]], *, raw_copy: Path, null_tokens: list[str], max_columns: int,
) -> CsvCopy:
    """Open a JSON array of arrays (`json_rows`) as the CSV text it is rewritten to, beside
    the workspace's copy; that text is then read like any CSV file (its header, its types,
    its ragged rows), and dropped once copied."""
    text = raw_copy.with_name(raw_copy.name + ".rows.csv")
    write_json_rows_as_csv(rows, text)
    try:
        table = DataFile(text, "csv", file.table_name)
        return open_csv(table, raw_copy=raw_copy, null_tokens=null_tokens, max_columns=max_columns, encoding="utf-8")
    finally:
        text.unlink(missing_ok=True)


def open_csv(
    file: DataFile,
    *,
    raw_copy: Path,
    null_tokens: list[str],
    max_columns: int,
    encoding: str | None = None,
) -> CsvCopy:
    """Detect the encoding and dialect of ``file`` and copy it into the workspace as
    ``raw_copy`` (transcoded to UTF-8 when DuckDB cannot read its encoding). The caller
    deletes ``raw_copy`` if the run fails."""
    head = _read_head(file.path)
    enc = (encoding or detect_encoding(head, file.path)).lower().replace("_", "-")
    enc = {"utf8": "utf-8", "latin1": "latin-1", "iso-8859-1": "latin-1", "utf-8-sig": "utf-8"}.get(enc, enc)
    try:
        # The sniffed block may end inside a character of a multi-byte encoding.
        head_text = (
            head.decode(enc, errors="ignore")
            if enc in ("utf-8", "utf-16")
            else codecs.getincrementaldecoder(enc)().decode(head, final=len(head) < SNIFF_BYTES)
        )
    except (LookupError, UnicodeDecodeError) as exc:
        raise SourceError(f"Cannot decode {file.path} as {enc}: {exc}.", hint="Pass the file's real encoding.") from exc
    head_text = head_text.lstrip("\ufeff")
    if opens_array_of_arrays(head_text) and not is_json(file.path):
        # The Census API's response saved as acs.csv: a table in JSON's brackets.
        rows = json_rows(file.path, enc)
        if rows is not None:
            return _open_json_rows(file, rows, raw_copy=raw_copy, null_tokens=null_tokens, max_columns=max_columns)
    _refuse_json(head_text, file.path)
    dialect = detect_dialect(head_text, enc, file.path, whole=len(head) < SNIFF_BYTES)
    if dialect.field_count > max_columns:
        raise SourceError(
            f"{file.path} has {dialect.field_count} columns; the limit is {max_columns}.",
            hint="Raise DATADOSSIER_MAX_COLUMNS, or split the file into narrower tables.",
        )
    duck_encoding = _DUCKDB_ENCODINGS.get(enc)
    if enc == "latin-1" and re.search(_C1_BYTES, head):
        duck_encoding = None  # (read in Python, which takes every byte)
    mixed = _mixed_line_ends(head)
    rewritten = dialect.spaces or bool(dialect.widths)
    if rewritten:
        _respace(
            file.path, enc, raw_copy, dialect.widths, comments=dialect.comments, header=dialect.field_names, skip=dialect.skip,
        )
        duck_encoding = "utf-8"
    elif dialect.padded:
        _unpad(file.path, enc, raw_copy, framed=dialect.framed)
        duck_encoding = "utf-8"
    elif dialect.qualifier:
        _requote(file.path, enc, raw_copy, qualifier=dialect.qualifier, delimiter=dialect.delimiter)
        duck_encoding = "utf-8"
    elif duck_encoding is None or mixed:
        _transcode(file.path, enc, raw_copy, one_line_end=mixed)
        duck_encoding = "utf-8"
    elif is_compressed(file.path):
        _decompress(file.path, raw_copy)
    else:
        copy_file(file.path, raw_copy)
    if dialect.second_table is not None:
        _cut_at_line(raw_copy, dialect.second_table[0] - 1)
    footer = _cut_footer(raw_copy, duck_encoding, dialect)
    if footer:
        dialect = replace(dialect, footer=footer)
    if dialect.ragged:
        dialect = cut_ragged_rows(raw_copy, dialect, duck_encoding, named=file.path)
    if dialect.repeated_headers:
        dialect = replace(dialect, repeated_headers=_cut_repeated_headers(raw_copy, dialect))
    if dialect.site_blocks:
        dialect = replace(dialect, repeated_headers=dialect.repeated_headers + _cut_site_headers(raw_copy, dialect))
    if dialect.comments and not (dialect.spaces or dialect.widths):
        dialect = replace(dialect, comment_lines=_cut_comment_lines(raw_copy, dialect))
    if dialect.empty_rows and not (dialect.spaces or dialect.widths):
        dialect = replace(dialect, empty_rows=_cut_empty_rows(raw_copy, dialect))
    options: dict[str, object] = {
        "all_varchar": True,
        "delim": dialect.delimiter + (" " if dialect.initial_space else ""),
        "quote": dialect.quote,
        "escape": "\\" if dialect.backslash else dialect.quote,
        "header": dialect.header,
        "encoding": duck_encoding,
        "nullstr": null_strings(null_tokens),
        "strict_mode": True,
        # (The column the header names past the rows' fields is read empty: see `_long_header`.)
        "null_padding": bool(dialect.missing),
    }
    if dialect.skip and not rewritten:  # (the rewrite starts at the table)
        options["skip"] = dialect.skip
    copy = CsvCopy(path=raw_copy, options=options, dialect=dialect)
    if (dialect.labels or dialect.names or dialect.rule_line) and not rewritten:  # (the rewrite has no rule)
        # The header names the columns; DuckDB reads from the first data row, past the labels.
        names = list(dialect.names) or _names_from_dialect(copy)
        if names is not None:
            names = names[: len(names) - dialect.empty_trailing]  # (see `pin_columns`)
            renamed = renamed_row_id(names)
            options.update(header=False, skip=dialect.data_skip)
            return CsvCopy(path=raw_copy, options=options, dialect=dialect, columns=tuple(renamed.get(n, n) for n in names))
        copy = replace(copy, dialect=replace(dialect, labels=(), data_skip=0, names=(), rule_line=False))
    return copy


def backslash_escaped(copy: CsvCopy, error: SourceError) -> CsvCopy | None:
    """The copy read with a backslash escaping quotes inside quoted values, as MySQL's
    ``SELECT ... INTO OUTFILE`` and many PHP exports write them (`"Magdeburg \\"City\\"
    Airport"`), for a file that DuckDB could not read for an unterminated quote at a line
    holding one (``error``); None otherwise, or when it is read so already. DuckDB's error may
    name another line than the escape's (a row with two escapes, as CourtListener's bulk
    files write a name in both case_name and case_name_full): the copy is then searched."""
    dialect = copy.dialect
    if dialect is None or not dialect.quote or copy.options.get("escape") == "\\":
        return None
    cause = str(error.__cause__ or "")
    if "unterminated quote" not in cause:
        return None
    if "\\" + dialect.quote not in cause and not _holds_bytes(copy.path, ("\\" + dialect.quote).encode()):
        return None
    return replace(copy, options={**copy.options, "escape": "\\"})


def _holds_bytes(path: Path, wanted: bytes) -> bool:
    """Whether a file holds these bytes, read a block at a time up to the first."""
    carried = b""
    with path.open("rb") as fh:
        while block := fh.read(SNIFF_BYTES):
            if wanted in carried + block:
                return True
            carried = block[1 - len(wanted) :]
    return False


def unquoted(copy: CsvCopy, error: SourceError) -> CsvCopy | None:
    """The copy read with double quotes as plain characters, for a file that DuckDB could not
    read for a quote (``error``, from `load_csv_stage`) and whose lines read first do not need
    their quotes: a quote at the start of a value further on is then most likely text (IMDb's
    TSV files hold titles such as ``"Weird Al" Yankovic``). None when the error is of another
    kind (a ragged row), or the file's quotes matter, or it is read so already."""
    dialect = copy.dialect
    if dialect is None or not dialect.quote or dialect.quotes_needed or dialect.field_count < 2:
        return None
    if "unterminated quote" not in str(error.__cause__ or ""):
        return None
    return replace(copy, options={**copy.options, "quote": "", "escape": ""}, dialect=replace(dialect, quote=""))


def without_ragged(copy: CsvCopy, error: SourceError, named: Path) -> CsvCopy | None:
    """The copy without its few rows of another width (`cut_ragged_rows`), for a file where
    DuckDB met one beyond the lines sniffed (``error``); None for an error of another kind,
    or when the copy was cut so already. Refused (`ragged_error`) when they are many."""
    dialect = copy.dialect
    if dialect is None or dialect.ragged_rows or dialect.widths or dialect.spaces or dialect.empty_trailing:
        return None
    if "Expected Number of Columns" not in str(error.__cause__ or ""):
        return None
    encoding = str(copy.options.get("encoding") or "utf-8")
    return replace(copy, dialect=cut_ragged_rows(copy.path, dialect, encoding, named=named))


def with_last_column(copy: CsvCopy, error: SourceError) -> CsvCopy | None:
    """The copy read with the unnamed last columns that `pin_columns` left out (see
    `CsvDialect.empty_trailing`), for a file where a row further on holds a value there
    (``error``, DuckDB's count of columns); None for an error of another kind."""
    dialect = copy.dialect
    if dialect is None or not dialect.empty_trailing or copy.columns is None:
        return None
    if "Expected Number of Columns" not in str(error.__cause__ or ""):
        return None
    width = len(str(dialect.field_count - 1))  # DuckDB's names for blank headers
    added = tuple(f"column{i:0{width}d}" for i in range(len(copy.columns), dialect.field_count))
    return replace(copy, columns=(*copy.columns, *added), dialect=replace(dialect, empty_trailing=0))


def _empty_trailing(rows: list[list[str]], field_count: int) -> int:
    """How many columns at the end of the header (``rows[0]``) and of every row below are
    blank (see `CsvDialect.empty_trailing`); at least two columns stay."""
    if any(len(row) != field_count for row in rows):
        return 0
    count = 0
    while count < field_count - 2 and all(not row[field_count - 1 - count].strip() for row in rows):
        count += 1
    return count


def null_strings(null_tokens: list[str]) -> list[str]:
    """read_csv's ``nullstr`` for these null tokens (the empty cell always among them)."""
    return sorted(set(null_tokens) | {""})


def reads_nulls_as(read_options: dict[str, object] | None, null_tokens: list[str]) -> bool:
    """Whether a copy loaded with ``read_options`` read the same cells as NULL as these tokens
    would (always true of a Parquet file, which has no null tokens)."""
    recorded = (read_options or {}).get("nullstr")
    return recorded is None or recorded == null_strings(null_tokens)


def reopen_csv(path: Path, options: dict[str, object]) -> CsvCopy:
    """The workspace's copy of a file, read with the options of the run that made it (what
    that run recorded, `CsvCopy.recorded_options`), so that a re-typing reads the same values
    as the raw layer."""
    if not path.is_file():
        raise SourceError(f"The workspace's copy {path} is missing.", hint="Profile the table's file again.")
    options = dict(options)
    columns = options.pop("columns", None)
    names = tuple(str(c) for c in columns) if isinstance(columns, list) else None  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    codes = tuple(_as_strings(options.pop("na_codes", None)))
    signs = tuple(_as_strings(options.pop("sign_codes", None)))
    wrapped = tuple(_as_strings(options.pop("byte_literals", None)))
    return CsvCopy(path=path, options=options, columns=names, na_codes=codes, sign_codes=signs, byte_literals=wrapped)


def pin_columns(con: duckdb.DuckDBPyConnection, copy: CsvCopy) -> CsvCopy:
    """The copy with its column names as DuckDB reads them, so that later reads name them
    instead of running DuckDB's sniffer again: it ran on every read_csv query, 0.05 s to bind
    one and 0.13 s of a full read of the 1M-row benchmark file (a column named ``_row_id``
    gets another name, see `files.renamed_row_id`). A file DuckDB cannot read stays as it
    was (the load reports why)."""
    import duckdb

    if copy.columns is not None:
        return copy
    try:
        description = con.execute(f"SELECT * FROM {copy.reader()} LIMIT 0").description or []
        names = [d[0] for d in description]
    except duckdb.Error:
        # DuckDB's sniffer gives up on some valid files (a few short rows of odd text):
        # the dialect found here names the columns instead.
        found = _names_from_dialect(copy)
        if found is None:
            return copy
        names = found
    dialect = copy.dialect
    if dialect is not None and dialect.empty_trailing and len(names) == dialect.field_count:
        names = names[: -dialect.empty_trailing]  # read so, DuckDB takes the rest of each row for its end
    renamed = renamed_row_id(names)  # named by us, the new name is read everywhere
    pinned = replace(copy, columns=tuple(renamed.get(n, n) for n in names))
    cells = _header_cells(copy) if dialect is not None and dialect.header and not dialect.labels else None
    if dialect is None or cells is None or len(cells) < len(names):
        return pinned
    cells = [cells[0].removeprefix("\ufeff"), *cells[1:]]
    written = tuple((name, cell) for name, cell in zip(names, cells, strict=False) if cell and cell != name)
    return replace(pinned, dialect=replace(dialect, written_names=written)) if written else pinned


def _names_from_dialect(copy: CsvCopy) -> list[str] | None:
    """The column names DuckDB would give the copy, read with its detected dialect: the
    header's names (a blank one ``columnN``, a repeated one ``name_1``), or ``column0``,
    ``column1``... without a header. None for a copy without a dialect or one that cannot
    be read here."""
    dialect = copy.dialect
    if dialect is None:
        return None
    count = dialect.field_count
    generic = [f"column{i:0{len(str(count - 1))}d}" for i in range(count)]
    if not dialect.header:
        return generic
    first = _header_cells(copy)
    if first is None or len(first) < count:
        return None
    return _duckdb_names(first[:count])


def _header_cells(copy: CsvCopy) -> list[str] | None:
    """The cells of the copy's first row as its dialect splits them; None when unreadable."""
    dialect = copy.dialect
    if dialect is None:
        return None
    encoding = str(copy.options["encoding"])
    # A BOM before a quoted first name ('\ufeff"GEO_ID"' in data.census.gov's tables) would
    # leave that cell unquoted and the BOM in the name: "utf-8-sig" drops it.
    encoding = "utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding
    try:
        with copy.path.open(encoding=encoding, newline="") as fh:
            for _ in range(dialect.skip):
                fh.readline()
            return next(_rows(fh, dialect), None)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def _duckdb_names(cells: Iterable[str]) -> list[str]:
    """Column names as DuckDB gives them from a header's cells: a blank one ``columnN``, a
    repeated one ``name_1`` (repeated but for case too: SDMX-CSV's ``MEASURE`` and
    ``Measure``, one name to DuckDB)."""
    cells = list(cells)
    generic = [f"column{i:0{len(str(len(cells) - 1))}d}" for i in range(len(cells))]
    names: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(cells):
        name = name or generic[i]
        taken, n = name, 0
        while taken.lower() in seen:
            n += 1
            taken = f"{name}_{n}"
        names.append(taken)
        seen.add(taken.lower())
    return names


def load_csv_stage(
    con: duckdb.DuckDBPyConnection,
    copy: CsvCopy,
    original: Path,
    stage: str,
    readings: Readings = NO_READINGS,
    *,
    plain: set[str] | None = None,
) -> None:
    """Load the copy into the table ``stage`` in file order, with the ``readings`` computed
    in the same pass (and their thin columns held thin). Errors name ``original``.

    Without ``plain``, ``stage`` is an in-memory table. With it, ``stage`` names a table of a
    database file (the scratch stage of a file too big for memory): the columns (and
    readings) named in ``plain`` are stored without compression, the others with DuckDB's
    own choice."""
    import duckdb

    rows = readings.stage_select(copy.reader(), numbered=copy.columns is not None and hides_rowid(copy.columns))
    try:
        if plain is None:
            con.execute(f"CREATE OR REPLACE TEMP TABLE {stage} AS {rows}")
        else:
            create_table(con, stage, rows, uncompressed=plain)
    except duckdb.IOException as exc:
        if (full := out_of_space(original, exc)) is not None:
            raise full from exc
        raise SourceError(
            f"{original} could not be read while loading: {_first_line(exc)}",
            hint="The file may have been moved or deleted during the run; profile it again.",
        ) from exc
    except (duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        raise SourceError(_describe_csv_error(original, exc), hint=_csv_error_hint(exc)) from exc


def sample_csv(copy: CsvCopy, target: Path, *, rows: int, blocks: int) -> str | None:
    """A read_csv call over a small CSV written to ``target``: about ``rows`` lines taken
    from ``blocks`` evenly spaced places of the copy, under its header. Inference shortlists
    its patterns from it before the copy is loaded.

    Lines are cut at newline bytes, so a block that starts inside a quoted value spanning
    lines yields a few malformed records; the sample reader skips them (ignore_errors). Each
    block reads at most ``SAMPLE_MAX_BYTES / blocks``; None when not even one line fits in
    that (rows of megabytes, or a file whose lines end with CR alone).
    """
    per_block = max(1, rows // max(1, blocks))
    budget = max(1, SAMPLE_MAX_BYTES // max(1, blocks))
    target.parent.mkdir(parents=True, exist_ok=True)
    with copy.path.open("rb") as src, target.open("wb") as out:
        for _ in range(copy.skip):
            if not src.readline(budget).endswith(b"\n"):
                return None
        if copy.header:
            header = src.readline(budget)
            if not header.endswith(b"\n"):
                return None
            out.write(header)
        start = src.tell()
        size = copy.path.stat().st_size
        for i in range(blocks):
            src.seek(start + (size - start) * i // blocks)
            if i and len(src.readline(budget)) == budget:  # the rest of the line the seek landed in
                return None
            used = 0
            for _ in range(per_block):
                line = src.readline(budget - used)
                if not line:
                    break
                if not line.endswith(b"\n"):
                    if used + len(line) == budget:  # cut by the budget, not the end of the file
                        if not used:
                            return None
                        break
                    line += b"\n"
                out.write(line)
                used += len(line)
    # The sample starts at the header: the lines before the table are not copied into it.
    options = {k: v for k, v in copy.options.items() if k != "skip"}
    sample = replace(copy, path=target, options={**options, "strict_mode": False, "ignore_errors": True})
    return sample.reader()


def _mixed_line_ends(head: bytes) -> bool:
    """Whether lines end both in CRLF and in a bare LF (a preamble written apart from the
    table, files pasted together): DuckDB's reader takes one line end per file and stops at
    the other. Line breaks inside quoted values do not count (spreadsheets write LF there
    and CRLF after rows, which DuckDB reads), unless one comes before the first row's end:
    DuckDB then takes it for the file's line end and cannot read the file."""
    outside = b"\0".join(head.split(b'"')[::2])  # what lies outside quoted values
    if b"\r\n" in outside and re.search(rb"(?<!\r)\n", outside) is not None:
        return True
    first, row_end = _LINE_END.search(head), _LINE_END.search(outside)
    return first is not None and row_end is not None and first.group() != row_end.group()


_LINE_END = re.compile(rb"\r\n|\r|\n")


def _transcode(path: Path, encoding: str, target: Path, *, one_line_end: bool = False) -> None:
    """Stream a file in an encoding DuckDB lacks into a UTF-8 copy (decompressing a .gz).
    ``one_line_end``: every line end becomes LF, a CRLF inside a quoted value too."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            # newline=None reads every CRLF and CR as LF; "" leaves line ends as they are.
            io.TextIOWrapper(open_bytes(path), encoding=encoding, newline=None if one_line_end else "") as src,
            target.open("w", encoding="utf-8", newline="") as dst,
        ):
            while chunk := src.read(1 << 20):
                dst.write(chunk)
    except FileNotFoundError as exc:
        raise SourceError(f"{path} disappeared during the run.", hint="Profile it again once the file is in place.") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path} is not valid {encoding} text: {exc}.", hint="Pass the file's real encoding.") from exc
    except damage_errors() as exc:
        if not (is_compressed(path) and is_damage(exc)):
            raise
        raise damaged(path, exc) from exc


def _decompress(path: Path, target: Path) -> None:
    """Stream a compressed file into a plain copy: the raw layer, the sample and DuckDB read that."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open_bytes(path) as src, target.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    except FileNotFoundError as exc:
        raise SourceError(f"{path} disappeared during the run.", hint="Profile it again once the file is in place.") from exc
    except damage_errors() as exc:
        if not is_damage(exc):
            raise SourceError(f"Cannot copy {path} into the workspace: {exc}.", hint="Check permissions and free disk space.") from exc
        raise damaged(path, exc) from exc


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]


def _describe_csv_error(path: Path, exc: Exception) -> str:
    text = str(exc)
    line = re.search(r"CSV Error on Line: (\d+)", text)
    where = f" at line {line.group(1)}" if line else ""
    if "Invalid unicode" in text or "not utf-8" in text.lower():
        return f"{path} is not valid UTF-8{where}."
    if "Expected Number of Columns" in text or "too many columns" in text.lower():
        # DuckDB counts records, not lines: a value quoted over several lines counts once.
        where = f" at record {line.group(1)} (the header is record 1)" if line else ""
        counts = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", text)
        found = counts.group(2) if counts else ""
        fields = f" ({found} field{'' if found == '1' else 's'} where the header has {counts.group(1)})" if counts else ""
        original = re.search(r"Original Line: (.*)", text)
        shown = f": {original.group(1).strip()[:80]!r}" if original and original.group(1).strip() else ""
        return f"{path} has a row with the wrong number of fields{where}{fields}{shown}."
    if "not possible to automatically detect" in text:
        return f"{path} has rows with inconsistent numbers of fields."
    if "Maximum line size" in text:
        size = re.search(r"Actual Size:\s*(\d+)", text)
        actual = f" ({int(size.group(1)):,} bytes)" if size else ""
        return f"{path} has a row longer than the 2,000,000 bytes DuckDB reads{where}{actual}."
    original = re.search(r"Original Line: (.*)\n(.*)", text)
    if original and original.group(1).strip():
        # (DuckDB's reason follows the line: "Value with unterminated quote found.")
        reason = original.group(2).strip()
        return f"{path} could not be parsed as CSV{where}: {original.group(1).strip()[:80]!r}" + (f" ({reason.rstrip('.')})." if reason else ".")
    return f"{path} could not be parsed as CSV{where}: {_first_line(exc)}"


def _csv_error_hint(exc: Exception) -> str:
    text = str(exc)
    if "Invalid unicode" in text or "not utf-8" in text.lower():
        return "Re-save the file as UTF-8, or pass encoding='latin-1' if that is its encoding."
    if "not latin-1" in text.lower():
        return (
            "The file has bytes 0x80-0x9F past its first 64 KiB (Windows' quotes and dashes): pass"
            " encoding='cp1252', or re-save it as UTF-8."
        )
    if "Maximum line size" in text:
        return (
            "Look for a quote that is never closed (the row then runs on to the end of the file), "
            "or shorten the very long values, and profile again."
        )
    return "Fix the malformed rows (ragged rows, unbalanced quotes) and profile again."
