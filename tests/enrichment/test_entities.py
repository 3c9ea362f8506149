"""The role of a table, read from its keys and links alone."""

from __future__ import annotations

from datadossier.enrichment.entities import classify
from datadossier.enrichment.model import ColumnStats, Link, TableKeys, TableStats


def test_a_table_of_several_unique_ids_linked_one_to_one_is_a_crosswalk() -> None:
    # A football dataset's id_crosswalk: statsbomb_id, transfermarkt_id and fbref_id, one row
    # per player, its transfermarkt_id one to one with the players' player_id. Nothing to
    # measure, no time: it was left "unknown".
    crosswalk = TableStats("m.id_crosswalk", '"x"', 314, (
        ColumnStats("m.id_crosswalk", "statsbomb_id", 1, "INTEGER", 314, 0, 314),
        ColumnStats("m.id_crosswalk", "transfermarkt_id", 2, "INTEGER", 314, 0, 314),
        ColumnStats("m.id_crosswalk", "fbref_id", 3, "VARCHAR", 314, 0, 314, fixed_length=8),
        ColumnStats("m.id_crosswalk", "player_name", 4, "VARCHAR", 314, 0, 314),
    ))
    players = TableStats("m.players", '"p"', 452, (
        ColumnStats("m.players", "player_id", 1, "INTEGER", 452, 0, 452),
        ColumnStats("m.players", "name", 2, "VARCHAR", 452, 0, 450),
    ))
    keys = {
        "m.id_crosswalk": TableKeys(
            "m.id_crosswalk", (("statsbomb_id",), ("transfermarkt_id",), ("fbref_id",)), ("statsbomb_id",)
        ),
        "m.players": TableKeys("m.players", (("player_id",),), ("player_id",)),
    }
    link = Link("m.id_crosswalk", ("transfermarkt_id",), "m.players", ("player_id",), 0.85, "1:1", "foreign_key")
    entities = {e.table: e for e in classify([crosswalk, players], keys, [link], [])}
    found = entities["m.id_crosswalk"]
    assert found.role == "dimension"
    assert found.evidence["crosswalk_of"] == ["statsbomb_id", "transfermarkt_id", "fbref_id"]
    assert "crosswalk" in found.evidence["reason"]
    # (A table with one identifier and its 1:1 link is no crosswalk.)
    keys["m.id_crosswalk"] = TableKeys("m.id_crosswalk", (("transfermarkt_id",),), ("transfermarkt_id",))
    entities = {e.table: e for e in classify([crosswalk, players], keys, [link], [])}
    assert "crosswalk_of" not in entities["m.id_crosswalk"].evidence


def test_a_catalogue_of_marc_tags_holds_bibliographic_records() -> None:
    # A library's MARC export, catalog_export.csv, its columns the fields' tags (001, 020,
    # 245, 260c, 650): it was a "product", as a shop's catalog is.
    names = ("001", "010", "020", "035", "100", "245", "260", "260c", "300", "650")
    marc = TableStats("m.catalog_export", '"x"', 40, tuple(
        ColumnStats("m.catalog_export", name, i, "VARCHAR", 40, 0, 40) for i, name in enumerate(names, 1)
    ))
    shop = TableStats("m.catalog", '"c"', 40, (
        ColumnStats("m.catalog", "sku", 1, "VARCHAR", 40, 0, 40),
        ColumnStats("m.catalog", "price", 2, "DOUBLE", 40, 0, 30),
    ))
    keys = {
        "m.catalog_export": TableKeys("m.catalog_export", (("001",),), ("001",)),
        "m.catalog": TableKeys("m.catalog", (("sku",),), ("sku",)),
    }
    entities = {e.table: e.entity_type for e in classify([marc, shop], keys, [], [])}
    assert entities == {"m.catalog_export": "bibliographic record", "m.catalog": "product"}


def test_an_institution_directory_with_two_unique_ids_is_no_crosswalk() -> None:
    # IPEDS's hd2022.csv: UNITID and OPEID, each unique, beside the institution's name, city,
    # state, ZIP, sector and web address, its UNITID one to one with College Scorecard's. Its
    # reason called it "a crosswalk between identifiers (UNITID, OPEID)".
    names = ("UNITID", "INSTNM", "CITY", "STABBR", "ZIP", "FIPS", "OPEID", "SECTOR", "HLOFFER", "WEBADDR")
    hd = TableStats("m.hd2022", '"h"', 60, tuple(
        ColumnStats("m.hd2022", name, i, "VARCHAR", 60, 0, 60 if name in ("UNITID", "OPEID", "INSTNM") else 5)
        for i, name in enumerate(names, 1)
    ))
    scorecard = TableStats("m.institution", '"s"', 60, (
        ColumnStats("m.institution", "UNITID", 1, "VARCHAR", 60, 0, 60),
        ColumnStats("m.institution", "MD_EARN_WNE_P10", 2, "DOUBLE", 60, 0, 55),
    ))
    keys = {
        "m.hd2022": TableKeys("m.hd2022", (("UNITID",), ("OPEID",), ("INSTNM",)), ("UNITID",)),
        "m.institution": TableKeys("m.institution", (("UNITID",),), ("UNITID",)),
    }
    link = Link("m.institution", ("UNITID",), "m.hd2022", ("UNITID",), 0.95, "1:1", "foreign_key")
    found = {e.table: e for e in classify([hd, scorecard], keys, [link], [])}["m.hd2022"]
    assert "crosswalk_of" not in found.evidence
    assert "crosswalk" not in found.evidence["reason"]


def test_a_file_named_by_a_code_with_home_and_away_sides_holds_matches() -> None:
    # football-data.co.uk's E0.csv (the Premier League's code), one row per match by HomeTeam
    # and AwayTeam with their goals (FTHG, FTAG): its entity stayed "e0".
    names = ("Div", "Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG", "FTR")
    types = ("VARCHAR", "DATE", "VARCHAR", "VARCHAR", "INTEGER", "INTEGER", "VARCHAR")
    e0 = TableStats("m.e0", '"e"', 380, tuple(
        ColumnStats("m.e0", name, i, sql_type, 380, 0, 20) for i, (name, sql_type) in enumerate(zip(names, types, strict=True), 1)
    ))
    keys = {"m.e0": TableKeys("m.e0", (("HomeTeam", "AwayTeam"),), ("HomeTeam", "AwayTeam"))}
    assert classify([e0], keys, [], [])[0].entity_type == "match"
