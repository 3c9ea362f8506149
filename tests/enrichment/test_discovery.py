"""Keys, relationships, entities and join paths on two datasets with known answers, through
the real pipeline, DuckDB workspace and store (SQLite and PostgreSQL)."""

from __future__ import annotations

import calendar
import random
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from datadossier.pipeline.discovery import RelationshipService
from datadossier.runtime import Runtime, open_runtime
from datadossier.sample import CUSTOMER_COUNT, ORPHAN_ORDERS, STRIPPED_PRODUCT_CODES, write_sample
from datadossier.server.tools.relationship_models import EntityOut
from tests.datasets.company import CompanyTruth, write_company
from tests.server.helpers import make_settings

Edge = tuple[str, tuple[str, ...], str, tuple[str, ...]]


@pytest.fixture
async def runtime(tmp_path: Path, store_url: str) -> AsyncIterator[Runtime]:
    async with open_runtime(make_settings(tmp_path, store_url)) as rt:
        yield rt


def _edges(found: list[Any], source: str) -> dict[Edge, Any]:
    strip = len(source) + 1
    return {
        (r.from_table[strip:], tuple(r.from_columns), r.to_table[strip:], tuple(r.to_columns)): r
        for r in found
        if r.relationship_type != "bridge"
    }


async def _profile(runtime: Runtime, folder: Path) -> RelationshipService:
    await runtime.pipeline.profile_path(folder)
    return RelationshipService(runtime.pipeline)


def _parent_and_child(folder: Path, parent: tuple[str, str, int], child: tuple[str, str]) -> Path:
    """A folder of two files: ``parent`` (file name, key, rows) and ``child`` (file name, own
    key), whose 200 rows point at the parent's rows under the parent's key name."""
    (parent_name, key, count), (child_name, own) = parent, child
    folder.mkdir(parents=True)
    (folder / f"{parent_name}.csv").write_text(f"{key},name\n" + "".join(f"{i},N{i}\n" for i in range(1, count + 1)))
    (folder / f"{child_name}.csv").write_text(f"{own},{key}\n" + "".join(f"{i},{1 + i % count}\n" for i in range(1, 201)))
    return folder


async def _only_entity(runtime: Runtime, folder: Path) -> Any:
    """What discovery says of the one table of ``folder`` (a source of its own)."""
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source=folder.name)
    (entity,) = entities
    return entity


async def _one_file_entity(runtime: Runtime, path: Path, lines: list[str]) -> Any:
    """What discovery says of a folder's one file, written from ``lines``."""
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n")
    return await _only_entity(runtime, path.parent)


async def _count(runtime: Runtime, sql: str) -> int:
    import anyio.to_thread

    def run() -> int:
        with runtime.pipeline.workspace.connect(read_only=True) as con:
            return int(con.execute(f"SELECT count(*) {sql}").fetchall()[0][0])

    return await anyio.to_thread.run_sync(run)


async def test_sample_shop(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "shop"
    write_sample(folder)
    service = await _profile(runtime, folder)
    found, entities, run = await service.relationships(source="shop")
    assert run.ran
    edges = _edges(found, "shop")
    assert set(edges) == {
        ("orders", ("cust_id",), "customers", ("customer_id",)),
        ("order_items", ("order_id",), "orders", ("order_id",)),
        ("order_items", ("product_code",), "products", ("product_code",)),
        ("events", ("customer",), "customers", ("customer_id",)),
    }
    assert all(r.cardinality == "n:1" and r.relationship_type == "foreign_key" for r in edges.values())
    orders = edges[("orders", ("cust_id",), "customers", ("customer_id",))].evidence
    # Orders of deleted customers: orphans, counted, with their ids as examples.
    assert 0 < orders["orphan_rows"] <= ORPHAN_ORDERS
    assert all(int(v) > CUSTOMER_COUNT for v in orders["orphan_examples"])
    assert 0.85 < orders["integrity"] < 1.0
    codes = edges[("order_items", ("product_code",), "products", ("product_code",))].evidence
    # Codes that lost their zeros are orphans as written only: the join SQL normalizes them.
    assert codes["orphan_rows"] == 0 < codes["orphan_rows_as_written"] <= STRIPPED_PRODUCT_CODES
    assert codes["normalized_integrity"] == 1.0  # "123" is "000123" without its zeros
    grains = {e.table: e.grain_columns for e in entities}
    assert grains == {
        "shop.customers": ["customer_id"],
        "shop.orders": ["order_id"],
        "shop.order_items": ["order_id", "line_no"],
        "shop.products": ["product_code"],
        "shop.events": ["event_id"],
    }
    roles = {e.table: e.role for e in entities}
    assert roles["shop.customers"] == roles["shop.products"] == "dimension"
    assert roles["shop.order_items"] == roles["shop.events"] == "fact"
    assert {e.table: e.entity_type for e in entities}["shop.order_items"] == "order line"

    async with runtime.sessions() as session:
        from sqlalchemy import text

        graph = (
            await session.execute(
                text("SELECT from_table, from_column, to_table, to_column, cardinality FROM v_relationship_graph")
            )
        ).all()
    assert {tuple(r) for r in graph} == {
        (child, cols[0], parent, pcols[0], "n:1") for child, cols, parent, pcols in edges
    }

    # A second call with nothing changed does not discover again.
    _, _, again = await service.relationships(source="shop")
    assert not again.ran

    answer = await service.join_paths("events", "order_items")
    best = answer.paths[0]
    assert [s.to_table for s in best.steps] == ["shop.customers", "shop.orders", "shop.order_items"]
    assert [s.cardinality for s in best.steps] == ["n:1", "1:n", "1:n"]
    assert any(w.startswith("Chasm trap at shop.customers") for w in best.warnings)
    assert any(w.startswith("Fan-out") for w in best.warnings)
    assert await _count(runtime, best.sql) > 0


def _truth_edges(truth: CompanyTruth) -> set[Edge]:
    return {(fk.child_table, fk.child_columns, fk.parent_table, fk.parent_columns) for fk in truth.foreign_keys}


async def test_company_matches_the_planted_keys(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "company"
    truth = write_company(folder)
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="company")
    edges = _edges(found, "company")
    assert set(edges) == _truth_edges(truth)
    for fk in truth.foreign_keys:
        r = edges[(fk.child_table, fk.child_columns, fk.parent_table, fk.parent_columns)]
        assert r.cardinality == fk.cardinality, fk
        assert r.evidence["integrity"] == pytest.approx(fk.integrity, abs=1e-3), fk
    assert edges[("employees", ("reports_to",), "employees", ("emp_no",))].relationship_type == "hierarchy"
    badge = edges[("badge_swipes", ("badge_holder",), "employees", ("emp_no",))]
    assert badge.evidence["orphan_rows"] > 0
    (bridge,) = [r for r in found if r.relationship_type == "bridge"]
    assert bridge.cardinality == "n:m"
    assert {bridge.from_table, bridge.to_table} == {"company.employees", "company.projects"}
    assert bridge.evidence["bridge_table"] == "company.assignments"

    grains = {e.table.split(".", 1)[1]: tuple(e.grain_columns or ()) for e in entities}
    assert grains == {t: tuple(k) for t, k in truth.keys.items()}
    roles = {e.table.split(".", 1)[1]: e.role for e in entities}
    assert roles["assignments"] == "bridge"
    assert roles["timesheets"] == roles["badge_swipes"] == "fact"
    assert roles["departments"] == roles["employees"] == roles["employee_private"] == "dimension"

    # A composite step, a two-hop path without fan-out, a self-join, and no path at all.
    composite = (await service.join_paths("timesheets", "assignments")).paths[0]
    assert composite.steps[0].from_columns == ("emp", "proj")
    assert composite.steps[0].to_columns == ("employee_id", "project")
    assert await _count(runtime, composite.sql) == await _count(runtime, 'FROM "typed"."company.timesheets"')
    two = (await service.join_paths("timesheets", "departments")).paths[0]
    assert [s.to_table for s in two.steps] == ["company.employees", "company.departments"]
    assert two.cardinality == "n:1"
    assert not two.warnings
    assert await _count(runtime, two.sql) == await _count(runtime, 'FROM "typed"."company.timesheets"')
    own = (await service.join_paths("employees", "employees")).paths[0]
    assert own.steps[0].from_columns == ("reports_to",)
    assert await _count(runtime, own.sql) > 0
    none = await service.join_paths("offices", "employees")
    assert none.paths == []
    assert ["company.offices"] in none.groups


async def test_a_join_path_s_aliases_are_no_keywords(runtime: Runtime, tmp_path: Path) -> None:
    # EPA's AQS sites: the initials of aqs_sites are "as", which DuckDB cannot take as an alias.
    folder = tmp_path / "data" / "aqs"
    folder.mkdir(parents=True)
    (folder / "aqs_sites.csv").write_text("site_id,site_name\n" + "".join(f"S{i:04d},Site {i}\n" for i in range(40)))
    (folder / "daily.csv").write_text("site_id,day,pm25\n" + "".join(
        f"S{i % 40:04d},2023-01-{1 + i // 40:02d},{i % 17}.5\n" for i in range(400)))
    service = await _profile(runtime, folder)
    (path,) = (await service.join_paths("daily", "aqs_sites")).paths
    assert " AS as" not in path.sql
    assert await _count(runtime, path.sql) == 400


async def test_a_year_is_no_reference_to_ids_of_its_range(runtime: Runtime, tmp_path: Path) -> None:
    # Kaggle's House Prices: test.csv numbers its houses 1461..2919, and train.csv's
    # YearBuilt (1872..2010) and GarageYrBlt all fall among those ids.
    folder = tmp_path / "data" / "houses"
    folder.mkdir(parents=True)
    rng = random.Random(8)
    (folder / "train.csv").write_text("Id,YearBuilt,GarageYrBlt,SalePrice\n" + "".join(
        f"{i},{(y := rng.randint(1880, 2010))},{y + rng.randint(0, 5)},{rng.randint(50, 700) * 1000}\n" for i in range(1, 801)))
    (folder / "test.csv").write_text("Id,YearBuilt\n" + "".join(f"{i},{rng.randint(1880, 2010)}\n" for i in range(1461, 2920)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="houses")
    assert not [e for e in _edges(found, "houses") if "Yr" in e[1][0] or "Year" in e[1][0]]


async def test_reviews_are_kept_across_discoveries(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "company"
    write_company(folder)
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="company")
    edges = _edges(found, "company")
    badge = edges[("badge_swipes", ("badge_holder",), "employees", ("emp_no",))]
    project = edges[("assignments", ("project",), "projects", ("project_id",))]

    rejected = await service.review(str(badge.relationship_id), confirm=False, by="tester", note="contractor badges")
    assert rejected.status == "rejected"
    confirmed = await service.review(str(project.relationship_id), confirm=True, by="tester")
    assert confirmed.status == "confirmed"
    assert confirmed.reviewed_by == "tester"

    # Break the confirmed link in the data: project ids move out of range.
    projects = folder / "projects.csv"
    lines = projects.read_text().splitlines()
    head, rows = lines[0], lines[1:]
    rows = [str(int(r.split(",", 1)[0]) + 9000) + "," + r.split(",", 1)[1] for r in rows]
    projects.write_text("\n".join([head, *rows]) + "\n")
    await runtime.pipeline.profile_path(projects)

    found, _, run = await service.relationships(source="company", include_rejected=True)
    assert run.ran  # a table changed
    edges = _edges(found, "company")
    kept = edges[("assignments", ("project",), "projects", ("project_id",))]
    assert kept.status == "confirmed"
    assert kept.evidence["found_by_latest_discovery"] is False
    assert edges[("badge_swipes", ("badge_holder",), "employees", ("emp_no",))].status == "rejected"
    visible = _edges((await service.relationships(source="company", refresh=True))[0], "company")
    assert ("badge_swipes", ("badge_holder",), "employees", ("emp_no",)) not in visible
    # Join paths leave the rejected link out.
    answer = await service.join_paths("badge_swipes", "employees")
    assert answer.paths == []


async def test_join_path_profiles_new_files_of_the_folder_first(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "shop"
    write_sample(folder)
    await runtime.pipeline.profile_path(folder / "customers.csv")
    service = RelationshipService(runtime.pipeline)
    answer = await service.join_paths("shop.customers", "orders")
    assert sorted(answer.discovery.profiled) == ["shop.events", "shop.order_items", "shop.orders", "shop.products"]
    assert answer.discovery.skipped_files == []
    assert answer.paths[0].steps[0].to_table == "shop.orders"
    assert answer.paths[0].steps[0].cardinality == "1:n"


async def test_bad_requests_are_clear_errors(runtime: Runtime, tmp_path: Path) -> None:
    from datadossier.errors import DatadossierError, TableNotFoundError

    folder = tmp_path / "data" / "shop"
    write_sample(folder)
    service = await _profile(runtime, folder)
    with pytest.raises(TableNotFoundError):
        await service.join_paths("shop.customers", "nowhere")
    with pytest.raises(DatadossierError, match="max_hops"):
        await service.join_paths("customers", "orders", max_hops=0)
    with pytest.raises(DatadossierError, match="not a relationship id"):
        await service.review("42", confirm=True, by="t")
    with pytest.raises(TableNotFoundError, match="No relationship"):
        await service.review("00000000-0000-0000-0000-000000000000", confirm=True, by="t")
    with pytest.raises(TableNotFoundError, match="No source"):
        await service.relationships(source="nope")


async def test_links_between_two_sources_when_asked(runtime: Runtime, tmp_path: Path) -> None:
    shop = tmp_path / "data" / "shop"
    write_sample(shop)
    crm, sales = tmp_path / "data" / "crm", tmp_path / "data" / "sales"
    crm.mkdir()
    sales.mkdir()
    (shop / "customers.csv").rename(crm / "customers.csv")
    (shop / "orders.csv").rename(sales / "orders.csv")
    await runtime.pipeline.profile_path(crm)
    await runtime.pipeline.profile_path(sales)
    service = RelationshipService(runtime.pipeline)
    alone, _, _ = await service.relationships(source="sales")
    assert alone == []
    answer = await service.join_paths("sales.orders", "crm.customers")
    (step,) = answer.paths[0].steps
    assert (step.from_columns, step.to_table, step.to_columns) == (("cust_id",), "crm.customers", ("customer_id",))
    assert await _count(runtime, answer.paths[0].sql) > 0
    # A later discovery of one source keeps the link it cannot see.
    await service.relationships(source="sales", refresh=True)
    across, _, run = await service.relationships(source="sales", across=["crm"])
    assert not run.ran
    assert [(r.from_table, r.to_table) for r in across] == [("sales.orders", "crm.customers")]


async def test_a_link_across_two_sources_is_listed_whichever_side_is_asked(runtime: Runtime, tmp_path: Path) -> None:
    # ADaM's adsl beside SDTM's dm, in two folders: asked from the parent's folder across the
    # child's, the link is the same one the child's folder lists.
    crm, sales = tmp_path / "data" / "crm", tmp_path / "data" / "sales"
    _parent_and_child(crm, ("customers", "customer_id", 40), ("orders", "order_id"))
    sales.mkdir()
    (crm / "orders.csv").rename(sales / "orders.csv")
    await runtime.pipeline.profile_path(crm)
    await runtime.pipeline.profile_path(sales)
    service = RelationshipService(runtime.pipeline)
    from_parent, _, _ = await service.relationships(source="crm", across=["sales"])
    from_child, _, _ = await service.relationships(source="sales", across=["crm"])
    expected = [("sales.orders", ("customer_id",), "crm.customers", ("customer_id",))]
    assert [(r.from_table, tuple(r.from_columns), r.to_table, tuple(r.to_columns)) for r in from_parent] == expected
    assert [(r.from_table, tuple(r.from_columns), r.to_table, tuple(r.to_columns)) for r in from_child] == expected
    # Not asked across: the source's own links alone.
    alone, _, _ = await service.relationships(source="crm")
    assert alone == []


async def test_two_tables_of_a_source_join_through_another_sources_table(runtime: Runtime, tmp_path: Path) -> None:
    # Zendesk's tickets and HubSpot's companies in one folder, each linked to Chargebee's
    # customers in another: the path between them goes through the customers.
    billing, support = tmp_path / "data" / "billing", tmp_path / "data" / "support"
    billing.mkdir(parents=True)
    support.mkdir(parents=True)
    customers = [f"C{1000 + i}" for i in range(40)]
    (billing / "customers.csv").write_text("customer_id,name\n" + "".join(f"{c},Name {c}\n" for c in customers))
    (support / "tickets.csv").write_text(
        "ticket_id,customer_id\n" + "".join(f"{1000 + i},{customers[i % 40]}\n" for i in range(200))
    )
    (support / "companies.csv").write_text(
        "company_id,chargebee_customer_id,industry\n"
        + "".join(f"{5000 + i},{customers[i * 4]},Industry {i % 3}\n" for i in range(10))
    )
    (support / "notes.csv").write_text("note_id,text\n" + "".join(f"{i},note {i}\n" for i in range(1, 30)))
    await runtime.pipeline.profile_path(billing)
    await runtime.pipeline.profile_path(support)
    service = RelationshipService(runtime.pipeline)
    found, _, _ = await service.relationships(source="support", across=["billing"])
    assert {(r.from_table, r.to_table) for r in found} == {
        ("support.tickets", "billing.customers"), ("support.companies", "billing.customers"),
    }
    answer = await service.join_paths("support.tickets", "support.companies")
    assert [s.to_table for s in answer.paths[0].steps] == ["billing.customers", "support.companies"]
    assert await _count(runtime, answer.paths[0].sql) > 0
    # The groups say the same: the tickets, the customers and the companies are one.
    lonely = await service.join_paths("support.notes", "support.tickets")
    assert lonely.paths == []
    assert lonely.groups == [
        ["billing.customers", "support.companies", "support.tickets"], ["support.notes"],
    ]


async def test_tables_without_keys_get_an_unknown_grain(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "odd"
    folder.mkdir(parents=True)
    rows = "\n".join(f"{i % 7},{i % 3},note {i % 5}" for i in range(60))
    (folder / "dupes.csv").write_text("a,b,note\n" + rows + "\n" + rows + "\n")
    (folder / "single.csv").write_text("code\nx\n")
    (folder / "readings.csv").write_text(
        "taken_at,value\n" + "\n".join(f"2024-01-01 00:{m:02d}:00,{m * 0.5}" for m in range(60)) + "\n"
    )
    service = await _profile(runtime, folder)
    found, entities, run = await service.relationships(source="odd")
    assert run.ran
    assert found == []
    by_table = {e.table: e for e in entities}
    assert by_table["odd.dupes"].grain_columns is None
    dupes = by_table["odd.dupes"].evidence["keys"]
    assert "no column" in dupes["reason"]
    # The file holds its 60 rows twice; no column tells even those 60 apart.
    assert dupes["duplicate_rows"] == 60
    assert "key_without_duplicates" not in dupes
    assert by_table["odd.single"].grain_columns == ["code"]
    # Only the time identifies a row: a time series.
    assert by_table["odd.readings"].grain_columns == ["taken_at"]
    assert by_table["odd.readings"].evidence["time_series"] is True


async def test_duplicate_rows_are_counted_and_the_key_without_them_named(runtime: Runtime, tmp_path: Path) -> None:
    from datadossier.server.tools.relationship_models import EntityOut

    rows = [f"{i},name {i},{i % 9}" for i in range(1, 81)]
    # An export that repeats a page of its rows: the id is unique once the copies go.
    entity = await _one_file_entity(runtime, tmp_path / "data" / "crm" / "people.csv", ["id,name,score", *rows, *rows[20:32]])
    assert entity.grain_columns is None
    out = EntityOut.of(entity)
    assert out.duplicate_rows == 12
    assert out.key_without_duplicates == ["id"]
    assert "12 of the 92 rows repeat another row in every column; without those copies, id would be unique" in (
        entity.evidence["keys"]["reason"]
    )


async def test_a_unique_name_keys_a_table_before_two_stats_unique_by_chance(runtime: Runtime, tmp_path: Path) -> None:
    # Pokemon.csv: "#" repeats for a Pokémon's mega forms, HP and Speed together happen to be
    # unique; the Name is the key.
    rng = random.Random(5)
    lines = ["#,Name,HP,Speed,Legendary"]
    for number in range(1, 121):
        forms = ["", "Mega "] if number % 10 == 0 else [""]
        lines += [f"{number},{form}Mon{number},{rng.randint(20, 160)},{rng.randint(15, 180)},False" for form in forms]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "pokedex" / "pokemon.csv", lines)
    assert entity.grain_columns == ["Name"]
    keys = entity.evidence["keys"]["candidate_keys"]
    assert ["HP", "Speed"] not in keys
    assert not any("Speed" in k or "HP" in k for k in keys)


async def test_a_list_of_identifiers_is_no_key_of_its_rows(runtime: Runtime, tmp_path: Path) -> None:
    # ClinicalTrials.gov's export: "Other IDs" lists a trial's secondary ids
    # ("2019-001234-56|CR123456"), unique per trial as its NCT Number is; a list is no key.
    rng = random.Random(9)
    lines = ["NCT Number,Study Status,Other IDs"]
    for i in range(200):
        ids = [f"{2010 + i % 12}-{rng.randint(100000, 999999):06d}-{i % 90 + 10}", f"CR{100000 + i}"]
        listed = "|".join(ids[: 1 + (i % 3 != 0)])
        lines.append(f"NCT0{4000000 + i * 37},{rng.choice(['RECRUITING', 'COMPLETED'])},{listed}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "ctgov" / "ctg-studies.csv", lines)
    assert entity.grain_columns == ["NCT Number"]
    assert entity.evidence["keys"]["candidate_keys"] == [["NCT Number"]]


async def test_a_finely_graded_measure_keys_no_census_row(runtime: Runtime, tmp_path: Path) -> None:
    # UCI Adult: people described by an age, a census weight (fnlwgt, unique by chance among a
    # few hundred rows) and years of schooling. Neither the weight nor a set with it is a key,
    # with a header or without one (adult.data has none).
    rng = random.Random(11)
    people = [
        (rng.randint(17, 90), rng.choice(["Private", "State-gov", "Self-emp"]), rng.randint(20000, 1_400_000), rng.randint(1, 16))
        for _ in range(400)
    ]
    named = ["age,workclass,fnlwgt,education_num", *(f"{a},{w},{f},{e}" for a, w, f, e in people)]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "adult" / "adult.csv", named)
    assert entity.grain_columns is None
    assert entity.evidence["keys"]["candidate_keys"] == []
    headerless = [f"{a}, {w}, {f}, {e}" for a, w, f, e in people]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "uci" / "adult.data", headerless)
    assert entity.grain_columns is None
    assert entity.evidence["keys"]["candidate_keys"] == []


async def test_a_trips_duration_beside_its_station_and_bike_keys_no_trip(runtime: Runtime, tmp_path: Path) -> None:
    # Citi Bike's trips before 2021: no trip id; a duration in seconds beside stations and
    # bikes happened to make every row of a month's extract unique together.
    rng = random.Random(8)
    lines = ["tripduration,start station id,end station id,bikeid,usertype"]
    lines += [
        f"{rng.randint(60, 5000)},{rng.randint(72, 102)},{rng.randint(72, 102)},{rng.randint(14000, 14200)},"
        f"{rng.choice(['Subscriber', 'Customer'])}"
        for _ in range(600)
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "citibike" / "201901-citibike-tripdata.csv", lines)
    assert entity.grain_columns is None
    assert not [k for k in entity.evidence["keys"]["candidate_keys"] if "tripduration" in k]


async def test_a_ball_of_an_over_of_an_innings_of_a_match_keys_the_deliveries(runtime: Runtime, tmp_path: Path) -> None:
    # The IPL's deliveries: one row a ball; no three columns are unique, and the parts of few
    # values (innings, over, ball) lost to the batsmen's and bowlers' names among likely parts.
    rng = random.Random(12)
    lines = ["match_id,inning,batting_team,over,ball,batsman,non_striker,bowler,batsman_runs,total_runs"]
    for match in range(1, 21):
        teams = rng.sample(range(4), 2)  # (four teams of eleven, meeting again and again)
        for inning in (1, 2):
            batting, bowling = teams[inning - 1], teams[2 - inning]
            striker, other = 0, 1
            for over in range(1, 21):
                bowler = f"T{bowling}P{rng.randint(6, 10)}"  # a bowler an over
                for ball in range(1, 7 + (over % 5 == 0)):  # (an extra ball now and then)
                    runs = rng.choice([0, 0, 1, 1, 2, 4, 6])
                    lines.append(
                        f"{match},{inning},Team {batting},{over},{ball},T{batting}P{striker},T{batting}P{other},"
                        f"{bowler},{runs},{runs + rng.choice([0, 0, 0, 1])}"
                    )
                    if runs % 2:
                        striker, other = other, striker
                    if rng.random() < 0.04:  # a wicket: the next batsman in
                        striker = max(striker, other) + 1 if max(striker, other) < 10 else striker
    entity = await _one_file_entity(runtime, tmp_path / "data" / "ipl" / "deliveries.csv", lines)
    assert entity.grain_columns == ["match_id", "inning", "over", "ball"]


async def test_an_sap_document_line_item_keys_by_company_year_document_and_item(runtime: Runtime, tmp_path: Path) -> None:
    # SAP FI line items (an FBL3N/BSEG download): document numbers restart for each company
    # code and fiscal year; a G/L account of four values told more rows apart by chance than
    # the company code when the key was grown a part at a time.
    rng = random.Random(1)
    lines = ["CoCd,Year,DocumentNo,Itm,PK,GL_Acct,Amount"]
    for company in ("1000", "2000", "3100"):
        for year in (2022, 2023):
            for n in range(20):
                for item in range(1, rng.randint(2, 5) + 1):
                    lines.append(
                        f"{company},{year},{1900000000 + n},{item:03d},{rng.choice(['40', '50'])},"
                        f"{rng.choice([400000, 300000, 191100, 160000]):010d},{rng.uniform(10, 5000):.2f}"
                    )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "sap" / "bseg.csv", lines)
    assert entity.grain_columns == ["CoCd", "Year", "DocumentNo", "Itm"]


async def test_trade_exports_keyed_by_long_labels_get_their_grain(runtime: Runtime, tmp_path: Path) -> None:
    # USA Trade Online's state exports: dimensions written as labels, the commodity's over 40
    # characters ("0101 Horses, Asses, Mules And Hinnies, Live") but repeated over every
    # country and month, so no free text.
    commodities = ['"0101 Horses, Asses, Mules And Hinnies, Live"', '"2709 Petroleum Oils & Oils From Bituminous Minerals, Crude"']
    lines = ["State,Commodity,Country,Time,Total Exports Value ($US)"]
    for s, state in enumerate(("Texas", "California")):
        for c, commodity in enumerate(commodities):
            for n, country in enumerate(("Canada", "Mexico")):
                months = ("January 2023", "February 2023")[: 1 + (s + c + n) % 2]
                lines += [f'{state},{commodity},{country},{month},"{(s + 1) * (c + 7) * (n + 3) * (m + 11) * 1013:,}"' for m, month in enumerate(months)]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "usatrade" / "state_exports.csv", lines)
    assert entity.grain_columns == ["State", "Commodity", "Country", "Time"]


async def test_a_table_keyed_by_more_columns_than_searched_names_the_closest_set(runtime: Runtime, tmp_path: Path) -> None:
    # Eurostat's Comext: one row per declarant, partner, product, flow and statistical regime
    # (5 parts); a key is grown to 4 at most, and the answer said nothing of what keys it.
    rng = random.Random(3)
    lines = ["DECLARANT,PARTNER,PRODUCT_NC,FLOW,STAT_REGIME,VALUE_IN_EUROS"]
    for declarant in ("001", "003", "004"):
        for partner in ("0400", "0720", "0039"):
            for product in ("01012100", "27090090", "84713000"):
                for flow in (1, 2):
                    lines += [
                        f"{declarant},{partner},{product},{flow},{regime},{rng.randint(1000, 9_000_000)}"
                        for regime in (1, 2, 3, 4) if rng.random() < 0.8
                    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "comext" / "full202301.csv", lines)
    keys = entity.evidence["keys"]
    assert entity.grain_columns is None
    assert len(keys["closest_key"]) == 4
    assert keys["closest_key_values"] < len(lines) - 1
    assert "a key of more columns than that" in keys["reason"]


async def test_a_grown_key_that_took_a_part_by_a_few_rows_swaps_it_for_the_next_best(runtime: Runtime, tmp_path: Path) -> None:
    # FAS PSD's psd_alldata: a row per commodity, country, market year and attribute; its
    # Calendar_Year (the market year or the next) tells a few more rows apart than
    # Market_Year, was taken in its place and never let go: "more columns needed".
    rng = random.Random(4)
    lines = ["Commodity_Code,Country_Code,Market_Year,Calendar_Year,Month,Attribute_ID,Value"]
    for commodity in ("0440000", "0410000", "0422110"):
        for country in ("AR", "BR", "US", "CH", "IN"):
            for year in range(2015, 2020):
                for attribute in (4, 20, 28, 57, 88, 125, 176):
                    calendar = year + rng.randint(0, 1)
                    lines.append(f"{commodity},{country},{year},{calendar},{0 if calendar > year else 9},{attribute},{rng.randint(0, 90000)}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "psd" / "psd_alldata.csv", lines)
    assert entity.grain_columns == ["Commodity_Code", "Country_Code", "Market_Year", "Attribute_ID"]


async def test_a_table_whose_unique_set_is_refused_does_not_ask_for_more_columns(runtime: Runtime, tmp_path: Path) -> None:
    # A smart meters' log: each meter's reading at its minute, two of them logged at the same
    # minute; meter and time tell every row apart, by chance (a time nearly unique alone),
    # and the grain said "meter_id, status tells 21 rows apart; more columns needed".
    rng = random.Random(2)
    lines = ["meter_id,read_at,status,kwh"]
    minutes = [i if i not in (11, 51) else i - 1 for i in range(400)]
    for i, minute in enumerate(minutes):
        lines.append(
            f"M{i % 7:03d},2023-11-{14 + minute // 1440:02d} {minute // 60 % 24:02d}:{minute % 60:02d}:00,"
            f"{rng.choice(['OK', 'EST', 'ERR'])},{rng.random() * 5:.3f}"
        )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "meters" / "meter_reads.csv", lines)
    keys = entity.evidence["keys"]
    assert entity.grain_columns is None
    assert keys["closest_key_unique"] is True
    assert keys["closest_key_values"] == 400
    assert "tells every row apart, but is no key" in keys["reason"]
    assert "more columns" not in keys["reason"]


async def test_measures_of_a_file_without_a_header_key_no_row(runtime: Runtime, tmp_path: Path) -> None:
    # UCI's heart disease data (processed.cleveland.data): no header, an age first, then a
    # sex, a blood pressure and a cholesterol spread thin over their ranges, unique together
    # by chance among 303 patients.
    rng = random.Random(21)
    lines = [
        f"{rng.randint(29, 77)}.0,{rng.randint(0, 1)}.0,{rng.randint(1, 4)}.0,{rng.choice(range(94, 201, 2))}.0,"
        f"{rng.choice(range(126, 565, 3))}.0,{rng.randint(0, 1)}.0,{rng.randint(0, 4)}"
        for _ in range(303)
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "heart" / "processed.cleveland.data", lines)
    assert entity.grain_columns is None


async def test_an_article_number_after_the_rows_own_id_is_another_key(runtime: Runtime, tmp_path: Path) -> None:
    # Goodreads' books: bookID first, then the 13-digit isbn13, read as whole numbers and as
    # spread as a measure's, yet a key by what it is.
    rng = random.Random(3)
    lines = ["bookID,title,isbn13,average_rating"]
    isbns = rng.sample(range(9780000000000, 9789999999999), 300)
    lines += [f"{i},Book {i},{isbn},{rng.uniform(1, 5):.2f}" for i, isbn in enumerate(isbns, start=1)]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "goodreads" / "books.csv", lines)
    assert entity.grain_columns == ["bookID"]
    assert ["isbn13"] in entity.evidence["keys"]["candidate_keys"]


async def test_returns_of_orders_point_at_the_order_lines_that_hold_their_order_id(runtime: Runtime, tmp_path: Path) -> None:
    # Superstore: the orders file is at the grain of order lines (Row ID); its Order ID
    # repeats, and no table keys it. The returns (one row an order) still point at it.
    folder = tmp_path / "data" / "superstore"
    folder.mkdir(parents=True)
    rng = random.Random(2)
    orders = [f"CA-{2014 + i % 4}-{100000 + i * 7}" for i in range(300)]
    lines, row = ["Row ID,Order ID,Customer ID,Sales"], 1
    for order in orders:
        for _ in range(rng.randint(1, 4)):
            lines.append(f"{row},{order},CG-{rng.randint(10000, 10200)},{rng.uniform(2, 900):.2f}")
            row += 1
    (folder / "orders.csv").write_text("\n".join(lines) + "\n")
    (folder / "returns.csv").write_text("\n".join(["Returned,Order ID", *(f"Yes,{o}" for o in rng.sample(orders, 40))]) + "\n")
    (folder / "people.csv").write_text("Person,Region\nAnna,West\nChuck,East\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="superstore")
    (link,) = [r for r in found if r.from_table == "superstore.returns"]
    assert (link.from_columns, link.to_table, link.to_columns) == (["Order ID"], "superstore.orders", ["Order ID"])
    assert (link.relationship_type, link.cardinality) == ("semantic", "1:n")
    assert link.evidence["integrity"] == 1.0
    (path,) = (await service.join_paths("returns", "orders")).paths
    assert path.cardinality == "1:n"
    assert any(w.startswith("Fan-out: each superstore.returns row matches many") for w in path.warnings)
    back = (await service.join_paths("orders", "returns")).paths[0]
    assert back.cardinality == "n:1"
    # Only 40 of the 300 orders were returned: an inner join from the orders keeps those.
    assert any(w.startswith("Optional: only 13.3% of the values of superstore.orders(Order ID)") for w in back.warnings)
    assert not any(w.startswith("Optional") for w in path.warnings)


async def test_a_detour_round_a_fan_out_ranks_far_below_the_direct_link(runtime: Runtime, tmp_path: Path) -> None:
    # Chargebee's export: customers, their subscriptions, and invoices naming both. The
    # customers reach their subscriptions directly; through the invoices each subscription
    # comes once per invoice and those never invoiced (trials) are lost.
    folder = tmp_path / "data" / "billing"
    folder.mkdir(parents=True)
    rng = random.Random(6)
    customers = [f"cus_{1000 + i}" for i in range(40)]
    subscriptions = [(f"sub_{5000 + i}", customers[i % 40]) for i in range(60)]
    (folder / "customers.csv").write_text("customer_id,email\n" + "".join(f"{c},{c}@example.com\n" for c in customers))
    (folder / "subscriptions.csv").write_text(
        "subscription_id,customer_id,mrr\n" + "".join(f"{s},{c},{rng.randint(10, 900)}\n" for s, c in subscriptions)
    )
    invoiced = subscriptions[:50]
    invoices = [invoiced[rng.randrange(50)] for _ in range(300)]
    (folder / "invoices.csv").write_text(
        "invoice_number,customer_id,subscription_id,amount\n"
        + "".join(f"INV-{10000 + i},{c},{s},{rng.randint(10, 900)}.00\n" for i, (s, c) in enumerate(invoices))
    )
    service = await _profile(runtime, folder)
    direct, detour = (await service.join_paths("billing.customers", "billing.subscriptions", k=3)).paths[:2]
    assert [s.to_table for s in direct.steps] == ["billing.subscriptions"]
    assert [s.to_table for s in detour.steps] == ["billing.invoices", "billing.subscriptions"]
    assert detour.confidence <= direct.confidence / 2
    assert detour.warnings[0].startswith(
        "Detour: billing.customers links to billing.subscriptions directly, but this path goes through"
        " billing.invoices: each billing.subscriptions row repeats once per billing.invoices row"
    )
    assert "billing.subscriptions rows without a billing.invoices row are lost" in detour.warnings[0]
    assert not any(w.startswith("Detour") for w in direct.warnings)


async def test_references_to_an_entity_described_over_several_rows_are_many_to_many(runtime: Runtime, tmp_path: Path) -> None:
    # GTFS: shapes.txt holds a shape's points, by (shape_id, shape_pt_sequence); each trip
    # names its shape. MovieLens-like repeats (ratings and tags by user) stay unlinked.
    folder = tmp_path / "data" / "gtfs"
    folder.mkdir(parents=True)
    rng = random.Random(4)
    points = ["shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence"]
    points += [f"shp_{s:03d},{40 + rng.random():.6f},{rng.random() - 74:.6f},{k}" for s in range(1, 31) for k in range(1, 41)]
    (folder / "shapes.txt").write_text("\n".join(points) + "\n")
    trips = [f"T{t:05d},shp_{rng.randint(1, 30):03d},{rng.choice(['WKD', 'SAT'])}" for t in range(1, 401)]
    (folder / "trips.txt").write_text("trip_id,shape_id,service_id\n" + "\n".join(trips) + "\n")
    ratings = [f"{u},{m},{rng.randint(1, 5)}" for u in range(1, 41) for m in rng.sample(range(1, 200), 10)]
    (folder / "ratings.csv").write_text("userId,movieId,rating\n" + "\n".join(ratings) + "\n")
    tags = [f"{rng.randint(1, 40)},{rng.randint(1, 199)},tag{i}" for i in range(300)]
    (folder / "tags.csv").write_text("userId,movieId,tag\n" + "\n".join(tags) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="gtfs")
    (link,) = [r for r in found if r.from_table == "gtfs.trips"]
    assert (link.from_columns, link.to_table, link.to_columns) == (["shape_id"], "gtfs.shapes", ["shape_id"])
    assert (link.relationship_type, link.cardinality) == ("semantic", "n:m")
    assert not [r for r in found if {r.from_table, r.to_table} == {"gtfs.ratings", "gtfs.tags"}]
    for ends in (("trips", "shapes"), ("shapes", "trips")):
        (path,) = (await service.join_paths(*ends)).paths
        assert path.cardinality == "n:m"  # as the link: rows multiply either way
        assert any(w.startswith("Fan-out") for w in path.warnings)


async def test_a_lookup_lacking_a_code_stays_the_parent_of_the_data(runtime: Runtime, tmp_path: Path) -> None:
    # World Bank: three indicator files, one row a country, and the countries' metadata,
    # which lacks one code of the data ("INX"). Both sides are unique; the lookup is the parent.
    folder = tmp_path / "data" / "wdi"
    folder.mkdir(parents=True)
    rng = random.Random(4)
    codes = sorted({"".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3)) for _ in range(70)})[:60]
    for name in ("gdp", "pop", "lifeexp"):
        rows = [f"{c},{rng.uniform(1, 100):.2f},{rng.uniform(1, 100):.2f}" for c in codes]
        (folder / f"{name}.csv").write_text("\n".join(["Country Code,1990,1991", *rows]) + "\n")
    regions = ["Europe", "Asia", "Africa"]
    lookup = [f"{c},{regions[i % 3]},High income" for i, c in enumerate(codes[1:])]
    (folder / "countries.csv").write_text("\n".join(["Country Code,Region,IncomeGroup", *lookup]) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="wdi")
    assert set(_edges(found, "wdi")) == {
        (name, ("Country Code",), "countries", ("Country Code",)) for name in ("gdp", "pop", "lifeexp")
    }


async def test_hashed_ids_months_of_a_history_and_lists_keyed_alike(runtime: Runtime, tmp_path: Path) -> None:
    import hashlib

    folder = tmp_path / "data" / "shop"
    folder.mkdir(parents=True)
    rng = random.Random(8)
    # H&M: customers named by a SHA-256 in hex (64 characters).
    customers = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(80)]
    (folder / "customers.csv").write_text("\n".join(["customer_id,age", *(f"{c},{rng.randint(18, 80)}" for c in customers)]) + "\n")
    sales = [f"2020-01-{1 + i % 28:02d},{rng.choice(customers)},{rng.uniform(0.01, 0.2):.4f}" for i in range(400)]
    (folder / "transactions.csv").write_text("\n".join(["t_dat,customer_id,price", *sales]) + "\n")
    # Home Credit: a monthly history of each bureau credit, MONTHS_BALANCE 0, -1, ...
    history = [f"{5000 + b},{-m},{rng.choice('CX0')}" for b in range(40) for m in range(rng.randint(3, 12))]
    (folder / "bureau_balance.csv").write_text("\n".join(["SK_ID_BUREAU,MONTHS_BALANCE,STATUS", *history]) + "\n")
    # IMDb: titles, and two lists per title, each numbered by its own "ordering" (the
    # principals' lists mostly longer, so most (title, ordering) pairs of the akas are there).
    titles = [f"tt{t:07d}" for t in range(1, 80)]
    (folder / "title_basics.csv").write_text("\n".join(["tconst,primaryTitle", *(f"{t},Film {t}" for t in titles)]) + "\n")
    lengths = {t: rng.randint(1, 5) for t in titles}
    akas = [f"{t},{o},Title {o}" for t in titles for o in range(1, lengths[t] + rng.choice([1, 1, 2, 3]))]
    principals = [f"{t},{o},nm{rng.randint(1, 500):07d}" for t in titles for o in range(1, lengths[t] + 2)]
    (folder / "title_akas.csv").write_text("\n".join(["titleId,ordering,title", *akas]) + "\n")
    (folder / "title_principals.csv").write_text("\n".join(["tconst,ordering,nconst", *principals]) + "\n")
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="shop")
    edges = _edges(found, "shop")
    assert ("transactions", ("customer_id",), "customers", ("customer_id",)) in edges
    assert ("title_akas", ("titleId",), "title_basics", ("tconst",)) in edges
    assert not any(child == "title_akas" and len(columns) == 2 for child, columns, _, _ in edges)
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["shop.bureau_balance"] == ["SK_ID_BUREAU", "MONTHS_BALANCE"]


async def test_a_narrow_one_to_one_table_extends_the_wide_one(runtime: Runtime, tmp_path: Path) -> None:
    # Home Credit: sample_submission (an id and a target) beside application_test, as large.
    folder = tmp_path / "data" / "credit"
    folder.mkdir(parents=True)
    rng = random.Random(6)
    ids = rng.sample(range(100000, 460000), 300)
    wide = [f"{i},{rng.choice('MF')},{rng.randint(20000, 90000)},{rng.randint(-25000, -7000)},{rng.random():.4f}" for i in ids]
    (folder / "application_test.csv").write_text(
        "\n".join(["SK_ID_CURR,CODE_GENDER,AMT_INCOME_TOTAL,DAYS_BIRTH,EXT_SOURCE_2", *wide]) + "\n"
    )
    (folder / "sample_submission.csv").write_text("\n".join(["SK_ID_CURR,TARGET", *(f"{i},0.5" for i in ids)]) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="credit")
    assert set(_edges(found, "credit")) == {("sample_submission", ("SK_ID_CURR",), "application_test", ("SK_ID_CURR",))}


async def test_concurrent_discoveries_of_one_source_run_once(runtime: Runtime, tmp_path: Path) -> None:
    import anyio

    folder = tmp_path / "data" / "shop"
    write_sample(folder)
    service = await _profile(runtime, folder)
    runs: list[Any] = []

    async def ask() -> None:
        runs.append((await RelationshipService(runtime.pipeline).relationships(source="shop"))[2])

    async with anyio.create_task_group() as tg:
        for _ in range(3):
            tg.start_soon(ask)
    assert sorted(r.ran for r in runs) == [False, False, True]
    found, _, _ = await service.relationships(source="shop")
    assert len(found) == 4


async def test_composite_key_with_a_date_and_orphans(runtime: Runtime, tmp_path: Path) -> None:
    from datetime import date, timedelta

    folder = tmp_path / "data" / "retail"
    folder.mkdir(parents=True)
    days = [date(2024, 1, 1) + timedelta(days=d) for d in range(30)]
    (folder / "stores.csv").write_text(
        "store_id,city\n" + "\n".join(f"{s},Town {s % 4}" for s in range(1, 9)) + "\n"
    )
    (folder / "daily_sales.csv").write_text(
        "store_id,day,revenue\n"
        + "\n".join(f"{s},{d.isoformat()},{(s * 31 + i) % 97}.5" for s in range(1, 9) for i, d in enumerate(days))
        + "\n"
    )
    # Corrections point at a store-day; two point at days before the sales start.
    rows = [f"{1 + k % 8},{days[(k * 7) % 30].isoformat()},{k % 5 - 2}" for k in range(40)]
    rows += ["3,2023-12-30,1", "5,2023-12-31,-1"]
    (folder / "corrections.csv").write_text("store_id,day,delta\n" + "\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="retail")
    edges = _edges(found, "retail")
    composite = edges[("corrections", ("store_id", "day"), "daily_sales", ("store_id", "day"))]
    assert composite.evidence["orphan_rows"] == 2
    assert composite.evidence["orphan_examples"] == [[3, "2023-12-30"], [5, "2023-12-31"]]
    assert ("daily_sales", ("store_id",), "stores", ("store_id",)) in edges
    assert {e.table: e.grain_columns for e in entities}["retail.daily_sales"] == ["store_id", "day"]


async def test_join_paths_are_stored_and_dropped_when_relationships_change(runtime: Runtime, tmp_path: Path) -> None:
    from sqlalchemy import select

    from datadossier.enrichment.db_models import JoinPathRecord

    folder = tmp_path / "data" / "shop"
    write_sample(folder)
    service = await _profile(runtime, folder)
    answer = await service.join_paths("order_items", "customers", k=2)

    async def stored() -> list[JoinPathRecord]:
        async with runtime.sessions() as session:
            return list((await session.scalars(select(JoinPathRecord))).all())

    (row,) = await stored()
    assert row.path_length == 2
    assert [s["to_table"] for s in row.path_steps] == ["shop.orders", "shop.customers"]
    assert row.path_steps[1]["from_columns"] == ["cust_id"]
    assert row.total_confidence == answer.paths[0].confidence
    # Asking again replaces the stored paths rather than adding to them.
    await service.join_paths("order_items", "customers", k=2)
    assert len(await stored()) == 1
    link = next(r for r in (await service.relationships(source="shop"))[0] if r.from_columns == ["cust_id"])
    await service.review(str(link.relationship_id), confirm=True, by="t")
    assert await stored() == []


async def test_a_cancelled_discovery_leaves_nothing_half_done(runtime: Runtime, tmp_path: Path) -> None:
    import anyio

    folder = tmp_path / "data" / "company"
    write_company(folder)
    service = await _profile(runtime, folder)
    for delay in (0.05, 0.15, 0.3):
        with anyio.move_on_after(delay):
            await service.relationships(source="company", refresh=True)
    found, entities, run = await service.relationships(source="company", refresh=True)
    assert run.ran
    assert len(_edges(found, "company")) == 10
    assert len(entities) == 8


async def test_a_column_that_leaves_its_file_takes_its_links_along(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "company"
    write_company(folder)
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="company")
    assert ("badge_swipes", ("badge_holder",), "employees", ("emp_no",)) in _edges(found, "company")
    await service.join_paths("badge_swipes", "employees")
    swipes = folder / "badge_swipes.csv"
    lines = swipes.read_text().splitlines()
    drop = lines[0].split(",").index("badge_holder")
    swipes.write_text("\n".join(",".join(c for i, c in enumerate(ln.split(",")) if i != drop) for ln in lines) + "\n")
    await runtime.pipeline.profile_path(swipes)  # the column row goes; its link must not block that
    found, _, run = await service.relationships(source="company")
    assert run.ran
    assert not any(e[0] == "badge_swipes" for e in _edges(found, "company"))
    answer = await service.join_paths("badge_swipes", "employees")
    assert answer.paths == []


async def test_a_lookup_keyed_by_a_name(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "olist"
    folder.mkdir(parents=True)
    categories = ["beleza_saude", "informatica_acessorios", "automotivo", "cama_mesa_banho", "moveis_decoracao", "esporte_lazer"]
    english = ["health_beauty", "computers_accessories", "auto", "bed_bath_table", "furniture_decor", "sports_leisure"]
    (folder / "category_translation.csv").write_text(
        "product_category_name,product_category_name_english\n"
        + "\n".join(f"{a},{b}" for a, b in zip(categories, english, strict=True)) + "\n"
    )
    (folder / "products.csv").write_text(
        "product_id,product_category_name,product_weight_g\n"
        + "\n".join(f"p{i:04d},{categories[i % 6] if i % 17 else ''},{100 + i}" for i in range(1, 200)) + "\n"
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="olist")
    assert set(_edges(found, "olist")) == {
        ("products", ("product_category_name",), "category_translation", ("product_category_name",))
    }
    assert {e.table: e.grain_columns for e in entities}["olist.category_translation"] == ["product_category_name"]


async def test_ids_stored_as_floating_point_still_link(runtime: Runtime, tmp_path: Path) -> None:
    import duckdb

    folder = tmp_path / "data" / "pandas"
    folder.mkdir(parents=True)
    # A nullable integer column written through pandas arrives as float64: 7.0, NaN, ...
    duckdb.sql(
        "COPY (SELECT i AS customer_id, 'name ' || i AS full_name FROM range(1, 81) t(i)) "
        f"TO '{folder / 'customers.parquet'}' (FORMAT parquet)"
    )
    duckdb.sql(
        "COPY (SELECT i AS order_id, CASE WHEN i % 9 = 0 THEN NULL ELSE (i * 7 % 80 + 1)::DOUBLE END AS customer_id, "
        f"i * 1.25 AS amount FROM range(1, 400) t(i)) TO '{folder / 'orders.parquet'}' (FORMAT parquet)"
    )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="pandas")
    assert set(_edges(found, "pandas")) == {("orders", ("customer_id",), "customers", ("customer_id",))}
    answer = await service.join_paths("orders", "customers")
    assert await _count(runtime, answer.paths[0].sql) == 399 - 399 // 9


async def test_codes_typed_as_text_on_one_side_and_numbers_on_the_other(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "branches"
    folder.mkdir(parents=True)
    # Branch codes keep their zeros in one export ("00042": text) and lose them in the other.
    (folder / "branches.csv").write_text(
        "branch_code,branch_city\n" + "\n".join(f"{i:05d},City {i}" for i in range(1, 61)) + "\n"
    )
    (folder / "visits.csv").write_text(
        "visit_id,branch_code,minutes\n" + "\n".join(f"{v},{v * 7 % 70 + 1},{v % 50}" for v in range(1, 301)) + "\n"
    )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="branches")
    edges = _edges(found, "branches")
    assert set(edges) == {("visits", ("branch_code",), "branches", ("branch_code",))}
    link = edges[("visits", ("branch_code",), "branches", ("branch_code",))]
    assert "compared_as_numbers" in link.evidence
    assert link.evidence["orphan_rows"] == sum(1 for v in range(1, 301) if v * 7 % 70 + 1 > 60)
    path = (await service.join_paths("visits", "branches")).paths[0]
    assert "TRY_CAST" in path.sql
    assert await _count(runtime, path.sql) == 300 - link.evidence["orphan_rows"]


async def test_codes_of_one_width_typed_as_numbers_link_whatever_their_names(runtime: Runtime, tmp_path: Path) -> None:
    # CMS: the hospitals' "Facility ID" is text ("010001"); a Texas extract's CCNs (450001...)
    # have no zero to keep and read as numbers. And SEC: "0000320193" beside 320193.
    folder = tmp_path / "data" / "cms"
    folder.mkdir(parents=True)
    ids = [f"{state}{n:04d}" for state in ("01", "05", "45") for n in range(1, 41)]
    (folder / "hospitals.csv").write_text("Facility ID,Facility Name\n" + "".join(f"{i},Hospital {i}\n" for i in ids))
    (folder / "tx_measures.csv").write_text(
        "CCN,Measure ID,Score\n" + "".join(f"45{n:04d},MORT_{m},{n % 9}.5\n" for n in range(1, 41) for m in ("AMI", "HF"))
    )
    (folder / "companies.csv").write_text("cik_str,title\n" + "".join(f"{1000 + i * 3301:010d},Co {i}\n" for i in range(1, 301)))
    (folder / "filings.psv").write_text("CIK|Form Type\n" + "".join(f"{1000 + ((i * 7) % 300 + 1) * 3301}|10-K\n" for i in range(1, 901)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="cms")
    edges = _edges(found, "cms")
    assert ("tx_measures", ("CCN",), "hospitals", ("Facility ID",)) in edges
    assert ("filings", ("CIK",), "companies", ("cik_str",)) in edges
    path = (await service.join_paths("tx_measures", "hospitals")).paths[0]
    assert await _count(runtime, path.sql) == 80


async def test_a_case_number_beside_its_state_keys_its_table_and_a_community_area_is_no_surface(
    runtime: Runtime, tmp_path: Path
) -> None:
    # FARS: ST_CASE (the state's code and a number) keys accident.csv, second after STATE;
    # nothing linked to the accidents. Chicago's trips name a Community Area 1..77, which
    # read as a surface (an amount): no key, no link.
    folder = tmp_path / "data" / "fars"
    folder.mkdir(parents=True)
    cases = [state * 10_000 + n for state in (1, 4, 6, 12) for n in range(1, 31)]
    (folder / "accident.csv").write_text("STATE,ST_CASE,FATALS\n" + "".join(f"{c // 10_000},{c},{c % 3 + 1}\n" for c in cases))
    (folder / "vehicle.csv").write_text(
        "ST_CASE,VEH_NO,MOD_YEAR\n" + "".join(f"{c},{v},{2000 + (c + v) % 20}\n" for c in cases for v in range(1, 1 + c % 3 + 1))
    )
    (folder / "areas.csv").write_text("community_area,community\n" + "".join(f"{i},AREA {i}\n" for i in range(1, 78)))
    (folder / "trips.csv").write_text(
        "trip_id,Pickup Community Area,fare\n" + "".join(f"{i},{(i * 7919) % 77 + 1},{i % 40}.25\n" for i in range(1, 1501))
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="fars")
    edges = _edges(found, "fars")
    assert ("vehicle", ("ST_CASE",), "accident", ("ST_CASE",)) in edges
    assert ("trips", ("Pickup Community Area",), "areas", ("community_area",)) in edges
    grains = {e.table: e.grain_columns for e in entities}
    assert (grains["fars.accident"], grains["fars.areas"]) == (["ST_CASE"], ["community_area"])


async def test_periods_in_file_names_do_not_hide_what_the_tables_are(runtime: Runtime, tmp_path: Path) -> None:
    # Divvy's dated files: Divvy_Stations_2017_Q3Q4.csv and Divvy_Trips_2019_Q1.csv linked one
    # trip's end (weakly, 0.54) and dropped its start; the entities were "divvy trip q1".
    folder = tmp_path / "data" / "divvy"
    folder.mkdir(parents=True)
    (folder / "Divvy_Stations_2017_Q3Q4.csv").write_text(
        "id,name,dpcapacity\n" + "".join(f"{i},Station {i},{i % 5 * 4 + 11}\n" for i in range(2, 602))
    )
    (folder / "Divvy_Trips_2019_Q1.csv").write_text(
        "trip_id,from_station_id,to_station_id,usertype\n"
        + "".join(f"{21742443 + i},{(i * 7919) % 600 + 2},{(i * 104729) % 600 + 2},Subscriber\n" for i in range(1, 3001))
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="divvy")
    edges = _edges(found, "divvy")
    for role in ("from_station_id", "to_station_id"):
        assert edges[("divvy_trips_2019_q1", (role,), "divvy_stations_2017_q3q4", ("id",))].confidence > 0.8
    assert {e.entity_type for e in entities} == {"station", "trip"}


async def test_an_identifier_unique_but_for_a_few_values_is_still_pointed_at(runtime: Runtime, tmp_path: Path) -> None:
    # Shopify's exports: orders' "Lineitem sku" onto the products' "Variant SKU", of which a few
    # are written twice; no link was found, and the tables were "not connected".
    folder = tmp_path / "data" / "shop"
    folder.mkdir(parents=True)
    skus = [f"{i:05d}" for i in range(1, 301)] + ["00007", "00042", "00099"]
    (folder / "products.csv").write_text(
        "Handle,Variant SKU,Variant Price\n" + "".join(f"p{n},{sku},{10 + n % 7}.50\n" for n, sku in enumerate(skus))
    )
    (folder / "orders.csv").write_text(
        "Name,Lineitem sku,Lineitem quantity\n" + "".join(f"#{1000 + i // 3},{(i * 37) % 300 + 1:05d},1\n" for i in range(1000))
    )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="shop")
    link = _edges(found, "shop")[("orders", ("Lineitem sku",), "products", ("Variant SKU",))]
    assert link.evidence["parent_repeats"] == 3
    path = (await service.join_paths("orders", "products")).paths[0]
    assert any(w.startswith("Repeats: 3 values of shop.products(Variant SKU)") for w in path.warnings)


async def test_a_column_named_bare_for_its_tables_thing_is_pointed_at_though_a_few_values_repeat(
    runtime: Runtime, tmp_path: Path,
) -> None:
    # A WMS export (Manhattan, Blue Yonder): the item master keyed by a bare "Item", three
    # items listed twice (old and new descriptions); the order lines cite "Item". Renamed
    # "SKU" the link was found; as "Item" the item master stood apart from every table.
    folder = tmp_path / "data" / "wms"
    folder.mkdir(parents=True)
    items = [*range(300000, 300320), 300007, 300042, 300099]
    (folder / "item_master.csv").write_text(
        "Item,Item Description,Case Pack\n" + "".join(f"{item},Thing {n},{6 + n % 5}\n" for n, item in enumerate(items))
    )
    (folder / "order_lines.csv").write_text(
        "Order Number,Line,Item,Qty Ordered\n"
        + "".join(f"SO-{100000 + i // 3},{i % 3 + 1},{300000 + (i * 37) % 320},{1 + i % 9}\n" for i in range(1200))
    )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="wms")
    link = _edges(found, "wms")[("order_lines", ("Item",), "item_master", ("Item",))]
    assert link.evidence["parent_repeats"] == 3
    path = (await service.join_paths("order_lines", "item_master")).paths[0]
    assert any(w.startswith("Repeats: 3 values of wms.item_master(Item)") for w in path.warnings)


async def test_a_table_describing_a_minority_of_the_things_a_fact_table_names_is_its_parent(
    runtime: Runtime, tmp_path: Path,
) -> None:
    # Dunnhumby's Complete Journey: hh_demographic, one row per household_key, describes 801
    # of the 2,500 households of transaction_data (and a few without transactions). No link
    # was found, or the demographics were made the child of the transactions, a "dimension".
    folder = tmp_path / "data" / "dunnhumby"
    folder.mkdir(parents=True)
    rng = random.Random(1)
    households = rng.sample(range(1, 2501), 300)
    (folder / "transaction_data.csv").write_text(
        "household_key,BASKET_ID,SALES_VALUE\n"
        + "".join(f"{rng.choice(households)},{26984851472 + i * 7},{rng.uniform(0.5, 9):.2f}\n" for i in range(1500))
    )
    described = [*sorted(rng.sample(households, 90)), 2601, 2602, 2603]
    (folder / "hh_demographic.csv").write_text(
        "AGE_DESC,INCOME_DESC,household_key\n" + "".join(f"45-54,{['50-74K', 'Under 15K'][h % 2]},{h}\n" for h in described)
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="dunnhumby")
    edges = _edges(found, "dunnhumby")
    assert set(edges) == {("transaction_data", ("household_key",), "hh_demographic", ("household_key",))}
    link = next(iter(edges.values()))
    assert link.relationship_type == "foreign_key"
    assert link.cardinality == "n:1"
    assert link.evidence["integrity"] < 0.5
    roles = {e.table: e.role for e in entities}
    assert roles == {"dunnhumby.transaction_data": "fact", "dunnhumby.hh_demographic": "dimension"}
    path = (await service.join_paths("transaction_data", "hh_demographic")).paths[0]
    assert any(w.startswith("Orphans:") and "a LEFT JOIN keeps them" in w for w in path.warnings)


async def test_an_identifier_written_on_under_half_of_the_rows_is_still_pointed_at(runtime: Runtime, tmp_path: Path) -> None:
    # The Chadwick register: key_retro is empty for most people (their ids are in other
    # systems' columns); Retrosheet's game logs point at it, and no link was found.
    folder = tmp_path / "data" / "retro"
    folder.mkdir(parents=True)
    people = ["key_person,key_retro,name_last"] + [
        f"p{i:06d},{f'smitj{i:03d}' if i % 9 < 4 else ''},Name{i}" for i in range(900)
    ]
    (folder / "people.csv").write_text("\n".join(people) + "\n")
    retro = [f"smitj{i:03d}" for i in range(900) if i % 9 < 4]
    (folder / "games.csv").write_text(
        "game_id,winning_pitcher_id,att\n" + "".join(f"g{g},{retro[(g * 7) % len(retro)]},{1000 + g}\n" for g in range(600))
    )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="retro")
    assert ("games", ("winning_pitcher_id",), "people", ("key_retro",)) in _edges(found, "retro")


async def test_a_code_written_on_few_rows_but_unique_over_many_values_is_pointed_at(runtime: Runtime, tmp_path: Path) -> None:
    # OurAirports' airports.csv: iata_code is empty for most airports (small fields have
    # none) and unique where written; BTS's flights cite it by ORIGIN and DEST, and no link
    # was found, a key on under a quarter of the rows being no parent.
    folder = tmp_path / "data" / "avia"
    folder.mkdir(parents=True)
    big = [f"{a}{b}{c}" for a, b, c in zip("ABCDEFGHJKLMNPRSTUVW", "QWERTYUIOPASDFGHJKLZ", "MNBVCXZLKJHGFDSAPOIU", strict=True)]
    airports = ['"id","ident","type","iata_code"'] + [f'{3384 + 11 * i},"K{c}","large_airport","{c}"' for i, c in enumerate(big)]
    airports += [f'{4000 + 7 * k},"{k:02d}XS","small_airport",""' for k in range(300)]
    (folder / "airports.csv").write_text("\n".join(airports) + "\n")
    rng = random.Random(3)
    flights = ["FL_DATE,OP_CARRIER_FL_NUM,ORIGIN,DEST"] + [
        f"2023-01-0{d},{1000 + n},{o},{t}" for d in range(1, 6) for n in range(60) for o, t in [rng.sample(big, 2)]
    ]
    (folder / "ontime.csv").write_text("\n".join(flights) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="avia")
    edges = _edges(found, "avia")
    assert ("ontime", ("DEST",), "airports", ("iata_code",)) in edges
    assert ("ontime", ("ORIGIN",), "airports", ("iata_code",)) in edges


async def test_two_roles_of_one_code_list_both_link(runtime: Runtime, tmp_path: Path) -> None:
    import string

    folder = tmp_path / "data" / "flights"
    folder.mkdir(parents=True)
    codes = [a + b + c for a in "ABCDE" for b in "KLMN" for c in string.ascii_uppercase[:6]][:100]
    (folder / "airports.csv").write_text("faa,name\n" + "\n".join(f"{c},Airport {c}" for c in codes) + "\n")
    # Flights leave from three hubs (a tiny code list) for 90 destinations.
    rows = [f"{i},{codes[i % 3]},{codes[3 + i % 90]},{100 + i % 300}" for i in range(1, 2001)]
    (folder / "flights.csv").write_text("flight_id,origin,dest,distance\n" + "\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="flights")
    edges = _edges(found, "flights")
    assert set(edges) == {
        ("flights", ("dest",), "airports", ("faa",)),
        ("flights", ("origin",), "airports", ("faa",)),
    }
    assert edges[("flights", ("origin",), "airports", ("faa",))].evidence["same_domain_as"] == "dest"


async def test_many_foreign_values_on_few_rows_leave_the_reference_standing(runtime: Runtime, tmp_path: Path) -> None:
    import string

    folder = tmp_path / "data" / "flights2015"
    folder.mkdir(parents=True)
    codes = [a + b + c for a in "ABCDEFG" for b in "KLMN" for c in string.ascii_uppercase[:10]][:250]
    (folder / "airports.csv").write_text("IATA_CODE,AIRPORT\n" + "\n".join(f"{c},Airport {c}" for c in codes) + "\n")
    # One month of the flights names its airports by numeric ids (the Kaggle 2015 file's
    # October): 400 distinct values of 650 match nothing, on 8% of the rows.
    rows = [
        f"{i},{10000 + (i // 12) % 400 if i % 12 == 0 else codes[i % 250]},{codes[(i * 7) % 250]}"
        for i in range(1, 4801)
    ]
    (folder / "flights.csv").write_text("FLIGHT_ID,ORIGIN_AIRPORT,DESTINATION_AIRPORT\n" + "\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="flights2015")
    edges = _edges(found, "flights2015")
    origin = edges[("flights", ("ORIGIN_AIRPORT",), "airports", ("IATA_CODE",))]
    assert origin.evidence["integrity"] < 0.5  # by distinct values
    assert origin.evidence["row_integrity"] == pytest.approx(1 - 400 / 4800, abs=1e-3)
    assert origin.evidence["orphan_rows"] == 400
    assert ("flights", ("DESTINATION_AIRPORT",), "airports", ("IATA_CODE",)) in edges


async def test_a_county_table_is_keyed_by_its_codes_not_its_figures_by_period(runtime: Runtime, tmp_path: Path) -> None:
    import random

    rng = random.Random(3)
    lines = ["SUMLEV,STATE,COUNTY,STNAME,CTYNAME,POPESTIMATE2020,POPESTIMATE2021,BIRTHS2021"]
    for state in range(1, 41):
        for county in range(0, 30 + state % 7):
            sumlev = "040" if county == 0 else "050"
            pop = rng.randrange(1000, 9_000_000) * 7 + state  # unique figures, as real ones nearly are
            lines.append(
                f"{sumlev},{state:02d},{county * 2 + 1 if county else 0:03d},State {state},"
                f"County {county},{pop},{pop + rng.randrange(1, 99)},{rng.randrange(10, 9000)}"
            )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "census" / "co_est2022.csv", lines)
    assert entity.grain_columns == ["STATE", "COUNTY"]
    keys = entity.evidence["keys"]["candidate_keys"]
    assert not any(part.startswith(("POPESTIMATE", "BIRTHS")) for key in keys for part in key)


async def test_counts_under_dates_are_no_key(runtime: Runtime, tmp_path: Path) -> None:
    # The Johns Hopkins COVID-19 series: a row per place, a column of cumulative counts per day.
    days = [f"{1 + d // 28}/{1 + d % 28}/20" for d in range(40)]
    lines = ["Province/State,Country/Region,Lat,Long," + ",".join(days)]
    for place in range(300):
        counts = ",".join(str(place * 1000 + place % 7 + 13 * d) for d in range(40))
        lines.append(f"Region {place % 5},Country {place},{place / 10:.4f},{place / 7:.4f},{counts}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "covid" / "confirmed_global.csv", lines)
    assert entity.grain_columns == ["Country/Region"]


async def test_a_key_without_a_date_is_looked_for_past_pairs_with_one(runtime: Runtime, tmp_path: Path) -> None:
    # EPA AQS: sites are keyed by (state, county, site number); a site number with its
    # (nearly unique) establishment date is also unique, but by chance.
    folder = tmp_path / "data" / "aqs"
    folder.mkdir(parents=True)
    import datetime as dt

    def site(i: int) -> str:  # (state, county, site number): unique for i < 600
        return f"{1 + i % 6:02d},{1 + (i // 6) % 10:03d},{1 + i // 60:04d}"

    lines = ["State Code,County Code,Site Number,Site Established Date,Land Use"]
    for i in range(600):
        # 60 dates, each once per site number: (site number, date) is unique too
        established = dt.date(1970, 1, 1) + dt.timedelta(days=37 * (i % 60))
        lines.append(f"{site(i)},{established},RESIDENTIAL")
    (folder / "sites.csv").write_text("\n".join(lines) + "\n")
    daily = ["State Code,County Code,Site Num,Date Local,Arithmetic Mean"]
    for i in range(3000):
        daily.append(f"{site((i * 7) % 600)},2021-01-{1 + i % 28:02d},{i % 50 / 3:.3f}")
    (folder / "daily.csv").write_text("\n".join(daily) + "\n")
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="aqs")
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["aqs.sites"] == ["State Code", "County Code", "Site Number"]
    assert ("daily", ("State Code", "County Code", "Site Num"), "sites", ("State Code", "County Code", "Site Number")) in _edges(found, "aqs")


async def test_a_grain_s_third_part_may_be_a_code_of_two_values(runtime: Runtime, tmp_path: Path) -> None:
    # Medicare's "by Provider and Service" file: a row per provider (NPI), service (HCPCS code)
    # and place of service (F or O); the provider's address and counts ride along.
    rng = random.Random(7)
    codes = ["99213", "99214", "99215", "G0008", "J1100", "A0425", "36415", "93000", "71046", "80053", "85025", "90686"]
    types = ["Internal Medicine", "Family Practice", "Cardiology", "Radiology", "Nurse Practitioner", "Ambulance", "Lab"]
    lines = [
        "Rndrng_NPI,Rndrng_Prvdr_St1,Rndrng_Prvdr_City,Rndrng_Prvdr_State_Abrvtn,Rndrng_Prvdr_State_FIPS,"
        "Rndrng_Prvdr_Zip5,Rndrng_Prvdr_Type,Rndrng_Prvdr_Ent_Cd,HCPCS_Cd,Place_Of_Srvc,Tot_Benes,Tot_Srvcs"
    ]
    for p in range(400):
        npi = 1003000000 + 7919 * p
        state = rng.randrange(14)
        provider = (
            f"{npi},{100 + p} Main St,City {p % 90},S{state},{state + 1:02d},{10000 + rng.randrange(300):05d},"
            f"{types[p % 7]},{'IO'[p % 2]}"
        )
        for code in rng.sample(codes, 4):
            for place in ("F", "O") if rng.random() < 0.3 else (rng.choice("FO"),):
                benes = rng.randrange(11, 600)
                lines.append(f"{provider},{code},{place},{benes},{benes * rng.randrange(1, 4)}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "cms" / "prov_svc.csv", lines)
    assert entity.grain_columns == ["Rndrng_NPI", "HCPCS_Cd", "Place_Of_Srvc"]


async def test_a_court_s_docket_number_is_an_identifier_of_its_cases(runtime: Runtime, tmp_path: Path) -> None:
    # The FJC's Integrated Database of civil cases: a case per district, office and docket,
    # the same docket number in several districts; a filing date and a suit's code ride along.
    lines = [
        "CIRCUIT\tDISTRICT\tOFFICE\tDOCKET\tFILEDATE\tNOS\tDEMANDED",
        "2\t08\t1\t2301234\t4/1/2023\t442\t-8",
        "2\t08\t1\t2301235\t4/1/2023\t190\t75",
        "2\t07\t1\t2301234\t4/3/2023\t442\t-8",
        "2\t07\t2\t2301234\t4/3/2023\t830\t-8",
        "4\t3A\t3\t2301234\t4/5/2023\t442\t150",
        "4\t3A\t3\t2301240\t4/5/2023\t442\t-8",
        "9\t71\t3\t2301235\t4/6/2023\t820\t10",
        "9\t71\t3\t2301236\t4/6/2023\t820\t-8",
        "9\t71\t5\t2301236\t4/7/2023\t190\t-8",
        "2\t08\t1\t2301236\t4/7/2023\t442\t9999",
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "idb" / "cv_idb.txt", lines)
    assert entity.grain_columns == ["DISTRICT", "OFFICE", "DOCKET"]


async def test_master_data_is_keyed_by_the_column_named_for_its_entity(runtime: Runtime, tmp_path: Path) -> None:
    # An SAP material master export: a row per Material, each with its EAN (unique too, a
    # second number of another scheme); a work center master beside a Machine ID.
    materials = await _one_file_entity(runtime, tmp_path / "data" / "mm" / "materials.csv", [
        "Material,Description,Base UoM,EAN",
        "MAT-4711,Housing,PC,4006381333931",
        "MAT-4712,Cover plate,PC,4006381333948",
        "MAT-5020,Steel coil DC04,KG,4006381333955",
        "MAT-5021,Cable harness,M,4006381333962",
        "MAT-6100,Shaft 20mm,PC,4006381333979",
    ])
    assert materials.grain_columns == ["Material"]
    centers = await _one_file_entity(runtime, tmp_path / "data" / "pp" / "work_centers.csv", [
        "Work Center,Description,Machine ID,Plant,Cost Center",
        "WC-PRESS01,Press 01 line,M-1001,1000,0000417602",
        "WC-PRESS02,Press 02 line,M-1002,1000,0000476510",
        "WC-CNC10,CNC 10 cell,M-2010,1000,0000423311",
        "WC-CNC11,CNC 11 cell,M-2011,1000,0000498722",
        "WC-ASSY1,Assembly 1,M-3001,1000,0000411230",
    ])
    assert centers.grain_columns == ["Work Center"]


async def test_a_stint_completes_a_grain_that_counts_nearly_make(runtime: Runtime, tmp_path: Path) -> None:
    # Lahman's Batting: a row per player, season and stint (a second team in a season); a
    # player with his at-bats or games is nearly unique too, by chance.
    rng = random.Random(3)
    lines = ["playerID,yearID,stint,teamID,G,AB,R,H,HR"]
    for p in range(600):
        player = f"{''.join(rng.choice('abcdefghij') for _ in range(5))}{p:02d}"
        for year in range(1990 + p % 20, 1990 + p % 20 + rng.randrange(1, 12)):
            for stint in (1, 2) if rng.random() < 0.08 else (1,):
                games = rng.randrange(1, 163)
                at_bats = rng.randrange(0, 4 * games)
                lines.append(
                    f"{player},{year},{stint},T{rng.randrange(30):02d},{games},{at_bats},"
                    f"{at_bats // 7},{at_bats // 4},{rng.randrange(0, 30)}"
                )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "lahman" / "Batting.csv", lines)
    assert entity.grain_columns == ["playerID", "yearID", "stint"]


async def test_a_plate_reader_s_long_export_is_keyed_by_well_and_read_time(runtime: Runtime, tmp_path: Path) -> None:
    # A plate reader's kinetic run exported long: a row per well (A1..H12, two or three
    # characters) and read time, the sample in each well beside it (12 samples, each in 8
    # wells): no identifier, no code of one width, 96 wells too many for a short list.
    rng = random.Random(5)
    lines = ["Well,Sample,OD600,Time"]
    for k in range(3):
        time = f"{k * 900 // 3600}:{k * 900 % 3600 // 60:02d}:00"
        for i, well in enumerate(f"{r}{c}" for r in "ABCDEFGH" for c in range(1, 13)):
            lines.append(f"{well},S{i % 12 + 1},{0.08 + 0.01 * k * rng.uniform(0.5, 1.5):.3f},{time}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "plate" / "kinetic.csv", lines)
    assert entity.grain_columns == ["Well", "Time"]


async def test_sites_read_each_day_are_keyed_by_site_and_day(runtime: Runtime, tmp_path: Path) -> None:
    # A monitoring network's daily series: 70 sites coded S1..S70 by day, a reading each; and
    # a USGS-style site number beside a date, 64 sites of codes S001..S2332.
    folder = tmp_path / "data" / "network"
    folder.mkdir(parents=True)
    rng = random.Random(9)
    days = [f"2023-01-{d:02d}" for d in range(1, 4)]
    (folder / "daily.csv").write_text("Site,value,Date\n" + "".join(
        f"S{s},{rng.random():.3f},{d}\n" for d in days for s in range(1, 71)))
    (folder / "usgs.csv").write_text("Location,value,Date\n" + "".join(
        f"S{1 + 37 * s:03d},{rng.random():.3f},{d}\n" for d in days for s in range(64)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="network")
    assert {e.table: e.grain_columns for e in entities} == {
        "network.daily": ["Site", "Date"], "network.usgs": ["Location", "Date"],
    }


async def test_a_unit_of_measure_comes_after_what_was_measured_in_a_grain(runtime: Runtime, tmp_path: Path) -> None:
    # A lab's extract of the Water Quality Portal's results: a row per sampling activity and
    # characteristic, each characteristic in its own unit ("mg/l as N"), so the activity and
    # the unit code are unique together too.
    rng = random.Random(4)
    units = {"Nitrate": "mg/l as N", "Phosphorus": "mg/l as P", "pH": "std units", "Temperature, water": "deg C",
             "Specific conductance": "uS/cm @25C", "Dissolved oxygen (DO)": "mg/l"}
    lines = ["ActivityIdentifier,ActivityStartDate,CharacteristicName,ResultMeasureValue,ResultMeasure/MeasureUnitCode"]
    for a in range(300):
        for name in rng.sample(sorted(units), rng.randint(2, 6)):
            lines.append(f'nwismd.01.{1500100 + a},2015-{1 + a % 12:02d}-{1 + a % 28:02d},"{name}",{rng.uniform(0, 20):.2f},{units[name]}')
    entity = await _one_file_entity(runtime, tmp_path / "data" / "wqp" / "resultphyschem.csv", lines)
    assert entity.grain_columns == ["ActivityIdentifier", "CharacteristicName"]


async def test_row_counters_of_each_table_are_no_references(runtime: Runtime, tmp_path: Path) -> None:
    # MIMIC-III: every table numbers its rows in ROW_ID (1..N, so the ranges overlap); the
    # tables are linked by SUBJECT_ID and HADM_ID, and keyed by them.
    folder = tmp_path / "data" / "mimic"
    folder.mkdir(parents=True)
    rng = random.Random(11)
    subjects = [10006 + 7 * i for i in range(300)]
    (folder / "PATIENTS.csv").write_text(
        "ROW_ID,SUBJECT_ID,GENDER\n" + "".join(f"{i + 1},{s},{'MF'[i % 2]}\n" for i, s in enumerate(subjects))
    )
    admissions = [(rng.choice(subjects), 100001 + 13 * i) for i in range(900)]
    (folder / "ADMISSIONS.csv").write_text(
        "ROW_ID,SUBJECT_ID,HADM_ID,ADMISSION_TYPE\n"
        + "".join(f"{i + 1},{s},{h},{rng.choice(['EMERGENCY', 'ELECTIVE', 'URGENT'])}\n" for i, (s, h) in enumerate(admissions))
    )
    stays = [rng.choice(admissions) for _ in range(1200)]
    (folder / "ICUSTAYS.csv").write_text(
        "ROW_ID,SUBJECT_ID,HADM_ID,ICUSTAY_ID\n"
        + "".join(f"{i + 1},{s},{h},{200001 + 3 * i}\n" for i, (s, h) in enumerate(stays))
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="mimic")
    edges = _edges(found, "mimic")
    assert not [e for e in edges if "ROW_ID" in e[1]]
    assert ("icustays", ("HADM_ID",), "admissions", ("HADM_ID",)) in edges
    assert ("admissions", ("SUBJECT_ID",), "patients", ("SUBJECT_ID",)) in edges
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["mimic.admissions"] == ["HADM_ID"]
    assert grains["mimic.patients"] == ["SUBJECT_ID"]


async def test_a_panel_of_prices_is_keyed_by_date_and_ticker(runtime: Runtime, tmp_path: Path) -> None:
    # Kaggle's all_stocks_5yr: date, prices, volume, Name (the ticker); each day's volume is
    # unique by chance, the (date, Name) pair by design.
    rng = random.Random(5)
    import datetime as dt

    lines = ["date,open,high,low,close,volume,Name"]
    for ticker in ["AAL", "AAPL", "ABBV", "ABC", "ABT", "ACN", "ADBE", "ADI", "ADM", "ADP"]:
        for day in range(250):
            price = rng.uniform(20, 300)
            lines.append(
                f"{dt.date(2016, 1, 4) + dt.timedelta(days=day)},{price:.2f},{price * 1.02:.2f},"
                f"{price * 0.98:.2f},{price * 1.01:.2f},{rng.randrange(100_000, 90_000_000)},{ticker}"
            )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "stocks" / "all_stocks_5yr.csv", lines)
    assert entity.grain_columns == ["date", "Name"]
    assert ["volume"] not in entity.evidence["keys"]["candidate_keys"]


async def test_files_of_one_schema_are_parts_of_a_dataset_not_each_other_s_parents(
    runtime: Runtime, tmp_path: Path
) -> None:
    # The SSA's baby names: a headerless file per year (name, sex, count), the same names in
    # most years; each year's (name, sex) is unique, and so, by chance, is (name, count).
    folder = tmp_path / "data" / "names"
    folder.mkdir(parents=True)
    rng = random.Random(2)
    names = [f"{rng.choice('BCDFGJKLMNPRST')}{rng.choice('aeiou')}{rng.choice('lnrst')}{rng.choice(['a', 'ie', 'o', 'en'])}{i}" for i in range(400)]
    for year in (2009, 2010, 2011):
        lines = []
        for name in rng.sample(names, 320):
            for sex in "FM" if rng.random() < 0.4 else rng.choice("FM"):
                lines.append(f"{name},{sex},{5 + int(rng.expovariate(1 / 60))}")  # many small counts
        (folder / f"yob{year}.txt").write_text("\n".join(lines) + "\n")
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="names")
    assert _edges(found, "names") == {}
    assert {tuple(e.grain_columns or ()) for e in entities} == {("column0", "column1")}


async def test_two_headerless_lookups_of_one_shape_are_no_parts_of_a_dataset(runtime: Runtime, tmp_path: Path) -> None:
    # UCI HAR: features.txt (a number and a feature's name) beside activity_labels.txt (a
    # number and an activity); typed alike, they were parts of one dataset with a UNION.
    folder = tmp_path / "data" / "har"
    folder.mkdir(parents=True)
    (folder / "features.txt").write_text("".join(f"{i} tBodyAcc-{'mean' if i % 2 else 'std'}()-{'XYZ'[i % 3]}{i}\n" for i in range(1, 41)))
    (folder / "activity_labels.txt").write_text("1 WALKING\n2 WALKING_UPSTAIRS\n3 WALKING_DOWNSTAIRS\n4 SITTING\n5 STANDING\n6 LAYING\n")
    # The labels of the windows, a code each: the lookup was linked to them the wrong way
    # (a "semantic" 1:n from activity_labels), their column0 and its column0 one name.
    (folder / "y_train.txt").write_text("".join(f"{1 + (i * 7) % 6}\n" for i in range(300)))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="har")
    assert all("same_columns_as" not in e.evidence for e in entities)
    assert not [e for e in _edges(found, "har") if e[0] == "activity_labels"]


async def test_a_panel_of_countries_by_year_is_keyed_by_both(runtime: Runtime, tmp_path: Path) -> None:
    # The World Happiness Report's panel: a row per country name and year.
    rng = random.Random(4)
    lines = ["Country name,year,Life Ladder,Log GDP per capita"]
    for country in range(150):
        for year in range(2005 + country % 4, 2024):
            lines.append(f"Country {country},{year},{rng.uniform(2, 8):.3f},{rng.uniform(6, 11):.3f}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "whr" / "DataForTable2.1.csv", lines)
    assert entity.grain_columns == ["Country name", "year"]


async def test_a_pair_of_codes_keys_a_taxonomy_and_its_facts_point_at_both(runtime: Runtime, tmp_path: Path) -> None:
    # SEC's financial statement data sets: tag.txt is keyed by (tag, version), a tag in each
    # taxonomy it belongs to; num.txt's facts name both.
    folder = tmp_path / "data" / "sec"
    folder.mkdir(parents=True)
    rng = random.Random(8)
    tags = [f"{rng.choice(['Accounts', 'Revenue', 'Assets', 'Liabilities', 'Cash'])}{w}{i}" for i, w in enumerate(["Current", "Net", "Total"] * 20)]
    # A company's own tags have its filing's accession number as their version.
    versions = ["us-gaap/2022", "us-gaap/2023", "dei/2023"] + [f"0000{rng.randrange(10**6):06d}-23-{i:06d}" for i in range(60)]
    definitions = [(t, v) for t in tags for v in {*rng.sample(versions[:3], 2), rng.choice(versions[3:])}]
    (folder / "tag.txt").write_text(
        "tag\tversion\tcustom\tdatatype\n" + "".join(f"{t}\t{v}\t0\tmonetary\n" for t, v in definitions)
    )
    facts = ["adsh\ttag\tversion\tqtrs\tvalue"]
    for i in range(3000):
        t, v = rng.choice(definitions)
        facts.append(f"0000320193-23-{i // 40:06d}\t{t}\t{v}\t{rng.choice([0, 1, 4])}\t{rng.randrange(10**9)}")
    (folder / "num.txt").write_text("\n".join(facts) + "\n")
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="sec")
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["sec.tag"] == ["tag", "version"]
    assert ("num", ("tag", "version"), "tag", ("tag", "version")) in _edges(found, "sec")


async def test_long_identifiers_named_as_such_are_keys(runtime: Runtime, tmp_path: Path) -> None:
    # The FDA's NDC files: PRODUCTID "0002-0800_ab2a5006-0bb1-4f5e-8ba4-8a1f1c2ea4d9" (46
    # characters) keys product.txt and is what package.txt points at.
    folder = tmp_path / "data" / "ndc"
    folder.mkdir(parents=True)
    rng = random.Random(9)
    products = [f"{rng.randrange(10000):04d}-{rng.randrange(10000):04d}_{random.Random(i).getrandbits(128):032x}" for i in range(300)]
    (folder / "product.txt").write_text(
        "PRODUCTID\tPROPRIETARYNAME\n" + "".join(f"{p}\tDrug {i % 40}\n" for i, p in enumerate(products))
    )
    (folder / "package.txt").write_text(
        "PRODUCTID\tNDCPACKAGECODE\n" + "".join(f"{rng.choice(products)}\t{i:05d}-{i % 900:03d}-{i % 90:02d}\n" for i in range(900))
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="ndc")
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["ndc.product"] == ["PRODUCTID"]
    assert ("package", ("PRODUCTID",), "product", ("PRODUCTID",)) in _edges(found, "ndc")


async def test_two_sources_numbered_alike_share_no_key(runtime: Runtime, tmp_path: Path) -> None:
    # Rossmann's and Walmart's stores are both numbered 1..N: a join path asked between the
    # two sources finds none, and Rossmann keeps its own link.
    rng = random.Random(6)
    for name, stores in (("rossmann", 60), ("walmart", 45)):
        folder = tmp_path / "data" / name
        folder.mkdir(parents=True)
        (folder / "stores.csv").write_text("Store,Type\n" + "".join(f"{s},{'abc'[s % 3]}\n" for s in range(1, stores + 1)))
        (folder / "sales.csv").write_text(
            "Store,Date,Sales\n"
            + "".join(f"{s},2015-07-{d:02d},{rng.randrange(1000, 9000)}\n" for s in range(1, stores + 1) for d in range(1, 21))
        )
        await runtime.pipeline.profile_path(folder)
    service = RelationshipService(runtime.pipeline)
    answer = await service.join_paths("rossmann.sales", "walmart.stores")
    assert answer.paths == []
    own, _, _ = await service.relationships(source="rossmann")
    assert [(r.from_table, r.to_table) for r in own] == [("rossmann.sales", "rossmann.stores")]


async def test_a_date_and_a_time_written_apart_key_a_series(runtime: Runtime, tmp_path: Path) -> None:
    # UCI's AirQuality: hourly readings under Date (10/03/2004) and Time (18.00.00).
    rng = random.Random(12)
    lines = ["Date;Time;CO(GT);T"]
    for hour in range(24 * 40):
        day, clock = divmod(hour + 18, 24)
        reading = f"{rng.randrange(1, 120) / 10:.1f};{rng.randrange(-50, 350) / 10:.1f}".replace(".", ",")
        lines.append(f"{10 + day % 20:02d}/{3 + day // 20:02d}/2004;{clock:02d}.00.00;{reading}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "air" / "AirQualityUCI.csv", lines)
    assert entity.grain_columns == ["Date", "Time"]


async def test_a_row_counter_leaves_the_grain_to_what_it_numbers(runtime: Runtime, tmp_path: Path) -> None:
    # UCI's bike sharing hour.csv: "instant" numbers the rows of (dteday, hr).
    rng = random.Random(13)
    import datetime as dt

    lines = ["instant,dteday,hr,temp,cnt"]
    for i in range(24 * 60):
        day = dt.date(2011, 1, 1) + dt.timedelta(days=i // 24)
        lines.append(f"{i + 1},{day},{i % 24},{rng.random():.2f},{rng.randrange(1, 900)}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "bikes" / "hour.csv", lines)
    assert entity.grain_columns == ["dteday", "hr"]
    assert ["instant"] in entity.evidence["keys"]["candidate_keys"]


async def test_files_without_headers_link_by_the_shape_of_their_values(runtime: Runtime, tmp_path: Path) -> None:
    # TPC-DS's generated .dat files: no header (every column a placeholder, column0...), `|`
    # ending each line. Alike placeholders are no evidence (the ids of items and customers,
    # written alike, are no reference); a fact's 1..N columns spanning a dimension's range
    # with repeats are.
    folder = tmp_path / "data" / "tpcds"
    folder.mkdir(parents=True)
    rng = random.Random(5)

    def business_id(n: int) -> str:
        return "AAAAAAAA" + "".join("ABCDEFGHIJKLMNOP"[(n >> (4 * k)) & 15] for k in range(8))

    items = [f"{i}|{business_id(i)}|Item {i}|{rng.uniform(1, 90):.2f}|" for i in range(1, 301)]
    customers = [f"{i}|{business_id(i)}|Name {i}|{rng.randint(1930, 1990)}|" for i in range(1, 501)]
    sales, ticket = [], 1
    for _ in range(900):
        for item in rng.sample(range(1, 301), rng.randint(1, 4)):
            sales.append(f"{item}|{ticket}|{rng.randint(1, 500)}|{rng.randint(1, 100)}|{rng.uniform(1, 500):.2f}|")
        ticket += 1
    for name, lines in (("item", items), ("customer", customers), ("store_sales", sales)):
        (folder / f"{name}.dat").write_text("\n".join(lines) + "\n")
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="tpcds")
    edges = _edges(found, "tpcds")
    assert set(edges) == {
        ("store_sales", ("column0",), "item", ("column0",)),
        ("store_sales", ("column2",), "customer", ("column0",)),
    }
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["tpcds.store_sales"] == ["column0", "column1"]
    assert grains["tpcds.item"] == ["column0"]


async def test_headerless_ids_link_to_the_key_whose_range_they_span(runtime: Runtime, tmp_path: Path) -> None:
    # OpenFlights: airports numbered sparsely up to 9,000, airlines densely up to 1,500;
    # routes name 400 of the airlines and airports all over. The airline ids sat inside the
    # airports' range (a sparse key: strong evidence) and the airlines' own ids, unique,
    # read as a 1:1 reference to the airports.
    folder = tmp_path / "data" / "openflights"
    folder.mkdir(parents=True)
    rng = random.Random(11)
    airport_ids = sorted(rng.sample(range(1, 9001), 1500))
    (folder / "airports.dat").write_text("".join(f'{i},"Airport {i}","A{i:04d}",{rng.uniform(-60, 70):.4f}\n' for i in airport_ids))
    (folder / "airlines.dat").write_text('-1,"Unknown","Y"\n' + "".join(f'{i},"Airline {i}","N"\n' for i in range(1, 1501)))
    active = rng.sample(range(1, 1501), 400)
    (folder / "routes.dat").write_text("".join(
        f"{rng.choice(active)},{rng.choice(airport_ids)},{rng.choice(airport_ids)},{rng.randint(0, 2)}\n" for _ in range(4000)
    ))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="openflights")
    assert set(_edges(found, "openflights")) == {
        ("routes", ("column0",), "airlines", ("column0",)),
        ("routes", ("column1",), "airports", ("column0",)),
        ("routes", ("column2",), "airports", ("column0",)),
    }


async def test_a_table_s_own_ids_written_like_another_s_are_no_reference(runtime: Runtime, tmp_path: Path) -> None:
    # TPC-DS with its header: i_item_id values (item versions repeat them) are all among
    # c_customer_id's, both written by one encoder; the item's id names the item.
    folder = tmp_path / "data" / "shop"
    folder.mkdir(parents=True)
    items = ["i_item_sk,i_item_id,i_price"] + [f"{i},AAAA{(i + 1) // 2:06d},{i % 17 + 1}.99" for i in range(1, 201)]
    customers = ["c_customer_sk,c_customer_id,c_birth_year"] + [f"{i},AAAA{i:06d},{1930 + i % 60}" for i in range(1, 401)]
    (folder / "item.csv").write_text("\n".join(items) + "\n")
    (folder / "customer.csv").write_text("\n".join(customers) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="shop")
    assert not [r for r in found if r.from_table == "shop.item" and r.to_table == "shop.customer"]


async def test_a_grain_named_like_a_measure_is_referenced_under_its_name(runtime: Runtime, tmp_path: Path) -> None:
    # The UK road safety data (STATS19): accidents keyed by Accident_Index, vehicles and
    # casualties pointing at it under the same name ("index" reads as an ordering word).
    folder = tmp_path / "data" / "stats19"
    folder.mkdir(parents=True)
    rng = random.Random(8)
    accidents = [f"2019{10128300 + i * 7}" for i in range(120)]
    (folder / "accidents.csv").write_text(
        "\n".join(["Accident_Index,Accident_Severity", *(f"{a},{rng.choice([1, 2, 3])}" for a in accidents)]) + "\n"
    )
    vehicles = ["Accident_Index,Vehicle_Reference,Vehicle_Type"]
    for a in accidents:
        vehicles += [f"{a},{v},{rng.choice([9, 11, 19, -1])}" for v in range(1, rng.randint(1, 3) + 1)]
    (folder / "vehicles.csv").write_text("\n".join(vehicles) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="stats19")
    edges = _edges(found, "stats19")
    assert ("vehicles", ("Accident_Index",), "accidents", ("Accident_Index",)) in edges


async def test_short_codes_under_a_descriptive_name_reference_a_grain(runtime: Runtime, tmp_path: Path) -> None:
    # Kaggle's S&P 500 prices name their ticker column `Name`; the constituents list keys by
    # `Symbol`. A column of people's names (longer values) is left alone.
    folder = tmp_path / "data" / "sp500"
    folder.mkdir(parents=True)
    rng = random.Random(5)
    tickers = sorted({"".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(2, 4))) for _ in range(60)})
    constituents = ["Symbol,Security"] + [f"{t},{t.title()} Corp" for t in tickers]
    (folder / "constituents.csv").write_text("\n".join(constituents) + "\n")
    prices = ["date,close,Name"] + [
        f"2013-02-{day:02d},{rng.uniform(10, 200):.2f},{t}" for day in range(1, 21) for t in tickers[:50]
    ]
    (folder / "all_stocks_5yr.csv").write_text("\n".join(prices) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="sp500")
    assert ("all_stocks_5yr", ("Name",), "constituents", ("Symbol",)) in _edges(found, "sp500")


async def test_ranks_are_no_grain_before_the_name_and_no_reference(runtime: Runtime, tmp_path: Path) -> None:
    # The World Happiness Report's yearly files: a rank 1..N in each, countries that differ
    # a little from year to year.
    folder = tmp_path / "data" / "happiness"
    folder.mkdir(parents=True)
    countries = [f"Country {i:03d}" for i in range(160)]
    (folder / "2015.csv").write_text("Country,Happiness Rank,Happiness Score\n" + "".join(
        f"{c},{r},{8 - r / 30:.3f}\n" for r, c in enumerate(countries[:150], start=1)))
    (folder / "2017.csv").write_text("Country,Happiness.Rank,Happiness.Score,Whisker.high\n" + "".join(
        f"{c},{r},{7.9 - r / 31:.3f},{8 - r / 31:.3f}\n" for r, c in enumerate(reversed(countries[10:]), start=1)))
    service = await _profile(runtime, folder)
    found, tables, _ = await service.relationships(source="happiness")
    assert not [r for r in found if "Rank" in " ".join(r.from_columns)]
    assert {t.table: tuple(t.grain_columns or ()) for t in tables} == {
        "happiness.t_2015": ("Country",), "happiness.t_2017": ("Country",),
    }


async def test_a_source_is_found_under_its_folder_s_own_name(runtime: Runtime, tmp_path: Path) -> None:
    # A folder "Sales Data" becomes the source sales_data; asked for as the folder is named.
    folder = _parent_and_child(tmp_path / "data" / "Sales Data", ("customers", "customer_id", 40), ("orders", "order_id"))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="Sales Data")
    assert ("orders", ("customer_id",), "customers", ("customer_id",)) in _edges(found, "sales_data")
    assert {e.table for e in entities} == {"sales_data.customers", "sales_data.orders"}


async def test_tables_whose_files_are_gone_are_removed_with_their_links(runtime: Runtime, tmp_path: Path) -> None:
    # Files of a folder renamed or deleted since its last profile: their tables, links and
    # layers go, so that no join path runs through data that is gone.
    from sqlalchemy import text

    folder = _parent_and_child(tmp_path / "data" / "laps", ("drivers", "driver_id", 30), ("old_laps", "lap_id"))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="laps")
    assert ("old_laps", ("driver_id",), "drivers", ("driver_id",)) in _edges(found, "laps")
    (folder / "old_laps.csv").rename(folder / "laps.csv")
    runs = await runtime.pipeline.profile_path(folder)
    assert {(r.table, r.status) for r in runs} == {("drivers", "unchanged"), ("laps", "profiled"), ("old_laps", "removed")}
    removed = next(r for r in runs if r.status == "removed")
    assert removed.path == str(folder / "old_laps.csv")
    found, _, _ = await service.relationships(source="laps")
    assert set(_edges(found, "laps")) == {("laps", ("driver_id",), "drivers", ("driver_id",))}
    async with runtime.sessions() as session:
        from datadossier.store.repositories import catalog

        assert [t.qualified_name for t in await catalog.list_tables(session, "laps")] == ["laps.drivers", "laps.laps"]
        left = (await session.execute(text("SELECT count(*) FROM tables WHERE table_name = 'old_laps'"))).scalar_one()
        assert left == 0
    assert await _count(runtime, "FROM duckdb_tables() WHERE table_name LIKE '%old_laps%'") == 0
    assert await _count(runtime, "FROM duckdb_views() WHERE view_name LIKE '%old_laps%'") == 0


async def test_a_table_of_one_column_per_period_says_how_to_unpivot_it(runtime: Runtime, tmp_path: Path) -> None:
    # JHU's COVID-19 time series: a row per place, a column of counts per day ("1/22/20").
    folder = tmp_path / "data" / "jhu"
    folder.mkdir(parents=True)
    days = [f"1/{d}/20" for d in range(22, 32)]
    lines = ["Province/State,Country/Region,Lat,Long," + ",".join(days)]
    lines += [f",Country {i},{10 + i}.5,{20 + i}.25," + ",".join(str(i * d) for d in range(10)) for i in range(30)]
    (folder / "confirmed.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    wide = entity.evidence["keys"]["period_columns"]
    assert (wide["count"], wide["first"], wide["last"]) == (10, "1/22/20", "1/31/20")
    rows = await _count(runtime, f"FROM ({wide['unpivot']}) WHERE period = '1/31/20' AND value = 9 * 3")
    assert rows == 1
    assert await _count(runtime, f"FROM ({wide['unpivot']})") == 300


async def test_a_flag_and_a_note_beside_each_period_s_column_are_no_periods(runtime: Runtime, tmp_path: Path) -> None:
    # FAOSTAT's bulk files: each year's value, its flag and its note (Y1961, Y1961F, Y1961N),
    # the notes mostly empty; a third of the columns were periods no more, and none was found.
    folder = tmp_path / "data" / "fao"
    folder.mkdir(parents=True)
    years = range(2001, 2013)
    lines = ["Area Code,Area,Item,Element,Unit," + ",".join(f"Y{y},Y{y}F,Y{y}N" for y in years)]
    lines += [
        f"{i},Area {i},Wheat,Production,t," + ",".join(f"{1000 * i + y},{'E' if y % 2 else 'A'}," for y in years)
        for i in range(1, 21)
    ]
    (folder / "production.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    wide = entity.evidence["keys"]["period_columns"]
    assert (wide["count"], wide["first"], wide["last"]) == (12, "Y2001", "Y2012")
    assert await _count(runtime, f"FROM ({wide['unpivot']})") == 20 * 12
    assert await _count(runtime, f"FROM ({wide['unpivot']}) WHERE period = 'Y2003' AND value = 1000 * 3 + 2003") == 1
    flags = {flag["suffix"]: flag for flag in wide["flags"]}
    assert (flags["F"]["count"], flags["F"]["first"], flags["F"]["last"]) == (12, "Y2001F", "Y2012F")
    assert await _count(runtime, f"FROM ({flags['F']['unpivot']}) WHERE period = 'Y2003F' AND value = 'E'") == 20


async def test_columns_named_for_month_ends_are_one_measure(runtime: Runtime, tmp_path: Path) -> None:
    # Zillow's home values: a column per month's last day; grouped by what the names said
    # beside the year, they were twelve "measures" ("-01-31", "-02-28", ...), a month each.
    folder = tmp_path / "data" / "zillow"
    folder.mkdir(parents=True)
    ends = [f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}" for y in (2022, 2023) for m in range(1, 13)]
    lines = ["RegionID,RegionName," + ",".join(ends)]
    lines += [f"{100 + i},Metro {i}," + ",".join(str(1000 * i + k) for k in range(24)) for i in range(20)]
    (folder / "zhvi.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    wide = entity.evidence["keys"]["period_columns"]
    assert (wide["count"], wide["first"], wide["last"]) == (24, "2022-01-31", "2023-12-31")
    assert "measures" not in wide
    assert await _count(runtime, f"FROM ({wide['unpivot']})") == 20 * 24


async def test_columns_named_for_months_as_m_yyyy_over_years_are_one_measure(runtime: Runtime, tmp_path: Path) -> None:
    # The NTD's monthly ridership (UPT, VRM, VRH): a column per month, 1/2002 ... 9/2023; read
    # as a measure named "1" ... "12" beside a year, they were twelve UNPIVOTs of a month each.
    folder = tmp_path / "data" / "ntd"
    folder.mkdir(parents=True)
    months = [f"{m}/{y}" for y in (2020, 2021) for m in range(1, 13)]
    lines = ["NTD ID,Mode,TOS," + ",".join(months)]
    lines += [f"{10001 + i:05d},MB,DO," + ",".join(str(1000 * i + k) for k in range(24)) for i in range(20)]
    (folder / "upt.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    wide = entity.evidence["keys"]["period_columns"]
    assert (wide["count"], wide["first"], wide["last"]) == (24, "1/2020", "12/2021")
    assert "measures" not in wide
    assert await _count(runtime, f"FROM ({wide['unpivot']})") == 20 * 24


async def test_columns_named_for_months_are_periods_and_the_annual_figure_is_set_apart(
    runtime: Runtime, tmp_path: Path
) -> None:
    # NASA POWER's monthly point data: PARAMETER, YEAR, JAN ... DEC, ANN (the year's mean or
    # sum); GISTEMP writes Year, Jan ... Dec, J-D, DJF. The months were twelve plain DOUBLEs.
    folder = tmp_path / "data" / "power"
    folder.mkdir(parents=True)
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    lines = ["PARAMETER,YEAR," + ",".join(months) + ",ANN"]
    lines += [
        f"{p},{y}," + ",".join(f"{k + y - 2000 + i}.5" for k in range(12)) + f",{y - 2000 + i + 6}.0"
        for i, p in enumerate(("T2M", "RH2M", "WS10M")) for y in range(2001, 2011)
    ]
    (folder / "POWER_Point_Monthly.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    wide = entity.evidence["keys"]["period_columns"]
    assert (wide["count"], wide["first"], wide["last"], wide["summary_columns"]) == (12, "JAN", "DEC", ["ANN"])
    assert await _count(runtime, f"FROM ({wide['unpivot']})") == 30 * 12
    assert await _count(runtime, f"FROM ({wide['unpivot']}) WHERE PARAMETER = 'T2M' AND YEAR = 2001 AND period = 'DEC'") == 1
    # Names of months out of the calendar's order are no run of periods.
    shuffled = tmp_path / "data" / "shuffled"
    shuffled.mkdir(parents=True)
    names = ["Jan", "Mar", "Feb", "May", "Apr", "Jun"]
    (shuffled / "s.csv").write_text("id," + ",".join(names) + "\n" + "".join(
        f"{i}," + ",".join(f"{i + k}.5" for k in range(6)) + "\n" for i in range(20)))
    assert "period_columns" not in (await _only_entity(runtime, shuffled)).evidence["keys"]


async def test_a_table_named_for_its_series_step_with_periods_as_columns_is_no_time_period(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Zillow's research files all end in _month (Metro_zhvi_uc_sfrcondo_tier_0.33_0.67_sm_sa_month.csv):
    # a region a row, keyed by RegionID, a month a column; each was a "time period".
    folder = tmp_path / "data" / "zillow"
    folder.mkdir(parents=True)
    ends = [f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}" for y in (2022, 2023) for m in range(1, 13)]
    lines = ["RegionID,SizeRank,RegionName,RegionType,StateName," + ",".join(ends)]
    lines += [f"{394900 + 13 * i},{i},\"Metro {i}, WA\",msa,WA," + ",".join(f"{5000 * i + k}.5" for k in range(24)) for i in range(20)]
    (folder / "Metro_zhvi_uc_sfrcondo_tier_0.33_0.67_sm_sa_month.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    assert entity.evidence["keys"]["period_columns"]["count"] == 24
    assert (entity.entity_type, entity.grain_columns) == ("region", ["RegionID"])


async def test_columns_numbered_in_a_run_are_unpivoted_like_periods(runtime: Runtime, tmp_path: Path) -> None:
    # M5's sales: a column of units sold per day, d_1 ... d_N, which calendar.csv's d names.
    folder = tmp_path / "data" / "m5"
    folder.mkdir(parents=True)
    days = [f"d_{i}" for i in range(1, 31)]
    lines = ["id,item_id,store_id," + ",".join(days)]
    lines += [f"ITEM_{i:03d}_CA_1,ITEM_{i:03d},CA_1," + ",".join(str((i * d) % 4) for d in range(30)) for i in range(25)]
    (folder / "sales.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    wide = entity.evidence["keys"]["period_columns"]
    assert (wide["count"], wide["first"], wide["last"]) == (30, "d_1", "d_30")
    assert await _count(runtime, f"FROM ({wide['unpivot']}) WHERE period = 'd_30'") == 25
    # A file of numbers without a header has its columns numbered by the reader: no periods.
    plain = tmp_path / "data" / "matrix"
    plain.mkdir(parents=True)
    (plain / "m.csv").write_text("".join(",".join(str(i * j + 1) for j in range(12)) + "\n" for i in range(1, 30)))
    matrix = await _only_entity(runtime, plain)
    assert "period_columns" not in matrix.evidence["keys"]
    # Nor are features numbered by a stem that names no step in time (V1 ... V28).
    fraud = tmp_path / "data" / "fraud"
    fraud.mkdir(parents=True)
    header = "Time," + ",".join(f"V{i}" for i in range(1, 29)) + ",Amount,Class"
    rows = [f"{i}.0," + ",".join(f"{(i * k) % 7 - 3.5:.3f}" for k in range(28)) + f",{i * 1.5:.2f},{i % 2}" for i in range(30)]
    (fraud / "creditcard.csv").write_text("\n".join([header, *rows]) + "\n")
    assert "period_columns" not in (await _only_entity(runtime, fraud)).evidence["keys"]
    # London's smart meters a day: half hours hh_0 ... hh_47.
    meters = tmp_path / "data" / "hhblock"
    meters.mkdir(parents=True)
    halves = [f"hh_{i}" for i in range(48)]
    (meters / "block_0.csv").write_text("LCLid,day," + ",".join(halves) + "\n" + "".join(
        f"MAC{m:06d},2013-01-{d:02d}," + ",".join(f"{(m + d + h) % 9 / 10:.3f}" for h in range(48)) + "\n"
        for m in range(6) for d in range(1, 8)))
    halfhourly = (await _only_entity(runtime, meters)).evidence["keys"]["period_columns"]
    assert (halfhourly["count"], halfhourly["first"], halfhourly["last"]) == (48, "hh_0", "hh_47")


async def test_columns_of_two_measures_per_period_are_unpivoted_apart(runtime: Runtime, tmp_path: Path) -> None:
    # The Global Power Plant Database: reported generation 2013-2019 beside estimates 2013-2017.
    folder = tmp_path / "data" / "gppd"
    folder.mkdir(parents=True)
    reported = [f"generation_gwh_{y}" for y in range(2013, 2020)]
    estimated = [f"estimated_generation_gwh_{y}" for y in range(2013, 2018)]
    lines = ["gppd_idnr,capacity_mw," + ",".join(reported + estimated)]
    lines += [
        f"USA{i:07d},{10 + i}.5," + ",".join(f"{i * 10 + k}.5" for k in range(7)) + "," + ",".join(f"{i * 10 + k}.25" for k in range(5))
        for i in range(40)
    ]
    (folder / "plants.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    wide = entity.evidence["keys"]["period_columns"]
    assert [(m["measure"], m["count"], m["first"], m["last"]) for m in wide["measures"]] == [
        ("generation_gwh", 7, "generation_gwh_2013", "generation_gwh_2019"),
        ("estimated_generation_gwh", 5, "estimated_generation_gwh_2013", "estimated_generation_gwh_2017"),
    ]
    for measure, rows, cents in zip(wide["measures"], (280, 200), (".5", ".25"), strict=True):
        assert await _count(runtime, f"FROM ({measure['unpivot']})") == rows
        assert await _count(runtime, f"FROM ({measure['unpivot']}) WHERE CAST(value AS VARCHAR) LIKE '%{cents}'") == rows


async def test_a_key_broken_by_a_conflicting_record_is_named_as_near(runtime: Runtime, tmp_path: Path) -> None:
    # The video game sales of 2016: "Madden NFL 13" on PS3 twice, with other sales figures.
    folder = tmp_path / "data" / "games"
    folder.mkdir(parents=True)
    rng = random.Random(2)
    platforms = ["PS3", "X360", "PC", "Wii"]
    lines = ["Name,Platform,Global_Sales"] + [
        f"Game {g},{p},{rng.random() * 5:.2f}" for g in range(500) for p in rng.sample(platforms, rng.randint(2, 4))
    ]
    lines.append(lines[8].rsplit(",", 1)[0] + ",0.01")
    (folder / "vgsales.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    keys = entity.evidence["keys"]
    assert entity.grain_columns is None
    assert (keys["near_key"], keys["near_key_repeats"]) == (["Name", "Platform"], 1)
    assert "Name, Platform would be unique but for 1 row" in keys["reason"]


async def test_a_child_named_as_each_of_its_parent_s_keys_links_to_both(runtime: Runtime, tmp_path: Path) -> None:
    # The European Soccer Database: Team keyed by id, team_api_id and team_fifa_api_id;
    # Team_Attributes carries the last two, and Match joins on team_api_id.
    folder = tmp_path / "data" / "soccer"
    folder.mkdir(parents=True)
    rng = random.Random(6)
    teams = [(i, 9800 + i * 7, 100 + i * 3) for i in range(1, 200)]
    (folder / "Team.csv").write_text("id,team_api_id,team_fifa_api_id,team_long_name\n" + "".join(
        f"{i},{api},{fifa},Team {i}\n" for i, api, fifa in teams))
    rows = [(n, *rng.choice(teams)) for n in range(1, 1201)]
    (folder / "Team_Attributes.csv").write_text("id,team_fifa_api_id,team_api_id,date,buildUpPlaySpeed\n" + "".join(
        f"{n},{fifa},{api},2015-09-10 00:00:00,{rng.randint(20, 80)}\n" for n, _i, api, fifa in rows))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="soccer")
    edges = _edges(found, "soccer")
    assert ("team_attributes", ("team_api_id",), "team", ("team_api_id",)) in edges
    assert ("team_attributes", ("team_fifa_api_id",), "team", ("team_fifa_api_id",)) in edges
    assert not [e for e in edges if e[1] == ("buildUpPlaySpeed",)]


async def test_a_table_of_one_row_per_day_is_the_lookup_of_days_named_alike(runtime: Runtime, tmp_path: Path) -> None:
    # UCI's bike sharing: hour.csv's dteday points at day.csv's; Favorita's oil prices by date.
    import datetime as dt

    folder = tmp_path / "data" / "bike"
    folder.mkdir(parents=True)
    first = dt.date(2011, 1, 1)
    days = [first + dt.timedelta(days=i) for i in range(120)]
    (folder / "day.csv").write_text("instant,dteday,cnt\n" + "".join(f"{i + 1},{d},{500 + i * 7}\n" for i, d in enumerate(days)))
    (folder / "hour.csv").write_text("instant,dteday,hr,cnt\n" + "".join(
        f"{i * 24 + h + 1},{d},{h},{i + h}\n" for i, d in enumerate(days) for h in range(24)))
    (folder / "rentals.csv").write_text("rental_id,rented_on,minutes\n" + "".join(
        f"{i},{days[i % 120]},{10 + i % 50}\n" for i in range(1, 400)))
    # FRED's downloads: a series of one row per day beside another is aligned, no lookup.
    (folder / "weather.csv").write_text("dteday,rain_mm\n" + "".join(f"{d},{i % 7}.5\n" for i, d in enumerate(days[10:100])))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="bike")
    edges = _edges(found, "bike")
    assert ("hour", ("dteday",), "day", ("dteday",)) in edges
    assert not [e for e in edges if e[1] == ("rented_on",)]  # a day of another name: no link
    assert not [e for e in edges if e[0] == "weather"]


async def test_a_timestamp_or_a_measure_unique_beside_an_identifier_is_no_other_key(runtime: Runtime, tmp_path: Path) -> None:
    # MIMIC's ADMISSIONS: ADMITTIME unique among 130 admissions beside HADM_ID; a LOS in days.
    # An hourly series keeps its time as its key, and a calendar its day beside its date_key.
    folder = tmp_path / "data" / "mimic"
    folder.mkdir(parents=True)
    rng = random.Random(4)
    lines = ["HADM_ID,ADMITTIME,LOS,ADMISSION_TYPE"] + [
        f"{100000 + i * 7},2150-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{rng.randint(0, 59):02d}:{i % 60:02d},"
        f"{rng.uniform(0.5, 30):.4f},{rng.choice(['EMERGENCY', 'ELECTIVE'])}"
        for i in range(130)
    ]
    (folder / "admissions.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    assert entity.grain_columns == ["HADM_ID"]
    assert entity.evidence["keys"]["candidate_keys"] == [["HADM_ID"]]


async def test_a_table_of_one_row_is_keyed_only_by_an_identifier(runtime: Runtime, tmp_path: Path) -> None:
    # GTFS: agency.txt of one agency, cited by routes.txt; feed_info.txt of one row, no id.
    folder = tmp_path / "data" / "gtfs"
    folder.mkdir(parents=True)
    (folder / "agency.csv").write_text("agency_id,agency_name,agency_timezone\n1,Metro,America/New_York\n")
    (folder / "feed_info.csv").write_text("feed_publisher_name,feed_publisher_url,feed_lang\nMetro,https://example.org,en\n")
    (folder / "routes.csv").write_text("route_id,agency_id,route_type\n" + "".join(f"r{i},1,{i % 4}\n" for i in range(30)))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="gtfs")
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["gtfs.agency"] == ["agency_id"]
    assert grains["gtfs.feed_info"] is None
    assert ("routes", ("agency_id",), "agency", ("agency_id",)) in _edges(found, "gtfs")


async def test_a_table_named_for_nothing_is_the_entity_its_identifier_names(runtime: Runtime, tmp_path: Path) -> None:
    # The FEC's cm.txt and cn.txt: committees and candidates, each with a city and a ZIP,
    # were both "location"; a file of addresses without an identifier still is.
    folder = tmp_path / "data" / "fec"
    folder.mkdir(parents=True)
    (folder / "cm.csv").write_text("CMTE_ID,CMTE_NM,CMTE_CITY,CMTE_ZIP\n" + "".join(
        f"C{i:08d},FRIENDS OF {i},BOSTON,0{2100 + i % 50}\n" for i in range(1, 60)))
    (folder / "cn.csv").write_text("CAND_ID,CAND_NAME,CAND_CITY,CAND_ZIP\n" + "".join(
        f"H{i:08d},DOE {i},SALEM,0{1900 + i % 50}\n" for i in range(1, 60)))
    (folder / "x1.csv").write_text("street,city,zip\n" + "".join(f"{i} Main St,Salem,0{1900 + i % 7}\n" for i in range(1, 60)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="fec")
    kinds = {e.table: e.entity_type for e in entities}
    assert (kinds["fec.cm"], kinds["fec.cn"], kinds["fec.x1"]) == ("cmte", "cand", "location")


async def test_an_activity_register_running_from_a_start_to_an_end_date_is_a_project(runtime: Runtime, tmp_path: Path) -> None:
    # IATI's activity.csv: an aid project a row, with planned and actual start and end dates
    # and budgets, was an "event"; a user's activity log (a timestamp a click) still is.
    iati = tmp_path / "data" / "iati"
    iati.mkdir(parents=True)
    (iati / "activity.csv").write_text("iati-identifier,title,start-planned,end-planned,start-actual,end-actual,total-Commitment\n" + "".join(
        f"US-GOV-1-{241000 + i},Project {i},2012-0{1 + i % 9}-15,2016-0{1 + i % 9}-25,2012-0{1 + i % 9}-20,,{1000 * i}.50\n"
        for i in range(1, 60)))
    assert (await _only_entity(runtime, iati)).entity_type == "project"
    web = tmp_path / "data" / "web"
    web.mkdir(parents=True)
    (web / "user_activity.csv").write_text("event_id,user_id,page,clicked_at\n" + "".join(
        f"{i},{i % 13},/p/{i % 7},2024-03-0{1 + i % 9} 10:{i % 60:02d}:00\n" for i in range(1, 60)))
    assert (await _only_entity(runtime, web)).entity_type == "event"


async def test_files_named_alike_but_for_one_word_are_read_by_that_word(runtime: Runtime, tmp_path: Path) -> None:
    # NCES's Common Core of Data: ccd_sch_029_2223_w_1a_083023.csv and ccd_lea_..._w_1a_083023.csv,
    # a school and a local education agency a row, were "sch w" and "lea w".
    folder = tmp_path / "data" / "nces"
    folder.mkdir(parents=True)
    (folder / "ccd_lea_029_2223_w_1a_083023.csv").write_text("LEA_NAME,LEAID,LCITY\n" + "".join(
        f"District {i:04d},{100000 + i:07d},Town {i % 7}\n" for i in range(40)))
    (folder / "ccd_sch_029_2223_w_1a_083023.csv").write_text("SCH_NAME,NCESSCH,LEAID,TOTAL\n" + "".join(
        f"School {i},{(100000 + i % 40) * 100000 + i:012d},{100000 + i % 40:07d},{100 + i}\n" for i in range(200)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="nces")
    kinds = {e.table: e.entity_type for e in entities}
    assert kinds == {
        "nces.ccd_lea_029_2223_w_1a_083023": "local education agency",
        "nces.ccd_sch_029_2223_w_1a_083023": "school",
    }


async def test_a_nearly_unique_time_beside_codes_is_no_key(runtime: Runtime, tmp_path: Path) -> None:
    # NYC's taxi trips: no key; the pickup time repeats on a few trips, and with the vendor
    # and the pickup zone beside it every set was unique by chance. Sensors read at the same
    # times keep (sensor, time) as their key.
    import datetime as dt

    folder = tmp_path / "data" / "tlc"
    folder.mkdir(parents=True)
    rng = random.Random(5)
    start = dt.datetime(2023, 1, 1)
    times = [start + dt.timedelta(seconds=rng.randint(0, 2_000_000)) for _ in range(3000)]
    times += rng.sample(times, 20)
    (folder / "trips.csv").write_text("VendorID,pickup_datetime,PULocationID,fare\n" + "".join(
        f"{rng.choice([1, 2])},{t},{rng.randint(1, 263)},{rng.randint(3, 90)}.5\n" for t in times))
    (folder / "readings.csv").write_text("sensor_id,read_at,pm25\n" + "".join(
        f"S{s},{start + dt.timedelta(hours=h)},{rng.randint(1, 90)}.5\n" for h in range(200) for s in range(5)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="tlc")
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["tlc.trips"] is None
    assert grains["tlc.readings"] == ["sensor_id", "read_at"]


async def test_a_long_name_repeated_by_day_is_a_key_part(runtime: Runtime, tmp_path: Path) -> None:
    # The WHO's daily COVID-19 figures: a country's name of 32 characters kept
    # (Date_reported, Country) from the keys, and a measure was taken in its place.
    folder = tmp_path / "data" / "who"
    folder.mkdir(parents=True)
    countries = ["Germany", "Bonaire, Sint Eustatius and Saba", "Namibia", "occupied Palestinian territory"]
    (folder / "daily.csv").write_text("Date_reported,Country,New_cases\n" + "".join(
        f'2020-03-{d:02d},"{c}",{d % 2}\n' for d in range(1, 7) for c in countries))
    entity = await _only_entity(runtime, folder)
    assert entity.grain_columns == ["Date_reported", "Country"]


async def test_of_two_columns_naming_one_parent_the_one_whose_rows_it_holds_wins(runtime: Runtime, tmp_path: Path) -> None:
    # Inside Airbnb's listings: neighbourhood_cleansed (every row in neighbourhoods.csv) and
    # host_neighbourhood (empty on a quarter of the rows, names of its own on half the rest).
    folder = tmp_path / "data" / "airbnb"
    folder.mkdir(parents=True)
    rng = random.Random(9)
    hoods = [f"Hood {i}" for i in range(37)]
    (folder / "neighbourhoods.csv").write_text("neighbourhood_group,neighbourhood\n" + "".join(f",{h}\n" for h in hoods))
    others = ["SoMa", "Lower Haight", "Upper Market", "Dogpatch"]
    lines = ["id,host_neighbourhood,neighbourhood_cleansed"]
    for i in range(1500):
        cleansed = rng.choice(hoods)
        host = "" if i % 4 == 0 else rng.choice(others) if i % 2 else rng.choice(hoods)
        lines.append(f"{40000 + i * 7},{host},{cleansed}")
    (folder / "listings.csv").write_text("\n".join(lines) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="airbnb")
    assert [e[1] for e in _edges(found, "airbnb") if e[2] == "neighbourhoods"] == [("neighbourhood_cleansed",)]


async def test_references_to_a_key_broken_by_empty_values_or_copies_are_found(runtime: Runtime, tmp_path: Path) -> None:
    # data.police.uk: street crimes by Crime ID, empty for anti-social behaviour; the NBA
    # games: three games written twice. Their references were lost with the key.
    folder = tmp_path / "data" / "mixed"
    folder.mkdir(parents=True)
    rng = random.Random(6)
    crime_ids = [f"{rng.getrandbits(256):064x}" for _ in range(300)]
    (folder / "street.csv").write_text("Crime ID,Month,Crime type\n" + "".join(
        f"{'' if i % 4 == 0 else cid},2023-01,{'Anti-social behaviour' if i % 4 == 0 else 'Burglary'}\n"
        for i, cid in enumerate(crime_ids)))
    (folder / "outcomes.csv").write_text("Crime ID,Month,Outcome type\n" + "".join(
        f"{cid},2023-02,Investigation complete\n" for i, cid in enumerate(crime_ids) if i % 4 and i % 3))
    games = [f"{22200001 + i},2023-01-{1 + i % 28:02d},{1610612737 + i % 30}" for i in range(120)]
    (folder / "games.csv").write_text("GAME_ID,GAME_DATE_EST,HOME_TEAM_ID\n" + "\n".join(games + games[:3]) + "\n")
    (folder / "games_details.csv").write_text("GAME_ID,PLAYER_ID,PTS\n" + "".join(
        f"{22200001 + i % 120},{200000 + i},{i % 40}\n" for i in range(1500)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="mixed")
    edges = _edges(found, "mixed")
    assert ("outcomes", ("Crime ID",), "street", ("Crime ID",)) in edges
    assert ("games_details", ("GAME_ID",), "games", ("GAME_ID",)) in edges


async def test_files_of_the_same_columns_are_named_parts_of_one_dataset(runtime: Runtime, tmp_path: Path) -> None:
    # data.police.uk: a file of street crimes per month; the agent should read them together.
    folder = tmp_path / "data" / "police"
    folder.mkdir(parents=True)
    for month in ("01", "02", "03"):
        (folder / f"2023-{month}-met-street.csv").write_text("Crime ID,Month,Crime type\n" + "".join(
            f"{month}{i:06d}x,2023-{month},Burglary\n" for i in range(50)))
    (folder / "outcomes.csv").write_text("Crime ID,Outcome type\n" + "".join(f"01{i:06d}x,Charged\n" for i in range(20)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="police")
    alike = {e.table: e.evidence.get("same_columns_as") for e in entities}
    assert alike["police.t_2023_01_met_street"] == ["police.t_2023_02_met_street", "police.t_2023_03_met_street"]
    assert alike["police.outcomes"] is None
    parts = {e.table: e.evidence.get("parts") for e in entities}["police.t_2023_02_met_street"]
    assert parts["labels"] == {f"police.t_2023_{m}_met_street": m for m in ("01", "02", "03")}
    assert "warning" not in parts  # (each month's crimes are its own)
    assert parts["checked"]["shared_keys"] == 0
    union = await _count(runtime, f"FROM ({parts['union']}) WHERE part = '02'")
    assert union == 50
    # BTS's lookups all head their columns "Code","Description": airports by number, carriers
    # by letters, no parts of one dataset.
    lookups = tmp_path / "data" / "bts"
    lookups.mkdir(parents=True)
    (lookups / "L_AIRPORT_ID.csv").write_text('"Code","Description"\n' + "".join(f'{10001 + 7 * i},"Airport {i}, AK"\n' for i in range(30)))
    (lookups / "L_UNIQUE_CARRIERS.csv").write_text('"Code","Description"\n' + "".join(f'"{chr(65 + i)}{i % 10}Q","Carrier {i}"\n' for i in range(20)))
    service = await _profile(runtime, lookups)
    _, entities, _ = await service.relationships(source="bts")
    assert all(e.evidence.get("same_columns_as") is None for e in entities)


async def test_files_of_the_same_column_names_typed_apart_are_named_not_left_out_silently(runtime: Runtime, tmp_path: Path) -> None:
    # Amazon's settlement flat files: three from amazon.com, one from amazon.de whose
    # merchant order ids carry a prefix; the same 5 columns, one typed apart, so no parts of
    # one dataset, and the answer said nothing of the German file.
    folder = tmp_path / "data" / "amazon"
    folder.mkdir(parents=True)
    header = "settlement-id\torder-id\tmerchant-order-id\tsku\tamount\n"
    for n, settlement in enumerate((18464071161, 18465451072, 18466830983, 18470012345)):
        prefix = "DE-" if n == 3 else ""
        (folder / f"{settlement}.txt").write_text(header + "".join(
            f"{settlement}\t{111 + n}-{i:07d}-{i * 7 % 9999999:07d}\t{prefix}{100200 + i}\tSKU-{i % 17:03d}\t{(i % 40) + 0.99}\n"
            for i in range(60)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="amazon")
    by_table = {e.table: e.evidence for e in entities}
    german = by_table["amazon.t_18470012345"]
    assert german.get("same_columns_as") is None
    assert [s["table"] for s in german["same_names_as"]] == [f"amazon.t_{n}" for n in (18464071161, 18465451072, 18466830983)]
    assert german["same_names_as"][0]["columns_typed_apart"] == {"merchant-order-id": {"here": "string", "there": "number"}}
    us = by_table["amazon.t_18464071161"]
    assert us["same_columns_as"] == ["amazon.t_18465451072", "amazon.t_18466830983"]
    assert [s["table"] for s in us["same_names_as"]] == ["amazon.t_18470012345"]


async def test_months_whose_later_files_add_a_column_are_parts_not_each_other_s_parents(runtime: Runtime, tmp_path: Path) -> None:
    # A file of host metrics a month, February's with a memory column: the months were linked
    # 1:1 on host (a join of January's rows to February's), named entities "01" and "02", and
    # February left out of the union that reads them whole.
    folder = tmp_path / "data" / "metrics"
    folder.mkdir(parents=True)
    (folder / "metrics_2023_01.csv").write_text("host,cpu_pct\n" + "".join(f"web-{i:02d},{i * 1.5:.1f}\n" for i in range(30)))
    (folder / "metrics_2023_02.csv").write_text(
        "host,cpu_pct,mem_pct\n" + "".join(f"web-{i:02d},{i * 1.7:.1f},{40 + i}\n" for i in range(30))
    )
    # More columns under a name that is no period are no part.
    (folder / "metrics_summary.csv").write_text(
        "host,cpu_pct,mem_pct,disk_pct\n" + "".join(f"web-{i:02d},{i * 1.6:.1f},{41 + i},{i % 9}\n" for i in range(0, 30, 3))
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="metrics")
    assert not any({link.from_table, link.to_table} == {"metrics.metrics_2023_01", "metrics.metrics_2023_02"} for link in found)
    by_table = {e.table: e for e in entities}
    assert by_table["metrics.metrics_2023_01"].evidence.get("same_columns_as") == ["metrics.metrics_2023_02"]
    assert by_table["metrics.metrics_summary"].evidence.get("same_columns_as") is None
    assert {by_table[f"metrics.metrics_2023_{m}"].entity_type for m in ("01", "02")} == {"measurement"}
    parts = by_table["metrics.metrics_2023_02"].evidence["parts"]
    assert await _count(runtime, f"FROM ({parts['union']}) WHERE part = '02' AND mem_pct IS NOT NULL") == 30


async def test_parts_whose_key_repeats_are_told_apart_by_their_names_and_copies_are_named(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Yahoo's daily prices, a file per ticker: the ticker is in the file name alone, and the
    # union of the files repeats every date.
    folder = tmp_path / "data" / "yahoo"
    folder.mkdir(parents=True)
    for ticker, base in (("AAPL", 150.0), ("MSFT", 250.0)):
        (folder / f"{ticker}.csv").write_text("Date,Close,Volume\n" + "".join(
            f"2021-01-{day:02d},{base + day * 0.5:.2f},{1000 + day * 37}\n" for day in range(1, 29)))
    # The long file of all tickers holds each date twice: no lookup of one ticker's file.
    (folder / "all_stocks.csv").write_text("Date,Close,Volume,Ticker\n" + "".join(
        f"2021-01-{day:02d},{base + day:.2f},{day * 41},{ticker}\n" for day in range(1, 29) for ticker, base in (("AAPL", 150), ("MSFT", 250))))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="yahoo")
    assert not [e for e in _edges(found, "yahoo") if e[0] == "all_stocks"]
    entities = [e for e in entities if e.table != "yahoo.all_stocks"]
    parts = entities[0].evidence["parts"]
    assert parts["labels"] == {"yahoo.aapl": "aapl", "yahoo.msft": "msft"}
    assert parts["checked"]["shared_keys"] == 28
    assert "in the table names alone" in parts["warning"]
    assert not parts.get("copies")
    # Wise's statement per currency: a conversion's id in both files, its Currency telling
    # the rows apart (the warning said only the file names did).
    wise = tmp_path / "data" / "wise"
    wise.mkdir(parents=True)
    for currency in ("EUR", "GBP"):
        (wise / f"statement_{currency}.csv").write_text("TransferWise ID,Date,Amount,Currency\n" + "".join(
            f"{'BALANCE' if i < 3 else currency}-{9977400 + i},2023-01-{1 + i:02d},{10 + i}.50,{currency}\n" for i in range(20)))
    service = await _profile(runtime, wise)
    _, wise_entities, _ = await service.relationships(source="wise")
    told = wise_entities[0].evidence["parts"]
    assert told["checked"]["told_apart_by"] == "Currency"
    assert "their column Currency tells those rows apart" in told["warning"]
    assert await _count(runtime, f"FROM ({parts['union']}) WHERE part = 'msft' AND Close > 250") == 28
    # The same table exported as CSV and as Parquet: copies, which the union counts twice.
    import duckdb

    twice = tmp_path / "data" / "shop"
    twice.mkdir(parents=True)
    (twice / "products.csv").write_text("product_id,name,price\n" + "".join(f"{i},Item {i},{i * 1.25:.2f}\n" for i in range(1, 201)))
    with duckdb.connect() as con:
        con.execute(f"COPY (FROM read_csv('{twice / 'products.csv'}')) TO '{twice / 'products.parquet'}' (FORMAT parquet)")
    service = await _profile(runtime, twice)
    _, entities, _ = await service.relationships(source="shop")
    parts = entities[0].evidence["parts"]
    assert parts["copies"] is True
    assert "200 identical rows" in parts["warning"]


async def test_a_reference_named_with_capitals_then_a_lower_case_word_is_found(runtime: Runtime, tmp_path: Path) -> None:
    # The TLC's FHV trips write PUlocationID and DOlocationID (the high-volume files
    # PULocationID): both point at the zones' LocationID.
    folder = tmp_path / "data" / "fhv"
    folder.mkdir(parents=True)
    rng = random.Random(4)
    (folder / "taxi_zone_lookup.csv").write_text("LocationID,Borough,Zone\n" + "".join(
        f"{i},Borough {i % 6},Zone {i}\n" for i in range(1, 266)))
    (folder / "fhv_tripdata.csv").write_text("dispatching_base_num,PUlocationID,DOlocationID\n" + "".join(
        f"B0{rng.randint(1000, 1100)},{rng.randint(1, 265)},{rng.randint(1, 265)}\n" for _ in range(3000)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="fhv")
    edges = _edges(found, "fhv")
    assert ("fhv_tripdata", ("PUlocationID",), "taxi_zone_lookup", ("LocationID",)) in edges
    assert ("fhv_tripdata", ("DOlocationID",), "taxi_zone_lookup", ("LocationID",)) in edges


async def test_reviews_point_at_apps_listed_twice_by_their_name(runtime: Runtime, tmp_path: Path) -> None:
    # Google Play: the apps file lists some apps twice (scraped twice: another count of
    # reviews, or a copy of the row), so no column keys it; the reviews still name the apps.
    folder = tmp_path / "data" / "googleplay"
    folder.mkdir(parents=True)
    rng = random.Random(6)
    apps = [f"App {i} Editor" for i in range(300)]
    rows = [f"{app},PHOTOGRAPHY,{rng.randint(10, 9000)}" for app in apps]
    rows += [f"{app},PHOTOGRAPHY,{rng.randint(10, 9000)}" for app in apps[:20]]  # (listed again)
    rows += rows[:10]  # (copied whole)
    (folder / "googleplaystore.csv").write_text("App,Category,Reviews\n" + "\n".join(rows) + "\n")
    (folder / "googleplaystore_user_reviews.csv").write_text("App,Sentiment\n" + "".join(
        f"{rng.choice(apps[:120])},Positive\n" for _ in range(900)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="googleplay")
    link = _edges(found, "googleplay")[("googleplaystore_user_reviews", ("App",), "googleplaystore", ("App",))]
    assert (link.relationship_type, link.cardinality) == ("semantic", "n:m")
    assert link.evidence["parent_repeats"] == 30
    # (and nothing else: no other column of the reviews names apps)
    assert len(found) == 1


async def test_a_settlement_links_to_the_order_lines_by_an_order_id_qualified_by_its_issuer(runtime: Runtime, tmp_path: Path) -> None:
    # Amazon Seller Central: the settlement report's (order-id, sku) names a line of the
    # orders report, keyed by (amazon-order-id, sku); no link was found, and a path through
    # the inventory by sku (a chasm trap) was offered instead.
    folder = tmp_path / "data" / "amazon"
    folder.mkdir(parents=True)
    skus = [f"SKU-{i:03d}-BLK" for i in range(12)]
    lines = [(f"111-{o:07d}-{o * 37 % 9999999:07d}", skus[(o + k * 5) % 12]) for o in range(150) for k in range(1 + o % 3)]
    (folder / "All_Orders_Report.txt").write_text("amazon-order-id\tsku\tquantity\titem-price\n" + "".join(
        f"{order}\t{sku}\t{1 + i % 2}\t{10 + i % 30}.99\n" for i, (order, sku) in enumerate(lines)))
    (folder / "settlement.txt").write_text("settlement-id\torder-id\tsku\tamount-type\tamount\n" + "".join(
        f"18464071161\t{order}\t{sku}\t{kind}\t{-(i % 7) - 0.5 if kind == 'Fee' else 10 + i % 30}\n"
        for i, (order, sku) in enumerate(lines[:300]) for kind in ("ItemPrice", "Fee")))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="amazon")
    link = _edges(found, "amazon")[("settlement", ("order-id", "sku"), "all_orders_report", ("amazon-order-id", "sku"))]
    assert (link.cardinality, link.evidence["integrity"]) == ("n:1", 1.0)
    (path, *_) = (await service.join_paths("settlement", "all_orders_report")).paths
    assert [s.relationship_id for s in path.steps] == [str(link.relationship_id)]


async def test_a_path_whose_sides_share_no_value_is_said_empty_and_ranked_last(runtime: Runtime, tmp_path: Path) -> None:
    # Instacart: the train and prior order lines both point at orders, never at the same
    # ones (each order is in one set); joined through orders they give no rows.
    folder = tmp_path / "data" / "instacart"
    folder.mkdir(parents=True)
    (folder / "orders.csv").write_text("order_id,user_id,eval_set\n" + "".join(
        f"{o},{1 + o // 5},{'train' if o % 5 == 4 else 'prior'}\n" for o in range(1, 401)))
    (folder / "order_products__prior.csv").write_text("order_id,product_id,add_to_cart_order\n" + "".join(
        f"{o},{1 + (o * 7 + k) % 90},{k + 1}\n" for o in range(1, 401) if o % 5 != 4 for k in range(3)))
    (folder / "order_products__train.csv").write_text("order_id,product_id,add_to_cart_order\n" + "".join(
        f"{o},{1 + (o * 3 + k) % 90},{k + 1}\n" for o in range(1, 401) if o % 5 == 4 for k in range(2)))
    service = await _profile(runtime, folder)
    answer = await service.join_paths("order_products_train", "order_products_prior")
    through_orders = next(p for p in answer.paths if p.steps[0].to_table == "instacart.orders")
    assert through_orders.warnings[0].startswith("Empty: no value of instacart.order_products_train(order_id)")
    assert await _count(runtime, through_orders.sql) == 0
    assert answer.paths[-1] is through_orders


async def test_sides_meeting_a_table_on_other_columns_are_not_said_empty(runtime: Runtime, tmp_path: Path) -> None:
    # Amazon Seller Central: the settlement names a SKU, the orders an ASIN, and the FBA
    # inventory holds both on one row; through it the path joins rows although no SKU is an ASIN.
    folder = tmp_path / "data" / "amazon"
    folder.mkdir(parents=True)
    skus = [(f"SKU-{i:03d}-BLK", f"B0{i:08d}X") for i in range(40)]
    (folder / "inventory.csv").write_text("sku,asin,afn-fulfillable-quantity\n" + "".join(
        f"{sku},{asin},{(i * 7) % 50}\n" for i, (sku, asin) in enumerate(skus)))
    (folder / "settlement.csv").write_text("settlement-id,sku,amount\n" + "".join(
        f"{9000 + i},{skus[i % 40][0]},{(i % 17) + 0.5}\n" for i in range(300)))
    (folder / "orders.csv").write_text("order-id,asin,quantity\n" + "".join(
        f"111-{i:07d},{skus[(i * 3) % 40][1]},{1 + i % 3}\n" for i in range(250)))
    service = await _profile(runtime, folder)
    answer = await service.join_paths("settlement", "orders")
    through_inventory = next(p for p in answer.paths if p.steps[0].to_table == "amazon.inventory")
    assert [(s.from_columns, s.to_columns) for s in through_inventory.steps] == [(("sku",), ("sku",)), (("asin",), ("asin",))]
    assert not any(w.startswith("Empty") for w in through_inventory.warnings)
    assert await _count(runtime, through_inventory.sql) > 0


async def test_a_reading_in_a_unit_is_no_key_and_a_time_with_one_repeat_is_near(runtime: Runtime, tmp_path: Path) -> None:
    # PJM's hourly load: AEP_MW unique in a short extract; Datetime repeats the hour that
    # daylight saving time gives twice.
    folder = tmp_path / "data" / "pjm"
    folder.mkdir(parents=True)
    hours = [f"2004-10-31 {h:02d}:00:00" for h in range(24)]
    hours.insert(3, hours[2])
    (folder / "AEP_hourly.csv").write_text("Datetime,AEP_MW\n" + "".join(f"{t},{12000 + i * 37}.0\n" for i, t in enumerate(hours)))
    entity = await _only_entity(runtime, folder)
    keys = entity.evidence["keys"]
    assert entity.grain_columns is None
    assert keys["candidate_keys"] == []
    assert (keys["near_key"], keys["near_key_repeats"]) == (["Datetime"], 1)


async def test_a_device_clock_meeting_a_few_times_in_an_event_log_is_no_near_key(runtime: Runtime, tmp_path: Path) -> None:
    # A mobile game's events.csv: player_id repeated over the rows, event_name, client_ts in
    # Unix milliseconds from the device's clock. Two players' events of one millisecond (one
    # of them of the same event) made client_ts, then event_name with client_ts, a "near key".
    folder = tmp_path / "data" / "game"
    folder.mkdir(parents=True)
    rng = random.Random(8)
    names = ["session_start", "level_start", "level_complete", "purchase", "ad_watched"]
    stamps = [1680308515618 + i * 997 + rng.randint(0, 500) for i in range(2000)]
    stamps[700], stamps[1400] = stamps[699], stamps[1399]
    lines = ["event_name,player_id,client_ts,level"] + [
        f"{names[i % 5] if i != 1400 else names[1399 % 5]},p{rng.randint(1, 120):04d},{t},{rng.randint(1, 40)}"
        for i, t in enumerate(stamps)
    ]
    (folder / "events.csv").write_text("\n".join(lines) + "\n")
    entity = await _only_entity(runtime, folder)
    keys = entity.evidence["keys"]
    assert entity.grain_columns is None
    assert "near_key" not in keys, keys


async def test_a_grain_found_past_many_code_columns_is_minimal(runtime: Runtime, tmp_path: Path) -> None:
    # STATS19's vehicles: a case and its vehicle's number key the rows; seven columns of
    # small codes beside them once pushed the number out of the likely parts, and a code
    # into the grain.
    rng = random.Random(11)
    lines = ["case_no,seq," + ",".join(f"f{i}" for i in range(7))]
    for case in range(1000):
        for seq in range(1, rng.randint(1, 3) + 1):
            lines.append(f"{500000 + case},{seq}," + ",".join(str(rng.choice([-1, 0, 1, 2, 3, 9])) for _ in range(7)))
    entity = await _one_file_entity(runtime, tmp_path / "data" / "vehicles" / "veh.csv", lines)
    assert entity.grain_columns == ["case_no", "seq"]
    assert all(len(k) == 2 or not {"case_no", "seq"} <= set(k) for k in entity.evidence["keys"]["candidate_keys"])


async def test_a_composite_grain_may_have_a_part_with_empty_values(runtime: Runtime, tmp_path: Path) -> None:
    # JHU's global time series: (Province/State, Country/Region), the province empty where
    # the row is the country as a whole.
    lines = ["Province/State,Country/Region,Lat,Long,1/22/20"]
    for i in range(40):
        lines.append(f",Country {i},{i}.5,{i}.25,{i}")
        lines += [f"Province {i}-{p},Country {i},{i}.{p},{i}.{p},{p}" for p in range(i % 3)]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "jhu" / "global.csv", lines)
    assert entity.grain_columns == ["Province/State", "Country/Region"]
    assert entity.evidence["keys"]["nullable_parts"] == ["Province/State"]


async def test_a_day_and_a_code_blank_on_some_days_key_a_breakdown(runtime: Runtime, tmp_path: Path) -> None:
    # The Play Console's ratings by country: one row per Date and Country, the country blank
    # (unknown) on a row of some days.
    import datetime as dt

    rng = random.Random(8)
    lines = ["Date,Package Name,Country,Daily Average Rating,Total Average Rating"]
    for d in range(30):
        day = dt.date(2023, 4, 1) + dt.timedelta(days=d)
        countries = [c for c in ("US", "GB", "IN", "BR", "DE", "FR") if rng.random() < 0.7]
        countries += [""] if d % 3 == 0 else []
        lines += [f"{day},com.example.app,{c},{rng.uniform(1, 5):.2f},{rng.uniform(3.8, 4.5):.2f}" for c in countries]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "play" / "ratings_country.csv", lines)
    assert entity.grain_columns == ["Date", "Country"]
    assert entity.evidence["keys"]["nullable_parts"] == ["Country"]


async def test_copies_of_rows_beside_a_row_counter_are_counted(runtime: Runtime, tmp_path: Path) -> None:
    # WineEnthusiast's reviews: pandas' index written with a blank header keys the table, and
    # 8% of the reviews repeat another in every other column.
    rng = random.Random(12)
    reviews = [f"{rng.choice(['Italy', 'US', 'France'])},{rng.randint(80, 100)},{rng.randint(8, 90)}.0,Taster {i}" for i in range(460)]
    reviews += rng.sample(reviews, 40)
    lines = [",country,points,price,taster"] + [f"{i},{r}" for i, r in enumerate(reviews)]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "wine" / "reviews.csv", lines)
    assert entity.grain_columns == ["column0"]
    keys = entity.evidence["keys"]
    assert (keys["duplicate_rows"], keys["duplicates_beside"]) == (40, "column0")
    assert keys["key_without_duplicates"] == ["taster"]


async def test_a_row_counter_beside_copies_names_the_composite_without_them(runtime: Runtime, tmp_path: Path) -> None:
    # The Spotify tracks dataset: pandas' index, then (track_id, track_genre) unique once the
    # 84 copies of rows are gone.
    rng = random.Random(3)
    tracks = [f"T{i % 300:04d},{['pop', 'rock', 'jazz', 'indie'][i // 300]},{rng.randint(0, 100)}" for i in range(1200)]
    tracks += rng.sample(tracks, 84)
    lines = [",track_id,track_genre,popularity"] + [f"{i},{t}" for i, t in enumerate(tracks)]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "spotify" / "dataset.csv", lines)
    keys = entity.evidence["keys"]
    assert (entity.grain_columns, keys["duplicate_rows"]) == (["column0"], 84)
    assert keys["key_without_duplicates"] == ["track_id", "track_genre"]


async def test_small_numbers_at_the_start_of_a_sparse_key_are_no_reference(runtime: Runtime, tmp_path: Path) -> None:
    # Ergast without its circuits file: races' round (1..4) and circuitId (1..7) fall mostly
    # among status ids 1..5, 11, 12, 20, ... by the way keys are numbered, not by reference.
    folder = tmp_path / "data" / "ergast"
    folder.mkdir(parents=True)
    statuses = [1, 2, 3, 4, 5, 11, 12, 20, 31, 54, 81]
    (folder / "status.csv").write_text("statusId,status\n" + "".join(f'{s},"Status {s}"\n' for s in statuses))
    (folder / "races.csv").write_text("raceId,year,round,circuitId\n" + "".join(
        f"{101 + i},{2000 + i // 4},{1 + i % 4},{1 + i % 7}\n" for i in range(39)))
    (folder / "results.csv").write_text("resultId,raceId,statusId\n" + "".join(
        f"{i},{101 + i % 39},{statuses[i % 11]}\n" for i in range(1, 300)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="ergast")
    assert set(_edges(found, "ergast")) == {
        ("results", ("raceId",), "races", ("raceId",)), ("results", ("statusId",), "status", ("statusId",)),
    }


async def test_codes_of_a_file_without_header_link_to_the_keys_holding_them(runtime: Runtime, tmp_path: Path) -> None:
    # GeoNames: cities15000.txt has no header; its country codes and time zones are keys of
    # countryInfo and timeZones, which have one. Three codes alone say too little.
    folder = tmp_path / "data" / "geonames"
    folder.mkdir(parents=True)
    countries = ["FR", "US", "DE", "IT", "ES", "NA", "BR", "IN", "CN", "JP", "GB", "CA", "AU"]
    zones = [f"Zone/City_{c}" for c in countries]
    (folder / "countryInfo.txt").write_text("#ISO\tCountry\n" + "".join(f"{c}\tCountry {c}\n" for c in [*countries, "XX", "YY"]))
    (folder / "timeZones.txt").write_text("TimeZoneId\tgmtOffset\n" + "".join(f"{z}\t{i % 12}.0\n" for i, z in enumerate([*zones, "Zone/Other"])))
    rows = [f"{1000 + i}\tCity {i}\t{countries[i % 13]}\t{zones[i % 13]}\t{i % 3}" for i in range(300)]
    (folder / "cities.txt").write_text("\n".join(rows) + "\n")
    (folder / "few.txt").write_text("".join(f"{5000 + i}\tPlace {i}\t{countries[i % 3]}\n" for i in range(60)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="geonames")
    edges = {(child, columns, parent) for child, columns, parent, _ in _edges(found, "geonames")}
    assert ("cities", ("column2",), "countryinfo") in edges
    assert ("cities", ("column3",), "timezones") in edges
    assert not [e for e in edges if e[0] == "few"]


async def test_a_wide_fact_table_keyed_by_a_day_and_two_codes_has_its_grain(runtime: Runtime, tmp_path: Path) -> None:
    # BTS's on-time file: a flight is its day, carrier and number; a dozen other columns
    # (airports, cities, times) used to crowd the day out of the parts tried.
    rng = random.Random(7)
    carriers = ["AA", "DL", "UA", "WN", "OO", "B6", "AS", "NK", "F9", "HA", "MQ", "OH", "YX", "9E", "G4"]
    airports = [(10000 + 37 * i, f"A{i:02d}", f"City {i}, ST") for i in range(60)]
    lines = ["FL_DATE,OP_UNIQUE_CARRIER,TAIL_NUM,OP_CARRIER_FL_NUM,ORIGIN_AIRPORT_ID,ORIGIN,ORIGIN_CITY_NAME,"
             "DEST_AIRPORT_ID,DEST,DEST_CITY_NAME,CRS_DEP_TIME,DEP_DELAY"]
    schedule = {carrier: rng.sample(range(1, 6000), 12) for carrier in carriers}  # flown every day
    for day in range(1, 29):
        for carrier in carriers:
            for number in schedule[carrier]:
                (o_id, o, o_city), (d_id, d, d_city) = rng.sample(airports, 2)
                lines.append(
                    f'2023-02-{day:02d},{carrier},N{rng.randint(100, 140)}{carrier},{number},{o_id},{o},"{o_city}",'
                    f'{d_id},{d},"{d_city}",{rng.randint(5, 23):02d}{rng.choice([0, 15, 30, 45]):02d},{rng.randint(-10, 90)}'
                )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "bts" / "ontime.csv", lines)
    assert entity.grain_columns is not None
    assert ["FL_DATE", "OP_UNIQUE_CARRIER", "OP_CARRIER_FL_NUM"] in entity.evidence["keys"]["candidate_keys"]


async def test_a_parent_code_is_no_reference_to_the_row_s_index(runtime: Runtime, tmp_path: Path) -> None:
    # The UN's population prospects: the regions' "Parent code" (900, 903, ...) falls among
    # the rows' Index 1..N by the numbers alone; manager_id still points at employee_id.
    rng = random.Random(2)
    parents = [900, 903, 904, 905, 910, 911, 912, 913, 914, 915, 920, 921, 922, 923, 925]
    rows, index = ["Index,Location,Location code,Parent code,Year,Births"], 1
    for k in range(60):
        parent = rng.choice(parents)
        for year in range(2000, 2021):
            rows.append(f"{index},Loc {k},{4 + 4 * k},{parent},{year},{rng.randint(1, 9999)}")
            index += 1
    folder = tmp_path / "data" / "wpp"
    folder.mkdir(parents=True)
    (folder / "f01.csv").write_text("\n".join(rows) + "\n")
    (folder / "staff.csv").write_text("employee_id,name,manager_id\n" + "".join(
        f"{i},E{i},{'' if i < 4 else rng.randint(1, i - 1)}\n" for i in range(1, 300)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="wpp")
    assert set(_edges(found, "wpp")) == {("staff", ("manager_id",), "staff", ("employee_id",))}


async def test_nhanes_files_are_keyed_by_seqn_beside_a_pandas_index(runtime: Runtime, tmp_path: Path) -> None:
    # NHANES converted with pandas: an index with a blank header, then SEQN, the respondent.
    rng = random.Random(3)
    lines = [",SEQN,BMXWT,BMXHT"] + [f"{i},{93703 + 2 * i},{rng.uniform(10, 140):.1f},{rng.uniform(80, 200):.1f}" for i in range(300)]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "nhanes" / "BMX_J.csv", lines)
    assert entity.grain_columns == ["SEQN"]


async def test_r_row_names_under_an_empty_header_are_no_grain_and_no_parent(runtime: Runtime, tmp_path: Path) -> None:
    # freMTPL2freq and freMTPL2sev written by R's write.csv: row names "1".."n" under a ""
    # header, then IDpol (policy numbers spread far wider than the rows). The row names were
    # the grain, and the rating factors (VehPower 4..15, BonusMalus) pointed at the claims'.
    folder = tmp_path / "data" / "mtpl"
    folder.mkdir(parents=True)
    rng = random.Random(7)
    policies = sorted(rng.sample(range(1, 120_000), 600))
    (folder / "freq.csv").write_text('"","IDpol","ClaimNb","VehPower","BonusMalus","Area"\n' + "".join(
        f'"{i + 1}",{p},{rng.choice([0, 0, 0, 1])},{rng.randint(4, 15)},{rng.choice([50, 50, 57, 68, 80, 100])},"{rng.choice("ABCDEF")}"\n'
        for i, p in enumerate(policies)))
    claimed = [rng.choice(policies) for _ in range(150)]
    (folder / "sev.csv").write_text('"","IDpol","ClaimAmount"\n' + "".join(
        f'"{i + 1}",{p},{rng.uniform(100, 5000):.2f}\n' for i, p in enumerate(claimed)))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="mtpl")
    edges = _edges(found, "mtpl")
    assert ("sev", ("IDpol",), "freq", ("IDpol",)) in edges
    assert not [edge for edge in edges if edge[3][0].startswith("column")]
    freq = next(e for e in entities if e.table == "mtpl.freq")
    assert freq.grain_columns == ["IDpol"]
    assert "numbers the rows" in freq.evidence["keys"]["row_counter_reason"]


async def test_a_table_of_a_day_and_a_store_is_no_bridge(runtime: Runtime, tmp_path: Path) -> None:
    # Favorita: transactions per store and day point at stores and at the oil prices by day;
    # they are the stores' days, not an n:m link between oil prices and stores.
    folder = tmp_path / "data" / "favorita"
    folder.mkdir(parents=True)
    days = [f"2017-01-{d:02d}" for d in range(1, 29)]
    (folder / "oil.csv").write_text("date,dcoilwtico\n" + "".join(f"{d},{50 + i * 0.1:.2f}\n" for i, d in enumerate(days)))
    (folder / "stores.csv").write_text("store_nbr,city,type\n" + "".join(f"{s},City {s % 7},{'ABCDE'[s % 5]}\n" for s in range(1, 31)))
    (folder / "transactions.csv").write_text("date,store_nbr,transactions\n" + "".join(
        f"{d},{s},{700 + (s * 37 + i * 11) % 900}\n" for i, d in enumerate(days) for s in range(1, 31)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="favorita")
    assert not [r for r in found if r.relationship_type == "bridge"]
    assert ("transactions", ("store_nbr",), "stores", ("store_nbr",)) in _edges(found, "favorita")


async def test_a_column_listing_several_ids_references_its_parent_n_to_m(runtime: Runtime, tmp_path: Path) -> None:
    # MoMA's artworks name their artists as "6210, 7470" (ids of Artists.csv); IMDb's
    # title.crew its directors as "nm0005690,nm0374658" (nconst of name.basics), under a name
    # that says nothing of the parent. Each item is a reference: compared whole, the values
    # of several ids are orphans and a plain JOIN finds only the works of one artist.
    rng = random.Random(20)
    folder = tmp_path / "data" / "moma"
    folder.mkdir(parents=True)
    ids = sorted(rng.sample(range(1, 90000), 300))
    (folder / "Artists.csv").write_text(
        "ConstituentID,DisplayName,Nationality\n" + "".join(f"{i},Artist {i},{rng.choice(['American', 'French'])}\n" for i in ids)
    )
    people = [rng.sample(ids[:200], rng.choice([1, 1, 1, 2, 3])) for _ in range(800)]
    people[5] = [ids[0], 99999]  # an artist the register lacks
    (folder / "Artworks.csv").write_text("Title,ConstituentID,ObjectID\n" + "".join(
        f'Work {o},"{", ".join(str(p) for p in named)}",{o + 1}\n' for o, named in enumerate(people)
    ))
    names = [f"nm{1000000 + 37 * i:07d}" for i in range(150)]
    (folder / "name.basics.csv").write_text("nconst,primaryName\n" + "".join(f"{n},Person {k}\n" for k, n in enumerate(names)))
    (folder / "title.crew.csv").write_text("tconst,directors\n" + "".join(
        f'tt{2000000 + t:07d},"{",".join(rng.sample(names, rng.choice([1, 1, 2])))}"\n' for t in range(500)
    ))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="moma")
    edges = _edges(found, "moma")
    works = edges[("artworks", ("ConstituentID",), "artists", ("ConstituentID",))]
    assert works.cardinality == "n:m"
    assert works.evidence["list_items"]["separator"] == ", "
    assert works.evidence["orphan_values"] == 1
    assert works.evidence["orphan_examples"] == [99999]
    assert works.evidence["orphan_rows"] == 1
    crew = edges[("title_crew", ("directors",), "name_basics", ("nconst",))]
    assert crew.cardinality == "n:m"
    assert crew.evidence["integrity"] == 1.0
    assert [e for e in edges if e[0] == "artworks"] == [("artworks", ("ConstituentID",), "artists", ("ConstituentID",))]
    answer = await service.join_paths("moma.artworks", "moma.artists")
    (path,) = answer.paths
    assert "list_contains(" in path.sql
    assert any(w.startswith("Lists: each value of moma.artworks") for w in path.warnings)
    assert await _count(runtime, path.sql) == sum(len(named) for named in people) - 1
    back = await service.join_paths("moma.name_basics", "moma.title_crew")
    assert await _count(runtime, back.paths[0].sql) == await _count(
        runtime, """FROM (SELECT unnest(string_split(directors, ',')) FROM "typed"."moma.title_crew")"""
    )


async def test_a_code_named_in_one_word_keys_its_table_wherever_it_stands(runtime: Runtime, tmp_path: Path) -> None:
    # The Correlates of War's state list: ccode second, a few sparse numbers; Polity's
    # country-years point at it.
    folder = tmp_path / "data" / "cow"
    folder.mkdir(parents=True)
    states = [("USA", 2), ("CAN", 20), ("MEX", 70), ("UKG", 200), ("FRN", 220), ("GMY", 255), ("ITA", 325), ("RUS", 365)]
    (folder / "states.csv").write_text("stateabb,ccode,statenme\n" + "".join(f"{a},{c},State {a}\n" for a, c in states))
    (folder / "polity.csv").write_text("ccode,year,polity2\n" + "".join(
        f"{c},{y},{(c + y) % 21 - 10}\n" for _, c in states[:6] for y in range(2000, 2010)
    ))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="cow")
    assert ("polity", ("ccode",), "states", ("ccode",)) in _edges(found, "cow")


async def test_a_column_unique_but_for_a_few_yields_to_the_parent_s_key(runtime: Runtime, tmp_path: Path) -> None:
    # eBird: the observations name their checklist (SAMPLING EVENT IDENTIFIER, the sampling
    # file's key) and its observer (OBSERVER ID, three of 300 observers with two checklists):
    # the link is by the key, not by the observer, whose join would multiply rows.
    rng = random.Random(7)
    folder = tmp_path / "data" / "ebird"
    folder.mkdir(parents=True)
    observers = [f"obsr{rng.randint(10000, 2999999)}" for _ in range(300)]
    observers[5], observers[77], observers[200] = observers[4], observers[76], observers[199]
    (folder / "sampling.txt").write_text("SAMPLING EVENT IDENTIFIER\tOBSERVER ID\tDURATION MINUTES\n" + "".join(
        f"S{100000000 + i * 37}\t{o}\t{rng.randint(1, 200)}\n" for i, o in enumerate(observers)
    ))
    lines = [
        f"S{100000000 + i * 37}\t{o}\t{rng.randint(1, 9)}\n" for i, o in enumerate(observers) for _ in range(rng.randint(1, 3))
    ]
    (folder / "ebd.txt").write_text(
        "GLOBAL UNIQUE IDENTIFIER\tSAMPLING EVENT IDENTIFIER\tOBSERVER ID\tOBSERVATION COUNT\n"
        + "".join(f"OBS{n}\t{line}" for n, line in enumerate(lines))
    )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="ebird")
    assert [e for e in _edges(found, "ebird") if e[0] == "ebd"] == [
        ("ebd", ("SAMPLING EVENT IDENTIFIER",), "sampling", ("SAMPLING EVENT IDENTIFIER",))
    ]


async def test_two_tables_each_a_one_to_one_extension_of_the_other_keep_their_names(runtime: Runtime, tmp_path: Path) -> None:
    # The General Social Survey's labelled and numeric files, by year and respondent: each
    # was named for the other.
    folder = tmp_path / "data" / "surveys"
    folder.mkdir(parents=True)
    pairs = [(year, i) for year in (2016, 2018) for i in range(1, 31)]
    (folder / "gss.csv").write_text("year,id,sex\n" + "".join(f"{y},{i},{'Female' if i % 2 else 'Male'}\n" for y, i in pairs))
    (folder / "gss7218_numeric.csv").write_text("YEAR,ID,SEX\n" + "".join(f"{y},{i},{2 - i % 2}\n" for y, i in pairs))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="surveys")
    names = {e.table: e.entity_type for e in entities}
    assert names == {"surveys.gss": "gss", "surveys.gss7218_numeric": "gss7218 numeric"}


async def test_a_composite_step_into_a_child_holding_few_of_the_parent_s_keys_is_optional(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Lahman: a pitcher's season (playerID, yearID, stint) is a batter's season too, but two
    # in five batters pitch; walked from batting, an inner JOIN keeps only those rows.
    folder = tmp_path / "data" / "lahman"
    folder.mkdir(parents=True)
    seasons = [(f"player{p:02d}", year, 1) for p in range(40) for year in (2019, 2020, 2021)]
    (folder / "Batting.csv").write_text("playerID,yearID,stint,H\n" + "".join(f"{p},{y},{s},{len(p) + y % 7}\n" for p, y, s in seasons))
    pitchers = [season for i, season in enumerate(seasons) if i % 5 < 2]
    (folder / "Pitching.csv").write_text("playerID,yearID,stint,W\n" + "".join(f"{p},{y},{s},{y % 5}\n" for p, y, s in pitchers))
    service = await _profile(runtime, folder)
    answer = await service.join_paths("lahman.batting", "lahman.pitching")
    best = answer.paths[0]
    assert best.steps[0].from_columns == ("playerID", "yearID")  # (stint is 1 throughout)
    assert any(w.startswith("Optional: only 40.0% of the values of lahman.batting") for w in best.warnings)


async def test_a_rejected_link_gives_way_to_the_column_s_next_best_parent(runtime: Runtime, tmp_path: Path) -> None:
    # A warehouse's shipments name their depot by `location_id`: both depots.location_id and
    # offices.location_id hold those values (two numberings that overlap, not one table split). A person rejects the link chosen; the next
    # discovery links the column to the other parent, without a profile or a refresh.
    folder = tmp_path / "data" / "logistics"
    folder.mkdir(parents=True)
    rng = random.Random(5)
    (folder / "depots.csv").write_text("location_id,depot_name,capacity\n" + "".join(
        f"{1000 + i},Depot {i},{rng.randint(10, 90) * 100}\n" for i in range(60)))
    (folder / "offices.csv").write_text("location_id,office_name\n" + "".join(
        f"{1030 + i},Office {i}\n" for i in range(70)))
    (folder / "shipments.csv").write_text("shipment_id,location_id,weight_kg\n" + "".join(
        f"{i},{1030 + rng.randrange(30)},{rng.randint(1, 500)}\n" for i in range(1, 601)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="logistics")
    (first,) = [r for r in found if r.from_table == "logistics.shipments"]
    other = {"logistics.depots": "logistics.offices", "logistics.offices": "logistics.depots"}[first.to_table]
    await service.review(str(first.relationship_id), confirm=False, by="tester")
    found, _, run = await service.relationships(source="logistics")
    assert run.ran  # the rejection makes the last discovery stale
    (second,) = [r for r in found if r.from_table == "logistics.shipments"]
    assert (second.from_columns, second.to_table, second.to_columns) == (["location_id"], other, ["location_id"])
    again, _, run = await service.relationships(source="logistics")
    assert not run.ran
    assert [r.relationship_id for r in again] == [r.relationship_id for r in found]


async def test_trips_reference_stations_by_their_short_name(runtime: Runtime, tmp_path: Path) -> None:
    # Citi Bike: trips name their stations by GBFS's short_name ("6140.05", "HB101"), beside
    # the stations' UUID station_id; a name's short form is a code, and a key.
    folder = tmp_path / "data" / "citibike"
    folder.mkdir(parents=True)
    rng = random.Random(11)
    codes = [f"{5000 + i * 37}.{i % 12 + 1:02d}" for i in range(45)] + [f"HB{101 + i}" for i in range(5)]
    (folder / "station_information.csv").write_text("station_id,short_name,name,capacity\n" + "".join(
        f"{uuid.UUID(int=rng.getrandbits(128))},{code},Station {i},{rng.randint(15, 60)}\n" for i, code in enumerate(codes)))
    (folder / "trips.csv").write_text("ride_id,started_at,start_station_id,end_station_id,member_casual\n" + "".join(
        f"{rng.getrandbits(64):016X},2023-06-{1 + i % 28:02d} 13:47:30.729,{rng.choice(codes)},{rng.choice(codes)},"
        f"{rng.choice(['member', 'casual'])}\n" for i in range(400)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="citibike")
    edges = _edges(found, "citibike")
    for column in ("start_station_id", "end_station_id"):
        assert ("trips", (column,), "station_information", ("short_name",)) in edges
    (path, *_) = (await service.join_paths("trips", "station_information")).paths
    assert await _count(runtime, path.sql) == 400


async def test_a_headerless_code_column_unique_but_empty_on_some_rows_is_referenced(runtime: Runtime, tmp_path: Path) -> None:
    # OpenFlights: airports.dat has no header; its IATA code is unique but \N for a quarter of
    # the airports, and routes.dat names both ends of a route by that code.
    folder = tmp_path / "data" / "openflights"
    folder.mkdir(parents=True)
    rng = random.Random(4)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = sorted({"".join(rng.choice(letters) for _ in range(3)) for _ in range(80)})[:60]
    iata = ["\\N" if i % 4 == 0 else f'"{code}"' for i, code in enumerate(codes)]
    airports = [f'{100 + 7 * i},"Airport {i}",{iata[i]},"K{code}"\n' for i, code in enumerate(codes)]
    (folder / "airports.dat").write_text("".join(airports))
    coded = [code for i, code in enumerate(codes) if i % 4]
    (folder / "routes.dat").write_text("".join(
        f"{rng.choice(['AA', 'BA', 'LH'])},{rng.randint(10, 99)},{rng.choice(coded)},{rng.choice(coded)}\n" for _ in range(300)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="openflights")
    edges = _edges(found, "openflights")
    for column in ("column2", "column3"):
        assert ("routes", (column,), "airports", ("column2",)) in edges, column


async def test_codes_of_one_width_under_a_name_may_key_a_table(runtime: Runtime, tmp_path: Path) -> None:
    # Shopify's orders export: the order number is "Name" ("#1001"), repeated on each line
    # item's row; "Name" said description, and the grain was a chance pair or none.
    folder = tmp_path / "data" / "shop"
    folder.mkdir(parents=True)
    rng = random.Random(21)
    items = [("Classic Tee", "TEE-BLK-M"), ("Mug 11oz", "MUG-11"), ("Hoodie", "HOOD-GRY-XL"), ("Cap", "CAP-RED"), ("Socks", "SOCK-3")]
    lines = ["Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku"]
    for order in range(1001, 1301):
        stamp = f"2021-03-{1 + order % 28:02d} 10:{order % 60:02d}:12"
        for name, sku in rng.sample(items, rng.choice([1, 1, 1, 2, 3])):
            lines.append(f"#{order},c{order % 97}@example.com,{stamp},{rng.randint(1, 3)},{name},{rng.randint(5, 60)}.00,{sku}")
    (folder / "orders_export_1.csv").write_text("\n".join(lines) + "\n")
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="shop")
    (entity,) = entities
    assert entity.grain_columns is not None
    assert entity.grain_columns[0] == "Name"
    assert set(entity.grain_columns[1:]) <= {"Lineitem name", "Lineitem sku"}


async def test_a_phone_number_beside_an_identifier_is_no_reference(runtime: Runtime, tmp_path: Path) -> None:
    # Care Compare: every file repeats the hospital's Telephone Number beside its Facility ID;
    # systems share switchboards, so a join on the phone joins other hospitals' rows.
    folder = tmp_path / "data" / "care"
    folder.mkdir(parents=True)
    phones = [f"{2055550100 + 37 * i}" for i in range(40)]
    (folder / "hospital_general_information.csv").write_text("Facility ID,Facility Name,Telephone Number\n" + "".join(
        f"{10001 + i:06d},Hospital {i},{phones[i]}\n" for i in range(40)))
    (folder / "complications.csv").write_text("Facility ID,Telephone Number,Measure ID,Score\n" + "".join(
        f"{10001 + i % 40:06d},{phones[i % 40]},M{i // 40},{i % 17}.5\n" for i in range(160)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="care")
    assert [(r.from_table, r.from_columns) for r in found] == [("care.complications", ["Facility ID"])]


async def test_a_path_over_a_many_to_many_link_says_so_both_ways(runtime: Runtime, tmp_path: Path) -> None:
    # Google Play: reviews name their app, and six apps are listed twice; the path was "1:n"
    # both ways, "each review matches many apps".
    folder = tmp_path / "data" / "gp"
    folder.mkdir(parents=True)
    rng = random.Random(2)
    apps = [f"App {i}" for i in range(60)] + [f"App {i}" for i in range(6)]
    (folder / "googleplaystore.csv").write_text("App,Category,Rating\n" + "".join(
        f"{a},{rng.choice(['ART', 'GAME', 'TOOLS'])},{rng.randint(20, 50) / 10}\n" for a in apps))
    (folder / "googleplaystore_user_reviews.csv").write_text("App,Translated_Review,Sentiment_Polarity\n" + "".join(
        f"App {i // 3},{rng.choice(['ok', 'good', 'bad'])},{rng.randint(-999, 999) / 1000}\n" for i in range(90)))
    service = await _profile(runtime, folder)
    (there, *_) = (await service.join_paths("googleplaystore_user_reviews", "googleplaystore")).paths
    (back, *_) = (await service.join_paths("googleplaystore", "googleplaystore_user_reviews")).paths
    for path in (there, back):
        assert (path.cardinality, [s.cardinality for s in path.steps]) == ("n:m", ["n:m"])
    assert any(w.startswith("Repeats: 6 values") for w in there.warnings)
    assert not any("matches many" in w for w in there.warnings)
    assert any(w.startswith("Fan-out: values of gp.googleplaystore(App) repeat on both sides") for w in back.warnings)


async def test_a_join_on_codes_that_lost_their_zeros_joins_on_normalized_values(runtime: Runtime, tmp_path: Path) -> None:
    # Chicago's crimes: IUCR codes "0486", "041A", a third of them re-saved by a spreadsheet
    # ("486", "41A"); the path's SQL joined on the values as written and dropped those rows.
    folder = tmp_path / "data" / "chicago"
    folder.mkdir(parents=True)
    codes = [f"0{400 + 7 * i}" if i % 4 else f"0{40 + i}A" for i in range(40)]
    (folder / "iucr_codes.csv").write_text("IUCR,PRIMARY DESCRIPTION\n" + "".join(f"{c},Offense {i}\n" for i, c in enumerate(codes)))
    rows = [(i, codes[i % 40]) for i in range(400)]
    (folder / "crimes.csv").write_text("ID,IUCR,Arrest\n" + "".join(
        f"{1000 + i},{code.lstrip('0') if i % 3 == 0 else code},{'true' if i % 5 else 'false'}\n" for i, code in rows))
    service = await _profile(runtime, folder)
    (path, *_) = (await service.join_paths("crimes", "iucr_codes")).paths
    assert "ltrim(" in path.sql
    assert any("the SQL joins on the values so normalized" in w for w in path.warnings)
    assert await _count(runtime, path.sql) == 400


async def test_fips_codes_written_as_numbers_link_to_the_padded_ones(runtime: Runtime, tmp_path: Path) -> None:
    # MIT's county returns write county_fips 1001 (or pandas' 1001.0), the counties' table
    # 01001: none matched as written, so no link was looked for on normalized values.
    folder = tmp_path / "data" / "elections"
    folder.mkdir(parents=True)
    fips = [f"{state:02d}{county:03d}" for state in (1, 4, 6) for county in range(1, 80, 2)]
    (folder / "counties.csv").write_text("county_fips,county_name\n" + "".join(f"{f},County {i}\n" for i, f in enumerate(fips)))
    lines = ["year,county_fips,party,candidatevotes"]
    for year in (2016, 2020):
        for i, f in enumerate(fips):
            written = f"{int(f)}.0" if year == 2016 else str(int(f))
            lines += [f"{year},{written},{party},{100 + 7 * i + len(party)}" for party in ("DEMOCRAT", "REPUBLICAN")]
    (folder / "countypres.csv").write_text("\n".join(lines) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="elections")
    link = _edges(found, "elections")[("countypres", ("county_fips",), "counties", ("county_fips",))]
    assert link.evidence["normalized_integrity"] == 1.0
    (path, *_) = (await service.join_paths("countypres", "counties")).paths
    assert await _count(runtime, path.sql) == len(lines) - 1
    assert not any(w.startswith("Orphans") for w in path.warnings)
    assert any("0.0% match as written, 100.0% once" in w for w in path.warnings)


async def test_a_path_names_its_few_orphan_rows_that_an_inner_join_drops(runtime: Runtime, tmp_path: Path) -> None:
    # CMS DE-SynPUF: 2 of 553 inpatient claims name a beneficiary missing from the summary
    # file (0.4% of the values); an inner join still leaves their cost out of every total.
    folder = tmp_path / "data" / "synpuf"
    folder.mkdir(parents=True)
    benes = [f"{0xA000000000000000 + i * 7919:016X}" for i in range(400)]
    (folder / "beneficiary.csv").write_text("DESYNPUF_ID,BENE_SEX_IDENT_CD\n" + "".join(f"{b},{1 + i % 2}\n" for i, b in enumerate(benes)))
    claims = [benes[(i * 13) % 400] for i in range(551)] + ["A3E60DE7637F12E7", "B27C127E0415F8AF"]
    (folder / "inpatient.csv").write_text("DESYNPUF_ID,CLM_ID,CLM_PMT_AMT\n" + "".join(
        f"{b},{196661176988405 + i},{1000 + i % 9 * 500}\n" for i, b in enumerate(claims)))
    service = await _profile(runtime, folder)
    (path, *_) = (await service.join_paths("inpatient", "beneficiary")).paths
    assert (path.steps[0].integrity or 0.0) > 0.99
    orphans = next(w for w in path.warnings if w.startswith("Orphans"))
    assert "have no match (2 rows); an inner JOIN drops those rows, a LEFT JOIN keeps them." in orphans


async def test_exports_named_for_their_service_link_by_their_ids(runtime: Runtime, tmp_path: Path) -> None:
    # Stripe's and HubSpot's exports in one folder: charges' Customer ID was half a match for
    # stripe_customers (the customer of a "stripe customer"), so the link went through the
    # e-mail; events' user_id found no "user_id (metadata)".
    folder = tmp_path / "data" / "saas"
    folder.mkdir(parents=True)
    rng = random.Random(3)
    customers = [f"cus_{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijk0123456789') for _ in range(14))}" for _ in range(80)]
    (folder / "stripe_customers.csv").write_text("id,Email,Name,user_id (metadata)\n" + "".join(
        f"{c},p{i}@ex{i % 7}.com,Person {i},{100000 + 7 * i}\n" for i, c in enumerate(customers)))
    (folder / "stripe_charges.csv").write_text("id,Amount,Customer ID,Customer Email\n" + "".join(
        f"ch_{i:08d},{20 + i % 50}.00,{customers[i % 80]},p{i % 80}@ex{i % 80 % 7}.com\n" for i in range(600)))
    (folder / "hubspot_contacts.csv").write_text("Record ID,Email,First Name\n" + "".join(
        f"{5000 + i},p{i}@ex{i % 7}.com,P{i}\n" for i in range(0, 80, 2)))
    (folder / "product_events.csv").write_text("event_id,user_id,event\n" + "".join(
        f"{i},{100000 + 7 * (i % 80)},click\n" for i in range(900)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="saas")
    edges = _edges(found, "saas")
    assert ("stripe_charges", ("Customer ID",), "stripe_customers", ("id",)) in edges
    assert ("product_events", ("user_id",), "stripe_customers", ("user_id (metadata)",)) in edges


async def test_tables_keyed_by_an_id_and_its_day_link_once_whatever_they_call_the_day(runtime: Runtime, tmp_path: Path) -> None:
    # Fitbit's sleep by (Id, SleepDay) and activity by (Id, ActivityDate): no link, the days
    # named otherwise. London's smart meters by (LCLid, day) in two files of different spans:
    # a link each way, and the same join offered twice.
    folder = tmp_path / "data" / "fit"
    folder.mkdir(parents=True)
    ids = [1503960366 + 97 * i for i in range(12)]
    (folder / "dailyActivity_merged.csv").write_text("Id,ActivityDate,TotalSteps\n" + "".join(
        f"{i},4/{d}/2016,{1000 + 37 * d}\n" for i in ids for d in range(1, 29)))
    (folder / "sleepDay_merged.csv").write_text("Id,SleepDay,TotalMinutesAsleep\n" + "".join(
        f"{i},4/{d}/2016 12:00:00 AM,{300 + d}\n" for i in ids[:8] for d in range(2, 27, 2)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="fit")
    assert list(_edges(found, "fit")) == [("sleepday_merged", ("Id", "SleepDay"), "dailyactivity_merged", ("Id", "ActivityDate"))]
    meters = tmp_path / "data" / "lcl"
    meters.mkdir(parents=True)
    (meters / "daily_dataset.csv").write_text("LCLid,day,energy_sum\n" + "".join(
        f"MAC{m:06d},2013-01-{d:02d},{m + d / 10}\n" for m in range(10) for d in range(1, 21)))
    (meters / "hhblock_dataset.csv").write_text("LCLid,day,hh_0\n" + "".join(
        f"MAC{m:06d},2013-01-{d:02d},{d / 100}\n" for m in range(10) for d in range(3, 18)))
    service = await _profile(runtime, meters)
    found, _, _ = await service.relationships(source="lcl")
    assert list(_edges(found, "lcl")) == [("hhblock_dataset", ("LCLid", "day"), "daily_dataset", ("LCLid", "day"))]


async def test_hourly_prices_of_two_markets_keyed_alike_link_one_way_and_are_both_facts(runtime: Runtime, tmp_path: Path) -> None:
    # PJM's day-ahead and real-time hourly LMPs by (datetime_beginning_utc, pnode_id), one
    # real-time hour missing: the link each way was kept, both tables called dimensions.
    folder = tmp_path / "data" / "pjm"
    folder.mkdir(parents=True)
    hours = [(f"2023-04-{d:02d} {h:02d}:00:00", p) for d in range(1, 6) for h in range(24) for p in (51288, 33092, 1069452904)]
    header = "datetime_beginning_utc,pnode_id,pnode_name,total_lmp_{0},congestion_price_{0}\n"
    (folder / "pjm_da_hrl_lmps.csv").write_text(header.format("da") + "".join(
        f"{t},{p},HUB {p % 7},{30 + (i * 7) % 23 + 0.25},{(i * 3) % 5 - 2.5}\n" for i, (t, p) in enumerate(hours)))
    (folder / "pjm_rt_hrl_lmps.csv").write_text(header.format("rt") + "".join(
        f"{t},{p},HUB {p % 7},{31 + (i * 11) % 29 + 0.5},{(i * 5) % 7 - 3.5}\n" for i, (t, p) in enumerate(hours) if i != 100))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="pjm")
    assert list(_edges(found, "pjm")) == [
        ("pjm_rt_hrl_lmps", ("datetime_beginning_utc", "pnode_id"), "pjm_da_hrl_lmps", ("datetime_beginning_utc", "pnode_id"))
    ]
    assert {e.table: e.role for e in entities} == {"pjm.pjm_da_hrl_lmps": "fact", "pjm.pjm_rt_hrl_lmps": "fact"}
    (path,) = (await service.join_paths("pjm.pjm_da_hrl_lmps", "pjm.pjm_rt_hrl_lmps")).paths
    assert any(w.startswith("Unmatched: 1 value of pjm.pjm_da_hrl_lmps(datetime_beginning_utc, pnode_id)") for w in path.warnings)


async def test_orphans_whose_parent_row_is_in_quarantine_are_named_so(runtime: Runtime, tmp_path: Path) -> None:
    # Steam: a game whose release date is junk sits in the quarantine layer; its reviews were
    # orphans, and the join dropped them with no word of why.
    folder = tmp_path / "data" / "steam"
    folder.mkdir(parents=True)
    games = [f"{1000 + i},Game {i},{1 + i % 28}/03/2020" for i in range(80)]
    games[7] = "1007,Game 7,coming soon!"
    (folder / "games.csv").write_text("appid,name,release_date\n" + "\n".join(games) + "\n")
    (folder / "reviews.csv").write_text("review_id,steam_appid,score\n" + "".join(
        f"{i},{1000 + i % 80},{i % 5}\n" for i in range(400)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="steam")
    link = _edges(found, "steam")[("reviews", ("steam_appid",), "games", ("appid",))]
    assert link.evidence["orphan_examples"] == [1007]
    assert link.evidence["orphans_in_quarantine"] == 1
    (path, *_) = (await service.join_paths("reviews", "games")).paths
    assert any(w.startswith("Quarantined parents: 1 of those values are keys of steam.games rows") for w in path.warnings)


async def test_a_join_path_names_the_rows_without_a_reference(runtime: Runtime, tmp_path: Path) -> None:
    # Stripe's guest payments have no Customer ID: the inner JOIN of the path dropped them
    # (4% of the revenue) and no warning said so.
    folder = tmp_path / "data" / "stripe"
    folder.mkdir(parents=True)
    (folder / "customers.csv").write_text("id,Email,Country\n" + "".join(f"cus_{i:05d},c{i}@x.org,US\n" for i in range(60)))
    (folder / "charges.csv").write_text("id,Amount,Customer ID\n" + "".join(
        f"ch_{i:06d},{10 + i % 90}.50,{'' if i % 25 == 0 else f'cus_{i % 60:05d}'}\n" for i in range(500)))
    service = await _profile(runtime, folder)
    (path, *_) = (await service.join_paths("charges", "customers")).paths
    assert "Empty references: 20 rows of stripe.charges (4.0%) have no Customer ID; an inner JOIN drops them" in " ".join(path.warnings)


async def test_a_key_of_a_table_whose_columns_are_in_alphabetical_order_need_not_come_first(
    runtime: Runtime, tmp_path: Path
) -> None:
    # FDIC's institutions list their columns by name: CERT, the certificate number every file
    # joins on, after ACTIVE, ADDRESS and ASSET; the grain was the total assets (or the name)
    # and the branches' link to it was missed.
    folder = tmp_path / "data" / "fdic"
    folder.mkdir(parents=True)
    rng = random.Random(5)
    certs = rng.sample(range(1000, 60000), 200)
    (folder / "institutions.csv").write_text("ACTIVE,ADDRESS,ASSET,BKCLASS,CERT,CITY,NAME\n" + "".join(
        f"{rng.choice('01')},{100 + i} Main St,{rng.randint(5_000, 9_000_000)},{rng.choice(['N', 'SM', 'NM', 'SB'])},{cert},"
        f"City {i % 40},Bank {cert}\n" for i, cert in enumerate(certs)))
    (folder / "locations.csv").write_text("UNINUM,CERT,OFFNAME\n" + "".join(
        f"{500000 + i},{rng.choice(certs)},Branch {i}\n" for i in range(600)))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="fdic")
    assert {e.table: e.grain_columns for e in entities}["fdic.institutions"] == ["CERT"]
    assert ("locations", ("CERT",), "institutions", ("CERT",)) in _edges(found, "fdic")


async def test_a_four_part_key_grows_past_a_column_of_one_value(runtime: Runtime, tmp_path: Path) -> None:
    # Eurovision's votes: (edition, jury or televote, from, to) behind a year the same on every
    # row; NASS's county figures: (year, state, county, item) behind "CENSUS" on every row.
    # No grain was found: the key grew from the first column, which tells no row apart.
    rng = random.Random(6)
    countries = ["Sweden", "Norway", "Malta", "Italy", "Spain", "France"]
    votes = ["Year;Edition;Jury or Televoting;From country;To country;Points"]
    for edition in ("2019sf1", "2019f"):
        for jury in "JT":
            for giver in countries:
                votes += [f"2019;{edition};{jury};{giver};{to};{rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 10, 12])}" for to in countries if to != giver]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "ev" / "votes.csv", votes)
    assert entity.grain_columns == ["Edition", "Jury or Televoting", "From country", "To country"]
    nass = ['"Program","Year","State ANSI","County ANSI","Data Item","Value"']
    for year in (2017, 2022):
        for state in ("06", "19"):
            for county in ("001", "007", "183"):
                nass += [f'"CENSUS","{year}","{state}","{county}","CORN, GRAIN - {item}","{rng.randint(1000, 900000):,}"'
                         for item in ("ACRES HARVESTED", "PRODUCTION, MEASURED IN BU")]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "nass" / "qs_county.csv", nass)
    assert entity.grain_columns == ["Year", "State ANSI", "County ANSI", "Data Item"]


async def test_a_total_repeated_on_each_row_of_a_group_is_no_part_of_the_grain(runtime: Runtime, tmp_path: Path) -> None:
    # MIT's county returns: a row per county, year and party, the county's totalvotes on
    # each; (party, totalvotes) was the grain, unique because totals rarely repeat.
    rng = random.Random(8)
    lines = ["year,county_fips,candidate,party,candidatevotes,totalvotes,mode"]
    for year, names in ((2016, ("HILLARY CLINTON", "DONALD TRUMP", "OTHER")), (2020, ("JOSEPH R BIDEN JR", "DONALD J TRUMP", "OTHER"))):
        for county in (1001, 1003, 1005):
            votes = [rng.randint(100, 90_000) for _ in names]
            for name, party, v in zip(names, ("DEMOCRAT", "REPUBLICAN", "OTHER"), votes, strict=True):
                lines.append(f"{year},{county},{name},{party},{v},{sum(votes)},TOTAL")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "mit" / "countypres.csv", lines)
    assert entity.grain_columns is not None
    assert "totalvotes" not in entity.grain_columns
    assert set(entity.grain_columns) in ({"year", "county_fips", "party"}, {"year", "county_fips", "candidate"})


async def test_a_tax_lot_s_bbl_keys_its_table_and_is_referenced(runtime: Runtime, tmp_path: Path) -> None:
    # NYC's PLUTO: BBL (borough, block and lot in ten digits) keys the lots, but not first in
    # the file it was no key (the grain was a measure); HPD's violations point at it.
    folder = tmp_path / "data" / "nyc"
    folder.mkdir(parents=True)
    rng = random.Random(9)
    lots = sorted({(rng.randint(1, 5), rng.randint(1, 9999), rng.randint(1, 999)) for _ in range(300)})
    bbls = [f"{b}{block:05d}{lot:04d}" for b, block, lot in lots]
    (folder / "pluto.csv").write_text("lotarea,bbl,landuse\n" + "".join(
        f"{rng.randint(500, 90000)},{bbl},{rng.randint(1, 11)}\n" for bbl in bbls))
    (folder / "hpd_violations.csv").write_text("ViolationID,BBL,Class\n" + "".join(
        f"{9000000 + i},{rng.choice(bbls)},{rng.choice('ABC')}\n" for i in range(600)))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="nyc")
    assert {e.table: e.grain_columns for e in entities}["nyc.pluto"] == ["bbl"]
    assert ("hpd_violations", ("BBL",), "pluto", ("bbl",)) in _edges(found, "nyc")


async def test_a_four_part_key_grows_past_the_table_s_measures(runtime: Runtime, tmp_path: Path) -> None:
    # SEC's num.txt: a filing's figures by (adsh, tag, ddate, qtrs), no part named as an
    # identifier, and a value unique in the table; BLS's QCEW: (area_fips, own_code,
    # industry_code, qtr) beside counts that tell rows apart by chance. Both had no grain.
    folder = tmp_path / "data" / "stats"
    folder.mkdir(parents=True)
    rng = random.Random(12)
    rows = [
        (f"0000{320193 + f:06d}-23-{f:06d}", tag, ddate, qtrs)
        for f in range(12) for tag in ("Assets", "Revenues", "NetIncomeLoss", "Liabilities")
        for ddate in ("20230930", "20220930") for qtrs in ((0,) if tag in ("Assets", "Liabilities") else (1, 4))
    ]
    values = rng.sample(range(10**9, 10**11), len(rows))
    (folder / "num.txt").write_text("adsh\ttag\tddate\tqtrs\tvalue\n" + "".join(
        "\t".join(map(str, (*r, v))) + "\n" for r, v in zip(rows, values, strict=True)))
    cells = [(f"{a:05d}", own, industry, qtr) for a in range(1001, 1041, 2) for own in (1, 5) for industry in (10, 1012) for qtr in (1, 2)]
    (folder / "qcew.csv").write_text("area_fips,own_code,industry_code,year,qtr,qtrly_estabs,month1_emplvl\n" + "".join(
        f"{a},{own},{industry},2023,{qtr},{rng.randint(10, 900)},{rng.randint(40, 90000)}\n" for a, own, industry, qtr in cells))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="stats")
    grains = {e.table: set(e.grain_columns or ()) for e in entities}
    assert grains["stats.num"] == {"adsh", "tag", "ddate", "qtrs"}
    assert grains["stats.qcew"] == {"area_fips", "own_code", "industry_code", "qtr"}


async def test_an_order_s_fields_on_its_first_line_alone_are_named_with_sql_that_carries_them_down(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Shopify's orders export: a row per line item, the order's Name on each, its status,
    # total and e-mail on the first line only. A filter on the status counted the first lines'
    # units alone, and the empty cells read as 40% missing.
    rng = random.Random(5)
    lines = ["Name,Email,Financial Status,Total,Discount Code,Lineitem quantity,Lineitem sku"]
    for order in range(1001, 1061):
        for item in range(rng.randint(1, 3)):
            first = item == 0
            status = rng.choice(["paid", "refunded", "pending"]) if first else ""
            code = ("SPRING10" if order % 7 == 0 else "") if first else ""
            fields = f"c{order}@example.com,{status},{rng.randint(10, 300)}.00,{code}" if first else ",,,"
            lines.append(f"#{order},{fields},{rng.randint(1, 4)},SKU-{rng.randint(1, 40):03d}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "shop" / "orders_export.csv", lines)
    filled = entity.evidence["keys"]["first_row_fields"]
    assert (filled["group"], filled["columns"], filled["groups"]) == (
        "Name", ["Email", "Financial Status", "Total", "Discount Code"], 60
    )
    assert await _count(runtime, f'FROM ({filled["carry_down"]}) WHERE "Financial Status" IS NULL') == 0
    assert EntityOut.of(entity).first_row_fields == filled  # (what the tools show)
    # The same lines shuffled: an order's lines no longer run together, and nothing is said.
    body = lines[1:]
    rng.shuffle(body)
    entity = await _one_file_entity(runtime, tmp_path / "data" / "shuffled" / "orders_export.csv", [lines[0], *body])
    assert "first_row_fields" not in entity.evidence["keys"]


async def test_a_file_s_summary_on_its_first_row_alone_is_one_value_for_the_whole_file(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Amazon's settlement flat file: the settlement-id on every row, its dates, total and
    # currency on the first row alone, the transactions below. No column groups the rows (one
    # settlement a file), so nothing was said, and the summary read as columns 99.96% empty.
    rng = random.Random(8)
    lines = [
        "settlement-id\tsettlement-start-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tamount",
        "18464071161\t2023-03-31 07:00:00 UTC\t2023-04-30 07:00:00 UTC\t12046.41\tUSD\t\t\t",
    ]
    lines += [
        f"18464071161\t\t\t\t\t{rng.choice(['Order', 'Refund'])}\t112-{rng.randint(10**6, 10**7 - 1)}\t{rng.uniform(-40, 90):.2f}"
        for _ in range(200)
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "amazon" / "18464071161.txt", lines)
    filled = entity.evidence["keys"]["first_row_fields"]
    assert (filled["group"], filled["groups"]) == (None, 1)
    assert filled["columns"] == ["settlement-start-date", "deposit-date", "total-amount", "currency"]
    assert filled["values"]["currency"] == "USD"
    assert filled["values"]["total-amount"] == "12046.41"
    assert await _count(runtime, f'FROM ({filled["carry_down"]}) WHERE currency = \'USD\' AND "total-amount" = 12046.41') == 201
    # One column filled once at the top (a remark) is no summary.
    lines = ["order-id,amount,note", "1,5.00,checked by AB", *(f"{n},{n}.50," for n in range(2, 60))]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "remark" / "orders.csv", lines)
    assert "first_row_fields" not in entity.evidence["keys"]


async def test_a_vessel_s_mmsi_and_the_report_s_time_key_ais_positions(runtime: Runtime, tmp_path: Path) -> None:
    # MarineCadastre's AIS_2023_01_01.csv: ten reports a vessel, keyed by MMSI and
    # BaseDateTime; MMSI, named for no key word, was taken for a measure and nothing keyed it.
    rng = random.Random(5)
    vessels = [rng.choice([366, 367, 368, 538, 477]) * 1_000_000 + rng.randint(0, 999_999) for _ in range(40)]
    lines = ["MMSI,BaseDateTime,SOG"] + [
        f"{m},2023-01-01T00:{s // 60:02d}:{rng.randint(0, 59):02d},{rng.uniform(0, 20):.1f}"
        for m in vessels for s in range(0, 600, 60)
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "ais" / "AIS_2023_01_01.csv", lines)
    assert entity.grain_columns == ["MMSI", "BaseDateTime"]


def _dft_raw_counts(rng: random.Random) -> list[str]:
    """The DfT's raw counts: a count point's vehicles by direction and hour of two count days."""
    lines = ["count_point_id,direction_of_travel,year,count_date,hour,cars_and_taxis,all_motor_vehicles"]
    for point in (946, 7401, 26010, 37752, 80123):
        for year, day in ((2018, "2018-06-14 00:00:00"), (2019, "2019-05-22 00:00:00")):
            for direction in "NS":
                for hour in range(7, 19):
                    cars = rng.randint(20, 900)
                    lines.append(f"{point},{direction},{year},{day},{hour},{cars},{cars + rng.randint(0, 200)}")
    return lines


async def test_counts_of_vehicles_are_no_part_of_a_key_grown_by_direction_day_and_hour(
    runtime: Runtime, tmp_path: Path
) -> None:
    # The DfT's dft_traffic_counts_raw_counts.csv: a row per count point, direction, count day
    # and hour. The key grew by the cars counted, which tell most rows apart, and was refused;
    # (hour, all_motor_vehicles) was named as nearly a key.
    lines = _dft_raw_counts(random.Random(1))
    entity = await _one_file_entity(runtime, tmp_path / "data" / "dft" / "raw_counts.csv", lines)
    assert entity.grain_columns == ["count_point_id", "direction_of_travel", "count_date", "hour"]
    # One hour counted twice: the key is near, with no count in it.
    lines = _dft_raw_counts(random.Random(1))
    lines.append(lines[5].rsplit(",", 2)[0] + ",77,99")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "dft2" / "raw_counts.csv", lines)
    keys = entity.evidence["keys"]
    assert entity.grain_columns is None
    assert keys["near_key"][:2] == ["count_point_id", "direction_of_travel"]
    assert keys["near_key"][2:] in (["year", "hour"], ["count_date", "hour"])  # (a day each year)


async def test_a_date_most_rows_have_alone_beside_a_few_codes_keys_no_ledger(runtime: Runtime, tmp_path: Path) -> None:
    # NYC's Citywide Payroll, no employee id: an agency's code, a 95%-distinct Agency Start
    # Date and a leave status were the grain; a QuickBooks ledger's Date, Transaction Type
    # and Account too. Both unique by chance (two invoices of a day post to one account).
    import datetime as dt

    rng = random.Random(11)
    lines = ["Payroll Number,Agency Start Date,Leave Status,Base Salary"]
    statuses = ["ACTIVE", "CEASED", "ON LEAVE", "SEASONAL", "ON SEPARATION LEAVE"]
    for _ in range(1500):
        day = dt.date(1975, 1, 1) + dt.timedelta(days=rng.randint(0, 17000))
        lines.append(
            f"{rng.choice([56, 57, 740, 742, 69, 827, 300, 846]):03d},{day:%m/%d/%Y},{rng.choice(statuses)},"
            f"{rng.uniform(30000, 90000):.2f}"
        )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "payroll" / "payroll.csv", lines)
    assert entity.grain_columns is None
    types = ["Invoice", "Payment", "Bill", "Bill Payment", "Deposit", "Journal Entry", "Expense", "Transfer"]
    accounts = [f"{n} Account {n}" for n in range(4000, 4015)]
    ledger = ["Date,Transaction Type,Account,Amount"]
    combos = rng.sample([(d, t, a) for d in range(700) for t in types for a in accounts], 600)
    for day, kind, account in sorted(combos):
        date = dt.date(2023, 1, 1) + dt.timedelta(days=day)
        ledger.append(f"{date:%m/%d/%Y},{kind},{account},{rng.uniform(-900, 900):.2f}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "qb" / "general_ledger.csv", ledger)
    assert entity.grain_columns is None


async def test_a_refund_s_reference_to_its_payment_is_a_self_reference(runtime: Runtime, tmp_path: Path) -> None:
    # PayPal's activity download: refunds and reversals name their payment in "Reference Txn
    # ID", a column of the same file whose key is "Transaction ID"; no link was found.
    rng = random.Random(13)
    ids = ["".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)) for _ in range(120)]
    rows = ['"Date","Name","Type","Gross","Transaction ID","Reference Txn ID"']
    for i, txn in enumerate(ids):
        refund = i >= 90
        rows.append(f'"01/{1 + i % 28:02d}/2023","N{i % 17}","{"Payment Refund" if refund else "Website Payment"}",'
                    f'"{-25 if refund else 25}.00","{txn}","{ids[rng.randrange(90)] if refund else ""}"')
    folder = tmp_path / "data" / "pp"
    folder.mkdir(parents=True)
    (folder / "paypal.csv").write_text("\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="pp")
    link = _edges(found, "pp")[("paypal", ("Reference Txn ID",), "paypal", ("Transaction ID",))]
    assert link.relationship_type == "hierarchy"


async def test_a_thing_s_name_references_the_table_keyed_by_the_thing(runtime: Runtime, tmp_path: Path) -> None:
    # An OPC UA historian's export: values by Timestamp and TagName beside the tag list keyed
    # by Tag, two tools naming one key differently; nothing linked them.
    folder = tmp_path / "data" / "historian"
    folder.mkdir(parents=True)
    tags = [f"PLC{p}.Line{line}.{kind}" for p in (1, 2) for line in (1, 2, 3) for kind in ("Temp", "Pressure", "Flow")]
    (folder / "tags.csv").write_text("Tag,Description,EU\n" + "".join(f"{t},Reading {i},bar\n" for i, t in enumerate(tags)))
    (folder / "hist.csv").write_text("Timestamp,TagName,Value,Quality\n" + "".join(
        f"2023-06-01 00:00:{s:02d}.{100 + s},{t},{70 + i + s / 10:.1f},Good\n" for s in range(20) for i, t in enumerate(tags)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="historian")
    assert ("hist", ("TagName",), "tags", ("Tag",)) in _edges(found, "historian")


async def test_identifiers_written_as_resolver_urls_link_to_the_bare_ones(runtime: Runtime, tmp_path: Path) -> None:
    # OpenAlex writes a work's doi as https://doi.org/10.1038/nature14539 (lower-cased),
    # Crossref the bare DOI in its own case: nothing linked the two.
    folder = tmp_path / "data" / "scholarly"
    folder.mkdir(parents=True)
    dois = [f"10.{1000 + i % 7}/Journal.{2000 + i}.{i * 37 % 1000:03d}" for i in range(60)]
    (folder / "crossref.csv").write_text("DOI,is-referenced-by-count\n" + "".join(f"{d},{i * 13}\n" for i, d in enumerate(dois)))
    (folder / "works.csv").write_text("id,doi,publication_year\n" + "".join(
        f"W{2100000000 + i},https://doi.org/{d.lower()},{2000 + i % 20}\n" for i, d in enumerate(dois[:50])))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="scholarly")
    edges = _edges(found, "scholarly")
    assert {("works", ("doi",), "crossref", ("DOI",)), ("crossref", ("DOI",), "works", ("doi",))} & set(edges)
    (path, *_) = (await service.join_paths("works", "crossref")).paths
    assert await _count(runtime, path.sql) == 50


async def test_orphans_of_a_link_joined_on_normalized_values_are_those_left_once_normalized(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Shopify's orders name their customer by Email, some capitalized ("Ava.white512@..."),
    # guest checkouts by e-mails no customer has: the orphans given were the capitalized ones,
    # which the join SQL (on lower-cased values) matches, and the counts disagreed with it.
    folder = tmp_path / "data" / "shop"
    folder.mkdir(parents=True)
    emails = [f"customer{i}@example.com" for i in range(200)]
    (folder / "customers_export.csv").write_text("Customer ID,Email,First Name\n" + "".join(
        f"{700000 + i},{e},N{i}\n" for i, e in enumerate(emails)))
    written = [e.capitalize() if i % 5 == 0 else e for i, e in enumerate(emails)] + [f"guest{i}@example.com" for i in range(30)]
    (folder / "orders_export.csv").write_text("Name,Email,Total\n" + "".join(
        f"#{1000 + i},{e},{10 + i % 90}.00\n" for i, e in enumerate(written * 2)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="shop")
    evidence = _edges(found, "shop")[("orders_export", ("Email",), "customers_export", ("Email",))].evidence
    assert (evidence["orphan_values"], evidence["orphan_rows"]) == (30, 60)
    assert all(str(e).startswith("guest") for e in evidence["orphan_examples"])
    assert (evidence["orphan_values_as_written"], evidence["orphan_rows_as_written"]) == (70, 140)
    (path, *_) = (await service.join_paths("orders_export", "customers_export")).paths
    assert any("13.0% of the distinct values" in w for w in path.warnings)


async def test_a_join_on_names_differing_in_case_and_spaces_undoes_only_those(runtime: Runtime, tmp_path: Path) -> None:
    # Toast's item lines name the menu item ("Fish Tacos"), a hand-kept menu-costing sheet
    # retypes some names in lower case or with a trailing space: the join SQL was 1.5 KB of
    # DOI resolver regexes and leading-zero CASEs, its warning spoke of https://doi.org/.
    folder = tmp_path / "data" / "restaurant"
    folder.mkdir(parents=True)
    dishes = [f"{dish} {size}" for dish in ("Fish Tacos", "Lobster Roll", "Clam Chowder", "Caesar Salad", "Iced Tea")
              for size in ("Small", "Regular", "Large", "Family")]
    sheet = [d.lower() if i % 4 == 0 else f'"{d} "' if i % 4 == 1 else d for i, d in enumerate(dishes)]
    (folder / "menu_engineering.csv").write_text("Menu Item name,Plate Cost,Category\n" + "".join(
        f"{name},{2 + i * 0.35:.2f},Group {i % 3}\n" for i, name in enumerate(sheet)))
    (folder / "itemselectiondetails.csv").write_text("Item Selection Id,Menu Item,Qty\n" + "".join(
        f"{400000013000000043 + 7 * i},{dishes[i % 20]},{1 + i % 3}\n" for i in range(300)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="restaurant")
    link = _edges(found, "restaurant")[("itemselectiondetails", ("Menu Item",), "menu_engineering", ("Menu Item name",))]
    assert link.evidence["normalizations"] == ["spaces", "case"]
    assert link.evidence["normalized_matches"] == "ignoring spaces around the values and case"
    (path, *_) = (await service.join_paths("itemselectiondetails", "menu_engineering")).paths
    assert path.sql.endswith('ON lower(trim(i."Menu Item")) = lower(trim(me."Menu Item name"))')
    assert await _count(runtime, path.sql) == 300
    assert not any("doi.org" in w for w in path.warnings)
    assert any("once spaces around the values and case are ignored" in w for w in path.warnings)


async def test_a_business_key_repeated_beside_the_table_s_own_id_is_still_referenced(runtime: Runtime, tmp_path: Path) -> None:
    # NIH RePORTER: projects keyed by APPLICATION_ID, their CORE_PROJECT_NUM repeated for
    # supplements and years; the publication links name it PROJECT_NUMBER. Nothing linked them.
    rng = random.Random(14)
    cores = [f"R{rng.choice('0125')}{rng.randint(1, 9)}{rng.choice(['CA', 'AI', 'HL', 'GM'])}{rng.randint(100000, 999999)}" for _ in range(100)]
    projects = cores + cores[:6]
    folder = tmp_path / "data" / "nih"
    folder.mkdir(parents=True)
    (folder / "projects.csv").write_text("APPLICATION_ID,CORE_PROJECT_NUM,FY,TOTAL_COST\n" + "".join(
        f"{10453201 + 13 * i},{c},{2022 + i // 100},{rng.randint(40000, 3000000)}\n" for i, c in enumerate(projects)))
    (folder / "publink.csv").write_text("PMID,PROJECT_NUMBER\n" + "".join(
        f"{30000000 + 7 * i},{rng.choice(cores)}\n" for i in range(150)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="nih")
    link = _edges(found, "nih")[("publink", ("PROJECT_NUMBER",), "projects", ("CORE_PROJECT_NUM",))]
    assert (link.relationship_type, link.cardinality) == ("semantic", "n:m")
    (path, *_) = (await service.join_paths("publink", "projects")).paths
    assert any(w.startswith("Fan-out") for w in path.warnings)


async def test_a_one_to_one_partner_named_only_by_its_file_lends_no_entity(runtime: Runtime, tmp_path: Path) -> None:
    # Pew's American Trends Panel: wave 120's respondents are a subset of wave 119's, one row
    # each by QKEY; wave 120 is not "w119".
    folder = tmp_path / "data" / "pew"
    folder.mkdir(parents=True)
    keys = [6000000 + 7 * i for i in range(60)]
    (folder / "ATP W119.csv").write_text(
        "QKEY,SATIS_W119,WEIGHT_W119\n" + "".join(f"{k},{'Satisfied' if k % 2 else 'Dissatisfied'},{1 + k % 7 / 10}\n" for k in keys)
    )
    (folder / "ATP W120.csv").write_text(
        "QKEY,SATIS_W120,WEIGHT_W120\n" + "".join(f"{k},{'Satisfied' if k % 3 else 'Dissatisfied'},{1 + k % 5 / 10}\n" for k in keys[:50])
    )
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="pew")
    names = {e.table: e.entity_type for e in entities}
    assert names["pew.atp_w120"] != names["pew.atp_w119"]
    assert "120" in names["pew.atp_w120"]


async def test_an_email_address_beside_the_members_id_is_a_key_the_activity_links_to(runtime: Runtime, tmp_path: Path) -> None:
    # Mailchimp: the audience export has "Email Address" and its own EUID; the campaign
    # activity export names the subscriber by "Email Address" alone.
    folder = tmp_path / "data" / "mailchimp"
    folder.mkdir(parents=True)
    rng = random.Random(11)
    (folder / "members.csv").write_text(
        "Email Address,First Name,MEMBER_RATING,EUID\n"
        + "".join(f"user{i}@example.com,Ann{i % 9},{1 + i % 5},{uuid.UUID(int=rng.getrandbits(128)).hex[:10]}\n" for i in range(60))
    )
    (folder / "campaign_activity.csv").write_text(
        "Email Address,Campaign Title,Opens,Clicks\n"
        + "".join(f"user{rng.randrange(60)}@example.com,Newsletter #{i % 4},{i % 3},{i % 2}\n" for i in range(150))
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="mailchimp")
    members = next(e for e in entities if e.table == "mailchimp.members")
    assert ["Email Address"] in members.evidence["keys"]["candidate_keys"]
    assert ("campaign_activity", ("Email Address",), "members", ("Email Address",)) in _edges(found, "mailchimp")


async def test_a_uuid_beside_a_name_links_to_the_headerless_dumps_uuid_not_its_names(runtime: Runtime, tmp_path: Path) -> None:
    # MusicBrainz's mbdump/artist has no header (id, gid, name, sort_name, comment); a Last.fm
    # scrobble export names the artist twice, by name and by MBID (the gid).
    folder = tmp_path / "data" / "mb"
    folder.mkdir(parents=True)
    rng = random.Random(3)
    artists = [(7 * i + 1, str(uuid.UUID(int=rng.getrandbits(128))), f"Band {chr(65 + i)}{i}") for i in range(12)]
    (folder / "artist.tsv").write_text("".join(f"{i}\t{gid}\t{name}\t{name}\t\\N\n" for i, gid, name in artists))
    plays = [artists[rng.randrange(12)] for _ in range(60)]
    (folder / "scrobbles.csv").write_text(
        "uts,artist,artist_mbid,track\n"
        + "".join(f"{1680340000 + 600 * n},{name},{gid},Track {n}\n" for n, (_, gid, name) in enumerate(plays))
    )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="mb")
    edges = _edges(found, "mb")
    assert ("scrobbles", ("artist_mbid",), "artist", ("column1",)) in edges
    assert not any(child == "scrobbles" and columns == ("artist",) for child, columns, _, _ in edges)


async def test_a_subject_table_s_grain_is_the_unique_id_its_domains_reference(runtime: Runtime, tmp_path: Path) -> None:
    # A CDISC SDTM package: DM holds one row per subject, unique both by SUBJID (1015, unique
    # within the study only) and by USUBJID (01-701-1015, over the submission); every other
    # domain (AE, EX) and ADaM's ADSL cite USUBJID.
    folder = tmp_path / "data" / "sdtm"
    folder.mkdir(parents=True)
    subjects = [(f"01-{701 + i % 3}-{1015 + 7 * i}", 1015 + 7 * i) for i in range(40)]
    (folder / "dm.csv").write_text(
        "STUDYID,DOMAIN,USUBJID,SUBJID,SITEID,AGE,SEX\n"
        + "".join(f"CDISCPILOT01,DM,{u},{s},{u[3:6]},{50 + i % 30},{'FM'[i % 2]}\n" for i, (u, s) in enumerate(subjects))
    )
    (folder / "adsl.csv").write_text(
        "STUDYID,USUBJID,SUBJID,TRT01P,SAFFL\n"
        + "".join(f"CDISCPILOT01,{u},{s},{('Placebo', 'Xanomeline')[i % 2]},Y\n" for i, (u, s) in enumerate(subjects))
    )
    for domain, term in (("AE", "AEDECOD"), ("EX", "EXTRT")):
        (folder / f"{domain.lower()}.csv").write_text(
            f"STUDYID,DOMAIN,USUBJID,{domain}SEQ,{term}\n"
            + "".join(f"CDISCPILOT01,{domain},{u},{n},TERM {i % 5}\n" for i, (u, _) in enumerate(subjects) for n in (1, 2))
        )
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="sdtm")
    dm = next(e for e in entities if e.table == "sdtm.dm")
    assert dm.grain_columns == ["USUBJID"]
    assert dm.entity_type == "subject"
    assert dm.evidence["keys"]["grain_referenced_by"] == ["sdtm.adsl", "sdtm.ae", "sdtm.ex"]
    # (ADSL, unique by both too, is joined to DM on DM's grain first.)
    best = (await service.join_paths("adsl", "dm")).paths[0]
    assert [tuple(s.to_columns) for s in best.steps] == [("USUBJID",)]


async def test_a_reference_into_a_dataset_split_over_files_is_matched_against_all_its_parts(
    runtime: Runtime, tmp_path: Path
) -> None:
    # The IRS's Business Master File ships as regional files of one header (eo2.csv, eo3.csv,
    # eo_pr.csv), each keyed by EIN; a grants table cites EINs of every region.
    folder = tmp_path / "data" / "bmf"
    folder.mkdir(parents=True)
    regions = {"eo2": range(230000001, 230000041), "eo3": range(470000001, 470000041), "eo_pr": range(660000001, 660000011)}
    for name, eins in regions.items():
        (folder / f"{name}.csv").write_text(
            "EIN,NAME,STATE\n" + "".join(f"{ein},ORG {name} {i},{name[-2:].upper()}\n" for i, ein in enumerate(eins))
        )
    cited = [ein for eins in regions.values() for ein in eins]
    rng = random.Random(5)
    (folder / "grants.csv").write_text(
        "grant_id,grantmaker_ein,amount\n" + "".join(f"G{n:05d},{rng.choice(cited)},{1000 * (1 + n % 9)}\n" for n in range(300))
    )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="bmf")
    edges = _edges(found, "bmf")
    into = {parent: r for (child, cols, parent, _), r in edges.items() if child == "grants" and cols == ("grantmaker_ein",)}
    # Every region holds some of the grantmakers: each is linked, none calls the others' orphans.
    assert set(into) == set(regions)
    assert all(r.evidence["integrity"] == 1.0 and r.evidence["orphan_rows"] == 0 for r in into.values())
    assert sorted(into["eo3"].evidence["parts_union"]["tables"]) == ["bmf.eo2", "bmf.eo3", "bmf.eo_pr"]
    assert (await service.join_paths("grants", "eo_pr")).paths


async def test_a_reference_into_quarterly_parts_is_linked_to_no_part_that_holds_none_of_its_values(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Freddie Mac's single-family loans: origination files historical_data_2023Q1/Q2 keyed by
    # loan_sequence_number, each quarter's monthly performance file citing its own quarter's
    # loans. The Q2 performance file was also linked to the Q1 origination file, whose join
    # returned no rows (found_in_part 0), and the Q1 performance file not to Q2's.
    folder = tmp_path / "data" / "freddie"
    folder.mkdir(parents=True)
    rng = random.Random(3)
    for q in (1, 2):
        loans = [f"F23Q{q}{i:07d}" for i in range(1, 31)]
        (folder / f"historical_data_2023Q{q}.csv").write_text(
            "credit_score,first_payment_date,loan_sequence_number,original_upb\n"
            + "".join(f"{rng.randint(620, 820)},2023{q * 3:02d},{loan},{rng.randint(10, 70) * 5000}\n" for loan in loans)
        )
        (folder / f"historical_data_time_2023Q{q}.csv").write_text(
            "loan_sequence_number,monthly_reporting_period,current_delinquency_status\n"
            + "".join(f"{loan},2023{q * 3 + m:02d},{rng.randint(0, 1)}\n" for loan in loans for m in range(3))
        )
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="freddie")
    into = {
        (child, parent): r for (child, cols, parent, _), r in _edges(found, "freddie").items()
        if cols == ("loan_sequence_number",)
    }
    assert set(into) == {
        ("historical_data_time_2023q1", "historical_data_2023q1"), ("historical_data_time_2023q2", "historical_data_2023q2"),
    }
    assert all(r.evidence["found_in_part"] == 30 for r in into.values())


async def test_files_of_one_header_whose_identifier_keeps_its_leading_zeros_in_one_alone_are_parts(
    runtime: Runtime, tmp_path: Path
) -> None:
    # The IRS's Business Master File by region: eo1.csv (New England) writes its EINs
    # 010130427, 042103580 as text, eo2.csv's EINs (none starting with 0) are numbers; eo1 was
    # left out of the parts and their union, and the grants it holds were orphans.
    folder = tmp_path / "data" / "bmf"
    folder.mkdir(parents=True)
    regions = {"eo1": range(10130001, 10130041), "eo2": range(230000001, 230000041)}
    for name, eins in regions.items():
        (folder / f"{name}.csv").write_text(
            "EIN,NAME,STATE,SUBSECTION\n" + "".join(f"{ein:09d},ORG {name} {i},ME,03\n" for i, ein in enumerate(eins))
        )
    rng = random.Random(7)
    cited = [f"{ein:09d}" for eins in regions.values() for ein in eins]
    (folder / "grants.csv").write_text(
        "grant_id,grantmaker_ein,amount\n" + "".join(f"G{n:05d},{rng.choice(cited)},{1000 * (1 + n % 9)}\n" for n in range(200))
    )
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="bmf")
    eo1 = next(e for e in entities if e.table == "bmf.eo1")
    assert eo1.evidence["same_columns_as"] == ["bmf.eo2"]
    assert "same_names_as" not in eo1.evidence
    # (The union reads eo2's numbers as the nine-digit codes eo1 writes.)
    union = eo1.evidence["parts"]["union"]
    assert await _count(runtime, f"FROM ({union}) WHERE EIN = '010130001' OR EIN = '230000001'") == 2
    edges = _edges(found, "bmf")
    into = {parent: r for (child, cols, parent, _), r in edges.items() if child == "grants" and cols == ("grantmaker_ein",)}
    assert set(into) == set(regions)
    assert all(r.evidence["integrity"] == 1.0 for r in into.values())


async def test_an_event_log_s_timestamp_unique_by_chance_is_no_grain(runtime: Runtime, tmp_path: Path) -> None:
    # Mixpanel's export (event, distinct_id, time in epoch seconds): each event at its own
    # second by chance, users repeating over the rows; de-duplicating on time would merge them.
    rng = random.Random(11)
    seconds = sorted(rng.sample(range(1711929600, 1727395200), 400))
    lines = ["event,distinct_id,time,$browser,plan"] + [
        f"{rng.choice(['Login', 'Report Created', 'Export Clicked'])},user{rng.randrange(60)}@example.com,{t},"
        f"{rng.choice(['Chrome', 'Firefox', 'Safari'])},{rng.choice(['pro', 'team', 'free'])}"
        for t in seconds
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "mixpanel" / "mixpanel_events.csv", lines)
    assert entity.grain_columns is None
    assert entity.evidence["keys"]["unique_by_chance"] == ["time"]


async def test_a_path_out_of_a_parent_on_its_sparse_key_names_the_parent_rows_it_drops(
    runtime: Runtime, tmp_path: Path
) -> None:
    # USAspending: recipients carry the legacy recipient_duns, blank for those registered
    # since 2022; assistance -> recipients -> contracts on it lost a quarter of the awards unsaid.
    folder = tmp_path / "data" / "usa"
    folder.mkdir(parents=True)
    (folder / "recipients.csv").write_text("recipient_uei,recipient_duns,recipient_name\n" + "".join(
        f"UEI{i:09d},{'' if i % 4 == 3 else f'{100000000 + i * 7919}'},Recipient {i}\n" for i in range(40)))
    (folder / "contracts.csv").write_text("contract_transaction_unique_key,recipient_duns,federal_action_obligation\n" + "".join(
        f"CONT_{i:06d},{'' if i % 4 == 3 else f'{100000000 + (i % 40) * 7919}'},{100 + i}.00\n" for i in range(200)))
    (folder / "assistance.csv").write_text("assistance_transaction_unique_key,recipient_uei,federal_action_obligation\n" + "".join(
        f"ASST_{i:06d},UEI{i % 40:09d},{50 + i}.00\n" for i in range(150)))
    service = await _profile(runtime, folder)
    (path, *_) = (await service.join_paths("assistance", "contracts")).paths
    assert [s.from_columns for s in path.steps] == [("recipient_uei",), ("recipient_duns",)]
    assert "Empty references: 10 rows of usa.recipients (25.0%) have no recipient_duns" in " ".join(path.warnings)


async def test_tables_no_path_joins_are_told_the_attributes_they_share(runtime: Runtime, tmp_path: Path) -> None:
    # Toast's time entries and a back office's vendor invoices share no key with the orders,
    # but each names the restaurant's Location (the invoices as "Downtown") and a day: labour
    # and food cost per location and day are asked by aggregating both sides to those first.
    folder = tmp_path / "data" / "pos"
    folder.mkdir(parents=True)
    places = ["Harbor Grill - Downtown", "Harbor Grill - Eastside", "Harbor Grill - Airport"]
    (folder / "orders.csv").write_text("Order Id,Location,Opened,Amount\n" + "".join(
        f"O{i:05d},{places[i % 3]},2023-04-{1 + i % 20:02d} 18:{i % 60:02d}:00,{10 + i % 40}.50\n" for i in range(300)))
    (folder / "invoices.csv").write_text("Vendor,Invoice Date,Amount,Location\n" + "".join(
        f"Sysco {i % 4},2023-04-{1 + i % 10:02d},{500 + i}.00,{places[i % 3].split(' - ')[1]}\n" for i in range(40)))
    service = await _profile(runtime, folder)
    answer = await service.join_paths("invoices", "orders")
    assert answer.paths == []
    notes = [s.note(answer.from_table, answer.to_table) for s in answer.shared]
    assert notes[0].startswith("pos.invoices(Location) and pos.orders(Location): 3 of 3 values meet only as a part")
    assert notes[1].startswith("pos.invoices(Invoice Date) and pos.orders(Opened): 10 of 10 days in common")


async def test_tables_joined_only_through_a_table_both_point_at_are_told_the_code_they_share(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Dunnhumby: coupon redemptions reach the coupons only through campaign_desc on CAMPAIGN
    # (each redemption paired with every coupon of its campaign), while both name the
    # 11-digit COUPON_UPC, which no table is keyed by.
    folder = tmp_path / "data" / "dunnhumby"
    folder.mkdir(parents=True)
    (folder / "campaign_desc.csv").write_text("DESCRIPTION,CAMPAIGN,START_DAY,END_DAY\n" + "".join(
        f"Type{'ABC'[c % 3]},{c},{200 + 40 * c},{240 + 40 * c}\n" for c in range(1, 9)))
    (folder / "coupon.csv").write_text("COUPON_UPC,PRODUCT_ID,CAMPAIGN\n" + "".join(
        f"{10000089000 + i // 3},{27160 + 97 * i},{1 + (i // 3) % 8}\n" for i in range(240)))
    (folder / "coupon_redempt.csv").write_text("household_key,DAY,COUPON_UPC,CAMPAIGN\n" + "".join(
        f"{1 + i % 90},{601 + i % 97},{10000089000 + (i * 7) % 80},{1 + ((i * 7) % 80) % 8}\n" for i in range(300)))
    service = await _profile(runtime, folder)
    answer = await service.join_paths("coupon_redempt", "coupon")
    assert answer.paths
    assert all(any(w.startswith("Chasm trap") for w in p.warnings) for p in answer.paths)
    notes = [s.note(answer.from_table, answer.to_table) for s in answer.shared]
    assert notes[0].startswith("dunnhumby.coupon_redempt(COUPON_UPC) and dunnhumby.coupon(COUPON_UPC): 80 of 80 values")


async def test_an_e_mail_column_written_twice_for_one_customer_is_still_cited(runtime: Runtime, tmp_path: Path) -> None:
    # Chargebee's customers: one address of 600 on two records (a double sign-up), which hid
    # every link from Mixpanel's distinct_id, the e-mail of the user who did the event.
    folder = tmp_path / "data" / "saas"
    folder.mkdir(parents=True)
    emails = [f"user{i}@firm{i % 37}.com" for i in range(300)]
    emails[150] = emails[10]
    (folder / "customers.csv").write_text("Customer Id,Email,Company\n" + "".join(
        f"cust_{i:05d},{email},Firm {i % 37}\n" for i, email in enumerate(emails)))
    (folder / "events.csv").write_text("event,distinct_id,time\n" + "".join(
        f"{['Login', 'Export'][i % 2]},{emails[(i * 7) % 300]},{1711929600 + i * 61}\n" for i in range(900)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="saas")
    link = _edges(found, "saas")[("events", ("distinct_id",), "customers", ("Email",))]
    assert link.evidence["parent_repeats"] == 1
    (path, *_) = (await service.join_paths("events", "customers")).paths
    assert any(w.startswith("Repeats: 1 value of saas.customers(Email) stand on more than one") for w in path.warnings)


async def test_a_details_export_keyed_by_its_entity_s_id_is_that_entity_and_the_fact_of_its_measures(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Toast's POS exports: OrderDetails.csv, one row per Order Id with Amount, Tax, Tip, Total,
    # Opened and Paid, was an "orderdetail" dimension; its items (ItemSelectionDetails, by
    # Item Selection Id) and payments point at it. Northwind's order_details, by an order and a
    # product, are still order lines.
    folder = tmp_path / "data" / "toast"
    folder.mkdir(parents=True)
    orders = [400000012000015512 + 37 * i for i in range(60)]
    (folder / "OrderDetails.csv").write_text("Order Id,Server,Opened,Paid,Amount,Tax,Tip,Total\n" + "".join(
        f"{o},Server {i % 4},2023-04-01 1{i % 10}:05:00,2023-04-01 1{i % 10}:45:00,{10 + i}.50,{i % 3}.10,{i % 5}.00,{14 + i}.60\n"
        for i, o in enumerate(orders)))
    (folder / "ItemSelectionDetails.csv").write_text("Item Selection Id,Order Id,Menu Item,Qty,Net Price\n" + "".join(
        f"{400000013000000043 + n},{orders[n % 60]},Item {n % 9},{1 + n % 2},{5 + n % 7}.25\n" for n in range(180)))
    (folder / "PaymentDetails.csv").write_text("Payment Id,Order Id,Paid Date,Amount\n" + "".join(
        f"{400000014000078530 + n},{o},2023-04-01 12:00:00,{12 + n}.10\n" for n, o in enumerate(orders)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="toast")
    by_table = {e.table: e for e in entities}
    order = by_table["toast.orderdetails"]
    assert (order.entity_type, order.role) == ("order", "dimension")
    assert "the fact table of its measures" in order.evidence["reason"]
    assert by_table["toast.itemselectiondetails"].entity_type == "item selection"
    assert by_table["toast.paymentdetails"].entity_type == "transaction"
    northwind = tmp_path / "data" / "northwind"
    northwind.mkdir(parents=True)
    (northwind / "order_details.csv").write_text("OrderID,ProductID,UnitPrice,Quantity\n" + "".join(
        f"{10248 + n // 3},{1 + (n * 7) % 20},{10 + n % 9}.5,{1 + n % 4}\n" for n in range(90)))
    assert (await _only_entity(runtime, northwind)).entity_type == "order line"


async def test_cdisc_datasets_named_by_their_domain_codes_are_the_records_those_codes_stand_for(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A CDISC submission: SDTM's ae, lb and suppae and ADaM's adsl and adlb were entities "ae",
    # "lb", "suppae", "adsl", "adlb". Each has STUDYID and USUBJID; a file named ae.csv without
    # them (an export of accounting entries) keeps its name.
    folder = tmp_path / "data" / "cdisc"
    folder.mkdir(parents=True)
    subjects = [f"01-701-{1015 + 7 * i}" for i in range(40)]
    (folder / "adsl.csv").write_text("STUDYID,USUBJID,TRT01P,AGE\n" + "".join(
        f"CDISCPILOT01,{u},{('Placebo', 'Xanomeline')[i % 2]},{50 + i % 30}\n" for i, u in enumerate(subjects)))
    for code, test in (("ae", "AEDECOD"), ("lb", "LBTESTCD"), ("adlb", "PARAMCD")):
        (folder / f"{code}.csv").write_text(f"STUDYID,USUBJID,{code[-2:].upper()}SEQ,{test}\n" + "".join(
            f"CDISCPILOT01,{u},{n},TERM {(i + n) % 5}\n" for i, u in enumerate(subjects) for n in (1, 2)))
    (folder / "suppae.csv").write_text("STUDYID,RDOMAIN,USUBJID,IDVAR,IDVARVAL,QNAM,QVAL\n" + "".join(
        f"CDISCPILOT01,AE,{u},AESEQ,1,AETRTEM,Y\n" for u in subjects))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="cdisc")
    assert {e.table: e.entity_type for e in entities} == {
        "cdisc.adsl": "subject",
        "cdisc.ae": "adverse event",
        "cdisc.lb": "lab result",
        "cdisc.adlb": "lab result",
        "cdisc.suppae": "supplemental qualifier",
    }
    other = tmp_path / "data" / "books"
    other.mkdir(parents=True)
    (other / "ae.csv").write_text("entry_no,account,amount\n" + "".join(f"{n},{4000 + n % 9},{10 + n}.5\n" for n in range(60)))
    assert (await _only_entity(runtime, other)).entity_type != "adverse event"


async def test_a_word_all_files_share_is_kept_when_only_a_word_of_the_file_is_left(runtime: Runtime, tmp_path: Path) -> None:
    # Dunnhumby's campaign_desc.csv (a campaign a row, by CAMPAIGN) and campaign_table.csv
    # (households by the campaigns they received) were "desc" and "table", or, beside other
    # files, "campaign desc" and "campaign": the assignments named for the campaigns.
    folder = tmp_path / "data" / "dunnhumby"
    folder.mkdir(parents=True)
    (folder / "campaign_desc.csv").write_text("DESCRIPTION,CAMPAIGN,START_DAY,END_DAY\n" + "".join(
        f"Type{'ABC'[i % 3]},{i},{200 + 10 * i},{240 + 10 * i}\n" for i in range(1, 31)))
    (folder / "campaign_table.csv").write_text("DESCRIPTION,household_key,CAMPAIGN\n" + "".join(
        f"Type{'ABC'[c % 3]},{h},{c}\n" for c in range(1, 31) for h in range(c % 7 + 1, 400, 37)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="dunnhumby")
    kinds = {e.table: e.entity_type for e in entities}
    assert kinds == {"dunnhumby.campaign_desc": "campaign", "dunnhumby.campaign_table": "household campaign"}


async def test_a_warehouse_s_receipts_by_asn_are_goods_received_not_payments(runtime: Runtime, tmp_path: Path) -> None:
    # A WMS's receipts.csv (ASN Number, PO Number, Qty Received) was a "transaction".
    wms = tmp_path / "data" / "wms"
    wms.mkdir(parents=True)
    (wms / "receipts.csv").write_text("ASN Number,PO Number,Item,Qty Expected,Qty Received,Receipt Date\n" + "".join(
        f"ASN{738200 + i},PO-{99000 + i % 17},{300100 + i % 23},120,{90 + i % 30},03/0{1 + i % 9}/2023 11:26\n" for i in range(60)))
    assert (await _only_entity(runtime, wms)).entity_type == "goods receipt"


async def test_a_table_that_larger_facts_point_at_and_that_points_only_at_dimensions_is_a_dimension(
    runtime: Runtime, tmp_path: Path
) -> None:
    # PowerSchool: sections.csv (a course's section, its teacher, room and MaxEnrollment) cites
    # courses and is cited by the cc enrollments, one row per student and section; it was a fact.
    folder = tmp_path / "data" / "k12"
    folder.mkdir(parents=True)
    courses = ["MATH101", "MATH201", "ENG101", "SCI101", "HIST101", "PE100"]
    (folder / "courses.csv").write_text("Course_Number,Course_Name,Credit_Hours\n" + "".join(
        f"{c},Course {c},1.0\n" for c in courses))
    sections = [f"{c}-0{n}" for c in courses for n in range(1, 5)]
    (folder / "sections.csv").write_text("Section_ID,Course_Number,Teacher,Room,MaxEnrollment\n" + "".join(
        f"{s},{s.split('-')[0]},Teacher{i % 7},{100 + i},{25 + i % 6}\n" for i, s in enumerate(sections)))
    (folder / "cc_enrollments.csv").write_text("StudentID,SectionID,DateEnrolled,Percent\n" + "".join(
        f"{100000 + i // 4},{sections[(i * 7) % len(sections)]},2023-08-{21 + i % 5},{60 + i % 40}.5\n" for i in range(400)))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="k12")
    roles = {e.table: e.role for e in entities}
    assert roles == {"k12.courses": "dimension", "k12.sections": "dimension", "k12.cc_enrollments": "fact"}


async def test_a_one_to_one_extension_named_for_an_entity_of_its_own_keeps_it(runtime: Runtime, tmp_path: Path) -> None:
    # FedEx's invoice detail, one row per Express or Ground Tracking ID, each the Tracking Number
    # of one of a WMS's orders: it was labelled "order", its partner's entity.
    folder = tmp_path / "data" / "shipping"
    folder.mkdir(parents=True)
    tracking = [881546913136 + 7919 * i for i in range(120)]
    (folder / "orders.csv").write_text("Order Number,Customer,Order Date,Tracking Number\n" + "".join(
        f"SO-{100000 + i},Cust{i % 13},2023-03-{1 + i % 28:02d},{t}\n" for i, t in enumerate(tracking)))
    (folder / "fedex_invoice.csv").write_text(
        "Invoice Number,Express or Ground Tracking ID,Service Type,Net Charge Amount\n" + "".join(
            f"7-894-{i // 10:05d},{t},FedEx 2Day,{12 + i % 40}.{i % 100:02d}\n" for i, t in enumerate(tracking[:90])))
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="shipping")
    invoice = next(e for e in entities if e.table == "shipping.fedex_invoice")
    assert invoice.evidence.get("split_of") == "shipping.orders"
    assert invoice.entity_type == "invoice"


def _football(folder: Path, *, crosswalk: bool) -> Path:
    """StatsBomb's matches, lineups and events (the Half Start events name no player) and,
    with ``crosswalk``, Transfermarkt's players and appearances reached through a crosswalk
    of ids: the day of a match is all the two sides share (Transfermarkt's game_id is not
    StatsBomb's match_id)."""
    folder.mkdir(parents=True)
    days = [f"2022-{8 + m // 16:02d}-{1 + m % 16:02d}" for m in range(30)]
    (folder / "matches.csv").write_text("match_id,match_date,home_team\n" + "".join(
        f"{3837100 + 13 * m},{days[m]},Team {m % 7}\n" for m in range(30)))
    (folder / "lineups.csv").write_text("match_id,player_id,jersey_number\n" + "".join(
        f"{3837100 + 13 * m},{5000 + 37 * p},{1 + p}\n" for m in range(30) for p in range(m % 5, m % 5 + 14)))
    events = [
        f"{3837100 + 13 * m},{'' if e < 2 else 5000 + 37 * (m % 5 + e % 14)},{'Half Start' if e < 2 else 'Pass'}\n"
        for m in range(30) for e in range(20)
    ]
    (folder / "events.csv").write_text("event_index,match_id,player_id,type\n" + "".join(
        f"{i},{line}" for i, line in enumerate(events)))
    if crosswalk:
        (folder / "id_crosswalk.csv").write_text("statsbomb_id,transfermarkt_id\n" + "".join(
            f"{5000 + 37 * p},{28003 + 911 * p}\n" for p in range(18)))
        (folder / "players.csv").write_text("player_id,name\n" + "".join(f"{28003 + 911 * p},Player {p}\n" for p in range(18)))
        (folder / "appearances.csv").write_text("appearance_id,game_id,player_id,date,minutes_played\n" + "".join(
            f"{3900000 + 7 * m}_{28003 + 911 * p},{3900000 + 7 * m},{28003 + 911 * p},{days[m]},{60 + p}\n"
            for m in range(30) for p in range(m % 5, m % 5 + 11)))
    return folder


async def test_tables_meeting_past_a_crosswalk_of_ids_are_told_the_day_they_share(runtime: Runtime, tmp_path: Path) -> None:
    # StatsBomb's matches reach Transfermarkt's appearances only through the lineups, a
    # crosswalk of ids (1:1 onto the players) and the players: every player's appearances pair
    # with every match he played, while both tables record the day of the match.
    service = await _profile(runtime, _football(tmp_path / "data" / "football", crosswalk=True))
    answer = await service.join_paths("matches", "appearances")
    assert answer.paths
    assert all(any(w.startswith("Chasm trap") for w in p.warnings) for p in answer.paths)
    notes = [s.note(answer.from_table, answer.to_table) for s in answer.shared]
    assert "football.matches(match_date) and football.appearances(date): 30 of 30 days in common" in " ".join(notes)


async def test_a_composite_step_counts_the_rows_with_a_part_of_its_key_empty(runtime: Runtime, tmp_path: Path) -> None:
    # StatsBomb's events point at the lineups on (match_id, player_id); its Half Start events
    # name the match but no player, and an inner join drops them beside any orphans. From the
    # lineups, those events are never reached, so nothing is said of them leaving on player_id.
    service = await _profile(runtime, _football(tmp_path / "data" / "football", crosswalk=False))
    answer = await service.join_paths("events", "lineups")
    (step,) = answer.paths[0].steps
    assert step.from_columns == ("match_id", "player_id")
    assert "Empty references: 60 rows of football.events (10.0%) have no match_id or player_id; an inner JOIN drops them" in (
        " ".join(answer.paths[0].warnings)
    )
