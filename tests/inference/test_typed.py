"""typed_expression and failed_condition: each pattern round-trips to the right typed value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import duckdb
import pytest

from datadossier.inference import DataType, failed_condition, typed_expression, whole_digits

Convert = Callable[[str, str], object]


@pytest.mark.parametrize(
    ("value", "data_type", "pattern", "expected"),
    [
        (" 42 ", "INTEGER", None, 42),
        ("+5", "BIGINT", None, 5),
        ("1.5", "INTEGER", None, None),  # not whole: NULL, not 2
        ("1.0", "INTEGER", "integer", 1),
        ("3.14", "DOUBLE", None, 3.14),
        ("abc", "DOUBLE", None, None),
        ("1,234,567", "INTEGER", "thousands", 1234567),
        ("1.234.567", "BIGINT", "thousands", 1234567),
        ("1,23", "INTEGER", "thousands", None),
        ("1 234 567", "INTEGER", "thousands", 1234567),
        ("1'234'567", "INTEGER", "thousands", 1234567),
        ("12,34,567", "INTEGER", "thousands", 1234567),
        ("₹1,23,456.50", "DECIMAL", "currency", Decimal("123456.50")),
        ("R$ 1.234,56", "DECIMAL", "currency_eu", Decimal("1234.56")),
        ("1'234.5", "DOUBLE", "grouped_number", 1234.5),
        ("($1,234.50)", "DECIMAL", "currency", Decimal("-1234.50")),
        ("(1.234,50 €)", "DECIMAL", "currency_eu", Decimal("-1234.50")),
        ("$(1,234.56)", "DECIMAL", "currency", Decimal("-1234.56")),
        (" $ (12,345.00)", "DECIMAL", "currency", Decimal("-12345.00")),
        ("(1.234,56) €", "DECIMAL", "currency_eu", Decimal("-1234.56")),
        ("\u2212$1,234.50", "DECIMAL", "currency", Decimal("-1234.50")),
        ("$\u221212.50", "DECIMAL", "currency", Decimal("-12.50")),
        ("\u2212714,66 €", "DECIMAL", "currency_eu", Decimal("-714.66")),
        ("\u22121,200.00", "DOUBLE", "grouped_number", -1200.0),
        ("\u22121.234,50", "DOUBLE", "grouped_number_eu", -1234.5),
        ("\u22121,234", "INTEGER", "thousands", -1234),
        ("\u2212$1.2B", "DECIMAL", "currency_magnitude", Decimal("-1200000000")),
        ("2021-03-04 05:06:07 UTC", "TIMESTAMP", "iso_datetime", dt.datetime(2021, 3, 4, 5, 6, 7)),
        ("2021-03-04 05:06:07 America/New_York", "TIMESTAMP", "iso_datetime", dt.datetime(2021, 3, 4, 10, 6, 7)),
        ("95,602.52", "DOUBLE", "grouped_number", 95602.52),
        ("(1,234.50)", "DOUBLE", "grouped_number", -1234.5),
        ("-0.5", "DOUBLE", "grouped_number", -0.5),
        ("1.234,50", "DOUBLE", "grouped_number", None),
        ("94.833,97", "DOUBLE", "grouped_number_eu", 94833.97),
        ("1\u202f234,5", "DOUBLE", "grouped_number_eu", 1234.5),
        ("-0,25", "DOUBLE", "grouped_number_eu", -0.25),
        ("1,234.50", "DOUBLE", "grouped_number_eu", None),
        ("134-", "INTEGER", "trailing_minus_integer", -134),
        ("134", "BIGINT", "trailing_minus_integer", 134),
        ("1,234.50-", "DOUBLE", "trailing_minus", -1234.5),
        ("1.234,50-", "DOUBLE", "trailing_minus_eu", -1234.5),
        ("1 234,5", "DOUBLE", "trailing_minus_eu", 1234.5),
        ("-134", "INTEGER", "trailing_minus_integer", None),
        ("1,204.80 CR", "DOUBLE", "credit_debit", 1204.8),
        ("195.20 DR", "DOUBLE", "credit_debit", -195.2),
        ("178.36Cr", "DOUBLE", "credit_debit", 178.36),
        ("1,23 CR", "DOUBLE", "credit_debit", None),
        ("2021-01-05", "DATE", "iso_or_us_date", dt.date(2021, 1, 5)),
        ("1/13/2021", "DATE", "iso_or_us_date", dt.date(2021, 1, 13)),
        ("13/1/2021", "DATE", "iso_or_us_date", None),
        ("13.01.2021", "DATE", "iso_or_eu_date", dt.date(2021, 1, 13)),
        ("25/05/18", "DATE", "iso_or_eu_date_short", dt.date(2018, 5, 25)),
        ("2017-04-05", "DATE", "iso_or_eu_date_short", dt.date(2017, 4, 5)),
        ("4/13/18", "DATE", "iso_or_us_date_short", dt.date(2018, 4, 13)),
        ("11/08/17", "DATE", "eu_date_mixed_year", dt.date(2017, 8, 11)),
        ("19/08/2017", "DATE", "eu_date_mixed_year", dt.date(2017, 8, 19)),
        ("8/19/17", "DATE", "us_date_mixed_year", dt.date(2017, 8, 19)),
        ("19/08/17", "DATE", "us_date_mixed_year", None),
        ("18-Apr-23", "DATE", "eu_or_month_name_date", dt.date(2023, 4, 18)),
        ("13/04/2023", "DATE", "eu_or_month_name_date", dt.date(2023, 4, 13)),
        ("Apr 18, 2023", "DATE", "us_or_month_name_date", dt.date(2023, 4, 18)),
        ("4/13/2023", "DATE", "us_or_month_name_date", dt.date(2023, 4, 13)),
        ("2009-12-01 07:45:00", "TIMESTAMP", "iso_or_us_datetime", dt.datetime(2009, 12, 1, 7, 45)),
        ("1:47.204", "DOUBLE", "duration", 107.204),  # not 107.20400000000001
        ("10 - Extremely likely", "INTEGER", "labelled_scale", 10),
        ("-9. Refused", "INTEGER", "labelled_scale", -9),
        (" 7 ", "INTEGER", "labelled_scale", 7),
        ("00:02:15", "DOUBLE", "elapsed_time", 135.0),
        # ServiceNow's durations: displayed in words, stored as the moment that long after the epoch.
        ("2 Hours 15 Minutes", "DOUBLE", "worded_duration", 8100.0),
        ("1 Day 1 Hour 1 Minute", "DOUBLE", "worded_duration", 90060.0),
        ("2 days, 3 hours", "DOUBLE", "worded_duration", 183600.0),
        ("38 Seconds", "DOUBLE", "worded_duration", 38.0),
        ("1970-01-03 18:00:00", "DOUBLE", "epoch_duration", 237600.0),
        ("1971-01-03 18:00:00", "DOUBLE", "epoch_duration", None),
        ("12:00:00.5", "DOUBLE", "elapsed_time", 43200.5),
        ("01.03.2023 00:15 - 01.03.2023 00:30", "TIMESTAMP", "datetime_interval", dt.datetime(2023, 3, 1, 0, 15)),
        ("29.10.2023 02:00 - 29.10.2023 03:00 (CET)", "TIMESTAMP", "datetime_interval", dt.datetime(2023, 10, 29, 2, 0)),
        # AWS CUR's identity/TimeInterval: ISO 8601's start/end, read as the start in UTC.
        ("2023-04-01T00:00:00Z/2023-04-01T01:00:00Z", "TIMESTAMP", "datetime_interval", dt.datetime(2023, 4, 1, 0, 0)),
        ("2023-04-01T02:00:00+02:00/2023-04-01T03:00:00+02:00", "TIMESTAMP", "datetime_interval", dt.datetime(2023, 4, 1)),
        ("2023-04-01/2023-05-01", "TIMESTAMP", "datetime_interval", dt.datetime(2023, 4, 1)),
        ("2023-04-01/P1M", "TIMESTAMP", "datetime_interval", None),
        ("34:12", "INTEGER", "minutes_seconds", 2052),
        ("12/13/2010 8:26", "TIMESTAMP", "iso_or_us_datetime", dt.datetime(2010, 12, 13, 8, 26)),
        ("13.12.2010 8:26", "TIMESTAMP", "iso_or_eu_datetime", dt.datetime(2010, 12, 13, 8, 26)),
        ("13/12/2010 8:26", "TIMESTAMP", "iso_or_us_datetime", None),
        ("2021/1/5 9:05", "TIMESTAMP", "ymd_slash_datetime", dt.datetime(2021, 1, 5, 9, 5)),
        ("3/24/2007 24:00", "TIMESTAMP", "us_datetime", dt.datetime(2007, 3, 25)),
        ("31.12.2007 24:00:00", "TIMESTAMP", "eu_datetime", dt.datetime(2008, 1, 1)),
        ("3/24/2007 24:01", "TIMESTAMP", "us_datetime", None),
        ("Q3 2021", "DATE", "year_quarter", dt.date(2021, 7, 1)),
        ("964982703", "TIMESTAMP", "epoch_seconds", dt.datetime(2000, 7, 30, 18, 45, 3)),
        ("2.5M", "DOUBLE", "abbreviated_number", 2_500_000.0),
        ("$1.2B", "DECIMAL", "currency_magnitude", Decimal("1200000000")),
        ("-€350M", "DECIMAL", "currency_magnitude", Decimal("-350000000")),
        ("£15.5K", "DECIMAL", "currency_magnitude", Decimal("15500")),
        ("BRL 1.2M", "DECIMAL", "currency_magnitude", Decimal("1200000")),
        ("MXN 900", "DECIMAL", "currency_magnitude", Decimal("900")),
        ("€25.00m", "DECIMAL", "currency_magnitude", Decimal("25000000")),
        ("€800k", "DECIMAL", "currency_magnitude", Decimal("800000")),
        ("€1.50bn", "DECIMAL", "currency_magnitude", Decimal("1500000000")),
        ("$45.25/MWh", "DECIMAL", "currency_per_unit", Decimal("45.25")),
        ("-$3.14/MWh", "DECIMAL", "currency_per_unit", Decimal("-3.14")),
        ("$7.50/kW-mo", "DECIMAL", "currency_per_unit", Decimal("7.50")),
        ("12.5¢/kWh", "DECIMAL", "currency_per_unit", Decimal("0.125")),
        ("45.25 EUR / MWh", "DECIMAL", "currency_per_unit", Decimal("45.25")),
        ("$1,045.25/MWh", "DECIMAL", "currency_per_unit", Decimal("1045.25")),
        ("$45.25", "DECIMAL", "currency_per_unit", None),
        ("1,85 m", "DOUBLE", "unit_value", 1.85),
        ("12,5 kg", "DOUBLE", "unit_value", 12.5),
        ("1,250 kg", "DOUBLE", "unit_value", 1250.0),
        ("5MM", "DOUBLE", "abbreviated_number", 5_000_000.0),
        ("-1.5 bn", "DOUBLE", "abbreviated_number", -1.5e9),
        ("12", "DOUBLE", "abbreviated_number", 12.0),
        ("964982703500", "TIMESTAMP", "epoch_millis", dt.datetime(2000, 7, 30, 18, 45, 3, 500000)),
        ("123456789", "TIMESTAMP", "epoch_seconds", None),
        ("2021-q4", "DATE", "year_quarter", dt.date(2021, 10, 1)),
        ("\u22120.5", "DOUBLE", "unicode_minus", -0.5),
        ("2021/13/5 9:05", "TIMESTAMP", "ymd_slash_datetime", None),
        # Google Forms' Timestamp: a 12-hour clock and the zone's offset, read in UTC.
        ("2023/04/01 10:15:22 PM GMT+1", "TIMESTAMP", "ymd_slash_datetime", dt.datetime(2023, 4, 1, 21, 15, 22)),
        ("2023/04/07 12:30:00 AM GMT+2", "TIMESTAMP", "ymd_slash_datetime", dt.datetime(2023, 4, 6, 22, 30)),
        ("2023/04/02 9:03 AM", "TIMESTAMP", "ymd_slash_datetime", dt.datetime(2023, 4, 2, 9, 3)),
        ("2023/04/02 9:03:11 PM GMT-05:30", "TIMESTAMP", "ymd_slash_datetime", dt.datetime(2023, 4, 3, 2, 33, 11)),
        # Amazon's EU settlement reports: day first, in UTC.
        ("03.04.2023 10:42:04 UTC", "TIMESTAMP", "eu_datetime", dt.datetime(2023, 4, 3, 10, 42, 4)),
        ("03/04/2023 10:42 GMT+1", "TIMESTAMP", "eu_datetime", dt.datetime(2023, 4, 3, 9, 42)),
        ("4/3/2023 10:42:04 PM UTC", "TIMESTAMP", "us_datetime", dt.datetime(2023, 4, 3, 22, 42, 4)),
        ("03.04.2023 10:42:04 UTC junk", "TIMESTAMP", "eu_datetime", None),
        ("Tuesday, January 5, 2021", "DATE", "weekday_date", dt.date(2021, 1, 5)),
        ("tue, 5 jan 2021", "DATE", "weekday_date", dt.date(2021, 1, 5)),
        ("Tue, 05 Jan 2021 10:11:12 GMT", "TIMESTAMP", "rfc_datetime", dt.datetime(2021, 1, 5, 10, 11, 12)),
        ("Tue, 05 Jan 2021 10:11:12 -0200", "TIMESTAMP", "rfc_datetime", dt.datetime(2021, 1, 5, 12, 11, 12)),
        ("1/5/2021 1:45:07 PM", "TIMESTAMP", "us_datetime", dt.datetime(2021, 1, 5, 13, 45, 7)),
        ("01-31-2021 13:45", "TIMESTAMP", "us_datetime", dt.datetime(2021, 1, 31, 13, 45)),
        ("12/1/2021 12:05AM", "TIMESTAMP", "us_datetime", dt.datetime(2021, 12, 1, 0, 5)),
        ("13/1/2021 10:00", "TIMESTAMP", "us_datetime", None),
        ("31.01.2021 13:45:59", "TIMESTAMP", "eu_datetime", dt.datetime(2021, 1, 31, 13, 45, 59)),
        ("31.01.2021 1:45 pm", "TIMESTAMP", "eu_datetime", dt.datetime(2021, 1, 31, 13, 45)),
        ("31.01.2021 25:00", "TIMESTAMP", "eu_datetime", None),
        ("$1,234.50", "DECIMAL", "currency", Decimal("1234.50")),
        ("-$3.00", "DECIMAL", "currency", Decimal("-3")),
        ("$-3.00", "DECIMAL", "currency", Decimal("-3")),
        ("901.00 USD", "DECIMAL", "currency", Decimal("901")),
        ("USD 901.00", "DECIMAL", "currency", Decimal("901")),
        ("£12", "DECIMAL", "currency", Decimal("12")),
        ("¥1,000", "DECIMAL", "currency", Decimal("1000")),
        ("12.50", "DECIMAL", "currency", Decimal("12.5")),
        ("$0.12345", "DECIMAL", "currency", None),  # more decimals than money keeps: quarantine
        ("$0.12345", "DECIMAL", "currency_precise", Decimal("0.12345")),
        ("-$43,123.000000000001", "DECIMAL", "currency_precise", Decimal("-43123.000000000001")),
        ("$0.1234567890123", "DECIMAL", "currency_precise", None),
        ("0,00012345 €", "DECIMAL", "currency_eu_precise", Decimal("0.00012345")),
        ("1.234,50 €", "DECIMAL", "currency", None),  # the other convention is not guessed
        ("1.234,50 €", "DECIMAL", "currency_eu", Decimal("1234.50")),
        ("€1.234,50", "DECIMAL", "currency_eu", Decimal("1234.50")),
        ("1 234,5 EUR", "DECIMAL", "currency_eu", Decimal("1234.5")),
        ("12.5%", "DOUBLE", "percent", 12.5),
        ("12.5 %", "DOUBLE", "percent", 12.5),
        ("12,5 %", "DOUBLE", "percent", 12.5),
        ("12.5 kg", "DOUBLE", "unit_value", 12.5),
        ("3km", "DOUBLE", "unit_value", 3.0),
        ("20 °C", "DOUBLE", "unit_value", 20.0),
        ("-10.36 mph", "DOUBLE", "unit_value", -10.36),
        ("12 kg 5", "DOUBLE", "unit_value", None),
        ("yes", "BOOLEAN", "boolean", True),
        (" N ", "BOOLEAN", "boolean", False),
        ("TRUE", "BOOLEAN", None, True),
        ("maybe", "BOOLEAN", "boolean", None),
        ("09:30", "TIME", "time", dt.time(9, 30)),
        ("5:06 PM", "TIME", "time", dt.time(17, 6)),
        ("11:59:59pm", "TIME", "time", dt.time(23, 59, 59)),
        ("12:00 AM", "TIME", "time", dt.time(0, 0)),
        ("13:00 PM", "TIME", "time", None),
        ("18.05.09", "TIME", "dotted_time", dt.time(18, 5, 9)),
        ("May 7, 2019 6:43:19 PM", "TIMESTAMP", "month_name_datetime", dt.datetime(2019, 5, 7, 18, 43, 19)),
        ("7 May 2019 12:05AM", "TIMESTAMP", "month_name_datetime", dt.datetime(2019, 5, 7, 0, 5)),
        ("20190507064319", "TIMESTAMP", "compact_datetime", dt.datetime(2019, 5, 7, 6, 43, 19)),
        ("20190101 170003123", "TIMESTAMP", "compact_datetime", dt.datetime(2019, 1, 1, 17, 0, 3, 123000)),
        ("20190101 170000", "TIMESTAMP", "compact_datetime", dt.datetime(2019, 1, 1, 17, 0)),
        ("[10/Oct/2000:13:55:36 -0700]", "TIMESTAMP", "clf_datetime", dt.datetime(2000, 10, 10, 20, 55, 36)),
        ("11/oct/2000:01:02:03 +0200", "TIMESTAMP", "clf_datetime", dt.datetime(2000, 10, 10, 23, 2, 3)),
        ("12/Jan/23 3:45 PM", "TIMESTAMP", "month_name_datetime", dt.datetime(2023, 1, 12, 15, 45)),
        ("12/Jan/23", "DATE", "month_name_date", dt.date(2023, 1, 12)),
        ("12/Jan/2023", "DATE", "month_name_date", dt.date(2023, 1, 12)),
        ("18.5.9", "TIME", "dotted_time", None),
        ("2021-3-4", "DATE", "iso_date", dt.date(2021, 3, 4)),
        ("3/4/21", "DATE", "us_date_short", dt.date(2021, 3, 4)),
        ("12-31-99", "DATE", "us_date_short", dt.date(1999, 12, 31)),
        ("3/4/2021", "DATE", "us_date_short", None),
        ("31.12.99", "DATE", "eu_date_short", dt.date(1999, 12, 31)),
        ("2021.03.04", "DATE", "ymd_slash", dt.date(2021, 3, 4)),
        ("04-MAR-21", "DATE", "month_name_date", dt.date(2021, 3, 4)),
        ("04-Mar-2021", "DATE", "month_name_date", dt.date(2021, 3, 4)),
        ("2021-03-04 05:06", "DATE", "iso_date", None),  # not a date: its time would be lost
        ("2021-3-4 5:06:07", "TIMESTAMP", "iso_datetime", dt.datetime(2021, 3, 4, 5, 6, 7)),
        (" 23:59:59.5 ", "TIME", None, dt.time(23, 59, 59, 500000)),
        ("2021-01-05", "DATE", "iso_date", dt.date(2021, 1, 5)),
        ("2021-01-05T10:11:12", "TIMESTAMP", "iso_datetime", dt.datetime(2021, 1, 5, 10, 11, 12)),
        ("2021-01-05 10:11", "TIMESTAMP", None, dt.datetime(2021, 1, 5, 10, 11)),
        ("2021-01-05T10:11:12+02:00", "TIMESTAMP", "iso_datetime", dt.datetime(2021, 1, 5, 8, 11, 12)),
        ("2021-01-05T10:11:12.5Z", "TIMESTAMP", "iso_datetime", dt.datetime(2021, 1, 5, 10, 11, 12, 500000)),
        ("03/04/2021", "DATE", "eu_date", dt.date(2021, 4, 3)),
        ("03/04/2021", "DATE", "us_date", dt.date(2021, 3, 4)),
        ("3.4.2021", "DATE", "eu_date", dt.date(2021, 4, 3)),
        ("03-04-2021", "DATE", "eu_date", dt.date(2021, 4, 3)),
        ("1/5/21", "DATE", "us_date", None),  # two-digit years are not guessed
        ("2021/01/05", "DATE", "ymd_slash", dt.date(2021, 1, 5)),
        ("20210105", "DATE", "compact_date", dt.date(2021, 1, 5)),
        ("20211305", "DATE", "compact_date", None),
        ("Jan 5 2021", "DATE", "month_name_date", dt.date(2021, 1, 5)),
        ("Jan 5, 2021", "DATE", "month_name_date", dt.date(2021, 1, 5)),
        ("5 January 2021", "DATE", "month_name_date", dt.date(2021, 1, 5)),
        ("05-Jan-2021", "DATE", "month_name_date", dt.date(2021, 1, 5)),
        ("Jan 1 2021 03:36", "TIMESTAMP", "month_name_datetime", dt.datetime(2021, 1, 1, 3, 36)),
        ("anything", "VARCHAR", None, "anything"),
        ("ana@example.com", "VARCHAR", "email", "ana@example.com"),
    ],
)
def test_typed_expression_round_trips(
    convert: Convert, value: str, data_type: DataType, pattern: str | None, expected: object
) -> None:
    assert convert(typed_expression("$1", data_type, pattern), value) == expected


@pytest.mark.parametrize(
    ("data_type", "pattern", "sql_type"),
    [
        ("INTEGER", None, "INTEGER"),
        ("BIGINT", "thousands", "BIGINT"),
        ("DOUBLE", "unit_value", "DOUBLE"),
        ("DECIMAL", "currency", "DECIMAL(18,4)"),
        ("DECIMAL", None, "DECIMAL(18,4)"),
        ("DECIMAL", "currency_precise", "DECIMAL(38,12)"),
        ("BOOLEAN", "boolean", "BOOLEAN"),
        ("DATE", "us_date", "DATE"),
        ("TIMESTAMP", "iso_datetime", "TIMESTAMP"),
        ("TIME", "time", "TIME"),
    ],
)
def test_typed_expression_has_the_decided_sql_type(
    convert: Convert, data_type: DataType, pattern: str | None, sql_type: str
) -> None:
    assert convert(f"typeof({typed_expression('$1', data_type, pattern)})", "1") == sql_type


def test_varchar_decision_returns_the_column_unchanged() -> None:
    assert typed_expression('"c"', "VARCHAR", "email") == '"c"'
    assert failed_condition('"c"', "VARCHAR", None) == "FALSE"


def test_failed_condition_is_true_exactly_for_values_that_do_not_convert() -> None:
    values = ["$1.00", None, "$2,000.50", "??", "12", "#VALUE!", "1O"]
    con = duckdb.connect()
    try:
        condition = failed_condition("v", "DECIMAL", "currency")
        rows = con.execute(
            f"SELECT v FROM unnest($1::VARCHAR[]) t(v) WHERE {condition}", [values]
        ).fetchall()
    finally:
        con.close()
    assert sorted(v for (v,) in rows) == ["#VALUE!", "1O", "??"]


@pytest.mark.parametrize(
    ("type_name", "digits"),
    [
        ("DECIMAL", 14),  # money's DECIMAL(18,4)
        ("DECIMAL(18,4)", 14),
        ("decimal(38, 0)", 38),
        ("DECIMAL(10)", 10),  # a missing scale is 0, as when the type is assigned
        ("INTEGER", 9),
        ("BIGINT", 18),
        ("HUGEINT", 38),
        ("DOUBLE", None),
        ("VARCHAR", None),
        ("DECIMAL(40,2)", None),  # past DuckDB's widest, never assigned
    ],
)
def test_whole_digits_reads_a_type_as_it_is_assigned(type_name: str, digits: int | None) -> None:
    # A raw EVM export's wei values (21 digits) made DECIMAL: set_column_type's warning says how
    # many digits the type holds before the point, read as the type is parsed when assigned.
    assert whole_digits(type_name) == digits


def test_a_pattern_of_another_type_is_refused() -> None:
    with pytest.raises(ValueError, match="converts to VARCHAR"):
        typed_expression('"c"', "BIGINT", "email")
    with pytest.raises(ValueError, match="Unknown pattern"):
        typed_expression('"c"', "DATE", "klingon_date")


def test_expressions_hold_only_registry_constants() -> None:
    # The column text is the only outside input; it appears as given and nowhere else.
    sql = typed_expression('"it\'s ""odd"""', "DECIMAL", "currency")
    # once in the shape, seven times in the sign test ("-", a typographic minus or an
    # accounting parenthesis; a credit's CR, Cr or cr at the end, not SCR's), once in the test
    # for an accounting zero ("$ -", run where no amount was read)
    assert sql.count('"it\'s ""odd"""') == 9
