"""Units and currencies from values and from column names."""

from __future__ import annotations

import pytest

from datadossier.inference.names import (
    looks_boolean,
    looks_like_date,
    looks_like_identifier,
    looks_like_instant,
    name_tokens,
)
from datadossier.inference.units import (
    AGREEING_UNIT_CONFIDENCE,
    KNOWN_VALUE_UNITS,
    NAME_UNIT_CONFIDENCE,
    NAME_UNITS,
    SHORT_NAME_UNIT_CONFIDENCE,
    SHORT_NAME_UNITS,
    currency_code,
    name_scale,
    pint_canonical,
    unit_from_label,
    unit_from_name,
    value_unit,
)
from tests.inference.helpers import Infer


def test_name_tokens_split_on_underscores_spaces_and_camel_case() -> None:
    assert name_tokens("weight_kg") == ["weight", "kg"]
    assert name_tokens("sizeMB") == ["size", "mb"]
    assert name_tokens("Trip Distance mi") == ["trip", "distance", "mi"]
    assert name_tokens("HTTPStatus2xx") == ["http", "status", "2", "xx"]


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("weight_kg", "kg"),
        ("distance_mi", "mi"),
        ("temp_f", "degF"),
        ("temp_c", "degC"),
        ("duration_ms", "ms"),
        ("latency ms", "ms"),
        ("WS_ms", "m/s"),  # a weather logger's wind speed
        ("wind_speed_ms", "m/s"),
        ("gust_mps", "m/s"),
        ("height_cm", "cm"),
        ("amount_usd", "USD"),
        ("Total_Amount_of_Payment_USDollars", "USD"),  # CMS Open Payments
        ("price_dollars", "USD"),
        ("cost_in_euros", "EUR"),
        ("price_eur", "EUR"),
        ("speed_kmh", "km/h"),
        ("size_mb", "MB"),
        ("size_bytes", "B"),
        ("sizeInBytes", "B"),
        ("trip length m", "m"),
        ("time_min", "min"),
        ("MONTHS_BALANCE", "month"),  # Home Credit's bureau balance
        ("mths_since_last_delinq", "month"),  # Lending Club
        ("YearsCode", "year"),
        ("discount_pct", "%"),
        ("Anteil in %", "%"),  # not inches: the sign names the unit
        ("growth %", "%"),
        ("speed_m/s", "m/s"),  # not seconds: the unit is read whole
        ("Wind (km/h)", "km/h"),
        # a unit in brackets at the end, as scientific and statistical tables write them
        ("Pressure (hPa)", "hPa"),
        ("Flow [m3/s]", "m**3/s"),
        ("PM2.5 (µg/m³)", "µg/m**3"),
        ("Power (kW)", "kW"),
        ("Speed (knots)", "kn"),
        ("Area (sq km)", "km**2"),
        ("Area(in sq km)", "km**2"),  # GeoNames' countryInfo
        ("Salary (€)", "EUR"),
        ("GDP (current US$)", "USD"),
        ("Temperature (°C)", "degC"),
        ("Temperature (degrees Fahrenheit)", "degF"),
        # angles: Pint counts them dimensionless, a name still states them
        ("Wind Direction (degrees)", "deg"),
        ("Slope (°)", "deg"),
        ("angle (rad)", "rad"),
        ("wind_dir_degrees", "deg"),
        ("heading_deg", "deg"),
        # areas: house sales' sqft_living, a length squared
        ("sqft_living", "ft**2"),
        ("square_feet", "ft**2"),
        ("floor_area_m2", "m**2"),
        ("area_km2", "km**2"),
        ("lot_acres", "acre"),
        ("height_in", "in"),
        ("precip_in", "in"),
        ("merch_long", "deg"),  # fraudTrain's merchant longitude, beside merch_lat
        ("reclat", "deg"),  # NASA's meteorite landings
        ("reclong", "deg"),
        ("elevation_ft", "ft"),
        ("Depth (ft)", "ft"),
        # sensor and weather exports
        ("pressure_hpa", "hPa"),
        ("battery_mv", "mV"),
        ("rssi_dbm", "dBm"),
        ("co2_ppm", "ppm"),
        ("voltage_v", "V"),
        ("pressure_mb", "mbar"),  # millibars beside a pressure's word, not megabytes
        ("pressure_in", "inHg"),
        # units whose case tells them apart (split at its capitals, hPa was h and Pa)
        ("pressure_hPa", "hPa"),
        ("battery_mV", "mV"),
        ("current_mA", "mA"),
        ("rssi_dBm", "dBm"),
        ("energy_Wh", "Wh"),
        ("power_W", "W"),
        # EPA's emissions: millions of Btu, not millimetres
        ("Heat Input (mmBtu)", "MMBtu"),
        ("SO2 Rate (lbs/mmBtu)", "lb/MMBtu"),
        # food: Open Food Facts' nutrients per 100 g
        ("fat_100g", "g"),
        ("energy-kcal_100g", "kcal"),
        ("energy-kj_100g", "kJ"),
        # the unit the values are in, whatever follows (Zendesk's metrics)
        ("First reply time in minutes within business hours", "min"),
        # ...also before a bracket that qualifies them, whose last word is no unit of the values
        ("First reply time in minutes (within business hours)", "min"),
        ("Resolution time in hours (working days)", "h"),
        # machine and energy exports: AI4I 2020's torque, a wind turbine's SCADA energy
        ("Torque [Nm]", "m*N"),
        ("Torque (N m)", "m*N"),
        ("Theoretical_Power_Curve (KWh)", "kWh"),
        ("Energy [KWH]", "kWh"),
        ("Output (MWH)", "MWh"),
        # radio networks' KPI exports: bit rates, not baud; signal levels in brackets glued to the name
        ("UL Throughput (Mbps)", "Mbit/s"),
        ("Avg RSRP(dBm)", "dBm"),
        ("Tx Power (dBm)", "dBm"),
        ("dl_throughput_mbps", "Mbit/s"),
    ],
)
def test_units_from_names(name: str, unit: str) -> None:
    evidence = unit_from_name(name)
    assert evidence is not None
    assert evidence.unit == unit


def test_short_tokens_count_only_at_the_end_and_with_lower_confidence() -> None:
    assert unit_from_name("min_price") is None
    assert unit_from_name("in_stock") is None
    assert unit_from_name("s") is None  # a one-token name is not a unit
    # Census variable names end in a code's letter: E(stimate), M(argin of error).
    assert unit_from_name("S1901_C01_001M") is None
    assert unit_from_name("B01001_001E") is None
    assert unit_from_name("pH") is None  # acidity, not hours
    # Full time (the College Scorecard's retention RET_FT4, PCT_FT) and free throws (FT).
    for name in ("RET_FT4", "PCT_FT", "FT", "FT_made"):
        assert unit_from_name(name) is None, name
    # Grades and classes named by a letter (the London household data's ACORN-C, ACORN-M).
    for name in ("ACORN-C", "ACORN-F", "ACORN-M", "ACORN-L", "ACORN-H", "Zone_C", "Grade C", "class_s", "too_long", "long_term_debt"):
        assert unit_from_name(name) is None, name
    for name in ("Population (thousands)", "Score (points)", "Stock (units)", "Name (first)", "Total (adjusted)", "x ( )"):
        assert unit_from_name(name) is None, name
    end = unit_from_name("height_m")
    long = unit_from_name("height_cm")
    assert end is not None
    assert long is not None
    assert (end.confidence, long.confidence) == (SHORT_NAME_UNIT_CONFIDENCE, NAME_UNIT_CONFIDENCE)


def test_a_heart_rate_s_hr_is_no_hours_but_a_duration_s_hr_is() -> None:
    # Garmin's, Polar's and Wahoo's Avg HR 145 (beats per minute) was 145 hours; a vital-signs
    # file's mean_hr alike. A duration's or a flight's hr is hours.
    for name in ("Avg HR", "avg_hr", "Mean HR", "Max HR", "HR"):
        assert unit_from_name(name) is None, name
    for name in ("duration_hr", "flight_hr", "sleep_hr"):
        found = unit_from_name(name)
        assert found is not None, name
        assert found.unit == "h", name


@pytest.mark.parametrize(
    "name",
    ["customer_id", "order_no", "id", "no", "retry_count", "page_url",
     # "in" is an inch only beside a length's word (airline files' taxi-in minutes)
     "TaxiIn", "TAXI_IN", "check_in", "LoggedIn", "M2_growth",
     # "v" is a volt only beside an electrical word (wind_u, wind_v: a velocity's components)
     "wind_v", "version_v", "MSSubClass",
     # "degrees" is an angle only beside an angle's word (a count of degrees, a temperature's)
     "degrees_awarded", "total_degrees", "temp_degrees",
     # a coordinate's letters joined to a word only after three letters or more
     "flat", "salon", "oblong",
     # a series' code with a number inside (FRED-MD's TB3MS, the 3-month bill rate)
     "TB3MS", "TB6MS",
     # GTEx's samples as columns (SM-QA7MS: no milliseconds); a track's cadence; a team's wins
     "GTEX-1117F-0226-SM-QA7MS", "GTEX-111CU-1826-SM-5GZYN", "cad", "team_W"],
)
def test_id_no_and_plain_words_are_not_units(name: str) -> None:
    assert unit_from_name(name) is None


def test_value_units_are_read_with_the_table_or_pint() -> None:
    assert value_unit("kg") == "kg"
    assert value_unit("°C") == "degC"
    assert value_unit("mph") == "mph"
    assert value_unit("kmh") == "km/h"
    assert value_unit("furlongs") == "fur"  # not in the table: Pint answers
    assert value_unit("apples") is None
    assert value_unit("pcs") is None
    assert value_unit("kg)") is None
    # One-letter symbols are read from the table only (Pint would take "e" or "a" too).
    assert [value_unit(u) for u in ("V", "A", "mA", "hPa", "x")] == ["V", "A", "mA", "hPa", None]


def test_currency_codes_from_symbols_and_codes() -> None:
    assert [currency_code(m) for m in ("$", "-$", "€", "£", "¥", "USD", " EUR ", "XYZ")] == [
        "USD", "USD", "EUR", "GBP", "JPY", "USD", "EUR", None,
    ]


def test_every_iso_currency_from_amounts_and_whole_capital_names() -> None:
    # The ECB's reference rates: a column per currency, named by its code.
    assert [currency_code(m) for m in ("RON", "THB", "ILS", "HRK", "TOP")] == ["RON", "THB", "ILS", "HRK", "TOP"]
    assert [getattr(unit_from_name(n), "unit", None) for n in ("BGN", "ISK", "price_usd")] == [
        "BGN", "ISK", "USD",
    ]
    # Words of names that are also rarer codes are no currency there.
    assert [unit_from_name(n) for n in ("top_score", "total_all", "world_cup", "pen_size")] == [None] * 4


def test_a_rate_per_something_is_not_in_that_thing_s_unit() -> None:
    # Kaggle's countries of the world.
    names = ("Pop. Density (per sq. mi.)", "Infant mortality (per 1000 births)", "GDP ($ per capita)", "Area (sq. mi.)")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == [None, None, "USD", "mi**2"]
    # The UN's population prospects: counts per an area or a population, no unit of either.
    names = ("Population Density, as of 1 July (persons per square km)", "Crude Birth Rate (births per 1,000 population)")
    assert [unit_from_name(n) for n in names] == [None, None]


def test_a_unit_after_a_number_qualifies_what_is_counted() -> None:
    # Lending Club's counts over a window, Open-Meteo's readings at a height: no unit of the
    # value. A duration named so keeps its unit; a number glued to a word names a thing.
    names = ("delinq_2yrs", "inq_last_6mths", "collections_12_mths_ex_med", "acc_open_past_24mths", "wind_speed_10m")
    assert [unit_from_name(n) for n in names] == [None] * 5
    names = ("mths_since_last_delinq", "term_in_months", "co2_ppm", "fat_100g")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == ["month", "month", "ppm", "g"]


def test_coordinates_are_in_degrees() -> None:
    names = ("LATITUDE", "pickup_longitude", "lat", "lng", "Long", "long_term_debt", "longevity")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == ["deg"] * 5 + [None, None]


def test_unit_tables_say_what_pint_says() -> None:
    # Every canonical name is Pint's own short name for itself (areas written ² for Pint)...
    for canonical in {*KNOWN_VALUE_UNITS.values(), *NAME_UNITS.values(), *SHORT_NAME_UNITS.values()}:
        if canonical != "%":
            assert pint_canonical(canonical.replace("**2", "²").replace("**3", "³")) == canonical, canonical
    # ...and every token Pint knows maps where Pint maps it, except the deliberate readings of
    # data: C/F are temperatures (Pint: coulomb, farad), lower-case mb/kb/gb/tb are data sizes.
    deliberate = {"C", "F", "mb", "kb", "gb", "tb", "KB", "cft"}  # (and freight's cubic feet)
    deliberate |= {"bps", "kbps", "Kbps", "Mbps", "mbps", "Gbps", "gbps"}  # bit rates, which Pint reads as baud
    for token, canonical in KNOWN_VALUE_UNITS.items():
        pint_reading = pint_canonical(token)
        if pint_reading is not None and token not in deliberate:
            assert pint_reading == canonical, token


def test_spelled_units_read_as_pint_reads_them_and_keep_their_case_elsewhere() -> None:
    # AI4I 2020's "Torque [Nm]" is the newton-metres Pint reads in "N·m"; "[nm]" stays
    # nanometres' business, "[mW]" milliwatts', not kilowatt-hours' spellings.
    assert getattr(unit_from_name("Torque [Nm]"), "unit", None) == pint_canonical("N·m")
    assert getattr(unit_from_name("c [N·m]"), "unit", None) == pint_canonical("N·m")
    for name in ("Wavelength [nm]", "Signal [mW]"):
        assert getattr(unit_from_name(name), "unit", None) not in ("m*N", "kWh", "MWh"), name


def test_names_that_sound_like_identifiers() -> None:
    names = ("customer_id", "StockCode", "InvoiceNo", "sku", "account_number", "number_of_items", "quantity", "idle")
    assert [looks_like_identifier(n) for n in names] == [True, True, True, True, True, False, False, False]
    # (MIMIC's labevents: the bounds of a reference range are quantities.)
    assert [looks_like_identifier(n) for n in ("ref_range_lower", "ref_range_upper", "ref_low", "ref")] == [False, False, False, True]
    # A number of a quantity counts it (CMS's QTY_DSPNSD_NUM, the quantity dispensed).
    assert [looks_like_identifier(n) for n in ("QTY_DSPNSD_NUM", "quantity_no", "qty_id")] == [False, False, True]


def test_a_name_ending_in_identifier_is_an_identifier_s() -> None:
    # App Store Connect's sales report: "Apple Identifier" holds 10-digit app ids, whole
    # numbers that are no quantity; "Parent Identifier" and a record's identifier likewise.
    names = ("Apple Identifier", "Parent Identifier", "record_identifier", "Identifier", "identified")
    assert [looks_like_identifier(n) for n in names] == [True, True, True, True, False]


def test_names_that_sound_boolean_or_like_dates() -> None:
    assert [looks_boolean(n) for n in ("is_active", "hasChildren", "deleted_flag", "island", "score")] == [
        True, True, True, False, False,
    ]
    # outcomes of public datasets' 0/1 columns
    flags = ("Survived", "Exited", "Churn", "Cancelled", "Diverted", "SeniorCitizen", "holiday", "isFraud")
    assert all(looks_boolean(n) for n in flags)
    assert not any(looks_boolean(n) for n in ("Pclass", "SibSp", "cancellation_code", "DepDelay"))
    # Fitbit's distances and minutes in a state (all zeros in a day of rest) are quantities.
    assert not any(looks_boolean(n) for n in ("VeryActiveDistance", "SedentaryActiveDistance", "FairlyActiveMinutes"))
    assert looks_boolean("is_full_time")  # a question, whatever its last word
    # A quantity of a state is a count (an Amazon settlement's quantity-purchased, all 1s).
    assert not any(looks_boolean(n) for n in ("quantity-purchased", "qty_returned", "purchased_count"))
    assert [looks_like_date(n) for n in ("order_date", "dob", "shipped_on", "update_count")] == [
        True, True, True, False,
    ]
    # "on" and "at" say a date or a moment at a name's end only: OpenFEMA's claim amounts
    # (amountPaidOnBuildingClaim, $20,000 to $59,999) were read as Excel dates of 1956-2050.
    assert not any(looks_like_date(n) for n in ("amountPaidOnBuildingClaim", "paid_on_claim", "amount_on_hold"))
    assert [looks_like_instant(n) for n in ("created_at", "AtBats", "at_risk_amount")] == [True, False, False]


def test_value_units_beat_name_units_and_agreement_raises_confidence(infer: Infer) -> None:
    results = infer(
        {
            "weight_kg": ["12.5 kg", "3 kg", "1 kg"],
            "weight_lb": ["12.5 kg", "3 kg", "1 kg"],
            "speed": ["10.36 mph", "5 mph", "0.5 mph"],
            "temp": ["20 °C", "21.5 °C", "-3 °C"],
            "distance": ["3km", "5 km", "12km"],
        }
    )
    agreeing = results["weight_kg"].candidates[0]
    assert (agreeing.detected_unit, agreeing.unit_confidence) == ("kg", 0.97)
    conflicting = results["weight_lb"].candidates[0]
    assert (conflicting.detected_unit, conflicting.unit_confidence) == ("kg", 0.9)
    assert conflicting.details["unit_from_name"] == "lb"
    assert results["speed"].candidates[0].detected_unit == "mph"
    assert results["temp"].candidates[0].detected_unit == "degC"
    assert results["distance"].candidates[0].detected_unit == "km"


def test_sensor_readings_with_volts_and_amperes_are_numbers_with_their_unit(infer: Infer) -> None:
    results = infer({"battery_v": ["3.38 V", "4.1 V", "3.9 V"], "current": ["20 mA", "5 mA", "12.5 mA"]})
    for column, unit in (("battery_v", "V"), ("current", "mA")):
        assert results[column].decided_type == "DOUBLE"
        assert results[column].candidates[0].detected_unit == unit


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("filing_type", ["1A", "2A", "3A", "4A"] * 10),  # LDA's amendment types, not amperes
        ("ENTITY_STRUCTURE", ["2L"] * 6),  # SAM's entity structure in a filtered extract, not litres
        ("column25", ["2L"] * 6),  # the same extract without a header
        ("status", [f"{n}A" for n in range(1, 31)] * 2),  # a code's name: however many codes
        # A carrier's voyages on one westbound lane, numbered and all "W": not watts.
        ("voyage", ["402W", "118W", "231W", "310W", "1176W", "2315W"] * 5),
        ("voyage_no", [f"{n}W" for n in range(100, 160)]),
        ("sailing", ["402W", "118W", "231W", "310W", "076W", "2315W"] * 5),  # "076W": no measure has a leading zero
        ("CYC", ["08MS"] * 12),  # PISA's cycle of 2022 in every row: not 8 megasiemens
        ("CYC", ["07MS", "08MS"] * 6),
    ],
)
def test_digits_glued_to_a_capital_letter_are_codes_without_a_measure_s_name(
    infer: Infer, name: str, values: list[str]
) -> None:
    result = infer({name: values})[name]
    assert result.decided_type == "VARCHAR"
    assert "glued to a capital letter" in (result.reason or "")


def test_digits_glued_to_a_capital_letter_are_units_beside_their_measure(infer: Infer) -> None:
    # A product sheet's battery "12V" and fuse "5A", an engine's "3L"; a logger's currents of
    # many values whatever the name.
    results = infer({
        "battery": ["12V", "24V", "48V", "12V"] * 5, "Fuse Rating": ["5A", "10A", "15A", "20A"] * 5,
        "engine_size": ["2L", "3L", "2L", "4L"] * 5, "reading": [f"{n}A" for n in range(10, 30)],
        "heater": ["1500W", "2000W", "750W", "1200W"] * 5,  # more digits than codes of a letter have
    })
    for column, unit in (("battery", "V"), ("Fuse Rating", "A"), ("engine_size", "l"), ("reading", "A"), ("heater", "W")):
        assert (results[column].decided_type, results[column].candidates[0].detected_unit) == ("DOUBLE", unit), column


def test_name_units_apply_to_numeric_columns_only(infer: Infer) -> None:
    results = infer(
        {
            "weight_kg": ["12.5", "3", "1"],
            "temp_f": ["70", "71", "69"],
            "name_mi": ["J", "K", "L"],
            "customer_id": ["1", "2", "3"],
            "order_no": ["10", "11", "12"],
        }
    )
    weight = results["weight_kg"].candidates[0]
    assert (weight.detected_unit, weight.unit_confidence) == ("kg", NAME_UNIT_CONFIDENCE)
    temp = results["temp_f"].candidates[0]
    assert (temp.detected_unit, temp.unit_confidence) == ("degF", SHORT_NAME_UNIT_CONFIDENCE)
    assert all(c.detected_unit is None for c in results["name_mi"].candidates)
    assert all(c.detected_unit is None for c in results["customer_id"].candidates)
    assert all(c.detected_unit is None for c in results["order_no"].candidates)


def test_currency_from_values_is_the_iso_code(infer: Infer) -> None:
    results = infer(
        {
            "a": ["£12", "£3.50"],
            "b": ["¥1,000", "¥250"],
            "c": ["901.00 USD", "12.00 USD"],
            "d": ["€1.234,50", "3,00 €"],
        }
    )
    assert [results[k].candidates[0].detected_unit for k in "abcd"] == ["GBP", "JPY", "USD", "EUR"]


def test_a_bare_dollar_sign_is_in_the_dollars_the_name_states(infer: Infer) -> None:
    # AusTender's contract values "$1,234,567.00" under "Value (AUD)", Canada's proactive
    # disclosure under contract_value_cad: a bare "$" is any dollar, and the name says which.
    results = infer({
        "Value (AUD)": ["$1,234,567.00", "$45,000.00", "-$12,000.00"],
        "contract_value_cad": ["$1,200.00", "$3,400.50", "$99.99"],
        "Amount NZD": ["$5.00", "$6.00", "$7.00"],
        "price_cny": ["¥1,000", "¥250", "¥12"],
        "Value": ["$5.00", "$6.00", "$7.00"],
        "amount_usd": ["€5.00", "€6.00", "€7.00"],
    })
    units = {name: (r.candidates[0].detected_unit, r.candidates[0].unit_confidence) for name, r in results.items()}
    assert units == {
        "Value (AUD)": ("AUD", 0.97), "contract_value_cad": ("CAD", 0.97), "Amount NZD": ("NZD", 0.97),
        "price_cny": ("CNY", 0.97),
        # Without a name's currency, "$" is read as USD; a euro sign is no dollar whatever the name.
        "Value": ("USD", 0.9), "amount_usd": ("EUR", 0.9),
    }


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("Deg C", "degC"),
        ("%", "%"),
        ("meters/second", "m/s"),
        ("Volts", "V"),
        ("mbar", "mbar"),
        ("W/m^2", "W/m**2"),
        ("ug/m3", "µg/m**3"),
        ("Estimate!!Households!!Median income (dollars)", "USD"),
        # SAS labels write their units capitalised (ADaM's TRTDURD, AGE), at times in capitals
        ("Total Treatment Duration (Days)", "day"),
        ("Age (Years)", "year"),
        ("Duration (HOURS)", "h"),
        ("Output (MWH)", "MWh"),
        ("Temperature (Min)", None),
        # a Huawei U2000 counter export's units row: " ,min, , ,Number,bit,Mbps,dBm,%"
        ("bit", "bit"),
        ("Mbps", "Mbit/s"),
        ("dBm", "dBm"),
        ("%RH", "%"),
        # a logger's markers of the timestamp and record columns, and how values were processed
        ("TS", None),
        ("RN", None),
        ("Avg", None),
        ("Min", None),
        ("Estimate!!Total", None),
    ],
)
def test_units_from_label_rows(label: str, unit: str | None) -> None:
    evidence = unit_from_label(label)
    assert (evidence.unit if evidence else None) == unit


def test_a_percentage_by_name_holding_shares_of_one_gets_no_percent_unit(infer: Infer) -> None:
    # Basketball-Reference: FG% is written .512 (a share), USG% 22.4 (percentage points).
    results = infer({"FG%": [".512", ".601", ".455", "1.000"], "USG%": ["22.4", "18.0", "31.2", "9.5"], "growth_pct": ["-0.2", "0.35", "0.1", "0.05"]})
    for column in ("FG%", "growth_pct"):
        shares = results[column]
        assert shares.candidates[0].detected_unit is None, column
        assert "shares of one (0.5 is 50%)" in shares.reason
    assert results["USG%"].candidates[0].detected_unit == "%"


def test_a_percentage_by_name_reaching_thousands_gets_no_percent_unit(infer: Infer) -> None:
    # The WHO life expectancy data's `percentage expenditure`: health spending per head.
    results = infer({"percentage expenditure": ["71.3", "0.0", "1998.69", "364.97"], "growth %": ["12", "250", "-30", "900"]})
    spending = results["percentage expenditure"]
    assert spending.candidates[0].detected_unit is None
    assert "values reach 1,998.69: not percentages" in spending.reason
    assert results["growth %"].candidates[0].detected_unit == "%"


def test_coordinates_by_name_beyond_360_get_no_degrees(infer: Infer) -> None:
    # NOAA's storm event locations: LAT2 and LON2 pack degrees and minutes into one number.
    results = infer({"LAT2": ["3426430", "2842180", "4239978"], "LON2": ["11026118", "10315462", "9856046"], "LATITUDE": ["34.44", "28.70", "42.67"]})
    for column in ("LAT2", "LON2"):
        assert results[column].candidates[0].detected_unit is None, column
        assert "not degrees" in results[column].reason
    assert results["LATITUDE"].candidates[0].detected_unit == "deg"


def test_power_and_energy_units_of_power_plants(infer: Infer) -> None:
    # The Global Power Plant Database's capacity_mw and generation_gwh_2017.
    results = infer({"capacity_mw": ["95.6", "31.5", "1200"], "generation_gwh_2017": ["284.4", "17.91", "0.0"], "Output (MWh)": ["5", "7", "9"]})
    for column, unit in (("capacity_mw", "MW"), ("generation_gwh_2017", "GWh"), ("Output (MWh)", "MWh")):
        assert results[column].candidates[0].detected_unit == unit, column


def test_freight_weights_with_grouped_thousands_and_volumes_in_cubic_metres(infer: Infer) -> None:
    # A forwarder's shipment export (CargoWise, Flexport): "1,250.5 KG" beside "830.0 KG",
    # volumes in CBM, the freight industry's cubic metres, or "m3"; cubic feet as "CFT".
    results = infer({
        "Gross Weight": ["1,250.5 KG", "830.0 KG", "12,400.0 KG", "95.2 KG"] * 5,
        "Volume": ["12.3 CBM", "1.76 CBM", "33.0 CBM", "0.85 CBM"] * 5,
        "volume_m3": ["12.3 m3", "1.76 m3", "33.0 m3", "0.85 m3"] * 5,
        "cube": ["430 CFT", "62.5 CFT", "1,165 CFT", "30 CFT"] * 5,
    })
    found = {name: (r.decided_type, r.candidates[0].detected_unit, r.bounds) for name, r in results.items()}
    assert found == {
        "Gross Weight": ("DOUBLE", "kg", (95.2, 12400.0)),
        "Volume": ("DOUBLE", "m**3", (0.85, 33.0)),
        "volume_m3": ("DOUBLE", "m**3", (0.85, 33.0)),
        "cube": ("DOUBLE", "ft**3", (30.0, 1165.0)),
    }


def test_a_decimal_comma_before_a_unit_reads_as_one_where_it_cannot_group_thousands(infer: Infer) -> None:
    # Transfermarkt's players: heights "1,85 m", quoted in a comma-separated file. They stayed
    # text, and a DOUBLE forced on them failed every value.
    heights = ["1,85 m", "1,97 m", "1,68 m", "1,73 m", "-", "1,8 m"] * 10
    result = infer({"height": heights})["height"]
    assert (result.decided_type, result.decided_pattern, result.candidates[0].detected_unit) == ("DOUBLE", "unit_value", "m")
    assert result.bounds == (1.68, 1.97)
    # A comma before three digits still groups thousands.
    grouped = infer({"distance": ["1,250 m", "830 m", "12,400 m", "95 m"] * 5})["distance"]
    assert grouped.bounds == (95.0, 12400.0)


def test_a_dollar_sign_before_a_country_s_letters_in_a_name_s_brackets() -> None:
    # USA Trade Online's "Total Exports Value ($US)".
    assert getattr(unit_from_name("Total Exports Value ($US)"), "unit", None) == "USD"
    assert getattr(unit_from_name("Contract Value ($A)"), "unit", None) == "AUD"


def test_car_listings_units_in_capitals_and_abbreviations(infer: Infer) -> None:
    # CarDekho's engine "1248 CC", power "74 bhp", mileage "23.4 kmpl"; a laptop's "4kgs".
    results = infer({
        "engine": ["1248 CC", "1498 CC", "1497 CC"], "max_power": ["74 bhp", "103.52 bhp", "78 bhp"],
        "mileage": ["23.4 kmpl", "21.14 kmpl", "17.7 kmpl"], "Weight": ["1.37kg", "4kgs", "2.2KG"],
    })
    for column, unit in (("engine", "cc"), ("max_power", "hp"), ("mileage", "km/l"), ("Weight", "kg")):
        assert results[column].decided_type == "DOUBLE", column
        assert results[column].candidates[0].detected_unit == unit, column


def test_a_lone_rare_currency_code_as_a_name_is_no_unit(infer: Infer) -> None:
    # football-data.co.uk's odds: BSH, BSD, BSA (Blue Square's home, draw, away); the ECB's
    # reference rates name many columns by their currency.
    odds = infer({"BSH": ["2.1", "1.5", "3.4"], "BSD": ["3.2", "3.6", "3.1"], "BSA": ["3.5", "6.0", "2.2"]})
    assert odds["BSD"].candidates[0].detected_unit is None
    assert "no other column is named so" in odds["BSD"].reason
    assert "Unit: BSD" not in odds["BSD"].reason
    rates = infer({"BGN": ["1.9558", "1.9558", "1.9558"], "THB": ["38.1", "37.9", "38.4"], "USD": ["1.08", "1.09", "1.1"]})
    assert [rates[c].candidates[0].detected_unit for c in ("BGN", "THB", "USD")] == ["BGN", "THB", "USD"]
    alone = infer({"USD": ["1.08", "1.09", "1.1"], "date": ["2024-01-02", "2024-01-03", "2024-01-04"]})
    assert alone["USD"].candidates[0].detected_unit == "USD"


def test_a_country_s_code_first_is_no_unit() -> None:
    # Open Power System Data's columns open with a country: GB is Great Britain there.
    names = ("GB_GBN_price_day_ahead", "GB_GBN_load_actual_entsoe_transparency", "DE_wind_capacity_MW", "storage_GB")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == [None, None, "MW", "GB"]


def test_entso_e_s_bracketed_units() -> None:
    # A unit in brackets before the bidding zone; a price per MWh is no amount of euros, but
    # euros per MWh.
    names = ("Actual Total Load [MW] - BZN|DE-LU", "Day-ahead Price [EUR/MWh]", "Solar  - Actual Aggregated [MW]")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == ["MW", "EUR/MWh", "MW"]


def test_a_unit_in_brackets_before_a_qualifier_is_the_column_s() -> None:
    # EIA-930's balance file: "Demand (MW)" beside "Demand (MW) (Adjusted)" and "Net Generation
    # (MW) from Natural Gas", all MW; only the first had a unit.
    names = (
        "Demand (MW) (Adjusted)", "Demand (MW) (Imputed)", "Net Generation (MW) from Natural Gas",
        "Net Generation (MW) from All Petroleum Products", "Load [MW] - Forecast",
    )
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == ["MW"] * len(names)
    # Not a letter in brackets inside other words; a price per a unit as a price, not euros.
    assert unit_from_name("Part (A) Score") is None
    assert getattr(unit_from_name("Day-ahead Price [EUR/MWh] (Adjusted)"), "unit", None) == "EUR/MWh"


def test_astronomy_s_bracketed_units_and_logarithms() -> None:
    # The NASA Exoplanet Archive's "# COLUMN" descriptions: most units were lost, and a star's
    # surface gravity, a logarithm, was said to be in cm/s**2.
    labels = ("Distance [pc]", "Planet Radius [Earth Radius]", "Planet Mass [Jupiter Mass]", "Stellar Radius [Solar Radius]",
              "Stellar Metallicity [dex]", "Orbit Semi-Major Axis [au]", "Stellar Surface Gravity [log10(cm/s**2)]")
    assert [getattr(unit_from_label(label), "unit", None) for label in labels] == [
        "pc", "R_earth", "M_jup", "R_sun", "dex", "au", "log10(cm/s**2)",
    ]
    assert unit_from_label("pc") is None  # a units row's pieces, not parsecs
    assert getattr(unit_from_name("sy_dist [pc]"), "unit", None) == "pc"


def test_a_percentage_naming_a_quantile_is_no_unit() -> None:
    # HadCRUT: the anomalies' bounds are in degrees, the percentage names the level.
    names = ("Lower confidence limit (2.5%)", "Upper confidence limit (97.5%)", "growth %", "rate (%)")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == [None, None, "%", "%"]


def test_a_code_s_name_has_no_unit() -> None:
    # NYPD's ADDR_PCT_CD is the precinct's code, not a percentage; a unit still ends a name.
    names = ("ADDR_PCT_CD", "zone_id", "weight_kg", "pct")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == [None, None, "kg", "%"]


def test_a_currency_code_in_the_name_of_a_one_or_two_flag_is_no_unit(infer: Infer) -> None:
    # DE-SynPUF's SP_CHF (chronic heart failure, 1 yes, 2 no) got the unit CHF, Swiss francs;
    # an Elixhauser table's chf 0/1 likewise. Whole francs are amounts all the same.
    flags = ["1", "2", "2", "1", "2", "1"]
    results = infer({"SP_CHF": flags, "chf": ["0", "1", "1", "0", "0", "1"], "price_chf": ["12", "30", "7", "120", "45", "9"]})
    for column in ("SP_CHF", "chf"):
        assert results[column].decided_type == "INTEGER", column
        assert results[column].candidates[0].detected_unit is None, column
        assert "currency code CHF" in results[column].reason
    assert results["price_chf"].candidates[0].detected_unit == "CHF"


def test_a_window_written_in_words_is_no_unit_of_the_values() -> None:
    # Redfin's market tracker: off_market_in_two_weeks is the share of homes gone within two
    # weeks (0.41), not weeks; months_of_supply beside it is months.
    names = ("off_market_in_two_weeks", "pct_sold_within_thirty_days", "months_of_supply", "weeks_on_market")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == [None, "%", "month", "week"]


def test_credit_hours_are_academic_credits_not_hours() -> None:
    # A registrar's extract (Banner, PeopleSoft): Credit Hours 3.0, 4.0 are credits; hours
    # worked stay hours.
    names = ("Credit Hours", "CREDIT_HRS", "semester_hours", "hours_worked", "flight_hrs")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == [None, None, None, "h", "h"]


def test_kg_beside_grade_levels_is_kindergarten_not_kilograms(infer: Infer) -> None:
    # NCES's Common Core of Data: pupils by grade in PK, KG, G01; "KG" read as kilograms. A
    # freight file's KG beside PCS and CBM stays a weight.
    grades = infer({"PK": ["34", "43", "12"], "KG": ["21", "47", "88"], "G01": ["68", "74", "101"]})
    assert [grades[c].candidates[0].detected_unit for c in ("PK", "KG", "G01")] == [None, None, None]
    assert "kindergarten" in grades["KG"].reason
    assert "Unit: kg" not in grades["KG"].reason
    freight = infer({"PCS": ["3", "12", "1"], "KG": ["250.5", "1200", "80"], "CBM": ["1.2", "4.5", "0.3"]})
    assert freight["KG"].candidates[0].detected_unit == "kg"
    assert [getattr(unit_from_name(n), "unit", None) for n in ("Grade KG", "GRADE_KG_ENROLLMENT", "weight_kg")] == [None, None, "kg"]


def test_bit_rates_humidity_and_water_column_pressure_from_values(infer: Infer) -> None:
    # A radio network's cell KPIs ("13.7 Mbps": megabits per second, not megabaud) and a
    # building automation trend log (Niagara, Metasys): relative humidity "45.0 %RH", a valve
    # "12.5 %open", duct static pressure "1.20 in WC" (inches of water).
    results = infer({
        "DL User Throughput": ["13.7 Mbps", "2.4 Mbps", "45.0 Mbps", "8.8 Mbps"],
        "RA-H": ["45.0 %RH", "44.1 %RH", "44.8 %RH", "46.2 %RH"],
        "Valve": ["12.5 %open", "15.0 %open", "0.0 %open", "100.0 %open"],
        "DA-SP": ["1.20 in WC", "1.18 in WC", "1.22 in WC", "0.95 in WC"],
    })
    found = {name: (r.decided_type, r.candidates[0].detected_unit) for name, r in results.items()}
    assert found == {
        "DL User Throughput": ("DOUBLE", "Mbit/s"), "RA-H": ("DOUBLE", "%"), "Valve": ("DOUBLE", "%"),
        "DA-SP": ("DOUBLE", "inH2O"),
    }
    assert results["DA-SP"].bounds == (0.95, 1.22)


def test_fluid_ounces_per_acre_from_values(infer: Infer) -> None:
    # A farm management export's chemical application rates: "22 fl oz/ac" as every
    # pesticide label writes them, beside ounces per acre and fluid ounces alone. An acre
    # after the slash is no attospeed of light (Pint's "ac").
    results = infer({
        "a": ["22 fl oz/ac", "32 fl oz/ac", "44 fl oz/ac", "32 fl oz/ac"],
        "b": ["22 oz/ac", "32 oz/ac", "44 oz/ac", "32 oz/ac"],
        "c": ["22 fl oz", "32 fl oz", "44 fl oz", "32 fl oz"],
    })
    found = {name: (r.decided_type, r.candidates[0].detected_unit) for name, r in results.items()}
    assert found == {"a": ("DOUBLE", "floz/acre"), "b": ("DOUBLE", "oz/acre"), "c": ("DOUBLE", "floz")}


def test_metric_tons_and_tonnes_as_a_whole_name_are_tonnes() -> None:
    # NOAA Fisheries' landings: "Metric Tons" beside "Pounds"; FAO's and ICES's "Tonnes" and
    # weight_t. A ton alone may be a short ton, and a "t" a time step's.
    names = ("Metric Tons", "Tonnes", "weight_t", "Landings (tonnes)", "Pounds", "tons", "x_t", "load_t")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == ["t", "t", "t", "t", "lb", None, None, None]



def test_a_scale_in_a_budget_header_is_part_of_the_unit(infer: Infer) -> None:
    # A budget book (the US federal budget's "Dollars in Millions", a CAFR's "($000)"): 800
    # under such a header is $800M, never $800.
    results = infer({
        "Budget ($000)": ["1500", "2300", "9000", "400"],
        "Actual ($ in thousands)": ["1450.2", "2250.9", "9100.0", "390.5"],
        "Total ($M)": ["1.5", "2.3", "9.0", "0.4"],
        "FY2024 Enacted (Dollars in Millions)": ["300.5", "410.2", "800.0", "20.1"],
        "Amount (USD millions)": ["0.75", "1.2", "3.4", "2.0"],
        "Value (EUR thousands)": ["900.5", "1200.0", "77.7", "10.0"],
        "Spent ($000)": ["$1,500", "$2,300", "$9,000", "$400"],
    })
    units = {name: r.candidates[0].detected_unit for name, r in results.items()}
    assert units == {
        "Budget ($000)": "USD thousands", "Actual ($ in thousands)": "USD thousands", "Total ($M)": "USD millions",
        "FY2024 Enacted (Dollars in Millions)": "USD millions", "Amount (USD millions)": "USD millions",
        "Value (EUR thousands)": "EUR thousands", "Spent ($000)": "USD thousands",
    }
    assert "Unit: USD millions." in results["Total ($M)"].reason
    assert results["Spent ($000)"].candidates[0].unit_confidence == AGREEING_UNIT_CONFIDENCE


def test_a_scale_without_a_unit_is_said_in_the_reason(infer: Infer) -> None:
    # A budget table's "Revenue (in millions)", the UN's "Population (thousands)": no unit
    # to record, but the reader must know 12.1 is 12.1 million.
    results = infer({"Revenue (in millions)": ["12.1", "9.9", "55.0", "1.2"], "Population (thousands)": ["1200", "35", "880", "4"]})
    for column, scale in (("Revenue (in millions)", "millions"), ("Population (thousands)", "thousands")):
        assert results[column].candidates[0].detected_unit is None, column
        assert f"values are in {scale}" in results[column].reason, column
    # Our World in Data's rates per million are no amounts in millions.
    assert [name_scale(n) for n in ("total_cases_per_million", "Deaths (per million)", "gdp_usd_billions")] == [None, None, "billions"]


def test_amounts_beside_a_column_of_currencies_are_said_to_be_in_each_row_s_currency(infer: Infer) -> None:
    # Chargebee's invoices and subscriptions: Amount, Tax, Plan Unit Price and MRR beside a
    # Currency (Code) of USD, GBP and EUR; summed alone, they added pounds to dollars.
    results = infer({
        "Invoice Number": ["INV-1", "INV-2", "INV-3", "INV-4"],
        "Amount Paid": ["199.00", "49.00", "99.00", "149.00"],
        "Tax": ["0.00", "9.80", "18.81", "0.00"],
        "Net Term Days": ["0", "30", "30", "0"],
        "Currency": ["USD", "GBP", "eur", "USD"],
    })
    for column in ("Amount Paid", "Tax"):
        assert "in the currency of each row's `Currency` (EUR, GBP, USD)" in results[column].reason, column
        assert results[column].candidates[0].detected_unit is None
    assert "each row's" not in results["Net Term Days"].reason
    # One currency throughout, or a column of other codes, says nothing of the amounts.
    for codes in (["USD"] * 4, ["A", "B", "C", "D"]):
        alone = infer({"MRR": ["19900", "4900", "9900", "14900"], "Currency Code": codes})
        assert "each row's" not in alone["MRR"].reason


def test_a_temperature_s_unit_after_a_model_s_short_name_or_as_a_last_k() -> None:
    # CMIP6 summaries' tas_1995_2014_degC, ERA5's t2m written out in Celsius, the old degK;
    # kelvins, ERA5's and CMIP's native unit, after a temperature's name (temp_K, sfc_temp_K).
    names = ("t2m_degC", "tas_1995_2014_degC", "sst_degK", "temp_K", "temperature_K", "sfc_temp_K", "t2m_K")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == ["degC", "degC", "K", "K", "K", "K", "K"]
    # A last K elsewhere is as often thousands.
    assert [unit_from_name(n) for n in ("salary_k", "price_K", "ECS_K")] == [None, None, None]


def test_mi_is_miles_only_beside_a_distance_s_word() -> None:
    # Freddie Mac's and Fannie Mae's loan files: MI is mortgage insurance (MI_TYPE,
    # MI_RECOVERIES, mi_cancellation_indicator); MI_PCT is its percentage.
    for name in ("MI_TYPE", "mi_type", "MI_RECOVERIES", "mi_cancellation_indicator", "MI"):
        assert unit_from_name(name) is None, name
    names = ("MI_PCT", "distance_mi", "Trip Distance mi", "trip_miles", "odometer_mi")
    assert [getattr(unit_from_name(n), "unit", None) for n in names] == ["%", "mi", "mi", "mi", "mi"]


def test_grocery_units_in_capitals_or_words(infer: Infer) -> None:
    # A scale's POS export "1.84 LB", shipping weights "2 LBS", an item master's "12 OZ",
    # "16.9 FL OZ" and "1 GAL" (Dunnhumby's CURR_SIZE_OF_PRODUCT), Amazon's "2.5 Pounds".
    results = infer({
        "Weight": ["1.84 LB", "0.62 LB", "2.17 LB", "3.05 LB"],
        "Ship Weight": ["2 LBS", "5 LBS", "1 LBS", "12 LBS"],
        "Size": ["12 OZ", "16 OZ", "8 OZ", "32 OZ"],
        "Bottle": ["16.9 FL OZ", "12 FL OZ", "33.8 FL OZ", "8 FL OZ"],
        "Jug": ["1 GAL", "0.5 GAL", "1 GAL", "2.5 GAL"],
        "Item Weight": ["2.5 Pounds", "1.1 Pounds", "0.8 Pounds", "4 Pounds"],
    })
    found = {name: (r.decided_type, r.candidates[0].detected_unit) for name, r in results.items()}
    assert found == {
        "Weight": ("DOUBLE", "lb"), "Ship Weight": ("DOUBLE", "lb"), "Size": ("DOUBLE", "oz"),
        "Bottle": ("DOUBLE", "floz"), "Jug": ("DOUBLE", "gal"), "Item Weight": ("DOUBLE", "lb"),
    }


def test_a_unit_on_few_values_is_not_the_column_s(infer: Infer) -> None:
    # A POS line export's Qty: items counted ("1", "2") beside produce weighed ("2.31 lb").
    counts = ["1", "2", "1", "3", "1", "2", "1", "1"] * 3
    result = infer({"Qty": [*counts, "2.31 lb", "0.84 lb"]})["Qty"]
    assert result.decided_type == "DOUBLE"
    assert result.candidates[0].detected_unit is None
    assert "Only 2 of 26 values (7.7%) are written with a unit (lb)" in (result.reason or "")
    # The name states it for the bare ones: the column's unit.
    named = infer({"weight_lb": [*counts, "2.31 lb", "0.84 lb"]})["weight_lb"]
    assert named.candidates[0].detected_unit == "lb"


def test_zero_padded_whole_numbers_under_a_percentage_s_name_are_percentages(infer: Infer) -> None:
    # Freddie Mac's origination file: MI_PCT, the mortgage insurance percentage, always three
    # digits ("000", "025", "030").
    result = infer({"MI_PCT": ["000", "025", "030", "012", "000", "000", "035", "000"]})["MI_PCT"]
    assert (result.decided_type, result.candidates[0].detected_unit) == ("INTEGER", "%")
    assert result.bounds == (0, 35)


def test_an_amount_goes_with_the_currency_column_named_like_it(infer: Infer) -> None:
    # Google Play's earnings: `Amount (Buyer Currency)` in each `Buyer Currency`, `Amount
    # (Merchant Currency)` always in USD; App Store's sales report: `Developer Proceeds` in its
    # `Currency of Proceeds`, `Customer Price` in its `Customer Currency`.
    results = infer({
        "Buyer Currency": ["GBP", "JPY", "INR", "USD"],
        "Amount (Buyer Currency)": ["0.80", "160", "85", "0.99"],
        "Merchant Currency": ["USD", "USD", "USD", "USD"],
        "Amount (Merchant Currency)": ["0.99", "0.99", "0.99", "0.99"],
        "Customer Currency": ["MXN", "JPY", "EUR", "USD"],
        "Customer Price": ["18.00", "160", "0.99", "0.99"],
        "Currency of Proceeds": ["MXN", "JPY", "EUR", "EUR"],
        "Developer Proceeds": ["12.60", "112", "0.70", "0.70"],
    })
    for amount, currency in (
        ("Amount (Buyer Currency)", "Buyer Currency"),
        ("Customer Price", "Customer Currency"),
        ("Developer Proceeds", "Currency of Proceeds"),
    ):
        assert f"in the currency of each row's `{currency}`" in results[amount].reason, amount
        assert results[amount].unit_column == currency
    assert "each row's" not in results["Amount (Merchant Currency)"].reason


def test_quantities_beside_a_column_of_units_of_measure_are_said_to_be_in_each_row_s_unit(infer: Infer) -> None:
    # SAP's confirmations (AFRU): an activity in the hours or minutes of its `Activity Unit`, a
    # yield in the pieces, kilograms or metres of its `Unit of Measure`; summed alone they
    # added minutes to hours. A business `Unit` of regions is no unit of measure.
    results = infer({
        "Order No": ["000100012345", "000100012345", "000100012346", "000100012347"],
        "Activity": ["3.5", "45", "7.25", "90"],
        "Activity Unit": ["H", "MIN", "H", "MIN"],
        "Yield": ["250", "248", "1200.5", "350"],
        "Unit of Measure": ["PC", "PC", "KG", "M"],
        "Headcount": ["3", "4", "5", "6"],
        "Unit": ["North", "South", "North", "East"],
    })
    assert "in the unit of each row's `Activity Unit` (H, MIN): do not sum across units" in results["Activity"].reason
    assert "in the unit of each row's `Unit of Measure` (KG, M, PC)" in results["Yield"].reason
    assert results["Yield"].unit_column == "Unit of Measure"
    assert "each row's" not in results["Headcount"].reason
    # SAP's own names: ISM01 in ILE01, a quantity by name in the table's one UoM column.
    sap = infer({"ISM01": ["1.5", "30"], "ILE01": ["H", "MIN"], "Planned Qty": ["10", "2.5"], "Note": ["a", "b"], "UoM": ["PC", "KG"]})
    assert "each row's `ILE01`" in sap["ISM01"].reason
    assert "each row's `UoM`" in sap["Planned Qty"].reason
    # One unit throughout says nothing.
    alone = infer({"Qty": ["1", "2", "3"], "UoM": ["EA", "EA", "ea"]})
    assert "each row's" not in alone["Qty"].reason


def test_an_area_beside_its_units_column_of_acres_and_square_feet_is_in_each_row_s_unit(infer: Infer) -> None:
    # RESO's MLS listings: LotSizeArea in the Acres or Square Feet of each row's LotSizeUnits
    # (also written AC and SF); summed alone, 0.25 acres were added to 6,534 square feet.
    results = infer({
        "ListingId": ["ML81923456", "ML81923457", "ML81923458", "ML81923459"],
        "LotSizeArea": ["0.25", "6,534", "1.5", "5,000"],
        "LotSizeUnits": ["Acres", "Square Feet", "Acres", "Square Feet"],
        "LivingArea": ["1850", "2100", "990", "1500"],
        "LivingAreaUnits": ["SF", "SF", "SQM", "SF"],
    })
    assert "each row's `LotSizeUnits` (Acres, Square Feet): do not sum across units" in results["LotSizeArea"].reason
    assert results["LivingArea"].unit_column == "LivingAreaUnits"
    # A table's one generic `Units` column serves a measure named by its own word.
    generic = infer({"Parcel": ["A1", "A2", "A3"], "Area": ["2.5", "1200", "0.8"], "Units": ["ha", "m2", "ha"]})
    assert generic["Area"].unit_column == "Units"


def test_a_cloud_bill_s_usage_is_in_the_unit_each_row_s_pricing_unit_names(infer: Infer) -> None:
    # AWS's Cost and Usage Report: lineItem/UsageAmount in the hours, GB-months, GB or requests
    # of each row's pricing/unit, several columns away; summed alone, hours were added to bytes.
    # Its costs are money, not usage.
    cur = infer({
        "lineItem/UsageType": ["USE1-BoxUsage:t3.micro", "USE1-TimedStorage-ByteHrs", "USE1-DataTransfer-Out-Bytes", "USE1-Requests-Tier1"],
        "lineItem/UsageAmount": ["24", "1.7076116245", "38.0481222456", "12000"],
        "lineItem/UnblendedCost": ["0.2496", "0.0392750674", "3.4243310021", "0.06"],
        "pricing/publicOnDemandCost": ["0.2496", "0.0392750674", "3.4243310021", "0.06"],
        "pricing/unit": ["Hrs", "GB-Mo", "GB", "Requests"],
    })
    assert "each row's `pricing/unit` (GB, GB-Mo, Hrs, Requests): do not sum across units" in cur["lineItem/UsageAmount"].reason
    assert cur["lineItem/UnblendedCost"].unit_column is None
    # GCP's billing export: usage.amount in its usage.unit, the amount in pricing units in its
    # usage.pricing_unit; Azure's cost export: Quantity in its UnitOfMeasure.
    gcp = infer({
        "usage.amount": ["3600", "1.2e12", "5000", "2.5"],
        "usage.unit": ["seconds", "byte-seconds", "bytes", "requests"],
        "usage.amount_in_pricing_units": ["1", "0.4", "0.0000045", "0.00025"],
        "usage.pricing_unit": ["hour", "gibibyte month", "tebibyte", "count"],
    })
    assert gcp["usage.amount"].unit_column == "usage.unit"
    assert gcp["usage.amount_in_pricing_units"].unit_column == "usage.pricing_unit"
    azure = infer({
        "MeterCategory": ["Virtual Machines", "Storage", "Bandwidth", "Storage", "Functions"],
        "Quantity": ["24", "10.5", "3.2", "100", "7"],
        "UnitOfMeasure": ["1 Hour", "1 GB/Month", "1 GB", "10K", "1 Hour"],
    })
    assert azure["Quantity"].unit_column == "UnitOfMeasure"
    plain = infer({"usage_type": ["X0", "X1", "X2", "X3"], "usage_amount": ["4.5", "41.7", "12.5", "30.3"], "unit": ["H", "PC", "PC", "KG"]})
    assert plain["usage_amount"].unit_column == "unit"
    # A `Unit` of places is none of units, whatever state code closes them.
    places = infer({"Qty": ["1", "2", "3"], "Unit": ["Kansas City MO", "St Louis MO", "Springfield MO"]})
    assert places["Qty"].unit_column is None


def test_a_measure_takes_the_one_unit_its_own_unit_column_writes_or_is_said_to_mix_them(infer: Infer) -> None:
    # CDC's Chronic Disease Indicators: DataValue in the %, cases per 100,000, gallons or Number
    # of each row's DataValueUnit; BRFSS's Data_value in the % its Data_value_unit writes on
    # every row. A confidence limit beside that unit column is not named after it.
    cdi = infer({
        "Question": ["Binge drinking", "Invasive cancer incidence", "Alcohol consumption", "Binge drinking", "Amputations"],
        "DataValueUnit": ["%", "cases per 100,000", "gallons", "%", "Number"],
        "DataValue": ["12.5", "462.3", "2.13", "17.9", "1540"],
    })
    assert (
        "each row's `DataValueUnit` (%, Number, cases per 100,000, gallons): do not sum across units"
        in cdi["DataValue"].reason
    )
    brfss = infer({
        "Locationabbr": ["AL", "AL", "AK", "AK"],
        "Data_value": ["14.6", "15.1", "8.2", None],
        "Confidence_limit_High": ["16.0", "17.0", "9.4", None],
        "Data_value_unit": ["%", "%", "%", "%"],
    })
    assert brfss["Data_value"].unit == "%"
    assert "Unit from `Data_value_unit`, the same on every row: %." in brfss["Data_value"].reason
    assert brfss["Confidence_limit_High"].unit is None


def test_results_beside_a_result_indicator_are_said_to_mix_the_metrics_it_names(infer: Infer) -> None:
    # Meta Ads Manager's export: `Results` counts purchases on one row and people reached on
    # the next, as each row's `Result indicator` says, and `Cost per result` likewise; a sum
    # over the column added reach to purchases. `Reach` itself is one metric.
    results = infer({
        "Ad set name": ["LAL 1% Purchasers", "US Broad", "Interest - Running", "Lookalike 3%"],
        "Amount spent (USD)": ["2450.12", "1500.00", "420.75", "980.10"],
        "Reach": ["180221", "655102", "98777", "120021"],
        "Results": ["61", "655102", "3120", "152"],
        "Result indicator": [
            "actions:offsite_conversion.fb_pixel_purchase", "reach", "actions:link_click",
            "actions:onsite_conversion.lead_grouped",
        ],
        "Cost per result": ["40.165902", "2.289719", "0.134856", "6.448026"],
    })
    for column in ("Results", "Cost per result"):
        assert "Values of the metric each row's `Result indicator` names (actions:link_click," in results[column].reason
        assert "do not sum or average across them" in results[column].reason
        assert results[column].unit_column == "Result indicator"
    assert "each row's" not in results["Reach"].reason
    # A long table's `Value` beside its `Indicator`; a yes/no indicator names no metric.
    long = infer({"Country": ["FR", "FR", "DE"], "Indicator": ["GDP", "Population", "GDP"], "Value": ["2.9", "68.1", "4.1"]})
    assert long["Value"].unit_column == "Indicator"
    flag = infer({"Defaults": ["1", "0", "2"], "Default Indicator": ["Y", "N", "Y"]})
    assert flag["Defaults"].unit_column is None


def test_a_long_table_s_value_is_in_the_unit_and_of_the_metric_each_row_names(infer: Infer) -> None:
    # FAOSTAT's normalized bulk files: `Value` in the ha, t, 100 g/ha or 1000 An of each row's
    # `Unit`, of the area, yield or stocks its `Element` names; summed alone, hectares were added
    # to head of cattle.
    fao = infer({
        "Area": ["Afghanistan", "Afghanistan", "Afghanistan", "Albania", "Algeria"],
        "Element": ["Area harvested", "Yield", "Production", "Stocks", "Stocks"],
        "Year": ["2021", "2021", "2021", "2021", "2021"],
        "Unit": ["ha", "100 g/ha", "t", "An", "1000 An"],
        "Value": ["1795000", "18717", "3359741", "370000", "135000"],
    })
    assert "each row's `Unit` (100 g/ha, 1000 An, An, ha, t): do not sum across units" in fao["Value"].reason
    assert "Values of the metric each row's `Element` names (Area harvested," in fao["Value"].reason
    assert fao["Value"].unit_column == "Unit"
    # NASS Quick Stats: `VALUE` in its `UNIT_DESC` (BU / ACRE, $), of its `STATISTICCAT_DESC`.
    nass = infer({
        "STATE_NAME": ["IOWA", "IOWA", "IOWA", "IOWA"],
        "STATISTICCAT_DESC": ["AREA HARVESTED", "PRODUCTION", "YIELD", "SALES"],
        "UNIT_DESC": ["ACRES", "BU", "BU / ACRE", "$"],
        "VALUE": ["12,400,000", "2,530,000,000", "201.0", "15,207,553,000"],
    })
    assert "each row's `UNIT_DESC` ($, ACRES, BU, BU / ACRE)" in nass["VALUE"].reason
    assert "each row's `STATISTICCAT_DESC` names" in nass["VALUE"].reason
    # EIA's API v2 series: `value` in each row's `units` of $/BBL or $/MMBTU; the SEC's num.txt:
    # `value` in each row's `uom` of currencies, shares and XBRL's `pure`, of each row's `tag`.
    eia = infer({"series": ["RWTC", "RNGWHHD", "RWTC"], "value": ["78.12", "3.27", "76.83"], "units": ["$/BBL", "$/MMBTU", "$/BBL"]})
    assert "each row's `units` ($/BBL, $/MMBTU)" in eia["value"].reason
    sec = infer({
        "tag": ["Revenues", "EarningsPerShareDiluted", "WeightedAverageNumberOfDilutedSharesOutstanding", "EffectiveIncomeTaxRate", "Revenues"],
        "uom": ["USD", "USD/shares", "shares", "pure", "CHF"],
        "value": ["383285000000.0000", "6.13", "15812547000.0000", "0.147", "45440000000.0000"],
    })
    assert "each row's `uom` (CHF, USD, USD/shares, pure, shares)" in sec["value"].reason
    assert "Values of the metric each row's `tag` names" in sec["value"].reason
    # A `Unit` of places stays none of units beside a long table's value.
    places = infer({"Unit": ["Kansas City MO", "St Louis MO", "Springfield MO"], "Value": ["1", "2", "3"]})
    assert places["Value"].unit_column is None


def test_label_codes_and_an_unknown_minority_pass_in_a_column_clearly_of_units(infer: Infer) -> None:
    # FoodData Central's branded_food.csv: `serving_size` in the g and ml of each row's
    # `serving_size_unit`, with GS1's UN/ECE Rec 20 codes GRM and MLT from label data, and a
    # code of a few labels that no list holds (GM).
    results = infer({
        "fdc_id": ["1900022", "1900093", "1900160", "1900709", "1900778", "1900801"],
        "serving_size": ["28", "240", "31", "30", "15", "40"],
        "serving_size_unit": ["g", "ml", "g", "GRM", "MLT", "GM"],
    })
    assert "each row's `serving_size_unit` (GM, GRM, MLT, g, ml): do not sum across units" in results["serving_size"].reason
    # A bare `Unit` may be an apartment's or a business's: as many unknown values leave it none.
    bare = infer({"Qty": ["28", "240", "31", "30"], "Unit": ["g", "ml", "GM", "XB"]})
    assert bare["Qty"].unit_column is None


def test_measures_take_the_one_unit_the_table_s_units_column_writes_on_every_row(infer: Infer) -> None:
    # Tate's artwork_data.csv: width, height and depth in the mm its `units` column writes on
    # every row (blank where no size was measured).
    results = infer({
        "id": ["1035", "1036", "1038", "1039", "1042"],
        "year": ["1785", "1785", "1840", "1946", "1979"],
        "width": ["394", "311", "597", "430", None],
        "height": ["419", "213", "1004", "460", None],
        "depth": [None, None, "48", "385", None],
        "units": ["mm", "mm", "mm", "mm", None],
    })
    for column in ("width", "height", "depth"):
        assert results[column].unit == "mm", column
        assert "Unit from `units`, the same on every row: mm." in results[column].reason
    assert results["year"].unit is None
    # A count's code on every row states no unit to convert.
    counted = infer({"Qty": ["1", "2", "3"], "UoM": ["EA", "EA", "EA"]})
    assert counted["Qty"].unit is None


def test_a_metal_s_grade_in_percent_under_one_keeps_its_percent_unit(infer: Infer) -> None:
    # A porphyry copper's drill assays and resource statement: Cu 0.2 to 1%, Mo 0.005 to
    # 0.05%, the whole deposit under 1%; FracFocus's PercentHFJob without the water's rows.
    results = infer({
        "Cu_pct": ["0.412", "0.388", "0.298", "0.612"], "Mo_pct": ["0.012", "0.009", "0.004", "0.031"],
        "Cu (%)": ["0.38", "0.45", "0.41", "0.48"], "SiO2 (%)": ["0.52", "0.61", "0.47", "0.55"],
        "CU_PCT": ["0.41", "0.39", "0.30", "0.61"], "PercentHFJob": ["0.0123", "0.00045", "0.085", "0.2"],
    })
    for column, result in results.items():
        assert result.candidates[0].detected_unit == "%", column
        assert "shares of one" not in result.reason, column


def test_grades_with_their_metal_and_well_figures_with_their_units_from_values(infer: Infer) -> None:
    # A gold-copper mine's monthly report ("2.35 g/t Au", "0.85% Cu") and a well header from
    # scout tickets: depths in feet by a prime ("12,345'"), rates in bopd and MMcf/d, and the
    # oil's API gravity with a bare degree sign ("42.5°").
    results = infer({
        "Head Grade Au": ["2.35 g/t Au", "2.41 g/t Au", "2.19 g/t Au", "2.52 g/t AuEq"],
        "Head Grade Cu": ["0.85% Cu", "0.81% Cu", "0.88%Cu", "0.79% Cu"],
        "U3O8 grade": ["0.12% U3O8", "0.31% U3O8", "0.08% U3O8", "0.22% U3O8"],
        "Total Depth": ["12,345'", "11,870'", "9,980'", "13,002'"],
        "Oil Rate": ["450 bopd", "612 bopd", "380 BOPD", "290 bopd"],
        "Gas Rate": ["1.2 MMcf/d", "2.1 MMcf/d", "0.9 MMcf/d", "0.7 MMcf/d"],
        "API Gravity": ["42.5°", "41.8°", "44.1°", "39.9°"],
        "Wind Direction": ["270°", "45.5°", "180°", "90°"],
        "High Temp": ["72°", "68°", "75°", "81°"],
    })
    found = {name: (r.decided_type, r.candidates[0].detected_unit) for name, r in results.items()}
    assert found == {
        "Head Grade Au": ("DOUBLE", "g/t"), "Head Grade Cu": ("DOUBLE", "%"), "U3O8 grade": ("DOUBLE", "%"),
        "Total Depth": ("DOUBLE", "ft"), "Oil Rate": ("DOUBLE", "oil_bbl/day"), "Gas Rate": ("DOUBLE", "MMcf/day"),
        "API Gravity": ("DOUBLE", "degAPI"), "Wind Direction": ("DOUBLE", "deg"), "High Temp": ("DOUBLE", None),
    }
    assert results["Total Depth"].bounds == (9980, 13002)
    assert results["Head Grade Au"].bounds == (2.19, 2.52)


def test_crypto_amounts_with_their_ticker_from_values(infer: Infer) -> None:
    # A wallet's ledger ("0.5 ETH", "0.0004 BTC") and Binance's trade history export, the
    # ticker glued to the amount ("0.00045BNB", "912.12USDT"); gas prices in gwei.
    results = infer({
        "amount_eth": ["0.5 ETH", "1.25 ETH", "0.001 ETH", "3 ETH"],
        "Fee": ["0.00045BNB", "0.0001BNB", "0.00002BNB", "0.0003BNB"],
        "Amount": ["912.12USDT", "15.5USDT", "1200USDT", "0.99USDT"],
        "Gas Price": ["25 Gwei", "31.5 Gwei", "18 Gwei", "22 Gwei"],
    })
    found = {name: (r.decided_type, r.candidates[0].detected_unit) for name, r in results.items()}
    assert found == {
        "amount_eth": ("DOUBLE", "ETH"), "Fee": ("DOUBLE", "BNB"), "Amount": ("DOUBLE", "USDT"), "Gas Price": ("DOUBLE", "gwei"),
    }
    assert results["Fee"].bounds == (0.00002, 0.00045)


def test_oilfield_and_mining_units_in_brackets_keep_their_barrel_and_scale() -> None:
    # RRC's and NDIC's production ("Oil (BBL)", "Gas (MCF)"), scout tickets' rates and a mine's
    # resource statement ("Tonnes (Mt)" was plain tonnes, a millionth of the tonnage).
    names = {
        "Oil (BBL)": "oil_bbl", "Gas (MCF)": "Mcf", "Gas (MMCF)": "MMcf", "Oil (MBBL)": "oil_bbl thousands",
        "Oil Rate (BOPD)": "oil_bbl/day", "Gas Rate (Mcf/d)": "Mcf/day", "Production (boe)": "boe",
        "Ore Mined (t)": "t", "Tonnes (Mt)": "t millions", "Contained Cu (kt)": "t thousands",
        "Au (g/t)": "g/t", "Contained Au (Moz)": "Moz", "Exports (MT)": "t",
    }
    assert {name: getattr(unit_from_name(name), "unit", None) for name in names} == names
    # New York's borough-block-lot BBL; a wind's knots; a time step's t.
    assert [getattr(unit_from_name(n), "unit", None) for n in ("BBL", "Wind Speed (kt)", "Time (t)")] == [None, "kn", None]


def test_prices_per_a_unit_in_a_name_are_money_per_that_unit(infer: Infer) -> None:
    # A gold miner's "AISC (US$/oz)" and EIA's series "... Spot Price FOB  Dollars per Barrel"
    # were plain USD, which invites summing prices as money; EIA's label "(Thousand Barrels
    # per Day)" gave no unit.
    names = {
        "AISC (US$/oz)": "USD/oz", "Cushing OK WTI Spot Price FOB  Dollars per Barrel": "USD/oil_bbl",
        "Henry Hub Natural Gas Spot Price Dollars per Million Btu": "USD/MMBtu", "Price ($/bbl)": "USD/oil_bbl",
        "Field Production of Crude Oil (Thousand Barrels per Day)": "oil_bbl/day thousands",
    }
    assert {name: getattr(unit_from_name(name), "unit", None) for name in names} == names
    assert getattr(unit_from_label("U.S. Field Production of Crude Oil (Thousand Barrels per Day)"), "unit", None) == (
        "oil_bbl/day thousands"
    )
    costs = infer({"AISC (US$/oz)": ["$1,094", "$952", "$1,210", "$1,187"], "Cash Cost (US$/oz)": ["812", "701", "905", "880"]})
    assert [costs[c].candidates[0].detected_unit for c in costs] == ["USD/oz", "USD/oz"]
    assert costs["AISC (US$/oz)"].candidates[0].unit_confidence == AGREEING_UNIT_CONFIDENCE


def test_crypto_tickers_in_names_are_units() -> None:
    # Etherscan's export: "TxnFee(ETH)" beside "TxnFee(USD)"; only the USD fee had a unit.
    names = {"TxnFee(ETH)": "ETH", "Value_IN(ETH)": "ETH", "TxnFee(USD)": "USD", "amount_eth": "ETH", "fee_btc": "BTC"}
    assert {name: getattr(unit_from_name(name), "unit", None) for name in names} == names
    # A survey's race and ethnicity code, Etherscan's dollars per ether, a department's DOT.
    for name in ("RACE_ETH", "Historical $Price/Eth", "Cost (DOT)"):
        assert unit_from_name(name) is None, name


def test_seeding_rates_and_acres_of_farm_exports(infer: Infer) -> None:
    # FieldView's and Operations Center's planting exports: "Area (ac)" beside "(acres)", the
    # seeding rate in seeds or thousands of seeds per acre; "34,000 seeds/ac" stayed text.
    names = {"Area (ac)": "acre", "Seeding Rate (seeds/ac)": "seeds/acre", "Seeding Rate (ksds/ac)": "seeds/acre thousands"}
    assert {name: getattr(unit_from_name(name), "unit", None) for name in names} == names
    results = infer({"Population": ["34,000 seeds/ac", "35,000 seeds/ac", "140,000 seeds/ac", "36,000 seeds/ac"]})
    assert (results["Population"].decided_type, results["Population"].candidates[0].detected_unit) == ("DOUBLE", "seeds/acre")
