"""Step 1 of inference: a small sample of every text column, and the detectors worth a scan.

The sample is read once for all columns (plus one shared query for sparse columns), so that
the full scan computes only the candidates that have a chance. Its values are counted and
matched against every detector in DuckDB, all columns in one query (`sample_findings`): in
Python, a 501-column file spent 6 of its 15 seconds here. Columns topped up from their first
non-null values are matched in Python (`shortlist`); both paths reach the same findings
(`_findings` decides, from the same weights).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from datadossier.engine.gateway import quote_ident
from datadossier.inference.config import InferenceConfig
from datadossier.inference.date_patterns import ZONE_OFFSETS
from datadossier.inference.detector import DAY_MONTH_PATTERNS, lit
from datadossier.inference.json_text import (
    ArrayPositions,
    JsonKey,
    array_positions,
    json_item_keys,
    json_keys,
)
from datadossier.inference.names import (
    looks_like_date,
    looks_like_year_month,
    may_name_a_year_month,
    names_a_length_of_time,
    names_a_month,
    names_precipitation,
)
from datadossier.inference.number_patterns import SCALE_LABEL
from datadossier.inference.patterns import DETECTORS, Detector, PatternName
from datadossier.inference.units import value_unit

if TYPE_CHECKING:
    import duckdb

_LEADING_ZERO = re.compile(r"\s*[-+]?0[0-9]+\s*")
# A number with a point and a leading zero before it ("09.0101"), and what makes such numbers
# of one shape (every digit a 9: "99.9999").
_DOTTED_LEADING_ZERO = re.compile(r"\s*0[0-9]+\.[0-9]+\s*")
_DIGIT = re.compile(r"[0-9]")
# What statistical offices and exports write for a missing value in a column of numbers or
# dates: dots and other punctuation (".", "..", ":", "*****", "--"), words that say so
# ("unknown", "suppressed", the College Scorecard's "PrivacySuppressed", "n.a.", "Not Provided", "No data", "(null)", Australia's "np",
# FARS's "Reported as Unknown" and "Not Available (If State Exempt)", HMDA's "Exempt", the
# General Social Survey's "Don't know", "Refused" and "IAP" (inapplicable), Home Assistant's
# "unavailable" (a sensor without a reading), kubectl's "<unknown>" and "<none>", a box score's "Did Not Play", "DNP - Coach's
# Decision", "Inactive" written across the stat columns of a player who did not play,
# the Play Store's "Varies with device", Steam's "Coming soon", ENTSO-E's "n/e": not expected, EPC's
# "NO DATA!" and "INVALID!", England's DfE performance tables' "SUPP" and "LOWCOV", CDC WONDER's
# "Unreliable" where a rate of fewer than 20 deaths is withheld, beside its "Suppressed"), letters in parentheses or brackets and the
# census's "N" and "X", the EIA's "W" and "NM" (withheld, not meaningful), INSEE's "s" (statistical
# secret) and a "c" (confidential), the DfE's "NE" (no entries), the Explore Education Statistics
# symbols "z" (not applicable), "u" (low reliability) and "low" (rounds to zero), NCES's "‡"
# (reporting standards not met), "†" (not applicable) and "#" (rounds to zero), a chart's "NEW"
# and "RE-ENTRY" where last week's rank is (no previous one), the USGS's remarks where a gauge has no value ("Ice",
# "Eqp": equipment, "Ssn": seasonal, "Bkw": backwater, "Dis", "Rat", "Mnt", "Fld", "Pr"); and
# in parentheses ("(X)", "(D)": not available, not applicable, withheld; the UK's ONS
# writes "[x]", "[c]"; Eurostat ": c", ": u"), bounds written for suppressed or top-coded values ("<5" in health
# statistics, the census's top and bottom codes "250,000+" and "2,500-"), zero dates (MySQL's
# "0000-00-00", a county roll's "00/00/0000" for an unknown sale), a survey's negative codes where the rest are not numbers (IPEDS's CLOSEDAT: "-2",
# not applicable, beside the dates of the colleges that closed; -9 to -1, -99 to -9999), and
# a cell of spaces alone (the " " of Telco churn's TotalCharges for new customers). Other letters are data (Ergast's positionText "R": retired). Such a value is
# missing where the rest of the column reads as one type (`_missing_markers`) and it is not
# a stray: punctuation or a word once will do (FRED's one "." in a monthly series, one
# "unknown"), a two-letter abbreviation three times, a code three times and in 1% of the
# values; rarer ones stay junk, quarantined with the row. Not "?" or "#VALUE!": those read
# as errors, not codes.
_MARKER_SYMBOLS = r"[.:*_/\-–—…‡†#]{1,10}"
_MARKER_PUNCTUATION = rf"(?:{_MARKER_SYMBOLS}|\s)"
_MARKER_WORDS = (
    r"(?i:unknown|unk|missing|nil|null|none|nan|tbd|tba|n/?a|n/e|n/m|n\.a\.|n\.d\.|nd|np"
    r"|not [a-z]{3,15}(?: \([a-z ]{2,30}\))?|reported as unknown"
    r"|no [a-z]{2,15}(?: [a-z]{2,15})?|no ?data!?|invalid!|varies(?: [a-z]{2,15}){0,3}"
    r"|(?:privacy ?)?suppressed|supp|lowcov|ne|ps|redacted|withheld|confidential|unreliable"
    r"|coming soon|to be (?:announced|determined|confirmed)|tbc"
    r"|exempt|refused|don[’']?t know|dk|iap|inapplicable|skipped|unavailable|unspecified"
    r"|did not [a-z]{3,10}|dnp(?:\s*-\s*[a-z’' ]{3,30})?|dnd|inactive|not with team|suspended"
    # (A lab's result qualifiers: below the detection limit, not detected or determined, not
    # sampled or insufficient, not performed, quantity not sufficient, listed not received,
    # too numerous to count, over the reader's range, a haemolysed specimen, a trace.)
    r"|bdl|below (?:the )?(?:detection|reporting) limit|not detected|undetermined|indeterminate|nq|ns|is|lnr"
    r"|tnp|qns|tntc|too numerous to count|ovrflw|overflow|ha?emoly[sz]ed|tr|trace|<\s*(?:mdl|dl|lod|loq|rl|pql|mrl)"
    r"|\(\s*(?:null|blank|none|empty|missing)\s*\)|<\s*(?:unknown|none|nil|null|empty|missing|n/?a)\s*>|#null!)"
)
# A survey's negative codes (-9 to -1, -99 to -9999), missing only beside dates (`_missing_markers`).
_NEGATIVE_CODES = r"-(?:[1-9]|9{2,4})"
# The USGS's remarks where a gauge has no value: no number has their shape, so once will do.
_GAUGE_REMARKS = "Ice|Eqp|Ssn|Bkw|Dis|Rat|Mnt|Fld|Pr"
# OSIsoft PI's digital states, which the historian writes in a tag's value where it has no
# reading (a DataLink export over an outage: "Bad Input", "I/O Timeout", "Calc Failed"): as
# the gauge's remarks, once will do. Not words that say "missing" in a text column, where a
# state such as "Shutdown" may be a value of its own.
_DIGITAL_STATES = (
    r"(?i:bad input|i/o timeout|comm fail|calc failed|no data|pt created|shutdown|scan off|configure"
    r"|under range|over range|not connect)"
)
# A gradebook's score of an excused submission (Canvas writes "EX"): no score, not zero.
# No score has that shape, so once will do.
_EXCUSED = r"EX|[Ee]xcused"
# A zero date: no day, month or year, as MySQL and mainframe exports write an unknown one.
_ZERO_DATES = r"(?:0000-00-00|00/00/0000|00-00-0000|00\.00\.0000|0000/00/00)(?:[ T]00:00(?::00)?)?"
# Single letters that mark a missing value (the census's "N" and "X", the EIA's "W", INSEE's
# "s", a "c", a weather file's "M" and "T", the EES's "z" and "u", NNDSS's "U": unavailable).
_MARKER_LETTERS = "NXxWscMTzuU"
# NNDSS's tables beside their "N" (not notifiable) and "U" (unavailable): "NN" (not
# nationally notifiable) and "NP" (notifiable, not published).
_NNDSS_CODES = "NN|NP"
# Where last week's rank is, a chart's new entry has none.
_NO_PREVIOUS = r"NEW|New|new|RE-?ENTRY|Re-?[Ee]ntry"
# How state assessments and EDFacts suppress a small group's result: its count as a bound
# ("n<10"), a percentage top or bottom coded ("<5%", ">95%", "≥95%"), EDFacts' bounds in letters
# ("GE95", "LE5", "LT50": greater or equal, less or equal, less than). No number or typo has
# that shape, so once will do, and any number of them are one marker (`is_censored`).
_SUPPRESSED_BOUNDS = r"[nN]\s*[<≤]=?\s*[0-9]{1,4}|[<>≤≥]=?\s*[0-9]{1,3}(?:\.[0-9]+)?\s*%|(?:GE|GT|LE|LT)\s?[0-9]{1,3}"
_MARKER_CODES = (
    rf"{_SUPPRESSED_BOUNDS}|\(\s*[A-Za-z]{{1,3}}\s*\)|\[\s*[A-Za-z]{{1,3}}\s*\]|[{_MARKER_LETTERS}]|NM|{_NNDSS_CODES}|low|{_NO_PREVIOUS}|{_DIGITAL_STATES}|" + _GAUGE_REMARKS
    + rf"|{_EXCUSED}|[<>≤≥]\s*[0-9][0-9,.]*|[0-9][0-9,]*[+-]|" + _ZERO_DATES + r"|:\s*[a-z]{1,2}|" + _NEGATIVE_CODES
)
MISSING_MARKER = re.compile(rf"\s*(?:{_MARKER_PUNCTUATION}|{_MARKER_WORDS}|{_MARKER_CODES})\s*")
# Words a list of documents writes where a date is (a privilege log's "Undated", "Various" for
# a thread of many dates, "Date Unknown"; an archive's "s.d.", sine dato): missing beside dates
# only, and once will do, no date has their shape; elsewhere "Various" may be a value.
_DATE_MARKER_WORDS = r"(?i:undated|various(?: dates)?|multiple(?: dates)?|date unknown|unknown date|s\.\s?d\.?)"
# A compact zero date, as voter files, SAP (its DATS initial value) and mainframe exports write
# an unknown YYYYMMDD date: a number elsewhere (an account "00000000"), so missing beside dates
# only, as those words are; once will do.
_COMPACT_ZERO_DATE = "00000000"
_DATE_MARKER = re.compile(rf"\s*(?:{_DATE_MARKER_WORDS}|{_COMPACT_ZERO_DATE})\s*")
# What the sample collects as a possible marker: a missing value's, or a date's.
_SAMPLED_MARKER = re.compile(
    rf"\s*(?:{_MARKER_PUNCTUATION}|{_MARKER_WORDS}|{_MARKER_CODES}|{_DATE_MARKER_WORDS}|{_COMPACT_ZERO_DATE})\s*"
)
_PUNCTUATION_MARKER = re.compile(rf"\s*{_MARKER_PUNCTUATION}\s*")
_WORD_MARKER = re.compile(rf"\s*{_MARKER_WORDS}\s*")
# A marker with a date's shape but no date in it (no detector reads it as a value).
_ZERO_DATE = re.compile(rf"\s*{_ZERO_DATES}\s*")
_NUMBER_CHARS = frozenset("0123456789.,+-\t \u00a0\u202f")


@dataclass(slots=True)
class SampleFindings:
    """What the sample says about one text column."""

    sampled: int
    # Share of sampled values each shortlisted detector accepts (lenient ones: with or
    # without their marks).
    shares: dict[PatternName, float] = field(default_factory=lambda: {})
    # Separator of day/month dates ('/', '.' or '-'), when there are such dates.
    date_separator: str | None = None
    # The day/month order other date columns of the table show (True: day first), which
    # settles this column's when its own values cannot (see `infer.infer_columns`).
    table_day_first: bool | None = None
    # Whether the table's other numbers write a decimal comma ("1.428,17"), which makes a
    # point in this column's numbers a thousands separator (see `infer.infer_columns`).
    table_decimal_comma: bool = False
    # What says the file writes a decimal comma though no number of its own shows one (its ';'
    # delimiter, its dates written 01.04.2023), which settles a comma that both groups
    # thousands and marks three decimals ("12,018"; see `infer.infer_columns`).
    table_comma_locale: str | None = None
    # Whether the file is comma-separated and nothing in it writes a decimal comma: a value
    # holding a comma is then quoted on purpose, and "12,018" groups thousands, unambiguously
    # (see `infer.infer_columns`).
    comma_delimited: bool = False
    # The compact date shapes ("compact_date": YYYYMMDD) of the table's other columns read as
    # dates, which make this column's numbers dates when every one reads so (see
    # `infer.infer_columns`).
    table_compact_dates: frozenset[PatternName] = frozenset()
    # A yes/no column of the table named as this one is (`names.same_naming`) and written
    # as wide: a column of one yes/no spelling beside it is a flag too (see
    # `infer.infer_columns`).
    table_flag: str | None = None
    # A sampled whole number written with a leading zero ("00501"), for the decision's reason.
    leading_zero_example: str | None = None
    # A sampled number with a point and a leading zero ("09.0101") when every sampled number
    # with a point has one shape, as many digits before and after it: a code written to a
    # fixed width (CIP's "01.0000"), whose zeros a number drops (see `decide._dotted_code_note`).
    dotted_code_example: str | None = None
    # Distinct sampled values over sampled values, and the longest sampled value (characters).
    distinct_share: float = 0.0
    max_length: int = 0
    # Values that mark a missing value in this column (`MISSING_MARKER`), with their sampled
    # counts; not counted in ``sampled`` nor in the shares.
    missing: dict[str, int] = field(default_factory=lambda: {})
    # Share of sampled values with spaces before or after them (text padded to a width).
    padded_share: float = 0.0
    # Share of those that are as long as the longest value: spaces that pad to a width.
    aligned_share: float = 0.0
    # Share of sampled values wrapped in single quotes ("'R82'", "'Regular'": nominal values as
    # ARFF writes them, kept so in OpenML's CSVs).
    quoted_share: float = 0.0
    # The distinct sampled values the unit reading takes, most common first, when every one
    # is up to four digits glued to one capital letter ("2L", "4A", "402W"): codes or measures, which
    # `decide` tells apart by the name and their number (see `decide._glued_letter_codes`).
    glued_letters: tuple[str, ...] = ()
    # Whether every sampled value that ends in K writes it apart from its number ("286.8 K"),
    # as tools that print a value with its unit do; thousands are written glued ("350K").
    # With the values' range, `decide` reads them as kelvins (see `decide._reads_as_kelvins`).
    spaced_k: bool = False
    # The zones (offsets, "Z", "UTC") of the sampled ISO date-times that write one, with their
    # sampled counts, most common first: what the decision names (Shopify's "-0500", "-0400").
    zones: tuple[tuple[str, int], ...] = ()
    # A sampled date-time with a fraction of a second finer than a microsecond (TTN's
    # received_at "...12.292806869Z"), such as a TIMESTAMP cuts: the decision says so.
    finer_than_micros: str | None = None
    # The distinct sampled values of a scale written with a label beside their number, most
    # common first, when those are the scale's ends or codes ("10 - Extremely likely" beside
    # "7", "8", "9"; see `scale_labels`).
    scale_labels: tuple[str, ...] = ()
    # The numbers of those labels at the scale's bottom and top ends (None where that end has
    # no label), which the whole column must not pass (see `decide._scale_label_note`).
    scale_ends: tuple[int | None, int | None] = (None, None)
    # The country whose shape most sampled postcodes have ("GB": "SW1A 1AA"), under a postal
    # name: a table's locale, which settles the day/month order of its dates that cannot tell
    # (see `infer.infer_columns`). None for digits alone (a US ZIP and a German PLZ alike).
    postcode_country: str | None = None
    # Whether the sampled six digits under a month's or a period's name are years and the
    # next's last two digits (the DfE's time_period 201112, academic year 2011/12), not yyyymm.
    year_spans: bool = False
    # A sampled value without a % sign and one with it, when every such bare value lies in
    # [0, 1] (above 0 for one at least) and every signed one above 1: fractions beside
    # percentages, two scales in one column (an HR file's FTE "1" and "0.5" beside "100%").
    fraction_scale: tuple[str, str] | None = None
    # Why the table's dates are read in the order ``table_day_first`` gives when it is not
    # from the table's other dates but from its locale ("amounts in GBP (Amount)").
    table_locale: str | None = None
    # The single letters (`is_marker_letter`) sampled in this column where every other sampled
    # value is a number, with their sampled counts: a table's habit when other columns share it
    # (see `table_missing_letters`).
    letters_beside_numbers: dict[str, int] = field(default_factory=lambda: {})
    # The marker letters sampled in this column, whatever its other values, with their sampled
    # counts: where one is the table's missing letter, a text column's too (IEM's "M" among
    # wxcodes' "-RA", see `infer._table_letters_in_text`).
    letters: dict[str, int] = field(default_factory=lambda: {})
    # The letters the table writes for a missing value (see `infer.infer_columns`): read as
    # missing here too, however rare (IEM's ASOS downloads write "M" in every column).
    table_missing_letters: frozenset[str] = frozenset()
    # The sampled values of a trace under a precipitation's name (NOAA's and IEM's "T"), among
    # ``missing`` so that the scan counts them apart from the numbers: read as 0, not NULL
    # (see `trace_values`).
    trace: frozenset[str] = frozenset()
    # The keys of the sampled JSON objects, commonest first (see `json_text.json_keys`), or of
    # the objects in the sampled JSON lists of them (`json_text.json_item_keys`).
    json_keys: tuple[JsonKey, ...] = ()
    # Whether those objects are written as Python prints them, as pandas saves a dict cell
    # ("{'id': 16, 'name': 'Animation'}"), not as JSON (see `json_text.python_json_sql`).
    json_python: bool = False
    # The length of the sampled arrays of numbers and each place's range (see
    # `json_text.array_positions`): Food.com's nutrition, seven numbers each.
    array: ArrayPositions | None = None
    # A column of the table read as Unix times in the same unit, whose range this column's
    # values lie within (give or take days): OpenSky's lastcontact beside its time (see
    # `infer._redecide_beside_epoch_times`). Its name then says time as well as this one's would.
    epoch_sibling: str | None = None
    # The table's columns that make it a log of sport activities ("Distance, Avg HR"), under
    # which this bare Time is each activity's length, not a time of day (see
    # `infer._activity_lengths`).
    activity_log: str | None = None
    # The table's column whose name reads its two-part lengths of time as hours and minutes
    # (a timecard's Hours, a charging log's Charge Duration), which this column's, whose own
    # name does not tell m:ss from h:mm, follow: one reading for the file (see
    # `infer._hours_and_minutes_beside`).
    table_hours: str | None = None
    # What the sampled numbers write after them that a reading of `NOTED_READINGS` drops, per
    # such reading shortlisted, with sampled counts, commonest first: a flag "p", a footnote
    # mark "†", a note "(provisional)", a margin "(±…)" (see `notes_after_numbers`).
    notes: dict[PatternName, tuple[tuple[str, int], ...]] = field(default_factory=lambda: {})
    # Whether words written in a date's place ("Undated", "Various") are missing values here:
    # beside dates that are no plain numbers, or under a date's name (see `_DATE_MARKER_WORDS`).
    date_words: bool = False


def table_row_count(con: duckdb.DuckDBPyConnection, relation: str) -> int:
    """Number of rows of the relation (answered from metadata for a DuckDB table)."""
    row = con.execute(f"SELECT count(*) FROM {relation}").fetchone()
    return int(row[0]) if row else 0


# The temp table of `sample_findings`: each column's most common sampled values, counted.
# Among values of equal count, the MD5 of the value decides which are kept (the same in DuckDB
# and in `_rank`): in value order, a column of distinct timestamps kept its earliest, all of
# one format where a file changed formats over time (CryptoDataDownload's "2019-12-29 03-PM"
# before "2020-04-14 23:00:00").
_COMMON = quote_ident("_dd_common")


def _rank(item: tuple[str, int]) -> tuple[int, str, str]:
    """Sort key of a counted sampled value: commonest first, ties by the value's MD5."""
    value, count = item
    return -count, hashlib.md5(value.encode()).hexdigest(), value


# Detector weights: (weight of the values a detector accepts, weight of those with its marks).
Weights = dict[PatternName, tuple[int, int]]


def sample_findings(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    names: list[str],
    row_count: int,
    config: InferenceConfig,
    position: str = "rowid",
) -> dict[str, SampleFindings]:
    """What a sample of ``relation`` says about each named (text) column (``position``: SQL
    for a row's 0-based position, see `conversions.row_number_sql`).

    The sampled values are counted per column and matched against every detector in DuckDB
    (the detectors' regexes read the same in RE2 and Python). A column with fewer than
    ``sparse_sample_min`` sampled values gets its first non-null values instead
    (`top_up_sparse`), matched in Python."""
    findings = {name: SampleFindings(sampled=0) for name in names}
    if not names or row_count == 0:
        return findings
    import duckdb

    select = ", ".join(f"CAST({quote_ident(n)} AS VARCHAR) AS c{i}" for i, n in enumerate(names))
    common = (
        f"CREATE OR REPLACE TEMP TABLE {_COMMON} AS "
        "WITH cells AS (UNPIVOT ({sampled}) ON COLUMNS(*) INTO NAME k VALUE v), "
        "counted AS (SELECT CAST(k[2:] AS INTEGER) AS k, v, count(*) AS c FROM cells GROUP BY ALL), "
        "ranked AS (SELECT k, v, c, row_number() OVER (PARTITION BY k ORDER BY c DESC, md5(v), v) AS rank, "
        "count(*) OVER (PARTITION BY k) AS n_distinct, sum(c) OVER (PARTITION BY k) AS n_values, "
        "max(length(v)) OVER (PARTITION BY k) AS longest FROM counted) "
        f"SELECT * FROM ranked WHERE rank <= {int(config.sample_distinct_limit)}"
    )
    try:
        con.execute(common.format(sampled=_sample_sql(relation, select, row_count, config, position)))
    except duckdb.BinderException:
        # A view has no rowid: its first rows will do.
        con.execute(common.format(sampled=f"SELECT {select} FROM {relation} LIMIT {int(config.sample_rows)}"))
    try:
        rows = [(row, _row_weights(row)) for row in con.execute(_weights_sql()).fetchall()]
        needs_values = {
            int(row[0]) for row, weights in rows if _needs_values(weights, int(row[4]), config, names[int(row[0])])
        }
        values: dict[int, list[tuple[str, int]]] = {k: [] for k in needs_values}
        if needs_values:
            listed = ", ".join(map(str, sorted(needs_values)))
            for k, v, c in con.execute(f"SELECT k, v, c FROM {_COMMON} WHERE k IN ({listed}) ORDER BY k, rank").fetchall():
                values[int(k)].append((str(v), int(c)))
    finally:
        con.execute(f"DROP TABLE IF EXISTS {_COMMON}")
    for row, weights in rows:
        k, n_distinct, n_values, longest, total, leading_zero, markers, padded, aligned, commonest, quoted = row[:11]
        dotted_zero, dotted_shapes = row[11:13]
        findings[names[int(k)]] = _findings(
            int(total), int(n_distinct) / int(n_values), int(longest), weights,
            values.get(int(k), []), leading_zero, config, [(str(m["v"]), int(m["c"])) for m in markers or []],
            names[int(k)], int(padded), int(aligned), str(commonest), int(quoted),
            dotted_zero if dotted_shapes == 1 else None,
        )
    if row_count > config.sample_rows:
        # Mostly-null columns: their first non-null values, when those are more than the sample had.
        sparse: dict[str, Counter[str]] = {n: Counter() for n, f in findings.items() if f.sampled < config.sparse_sample_min}
        top_up_sparse(con, relation, sparse, config)
        findings.update({n: shortlist(found, config, n) for n, found in sparse.items() if found.total() > findings[n].sampled})
    return findings


def top_up_sparse(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    samples: dict[str, Counter[str]],
    config: InferenceConfig,
) -> None:
    """Mostly-null columns (fewer than ``sparse_sample_min`` sampled values): their first
    non-null values in ``relation`` instead, all such columns in one query."""
    few = [n for n, values in samples.items() if values.total() < config.sparse_sample_min]
    if not few:
        return
    parts = [
        f"SELECT {i} AS k, v FROM (SELECT {quote_ident(n)}::VARCHAR AS v FROM {relation}"
        f" WHERE {quote_ident(n)} IS NOT NULL LIMIT {int(config.sparse_sample_rows)})"
        for i, n in enumerate(few)
    ]
    found: dict[str, Counter[str]] = {n: Counter() for n in few}
    for k, value in con.execute(" UNION ALL ".join(parts)).fetchall():
        found[few[int(k)]][str(value)] += 1
    samples.update({n: c for n, c in found.items() if c.total() > samples[n].total()})


def _sample_sql(relation: str, select: str, row_count: int, config: InferenceConfig, position: str) -> str:
    """The sample's rows: ``sample_blocks`` evenly spaced blocks of rows, by ``position``
    (0-based SQL: the rowid of a table)."""
    if row_count <= config.sample_rows:
        return f"SELECT {select} FROM {relation}"
    blocks = max(1, config.sample_blocks)
    size = max(1, config.sample_rows // blocks)
    ranges = " OR ".join(
        f"({position} BETWEEN {start} AND {start + size - 1})"
        for start in sorted({(i * row_count) // blocks for i in range(blocks)})
    )
    return f"SELECT {select} FROM {relation} WHERE {ranges}"


def shortlist(values: Counter[str], config: InferenceConfig, name: str) -> SampleFindings:
    """Findings of sampled values of the column ``name`` counted in Python (the columns
    `sample_findings` tops up)."""
    common = sorted(values.items(), key=_rank)[: config.sample_distinct_limit]
    total = sum(count for _, count in common)
    if total == 0:
        return SampleFindings(sampled=0)
    number = DETECTORS["float"]
    plain = {value for value, _ in common if number.matches(value)}
    weights: Weights = {d.name: _accepted_weight(d, common, plain) for d in DETECTORS.values()}
    leading_zero = min((v for v, _ in common if _LEADING_ZERO.fullmatch(v)), default=None)
    dotted_zero = min((v for v, _ in common if _DOTTED_LEADING_ZERO.fullmatch(v)), default=None)
    shapes = {_DIGIT.sub("9", v.strip()) for v in plain if "." in v}
    markers = [(v, c) for v, c in common if _SAMPLED_MARKER.fullmatch(v)]
    spaced = [(v, c) for v, c in common if v.startswith(" ") or v.endswith(" ")]
    longest = max(map(len, values))
    quoted = sum(c for v, c in common if is_quoted(v))
    return _findings(
        total, len(values) / values.total(), longest, weights, common, leading_zero, config, markers,
        name, sum(c for _, c in spaced), sum(c for v, c in spaced if len(v) == longest), common[0][0], quoted,
        dotted_zero if len(shapes) == 1 else None,
    )


def _findings(
    total: int,
    distinct_share: float,
    max_length: int,
    weights: Weights,
    common: list[tuple[str, int]],
    leading_zero: str | None,
    config: InferenceConfig,
    markers: list[tuple[str, int]],
    name: str,
    padded: int,
    aligned: int,
    commonest: str = "",
    quoted: int = 0,
    dotted_zero: str | None = None,
) -> SampleFindings:
    """Detectors that accept at least ``config.shortlist_share`` of the ``total`` weight of the
    most common sampled values of the column ``name``, and what else the sample says.
    ``common`` (those values, most frequent first) is needed only where `_needs_values` says
    so; ``markers`` are the common values that have the shape of a missing value's marker,
    with their weights; ``padded`` the weight of those with spaces around them, ``aligned``
    of those of them as long as the longest value (text padded to a width); ``commonest`` the
    most common sampled value; ``quoted`` the weight of those wrapped in single quotes;
    ``dotted_zero`` a number with a point and a leading zero, where all with a point have one
    shape."""
    findings = SampleFindings(sampled=total, distinct_share=distinct_share, max_length=max_length)
    if total == 0:
        return findings
    findings.padded_share = padded / total
    findings.aligned_share = aligned / padded if padded else 0.0
    findings.quoted_share = quoted / total
    traces = trace_values(markers, weights, name)
    untraced = [(v, c) for v, c in markers if v not in traces and not _an_answer_of_codes(v, commonest, max_length)]
    # (Whole numbers read as Excel's or SAS's day numbers are no dates a "Various" stands among.)
    findings.date_words = not weights["float"][0] or looks_like_date(name)
    findings.missing = _missing_markers(untraced, weights, total - sum(traces.values()), config, findings.date_words) | traces
    findings.trace = frozenset(traces)
    findings.letters_beside_numbers = _letters_beside_numbers(markers, weights, total)
    findings.letters = _sampled_letters(markers)
    if findings.missing:
        total -= sum(findings.missing.values())
        findings.sampled = total
    for detector in DETECTORS.values():
        if not _passes(detector, weights, total, config):
            continue
        if detector.name == "unit_value" and not _has_known_unit(detector, common):
            continue
        if detector.parts and not all(weights[part][0] for part in detector.parts):
            continue  # the column does not mix the two formats
        if detector.named is not None and not detector.named(name) and not (
            detector.name == "elapsed_time" and _past_a_day(weights)
        ):
            continue  # a shape too many values have: only the column's name says it is this
        if (
            detector.name == "minutes_seconds" and weights["time"][0] >= weights["minutes_seconds"][0]
            and not names_a_length_of_time(name)
        ):
            continue  # a clock reads every value: hours and minutes of a day (`time`), but for a length of time
        if detector.name == "iso_partial_date" and not (
            weights["iso_date"][0] and (
                weights["integer"][0] or weights["year_month"][0]
                or weights["iso_partial_date"][0] > weights["iso_date"][0]  # (zeros: "1993-00-00")
            )
        ):
            continue  # no full dates beside years, months or zeros: the single patterns say it
        if detector.name == "iso_partial_datetime" and not (
            weights["iso_datetime"][0]
            and weights["iso_partial_datetime"][0] > weights["iso_datetime"][0] + weights["iso_date"][0]
        ):
            continue  # no times beside years or months: the dates' and the times' own patterns say it
        if (full := _FULL_DAY_MONTH.get(detector.name)) and not 0 < weights[full][0] < weights[detector.name][0]:
            continue  # no full day/month dates beside years or months alone: the single patterns say it
        if (coarse := _COARSER_MONEY.get(detector.name)) and weights[detector.name][0] <= weights[coarse][0]:
            continue  # no amount with more decimals than money keeps: the coarser reading says it all
        if detector.name == "whole_amount" and max_length < _PAST_BIGINT_DIGITS:
            continue  # every sampled amount fits BIGINT: the integer reading says it all
        if detector.name == "credit_debit" and weights["credit_debit"][0] <= weights["grouped_number"][0]:
            continue  # no amount marked CR or DR: grouped amounts alone are `grouped_number`'s
        if detector.name == "compact_partial_date" and not (
            0 < weights["compact_date"][0] < weights["compact_partial_date"][0]
        ):
            continue  # (likewise, written without dashes)
        if detector.name == "noted_date" and weights["noted_date"][0] <= weights["month_name_date"][0]:
            continue  # no date with a note after it: `month_name_date` reads them
        # (At most 1: a detector may also accept a value read as missing, the "-" of a lenient one.)
        findings.shares[detector.name] = min(1.0, weights[detector.name][0] / total)
    if "integer" in findings.shares:
        # Free in the scan: the integer conversion already computes the DOUBLE reading.
        findings.shares.setdefault("float", findings.shares["integer"])
        findings.leading_zero_example = leading_zero
    if "float" in findings.shares:
        findings.dotted_code_example = dotted_zero
    if "iso_date" in findings.shares and "iso_datetime" not in findings.shares:
        # Dates with a few date-times among them: the timestamp reading takes both (a date is
        # its midnight), where the date reading would fail on the times.
        stamped = weights["iso_datetime"][0]
        if stamped:
            findings.shares["iso_datetime"] = findings.shares["iso_date"] + stamped / total
    if "year_month" in findings.shares and _seasons(common):
        del findings.shares["year_month"]
    if "compact_year_month" in findings.shares and _compact_year_spans(common, name):
        del findings.shares["compact_year_month"]
        findings.year_spans = True
    if DAY_MONTH_PATTERNS & set(findings.shares):
        findings.date_separator = _date_separator(common)
    if "unit_value" in findings.shares:
        findings.glued_letters = _glued_letters(common)
        findings.spaced_k = "abbreviated_number" in findings.shares and _spaced_k(common)
    if "percent" in findings.shares:
        findings.fraction_scale = _fractions_beside_percents(common)
    if "flagged_number" in findings.shares and _capitals_of_a_unit(common, total):
        del findings.shares["flagged_number"]
    for reading in sorted(NOTED_READINGS & set(findings.shares)):
        findings.notes[reading] = notes_after_numbers(DETECTORS[reading], common)
    if _ZONED_READINGS & set(findings.shares):
        findings.zones = _zones(common)
    elif "zoned_date" in findings.shares:
        findings.zones = _date_zones(common)
    if _FRACTIONED_READINGS & set(findings.shares):
        findings.finer_than_micros = _finer_than_micros(common)
    if "labelled_scale" in findings.shares:
        findings.scale_labels, findings.scale_ends = scale_labels(common)
        if not findings.scale_labels:
            del findings.shares["labelled_scale"]  # labels of every value, or in the scale's middle
    if "postal_code" in findings.shares:
        findings.postcode_country = _postcode_country(common)
    if "json_object" in findings.shares:
        findings.json_keys, objects, findings.json_python = json_keys(common)
        if objects < config.shortlist_share * total:
            del findings.shares["json_object"]  # braces around other text ('{"a": 1' cut short)
    if "number_array" in findings.shares:
        findings.array = array_positions(common)
        if findings.array is None:
            del findings.shares["number_array"]  # lists of numbers as many as there are (IATI's 50;30;20)
    if "json_object_list" in findings.shares:
        findings.json_keys, lists, items, findings.json_python = json_item_keys(common)
        if lists < config.shortlist_share * total or not items:
            del findings.shares["json_object_list"]  # a Python list's "[]" alone, or JSON cut short
    return findings


# Readings that drop what is written after a number: Eurostat's flag "p", a footnote mark
# "87†" (MMWR's NNDSS tables), a note "2023 (provisional and partial)" (CDC WONDER), a margin
# "85.3 (±2.1)" (VaxView). The reason names what they dropped, which an analyst needs: the
# only sign that 2023 covers half a year.
NOTED_READINGS: frozenset[PatternName] = frozenset({"flagged_number", "noted_number", "noted_integer", "interval_estimate"})
# A number at the start of a value, grouped by spaces or commas, and a figure inside a note.
_LEADING_FIGURE = re.compile(r"\s*[-+]?[0-9][0-9 ,.]*")
_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def notes_after_numbers(detector: Detector, common: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """What the sampled values the detector reads write after their number, with their
    sampled counts, commonest first; figures inside a note are shown as "…" ("(±…)",
    "[…-…]"), since every margin differs."""
    notes: Counter[str] = Counter()
    for value, count in common:
        figure = _LEADING_FIGURE.match(value)
        if figure is None or not detector.matches(value):
            continue
        note = value[figure.end() :].strip()
        if note:
            notes[_FIGURE.sub("…", note)] += count
    return tuple(sorted(notes.items(), key=lambda item: (-item[1], item[0])))


# A plain whole number among a scale's answers.
_WHOLE = re.compile(r"\s*-?[0-9]{1,3}\s*")


def scale_number(value: str) -> int | None:
    """The number of a scale's answer written with its label ("-9. Refused" is -9), None for
    other text."""
    found = SCALE_LABEL.fullmatch(value)
    return int(found.group(1)) if found else None


def is_scale_code(value: str) -> bool:
    """Whether a labelled answer is a code rather than a point of the scale: a negative number
    (ANES's "-9. Refused", "-8. Don't know") or a label that says the answer is missing ("98.
    Refused", "99. Don't know")."""
    found = SCALE_LABEL.fullmatch(value)
    return found is not None and (int(found.group(1)) < 0 or says_missing(found.group(2)))


def scale_labels(common: list[tuple[str, int]]) -> tuple[tuple[str, ...], tuple[int | None, int | None]]:
    """The labelled values among a sample of whole numbers, and the numbers of those at the
    bottom and top ends, when each is an end of the scale the plain numbers span, or next to
    one (Qualtrics' "0 - Not at all likely" and "10 - Extremely likely" around 1..9, ANES's top
    code "80. Age 80 or older" above 18..79), or a code (`is_scale_code`); none otherwise:
    labels on every answer are a code list's ("1. Democrat", "2. Republican"), and a label in
    the middle is no end."""
    none: tuple[tuple[str, ...], tuple[int | None, int | None]] = ((), (None, None))
    plain = {int(v) for v, _ in common if _WHOLE.fullmatch(v) and int(v) >= 0}
    labelled = [v for v, _ in common if scale_number(v) is not None]
    if len(plain) < 2 or not labelled:
        return none
    low, high = min(plain), max(plain)
    ends = {number for v in labelled if not is_scale_code(v) and (number := scale_number(v)) is not None}
    bottom, top = {n for n in ends if n in (low - 1, low)}, {n for n in ends if n in (high, high + 1)}
    # One label at each end at most: two numbers labelled below the plain ones are no one end.
    if ends - bottom - top or len(bottom) > 1 or len(top) > 1:
        return none
    return tuple(labelled), (min(bottom, default=None), max(top, default=None))


# Postcodes with letters, whose shape tells the country (US ZIP codes and Germany's PLZ are
# both five digits: no country).
_POSTCODE_SHAPES = {
    "GB": re.compile(r"\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}\s*"),
    "CA": re.compile(r"\s*[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]\s*"),
    "NL": re.compile(r"\s*[1-9][0-9]{3} ?[A-Za-z]{2}\s*"),
}


def _postcode_country(common: list[tuple[str, int]]) -> str | None:
    """The country whose postcodes most of the sampled values are (`SampleFindings.postcode_country`)."""
    total = sum(count for _, count in common)
    weights = {
        country: sum(count for value, count in common if shape.fullmatch(value))
        for country, shape in _POSTCODE_SHAPES.items()
    }
    country, weight = max(weights.items(), key=lambda item: item[1])
    return country if 2 * weight > total else None


# The zone written after a date-time's clock: "Z", an offset ("-05:00", "+0100", "-04"),
# UTC or GMT, with an offset at times ("GMT+1", Google Forms'), or a US or European zone's
# abbreviation (Niagara's "EDT"), after a 12-hour clock's AM/PM too (a date alone has none:
# "2023-01-05" ends in no offset "-05").
_ZONE = re.compile(
    r".*:[0-9]{2}(?:[.,][0-9]+)?(?:\s?[AaPp][Mm])?\s?(Z|[+-][0-9]{2}(?::?[0-9]{2})?|(?:UTC|GMT)(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?"
    rf"|{'|'.join(ZONE_OFFSETS)})\s*"
)
# The zone after a date alone (XML Schema's xs:date: Workday's "2023-04-01-07:00").
_DATE_ZONE = re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})\s*")


def _date_zones(common: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """The zones written after the sampled dates, most common first (see `SampleFindings.zones`)."""
    found: Counter[str] = Counter()
    for value, count in common:
        if (zone := _DATE_ZONE.fullmatch(value)) is not None:
            found[zone.group(1)] += count
    return tuple(found.most_common())


# The readings of date-times that may carry a zone, whose zones the sample lists.
_ZONED_READINGS: frozenset[PatternName] = frozenset(
    {
        "iso_datetime", "ymd_slash_datetime", "us_datetime", "eu_datetime", "us_datetime_short", "eu_datetime_short",
        "month_name_datetime", "zoned_time",
    }
)


# Seconds with seven to nine places after the point or comma (nanoseconds), after a clock's
# minutes.
_NANOSECONDS = re.compile(r".*:[0-9]{2}:[0-9]{2}[.,][0-9]{7,9}(?![0-9]).*")
# The readings of date-times whose seconds may have a fraction of up to nine places.
_FRACTIONED_READINGS: frozenset[PatternName] = _ZONED_READINGS | frozenset[PatternName]({"iso_partial_datetime"})


def _finer_than_micros(common: list[tuple[str, int]]) -> str | None:
    """A sampled date-time whose seconds are written finer than a microsecond (see
    `SampleFindings.finer_than_micros`), None when none is."""
    return next((value.strip() for value, _ in common if _NANOSECONDS.fullmatch(value)), None)


def _zones(common: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """The zones the sampled date-times are written in, most common first (see
    `SampleFindings.zones`)."""
    found: Counter[str] = Counter()
    for value, count in common:
        if (zone := _ZONE.fullmatch(value)) is not None:
            found[zone.group(1).strip()] += count
    return tuple(found.most_common())


# Up to four digits glued to one capital letter: LDA's amendment types "1A".."4A", SAM's
# entity structure "2L", a battery's "12V", an ocean voyage's number and direction "402W";
# or, with a leading zero, to two or three (PISA's cycle "08MS", which no measure writes).
_GLUED_LETTER = re.compile(r"\s*(?:[0-9]{1,4}[A-Z]|0[0-9]{1,3}[A-Z]{2,3})\s*")


def _glued_letters(common: list[tuple[str, int]]) -> tuple[str, ...]:
    """The values the unit reading takes, when every one is digits glued to a capital letter
    (`SampleFindings.glued_letters`); none otherwise."""
    unit = DETECTORS["unit_value"]
    values = [value.strip() for value, _ in common if unit.matches(value)]
    return tuple(values) if values and all(_GLUED_LETTER.fullmatch(v) for v in values) else ()


# A number, then a space and a capital K: a unit written apart ("286.8 K").
_SPACED_K = re.compile(r"\s*[-+]?[0-9]+(?:\.[0-9]+)?\s+K\s*")


def _spaced_k(common: list[tuple[str, int]]) -> bool:
    """Whether every sampled value ending in K writes it apart from its number
    (`SampleFindings.spaced_k`)."""
    ending = [value for value, _ in common if value.rstrip().endswith("K")]
    return bool(ending) and all(_SPACED_K.fullmatch(value) for value in ending)


_YEAR_AND_NEXT = re.compile(r"\s*((?:1[5-9]|2[0-9])[0-9]{2})([-/])([0-9]{2})\s*")


# Hours, minutes and seconds past a day's 24 hours on this share of those values: a run's
# elapsed time (a plate reader's kinetic read of 48 h, "0:00:00" .. "48:45:00"), whatever the
# name. A timetable's trips past midnight (GTFS's "25:10:00") are a few of its times.
PAST_A_DAY_SHARE = 0.2


def _past_a_day(weights: Weights) -> bool:
    """Whether many hh:mm:ss values count hours past 23, which no clock writes: those the
    elapsed reading accepts and the clock's does not (see `PAST_A_DAY_SHARE`)."""
    elapsed = weights["elapsed_time"][0]
    return elapsed > 0 and elapsed - weights["time"][0] >= PAST_A_DAY_SHARE * elapsed


# Day/month dates of mixed precision, and the full dates they must be seen beside (with years
# or months alone: Raiser's Edge's "6/15/1965", "6/1965", "1965").
_FULL_DAY_MONTH: dict[PatternName, PatternName] = {"us_partial_date": "us_date", "eu_partial_date": "eu_date"}


# Money read with more decimals, and the pattern each is worth scanning beside only where it
# reads more of the sample (its reading costs as much again, in a column that needs neither).
_COARSER_MONEY: dict[PatternName, PatternName] = {
    "currency_precise": "currency", "currency_eu_precise": "currency_eu",
}


def _seasons(common: list[tuple[str, int]]) -> bool:
    """Whether values of a year and a month are seasons, a year and the next one's last two
    digits (Cricsheet's "2007/08", the NBA's "2009-10"): each "month" is the next year, and
    there are several of them, or one written with a slash (ISO writes a month "2007-08")."""
    found = [_YEAR_AND_NEXT.fullmatch(value) for value, _ in common]
    matched = [m for m in found if m is not None]
    if not matched or any(int(m.group(3)) != (int(m.group(1)) + 1) % 100 for m in matched):
        return False
    return len({m.group(1) for m in matched}) >= 2 or all(m.group(2) == "/" for m in matched)


_COMPACT_YEAR_SPAN = re.compile(r"\s*((?:1[89]|20)[0-9]{2})([0-9]{2})\s*")


def _compact_year_spans(common: list[tuple[str, int]], name: str) -> bool:
    """Whether six-digit values are years written with the next one's last two digits (the
    DfE's Explore Education Statistics: time_period 201112 is the academic year 2011/12,
    202223 the financial year 2022-23), every sampled one: years of several, or one under a
    name that does not say month (one 201112 under BEGIN_YEARMONTH is December 2011). Years
    up to 2011/12 also read as months, 201213 on no longer would."""
    found = [_COMPACT_YEAR_SPAN.fullmatch(value) for value, _ in common]
    matched = [m for m in found if m is not None]
    if not matched or any(int(m.group(2)) != (int(m.group(1)) + 1) % 100 for m in matched):
        return False
    return len({m.group(1) for m in matched}) >= 2 or not names_a_month(name)


def _missing_markers(
    markers: list[tuple[str, int]], weights: Weights, total: int, config: InferenceConfig, date_words: bool
) -> dict[str, int]:
    """The markers that stand for a missing value in this column: each frequent in the sample
    (a code, not a stray typo), and without them the other values read as one type that none
    of them reads as (so that the "N" of a Y/N column stays a value). Results beyond a
    detection limit ("<0.5", "<0.02") count as one marker, whatever their limits."""
    censored = {v: c for v, c in markers if is_censored(v)}
    # (A small bound is the top bucket of the column's own scale, Black Friday's "4+" years in
    # a city beside 0 to 3, or ages "65+": a number, `lower_bound`'s.)
    frequent = {
        v: c for v, c in markers
        if v not in censored and c >= _marker_min_count(v, total, config) and not _SMALL_BOUND.fullmatch(v)
    }
    # A source has a code or two for "missing"; many bounds are data (Google Play's installs:
    # "500+", "10,000+", "1,000,000+", ...). Not negative codes, numbers of most columns: the
    # CCD's MEMBER writes -1, -2 and -9 beside its "†", which went to quarantine.
    coded = [v for v in frequent if not _NEGATIVE_CODE.fullmatch(v)]
    if len(coded) > 4 or sum(1 for v in coded if any(ch.isdigit() for ch in v)) > 2:
        return {}
    if censored and (
        sum(censored.values()) >= max(config.missing_min_count, config.missing_share * total)
        or all(_SUPPRESSED.fullmatch(v) for v in censored)
        or _detection_limits(censored, weights)
    ):
        # Each analyte and dilution has its limit: the Water Quality Portal's results mix
        # "<0.003", "<0.02" and "<2" in one column, each of them rare. (A suppressed group's
        # bound, "<5%" or "GE95", will do once.)
        frequent.update(censored)
    rest = total - sum(frequent.values())
    if not frequent or rest < config.missing_min_count:
        return {}
    rare_letters = {v: c for v, c in markers if v not in frequent and (is_marker_letter(v) or is_letter_code(v))}
    rare_codes = {v: c for v, c in markers if v not in frequent and is_bracketed_code(v)}
    for detector in DETECTORS.values():
        if detector.convert is None:
            continue
        # The markers a reading reads are its values (the "N" of a Y/N column); the others
        # are missing where it reads the rest (EIA-860's " " beside Y and N).
        unread = {v: c for v, c in frequent.items() if not detector.matches(v) or _ZERO_DATE.fullmatch(v)}
        if any(is_marker_letter(v) for v in unread):
            # A source that writes a letter for a missing value writes its others so, however
            # rare: the CCD's many "N" (not applicable) beside a school's one "M" (missing).
            unread.update({v: c for v, c in rare_letters.items() if not detector.matches(v)})
        if any(is_bracketed_code(v) for v in unread):
            # So do codes in brackets: NASS's one " (Z)" (under half a unit) beside its " (D)"
            # (withheld) in a county extract of ten rows.
            unread.update({v: c for v, c in rare_codes.items() if not detector.matches(v)})
        if not unread or weights[detector.name][0] < config.accept_rate * (total - sum(unread.values())):
            continue
        if detector.data_type not in ("DATE", "TIMESTAMP") and any(_NEGATIVE_CODE.fullmatch(v) for v in unread):
            continue  # a number beside money, percentages or a scale is one of their values
        if (detector.data_type not in ("DATE", "TIMESTAMP") or not date_words) and any(
            _DATE_MARKER.fullmatch(v) for v in unread
        ):
            continue  # "Various" beside numbers or text may be a value
        if detector.data_type == "BOOLEAN" and any(
            (_WORD_MARKER.fullmatch(value) and not _unknown(value)) or any(ch.isdigit() for ch in value)
            or is_marker_letter(value)
            for value in unread
        ):
            # "No internet service" beside Yes and No: a third answer, not a missing one; so
            # are bounds (the diabetes study's readmitted: "NO", ">30", "<30"). "unknown"
            # beside them is missing (the bank marketing data's default: no, yes, unknown). A
            # letter beside a letter read as one is a code too: a sex's "M" and "U" beside "F".
            continue
        return unread
    return {}


# The letter that answers "no" in a flag (the census's "N" is a missing value's elsewhere).
_NO_ANSWER = re.compile(r"\s*[Nn]\s*")


def _an_answer_of_codes(marker: str, commonest: str, longest: int) -> bool:
    """Whether a marker is the "N" (no) that is the commonest value of a column of single
    characters: a flag's answer beside its codes, not a missing value. Freddie Mac's MI
    Cancellation Indicator writes Y, N, 7 (not applicable) and 9 (not disclosed), Fannie
    Mae's Borrower Assistance Plan N, 7, 9, F, R, T: 8 "N" of 12 beside "9" were read as
    NULL, turning the commonest answer into an unknown one."""
    return longest == 1 and marker == commonest and _NO_ANSWER.fullmatch(marker) is not None


def _sampled_letters(markers: list[tuple[str, int]]) -> dict[str, int]:
    """The marker letters among the sampled markers, spaces around them or not, counted."""
    letters: Counter[str] = Counter()
    for value, count in markers:
        if is_marker_letter(value):
            letters[value.strip()] += count
    return dict(letters)


def _letters_beside_numbers(markers: list[tuple[str, int]], weights: Weights, total: int) -> dict[str, int]:
    """The marker letters of a column whose other sampled values are all numbers (tmpf's
    "M" among temperatures), with their sampled counts; none in a column of other values.
    Punctuation and the source's codes of letters may stand beside them: NNDSS's tables write
    "—" for no case and "NN" beside "U" and "N" in the same count columns."""
    letters = _sampled_letters(markers)
    numbers = weights["float"][0]
    beside = sum(c for v, c in markers if _PUNCTUATION_MARKER.fullmatch(v) or is_letter_code(v))
    return letters if letters and numbers and numbers + beside + sum(letters.values()) >= total else {}


# Letters that are no missing value wherever they stand beside numbers: a trace of rain or
# snow ("T" in NOAA's and IEM's precipitation), which the table's "M" must not make missing.
_MEASURED_LETTERS = frozenset({"T"})
_TRACE = re.compile(r"\s*T\s*")


def trace_values(markers: list[tuple[str, int]], weights: Weights, name: str) -> dict[str, int]:
    """The sampled "T" of a column of amounts under a precipitation's name (`names_precipitation`),
    with its count: a trace, more than none and less than the gauge measures, which NOAA's
    GHCN-Daily stores as 0 with a flag; an observation, however rare, not a missing value
    (70% of IEM's p01i NULLs were hours that had rain)."""
    if not weights["float"][0] or not names_precipitation(name):
        return {}
    return {v: c for v, c in markers if _TRACE.fullmatch(v)}


def table_missing_letters(findings: list[SampleFindings]) -> frozenset[str]:
    """The letters a table writes for a missing value in every column: those a column's sample
    reads as missing (IEM's ASOS "M" where gusts are mostly missing), or that stand alone
    among numbers in two columns or more (a day's download: one "M" in tmpf, one in p01i)."""
    read = {v.strip() for found in findings for v in found.missing if is_marker_letter(v)}
    beside = Counter(letter for found in findings for letter in found.letters_beside_numbers)
    return frozenset((read | {letter for letter, columns in beside.items() if columns >= 2}) - _MEASURED_LETTERS)


_NEGATIVE_CODE = re.compile(rf"\s*{_NEGATIVE_CODES}\s*")
# A result beyond a detection or reporting limit, written as the limit: "<0.5", "< 2", "≥1000";
# and a suppressed group's result written as its bound ("n<10", ">95%", "GE95").
_CENSORED = re.compile(rf"\s*(?:[<>≤≥]\s*[0-9][0-9,]*(?:\.[0-9]+)?|{_SUPPRESSED_BOUNDS})\s*")
_SUPPRESSED = re.compile(rf"\s*(?:{_SUPPRESSED_BOUNDS})\s*")


def is_censored(value: str) -> bool:
    """Whether a value is a result beyond a limit, written as the limit ("<0.02", ">500")."""
    return _CENSORED.fullmatch(value) is not None


# A limit written with decimals ("<0.005", "< 0.02"): a measurement's, no count's bucket.
_DECIMAL_LIMIT = re.compile(r"\s*[<>≤≥]\s*[0-9]*\.[0-9]+\s*")


def is_detection_limit(value: str) -> bool:
    """Whether a value is a result below or above a detection limit written with decimals
    ("<0.005"): a lab's, however rare (no count is bucketed so)."""
    return _DECIMAL_LIMIT.fullmatch(value) is not None


def _detection_limits(censored: dict[str, int], weights: Weights) -> bool:
    """Whether a column's sampled bounds are results beyond a lab's detection limits, which
    once will do: each written with decimals, or among measurements mostly not whole (a
    drill hole's Au_ppm 0.15, 0.11 ... beside one "<0.005" or "<1"). An assay batch holds
    a handful of them; one or two went to quarantine with their interval's other grades.
    (A rare "<5" among counts may be a typo: it stays junk to show.)"""
    measured = weights["float"][0] > 2 * weights["integer"][0]
    return all(is_detection_limit(v) or measured for v in censored)


# Words that say a value is unknown, and nothing else (not "No internet service").
_UNKNOWN = re.compile(r"\s*(?i:unknown|unk|missing|n/?a|n\.a\.|not known|not available|not stated)\s*")


def _unknown(value: str) -> bool:
    return _UNKNOWN.fullmatch(value) is not None


def says_missing(value: str) -> bool:
    """Whether a value is a word that says a value is missing ("unknown", "n.a.", "Not
    Available"; see `MISSING_MARKER`), not a two-letter abbreviation."""
    return _WORD_MARKER.fullmatch(value) is not None and len(value.strip()) >= 3


# Markers that say a value is missing whatever their count, found after the sample (see
# `scan.missing_markers_among_failures`): punctuation ("...", ":", NCES's "‡"), Eurostat's ":" with its
# flag (": c", confidential), letters in brackets ("(X)", "[c]"), zero dates, a chart's "NEW", a
# suppressed result's bound (a state assessment's one ">95%" in 200 rows), Canvas's "EX".
_LATE_MARKER = re.compile(
    rf"\s*(?:{_MARKER_SYMBOLS}|:\s*[a-z]{{1,2}}|\(\s*[A-Za-z]{{1,3}}\s*\)|\[\s*[A-Za-z]{{1,3}}\s*\]|{_GAUGE_REMARKS}|{_DIGITAL_STATES}"
    rf"|{_ZERO_DATES}|{_NO_PREVIOUS}|{_SUPPRESSED_BOUNDS}|{_EXCUSED})\s*"
)
# Markers no value of a column has the shape of: once will do.
_SHAPELESS_MARKER = re.compile(rf"\s*(?:{_GAUGE_REMARKS}|{_DIGITAL_STATES}|{_ZERO_DATES}|{_NO_PREVIOUS}|{_EXCUSED})\s*")
_MARKER_LETTER = re.compile(rf"\s*[{_MARKER_LETTERS}]\s*")


# Letters in brackets, as statistical offices write a missing value's reason (NASS's "(D)",
# "(Z)", "(NA)"; the census's "(X)"; the ONS's "[c]").
_BRACKETED_CODE = re.compile(r"\s*(?:\(\s*[A-Za-z]{1,3}\s*\)|\[\s*[A-Za-z]{1,3}\s*\])\s*")


def is_bracketed_code(value: str) -> bool:
    """Whether a value is letters in brackets ("(D)", " (Z)", "[c]")."""
    return _BRACKETED_CODE.fullmatch(value) is not None


_LETTER_CODE = re.compile(rf"\s*(?:{_NNDSS_CODES})\s*")


def is_letter_code(value: str) -> bool:
    """Whether a value is a code of letters that a source writing letters for a missing value
    writes beside them ("NN" and "NP" beside NNDSS's "N" and "U"): missing where those letters
    are, however rare."""
    return _LETTER_CODE.fullmatch(value) is not None


def is_marker_letter(value: str) -> bool:
    """Whether a value is one of the single letters sources write for a missing value ("N",
    "M", "x", "z")."""
    return _MARKER_LETTER.fullmatch(value) is not None


def marks_missing(value: str) -> bool:
    """Whether a value met once among a typed column's failures stands for a missing one:
    a word that says so (`says_missing`) or a marker of `_LATE_MARKER`."""
    return says_missing(value) or _LATE_MARKER.fullmatch(value) is not None


def marks_missing_date(value: str) -> bool:
    """Whether a value among a date column's failures is a word written in a date's place
    ("Undated", "Various"; see `_DATE_MARKER_WORDS`)."""
    return _DATE_MARKER.fullmatch(value) is not None


# Digits of the shortest whole number past BIGINT's range (9,223,372,036,854,775,807 has 19).
_PAST_BIGINT_DIGITS = 20
_SMALL_BOUND = re.compile(r"\s*[0-9]{1,3}\+\s*")
# A top or bottom code grouped in thousands ("250,000+", "2,500-": the Census Bureau's
# incomes): no typo has that shape, so once will do.
_GROUPED_BOUND = re.compile(r"\s*[0-9]{1,3}(?:,[0-9]{3})+[+-]\s*")


def _marker_min_count(marker: str, total: int, config: InferenceConfig) -> float:
    """How often a marker must be sampled to stand for a missing value (see `MISSING_MARKER`)."""
    if _PUNCTUATION_MARKER.fullmatch(marker) or _GROUPED_BOUND.fullmatch(marker) or _SHAPELESS_MARKER.fullmatch(marker):
        return 1
    if says_missing(marker):
        return 1  # "unknown", "missing", "n.a.": missing even once
    if _DATE_MARKER.fullmatch(marker):
        return 1  # "Undated", "Various": no date has their shape
    if _WORD_MARKER.fullmatch(marker):
        return config.missing_min_count  # "nd", "np": the column's habit, not a stray
    return max(config.missing_min_count, config.missing_share * total)


def _passes(detector: Detector, weights: Weights, total: int, config: InferenceConfig) -> bool:
    accepted, marked = weights[detector.name]
    return accepted >= config.shortlist_share * total and not (detector.lenient and marked == 0)


def _fractions_beside_percents(common: list[tuple[str, int]]) -> tuple[str, str] | None:
    """A bare sampled value and a percentage (see `SampleFindings.fraction_scale`), or None."""
    number = DETECTORS["float"]
    bare = [v for v, _ in common if number.matches(v)]
    signed = [v for v, _ in common if "%" in v]
    try:
        fractions = [float(v) for v in bare]
        percents = [float(v.replace("%", "").replace(",", ".").strip()) for v in signed]
    except ValueError:
        return None
    if not fractions or not percents or max(fractions) <= 0:
        return None
    if all(0 <= f <= 1 for f in fractions) and all(p > 1 for p in percents):
        return max(bare, key=float).strip(), signed[0].strip()
    return None


# A number and a capital after a space, the shape of FAO's status flags ("381220 E").
_CAPITAL_AFTER = re.compile(r"\s*[-+]?[0-9][0-9 .]*\s([A-Z])\s*")
# Status flags mark some of a column's values (a FishStatJ column flags a tenth to a third of
# them); a unit is written on all or most (degrees Fahrenheit "12 F"), and letters of codes on
# every one (flats "12 E", "14 F").
_ONE_FLAG_SHARE = 0.5
_FLAGS_SHARE = 0.9


def _capitals_of_a_unit(common: list[tuple[str, int]], total: int) -> bool:
    """Whether the capitals after the sampled numbers are a unit's or part of codes, not
    status flags: one letter on half the values or more, several on nearly all."""
    letters: Counter[str] = Counter()
    for value, count in common:
        found = _CAPITAL_AFTER.fullmatch(value)
        if found:
            letters[found.group(1)] += count
    if not letters or total <= 0:
        return False
    share = letters.total() / total
    return share >= (_FLAGS_SHARE if len(letters) > 1 else _ONE_FLAG_SHARE)


def _needs_values(weights: Weights, total: int, config: InferenceConfig, name: str) -> bool:
    """Whether `_findings` reads the common values of the column ``name`` themselves (units,
    date separators, seasons, zones, postcodes)."""
    postal = DETECTORS["postal_code"]
    return (
        any(
            _passes(DETECTORS[reading], weights, total, config)
            for reading in (
                "unit_value", *sorted(NOTED_READINGS), "percent", "year_month", "ymd_slash_datetime", "labelled_scale",
                "zoned_date", "zoned_time", "json_object", "json_object_list", "number_array",
                *sorted(DAY_MONTH_PATTERNS),
            )
        )
        or (_passes(DETECTORS["iso_datetime"], weights, total, config) and weights["iso_datetime"][1] > 0)
        or (_passes(postal, weights, total, config) and postal.named is not None and postal.named(name))
        or (_passes(DETECTORS["compact_year_month"], weights, total, config) and (looks_like_year_month(name) or may_name_a_year_month(name)))
    )


def _accepted_weight(
    detector: Detector, common: list[tuple[str, int]], plain: set[str]
) -> tuple[int, int]:
    """(weight accepted by the detector, weight carrying its marks).

    For a lenient detector a value counts as marked only when it is not a plain number too:
    "50.123" has the shape of "1.234" (thousands) but reads as a number already, and a
    detector that only re-reads plain numbers is not worth scanning.
    """
    accepted = marked = 0
    for value, count in common:
        if detector.matches(value):
            accepted += count
            if not (detector.lenient and value in plain):
                marked += count
        elif detector.lenient and value in plain:
            accepted += count
    return accepted, marked


# The single quote ARFF wraps nominal values in.
QUOTE = "'"


def is_quoted(value: str) -> bool:
    """Whether a value is wrapped in single quotes ("'R82'"; see `quoted_sql`)."""
    return len(value) >= 2 and value[0] == value[-1] == QUOTE


def quoted_sql(col: str) -> str:
    """SQL boolean: the value is wrapped in single quotes, as ARFF writes nominal values."""
    return f"(length({col}) >= 2 AND prefix({col}, {lit(QUOTE)}) AND suffix({col}, {lit(QUOTE)}))"


def _weights_sql() -> str:
    """Per column of the common values: distinct and total counts, the longest value, the
    weight of the common values, the first with a leading zero, those shaped like a missing
    value's marker (with their weights), the weight of those with spaces around them and of
    those of them as long as the longest, the most common value, the weight of those wrapped
    in single quotes, the first number with a point and a leading zero and how many shapes the
    numbers with a point take (`_DOTTED_LEADING_ZERO`), then (accepted, marked)
    weights per detector, as `_accepted_weight` defines them."""
    number = lit(DETECTORS["float"].regex)
    matches = [f"regexp_full_match(v, {number}) AS plain"]
    aggregates = [
        "k", "any_value(n_distinct)", "any_value(n_values)", "any_value(longest)", "sum(c)",
        f"min(v) FILTER (WHERE regexp_full_match(v, {lit(_LEADING_ZERO.pattern)}))",
        f"list({{'v': v, 'c': c}}) FILTER (WHERE regexp_full_match(v, {lit(_SAMPLED_MARKER.pattern)}))",
        "sum(CASE WHEN v LIKE ' %' OR v LIKE '% ' THEN c ELSE 0 END)",
        "sum(CASE WHEN (v LIKE ' %' OR v LIKE '% ') AND length(v) = longest THEN c ELSE 0 END)",
        "arg_min(v, rank)",
        f"sum(CASE WHEN {quoted_sql('v')} THEN c ELSE 0 END)",
        f"min(v) FILTER (WHERE regexp_full_match(v, {lit(_DOTTED_LEADING_ZERO.pattern)}))",
        "count(DISTINCT regexp_replace(trim(v), '[0-9]', '9', 'g')) FILTER (WHERE plain AND contains(v, '.'))",
    ]
    for i, detector in enumerate(DETECTORS.values()):
        matches.append(f"regexp_full_match(v, {lit(detector.regex)}) AS m{i}")
        plain = "plain" if detector.lenient else "false"
        # (Sums of CASE, not FILTER clauses: 66 filtered aggregates took a third longer to plan
        # and run, 0.043 s against 0.030 s over a small file's values.)
        aggregates.append(f"sum(CASE WHEN m{i} OR {plain} THEN c ELSE 0 END)")
        aggregates.append(f"sum(CASE WHEN m{i} AND NOT {plain} THEN c ELSE 0 END)")
    inner = f"SELECT k, v, c, rank, n_distinct, n_values, longest, {', '.join(matches)} FROM {_COMMON}"
    return f"SELECT {', '.join(aggregates)} FROM ({inner}) GROUP BY k ORDER BY k"


def _row_weights(row: tuple[Any, ...]) -> Weights:
    """The detector weights of a `_weights_sql` row."""
    return {name: (int(row[13 + 2 * i]), int(row[14 + 2 * i])) for i, name in enumerate(DETECTORS)}


def _has_known_unit(detector: Detector, common: list[tuple[str, int]]) -> bool:
    tokens: Counter[str] = Counter()
    for value, count in common:
        if detector.matches(value):
            tokens["".join(ch for ch in value if ch not in _NUMBER_CHARS)] += count
    if not tokens:
        return False
    return value_unit(tokens.most_common(1)[0][0]) is not None


def _date_separator(common: list[tuple[str, int]]) -> str | None:
    """The separator after the first field of the day/month dates among the values (a space
    too: "31 01 2018 00:10"); year-first values (ISO dates beside them, see
    `date_patterns.iso_or_us_date`) and month names ("18-Apr-23" beside "13/04/2023", see
    `date_patterns.eu_or_month_name_date`) do not count."""
    separators: Counter[str] = Counter()
    for value, count in common:
        stripped = value.strip()
        for position, ch in enumerate(stripped):
            if not ch.isdigit():
                if ch in "/.- " and position <= 2 and stripped[position + 1 : position + 2].isdigit():
                    separators[ch] += count
                break
    return separators.most_common(1)[0][0] if separators else None
