"""Numbers and dates that stand for a missing value (-99, -9999, -1 days, month 0, the Unix
epoch) are named in the column's decision, and kept as values."""

from __future__ import annotations

import datetime as dt
import math
import random
from pathlib import Path

from tests.pipeline.helpers import reasons_of, run_file


def _columns(tmp_path: Path) -> dict[str, str]:
    rng = random.Random(3)
    rows = [
        "id,nperps,temp,pdays,direction,imonth,holiday,launched,age,elev,score,income,days_employed,salary,"
        "outcome,fraud_class,minimum_nights,code3,sex_of_driver"
    ]
    for i in range(300):
        rows.append(",".join([
            str(i),
            str(-99 if i % 3 == 0 else rng.randint(0, 50)),  # the Global Terrorism Database's unknown
            str(-9999 if i % 7 == 0 else round(rng.uniform(-20, 35), 1)),  # NOAA's, beside frost
            str(-1 if i % 2 else rng.randint(1, 871)),  # bank marketing: never contacted before
            str(rng.choice([-1, 0, 1])),  # a sign: data
            str(0 if i % 11 == 0 else rng.randint(1, 12)),  # an unknown month
            str(rng.choice([0, 1])),  # a flag whose name ends in "day": data
            "1970-01-01 01:00:00" if i % 50 == 0 else f"20{10 + i % 8}-0{1 + i % 9}-1{i % 9} 12:00:00",
            str(999 if i % 40 == 0 else rng.randint(18, 90)),
            str(-999.9 if i % 13 == 0 else round(rng.uniform(0, 3000), 1)),
            str(rng.randint(-50, 50)),  # negatives among negatives: data
            str(-666666666 if i % 30 == 0 else rng.randint(20000, 150000)),  # the Census Bureau's annotation
            str(365243 if i % 5 == 0 else -rng.randint(0, 18000)),  # Home Credit's "not employed"
            str(2_000_000 + i if i % 60 == 0 else rng.randint(20000, 90000)),  # outliers, each its own: data
            str(int(rng.random() < 0.35)),  # Pima's Outcome: 0/1, no value apart from "the rest"
            str(int(i == 7)),  # the credit card fraud data's Class: 0 on nearly every row
            str(rng.choice([1, 2, 30])),  # Airbnb's minimum nights: three codes of a rule
            str(16 if i % 100 == 0 else 840),  # JHU's code3: the US on nearly every row
            str(rng.choice([-1, 1, 1, 2, 3])),  # STATS19: -1 among codes 1 to 3, as pdays has it
        ]))
    path = tmp_path / "t.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    return {i.column_name: i.reason for i in out.inferences}


def test_codes_for_missing_values_are_named_and_kept(tmp_path: Path) -> None:
    reasons = _columns(tmp_path)
    expected = {
        "nperps": "-99 (100 values, 33.3%) looks like a code for a missing or unknown value",
        "temp": "-9999 (43 values, 14.3%)",
        "pdays": "-1 (150 values, 50.0%)",
        "imonth": "0 (28 values, 9.3%)",
        "launched": "1970-01-01 (6 values, 2.0%)",
        "age": "999 (8 values, 2.7%)",
        "elev": "-999.9 (24 values, 8.0%)",
        "income": "-666666666 (10 values, 3.3%)",
        "days_employed": "365243 (60 values, 20.0%)",
        "sex_of_driver": "Other columns of this table use -1 so.",
    }
    for column, text in expected.items():
        assert text in reasons[column], column
        assert "kept as a value" in reasons[column]
    # Nines above the rest may be a cap, as UCI Adult's capital-gain 99999; not below.
    assert "or a top code standing for every value above it" in reasons["age"]
    assert "top code" not in reasons["nperps"]
    for column in ("id", "direction", "holiday", "score", "salary", "outcome", "fraud_class", "minimum_nights", "code3"):
        assert "looks like a code" not in reasons[column], column


def test_a_word_for_missing_among_text_values_is_named(tmp_path: Path) -> None:
    # The bank marketing data's poutcome: "unknown" for most clients, kept as a category.
    outcomes = ["unknown"] * 8 + ["failure", "success"]
    payments = ["Cash", "Credit Card", "No Charge", "Dispute", "No data"]  # (Chicago's taxi trips)
    boroughs = ["BROOKLYN", "QUEENS", "MANHATTAN", "BRONX", "Unspecified"]  # (NYC's 311 requests)
    lines = ["id,poutcome,job,payment,Borough"] + [
        f"{i},{outcomes[i % 10]},{['admin.', 'technician'][i % 2]},{payments[i % 5]},{boroughs[i % 5]}" for i in range(200)
    ]
    reasons = reasons_of(tmp_path, "bank.csv", lines)
    assert "'Unspecified' (40 values, 20.0%) says" in reasons["Borough"]
    assert "'unknown' (160 values, 80.0%) says a value is unknown or missing" in reasons["poutcome"]
    assert "unknown" not in reasons["job"]
    assert "'No data' (40 values, 20.0%) says" in reasons["payment"]
    assert "No Charge" not in reasons["payment"]


def test_epc_s_markers_among_text_values_are_named(tmp_path: Path) -> None:
    # England's EPC certificates: "INVALID!" beside the ratings A to G, "NO DATA!" beside
    # BUILT_FORM's forms; both were listed as categories of their own.
    ratings = ["A", "B", "C", "D", "E", "F", "G", "D", "C", "INVALID!"]
    forms = ["Detached", "Semi-Detached", "Mid-Terrace", "End-Terrace", "NO DATA!"]
    lines = ["LMK_KEY,CURRENT_ENERGY_RATING,BUILT_FORM"] + [
        f"{1000 + i},{ratings[i % 10]},{forms[i % 5]}" for i in range(200)
    ]
    reasons = reasons_of(tmp_path, "certificates.csv", lines)
    assert "'INVALID!' (20 values, 10.0%) says a value is unknown or missing" in reasons["CURRENT_ENERGY_RATING"]
    assert "'NO DATA!' (40 values, 20.0%) says a value is unknown or missing" in reasons["BUILT_FORM"]


def test_states_and_codes_that_read_like_missing_words_are_not_named_so(tmp_path: Path) -> None:
    # Lending Club's verification_status "Not Verified" (a third of the loans), an inspection's
    # "Not Ready", Tampa Bay's "TBA" among team codes; "Not Available" is still named.
    statuses = ["Verified", "Not Verified", "Source Verified"]
    results = ["Pass", "Fail", "Not Ready", "Pass w/ Conditions", "Not Available"]
    teams = ["TBA", "BOS", "NYY", "TOR", "BAL", "CLE", "DET", "KCR", "MIN", "CHW"]
    lines = ["id,verification_status,results,team"] + [
        f"{i},{statuses[i % 3]},{results[i % 5]},{teams[i % 10]}" for i in range(300)
    ]
    reasons = reasons_of(tmp_path, "loans.csv", lines)
    assert "unknown or missing" not in reasons["verification_status"]
    assert "Not Ready" not in reasons["results"]
    assert "'Not Available' (60 values, 20.0%) says a value is unknown or missing" in reasons["results"]
    assert "unknown or missing" not in reasons["team"]


def test_coordinates_of_one_digit_repeated_beyond_the_earth_are_codes(tmp_path: Path) -> None:
    # FARS: LATITUDE 77.7777 not reported, 88.8888 not available, 99.9999 unknown, beside US
    # latitudes of 25 to 48; LONGITUD 777.7777 and so on.
    lines = ["ST_CASE,LATITUDE,LONGITUD"] + [
        f"{10001 + i},{'99.9999' if i % 40 == 0 else '88.8888' if i % 97 == 0 else f'{25 + (i * 7) % 23}.{i % 9999:04d}'},"
        f"{'999.9999' if i % 40 == 0 else f'-{70 + (i * 11) % 50}.{i % 9999:04d}'}"
        for i in range(2000)
    ]
    reasons = reasons_of(tmp_path, "accident.csv", lines)
    assert "99.9999 (50 values, 2.5%) looks like a code" in reasons["LATITUDE"]
    assert "88.8888 (20 values), just below it, looks like a code too" in reasons["LATITUDE"]
    assert "999.9999 (50 values, 2.5%) looks like a code" in reasons["LONGITUD"]


def test_a_round_hundred_far_below_readings_of_both_signs_is_a_code(tmp_path: Path) -> None:
    # UCI's air quality data: -200 for a missing reading, in T beside temperatures of -1.9 to
    # 44.6 (flagged in the other sensors' columns, whose readings are all positive).
    lines = ["Date;T"] + [f"10/03/2004;{'-200' if i % 25 == 0 else f'{(i * 37) % 466 / 10 - 1.9:.1f}'}" for i in range(1000)]
    reasons = reasons_of(tmp_path, "AirQualityUCI.csv", lines)
    assert "-200 (40 values, 4.0%) looks like a code" in reasons["T"]


def test_an_identifier_far_above_the_others_is_no_code(tmp_path: Path) -> None:
    # LinkedIn's job_industries: industry 2458 beside 1 to 96 is an industry, not a code.
    industries = [1, 3, 4, 6, 9, 14, 27, 43, 96, 2458]
    lines = ["job_id,industry_id,days"] + [
        f"{3757920000 + i},{industries[i % 10]},{365243 if i % 10 == 9 else i % 90}" for i in range(400)
    ]
    reasons = reasons_of(tmp_path, "job_industries.csv", lines)
    assert "looks like a code" not in reasons["industry_id"]
    assert "365243 (40 values, 10.0%) looks like a code" in reasons["days"]


def test_survey_codes_of_sevens_and_eights_beside_nines_are_named(tmp_path: Path) -> None:
    # BRFSS: PHYSHLTH counts days 1 to 30, 88 for none, 77 for don't know, 99 refused;
    # WEIGHT2 pounds, 7777 and 9999.
    rng = random.Random(5)
    lines = ["SEQNO,PHYSHLTH,WEIGHT2"]
    for i in range(1000):
        days = [88, 88, 77, 99][i // 2 % 4] if i % 2 else rng.randint(1, 30)
        weight = [7777, 9999][i // 40 % 2] if i % 40 == 0 else rng.randint(90, 350)
        lines.append(f"2023{i:06d},{days},{weight}")
    reasons = reasons_of(tmp_path, "brfss.csv", lines)
    assert "99 (125 values, 12.5%) looks like a code" in reasons["PHYSHLTH"]
    assert "77 (125 values) and 88 (250 values), just below it, look like codes too." in reasons["PHYSHLTH"]
    assert "9999 (12 values, 1.2%) looks like a code" in reasons["WEIGHT2"]
    assert "7777 (13 values), just below it, looks like a code too." in reasons["WEIGHT2"]


def test_minus_one_among_text_codes_is_named(tmp_path: Path) -> None:
    # STATS19's vehicles: "-1" for "data missing or out of range" in text columns of area
    # codes and of car models; not in a column of answers with no letters.
    models = ["FORD FIESTA", "VAUXHALL CORSA", "-1", "NISSAN QASHQAI"]
    lines = ["id,lsoa_of_driver,generic_make_model,answer"] + [
        f"{i},{'-1' if i % 4 == 0 else f'E0{1000000 + i}'},{models[i % 4]},{['-1', '0', '1', '2 or 3'][i % 4]}" for i in range(200)
    ]
    reasons = reasons_of(tmp_path, "vehicles.csv", lines)
    assert "'-1' (50 values, 25.0%) says a value is unknown or missing" in reasons["lsoa_of_driver"]
    assert "'-1' (50 values, 25.0%) says" in reasons["generic_make_model"]
    assert "'-1'" not in reasons["answer"]
    # LinkedIn's companies: 0 for an unknown state.
    states = ["CA", "NY", "0", "TX", "WA"]
    reasons = reasons_of(tmp_path, "companies.csv", ["company_id,state"] + [f"{i},{states[i % 5]}" for i in range(200)])
    assert "'0' (40 values, 20.0%) says" in reasons["state"]


def test_the_usual_zero_of_a_short_code_list_is_no_missing_value(tmp_path: Path) -> None:
    # Freddie Mac's monthly performance, a loan's 13 months: delinquency status 0 (current)
    # on 9, beside 1, 2, 3 and "RA". The reason called the 0 a marker of an unknown value.
    statuses = ["0"] * 9 + ["1", "2", "3", "RA"]
    lines = ["LOAN_SEQUENCE_NUMBER|CURRENT_LOAN_DELINQUENCY_STATUS"] + [f"F23Q1{i:07d}|{s}" for i, s in enumerate(statuses)]
    reasons = reasons_of(tmp_path, "svcg.psv", lines)
    assert "unknown or missing" not in reasons["CURRENT_LOAN_DELINQUENCY_STATUS"]


def test_a_word_for_missing_the_sample_never_met_is_missing_not_junk(tmp_path: Path) -> None:
    # SF Salaries: "Not Provided" in Benefits on the file's last 4 of 6,000 rows, past the
    # sample; with a stray "n/a?" elsewhere, the column's failures are no longer words only.
    rng = random.Random(4)
    rows = ["Id,BasePay,Benefits,OtherPay"]
    for i in range(1, 6001):
        benefits = "Not Provided" if i > 5996 else f"{rng.uniform(0, 40000):.2f}"
        other = "n/a?" if i == 5999 else f"{rng.uniform(0, 900):.2f}"
        rows.append(f"{i},{rng.uniform(20000, 200000):.2f},{benefits},{other}")
    path = tmp_path / "salaries.csv"
    path.write_text("\n".join(rows) + "\n")
    out, counts = run_file(path, tmp_path, 'SELECT count(*), count("Benefits") FROM "typed"."s.t"')
    assert counts == [(5999, 5996)]
    assert out.counts.quarantine_rows == 1  # the stray, not the word
    benefits = next(i for i in out.inferences if i.column_name == "Benefits")
    assert benefits.missing_values == {"Not Provided": 4}
    assert "'Not Provided' (4)" in benefits.reason


def test_markers_the_sample_never_met_are_missing_not_junk(tmp_path: Path) -> None:
    # The UN's population file: one "..." in 5,000 rows; Eurostat's ": c" (confidential) and
    # ": z" (not applicable), a missing value with its flag, a few times in a year's column.
    rows = ["Index,Total (thousands),2019"]
    for i in range(5000):
        flagged = ": c" if i in (100, 2000) else ": z" if i == 4000 else f"{10 + i % 90}.5 p"
        rows.append(f"{i + 1},{'...' if i == 2499 else f'{12 + i % 7} 345'},{flagged}")
    path = tmp_path / "wpp.csv"
    path.write_text("\n".join(rows) + "\n")
    out, counts = run_file(path, tmp_path, 'SELECT count(*), count("Total (thousands)"), count("2019") FROM "typed"."s.t"')
    assert counts == [(5000, 4999, 4997)]
    assert out.counts.quarantine_rows == 0
    by_name = {i.column_name: i for i in out.inferences}
    assert by_name["Total (thousands)"].missing_values == {"...": 1}
    assert by_name["2019"].missing_values == {": c": 2, ": z": 1}


def test_a_zero_far_below_a_measurement_s_values_is_named(tmp_path: Path) -> None:
    # The Pima diabetes data: Glucose and BMI are 0 where the reading was not taken, far
    # below their other values; BloodPressure's 0 too, beside 24 to 122 around a mean of 72.
    # Pregnancies run on from 0, Insulin is 0 on most rows, bedrooms from a studio's 0.
    rng = random.Random(6)
    rows = ["Pregnancies,Glucose,BMI,Insulin,Fare,BloodPressure,bedrooms"]
    for i in range(500):
        pressure = 24 if i == 1 else 122 if i == 2 else min(110, max(40, round(rng.gauss(72, 12))))
        rows.append(",".join([
            str(rng.randint(0, 12)),
            "0" if i % 100 == 0 else str(rng.randint(44, 199)),
            "0" if i % 60 == 0 else f"{rng.uniform(18.2, 67.1):.1f}",
            "0" if i % 2 else str(rng.randint(14, 846)),
            "0" if i % 50 == 0 else f"{rng.uniform(4, 512):.2f}",  # the Titanic's fares: free tickets
            "0" if i % 22 == 5 else str(pressure),
            str(rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])),
        ]))
    path = tmp_path / "diabetes.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "0 (5 values, 1.0%) looks like a code for a missing or unknown value" in reasons["Glucose"]
    assert "0 (9 values, 1.8%) looks like a code" in reasons["BMI"]
    assert "0 (23 values, 4.6%) looks like a code" in reasons["BloodPressure"]
    for column in ("Pregnancies", "Insulin", "Fare", "bedrooms"):
        assert "looks like a code" not in reasons[column], column


def test_a_year_of_zero_is_named_even_on_most_rows(tmp_path: Path) -> None:
    # King County's house sales: yr_renovated is 0 for a house never renovated, 96% of them;
    # no year is 0, however many rows hold it.
    rng = random.Random(9)
    rows = ["id,yr_built,yr_renovated"] + [
        f"{i},{rng.randint(1900, 2015)},{rng.randint(1934, 2015) if i % 25 == 0 else 0}" for i in range(500)
    ]
    path = tmp_path / "kc_house_data.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "0 (480 values, 96.0%) looks like a code for a missing or unknown value" in reasons["yr_renovated"]
    assert "looks like a code" not in reasons["yr_built"]


def test_a_year_of_zero_among_years_before_christ_is_named(tmp_path: Path) -> None:
    # The Met's MetObjects.csv: Object Begin Date and Object End Date write 1479 B.C. as -1479
    # and 0 for a work of no date (a tenth of the objects); 0 is neither end of the column there.
    # A change around zero under another name is data.
    rng = random.Random(5)
    rows = ["Object ID,Object Begin Date,Object End Date,change"]
    for i in range(400):
        begin = 0 if i % 10 == 3 else rng.choice([rng.randint(-2000, -1), rng.randint(1, 1900)])
        end = 0 if begin == 0 else begin + rng.randint(0, 100)
        rows.append(f"{436000 + i},{begin},{end},{rng.randint(-1500, 1500) if i % 10 else 0}")
    path = tmp_path / "MetObjects.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    reasons = {i.column_name: i.reason for i in out.inferences}
    for column in ("Object Begin Date", "Object End Date"):
        assert "0 (40 values, 10.0%) looks like a code for a missing or unknown value: no calendar has a year 0" in (
            reasons[column]
        ), column
    assert "looks like a code" not in reasons["change"]


def test_coordinates_of_zero_are_named(tmp_path: Path) -> None:
    # JHU's lookup table: Lat and Long 0.0 for "Unassigned" places and cruise ships.
    rng = random.Random(7)
    rows = ["place,Lat,Long,elevation"]
    for i in range(300):
        unset = i % 40 == 0
        rows.append(f"P{i},{0.0 if unset else rng.uniform(-50, 60):.4f},{0.0 if unset else rng.uniform(-120, 150):.4f},{rng.randint(-20, 3000)}")
    path = tmp_path / "places.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    reasons = {i.column_name: i.reason for i in out.inferences}
    for column in ("Lat", "Long"):
        assert "0 (8 values, 2.7%) looks like a code for a missing or unknown value: a coordinate of 0 degrees" in reasons[column]
    assert "looks like a code" not in reasons["elevation"]


def test_codes_just_below_a_code_of_nines_are_named_with_it(tmp_path: Path) -> None:
    # Mexico's COVID-19 data: 1 yes, 2 no, 97 not applicable, 98 ignored, 99 not specified.
    rng = random.Random(9)
    rows = ["ID,INTUBADO,EDAD"]
    for i in range(400):
        rows.append(f"{i},{rng.choice([1, 2, 2, 97, 97, 97, 98, 99])},{rng.randint(0, 98)}")
    path = tmp_path / "covid.csv"
    path.write_text("\n".join(rows) + "\n")
    out, counts = run_file(path, tmp_path, 'SELECT count(*) FILTER (WHERE "INTUBADO" = 97), count(*) FILTER (WHERE "INTUBADO" = 98) FROM "typed"."s.t"')
    reason = next(i.reason for i in out.inferences if i.column_name == "INTUBADO")
    (n97, n98), = counts
    assert "99 (" in reason
    assert f"97 ({n97:,} values) and 98 ({n98:,} values), just below it, look like codes too." in reason
    assert "looks like a code" not in next(i.reason for i in out.inferences if i.column_name == "EDAD")


def test_a_coordinate_s_zero_is_named_but_a_wind_direction_s_is_north(tmp_path: Path) -> None:
    # NASA's meteorite landings: 0.0/0.0 for places never located, amid values either side
    # of 0; a wind's direction of 0 degrees is north.
    rng = random.Random(9)
    lines = ["id,reclat,reclong,Wind Direction (degrees)"] + [
        f"{i},{0.0 if i % 8 == 0 else round(rng.uniform(-80, 75), 5)},"
        f"{0.0 if i % 8 == 0 else round(rng.uniform(-170, 170), 5)},{rng.choice([0, 45, 90, 180, 270, 315])}"
        for i in range(240)
    ]
    reasons = reasons_of(tmp_path, "meteorites.csv", lines)
    for column in ("reclat", "reclong"):
        assert "0 (30 values, 12.5%) looks like a code for a missing or unknown value" in reasons[column], column
    assert "looks like a code" not in reasons["Wind Direction (degrees)"]


def test_a_far_code_on_most_rows_is_named(tmp_path: Path) -> None:
    # Home Credit's previous applications: DAYS_FIRST_DRAWING is 365243 on most rows.
    rng = random.Random(12)
    lines = ["id,DAYS_FIRST_DRAWING"] + [f"{i},{365243 if i % 5 < 3 else -rng.randint(1, 2900)}" for i in range(300)]
    reason = reasons_of(tmp_path, "previous.csv", lines)["DAYS_FIRST_DRAWING"]
    assert "365243 (180 values, 60.0%) looks like a code for a missing or unknown value" in reason


def test_an_identifier_of_0_held_far_more_often_than_others_is_named(tmp_path: Path) -> None:
    # Chicago's food inspections: License # 0 for establishments without one; a 0-based id
    # held as often as the others is data.
    rng = random.Random(4)
    lines = ["Inspection ID,License #,user_id"] + [
        f"{1000 + i},{0 if i % 30 == 0 else rng.randint(1000, 2_500_000)},{i % 50}" for i in range(600)
    ]
    reasons = reasons_of(tmp_path, "inspections.csv", lines)
    assert "0 (20 values, 3.3%) looks like a code for a missing or unknown value: an identifier held" in reasons["License #"]
    assert "looks like a code" not in reasons["user_id"]
    assert "looks like a code" not in reasons["Inspection ID"]


def test_the_census_api_s_codes_are_named_together_and_a_type_s_maximum_is_a_code(tmp_path: Path) -> None:
    # api.census.gov: several annotation codes in one estimate column; Airbnb's
    # maximum_nights: 2147483647 (INT32's largest) for "no limit" beside 1125.
    rng = random.Random(6)
    codes = [-999999999, -666666666, -888888888]
    lines = ["NAME,B25077_001E,maximum_nights"] + [
        f"County {i},{codes[i % 3] if i % 10 == 0 else rng.randint(40_000, 900_000)},"
        f"{2147483647 if i % 25 == 0 else rng.choice([30, 90, 365, 1125])}"
        for i in range(300)
    ]
    reasons = reasons_of(tmp_path, "acs.csv", lines)
    census = reasons["B25077_001E"]
    assert "-999999999 (10 values, 3.3%) looks like a code for a missing or unknown value" in census
    assert "-888888888 (10 values) and -666666666 (10 values), beside it, look like codes too." in census
    assert "2147483647 (12 values, 4.0%) looks like a code for a missing or unknown value" in reasons["maximum_nights"]


def test_nines_far_below_a_few_small_negatives_are_a_code(tmp_path: Path) -> None:
    # OpenAQ's measurements: -999 for no reading, beside a few -1 and -2 of a sensor's drift
    # among readings up to 500; a temperature's -99.9 beside -40 stays a value.
    rng = random.Random(2)
    lines = ["location_id,value,temp"] + [
        f"{i},{-999 if i % 20 == 0 else rng.choice([-1, -2]) if i % 37 == 0 else rng.randint(0, 500)},"
        f"{-99 if i == 5 else rng.randint(-40, 40)}"
        for i in range(400)
    ]
    reasons = reasons_of(tmp_path, "openaq.csv", lines)
    assert "-999 (20 values, 5.0%) looks like a code for a missing or unknown value" in reasons["value"]
    assert "looks like a code" not in reasons["temp"]


def test_numbers_grouped_past_the_sample_are_read_not_quarantined(tmp_path: Path) -> None:
    # Stripe's payments: amounts under a thousand but for two near the file's end, written
    # "1,234.50" (quoted); the sample saw none, and those payments went to quarantine.
    rng = random.Random(2)
    rows = ["id,Amount,Fee"]
    for i in range(6000):
        amount = '"1,234.50"' if i == 5900 else '"2,010.00"' if i == 5950 else f"{rng.uniform(5, 900):.2f}"
        rows.append(f"ch_{i},{amount},{rng.uniform(0.3, 30):.2f}")
    path = tmp_path / "payments.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    amount = next(i for i in out.inferences if i.column_name == "Amount")
    assert (amount.decided_type, amount.decided_pattern) == ("DOUBLE", "grouped_number")
    assert out.counts.quarantine_rows == 0
    assert amount.bounds is not None
    assert amount.bounds[1] == 2010.0


def test_years_and_months_alone_past_the_sample_among_dates_are_read_not_quarantined(tmp_path: Path) -> None:
    # A Raiser's Edge constituent export: Birth Date "6/15/1965" but for two fuzzy dates near
    # the file's end, "1964" and "9/1943"; the sample saw none, and those donors went to quarantine.
    rng = random.Random(3)
    rows = ["Constituent ID,Birth Date"]
    for i in range(6000):
        born = "1964" if i == 5900 else "9/1943" if i == 5950 else f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(1945, 1999)}"
        rows.append(f"{100000 + i},{born}")
    path = tmp_path / "constituents.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    born = next(i for i in out.inferences if i.column_name == "Birth Date")
    assert (born.decided_type, born.decided_pattern) == ("DATE", "us_partial_date")
    assert out.counts.quarantine_rows == 0
    assert born.bounds is not None
    assert born.bounds[0] == dt.datetime(1943, 9, 1, tzinfo=dt.UTC).timestamp()


def test_minus_one_below_a_spread_of_fractions_is_a_code(tmp_path: Path) -> None:
    # Porto Seguro's safe-driver data: -1 where a value is unknown, in its float columns too
    # (ps_reg_03 0.06 to 4.0); a score running over -1 to 1 is data.
    rng = random.Random(12)
    rows = ["id,ps_reg_03,ps_car_14,sentiment"]
    for i in range(600):
        rows.append(",".join([
            str(i),
            "-1" if i % 6 == 0 else f"{rng.uniform(0.06, 4.0):.6f}",
            "-1" if i % 14 == 0 else f"{rng.uniform(0.1, 0.64):.6f}",
            "-1" if i % 30 == 0 else f"{rng.uniform(-0.99, 1.0):.3f}",
        ]))
    path = tmp_path / "train.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "-1 (100 values, 16.7%) looks like a code for a missing or unknown value" in reasons["ps_reg_03"]
    assert "-1 (43 values, 7.2%) looks like a code" in reasons["ps_car_14"]
    assert "looks like a code" not in reasons["sentiment"]


def test_small_negative_and_paired_digit_codes_are_named(tmp_path: Path) -> None:
    # IPEDS: -2 (not applicable) in CBSA; the World Values Survey's -1 to -5 below answers of
    # 1 to 4 (named as a habit of the table, clear in its age column); Polity's -66, -77 and
    # -88 below scores of -10 to 10; NHANES's 888 above pressures of 140 to 200. A change
    # running through 0 (-5 to 12) is data.
    rng = random.Random(14)
    rows = ["id,CBSA,Q1,Q262,polity,BPXML1,change"]
    for i in range(600):
        rows.append(",".join([
            str(i),
            "-2" if i % 5 == 0 else str(rng.randint(10180, 49740)),
            str(rng.choice([-1, -2, -5, 1, 2, 2, 3, 3, 4, 4, 4])),
            "-2" if i % 40 == 0 else str(rng.randint(18, 90)),
            str(rng.choice([-88, -77, -66])) if i % 30 == 0 else str(rng.randint(-10, 10)),
            "888" if i % 50 == 0 else str(rng.choice([140, 160, 180, 200])),
            str(rng.randint(-5, 12)),
        ]))
    path = tmp_path / "survey.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "-2 (120 values, 20.0%) looks like a code for a missing or unknown value" in reasons["CBSA"]
    assert "-2 (15 values, 2.5%) looks like a code" in reasons["Q262"]
    assert "looks like a code" in reasons["Q1"]
    assert "-1 (" in reasons["Q1"]
    assert "Other columns of this table use" in reasons["Q1"]
    assert "-88 (" in reasons["polity"]
    assert "-66 (" in reasons["polity"]
    assert "888 (12 values, 2.0%) looks like a code" in reasons["BPXML1"]
    assert "looks like a code" not in reasons["change"]


def test_a_date_centuries_before_the_rest_is_named_a_typo(tmp_path: Path) -> None:
    # NYPD's complaints: CMPLNT_FR_DT 1015 and 1019 among 2019's, years mistyped; they were
    # the column's minimum without a word. A museum's dates back to 1500 are data.
    days = [f"{1 + i % 12:02d}/{1 + i % 28:02d}/2019" for i in range(300)]
    days[7], days[91] = "03/05/1015", "11/30/1019"
    acquired = [f"{1 + i % 12:02d}/{1 + i % 28:02d}/{1500 + i % 520}" for i in range(300)]
    lines = ["CMPLNT_NUM,CMPLNT_FR_DT,acquired"] + [f"{100000 + i},{d},{a}" for i, (d, a) in enumerate(zip(days, acquired, strict=True))]
    reasons = reasons_of(tmp_path, "complaints.csv", lines)
    assert "1015-03-05 (1 values, 0.3%) is centuries earlier than the column's other dates" in reasons["CMPLNT_FR_DT"]
    assert "a mistyped year" in reasons["CMPLNT_FR_DT"]
    assert "centuries" not in reasons["acquired"]


def test_an_angle_past_a_full_turn_is_a_code(tmp_path: Path) -> None:
    # AIS position reports: Heading 511 where the vessel sends none (a fifth of them), beside
    # headings of 0 to 359; a course of 359.9 is a course.
    lines = ["MMSI,Heading,COG"] + [
        f"{367000000 + i},{511 if i % 5 == 0 else (i * 37) % 360},{(i * 7.3) % 360:.1f}" for i in range(400)
    ]
    reasons = reasons_of(tmp_path, "ais.csv", lines)
    assert "511 (80 values, 20.0%) looks like a code" in reasons["Heading"]
    assert "looks like a code" not in reasons["COG"]


def test_infinite_values_are_counted_in_the_decision(tmp_path: Path) -> None:
    # A Prometheus histogram export: each series' buckets end in le="+Inf". The decision said
    # nothing of them, and the JSON profile had no max and a mean of null.
    rows = ["timestamp,__name__,le,value"]
    for t in (1709251200, 1709251215):
        rows += [f"{t},http_request_duration_seconds_bucket,{le},{12 + i}" for i, le in enumerate(("0.005", "0.1", "1", "+Inf"))]
    path = tmp_path / "prom_hist.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    le = next(i for i in out.inferences if i.column_name == "le")
    assert le.decided_type == "DOUBLE"
    assert "no finite number (2 +Inf)" in le.reason
    profile = next(p for p in out.profiles if p.column_name == "le")
    assert profile.mean_value is not None
    assert math.isfinite(profile.mean_value)


def test_several_survey_codes_in_one_column_are_named_together(tmp_path: Path) -> None:
    # The European Social Survey: 77, 88 and 99 after answers of 0 to 10 (ppltrst), 7, 8 and 9
    # after 1 to 4 (polintr), 6666 to 9999 after minutes (netustm); ANES 2020: -1, -8 and -9
    # below answers of 1 to 7, and 99 above them (V201200). A household's size of 1 to 9 and
    # a temperature of -9 to 30 degrees hold no code.
    rng = random.Random(21)
    rows = ["idno,ppltrst,polintr,netustm,V201200,hhmmb,tmin"]
    for i in range(600):
        rows.append(",".join([
            str(i),
            str([77, 88, 99, 88][i // 20 % 4]) if i % 20 == 0 else str(rng.randint(0, 10)),
            str([7, 8, 9][i // 25 % 3]) if i % 25 == 0 else str(rng.randint(1, 4)),
            str([6666, 7777, 8888, 9999][i // 10 % 4]) if i % 10 == 0 else str(rng.randint(10, 900)),
            str([-1, -8, -9, 99][i // 8 % 4]) if i % 8 == 0 else str(rng.randint(1, 7)),
            str(rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 9])),
            str(rng.randint(-9, 30)),
        ]))
    reasons = reasons_of(tmp_path, "ess.csv", rows)
    assert "99 (7 values, 1.2%) looks like a code" in reasons["ppltrst"]
    assert "77 (8 values) and 88 (15 values), just below it, look like codes too." in reasons["ppltrst"]
    assert "9 (8 values, 1.3%) looks like a code" in reasons["polintr"]
    assert "7 (8 values) and 8 (8 values), just below it" in reasons["polintr"]
    assert "9999 (15 values, 2.5%) looks like a code" in reasons["netustm"]
    assert "6666 (15 values), 7777 (15 values) and 8888 (15 values), just below it" in reasons["netustm"]
    assert "-9 (19 values, 3.2%) looks like a code" in reasons["V201200"]
    assert "-8 (19 values) and -1 (19 values), beside it, look like codes too." in reasons["V201200"]
    assert "99 (18 values, 3.0%) looks like a code" in reasons["V201200"]
    for column in ("hhmmb", "tmin"):
        assert "looks like a code" not in reasons[column], column


def test_a_code_of_nines_above_a_few_losses_is_named(tmp_path: Path) -> None:
    # IPUMS USA's INCTOT: 9999999 (not applicable) for a fifth of the persons, above incomes
    # that include a few business losses.
    rng = random.Random(22)
    rows = ["SERIAL,INCTOT"]
    for i in range(400):
        income = 9999999 if i % 5 == 0 else rng.choice([-4500, -1200, -9000]) if i % 25 == 1 else rng.randint(0, 250) * 1000
        rows.append(f"{i},{income}")
    reasons = reasons_of(tmp_path, "usa.csv", rows)
    assert "9999999 (80 values, 20.0%) looks like a code" in reasons["INCTOT"]


def test_a_small_negative_code_alone_below_amounts_from_zero_is_named(tmp_path: Path) -> None:
    # The FJC's civil cases: DEMANDED -8 (missing) below amounts in thousands that start at 0;
    # DISP -8 below its disposition codes 2 to 19.
    rng = random.Random(23)
    rows = ["DOCKET,DEMANDED,DISP"]
    for i in range(300):
        demanded = -8 if i % 6 == 0 else rng.choice([0, 0, 0, 25, 75, 150, 1000])
        rows.append(f"{i},{demanded},{-8 if i % 7 == 0 else rng.randint(2, 19)}")
    reasons = reasons_of(tmp_path, "cv.csv", rows)
    assert "-8 (50 values, 16.7%) looks like a code" in reasons["DEMANDED"]
    assert "-8 (43 values, 14.3%) looks like a code" in reasons["DISP"]


def test_a_table_s_missing_code_is_named_in_its_flags_and_text_codes_too(tmp_path: Path) -> None:
    # The FJC's civil cases: -8 (missing) in the 0/1 flag CLASSACT (a mean of -4.5 otherwise),
    # in RESIDENC beside its codes 1 to 5, among JURY's letters and COUNTY's FIPS codes; no
    # column shows it far from its values, but four columns share it. A change of -3 to 4
    # and a text column of its own negative numbers are left alone.
    rng = random.Random(5)
    rows = ["DISTRICT\tCOUNTY\tJURY\tCLASSACT\tRESIDENC\tCHANGE\tNOTE"]
    for i in range(200):
        rows.append("\t".join([
            rng.choice(["07", "08", "3A", "71"]),
            "-8" if i % 4 == 0 else f"{rng.choice([1001, 6037, 36061, 48201]):05d}",
            "-8" if i % 5 == 0 else rng.choice(["Y", "N", "B", "D", "P"]),
            "-8" if i % 2 == 0 else rng.choice(["0", "1"]),
            "-8" if i % 6 == 0 else str(rng.randint(1, 5)),
            str(rng.randint(-3, 4)),
            rng.choice(["-3", "up", "down", "-5"]),
        ]))
    reasons = reasons_of(tmp_path, "idb.txt", rows)
    assert "-8 (100 values, 50.0%) looks like a code for a missing or unknown value" in reasons["CLASSACT"]
    assert "-8 (34 values, 17.0%) looks like a code" in reasons["RESIDENC"]
    assert "-8 (40 values, 20.0%) looks like a code for a missing or unknown value, as other columns" in reasons["JURY"]
    assert "-8 (50 values, 25.0%) looks like a code" in reasons["COUNTY"]
    assert "looks like a code" not in reasons["CHANGE"]
    assert "looks like a code" not in reasons["NOTE"]


def test_a_concentration_s_few_negative_values_are_named_codes_for_below_detection(tmp_path: Path) -> None:
    # A drillhole assay file as acQuire and Micromine export it: Au_ppm holds -0.01 and
    # -0.005 for results under the detection limit of each lab method (404 of 4,277 rows),
    # named nowhere while the mean took them in. A blank-corrected reading's small negatives
    # (each its own), a temperature's frost and a price's change in % are data.
    rng = random.Random(9)
    rows = ["HoleID,From,Au_ppm,Cu_pct,Pb (ug/L),Temp_C,Price change %"]
    for i in range(400):
        gold = "-0.01" if i % 9 == 0 else "-0.005" if i % 31 == 0 else f"{rng.uniform(0.005, 12):.3f}"
        lead = f"{rng.uniform(-0.5, -0.001):.4f}" if i % 10 == 0 else f"{rng.uniform(0.1, 40):.3f}"
        rows.append(",".join([
            f"DDH{1 + i // 40:03d}", str(i % 40), gold, f"{rng.uniform(0.01, 3):.3f}", lead,
            str(rng.choice([-5, -3, 4, 11, 18, 22])), str(rng.choice([-5, -5, 2, 3, 3])),
        ]))
    path = tmp_path / "assay.csv"
    path.write_text("\n".join(rows) + "\n")
    out, _ = run_file(path, tmp_path, None)
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "-0.01 (45 values, 11.2%) looks like a code for a result below the detection limit (under 0.01 ppm)" in reasons["Au_ppm"]
    assert "-0.005 (11 values), beside it, looks like a code too." in reasons["Au_ppm"]
    for column in ("Cu_pct", "Pb (ug/L)", "Temp_C", "Price change %"):
        assert "detection limit" not in reasons[column], column


def test_an_infinite_extreme_is_no_code_for_a_missing_value(tmp_path: Path) -> None:
    # A Prometheus histogram export: the le="+Inf" bucket's count and ratios over zero write
    # +Inf on 6% of the rows; it is a value of IEEE arithmetic, named as no finite number.
    lines = ["timestamp,value"] + [
        f"{1680307200 + 15 * (i // 4)},{'+Inf' if i % 16 == 3 else (i * 37) % 9000 + 14}" for i in range(400)
    ]
    reasons = reasons_of(tmp_path, "prometheus_export.csv", lines)
    assert "looks like a code" not in reasons["value"]
    assert "no finite number (25 +Inf)" in reasons["value"]


def test_a_flag_written_only_when_true_says_its_blanks_are_most_likely_false(tmp_path: Path) -> None:
    # StatsBomb's events: under_pressure "True" or nothing (76% blank), so that WHERE NOT
    # under_pressure found no row. A flag set both ways keeps its blanks unremarked.
    lines = ["id,under_pressure,counterpress,out"] + [
        f"{i},{'True' if i % 4 == 0 else ''},{'True' if i % 5 == 0 else ''},{['True', 'False', ''][i % 3]}"
        for i in range(300)
    ]
    reasons = reasons_of(tmp_path, "events.csv", lines)
    assert "holds only true (75 values); its 225 blanks (75.0%) are most likely false" in reasons["under_pressure"]
    assert 'coalesce("under_pressure", false)' in reasons["under_pressure"]
    assert "only true" in reasons["counterpress"]
    assert "only true" not in reasons["out"]
