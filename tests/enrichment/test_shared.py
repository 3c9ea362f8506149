"""What two tables share without a join path (`shared_attributes`), on typed tables built in
an in-memory DuckDB."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from datadossier.enrichment.shared import SharedAttribute, SharedLookup, shared_attributes


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    with duckdb.connect() as connection:
        connection.execute("CREATE SCHEMA typed")
        yield connection


def _table(con: duckdb.DuckDBPyConnection, name: str, select: str) -> None:
    con.execute(f'CREATE TABLE typed."{name}" AS {select}')


def _notes(con: duckdb.DuckDBPyConnection, left: str, right: str) -> list[str]:
    return [s.note(left, right) for s in shared_attributes(con, left, right)]


def test_a_code_both_tables_name_alike_is_shared_though_the_other_side_holds_over_a_thousand(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # Dunnhumby: 556 redeemed coupon codes (11 digits) among the 1,135 of the coupon table,
    # several products a code; no table is keyed by COUPON_UPC.
    _table(con, "d.coupon", "SELECT 10000089000 + i // 2 AS COUPON_UPC, i AS PRODUCT_ID FROM range(2270) t(i)")
    _table(con, "d.coupon_redempt", "SELECT i AS household_key, 10000089000 + (i * 7) % 556 AS COUPON_UPC FROM range(900) t(i)")
    (shared,) = shared_attributes(con, "d.coupon_redempt", "d.coupon")
    assert shared == SharedAttribute("COUPON_UPC", "COUPON_UPC", "same", 556, 556)


def test_columns_whose_names_share_the_attribute_s_word_are_shared_when_their_values_meet(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # Google Play's earnings name the buyer's "Buyer Country" and Apple's sales report its
    # "Country Code", both ISO codes of the players' country; Apple's "Provider Country" is
    # US on every row, one value, no attribute.
    countries = "['US', 'DE', 'GB', 'IN', 'BR', 'JP']"
    _table(con, "g.players", f"SELECT 'p' || i AS player_id, {countries}[1 + i % 6] AS country FROM range(60) t(i)")
    _table(
        con, "g.apple",
        f"SELECT 'US' AS \"Provider Country\", {countries}[1 + i % 5] AS \"Country Code\", i AS Units FROM range(40) t(i)",
    )
    notes = _notes(con, "g.apple", "g.players")
    assert notes == ["g.apple(Country Code) and g.players(country): 5 of 5 values in common; aggregate both sides to it first."]


def test_a_code_padded_with_zeros_on_one_side_meets_the_other_s_number(con: duckdb.DuckDBPyConnection) -> None:
    # FedEx's invoice writes Zone Code 5 where the rate card writes Zone 005, and its Service
    # Type is the rate card's Service.
    _table(
        con, "c.fedex",
        "SELECT i AS \"Tracking ID\", ['FedEx Ground', 'FedEx 2Day'][1 + i % 2] AS \"Service Type\","
        " 2 + i % 7 AS \"Zone Code\", 10.5 + i AS \"Rated Weight Amount\" FROM range(50) t(i)",
    )
    _table(
        con, "c.rate_card",
        "SELECT s AS Service, lpad(CAST(z AS VARCHAR), 3, '0') AS Zone, 9.5 + z AS Rate"
        " FROM (VALUES ('FedEx Ground'), ('FedEx 2Day'), ('FedEx Home Delivery')) v(s), range(2, 9) r(z)",
    )
    found = shared_attributes(con, "c.fedex", "c.rate_card")
    pairs = [(s.from_column, s.to_column, s.how) for s in found if isinstance(s, SharedAttribute)]
    assert pairs == [("Service Type", "Service", "same"), ("Zone Code", "Zone", "padded")]
    assert "once leading zeros are ignored (5 and 005)" in found[-1].note("c.fedex", "c.rate_card")


def test_a_table_shared_attributes_and_a_range_name_one_row_of_is_a_lookup(con: duckdb.DuckDBPyConnection) -> None:
    # UPS's invoice and a carrier's rate card, one row per Service, Zone and Weight Break
    # ("0-1 lb"): the rate is looked up by both and the billed weight, not aggregated to each.
    _table(
        con, "c.ups",
        "SELECT '1Z' || i AS \"Tracking Number\", ['Ground', 'Next Day Air'][1 + i % 2] AS Service,"
        " lpad(CAST(2 + i % 6 AS VARCHAR), 3, '0') AS Zone, 1 + i % 4 AS \"Billed Weight\" FROM range(80) t(i)",
    )
    _table(
        con, "c.rate_card",
        "SELECT s AS Service, lpad(CAST(z AS VARCHAR), 3, '0') AS Zone, w || '-' || (w + 1) || ' lb' AS \"Weight Break\","
        " 8.0 + z + w AS Rate FROM (VALUES ('Ground'), ('Next Day Air')) v(s), range(2, 8) r(z), range(0, 5) x(w)",
    )
    lookup, *_ = shared_attributes(con, "c.ups", "c.rate_card")
    assert lookup == SharedLookup("to", (("Service", "Service"), ("Zone", "Zone")), "Weight Break", "Billed Weight")
    assert lookup.note("c.ups", "c.rate_card").startswith(
        "c.rate_card holds one row per (Service, Zone, Weight Break): it is a lookup, so join c.ups on (Service, Zone)"
        " = (Service, Zone) together and on c.ups(Billed Weight) falling into c.rate_card(Weight Break)'s range"
    )


def test_a_day_of_activity_is_shared_before_a_cohort_s_day_and_the_server_clock_before_the_device_s(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # A game's events log client_ts (the device's clock) and server_ts; its sessions start, and
    # name the install_ts of their player (a cohort). Over a month every column meets every
    # other's days: the pair told is of activity, on the server's clock.
    _table(
        con, "g.events",
        "SELECT TIMESTAMP '2023-04-01' + INTERVAL (i) HOUR AS client_ts,"
        " TIMESTAMP '2023-04-01' + INTERVAL (i) HOUR AS server_ts FROM range(400) t(i)",
    )
    _table(
        con, "g.sessions",
        "SELECT TIMESTAMP '2023-04-01' + INTERVAL (i) HOUR AS install_ts,"
        " TIMESTAMP '2023-04-01' + INTERVAL (i) HOUR AS start FROM range(400) t(i)",
    )
    (day,) = shared_attributes(con, "g.events", "g.sessions")
    assert day == SharedAttribute("server_ts", "start", "day", 17, 17)


def test_an_install_date_met_by_a_day_of_revenue_is_said_to_be_a_cohort(con: duckdb.DuckDBPyConnection) -> None:
    # Google Play's earnings by Transaction Date and the players by install_ts, their only date:
    # joining them counts each day's revenue against the players installed that day.
    _table(con, "g.earnings", "SELECT DATE '2023-04-01' + CAST(i % 14 AS INTEGER) AS \"Transaction Date\", 0.99 AS Amount FROM range(70) t(i)")
    _table(con, "g.players", "SELECT 'p' || i AS player_id, TIMESTAMP '2023-04-01' + INTERVAL (i) HOUR AS install_ts FROM range(400) t(i)")
    (note,) = _notes(con, "g.earnings", "g.players")
    assert "14 of 14 days in common" in note
    assert "But g.players(install_ts) is the day each of its rows began (a cohort" in note


def test_a_market_s_local_operating_day_is_shared_before_its_times_in_utc(con: duckdb.DuckDBPyConnection) -> None:
    # CAISO's OASIS prices: INTERVALSTARTTIME_GMT and INTERVALENDTIME_GMT (UTC) before OPR_DT,
    # the Pacific operating day, which a trade's delivery day means; the evening hours fall on
    # the next UTC day.
    _table(con, "b.trades", "SELECT i AS trade_id, DATE '2023-04-01' + CAST(i % 5 AS INTEGER) AS delivery_start FROM range(60) t(i)")
    _table(
        con, "m.caiso",
        "SELECT TIMESTAMP '2023-04-01 07:00' + INTERVAL (i) HOUR AS INTERVALSTARTTIME_GMT,"
        " TIMESTAMP '2023-04-01 08:00' + INTERVAL (i) HOUR AS INTERVALENDTIME_GMT,"
        " DATE '2023-04-01' + CAST(i // 24 AS INTEGER) AS OPR_DT FROM range(120) t(i)",
    )
    (day,) = shared_attributes(con, "b.trades", "m.caiso")
    assert day == SharedAttribute("delivery_start", "OPR_DT", "day", 5, 5)


def test_a_day_met_only_by_a_time_in_utc_is_said_not_to_be_the_local_day(con: duckdb.DuckDBPyConnection) -> None:
    # PJM's hourly prices by datetime_beginning_utc alone beside a desk's trades by delivery day
    # (Eastern): 4 of each day's 24 hours are on the next day in UTC.
    _table(con, "b.trades", "SELECT i AS trade_id, DATE '2023-04-01' + CAST(i % 5 AS INTEGER) AS delivery_start FROM range(60) t(i)")
    _table(con, "m.pjm", "SELECT TIMESTAMP '2023-04-01 04:00' + INTERVAL (i) HOUR AS datetime_beginning_utc FROM range(120) t(i)")
    (note,) = _notes(con, "b.trades", "m.pjm")
    assert "But m.pjm(datetime_beginning_utc) is a time in UTC: its date is the day in UTC, not the local day" in note
    assert "CAST((\"datetime_beginning_utc\" AT TIME ZONE 'UTC') AT TIME ZONE '<zone>' AS DATE)" in note


def test_columns_copying_one_another_are_one_shared_attribute_named_with_its_copies(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # CAISO's OASIS prices write each node three times, in NODE_ID_XML, NODE_ID and NODE; a
    # desk's plant-to-node map names it once, in "node name": one attribute, not a lookup on
    # (node name, node name, node name).
    nodes = "['TH_NP15_GEN-APND', 'TH_SP15_GEN-APND', 'TH_ZP26_GEN-APND', 'SLAP_PGAE-APND']"
    _table(
        con, "m.caiso",
        f"SELECT n AS NODE_ID_XML, n AS NODE_ID, n AS NODE, 40.0 + i AS MW"
        f" FROM (SELECT {nodes}[1 + i % 4] AS n, i FROM range(96) t(i))",
    )
    _table(con, "b.plant_node_map", f"SELECT 'Plant ' || i AS plant, {nodes}[1 + i % 3] AS \"node name\" FROM range(3) t(i)")
    (note,) = _notes(con, "b.plant_node_map", "m.caiso")
    assert note == (
        "b.plant_node_map(node name) and m.caiso(NODE_ID_XML): 3 of 3 values in common; aggregate both sides to it first."
        " (m.caiso(NODE_ID, NODE) hold the same values as NODE_ID_XML on every row: copies of it.)"
    )


def test_a_name_s_word_with_a_letter_marking_its_kind_is_the_word(con: duckdb.DuckDBPyConnection) -> None:
    # A power desk's trades name the delivery point `node` (PJM's hubs among CAISO's nodes),
    # and a plant map its "node name"; PJM's LMP files call the same hubs `pnode_name` (a
    # price node), one row per hour each.
    hubs = (
        "['WESTERN HUB', 'AEP-DAYTON HUB', 'N ILLINOIS HUB', 'TH_NP15_GEN-APND', 'TH_SP15_GEN-APND', 'TH_ZP26_GEN-APND',"
        " 'MOSSLD_2_PSP1', 'DELTA_2_PL1X4-APND']"
    )
    _table(con, "b.trades", f"SELECT 'D-' || i AS deal_id, {hubs}[1 + i % 8] AS node FROM range(64) t(i)")
    _table(con, "b.plant_node_map", f"SELECT i AS \"Plant Code\", {hubs}[1 + i] AS \"node name\" FROM range(5) t(i)")
    _table(
        con, "m.pjm_da_hrl_lmps",
        "SELECT 51288 + i % 9 AS pnode_id, ['WESTERN HUB', 'AEP-DAYTON HUB', 'N ILLINOIS HUB', 'PSEG', 'BGE', 'DOM',"
        " 'PEPCO', 'COMED', 'PPL'][1 + i % 9] AS pnode_name, 30.5 + i AS total_lmp_da FROM range(216) t(i)",
    )
    # (Three of PJM's nine pnodes, three of the trades' eight nodes: under half of either.)
    (shared,) = shared_attributes(con, "b.trades", "m.pjm_da_hrl_lmps")
    assert shared == SharedAttribute("node", "pnode_name", "same", 8, 3)
    pairs = [
        (s.from_column, s.to_column) for s in shared_attributes(con, "b.plant_node_map", "m.pjm_da_hrl_lmps") if isinstance(s, SharedAttribute)
    ]
    assert pairs == [("node name", "pnode_name")]


def test_values_met_as_written_say_how_many_more_meet_only_once_case_is_ignored(con: duckdb.DuckDBPyConnection) -> None:
    # A desk's trades name CAISO's nodes as CAISO writes them, "TH_NP15_GEN-APND", and in
    # Title Case on a few rows, "Th_Np15_Gen-Apnd": said "3 of 6 values in common" alone, an
    # exact join lost those trades.
    nodes = "['TH_NP15_GEN-APND', 'TH_SP15_GEN-APND', 'TH_ZP26_GEN-APND', 'MOSSLD_2_PSP1', 'DELTA_2_PL1X4-APND', 'PASTORIA_7_N001']"
    _table(con, "m.caiso", f"SELECT {nodes}[1 + i % 6] AS NODE, 40.0 + i AS MW FROM range(144) t(i)")
    titled = "['Th_Np15_Gen-Apnd', 'Th_Sp15_Gen-Apnd', 'Th_Zp26_Gen-Apnd']"
    _table(
        con, "b.trades",
        f"SELECT 'D-' || i AS deal_id, CASE WHEN i % 10 = 0 THEN {titled}[1 + i % 3] ELSE {nodes}[1 + i % 3] END AS node"
        " FROM range(90) t(i)",
    )
    (shared,) = shared_attributes(con, "b.trades", "m.caiso")
    assert shared == SharedAttribute("node", "NODE", "same", 6, 3, respelled=("from", 3))
    assert shared.note("b.trades", "m.caiso") == (
        "b.trades(node) and m.caiso(NODE): 3 of 6 values in common, and 3 more values of b.trades(node) meet only once"
        " case, spaces and punctuation are ignored (spelled differently: compare regexp_replace(lower(...), '[^a-z0-9]',"
        " '', 'g') of both sides); aggregate both sides to it first."
    )


def test_a_code_is_not_found_inside_the_names_it_abbreviates(con: duckdb.DuckDBPyConnection) -> None:
    # WHO's GHO files write each country twice, ALB in COUNTRY (CODE) and Albania in COUNTRY
    # (DISPLAY): the ISO3 code starts its name, no value the other side names in part.
    _table(con, "w.codes", "SELECT ['ALB', 'ARG', 'FRA', 'KEN'][1 + i % 4] AS \"COUNTRY (CODE)\", i AS n FROM range(8) t(i)")
    _table(con, "w.names", "SELECT ['Albania', 'Argentina', 'France', 'Kenya'][1 + i % 4] AS \"COUNTRY (DISPLAY)\" FROM range(8) t(i)")
    assert shared_attributes(con, "w.codes", "w.names") == []


def test_a_lookup_joins_on_each_column_once_and_on_the_fewest_that_tell_its_rows_apart(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # Two WHO GHO indicators by year, country code and country name, one by sex too, their
    # years in part apart: MDG_0000000020 is a lookup per year and country, joined on
    # YEAR (CODE) and COUNTRY (CODE), not on each country column twice, code against name.
    countries = "[['ALB', 'Albania'], ['ARG', 'Argentina'], ['FRA', 'France'], ['KEN', 'Kenya']]"
    _table(
        con, "w.whosis_000001",
        f"SELECT [2010, 2019][1 + i // 8] AS \"YEAR (CODE)\", c[1] AS \"COUNTRY (CODE)\", c[2] AS \"COUNTRY (DISPLAY)\","
        f" ['MLE', 'FMLE'][1 + i % 2] AS \"SEX (CODE)\", 60.0 + i AS \"Numeric\""
        f" FROM (SELECT {countries}[1 + (i // 2) % 4] AS c, i FROM range(16) t(i))",
    )
    _table(
        con, "w.mdg_0000000020",
        f"SELECT [2019, 2021][1 + i // 4] AS \"YEAR (CODE)\", c[1] AS \"COUNTRY (CODE)\", c[2] AS \"COUNTRY (DISPLAY)\","
        f" 10.0 + i AS \"Numeric\" FROM (SELECT {countries}[1 + i % 4] AS c, i FROM range(8) t(i))",
    )
    (lookup, *attributes) = shared_attributes(con, "w.whosis_000001", "w.mdg_0000000020")
    assert lookup == SharedLookup("to", (("YEAR (CODE)", "YEAR (CODE)"), ("COUNTRY (CODE)", "COUNTRY (CODE)")))
    assert [(s.from_column, s.to_column) for s in attributes if isinstance(s, SharedAttribute)] == [
        ("YEAR (CODE)", "YEAR (CODE)"), ("COUNTRY (CODE)", "COUNTRY (CODE)"), ("COUNTRY (DISPLAY)", "COUNTRY (DISPLAY)"),
    ]


def test_columns_named_alike_that_meet_are_found_past_four_that_do_not(con: duckdb.DuckDBPyConnection) -> None:
    # WHO's full GHO exports head every file GHO (CODE), GHO (DISPLAY), GHO (URL), PUBLISHSTATE
    # (CODE) ... before COUNTRY (CODE): one indicator a file, never met, and the country
    # was never compared.
    _table(
        con, "w.whosis",
        "SELECT 'WHOSIS_000001' AS \"GHO (CODE)\", 'Life expectancy' AS \"GHO (DISPLAY)\", 'https://who.int/65' AS \"GHO (URL)\","
        " 'PUBLISHED' AS \"PUBLISHSTATE (CODE)\", ['ALB', 'ARG', 'FRA'][1 + i % 3] AS \"COUNTRY (CODE)\", 70.0 + i AS \"Numeric\""
        " FROM range(9) t(i)",
    )
    _table(
        con, "w.mdg",
        "SELECT 'MDG_0000000020' AS \"GHO (CODE)\", 'TB incidence' AS \"GHO (DISPLAY)\", 'https://who.int/20' AS \"GHO (URL)\","
        " 'DRAFT' AS \"PUBLISHSTATE (CODE)\", ['ALB', 'ARG', 'FRA'][1 + i % 3] AS \"COUNTRY (CODE)\", 10.0 + i AS \"Numeric\""
        " FROM range(6) t(i)",
    )
    (country,) = shared_attributes(con, "w.whosis", "w.mdg")
    assert country == SharedAttribute("COUNTRY (CODE)", "COUNTRY (CODE)", "same", 3, 3)


def test_a_trade_s_delivery_start_and_end_are_a_period_whose_days_the_other_side_falls_between(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # A desk's trades deliver from delivery_start to delivery_end (strips of up to a week)
    # beside CAISO's prices by OPR_DT, whose hours start and end within the hour: equality on
    # the start would price a 7-day strip at its first day.
    _table(
        con, "b.trades",
        "SELECT i AS trade_id, DATE '2023-04-01' + CAST(i % 5 AS INTEGER) AS delivery_start,"
        " DATE '2023-04-01' + CAST(i % 5 + i % 7 AS INTEGER) AS delivery_end FROM range(60) t(i)",
    )
    _table(
        con, "m.caiso",
        "SELECT TIMESTAMP '2023-04-01 07:00' + INTERVAL (i) HOUR AS INTERVALSTARTTIME_GMT,"
        " TIMESTAMP '2023-04-01 08:00' + INTERVAL (i) HOUR AS INTERVALENDTIME_GMT,"
        " DATE '2023-04-01' + CAST(i // 24 AS INTEGER) AS OPR_DT FROM range(240) t(i)",
    )
    (day,) = shared_attributes(con, "b.trades", "m.caiso")
    assert isinstance(day, SharedAttribute)
    assert (day.from_column, day.to_column, day.periods) == ("delivery_start", "OPR_DT", (("from", "delivery_start", "delivery_end"),))
    note = day.note("b.trades", "m.caiso")
    assert "But b.trades(delivery_start) and b.trades(delivery_end) bound a period of several days" in note
    assert 'CAST("OPR_DT" AS DATE) BETWEEN CAST("delivery_start" AS DATE) AND CAST("delivery_end" AS DATE)' in note


def test_a_start_and_end_within_one_day_are_a_time_not_a_period(con: duckdb.DuckDBPyConnection) -> None:
    # PJM's hourly prices write each hour's datetime_beginning_ept and datetime_ending_ept: the
    # hour is matched to its day as it is.
    _table(con, "b.trades", "SELECT i AS trade_id, DATE '2023-04-01' + CAST(i % 5 AS INTEGER) AS delivery_day FROM range(60) t(i)")
    _table(
        con, "m.pjm",
        "SELECT TIMESTAMP '2023-04-01 00:00' + INTERVAL (i) HOUR AS datetime_beginning_ept,"
        " TIMESTAMP '2023-04-01 01:00' + INTERVAL (i) HOUR AS datetime_ending_ept FROM range(120) t(i)",
    )
    (day,) = shared_attributes(con, "b.trades", "m.pjm")
    assert isinstance(day, SharedAttribute)
    assert (day.to_column, day.periods) == ("datetime_beginning_ept", ())


def test_a_postal_code_with_zip_plus_fours_meets_a_zip_named_otherwise_on_its_five_digits(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # An MLS's listings write PostalCode, the ZIP+4 (98103-2345) on a third of the rows, and
    # HUD's ZIP-TRACT crosswalk ZIP, each ZIP on several rows (one a tract): neither is keyed
    # by the ZIP, and the columns are named differently.
    zips = "['98103', '98115', '98117', '98125', '98004', '98118', '98122', '98112', '98133', '98177']"
    _table(
        con, "m.listings",
        f"SELECT 'ML' || i AS ListingId, {zips}[1 + i % 10] || CASE WHEN i % 3 = 0 THEN '-' || lpad(CAST(1000 + i AS VARCHAR), 4, '0')"
        " ELSE '' END AS PostalCode FROM range(300) t(i)",
    )
    _table(con, "h.zip_tract", f"SELECT {zips}[1 + i % 10] AS ZIP, 53033000100 + i AS TRACT FROM range(40) t(i)")
    (shared,) = shared_attributes(con, "m.listings", "h.zip_tract")
    assert shared == SharedAttribute("PostalCode", "ZIP", "same", 10, 10, plus_four=("from", 100))
    note = shared.note("m.listings", "h.zip_tract")
    assert "100 values of m.listings(PostalCode) are ZIP+4s (98103-2345), compared on the ZIP" in note
    assert 'join on left("PostalCode", 5)' in note


def test_a_table_one_shared_identifier_names_a_row_of_is_a_lookup_compared_as_its_values_meet(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # RRC's monthly production writes the API as the number 4225534943, its well header as
    # 42-255-34943, one row per well, beside the District both name: a join on (District, API)
    # as written errs in DuckDB (text against a number) and matches nothing cast.
    apis = "['42-255-34943', '42-317-37886', '42-329-41235', '42-389-40211', '42-461-41211', '42-227-44301']"
    districts = "['01', '08', '08', '08', '7C', '8A']"
    _table(con, "t.wellbore", f"SELECT {apis}[1 + i] AS \"API Number\", {districts}[1 + i] AS District FROM range(6) t(i)")
    _table(
        con, "t.production",
        f"SELECT CAST(replace({apis}[1 + i % 5], '-', '') AS BIGINT) AS API, {districts}[1 + i % 5] AS District,"
        " 1000 + i AS \"Oil (BBL)\" FROM range(20) t(i)",
    )
    lookup, *attributes = shared_attributes(con, "t.production", "t.wellbore")
    assert isinstance(lookup, SharedLookup)
    assert (lookup.side, lookup.columns) == ("to", (("API", "API Number"),))
    note = lookup.note("t.production", "t.wellbore")
    assert note.startswith("t.wellbore holds one row per (API Number): it is a lookup, so join t.production on (API) = (API Number)")
    assert (
        "comparing regexp_replace(lower(CAST(\"API\" AS VARCHAR)), '[^a-z0-9]', '', 'g')"
        " = regexp_replace(lower(CAST(\"API Number\" AS VARCHAR)), '[^a-z0-9]', '', 'g')"
    ) in note
    assert note.endswith("each t.production row meets one t.wellbore row (n:1).")
    said = {(s.from_column, s.to_column): s.note("t.production", "t.wellbore") for s in attributes if isinstance(s, SharedAttribute)}
    assert "join on it in the lookup above" in said[("API", "API Number")]
    assert "aggregate both sides" not in said[("API", "API Number")]
    assert said[("District", "District")].endswith("aggregate both sides to it first.")


def test_a_table_a_shared_name_alone_tells_apart_on_a_few_rows_is_no_lookup(con: duckdb.DuckDBPyConnection) -> None:
    # A sales team's regions, five rows each its own Region, beside the orders by Region: a
    # name unique on a short table by chance; only an identifier alone makes a lookup.
    regions = "['North', 'South', 'East', 'West', 'Central']"
    _table(con, "s.regions", f"SELECT {regions}[1 + i] AS Region, 'Manager ' || i AS Manager FROM range(5) t(i)")
    _table(con, "s.orders", f"SELECT i AS order_id, {regions}[1 + i % 5] AS Region FROM range(40) t(i)")
    (shared,) = shared_attributes(con, "s.orders", "s.regions")
    assert isinstance(shared, SharedAttribute)


def test_attributes_that_together_key_a_table_but_for_a_few_rows_are_a_lookup_said_with_its_repeats(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # A university's course catalog, one row per (subject, catalog_nbr) but for 3 courses of
    # 315 listed twice, beside the class sections: MATH 101 and CS 101 are two courses, so
    # neither attribute alone is aggregated to.
    subjects = "['MATH', 'CS', 'HIST', 'BIOL', 'CHEM', 'ENGL', 'PHYS']"
    _table(
        con, "u.course_catalog",
        f"SELECT {subjects}[1 + i % 7] AS subject, CAST(100 + i // 7 AS VARCHAR) AS catalog_nbr, 'Course ' || i AS title"
        " FROM range(312) t(i) UNION ALL SELECT 'MATH', '100', 'Course 0 (old)' UNION ALL SELECT 'CS', '100', 'Course 1 (old)'"
        " UNION ALL SELECT 'HIST', '100', 'Course 2 (old)'",
    )
    _table(
        con, "u.class_sections",
        f"SELECT 'S' || i AS section_id, {subjects}[1 + i % 7] AS subject, CAST(100 + (i // 7) % 44 AS VARCHAR) AS catalog_nbr"
        " FROM range(600) t(i)",
    )
    lookup, *attributes = shared_attributes(con, "u.class_sections", "u.course_catalog")
    assert lookup == SharedLookup("to", (("subject", "subject"), ("catalog_nbr", "catalog_nbr")), repeats=3)
    assert "But 3 values of (subject, catalog_nbr) stand on more than one u.course_catalog row" in lookup.note(
        "u.class_sections", "u.course_catalog"
    )
    assert all("aggregate both sides" not in s.note("u.class_sections", "u.course_catalog") for s in attributes)


def test_a_lookup_on_one_identifier_written_with_punctuation_on_one_side_is_joined_on_it_normalized(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # PatentsView's g_application writes application_id 16/101,117, one row each; the USPTO's
    # maintenance-fee events application_number 16101117, several events an application.
    _table(
        con, "p.g_application",
        "SELECT CAST(16 + i % 3 AS VARCHAR) || '/' || CAST(101 + i AS VARCHAR) || ',' || CAST(117 + i AS VARCHAR)"
        " AS application_id, 10890037 + i AS patent_id FROM range(8) t(i)",
    )
    _table(
        con, "p.maint_fee_events",
        "SELECT CAST(16 + i % 8 % 3 AS VARCHAR) || CAST(101 + i % 8 AS VARCHAR) || CAST(117 + i % 8 AS VARCHAR) AS application_number,"
        " ['M1551', 'M1552'][1 + i % 2] AS event_code FROM range(16) t(i)",
    )
    lookup, _ = shared_attributes(con, "p.maint_fee_events", "p.g_application")
    assert isinstance(lookup, SharedLookup)
    assert (lookup.side, lookup.columns, lookup.repeats) == ("to", (("application_number", "application_id"),), 0)
    assert "their values meet only once case, spaces and punctuation are ignored: 8 of 8" in lookup.note(
        "p.maint_fee_events", "p.g_application"
    )


def test_a_code_written_several_ways_is_shared_when_its_values_met_as_written_and_respelled_are_enough(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # A pharmacy's claims write each NDC three ways, 00002120001, 00002-1200-01 and 2-1200-1;
    # NADAC writes the 11 digits: a fifth of the claims' values meet as written, as many more
    # once the hyphens are ignored, and the pair was never offered.
    _table(
        con, "chain.claims",
        "SELECT i AS rx_number, CASE i % 3 WHEN 0 THEN '00002' || lpad(CAST(1000 + c AS VARCHAR), 4, '0') || '01'"
        " WHEN 1 THEN '00002-' || lpad(CAST(1000 + c AS VARCHAR), 4, '0') || '-01' ELSE '2-' || CAST(1000 + c AS VARCHAR) || '-1'"
        " END AS ndc FROM (SELECT i, (i // 3) % 30 AS c FROM range(900) t(i))",
    )
    _table(
        con, "ref.nadac",
        "SELECT '00002' || CAST(1010 + i % 100 AS VARCHAR) || '01' AS NDC, 1.5 + i AS NADAC_Per_Unit FROM range(400) t(i)",
    )
    (shared,) = shared_attributes(con, "chain.claims", "ref.nadac")
    assert shared == SharedAttribute("ndc", "NDC", "same", 90, 20, respelled=("from", 20))


def test_a_shared_code_says_how_few_of_the_side_with_more_values_the_other_covers(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # A pharmacy's claims name 50 prescribers, Medicare's Part D prescriber-by-drug file 12 of
    # them: "12 of 12 values in common" read as every prescriber, and an inner join silently
    # lost the chain's other prescribers' claims.
    _table(con, "chain.claims", "SELECT i AS rx_number, 1000000000 + i % 50 AS prescriber_npi FROM range(200) t(i)")
    _table(con, "ref.partd", "SELECT 1000000000 + i % 12 AS Prscrbr_NPI, 'Drug ' || i AS Brnd_Name FROM range(36) t(i)")
    (note,) = _notes(con, "chain.claims", "ref.partd")
    assert note == (
        "chain.claims(prescriber_npi) and ref.partd(Prscrbr_NPI): 12 of 12 values in common; aggregate both sides to"
        " it first. But only 12 of the 50 values of chain.claims(prescriber_npi) (48 of its 200 rows) are in ref.partd"
        " as written: an inner join drops its other rows; join from chain.claims with a LEFT JOIN to keep them."
    )


def test_a_date_column_empty_on_most_rows_is_compared_after_the_others(con: duckdb.DuckDBPyConnection) -> None:
    # NADAC's weekly prices: Effective_Date, then Corresponding_Generic_Drug_Effective_Date,
    # set only on the fifth of rows priced by a generic, then As of Date, the week's: claims'
    # fill_date was said to meet the generic's date "to the day", never As of Date.
    _table(con, "chain.claims", "SELECT i AS rx_number, DATE '2023-01-01' + CAST(i % 70 AS INTEGER) AS fill_date FROM range(700) t(i)")
    _table(
        con, "ref.nadac",
        "SELECT 'N' || i % 20 AS NDC, DATE '2022-01-03' + CAST(i % 97 AS INTEGER) AS Effective_Date,"
        " CASE WHEN i % 5 = 0 THEN DATE '2023-01-01' + CAST(i % 60 AS INTEGER) END AS Corresponding_Generic_Drug_Effective_Date,"
        " DATE '2023-01-04' + CAST(7 * (i // 20) AS INTEGER) AS \"As of Date\" FROM range(200) t(i)",
    )
    (day,) = shared_attributes(con, "chain.claims", "ref.nadac")
    assert isinstance(day, SharedAttribute)
    assert (day.from_column, day.to_column) == ("fill_date", "As of Date")


def test_a_well_s_api_14_meets_the_well_header_s_api_10_on_its_first_ten_digits_as_a_lookup(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # FracFocus writes each disclosure's APINumber as the API-14 (42317378860000: the well's
    # API-10 and its sidetrack and event codes), a state's well header the API-10 4231737886,
    # one row per well: no value meets another whole, the join is on the first ten digits.
    apis = "[4231737886, 4232941235, 4238940211, 4246141211, 4222744301, 4225534943, 4231700001, 4231700002]"
    _table(con, "t.wells", f"SELECT {apis}[1 + i] AS API, 'Well ' || i AS \"Well Name\" FROM range(8) t(i)")
    _table(
        con, "t.fracfocus",
        f"SELECT 'D' || i AS DisclosureId, {apis}[1 + i] * 10000 AS APINumber FROM range(7) t(i)",
    )
    for from_table, to_table in (("t.fracfocus", "t.wells"), ("t.wells", "t.fracfocus")):
        lookup, shared = shared_attributes(con, from_table, to_table)
        assert isinstance(lookup, SharedLookup)
        assert isinstance(shared, SharedAttribute)
        assert (shared.how, shared.values, shared.found) == ("prefix", 7, 7)
        note = lookup.note(from_table, to_table)
        assert note.startswith("t.wells holds one row per (API): it is a lookup, so join t.fracfocus on (APINumber) = (API)")
        assert "left(regexp_replace(CAST(\"APINumber\" AS VARCHAR), '[^0-9]', '', 'g'), 10)" in note
        assert note.endswith("each t.fracfocus row meets one t.wells row (n:1).")


def test_a_six_digit_cip_code_meets_a_four_digit_series_written_with_or_without_its_dot(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # IPEDS writes the 6-digit CIP 11.0701, the College Scorecard's Field-of-Study file its
    # 4-digit series 1107 (other files 11.07), several institutions a series: the degrees are
    # compared on the first four digits of their codes, the dot left out.
    six = "['11.0701', '11.0101', '52.0201', '26.0101', '14.0901', '52.0301']"
    four = "['1107', '1101', '5202', '2601', '1409', '4501']"
    _table(con, "u.degrees", f"SELECT 'S' || i AS student_id, {six}[1 + i % 6] AS cip_code FROM range(30) t(i)")
    _table(con, "r.field_of_study", f"SELECT i AS UNITID, {four}[1 + i % 6] AS CIPCODE FROM range(12) t(i)")
    (shared,) = shared_attributes(con, "u.degrees", "r.field_of_study")
    assert shared == SharedAttribute("cip_code", "CIPCODE", "prefix", 6, 5, prefix=("from", 4))
    assert shared.note("u.degrees", "r.field_of_study").startswith(
        "u.degrees(cip_code) and r.field_of_study(CIPCODE): 5 of the 6 codes of u.degrees(cip_code) begin with a code"
        " of r.field_of_study(CIPCODE), its first 4 digits"
    )
    _table(con, "r.dotted", f"SELECT i AS UNITID, left({four}[1 + i % 6], 2) || '.' || right({four}[1 + i % 6], 2) AS CIPCODE FROM range(12) t(i)")
    (dotted,) = shared_attributes(con, "u.degrees", "r.dotted")
    assert isinstance(dotted, SharedAttribute)
    assert (dotted.how, dotted.found) == ("prefix", 5)


def test_codes_of_mixed_widths_or_short_codes_most_of_whose_prefixes_exist_are_not_met_by_their_first_digits(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # A chance prefix: a code column mixing 4- and 6-digit values is no level, and 60 of the
    # 100 two-digit codes would meet the first two digits of almost any code.
    _table(con, "a.items", "SELECT i AS item_id, CAST(100000 + i * 37 AS VARCHAR) AS code FROM range(40) t(i)")
    _table(con, "a.groups", "SELECT CAST(10 + i AS VARCHAR) AS code FROM range(60) t(i)")
    _table(con, "a.mixed", "SELECT CASE WHEN i % 2 = 0 THEN CAST(1000 + i AS VARCHAR) ELSE CAST(100000 + i * 37 AS VARCHAR) END AS code FROM range(40) t(i)")
    _table(con, "a.series", "SELECT CAST(1000 + i AS VARCHAR) AS code FROM range(20) t(i)")
    assert shared_attributes(con, "a.items", "a.groups") == []
    assert all(s.how != "prefix" for s in shared_attributes(con, "a.mixed", "a.series") if isinstance(s, SharedAttribute))
