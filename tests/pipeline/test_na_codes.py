""""NA" as a code: Namibia among two-letter country codes, North America among continents, the
National Association among baseball's leagues. It is a null token everywhere else."""

from __future__ import annotations

from pathlib import Path

from datadossier.sources.csv_loader import reopen_csv
from tests.pipeline.helpers import reasons_of, run_file


def _cities(path: Path) -> None:
    countries = {"US": "NA", "CA": "NA", "DE": "EU", "FR": "EU", "JP": "AS", "BR": "SA", "NA": "AF", "KE": "AF", "AU": "OC"}
    lines = ["city,iso2,continent,state,population"]
    for i in range(900):
        country = list(countries)[i % 9]
        state = ["CA", "NY", "TX", "NA", "WA"][i % 5]  # US states: NA is "not available"
        population = "NA" if i % 50 == 0 else str(1000 + 37 * i)
        lines.append(f"City {i},{country},{countries[country]},{state},{population}")
    path.write_text("\n".join(lines) + "\n")


def test_na_is_a_code_among_country_and_continent_codes_only(tmp_path: Path) -> None:
    path = tmp_path / "cities.csv"
    _cities(path)
    query = (
        "SELECT count(*) FILTER (WHERE iso2 = 'NA'), count(*) FILTER (WHERE continent = 'NA'),"
        " count(*) FILTER (WHERE state IS NULL), count(*) FILTER (WHERE population IS NULL),"
        ' (SELECT count(*) FROM "raw"."s.t" WHERE iso2 = \'NA\') FROM "typed"."s.t"'
    )
    out, rows = run_file(path, tmp_path, query)
    assert rows == [(100, 200, 180, 18, 100)]
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert '"NA" (100 values) is a code' in reasons["iso2"]
    assert '"NA" (200 values) is a code' in reasons["continent"]
    assert '"NA" is a code' not in reasons["state"]
    # Where NA was read as missing, the decision says so; not where it is a code.
    assert "Null tokens read as missing when loaded: 'NA' (180)." in reasons["state"]
    assert "Null tokens read as missing when loaded: 'NA' (18)." in reasons["population"]
    assert "Null tokens" not in reasons["iso2"]
    # A later re-typing reads the copy the same way.
    assert out.read_options is not None
    assert out.read_options["na_codes"] == ["iso2", "continent"]
    assert out.raw_copy is not None
    assert reopen_csv(out.raw_copy, out.read_options).na_codes == ("iso2", "continent")


def test_na_is_a_code_beside_a_stray_long_value(tmp_path: Path) -> None:
    # FDA's FAERS: reporter countries as ISO codes, "COUNTRY NOT SPECIFIED" now and then;
    # Namibia's NA was read as missing.
    codes = ["US", "GB", "NA", "DE", "FR", "JP", "CA", "BR"]
    lines = ["primaryid$reporter_country$occr_country"]
    for i in range(800):
        country = "COUNTRY NOT SPECIFIED" if i % 97 == 0 else codes[i % 8]
        lines.append(f"{100000 + i}${country}${codes[(i + 3) % 8]}")
    path = tmp_path / "DEMO23Q1.txt"
    path.write_text("\n".join(lines) + "\n")
    query = "SELECT count(*) FILTER (WHERE reporter_country = 'NA'), count(*) FILTER (WHERE occr_country = 'NA') FROM \"typed\".\"s.t\""
    _, rows = run_file(path, tmp_path, query)
    assert rows == [(100 - sum(1 for i in range(800) if i % 97 == 0 and i % 8 == 2), 100)]


def test_na_is_a_code_among_regions_in_capitals(tmp_path: Path) -> None:
    # Sales by region: EMEA, APAC, LATAM and NA (North America).
    regions = ["EMEA", "APAC", "NA", "LATAM"]
    lines = ["region,sales"] + [f"{regions[i % 4]},{100 + i}" for i in range(200)]
    path = tmp_path / "sales.csv"
    path.write_text("\n".join(lines) + "\n")
    _, rows = run_file(path, tmp_path, "SELECT count(*) FILTER (WHERE region = 'NA') FROM \"typed\".\"s.t\"")
    assert rows == [(50,)]


def test_na_is_a_code_among_few_codes_and_below_rows_without_codes(tmp_path: Path) -> None:
    # Lahman's leagues (NA, the National Association, beside NL, AA and AL, a state's code);
    # countries FR, US and NA under a name of places; the UN's population file, whose first
    # rows are regions without an ISO code. A column of states keeps NA missing.
    lines = ["yearID,lgID,country,state"] + [
        f"{1871 + i // 10},{['NA', 'NL', 'AA', 'AL'][i % 4]},{['FR', 'US', 'NA'][i % 3]},{['NA', 'CA', 'TX'][i % 3]}" for i in range(120)
    ]
    path = tmp_path / "teams.csv"
    path.write_text("\n".join(lines) + "\n")
    _, rows = run_file(
        path, tmp_path,
        "SELECT count(*) FILTER (WHERE lgID = 'NA'), count(*) FILTER (WHERE country = 'NA'), count(*) FILTER (WHERE state IS NULL)"
        ' FROM "typed"."s.t"',
    )
    assert rows == [(30, 40, 40)]
    # (ai-jobs.net's company_location: US and NA alone, under a name of places)
    lines = ["work_year,company_location"] + [f"2023,{['US', 'NA'][i % 2]}" for i in range(60)]
    path = tmp_path / "salaries.csv"
    path.write_text("\n".join(lines) + "\n")
    _, rows = run_file(path, tmp_path, "SELECT count(*) FILTER (WHERE company_location = 'NA') FROM \"typed\".\"s.t\"")
    assert rows == [(30,)]
    codes = ["AF", "AO", "BE", "NA", "ZA", "ZW"]
    locations = [("", 900 + i) for i in range(20)] + [(c, i + 1) for i, c in enumerate(codes)]
    lines = ["LocID,ISO2_code,Time"] + [f"{loc},{code},{year}" for code, loc in locations for year in range(1950, 2101)]
    path = tmp_path / "wpp.csv"
    path.write_text("\n".join(lines) + "\n")
    _, rows = run_file(path, tmp_path, "SELECT count(*) FILTER (WHERE ISO2_code = 'NA') FROM \"typed\".\"s.t\"")
    assert rows == [(151,)]


def test_a_column_of_codes_without_na_gets_no_note(tmp_path: Path) -> None:
    # Football positions and driver codes: short capitals, read with "NA" as a code, but no
    # value is "NA", so the decision says nothing of Namibia.
    positions = ["ST", "CAM", "LW", "RB", "GK", "CB"]
    lines = ["player,position,team"] + [f"P{i},{positions[i % 6]},{['NA', 'EU', 'OC', 'AF'][i % 4]}" for i in range(120)]
    path = tmp_path / "players.csv"
    path.write_text("\n".join(lines) + "\n")
    out, _ = run_file(path, tmp_path, "SELECT 1")
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "Namibia" not in reasons["position"]
    assert '"NA" (30 values) is a code' in reasons["team"]


def test_null_tokens_read_as_missing_are_named_and_counted_from_the_top_of_a_long_file(tmp_path: Path) -> None:
    # MIMIC's CHARTEVENTS: "None" is a GCS answer, read as missing like the "-" of a tag.
    answers = ["Spontaneously", "To Speech", "To Pain", "None"]
    lines = ["ROW_ID,VALUE,tag"] + [f"{i},{answers[i % 4]},{'-' if i % 10 == 0 else 'x'}" for i in range(30_000)]
    reasons = reasons_of(tmp_path, "chartevents.csv", lines)
    assert "Null tokens read as missing when loaded: 'None' (5,000 in the first 20,000 rows)." in reasons["VALUE"]
    assert "'-' (2,000 in the first 20,000 rows)" in reasons["tag"]
    assert "Null tokens" not in reasons["ROW_ID"]


def test_a_dash_is_the_minus_strand_beside_plus_and_missing_elsewhere(tmp_path: Path) -> None:
    # NCBI's gene2accession and any BED or GFF file: strands "+", "-", and "?" or "." for
    # unknown; "-" is missing in the other columns. Every minus-strand feature lost its strand.
    lines = ["#tax_id\tGeneID\tstatus\torientation"]
    for i in range(300):
        status = "-" if i % 3 == 0 else "REVIEWED"
        lines.append(f"9606\t{i + 1}\t{status}\t{'+-?'[i % 3] if i % 7 else '-'}")
    path = tmp_path / "gene2accession.tsv"
    path.write_text("\n".join(lines) + "\n")
    query = "SELECT count(*) FILTER (WHERE orientation = '-'), count(*) FILTER (WHERE status IS NULL) FROM \"typed\".\"s.t\""
    out, rows = run_file(path, tmp_path, query)
    minus = sum(1 for i in range(300) if (i % 7 == 0) or ("+-?"[i % 3] == "-"))
    assert rows == [(minus, 100)]
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "'-'" not in reasons["orientation"]  # (its '?' is missing: unknown)
    assert "Null tokens read as missing when loaded: '-' (100)." in reasons["status"]
    assert out.read_options is not None
    assert out.raw_copy is not None
    assert reopen_csv(out.raw_copy, out.read_options).sign_codes == ("orientation",)


def test_a_dash_beside_flags_of_capitals_is_a_flag_and_missing_elsewhere(tmp_path: Path) -> None:
    # data.cdc.gov's NNDSS Weekly Data: each count beside its flag column, "-" (no reported
    # cases) beside "N", "U", "NN" and "NP". Read as NULL, "no case" could not be told from a
    # count without a flag. A column of other codes beside "-" under a flag's name is flags too.
    lines = ['Reporting Area,MMWR Week,"Salmonellosis, Current week","Salmonellosis, Current week, flag",status flag,state']
    for i in range(120):
        flag = ["", "-", "", "N", "U", "NN", "NP", "-"][i % 8]
        count = "" if flag else str(i + 3)
        lines.append(f"Area {i},{i % 52 + 1},{count},{flag},{'-' if i % 4 == 0 else 'PF'},{'-' if i % 5 == 0 else 'NY'}")
    path = tmp_path / "nndss.csv"
    path.write_text("\n".join(lines) + "\n")
    query = (
        'SELECT count(*) FILTER (WHERE "Salmonellosis, Current week, flag" = \'-\'),'
        ' count(*) FILTER (WHERE "status flag" = \'-\'), count(*) FILTER (WHERE state IS NULL),'
        ' (SELECT count(*) FROM "raw"."s.t" WHERE "Salmonellosis, Current week, flag" = \'-\') FROM "typed"."s.t"'
    )
    out, rows = run_file(path, tmp_path, query)
    assert rows == [(30, 30, 24, 30)]
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "'-'" not in reasons["Salmonellosis, Current week, flag"]
    assert "Null tokens read as missing when loaded: '-' (24)." in reasons["state"]


def test_na_in_rows_of_missing_values_is_missing_among_team_codes(tmp_path: Path) -> None:
    # nflfastR's plays: posteam, defteam are team codes (GB, KC, LA among ARI, ATL...), and NA
    # where no team has the ball, as yardline_100 and down are NA in the same rows. And an NHL
    # player's birthStateProvince: states and provinces, NA for a player born elsewhere.
    teams = ["ARI", "ATL", "BAL", "BUF", "CAR", "CHI", "CIN", "CLE", "DAL", "DEN", "DET", "GB", "HOU", "IND", "JAX", "KC", "LA", "LAC", "LV", "MIA", "MIN", "NE", "NO", "NYG", "NYJ", "PHI", "PIT", "SEA", "SF", "TB", "TEN", "WAS"]
    lines = ["play_id,posteam,defteam,yardline_100,down,birthStateProvince"]
    for i in range(640):
        if i % 10 == 0:
            lines.append(f"{i},NA,NA,NA,NA,NA")
        else:
            lines.append(f"{i},{teams[i % 32]},{teams[(i + 5) % 32]},{i % 99 + 1},{i % 4 + 1},{['ON', 'MN', 'QC', 'MA'][i % 4]}")
    path = tmp_path / "pbp.csv"
    path.write_text("\n".join(lines) + "\n")
    _, rows = run_file(
        path, tmp_path,
        "SELECT count(*) FILTER (WHERE posteam IS NULL), count(*) FILTER (WHERE defteam IS NULL),"
        ' count(*) FILTER (WHERE birthStateProvince IS NULL) FROM "typed"."s.t"',
    )
    assert rows == [(64, 64, 64)]


def test_na_is_a_country_code_beside_a_rating_that_writes_na_for_missing_as_often_elsewhere(tmp_path: Path) -> None:
    # Google Play Console's ratings_<package>_<yyyymm>_country.csv: Daily Average Rating is NA
    # on days without new ratings, on about half of all rows, Namibia's as much as the others'.
    codes = ["US", "GB", "NA", "DE", "IN", "BR", "FR", "JP"]
    lines = ["Date,Package Name,Country,Daily Average Rating"]
    for i in range(160):
        rating = "NA" if (i * 7) % 5 < 2 or ((i // 8) % 2 == 0 and i % 3 == 0) else f"{3 + (i % 20) / 10:.2f}"
        lines.append(f"2023-04-{i // 8 + 1:02d},com.example.app,{codes[i % 8]},{rating}")
    path = tmp_path / "ratings_country.csv"
    path.write_text("\n".join(lines) + "\n")
    query = (
        "SELECT count(*) FILTER (WHERE Country = 'NA'), count(*) FILTER (WHERE Country IS NULL),"
        ' count(*) FILTER (WHERE "Daily Average Rating" IS NULL) FROM "typed"."s.t"'
    )
    out, rows = run_file(path, tmp_path, query)
    missing = sum(1 for line in lines[1:] if line.endswith(",NA"))
    assert rows == [(20, 0, missing)]
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert '"NA" (20 values) is a code' in reasons["Country"]


def test_na_is_a_code_among_lists_of_country_codes(tmp_path: Path) -> None:
    # IATI's activities: recipient-country-code "KE;UG" beside Namibia's "NA" and "NA;ZA";
    # the list's items decide, as a single code's column does. A list of US states' codes
    # ("CA;NY") keeps NA missing.
    countries = ["KE", "NA", "KE;UG", "ET", "NA;ZA", "UG", "NA", "TZ;KE", "SO", "BD"]
    states = ["CA", "TX", "CA;NY", "NA", "WA;OR", "NY", "OR", "TX;CA", "NA", "WA"]
    lines = ["iati-identifier,recipient-country-code,states"]
    lines += [f"GB-1-{300123 + i},{country},{state}" for i, (country, state) in enumerate(zip(countries, states, strict=True))]
    query = "SELECT count(*) FILTER (WHERE \"recipient-country-code\" = 'NA'), count(*) FILTER (WHERE states IS NULL) FROM \"typed\".\"s.t\""
    path = tmp_path / "activity.csv"
    path.write_text("\n".join(lines) + "\n")
    out, rows = run_file(path, tmp_path, query)
    assert rows == [(2, 2)]
    reason = next(i.reason for i in out.inferences if i.column_name == "recipient-country-code")
    assert '"NA" (3 values) is a code' in reason  # NA;ZA too, as the list counts it
    assert "'NA' (3)" in reason
    assert "Null tokens" not in reason
