"""One test per pattern detector: a small column of that pattern gets the right decision."""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from typing import get_args

import duckdb
import pytest

from datadossier.inference import DETECTORS, PatternName, infer_columns
from tests.inference.helpers import RELATION, Infer, build_raw_table, utc_bounds


def test_every_pattern_name_has_a_detector() -> None:
    assert set(DETECTORS) == set(get_args(PatternName))


def test_integer_detector_reads_whole_numbers_with_signs_and_spaces(infer: Infer) -> None:
    result = infer({"qty": ["1", "22", "-3", " 4 ", "+5"]})["qty"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", None)
    assert result.bounds == (-3.0, 22.0)
    assert result.candidates[0].parse_success_rate == 1.0


def test_float_detector_reads_decimals_and_exponents(infer: Infer) -> None:
    result = infer({"x": ["1.5", "-0.25", "3", "1e3"]})["x"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", None)
    assert result.bounds == (-0.25, 1000.0)


def test_thousands_detector_reads_comma_grouped_integers(infer: Infer) -> None:
    result = infer({"population": ["1,234,567", "12", "999,999", "1,000"]})["population"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", "thousands")
    assert result.bounds == (12.0, 1234567.0)
    assert result.candidates[0].pattern_match_rate == 0.75


def test_thousands_detector_reads_dot_grouped_integers(infer: Infer) -> None:
    result = infer({"population": ["1.234.567", "12.345", "7"]})["population"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", "thousands")
    assert result.bounds == (7.0, 1234567.0)


def test_thousands_detector_reads_spaces_apostrophes_and_indian_grouping(infer: Infer) -> None:
    result = infer({
        "fr": ["1 234 567", "12 345", "999", "1\u202f000"],
        "ch": ["1'234'567", "12'345", "999", "1\u2019000"],
        "india": ["12,34,567", "1,23,45,678", "999", "45,000"],
    })
    assert [(r.decided_type, r.decided_pattern, r.bounds) for r in result.values()] == [
        ("INTEGER", "thousands", (999.0, 1234567.0)),
        ("INTEGER", "thousands", (999.0, 1234567.0)),
        ("INTEGER", "thousands", (999.0, 12345678.0)),
    ]


def test_money_in_indian_and_swiss_grouping_and_prefixed_dollars(infer: Infer) -> None:
    result = infer({
        "inr": ["₹1,23,456.50", "₹12,345", "₹999"],
        "chf": ["CHF 1'234.50", "CHF 12.00", "CHF 3.10"],
        "brl": ["R$ 1.234,56", "R$ 12,00", "R$ 0,99"],
        "cad": ["C$12.50", "C$1,000.00", "C$0.99"],
    })
    found = {n: (r.decided_type, r.decided_pattern, r.candidates[0].detected_unit, r.bounds) for n, r in result.items()}
    assert found == {
        "inr": ("DECIMAL", "currency", "INR", (999.0, 123456.5)),
        "chf": ("DECIMAL", "currency", "CHF", (3.1, 1234.5)),
        "brl": ("DECIMAL", "currency_eu", "BRL", (0.99, 1234.56)),
        "cad": ("DECIMAL", "currency", "CAD", (0.99, 1000.0)),
    }


def test_yes_and_no_in_other_languages_are_booleans(infer: Infer) -> None:
    result = infer({"aktiv": ["ja", "nein", "Ja"], "actif": ["oui", "non", "OUI"], "activo": ["sí", "no", "si"]})
    assert {r.decided_type for r in result.values()} == {"BOOLEAN"}


def test_grouped_number_detector_reads_grouped_decimals_and_accounting_negatives(infer: Infer) -> None:
    values = ["95,602.52", "1,000.5", "581.04", "(1,234.00)", "-12", "0.5"]
    result = infer({"balance": values})["balance"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "grouped_number")
    assert result.bounds == (-1234.0, 95602.52)
    assert result.candidates[0].pattern_match_rate == 0.5


def test_decimals_grouped_by_spaces_before_a_point_are_numbers(infer: Infer) -> None:
    # The UN's population densities: "1 143.9" beside "57.2"; a padded plain number is no mark.
    values = ["1 143.9", "57.2", "2 033.8", "12.0", "1 279.4", "860.5"] * 5
    result = infer({"density": values, "padded": [" 12.5 ", "3.25", " 7.5", "1.0 ", "8.5", "9.5"] * 5})
    density = result["density"]
    assert (density.decided_type, density.decided_pattern) == ("DOUBLE", "grouped_number")
    assert density.bounds == (12.0, 2033.8)
    assert result["padded"].decided_pattern is None


def test_grouped_integers_stay_with_the_thousands_detector(infer: Infer) -> None:
    result = infer({"population": ["1,234", "12,345", "7"]})["population"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", "thousands")


def test_grouped_number_eu_detector_reads_decimal_commas(infer: Infer) -> None:
    values = ["94.833,97", "57,44", "1 234,5", "-0,25", "12", "1.000.000,5"]
    result = infer({"betrag": values})["betrag"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "grouped_number_eu")
    assert result.bounds == (-0.25, 1000000.5)


def test_a_point_groups_thousands_where_the_table_writes_decimal_commas(infer: Infer) -> None:
    # Destatis's Regionalstatistik: districts' populations below a million ("90.164") beside
    # areas with a decimal comma ("1.428,17"): 90164 people, not 90.164.
    result = infer({
        "Insgesamt": ["90.164", "246.794", "216.277", "79.496", "133.193", "198.019", "165.951"] * 10,
        "Fläche km²": ["56,73", "118,65", "214,19", "71,66", "1.428,17", "1.263,07", "2.083,56"] * 10,
        "Anteil": ["12.5", "3.25", "7.125", "1.5", "2.0", "9.75", "4.5"] * 10,
    })
    people = result["Insgesamt"]
    assert (people.decided_type, people.decided_pattern) == ("INTEGER", "thousands")
    assert people.bounds == (79496.0, 246794.0)
    assert "group thousands" in people.reason
    # A point that is no grouping (digits not in threes) stays a decimal point.
    assert (result["Anteil"].decided_type, result["Anteil"].decided_pattern) == ("DOUBLE", None)
    # Without a decimal comma in the table, "90.164" is a decimal number.
    alone = infer({"value": ["90.164", "246.794", "216.277", "79.496"] * 10})["value"]
    assert (alone.decided_type, alone.bounds) == ("DOUBLE", (79.496, 246.794))


def test_a_point_before_three_digits_is_decimal_where_other_values_group_by_commas(infer: Infer) -> None:
    # A reserving export: age-to-age factors stacked under cumulative paid losses ("1.876"
    # under "1,798,132") were read as 1876; so were a packing list's weights "7.250" beside "2,410".
    result = infer({
        "Value": ["1,798,132", "3,373,891", "4,611,900", "1.876", "1.367", "1.010"] * 5,
        "weight": ["1,234", "2,410", "1.345", "7.250", "3,100", "4.875"] * 5,
    })
    value, weight = result["Value"], result["weight"]
    assert (value.decided_type, value.bounds) == ("DOUBLE", (1.01, 4611900.0))
    assert "Points here are decimal" in (value.reason or "")
    assert (weight.decided_type, weight.bounds) == ("DOUBLE", (1.345, 3100.0))
    # Either separator alone still groups thousands.
    alone = infer({"n": ["1.234.567", "12.345", "7"], "m": ["1,234", "12,345", "7"]})
    assert [(r.decided_type, r.bounds) for r in alone.values()] == [
        ("INTEGER", (7.0, 1234567.0)), ("INTEGER", (7.0, 12345.0)),
    ]


def test_a_comma_and_three_digits_is_a_decimal_where_the_table_writes_decimal_commas(infer: Infer) -> None:
    # A German historian's export of three fixed decimals: "73,298" read as 73298 beside
    # "0,998" in the next column, every temperature 1000 times too large.
    result = infer({
        "Temperatur": ["73,298", "82,057", "68,110", "75,402", "71,930"] * 10,
        "Druck": ["1,013", "1,021", "0,998", "1,005", "1,017"] * 10,
    })
    temperature = result["Temperatur"]
    assert (temperature.decided_type, temperature.decided_pattern) == ("DOUBLE", "grouped_number_eu")
    assert temperature.bounds == (68.11, 82.057)
    assert "Commas here are decimal" in (temperature.reason or "")
    # Alone, the same values are thousands.
    alone = infer({"Temperatur": ["73,298", "82,057", "68,110", "75,402", "71,930"] * 10})["Temperatur"]
    assert (alone.decided_type, alone.bounds) == ("INTEGER", (68110.0, 82057.0))


def test_three_decimals_after_a_comma_are_decimals_where_the_file_says_decimal_comma(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # A German SPC export, ';'-separated with BUDAT written 01.04.2023: tolerances and
    # measures of three decimals in mm, none below 1 ("12,018"), were read as 12018.
    columns: dict[str, list[str | None]] = {
        "USL": ["12,018", "12,018", "20,000", "20,000"] * 10,
        "Measured": ["12,003", "11,998", "19,990", "19,985"] * 10,
        "BUDAT": ["01.04.2023", "02.04.2023", "03.04.2023", "04.04.2023"] * 10,
    }
    build_raw_table(con, columns)
    pairs = [(name, "VARCHAR") for name in columns]

    def decided(delimiter: str | None, *names: str) -> dict[str, tuple[object, ...]]:
        chosen = [(n, "VARCHAR") for n in names] if names else pairs
        results = infer_columns(con, RELATION, chosen, delimiter=delimiter)
        return {r.column_name: (r.decided_pattern, r.bounds, r.reason) for r in results}

    # The dates alone say so.
    by_dates = decided(",")
    assert by_dates["USL"][:2] == ("grouped_number_eu", (12.018, 20.0))
    assert "day.month.year (BUDAT)" in str(by_dates["Measured"][2])
    # So does a ';' delimiter, without dates.
    by_delimiter = decided(";", "USL", "Measured")
    assert by_delimiter["Measured"][:2] == ("grouped_number_eu", (11.998, 19.99))
    assert "';'-separated" in str(by_delimiter["Measured"][2])
    # Nothing says so: thousands, and the reason says the commas could be decimal...
    alone = decided("\t", "USL")["USL"]
    assert alone[:2] == ("thousands", (12018.0, 20000.0))
    assert "Commas may group thousands or be decimal" in str(alone[2])
    # ... but for a comma-separated file, whose values with a comma are quoted: a US export's
    # counts ("12,018"), thousands unsaid.
    quoted = decided(",", "USL")["USL"]
    assert quoted[:2] == ("thousands", (12018.0, 20000.0))
    assert "Commas may group" not in str(quoted[2])


def test_a_point_groups_thousands_before_a_trailing_minus_where_the_table_writes_decimal_commas(infer: Infer) -> None:
    # SAP's FBL3N download for a German user: quantities "3.550" and "1.179-" beside amounts
    # "1.234,56-"; read with a decimal point, every quantity past 999 was 1000 times too small.
    result = infer({
        "Quantity": ["3.550", "1.179-", "32", "12.000", "250-", "7"] * 10,
        "Amount in LC": ["1.234,56", "987,10-", "12.500,00", "45,99", "2.000,00-", "19,95"] * 10,
        "Rate": ["1.5-", "0.25", "3.125", "2.0", "4.75-", "1.1"] * 10,
    })
    quantity = result["Quantity"]
    assert (quantity.decided_type, quantity.decided_pattern) == ("DOUBLE", "trailing_minus_eu")
    assert quantity.bounds == (-1179.0, 12000.0)
    assert "group thousands" in (quantity.reason or "")
    # Points not in groups of three stay decimal points.
    assert (result["Rate"].decided_pattern, result["Rate"].bounds) == ("trailing_minus", (-4.75, 3.125))
    # Without a decimal comma in the table, the point is a decimal point.
    alone = infer({"Quantity": ["3.550", "1.179-", "32", "12.000", "250-", "7"] * 10})["Quantity"]
    assert (alone.decided_pattern, alone.bounds) == ("trailing_minus", (-250.0, 32.0))


def test_numbers_with_a_note_in_parentheses_are_their_numbers(infer: Infer) -> None:
    # CDC WONDER: a rate from fewer than 20 deaths is written "56.7 (Unreliable)"; as text
    # the column could not be summed, and rare ones sent their rows to quarantine.
    values = ["71.6", "94.1", "56.7 (Unreliable)", "53.6 (Unreliable)", "103.8", "132.0", "87.4 (Unreliable)"] * 10
    result = infer({"Crude Rate": values, "balance": ["(1,234.00)", "12.50", "(3.00)", "4.00", "(5.25)", "6.00", "7.50"] * 10})
    rate = result["Crude Rate"]
    assert (rate.decided_type, rate.decided_pattern) == ("DOUBLE", "noted_number")
    assert rate.bounds == (53.6, 132.0)
    assert result["balance"].decided_pattern != "noted_number"  # accounting's negatives


def test_notes_after_whole_numbers_keep_them_whole_and_are_named_with_their_counts(infer: Infer) -> None:
    # CDC WONDER's Provisional Mortality: Year "2022 (provisional)", "2023 (provisional and
    # partial)"; read as DOUBLE and the notes dropped unsaid, nothing told that 2023 is half a year.
    years = ["2018", "2019", "2020", "2021", "2022 (provisional)", "2023 (provisional and partial)"] * 10
    rates = ["12.3", "2.0 (Unreliable)", "8.4", "15.1", "3.5 (Unreliable)", "9.9"] * 10
    result = infer({"Year": years, "Crude Rate": rates})
    year = result["Year"]
    assert (year.decided_type, year.decided_pattern, year.bounds) == ("INTEGER", "noted_integer", (2018.0, 2023.0))
    assert "'(provisional and partial)' (10), '(provisional)' (10)" in (year.reason or "")
    assert """regexp_replace("Year", """ in (year.reason or "")
    # Rates with decimals stay numbers, their note named too.
    rate = result["Crude Rate"]
    assert (rate.decided_type, rate.decided_pattern) == ("DOUBLE", "noted_number")
    assert "20 values (33.3%)" in (rate.reason or "")
    assert "'(Unreliable)' (20)" in (rate.reason or "")


def test_footnote_marks_glued_to_numbers_are_read_like_the_asterisk(infer: Infer) -> None:
    # MMWR's NNDSS weekly tables: "87\u2020", "N.Y. City\u00a7" beside counts, "1,234\u2021"; a single
    # "174\u2020" among 60 counts went to quarantine, more kept the column as text.
    counts = [str(100 + 7 * i) for i in range(60)]
    counts[7], counts[9], counts[20], counts[33] = "174\u2020", "829*", "1,234\u2021", "95\u00a7"
    one = [str(100 + 7 * i) for i in range(60)]
    one[7] = "174\u2020"
    rates = [f"{i % 9}.{i % 7}" + ("\u2021" if i % 5 == 0 else "") for i in range(60)]
    result = infer({"Cum 2023": counts, "Cum 2022": one, "Rate": rates})
    cum = result["Cum 2023"]
    assert (cum.decided_type, cum.decided_pattern, cum.bounds) == ("INTEGER", "noted_integer", (95.0, 1234.0))
    assert cum.candidates[0].parse_success_rate == 1.0
    assert "4 values (6.7%)" in (cum.reason or "")
    assert "'\u2020' (1)" in (cum.reason or "")
    assert "'\u00a7' (1)" in (cum.reason or "")
    assert (result["Cum 2022"].decided_type, result["Cum 2022"].candidates[0].parse_success_rate) == ("INTEGER", 1.0)
    # With decimals, the marks are flags of numbers, named as well.
    rate = result["Rate"]
    assert (rate.decided_type, rate.decided_pattern, rate.bounds) == ("DOUBLE", "flagged_number", (0.0, 8.5))
    assert "'\u2021' (12)" in (rate.reason or "")


def test_estimates_written_with_their_margin_or_interval_are_the_estimate(infer: Infer) -> None:
    # The NIS's VaxView coverage "85.3 (\u00b12.1)" (a footnote after some, "91.5 (\u00b14.4)\u2021"), and
    # the WHO GHO's Display Value "72.5 [70.1-74.8]": text, with no min, max or unit.
    margins = [f"{85 + i % 9}.{i % 10} (\u00b1{1 + i % 4}.{i % 7})" + ("\u2021" if i % 10 == 0 else "") for i in range(40)]
    intervals = [f"{60 + i % 15}.{i % 10} [{55 + i % 15}.1-{65 + i % 15}.9]" for i in range(40)]
    result = infer({"Estimate (%)": margins, "Display Value": intervals, "Numeric": [str(i) for i in range(40)]})
    estimate = result["Estimate (%)"]
    assert (estimate.decided_type, estimate.decided_pattern, estimate.bounds) == ("DOUBLE", "interval_estimate", (85.0, 93.8))
    assert estimate.candidates[0].detected_unit == "%"
    assert "'(\u00b1\u2026)' (36), '(\u00b1\u2026)\u2021' (4)" in (estimate.reason or "")
    assert """regexp_extract("Estimate (%)", '(?:\u00b1""" in (estimate.reason or "")
    shown = result["Display Value"]
    assert (shown.decided_type, shown.decided_pattern, shown.bounds) == ("DOUBLE", "interval_estimate", (60.0, 74.9))
    assert "low bound" in (shown.reason or "")
    assert "high bound" in (shown.reason or "")
    assert result["Numeric"].decided_pattern is None


def test_a_letter_in_parentheses_glued_to_a_number_is_a_code(infer: Infer) -> None:
    # PowerSchool's Sections export: Expression "1(A)", "3(B)" is a period on the A or B day;
    # read as noted numbers, 1(A) and 1(B) were both 1 and the day was dropped unsaid.
    periods = ["1(A)", "2(A)", "3(B)", "1(B)", "4(A)", "5(A)", "6(B)", "7(A)", "2(B)", "3(A)"] * 5
    result = infer({"Expression": periods, "Rate": ["12.3", "56.7(Unreliable)", "8.1 (e)", "9.0", "10.5"] * 10})
    assert (result["Expression"].decided_type, result["Expression"].decided_pattern) == ("VARCHAR", None)
    # A worded note glued to its number, or a letter after a space, is still a note.
    assert (result["Rate"].decided_pattern, result["Rate"].bounds) == ("noted_number", (8.1, 56.7))


def test_a_scale_s_labelled_ends_are_their_numbers(infer: Infer) -> None:
    # Qualtrics' choice-text export of an NPS question: "0 - Not at all likely" and "10 -
    # Extremely likely" (12% of the answers) beside the plain 1..9; as text, "INTEGER parses
    # only 85.7%". ANES's age V201507x: 18..79, "80. Age 80 or older" and "-9. Refused", whose
    # respondents went to quarantine with all their answers.
    nps = ["0 - Not at all likely", *map(str, range(1, 10)), "10 - Extremely likely", "10 - Extremely likely"] * 20
    ages = [str(18 + i % 62) for i in range(380)] + ["80. Age 80 or older"] * 14 + ["-9. Refused"] * 6
    score = infer({"Q_NPS": nps})["Q_NPS"]
    assert (score.decided_type, score.decided_pattern, score.bounds) == ("INTEGER", "labelled_scale", (0, 10))
    assert "'10 - Extremely likely'" in (score.reason or "")
    age = infer({"V201507x": ages})["V201507x"]
    assert (age.decided_type, age.decided_pattern, age.bounds) == ("INTEGER", "labelled_scale", (-9, 80))
    assert age.candidates[0].parse_success_rate == 1.0  # nobody aged 80 or more in quarantine
    assert age.candidates[0].details["possible_missing_codes"] == [-9]
    assert "top code" in (age.reason or "")


def test_labels_on_every_answer_or_inside_the_scale_are_no_labelled_ends(infer: Infer) -> None:
    # ANES's party ID with a label on every answer ("1. Democrat") is a code list, kept as text;
    # a label in a scale's middle ("4 - Neutral" alone labelled) is no end, and the plain
    # reading keeps its quarantine; a plain value past the top label makes it no top code.
    parties = ["1. Democrat", "2. Republican", "3. Independent", "5. Other party"] * 50
    middle = [*map(str, range(1, 8)), "4 - Neutral"] * 30
    past = [str(18 + i % 62) if i % 50 else "80. Age 80 or older" for i in range(20_000)]
    past[3_000:3_006] = ["85", "90", "85", "90", "85", "90"]  # (between the sample's blocks)
    assert infer({"party": parties})["party"].decided_type == "VARCHAR"
    assert infer({"agree": middle})["agree"].decided_pattern != "labelled_scale"
    age = infer({"age": past})["age"]
    assert age.decided_pattern != "labelled_scale"
    assert any(c.detected_pattern == "labelled_scale" and c.parse_success_rate == 1.0 for c in age.candidates)  # (set aside)


def test_trailing_minus_detectors_read_erp_negatives(infer: Infer) -> None:
    # SAP and other ERP exports put the minus after the number.
    result = infer({"menge": ["134-", "7", "1200", "5-", "60"]})["menge"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", "trailing_minus_integer")
    assert result.bounds == (-134.0, 1200.0)
    assert result.candidates[0].pattern_match_rate == 0.4
    result = infer({"betrag": ["1.234,50-", "13098,42", "0,5-", "7", "2.000,00"]})["betrag"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "trailing_minus_eu")
    assert result.bounds == (-1234.5, 13098.42)
    result = infer({"amount": ["1,234.50-", "98.10", "0.5-", "7"]})["amount"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "trailing_minus")
    assert result.bounds == (-1234.5, 98.1)


def test_numbers_without_a_trailing_minus_keep_their_own_pattern(infer: Infer) -> None:
    result = infer({"betrag": ["94.833,97", "57,44", "-0,25", "12"], "qty": ["1", "-2", "3", "40"]})
    assert (result["betrag"].decided_type, result["betrag"].decided_pattern) == ("DOUBLE", "grouped_number_eu")
    assert (result["qty"].decided_type, result["qty"].decided_pattern) == ("INTEGER", None)


def test_cr_and_dr_after_amounts_are_signed_numbers(infer: Infer) -> None:
    # A UK bank statement's balances ("1,204.80 CR", "195.20 DR") were text; a card export
    # marking only its payments ("178.36 CR", "39.01CR") among plain charges sent those
    # payments to quarantine.
    charges = ["140.51", "113.87", "1,044.15", "260.37", "12.40", "75.00", "9.99", "31.20", "52.10"]
    result = infer({
        "Balance": ["1,250.00 CR", "1,204.80 CR", "3,304.80 Cr", "195.20 DR", "207.60Dr", "292.40 CR"] * 5,
        "Amount": [*charges, "178.36 CR"] * 2 + [*charges, "39.01CR"],
    })
    balance, amount = result["Balance"], result["Amount"]
    assert (balance.decided_type, balance.decided_pattern, balance.bounds) == ("DOUBLE", "credit_debit", (-207.6, 3304.8))
    assert (amount.decided_type, amount.decided_pattern, amount.bounds) == ("DOUBLE", "credit_debit", (9.99, 1044.15))
    assert amount.candidates[0].parse_success_rate == 1.0
    assert balance.candidates[0].pattern_match_rate == 1.0
    assert amount.candidates[0].pattern_match_rate == 3 / 30


def test_unicode_minus_detector_reads_typographic_negatives(infer: Infer) -> None:
    # Tables copied from web pages write negatives with U+2212.
    result = infer({"change": ["\u22125.5", "12", "\u22120.25", "3.75"]})["change"]
    assert (result.decided_type, result.decided_pattern, result.bounds) == ("DOUBLE", "unicode_minus", (-5.5, 12.0))


def test_typographic_minus_is_a_sign_in_grouped_numbers_and_money(infer: Infer) -> None:
    # Amounts copied from web banking, PDFs and macOS Numbers: "\u22121,200.00", "\u2212$12.50",
    # "$\u221212.50", "\u2212714,66 €". The columns stayed text, or a few such negatives among
    # grouped amounts went to quarantine.
    result = infer({
        "grouped": ["\u22121,200.00", "2,450.00", "\u221248.30", "12.99"] * 6,
        "dollars": ["\u2212$1,812.16", "$714.66", "$\u221212.50", "$1,633.14"] * 6,
        "euros": ["\u2212714,66 €", "1.633,14 €", "\u22121.812,16 €", "12,00 €"] * 6,
        "betrag": ["\u22121.234,50", "94.833,97", "\u22120,25", "57,44"] * 6,
    })
    # (Apart: beside the decimal commas of betrag, "12,345" is a decimal too.)
    result |= infer({"count": ["\u22121,234", "12,345", "7", "1,000"] * 6})
    grouped, dollars, euros = result["grouped"], result["dollars"], result["euros"]
    assert (grouped.decided_type, grouped.decided_pattern, grouped.bounds) == ("DOUBLE", "grouped_number", (-1200.0, 2450.0))
    assert (dollars.decided_pattern, dollars.candidates[0].detected_unit, dollars.bounds) == (
        "currency", "USD", (-1812.16, 1633.14)
    )
    assert (euros.decided_pattern, euros.candidates[0].detected_unit, euros.bounds) == ("currency_eu", "EUR", (-1812.16, 1633.14))
    assert (result["betrag"].decided_pattern, result["betrag"].bounds) == ("grouped_number_eu", (-1234.5, 94833.97))
    assert (result["count"].decided_pattern, result["count"].bounds) == ("thousands", (-1234.0, 12345.0))
    assert all(r.candidates[0].parse_success_rate == 1.0 for r in result.values())


def test_year_quarter_detector_reads_quarters_as_their_first_day(infer: Infer) -> None:
    result = infer({"period": ["2021-Q1", "2021 Q3", "Q4 2020", "2022q2"]})["period"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "year_quarter")
    assert result.bounds == utc_bounds((2020, 10, 1), (2022, 4, 1))


def test_unix_times_are_timestamps_when_the_name_says_time(infer: Infer) -> None:
    seconds = ["964982703", "1609459200", "1262304000"]
    result = infer({
        "timestamp": seconds, "created_at_ms": [v + "000" for v in seconds], "order_no": seconds,
        "logged_at": ["964982703", "12", "1609459200"],  # 12 is no Unix time of 1990-2100
    })
    assert (result["timestamp"].decided_type, result["timestamp"].decided_pattern) == ("TIMESTAMP", "epoch_seconds")
    assert result["timestamp"].bounds == utc_bounds((2000, 7, 30, 18, 45, 3), (2021, 1, 1))
    assert (result["created_at_ms"].decided_type, result["created_at_ms"].decided_pattern) == ("TIMESTAMP", "epoch_millis")
    assert result["created_at_ms"].bounds == result["timestamp"].bounds
    # the same values under a name that is no time's, or not all of them times: numbers
    assert result["order_no"].decided_type == "INTEGER"
    assert "Unix times" in (result["order_no"].reason or "")
    assert result["logged_at"].decided_type == "INTEGER"
    # as pandas writes whole numbers of a column with a missing value (Kaggle's Bitcoin file)
    pandas = infer({"Timestamp": [v + ".0" for v in seconds], "last_move_at": [v + "000.0" for v in seconds]})
    assert (pandas["Timestamp"].decided_type, pandas["Timestamp"].decided_pattern) == ("TIMESTAMP", "epoch_seconds")
    assert pandas["Timestamp"].bounds == result["timestamp"].bounds
    assert (pandas["last_move_at"].decided_type, pandas["last_move_at"].decided_pattern) == ("TIMESTAMP", "epoch_millis")
    # LinkedIn's postings: when a posting expires, in milliseconds
    ends = infer({"expiry": [v + "000.0" for v in seconds], "valid_until": [v + "000" for v in seconds]})
    assert {r.decided_pattern for r in ends.values()} == {"epoch_millis"}
    # AWS VPC flow logs' start and end, threat feeds' first and last sightings
    spans = infer(dict.fromkeys(("start", "end", "first_seen", "last_login", "not_after", "windowStart"), seconds))
    assert {r.decided_pattern for r in spans.values()} == {"epoch_seconds"}


def test_unix_times_in_microseconds_and_in_columns_of_a_file_without_header(infer: Infer) -> None:
    # Binance's klines: no header; open times in milliseconds (2022), microseconds (2025).
    millis = [str(1640995200000 + 3_600_000 * i) for i in range(50)]
    micros = [str(1735689600000000 + 3_600_000_000 * i) for i in range(50)]
    seconds = [str(1640995200 + 3600 * i) for i in range(50)]
    result = infer({"column00": millis, "column01": micros, "event_time_us": micros, "column02": seconds})
    for name in ("column00", "column01", "event_time_us"):
        assert result[name].decided_type == "TIMESTAMP", name
    assert result["column00"].bounds == utc_bounds((2022, 1, 1), (2022, 1, 3, 1))
    assert result["column01"].decided_pattern == "epoch_micros"
    assert result["column01"].bounds == utc_bounds((2025, 1, 1), (2025, 1, 3, 1))
    # Ten digits without a name may be phone numbers: they stay numbers.
    assert result["column02"].decided_type == "INTEGER"


def test_excel_serial_dates_are_dates_under_a_date_s_name(infer: Infer) -> None:
    # Bank and ledger exports saved from Excel's "General" cells: Date 44929 is 2023-01-03.
    serials = ["44929", "44930", "44931", "44935", "44936", "44937", "44940", "44941"]
    result = infer({
        "Date": serials, "Posting Date": serials, "invoice_date": [v + ".0" for v in serials],
        "Posted": serials, "amount": serials,
    })
    for name in ("Date", "Posting Date", "invoice_date"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("DATE", "excel_serial"), name
        assert result[name].bounds == utc_bounds((2023, 1, 3), (2023, 1, 15)), name
    assert "Excel serial dates" in (result["Date"].reason or "")
    # under a moment's name that is no date's: numbers, the reading named
    assert result["Posted"].decided_type == "INTEGER"
    assert "Excel serial dates" in (result["Posted"].reason or "")
    # under any other name: numbers, nothing said
    assert result["amount"].decided_type == "INTEGER"
    assert "Excel" not in (result["amount"].reason or "")
    # not every value a day of 1954-2064: numbers
    assert infer({"Date": ["44929", "44930", "61000", "44931"]})["Date"].decided_type == "INTEGER"


def test_adam_numeric_dates_are_sas_dates_under_adam_names(infer: Infer) -> None:
    # ADaM's ADSL written by pandas' read_sas(...).to_csv: TRTSDT in days since 1960-01-01
    # (19725 is 2014-01-02, pandas' "19725.0"), TRTSDTM in seconds; they stayed integers.
    days = ["19725", "19600", "19845", "19740", "19612", "19860", "-3000", "20002"]
    result = infer({
        "TRTSDT": days, "ADT": [d + ".0" for d in days], "TRTSDTM": [str(int(d) * 86400 + 28800) for d in days],
        # not ADaM's names: DT alone, a longer name than SAS's eight, lower case
        "DT": days, "AMOUNT_DT": days, "trtsdt": days,
        # ADaM's name, but no date of 1900-2060, or counts all within 1960
        "ASTDT": ["19725", "99999", "19845", "19740"] * 2, "AENDT": [str(n) for n in range(1, 9)],
    })
    for name in ("TRTSDT", "ADT"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("DATE", "sas_day_number"), name
        assert result[name].bounds == utc_bounds((1951, 10, 15), (2014, 10, 6)), name
    assert "SAS dates" in (result["TRTSDT"].reason or "")
    stamped = result["TRTSDTM"]
    assert (stamped.decided_type, stamped.decided_pattern) == ("TIMESTAMP", "sas_seconds")
    assert stamped.bounds == utc_bounds((1951, 10, 15, 8), (2014, 10, 6, 8))
    for name in ("AMOUNT_DT", "trtsdt", "ASTDT", "AENDT"):
        assert result[name].decided_type == "INTEGER", name
    assert result["DT"].decided_pattern != "sas_day_number"


def test_numbers_under_a_label_that_says_date_are_sas_dates(con: duckdb.DuckDBPyConnection) -> None:
    # SAS labels in a row under an ADaM file's header: "Date of Onset of Disease" over DISONSDT,
    # "Datetime of First Exposure" over a date-time; a study day's label says no date.
    build_raw_table(con, {
        "ONSET": ["17918", "16922", "18709", "18087"], "FIRSTEXP": ["1670054400", "1664697600", "1682323200", "1711440000"],
        "STUDYDAY": ["12", "-3", "40", "41"], "DOSEDAY": ["1", "5", "9", "12"],
    })
    labels = {
        "ONSET": ("Date of Onset of Disease",), "FIRSTEXP": ("Datetime of First Exposure to Treatment",),
        "STUDYDAY": ("Analysis Relative Day",), "DOSEDAY": ("First Dose Date",),
    }
    columns = [(name, "VARCHAR") for name in labels]
    result = {r.column_name: r for r in infer_columns(con, RELATION, columns, labels=labels)}
    assert (result["ONSET"].decided_type, result["ONSET"].decided_pattern) == ("DATE", "sas_day_number")
    assert result["ONSET"].bounds == utc_bounds((2006, 5, 1), (2011, 3, 23))
    assert (result["FIRSTEXP"].decided_type, result["FIRSTEXP"].decided_pattern) == ("TIMESTAMP", "sas_seconds")
    # A day of the study, and numbers all within 1960 under a date's label, stay numbers.
    assert result["STUDYDAY"].decided_type == "INTEGER"
    assert result["DOSEDAY"].decided_type == "INTEGER"


def test_dates_of_mixed_precision_are_dates_on_the_first_day(infer: Infer) -> None:
    # Spotify's release_date: years, months and days in one column.
    values = ["1977", "1984-05", "1981-02-12", "2019-05-03", "1922", "2001-11-30", "2010-7", "2005-6-15"]
    result = infer({"release_date": values * 20, "year": [str(1990 + i) for i in range(160)]})
    release = result["release_date"]
    assert (release.decided_type, release.decided_pattern) == ("DATE", "iso_partial_date")
    assert release.bounds == utc_bounds((1922, 1, 1), (2019, 5, 3))
    assert "mixed precision" in release.reason
    # Years alone stay numbers.
    assert result["year"].decided_type == "INTEGER"


def test_iso_date_times_of_mixed_precision_are_timestamps_at_the_first_instant(infer: Infer) -> None:
    # SDTM's AESTDTC: an adverse event's start known to the minute, the day, the month or the
    # year in one column; the partial ones went to quarantine, or the column stayed text.
    values = ["2014-01-05T10:30", "2014-02-11", "2014-03", "2014-04-02T08:15:30", "2013", "2014-05-06"]
    result = infer({"AESTDTC": values * 10, "AEENDTC": ["2014-05", "2014-05-03"] * 30})
    start = result["AESTDTC"]
    assert (start.decided_type, start.decided_pattern) == ("TIMESTAMP", "iso_partial_datetime")
    assert start.candidates[0].parse_success_rate == 1.0
    assert start.bounds == utc_bounds((2013, 1, 1), (2014, 5, 6))
    assert "mixed precision" in start.reason
    # Dates of mixed precision without times stay dates.
    assert (result["AEENDTC"].decided_type, result["AEENDTC"].decided_pattern) == ("DATE", "iso_partial_date")
    # Date-times beside dates alone keep the timestamps' own reading.
    stamped = infer({"LBDTC": ["2014-01-05T10:30", "2014-02-11"] * 30})["LBDTC"]
    assert (stamped.decided_type, stamped.decided_pattern) == ("TIMESTAMP", "iso_datetime")


def test_iso_dates_with_zeros_for_an_unknown_month_or_day_are_dates_on_the_first_day(infer: Infer) -> None:
    # Discogs' released: "1993-00-00" (a year known) and "1995-06-00" (a month) beside full dates.
    values = ["1997-05-21", "1993-00-00", "1995-06-00", "2001-06-05", "2007-05-07", "2003-06-09"]
    result = infer({"released": values * 10, "day": ["2021-03-05", "2021-03-15", "2021-04-01"] * 20})
    released = result["released"]
    assert (released.decided_type, released.decided_pattern) == ("DATE", "iso_partial_date")
    assert released.bounds == utc_bounds((1993, 1, 1), (2007, 5, 7))
    assert released.candidates[0].parse_success_rate == 1.0
    assert "1995-06-00" in released.reason
    # Full dates alone keep their own reading.
    assert (result["day"].decided_type, result["day"].decided_pattern) == ("DATE", "iso_date")


def test_month_first_dates_beside_months_and_years_alone_are_dates_on_the_first_day(infer: Infer) -> None:
    # Raiser's Edge's fuzzy dates: a donor's Birth Date "6/15/1965" beside "6/1965" and "1964";
    # 5% of them alone sent whole constituents to quarantine, more kept the column text.
    full = [f"{1 + i % 12}/{1 + (7 * i) % 28}/19{40 + i % 50}" for i in range(190)]
    few = infer({"Birth Date": [*full, *(["1964", "9/1943"] * 5)]})["Birth Date"]
    assert (few.decided_type, few.decided_pattern) == ("DATE", "us_partial_date")
    assert few.candidates[0].parse_success_rate == 1.0
    assert "mixed precision" in few.reason
    many = infer({"Deceased Date": [*full[:64], *(["1999", "6/1965", "12/2001"] * 12)]})["Deceased Date"]
    assert (many.decided_type, many.decided_pattern) == ("DATE", "us_partial_date")
    assert many.bounds == utc_bounds((1940, 1, 1), (2001, 12, 1))
    # Day first where a day tells ("15/6/1965"); full dates alone keep their own reading.
    days = infer({"born": [f"{13 + i % 15}/{1 + i % 12}/1965" for i in range(40)] + ["1964", "6/1965"] * 5})["born"]
    assert (days.decided_type, days.decided_pattern) == ("DATE", "eu_partial_date")
    assert days.bounds == utc_bounds((1964, 1, 1), (1965, 12, 24))
    assert infer({"Gift Date": full})["Gift Date"].decided_pattern == "us_date"


def test_compact_timestamps_are_timestamps_when_the_name_says_time_or_date(infer: Infer) -> None:
    values = ["20190507064319", "20210101000000", "20151231235959"]
    result = infer({"date_added": values, "event_ts": values, "scrape_id": values})
    for name in ("date_added", "event_ts"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("TIMESTAMP", "compact_datetime")
        assert result[name].bounds == utc_bounds((2015, 12, 31, 23, 59, 59), (2021, 1, 1))
    # HistData's forex files: a space before the time, milliseconds on ticks; no header.
    minutes = [f"2019010{1 + i // 1440} {i // 60 % 24:02d}{i % 60:02d}00" for i in range(300)]
    ticks = [f"20190101 17{i // 60:02d}{i % 60:02d}{i * 7 % 1000:03d}" for i in range(300)]
    written = infer({"column0": minutes, "column1": ticks})
    for name in ("column0", "column1"):
        assert (written[name].decided_type, written[name].decided_pattern) == ("TIMESTAMP", "compact_datetime"), name
    assert written["column1"].bounds == utc_bounds((2019, 1, 1, 17, 0, 0), (2019, 1, 1, 17, 4, 59, 93000))
    # Google Analytics' hours and minutes: 2023010514 was a second of 2034 (epoch seconds).
    hours = [f"202301{5 + i // 24:02d}{i % 24:02d}" for i in range(60)]
    minutes_of_day = [f"20230105{i // 4:02d}{i % 4 * 15:02d}" for i in range(80)]
    ga = infer({"Date + hour (YYYYMMDDHH)": hours, "dateHour": hours, "Date Hour and Minute": minutes_of_day[:60]})
    for name in ("Date + hour (YYYYMMDDHH)", "dateHour"):
        assert (ga[name].decided_type, ga[name].decided_pattern) == ("TIMESTAMP", "compact_datetime"), name
        assert ga[name].bounds == utc_bounds((2023, 1, 5, 0), (2023, 1, 7, 11)), name
    assert ga["Date Hour and Minute"].bounds == utc_bounds((2023, 1, 5, 0, 0), (2023, 1, 5, 14, 45))
    # Real Unix seconds stay seconds.
    seconds = infer({"created_time": [str(1_700_000_000 + 3_600 * i) for i in range(60)]})["created_time"]
    assert seconds.decided_pattern == "epoch_seconds"
    # Airbnb's scrape_id is written so and is an identifier
    assert result["scrape_id"].decided_type == "BIGINT"
    assert "YYYYMMDDhhmmss" in (result["scrape_id"].reason or "")


def test_month_name_dates_with_a_time_on_a_12_hour_clock(infer: Infer) -> None:
    result = infer({"when": ["May 07, 2019 06:43:19 AM", "Dec 27, 2023 10:55:54 PM", "Jan 1, 2015 12:00 AM"]})["when"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "month_name_datetime")
    assert result.bounds == utc_bounds((2015, 1, 1), (2023, 12, 27, 22, 55, 54))


def test_abbreviated_numbers_are_read_whole_and_kelvins_only_by_name(infer: Infer) -> None:
    result = infer({
        "followers": ["1.2K", "350k", "2.5M", "1.1B", "900", "3bn"],
        "temp_k": ["300K", "273.15K", "310K", "295K", "290K", "288K"],
        "reach": ["300K", "273.15K", "310K", "295K", "290K", "288K"],
    })
    followers, temp, reach = result["followers"], result["temp_k"], result["reach"]
    assert (followers.decided_type, followers.decided_pattern, followers.bounds) == (
        "DOUBLE", "abbreviated_number", (900.0, 3e9)
    )
    assert (temp.decided_pattern, temp.candidates[0].detected_unit, temp.bounds) == ("unit_value", "K", (273.15, 310.0))
    assert (reach.decided_pattern, reach.bounds) == ("abbreviated_number", (273150.0, 310000.0))


def test_kelvins_under_a_model_s_short_name_or_written_apart_within_earth_s_temperatures(infer: Infer) -> None:
    # ERA5, GFS and CMIP output flattened to text with its units: t2m, sst, GRIB's TMP_2m
    # "286.8 K"; under a name of no temperature, a K apart from numbers of 180 to 340 too.
    kelvins = ["286.8 K", "287.2 K", "288.1 K", "290.4 K", "285.0 K", "289.9 K"]
    result = infer({"t2m": kelvins, "sst": kelvins, "TMP_2m": kelvins, "value": kelvins, "salary": kelvins})
    for column in ("t2m", "sst", "TMP_2m", "value"):
        found = (result[column].decided_pattern, result[column].candidates[0].detected_unit, result[column].bounds)
        assert found == ("unit_value", "K", (285.0, 290.4)), column
    # A salary's "250 K" is thousands, as are such values glued to their K.
    assert (result["salary"].decided_pattern, result["salary"].bounds) == ("abbreviated_number", (285000.0, 290400.0))
    glued = infer({"value": [k.replace(" ", "") for k in kelvins]})["value"]
    assert glued.decided_pattern == "abbreviated_number"


def test_money_abbreviated_by_magnitude_is_decimal_in_its_currency(infer: Infer) -> None:
    result = infer({"revenue": ["$1.2B", "$350M", "$15K", "-$2.5M", "$900"], "price": ["$12.50", "$3", "$0.99", "$100", "$7"]})
    revenue, price = result["revenue"], result["price"]
    assert (revenue.decided_type, revenue.decided_pattern, revenue.candidates[0].detected_unit) == (
        "DECIMAL", "currency_magnitude", "USD"
    )
    assert revenue.bounds == (-2_500_000.0, 1_200_000_000.0)
    assert price.decided_pattern == "currency"  # plain amounts keep their pattern


def test_money_abbreviated_by_a_magnitude_in_lower_case_is_decimal_in_its_currency(infer: Infer) -> None:
    # Transfermarkt's players: market values "€25.00m", "€800k", "€1.50bn", "-" where none is
    # known. They stayed text, the k values called possible typing slips.
    values = ["€25.00m", "€800k", "€1.50bn", "-", "€2.75m", "€300k", "€8.75M"] * 20
    result = infer({"market_value": values})["market_value"]
    assert (result.decided_type, result.decided_pattern, result.candidates[0].detected_unit) == (
        "DECIMAL", "currency_magnitude", "EUR"
    )
    assert result.bounds == (300_000.0, 1_500_000_000.0)
    assert "typing slips" not in result.reason


def test_a_price_per_a_unit_of_measure_is_money_per_that_unit(infer: Infer) -> None:
    # A power trading desk's trades and an energy data vendor's prices: "$45.25/MWh" (negative
    # in a glutted hour), Henry Hub gas "$2.85/MMBtu", capacity "$7.50/kW-mo", EIA's retail
    # "12.5¢/kWh". They stayed text, and a DECIMAL forced on them failed every row.
    results = infer({
        "price": ["$45.25/MWh", "-$3.14/MWh", "$50.60/MWh", "$1,045.00/MWh"] * 5,
        "gas": ["$2.85/MMBtu", "$3.10/MMBtu", "$2.61/MMBtu", "$2.70/MMBtu"] * 5,
        "capacity": ["$7.50/kW-mo", "$8.00/kW-mo", "$6.25/kW-mo", "$7.10/kW-mo"] * 5,
        "retail": ["12.5¢/kWh", "11.9¢/kWh", "13.0¢/kWh", "14.25¢/kWh"] * 5,
        "mixed": ["$45.25/MWh", "$2.85/MMBtu", "$50.60/MWh", "$3.10/MMBtu"] * 5,
    })
    found = {
        name: (r.decided_type, r.decided_pattern, r.candidates[0].detected_unit, r.bounds)
        for name, r in results.items() if name != "mixed"
    }
    assert found == {
        "price": ("DECIMAL", "currency_per_unit", "USD/MWh", (-3.14, 1045.0)),
        "gas": ("DECIMAL", "currency_per_unit", "USD/MMBtu", (2.61, 3.1)),
        "capacity": ("DECIMAL", "currency_per_unit", "USD/kW-mo", (6.25, 8.0)),
        "retail": ("DECIMAL", "currency_per_unit", "USD/kWh", (0.119, 0.1425)),
    }
    # Prices per two units are not made one number.
    assert results["mixed"].decided_type == "VARCHAR"


def test_plain_prices_among_prices_per_pound_keep_the_column_text(infer: Infer) -> None:
    # A butcher's POS export: "$8.99/lb" for weighed meat, "$3.99" for the packaged items on one
    # line in 40; read per pound, those sales would go to quarantine.
    values = ["$3.99" if i % 40 == 0 else f"${5 + i % 7}.{i % 100:02d}/lb" for i in range(400)]
    result = infer({"Unit Price": values})["Unit Price"]
    assert (result.decided_type, result.candidates[0].parse_success_rate) == ("VARCHAR", 1.0)
    assert "plain amounts (e.g. '$3.99') beside prices per a unit of measure" in result.reason


def test_currency_detector_reads_us_amounts_as_decimal_usd(infer: Infer) -> None:
    result = infer({"price": ["$1,234.50", "-$3.00", "$12", "$0.99"]})["price"]
    assert (result.decided_type, result.decided_pattern) == ("DECIMAL", "currency")
    assert result.candidates[0].detected_unit == "USD"
    assert result.bounds == (-3.0, 1234.5)


def test_a_credit_s_cr_or_a_minus_after_an_amount_with_its_symbol_is_below_zero(infer: Infer) -> None:
    # A council's spending over £500 with credit notes from its finance system (Agresso):
    # "£1,500.00 CR", "£1,500.00CR" and "£2500.00-" among payments; as text they sent the
    # credit notes to quarantine, or the whole column stayed text.
    payments = ["£1,210.50", "£2,211.50", "£612.00", "£1,213.50", "£845.99", "£3,217.00", "£999.00", "£730.20"]
    result = infer({
        "Amount": [*payments, "£1,500.00 CR", "£2500.00-"] * 3,
        "Net": [*payments, "£1,500.00CR", "£99.00"] * 3,
        "Value": ["1,000.00 SCR", "12.00 SCR", "250.50 SCR", "75.00 SCR", "9.99 SCR"] * 6,  # a rupee's code, no credit
    })
    amount, net = result["Amount"], result["Net"]
    assert (amount.decided_type, amount.decided_pattern, amount.bounds) == ("DECIMAL", "currency", (-2500.0, 3217.0))
    assert amount.candidates[0].detected_unit == "GBP"
    assert (net.decided_pattern, net.bounds) == ("currency", (-1500.0, 3217.0))
    assert (result["Value"].candidates[0].detected_unit, result["Value"].bounds) == ("SCR", (9.99, 1000.0))


def test_money_with_more_decimals_than_cents_keeps_them(infer: Infer) -> None:
    # A crypto exchange's fills: prices to the millionth of a dollar and fees in fractions of
    # a cent stayed text (the shape stopped at four decimals). Amounts of cents alone keep the
    # narrower type; a column of both takes the wider one.
    result = infer({
        "price": ["$43,123.456789", "$0.00012345", "$1.5", "$12"] * 3,
        "fee": ["€0,00000100", "€1,25", "0,0305 €"] * 4,
        "total": ["$12.50", "$0.0125", "$1,000"] * 4,
    })
    price, fee, total = result["price"], result["fee"], result["total"]
    assert (price.decided_type, price.decided_pattern, price.candidates[0].detected_unit) == (
        "DECIMAL", "currency_precise", "USD"
    )
    assert price.bounds == (0.00012345, 43123.456789)
    assert price.candidates[0].parse_success_rate == 1.0
    assert (fee.decided_pattern, fee.candidates[0].detected_unit, fee.bounds) == ("currency_eu_precise", "EUR", (0.000001, 1.25))
    assert (total.decided_pattern, {c.detected_pattern for c in total.candidates} & {"currency_precise"}) == ("currency", set())


def test_sizes_in_bytes_with_their_units_mixed_are_bytes(infer: Infer) -> None:
    # Kubernetes' memory limits ("128Mi", "1.5Gi", bare bytes) and artifacts' sizes ("350MB",
    # "1.2 GB", "512 MiB") stayed text: several units in one column.
    result = infer({
        "memory_limit": ["128Mi", "1.5Gi", "524288Ki", "1073741824", "256Mi"] * 4,
        "size": ["350MB", "1.2 GB", "512 MiB", "2,048 bytes", "12 kB"] * 4,
        "download_mb": ["350 MB", "12 MB", "1024 MB", "7 MB", "90 MB"] * 4,
    })
    memory, size = result["memory_limit"], result["size"]
    assert (memory.decided_type, memory.decided_pattern, memory.candidates[0].detected_unit) == ("DOUBLE", "byte_size", "B")
    assert memory.bounds == (128 * 2**20, 1.5 * 2**30)
    assert (size.decided_pattern, size.bounds) == ("byte_size", (2048.0, 1.2e9))
    # One unit throughout keeps it.
    assert (result["download_mb"].decided_pattern, result["download_mb"].candidates[0].detected_unit) == ("unit_value", "MB")


def test_coordinates_in_degrees_minutes_and_seconds_are_signed_degrees(infer: Infer) -> None:
    # Aviation, maritime and survey listings: 40°26'46"N, 73°59'54.3" W, minutes alone with
    # a fraction; the columns stayed text without a unit.
    result = infer({
        "lat": ["40°26'46\"N", "33°51'35.9\"S", "51° 30.123' N", "N 48°51'24\""] * 5,
        "lon": ["73°59'54.3\" W", "151°12'40\"E", "0° 7.6' W", "E 2°21'3\""] * 5,
    })
    lat, lon = result["lat"], result["lon"]
    assert (lat.decided_type, lat.decided_pattern, lat.candidates[0].detected_unit) == ("DOUBLE", "dms_degrees", "deg")
    assert lat.bounds is not None
    assert lon.bounds is not None
    assert [round(b, 3) for b in lat.bounds] == [-33.86, 51.502]
    assert [round(b, 3) for b in lon.bounds] == [-73.998, 151.211]


def test_geometries_of_any_kind_as_well_known_text(infer: Infer) -> None:
    # Ookla's tiles and TIGER's shapes as CSV: polygons, with a point or a line among them;
    # "the closest pattern, geo_point, matches only 89.8%".
    shapes = ["POLYGON ((-73.98 40.75, -73.97 40.75, -73.97 40.76, -73.98 40.75))", "MULTIPOLYGON (((1 2, 3 4, 1 2)))",
              "POINT (-73.98 40.75)", "LINESTRING Z (1 2 3, 4 5 6)", "POINT EMPTY"] * 4
    result = infer({"the_geom": shapes, "points": ["POINT (-73.98 40.75)", "POINT (2.35 48.85)"] * 10})
    assert (result["the_geom"].decided_type, result["the_geom"].decided_pattern) == ("VARCHAR", "wkt_geometry")
    assert result["points"].decided_pattern == "geo_point"


def test_kubernetes_cpu_is_cores_under_a_cpu_s_name(infer: Infer) -> None:
    # kubectl's requests: "250m" (millicores) beside whole cores ("1", "2"); metrics-server's
    # usage in nanocores. As a number with the unit m, 2 cores read as 2 (the smallest).
    result = infer({
        "cpu_request": ["100m", "250m", "500m", "1", "2"] * 4,
        "cpu_usage": ["123456789n", "5m", "250000000n", "1", "0.5"] * 4,
        "length": ["100m", "250m", "500m", "1", "2"] * 4,
    })
    request, usage = result["cpu_request"], result["cpu_usage"]
    assert (request.decided_type, request.decided_pattern, request.bounds) == ("DOUBLE", "cpu_quantity", (0.1, 2.0))
    assert (usage.decided_pattern, usage.bounds) == ("cpu_quantity", (0.005, 1.0))
    assert result["length"].decided_pattern != "cpu_quantity"  # (metres, under another name)


def test_fractional_odds_under_an_odds_name_are_decimal_odds(infer: Infer) -> None:
    # A bettor's own log: decimal odds, and the bookmaker's "5/2", "11/10" and "evs" where a
    # UK shop quoted them; those bets went to quarantine with their stake and P&L. A racing
    # result's SP is all fractions. Under another name "5/2" is no odds.
    odds = [f"{1.5 + i / 10:.2f}" for i in range(40)]
    odds[7], odds[21], odds[30] = "5/2", "evs", "11/10"
    sp = ["5/2", "11/10", "evs", "6/4", "100/30", "4/6", "2/1", "7/2"] * 5
    result = infer({"Odds": odds, "SP": sp, "Score": sp})
    assert (result["Odds"].decided_type, result["Odds"].decided_pattern) == ("DOUBLE", "fractional_odds")
    assert result["Odds"].candidates[0].failed_examples == []
    assert result["Odds"].bounds == (1.5, 5.4)
    assert "'5/2' as 3.5" in result["Odds"].reason
    assert (result["SP"].decided_pattern, result["SP"].bounds) == ("fractional_odds", (1 + 4 / 6, 4.5))
    assert result["Score"].decided_pattern != "fractional_odds"


def test_american_odds_are_no_fractional_odds(infer: Infer) -> None:
    # An odds feed's American odds "+150", "-200" beside "EVEN": not decimal odds.
    values = ["+150", "-200", "+110", "-120", "EVEN"] * 8
    result = infer({"american_odds": values})["american_odds"]
    assert result.decided_pattern != "fractional_odds"


def test_amounts_grouped_in_thousands_beside_some_with_a_symbol_are_money(infer: Infer) -> None:
    # QuickBooks's Profit and Loss: "$" only on the totals ("$88,051.37"), the lines bare
    # ("33,710.37"); the column stayed text. Bare grouped amounts alone stay numbers.
    lines = ["1,949.59", "7,384.25", "$9,326.34", "1,619.10", "2,455.00", "12,004.71", "$88,051.37", "(3,210.00)"] * 5
    result = infer({"Total": lines, "plain": [v.replace("$", "") for v in lines]})
    total = result["Total"]
    assert (total.decided_type, total.decided_pattern, total.candidates[0].detected_unit) == ("DECIMAL", "currency", "USD")
    assert total.bounds == (-3210.0, 88051.37)
    assert result["plain"].decided_pattern == "grouped_number"


def test_excel_s_accounting_zero_is_zero(infer: Infer) -> None:
    # Chicago's building permits in accounting format: "$ -" for no fee stayed text, or sent
    # its rows to quarantine.
    result = infer({"fee": ["$ 1,200.00", "$ -", "$ 35.50", "$-", "$ 99.00"] * 6})["fee"]
    assert (result.decided_type, result.decided_pattern, result.bounds) == ("DECIMAL", "currency", (0.0, 1200.0))
    assert result.candidates[0].parse_success_rate == 1.0


def test_accounting_negatives_with_the_symbol_outside_the_parentheses(infer: Infer) -> None:
    # A city budget book exported from Excel's accounting format: " $ (12,345.00)" beside
    # " $ 1,234,567.00 " and "$ -"; budget PDFs write "$(1,234.56)". The column stayed text,
    # or its few negative lines went to quarantine and every sum was overstated.
    result = infer({
        "FY2022 Actual": [" $ 1,234,567.00 ", " $ (12,345.00)", " $ -   ", " $ 98,765.43 ", " $ (5,000.00)"] * 6,
        "d": ["$(1,234.56)", "$2,000.00", "$15.50", "$(0.01)", "$85,000.00"] * 6,
        "saldo": ["(1.234,56) €", "2.000,00 €", "€ (15,50)", "85.000,00 €", "12,00 €"] * 6,
    })
    actual, dollars, euros = result["FY2022 Actual"], result["d"], result["saldo"]
    assert (actual.decided_pattern, actual.candidates[0].detected_unit, actual.bounds) == (
        "currency", "USD", (-12345.0, 1234567.0)
    )
    assert (dollars.decided_pattern, dollars.candidates[0].detected_unit, dollars.bounds) == ("currency", "USD", (-1234.56, 85000.0))
    assert (euros.decided_pattern, euros.candidates[0].detected_unit, euros.bounds) == ("currency_eu", "EUR", (-1234.56, 85000.0))
    assert all(r.candidates[0].parse_success_rate == 1.0 for r in result.values())


def test_currency_eu_detector_reads_decimal_comma_amounts_as_eur(infer: Infer) -> None:
    result = infer({"preis": ["1.234,50 €", "€1.234,50", "12,99 €", "0,50 €"]})["preis"]
    assert (result.decided_type, result.decided_pattern) == ("DECIMAL", "currency_eu")
    assert result.candidates[0].detected_unit == "EUR"
    assert result.bounds == (0.5, 1234.5)


def test_percent_detector_keeps_the_number_as_written(infer: Infer) -> None:
    result = infer({"discount": ["12.5%", "3%", "100%", "0%"]})["discount"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "percent")
    assert result.bounds == (0.0, 100.0)
    assert result.candidates[0].detected_unit == "%"


def test_fractions_beside_percentages_are_named_as_a_second_scale(infer: Infer) -> None:
    # A Workday worker report merged with another system's: FTE "100%" and "50%" beside "1"
    # and "0.5"; 1 read as 1% beside 100 for the same full time, with no word of it.
    fte = ["100%", "100%", "50%", "1", "0.5", "100%", "75%", "1", "100%", "0.75"]
    rates = ["12%", "3.5%", "0.5%", "4", "7", "1%", "2%", "3", "9%", "10%"]
    result = infer({"FTE": fte, "rate": rates})
    assert result["FTE"].decided_pattern == "percent"
    assert "Two scales" in result["FTE"].reason
    assert "'1'" in result["FTE"].reason
    # Bare numbers on the percentages' own scale are no fractions.
    assert result["rate"].decided_pattern == "percent"
    assert "Two scales" not in result["rate"].reason


def test_percentages_with_a_decimal_comma(infer: Infer) -> None:
    result = infer({"Anteil in %": ["73,8 %", "14,3 %", "100 %", "0,5 %"]})["Anteil in %"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "percent")
    assert result.bounds == (0.5, 100.0)


def test_french_no_break_spaces_and_turkish_leading_percent_signs(infer: Infer) -> None:
    # INSEE's files set a no-break space before "%" and "€" ("12,5\u00a0%", "1 234,56\u00a0€"):
    # both stayed text (RE2 reads no no-break space as a space); TÜİK writes "%97,1".
    result = infer({
        "taux": ["12,5\u00a0%", "3,0\u00a0%", "100\u00a0%", "0,5\u00a0%"] * 5,
        "montant": ["1\u00a0234,56\u00a0€", "12,00\u00a0€", "987,10\u00a0€", "2\u00a0000,00\u00a0€"] * 5,
        "oran": ["%97,1", "%88,4", "%100", "%63,0"] * 5,
    })
    assert (result["taux"].decided_pattern, result["taux"].bounds) == ("percent", (0.5, 100.0))
    assert (result["montant"].decided_pattern, result["montant"].bounds) == ("currency_eu", (12.0, 2000.0))
    assert result["montant"].candidates[0].detected_unit == "EUR"
    assert (result["oran"].decided_pattern, result["oran"].bounds) == ("percent", (63.0, 100.0))


def test_scores_over_their_scale_are_read_as_the_score(infer: Infer) -> None:
    # Zomato's rate: "4.1/5", sometimes with a space; "-" for no rating yet.
    result = infer({"rate": ["4.1/5", "3.8 /5", "3.9/5", "-", "4.2/5", "2.9/5"]})["rate"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "rating_5")
    assert result.bounds == (2.9, 4.2)
    ten = infer({"score": ["7/10", "8.5/10", "10/10", "6/10"]})["score"]
    assert (ten.decided_type, ten.decided_pattern) == ("DOUBLE", "rating_10")


def test_eurostat_values_with_flags_are_their_numbers(infer: Infer) -> None:
    # une_rt_a.tsv: "6.7 ", "7.1 b", ": u" (missing, low reliability), "1 234 567 e".
    values = ["6.7 ", "7.1 b", "5.7 ", ": u", "14.3 p", "12.4 bu", "9.8 ", ": c", "11.9 ", "1 234 567 e"] * 5
    result = infer({"2021 ": values})["2021 "]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "flagged_number")
    assert result.bounds == (5.7, 1234567.0)
    assert set(result.missing_values) == {": u", ": c"}
    # demo_pjan's counts: a few with a flag among whole numbers as wide are no code list.
    counts = [f"{900 + 7919 * i * i} " for i in range(94)] + ["9017 b", "91183 b", "9230 e", "93413 b", "9452 p", "95634 b"]
    result = infer({"2014 ": counts})["2014 "]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "flagged_number")


def test_fao_s_capital_flags_and_under_half_a_unit_are_numbers(infer: Infer) -> None:
    # A FishStatJ export's year columns: "381220 E" (estimated), "262311 F" (FAO's estimate)
    # beside plain catches, "0 0" (more than zero, under half a tonne), "..." not available.
    catches = [
        f"{30000 + 7919 * i} E" if i % 7 == 0 else f"{30000 + 7919 * i} F" if i % 5 == 0
        else "0 0" if i % 11 == 0 else "..." if i % 13 == 0 else str(30000 + 7919 * i)
        for i in range(60)
    ]
    only_f = [f"{30000 + 7919 * i} F" if i % 4 == 0 else str(30000 + 7919 * i) for i in range(60)]
    result = infer({"[2019]": catches, "[2020]": only_f})
    for name in ("[2019]", "[2020]"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("DOUBLE", "flagged_number"), name
        assert result[name].candidates[0].parse_success_rate == 1.0
    assert result["[2019]"].bounds == (0.0, 30000 + 7919 * 59)
    assert "'0 0'" in result["[2019]"].reason
    # A capital on (nearly) every value is a unit's or a code's: degrees Fahrenheit, flats.
    result = infer({
        "reading": [f"{30 + i % 40} F" for i in range(60)],
        "flat": [f"{1 + i % 90} {'E' if i % 3 else 'F'}" for i in range(60)],
    })
    assert result["reading"].decided_pattern == "unit_value"
    assert result["flat"].decided_type == "VARCHAR"


def test_amazon_s_review_times_are_dates(infer: Infer) -> None:
    result = infer({"reviewTime": ["02 28, 2014", "1 9, 2013", "12 19, 2010", "07 16, 2010"]})["reviewTime"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "month_day_comma_year")
    assert result.bounds is not None


def test_compact_dates_of_mixed_precision_are_dates_under_a_date_name(infer: Infer) -> None:
    # The FDA's FAERS event_dt: YYYYMMDD, or YYYYMM and YYYY where the day or month is unknown.
    values = [f"2022{m:02d}{d:02d}" for m in range(1, 13) for d in (3, 17)] + ["202211", "2021", "202302"] * 3
    result = infer({"event_dt": values, "amount": values})
    assert (result["event_dt"].decided_type, result["event_dt"].decided_pattern) == ("DATE", "compact_partial_date")
    assert result["event_dt"].bounds is not None
    assert result["amount"].decided_type == "INTEGER"  # no date's name: numbers
    # Jeff Sackmann's tennis players: zeros for an unknown month and day (19300000), read as
    # the year's first day; the player stays in the typed layer.
    values = [f"19{60 + i % 30}{1 + i % 12:02d}{1 + i % 28:02d}" for i in range(200)] + ["19300000", "19440300"] * 5
    result = infer({"dob": values})["dob"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "compact_partial_date")
    assert result.candidates[0].parse_success_rate == 1.0
    assert "zeros for the unknown month or day" in result.reason


def test_bounds_in_words_among_whole_numbers_are_numbers(infer: Infer) -> None:
    # The Stack Overflow survey's YearsCode: "1" to "50", "Less than 1 year", "More than 50 years".
    values = [str(1 + i % 50) for i in range(300)] + ["Less than 1 year"] * 12 + ["More than 50 years"] * 3
    result = infer({"YearsCode": values})["YearsCode"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", "worded_bound")
    assert result.bounds == (0.0, 50.0)
    assert infer({"n": [str(i) for i in range(100)]})["n"].decided_pattern is None
    # Its Age1stCode: "5" to "85" beside "Younger than 5 years" and "Older than 85".
    values = [str(5 + i % 80) for i in range(300)] + ["Younger than 5 years"] * 9 + ["Older than 85"] * 2
    first = infer({"Age1stCode": values})["Age1stCode"]
    assert (first.decided_type, first.decided_pattern) == ("INTEGER", "worded_bound")
    assert first.bounds == (4.0, 85.0)


def test_margins_of_error_are_their_numbers(infer: Infer) -> None:
    # data.census.gov's table view: each estimate's margin beside it, "±2,099", "+/-975".
    result = infer({"moe": ["±2,099", "+/-975", "±3,878", "+/-3,119", "± 0.5", "±12"]})["moe"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "margin_of_error")
    assert result.bounds == (0.5, 3878.0)


def test_unit_value_detector_reads_the_number_and_the_unit(infer: Infer) -> None:
    result = infer({"weight": ["12.5 kg", "3kg", "0.5 kg", "100 kg"]})["weight"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "unit_value")
    assert result.candidates[0].detected_unit == "kg"
    assert result.bounds == (0.5, 100.0)


def test_boolean_detector_reads_yes_no_spellings_in_any_case(infer: Infer) -> None:
    result = infer({"member": ["yes", "no", "Yes", "NO", "y", "n"]})["member"]
    assert (result.decided_type, result.decided_pattern) == ("BOOLEAN", "boolean")
    assert result.bounds is None


def test_dotted_times_with_seconds_are_times(infer: Infer) -> None:
    # As the UCI air quality data writes them; "10.03.04" alone would be a two-digit-year date.
    result = infer({"Time": ["18.00.00", "19.00.00", "0.00.00", "23.59.59", "10.03.04"]})["Time"]
    assert (result.decided_type, result.decided_pattern) == ("TIME", "dotted_time")
    assert result.bounds == (0.0, 86399.0)
    dates = infer({"day": ["10.03.04", "11.12.99", "01.01.00"]})["day"]
    assert (dates.decided_type, dates.decided_pattern) == ("DATE", "eu_date_short")


def test_time_detector_reads_hours_and_minutes_with_optional_seconds(infer: Infer) -> None:
    result = infer({"opens": ["09:30", "23:59:59", "00:00", "12:30:45.5"]})["opens"]
    assert (result.decided_type, result.decided_pattern) == ("TIME", "time")
    assert result.bounds == (0.0, 86399.0)


def test_iso_date_detector(infer: Infer) -> None:
    result = infer({"d": ["2021-01-05", "2021-12-31"]})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "iso_date")
    assert result.bounds == utc_bounds((2021, 1, 5), (2021, 12, 31))


def test_iso_dates_with_a_zone_s_offset_are_the_dates_written(infer: Infer) -> None:
    # Workday's Report-as-a-Service flattened to CSV: every date an xs:date with its offset,
    # "2023-04-01-07:00" (Pacific daylight time), "2021-03-15-08:00"; they stayed text.
    hired = ["2023-04-01-07:00", "2021-03-15-08:00", "2019-11-02-07:00", "2018-01-09-08:00", "2022-02-28Z"]
    result = infer({"Hire Date": hired, "Termination Date": [None, "2023-06-30+05:30", None, None, None]})
    hire = result["Hire Date"]
    assert (hire.decided_type, hire.decided_pattern) == ("DATE", "zoned_date")
    assert hire.bounds == utc_bounds((2018, 1, 9), (2023, 4, 1))  # (the date before the offset, not in UTC)
    assert "-07:00" in hire.reason
    assert "-08:00" in hire.reason
    assert (result["Termination Date"].decided_type, result["Termination Date"].bounds) == (
        "DATE", utc_bounds((2023, 6, 30), (2023, 6, 30))
    )


def test_iso_datetime_detector_accepts_t_space_fractions_and_offsets(infer: Infer) -> None:
    values = ["2021-01-05T10:11:12", "2021-01-05 10:11", "2021-01-05T10:11:12.5Z",
              "2021-01-05T10:11:12+02:00"]
    result = infer({"at": values})["at"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "iso_datetime")
    # The +02:00 value is 08:11:12 UTC, the earliest.
    assert result.bounds == utc_bounds((2021, 1, 5, 8, 11, 12), (2021, 1, 5, 10, 11, 12, 500000))
    # The decision says so (the USGS feed's "...Z" times, a local time with its offset).
    assert "2 of the values (50.0%) carry a time zone" in result.reason
    assert "carry a time zone" not in infer({"at": values[:2]})["at"].reason
    assert "in the sample: Z (1), +02:00 (1)" in result.reason


def test_offsets_of_one_place_are_named_with_how_to_count_in_local_time(infer: Infer) -> None:
    # Shopify's "Paid at": a store's local time with its offset, -0500 in winter and -0400 in
    # summer; the decision said "such as Z, +01:00 or UTC", and a month's revenue by UTC moved
    # the evening orders of its last day into the next month.
    paid = [f"2023-{m:02d}-{d:02d} 22:14:33 {'-0400' if 3 < m < 11 else '-0500'}" for m in range(1, 13) for d in (1, 15, 28)]
    reason = infer({"Paid at": paid})["Paid at"].reason or ""
    assert "carry a time zone (in the sample: -0400 (21), -0500 (15))" in reason
    assert "one zone's standard and daylight saving time" in reason
    assert "AT TIME ZONE 'UTC' AT TIME ZONE" in reason
    # Offsets of many places: no one local time.
    spread = [f"2023-01-0{1 + i % 9} 10:00:00{z}" for i, z in enumerate(["+01:00", "+09:00", "-07:00", "Z"] * 5)]
    assert "one zone" not in (infer({"ts": spread})["ts"].reason or "")


def test_us_date_detector_reads_month_first_with_or_without_zero_padding(infer: Infer) -> None:
    result = infer({"d": ["12/31/2021", "1/5/2021", "02/14/2020"]})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "us_date")
    assert result.candidates[0].details == {"format": "%m/%d/%Y"}


def test_eu_date_detector_reads_day_first_with_slashes_dots_or_dashes(infer: Infer) -> None:
    results = infer(
        {
            "slash": ["31/12/2021", "05/01/2021", "14/02/2020"],
            "dot": ["31.12.2021", "05.01.2021", "14.02.2020"],
            "dash": ["31-12-2021", "05-01-2021", "14-02-2020"],
        }
    )
    for name, separator in (("slash", "/"), ("dot", "."), ("dash", "-")):
        result = results[name]
        assert (result.decided_type, result.decided_pattern) == ("DATE", "eu_date")
        assert result.candidates[0].details == {"format": f"%d{separator}%m{separator}%Y"}


def test_short_year_dates_read_month_first_or_day_first(infer: Infer) -> None:
    us = infer({"shipped": ["3/4/21", "12/31/20", "1/15/19", "7/8/99"]})["shipped"]
    assert (us.decided_type, us.decided_pattern) == ("DATE", "us_date_short")
    assert us.bounds == utc_bounds((1999, 7, 8), (2021, 3, 4))
    eu = infer({"geliefert": ["31.12.20", "15.01.19", "04.03.21"]})["geliefert"]
    assert (eu.decided_type, eu.decided_pattern) == ("DATE", "eu_date_short")


def test_us_datetime_detector_reads_24_and_12_hour_clocks(infer: Infer) -> None:
    values = ["01/31/2021 13:45", "1/5/2021 1:45:07 PM", "12/1/2021 12:05 AM", "2/3/2021 9:30am", "3/4/2021 00:00:59"]
    result = infer({"pickup": values})["pickup"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "us_datetime")
    assert result.bounds == utc_bounds((2021, 1, 5, 13, 45, 7), (2021, 12, 1, 0, 5))


def test_eu_datetime_detector_reads_day_first_with_a_time(infer: Infer) -> None:
    result = infer({"gemessen": ["31.01.2021 13:45", "05.02.2021 08:00:30", "13.12.2021 23:59"]})["gemessen"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "eu_datetime")
    assert result.bounds == utc_bounds((2021, 1, 31, 13, 45), (2021, 12, 13, 23, 59))


def test_day_month_date_times_keep_a_fraction_of_a_second(infer: Infer) -> None:
    # Historians' and PLC loggers' exports: milliseconds after a point, or a comma (WinCC's German).
    result = infer({
        "eu": ["13/06/2023 00:00:01.001", "14/06/2023 10:20:01.500", "15/06/2023 23:59:59.999"],
        "us": ["06/13/2023 00:00:01.001", "06/14/2023 10:20:01.500", "06/15/2023 23:59:59.999"],
        "dotted": ["13.06.2023 00:00:01.001", "14.06.2023 10:20:01.500", "15.06.2023 23:59:59.999"],
        "comma": ["13.06.2023 00:00:01,001", "14.06.2023 10:20:01,500", "15.06.2023 23:59:59,999"],
    })
    assert [(r.decided_type, r.decided_pattern) for r in result.values()] == [
        ("TIMESTAMP", "eu_datetime"), ("TIMESTAMP", "us_datetime"), ("TIMESTAMP", "eu_datetime"), ("TIMESTAMP", "eu_datetime"),
    ]
    for r in result.values():
        assert r.bounds == utc_bounds((2023, 6, 13, 0, 0, 1, 1000), (2023, 6, 15, 23, 59, 59, 999000)), r.column_name
    # one to nine digits, beside values without a fraction; the order from the values, as without one
    mixed = infer({"ts": ["01/02/2023 00:00:01.5", "03/02/2023 10:20:01.123456789", "04/02/2023 23:59:59"]})["ts"]
    assert (mixed.decided_type, mixed.decided_pattern) == ("TIMESTAMP", "us_datetime")
    assert mixed.bounds == utc_bounds((2023, 1, 2, 0, 0, 1, 500000), (2023, 4, 2, 23, 59, 59))
    assert "ambiguous" in (mixed.reason or "")


def test_day_month_date_times_with_spaces_between_the_date_s_parts(infer: Infer) -> None:
    # The Kaggle wind turbine SCADA data (T1.csv): Date/Time "01 01 2018 00:00", every ten minutes.
    scada = infer({"Date/Time": ["01 01 2018 00:00", "01 01 2018 00:10", "13 01 2018 00:30", "31 12 2018 23:50"]})["Date/Time"]
    assert (scada.decided_type, scada.decided_pattern) == ("TIMESTAMP", "eu_datetime_spaced")
    assert scada.bounds == utc_bounds((2018, 1, 1), (2018, 12, 31, 23, 50))
    assert scada.candidates[0].details["format"] == "%d %m %Y %H:%M:%S"
    # month first where a second field tells; with neither above 12, day first as for DD.MM
    us = infer({"ts": ["01 31 2018 00:10:05", "12 01 2018 1:05 PM", "02 13 2018 00:00:01.5"]})["ts"]
    assert (us.decided_type, us.decided_pattern) == ("TIMESTAMP", "us_datetime_spaced")
    assert us.bounds == utc_bounds((2018, 1, 31, 0, 10, 5), (2018, 12, 1, 13, 5))
    early = infer({"Date/Time": ["01 01 2018 00:00", "02 01 2018 00:10", "03 01 2018 00:20"]})["Date/Time"]
    assert (early.decided_type, early.decided_pattern) == ("TIMESTAMP", "eu_datetime_spaced")
    assert "ambiguous" in (early.reason or "")


def test_day_month_date_times_with_two_digit_years(infer: Infer) -> None:
    # Eurostat's LAST UPDATE (day first), Excel's US export (month first, no seconds).
    eu = infer({"LAST UPDATE": ["14/03/24 23:00:00", "02/01/24 11:00:00", "28/11/23 23:00:00"]})["LAST UPDATE"]
    assert (eu.decided_type, eu.decided_pattern) == ("TIMESTAMP", "eu_datetime_short")
    assert eu.bounds == utc_bounds((2023, 11, 28, 23, 0), (2024, 3, 14, 23, 0))
    us = infer({"Created": ["12/9/22 6:28", "1/15/23 17:02", "11/30/22 9:00 PM"]})["Created"]
    assert (us.decided_type, us.decided_pattern) == ("TIMESTAMP", "us_datetime_short")
    assert us.bounds == utc_bounds((2022, 11, 30, 21, 0), (2023, 1, 15, 17, 2))


def test_year_month_detector_reads_months_as_their_first_day(infer: Infer) -> None:
    result = infer({"period": ["2021-03", "2021/11", "1999-12", "2020-01"]})["period"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "year_month")
    assert result.bounds == utc_bounds((1999, 12, 1), (2021, 11, 1))


def test_months_written_month_first_with_a_slash_are_their_first_day(infer: Infer) -> None:
    # NDIC's monthly production reports: ReportDate "01/2023" (a state's "Report Month" too).
    # They stayed text, the grain a text month, without min, max or periods.
    months = ["01/2023", "02/2023", "03/2023", "11/2022", "12/2022", "4/2023", "05-2023"]
    result = infer({"ReportDate": months})["ReportDate"]
    assert (result.decided_type, result.decided_pattern, result.candidates[0].parse_success_rate) == (
        "DATE", "month_year", 1.0
    )
    assert result.bounds == utc_bounds((2022, 11, 1), (2023, 5, 1))
    # Beside full dates, a month is a fuzzy date's (Raiser's Edge's "6/1965" beside "6/15/1965").
    fuzzy = infer({"Birth Date": ["6/1965", "6/15/1965", "7/1971", "1/2/1980"] * 5})["Birth Date"]
    assert fuzzy.decided_pattern == "us_partial_date"


def test_seasons_of_a_year_and_the_next_are_no_months(infer: Infer) -> None:
    # Cricsheet's season "2007/08" (one in a match's file), the NBA's "2009-10", "2010-11".
    result = infer({
        "season": ["2007/08"] * 60, "SEASON_ID": ["2009-10", "2010-11", "2011-12"] * 20, "month": ["2009-10"] * 60,
    })
    assert result["season"].decided_type == "VARCHAR"
    assert result["SEASON_ID"].decided_type == "VARCHAR"
    assert (result["month"].decided_type, result["month"].decided_pattern) == ("DATE", "year_month")


def test_periods_of_years_written_first_and_last_are_named_with_each_end_s_sql(infer: Infer) -> None:
    # PeopleSoft Campus Solutions' AID_YEAR, "2023-2024" (a fiscal year "2022/2023" too): plain
    # text without a word of what it was, where the DfE's compact 201112 is named an academic year.
    result = infer({"AID_YEAR": ["2022-2023", "2023-2024", "2021-2022"] * 20, "FY": ["2022/2023", "2023 / 2024"] * 30})
    aid = result["AID_YEAR"]
    assert (aid.decided_type, aid.decided_pattern) == ("VARCHAR", "year_span")
    assert 'CAST(left(trim("AID_YEAR"), 4) AS INTEGER)' in aid.reason
    assert (result["FY"].decided_type, result["FY"].decided_pattern) == ("VARCHAR", "year_span")
    # The same shape under a name of anything else is a range of figures (square feet).
    ranges = infer({"sqft_range": ["1500-2000", "2000-2500", "2500-3000"] * 20})["sqft_range"]
    assert ranges.decided_pattern != "year_span"


def test_month_name_year_detector_reads_short_and_long_names(infer: Infer) -> None:
    result = infer({"month": ["Jan 2021", "February 2021", "mar-2021", "DEC 2020"]})["month"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "month_name_year")
    assert result.bounds == utc_bounds((2020, 12, 1), (2021, 3, 1))


def test_excel_month_and_two_digit_year_is_a_month_of_the_right_century(infer: Infer) -> None:
    # Lending Club's issue_d and earliest_cr_line, as Excel's mmm-yy shows them: "Jan-62" is a
    # credit line opened in 1962 (DuckDB's %y alone reads 2062).
    result = infer({
        "issue_d": ["Dec-11", "Nov-11", "Jan-12", "Mar-13", "Oct-14"] * 20,
        "earliest_cr_line": ["Jan-85", "Apr-99", "Feb-62", "Sep-07", "Jan-44"] * 20,
    })
    issued, opened = result["issue_d"], result["earliest_cr_line"]
    assert (issued.decided_type, issued.decided_pattern) == ("DATE", "month_name_short_year")
    assert issued.bounds == utc_bounds((2011, 11, 1), (2014, 10, 1))
    assert opened.decided_type == "DATE"
    assert opened.bounds == utc_bounds((1944, 1, 1), (2007, 9, 1))


def test_sas_dates_of_four_and_two_digit_years_are_dates_never_in_the_future(infer: Infer) -> None:
    # SAS's DATE9. in an insurer's extract (loss_date "16MAR2021") and DATE7. in Kaggle's car
    # insurance claims (BIRTH "16MAR39": born in 1939, not 2039).
    result = infer({
        "loss_date": ["16MAR2021", "21JAN2022", "18NOV2021", "05mar2023"] * 5,
        "BIRTH": ["16MAR39", "21JAN56", "18NOV51", "05MAR64", "02AUG05"] * 4,
    })
    loss, birth = result["loss_date"], result["BIRTH"]
    assert (loss.decided_type, loss.decided_pattern) == ("DATE", "sas_date")
    assert loss.bounds == utc_bounds((2021, 3, 16), (2023, 3, 5))
    assert (birth.decided_type, birth.decided_pattern) == ("DATE", "sas_date")
    assert birth.bounds == utc_bounds((1939, 3, 16), (2005, 8, 2))


def test_oracle_and_dotted_year_first_dates(infer: Infer) -> None:
    oracle = infer({"hired": ["04-MAR-21", "15-JAN-20", "31-DEC-19", "01-Feb-22"]})["hired"]
    assert (oracle.decided_type, oracle.decided_pattern) == ("DATE", "month_name_date")
    assert oracle.bounds == utc_bounds((2019, 12, 31), (2022, 2, 1))
    dotted = infer({"datum": ["2021.03.04", "2020.12.31", "2019.01.15"]})["datum"]
    assert (dotted.decided_type, dotted.decided_pattern) == ("DATE", "ymd_slash")


def test_ymd_slash_detector(infer: Infer) -> None:
    result = infer({"d": ["2021/01/05", "2021/12/31"]})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "ymd_slash")


def test_compact_date_detector_with_a_date_name(infer: Infer) -> None:
    result = infer({"order_date": ["20210105", "20211231", "20200229"]})["order_date"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "compact_date")
    assert [c.data_type for c in result.candidates][:2] == ["DATE", "INTEGER"]


def test_month_name_date_detector_reads_the_usual_spellings(infer: Infer) -> None:
    values = ["Jan 5 2021", "Jan 5, 2021", "5 January 2021", "05-Jan-2021", "March 10, 2020"]
    result = infer({"d": values})["d"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "month_name_date")
    assert result.bounds == utc_bounds((2020, 3, 10), (2021, 1, 5))


def test_month_name_dates_with_a_note_in_parentheses_are_read_without_it(infer: Infer) -> None:
    # Transfermarkt's players: date_of_birth "Jun 24, 1987 (35)", the age when scraped after
    # the date (a few written without it). They stayed text; forcing DATE quarantined 98%.
    born = [f"{m} {d}, {1980 + d % 15} ({43 - d % 15})" for m in ("Jan", "Jun", "Oct") for d in range(1, 28)]
    result = infer({"date_of_birth": [*born, "Mar 2, 2001"], "contract_expires": ["Jun 30, 2025", "Jan 1, 2026"] * 41})
    found = result["date_of_birth"]
    assert (found.decided_type, found.decided_pattern, found.candidates[0].parse_success_rate) == ("DATE", "noted_date", 1.0)
    assert found.bounds == utc_bounds((1980, 1, 15), (2001, 3, 2))
    assert "81 of the dates (98.8%) have a note in parentheses after them" in found.reason
    assert result["contract_expires"].decided_pattern == "month_name_date"


def test_a_column_mixing_iso_and_day_month_dates_reads_both(infer: Infer) -> None:
    iso = [f"2021-01-{d:02d}" for d in range(1, 21)]
    result = infer({
        "us": iso + ["1/13/2021", "12/31/2021", "2/1/2021"] * 5,
        "eu": iso + ["13.01.2021", "31.12.2021", "01.02.2021"] * 5,
    })
    us, eu = result["us"], result["eu"]
    assert (us.decided_type, us.decided_pattern, us.candidates[0].parse_success_rate) == ("DATE", "iso_or_us_date", 1.0)
    assert us.bounds == utc_bounds((2021, 1, 1), (2021, 12, 31))
    assert (eu.decided_type, eu.decided_pattern, eu.candidates[0].parse_success_rate) == ("DATE", "iso_or_eu_date", 1.0)
    assert eu.bounds == utc_bounds((2021, 1, 1), (2021, 12, 31))
    # The IPL's matches: ISO dates for most seasons, dd/mm/yy for one (a twentieth of the rows
    # went to quarantine, matches and all).
    iso = [f"2017-04-{d:02d}" for d in range(1, 29)] * 2
    result = infer({"date": [*iso, "07/04/18", "25/05/18", "13/04/18"]})["date"]
    assert (result.decided_type, result.decided_pattern, result.candidates[0].parse_success_rate) == (
        "DATE", "iso_or_eu_date_short", 1.0
    )
    assert result.bounds == utc_bounds((2017, 4, 1), (2018, 5, 25))


def test_a_column_mixing_two_and_four_digit_years_reads_both(infer: Infer) -> None:
    # football-data.co.uk's results: "11/08/17" until the 2017/18 season, "19/08/2017" since;
    # a compilation of seasons (E0.csv over the years) kept its Date text, 54.5% parsing.
    short = [f"{d:02d}/08/17" for d in (11, 12, 12, 12, 13, 13)]
    long = [f"{d:02d}/08/2017" for d in (19, 19, 20, 20, 21)]
    result = infer({"Date": [*short, *long]})["Date"]
    assert (result.decided_type, result.decided_pattern, result.candidates[0].parse_success_rate) == (
        "DATE", "eu_date_mixed_year", 1.0
    )
    assert result.bounds == utc_bounds((2017, 8, 11), (2017, 8, 21))
    # Month first where a value says so ("8/19/17"); two-digit years in the usual pivot.
    us = infer({"date": [*[f"8/{d}/17" for d in range(10, 25)], "12/31/1998", "1/2/2004"]})["date"]
    assert (us.decided_pattern, us.bounds) == ("us_date_mixed_year", utc_bounds((1998, 12, 31), (2017, 8, 24)))


def test_a_column_mixing_month_names_and_day_month_dates_reads_both(infer: Infer) -> None:
    # A UK council's spending merged from two systems: "13/04/2023" and "18-Apr-23" in one
    # column. One such date in 13 kept the column text; 5 in 200 went to quarantine, with
    # their amounts.
    days = [f"{d:02d}/04/2023" for d in range(3, 21)] * 11
    result = infer({"Date": [*days[:195], "08-Apr-23", "18-Apr-23", "21-Apr-23", "24-Apr-23", "25-Apr-23"]})["Date"]
    assert (result.decided_type, result.decided_pattern, result.candidates[0].parse_success_rate) == (
        "DATE", "eu_or_month_name_date", 1.0
    )
    assert result.bounds == utc_bounds((2023, 4, 3), (2023, 4, 25))
    few = infer({"Date": [*days[:12], "21-Apr-23"]})["Date"]
    assert (few.decided_type, few.decided_pattern, few.bounds) == (
        "DATE", "eu_or_month_name_date", utc_bounds((2023, 4, 3), (2023, 4, 21))
    )
    # The month names' dashes are not the numbers' separator (the format would say "%d-%m-%Y").
    named = infer({"Date": [*[f"{d:02d}-Apr-23" for d in range(1, 29)], "13/04/2023", "14/04/2023"]})["Date"]
    assert (named.decided_pattern, named.candidates[0].details["format"]) == ("eu_or_month_name_date", "%d/%m/%Y")
    # A US export's "Apr 18, 2023" beside "4/13/2023" reads month first.
    us = infer({"Date": [*[f"4/{d}/2023" for d in range(3, 21)], "Apr 21, 2023"]})["Date"]
    assert (us.decided_pattern, us.bounds) == ("us_or_month_name_date", utc_bounds((2023, 4, 3), (2023, 4, 21)))


def test_a_column_mixing_iso_and_day_month_date_times_reads_both(infer: Infer) -> None:
    # Online Retail II re-saved: "2009-12-01 07:45:00" beside "12/1/2010 8:26".
    iso = [f"2010-01-{d:02d} 07:{d:02d}:00" for d in range(1, 29)]
    us = [f"12/{d}/2010 8:{d:02d}" for d in range(1, 29)]
    result = infer({"InvoiceDate": iso * 3 + us[:6], "dates": iso * 3 + iso[:6]})
    mixed = result["InvoiceDate"]
    assert (mixed.decided_type, mixed.decided_pattern, mixed.candidates[0].parse_success_rate) == (
        "TIMESTAMP", "iso_or_us_datetime", 1.0,
    )
    assert mixed.bounds == utc_bounds((2010, 1, 1, 7, 1), (2010, 12, 6, 8, 6))
    assert result["dates"].decided_pattern == "iso_datetime"


def test_dates_of_one_format_keep_its_pattern(infer: Infer) -> None:
    result = infer({"iso": [f"2021-01-{d:02d}" for d in range(1, 21)], "us": [f"1/{d}/2021" for d in range(10, 30)]})
    assert result["iso"].decided_pattern == "iso_date"
    assert result["us"].decided_pattern == "us_date"
    # the mixed readings were not even tried
    assert not {c.detected_pattern for c in result["iso"].candidates} & {"iso_or_us_date", "iso_or_eu_date"}


def test_mixed_dates_with_no_day_above_12_follow_the_separator(infer: Infer) -> None:
    iso = [f"2021-01-{d:02d}" for d in range(1, 21)]
    result = infer({"slashed": iso + ["01/02/2021"] * 10, "dotted": iso + ["01.02.2021"] * 10})
    slashed, dotted = result["slashed"], result["dotted"]
    assert (slashed.decided_pattern, slashed.bounds) == ("iso_or_us_date", utc_bounds((2021, 1, 1), (2021, 1, 20)))
    assert (dotted.decided_pattern, dotted.bounds) == ("iso_or_eu_date", utc_bounds((2021, 1, 1), (2021, 2, 1)))
    assert slashed.candidates[0].confidence < 1.0  # the order was ambiguous


def test_ymd_slash_datetime_detector_reads_slashed_dates_with_a_time(infer: Infer) -> None:
    values = ["2021/01/05 10:11:12", "2021/1/6 9:05", "2021/02/01T23:59:59.5"]
    result = infer({"logged": values})["logged"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "ymd_slash_datetime")
    low, high = utc_bounds((2021, 1, 5, 10, 11, 12), (2021, 2, 1, 23, 59, 59))
    assert result.bounds == (low, high + 0.5)


def test_year_first_date_times_on_a_12_hour_clock_with_a_gmt_offset_are_read_in_utc(infer: Infer) -> None:
    # Google Forms' "Download responses (.csv)": Timestamp "2023/04/01 10:15:22 PM GMT+1",
    # GMT+2 once summer time starts; other locales write no zone, or zero-padded hours.
    forms = ["2023/03/25 10:15:22 PM GMT+1", "2023/04/02 9:03:11 AM GMT+2", "2023/04/07 12:30:00 AM GMT+2"]
    result = infer({"Timestamp": forms, "plain": [v.rsplit(" ", 1)[0] for v in forms]})
    zoned = result["Timestamp"]
    assert (zoned.decided_type, zoned.decided_pattern) == ("TIMESTAMP", "ymd_slash_datetime")
    assert zoned.bounds == utc_bounds((2023, 3, 25, 21, 15, 22), (2023, 4, 6, 22, 30))
    assert "converted to UTC" in zoned.reason
    plain = result["plain"]
    assert (plain.decided_type, plain.decided_pattern) == ("TIMESTAMP", "ymd_slash_datetime")
    assert plain.bounds == utc_bounds((2023, 3, 25, 22, 15, 22), (2023, 4, 7, 0, 30))


def test_day_first_date_times_with_utc_after_them_are_timestamps(infer: Infer) -> None:
    # Amazon's EU settlement report (Amazon.de): posted-date-time "03.04.2023 10:42:04 UTC",
    # beside the US reports' ISO "2023-04-03 10:42:04 UTC".
    values = ["03.04.2023 10:42:04 UTC", "16.04.2023 01:02:15 UTC", "05.04.2023 08:58:15 UTC"]
    result = infer({"posted-date-time": values})["posted-date-time"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "eu_datetime")
    assert result.bounds == utc_bounds((2023, 4, 3, 10, 42, 4), (2023, 4, 16, 1, 2, 15))
    assert "UTC (3)" in result.reason


def test_weekday_date_detector_reads_long_dates_with_the_day_s_name(infer: Infer) -> None:
    values = ["Tuesday, January 5, 2021", "Tue, 6 Jan 2021", "Sun Jan 31 2021", "Monday, 1 February 2021"]
    result = infer({"published": values})["published"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "weekday_date")
    assert result.bounds == utc_bounds((2021, 1, 5), (2021, 2, 1))


def test_rfc_datetime_detector_reads_internet_dates_in_utc(infer: Infer) -> None:
    values = ["Tue, 05 Jan 2021 10:11:12 GMT", "Tue, 5 Jan 2021 10:11:12 +0130", "Wed, 06 Jan 2021 00:00:00 -0500"]
    result = infer({"pub_date": values})["pub_date"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "rfc_datetime")
    assert result.bounds == utc_bounds((2021, 1, 5, 8, 41, 12), (2021, 1, 6, 5, 0))


def test_clf_datetime_detector_reads_access_log_times_in_utc(infer: Infer) -> None:
    # Apache's and Nginx's access logs: "[10/Oct/2000:13:55:36 -0700]".
    values = ["[10/Oct/2000:13:55:36 -0700]", "[10/Oct/2000:13:55:37 -0700]", "[11/Oct/2000:01:02:03 +0200]"]
    result = infer({"time": values})["time"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "clf_datetime")
    assert result.bounds == utc_bounds((2000, 10, 10, 20, 55, 36), (2000, 10, 10, 23, 2, 3))


def test_unix_datetime_detector_reads_twitter_and_date_stamps_in_utc(infer: Infer) -> None:
    # Sentiment140's dates and Twitter's created_at: the zone before the year.
    values = ["Mon Apr 06 22:19:45 PDT 2009", "Tue Apr  7 01:03:12 PDT 2009", "Wed Oct 10 20:19:24 +0000 2018"]
    result = infer({"date": values})["date"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "unix_datetime")
    assert result.bounds == utc_bounds((2009, 4, 7, 5, 19, 45), (2018, 10, 10, 20, 19, 24))
    assert "stored converted to UTC" in (result.reason or "")  # a day's count moves otherwise


def test_iso_timestamps_with_a_space_before_the_offset_are_read(infer: Infer) -> None:
    result = infer({"ts": ["2020-01-01 10:00:00 +0000", "2020-01-02 11:30:00 +0530", "2020-01-03 09:15:00 -0200"]})["ts"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "iso_datetime")
    assert result.bounds == utc_bounds((2020, 1, 1, 10, 0), (2020, 1, 3, 11, 15))


def test_month_name_datetime_detector_reads_a_date_and_a_time(infer: Infer) -> None:
    # (An "M" in a month's name is no PM: "Mar 11 2024 04:28" was read on a 12-hour clock.)
    values = ["Jan 1 2021 03:36", "Jan 5, 2021 14:05:09", "5 January 2021 23:59", "Mar 3 2021 04:28", "May 4 2021 18:06"]
    result = infer({"event_time": values})["event_time"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "month_name_datetime")
    assert result.bounds == utc_bounds((2021, 1, 1, 3, 36), (2021, 5, 4, 18, 6))


def test_month_name_date_times_with_a_fraction_of_a_second_on_a_24_hour_clock(infer: Infer) -> None:
    # PI SMT's sub-second timestamps and Oracle's DD-MON-YY HH24:MI:SS.FF dumps.
    short = ["01-Apr-23 10:15:22.123", "01-Apr-23 10:16:22.500", "01-Apr-23 10:17:22.750", "13-Apr-23 10:18:22.000"]
    long = [value.replace("-23 ", "-2023 ") for value in short]
    results = infer({"Timestamp": short, "Time": long})
    for name in ("Timestamp", "Time"):
        result = results[name]
        assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "month_name_datetime"), name
        assert result.bounds == (utc_bounds((2023, 4, 1, 10, 15, 22), (2023, 4, 13, 10, 18, 22))[0] + 0.123,
                                 utc_bounds((2023, 4, 1), (2023, 4, 13, 10, 18, 22))[1]), name


def test_month_name_date_times_with_a_zone_abbreviation_are_read_in_utc(infer: Infer) -> None:
    # Niagara's (Tridium's) history export: "01-Apr-23 12:00:00 AM EDT", EST in winter.
    values = ["01-Apr-23 12:00:00 AM EDT", "01-Apr-23 12:15:00 AM EDT", "01-Apr-23 1:00:00 PM EDT", "05-Jan-23 11:30:00 PM EST"]
    result = infer({"Timestamp": values})["Timestamp"]
    assert (result.decided_type, result.decided_pattern) == ("TIMESTAMP", "month_name_datetime")
    assert result.bounds == utc_bounds((2023, 1, 6, 4, 30), (2023, 4, 1, 17, 0))
    assert "EDT (3)" in result.reason
    assert "EST (1)" in result.reason
    assert "standard and daylight saving time" in result.reason


@pytest.mark.parametrize(
    ("pattern", "values"),
    [
        ("email", ["ana@example.com", "b.c+tag@mail.co.uk", "x_y@d-e.org", "mary.o'neil@x.org"]),
        ("uuid", ["7343ddad-0cf4-40af-8d11-2e210996e0f4", "EFD63D62-C40E-4B0C-8D1D-0383E41E27A4"]),
        ("url", ["https://example.com/a?b=1", "http://x.org", "www.example.com/path", "cfs.uab.edu/", "calbaptist.edu"]),
        ("phone", ["(555) 123-4567", "+1 555-123-4567", "555.123.4567", "+44 20 7946 0958",
                   "+49 12 1234567", "2065552579", "+91 9743772233"]),
        ("ip_address", ["192.168.0.1", "10.0.0.255", "8.8.8.8", "::1", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.128"]),
        ("geo_point", ["(41.8781, -87.6298)", "(-33.86, 151.2)", "POINT (-87.6298 41.8781)", "point(2.35 48.85)"]),
        ("json_object", ['{"level_id": 3}', "{}", '{ "a": {"b": [1, 2]} }', '{"note": "line one\nline two"}', "{'a': True}"]),
        ("coordinate_pair", ["[60.5, 40.2]", "[120.0, 38.1, 1.2]", "[-0.5,+3.25]", " [1.0, 2.0] "]),
        ("number_array", ["[51.5, 0.0, 13.0, 0.0]", "[255, 128, 0, 1]", "[1e-3, -2.5, .5, 7]"]),  # (of one length)
        ("json_object_list", ['[{"position_id": 1, "to": null}]', "[]", '[{"a": 1}, {"a": 2}]', '[ {"b": [1]} ]',
                              "[{'id': 16, 'name': 'Animation'}]"]),
    ],
)
def test_text_pattern_detectors_keep_varchar_and_name_the_pattern(
    infer: Infer, pattern: str, values: list[str]
) -> None:
    result = infer({"c": values})["c"]
    assert (result.decided_type, result.decided_pattern) == ("VARCHAR", pattern)
    assert result.candidates[0].pattern_match_rate == 1.0


# Values that look like something but are not, per detector (Python and DuckDB must agree).
_NEAR_MISSES: dict[PatternName, list[str]] = {
    "integer": ["1.5", "1,000", "abc", "1 2"],
    "float": ["1.2.3", "1,5", "e5", "--1"],
    "thousands": ["1234,567", "1,23", "12.34", "1,234.5", "1 23", "1'23", "1,2,345", "12,34,56"],
    "grouped_number": ["1234,567.5", "1,23.5", "12.34", "(1,234.5", "$1,234.50", "1.234,50", "1 234", "1 23.5", "1 234,5"],
    "grouped_number_eu": ["12.34", "1,234.50", "1.23,4", "12,", "1 23,4", "€1.234,50"],
    "trailing_minus_integer": ["-134", "134--", "1.5-", "5-10", "1,234-"],
    "trailing_minus": ["-1.5-", "1.234,50-", "1,23.5-", "5-10", "(1.5)-"],
    "trailing_minus_eu": ["-1,5-", "1,234.50-", "1.23,4-", "5-10", "12,-"],
    "unicode_minus": ["\u2212\u22125", "5\u2212", "\u2212", "1,5"],
    "credit_debit": ["CR", "12 CRR", "12 DRX", "1,23 CR", "CR 12", "12 C", "12.50", "(1,234.00) CR", "12 CR DR"],
    "currency": ["1.234,50 €", "$", "$1,23", "12 apples", "$(1,234.56", "$($1.50)", "$(-1.50)", "$()"],
    "currency_eu": ["$1,234.50", "€", "1,234.50 €"],
    "currency_precise": ["$0.1234567890123", "1.234,50 €", "$", "12 apples"],
    "currency_eu_precise": ["0,1234567890123 €", "$1,234.50", "€"],
    "percent": ["%", "12.5", "12%5", "12,5", "1,2,3%"],
    "flagged_number": ["8.5", "8.5 x", "8.5 pppp", "1 23 e", "p", "8.5p", "1 2345", "*", "8.5**", "8.5 *", "1,234", "1,23\u2020", "\u2020"],
    "noted_integer": ["12.5\u2020", "1,234", "1,23\u2020", "12 \u2020", "\u2020", "12\u2020\u2020", "1(A)", "2023 (a very long note that goes on and on)", "2022 provisional"],
    "interval_estimate": ["85.3 (\u00b1)", "(\u00b12.1)", "85.3 (2.1)", "72.5 [70.1]", "72.5 [70.1-]", "72.5 70.1-74.8", "85.3 (\u00b12.1", "85.3 (\u00b12.1)\u2020\u2020"],
    "rating_5": ["4.1/50", "4/5/2021", "/5", "4.1", "1/15"],
    "rating_10": ["7/100", "3/4/10", "/10", "7", "7/1"],
    "unit_value": ["kg", "12", "12 kg 5", "1e5"],
    "abbreviated_number": ["K", "12", "1.2 KB", "5m", "1.2KK", "kg"],
    "currency_magnitude": ["$", "$12", "1.2M", "$1.2 KB", "$5km", "$1,200K"],
    "currency_per_unit": ["$45.25", "45.25/MWh", "$45.25/", "$/MWh", "$45.25/MWh/h", "12.5¢", "$1.23456/kWh",
                          "1.234¢/kWh", "$45.25 per MWh"],
    "boolean": ["maybe", "yess", "2", "1x0", "0.5", "1.000"],
    "time": ["24:00", "12:60", "1230"],
    "zoned_time": ["1:25:52 PM", "13:25:52 PM PDT", "1:25:52 PM XYZ", "1:25:52 PMPDT", "25:00 CET", "1:25:52 PM pdt"],
    "dotted_time": ["18.30", "24.00.00", "18.60.00", "1.0.0", "18:00:00"],
    "hhmm_time": ["2460", "2401", "12345", "13:45", "1345.0", "-5", "160", "99", "75", "2360"],
    "hhmmss_time": ["240000", "126000", "123460", "12345", "1234567", "10:15:30", "101530.0"],
    "lower_bound": ["10,000", "+500", "10,00+", "1.5+", "+", "5++"],
    "margin_of_error": ["±", "+/-", "1,234", "±1,23", "±-5", "+/ -5", "5±2"],
    "worded_bound": ["Less than", "more than one year", "over 5.5", "1,000", "under -5", "5 apples"],
    "feet_inches": ["1'234", "5'12", "5 7", "ft", "123'4", "5'7'8"],
    "hours_minutes": ["2h50", "h 50m", "2 h 50 m", "1234h", "2:50"],
    "elapsed_hours": ["8:60", "8:5", "12345:00", "8:29:10", "8:29.5", "--8:29", "8h29", ":29"],
    "age_span": ["years", "2 yrs", "two years", "2 decades"],
    "iso_duration": ["P", "PT", "P1Y", "PT2H50", "T2H", "PT2.5H", "P1DT", "pt2h"],
    "compound_duration": ["2h50", "1.5h", "5 d", "1m2h", "3 m 12 s", "5dd", "s", "12.5"],
    "worded_duration": ["2 Hours 15", "Hours", "2 hours and 15 minutes", "2 years", "15 Minutesx", "2 Hours15 Minutes", "2 h"],
    "epoch_duration": ["1971-01-01 00:00:00", "1970-01-01", "1970-13-01 00:00:00", "1970-01-01 24:00:00", "1970-01-01T00:00"],
    "pandas_timedelta": ["0 days", "0 days 6:00:00", "days 06:00:00", "0 days 06:60:00", "0days 06:00:00", "06:00:00",
                         "0 days +-06:00:00"],
    "byte_size": ["1.1B", "12K", "100 Mb", "MB", "5 GiBs", "1.2.3 GB"],
    "cpu_quantity": ["250 m", "1.5.2m", "m", "250mm", "2 cores", "-1m"],
    "whole_amount": ["1.5", "1" * 39, "1e21", "1,000", "0x5208", "-", "12 34", "+-5"],
    "fractional_odds": ["5/0", "-5/2", "5/2/1", "5 /", "/2", "12345/2", "evsx", "e vs", "-1.5", "1.5.2", "5/2.5"],
    "dms_degrees": ["40°26'46\"", "40 26 46 N", "12.5 N", "N", "40°26'46\"X", "°N"],
    "wkt_geometry": ["POLYGONAL", "(1 2)", "POINT", "MULTI (1 2)", "CIRCLE (1 2, 3)"],
    "bounded_years": ["10++ years", "<< 1 year", "1.5 years", "years", "10 + years", "> 5 years"],
    "hhmm_half": ["0752", "752A", "2152P", "0760A", "0752AM", "07:52A"],
    "hemisphere_degrees": ["57N", "57.05 N", "181.5E", "57.05X", "N57.05", "-57.05N"],
    "duration": ["1:38", "1:60.5", "09:30", "1:38.", "1234:05.1", "1:60:10.5", "123:05:10.5"],
    "elapsed_time": ["1:38", "00:60:00", "1:02:60", "0:2:15", "1234:00:00", "00:02:15."],
    "duration_or_seconds": ["1:38", "+5.478", "1.2.3", "1:60.5"],
    "minutes_seconds": ["1:60", "1:38.5", "1:38:10", "1234:05", ":05", "1:5", "34m12"],
    "elapsed_or_minutes_seconds": ["1:60", "1:60:00", "1:02:60", "1:38.5", "1234:05", "1:2:33", ":05", "45"],
    "iso_date": ["1993-00-00", "1995-06-00", "2021-1-5x", "2021/01/05", "20210105"],
    "zoned_date": ["2023-04-01", "2023-4-1-07:00", "2023-04-01-7:00", "2023-04-01 -07:00", "2023-04-01-15:00",
                   "2023-04-01T10:00-07:00", "2023-04-32Z", "2023-04-01-0700"],
    "iso_datetime": ["2021-01-05", "2021-01-05T25", "2021-01-05 10"],
    "us_date": ["13/01/2021", "1/5/21", "2021/01/05"],
    "eu_date": ["01/13/2021", "5.1.21"],
    "us_date_short": ["13/01/21", "1/5/2021", "1/5/1", "2021/01/05"],
    "eu_date_short": ["01/13/21", "5.1.2021", "1.2.3"],
    "iso_or_us_date": ["13/01/2021", "2021/01/05", "20210105", "2021-01-05 10:00"],
    "iso_or_us_date_short": ["13/01/21", "2021/01/05", "1/13/2021", "2021-01-05 10:00"],
    "iso_or_us_datetime": ["2021-01-05", "13/01/2021 10:00", "01/13/2021", "2021/01/05 10:00"],
    "iso_or_eu_datetime": ["2021-01-05", "01/13/2021 10:00", "13.01.2021", "2021/01/05 10:00"],
    "iso_or_eu_date": ["01/13/2021", "2021/01/05", "5.1.21", "2021-01-05 10:00"],
    "iso_or_eu_date_short": ["01/13/21", "2021/01/05", "13.01.2021", "2021-01-05 10:00"],
    "us_date_mixed_year": ["13/01/21", "13/01/2021", "1/5/201", "2021-01-05", "1/5/21 10:00"],
    "eu_date_mixed_year": ["01/13/21", "01/13/2021", "5.1.201", "2021-01-05", "5.1.21 10:00"],
    "us_or_month_name_date": ["13/01/2021", "Foo 5 2021", "2021-01-05", "Jan 2021"],
    "eu_or_month_name_date": ["01/13/2021", "5-Janu-23", "2021-01-05", "13.01.21"],
    "us_datetime": ["13/01/2021 10:00", "01/13/2021", "01/13/2021 25:00", "01/13/2021 1:05 XM", "01/13/2021 24:01"],
    "us_datetime_short": ["13/01/21 10:00", "01/13/21", "01/13/2021 10:00", "01/13/21 25:00"],
    "eu_datetime_short": ["01/13/21 10:00", "13/01/21", "13/01/2021 10:00", "13.01.21 24:30"],
    "eu_datetime": ["01/13/2021 10:00", "13.01.2021", "13.01.2021 10:61", "13.01.21 10:00", "13.01.2021 1:05:07.5 PM",
                    "13.01.2021 10:00 CET", "13.01.2021 UTC", "13.01.2021 10:00 GMT+1:5"],
    "us_datetime_spaced": ["13 01 2018 10:00", "01 13 2018", "01 13 18 10:00", "01/13/2018 10:00", "01  13 2018 10:00"],
    "eu_datetime_spaced": ["01 13 2018 10:00", "13 01 2018", "13 01 18 10:00", "13.01.2018 10:00", "13 01 2018 10:00:61"],
    "ymd_slash": ["2021/13/05", "21/01/05", "2021.1305"],
    "ymd_slash_datetime": ["2021/01/05", "2021/13/05 10:00", "2021/01/05 24:00", "2021-01-05 10:00",
                           "2021/01/05 13:00 PM", "2021/01/05 10:00 GMT+15", "2021/01/05 10:00 CET"],
    "weekday_date": ["Tuesday, Jan 5, 2021", "Tue 5 Jan 2021", "Tues, Jan 5, 2021", "Jan 5, 2021"],
    "rfc_datetime": ["Tue, 05 Jan 2021 10:11 GMT", "Tue, 05 Jan 2021 10:11:12", "05 Jan 2021 10:11:12 GMT"],
    "clf_datetime": ["10/Oct/2000:13:55:36", "10/Oct/2000 13:55:36 -0700", "[10/10/2000:13:55:36 -0700]"],
    "unix_datetime": ["Mon Apr 06 22:19:45 2009", "Mon Apr 06 22:19 PDT 2009", "Mon Apr 06 22:19:45 XYZ 2009", "Apr 06 22:19:45 PDT 2009"],
    "compact_date": ["20211301", "18991231", "2021010"],
    "compact_mdy": ["13152020", "01322020", "01151820", "1152020", "20200115"],
    "compact_yymmdd": ["931305", "930132", "93010", "1993010"],
    "year_month": ["2021-13", "21-03", "2021-03-05", "2021.03"],
    "month_year": ["13/2023", "00/2023", "04/23", "04.2023", "2023/04", "04/1499", "04/20231", "04/05/2023"],
    "compact_year_month": ["202313", "202300", "210001", "20230", "2023011", "179912"],
    "compact_month_year": ["132023", "002023", "012100", "12023", "0120231", "011799", "202301"],
    "compact_partial_date": ["202313", "20230132", "1799", "2023011", "210001", "12345", "2023-01", "20230010", "19300"],
    "year_quarter": ["2021-Q5", "Q1", "21Q1", "2021-Q1-01", "1021 Q1"],
    "us_partial_date": ["13/1965", "6/32/1965", "65", "6/65", "6-1965", "6.1965", "1965/6", "0/1965", "6/15/65", "15/6/1965"],
    "eu_partial_date": ["13/1965", "32/6/1965", "65", "6/65", "6-1965", "1965/6", "15/13/1965", "6/15/1965"],
    "iso_partial_date": ["77", "1984-13", "1984-05-32", "198405", "1984/05", "0999", "1984-00-05", "1984-00", "0000-00-00"],
    "iso_partial_datetime": ["77", "1984-13", "1984-05-32T10:30", "2014-01-05T24:00", "2014-01-05T10", "2014-01T10:30",
                             "2014-01-05T10:30Z", "2014-01-05T10:30+01:00", "1984-00"],
    "epoch_seconds": ["12345678", "12345678901", "9649827.03", "-964982703", "1.43e9", "1.430438407e8", "1.43043840e9"],
    "epoch_millis": ["12345678901", "12345678901234", "964982703000.5"],
    "excel_serial": ["19999", "60000", "4492", "449290", "44929.5", "-44929", "44,929"],
    "sas_day_number": ["197250", "19725.5", "1.9e4", "19,725", "--5", "19725."],
    "sas_seconds": ["16700544000", "1670054400.1234567", "1.67e9", "1,670,054,400"],
    "epoch_micros": ["12345678901234", "12345678901234567", "964982703000000.5"],
    "epoch_nanos": ["12345678901234567", "12345678901234567890", "1680344122123456789.5"],
    "month_name_year": ["Jan 21", "Foo 2021", "Jan 5 2021"],
    "month_name_short_year": ["Jan 21", "Foo-21", "Jan-2021", "5-Jan", "Jan-5-21"],
    "sas_date": ["16MAR2", "16MARCH2021", "32MAR2021", "16MAR021", "MAR2021", "16 MAR 2021", "16FOO2021"],
    "labelled_scale": ["5-10", "1.5", "1234. Foo", "1.5 - Good", "Refused", "10 -", "- 9. Refused", "10 - 12"],
    "noted_number": ["12.3 (1)", "1(A)", "2(A-B)", "(Unreliable)", "12.3 Unreliable", "12.3 (Unreliable", "12.3 (a very long note that goes on and on)"],
    "month_name_date": ["Jan 2021", "5 Janu 2021", "Foo 5 2021"],
    "month_day_comma_year": ["13 28, 2014", "02 32, 2014", "02 28 2014", "02, 28, 2014", "02 28, 14"],
    "month_name_datetime": ["Jan 5 2021", "Jan 5 2021 25:00", "Jan 5 2021 3", "Jan 5 2021 13:00 PM"],
    "datetime_interval": ["01.03.2023 00:15", "01.03.2023 00:15-01.03.2023 00:30", "2023-03-01 00:15 - 2023-03-01 00:30",
                          "01.03.2023 24:00 - 02.03.2023 00:15", "01.03.2023 00:15 - 01.03.2023 00:30 (PST)",
                          "2023-04-01T00:00:00Z/", "2023-04-01/P1D", "2023/04/01/2023/05/01", "2023-04-01T00:00:00Z/2023-04-01T01"],
    "month_name_partial_date": ["March", "15 2021", "2021 March", "Foo 2021", "Mar 5"],
    "iso_date_hour": ["2023-01-05T24", "2023-1-5T14", "2023-01-05T1", "2023-01-05", "2023-01-05T14:00"],
    "compact_datetime": ["20190507", "20191307064319", "20190507246319", "2019050706431", "201905072", "2019050724"],
    "compact_short_datetime": ["231301101530", "230432101530", "230401241530", "23040110153", "2304011015300"],
    "cdr_timestamp": ["2304011015221500", "230401101522+01", "2304011015220160", "230401101522 0100", "2313011015220100"],
    "email": ["ana@", "@example.com", "ana@example"],
    "uuid": ["7343ddad-0cf4-40af-8d11-2e210996e0f", "zzzzzzzz-0cf4-40af-8d11-2e210996e0f4"],
    "url": ["example", "http//x.org", "report.pdf", "Example.COM", "node.js", "a@b.com"],
    "phone": ["555123456", "2021-01-05", "12", "555-1234", "+1 5", "19-028134", "01-234567", "555-123-4567x", "12 x 5"],
    "year_span": ["2023-24", "2011/12", "2023-2024-2025", "23-2024", "2023.2024", "1499-1500", "2023  -  2024"],
    "postal_code": ["1234", "123456", "10467-877", "SW1A1", "ABCDE", "94XXX", "941xX", "XXXX"],
    "ip_address": ["256.1.1.1", "1.2.3", "12:30:45", "::ffff:192.0.2.256", "1::2::1.2.3.4"],
    "geo_point": ["(41.8781 -87.6298)", "41.8781, -87.6298", "(1, 2)", "POINT (1.5, 2.5)", "(abc, 1.5)"],
    "json_object": ["{name}", "{", "[1, 2]", "{a: 1}", 'x {"a": 1}', '{"a": 1} x', '["a"]'],
    "noted_date": ["Jun 24, 1987 (", "(35) Jun 24, 1987", "Jun 24, 1987 ((35))", "Jun 24 (35)", "Jun 24, 1987 (35) x"],
    "number_array": ["[1]", "[]", "[1.5; 2.5]", "['1.5', '2.5']", "[1.5, nan]", "[1.5 2.5]", "(1.5, 2.5)", "[1.5, 2.5"],
    "coordinate_pair": ["[1, 2]", "[1.5]", "[1.5, 2.5, 3.5, 4.5]", "(1.5, 2.5)", "[1.5; 2.5]", "['1.5', '2.5']"],
    "json_object_list": ["[", "[1, 2]", '["a"]', "['a', 'b']", '{"a": 1}', '[{"a": 1}', 'x [{"a": 1}]'],
}


def _all_examples() -> list[str]:
    near_misses = [v for values in _NEAR_MISSES.values() for v in values]
    return [
        *near_misses,
        "1", "-7", "3.14", "1e-3", "1,234,567", "1.234.567", "$1,234.50", "-$3.00", "901.00 USD",
        "USD 901.00", "£12", "¥1,000", "1.234,50 €", "€1.234,50", "12.5%", "12.5 kg", "3km",
        "20 °C", "10.36 mph", "yes", "N", "09:30", "23:59:59.5", "2021-01-05",
        "2021-01-05T10:11:12.5Z", "2021-01-05 10:11:12+02:00", "2023-04-01-07:00", "2023-04-01Z", "03/04/2021", "13.04.2021",
        "2021/01/05", "20210105", "Jan 5, 2021", "05-Jan-2021", "Jan 1 2021 03:36", "ana@example.com",
        "https://x.org/a", "(555) 123-4567", "192.168.0.1", "::1",
        "7343ddad-0cf4-40af-8d11-2e210996e0f4", "95,602.52", "(1,234.00)", "94.833,97", "57,44",
        "1 234,5", "1 234 567", "1'234'567", "12,34,567", "₹1,23,456.50", "R$ 1.234,56", "C$12.50",
        "CHF 1'234.50", "\u22125.5", "\u22121,200.00", "\u2212$12.50", "$\u221212.50", "\u2212714,66 €",
        "\u22121,234", "1,204.80 CR", "195.20 DR", "178.36CR", "12.00 Cr", "-5 dr", "$(1,234.56)", " $ (12,345.00)", "(1.234,56) €", "€ (15,50)", "2021-Q3", "Q3 2021", "964982703", "964982703000", "1325412060.0", "44929", "202301", "1.2K", "350k", "2.5M", "1.1B", "3bn", "$1.2B", "-€350M", "R$ 2bn", "134-", "1,234.50-", "1.234,50-", "0,5-", "01/31/2021 13:45", "1/31/2021 1:45:07 PM", "31.01.2021 13:45", "13.06.2023 00:00:01,001", "31 01 2018 00:10", "2021-03",
        "2021/11", "2021/01/05 10:11:12", "2021/1/5 9:05", "Tuesday, January 5, 2021",
        "Tue, 5 Jan 2021", "Tue Jan 05 2021", "Tue, 05 Jan 2021 10:11:12 GMT", "Mon Apr 06 22:19:45 PDT 2009", "57.05N", "1:38.109", "0752A", "1145P", "2h 50m", "3 weeks", "PT2H50M", "P1DT3H", "10+ years", "< 1 year", "Jan 2021", "september-2020", "Dec-11", "1:02:33", "45:12", "1993-00-00", "1995-06-00", "16MAR2021", "16MAR39", "56.7 (Unreliable)", "$ -", "3/4/21", "31.12.99", "2021.03.04", "04-MAR-21", "4.1/5", "3.8 /5", "7/10", "(41.88, -87.63)", "02 28, 2014", "1 9, 2013", "8.5 p",
        "1 234 567 e", "7.1 bu", "$0.00012345", "0,00012345 €", "128Mi", "1.5 GiB", "350MB", "250m", "123456789n",
        "40°26'46\"N", "73°59'54.3\" W", "N 40° 26.767'", "POLYGON ((1 2, 3 4, 1 2))", "POINT EMPTY",
        "POINT (-87.6 41.8)", "±2,099", "+/-975", "± 0.5", "2023", "20230314", "6/1965", "01/2023", "4-2023", "2023-2024", "2022/2023", "2023 / 2024", "6/15/1965", "15/6/1965", "Less than 1 year", "More than 50 years", "Younger than 5 years", "over 65",
        "10 - Extremely likely", "-9. Refused", "80. Age 80 or older", "1 = Strongly disagree", "3: Neutral", "7 – Agree",
        "101530", "230401101530", "2304011015220100", "230401101522+0100", "1680344122123456789",
        "01-Apr-23 10:15:22.123", "01-Apr-23 12:00:00 AM EDT",
        '{"order_id": "GPA.3312-1", "price": 4.99}', "{}", "[60.5, 40.2]", "[120.0, 38.1, 1.2]", "[]",
        "Jun 24, 1987 (35)", "5 January 2021 (approx.)", "87\u2020", "1,234\u00a7", "3.4\u2021", "2023 (provisional and partial)",
        "85.3 (\u00b12.1)", "91.5 (\u00b14.4)\u2021", "85.3 \u00b1 2.1", "72.5 [70.1-74.8]", "12.4 (10.9-14.1)",
        '[{"position_id": 1, "position": "Goalkeeper"}]',
        "$45.25/MWh", "-$3.14/MWh", "12.5¢/kWh", "$7.50/kW-mo", "45.25 EUR/MWh", "€25.00m", "€800k", "€1.50bn", "1,85 m",
        "0 days 06:00:00", "-1 days +23:00:00", "1 days 00:00:00.500000", "012023", "122053", "1:25:52 PM PDT", "17:05:00 CET",
        "2 Hours 15 Minutes", "1 Day 1 Hour 1 Minute", "2 days, 3 hours", "38 Seconds", "1970-01-01 02:15:00",
        "5/2", "11/10", "100/30", " 4 / 6 ", "evs", "Evens", "EVEN",
        "250000000000000000000", "-31415926535897932384626", " 0 ",
    ]


@pytest.mark.parametrize("pattern", sorted(DETECTORS))
def test_python_and_duckdb_read_each_detector_regex_the_same_way(pattern: PatternName) -> None:
    detector = DETECTORS[pattern]
    examples = _all_examples()
    con = duckdb.connect()
    try:
        rows = con.execute(
            f"SELECT v, {detector.match_sql('v')} IS NOT NULL FROM unnest($1) t(v)", [examples]
        ).fetchall()
    finally:
        con.close()
    in_duckdb = {value for value, matched in rows if matched}
    in_python = {value for value in examples if detector.matches(value)}
    assert in_duckdb == in_python
    assert not in_python & set(_NEAR_MISSES[pattern])


def test_json_objects_in_a_text_column_name_their_keys_and_how_to_read_one(infer: Infer) -> None:
    # A game's telemetry: each event's params as one JSON object, "{}" for most events, an
    # order's id on the few purchases (which link to Google Play's orders). It was plain text.
    params = (
        ["{}"] * 6
        + [f'{{"level_id": {i}, "attempt": {i % 3 + 1}, "stars": {i % 4}}}' for i in range(8)]
        + [f'{{"order_id": "GPA.3312-{i:04d}", "sku": "gems_500", "price": {i}.99}}' for i in range(4)]
        + ['{"price": 5}', '{"app_version": "1.4.0", "is_new": true, "tags": ["a"]}']
    )
    result = infer({"params": params, "words": ["{name} here", "{", "plain", "{'a': 1}"] * 5})
    found = result["params"]
    assert (found.decided_type, found.decided_pattern) == ("VARCHAR", "json_object")
    assert found.candidates[0].details["json_keys"] == {
        "level_id": "integer", "attempt": "integer", "stars": "integer", "price": "number", "order_id": "text",
        "sku": "text", "app_version": "text", "is_new": "boolean", "tags": "array",
    }
    assert "order_id (text, 20.0%)" in found.reason
    assert "\"params\"->>'level_id'" in found.reason
    assert result["words"].decided_pattern is None


def test_json_lists_of_objects_name_the_keys_of_their_items_and_how_to_unnest_them(infer: Infer) -> None:
    # StatsBomb's lineups: a player's positions as a JSON list of objects, "[]" for one who
    # never came on, two items for one who moved. It was plain text, with no way in to the
    # from and to that minutes played are counted from.
    positions = (
        ["[]"] * 5
        + [f'[{{"position_id": {i}, "position": "Back", "from": "00:00", "to": null}}]' for i in range(10)]
        + ['[{"position_id": 2, "from": "00:00", "to": "60:00"}, {"position_id": 3, "from": "60:00", "to": null}]']
    )
    tags = ["[]"] * 12 + ["['a', 'b']", "['c']", "['a']", "['b', 'c']"]  # a Python list's "[]" alone is no object
    result = infer({"positions": positions, "tags": tags})
    found = result["positions"]
    assert (found.decided_type, found.decided_pattern) == ("VARCHAR", "json_object_list")
    assert found.candidates[0].details["json_keys"] == {
        "position_id": "integer", "from": "text", "to": "text", "position": "text",
    }
    assert "position (text, 83.3%)" in found.reason
    assert "unnest(from_json(\"positions\", '[\"JSON\"]')) AS item" in found.reason
    assert "item->>'position_id'" in found.reason
    assert result["tags"].decided_pattern != "json_object_list"


def test_python_lists_of_dicts_as_pandas_writes_them_are_read_with_sql_that_makes_them_json(infer: Infer) -> None:
    # The Movies Dataset's genres and ACN-Data's userInputs, saved by pandas' to_csv: Python's
    # quotes and True/None, not JSON. genres was a list of its keys 'id' and 'name', userInputs
    # plain text; the same data written as JSON was read right.
    names = ["Animation", "Comedy", "Family", "Guns N' Roses", "Drama"]
    genres = [str([{"id": i, "name": names[i % 5]}, {"id": 35, "name": "Comedy"}][: 1 + i % 2]) for i in range(20)]
    inputs = [str({"WhPerMile": 250 + i, "paymentRequired": i % 2 == 0, "userID": None if i % 3 else i}) for i in range(20)]
    result = infer({"genres": genres, "userInputs": inputs})
    found = result["genres"]
    assert (found.decided_type, found.decided_pattern) == ("VARCHAR", "json_object_list")
    assert found.candidates[0].details["json_keys"] == {"id": "integer", "name": "text"}
    assert "Python lists of dicts" in found.reason
    sql = re.search(r"with (unnest\(.*\)) AS item", found.reason)
    assert sql is not None
    con = duckdb.connect()
    try:
        items = con.execute(f"SELECT item->>'name' FROM (SELECT {sql[1]} AS item FROM unnest($1) t(genres))", [genres]).fetchall()
    finally:
        con.close()
    assert sorted(name for (name,) in items) == sorted(d["name"] for g in genres for d in ast.literal_eval(g))
    inputs_found = result["userInputs"]
    assert inputs_found.decided_pattern == "json_object"
    assert inputs_found.candidates[0].details["json_keys"] == {
        "WhPerMile": "integer", "paymentRequired": "boolean", "userID": "integer",
    }
    assert "Python dicts" in inputs_found.reason


def test_python_values_the_sql_cannot_make_json_read_as_null_without_failing_the_query(infer: Infer) -> None:
    # The Movies Dataset's genres, where a name holds double quotes ('Documentary "Docs"', which
    # Python writes bare inside single quotes), and a scraped venue's dict with a no-break
    # space (Python's 'Caf\xa0Bar'): the note's own SQL failed on them with "Malformed JSON".
    names = ["Animation", "Comedy", 'Documentary "Docs"', "Caf\xa0Bar", "Drama"]
    genres = [str([{"id": i, "name": names[i % 5]}, {"id": 35, "name": "Comedy"}][: 1 + i % 2]) for i in range(20)]
    venues = [str({"id": i, "name": names[i % 5], "open": i % 2 == 0}) for i in range(20)]
    result = infer({"genres": genres, "venues": venues})
    found, venues_found = result["genres"], result["venues"]
    assert found.decided_pattern == "json_object_list"
    assert venues_found.decided_pattern == "json_object"
    assert "reads as NULL" in found.reason
    unnest = re.search(r"with (unnest\(.*\)) AS item", found.reason)
    length = re.search(r"; (json_array_length\(.*\)) counts them", found.reason)
    key = re.search(r"reads a key as text with (.*) \(json_extract", venues_found.reason)
    assert unnest is not None
    assert length is not None
    assert key is not None
    converted = [not any(bad in name for bad in ('"', "\xa0")) for name in (names[i % 5] for i in range(20))]
    con = duckdb.connect()
    try:
        read_items = con.execute(
            f"SELECT item->>'name' FROM (SELECT {unnest[1]} AS item FROM unnest($1) t(genres))", [genres]
        ).fetchall()
        read_counts = con.execute(
            f"SELECT {length[1]} FROM unnest($1) WITH ORDINALITY t(genres, i) ORDER BY i", [genres]
        ).fetchall()
        read_keys = con.execute(
            f"SELECT {key[1]} FROM unnest($1) WITH ORDINALITY t(venues, i) ORDER BY i", [venues]
        ).fetchall()
    finally:
        con.close()
    assert sorted(name for (name,) in read_items) == sorted(
        d["name"] for g, ok in zip(genres, converted, strict=True) if ok for d in ast.literal_eval(g)
    )
    assert [n for (n,) in read_counts] == [
        len(ast.literal_eval(g)) if ok else None for g, ok in zip(genres, converted, strict=True)
    ]
    assert [v for (v,) in read_keys] == [
        str(ast.literal_eval(v)["id"]) if ok else None for v, ok in zip(venues, converted, strict=True)
    ]


def test_arrays_of_numbers_of_one_length_are_read_by_place_with_each_place_s_range(infer: Infer) -> None:
    # Food.com's RAW_recipes: nutrition "[51.5, 0.0, 13.0, 0.0, 2.0, 0.0, 4.0]" (calories, then
    # six daily values), seven numbers in every row. It was text matching no pattern. Numbers
    # in varying numbers (a list of scores) are no such array.
    nutrition = [str([51.5 + i, float(i % 9), 13.0, 0.0, 2.0, float(i), 4.0]) for i in range(20)]
    scores = [str(list(range(1, 2 + i % 4))) for i in range(20)]
    result = infer({"nutrition": nutrition, "scores": scores})
    found = result["nutrition"]
    assert (found.decided_type, found.decided_pattern) == ("VARCHAR", "number_array")
    assert found.candidates[0].details["array_length"] == 7
    assert "Arrays of 7 numbers" in found.reason
    assert "from_json(\"nutrition\", '[\"DOUBLE\"]')[i]" in found.reason
    assert "[1] 51.5 to 70.5" in found.reason
    assert result["scores"].decided_pattern != "number_array"


def test_a_point_written_as_numbers_in_brackets_is_read_by_place_not_as_items(infer: Infer) -> None:
    # StatsBomb's events: location and pass_end_location "[60.5, 40.2]" (x and y on the
    # pitch), shot_end_location with a height too. They were lists of categorical "items".
    points = [f"[{60 + i / 10}, {40 - i / 5}]" for i in range(20)] + ["[120.0, 38.1, 1.2]"]
    found = infer({"location": points})["location"]
    assert (found.decided_type, found.decided_pattern) == ("VARCHAR", "coordinate_pair")
    assert "from_json(\"location\", '[\"DOUBLE\"]')[1]" in found.reason
    assert "not a list of items" in found.reason


def test_currency_conversions_of_every_documented_form(infer: Infer) -> None:
    result = infer({"amount": ["$1,234.50", "-$3.00", "901.00 USD", "USD 901.00"]})["amount"]
    assert (result.decided_type, result.decided_pattern, result.candidates[0].detected_unit) == (
        "DECIMAL", "currency", "USD"
    )
    assert result.bounds == (float(Decimal("-3.00")), 1234.5)


def test_date_times_as_activity_trackers_grids_and_gps_exports_write_them(infer: Infer) -> None:
    # Each stayed text: Strava's comma after the year, the EIA's hourly period, PVGIS's colon
    # between day and time, GDAL's zone after a slashed date, ENTSO-E's zone after an interval.
    hours = range(30)
    result = infer({
        "Activity Date": [f"Jan {1 + h % 28}, 2023, {1 + h % 12}:14:32 {'AM' if h % 2 else 'PM'}" for h in hours],
        "period": [f"2023-01-{1 + h // 24:02d}T{h % 24:02d}" for h in hours],
        "time": [f"202001{1 + h // 24:02d}:{h % 24:02d}10" for h in hours],
        "gps_time": [f"2023/05/01 06:{h:02d}:00+02" for h in hours],
        "MTU": [f"01.01.2023 {h % 24:02d}:00 - 01.01.2023 {(h + 1) % 24:02d}:00 (CET/CEST)" for h in hours],
    })
    for name in ("Activity Date", "period", "time", "gps_time", "MTU"):
        assert result[name].decided_type == "TIMESTAMP", name
        assert result[name].candidates[0].parse_success_rate == 1.0, name
    assert result["Activity Date"].bounds is not None
    assert result["period"].bounds == utc_bounds((2023, 1, 1, 0), (2023, 1, 2, 5))
    assert result["time"].bounds == utc_bounds((2020, 1, 1, 0, 10), (2020, 1, 2, 5, 10))
    assert result["gps_time"].bounds == utc_bounds((2023, 5, 1, 4, 0), (2023, 5, 1, 4, 29))  # (+02: in UTC)
    # Interactive Brokers' Flex queries write a semicolon between the day and the time.
    flex = infer({"DateTime": [f"202301{1 + h % 28:02d};09{h % 60:02d}12" for h in hours]})["DateTime"]
    assert (flex.decided_type, flex.decided_pattern) == ("TIMESTAMP", "compact_datetime")


def test_month_name_dates_beside_months_alone_are_dates_of_mixed_precision(infer: Infer) -> None:
    # ClinicalTrials.gov's start dates "March 15, 2021" beside "March 2021"; Steam's releases
    # "Nov 1, 2000" beside "Aug 2023": each form alone parsed, together they stayed text.
    starts = [f"March {1 + i % 28}, 2021" if i % 3 else "March 2021" for i in range(60)]
    releases = [f"Nov {1 + i % 28}, 2000" if i % 5 else "Aug 2023" for i in range(60)]
    result = infer({"Start Date": starts, "release_date": releases})
    for name in ("Start Date", "release_date"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("DATE", "month_name_partial_date"), name
        assert result[name].candidates[0].parse_success_rate == 1.0
        assert "mixed precision" in result[name].reason
    assert result["release_date"].bounds == utc_bounds((2000, 11, 1), (2023, 8, 1))


def test_unix_seconds_with_a_fraction_are_times_under_a_time_s_name(infer: Infer) -> None:
    # Home Assistant's last_updated_ts and Python's time.time(): "1705305667.434286" stayed a number.
    stamps = [f"{1_705_305_667 + 37 * i}.{(434_286 + 7 * i) % 1_000_000:06d}" for i in range(40)]
    result = infer({"last_updated_ts": stamps, "reading": stamps})
    ts = result["last_updated_ts"]
    assert (ts.decided_type, ts.decided_pattern) == ("TIMESTAMP", "epoch_seconds")
    assert ts.bounds == utc_bounds((2024, 1, 15, 8, 1, 7, 434286), (2024, 1, 15, 8, 25, 10, 434559))
    assert result["reading"].decided_type == "DOUBLE"  # no time in the name: a number


def test_unix_seconds_beside_the_table_s_unix_time_column_are_times_whatever_their_name(infer: Infer) -> None:
    # OpenSky's state vectors: time (whole seconds, a time's name) beside lastposupdate and
    # lastcontact "1680307199.291", seconds before it. They stayed numbers, 1.68031e+09 at both
    # ends. Numbers far from the table's times, or an identifier's, stay numbers.
    times = [1_680_307_200 + 10 * (i // 4) for i in range(40)]
    contacts = [f"{t - i % 3}.{(834 + 11 * i) % 1000:03d}" for i, t in enumerate(times)]
    result = infer({
        "time": [str(t) for t in times],
        "lastposupdate": [None if i % 9 == 0 else f"{t - 1 - i % 5}.{(291 + 37 * i) % 1000:03d}" for i, t in enumerate(times)],
        "lastcontact": contacts,
        "geoaltitude": [f"{1_100_000_000 + 7 * i}.5" for i in range(40)],
        "squawk_id": [str(t - 5) for t in times],
    })
    assert (result["time"].decided_type, result["time"].decided_pattern) == ("TIMESTAMP", "epoch_seconds")
    for name in ("lastposupdate", "lastcontact"):
        assert (result[name].decided_type, result[name].decided_pattern) == ("TIMESTAMP", "epoch_seconds"), name
        assert "within the range of 'time'" in result[name].reason
    assert result["lastcontact"].bounds == pytest.approx((min(map(float, contacts)), max(map(float, contacts))))
    assert result["geoaltitude"].decided_type == "DOUBLE"
    assert result["squawk_id"].decided_type != "TIMESTAMP"


def test_a_free_price_among_amounts_is_zero(infer: Infer, con: duckdb.DuckDBPyConnection) -> None:
    # Steam's price: "Free" and "Free to Play" among "$9.99" kept the column text.
    prices = ["Free" if i % 6 == 0 else "Free to Play" if i % 13 == 0 else f"${4 + i % 5}.99" for i in range(100)]
    result = infer({"price": prices, "plan": ["Free", "Pro", "Team"] * 33 + ["Free"], "only": ["Free"] * 100})
    price = result["price"]
    assert (price.decided_type, price.decided_pattern, price.candidates[0].detected_unit) == ("DECIMAL", "currency", "USD")
    assert price.candidates[0].parse_success_rate == 1.0
    assert price.bounds == (0.0, 8.99)
    assert result["plan"].decided_type == result["only"].decided_type == "VARCHAR"


def test_weather_files_flags_and_missing_days(infer: Infer) -> None:
    # NOAA's GSOD marks a maximum derived from hourly data "52.0*" (the column stayed text, and
    # became the table's grain); the NWS's daily files write M for a missing day (quarantined).
    result = infer({
        "MAX": [f"  {50 + i % 9}.{i % 10}{'*' if i % 4 == 0 else ''}" for i in range(40)],
        "Max Temperature": ["M" if i % 13 == 0 else str(40 + i % 20) for i in range(40)],
        "Precipitation": ["T" if i % 7 == 0 else "M" if i % 11 == 0 else f"0.{i % 9}{i % 4}" for i in range(40)],
        "size": ["M", "L", "S", "XL"] * 10,
    })
    # The NWS's trace of rain, T (below 0.01 in), beside the amounts: 0, as NOAA's GHCN-Daily
    # stores it, not a text column (it was read as a yes/no's "true") nor a missing value.
    rain = result["Precipitation"]
    assert rain.decided_type == "DOUBLE"
    assert (set(rain.missing_values), rain.trace_values) == ({"M"}, {"T": 6})
    assert (result["MAX"].decided_type, result["MAX"].decided_pattern) == ("DOUBLE", "flagged_number")
    assert result["MAX"].candidates[0].parse_success_rate == 1.0
    assert result["Max Temperature"].decided_type == "INTEGER"
    assert result["Max Temperature"].missing_values == {"M": 4}
    assert result["size"].decided_type == "VARCHAR"


def test_lap_times_of_an_hour_or_more_among_minutes_are_durations(infer: Infer) -> None:
    # Formula 1's laps: a red-flagged lap "1:05:07.527" among "1:33.276" was quarantined.
    laps = [f"1:{30 + i % 9}.{i * 37 % 1000:03d}" for i in range(99)] + ["1:05:07.527"]
    result = infer({"time": laps})["time"]
    assert (result.decided_type, result.decided_pattern) == ("DOUBLE", "duration")
    assert result.candidates[0].parse_success_rate == 1.0
    assert result.bounds is not None
    assert result.bounds[1] == 3907.527


def test_phone_numbers_with_an_extension_are_phones(infer: Infer) -> None:
    # HubSpot's and Salesforce's office numbers: "555-123-4567 x204" kept the column without a pattern.
    phones = [f"(555) {100 + i:03d}-{4567 + i:04d}" + (f" x{200 + i}" if i % 3 == 0 else " ext. 12" if i % 3 == 1 else "") for i in range(30)]
    result = infer({"Phone Number": phones})["Phone Number"]
    assert (result.decided_type, result.decided_pattern) == ("VARCHAR", "phone")
