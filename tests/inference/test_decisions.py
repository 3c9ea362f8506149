"""How inference decides: ambiguities, codes, junk, thresholds, sparse and empty columns."""

from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb
import pytest

from datadossier.inference import DEFAULT_CONFIG, failed_condition, infer_columns, typed_expression
from datadossier.inference.names import looks_like_identifier
from tests.inference.helpers import RELATION, Infer, build_raw_table, utc_bounds


def test_day_first_when_a_first_field_is_above_12(infer: Infer, con: duckdb.DuckDBPyConnection) -> None:
    result = infer({"d": ["13/04/2021", "03/04/2021", "01/02/2021"]})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "eu_date")
    assert "ambiguous_day_month" not in result.candidates[0].details
    expression = typed_expression('"d"', "DATE", "eu_date")
    rows = con.execute(f"SELECT d, {expression} FROM {RELATION} ORDER BY _row_id").fetchall()
    assert rows[1] == ("03/04/2021", dt.date(2021, 4, 3))


def test_month_first_when_a_second_field_is_above_12(infer: Infer) -> None:
    result = infer({"d": ["04/13/2021", "03/04/2021", "01/02/2021"]})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "us_date")
    assert result.candidates[1].detected_pattern == "eu_date"
    assert result.candidates[1].parse_success_rate == 2 / 3


def test_slash_dates_with_all_fields_up_to_12_are_ambiguous_and_read_month_first(infer: Infer) -> None:
    result = infer({"d": ["03/04/2021", "01/02/2021", "12/11/2020"]})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "us_date")
    assert result.candidates[0].details["ambiguous_day_month"] is True
    assert result.candidates[0].confidence == 0.7
    assert "ambiguous" in result.reason
    assert "MM/DD" in result.reason


def test_dotted_dates_with_all_fields_up_to_12_are_ambiguous_and_read_day_first(infer: Infer) -> None:
    result = infer({"d": ["03.04.2021", "01.02.2021", "12.11.2020"]})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "eu_date")
    assert result.candidates[0].details["ambiguous_day_month"] is True
    assert "DD.MM" in result.reason


def test_codes_with_leading_zeros_stay_varchar(infer: Infer) -> None:
    results = infer({"zip": ["00501", "02134", "90210", "10001"], "account": ["0042", "0107", "0999", "1234"]})
    for name, example, pattern in (("zip", "'00501'", "postal_code"), ("account", "'0042'", None)):
        result = results[name]
        assert (result.decided_type, result.decided_pattern) == ("VARCHAR", pattern)
        assert "leading zero" in result.reason
        assert example in result.reason
        integer = next(c for c in result.candidates if c.data_type == "INTEGER")
        assert integer.parse_success_rate == 1.0
        assert integer.details["leading_zeros"] == (2 if name == "zip" else 3)


def test_zero_padded_counts_and_measures_are_numbers_under_such_a_name(infer: Infer) -> None:
    # The FAA registry's ACFTREF and ENGINE files, fixed-width records: NO-ENG "01", NO-SEATS
    # "004", SPEED "0000", HORSEPOWER "00150", each padded with zeros to its field's width.
    results = infer({
        "CODE": ["0010101", "2072704", "1384113", "0560012", "2170218"] * 4,
        "NO-ENG": ["01", "01", "02", "01", "02"] * 4,
        "NO-SEATS": ["002", "004", "189", "006", "396"] * 4,
        "SPEED": ["0000", "0124", "0000", "0176", "0183"] * 4,
        "HORSEPOWER": ["00150", "00180", "00000", "00310", "01200"] * 4,
        "Account No": ["0042", "0107", "0999", "1234", "0001"] * 4,
    })
    found = {name: (r.decided_type, r.bounds) for name, r in results.items()}
    assert found == {
        "CODE": ("VARCHAR", None), "NO-ENG": ("INTEGER", (1.0, 2.0)), "NO-SEATS": ("INTEGER", (2.0, 396.0)),
        "SPEED": ("INTEGER", (0.0, 183.0)), "HORSEPOWER": ("INTEGER", (0.0, 1200.0)), "Account No": ("VARCHAR", None),
    }
    assert "padded with leading zeros to one width" in (results["NO-SEATS"].reason or "")


def test_a_zero_padded_on_its_right_is_no_leading_zero(infer: Infer) -> None:
    # The FAA registry's fields are left-justified with spaces: TYPE ENGINE "0 " beside "1 " and
    # "11" was a code with a leading zero, kept as text.
    engines = ["0 ", "1 ", "11", "5 ", "0 ", "2 ", "1 ", "0 ", "1 ", "0 "] * 20
    seats = ["0   ", "12  ", "4   ", "180 ", "0   "] * 40
    results = infer({"type_engine": engines, "seats": seats, "code": ["01 ", "12 ", "0  ", "07 "] * 50})
    assert results["type_engine"].decided_type == "INTEGER"
    assert results["seats"].decided_type == "INTEGER"
    assert results["code"].decided_type == "VARCHAR"  # "01 " and "07 " do carry one


def test_codes_whose_leading_zeros_sit_where_the_sample_does_not_look_stay_varchar(infer: Infer) -> None:
    # Zips sorted so that the Northeast's (02138) come last: the sample's blocks never met one,
    # and 5% of the codes lost their zeros as integers.
    zips = [f"{10_000 + (i * 7) % 89_000:05d}" for i in range(19_000)] + [f"{501 + i:05d}" for i in range(1_000)]
    result = infer({"zipba": zips})["zipba"]
    assert result.decided_type == "VARCHAR"
    assert "1,000 values (5.0% of those that read as whole numbers) are written with a leading zero" in result.reason


def test_eight_digit_ids_in_one_month_do_not_become_dates(infer: Infer) -> None:
    ids = [str(20210101 + i) for i in range(25)]  # all valid dates, but a dense id range
    result = infer({"ref": ids})["ref"]
    assert result.decided_type == "INTEGER"
    compact = next(c for c in result.candidates if c.detected_pattern == "compact_date")
    assert compact.parse_success_rate == 1.0
    assert compact.details["name_evidence"] is False
    assert "YYYYMMDD" in result.reason


def test_numbers_all_in_parentheses_are_no_accounting_negatives(infer: Infer) -> None:
    # MoMA's Artworks: the artist's BeginDate "(1930)", "(0)" for unknown; read as -1930. A
    # column with some amounts in parentheses among others keeps accounting's minus.
    years = [f"({1850 + i % 120})" if i % 7 else "(0)" for i in range(140)]
    amounts = [f"({i % 50 + 1},{i % 1000:03d}.50)" if i % 4 == 0 else f"{i % 50 + 1},{i % 1000:03d}.50" for i in range(140)]
    result = infer({"BeginDate": years, "amount": amounts})
    assert result["BeginDate"].decided_type == "VARCHAR"
    assert (result["amount"].decided_type, result["amount"].decided_pattern) == ("DOUBLE", "grouped_number")


def test_unix_seconds_under_last_fm_s_uts_are_times(infer: Infer) -> None:
    # Last.fm's scrobble export: uts 1680341799 (Unix seconds) beside utc_time "01 Apr 2023, 09:36".
    result = infer({"uts": [str(1680341799 - 1133 * i) for i in range(60)]})
    assert (result["uts"].decided_type, result["uts"].decided_pattern) == ("TIMESTAMP", "epoch_seconds")


def _cdr_moments() -> list[dt.datetime]:
    """A day and a half of calls, every 37 minutes and 11 seconds from 2023-04-01 10:15:22."""
    return [dt.datetime(2023, 4, 1, 10, 15, 22) + dt.timedelta(seconds=2231 * i) for i in range(60)]


def test_3gpp_bcd_timestamps_are_written_times_not_unix_microseconds_of_the_2040s(infer: Infer) -> None:
    # A charging record's recordOpeningTime as decoders print 3GPP's BCD TimeStamp (TS 32.298):
    # 2304011015220100, YYMMDDhhmmss and the offset 0100, was Unix microseconds of 2043.
    moments = _cdr_moments()
    result = infer({
        "recordOpeningTime": [m.strftime("%y%m%d%H%M%S") + "0100" for m in moments],
        "recordClosingTime": [m.strftime("%y%m%d%H%M%S") + "+0100" for m in moments],
    })
    unsigned, signed = result["recordOpeningTime"], result["recordClosingTime"]
    assert (unsigned.decided_type, unsigned.decided_pattern) == ("TIMESTAMP", "cdr_timestamp")
    assert unsigned.bounds == utc_bounds((2023, 4, 1, 10, 15, 22), (2023, 4, 2, 22, 49, 11))
    assert "not applied" in unsigned.reason
    assert (signed.decided_type, signed.decided_pattern) == ("TIMESTAMP", "cdr_timestamp")
    assert signed.bounds == utc_bounds((2023, 4, 1, 9, 15, 22), (2023, 4, 2, 21, 49, 11))


def test_unix_times_all_far_in_the_future_are_no_times(infer: Infer) -> None:
    # Sixteen digits that read as Unix microseconds of 2043 only (a record's key, or a
    # timestamp written otherwise): no record is written twenty years ahead.
    result = infer({"created_at": [str(2_300_000_000_000_000 + 7_919_000_000 * i) for i in range(60)]})["created_at"]
    assert result.decided_type == "BIGINT"
    assert "more than a year from now" in result.reason


def test_yymmddhhmmss_under_a_time_s_name_is_a_timestamp(infer: Infer) -> None:
    # Ericsson's and Nokia's MSC CDRs: ANSWER_TIME 230401101530, beside DATE_START_CHARGE 230401.
    values = [m.strftime("%y%m%d%H%M%S") for m in _cdr_moments()]
    result = infer({"ANSWER_TIME": values, "CALL_REF": values})
    assert (result["ANSWER_TIME"].decided_type, result["ANSWER_TIME"].decided_pattern) == (
        "TIMESTAMP", "compact_short_datetime"
    )
    assert result["ANSWER_TIME"].bounds == utc_bounds((2023, 4, 1, 10, 15, 22), (2023, 4, 2, 22, 49, 11))
    assert result["CALL_REF"].decided_type == "BIGINT"


def test_hhmmss_under_a_clock_time_s_name_is_a_time_of_day(infer: Infer) -> None:
    # The same CDRs' TIME_START_CHARGE 101530 and 000130: a code of leading zeros, kept as text.
    values = [m.strftime("%H%M%S") for m in _cdr_moments()]
    result = infer({"TIME_START_CHARGE": values})["TIME_START_CHARGE"]
    assert (result.decided_type, result.decided_pattern) == ("TIME", "hhmmss_time")
    seconds = [m.hour * 3600 + m.minute * 60 + m.second for m in _cdr_moments()]
    assert result.bounds == (min(seconds), max(seconds))


def test_unix_nanoseconds_under_a_time_s_name_are_timestamps(infer: Infer) -> None:
    # InfluxDB's and OpenTelemetry's exports: record_time 1680344122123456789, read to the microsecond.
    values = [str(1_680_344_122_123_456_789 + 2_231_000_000_000 * i) for i in range(60)]
    result = infer({"record_time": values, "span_ref": values})
    assert (result["record_time"].decided_type, result["record_time"].decided_pattern) == ("TIMESTAMP", "epoch_nanos")
    assert result["record_time"].bounds is not None
    assert result["record_time"].bounds[0] == 1_680_344_122.123456
    assert "cut to microseconds" in result["record_time"].reason
    assert result["span_ref"].decided_type == "BIGINT"


def test_iso_timestamps_with_nanoseconds_say_they_are_cut_to_microseconds(infer: Infer) -> None:
    # The Things Network's uplinks: received_at "2023-04-01T10:15:12.292806869Z".
    values = [f"2023-04-01T10:{i:02d}:12.292806869Z" for i in range(60)]
    result = infer({"received_at": values, "sent_at": [v.replace(".292806869", ".292806") for v in values]})
    assert (result["received_at"].decided_type, result["received_at"].decided_pattern) == ("TIMESTAMP", "iso_datetime")
    assert ".292806869Z') are cut to microseconds" in result["received_at"].reason
    assert "cut to microseconds" not in result["sent_at"].reason


def test_six_digit_dates_under_a_date_s_name_are_dates(infer: Infer) -> None:
    # The PKDD'99 Czech bank's account.date "930705" (1993-07-05): a number, averaged to
    # 954543.7. Without a date's name, six digits stay a number.
    days = [dt.date(1993, 1, 1) + dt.timedelta(days=11 * i) for i in range(60)]
    values = [d.strftime("%y%m%d") for d in days]
    result = infer({"date": values, "ref": values})
    assert (result["date"].decided_type, result["date"].decided_pattern) == ("DATE", "compact_yymmdd")
    assert "YYMMDD" in result["date"].reason
    assert result["ref"].decided_type == "INTEGER"


def test_random_eight_digit_ids_are_integers(infer: Infer) -> None:
    result = infer({"ref": [str(10_000_000 + 7919 * i) for i in range(60)]})["ref"]
    assert result.decided_type == "INTEGER"
    assert all(c.detected_pattern != "compact_date" for c in result.candidates)


def test_eight_digit_dates_spread_over_months_become_dates_without_a_name(infer: Infer) -> None:
    days = [dt.date(2021, 1, 1) + dt.timedelta(days=9 * i) for i in range(30)]
    result = infer({"x": [d.strftime("%Y%m%d") for d in days]})["x"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "compact_date")
    assert result.candidates[0].confidence == 0.7
    assert result.candidates[1].data_type == "INTEGER"


def test_compact_dates_under_names_that_glue_date_to_other_capitals_are_dates(infer: Infer) -> None:
    # The FDA's NDC product file: STARTMARKETINGDATE, and EFFDATE in older federal extracts,
    # one token in capitals; a count of updates or a candidate's number says no date.
    days = [dt.date(2009, 12, 1) + dt.timedelta(days=i) for i in range(8)]
    values = [d.strftime("%Y%m%d") for d in days]
    for column in ("STARTMARKETINGDATE", "EFFDATE", "ENDDATE"):
        result = infer({column: values})[column]
        assert (result.decided_type, result.decided_pattern) == ("DATE", "compact_date"), column
    for column in ("UPDATECOUNT", "CANDIDATE"):
        assert infer({column: values})[column].decided_type == "INTEGER", column


def test_compact_dates_of_one_day_beside_the_table_s_compact_dates_are_dates(infer: Infer) -> None:
    # The NDC product file's LISTING_RECORD_CERTIFIED_THROUGH: 20251231 in every row, no name
    # nor spread to go by, beside STARTMARKETINGDATE's yyyymmdd dates. Alone it stays a number.
    starts = [(dt.date(1996, 6, 14) + dt.timedelta(days=97 * i)).strftime("%Y%m%d") for i in range(40)]
    through = ["20251231"] * 40
    result = infer({"STARTMARKETINGDATE": starts, "LISTING_RECORD_CERTIFIED_THROUGH": through})
    certified = result["LISTING_RECORD_CERTIFIED_THROUGH"]
    assert (certified.decided_type, certified.decided_pattern) == ("DATE", "compact_date")
    assert "the table's other dates" in certified.reason
    alone = infer({"LISTING_RECORD_CERTIFIED_THROUGH": through})["LISTING_RECORD_CERTIFIED_THROUGH"]
    assert alone.decided_type == "INTEGER"


def test_month_day_year_dates_written_with_leading_zeros_are_dates(infer: Infer) -> None:
    # The FEC's TRANSACTION_DT, "01152020": a date by its name, or by valid dates over months;
    # eight-digit codes with a leading zero stay text.
    days = [dt.date(2019, 1, 3) + dt.timedelta(days=11 * i) for i in range(40)]
    values = [d.strftime("%m%d%Y") for d in days]
    result = infer({"TRANSACTION_DT": values, "column13": values, "code": [f"0{1000000 + 7919 * i}" for i in range(40)]})
    for column in ("TRANSACTION_DT", "column13"):
        assert (result[column].decided_type, result[column].decided_pattern) == ("DATE", "compact_mdy"), column
        assert "MMDDYYYY" in result[column].reason
        assert result[column].bounds == utc_bounds((2019, 1, 3), (days[-1].year, days[-1].month, days[-1].day))
    assert "leading zero" not in result["TRANSACTION_DT"].reason
    assert result["code"].decided_type == "VARCHAR"


def test_numeric_column_with_junk_stays_numeric_with_failed_examples(
    infer: Infer, con: duckdb.DuckDBPyConnection
) -> None:
    values = [str(i) for i in range(1, 98)] + ["??", "#VALUE!", "1O"]
    result = infer({"qty": values})["qty"]
    assert result.decided_type == "INTEGER"
    decided = result.candidates[0]
    assert decided.parse_success_rate == 0.97
    assert sorted(decided.failed_examples) == ["#VALUE!", "1O", "??"]
    assert "3 values do not parse" in result.reason
    condition = failed_condition('"qty"', result.decided_type, result.decided_pattern)
    failing = con.execute(f"SELECT qty FROM {RELATION} WHERE {condition} ORDER BY qty").fetchall()
    assert failing == [("#VALUE!",), ("1O",), ("??",)]


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("StockCode", ["85123A", "84406B", "POST"]),  # product codes with letters (Online Retail)
        ("InvoiceNo", ["C536379", "C536383", "C536391"]),  # cancellations
        ("customer_id", ["X-1009", "X-1010", "X-1011"]),
        ("NCUSIP", ["G0176J10", "Y2573F10", "N07059AL"]),  # CRSP's CUSIPs of foreign issuers
        ("ISIN", ["US0378331005", "GB0002634946", "DE0007164600"]),
    ],
)
def test_an_identifier_with_codes_among_its_numbers_stays_text(infer: Infer, name: str, codes: list[str]) -> None:
    # 3% of the values: numeric by the junk rule, but these are codes, not junk to quarantine.
    values = [str(536365 + i) for i in range(97)] + codes
    result = infer({name: values})[name]
    assert result.decided_type == "VARCHAR"
    assert "codes with letters" in (result.reason or "")
    assert result.candidates[0].data_type == "VARCHAR"


@pytest.mark.parametrize("codes", [["B", "SL", "Shuttle", "34E", "57A", "70A"], ["SL", "57A"]])
def test_a_label_with_codes_among_its_numbers_stays_text(infer: Infer, codes: list[str]) -> None:
    # GTFS's route_short_name: bus numbers, and the Silver Line, a shuttle, express "34E".
    # As INTEGER those routes went to quarantine; with "57A" alone the column read as amperes.
    values = [str(i) for i in range(1, 149)] + codes
    result = infer({"route_short_name": values})["route_short_name"]
    assert result.decided_type == "VARCHAR"
    assert "named as a label" in (result.reason or "")


@pytest.mark.parametrize("name", ["Invoice", "Order"])
def test_the_columns_numbers_with_letters_are_codes_whatever_the_name(infer: Infer, name: str) -> None:
    # Online Retail II's Invoice: cancellations are the invoice's number with a "C" before it.
    values = [str(489434 + i) for i in range(97)] + ["C489440", "C489441", "C489499"]
    result = infer({name: values})[name]
    assert result.decided_type == "VARCHAR"
    assert "numbers with letters (e.g. 'C48944" in (result.reason or "")


def test_product_codes_with_letters_beside_words_are_codes_whatever_the_name(infer: Infer) -> None:
    # Online Retail's StockCode under another name: "85123A" read as 85,123 amperes, and
    # "POST", "DOT", "M" sent to quarantine.
    values = [str(10002 + 160 * i) for i in range(485)] + ["85123A", "84406B", "22423A", "47566B", "POST", "DOT", "M"] * 2 + ["85099A"]
    result = infer({"Item": values})["Item"]
    assert result.decided_type == "VARCHAR"
    assert "numbers with letters (e.g. '85123A')" in (result.reason or "")


@pytest.mark.parametrize(
    "failing",
    [
        ["1O", "2O", "3O"],  # typos: too short to be the column's numbers
        ["C1", "C2", "C3"],
        ["X999999", "X999998", "X999997"],  # outside the range of the numbers
        ["C489440", "??", "#VALUE!"],  # not every failure is a lettered number
    ],
)
def test_other_failures_in_a_column_named_otherwise_stay_junk(infer: Infer, failing: list[str]) -> None:
    values = [str(489434 + i) for i in range(97)] + failing
    assert infer({"Invoice": values})["Invoice"].decided_type == "INTEGER"


def test_whole_numbers_with_a_zero_fraction_are_integers(infer: Infer) -> None:
    # pandas writes an integer column that had a missing value as floats: "17850.0".
    ids = infer({"CustomerID": [f"{12346 + 7 * i}.0" for i in range(30)] + [None]})["CustomerID"]
    assert ids.decided_type == "INTEGER"
    assert ids.candidates[0].parse_success_rate == 1.0
    # Some values with a real fraction: a number column.
    mixed = infer({"rating": ["3.0", "4.5", "5.0", "2.5"] * 8})["rating"]
    assert mixed.decided_type == "DOUBLE"
    # Amounts with their cents written stay numbers, whole or not.
    amounts = infer({"Bonus": ["4100.00", "2000.00", "3500.00"] * 10})["Bonus"]
    assert amounts.decided_type == "DOUBLE"


def test_junk_in_an_identifier_column_is_still_junk(infer: Infer) -> None:
    values = [str(i) for i in range(1, 98)] + ["??", "#VALUE!", "n/a?"]
    assert infer({"order_id": values})["order_id"].decided_type == "INTEGER"


def test_too_much_junk_keeps_varchar_and_says_how_much_parsed(infer: Infer) -> None:
    values = [str(i) for i in range(90)] + [f"n/a-ish {i}" for i in range(10)]
    result = infer({"qty": values})["qty"]
    assert result.decided_type == "VARCHAR"
    assert "90.0%" in result.reason
    assert result.candidates[0].data_type == "VARCHAR"


def test_small_columns_must_parse_completely(infer: Infer) -> None:
    result = infer({"qty": [str(i) for i in range(1, 19)] + ["??"]})["qty"]
    assert result.non_null_count == 19
    assert result.decided_type == "VARCHAR"


def test_zero_one_column_without_a_flag_name_is_an_integer(infer: Infer) -> None:
    result = infer({"score": ["0", "1", "1", "0"]})["score"]
    assert result.decided_type == "INTEGER"
    boolean = next(c for c in result.candidates if c.data_type == "BOOLEAN")
    assert boolean.details["ambiguous_zero_one"] is True
    assert "0/1" in result.reason


def test_zero_one_column_with_a_flag_name_is_boolean(infer: Infer) -> None:
    results = infer({
        "is_active": ["0", "1", "1", "0"], "deleted_flag": ["1", "0", "0", "0"],
        "Physician_Ownership_Indicator": ["1", "0", "0", "0"],  # (CMS Open Payments)
    })
    assert results["is_active"].decided_type == "BOOLEAN"
    assert results["deleted_flag"].decided_type == "BOOLEAN"
    assert results["Physician_Ownership_Indicator"].decided_type == "BOOLEAN"
    # BTS's CANCELLED writes its flag 0.00 and 1.00; a share of 0.00 and 1.00 stays a number.
    flags = ["0.00", "1.00", "0.00", "0.00"]
    results = infer({"CANCELLED": flags, "share": flags})
    assert (results["CANCELLED"].decided_type, results["share"].decided_type) == ("BOOLEAN", "DOUBLE")


def test_integer_or_bigint_by_range(infer: Infer) -> None:
    results = infer({"small": ["1", "2147483647"], "big": ["1", "3000000000"]})
    assert results["small"].decided_type == "INTEGER"
    assert results["big"].decided_type == "BIGINT"
    assert "INTEGER range" in results["big"].reason


def test_mixed_currencies_stay_varchar(infer: Infer) -> None:
    result = infer({"price": ["$12.00", "€13.50", "$1.00", "€2.00"]})["price"]
    assert result.decided_type == "VARCHAR"
    assert "several units or currencies" in result.reason


def test_letters_of_several_kinds_under_an_identifier_s_name_are_no_units(infer: Infer) -> None:
    # FAA's N-NUMBER: tail numbers of digits, some ending in letters ("801DZ", "552NW", "9248S"),
    # were said to carry several units or currencies.
    values = ["12345", "1A", "100", "801DZ", "552NW", "9248S", "77510", "696LR", "31TH", "4415"] * 20
    result = infer({"N-NUMBER": values})["N-NUMBER"]
    assert result.decided_type == "VARCHAR"
    assert "units or currencies" not in result.reason
    assert "part of the identifiers, not units" in result.reason


def test_mixed_units_stay_varchar(infer: Infer) -> None:
    result = infer({"weight": ["12 kg", "5 lb", "3 kg", "1 lb"]})["weight"]
    assert result.decided_type == "VARCHAR"
    unit_candidate = next(c for c in result.candidates if c.detected_pattern == "unit_value")
    assert sorted(unit_candidate.details["units_seen"]) == ["kg", "lb"]  # type: ignore[arg-type]


def test_amounts_that_read_both_ways_take_the_thousands_reading(infer: Infer) -> None:
    results = infer({"usd": ["$1,234", "$2,500", "$7"], "eur": ["€1.234", "€2.500", "€7"]})
    assert (results["usd"].decided_pattern, results["usd"].bounds) == ("currency", (7.0, 2500.0))
    assert (results["eur"].decided_pattern, results["eur"].bounds) == ("currency_eu", (7.0, 2500.0))
    assert results["usd"].candidates[0].details["ambiguous_decimal_separator"] is True


def test_plain_numbers_are_not_reported_as_currency(infer: Infer) -> None:
    result = infer({"amount": ["12.50", "3.00", "7.25"]})["amount"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", None)
    assert all(c.detected_pattern is None for c in result.candidates)


def test_currency_column_with_some_bare_amounts_stays_currency(infer: Infer) -> None:
    result = infer({"price": ["$12.50", "$3.00", "7.25", "$1,000.00"]})["price"]
    assert (result.decided_type, result.decided_pattern) == ("DECIMAL", "currency")
    assert result.candidates[0].parse_success_rate == 1.0
    assert result.candidates[0].pattern_match_rate == 0.75


def test_empty_column_stays_varchar(infer: Infer) -> None:
    result = infer({"nothing": [None, None, None]})["nothing"]
    assert (result.decided_type, result.non_null_count) == ("VARCHAR", 0)
    assert "no non-null values" in result.reason


def test_free_text_stays_varchar_with_one_candidate(infer: Infer) -> None:
    result = infer({"note": ["hello there", "call me", "ok"]})["note"]
    assert result.decided_type == "VARCHAR"
    assert [c.data_type for c in result.candidates] == ["VARCHAR"]


def test_candidates_come_best_first_and_varchar_is_always_offered(infer: Infer) -> None:
    result = infer({"qty": ["1", "2", "3"]})["qty"]
    assert [c.data_type for c in result.candidates] == ["INTEGER", "DOUBLE", "VARCHAR"]
    confidences = [c.confidence for c in result.candidates]
    assert confidences == sorted(confidences, reverse=True)


def test_sparse_column_is_sampled_from_its_non_null_values(infer: Infer) -> None:
    config = dataclasses.replace(DEFAULT_CONFIG, sample_rows=40, sample_blocks=2)
    values: list[str | None] = [None] * 990 + [str(i) for i in range(10)]
    result = infer({"rare": values}, config=config)["rare"]
    assert (result.decided_type, result.non_null_count) == ("INTEGER", 10)


def test_large_tables_are_sampled_in_blocks_and_scanned_whole(infer: Infer) -> None:
    config = dataclasses.replace(DEFAULT_CONFIG, sample_rows=100)
    values = [str(i) for i in range(5000)]
    values[4321] = "oops"
    result = infer({"n": values}, config=config)["n"]
    assert result.decided_type == "INTEGER"
    assert result.candidates[0].failed_examples == ["oops"]
    assert result.candidates[0].parse_success_rate == 4999 / 5000


def test_a_view_is_sampled_from_its_first_rows(con: duckdb.DuckDBPyConnection) -> None:
    values: list[str | None] = [f"{1 + i % 12:02d}/{1 + i % 28:02d}/2021" for i in range(500)]
    build_raw_table(con, {"d": values})
    con.execute(f'CREATE VIEW "raw"."test.v" AS SELECT * FROM {RELATION}')
    config = dataclasses.replace(DEFAULT_CONFIG, sample_rows=50)
    [result] = infer_columns(con, '"raw"."test.v"', [("d", "VARCHAR")], config=config)
    assert (result.decided_type, result.decided_pattern) == ("DATE", "us_date")


def test_column_names_with_quotes_dots_and_spaces(infer: Infer) -> None:
    name = 'we"ird.name kg'
    result = infer({name: ["1.5", "2", "3"]})[name]
    assert (result.decided_type, result.candidates[0].detected_unit) == ("DOUBLE", "kg")


def test_integers_beyond_bigint_stay_exact_text(infer: Infer) -> None:
    # 20-digit identifiers: DOUBLE would read them all, with their last digits lost.
    values = [str(12345678901234567890 + 7919 * i) for i in range(30)] + ["42"]
    result = infer({"account": values})["account"]
    assert result.decided_type == "VARCHAR"
    assert "BIGINT range" in (result.reason or "")
    # Under an identifier's name too (SDSS's specObjID), not said to hold decimal points.
    named = infer({"specObjID": values})["specObjID"]
    assert named.decided_type == "VARCHAR"
    assert "BIGINT range" in (named.reason or "")
    assert "decimal point" not in (named.reason or "")
    # Large measurements written with decimals are still numbers.
    floats = infer({"mass": [f"{1.5e20 * (i + 1):.1f}" for i in range(30)]})["mass"]
    assert floats.decided_type == "DOUBLE"
    # So is an amount with a few outliers past BIGINT among whole numbers that fit (the Stack
    # Overflow survey's CompTotal): numbers, none quarantined.
    amounts = [str(20_000 + 37 * i) for i in range(997)] + ["1e+150", "99999999999999999999", "1111111111111111"]
    comp = infer({"CompTotal": amounts})["CompTotal"]
    assert (comp.decided_type, comp.candidates[0].parse_success_rate) == ("DOUBLE", 1.0)


@pytest.mark.parametrize("name", ["value", "RawAmount", "value_wei", "amount"])
def test_whole_amounts_past_bigint_under_an_amount_s_name_are_exact_decimals(infer: Infer, name: str) -> None:
    # Dune's transactions.value in wei (1 ETH is 10**18) beside zeros, Etherscan's RawAmount
    # of a token's base units: kept as text ("identifiers, most likely"), with no min or max.
    values = ["0", "1000000000000000000", "250000000000000000000", "104044568318721297", "31415926535897932384626"] * 8
    result = infer({name: values})[name]
    assert (result.decided_type, result.decided_pattern) == ("DECIMAL", "whole_amount")
    assert result.candidates[0].parse_success_rate == 1.0
    assert result.bounds == (0.0, float(31415926535897932384626))
    assert "DECIMAL(38,0)" in result.reason
    # Whole amounts that fit BIGINT stay integers, under the same name.
    small = infer({name: [str(10**17 + i) for i in range(40)]})[name]
    assert (small.decided_type, small.decided_pattern) == ("BIGINT", None)


def test_a_code_glued_to_a_number_is_no_money(infer: Infer) -> None:
    # EPA's AQS daily data: Datum "NAD83" (or "NAD27", "WGS84"); NAD is the Namibian dollar.
    result = infer({"Datum": ["NAD83"] * 30 + ["NAD27"] * 5})["Datum"]
    assert result.decided_type == "VARCHAR"
    # (the reason said the reading "parses only 100.0%")
    assert "set aside here (codes glued to numbers)" in (result.reason or "")
    money = infer({"fee": ["USD 83", "USD 27", "USD 12.50"] * 10})["fee"]
    assert money.decided_type == "DECIMAL"


def test_keys_of_a_currency_code_a_dash_and_a_number_are_no_money(infer: Infer) -> None:
    # A Jira export of a project keyed PHP (the Philippine peso's code): Issue key "PHP-101";
    # ServiceNow's u_vendor_ticket "VND-4821"; and such keys under a name that says neither.
    results = infer({
        "Issue key": [f"PHP-{101 + i}" for i in range(40)],
        "u_vendor_ticket": [f"VND-{4821 + 37 * i}" for i in range(40)],
        "Reference line": [f"CAD-{7 + i}" for i in range(40)],
        "net": ["USD -5.00", "-USD 12.50", "USD 3.00", "USD 8.25"] * 10,
    })
    for name, example in (("Issue key", "'PHP-101'"), ("u_vendor_ticket", "'VND-4821'"), ("Reference line", "'CAD-7'")):
        result = results[name]
        assert result.decided_type == "VARCHAR", name  # (was DECIMAL, -101 PHP)
        assert "keys such as Jira's issue keys" in (result.reason or "")
        assert example in (result.reason or "")
    assert results["net"].decided_type == "DECIMAL"
    assert results["net"].bounds == (-12.5, 8.25)


def test_iso_intervals_written_start_slash_end_are_read_as_their_start(infer: Infer) -> None:
    # An AWS Cost and Usage Report's identity/TimeInterval: hourly line items and a monthly one
    # (CUR 2.0's identity_time_interval holds the same), as ENTSO-E's "start - end" is read.
    hours = [f"2023-04-01T{h:02d}:00:00Z/2023-04-01T{h + 1:02d}:00:00Z" for h in range(20)]
    result = infer({"identity/TimeInterval": [*hours, "2023-04-01T00:00:00Z/2023-05-01T00:00:00Z"]})["identity/TimeInterval"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "datetime_interval")  # (was VARCHAR)
    assert result.bounds == utc_bounds((2023, 4, 1), (2023, 4, 1, 19))


def test_accounting_negatives_in_a_currency_column(infer: Infer) -> None:
    result = infer({"net": ["$1,234.50", "($12.00)", "(USD 3.50)", "$0.99", "( $7.25 )"]})["net"]
    assert (result.decided_type, result.decided_pattern) == ("DECIMAL", "currency")
    assert result.candidates[0].detected_unit == "USD"
    assert result.bounds == (-12.0, 1234.5)


def test_timestamps_with_a_zone_name_are_read_in_utc(infer: Infer) -> None:
    values = ["2021-03-04 05:06:07 UTC", "2021-03-04 05:06:07 Europe/Berlin", "2021-03-04T08:00:00 GMT"]
    result = infer({"logged_at": values})["logged_at"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "iso_datetime")
    assert result.bounds == utc_bounds((2021, 3, 4, 4, 6, 7), (2021, 3, 4, 8, 0, 0))


def test_dates_mixed_with_date_times_are_timestamps_not_truncated_dates(infer: Infer) -> None:
    # Most values are plain dates, so both readings are tried; the date reading must not
    # accept a value with a time by dropping it.
    values = [f"2021-03-{d:02d}" for d in range(1, 21)] + ["2021-03-21 14:30:00", "2021-03-22 08:00:00"]
    result = infer({"happened": values})["happened"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "iso_datetime")
    assert result.bounds is not None
    assert result.bounds[1] == dt.datetime(2021, 3, 22, 8, 0, tzinfo=dt.UTC).timestamp()


def test_times_with_points_under_a_dates_name_stay_text(infer: Infer) -> None:
    # YouTube's trending videos: trending_date written YY.DD.MM, which reads as hh.mm.ss.
    values = [f"{17 + i % 2}.{1 + i % 28:02d}.{1 + i % 12:02d}" for i in range(200)]
    results = infer({"trending_date": values, "Time": values})
    assert results["trending_date"].decided_type == "VARCHAR"
    assert "name says date" in results["trending_date"].reason
    assert results["Time"].decided_type == "TIME"


def test_one_yes_no_spelling_throughout_is_a_code_unless_the_name_says_yes_no(infer: Infer) -> None:
    # The FEC's amendment indicator: "N" in every row of a file.
    # US Accidents' Turning_Loop: "False" in every row, a word that says a truth value.
    results = infer({
        "amndt_ind": ["N"] * 50, "is_amended": ["N"] * 50, "flag2": ["Y", "N"] * 25, "Turning_Loop": ["False"] * 50,
        "Accepts SMS Marketing": ["no"] * 50,  # (Shopify's customers, in a store that never asked)
    })
    assert results["amndt_ind"].decided_type == "VARCHAR"
    assert "same yes/no spelling" in results["amndt_ind"].reason
    assert results["is_amended"].decided_type == "BOOLEAN"
    assert results["flag2"].decided_type == "BOOLEAN"
    assert results["Turning_Loop"].decided_type == "BOOLEAN"
    assert results["Accepts SMS Marketing"].decided_type == "BOOLEAN"


def test_one_yes_no_spelling_throughout_is_a_flag_beside_yes_no_columns_named_alike(infer: Infer) -> None:
    # The IRS's SOI 990 extract: politicalactvtscd and subjto6033cd are "N" in every row of a
    # year's file, beside lbbyingactvtscd's Y and N; a code of one letter named otherwise
    # (grade) stays text.
    results = infer({
        "lbbyingactvtscd": ["Y", "N", "N"] * 20, "politicalactvtscd": ["N"] * 60, "subjto6033cd": ["N"] * 60,
        "grade": ["N"] * 60,
    })
    assert results["politicalactvtscd"].decided_type == "BOOLEAN"
    assert "named alike (lbbyingactvtscd)" in results["politicalactvtscd"].reason
    assert results["subjto6033cd"].decided_type == "BOOLEAN"
    assert results["grade"].decided_type == "VARCHAR"


def test_one_yes_no_spelling_beside_other_words_is_a_category(infer: Infer) -> None:
    # The diabetes study's repaglinide: "No" in nearly every row, "Steady" or "Up" in a few;
    # a BOOLEAN would send those rows to quarantine and leave the column constant.
    values = ["No"] * 995 + ["Steady"] * 4 + ["Up"]
    result = infer({"repaglinide": values})["repaglinide"]
    assert result.decided_type == "VARCHAR"
    assert "'Steady'" in result.reason
    assert "not a yes/no flag" in result.reason


def test_a_candidate_parsing_most_values_shows_what_it_fails_on(infer: Infer) -> None:
    # Northwind's PostalCode: mostly numbers, some codes; the INTEGER candidate says which.
    values = [str(10000 + 37 * i) for i in range(60)] + ["WA1 1DP", "S-958 22", "EC2 5NT"] * 10
    result = infer({"PostalCode": values})["PostalCode"]
    assert result.decided_type == "VARCHAR"
    integer = next(c for c in result.candidates if c.data_type == "INTEGER")
    assert integer.parse_success_rate == pytest.approx(60 / 90)
    assert sorted(integer.failed_examples) == ["EC2 5NT", "S-958 22", "WA1 1DP"]


@pytest.mark.parametrize(
    ("values", "pattern"),
    [
        ([f"{m:02d}/{d:02d}/1987 12:00:00 AM" for m in range(1, 13) for d in (1, 15, 28)], "us_datetime"),
        ([f"1996-07-{d:02d} 00:00:00.000" for d in range(1, 29)], "iso_datetime"),
    ],
)
def test_date_times_all_at_midnight_are_dates(
    infer: Infer, con: duckdb.DuckDBPyConnection, values: list[str], pattern: str
) -> None:
    # Socrata's dates of birth, SQL Server's datetime columns: the time is always midnight.
    result = infer({"d": [*values, None]})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", pattern)
    assert "midnight" in (result.reason or "")
    assert result.candidates[0].details["midnight"] is True
    expression = typed_expression('"d"', "DATE", pattern)
    first = con.execute(f"SELECT {expression} FROM {RELATION} ORDER BY _row_id LIMIT 1").fetchall()
    assert first == [(dt.date(1987, 1, 1) if pattern == "us_datetime" else dt.date(1996, 7, 1),)]


def test_one_time_of_day_keeps_a_timestamp(infer: Infer) -> None:
    values = [f"{m:02d}/15/1987 12:00:00 AM" for m in range(1, 13)] + ["03/15/1987 09:30:00 AM"]
    result = infer({"d": values})["d"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "us_datetime")


def test_a_person_can_ask_for_the_timestamps_of_a_midnight_column(infer: Infer, con: duckdb.DuckDBPyConnection) -> None:
    from datadossier.pipeline.stages import _cast_for

    values = [f"{m:02d}/15/1987 12:00:00 AM" for m in range(1, 13)]
    cast = _cast_for(infer({"d": values})["d"], "TIMESTAMP")
    assert (cast.decided_type, cast.pattern) == ("TIMESTAMP", "us_datetime")
    expression = typed_expression('"d"', cast.decided_type, cast.pattern)
    assert con.execute(f"SELECT count({expression}) FROM {RELATION}").fetchall() == [(12,)]


def test_timetable_times_past_midnight_keep_the_column_text(infer: Infer) -> None:
    # GTFS stop_times: a trip after midnight belongs to the service day before ("25:10:00").
    values = [f"{h:02d}:{m:02d}:00" for h in range(5, 24) for m in (0, 20, 40)] + ["24:07:13", "25:03:17"]
    result = infer({"arrival_time": values})["arrival_time"]
    assert result.decided_type == "VARCHAR"
    assert "past 24:00" in (result.reason or "")
    assert "parses only" not in (result.reason or "")  # (99% of them do: the late ones decide)
    # Junk among the times still goes to quarantine.
    junk = infer({"t": [*values[:-2], "??", "25:03:17"]})["t"]
    assert junk.decided_type == "TIME"


def test_no_followed_by_a_word_marks_a_missing_value(infer: Infer) -> None:
    # A weather export's moonrise: "No moonrise" on days without one.
    values = [f"{h:02d}:{m:02d} AM" for h in range(1, 12) for m in (6, 26, 46)] + ["No moonrise"] * 4
    result = infer({"moonrise": values})["moonrise"]
    assert result.decided_type == "TIME"
    assert result.missing_values == {"No moonrise": 4}


def test_clock_times_written_hhmm_are_times_of_day_under_a_clocks_name(
    infer: Infer, con: duckdb.DuckDBPyConnection
) -> None:
    # BTS on-time files: DepTime unpadded, CRSDepTime padded to four digits.
    unpadded = [str(h * 100 + m) for h in range(0, 24) for m in (5, 35)] + ["2400"]
    padded = [f"{int(v):04d}" for v in unpadded]
    results = infer({
        "DepTime": unpadded, "CRSDepTime": padded, "AirTime": unpadded, "Quantity": unpadded,
        "SCHEDULED_DEPARTURE": unpadded, "DEPARTURE_DELAY": unpadded,  # (the Kaggle 2015 flights)
    })
    assert results["DEPARTURE_DELAY"].decided_type == "INTEGER"
    for name in ("DepTime", "CRSDepTime", "SCHEDULED_DEPARTURE"):
        result = results[name]
        assert (result.decided_type, result.decided_pattern) == ("TIME", "hhmm_time"), name
        assert "hhmm" in (result.reason or "")
        assert "leading zero" not in (result.reason or "")
    assert results["AirTime"].decided_type == "INTEGER"  # minutes in the air, not a clock
    assert results["Quantity"].decided_type == "INTEGER"
    expression = typed_expression('"CRSDepTime"', "TIME", "hhmm_time")
    got = con.execute(f"SELECT CAST({expression} AS VARCHAR) FROM {RELATION} ORDER BY _row_id").fetchall()
    assert [g[0] for g in got[:3]] == ["00:05:00", "00:35:00", "01:05:00"]
    assert got[-1] == ("24:00:00",)


def test_codes_as_wide_as_the_numbers_keep_a_column_text(infer: Infer) -> None:
    # CMS's HCPCS_Cd: mostly five-digit procedure codes, a few with letters.
    values = [str(70000 + 37 * i) for i in range(97)] + ["G0279", "Q9967", "0001A"]
    result = infer({"procedure": values})["procedure"]
    assert result.decided_type == "VARCHAR"
    assert "as wide as the numbers" in (result.reason or "")
    # Two such codes, one of them read as amperes ("0001A"), the other quarantined; and a
    # lone G0439 under CMS's name for a code, HCPCS_Cd.
    two = infer({"procedure": [str(99201 + i % 15) for i in range(40)] + ["G0439", "0001A"]})["procedure"]
    assert (two.decided_type, two.decided_pattern) == ("VARCHAR", None)
    one = infer({"HCPCS_Cd": [str(99201 + i % 15) for i in range(40)] + ["G0439"]})["HCPCS_Cd"]
    assert one.decided_type == "VARCHAR"
    assert "named as an identifier" in (one.reason or "")
    # GitHub's stars: counts abbreviated as thousands beside plain ones are no codes.
    stars = ["150k", "1.2k", "1200", "950", "12", "3", "2.5k", "40"] * 5
    result = infer({"stars": stars})["stars"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "abbreviated_number")


@pytest.mark.parametrize(
    ("start", "failing"),
    [(10, ["1O", "2O", "3O"]), (70000, ["G027", "Q99", "0001A9"])],
    ids=["typos_among_ages", "codes_of_other_widths"],
)
def test_narrow_or_misfit_letters_among_numbers_stay_junk(infer: Infer, start: int, failing: list[str]) -> None:
    values = [str(start + i % 80) for i in range(97)] + failing
    assert infer({"n": values})["n"].decided_type == "INTEGER"


def test_a_third_code_beside_yes_and_no_keeps_a_column_text(infer: Infer) -> None:
    # Ames's PavedDrive: Y, N and P (partial) on 2% of the rows.
    values = ["P" if i % 50 == 0 else "Y" if i % 3 else "N" for i in range(1000)]
    assert infer({"PavedDrive": values})["PavedDrive"].decided_type == "VARCHAR"
    # So is a single "P" in a thousand: a letter is an answer, not a typo.
    once = ["P" if i == 500 else "Y" if i % 3 else "N" for i in range(1000)]
    result = infer({"PavedDrive": once})["PavedDrive"]
    assert result.decided_type == "VARCHAR"
    assert "other answers ('P')" in (result.reason or "")
    # A typo or two in a thousand yes/no answers is still junk.
    typos = ["??" if i in (10, 500) else "Y" if i % 3 else "N" for i in range(1000)]
    assert infer({"PavedDrive": typos})["PavedDrive"].decided_type == "BOOLEAN"


def test_counts_written_as_lower_bounds_are_numbers(infer: Infer) -> None:
    # The Play Store's Installs: "10,000+", "1,000,000+", "0" (no install yet).
    bounds = ["0", "1+", "100+", "10,000+", "500,000+", "1,000,000+", "1,000,000,000+"]
    result = infer({"Installs": [bounds[i % 7] for i in range(200)]})["Installs"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", "lower_bound")
    assert result.bounds == (0, 1_000_000_000)
    # A few top-coded figures among plain numbers are still markers of a missing value.
    incomes = ["250,000+" if i % 50 == 0 else str(20000 + 137 * i) for i in range(1000)]
    top_coded = infer({"income": incomes})["income"]
    assert top_coded.decided_type == "INTEGER"
    assert top_coded.missing_values == {"250,000+": 20}


def test_heights_in_feet_and_inches_are_inches(infer: Infer) -> None:
    # FIFA's and rosters' Height: 5'7, 6'2" and the like, a few written out.
    heights = ["5'7", "6'2\"", "5'11", "6'0''", "5' 9\"", "6 ft 1 in", "5'10.5\""]
    result = infer({"Height": [heights[i % 7] for i in range(210)]})["Height"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "feet_inches")
    assert result.candidates[0].detected_unit == "in"
    assert result.bounds == (67.0, 74.0)
    # Feet alone, as lengths are written, stay with the unit they name.
    lengths = infer({"boat_length": [f"{20 + i % 30} ft" for i in range(100)]})["boat_length"]
    assert (lengths.decided_pattern, lengths.candidates[0].detected_unit) == ("unit_value", "ft")


def test_spans_in_mixed_units_are_one_number(infer: Infer) -> None:
    # Indian flight prices' Duration ("2h 50m", "19h"); Austin's "Age upon Outcome".
    result = infer({
        "Duration": ["2h 50m", "19h", "45m", "7h 25m"] * 10,
        "Age upon Outcome": ["2 years", "3 weeks", "1 month", "4 days"] * 10,
        "hours": ["19h", "2h", "5h", "12h"] * 10,
        "length": ["12m", "45m", "8m", "20m"] * 10,
    })
    assert (result["Duration"].decided_pattern, result["Duration"].candidates[0].detected_unit) == ("hours_minutes", "min")
    assert result["Duration"].bounds == (45.0, 1140.0)
    age = result["Age upon Outcome"]
    assert (age.decided_pattern, age.candidates[0].detected_unit) == ("age_span", "day")
    assert age.bounds == (4.0, 730.5)
    # One unit alone keeps it.
    assert (result["hours"].decided_pattern, result["hours"].candidates[0].detected_unit) == ("unit_value", "h")
    assert (result["length"].decided_pattern, result["length"].candidates[0].detected_unit) == ("unit_value", "m")


def test_spans_as_go_kubectl_and_ci_tools_write_them_are_seconds(infer: Infer) -> None:
    # kubectl's AGE and LAST SEEN, GitHub Actions' job durations, Go and Envoy latencies: units
    # mixed in one column, several in one value ("3m12s" is one span, not two units).
    result = infer({
        "AGE": ["5d", "5d2h", "2h15m", "45m", "118s", "23h", "12d", "7m", "3m12s", "90d"] * 4,
        "duration": ["1m 23s", "2h 3m 4s", "45s", "1m 23s"] * 10,
        "latency": ["250ms", "1.234567s", "1m30.5s", "850µs", "12.5ms", "2s", "3ns", "7us"] * 5,
    })
    for column, bounds in (("AGE", (118.0, 7776000.0)), ("duration", (45.0, 7384.0)), ("latency", (3e-09, 90.5))):
        decided = result[column]
        assert (decided.decided_type, decided.decided_pattern, decided.candidates[0].detected_unit) == (
            "DOUBLE", "compound_duration", "s",
        ), column
        assert decided.bounds == bounds, column
    # Flights' "2h 50m" keep their minutes (`hours_minutes`), a column of one unit that unit.
    kept = infer({"Duration": ["2h 50m", "19h", "45m"] * 10, "wait": ["118s", "45s", "3s"] * 10})
    assert kept["Duration"].decided_pattern == "hours_minutes"
    assert (kept["wait"].decided_pattern, kept["wait"].candidates[0].detected_unit) == ("unit_value", "s")


def test_servicenow_durations_are_seconds_written_either_way(infer: Infer) -> None:
    # A ServiceNow incident export: business_duration as stored (the moment that long after the
    # epoch), calendar_duration as displayed, time_worked as a timer's hh:mm:ss, a custom
    # u_time_to_resolve past 24 hours; the record's own dates of 1970 stay moments.
    stored = ["1970-01-01 02:15:00", "1970-01-01 09:00:00", "1970-01-03 18:00:00", "1970-01-01 00:00:38"] * 10
    shown = ["2 Hours 15 Minutes", "3 Days", "1 Day 1 Hour 1 Minute", "38 Seconds"] * 10
    worked = ["00:45:10", "01:10:00", "02:00:00", "00:00:38"] * 10
    resolve = ["02:15:00", "72:00:00", "240:00:00", "00:00:38"] * 10
    result = infer({
        "business_duration": stored, "calendar_duration": shown, "time_worked": worked, "u_time_to_resolve": resolve,
        "sys_created_on": stored,
    })
    expected = {
        "business_duration": ("epoch_duration", (38.0, 237600.0)),  # (was TIMESTAMP, moments of January 1970)
        "calendar_duration": ("worded_duration", (38.0, 259200.0)),  # (was VARCHAR)
        "time_worked": ("elapsed_time", (38.0, 7200.0)),  # (was TIME, a clock time)
        "u_time_to_resolve": ("elapsed_time", (38.0, 864000.0)),  # (was VARCHAR)
    }
    for name, (pattern, bounds) in expected.items():
        column = result[name]
        assert (column.decided_type, column.decided_pattern, column.candidates[0].detected_unit) == ("DOUBLE", pattern, "s"), name
        assert column.bounds == bounds, name
    assert "after the Unix epoch" in (result["business_duration"].reason or "")
    assert result["sys_created_on"].decided_type == "TIMESTAMP"
    # Days alone, or weeks and days, are still read as `age_span` reads them.
    ages = infer({"Age upon Outcome": ["3 days", "2 weeks", "5 days"] * 10})["Age upon Outcome"]
    assert (ages.decided_pattern, ages.candidates[0].detected_unit) == ("age_span", "day")


def test_iso_8601_durations_are_seconds(infer: Infer) -> None:
    # YouTube's contentDetails.duration, schedules' ISO spans; one value with no span at all.
    values = ["PT2H50M", "PT45.5S", "P1DT3H", "PT4M13S", "P2W", "PT1H0M5S"] * 10 + ["P"]
    result = infer({"duration": values})["duration"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "iso_duration")
    assert result.candidates[0].detected_unit == "s"
    assert result.bounds == (45.5, 1209600.0)
    assert result.candidates[0].failed_examples == ["P"]


def test_pandas_timedeltas_are_seconds(infer: Infer) -> None:
    # ERA5/GFS forecast fields read with cfgrib and written by pandas' to_csv: step "0 days
    # 01:00:00" .. "1 days 00:00:00"; a negative Timedelta "-1 days +23:00:00" (an hour back).
    steps = [f"{h // 24} days {h % 24:02d}:00:00" for h in range(1, 49)] + ["-1 days +23:00:00", "0 days 00:00:00.500000"]
    result = infer({"step": steps})["step"]
    assert (result.decided_type, result.decided_pattern, result.candidates[0].detected_unit) == ("DOUBLE", "pandas_timedelta", "s")
    assert result.bounds == (-3600.0, 48 * 3600.0)
    assert result.candidates[0].parse_success_rate == 1.0


def test_times_of_day_with_a_zone_s_abbreviation_are_times_that_name_their_zone(infer: Infer) -> None:
    # Google Play's earnings reports: Transaction Time "1:25:52 PM PDT" beside its Transaction
    # Date; the zone kept the column text, and forcing TIME quarantined every row.
    values = [f"{1 + i % 12}:{(7 * i) % 60:02d}:{(13 * i) % 60:02d} {'AM' if i % 2 else 'PM'} PDT" for i in range(60)]
    result = infer({"Transaction Time": values, "Opened": [f"{i % 24:02d}:{i % 60:02d}:00 CET" for i in range(60)]})
    played = result["Transaction Time"]
    assert (played.decided_type, played.decided_pattern) == ("TIME", "zoned_time")
    assert played.candidates[0].parse_success_rate == 1.0
    clocks = [dt.datetime.strptime(v.removesuffix(" PDT"), "%I:%M:%S %p") for v in values]
    seconds = [c.hour * 3600 + c.minute * 60 + c.second for c in clocks]
    assert played.bounds == (min(seconds), max(seconds))  # (the clock as written, not moved to UTC)
    assert "PDT" in (played.reason or "")
    assert "+7 hours gives UTC" in (played.reason or "")
    opened = result["Opened"]
    assert (opened.decided_type, opened.decided_pattern) == ("TIME", "zoned_time")


def test_times_with_a_or_p_for_the_half_of_the_day(infer: Infer) -> None:
    # NYC parking violations' Violation Time: "0752A", "1145P", "0015A" (00:15), "1230P".
    result = infer({"Violation Time": ["0752A", "1145P", "0015A", "1230P"] * 10, "mornings": ["0752A", "1015A"] * 20})
    for column in ("Violation Time", "mornings"):
        assert (result[column].decided_type, result[column].decided_pattern) == ("TIME", "hhmm_half"), column
        assert result[column].candidates[0].detected_unit is None
    assert result["Violation Time"].bounds == (15 * 60.0, (23 * 60 + 45) * 60.0)


def test_iso_basic_timestamps_with_a_t_are_read(infer: Infer) -> None:
    # King County's house sales: "20141013T000000", every time midnight, so dates.
    days = [dt.date(2014, 5, 2) + dt.timedelta(days=7 * i) for i in range(50)]
    result = infer({"date": [f"{d:%Y%m%d}T000000" for d in days], "seen": [f"{d:%Y%m%d}T1{i % 10}3000" for i, d in enumerate(days)]})
    assert (result["date"].decided_type, result["date"].decided_pattern) == ("DATE", "compact_datetime")
    assert (result["seen"].decided_type, result["seen"].decided_pattern) == ("TIMESTAMP", "compact_datetime")
    assert result["seen"].bounds == utc_bounds((2014, 5, 2, 10, 30), (days[-1].year, days[-1].month, days[-1].day, 19, 30))


def test_two_digit_years_are_never_read_as_iso_years(infer: Infer) -> None:
    # IPL's matches.date: 2017 seasons written 2017-04-05, later ones 05/04/18. DuckDB's date
    # cast reads "05/04/18" as the year 5; such values must fail the ISO reading instead.
    dates = [f"2017-04-{1 + i % 28:02d}" for i in range(60)] + [f"{1 + i % 28:02d}/04/18" for i in range(40)]
    stamps = [f"2017-04-{1 + i % 28:02d} 10:00" for i in range(60)] + [f"{1 + i % 28:02d}-04-18 10:00" for i in range(40)]
    result = infer({"date": dates, "stamp": stamps})
    for column in ("date", "stamp"):
        iso = next(c for c in result[column].candidates if c.detected_pattern in ("iso_date", "iso_datetime"))
        assert iso.parse_success_rate == 0.6, column
    # Both formats read, each as written (the day first: 28/04/18); the date-times of
    # two-digit years have no such reading and stay text.
    assert (result["date"].decided_type, result["date"].decided_pattern) == ("DATE", "iso_or_eu_date_short")
    assert result["date"].bounds == utc_bounds((2017, 4, 1), (2018, 4, 28))
    assert result["stamp"].decided_type == "VARCHAR"


def test_coordinates_with_their_hemisphere_are_signed_degrees(infer: Infer) -> None:
    # Berkeley Earth's GlobalLandTemperaturesByCity: Latitude "57.05N", Longitude "10.33E".
    result = infer({"Latitude": ["57.05N", "33.86S", "0.80N"] * 10, "Longitude": ["10.33E", "151.20E", "87.63W"] * 10})
    for column, bounds in (("Latitude", (-33.86, 57.05)), ("Longitude", (-87.63, 151.2))):
        assert (result[column].decided_type, result[column].decided_pattern) == ("DOUBLE", "hemisphere_degrees")
        assert result[column].candidates[0].detected_unit == "deg"
        assert result[column].bounds == bounds


def test_hours_minutes_and_seconds_under_a_duration_s_name_are_seconds(infer: Infer) -> None:
    # Google Analytics' "Avg. Session Duration" 00:02:15: a length of time, not a time of day;
    # the same values under a clock's name stay times.
    values = [f"00:{i % 13:02d}:{(i * 7) % 60:02d}" for i in range(200)] + ["01:02:03"]
    result = infer({"Avg. Session Duration": values, "opened": values})
    duration = result["Avg. Session Duration"]
    assert (duration.decided_type, duration.decided_pattern, duration.candidates[0].detected_unit) == ("DOUBLE", "elapsed_time", "s")
    assert duration.bounds == (0.0, 3723.0)
    assert result["opened"].decided_type == "TIME"


def test_a_plant_s_downtime_setup_and_cycle_times_in_hh_mm_ss_are_seconds(infer: Infer) -> None:
    # An OEE/downtime report (FactoryTalk Metrics, Opcenter, an andon export): Downtime,
    # Setup Time, MTTR, Stillstandsdauer as hh:mm:ss, one stop past a day (27:15:00); the
    # same values under a moment's name (Start Time) stay clock times.
    values: list[str | None] = [f"{i % 3:02d}:{(7 * i) % 60:02d}:{(11 * i) % 60:02d}" for i in range(40)]
    names = ("Downtime", "Down Time", "Total Downtime", "Setup Time", "Cycle Time", "Run Time", "Idle Time",
             "Time Lost", "MTTR", "MTBF", "Stillstandsdauer", "Ausfallzeit", "Downtime (hh:mm:ss)")
    result = infer({**dict.fromkeys(names, values), "Start Time": values})
    for name in names:
        decided = result[name]
        assert (decided.decided_type, decided.decided_pattern, decided.candidates[0].detected_unit) == ("DOUBLE", "elapsed_time", "s"), name
    assert result["Start Time"].decided_type == "TIME"
    long_stop = infer({"Downtime": [*values[:39], "27:15:00"]})["Downtime"]
    assert (long_stop.decided_type, long_stop.decided_pattern) == ("DOUBLE", "elapsed_time")
    assert long_stop.bounds is not None
    assert long_stop.bounds[1] == 27 * 3600 + 15 * 60


def test_a_sport_log_s_paces_are_minutes_and_seconds_whether_or_not_one_passes_23(infer: Infer) -> None:
    # Garmin Connect's Activities.csv: Avg Pace and Best Pace "8:32" min/mile. Best Pace, all
    # under 15:00, was a time of day (08:32) beside Avg Pace in seconds for one hike's 24:45.
    best = [f"{6 + i % 9}:{(7 * i) % 60:02d}" for i in range(60)]
    average = [*best[:59], "24:45"]
    result = infer({"Avg Pace": average, "Best Pace": best, "pace_min_per_km": best, "Start": best})
    for column in ("Avg Pace", "Best Pace", "pace_min_per_km"):
        pace = result[column]
        assert (pace.decided_type, pace.decided_pattern, pace.candidates[0].detected_unit) == ("INTEGER", "minutes_seconds", "s"), column
        assert "pace" in (pace.reason or ""), column
    assert result["Best Pace"].bounds == (6 * 60, 14 * 60 + 59)
    assert result["Start"].decided_type == "TIME"  # (the same values under a moment's name)


def test_an_activity_s_moving_lap_and_dive_times_are_lengths_of_time_in_seconds(infer: Infer) -> None:
    # Garmin's Moving Time "00:44:01", Best Lap Time "00:04:12.3", a dive's Dive Time and
    # Surface Interval: TIME of day, beside the same file's Elapsed Time in seconds. A lap's
    # start stays a time of day.
    lengths = [f"{i % 3:02d}:{(7 * i) % 60:02d}:{(11 * i) % 60:02d}" for i in range(60)]
    laps = [f"00:{3 + i % 9:02d}:{(13 * i) % 60:02d}.{i % 10}" for i in range(60)]
    names = ("Moving Time", "Elapsed Time", "Dive Time", "Surface Interval", "Bottom Time")
    result = infer({**dict.fromkeys(names, lengths), "Best Lap Time": laps, "Lap Start Time": lengths})
    for name in (*names, "Best Lap Time"):
        decided = result[name]
        assert (decided.decided_type, decided.decided_pattern, decided.candidates[0].detected_unit) == ("DOUBLE", "elapsed_time", "s"), name
    seconds = [int(v[3:5]) * 60 + float(v[6:]) for v in laps]
    assert result["Best Lap Time"].bounds == (min(seconds), max(seconds))
    assert result["Lap Start Time"].decided_type == "TIME"


def test_an_activity_s_lengths_in_minutes_and_seconds_are_no_clock_times(infer: Infer) -> None:
    # Garmin's Dive Time and Lap Time written "0:00", "4:12": minutes and seconds, not a
    # time of day (the same values under a moment's name, Lap Start Time, stay one).
    laps = [f"{i % 9}:{(13 * i) % 60:02d}" for i in range(60)]
    result = infer({"Dive Time": laps, "Lap Time": laps, "Lap Start Time": laps})
    for name in ("Dive Time", "Lap Time"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("INTEGER", "minutes_seconds"), name
    assert result["Lap Start Time"].decided_type == "TIME"


def test_paces_beside_speeds_in_a_speed_s_column_are_said_to_be_paces(infer: Infer) -> None:
    # Garmin's Avg Speed: a run's pace "8:32" (min/mile) beside a ride's speed "15.6" (mph).
    # The column stays text, and the reason says the m:ss values are paces, not times of day.
    speeds = [f"{7 + i % 3}:{(7 * i) % 60:02d}" if i % 5 else f"{15 + i % 9}.{i % 10}" for i in range(60)]
    speed = infer({"Avg Speed": speeds})["Avg Speed"]
    assert speed.decided_type == "VARCHAR"
    assert "are paces written m:ss under a speed's name" in (speed.reason or "")


def test_a_bare_time_in_a_log_of_activities_is_each_activity_s_length(infer: Infer) -> None:
    # Garmin's Activities.csv: Time "00:45:12", "1:32:03" beside Distance and Avg HR is how
    # long each activity lasted, not a time of day. A bare Time without a sport's measures
    # beside it (a log's clock times) stays a time of day.
    lengths = [f"{i % 3}:{(7 * i) % 60:02d}:{(11 * i) % 60:02d}" for i in range(60)]
    distance = [f"{3 + i % 10}.{i % 100:02d}" for i in range(60)]
    hr = [str(120 + i % 50) for i in range(60)]
    result = infer({"Distance": distance, "Time": lengths, "Avg HR": hr})
    time = result["Time"]
    assert (time.decided_type, time.decided_pattern, time.candidates[0].detected_unit) == ("DOUBLE", "elapsed_time", "s")
    assert time.bounds == (0.0, max(sum(int(p) * 60**k for k, p in enumerate(reversed(v.split(":")))) for v in lengths))
    assert "log of activities (beside Distance, Avg HR)" in (time.reason or "")
    alone = infer({"Time": lengths, "Level": hr})["Time"]
    assert (alone.decided_type, alone.decided_pattern) == ("TIME", "time")


def test_a_run_s_hours_minutes_and_seconds_past_a_day_are_seconds_whatever_the_name(infer: Infer) -> None:
    # A plate reader's kinetic export (Gen5, SoftMax): Time "0:00:00", "0:15:00" ... "48:45:00",
    # hours unpadded; half of a 48 h run lies past 24:00, which no clock writes. A night's
    # timetable as often past midnight, but from 05:00, stays clock times of a service day.
    run = [f"{s // 3600}:{s % 3600 // 60:02d}:00" for s in range(0, 49 * 3600, 900)]
    night = [f"{h:02d}:{m:02d}:00" for h in range(5, 30) for m in (0, 20, 40)]
    time = infer({"Time": run})["Time"]
    assert (time.decided_type, time.decided_pattern, time.bounds) == ("DOUBLE", "elapsed_time", (0.0, 48 * 3600 + 45 * 60))
    assert "0:00:00 to 48:45:00" in (time.reason or "")
    late = infer({"arrival_time": night})["arrival_time"]
    assert late.decided_type == "VARCHAR"
    assert "past 24:00" in (late.reason or "")
    assert any(c.detected_pattern == "elapsed_time" for c in late.candidates)  # (weighed, and set aside)


def test_elapsed_minutes_and_seconds_are_seconds(infer: Infer) -> None:
    # Formula 1: lap times "1:38.109"; pit stops in seconds, past a minute "16:44.718".
    laps = [f"{1 + i % 2}:{10 + i % 50:02d}.{i:03d}" for i in range(200)]
    stops = [f"{20 + i % 9}.{i:03d}" if i % 40 else f"{16 + i % 3}:{44:02d}.718" for i in range(200)]
    clock = [f"{8 + i % 10:02d}:{i % 60:02d}" for i in range(200)]
    result = infer({"time": laps, "duration": stops, "start": clock})
    lap = result["time"]
    assert (lap.decided_type, lap.decided_pattern, lap.candidates[0].detected_unit) == ("DOUBLE", "duration", "s")
    assert lap.bounds == (70.0, 179.199)
    stop = result["duration"]
    assert (stop.decided_type, stop.decided_pattern) == ("DOUBLE", "duration_or_seconds")
    assert stop.candidates[0].parse_success_rate == 1.0
    assert stop.bounds is not None
    assert stop.bounds[1] == 18 * 60 + 44.718
    assert result["start"].decided_type == "TIME"  # a clock's hours and minutes stay times of day


def test_minutes_and_seconds_past_a_clock_s_hours_are_seconds(infer: Infer) -> None:
    # NBA box scores' MIN ("34:12", up to 48 minutes); a timetable's departures past midnight
    # ("25:13") and a handball score ("21:14") keep their own readings; a column every value
    # of which a clock reads stays a time of day.
    played = [f"{i % 49}:{(7 * i) % 60:02d}" for i in range(200)]
    late = [f"{18 + i % 9}:{i % 60:02d}" for i in range(200)]
    scores = [f"{15 + i % 20}:{10 + i % 25}" for i in range(200)]
    clock = [f"{i % 24}:{i % 60:02d}" for i in range(200)]
    result = infer({"MIN": played, "departure_time": late, "ft_score": scores, "start": clock})
    minutes = result["MIN"]
    assert (minutes.decided_type, minutes.decided_pattern) == ("INTEGER", "minutes_seconds")
    assert minutes.candidates[0].detected_unit == "s"
    assert minutes.bounds == (0, max(int(v.split(':')[0]) * 60 + int(v.split(':')[1]) for v in played))
    assert result["departure_time"].decided_pattern != "minutes_seconds"
    assert result["ft_score"].decided_type == "VARCHAR"
    assert (result["start"].decided_type, result["start"].decided_pattern) == ("TIME", "time")
    # Past 24:00 as lengths of time, the reason does not say the column stays text.
    assert "stays text" not in (minutes.reason or "")
    # Whole minutes among them ("24", as older box scores write them) are those minutes.
    mixed = infer({"MIN": [*played[:195], "24", "12", "40", "7", "33"]})["MIN"]
    assert (mixed.decided_type, mixed.decided_pattern) == ("INTEGER", "minutes_seconds")
    assert mixed.candidates[0].parse_success_rate == 1.0
    assert mixed.bounds is not None
    assert mixed.bounds[1] >= 40 * 60


def test_minutes_and_seconds_under_a_length_of_time_s_name_are_seconds_even_below_an_hour(infer: Infer) -> None:
    # An NHL shift's duration "00:45" was 00:45:00, a time of day (45 minutes).
    durations = [f"00:{30 + i % 30:02d}" if i % 9 else f"01:{i % 60:02d}" for i in range(90)]
    result = infer({"duration": durations, "startTime": [f"{i % 20:02d}:{i % 60:02d}" for i in range(90)]})
    assert (result["duration"].decided_type, result["duration"].decided_pattern) == ("INTEGER", "minutes_seconds")
    assert result["startTime"].decided_type == "TIME"


def test_hours_and_minutes_under_a_name_of_hours_are_lengths_of_time_in_seconds(infer: Infer) -> None:
    # Kronos/UKG timecards: a week's Hours "40:15" read as minutes and seconds (2525 s, 60
    # times too small), a day's "8:29" as a clock time; Reg Hrs, Daily Total alike. An hour
    # of the day (a traffic count's "hour") and a shop's Opening Hours stay times of day.
    weekly = [f"{36 + i % 8}:{(15 * i) % 60:02d}" for i in range(60)]
    daily = [f"{7 + i % 3}:{(7 * i) % 60:02d}" for i in range(59)] + ["-0:30"]
    clock = [f"{i % 24}:00" for i in range(60)]
    result = infer({
        "Hours": weekly, "Reg Hrs": daily, "Daily Total": daily, "hour": clock, "Opening Hours": clock,
    })
    hours = result["Hours"]
    assert (hours.decided_type, hours.decided_pattern) == ("INTEGER", "elapsed_hours")
    assert hours.candidates[0].detected_unit == "s"
    assert hours.bounds == (36 * 3600, 43 * 3600 + 45 * 60)
    assert "40:15 is 40 hours 15 minutes" in hours.reason
    for column in ("Reg Hrs", "Daily Total"):
        assert (result[column].decided_pattern, result[column].candidates[0].parse_success_rate) == ("elapsed_hours", 1.0)
        assert result[column].bounds == (-30 * 60, 9 * 3600 + 59 * 60), column  # (the adjustment below zero)
    for column in ("hour", "Opening Hours"):
        assert (result[column].decided_type, result[column].decided_pattern) == ("TIME", "time"), column


def test_two_part_lengths_of_an_activity_of_hours_are_hours_and_minutes_for_the_whole_file(infer: Infer) -> None:
    # TeslaFi's charging log: Charge Duration "7:46" (a home charge of 52 kWh) was 466 s read
    # as minutes and seconds; no value passes 9, so none tells the two readings apart. The
    # file's Idle Duration "0:32" follows it; a pace in the same file stays minutes and seconds.
    charges = [f"{i % 10}:{(7 * i) % 60:02d}" for i in range(60)]
    idle = [f"0:{(11 * i) % 60:02d}" for i in range(60)]
    result = infer({"Charge Duration": charges, "Idle Duration": idle, "Avg Pace": charges})
    charge = result["Charge Duration"]
    assert (charge.decided_type, charge.decided_pattern, charge.candidates[0].detected_unit) == ("INTEGER", "elapsed_hours", "s")
    longest = max(int(v[:-3]) * 60 + int(v[-2:]) for v in charges)  # (in minutes: 9:53)
    assert charge.bounds == (0, longest * 60)
    assert "read as hours and minutes, h:mm" in (charge.reason or "")
    assert "Charge Duration names the length of an activity" in (charge.reason or "")
    follower = result["Idle Duration"]
    assert (follower.decided_pattern, follower.bounds) == ("elapsed_hours", (0, max(int(v[-2:]) for v in idle) * 60))
    assert "as the file's Charge Duration is" in (follower.reason or "")
    assert result["Avg Pace"].decided_pattern == "minutes_seconds"


def test_a_gps_track_s_time_beside_distance_and_heart_rate_stays_a_time_of_day(infer: Infer) -> None:
    # A GPX/FIT trackpoints export (Date, Time, Lat, Lon, Elevation, Distance, Speed, Heart
    # Rate): each point's Time "07:15:05" is the time of day it was taken, not an activity's
    # length; its measures are bare readings, no summary's Avg or Max.
    times = [f"07:{15 + i // 12:02d}:{(5 * i) % 60:02d}" for i in range(60)]
    distance = [f"{12.4 + 14 * i:.1f}" for i in range(60)]
    result = infer({
        "Time": times, "Elevation": [f"{50 + i % 3}.{i % 10}" for i in range(60)], "Distance": distance,
        "Speed": [f"{2 + i % 3}.{i % 100:02d}" for i in range(60)], "Heart Rate": [str(120 + i % 40) for i in range(60)],
    })
    assert (result["Time"].decided_type, result["Time"].decided_pattern) == ("TIME", "time")
    # (A summary's columns beside clock times that start past 1:00 do not make them lengths either.)
    summary = infer({"Time": times, "Distance": distance, "Avg HR": [str(120 + i % 40) for i in range(60)]})["Time"]
    assert (summary.decided_type, summary.decided_pattern) == ("TIME", "time")


def test_a_race_s_or_a_shift_s_time_is_a_time_of_day_unless_the_values_start_near_midnight(infer: Infer) -> None:
    # A racecard's Race Time "15:20" is the off, 12:00 to 20:55; a nurses' roster's Shift Time
    # "07:00", "15:00", "23:00" the start. Both were read as lengths (14:20 as 860 s, 23:00 as
    # 23 h). A race result's Race Time "0:45:12" and a charging log's Charge Time "0:32", which
    # start near 0:00, stay lengths of time.
    offs = [f"{12 + i % 9}:{(5 * i) % 60:02d}" for i in range(60)]
    shifts = [("07:00", "15:00", "23:00")[i % 3] for i in range(60)]
    result = infer({"Race Time": offs, "Shift Time": shifts})
    for column in ("Race Time", "Shift Time"):
        assert (result[column].decided_type, result[column].decided_pattern) == ("TIME", "time"), column
    results = [f"{i % 2}:{(7 * i) % 60:02d}:{(11 * i) % 60:02d}" for i in range(60)]
    charges = [f"{i % 10}:{(7 * i) % 60:02d}" for i in range(60)]
    lengths = infer({"Race Time": results, "Charge Time": charges})
    assert (lengths["Race Time"].decided_type, lengths["Race Time"].decided_pattern) == ("DOUBLE", "elapsed_time")
    assert (lengths["Charge Time"].decided_type, lengths["Charge Time"].decided_pattern) == ("INTEGER", "elapsed_hours")


def test_an_agent_s_average_handle_duration_stays_minutes_and_seconds_beside_total_hours(infer: Infer) -> None:
    # A contact centre's agent report (Five9, Genesys): Total Hours "8:31" logged in, beside
    # Avg Handle Duration "4:12" per call and Break Duration "0:19". The hours turned a 4-minute
    # call into 4 hours; the breaks still follow the hours, as a timecard's do.
    hours = [f"{6 + i % 4}:{(7 * i) % 60:02d}" for i in range(60)]
    handle = [f"{2 + i % 8}:{(13 * i) % 60:02d}" for i in range(60)]
    breaks = [f"0:{10 + (11 * i) % 36:02d}" for i in range(60)]
    result = infer({"Total Hours": hours, "Avg Handle Duration": handle, "Break Duration": breaks})
    assert result["Total Hours"].decided_pattern == "elapsed_hours"
    handled = result["Avg Handle Duration"]
    assert (handled.decided_type, handled.decided_pattern) == ("INTEGER", "minutes_seconds")
    assert handled.bounds == (min(int(v[0]) * 60 + int(v[2:]) for v in handle), max(int(v[0]) * 60 + int(v[2:]) for v in handle))
    assert result["Break Duration"].decided_pattern == "elapsed_hours"


def test_two_part_lengths_read_as_minutes_and_seconds_say_they_could_be_hours_and_minutes(infer: Infer) -> None:
    # A call log's Duration "7:46": minutes and seconds, as lengths of time written so usually
    # are, but no value tells it from hours and minutes, and the reason says so.
    durations = [f"{i % 10}:{(7 * i) % 60:02d}" for i in range(59)] + ["9:59"]
    duration = infer({"Duration": durations})["Duration"]
    assert (duration.decided_type, duration.decided_pattern) == ("INTEGER", "minutes_seconds")
    assert "read as minutes and seconds, m:ss" in (duration.reason or "")
    assert "9:59 is 9 min 59 s, or 9 h 59 min" in (duration.reason or "")


def test_hours_minutes_seconds_beside_minutes_seconds_under_a_length_of_time_s_name_are_seconds(infer: Infer) -> None:
    # A podcast export's Duration: "1:02:33" beside "45:12" (the hour dropped when zero), and
    # "21:02" is 21 minutes, not two minutes past nine in the evening.
    durations = [f"1:{i % 60:02d}:{(7 * i) % 60:02d}" if i % 3 == 0 else f"{20 + i % 40}:{(3 * i) % 60:02d}" for i in range(150)]
    result = infer({"Duration": durations, "played_at": durations})
    duration = result["Duration"]
    assert (duration.decided_type, duration.decided_pattern) == ("INTEGER", "elapsed_or_minutes_seconds")
    assert (duration.candidates[0].parse_success_rate, duration.candidates[0].detected_unit) == (1.0, "s")
    seconds = [sum(int(part) * 60**place for place, part in enumerate(reversed(v.split(":")))) for v in durations]
    assert duration.bounds == (min(seconds), max(seconds))
    assert "service day" not in (duration.reason or "")
    assert result["played_at"].decided_pattern != "elapsed_or_minutes_seconds"  # (no length of time named)


def test_small_whole_numbers_under_a_time_s_name_are_no_clock(infer: Infer) -> None:
    # Spotify's time_signature (beats per bar): 3, 4, 5 would read as 00:03 to 00:05.
    beats = [str([4, 4, 3, 4, 5, 1, 0][i % 7]) for i in range(140)]
    departures = [str([1345, 5, 2400, 930, 1200, 615, 5][i % 7]) for i in range(140)]
    result = infer({"time_signature": beats, "DepTime": departures})
    assert result["time_signature"].decided_type == "INTEGER"
    assert (result["DepTime"].decided_type, result["DepTime"].decided_pattern) == ("TIME", "hhmm_time")


def test_census_tracts_are_codes_never_numbers_nor_phone_numbers(infer: Infer) -> None:
    # Chicago's taxi trips: "Pickup Census Tract" 17031081500 (a number, summed and averaged);
    # Alabama's 01073000100 (a phone number, for its eleven digits).
    cook = [f"170310{i % 60:02d}500" for i in range(300)]
    alabama = [f"0107300{i % 60:02d}00" for i in range(300)]
    result = infer({"Pickup Census Tract": cook, "tract": alabama, "GEOID": cook})
    for name in ("Pickup Census Tract", "tract", "GEOID"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("VARCHAR", None), name


def test_bare_digits_are_phone_numbers_only_under_a_phone_s_name(infer: Infer) -> None:
    # NOAA's GSOD: the station "01001099999" (a trunk 0 and ten digits, as a UK number).
    stations = [f"0{1001099999 + 1000 * (i % 40)}" for i in range(200)]
    result = infer({"STATION": stations, "phone": stations})
    assert (result["STATION"].decided_type, result["STATION"].decided_pattern) == ("VARCHAR", None)
    assert result["phone"].decided_pattern == "phone"


def test_air_waybill_numbers_are_no_phone_numbers(infer: Infer) -> None:
    # A forwarder's export: MAWB "176-12345675", an airline's prefix, a dash and eight digits,
    # the shape of a phone number with its area code; the same digits under a phone's name are one.
    waybills = [f"{176 + i % 5 * 11}-{12345675 + 7919 * i}" for i in range(60)]
    result = infer({"MAWB": waybills, "House AWB": waybills, "contact_phone": waybills})
    for name in ("MAWB", "House AWB"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("VARCHAR", None), name
    assert result["contact_phone"].decided_pattern == "phone"


def test_a_tract_s_figures_are_numbers(infer: Infer) -> None:
    # HMDA's loan/application register: the tract's population, owner-occupied units and the
    # median age of its housing, beside the tract's code.
    population = [str(552 + 37 * i) for i in range(300)]
    result = infer({"census_tract": [f"0107300{i % 60:02d}00" for i in range(300)], "tract_population": population,
                    "tract_median_age_of_housing_units": [str(5 + i % 70) for i in range(300)]})
    assert result["census_tract"].decided_type == "VARCHAR"
    assert result["tract_population"].decided_type == "INTEGER"
    assert result["tract_median_age_of_housing_units"].decided_type == "INTEGER"


def test_a_letter_after_a_coordinate_s_digits_is_no_unit(infer: Infer) -> None:
    # The NTSB's Longitude: degrees, minutes and seconds with a hemisphere ("0812333W"), among
    # decimal degrees; "W" read as watts made 812333 a longitude.
    values = [f"-{80 + i % 40}.{i:04d}" if i % 3 else f"0{80 + i % 40}{i % 60:02d}{i % 60:02d}W" for i in range(120)]
    result = infer({"Longitude": values})["Longitude"]
    assert result.decided_type == "VARCHAR"
    assert result.decided_pattern != "unit_value"


def test_chromosomes_are_labels_whatever_their_numbers(infer: Infer) -> None:
    # NCBI's gene_info and ClinVar: 1 to 22, X (read as a missing value's marker), Y, MT.
    chromosomes = [str(1 + i % 22) for i in range(190)] + ["X"] * 8 + ["Y", "MT"]
    for name in ("chromosome", "Chromosome", "#CHROM", "chr"):
        assert infer({name: chromosomes})[name].decided_type == "VARCHAR"


def test_years_under_a_time_s_name_are_no_clock(infer: Infer) -> None:
    # OECD's exports: TIME holds the year (2020 was 20:20); an evening's departures stay times.
    years = [str(2000 + i % 24) for i in range(144)]
    evening = [str([1805, 1930, 2045, 2359, 1815, 1500][i % 6]) for i in range(144)]
    result = infer({"TIME": years, "TIME_PERIOD": years, "DepTime": evening})
    assert (result["TIME"].decided_type, result["TIME_PERIOD"].decided_type) == ("INTEGER", "INTEGER")
    assert (result["DepTime"].decided_type, result["DepTime"].decided_pattern) == ("TIME", "hhmm_time")


def test_hours_and_months_written_with_two_digits_are_numbers(infer: Infer) -> None:
    # Instacart's order_hour_of_day ("08"), a birth month ("03"); a code keeps its zeros.
    hours = [f"{i % 24:02d}" for i in range(240)]
    months = [f"{1 + i % 12:02d}" for i in range(240)]
    codes = [f"{i % 40:02d}" for i in range(240)]
    result = infer({"order_hour_of_day": hours, "birth_month": months, "region_code": codes})
    assert (result["order_hour_of_day"].decided_type, result["order_hour_of_day"].bounds) == ("INTEGER", (0, 23))
    assert result["birth_month"].decided_type == "INTEGER"
    assert result["region_code"].decided_type == "VARCHAR"


def test_a_name_that_is_only_an_abbreviation_gives_no_unit(infer: Infer) -> None:
    # Baseball's HR counts home runs; flight_hr is hours.
    values = [str(i % 40) for i in range(100)]
    result = infer({"HR": values, "flight_hr": values})
    assert result["HR"].candidates[0].detected_unit is None
    assert result["flight_hr"].candidates[0].detected_unit == "h"


def test_phone_numbers_as_bare_digits_under_a_phone_s_name_stay_text(infer: Infer) -> None:
    # NPPES: "Provider Business Mailing Address Telephone Number" as ten bare digits.
    phones = [str(2052034645 + 7919 * i) for i in range(200)]
    result = infer({"Provider Business Mailing Address Telephone Number": phones, "NPI": phones})
    phone = result["Provider Business Mailing Address Telephone Number"]
    assert (phone.decided_type, phone.decided_pattern) == ("VARCHAR", "phone")
    assert "phone numbers under such a name" in phone.reason
    assert result["NPI"].decided_type == "INTEGER"


def test_msisdns_and_sim_identities_as_bare_digits_under_telecom_names_stay_text(infer: Infer) -> None:
    # A mobile operator's CDR and subscriber extracts: MSISDNs in international form without
    # the + (447700900123), an A and B party, IMSIs and IMEIs of 15 digits, ICCIDs of 19. A
    # short code among the called numbers; the CDR's own sequence stays a number.
    msisdns = [str(447700900123 + 7919 * i) for i in range(60)]
    columns = {
        "MSISDN": msisdns, "A_NUMBER": msisdns, "CALLED_NUMBER": [*msisdns[:-1], "150"], "ANI": msisdns,
        "IMSI": [str(234150000000001 + 13 * i) for i in range(60)],
        "IMEI": [str(356938035643809 + 17 * i) for i in range(60)],
        "ICCID": [str(8944110000000000001 + 19 * i) for i in range(60)],
        "RECORD_SEQ": [str(i + 1) for i in range(60)],
    }
    results = infer(columns)
    for name in ("MSISDN", "A_NUMBER", "CALLED_NUMBER", "ANI", "IMSI", "IMEI", "ICCID"):
        assert results[name].decided_type == "VARCHAR", name
        assert "phone line's, a SIM's or a handset's name" in results[name].reason, name
    assert results["RECORD_SEQ"].decided_type == "INTEGER"
    # A count under a phone's wider name stays a number (the World Bank's subscriptions).
    counts = infer({"Mobile cellular subscriptions": [str(120_000 + 4_000_000 * i) for i in range(60)]})
    assert counts["Mobile cellular subscriptions"].decided_type in ("INTEGER", "BIGINT")


def test_decimals_identifiers_and_unix_times_are_no_phone_numbers(infer: Infer) -> None:
    # Crypto volumes ("3.27483019"), SEC CIKs ("0000066740"), Unix times in milliseconds.
    columns = {
        "volume_btc": [f"{i % 97}.{27483019 + i}" for i in range(100)],
        "CIK": [f"{66740 + 31 * i:010d}" for i in range(100)],
        "open_time": [str(1640995200000 + 3_600_000 * i) for i in range(100)],
    }
    for name, result in infer(columns).items():
        assert all(c.detected_pattern != "phone" for c in result.candidates), name


def test_zip_codes_stay_text_under_a_postal_name(infer: Infer) -> None:
    # NYC 311's Incident Zip: mostly 5 digits, some with a leading zero, a few ZIP+4.
    zips = ["11205", "10467", "07302", "10467-8772", "104527767", "11201", "00000", "11691"]
    result = infer({"Incident Zip": [zips[i % 8] for i in range(400)], "Postcode": ["SW1A 1AA", "M5H 2Y4", "EC1A 1BB", "1012 AB"] * 100})
    zip_code = result["Incident Zip"]
    assert (zip_code.decided_type, zip_code.decided_pattern) == ("VARCHAR", "postal_code")
    # Without a leading zero among them, the name alone keeps ZIP codes text (no quarantine).
    plain = infer({"ZIP CODE": [["11205", "10467", "10467-8772", "11691"][i % 4] for i in range(400)]})["ZIP CODE"]
    assert (plain.decided_type, plain.decided_pattern) == ("VARCHAR", "postal_code")
    assert "postal codes under such a name" in plain.reason
    assert result["Postcode"].decided_pattern == "postal_code"
    # The post code in two words (Companies House's RegAddress.PostCode).
    split = infer({"RegAddress.PostCode": ["SW1A 1AA", "EC1A 1BB", "M1 1AE", "B33 8TH"] * 100})["RegAddress.PostCode"]
    assert split.decided_pattern == "postal_code"
    # Five digits under another name are no postal code; whole numbers without their zeros
    # (Olist's zip prefixes 1037, 14409) read as numbers.
    other = infer({"amount": [zips[i % 8].replace("-", "")[:5] for i in range(400)]})["amount"]
    assert all(c.detected_pattern != "postal_code" for c in other.candidates)
    prefixes = infer({"customer_zip_code_prefix": [str(1037 + 977 * i) for i in range(400)]})
    assert prefixes["customer_zip_code_prefix"].decided_type == "INTEGER"


def test_zero_one_flags_of_catalogues_are_booleans(infer: Infer) -> None:
    # Spotify's explicit, a film's adult, an auction's sold.
    flags = [str(i % 3 // 2) for i in range(120)]
    result = infer({"explicit": flags, "adult": flags, "sold": flags, "popularity": flags})
    assert [result[n].decided_type for n in ("explicit", "adult", "sold", "popularity")] == ["BOOLEAN"] * 3 + ["INTEGER"]


def test_a_count_of_years_is_no_identifier_whatever_its_last_word(infer: Infer) -> None:
    # Stack Overflow's YearsCode: years of coding, with two labels among the numbers.
    values = ["Less than 1 year" if i % 13 == 0 else "More than 50 years" if i % 29 == 0 else str(i % 40) for i in range(400)]
    result = infer({"YearsCode": values})["YearsCode"]
    assert "identifier" not in result.reason


def test_a_leading_zero_group_is_a_decimal_comma_not_thousands(infer: Infer) -> None:
    # UCI's AirQuality: "0,237" with three decimals; the column was read as 237.
    values = [f"{i % 3},{(137 * i) % 1000:03d}" for i in range(300)]
    result = infer({"NMHC": values})["NMHC"]
    assert result.decided_type == "DOUBLE"
    assert result.bounds is not None
    assert result.bounds[1] < 3


def test_letters_among_a_few_small_numbers_are_one_code_list(infer: Infer) -> None:
    # Rossmann's StateHoliday: 0 on most days, a, b or c on holidays.
    values = [["a", "b", "c"][i % 3] if i % 20 == 0 else "0" for i in range(600)]
    result = infer({"StateHoliday": values})["StateHoliday"]
    assert result.decided_type == "VARCHAR"
    assert "letters among a few small numbers" in result.reason
    # A month of it may hold one letter alone.
    month = infer({"StateHoliday": ["a" if i % 25 == 0 else "0" for i in range(600)]})["StateHoliday"]
    assert month.decided_type == "VARCHAR"
    # Its test file holds 0.44% of "a": rare, but each written many times.
    rare = infer({"StateHoliday": ["a" if i % 200 == 0 else "0" for i in range(4000)]})["StateHoliday"]
    assert (rare.decided_type, rare.candidates[0].parse_success_rate) == ("VARCHAR", 1.0)
    # A typo or two among ratings is still junk, and so are a few in a big file.
    ratings = ["x" if i in (7, 300) else str(1 + i % 5) for i in range(600)]
    assert infer({"rating": ratings})["rating"].decided_type == "INTEGER"
    ratings = ["x" if i % 1000 == 7 else str(1 + i % 5) for i in range(9000)]
    assert infer({"rating": ratings})["rating"].decided_type == "INTEGER"


def test_a_rare_code_of_capitals_among_a_few_small_numbers_is_one_code_list(infer: Infer) -> None:
    # Freddie Mac's monthly performance file: CURRENT_LOAN_DELINQUENCY_STATUS 0, 1, 2, 3 and
    # "RA" (REO acquired) on one month in 2,000; its loan's row went to quarantine.
    values = ["RA" if i == 1500 else ["0", "0", "0", "0", "1", "2", "3"][i % 7] for i in range(2000)]
    for name in ("CURRENT_LOAN_DELINQUENCY_STATUS", "column04"):
        result = infer({name: values})[name]
        assert (result.decided_type, result.candidates[0].parse_success_rate) == ("VARCHAR", 1.0), name
        assert "letters among a few small numbers (e.g. 'RA')" in result.reason


def test_prices_per_pound_beside_plain_prices_keep_the_column_text(infer: Infer) -> None:
    # A grocery POS export's Unit Price: "$3.52" for scanned items, "$0.69/lb" for weighed
    # produce on one line in 40; those sales lines went to quarantine.
    values = ["$0.69/lb" if i % 40 == 0 else f"${1 + i % 7}.{i % 100:02d}" for i in range(400)]
    result = infer({"Unit Price": values})["Unit Price"]
    assert (result.decided_type, result.candidates[0].parse_success_rate) == ("VARCHAR", 1.0)
    assert "prices per a unit of measure (e.g. '$0.69/lb')" in result.reason
    # A typo among prices is still junk of a money column.
    typo = ["$1.2.3" if i == 7 else f"${1 + i % 7}.{i % 100:02d}" for i in range(400)]
    assert infer({"Unit Price": typo})["Unit Price"].decided_type != "VARCHAR"


def test_numbers_with_a_capital_letter_among_numbers_are_codes_not_units_or_thousands(infer: Infer) -> None:
    # Chicago's IUCR codes unpadded: 110, 486, 31A, 143B. The unit reading took "31A" for 31
    # amperes (and the magnitude one "31B" for 31 billion).
    codes = ["31A", "143B", "31C"]
    values = [codes[i // 10 % 3] if i % 10 == 0 else str(100 + 7 * i % 900) for i in range(400)]
    result = infer({"IUCR": values})["IUCR"]
    assert result.decided_type == "VARCHAR"
    assert "capital letter after them" in result.reason
    # One code alone decides too, unless it may be a magnitude ("3K" beside hundreds).
    assert infer({"IUCR": ["110", "486", "31A", "820"]})["IUCR"].decided_type == "VARCHAR"
    # A typo "1O" (letter O for zero) among quantities stays junk of a numeric column.
    typo = ["1O" if i == 50 else str(i % 40) for i in range(400)]
    assert infer({"qty": typo})["qty"].decided_type == "INTEGER"


def test_fips_codes_stored_as_numbers_stay_codes(infer: Infer, con: duckdb.DuckDBPyConnection) -> None:
    # Zillow's county file: StateCodeFIPS 1..72 and MunicipalCodeFIPS 1..510, zeros lost.
    results = infer({
        "StateCodeFIPS": [str(1 + i % 72) for i in range(200)], "MunicipalCodeFIPS": [str(1 + 3 * (i % 170)) for i in range(200)],
        "SizeRank": [str(i) for i in range(200)],
    })
    assert results["StateCodeFIPS"].decided_type == "VARCHAR"
    assert "lpad(CAST(CAST(code AS BIGINT) AS VARCHAR), 2, '0')" in (results["StateCodeFIPS"].reason or "")
    assert "lpad(CAST(CAST(code AS BIGINT) AS VARCHAR), 3, '0')" in (results["MunicipalCodeFIPS"].reason or "")
    # The padding works on a float's text too (Google's census_fips_code "1001.0").
    assert con.execute("SELECT lpad(CAST(CAST(code AS BIGINT) AS VARCHAR), 5, '0') FROM (VALUES ('1001.0'), ('6037')) t(code)").fetchall() == [
        ("01001",), ("06037",)
    ]
    assert results["SizeRank"].decided_type == "INTEGER"


def test_zip_codes_stored_as_numbers_stay_codes_under_a_postal_name(infer: Infer) -> None:
    # The Superstore sample: New England ZIP codes lost their leading zero in a spreadsheet.
    values = [["1109", "2908", "7102", "98103", "77095", "10024"][i % 6] for i in range(300)]
    result = infer({"Postal Code": values, "Quantity": values})
    assert result["Postal Code"].decided_type == "VARCHAR"
    assert "leading zeros were lost" in result["Postal Code"].reason
    assert result["Quantity"].decided_type == "INTEGER"
    # Four-digit postcodes (Australia's) are codes too.
    assert infer({"postcode": ["2000", "3000", "4000", "2600"] * 20})["postcode"].decided_type == "VARCHAR"


def test_codes_under_an_identifier_s_name_are_no_phone_numbers(infer: Infer) -> None:
    # H&M's article_id: ten digits with a leading zero, which a trunk-0 phone number also is.
    values = [f"0{108775015 + 37 * i}" for i in range(200)]
    result = infer({"article_id": values, "mobile": values})
    assert (result["article_id"].decided_type, result["article_id"].decided_pattern) == ("VARCHAR", None)
    assert result["mobile"].decided_pattern == "phone"


def test_subject_ids_of_a_clinical_trial_are_no_phone_numbers(infer: Infer) -> None:
    # CDISC's SDTM and ADaM tables: USUBJID "01-701-1015" (study, site, subject), digits grouped
    # 2-3-4 as a phone's are; the name in capitals glued to ID is an identifier's.
    values = [f"01-{701 + i % 17}-{1015 + 7 * i}" for i in range(150)]
    result = infer({"USUBJID": values, "SUBJID": values, "PAID": values, "phone": values})
    for name in ("USUBJID", "SUBJID"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("VARCHAR", None), name
        assert "set aside here (an identifier's name)" in result[name].reason
    assert result["phone"].decided_pattern == "phone"
    # A word that ends in ID is no identifier's name.
    assert [looks_like_identifier(n) for n in ("USUBJID", "STUDYID", "PAID", "VALID", "THYROID", "Android")] == [
        True, True, False, False, False, False,
    ]


def test_a_measure_named_after_an_identifier_is_a_number(infer: Infer) -> None:
    # FedEx's invoice detail: "Tracking ID Charge Amount" (4.95, 34.16, 253.00) is the charge
    # of a tracking number, money; the "ID" before it made it an identifier's text.
    charges = [f"{(i * 7.31) % 260:.2f}" for i in range(60)]
    result = infer({"Tracking ID Charge Amount": charges, "Tracking ID": charges})
    assert result["Tracking ID Charge Amount"].decided_type in ("DOUBLE", "DECIMAL")
    assert result["Tracking ID"].decided_type == "VARCHAR"
    names = ("Order ID Weight", "sku_price", "invoice_no_total", "Tracking ID Charge Amount_2", "fee_id", "id_2")
    assert [looks_like_identifier(n) for n in names] == [False, False, False, False, True, True]


def test_statute_sections_with_an_e_are_codes_not_exponents(infer: Infer) -> None:
    # The FJC's civil cases: SECTION "1983", "1332" beside Title VII's "2000e-5" and "2000e-2"
    # (42 U.S.C. 2000e-5), which a float reading made 0.02 and 20.0.
    sections = ["1983", "1332", "2000e-5", "201", "1983", "2000e-2", "1331", "12101", "1981"] * 4
    # R's write.csv writes a small float so beside whole ones: scientific notation, a number.
    r_floats = ["3", "1e-05", "2", "0", "12", "4", "2.5e-07", "7", "1"] * 4
    result = infer({"SECTION": sections, "p_value": r_floats})
    section = result["SECTION"]
    assert (section.decided_type, section.decided_pattern) == ("VARCHAR", None)
    assert "2000e-" in (section.reason or "")
    assert result["p_value"].decided_type == "DOUBLE"


def test_counts_beside_their_buckets_are_a_category(infer: Infer) -> None:
    # HMDA's LAR: total_units is 1 to 4, or "5-24", "25-49", ">149" for a multifamily loan;
    # an integer type sent those loans to quarantine, whole records with them.
    units = [{10: "5-24", 40: "25-49", 70: ">149"}.get(i, "2" if i % 25 == 0 else "1") for i in range(300)]
    # A day and a month written with a dash are no range.
    days = ["12-03" if i % 50 == 0 else str(i % 28 + 1) for i in range(300)]
    result = infer({"total_units": units, "day": days})
    total = result["total_units"]
    assert (total.decided_type, total.decided_pattern) == ("VARCHAR", None)
    assert "ranges or open bounds" in (total.reason or "")
    assert "ranges or open bounds" not in (result["day"].reason or "")


def test_a_few_comma_lists_among_whole_numbers_are_no_decimals(infer: Infer) -> None:
    # Yelp's elite years: mostly one year, a few "2018,2019" (read as 2018.2019 before).
    values = ["2018,2019" if i % 15 == 0 else str(2010 + i % 9) for i in range(300)]
    result = infer({"elite": values})["elite"]
    assert result.decided_type != "DOUBLE"
    assert result.bounds is None or result.bounds[1] <= 2019
    # Decimal commas throughout are decimals.
    euros = [f"{i % 50},{i % 100:02d}" for i in range(300)]
    assert infer({"preis": euros})["preis"].decided_type == "DOUBLE"


def test_a_few_lists_of_numbers_among_numbers_keep_the_column_as_text(
    infer: Infer, con: duckdb.DuckDBPyConnection
) -> None:
    # A parsed nginx access log: upstream_response_time "0.012, 0.340" for a request retried on
    # a second upstream, "0.012 : 0.340" for one redirected inside; upstream_status "502, 200".
    times = ["0.012, 0.340" if i % 60 == 0 else "0.012 : 0.340" if i % 97 == 1 else f"0.{(37 * i) % 1000:03d}" for i in range(300)]
    statuses = ["502, 200" if i % 60 == 0 else "200" for i in range(300)]
    result = infer({"upstream_response_time": times, "upstream_status": statuses})
    for name, example in (("upstream_response_time", "'0.012, 0.340'"), ("upstream_status", "'502, 200'")):
        column = result[name]
        assert column.decided_type == "VARCHAR", name  # (was DOUBLE, the lists' rows quarantined)
        assert f"are lists of numbers (e.g. {example})" in (column.reason or "")
    reason = result["upstream_response_time"].reason or ""
    total = reason[reason.index("list_sum(") : reason.index(" totals")]
    row = con.execute(f"SELECT {total} FROM {RELATION} WHERE _row_id = 0").fetchone()
    assert row is not None
    assert row[0] == pytest.approx(0.352)
    # A comma alone between digits still groups thousands or marks decimals: no lists.
    grouped = ["1,234.50" if i % 60 == 0 else f"{i}.25" for i in range(300)]
    assert infer({"amount": grouped})["amount"].decided_type == "DOUBLE"


def test_a_few_bar_lists_of_years_among_years_keep_the_column_as_text(
    infer: Infer, con: duckdb.DuckDBPyConnection
) -> None:
    # The Met's open-access CSV: Artist Begin Date "1902|1848" for a work of two makers, padded
    # to a width in places ("1902      |1848      "), beside one year for most works.
    values = [
        "1902|1848" if i % 50 == 0 else "1870      |1901      " if i % 50 == 25 else str(1800 + (7 * i) % 115)
        for i in range(300)
    ]
    result = infer({"Artist Begin Date": values})["Artist Begin Date"]
    assert result.decided_type == "VARCHAR"  # (was INTEGER, the multi-artist works quarantined)
    reason = result.reason or ""
    assert "are lists of numbers (e.g. " in reason
    assert "several artists" in reason
    first = reason[reason.index("TRY_CAST(trim(split_part(") : reason.index(" reads the first item")]
    row = con.execute(f"SELECT {first} FROM {RELATION} WHERE _row_id = 25").fetchone()
    assert row is not None
    assert row[0] == 1870


@pytest.mark.parametrize(
    ("name", "notation"),
    [
        ("Date", ["(1903)", "(1917)"]),  # MoMA's Artworks: a year attributed or inferred
        ("PublicationYear", ["[2009]", "[2013]", "[2003]", "[2001?]"]),  # Seattle's checkouts, MARC's 260$c
        ("Date", ["c. 1900", "ca. 1850"]),  # a museum's circa dates
        ("Date", ["1911-12", "1907-08"]),  # spans of a season or a school year
    ],
)
def test_years_in_a_catalogues_notation_keep_a_column_of_years_as_text(
    infer: Infer, con: duckdb.DuckDBPyConnection, name: str, notation: list[str]
) -> None:
    # A collection's or a library's years, a few written as cataloguers write an uncertain one
    # (were quarantined, and MoMA's "(1903)" read as the year -1903).
    values = [notation[(i // 40) % len(notation)] if i % 40 == 7 else str(1850 + (37 * i) % 170) for i in range(200)]
    result = infer({name: values})[name]
    assert result.decided_type == "VARCHAR"
    reason = result.reason or ""
    assert f"years in a catalogue's notation (e.g. {notation[0]!r})" in reason
    extract = reason[reason.index("TRY_CAST(regexp_extract(") : reason.index(" reads the (first) year")]
    row = con.execute(f"SELECT {extract} FROM {RELATION} WHERE _row_id = 7").fetchone()
    assert row is not None
    assert row[0] == int(notation[0].strip("[]()c. ")[:4])


def test_an_amount_in_parentheses_among_amounts_like_years_stays_a_negative_amount(infer: Infer) -> None:
    # A ledger's whole amounts that happen to lie between 1000 and 2100, one written as
    # accounting writes a negative: no year under that name.
    values = ["(1500)" if i % 40 == 7 else str(1000 + (37 * i) % 1000) for i in range(200)]
    result = infer({"amount": values})["amount"]
    assert result.decided_type == "DOUBLE"
    assert result.bounds is not None
    assert result.bounds[0] == -1500


def test_dates_to_come_are_markers_of_a_missing_date(infer: Infer) -> None:
    # Steam's release_date: "Coming soon" and "To be announced" among the dates.
    values = ["Coming soon" if i % 25 == 0 else "To be announced" if i % 31 == 0 else f"Oct {1 + i % 28}, 20{10 + i % 12}" for i in range(500)]
    result = infer({"release_date": values})["release_date"]
    assert result.decided_type == "DATE"
    assert set(result.missing_values) == {"Coming soon", "To be announced"}


def test_assistance_listing_numbers_stay_text_under_their_short_names(infer: Infer) -> None:
    # A Single Audit's SEFA schedule: CFDA (or ALN, Assistance Listing) "93.600", "10.310",
    # an agency's two digits and a program's three, whose trailing zeros a number drops.
    programs = ["93.778", "10.551", "84.010", "93.600", "10.310", "93.070"] * 2
    result = infer({"CFDA": programs, "ALN": programs, "Assistance Listing": programs, "Expenditures": programs})
    for name in ("CFDA", "ALN", "Assistance Listing"):
        assert result[name].decided_type == "VARCHAR", name
        assert "under an identifier's name are written with a decimal point" in result[name].reason
    assert result["Expenditures"].decided_type == "DOUBLE"


def test_identifiers_written_with_a_decimal_point_or_an_exponent_stay_text(infer: Infer) -> None:
    # Citi Bike's start_station_id ("6140.05", "6140.50", a few "JC103"); goodbooks-10k's
    # isbn13 as a spreadsheet wrote it; ids that pandas wrote "72.0" stay integers.
    stations = [f"{6000 + i}.{i % 100:02d}" for i in range(95)] + [f"JC{100 + i}" for i in range(5)]
    result = infer({
        "start_station_id": stations,
        "isbn13": [f"9.7804390{i:04d}e+12" for i in range(100)],
        "float_id": [f"{i}.0" for i in range(100)],
        "amount": [f"{i}.25" for i in range(100)],
    })
    for column in ("start_station_id", "isbn13"):
        assert result[column].decided_type == "VARCHAR", column
        assert "under an identifier's name are written with a decimal point" in result[column].reason
    assert result["float_id"].decided_type == "INTEGER"
    assert result["amount"].decided_type == "DOUBLE"
    # GBFS's station_information: the same codes under short_name, a label's name.
    short = infer({"short_name": stations})["short_name"]
    assert short.decided_type == "VARCHAR"
    assert "under a label's name are written with a decimal point" in short.reason
    # Goodreads' books.csv: ISBN-13s whole but for a few a spreadsheet rounded, which an
    # integer reading turned into other ISBNs (9.78044E+12 as 9780440000000). A quantity so
    # written is a float's.
    result = infer({
        "isbn": [f"97804390{i:05d}" if i % 20 else "9.78044E+12" for i in range(100)],
        "population": [str(120_000 + i * 37) if i % 20 else "1.5E+06" for i in range(100)],
    })
    assert result["isbn"].decided_type == "VARCHAR"
    assert "'9.78044E+12'" in result["isbn"].reason
    assert result["population"].decided_type == "DOUBLE"
    # Reddit's comments: created_utc "1.430438407e9" beside 1430438400, every digit written.
    stamps = [str(1430438400 + 37 * i) if i % 20 else f"{(1430438400 + 37 * i) / 1e9:.9f}e9" for i in range(100)]
    result = infer({"created_utc": stamps, "count": [s if i % 20 else f"{int(s) / 1e9:.9f}e9" for i, s in enumerate(str(1000000000 + i * 7) for i in range(100))]})
    assert (result["created_utc"].decided_type, result["created_utc"].decided_pattern) == ("TIMESTAMP", "epoch_seconds")
    assert result["created_utc"].candidates[0].parse_success_rate == 1.0
    assert result["count"].decided_type == "INTEGER"  # (every digit written: whole numbers)
    # NYC's building permits: a few of Queens' house numbers are two numbers joined by a dash.
    result = infer({"House #": [f"{100 + i * 7}" if i % 40 else f"{30 + i % 9}-{10 + i % 80}" for i in range(400)]})
    assert result["House #"].decided_type == "VARCHAR"
    assert "joined by a dash or a slash (e.g. '" in result["House #"].reason
    # Google Play's apps: versions written x.y, where 1.10 is no 1.1.
    result = infer({"Current Ver": [f"{1 + i % 4}.{i % 12}" for i in range(100)], "Rating": [f"{1 + i % 4}.{i % 10}" for i in range(100)]})
    assert result["Current Ver"].decided_type == "VARCHAR"
    assert "under a version's name" in result["Current Ver"].reason
    assert result["Rating"].decided_type == "DOUBLE"


def test_distinct_values_beyond_the_sample_s_limit_are_kept_without_bias(infer: Infer) -> None:
    # CryptoDataDownload's hourly file, newest first: its oldest 16% of rows write
    # "2019-12-29 03-PM". Kept in value order, the sample's 300 values were mostly those.
    import datetime as dt

    end = dt.datetime(2020, 4, 15)
    values = [
        (end - dt.timedelta(hours=i)).strftime("%Y-%m-%d %I-%p" if i >= 840 else "%Y-%m-%d %H:%M:%S")
        for i in range(1000)
    ]
    result = infer({"Date": values})["Date"]
    assert result.decided_type == "VARCHAR"
    assert "TIMESTAMP (iso_datetime), parses only 84.0%" in result.reason


def test_academic_years_written_with_the_next_year_s_digits_are_no_months(infer: Infer) -> None:
    # The DfE's Explore Education Statistics: time_period 200910..201112 (academic years
    # 2009/10 to 2011/12, "Academic year" beside it) read as October 2009 to December 2011.
    spans = infer({"time_period": ["200910", "201011", "201112"] * 4})["time_period"]
    assert spans.decided_type == "INTEGER"
    assert "2011/12" in spans.reason
    # One year alone under a period's name too; under a month's name it is that month.
    one = infer({"time_period": ["201112"] * 3, "BEGIN_YEARMONTH": ["201112"] * 3})
    assert one["time_period"].decided_type == "INTEGER"
    assert one["BEGIN_YEARMONTH"].decided_type == "DATE"


def test_months_written_yyyymm_under_a_month_s_name_are_dates(infer: Infer) -> None:
    # NOAA's storm events: BEGIN_YEARMONTH 202301..202312; an id of six digits stays a number.
    months = [f"2023{m:02d}" for m in range(1, 13)] * 5
    result = infer({"BEGIN_YEARMONTH": months, "month": months, "order_id": months})
    for column in ("BEGIN_YEARMONTH", "month"):
        assert (result[column].decided_type, result[column].decided_pattern) == ("DATE", "compact_year_month"), column
        assert "202301 is January 2023" in result[column].reason
    assert result["BEGIN_YEARMONTH"].bounds == utc_bounds((2023, 1, 1), (2023, 12, 1))
    assert result["order_id"].decided_type == "INTEGER"


def test_months_written_yyyymm_under_a_period_s_abbreviation_or_a_date_s_name_are_dates(infer: Infer) -> None:
    # The IRS's SOI 990 extracts: tax_pd and tax_prd 202212 stayed numbers where the BMF's
    # TAX_PERIOD of the same values was a month; LA's parking citations: "Plate Expiry Date"
    # 202312. The BMF's ACCT_PD is a month's number (01..12), and a date's name with a value
    # that is no month keeps its numbers.
    months = [f"{2019 + i % 5}{1 + i % 12:02d}" for i in range(60)]
    result = infer({
        "tax_pd": months, "tax_prd": months, "Plate Expiry Date": [*months[:-1], None],
        "ACCT_PD": [f"{1 + i % 12:02d}" for i in range(60)], "Sale Date": [*months[:-1], "202313"], "PD_ID": months,
    })
    for column in ("tax_pd", "tax_prd", "Plate Expiry Date"):
        assert (result[column].decided_type, result[column].decided_pattern) == ("DATE", "compact_year_month"), column
        assert "202301 is January 2023" in result[column].reason
    assert result["tax_pd"].bounds == utc_bounds((2019, 1, 1), (2023, 12, 1))
    assert result["ACCT_PD"].decided_type != "DATE"
    assert result["Sale Date"].decided_type == "INTEGER"
    assert result["PD_ID"].decided_type == "INTEGER"  # (an identifier's name)


def test_months_written_mmyyyy_under_a_period_s_or_a_date_s_name_are_dates(infer: Infer) -> None:
    # Fannie Mae's single-family loan performance data: ACT_PERIOD, ORIG_DATE and MATR_DT
    # written 012023 .. 122023 (month first, as the Freddie file's 202301 is not); they were
    # codes for their leading zero. A value that is no month keeps the column's codes, and
    # six digits under a name of no date stay codes.
    months = [f"{1 + i % 12:02d}{2019 + i % 5}" for i in range(60)]
    result = infer({
        "ACT_PERIOD": months, "ORIG_DATE": months, "MATR_DT": [f"{1 + i % 12:02d}2053" for i in range(60)],
        "Sale Date": [*months[:-1], "132023"], "BRANCH_CODE": months,
    })
    for column in ("ACT_PERIOD", "ORIG_DATE", "MATR_DT"):
        assert (result[column].decided_type, result[column].decided_pattern) == ("DATE", "compact_month_year"), column
        assert "012023 is January 2023" in result[column].reason
    assert result["ACT_PERIOD"].bounds == utc_bounds((2019, 1, 1), (2023, 12, 1))
    assert result["Sale Date"].decided_type != "DATE"
    assert result["BRANCH_CODE"].decided_type != "DATE"


def test_february_29_and_30_of_a_360_day_model_calendar_keep_the_column_text(infer: Infer) -> None:
    # CMIP6 daily output of a Met Office model (UKESM1-0-LL) written by xarray/cftime: time
    # "2015-02-30 12:00:00", every month of 30 days; those rows went to quarantine unnamed. One
    # "2021-02-30" among Gregorian dates is a typo, and still goes to quarantine.
    model = [f"{y}-{m:02d}-{d:02d} 12:00:00" for y in (2015, 2016) for m in range(1, 13) for d in range(1, 31)]
    result = infer({"time": model})["time"]
    assert result.decided_type == "VARCHAR"
    assert "360-day calendar" in (result.reason or "")
    assert "'2015-02-29 12:00:00'" in (result.reason or "")
    days = [(dt.date(2021, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(365)]
    typo = infer({"date": [*days, "2021-02-30"]})["date"]
    assert (typo.decided_type, typo.candidates[0].failed_examples) == ("DATE", ["2021-02-30"])


def test_the_day_s_end_written_24_00_is_the_next_day_s_midnight(infer: Infer) -> None:
    # NUFORC's UFO sightings: "3/24/2007 24:00" beside "10/10/1949 20:30".
    values = ["10/10/1949 20:30", "3/24/2007 24:00", "12/31/2007 24:00:00", "1/13/2008 9:15"] * 10
    result = infer({"datetime": values})["datetime"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "us_datetime")
    assert result.candidates[0].parse_success_rate == 1.0
    assert result.bounds == utc_bounds((1949, 10, 10, 20, 30), (2008, 1, 13, 9, 15))


def test_lists_of_identifiers_in_an_identifier_s_column_stay_text(infer: Infer) -> None:
    # FiveThirtyEight's polls: sponsor_ids "1014,88" beside "1014" (no decimal comma), and a
    # pollster_id column holding a few "93 | 1167".
    result = infer({
        "sponsor_ids": ["1014", "88", "1014,88", "412"] * 25,
        "pollster_id": [str(90 + i) for i in range(96)] + ["93 | 1167", "12 | 7", "5;6", "1,2"],
        "partner_ids": ["1014,88", "3,12", "77,5", "412"] * 25,  # read as decimal commas alone
    })
    assert result["sponsor_ids"].decided_type == "VARCHAR"
    assert "lists of identifiers (e.g. '1014,88')" in result["sponsor_ids"].reason
    assert result["pollster_id"].decided_type == "VARCHAR"
    assert "lists of identifiers (e.g. '93 | 1167')" in result["pollster_id"].reason
    assert result["partner_ids"].decided_type == "VARCHAR"
    assert "under an identifier's name are written with a comma" in result["partner_ids"].reason


def test_zip_codes_masked_to_three_digits_are_postal_codes(infer: Infer) -> None:
    # The CFPB's consumer complaints: "ZIP code" holds 5 digits, "941XX" and "XXXXX".
    values = ["02134", "94107", "941XX", "10467", "144XX", "XXXXX", "60614", "30301"] * 10
    result = infer({"ZIP code": values})["ZIP code"]
    assert (result.decided_type, result.decided_pattern) == ("VARCHAR", "postal_code")
    assert result.candidates[0].pattern_match_rate == 1.0
    # Lending Club's zip_code: every one masked, in lower case ("917xx").
    lending = infer({"zip_code": ["917xx", "606xx", "100xx", "021xx", "750xx"] * 20})["zip_code"]
    assert (lending.decided_type, lending.decided_pattern) == ("VARCHAR", "postal_code")


def test_a_column_of_zeros_and_ones_has_no_lower_bound_candidate(infer: Infer) -> None:
    # The Global Terrorism Database's extended: 0 on 96% of rows. "0" has a lower bound's
    # shape, but without a single "10+" no candidate of lower bounds (failing every 1) is kept.
    result = infer({"extended": ["1" if i % 25 == 0 else "0" for i in range(500)]})["extended"]
    assert "lower_bound" not in [c.detected_pattern for c in result.candidates]


def test_years_in_buckets_with_open_ends_are_whole_years(infer: Infer) -> None:
    # Lending Club's emp_length: "10+ years", "< 1 year", "3 years"; plain spans keep their unit.
    values = ["10+ years", "< 1 year", "3 years", "1 year", "2 years", "7 years"] * 10
    result = infer({"emp_length": values, "tenure": ["3 years", "1 year", "12 years"] * 20})
    emp = result["emp_length"]
    assert (emp.decided_type, emp.decided_pattern, emp.candidates[0].detected_unit) == ("INTEGER", "bounded_years", "year")
    assert emp.bounds == (0.0, 10.0)
    assert "'10+' as 10 (at least 10)" in emp.reason  # (an agent averaging them is told)
    assert result["tenure"].decided_pattern == "unit_value"


def test_a_wide_table_is_scanned_in_parts_and_keeps_every_column_s_failed_examples(infer: Infer) -> None:
    # M5's sales: 1,600 day columns of small counts, each with a yes/no reading failing on
    # its 2s and 3s; in one query the failing values took 28 s over 200 rows. Scanned and
    # searched in parts, every column's candidates keep their counts and examples.
    from datadossier.inference import scan

    width = max(scan.SCAN_COLUMNS, scan.EXAMPLES_PER_QUERY) + 5
    columns = {f"d_{i}": [str(v % 4) for v in range(i, i + 40)] for i in range(width)}
    results = infer(columns)
    last = results[f"d_{width - 1}"]
    assert last.decided_type == "INTEGER"
    boolean = next(c for c in last.candidates if c.data_type == "BOOLEAN")
    assert boolean.parse_success_rate == 0.5
    assert sorted(boolean.failed_examples) == ["2", "3"]


def test_ambiguous_dates_follow_the_order_the_table_s_other_dates_show(infer: Infer) -> None:
    # TfL's cycle hire journeys: Start Date shows days past the 12th (day first); End Date's
    # first days of January alone cannot tell, and went month first for the "/".
    starts = [f"{d:02d}/01/2023 08:{d:02d}" for d in range(1, 29)]
    ends = [f"{1 + d % 12:02d}/01/2023 09:{d:02d}" for d in range(1, 29)]
    results = infer({"Start Date": starts, "End Date": ends, "alone": ends})
    assert results["Start Date"].decided_pattern == "eu_datetime"
    assert results["End Date"].decided_pattern == "eu_datetime"
    assert "the table's other dates" in (results["End Date"].reason or "")
    lone = infer({"End Date": ends})["End Date"]
    assert lone.decided_pattern == "us_datetime"  # nothing else to go by: the separator's habit


def test_ambiguous_dates_follow_the_day_first_country_the_table_s_amounts_and_postcodes_show(infer: Infer) -> None:
    # A UK council's spending over £500, one payment run a day from June 1st to 12th: no day
    # above 12, and the "/" read them month first, January to December. The pounds and the
    # suppliers' postcodes say the country writes the day first.
    days = [f"{d:02d}/06/2023" for d in (1, 2, 5, 7, 9, 12)]
    pounds = ["£612.00", "£1,234.50", "£2500.00", "£730.20", "£845.99", "£999.00"]
    postcodes = ["SW1A 1AA", "M1 1AE", "B33 8TH", "LS1 4DY", "EC1A 1BB", "RG14 2FN"]
    council = infer({"Date": days, "Amount": pounds, "Supplier Postcode": postcodes})["Date"]
    assert (council.decided_pattern, council.candidates[0].details["ambiguous_day_month"]) == ("eu_date", True)
    assert council.bounds == utc_bounds((2023, 6, 1), (2023, 6, 12))
    assert "amounts in GBP (Amount), UK postcodes (Supplier Postcode)" in (council.reason or "")
    # The postcodes alone, or euros written with a decimal comma, say it too.
    assert infer({"Date": days, "Postcode": postcodes})["Date"].decided_pattern == "eu_date"
    euros = ["1.234,50", "612,00", "2.500,00", "730,20", "845,99", "999,00"]
    assert infer({"Datum": days, "Betrag": euros})["Datum"].decided_pattern == "eu_date"
    # Dollars say the month first; pounds beside them settle nothing: the separator's habit.
    dollars = ["$612.00", "$1,234.50", "$2500.00", "$730.20", "$845.99", "$999.00"]
    assert infer({"Date": days, "Amount": dollars})["Date"].decided_pattern == "us_date"
    assert infer({"Date": days, "Amount": pounds, "USD": dollars})["Date"].decided_pattern == "us_date"
    zips = ["10467", "02114", "94110", "60614", "73301", "30301"]
    assert infer({"Date": days, "zip": zips})["Date"].decided_pattern == "us_date"


def test_barcodes_with_a_few_leading_zeros_stay_codes(infer: Infer) -> None:
    # Open Food Facts' code: EAN-13s of a French subset (also Unix milliseconds of the 2060s)
    # beside a few zero-padded UPCs; FoodData Central's gtin_upc with one such code in 1,000.
    eans = [str(3_000_000_000_000 + 7_919_113 * i) for i in range(200)]
    code = infer({"code": [*eans[:196], "0073410013534", "0049000028911", "0041000000000", "0012000001291"]})["code"]
    assert code.decided_type == "VARCHAR"
    assert all(c.data_type != "TIMESTAMP" for c in code.candidates[:1])
    gtin = infer({"gtin_upc": [*[str(70_000_000_000 + 13 * i) for i in range(999)], "00070404000104"]})["gtin_upc"]
    assert gtin.decided_type == "VARCHAR"
    assert "leading zero" in (gtin.reason or "")


def test_a_quadkey_of_digits_stays_text(infer: Infer) -> None:
    # Ookla's speed-test tiles outside the Americas: zoom-16 quadkeys with no leading zero
    # ("1330021100001103") were BIGINT, while New York's ("0320101...") stayed text.
    tiles = [f"{d}{(i * 7919) % 4**15:015d}".translate(str.maketrans("456789", "012301")) for i, d in enumerate("123" * 20)]
    result = infer({"quadkey": tiles, "tests": [str(10 + i) for i in range(60)]})
    assert result["quadkey"].decided_type == "VARCHAR"
    assert "quadkey's name" in (result["quadkey"].reason or "")
    assert result["tests"].decided_type == "INTEGER"


def test_a_column_of_cr_and_dr_amounts_names_its_sign_convention(infer: Infer) -> None:
    # An Australian bank statement's balance column: the decision says which side is negative
    # (DR), and that unmarked amounts are read as written.
    result = infer({"Balance": ["1,250.00 CR", "195.20 DR", "12.00"] * 3})["Balance"]
    assert result.decided_pattern == "credit_debit"
    assert result.candidates[0].details["sign_convention"] == "CR positive (credit), DR negative (debit), unmarked as written"
    assert "DR debits, below zero" in result.reason


def test_dotted_diagnosis_codes_stay_text_with_their_letter_codes(infer: Infer) -> None:
    # The UCI diabetes study's diag_1..diag_3 and CMS's ICD9_DGNS_CD_1: dotted ICD-9 codes were
    # DOUBLE, "038.9" became 38.9 and "250.00" 250, and the 2% of V codes went to quarantine.
    codes = ["250.83", "276", "428.0", "414.01", "250.00", "038.9", "008.45", "786.50", "428.30", "996.81"]
    values = [codes[i % len(codes)] if i % 50 else "V57.89" for i in range(500)]
    results = infer({"diag_1": values, "ICD9_DGNS_CD_1": values})
    assert results["diag_1"].decided_type == "VARCHAR"
    assert "diagnosis code's name" in results["diag_1"].reason
    assert "'V57.89'" in results["diag_1"].reason
    assert results["ICD9_DGNS_CD_1"].decided_type == "VARCHAR"
    # Without any V code, the column is no number either; a count of diagnoses is one.
    plain = infer({"dx": codes * 3, "number_diagnoses": [str(1 + i % 9) for i in range(30)]})
    assert plain["dx"].decided_type == "VARCHAR"
    assert plain["number_diagnoses"].decided_type == "INTEGER"
    # Undotted codes under such a name too (CMS's ADMTNG_ICD9_DGNS_CD "4280" beside "V5789").
    undotted = infer({"ADMTNG_ICD9_DGNS_CD": ["4280", "5990", "53081", "2859", "41401"] * 10})["ADMTNG_ICD9_DGNS_CD"]
    assert undotted.decided_type == "VARCHAR"
    # A physicist's dx (negative steps) is no code list.
    steps = infer({"dx": [f"{(i - 20) * 0.125:.3f}" for i in range(40)]})["dx"]
    assert steps.decided_type == "DOUBLE"


def test_dewey_classes_stay_text_with_the_shelf_s_fiction_and_biography(infer: Infer) -> None:
    # A public library's catalogue export: Dewey "005.133" was DOUBLE 5.133, "938.00" 938, and
    # every fiction record's "[Fic]" NULL.
    classes = ["005.133", "823.914", "813.54", "658.4", "973.7", "152.4", "781.66", "938.00", "025.04", "513"]
    values = [classes[i % len(classes)] if i % 8 else "[Fic]" for i in range(80)] + ["E", "B"] * 5
    result = infer({"Dewey": values})["Dewey"]
    assert result.decided_type == "VARCHAR"
    assert "library classification's name" in result.reason
    assert "'[Fic]'" in result.reason
    # A call number of classes alone, and whole classes under Dewey's own name, too.
    results = infer({"Call Number": classes * 3, "DDC": ["813", "973", "152"] * 10})
    for column in ("Call Number", "DDC"):
        assert results[column].decided_type == "VARCHAR", column
    # Whole numbers under a classification's name of another kind count classes; a class's size is a number.
    others = infer({"classification": ["0", "1", "2"] * 10, "class_size": ["24.5", "30.0", "18.5"] * 10})
    assert others["classification"].decided_type == "INTEGER"
    assert others["class_size"].decided_type == "DOUBLE"


def test_dotted_codes_of_one_width_with_a_leading_zero_stay_text(infer: Infer) -> None:
    # A registrar's students.major_cip and IPEDS's completions CIPCODE: "09.0101", "11.0701",
    # "01.0000" were DOUBLE 9.0101, 11.0701 and 1.0, the undeclared students' "UNDL" quarantined.
    cips = ["52.0201", "11.0701", "42.0101", "26.0101", "09.0101", "01.0000", "45.1001", "27.0101"]
    majors = ["UNDL" if i % 25 == 0 else cips[i % len(cips)] for i in range(400)]
    codes = ["99" if i % 7 == 0 else cips[i % len(cips)] for i in range(400)]
    results = infer({"major_cip": majors, "CIPCODE": codes})
    for column in ("major_cip", "CIPCODE"):
        assert results[column].decided_type == "VARCHAR", column
        assert "codes of a classification written to a fixed width" in results[column].reason, column
    assert "'UNDL') are codes of the same list" in results["major_cip"].reason
    # Amounts of varying widths are numbers, and so are a percentage, a measure, a timecard's
    # hours and a fixed-width record's amounts written to a width ("05.25", "08.00",
    # "0095602.47"), as whole numbers padded with zeros are.
    amounts = [f"{(37 * i) % 900 / 7:.2f}" for i in range(1, 400)] + ["05.50"]
    padded = [f"0{i % 10}.{i % 100:02d}" for i in range(400)]
    hours = [f"{4 + i % 7:02d}.{(i % 2) * 5}0" for i in range(400)]
    amounts_padded = [f"{(37 * i) % 99999:07d}.{i % 100:02d}" for i in range(400)]
    others = infer({"fee": amounts, "rate_pct": padded, "weight": padded, "hours": hours, "amount": amounts_padded})
    for column in ("fee", "rate_pct", "weight", "hours", "amount"):
        assert others[column].decided_type == "DOUBLE", column


def test_procedure_code_modifiers_stay_text_with_their_letter_modifiers(infer: Infer) -> None:
    # The fee schedule's MOD, a claim line's MDFR_CD: 26, 59, 25 beside TC, LT, RT. As
    # INTEGER each technical-component line went to quarantine.
    numbers = ["25", "26", "59", "76", "51", "50", "91"]
    values = [numbers[i % 7] for i in range(98)] + ["TC", "LT"]
    results = infer({"MOD": values, "modifier_1": values, "units": [str(10 + i % 20) for i in range(100)]})
    assert results["MOD"].decided_type == "VARCHAR"
    assert "modifier's name" in results["MOD"].reason
    assert "'TC'" in results["MOD"].reason
    assert results["modifier_1"].decided_type == "VARCHAR"
    assert results["units"].decided_type == "INTEGER"
    # Two-digit modifiers alone are the same codes.
    assert infer({"MDFR_CD": numbers * 4})["MDFR_CD"].decided_type == "VARCHAR"


def test_a_quantity_with_a_number_s_ending_is_a_quantity(infer: Infer) -> None:
    # CMS's prescription drug events: QTY_DSPNSD_NUM "30.000" was kept as text, "an
    # identifier's" decimals, beside DAYS_SUPLY_NUM typed INTEGER.
    values = [f"{q}.000" for q in (30, 60, 90, 28, 14)] * 20
    result = infer({"QTY_DSPNSD_NUM": values})["QTY_DSPNSD_NUM"]
    assert result.decided_type == "DOUBLE"


def test_a_quantity_of_ones_is_no_flag_and_the_reason_says_what_the_values_are(infer: Infer) -> None:
    # An Amazon settlement's quantity-purchased: 1 on every line of the German file, read as a
    # BOOLEAN "only 0/1" under "a yes/no flag's name" while the US files read it INTEGER.
    result = infer({"quantity-purchased": ["1"] * 200})["quantity-purchased"]
    assert result.decided_type == "INTEGER"
    # A flag's name of 1s alone is read as one, and the reason names the one value.
    flag = infer({"is_active": ["1"] * 200})["is_active"]
    assert flag.decided_type == "BOOLEAN"
    assert "Every value is 1 and the name reads as a yes/no flag" in flag.reason
    assert "0/1" not in flag.reason


def test_a_yes_no_flag_of_zero_and_y_says_nothing_of_codes_kept_as_text(infer: Infer) -> None:
    # DE-SynPUF's BENE_ESRD_IND: 0 or Y. BOOLEAN, while the reason said the letters among
    # small numbers were "kept as text".
    values = ["Y" if i % 10 == 0 else "0" for i in range(300)]
    result = infer({"BENE_ESRD_IND": values})["BENE_ESRD_IND"]
    assert result.decided_type == "BOOLEAN"
    assert "kept as text" not in result.reason


def test_football_odds_for_home_draw_and_away_are_no_hours(infer: Infer) -> None:
    # football-data.co.uk's E1.csv: AvgH, the home win's average odds, was given hours
    # ("avg" before a last H) while AvgD and AvgA had no unit.
    results = infer({
        "AvgH": ["2.62", "2.34", "1.95"], "AvgD": ["3.21", "3.30", "3.55"], "AvgA": ["2.79", "3.10", "3.95"],
        "flight_time_h": ["2.5", "1.25", "3"],
    })
    assert [results[c].candidates[0].detected_unit for c in results] == [None, None, None, "h"]
    assert "home, draw and away" in results["AvgH"].reason
