"""find_join_path, get_relationships and the reviews through a real in-process MCP client."""

from __future__ import annotations

from pathlib import Path

from mcp import Client

from datadossier.sample import write_sample
from datadossier.server.app import build_server
from tests.server.helpers import error_text, make_settings, structured


async def test_an_agent_asks_how_to_join_right_after_profiling(tmp_path: Path, store_url: str) -> None:
    shop = tmp_path / "data" / "shop"
    write_sample(shop)
    settings = make_settings(tmp_path, store_url)
    async with Client(build_server(settings), raise_exceptions=True, cache=None) as client:
        structured(await client.call_tool("profile_table", {"target": str(shop)}))
        answer = structured(
            await client.call_tool("find_join_path", {"from_table": "order_items", "to_table": "customers"})
        )
        assert answer["found"] is True
        assert answer["discovery"]["ran"] is True
        best = answer["paths"][0]
        assert best["hops"] == 2
        assert best["cardinality"] == "n:1"
        assert [(s["from_columns"], s["to_columns"]) for s in best["steps"]] == [
            (["order_id"], ["order_id"]),
            (["cust_id"], ["customer_id"]),
        ]
        assert 'JOIN "typed"."shop.customers"' in best["sql"]
        assert any("Orphans" in w for w in best["warnings"])
        # The SQL runs where the answer says, read-only beside the server.
        assert str(settings.duckdb_path) in answer["sql_runs_in"]
        import duckdb

        with duckdb.connect(str(settings.duckdb_path), read_only=True) as con:
            assert con.execute(f"SELECT count(*) > 0 {best['sql']}").fetchone() == (True,)
        same = structured(await client.call_tool("find_join_path", {"from_table": "orders", "to_table": "shop.orders"}))
        assert "both ends" in same["message"]
        # Connected, but by more joins than allowed: said so, not "not connected".
        far = structured(
            await client.call_tool("find_join_path", {"from_table": "order_items", "to_table": "customers", "max_hops": 1})
        )
        assert far["found"] is False
        assert "raise max_hops" in far["message"]
        # From the parent: a LEFT JOIN would keep customers without orders, not the orphans.
        back = structured(await client.call_tool("find_join_path", {"from_table": "customers", "to_table": "order_items"}))
        orphans = next(w for w in back["paths"][0]["warnings"] if w.startswith("Orphans"))
        assert orphans.endswith("a RIGHT JOIN keeps them (or start from shop.orders).")

        listed = structured(await client.call_tool("get_relationships", {"table": "shop.orders"}))
        assert listed["discovery"]["ran"] is False  # nothing changed since
        pairs = {(r["from_table"], r["to_table"]) for r in listed["relationships"]}
        assert pairs == {("shop.order_items", "shop.orders"), ("shop.orders", "shop.customers")}
        assert [t["table"] for t in listed["tables"]] == ["shop.orders"]
        assert listed["tables"][0]["grain"] == ["order_id"]
        link = next(r for r in listed["relationships"] if r["from_table"] == "shop.orders")
        assert link["evidence"]["orphan_rows"] > 0

        meta = structured(await client.call_tool("get_column_metadata", {"table": "shop.orders"}))
        columns = {c["name"]: c for c in meta["columns"]}
        assert columns["cust_id"]["references"][0].startswith("shop.customers(customer_id) n:1")
        assert columns["order_id"]["referenced_by"][0].startswith("shop.order_items(order_id) n:1")
        assert meta["entity"]["grain"] == ["order_id"]
        assert meta["entity"]["role"] == "fact"

        rejected = structured(await client.call_tool("reject_relationship", {"relationship_id": link["id"], "note": "test"}))
        assert rejected["relationship"]["status"] == "rejected"
        after = structured(
            await client.call_tool("find_join_path", {"from_table": "order_items", "to_table": "customers"})
        )
        assert after["found"] is False
        groups = after["disconnected_groups"]
        assert ["shop.customers", "shop.events"] in groups
        assert after["message"].startswith("No join path")

        bad = await client.call_tool("confirm_relationship", {"relationship_id": "not-an-id"})
        assert bad.is_error
        assert "What to do" in error_text(bad)
        missing = await client.call_tool("find_join_path", {"from_table": "shop.orders", "to_table": "shop.nothing"})
        assert missing.is_error
        assert "What to do" in error_text(missing)


async def test_a_table_s_entry_leaves_out_the_fields_it_has_no_value_for(tmp_path: Path, store_url: str) -> None:
    # Toast's PaymentDetails, keyed by its Payment Id: its entity block listed about 15 empty
    # fields ("near_key": null, "parts": null, "same_columns_as": [] ...) after the few that said something.
    shop = tmp_path / "data" / "shop"
    write_sample(shop)
    settings = make_settings(tmp_path, store_url)
    async with Client(build_server(settings), raise_exceptions=True, cache=None) as client:
        structured(await client.call_tool("profile_table", {"target": str(shop)}))
        answer = structured(await client.call_tool("get_relationships", {"source": "shop"}))
        meta = structured(await client.call_tool("get_column_metadata", {"table": "shop.orders"}))
    always = {"table", "entity_type", "role", "grain", "confidence", "reason", "candidate_keys"}  # (required)
    orders = next(t for t in answer["tables"] if t["table"] == "shop.orders")
    for entity in (orders, meta["entity"]):
        assert entity["grain"] == ["order_id"]
        assert set(entity) == always
    assert all(v not in (None, [], {}) for t in answer["tables"] for k, v in t.items() if k not in always)


async def test_a_folder_of_many_parts_describes_the_group_once(tmp_path: Path, store_url: str) -> None:
    # A folder of daily exports alike: each table's entry named the others and held the whole
    # group, so the answer grew with the square of the files (2.7 MB for 120).
    folder = tmp_path / "data" / "daily"
    folder.mkdir(parents=True)
    for day in range(1, 21):
        (folder / f"export_2024-01-{day:02d}.csv").write_text(
            "order_id,amount\n" + "".join(f"{day * 1000 + i},{i}.5\n" for i in range(5))
        )
    settings = make_settings(tmp_path, store_url)
    async with Client(build_server(settings), raise_exceptions=True, cache=None) as client:
        structured(await client.call_tool("profile_table", {"target": str(folder)}))
        answer = structured(await client.call_tool("get_relationships", {"source": "daily"}))
    tables = answer["tables"]
    assert len(tables) == 20
    assert all(len(t["same_columns_as"]) == 12 and t["same_columns_count"] == 19 for t in tables)
    holders = [t for t in tables if "described_with" not in (t["parts"] or {})]
    assert len(holders) == 1
    assert holders[0]["parts"]["count"] == 20
    assert len(holders[0]["parts"]["tables"]) == 12
    assert {t["parts"]["described_with"] for t in tables if t is not holders[0]} == {holders[0]["table"]}


async def test_a_table_added_to_the_folder_since_is_profiled_and_the_discovery_said_to_run(
    tmp_path: Path, store_url: str
) -> None:
    # Stripe's refunds saved into the folder after its profile: find_join_path profiled them and
    # found their link, but said the discovery did not run.
    folder = tmp_path / "data" / "stripe"
    folder.mkdir(parents=True)
    (folder / "customers.csv").write_text("id,email\n" + "".join(f"cus_{i:04d},c{i}@x.io\n" for i in range(40)))
    (folder / "charges.csv").write_text("id,customer_id,amount\n" + "".join(f"ch_{i:05d},cus_{i % 40:04d},{i}.50\n" for i in range(200)))
    settings = make_settings(tmp_path, store_url)
    async with Client(build_server(settings), raise_exceptions=True, cache=None) as client:
        structured(await client.call_tool("profile_table", {"target": str(folder)}))
        structured(await client.call_tool("get_relationships", {"source": "stripe"}))
        (folder / "refunds.csv").write_text("id,charge_id,amount\n" + "".join(f"re_{i:04d},ch_{3 * i:05d},{i}.50\n" for i in range(30)))
        answer = structured(await client.call_tool("find_join_path", {"from_table": "refunds", "to_table": "stripe.customers"}))
    assert answer["found"] is True
    assert answer["discovery"]["profiled"] == ["stripe.refunds"]
    assert answer["discovery"]["ran"] is True
    assert answer["discovery"]["seconds"] > 0


async def test_a_table_profiled_again_leaves_out_the_grain_found_before_until_discovered_again(
    tmp_path: Path, store_url: str
) -> None:
    # A daily GA4 events extract: keyed by session_id on the first day, it gained several
    # events per session the next; the column metadata still said `grain: session_id`.
    folder = tmp_path / "data" / "ga4"
    folder.mkdir(parents=True)
    events = folder / "events.csv"
    events.write_text("session_id,event_name,value\n" + "".join(f"{100 + i},e{i % 3},{i}\n" for i in range(30)))
    settings = make_settings(tmp_path, store_url)
    async with Client(build_server(settings), raise_exceptions=True, cache=None) as client:
        structured(await client.call_tool("profile_table", {"target": str(folder)}))
        structured(await client.call_tool("get_relationships", {"source": "ga4"}))
        first = structured(await client.call_tool("get_column_metadata", {"table": "ga4.events"}))
        assert first["entity"]["grain"] == ["session_id"]
        assert first.get("relationships_stale") is None
        events.write_text("session_id,event_name,value\n" + "".join(f"{100 + i // 3},e{i % 3},{i}\n" for i in range(30)))
        structured(await client.call_tool("profile_table", {"target": str(events)}))
        again = structured(await client.call_tool("get_column_metadata", {"table": "ga4.events"}))
        assert again.get("entity") is None
        assert "profiled again after its keys and relationships were discovered" in again["relationships_stale"]
        structured(await client.call_tool("get_relationships", {"source": "ga4"}))
        found = structured(await client.call_tool("get_column_metadata", {"table": "ga4.events"}))
    assert found["entity"]["grain"] == ["session_id", "event_name"]
    assert found.get("relationships_stale") is None


async def test_answers_without_a_path_and_lists_of_links_say_where_the_typed_tables_live(
    tmp_path: Path, store_url: str
) -> None:
    # A 3PL's order lines and item master without a link (here the sample's order items and its
    # customers, beyond one join): the answer says to aggregate both
    # sides and join there, and an agent checking a link's evidence queries the typed tables
    # too; both need the DuckDB file, null in every get_relationships answer before.
    shop = tmp_path / "data" / "shop"
    write_sample(shop)
    settings = make_settings(tmp_path, store_url)
    async with Client(build_server(settings), raise_exceptions=True, cache=None) as client:
        structured(await client.call_tool("profile_table", {"target": str(shop)}))
        far = structured(
            await client.call_tool("find_join_path", {"from_table": "order_items", "to_table": "customers", "max_hops": 1})
        )
        assert far["found"] is False
        assert str(settings.duckdb_path) in far["sql_runs_in"]
        listed = structured(await client.call_tool("get_relationships", {"table": "shop.orders"}))
        assert str(settings.duckdb_path) in listed["sql_runs_in"]
