"""Links of real estate and power market exports onto the tables that list what they name:
assessor rolls, ZIP tables, node maps (the helpers and the store fixtures of `test_discovery`)."""

from __future__ import annotations

import random
from pathlib import Path

from datadossier.runtime import Runtime
from datadossier.server.tools.relationship_models import RelationshipOut
from tests.enrichment.test_discovery import _count, _edges, _profile, runtime

__all__ = ["runtime"]  # (the fixture, shared)

_PINS = [
    "14-28-122-005-0000", "14-28-122-006-0000", "14-29-301-017-0000", "17-03-210-044-1012",
    "17-03-210-044-1013", "20-11-402-031-0000", "20-14-118-009-0000", "25-02-309-021-0000",
]


def _roll(year: int) -> str:
    """A Cook County assessor roll of one tax year, by PIN."""
    return "PIN,Tax Year,Property Class,Total Assessed Value\n" + "".join(
        f'{pin},{year},2-{11 - i % 3:02d},"{12 + 3 * i},{100 + 50 * i}"\n' for i, pin in enumerate(_PINS)
    )


async def test_an_mls_parcel_number_links_to_the_assessor_roll_s_pin(runtime: Runtime, tmp_path: Path) -> None:
    # RESO's listings name the parcel ParcelNumber, Cook County's roll PIN: six listings of
    # five dashed parcels found no link, though named PIN they did.
    folder = tmp_path / "data" / "mls"
    folder.mkdir(parents=True)
    (folder / "roll_2023.csv").write_text(_roll(2023))
    cited = [_PINS[0], _PINS[1], _PINS[3], _PINS[5], _PINS[7], _PINS[0]]
    (folder / "listings.csv").write_text("ListingId,ListPrice,ParcelNumber\n" + "".join(
        f'ML{81923456 + i},"${500 + 25 * i},000",{pin}\n' for i, pin in enumerate(cited)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="mls")
    assert ("listings", ("ParcelNumber",), "roll_2023", ("PIN",)) in _edges(found, "mls")


async def test_a_postal_code_with_zip_plus_fours_on_some_rows_links_to_the_zip_table(runtime: Runtime, tmp_path: Path) -> None:
    # An MLS's PostalCode writes the ZIP+4 (98103-2345) on a third of its listings, the ZIP
    # table the five digits: no link at all, the +4s outnumbering the ZIPs.
    rng = random.Random(21)
    zips = [f"98{n:03d}" for n in (4, 101, 103, 105, 107, 112, 115, 117, 118, 122)]
    folder = tmp_path / "data" / "mls"
    folder.mkdir(parents=True)
    (folder / "zip_codes.csv").write_text("ZIP,City\n" + "".join(f"{z},Seattle\n" for z in zips))
    written = [z if i % 3 else f"{z}-{rng.randint(1000, 9999)}" for i, z in enumerate(rng.choice(zips) for _ in range(300))]
    (folder / "listings.csv").write_text("ListingId,ListPrice,PostalCode\n" + "".join(
        f'ML{81923456 + i},"${400 + i},000",{w}\n' for i, w in enumerate(written)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="mls")
    link = _edges(found, "mls")[("listings", ("PostalCode",), "zip_codes", ("ZIP",))]
    assert link.evidence["normalizations"] == ["zip_plus_four"]
    assert link.evidence["orphan_rows"] == 0
    (path, *_) = (await service.join_paths("listings", "zip_codes")).paths
    assert await _count(runtime, path.sql) == 300
    assert any("ZIP+4" in w for w in path.warnings)


async def test_a_reference_into_yearly_snapshots_keyed_alike_links_to_every_year_holding_it(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A county's assessor roll, one file per tax year, each by PIN (the same parcels in both):
    # listings' PIN was linked to the 2022 roll alone, and the join path to the 2023 roll
    # said "not connected", advising to aggregate though a PIN names one row there.
    folder = tmp_path / "data" / "county"
    folder.mkdir(parents=True)
    for year in (2022, 2023):
        (folder / f"roll_{year}.csv").write_text(_roll(year))
    cited = [_PINS[0], _PINS[1], _PINS[3], _PINS[5], _PINS[7], _PINS[0]]
    (folder / "listings.csv").write_text("ListingId,ListPrice,PIN\n" + "".join(
        f'ML{81923456 + i},"${500 + 25 * i},000",{pin}\n' for i, pin in enumerate(cited)))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="county")
    into = {parent: r for (child, _, parent, _), r in _edges(found, "county").items() if child == "listings"}
    assert set(into) == {"roll_2022", "roll_2023"}
    assert all("repeated_over_parts" in r.evidence["parts_union"] for r in into.values())
    assert {e.table: e.role for e in entities}["county.roll_2023"] == "dimension"
    (path, *_) = (await service.join_paths("listings", "roll_2023")).paths
    assert await _count(runtime, path.sql) == 6


async def test_a_plant_node_map_describes_the_pnodes_of_hourly_prices_and_selects_plants_of_an_inventory(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A trading desk's plant_node_map: one row per plant it trades, a PJM pnode_id for its PJM
    # plants alone. PJM's hourly prices repeat 9 pnodes, 4 of them the map's: no link. EIA-860's
    # generator inventory names 120 plants, 6 of them the map's: linked to it at 0.79 with no
    # partial-parent flag, which made the inventory a "fact".
    rng = random.Random(22)
    folder = tmp_path / "data" / "desk"
    folder.mkdir(parents=True)
    pnodes = [32417, 1124877, 2156111, 5413143, 51288, 34497, 33092, 116013751, 1269364670]
    (folder / "pjm_da_hrl_lmps.csv").write_text("datetime_beginning_ept,pnode_id,pnode_name,total_lmp_da\n" + "".join(
        f"3/11/2023 {h}:00,{p},NODE {p},{rng.uniform(20, 60):.4f}\n" for h in range(24) for p in pnodes))
    plants = rng.sample(range(100, 60000), 120)
    (folder / "generators.csv").write_text("Plant Code,Generator ID,Technology,Nameplate Capacity (MW)\n" + "".join(
        f"{p},GT{g},Natural Gas Fired Combined Cycle,{rng.uniform(50, 400):.1f}\n" for p in plants for g in range(1, 1 + p % 3 + 1)))
    mapped = [(plant, pnodes[i] if i < 4 else "") for i, plant in enumerate(plants[:6])]
    (folder / "plant_node_map.csv").write_text("Plant Code,node name,pnode_id,iso\n" + "".join(
        f"{plant},NODE {plant},{pnode},{'PJM' if pnode else 'CAISO'}\n" for plant, pnode in mapped))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="desk")
    edges = _edges(found, "desk")
    prices = edges[("pjm_da_hrl_lmps", ("pnode_id",), "plant_node_map", ("pnode_id",))]
    assert prices.cardinality == "n:1"
    assert RelationshipOut.of(prices).evidence["parent_found_in_child"] == 1.0
    assert ("generators", ("Plant Code",), "plant_node_map", ("Plant Code",)) not in edges
    assert edges[("plant_node_map", ("Plant Code",), "generators", ("Plant Code",))].relationship_type == "semantic"
    assert {e.table: e.role for e in entities}["desk.generators"] != "fact"
