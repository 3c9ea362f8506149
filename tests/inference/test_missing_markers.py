"""Markers of a missing value ("." in a SAS export, "(X)" and "*****" in a census table, ".."
in the World Bank's) are read as NULL where they are frequent and the rest reads as one type;
rare junk, and values that are data (the "N" of a yes/no column), are not."""

from __future__ import annotations

import random

import pytest

from tests.inference.helpers import Infer


def _numbers(rows: int, every: int, marker: str, seed: int = 1) -> list[str | None]:
    rng = random.Random(seed)
    return [marker if i % every == 0 else str(rng.randrange(18, 90)) for i in range(rows)]


@pytest.mark.parametrize(
    "marker",
    [".", "..", ":", "*****", "(X)", "[c]", "N", "n.a.", "np", "Suppressed", "PrivacySuppressed", "--", "(null)", "(blank)", "#NULL!", "No data",
     "Varies with device", "Reported as Unknown", "Not Available (If State Exempt)",
     "Did Not Play", "DNP - Coach's Decision", "Inactive", "Did Not Dress", "s", "Ice", "Eqp"],
)
def test_a_frequent_marker_in_a_column_of_numbers_is_missing(infer: Infer, marker: str) -> None:
    result = infer({"age": _numbers(400, 8, marker)})["age"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {marker: 50}
    best = result.candidates[0]
    assert best.parse_success_rate == 1.0  # of the 350 values that are not missing
    assert best.failed_examples == []
    assert best.details["missing_values"] == {marker: 50}
    assert result.non_null_count == 350
    assert f"{marker!r} (50)" in result.reason


def test_most_values_may_be_markers(infer: Infer) -> None:
    # A census margin of error: "*****" for most counties, numbers for the rest.
    result = infer({"moe": ["*****" if i % 5 else str(i) for i in range(300)]})["moe"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {"*****": 240}


def test_several_markers_in_one_column(infer: Infer) -> None:
    values = ["(X)" if i % 10 == 0 else "-" if i % 10 == 1 else "N" if i % 10 == 2 else f"{i}.5" for i in range(500)]
    result = infer({"estimate": values})["estimate"]
    assert result.decided_type == "DOUBLE"
    # "-" is a null token of the load, not a marker; here it reaches inference as text.
    assert result.missing_values == {"(X)": 50, "-": 50, "N": 50}


def test_a_zero_date_is_missing_in_a_date_column(infer: Infer) -> None:
    values = ["0000-00-00" if i % 7 == 0 else f"2021-03-{1 + i % 28:02d}" for i in range(200)]
    result = infer({"shipped": values})["shipped"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "iso_date")
    assert result.missing_values == {"0000-00-00": 29}


def test_the_n_of_a_yes_no_column_is_a_value(infer: Infer) -> None:
    result = infer({"member": ["Y" if i % 3 else "N" for i in range(300)]})["member"]
    assert result.decided_type == "BOOLEAN"
    assert result.missing_values == {}


def test_the_commonest_n_beside_single_digit_codes_is_an_answer(infer: Infer) -> None:
    # Freddie Mac's MI Cancellation Indicator: N beside 7 (not applicable) and 9 (not
    # disclosed), and no Y in the file; Fannie Mae's Borrower Assistance Plan N, 7, 9, F, R,
    # T. The N were read as NULL, two thirds of the column "missing".
    freddie = ["9" if i % 3 == 2 else "N" for i in range(12)]
    fannie = ["N"] * 80 + ["7"] * 10 + ["9"] * 6 + ["F", "R", "T", "F"]
    for name, values in (("mi_cancellation_indicator", freddie), ("column100", fannie)):
        result = infer({name: values})[name]
        assert (result.decided_type, result.missing_values) == ("VARCHAR", {}), name
    # A census "N" among counts is still missing, however common.
    counts = ["N" if i % 3 else str(10 + i) for i in range(300)]
    assert infer({"G01": counts})["G01"].missing_values == {"N": 200}


def test_punctuation_is_missing_even_once(infer: Infer) -> None:
    # FRED's monthly series: one "." where a month has no figure. It holds no value to
    # recover, so the row stays in the typed layer with NULL there.
    values = _numbers(1000, 1000, ".")
    result = infer({"UNRATE": values})["UNRATE"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {".": 1}
    assert result.candidates[0].parse_success_rate == 1.0


@pytest.mark.parametrize("marker", ["(X)", "[c]", ": c"])
def test_rare_codes_in_a_marker_s_shape_are_missing(infer: Infer, marker: str) -> None:
    # Two census "(X)", ONS "[c]" or Eurostat ": c" (a missing value and its flag) among
    # 1,000 numbers: no value to recover, so no row goes to quarantine for them.
    values = _numbers(1000, 1000, marker)
    values[500] = marker
    result = infer({"n": values})["n"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {marker: 2}
    assert result.candidates[0].failed_examples == []


@pytest.mark.parametrize("marker", ["N", "<5"])
def test_rare_codes_stay_junk(infer: Infer, marker: str) -> None:
    # Two census codes among 1,000 numbers: a letter or a bound may be a value, junk to show.
    values = _numbers(1000, 1000, marker)
    values[500] = marker
    result = infer({"n": values})["n"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {}
    assert result.candidates[0].failed_examples == [marker]
    assert result.candidates[0].parse_success_rate == 998 / 1000


@pytest.mark.parametrize("marker", ["unknown", "Unknown", "missing", "n.a.", "Not Available"])
def test_a_word_that_says_missing_is_missing_even_once(infer: Infer, marker: str) -> None:
    # A survey's "unknown" in a column of counts: the same at any frequency, never junk.
    values = [str(18 + i % 70) for i in range(300)]
    values[150] = marker
    result = infer({"b": values})["b"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {marker: 1}
    assert result.candidates[0].parse_success_rate == 1.0


def test_a_bottom_code_is_no_negative_number(infer: Infer) -> None:
    # The Census Bureau's median incomes: "2,500-" is 2,500 or less, like "250,000+" above;
    # a county's alone is a code all the same (its row went to quarantine).
    once = [str(20000 + 37 * i) for i in range(200)]
    once[10] = "2,500-"
    result = infer({"income": once})["income"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", None)
    assert result.missing_values == {"2,500-": 1}
    assert result.candidates[0].failed_examples == []
    often = [("2,500-" if i % 40 == 0 else str(20000 + 37 * i)) for i in range(200)]
    result = infer({"income": often})["income"]
    assert (result.decided_type, result.missing_values) == ("INTEGER", {"2,500-": 5})


def test_words_that_say_missing_need_no_share(infer: Infer) -> None:
    # SF Salaries: "Not Provided" on 4 rows of 2,000 (0.2%).
    values = _numbers(2000, 500, "Not Provided")
    result = infer({"BasePay": values})["BasePay"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {"Not Provided": 4}


def test_a_lone_marker_of_a_short_column_is_missing(infer: Infer) -> None:
    # A Eurostat table of 30 countries: one ": c" (confidential), 3% of the column, never
    # sampled as frequent, was quarantined; in ten rows it kept the column text.
    for rows in (30, 10):
        values = [": c" if i == 3 else f"{2 + i % 9}.{i % 10}" for i in range(rows)]
        result = infer({"2022": values})["2022"]
        assert (result.decided_type, result.missing_values) == ("DOUBLE", {": c": 1}), rows


def test_codes_in_brackets_of_a_small_extract_are_missing_together(infer: Infer) -> None:
    # NASS Quick Stats, one item across a state's counties: three " (D)" (withheld) and one
    # " (Z)" (under half a unit) in ten rows; the lone code kept the whole column text. Its
    # CV (%) writes "(D)", "(L)" and "(H)"; another extract has two " (D)", a " (NA)" and a " (Z)".
    result = infer({
        "VALUE": [" (D)", "152,311", " (D)", " (Z)", "1,210,044", " (D)", "98,120", "412,890", "22,041", "310,200"],
        "CV (%)": ["(D)", "12.1", "(D)", "(L)", "8.4", "(D)", "15.0", "(H)", "22.7", "3.1"],
        "VALUE 2": [" (D)", "152,311", " (NA)", " (Z)", "1,210,044", " (D)", "98,120", "412,890", "22,041", "310,200"],
    })
    assert (result["VALUE"].decided_type, result["VALUE"].missing_values) == ("INTEGER", {" (D)": 3, " (Z)": 1})
    assert (result["CV (%)"].decided_type, result["CV (%)"].missing_values) == ("DOUBLE", {"(D)": 3, "(L)": 1, "(H)": 1})
    assert result["VALUE 2"].decided_type == "INTEGER"
    assert set(result["VALUE 2"].missing_values) == {" (D)", " (NA)", " (Z)"}


def test_a_gauge_s_remarks_are_missing_even_once(infer: Infer) -> None:
    # USGS NWIS: a winter's discharge with "Ice" twice and "Eqp" once in twelve days; the
    # column stayed text (a remark needed three sightings, as a code does).
    values = ["5037", "5210", "Ice", "5398", "Eqp", "5561", "Ice", "5720", "5833", "5902", "6001", "6036"]
    result = infer({"151337_00060_00003": values})["151337_00060_00003"]
    assert (result.decided_type, result.missing_values) == ("INTEGER", {"Ice": 2, "Eqp": 1})


def test_markers_do_not_make_a_text_column_typed(infer: Infer) -> None:
    # Without the dots the column is still half words: text, and the dots stay text too.
    values = ["." if i % 5 == 0 else str(i) if i % 2 else f"word{i}" for i in range(400)]
    result = infer({"mixed": values})["mixed"]
    assert result.decided_type == "VARCHAR"
    assert result.missing_values == {}


def test_words_are_not_markers(infer: Infer) -> None:
    # "Closed" is a value of a status, whatever the numbers around it.
    values = ["Closed" if i % 8 == 0 else str(i) for i in range(400)]
    result = infer({"status": values})["status"]
    assert result.decided_type == "VARCHAR"
    assert result.missing_values == {}


def test_other_letters_are_data(infer: Infer) -> None:
    # Ergast's positionText: "R" is a retired driver, not a missing position.
    values = ["R" if i % 6 == 0 else str(1 + i % 20) for i in range(300)]
    result = infer({"positionText": values})["positionText"]
    assert result.decided_type == "VARCHAR"
    assert result.missing_values == {}


def test_bounds_of_suppressed_counts_are_missing_values(infer: Infer) -> None:
    # Health statistics suppress small counts as "<5"; the census tops incomes as "250,000+".
    cases = ["<5" if i % 9 == 0 else "<10" if i % 9 == 1 else str(10 + i) for i in range(450)]
    income = ["250,000+" if i % 12 == 0 else str(30000 + 7 * i) for i in range(450)]
    results = infer({"cases": cases, "median_income": income})
    assert results["cases"].decided_type == "INTEGER"
    assert results["cases"].missing_values == {"<5": 50, "<10": 50}
    assert results["median_income"].decided_type == "INTEGER"
    assert results["median_income"].missing_values == {"250,000+": 38}


def test_suppressed_results_of_a_state_assessment_are_missing(infer: Infer) -> None:
    # A state's assessment results: small groups' counts "n<10", percentages top and bottom
    # coded "<5%" and ">95%" beside "*"; both columns stayed text.
    tested = ["n<10" if i % 4 == 1 else str(31 + 7 * i) for i in range(40)]
    percent = ["<5%" if i % 7 == 1 else ">95%" if i % 7 == 2 else "*" if i % 7 == 3 else f"{20 + i}.5%" for i in range(40)]
    results = infer({"Number Tested": tested, "Percent Proficient": percent})
    assert (results["Number Tested"].decided_type, results["Number Tested"].missing_values) == ("INTEGER", {"n<10": 10})
    assert results["Percent Proficient"].decided_type == "DOUBLE"
    assert results["Percent Proficient"].missing_values == {"<5%": 6, ">95%": 6, "*": 6}
    assert "'>95%' (6)" in results["Percent Proficient"].reason


def test_bounds_among_numbers_are_named_apart_from_missing_markers(infer: Infer) -> None:
    # A Google Ads campaign report: Search impr. share "< 10%" and "> 90%" on 41% of the days
    # (a brand campaign's best days), "--" on days without data; all three were listed as
    # missing together while min and max hid the range.
    share = ["> 90%" if i % 5 == 0 else "< 10%" if i % 5 == 1 else "--" if i % 15 == 2 else f"{12 + i % 70}.25%" for i in range(90)]
    result = infer({"Search impr. share": share})["Search impr. share"]
    assert result.decided_type == "DOUBLE"
    assert result.missing_values == {"> 90%": 18, "< 10%": 18, "--": 6}
    details = result.candidates[0].details
    assert details["bound_values"] == {"> 90%": 18, "< 10%": 18}
    reason = result.reason or ""
    assert "Read as missing (NULL in the typed layer, not quarantined): '--' (6)." in reason
    bounds = reason.split("Bounds read as NULL too, though no missing values: ")[1]
    assert "'> 90%' (18)" in bounds
    assert "'< 10%' (18)" in bounds
    assert "(36 values)" in bounds
    assert "min, max and averages of the typed column leave them out" in reason


def test_edfacts_privacy_suppression_and_bounds_are_missing(infer: Infer) -> None:
    # EDFacts' assessment files: "PS" (privacy suppressed) on half the schools' counts, and
    # percentages proficient as bounds in letters, GE95, LE5, LT50... on 29% of the rows.
    bounds = ["GE50", "LE20", "LE10", "LT50", "GE80", "GE95", "GE90", "LE5", "PS"]
    percents = [bounds[i % 9] if i % 10 < 3 else str(7 + i % 88) for i in range(300)]
    counts = ["PS" if i % 2 else str(16 + i) for i in range(300)]
    results = infer({"ALL_MTH00NUMVALID_2122": counts, "ALL_MTH00PCTPROF_2122": percents})
    assert (results["ALL_MTH00NUMVALID_2122"].decided_type, results["ALL_MTH00NUMVALID_2122"].missing_values) == (
        "INTEGER", {"PS": 150},
    )
    assert results["ALL_MTH00PCTPROF_2122"].decided_type == "INTEGER"
    assert set(results["ALL_MTH00PCTPROF_2122"].missing_values) == set(bounds)


def test_a_rare_suppressed_percentage_is_missing_not_junk(infer: Infer) -> None:
    # One ">95%" and one "<5%" among 200 schools' results sent both rows to quarantine, past
    # the sample too.
    rng = random.Random(4)
    values = [f"{rng.uniform(6, 94):.1f}%" for _ in range(30_000)]
    values[70], values[29_990] = ">95%", "<5%"
    result = infer({"Percent Met or Exceeded": values})["Percent Met or Exceeded"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {">95%": 1, "<5%": 1})
    assert result.candidates[0].failed_examples == []


def test_results_below_many_detection_limits_are_one_marker(infer: Infer) -> None:
    # The Water Quality Portal's ResultMeasureValue: each analyte and dilution has its own
    # limit ("<0.5", "<0.02", "<1", ...), each rare; together a tenth of the results. The
    # column stayed text (more than two bounds were taken for data, as Google Play's are).
    rng = random.Random(3)
    limits = ["<0.5", "<0.02", "<1", "<0.003", "< 2"]
    values = [limits[(i // 10) % 5] if i % 10 == 0 else f"{rng.uniform(0.05, 9):.2f}" for i in range(600)]
    result = infer({"ResultMeasureValue": values})["ResultMeasureValue"]
    assert result.decided_type == "DOUBLE"
    assert result.missing_values == dict.fromkeys(limits, 12)
    assert result.non_null_count == 540


def test_a_limit_the_sample_missed_is_missing_beside_sampled_ones(infer: Infer) -> None:
    # An assay table's limits move with dilution: one met only past the sample is censored
    # too, not junk that quarantines its sample's other elements.
    rng = random.Random(4)
    values = ["<0.005" if i % 20 == 0 else f"{rng.uniform(0.01, 3):.3f}" for i in range(30_000)]
    values[29_990] = "<0.05"
    result = infer({"Au_ppm": values})["Au_ppm"]
    assert result.decided_type == "DOUBLE"
    assert result.missing_values == {"<0.005": 1500, "<0.05": 1}
    assert result.candidates[0].failed_examples == []


@pytest.mark.parametrize(("rows", "limits"), [(10, 1), (40, 1), (1000, 1), (1000, 2)])
def test_one_or_two_results_below_detection_are_bounds(infer: Infer, rows: int, limits: int) -> None:
    # A drill hole's assays (an ALS or acQuire export): a batch's one or two "<0.005" among
    # grades sent their intervals to quarantine, and the column of ten stayed text.
    rng = random.Random(5)
    values = [f"{rng.uniform(0.01, 3):.3f}" for _ in range(rows)]
    for i in range(limits):
        values[rows // 2 + i] = "<0.005"
    result = infer({"Au_ppm": values})["Au_ppm"]
    assert result.decided_type == "DOUBLE"
    assert result.missing_values == {"<0.005": limits}
    assert result.candidates[0].details["bound_values"] == {"<0.005": limits}
    assert result.candidates[0].failed_examples == []


def test_a_whole_limit_among_grades_is_a_bound(infer: Infer) -> None:
    # An assay certificate's silver in ppm beside its one "<1": a limit among measurements.
    rng = random.Random(6)
    values = [f"{rng.uniform(1.5, 40):.2f}" for _ in range(300)]
    values[120] = "<1"
    result = infer({"Ag_ppm": values})["Ag_ppm"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {"<1": 1})


def test_a_decimal_limit_past_the_sample_is_a_bound(infer: Infer) -> None:
    # A year of a lab's results: its one "<0.02" at the end, where the sample did not read.
    rng = random.Random(7)
    values = [f"{rng.uniform(0.05, 9):.2f}" for _ in range(30_000)]
    values[29_995] = "<0.02"
    result = infer({"Result": values})["Result"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {"<0.02": 1})
    assert result.candidates[0].failed_examples == []


@pytest.mark.parametrize(
    "marker", ["BDL", "Undetermined", "NS", "TNP", "QNS", "TNTC", "OVRFLW", "Hemolyzed", "tr", "<MDL", "Not detected"]
)
def test_a_lab_s_result_qualifiers_are_missing(infer: Infer, marker: str) -> None:
    # A qPCR export's CT "Undetermined" for every no-template control, Gen5's "OVRFLW", an
    # assay certificate's "NS" (not sampled), a clinical lab's "TNP" and "QNS", "BDL": rows
    # went to quarantine (all 96 wells of a time point with one saturated well), or the
    # column stayed text.
    result = infer({"CT": _numbers(400, 8, marker)})["CT"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {marker: 50}


def test_many_different_bounds_are_data(infer: Infer) -> None:
    # Google Play's installs: every value a lower bound; they are the data, not its gaps.
    bounds = ["500+", "1,000+", "5,000+", "10,000+", "50,000+", "100,000+", "1,000,000+"]
    values = [bounds[i % 7] if i % 10 else str(i) for i in range(500)]
    result = infer({"Installs": values})["Installs"]
    assert (result.decided_type, result.decided_pattern) == ("INTEGER", "lower_bound")
    assert result.missing_values == {}


def test_a_small_top_bucket_is_its_number(infer: Infer) -> None:
    # Black Friday's Stay_In_Current_City_Years: 0 to 3, and "4+" for a fifth of the buyers.
    values = [["0", "1", "2", "3", "4+"][i % 5] for i in range(500)]
    result = infer({"Stay_In_Current_City_Years": values})["Stay_In_Current_City_Years"]
    assert (result.decided_type, result.decided_pattern, result.bounds) == ("INTEGER", "lower_bound", (0, 4))
    assert result.missing_values == {}


def test_a_cell_of_spaces_is_missing(infer: Infer) -> None:
    # Telco churn's TotalCharges: " " for the customers of less than a month.
    values = [" " if i % 100 == 0 else f"{20 + i * 1.37:.2f}" for i in range(1000)]
    result = infer({"TotalCharges": values})["TotalCharges"]
    assert result.decided_type == "DOUBLE"
    assert result.missing_values == {" ": 10}


def test_bounds_beside_yes_or_no_are_answers_not_missing_values(infer: Infer) -> None:
    # The diabetes study's readmitted: NO, >30 (days) or <30; read as missing, the bounds left
    # the target with one class and 46% of it NULL.
    answers = ["NO", "NO", ">30", "<30"]
    result = infer({"readmitted": [answers[i % 4] for i in range(400)]})["readmitted"]
    assert result.decided_type == "VARCHAR"
    assert result.missing_values == {}


def test_a_no_phrase_beside_yes_and_no_is_a_third_answer(infer: Infer) -> None:
    # Telco churn's OnlineSecurity: Yes, No, No internet service (a quarter of the rows).
    answers = ["Yes", "No", "No", "No internet service"]
    result = infer({"OnlineSecurity": [answers[i % 4] for i in range(400)]})["OnlineSecurity"]
    assert result.decided_type == "VARCHAR"
    assert result.missing_values == {}


def test_unknown_beside_yes_and_no_is_missing(infer: Infer) -> None:
    # The bank marketing data's default: no, yes and "unknown" (a fifth of the clients).
    answers = ["no", "no", "yes", "no", "unknown"]
    result = infer({"default": [answers[i % 5] for i in range(400)]})["default"]
    assert result.decided_type == "BOOLEAN"
    assert result.missing_values == {"unknown": 80}


def test_entso_e_and_eia_codes_are_missing(infer: Infer) -> None:
    # ENTSO-E's "n/e" (not expected); the EIA's "W" (withheld) and "NM" (not meaningful).
    load = ["n/e" if i % 40 == 0 else f"{40000 + 13 * i}" for i in range(400)]
    netgen = ["W" if i % 30 == 0 else "NM" if i % 30 == 1 else f"{100 + i}.5" for i in range(400)]
    result = infer({"Day-ahead Total Load Forecast [MW]": load, "Netgen January": netgen})
    assert result["Day-ahead Total Load Forecast [MW]"].missing_values == {"n/e": 10}
    assert result["Netgen January"].decided_type == "DOUBLE"
    assert result["Netgen January"].missing_values == {"W": 14, "NM": 14}
    # A budget book's "% Change" against a year of no spending: "N/M".
    change = infer({"% Change": ["N/M" if i % 20 == 0 else f"{i % 37 - 12}.{i % 10}" for i in range(400)]})["% Change"]
    assert (change.decided_type, change.missing_values) == ("DOUBLE", {"N/M": 20})


def test_a_blank_beside_y_and_n_is_missing(infer: Infer) -> None:
    # EIA-860's flags: Y, N and a single space where nothing was reported.
    flags = ["Y", "N", " ", "N"]
    result = infer({"Synchronized to Transmission Grid": [flags[i % 4] for i in range(400)]})
    flag = result["Synchronized to Transmission Grid"]
    assert (flag.decided_type, flag.missing_values) == ("BOOLEAN", {" ": 100})
    assert "' ' (100)" in (flag.reason or "")


def test_survey_and_regulatory_words_for_no_value_are_missing(infer: Infer) -> None:
    # HMDA's loan/application register: "Exempt" where a lender need not report (4% of the
    # rows); the General Social Survey's "Don't know", "Refused" and "IAP" (inapplicable).
    term = ["Exempt" if i % 25 == 0 else "360" if i % 3 else "180" for i in range(1000)]
    hours = ["IAP" if i % 3 == 0 else "Don't know" if i == 7 else "Refused" if i == 8 else str(i % 70) for i in range(1000)]
    # Home Assistant's history: "unavailable" for a sensor without a reading.
    state = ["unavailable" if i % 40 == 0 else f"{20 + i % 50 / 10:.1f}" for i in range(1000)]
    result = infer({"loan_term": term, "hrs1": hours, "state": state})
    assert result["state"].decided_type == "DOUBLE"
    assert result["state"].missing_values == {"unavailable": 25}
    assert result["loan_term"].decided_type == "INTEGER"
    assert result["loan_term"].missing_values == {"Exempt": 40}
    assert result["hrs1"].decided_type == "INTEGER"
    assert result["hrs1"].missing_values == {"IAP": 334, "Don't know": 1, "Refused": 1}


def test_kubectl_s_words_in_angle_brackets_are_missing(infer: Infer) -> None:
    # `kubectl get events`: "<unknown>" for an unset time, "<none>" for an empty field; the
    # timestamps stayed text.
    stamps = ["<unknown>" if i % 10 == 3 else f"2024-03-01T{i % 24:02d}:10:00Z" for i in range(200)]
    restarts = ["<none>" if i % 10 == 4 else str(i % 7) for i in range(200)]
    result = infer({"LAST TIMESTAMP": stamps, "RESTARTS": restarts})
    assert (result["LAST TIMESTAMP"].decided_type, result["LAST TIMESTAMP"].missing_values) == ("TIMESTAMP", {"<unknown>": 20})
    assert (result["RESTARTS"].decided_type, result["RESTARTS"].missing_values) == ("INTEGER", {"<none>": 20})


def test_a_top_code_in_words_is_its_number(infer: Infer) -> None:
    # The General Social Survey's age: "89 or older" for the oldest respondents (2%); hours
    # worked, "89+ hrs". Quarantined, they took the oldest people's rows with them.
    ages = ["89 or older" if i % 50 == 7 else str(18 + i % 70) for i in range(1000)]
    hours = ["89+ hrs" if i % 40 == 3 else str(i % 60) for i in range(1000)]
    result = infer({"age": ages, "hrs1": hours})
    for column in ("age", "hrs1"):
        assert (result[column].decided_type, result[column].decided_pattern) == ("INTEGER", "worded_bound"), column
        bounds = result[column].bounds
        assert bounds is not None
        assert bounds[1] == 89, column


def test_a_negative_code_beside_dates_is_missing(infer: Infer) -> None:
    # IPEDS's CLOSEDAT: -2 (not applicable) for the colleges still open, dates for the others;
    # written as US dates or as YYYYMMDD numbers, the column is dates, not text or integers.
    rng = random.Random(3)
    us = ["-2" if i % 10 else f"{1 + i % 12}/{1 + rng.randrange(28)}/20{10 + i % 11}" for i in range(400)]
    compact = ["-2" if i % 10 else f"20{10 + i % 11}{1 + i % 12:02d}{1 + rng.randrange(28):02d}" for i in range(400)]
    found = infer({"CLOSEDAT": us, "DATE_CLOSED": compact})
    for name, pattern in (("CLOSEDAT", "us_date"), ("DATE_CLOSED", "compact_date")):
        assert (found[name].decided_type, found[name].decided_pattern) == ("DATE", pattern)
        assert found[name].missing_values == {"-2": 360}


@pytest.mark.parametrize("values", [["-1", "0", "1"], ["-1", "$5.00", "$12.50"], ["-9", "12%", "40%"]])
def test_a_negative_number_beside_a_scale_or_money_is_a_value(infer: Infer, values: list[str]) -> None:
    # A sentiment label's -1, a refund of 1 beside amounts written with a symbol: values.
    result = infer({"label": [values[i % 3] for i in range(300)]})["label"]
    assert result.missing_values == {}
    assert result.decided_type != "BOOLEAN"


@pytest.mark.parametrize("marker", ["SUPP", "NE", "LOWCOV", "z", "u", "low"])
def test_england_s_school_statistics_suppression_markers_are_missing(infer: Infer, marker: str) -> None:
    # The DfE's KS4 performance tables write "SUPP" (suppressed), "NE" (no entries) and
    # "LOWCOV" (low coverage) in ATT8SCR and P8MEA; Explore Education Statistics files write
    # "z", "u" and "low" in their counts. Four of 104 schools went to quarantine; at a tenth
    # the measure stayed text.
    for every in (26, 10):
        values = [marker if i % every == 0 else f"{20 + (i * 7) % 50}.{i % 10}" for i in range(104)]
        result = infer({"ATT8SCR": values})["ATT8SCR"]
        assert result.decided_type == "DOUBLE", every
        assert result.missing_values == {marker: len(range(0, 104, every))}, every
        assert result.candidates[0].failed_examples == []


def test_nces_reporting_symbols_are_missing(infer: Infer) -> None:
    # A NAEP Data Explorer export: "‡" (reporting standards not met) beside "—" (not
    # available); NCES Digest tables' "†" (not applicable) and "#" (rounds to zero). The
    # "‡" rows went to quarantine while the "—" ones read as missing.
    rng = random.Random(9)
    values = [f"{rng.uniform(250, 300):.6f}" for _ in range(95)] + ["‡"] * 3 + ["—"] * 2
    result = infer({"Average scale score": values})["Average scale score"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {"‡": 3, "—": 2})
    digest = [f"{rng.uniform(1, 60):.1f}" for _ in range(40)] + ["†", "#"]
    result = infer({"Percent": digest})["Percent"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {"†": 1, "#": 1})


def test_nces_dagger_beside_several_negative_codes_is_missing(infer: Infer) -> None:
    # The CCD's MEMBER: -1, -2 and -9 (missing, not applicable, suppressed) beside "†";
    # the "†" rows went to quarantine, or the column stayed text, while TEACHERS beside it,
    # with "†" alone, read it as missing.
    rng = random.Random(5)
    member = ["†" if i % 20 == 7 else ["-1", "-2", "-9"][i % 3] if i % 4 == 1 else str(rng.randint(40, 2500)) for i in range(300)]
    teachers = ["†" if i % 20 == 7 else f"{rng.uniform(2, 90):.1f}" for i in range(300)]
    results = infer({"MEMBER": member, "TEACHERS": teachers})
    assert (results["MEMBER"].decided_type, results["MEMBER"].missing_values) == ("INTEGER", {"†": 15})
    assert (results["TEACHERS"].decided_type, results["TEACHERS"].missing_values) == ("DOUBLE", {"†": 15})


def test_canvas_s_excused_score_is_missing(infer: Infer) -> None:
    # A Canvas gradebook export: "EX" (excused) in an assignment's scores; two in nine
    # students kept the column text, three in 110 quarantined those students' rows.
    quiz: list[str | None] = ["7.94", "EX", "9", "8.5", "6", "10", None, "7", "EX"]
    result = infer({"Quiz 1 (123451)": quiz})["Quiz 1 (123451)"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {"EX": 2})
    rng = random.Random(8)
    midterm = ["EX" if i % 37 == 5 else f"{rng.uniform(50, 99):.2f}" for i in range(110)]
    result = infer({"Midterm Exam (123470)": midterm})["Midterm Exam (123470)"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {"EX": 3})
    assert result.candidates[0].failed_examples == []


def test_a_rare_letter_beside_a_frequent_one_is_missing(infer: Infer) -> None:
    # The CCD's grade counts: "N" (not applicable) on a tenth of the schools, "M" (missing)
    # on one or two; each "M" sent its school to quarantine.
    rng = random.Random(3)
    values = [str(rng.randint(0, 150)) for _ in range(200)] + ["N"] * 20 + ["M"] * 2
    rng.shuffle(values)
    result = infer({"G01": values})["G01"]
    assert (result.decided_type, result.missing_values) == ("INTEGER", {"N": 20, "M": 2})
    # Past the sample too: one "M" near the end of a long file.
    values = ["N" if i % 10 == 0 else str(i % 150) for i in range(30_000)]
    values[29_995] = "M"
    result = infer({"G01": values})["G01"]
    assert result.decided_type == "INTEGER"
    assert result.missing_values == {"N": 3000, "M": 1}
    assert result.candidates[0].failed_examples == []


@pytest.mark.parametrize("marker", ["NO DATA!", "INVALID!"])
def test_epc_s_markers_are_missing(infer: Infer, marker: str) -> None:
    # England's EPC certificates: "NO DATA!" and "INVALID!" in NUMBER_HABITABLE_ROOMS and
    # FLOOR_HEIGHT; one in eleven kept the column text, 4% quarantined their certificates.
    for rows, every in ((11, 11), (200, 25)):
        values = [marker if i % every == 2 else f"2.{4 + i % 2}" for i in range(rows)]
        result = infer({"FLOOR_HEIGHT": values})["FLOOR_HEIGHT"]
        assert (result.decided_type, result.missing_values) == ("DOUBLE", {marker: len(range(2, rows, every))}), rows


@pytest.mark.parametrize("zero", ["00/00/0000", "0000-00-00"])
def test_a_zero_date_is_missing_even_once(infer: Infer, zero: str) -> None:
    # A county tax roll's LAST_SALE_DATE: "00/00/0000" for a parcel never sold on record. One
    # in eleven kept the column text; at 5% the parcels went to quarantine.
    for rows, every in ((11, 11), (200, 20)):
        values = [zero if i % every == 1 else f"{1 + i % 12:02d}/{1 + i % 28:02d}/{1990 + i % 30}" for i in range(rows)]
        result = infer({"LAST_SALE_DATE": values})["LAST_SALE_DATE"]
        assert (result.decided_type, result.decided_pattern) == ("DATE", "us_date"), rows
        assert result.missing_values == {zero: len(range(1, rows, every))}, rows


def test_a_compact_zero_date_is_missing_beside_compact_dates(infer: Infer) -> None:
    # A state voter file's registration_date: YYYYMMDD, "00000000" where unknown (SAP's DATS
    # initial value too). One in twelve kept the column text, read as a code's leading zero;
    # 8 in 3,000 went to quarantine, voters and all.
    def voters(rows: int, zeros: set[int]) -> list[str | None]:
        return ["00000000" if i in zeros else f"{1971 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}" for i in range(rows)]

    for rows, zeros in ((12, {5}), (3_000, {7, 400, 1_100, 2_950})):
        result = infer({"registration_date": voters(rows, zeros)})["registration_date"]
        assert (result.decided_type, result.decided_pattern) == ("DATE", "compact_date"), rows
        assert result.missing_values == {"00000000": len(zeros)}, rows
        assert result.candidates[0].failed_examples == [], rows
    # Under a name that says no date, eight zeros are a number (an account's "00000000").
    account = infer({"account": voters(12, {5})})["account"]
    assert account.missing_values == {}


def test_words_written_in_a_date_s_place_are_missing_beside_dates(infer: Infer) -> None:
    # A privilege log's Date: "Undated" for a withheld document without one, "Various" for a
    # thread of many dates, beside "n.d."; each once in 60 entries, which went to quarantine.
    values = [f"{1 + i % 12:02d}/{1 + i % 28:02d}/2022" for i in range(57)] + ["Undated", "Various", "n.d."]
    result = infer({"Date": values})["Date"]
    assert (result.decided_type, result.decided_pattern) == ("DATE", "us_date")
    assert result.missing_values == {"Undated": 1, "Various": 1, "n.d.": 1}
    assert result.candidates[0].failed_examples == []
    # Past the sample too: one "Various" near the end of a long log.
    rng = random.Random(6)
    long_log: list[str | None] = [f"{rng.randrange(1, 13):02d}/{rng.randrange(1, 29):02d}/{rng.randrange(1990, 2024)}" for _ in range(30_000)]
    long_log[29_990] = "Various"
    late = infer({"Date": long_log})["Date"]
    assert late.decided_type == "DATE"
    assert late.missing_values == {"Various": 1}


def test_various_beside_numbers_or_words_is_no_missing_date(infer: Infer) -> None:
    # A grant list's Recipients "Various" beside counts: a value of its own, not a date's place.
    counts = [str(3 + i % 40) for i in range(60)] + ["Various"] * 5
    result = infer({"Recipients": counts})["Recipients"]
    assert result.missing_values == {}


def test_a_chart_s_new_entries_have_no_previous_rank(infer: Infer) -> None:
    # Billboard's Hot 100: last_week is "NEW" for a song's first week (7% of the rows), beside
    # the ranks of the others; the column stayed text.
    ranks = [str(1 + i % 100) for i in range(10)] + ["NEW", "NEW"]
    result = infer({"last_week": ranks})["last_week"]
    assert (result.decided_type, result.missing_values) == ("INTEGER", {"NEW": 2})
    many = ["NEW" if i % 14 == 0 else "RE-ENTRY" if i % 97 == 0 else str(1 + i % 100) for i in range(3000)]
    result = infer({"last_week": many})["last_week"]
    assert result.decided_type == "INTEGER"
    assert set(result.missing_values) == {"NEW", "RE-ENTRY"}


def test_a_rare_letter_the_tables_other_columns_read_as_missing_is_missing(infer: Infer) -> None:
    # IEM's ASOS download: "M" in every column; on 80% of the gusts, on two of 3,000
    # temperatures, whose rows went to quarantine while the gusts' "M" read as missing.
    rng = random.Random(5)
    tmpf = [f"{rng.uniform(0, 90):.1f}" for _ in range(3000)]
    tmpf[700] = tmpf[2900] = "M"
    gust = ["M" if i % 5 else f"{rng.randint(15, 40)}.00" for i in range(3000)]
    results = infer({"tmpf": tmpf, "gust": gust})
    assert (results["gust"].decided_type, results["gust"].missing_values) == ("DOUBLE", {"M": 2400})
    assert (results["tmpf"].decided_type, results["tmpf"].missing_values) == ("DOUBLE", {"M": 2})
    assert results["tmpf"].candidates[0].failed_examples == []


def test_a_letter_alone_among_numbers_in_two_columns_is_missing_in_both(infer: Infer) -> None:
    # A day's ASOS download: one "M" in tmpf, one in dwpf; each quarantined its hour.
    rng = random.Random(6)
    tmpf = [f"{rng.uniform(40, 60):.1f}" for _ in range(24)]
    dwpf = [f"{rng.uniform(30, 40):.1f}" for _ in range(24)]
    tmpf[7], dwpf[11] = "M", "M"
    results = infer({"tmpf": tmpf, "dwpf": dwpf, "vsby": ["10.00"] * 24})
    assert (results["tmpf"].decided_type, results["tmpf"].missing_values) == ("DOUBLE", {"M": 1})
    assert (results["dwpf"].decided_type, results["dwpf"].missing_values) == ("DOUBLE", {"M": 1})


def test_a_letter_alone_among_numbers_in_one_column_only_stays_a_failure(infer: Infer) -> None:
    # One "X" among a column's numbers and nowhere else: a typo as likely as a code.
    values = [str(i) for i in range(60)]
    values[30] = "X"
    result = infer({"n": values, "other": [str(i * 2) for i in range(60)]})["n"]
    assert result.missing_values == {}


def test_a_historian_s_digital_states_are_missing(infer: Infer) -> None:
    # OSIsoft PI DataLink's wide export: a tag's "Bad Input", "I/O Timeout" and "Calc Failed"
    # on 3% of its timestamps quarantined the row with the nine other tags' good values.
    rng = random.Random(12)
    states = ["Bad Input", "I/O Timeout", "Calc Failed"]
    values = [states[i // 33 % 3] if i % 33 == 0 else f"{rng.uniform(10, 90):.3f}" for i in range(500)]
    result = infer({"PI-3005.PV": values})["PI-3005.PV"]
    assert result.decided_type == "DOUBLE"
    assert result.missing_values == {"Bad Input": 6, "I/O Timeout": 5, "Calc Failed": 5}
    assert result.candidates[0].failed_examples == []


def test_a_digital_state_once_among_a_tag_s_few_values_is_missing(infer: Infer) -> None:
    # A tag's twelve hourly values with one "Pt Created" (the point's creation): the flow
    # stayed text, with no minimum, maximum or mean.
    values = ["Pt Created", *(f"{270 + i * 1.5:.3f}" for i in range(11))]
    result = infer({"Value": values})["Value"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {"Pt Created": 1})


def test_a_trace_of_precipitation_is_read_as_zero_apart_from_missing(infer: Infer) -> None:
    # IEM's ASOS p01i: "T" (a trace) on 117 hours and "M" on 28 of 3,000; both were NULL,
    # which overstated missing hours threefold and hid hours that had rain.
    rng = random.Random(7)
    p01i = ["T" if i % 25 == 3 else "M" if i % 100 == 5 else rng.choice(["0.00", "0.00", "0.04"]) for i in range(3000)]
    result = infer({"p01i": p01i})["p01i"]
    assert result.decided_type == "DOUBLE"
    assert (result.missing_values, result.trace_values) == ({"M": 30}, {"T": 120})
    assert "'T' = trace, read as 0 (120 values)" in result.reason
    assert "'T'" not in result.reason.split("Read as missing")[1].split(".")[0]


def test_a_rare_trace_in_a_day_s_precipitation_keeps_it_a_number(infer: Infer) -> None:
    # A day's ASOS download: two "T" and one "M" in 24 hourly p01i values, the "M" in tmpf
    # too: p01i stayed text, its best candidate a yes/no reading.
    p01i = ["0.00"] * 24
    p01i[4], p01i[9], p01i[17], p01i[20] = "T", "T", "M", "0.02"
    tmpf = [f"{40 + i * 0.7:.1f}" for i in range(24)]
    tmpf[2] = "M"
    result = infer({"tmpf": tmpf, "p01i": p01i})["p01i"]
    assert (result.decided_type, result.missing_values, result.trace_values) == ("DOUBLE", {"M": 1}, {"T": 2})


def test_a_t_under_another_name_is_no_trace(infer: Infer) -> None:
    # A "T" among temperatures is a weather file's marker, not a trace: missing as before.
    result = infer({"tmax": _numbers(400, 8, "T")})["tmax"]
    assert (result.missing_values, result.trace_values) == ({"T": 50}, {})


def test_stars_as_wide_as_every_code_are_a_code(infer: Infer) -> None:
    # OPM FedScope: the lookup DTtoa lists "**,**-Invalid" beside TOA's codes 10 to 50, the
    # fact holds "**" on many rows; read as missing, the lookup lost its key and the link.
    results = infer({
        "TOA": ["10", "15", "30", "50", "**"],
        "TOAT": ["10-Competitive Service - Career", "15-Competitive Service - Career-Conditional",
                 "30-Excepted Service - Schedule A", "50-Senior Executive Service - Career", "**-Invalid"],
    })
    toa = results["TOA"]
    assert (toa.decided_type, toa.missing_values, toa.non_null_count) == ("VARCHAR", {}, 5)
    assert "'**' (1)" in toa.reason
    assert "kept as VARCHAR" in toa.reason
    # The fact's PATCO: "*" beside the codes 1 to 6, which must join the lookup's.
    fact = infer({"PATCO": [str(1 + i % 6) if i % 9 else "*" for i in range(90)]})["PATCO"]
    assert (fact.decided_type, fact.missing_values) == ("VARCHAR", {})


def test_stars_narrower_than_the_numbers_stay_missing(infer: Infer) -> None:
    # A "*" among ages of two digits is no code of their width: a suppressed value.
    result = infer({"age": _numbers(400, 8, "*")})["age"]
    assert (result.decided_type, result.missing_values) == ("INTEGER", {"*": 50})


def _asos_gusts(rows: int, seed: int) -> list[str | None]:
    """IEM's gust column: "M" on four hours of five."""
    rng = random.Random(seed)
    return ["M" if i % 5 else f"{rng.randint(15, 40)}.00" for i in range(rows)]


def test_a_column_all_of_the_tables_missing_letter_is_empty(infer: Infer) -> None:
    # IEM's ASOS download: skyc3 and snowdepth are "M" in every row, read as a category
    # "M" (0% null) beside the gusts whose "M" reads as missing.
    results = infer({"gust": _asos_gusts(200, 7), "skyc3": ["M"] * 200, "snowdepth": ["M"] * 200})
    for name in ("skyc3", "snowdepth"):
        result = results[name]
        assert (result.decided_type, result.missing_values, result.missing_in_text) == ("VARCHAR", {"M": 200}, ("M",))
        assert result.non_null_count == 0
        assert result.reason.startswith("Every value is 'M', which the table writes for a missing value (read so in gust)")


def test_the_tables_missing_letter_among_text_is_missing_and_named(infer: Infer) -> None:
    # IEM's wxcodes (present weather): "M" on 355 of 557 hours was its top category.
    codes = ["-RA", "BR", "-RA BR", "RA", "-SN", "FG", "+RA", "VCTS", "-DZ"]
    wxcodes: list[str | None] = ["M" if i % 3 else codes[i % 9] for i in range(300)]
    result = infer({"gust": _asos_gusts(300, 8), "wxcodes": wxcodes})["wxcodes"]
    assert (result.decided_type, result.missing_values, result.missing_in_text) == ("VARCHAR", {"M": 200}, ("M",))
    assert result.non_null_count == 100
    assert "'M' (200 of 300 values, 66.7%): the table's letter for a missing value (read so in gust)" in result.reason


@pytest.mark.parametrize(
    ("name", "values"), [("sex", ["M", "F"]), ("size", ["S", "M", "L", "XL"]), ("sex", ["M", "F", "Male"])]
)
def test_the_tables_missing_letter_among_other_letters_stays_a_value(infer: Infer, name: str, values: list[str]) -> None:
    # A sex's "M" beside "F", a shirt's size "M" beside "S" and "L", in a table whose
    # numbers write "M" for a missing value: there "M" is a value of the text.
    column: list[str | None] = [values[i % len(values)] for i in range(300)]
    result = infer({"gust": _asos_gusts(300, 9), name: column})[name]
    assert (result.decided_type, result.missing_in_text) == ("VARCHAR", ())
    assert "letter for a missing value" not in result.reason


def test_a_letter_the_table_writes_as_no_missing_value_stays_in_text(infer: Infer) -> None:
    # A station's cloud cover "M" with no column of numbers reading it as missing: a category.
    result = infer({"n": [str(i) for i in range(100)], "cover": ["M" if i % 2 else "CLR" for i in range(100)]})["cover"]
    assert (result.missing_values, result.missing_in_text) == ({}, ())


def test_nndss_inline_flags_are_missing_in_its_count_columns(infer: Infer) -> None:
    # MMWR's NNDSS Table II: "U" (unavailable) and "N" (not notifiable) across a territory's
    # row, "NN" and "NP" beside them, "—" (no reported cases) in a state's; every count stayed text.
    areas = ["New England", "Conn.", "Maine", "Mass.", "N.H.", "R.I.", "Vt.", "N.Y. City", "Pa.", "Amer. Samoa", "C.N.M.I.", "Guam", "P.R."]
    current = ["12", "—", "3", "7", "—", "2", "—", "14", "9", "U", "U", "N", "4"]
    maximum = ["41", "9", "6", "22", "4", "5", "3", "31", "28", "U", "U", "N", "12"]
    cumulative = ["88", "14", "11", "51", "5", "7", "NN", "97", "80", "U", "U", "N", "30"]
    results = infer({"Reporting area": areas, "Current week": current, "Previous 52 weeks Max": maximum, "Cum 2023": cumulative})
    assert results["Current week"].decided_type == "INTEGER"
    assert results["Current week"].missing_values == {"—": 3, "U": 2, "N": 1}
    assert results["Previous 52 weeks Max"].missing_values == {"U": 2, "N": 1}
    assert (results["Cum 2023"].decided_type, results["Cum 2023"].missing_values) == ("INTEGER", {"U": 2, "NN": 1, "N": 1})
    assert "'NN' (1)" in results["Cum 2023"].reason


def test_a_sex_s_u_beside_m_and_f_stays_a_value(infer: Infer) -> None:
    # A patient file's sex: "M", "F" and "U" (unknown) are its categories, not missing letters.
    results = infer({"sex": ["MFU"[i % 3] for i in range(90)], "age": [str(20 + i % 50) for i in range(90)]})
    assert (results["sex"].decided_type, results["sex"].missing_values) == ("VARCHAR", {})


def test_cdc_wonder_s_unreliable_rate_is_missing_beside_suppressed(infer: Infer) -> None:
    # CDC WONDER's county rates: "Unreliable" where fewer than 20 deaths (a fifth of the
    # counties) and "Suppressed" under 10; the rate column stayed text.
    rng = random.Random(7)
    rates = ["Suppressed" if i % 4 == 0 else "Unreliable" if i % 5 == 0 else f"{rng.uniform(10, 120):.1f}" for i in range(200)]
    result = infer({"Crude Rate": rates})["Crude Rate"]
    assert result.decided_type == "DOUBLE"
    assert result.missing_values == {"Suppressed": 50, "Unreliable": 30}
    assert "'Unreliable' (30)" in result.reason


def test_a_lone_unreliable_rate_is_missing_not_quarantined(infer: Infer) -> None:
    # WONDER's state-by-year deaths: one "Unreliable" in 332 rates sent its row to quarantine.
    rates = [f"{20 + i % 70}.{i % 10}" for i in range(332)]
    rates[100] = "Unreliable"
    result = infer({"Crude Rate": rates})["Crude Rate"]
    assert (result.decided_type, result.missing_values) == ("DOUBLE", {"Unreliable": 1})
    assert result.candidates[0].failed_examples == []
