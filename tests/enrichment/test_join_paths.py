"""Join paths over stored links, without profiling: the ranking and warnings of `find_paths`."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

import duckdb

from datadossier.enrichment.join_paths import (
    find_paths,
    note_passed_unmatched,
    passed_unmatched,
    passed_unmatched_sql,
)
from datadossier.store.domain import RelationshipInfo


def _link(number: int, child: tuple[str, str], parent: tuple[str, str], evidence: dict[str, Any]) -> RelationshipInfo:
    ident = uuid.UUID(int=number)
    return RelationshipInfo(
        relationship_id=ident, relationship_ids=[ident], from_table=child[0], from_columns=[child[1]],
        to_table=parent[0], to_columns=[parent[1]], relationship_type="foreign_key", cardinality="n:1",
        confidence=0.98, detection_method="value_overlap", evidence={"integrity": 1.0, **evidence}, status="detected",
    )


def test_a_link_on_a_partly_empty_key_ranks_below_the_complete_one_at_the_same_confidence() -> None:
    # USAspending: contracts name their recipient by recipient_uei on every row, and by the
    # legacy recipient_duns, blank on every action since April 2022 (a quarter of the rows).
    duns = _link(1, ("g.contracts", "recipient_duns"), ("g.recipients", "recipient_duns"),
                 {"child_nulls": 49, "child_rows": 200, "parent_nulls": 10, "parent_rows": 40})
    uei = _link(2, ("g.contracts", "recipient_uei"), ("g.recipients", "recipient_uei"), {})
    first, second = find_paths([duns, uei], "g.contracts", "g.recipients")
    assert (first.steps[0].from_columns, second.steps[0].from_columns) == (("recipient_uei",), ("recipient_duns",))
    assert first.confidence == second.confidence == 0.98


def test_a_step_inside_a_path_names_the_empty_values_on_either_side_of_its_join() -> None:
    # USAspending: assistance awards reach their recipients on recipient_uei, and on to the
    # contracts through recipient_duns, blank for a quarter of recipients and of contracts.
    assistance = _link(1, ("g.assistance", "recipient_uei"), ("g.recipients", "recipient_uei"), {})
    duns = _link(2, ("g.contracts", "recipient_duns"), ("g.recipients", "recipient_duns"),
                 {"child_nulls": 49, "child_rows": 200, "parent_nulls": 10, "parent_rows": 40})
    (path,) = find_paths([assistance, duns], "g.assistance", "g.contracts")
    notes = " ".join(path.warnings)
    assert "Empty references: 10 rows of g.recipients (25.0%) have no recipient_duns; an inner JOIN drops them" in notes
    assert "Empty references: 49 rows of g.contracts (24.5%) have no recipient_duns, so this join never reaches them" in notes


def test_a_table_passed_through_on_the_columns_the_path_arrived_on_loses_no_rows_to_their_empty_values() -> None:
    # A 3PL's tracking events reach the UPS invoice lines through the orders' Tracking Number,
    # empty on 315 of 1,500 orders never shipped: none of those is reached from the events.
    events = _link(1, ("c.tracking_events", "tracking_number"), ("w.orders", "Tracking Number"),
                   {"parent_nulls": 315, "parent_rows": 1500})
    ups = _link(2, ("c.ups_invoice_detail", "Tracking Number"), ("w.orders", "Tracking Number"),
                {"parent_nulls": 315, "parent_rows": 1500})
    (path,) = find_paths([events, ups], "c.tracking_events", "c.ups_invoice_detail")
    assert not [w for w in path.warnings if w.startswith("Empty references")]


def test_a_table_reached_on_a_composite_key_loses_no_rows_to_an_empty_part_of_it() -> None:
    # StatsBomb: the lineups reach the events on (match_id, player_id) and leave them for the id
    # crosswalk on player_id, empty on the 96 Half Start events: none of those was reached.
    events = _link(1, ("club.events", "match_id"), ("club.lineups", "match_id"), {})
    events = replace(events, from_columns=["match_id", "player_id"], to_columns=["match_id", "player_id"])
    crosswalk = _link(2, ("club.events", "player_id"), ("market.id_crosswalk", "statsbomb_id"),
                      {"child_nulls": 96, "child_rows": 3678})
    (path,) = find_paths([events, crosswalk], "club.lineups", "market.id_crosswalk", k=1)
    assert [s.to_table for s in path.steps] == ["club.events", "market.id_crosswalk"]
    assert not [w for w in path.warnings if w.startswith("Empty references: 96 rows of club.events")]


def test_orphans_in_scientific_notation_are_said_rounded_and_another_link_of_the_same_tables_is_offered() -> None:
    # FedEx's invoice lines reach the orders on the tracking id, 53 of them saved through Excel
    # as 5.56035E+11; their Reference 1 holds the order number, a link of its own.
    tracking = _link(1, ("c.fedex", "Express or Ground Tracking ID"), ("w.orders", "Tracking Number"),
                     {"integrity": 0.962, "orphan_rows": 53, "orphan_examples": ["5.56035E+11", "5.56036E+11"]})
    reference = _link(2, ("c.fedex", "Reference 1"), ("w.orders", "Order Number"), {"integrity": 0.9})
    first, _ = find_paths([tracking, reference], "c.fedex", "w.orders")
    notes = " ".join(first.warnings)
    assert "They are written in scientific notation (5.56035E+11): a spreadsheet rounded those ids" in notes
    assert "Another way in: c.fedex(Reference 1) also links to w.orders(Order Number) (90.0% of its values match)" in notes


def test_a_single_orphan_among_thousands_is_said_under_a_tenth_of_a_percent_not_zero() -> None:
    # PJM's real-time prices miss one hour at N ILLINOIS HUB: 1 of the day-ahead file's 3,672
    # (hour, pnode) pairs has no match.
    link = _link(1, ("m.pjm_da", "pnode_hour"), ("m.pjm_rt", "pnode_hour"), {"integrity": 0.9997, "orphan_rows": 1})
    (path,) = find_paths([link], "m.pjm_da", "m.pjm_rt")
    assert path.warnings[0].startswith("Orphans: <0.1% of the distinct values of m.pjm_da(pnode_hour) have no match (1 row)")


def test_a_one_to_one_step_from_the_side_holding_an_extra_value_says_the_inner_join_drops_its_row() -> None:
    # PJM's real-time prices by (hour, pnode) miss one hour that the day-ahead file holds: the
    # link is kept from real-time onto day-ahead, and walked from day-ahead the inner JOIN
    # drops that hour with no orphan of the link to say so.
    link = _link(1, ("m.pjm_rt", "pnode_hour"), ("m.pjm_da", "pnode_hour"),
                 {"found_in_parent": 3671, "parent_distinct": 3672, "orphan_values": 0})
    link = replace(link, cardinality="1:1")
    (path,) = find_paths([link], "m.pjm_da", "m.pjm_rt")
    assert path.warnings == [
        "Unmatched: 1 value of m.pjm_da(pnode_hour) (<0.1%) has no row in m.pjm_rt; an inner JOIN drops that row,"
        " a LEFT JOIN from m.pjm_da keeps it."
    ]
    (back,) = find_paths([link], "m.pjm_rt", "m.pjm_da")
    assert back.warnings == []


def test_a_list_join_onto_a_unique_key_says_rows_multiply_by_the_items_not_by_the_parent() -> None:
    # MoMA's artworks list their artists' ConstituentIDs ("7605, 6210" on 2 of 8 rows), one
    # Artists row per id: aggregating the artists first changes nothing, and not every value
    # lists several.
    listed = {"separator": ", ", "written_out": False, "numbers": True, "values": 8, "several": 2}
    link = replace(
        _link(1, ("moma.artworks", "ConstituentID"), ("moma.artists", "ConstituentID"), {"list_items": listed}),
        cardinality="n:m",
    )
    (path,) = find_paths([link], "moma.artworks", "moma.artists")
    notes = " ".join(path.warnings)
    assert "aggregate moma.artists" not in notes
    assert "repeat on both sides" not in notes
    assert "Fan-out: a moma.artworks row whose ConstituentID lists k references meets k moma.artists rows" in notes
    assert "Lists: each value of moma.artworks(ConstituentID) is a list of references (2 of 8 list several)" in notes
    (back,) = find_paths([link], "moma.artists", "moma.artworks")
    assert not any("repeat on both sides" in w for w in back.warnings)


def test_values_a_table_passed_through_lacks_count_the_rows_of_the_table_the_path_came_from() -> None:
    # IPEDS completions reach the College Scorecard through the institutions (hd2022), 7% of
    # which the Scorecard lacks, though every UNITID the completions name is in it: the inner
    # JOIN drops none of their rows.
    completions = _link(1, ("ref.c2022_a", "UNITID"), ("ref.hd2022", "UNITID"), {})
    scorecard = replace(
        _link(2, ("ref.scorecard", "UNITID"), ("ref.hd2022", "UNITID"),
              {"found_in_parent": 13, "parent_distinct": 14, "orphan_values": 0}),
        cardinality="1:1",
    )
    (path,) = find_paths([completions, scorecard], "ref.c2022_a", "ref.scorecard")
    assert not [w for w in path.warnings if w.startswith("Unmatched")]
    (pair,) = passed_unmatched(path)
    with duckdb.connect() as con:
        con.execute("CREATE SCHEMA typed")
        con.execute('CREATE TABLE typed."ref.hd2022" AS SELECT 100654 + i AS UNITID FROM range(14) t(i)')
        con.execute('CREATE TABLE typed."ref.scorecard" AS SELECT 100654 + i AS UNITID FROM range(13) t(i)')
        con.execute('CREATE TABLE typed."ref.c2022_a" AS SELECT 100654 + i % 12 AS UNITID FROM range(40) t(i)')
        row = con.execute(passed_unmatched_sql(*pair)).fetchone()
        assert row == (0,)
        con.execute('INSERT INTO typed."ref.c2022_a" VALUES (100667), (100667)')
        row = con.execute(passed_unmatched_sql(*pair)).fetchone()
    assert row == (2,)
    note_passed_unmatched(path, *pair, 2)
    assert path.warnings[-1].startswith(
        "Unmatched: 2 rows of ref.c2022_a reach ref.hd2022 with a UNITID that has no row in ref.scorecard"
    )


def test_a_passed_through_table_s_unmatched_values_are_said_when_the_join_before_normalizes() -> None:
    # The same path as IPEDS's above, the completions' UNITIDs written with a slip the join
    # before undoes (a case slip in product codes, in the review's repro): no count in DuckDB is
    # made of such a step, so the Unmatched note of the table passed through stays.
    completions = _link(1, ("ref.c2022_a", "UNITID"), ("ref.hd2022", "UNITID"),
                        {"integrity": 0.5, "normalized_integrity": 1.0, "normalizations": ["case"]})
    scorecard = replace(
        _link(2, ("ref.scorecard", "UNITID"), ("ref.hd2022", "UNITID"),
              {"found_in_parent": 13, "parent_distinct": 14, "orphan_values": 0}),
        cardinality="1:1",
    )
    (path,) = find_paths([completions, scorecard], "ref.c2022_a", "ref.scorecard")
    assert not passed_unmatched(path)
    assert [w for w in path.warnings if w.startswith("Unmatched")]


def test_a_parent_s_other_reference_to_the_child_is_no_other_way_in() -> None:
    # Oracle's HR sample schema: employees cite their department, and each department cites
    # its manager among the employees. Walked from a department to its staff, the manager_id
    # link was offered as "another way in" matching a row to one row: its manager, not its staff.
    staff = _link(1, ("hr.employees", "department_id"), ("hr.departments", "department_id"), {})
    manager = _link(2, ("hr.departments", "manager_id"), ("hr.employees", "employee_id"), {})
    paths = find_paths([staff, manager], "hr.departments", "hr.employees")
    by_department = next(p for p in paths if p.steps[0].from_columns == ("department_id",))
    assert by_department.steps[0].cardinality == "1:n"
    assert not [w for w in by_department.warnings if w.startswith("Another way in")]
