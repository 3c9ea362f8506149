"""Text columns that hold lists of items are named so, with their separator and top items;
text with separators in fixed places (addresses, "Last, First", prose) is not."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

from tests.pipeline.helpers import run_file

GENRES = ["Action", "Adventure", "Animation", "Children", "Comedy", "Drama", "Horror", "Sci-Fi"]
COUNTRIES = ["United States", "India", "United Kingdom", "France", "Japan", "Canada"]
WORDS = ("the", "a", "parcel", "driver", "delayed", "confirmed", "refund", "box", "quickly", "week", "next", "new",
         "old", "price")


SUMMARIES = (
    "Five Stars", "Great product", "Works great", "Love it", "Not bad", "Great, works well",
    "Good value, fast shipping", "Too small, returned it", "Excellent", "Nice, but pricey, and slow",
    "Four Stars", "Perfect fit", "Cheap, broke fast", "Does the job",
)


def _rows(n: int) -> list[list[str]]:
    rng = random.Random(7)
    rows = []
    for i in range(n):
        rows.append([
            str(i),
            "|".join(rng.sample(GENRES, rng.randint(1, 4))),  # MovieLens
            ";".join(rng.sample(["windows", "mac", "linux"], rng.randint(1, 3))),  # Steam
            str(rng.sample(COUNTRIES, rng.randint(1, 3))),  # a Python list written out
            ", ".join(rng.sample(COUNTRIES, rng.choice([1, 1, 1, 2, 3]))),  # Netflix's country
            f"{rng.randint(1, 999)} Main St, {rng.choice(['Springfield', 'Salem'])}, {rng.choice(['IL', 'OR'])}",
            f"{rng.choice(['Smith', 'Jones', 'Lee'])}, {rng.choice(['Ann', 'Bob', 'Cy'])}",
            " ".join(rng.choice(WORDS) for _ in range(6)) + ", " + " ".join(rng.choice(WORDS) for _ in range(5)),
            str(dict.fromkeys(rng.sample(["Monday", "Tuesday", "Friday"], rng.randint(1, 3)), "11:0-21:0")),
            rng.choice(SUMMARIES),
        ])
    return rows


def test_lists_are_named_with_their_separator_and_items(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "genres", "platforms", "countries", "country", "address", "name", "note", "hours", "summary"])
        writer.writerows(_rows(600))
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    for column, separator in (("genres", "'|'"), ("platforms", "';'"), ("countries", "', '"), ("country", "', '")):
        inference = found[column]
        assert inference.decided_type == "VARCHAR"
        assert inference.decided_pattern == "delimited_list", column
        assert f"separated by {separator}" in inference.reason
        assert inference.candidates[0].detected_pattern == "delimited_list"
    assert "'linux'" in found["platforms"].reason
    assert "\"['" not in found["countries"].reason  # items without the list's brackets and quotes
    assert "trim(\"countries\", '[] ')" in found["countries"].reason  # and the SQL says how
    assert sum(f"'{country}' (" in found["countries"].reason for country in COUNTRIES) == 5  # the top five
    several = sum(1 for row in _rows(600) if ", " in row[4])
    assert f"A list: {several / 600:.0%} of the values hold several items" in found["country"].reason
    # summary: Amazon reviews' summaries, short, some with commas.
    for column in ("address", "name", "note", "summary"):
        assert found[column].decided_pattern is None, column
    assert found["hours"].decided_pattern == "json_object"  # Yelp's hours, Python dicts as pandas writes them


def test_python_lists_of_dicts_are_no_lists_of_their_keys(tmp_path: Path) -> None:
    # The Movies Dataset's movies_metadata.csv: genres and production_countries as pandas
    # writes lists of dicts. Their keys 'id' and 'name' were counted as the commonest items.
    rng = random.Random(3)
    path = tmp_path / "movies_metadata.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "genres"])
        writer.writerows(
            [str(i), str([{"id": GENRES.index(g), "name": g} for g in rng.sample(GENRES, rng.randint(1, 3))])]
            for i in range(300)
        )
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["genres"].decided_pattern == "json_object_list"
    assert "'id' (" not in (found["genres"].reason or "")


def test_lists_of_one_or_two_items_and_stray_separators(tmp_path: Path) -> None:
    # One year of Netflix's titles: countries one or two at a time, some written "France,"
    # with the separator left over; beside them "Last, First" names (always two parts).
    rng = random.Random(3)
    rows = []
    for i in range(300):
        countries = rng.sample(COUNTRIES, rng.choice([1, 1, 2]))
        written = ", ".join(countries) + ("," if i % 25 == 0 else "")
        rows.append([str(i), written, f"{rng.choice(['Smith', 'Jones', 'Lee', 'Khan'])}, {rng.choice(['Ann', 'Bob', 'Cy'])}"])
    path = tmp_path / "netflix.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["show_id", "country", "director"])
        writer.writerows(rows)
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["country"].decided_pattern == "delimited_list"
    assert "(6 different items" in found["country"].reason  # "France," is France
    assert found["director"].decided_pattern is None


def test_numbers_grouped_in_thousands_are_no_lists(tmp_path: Path) -> None:
    # The Census Bureau's annotation column: "2,000,000+", "10,000-" and "N" beside empty
    # cells; split on its commas it read as a list of "2", "000" and "000+".
    rng = random.Random(8)
    codes = ["2,000,000+", "2,000,000+", "10,000-", "1,000,000+"]
    path = tmp_path / "annotations.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["GEO_ID", "B25077_001EA"])
        writer.writerows(
            [f"0500000US{i:05d}", "N" if i % 50 == 0 else rng.choice(codes) if i % 4 == 0 else ""] for i in range(400)
        )
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["B25077_001EA"].decided_pattern is None
    # Steam's owners, a range of two such numbers: its items were "000" and "0 - 20".
    bands = ["0 - 20,000", "20,000 - 50,000", "50,000 - 100,000", "100,000 - 200,000", "1,000,000 - 2,000,000"]
    steam = tmp_path / "steam.csv"
    with steam.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["appid", "owners"])
        writer.writerows([10 + i, rng.choice(bands)] for i in range(300))
    out, _ = run_file(steam, tmp_path, None)
    assert {i.column_name: i for i in out.inferences}["owners"].decided_pattern is None


def test_written_out_lists_keep_their_quoted_items_whole(tmp_path: Path) -> None:
    # Airbnb's amenities (JSON, escapes and all) and Spotify's artists (a Python list): an
    # item may hold the separator, "HDTV with Netflix, Roku", "Tyler, The Creator".
    rng = random.Random(4)
    amenities = ["Wifi", "HDTV with Netflix, Roku", "Children\u2019s books", "Washer", "Kitchen"]
    artists = ["Tyler, The Creator", "Earth, Wind & Fire", "Guns N' Roses", "Beyonc\u00e9", "Bob Dylan"]
    path = tmp_path / "listings.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "amenities", "artists"])
        for i in range(200):
            picked = rng.sample(amenities, rng.randint(1, 4))
            writer.writerow([i, json.dumps(picked), str(rng.sample(artists, rng.randint(1, 3)))])
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    for column, items in (("amenities", amenities), ("artists", artists)):
        reason = found[column].reason or ""
        assert found[column].decided_pattern == "delimited_list"
        assert "(5 different items;" in reason, reason
        assert all(f"{part!r} (" not in reason for part in ("Roku", "Tyler", "The Creator", "Earth"))
        assert any(f"{item!r} (" in reason for item in items)
    assert "'HDTV with Netflix, Roku'" in (found["amenities"].reason or "")


def test_the_items_sql_a_list_s_note_gives_drops_empty_and_padded_items(tmp_path: Path) -> None:
    # The Stack Exchange dump of 2024 writes tags "|c#|winforms|"; a bare string_split gave
    # "" at both ends.
    import duckdb

    rng = random.Random(2)
    tags = ["c#", "winforms", "python", "pandas", "sql", "java"]
    lines = ["Id,Tags"] + [f"{i},|{'|'.join(rng.sample(tags, rng.randint(1, 3)))}|" for i in range(300)]
    path = tmp_path / "posts.csv"
    path.write_text("\n".join(lines) + "\n")
    out, _ = run_file(path, tmp_path, None)
    reason = next(i.reason for i in out.inferences if i.column_name == "Tags") or ""
    sql = reason.split("Its items are ", 1)[1].split("; unnest", 1)[0]
    items = duckdb.sql(f"SELECT {sql} FROM (VALUES ('|c#|winforms|')) t(\"Tags\")").fetchall()
    assert items == [(["c#", "winforms"],)]


def test_tags_in_angle_brackets_are_a_list(tmp_path: Path) -> None:
    # The Stack Exchange dumps before 2024: Tags "<c#><winforms><type-conversion>".
    rng = random.Random(3)
    tags = ["c#", "winforms", "python", "pandas", "sql", "java", "type-conversion"]
    lines = ["Id,Tags"] + [f"{i},<{'><'.join(rng.sample(tags, rng.randint(1, 3)))}>" for i in range(300)]
    path = tmp_path / "posts.csv"
    path.write_text("\n".join(lines) + "\n")
    out, _ = run_file(path, tmp_path, None)
    found = next(i for i in out.inferences if i.column_name == "Tags")
    assert found.decided_pattern == "delimited_list"
    assert "(7 different items;" in (found.reason or "")


def test_lists_of_as_many_items_each_in_any_order_are_lists(tmp_path: Path) -> None:
    # Steam's steamspy_tags: three tags each, in any order; a "City, ST" has two parts, each
    # in its place, and stays text.
    rng = random.Random(3)
    tags = ["Action", "Indie", "Adventure", "RPG", "Strategy", "2D", "Gore", "Puzzle", "Casual", "VR"]
    path = tmp_path / "steam.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["appid", "steamspy_tags", "place"])
        for i in range(400):
            writer.writerow([10 * i, ";".join(rng.sample(tags, 3)), f"{rng.choice(['Springfield', 'Salem', 'Dover'])}, {rng.choice(['IL', 'OR', 'DE'])}"])
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["steamspy_tags"].decided_pattern == "delimited_list"
    assert found["place"].decided_pattern != "delimited_list"


def test_identifiers_listed_under_an_identifier_s_name_are_a_list_though_none_repeats(tmp_path: Path) -> None:
    # HubSpot's deals: "Associated Contact IDs" 3804784;65479063, each contact on one deal:
    # no item repeated, so no list (and no link to the contacts).
    rng = random.Random(5)
    contacts = rng.sample(range(1_000_000, 90_000_000), 300)
    path = tmp_path / "deals.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Record ID", "Deal Name", "Associated Contact IDs", "Notes"])
        for i in range(150):
            listed = contacts[2 * i : 2 * i + (2 if i % 3 else 1)]
            writer.writerow([7_000_000_000 + i, f"Deal {i}", ";".join(map(str, listed)), f"call back;{i} times"])
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["Associated Contact IDs"].decided_pattern == "delimited_list"
    assert found["Notes"].decided_pattern is None  # (no identifier's name: items that never repeat are no list)


def test_codes_in_few_combinations_are_lists_though_some_never_pair(tmp_path: Path) -> None:
    # ClinicalTrials.gov's Phases (PHASE2|PHASE3 beside PHASE4 and EARLY_PHASE1, which never
    # pair) in a short export, and Pub 78's deductibility codes (PC,LODGE beside POF); a
    # "Last, First" name beside a few single names stays text.
    phases = ["PHASE2", "PHASE3", "PHASE2|PHASE3", "PHASE1", "PHASE1|PHASE2", "PHASE3", "PHASE2", "PHASE4",
              "PHASE2|PHASE3", "EARLY_PHASE1", "PHASE1|PHASE2", "PHASE3"]
    names = ["Smith, Ann", "Jones, Bob", "Madonna", "Lee, Cy", "Khan, Ann", "Cher", "Smith, Bob", "Lee, Ann",
             "Prince", "Jones, Cy", "Khan, Bob", "Sting"]
    path = tmp_path / "ctg-studies.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["NCT Number", "Phases", "Investigator"])
        writer.writerows([f"NCT0100{i:04d}", phase, name] for i, (phase, name) in enumerate(zip(phases, names, strict=True)))
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["Phases"].decided_pattern == "delimited_list"
    assert "separated by '|'" in (found["Phases"].reason or "")
    assert found["Investigator"].decided_pattern is None
    rng = random.Random(1)
    codes = ["PC", "PC,LODGE", "PC,EO", "PF", "POF", "PF,EO", "PC,FORGN"]
    pub78 = tmp_path / "pub78.csv"
    with pub78.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ein", "name", "deductibility_code"])
        writer.writerows([f"{i:09d}", f"Org {i}", rng.choice(codes)] for i in range(200))
    out, _ = run_file(pub78, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["deductibility_code"].decided_pattern == "delimited_list"
    assert "(6 different items;" in (found["deductibility_code"].reason or "")


def test_long_items_between_pipes_with_commas_inside_are_a_list(tmp_path: Path) -> None:
    # ClinicalTrials.gov's Locations: sites "Mayo Clinic, Rochester, Minnesota, 55905, United
    # States" joined by '|', a trial at one site or several.
    sites = ["Mayo Clinic, Rochester, Minnesota, 55905, United States",
             "Massachusetts General Hospital, Boston, Massachusetts, 02114, United States",
             "Research Site, Los Angeles, California, 90095, United States", "Assiut University Hospital, Assiut, Egypt",
             "Charit\u00e9, Berlin, 10117, Germany", "Peking Union Medical College Hospital, Beijing, Beijing, 100730, China"]
    rng = random.Random(6)
    path = tmp_path / "ctg-studies.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["NCT Number", "Locations"])
        writer.writerows([f"NCT0100{i:04d}", "|".join(rng.sample(sites, rng.choice([1, 1, 2, 4])))] for i in range(200))
    out, _ = run_file(path, tmp_path, None)
    found = next(i for i in out.inferences if i.column_name == "Locations")
    assert found.decided_pattern == "delimited_list"
    assert "separated by '|' (6 different items;" in (found.reason or "")


def test_numbers_in_varying_numbers_are_a_list_though_few_repeat(tmp_path: Path) -> None:
    # IATI's activities: sector-percentage "50;30;20" beside "100", in parallel with
    # sector-code "12220;12240;13020"; a number in one place but another ("51.5;-0.12", a
    # point) always in pairs stays text.
    lines = [
        "iati-identifier,sector-code,sector-percentage,point",
        "GB-1-300123,12220;12240;13020,50;30;20,51.5;-0.12",
        "GB-1-300124,11220,100,48.85;2.35",
        "GB-1-300125,15110;72010,60;40,40.71;-74.01",
        "GB-1-300126,31120;12191;43010,33.33;33.33;33.34,35.68;139.69",
        "GB-1-300127,12220,100,-33.87;151.21",
        "GB-1-300128,72010;12240,70;30,55.75;37.62",
        "GB-1-300129,13020;11220,25;75,19.43;-99.13",
        "GB-1-300130,43010,100,-1.29;36.82",
        "GB-1-300131,12191;15110,50;50,30.04;31.24",
        "GB-1-300132,11220;12220;31120;72010,40;20;20;20,28.61;77.21",
    ]
    path = tmp_path / "activity.csv"
    path.write_text("\n".join(lines) + "\n")
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["sector-percentage"].decided_pattern == "delimited_list"
    assert "separated by ';'" in (found["sector-percentage"].reason or "")
    assert found["point"].decided_pattern is None


def test_tags_between_spaces_under_a_tags_name_are_a_list(tmp_path: Path) -> None:
    # Zendesk's ticket export: Tags "login api churn_risk", none to three a ticket. Beside it
    # the same words under a note's name, and short sentences under a tags name (an agent's
    # "keywords" typed as prose), stay text.
    rng = random.Random(11)
    tags = ["billing", "login", "sso", "api", "bug", "feature_request", "churn_risk", "vip", "export", "performance"]
    sentences = ["customer asked for a refund", "Printer jams every morning", "login fails on the mobile app",
                 "needs a call back tomorrow", "Export times out again", "wants the invoice resent"]
    path = tmp_path / "zendesk_tickets.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Id", "Subject", "Tags", "note", "Keywords"])
        for i in range(400):
            written = " ".join(rng.sample(tags, rng.randint(0, 3)))
            writer.writerow([1000 + i, f"Ticket {i}", written, written, rng.choice(sentences)])
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    reason = found["Tags"].reason or ""
    assert found["Tags"].decided_pattern == "delimited_list", reason
    assert "separated by ' ' (10 different items;" in reason
    assert found["note"].decided_pattern is None
    assert found["Keywords"].decided_pattern is None


def test_paths_of_levels_each_under_a_shorter_value_are_no_list(tmp_path: Path) -> None:
    # NASS Quick Stats' LOCATION_DESC: "IOWA", "IOWA, NORTHWEST", "IOWA, NORTHWEST, O BRIEN"
    # (state, agricultural district, county), "US TOTAL"; NORTHWEST is a district of Iowa and
    # of Illinois, so its items counted across states mean nothing.
    counties = {("IOWA", "NORTHWEST"): ["O BRIEN", "SIOUX", "LYON"], ("IOWA", "NORTHEAST"): ["ALLAMAKEE", "CLAYTON"],
                ("ILLINOIS", "NORTHWEST"): ["BUREAU", "HENRY"], ("ILLINOIS", "CENTRAL"): ["LOGAN", "MASON", "TAZEWELL"]}
    places = ["US TOTAL", "IOWA", "ILLINOIS"] + [", ".join(d) for d in counties]
    places += [", ".join([*d, c]) for d, cs in counties.items() for c in cs]
    path = tmp_path / "qs_crops.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["AGG_LEVEL_DESC", "LOCATION_DESC", "YEAR", "VALUE"])
        for year in range(2015, 2023):
            writer.writerows([place.count(",") + 1, place, year, 150 + i] for i, place in enumerate(places))
    out, _ = run_file(path, tmp_path, None)
    found = next(i for i in out.inferences if i.column_name == "LOCATION_DESC")
    reason = found.reason or ""
    assert found.decided_pattern is None, reason
    assert "A path of up to 3 levels separated by ', ', not a list" in reason
    assert "unnest" not in reason


def test_items_joined_by_three_dashes_are_a_list(tmp_path: Path) -> None:
    # TED's contract award notices (CSV, 2006-2023): a joint award lists its winners as
    # "STRABAG AG---Vinci Construction, S.A." and their countries as "DE---FR"; "---" alone
    # stands for no value in other columns, and is no list.
    rng = random.Random(11)
    winners = {"STRABAG AG": "DE", "Vinci Construction, S.A.": "FR", "Webuild S.p.A.": "IT", "Budimex SA": "PL",
               "Ferrovial": "ES", "Siemens AG": "DE"}
    path = tmp_path / "ted_can.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID_AWARD", "WIN_NAME", "WIN_COUNTRY_CODE", "WIN_TOWN"])
        for i in range(300):
            names = rng.sample(sorted(winners), rng.choice([1, 1, 1, 1, 2, 3]))
            town = "---" if i % 3 == 0 else rng.choice(["Wien", "Paris", "Roma", "Madrid, Spain"])
            writer.writerow([i, "---".join(names), "---".join(winners[n] for n in names), town])
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    for column in ("WIN_NAME", "WIN_COUNTRY_CODE"):
        assert found[column].decided_pattern == "delimited_list", column
        assert "separated by '---'" in (found[column].reason or "")
    assert "'Vinci Construction, S.A.'" in (found["WIN_NAME"].reason or "")  # (its comma splits no item)
    assert found["WIN_TOWN"].decided_pattern != "delimited_list"


def test_a_form_and_its_qualifiers_that_never_stand_alone_are_no_list(tmp_path: Path) -> None:
    # The FDA NDC product file's DOSAGEFORMNAME: "TABLET, FILM COATED" and "AEROSOL, METERED"
    # are single dosage forms beside "TABLET"; "FILM COATED" is never a form of its own. It was
    # a list of two items. Netflix's countries, each also alone somewhere, stay a list.
    rng = random.Random(5)
    forms = ["TABLET"] * 14 + ["CAPSULE"] * 4 + ["TABLET, FILM COATED", "CAPSULE, FILM COATED", "AEROSOL, METERED"]
    path = tmp_path / "product.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["PRODUCTNDC", "DOSAGEFORMNAME", "country"])
        writer.writerows(
            [f"0002-{i:04d}", rng.choice(forms), ", ".join(rng.sample(COUNTRIES, rng.choice([1, 1, 1, 2])))]
            for i in range(300)
        )
    out, _ = run_file(path, tmp_path, None)
    found = {i.column_name: i for i in out.inferences}
    assert found["DOSAGEFORMNAME"].decided_pattern is None
    assert found["country"].decided_pattern == "delimited_list"
