"""Keys and links of telecom, IoT, historian and HR exports, through the real pipeline (the
helpers and the store fixtures of `test_discovery`)."""

from __future__ import annotations

import random
from pathlib import Path

from datadossier.runtime import Runtime
from tests.enrichment.test_discovery import _count, _edges, _profile, runtime

__all__ = ["runtime"]  # (the fixture, shared)


def _cells(rng: random.Random, count: int) -> list[int]:
    return rng.sample(range(10000, 65535), count)


async def test_a_cdr_s_cell_id_links_to_the_cell_inventory_named_alike(runtime: Runtime, tmp_path: Path) -> None:
    # A mobile operator's CDRs name the serving cell CELL_ID, as its cell inventory does:
    # "cell" was read as a mobile phone's, and a phone number is no reference.
    rng = random.Random(6)
    cells = _cells(rng, 30)
    folder = tmp_path / "data" / "cdr"
    folder.mkdir(parents=True)
    (folder / "cells.csv").write_text("CELL_ID,SITE_NAME,TECH\n" + "".join(f"{c},LDN{i:04d},4G\n" for i, c in enumerate(cells)))
    (folder / "cdr.csv").write_text("RECORD_SEQ,CALL_TYPE,CELL_ID,DURATION\n" + "".join(
        f"{i},MOC,{rng.choice(cells)},{rng.randint(0, 900)}\n" for i in range(1, 301)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="cdr")
    assert ("cdr", ("CELL_ID",), "cells", ("CELL_ID",)) in _edges(found, "cdr")


async def test_a_cell_inventory_is_keyed_by_its_ci_which_the_cdr_s_cell_id_names(runtime: Runtime, tmp_path: Path) -> None:
    # A cell inventory by LAC and CI (3GPP's cell identity, unique numbers over 0..65535, not
    # the file's first column): it was keyed by its site's name, or by nothing.
    rng = random.Random(7)
    cells = _cells(rng, 40)
    folder = tmp_path / "data" / "oss"
    folder.mkdir(parents=True)
    (folder / "cells.csv").write_text("LAC,CI,SITE_NAME,AZIMUTH,TECH\n" + "".join(
        f"{1201 + i % 4},{c},LDN{i:04d},{120 * (i % 3)},4G\n" for i, c in enumerate(cells)))
    (folder / "calls.csv").write_text("RECORD_SEQ,LAC,CELL_ID,DURATION\n" + "".join(
        f"{i},{1201 + cells.index(c) % 4},{c},{rng.randint(0, 900)}\n" for i, c in ((i, rng.choice(cells)) for i in range(1, 201))))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="oss")
    assert {e.table: e.grain_columns for e in entities}["oss.cells"] == ["CI"]
    assert ("calls", ("CELL_ID",), "cells", ("CI",)) in _edges(found, "oss")


async def test_single_cell_barcodes_under_cell_id_link_the_counts_to_the_cells(runtime: Runtime, tmp_path: Path) -> None:
    # scRNA-seq metadata keyed by cell_id barcodes (AAACCTGAGC...T), the counts by cell and gene.
    rng = random.Random(8)
    barcodes = [f"AAACCTGAGC{rng.randint(100000, 999999)}T" for _ in range(40)]
    folder = tmp_path / "data" / "sc"
    folder.mkdir(parents=True)
    (folder / "cells.csv").write_text("cell_id,cluster,n_genes\n" + "".join(f"{b},{i % 5},{rng.randint(500, 4000)}\n" for i, b in enumerate(barcodes)))
    (folder / "counts.csv").write_text("cell_id,gene,umi\n" + "".join(f"{b},G{g},{rng.randint(1, 60)}\n" for b in barcodes for g in range(5)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="sc")
    assert ("counts", ("cell_id",), "cells", ("cell_id",)) in _edges(found, "sc")


async def test_a_tag_name_references_the_pi_points_file_keyed_by_tag(runtime: Runtime, tmp_path: Path) -> None:
    # An OSIsoft PI archive export by TagName and Timestamp beside the PI point list keyed by
    # Tag, a file named for PI's points, not its tags: nothing linked them.
    folder = tmp_path / "data" / "pi"
    folder.mkdir(parents=True)
    tags = [f"{kind}-{100 + i}.PV" for i in range(8) for kind in ("FIC", "TI", "PI", "LI")]
    (folder / "pi_points.csv").write_text("Tag,Descriptor,EngUnits\n" + "".join(f"{t},Point {i},m3/h\n" for i, t in enumerate(tags)))
    (folder / "pi_archive.csv").write_text("TagName,Timestamp,Value\n" + "".join(
        f"{t},01-Apr-23 10:{m:02d}:00,{20 + i + m / 10:.1f}\n" for m in range(5) for i, t in enumerate(tags)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="pi")
    assert ("pi_archive", ("TagName",), "pi_points", ("Tag",)) in _edges(found, "pi")


async def test_a_flattened_json_path_s_last_field_names_the_key_written_in_another_case(
    runtime: Runtime, tmp_path: Path
) -> None:
    # The Things Network's uplinks exported from its console name the device
    # end_device_ids.dev_eui in capitals (70B3D57ED005BE6B); the device registry writes dev_eui
    # in lower case. Either difference alone linked; both together did not.
    rng = random.Random(11)
    euis = [f"70b3d57ed005{rng.randrange(16**4):04x}" for _ in range(20)]
    folder = tmp_path / "data" / "ttn"
    folder.mkdir(parents=True)
    (folder / "devices.csv").write_text("dev_eui,name\n" + "".join(f"{e},Sensor {i}\n" for i, e in enumerate(euis)))
    (folder / "uplinks.csv").write_text("received_at,end_device_ids.dev_eui,uplink_message.f_cnt\n" + "".join(
        f"2023-04-01T{i // 60 % 24:02d}:{i % 60:02d}:{i % 7:02d}.123456Z,{rng.choice(euis).upper()},{100 + i}\n" for i in range(200)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="ttn")
    link = _edges(found, "ttn")[("uplinks", ("end_device_ids.dev_eui",), "devices", ("dev_eui",))]
    assert link.evidence["normalized_integrity"] == 1.0


async def test_an_uplink_s_payload_is_no_key_its_receive_time_is(runtime: Runtime, tmp_path: Path) -> None:
    # The Things Network's uplinks: each device's frame counter, the time received and the
    # sensor's reading as frm_payload (8 characters of base64, unique while readings differ).
    # The table was keyed by the payload.
    import base64

    rng = random.Random(12)
    devices = [f"70B3D57ED005{rng.randrange(16**4):04X}" for _ in range(10)]
    rows = [
        f"2023-04-01T{i // 60 % 24:02d}:{i % 60:02d}:{rng.randrange(60):02d}.{rng.randrange(10**9):09d}Z,{devices[i % 10]},"
        f"{100 + i // 10},{base64.b64encode(rng.randbytes(6)).decode()},{-rng.randint(60, 120)}"
        for i in range(300)
    ]
    folder = tmp_path / "data" / "ttn"
    folder.mkdir(parents=True)
    (folder / "uplinks.csv").write_text("received_at,dev_eui,f_cnt,frm_payload,rssi\n" + "\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="ttn")
    (entity,) = entities
    assert entity.grain_columns in (["received_at"], ["dev_eui", "f_cnt"])


async def test_single_letter_band_codes_of_two_lookups_are_no_link_without_names(runtime: Runtime, tmp_path: Path) -> None:
    # FedScope's lookups of age bands (AGELVL A..K, Z) and salary bands (SALLVL A..P, Z): the
    # ages were linked to the salaries by their letters alone. The cube's AGELVL still links.
    folder = tmp_path / "data" / "fedscope"
    folder.mkdir(parents=True)
    ages = [*"ABCDEFGHIJK", "Z"]
    salaries = [*"ABCDEFGHIJKLMNOP", "Z"]
    (folder / "DTagelvl.txt").write_text("AGELVL,AGELVLT\n" + "".join(f"{a},{a}-Age band {i}\n" for i, a in enumerate(ages)))
    (folder / "DTsallvl.txt").write_text("SALLVL,SALLVLT\n" + "".join(f"{s},{s}-Salary band {i}\n" for i, s in enumerate(salaries)))
    rng = random.Random(3)
    (folder / "FACTDATA.txt").write_text("AGYSUB,AGELVL,SALLVL,EMPLOYMENT\n" + "".join(
        f"VA{rng.randint(10, 99)},{rng.choice(ages)},{rng.choice(salaries)},1\n" for _ in range(300)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="fedscope")
    edges = _edges(found, "fedscope")
    assert not {("dtagelvl", ("AGELVL",), "dtsallvl", ("SALLVL",)), ("dtsallvl", ("SALLVL",), "dtagelvl", ("AGELVL",))} & set(edges)
    assert {("factdata", ("AGELVL",), "dtagelvl", ("AGELVL",)), ("factdata", ("SALLVL",), "dtsallvl", ("SALLVL",))} <= set(edges)


async def test_a_manager_id_references_the_employee_number_sign_of_its_own_table(runtime: Runtime, tmp_path: Path) -> None:
    # BambooHR's custom report keys its people by "Employee #", their managers under "Manager
    # ID": the hierarchy was found under "Employee ID" only.
    folder = tmp_path / "data" / "bamboo"
    folder.mkdir(parents=True)
    rows = [f"{i},Worker {i},{'' if i == 1 else 1 + (i * 7) % (i - 1)}" for i in range(1, 41)]
    (folder / "employees.csv").write_text("Employee #,Name,Manager ID\n" + "\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="bamboo")
    link = _edges(found, "bamboo")[("employees", ("Manager ID",), "employees", ("Employee #",))]
    assert link.relationship_type == "hierarchy"


async def test_a_timecard_is_keyed_by_person_punch_date_and_clock_in_time(runtime: Runtime, tmp_path: Path) -> None:
    # Kronos/UKG punches: two In/Out pairs a day around lunch, the In a time of day. The
    # person, the day and the In tell every row apart, but the table got no grain.
    rows = [
        f"{100001 + p},4/{3 + d}/2023,{start},{end},4.00,REG"
        for p in range(5) for d in range(4) for start, end in (("8:00 AM", "12:00 PM"), ("12:30 PM", "4:30 PM"))
    ]
    folder = tmp_path / "data" / "kronos"
    folder.mkdir(parents=True)
    (folder / "timecard.csv").write_text("Person Number,Punch Date,In,Out,Hours,Pay Code\n" + "\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="kronos")
    (entity,) = entities
    assert entity.grain_columns == ["Person Number", "Punch Date", "In"]


async def test_hourly_counts_by_station_day_and_an_hour_of_the_clock_are_keyed_by_them(runtime: Runtime, tmp_path: Path) -> None:
    # Traffic counts by station, count_date and hour written 1:00..24:00 (a TIME): the same
    # file with hours 0..23 was keyed by the three, this one by nothing.
    rng = random.Random(4)
    rows = [
        f"{station},04/{day:02d}/2023,{hour}:00,{rng.randint(100, 900)}"
        for station in ("000123", "000456", "000789") for day in (1, 2, 3) for hour in range(1, 13)
    ]
    folder = tmp_path / "data" / "traffic"
    folder.mkdir(parents=True)
    (folder / "counts.csv").write_text("station_id,count_date,hour,volume\n" + "\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="traffic")
    (entity,) = entities
    assert entity.grain_columns == ["station_id", "count_date", "hour"]


async def test_a_set_that_tells_every_row_apart_by_chance_asks_for_no_more_columns(runtime: Runtime, tmp_path: Path) -> None:
    # NOAA's ISD-lite, without a header: year, month, day, hour and readings. The day and hour
    # tell the 12 rows apart but are no key, and the reason asked for more columns.
    rows = [f"2023 04 {1 + h // 24:02d} {h % 24:02d} {100 + h * 7:5d} {-60 + h:5d} 10150" for h in range(0, 48, 4)]
    folder = tmp_path / "data" / "isd"
    folder.mkdir(parents=True)
    (folder / "isd.txt").write_text("\n".join(rows) + "\n")
    service = await _profile(runtime, folder)
    _, entities, _ = await service.relationships(source="isd")
    (entity,) = entities
    keys = entity.evidence["keys"]
    assert (entity.grain_columns, keys["closest_key_values"], keys["closest_key_unique"]) == (None, 12, True)
    assert "more columns than that" not in keys["reason"]


async def test_a_cdr_links_its_caller_to_the_subscribers_grain_beside_its_handset_s_imei(runtime: Runtime, tmp_path: Path) -> None:
    # A CDR names the calling subscriber (A_NUMBER, the subscribers' MSISDN) and the handset
    # (IMEI, another key of theirs): only the IMEI link was kept, and a SIM moved to a new
    # phone loses its calls on it.
    rng = random.Random(5)
    subscribers = [(f"4477009{rng.randrange(10**5):05d}", f"{rng.choice(['01', '35', '86'])}{rng.randrange(10**13):013d}") for _ in range(50)]
    folder = tmp_path / "data" / "telco"
    folder.mkdir(parents=True)
    (folder / "subscribers.csv").write_text("MSISDN,IMEI,TARIFF_PLAN\n" + "".join(f"{m},{i},PAYG10\n" for m, i in subscribers))
    (folder / "cdr.csv").write_text("RECORD_SEQ,A_NUMBER,IMEI,DURATION\n" + "".join(
        f"{n},{m},{i},{rng.randint(0, 900)}\n" for n, (m, i) in enumerate((rng.choice(subscribers) for _ in range(300)), 1)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="telco")
    edges = _edges(found, "telco")
    assert {("cdr", ("A_NUMBER",), "subscribers", ("MSISDN",)), ("cdr", ("IMEI",), "subscribers", ("IMEI",))} <= set(edges)


async def test_an_spc_file_s_few_part_numbers_link_to_the_material_master(runtime: Runtime, tmp_path: Path) -> None:
    # An SPC export per part holds three part numbers (Part No: MAT-6100, MAT-4711, MAT-8800),
    # all in SAP's material master keyed by Material: three codes said too little, and a part
    # was no material by name.
    rng = random.Random(11)
    materials = [f"MAT-{n}" for n in rng.sample(range(1000, 9999), 10)]
    folder = tmp_path / "data" / "mes"
    folder.mkdir(parents=True)
    (folder / "materials.csv").write_text("Material,Description,Base UoM\n" + "".join(f"{m},Part {m},PC\n" for m in materials))
    (folder / "spc_measurements.csv").write_text("Part No,Characteristic,Measured,Sample Time\n" + "".join(
        f"{materials[i % 3]},Bore Dia,{12 + rng.uniform(-0.01, 0.01):.4f},2023-04-01 06:{i:02d}:00\n" for i in range(60)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="mes")
    assert ("spc_measurements", ("Part No",), "materials", ("Material",)) in _edges(found, "mes")


async def test_a_few_words_found_in_a_key_of_words_are_no_reference(runtime: Runtime, tmp_path: Path) -> None:
    # The few codes a file holds link only in the shape codes have (a prefix, then digits): a
    # shift's three names found among a lookup's names of one width are no reference.
    folder = tmp_path / "data" / "shifts"
    folder.mkdir(parents=True)
    names = ["Alpine", "Beacon", "Copper", "Dynamo", "Ember1", "Falcon", "Garnet", "Harbor"]
    (folder / "crews.csv").write_text("Crew,Leader,Size\n" + "".join(f"{n},L{i},{4 + i}\n" for i, n in enumerate(names)))
    (folder / "log.csv").write_text("Entry,Team,Output\n" + "".join(f"{i},{names[i % 3]},{100 + i}\n" for i in range(60)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="shifts")
    assert ("log", ("Team",), "crews", ("Crew",)) not in _edges(found, "shifts")


async def test_station_ids_under_a_prism_export_s_name_link_to_the_station_table(runtime: Runtime, tmp_path: Path) -> None:
    # PRISM Explorer's multi-location CSV heads the location "Name", and users put the GHCN
    # station id there (USC00050848): the station metadata's station_id holds them all.
    folder = tmp_path / "data" / "prism"
    folder.mkdir(parents=True)
    stations = ["USC00050848", "USW00003017", "USC00053005", "USC00055722", "USC00058431", "USW00023062"]
    (folder / "station_metadata.csv").write_text("station_id,station_name,latitude\n" + "".join(
        f"{s},STATION {i},{39 + i / 10:.2f}\n" for i, s in enumerate(stations)))
    (folder / "prism_monthly.csv").write_text("Name,Date,ppt (mm)\n" + "".join(
        f"{s},2020-{m:02d},{10 + i * 3 + m:.2f}\n" for i, s in enumerate(stations[:4]) for m in range(1, 4)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="prism")
    assert ("prism_monthly", ("Name",), "station_metadata", ("station_id",)) in _edges(found, "prism")


async def test_an_ediscovery_load_file_keyed_by_begdoc_finds_its_families(runtime: Runtime, tmp_path: Path) -> None:
    # A Relativity load file keyed by BEGDOC: an attachment's PARENT_DOCID and the family's
    # BEGATTACH name the e-mail's BEGDOC, and neither was a self-reference (under DOCID they were).
    folder = tmp_path / "data" / "production"
    folder.mkdir(parents=True)
    lines: list[str] = []
    doc = 1
    for family in range(12):
        parent = f"ABC{doc:07d}"
        lines.append(f"{parent},,{parent if family % 3 else ''},MSG")
        doc += 1
        for _ in range(family % 3):
            lines.append(f"ABC{doc:07d},{parent},{parent},PDF")
            doc += 1
    (folder / "loadfile.csv").write_text("BEGDOC,PARENT_DOCID,BEGATTACH,FILEEXT\n" + "\n".join(lines) + "\n")
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="production")
    edges = _edges(found, "production")
    assert ("loadfile", ("PARENT_DOCID",), "loadfile", ("BEGDOC",)) in edges
    assert ("loadfile", ("BEGATTACH",), "loadfile", ("BEGDOC",)) in edges


async def test_a_pos_s_upc_links_to_the_item_master_s_zero_padded_gtin(runtime: Runtime, tmp_path: Path) -> None:
    # A POS writes the 12-digit UPC-A (082659083443), the item master (EDI 832) the GTIN-14
    # padded with zeros (00082659083443): no link, the names differing and no value written alike.
    rng = random.Random(12)
    upcs = [f"0{rng.randint(10**10, 10**11 - 1)}" for _ in range(30)]
    folder = tmp_path / "data" / "grocery"
    folder.mkdir(parents=True)
    (folder / "items.csv").write_text("GTIN,Item Description\n" + "".join(f"00{u},ITEM {i}\n" for i, u in enumerate(upcs)))
    (folder / "sales.csv").write_text("Txn Nbr,Line Nbr,UPC,Qty\n" + "".join(
        f"{5000000 + i // 3},{1 + i % 3},{rng.choice(upcs)},{1 + i % 4}\n" for i in range(200)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="grocery")
    link = _edges(found, "grocery")[("sales", ("UPC",), "items", ("GTIN",))]
    assert link.evidence["normalizations"] == ["leading_zeros"]


async def test_a_label_written_before_some_ids_is_named_and_undone_by_the_join(runtime: Runtime, tmp_path: Path) -> None:
    # Helpshift's issues export writes "Player Id: 86694955-..." before a quarter of its player
    # ids: the join ignored case only and lost those players, its warning silent on why.
    rng = random.Random(13)
    players = [f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{rng.getrandbits(12):03x}-a{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}" for _ in range(80)]
    folder = tmp_path / "data" / "support"
    folder.mkdir(parents=True)
    (folder / "players.csv").write_text("player_id,country\n" + "".join(f"{p},DE\n" for p in players))
    written = [f"Player Id: {p}" if i % 4 == 0 else p for i, p in enumerate(players[:60])]
    (folder / "helpshift_issues_export.csv").write_text("Issue ID,Player ID,Status\n" + "".join(
        f"issue_{1000 + i},{w},New\n" for i, w in enumerate(written)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="support")
    link = _edges(found, "support")[("helpshift_issues_export", ("Player ID",), "players", ("player_id",))]
    assert link.evidence["normalizations"] == ["label"]
    assert link.evidence["labels"] == ["Player Id: "]
    assert link.evidence["orphan_values"] == 0
    (path, *_) = (await service.join_paths("helpshift_issues_export", "players")).paths
    assert await _count(runtime, path.sql) == 60
    assert any('once a label written before the values ("Player Id: ") is ignored' in w for w in path.warnings)


async def test_hex_codes_written_in_the_other_case_link_whatever_the_names(runtime: Runtime, tmp_path: Path) -> None:
    # OpenSky's state vectors write the ICAO24 address in small letters (a0b1c2), the FAA
    # registry's MASTER file in capitals under "MODE S CODE HEX" (A0B1C2): no name agrees, no
    # value is equal as written, and nothing linked them.
    rng = random.Random(1)
    codes = rng.sample(range(0xA00001, 0xADF7C7), 60)
    folder = tmp_path / "data" / "adsb"
    folder.mkdir(parents=True)
    (folder / "master.csv").write_text("N-NUMBER,MFR MDL CODE,MODE S CODE HEX\n" + "".join(
        f"{100 + i * 7}AB,{rng.randint(1000000, 9999999)},{c:X}\n" for i, c in enumerate(codes)))
    (folder / "states.csv").write_text("time,icao24,callsign\n" + "".join(
        f"{1680307200 + t * 10},{c:x},UAL{rng.randint(1, 999)}\n" for t in range(3) for c in codes[:40]))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="adsb")
    link = _edges(found, "adsb")[("states", ("icao24",), "master", ("MODE S CODE HEX",))]
    assert link.evidence["normalizations"] == ["case"]
    (path, *_) = (await service.join_paths("states", "master")).paths
    assert await _count(runtime, path.sql) == 120


async def test_a_prefix_one_file_writes_before_every_code_is_named_and_undone_by_the_join(runtime: Runtime, tmp_path: Path) -> None:
    # BTS's on-time flights name the aircraft by TAIL_NUM, N101DQ; the FAA registry's MASTER
    # file drops the N (N-NUMBER 101DQ): the flights linked to no aircraft.
    rng = random.Random(2)
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    tails = list(dict.fromkeys(f"{rng.randint(1, 999)}{rng.choice(letters)}{rng.choice(letters)}" for _ in range(90)))[:80]
    folder = tmp_path / "data" / "bts"
    folder.mkdir(parents=True)
    (folder / "MASTER.csv").write_text("N-NUMBER,SERIAL NUMBER,YEAR MFR\n" + "".join(
        f"{t},{rng.randint(10000, 99999)}A,{rng.randint(1970, 2022)}\n" for t in tails))
    (folder / "ontime.csv").write_text("FL_DATE,OP_UNIQUE_CARRIER,TAIL_NUM,OP_CARRIER_FL_NUM\n" + "".join(
        f"2023-01-0{1 + i // 40},DL,N{rng.choice(tails[:50])},{1000 + i % 40}\n" for i in range(200)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="bts")
    link = _edges(found, "bts")[("ontime", ("TAIL_NUM",), "master", ("N-NUMBER",))]
    assert link.evidence["normalizations"] == ["prefix"]
    assert link.evidence["prefix"] == "N"
    assert link.evidence["orphan_rows"] == 0
    (path, *_) = (await service.join_paths("ontime", "master")).paths
    assert await _count(runtime, path.sql) == 200
    assert any('once a prefix written before the values on one side ("N") is ignored' in w for w in path.warnings)


async def test_an_org_id_scheme_before_every_supplier_id_is_a_prefix_undone_by_the_join(runtime: Runtime, tmp_path: Path) -> None:
    # OCDS releases name a supplier by its org-id.guide identifier, GB-COH-01234567, Companies
    # House's register by the bare CompanyNumber 01234567 (SC123456 in Scotland): the hyphens
    # of the scheme kept it from being read as a prefix, and nothing linked.
    rng = random.Random(4)
    numbers = [f"{rng.randint(100000, 13999999):08d}" for _ in range(30)] + [f"SC{rng.randint(1, 799999):06d}" for _ in range(6)]
    folder = tmp_path / "data" / "ocds"
    folder.mkdir(parents=True)
    (folder / "companies.csv").write_text("CompanyName,CompanyNumber,IncorporationDate\n" + "".join(
        f"SUPPLIER {i} LIMITED,{n},0{1 + i % 9}/03/20{10 + i % 12}\n" for i, n in enumerate(numbers)))
    (folder / "awards.csv").write_text("ocid,awards/0/value/amount,awards/0/suppliers/0/id\n" + "".join(
        f"ocds-b5fd17-{100000 + k},{rng.randint(1000, 999999)}.50,GB-COH-{rng.choice(numbers)}\n" for k in range(40)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="ocds")
    link = _edges(found, "ocds")[("awards", ("awards/0/suppliers/0/id",), "companies", ("CompanyNumber",))]
    assert (link.evidence["normalizations"], link.evidence["prefix"]) == (["prefix"], "GB-COH-")
    (path, *_) = (await service.join_paths("awards", "companies")).paths
    assert await _count(runtime, path.sql) == 40


async def test_zero_padded_design_and_reissue_patents_match_the_unpadded_numbers(runtime: Runtime, tmp_path: Path) -> None:
    # The USPTO's maintenance-fee file pads every patent number to eight characters, D0940000
    # and RE049001; PatentsView's g_patent writes D940000 and RE49001: those were orphans.
    folder = tmp_path / "data" / "uspto"
    folder.mkdir(parents=True)
    patents = [str(10890000 + 37 * i) for i in range(12)] + [f"D{940000 + i}" for i in range(5)] + [f"RE{49001 + i}" for i in range(3)]
    (folder / "g_patent.csv").write_text("patent_id,patent_type\n" + "".join(
        f"{p},{'design' if p[0] == 'D' else 'reissue' if p[0] == 'R' else 'utility'}\n" for p in patents))
    padded = [p if p.isdigit() else p[0] + "0" + p[1:] if p[0] == "D" else "RE0" + p[2:] for p in patents]
    (folder / "maint_fee_events.csv").write_text("patent_number,event_date,event_code\n" + "".join(
        f"{p},2023-11-{1 + i % 28:02d},M1551\n" for i, p in enumerate(padded * 2)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="uspto")
    link = _edges(found, "uspto")[("maint_fee_events", ("patent_number",), "g_patent", ("patent_id",))]
    assert (link.evidence["normalized_integrity"], link.evidence["normalizations"]) == (1.0, ["leading_zeros"])
    (path, *_) = (await service.join_paths("maint_fee_events", "g_patent")).paths
    assert await _count(runtime, path.sql) == 40


async def test_codes_beside_a_code_list_that_writes_a_check_digit_after_them_link_to_it(runtime: Runtime, tmp_path: Path) -> None:
    # TED's contract award notices give the CPV code as 45000000, the CPV 2008 list as
    # 45000000-7, its check digit after a hyphen: no link, no join.
    codes = ["03000000-1", "09310000-5", "15000000-8", "30200000-1", "33600000-6", "45000000-7", "45233140-2",
             "48000000-8", "72000000-5", "79000000-4", "85100000-0", "90910000-9"]
    folder = tmp_path / "data" / "ted"
    folder.mkdir(parents=True)
    (folder / "cpv.csv").write_text("CODE,EN\n" + "".join(f"{c},Label {i}\n" for i, c in enumerate(codes)))
    (folder / "ted_can.csv").write_text("ID_NOTICE_CAN,ID_AWARD,CPV,AWARD_VALUE_EURO\n" + "".join(
        f"{2023100000 + i // 3},{1 + i % 3},{codes[i * 5 % 12][:8]},{1000 + 37 * i}.25\n" for i in range(60)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="ted")
    link = _edges(found, "ted")[("ted_can", ("CPV",), "cpv", ("CODE",))]
    assert (link.evidence["normalized_integrity"], link.evidence["normalizations"]) == (1.0, ["check_digit"])
    (path, *_) = (await service.join_paths("ted_can", "cpv")).paths
    assert await _count(runtime, path.sql) == 60


async def test_shipments_numbered_by_order_and_a_sequence_digit_are_not_joined_on_the_order_alone(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A carrier's shipments split an order in two, 100001-1 and 100001-2; the tracking events
    # cite them, a fifth of them shipments missing from the extract. The suffix was cut as a
    # check digit on both sides: a link "normalized" to 0.98 whose join met both shipments.
    rng = random.Random(28)
    shipments = [f"{100001 + i}-{s}" for i in range(100) for s in (1, 2)]
    folder = tmp_path / "data" / "parcels"
    folder.mkdir(parents=True)
    (folder / "shipments.csv").write_text("shipment_id,carrier,weight_kg\n" + "".join(
        f"{s},{rng.choice(['DHL', 'FedEx', 'UPS'])},{rng.randint(1, 300) / 10}\n" for s in shipments))
    cited = [rng.choice(shipments) if i % 5 else f"{100001 + rng.randrange(100)}-3" for i in range(400)]
    (folder / "tracking_events.csv").write_text("event_id,shipment_id,status\n" + "".join(
        f"{i},{s},{rng.choice(['picked', 'in_transit', 'delivered'])}\n" for i, s in enumerate(cited, 1)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="parcels")
    link = _edges(found, "parcels")[("tracking_events", ("shipment_id",), "shipments", ("shipment_id",))]
    assert "normalizations" not in link.evidence
    (path, *_) = (await service.join_paths("tracking_events", "shipments")).paths
    assert await _count(runtime, path.sql) == sum(1 for s in cited if not s.endswith("-3"))


async def test_ids_unique_only_in_their_case_are_not_joined_ignoring_it(runtime: Runtime, tmp_path: Path) -> None:
    # Salesforce's 15-character account ids are case-sensitive (0015g00000AbCdE and
    # 0015g00000aBcDe are two accounts); a BI extract upper-cases them. Joined on lower() both
    # sides, each opportunity met every account its id names in any case.
    rng = random.Random(29)
    stems = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(5)) for _ in range(30)]
    accounts = [f"0015g00000{s.title()}" for s in stems] + [f"0015g00000{s.swapcase().title().swapcase()}" for s in stems[:6]]
    folder = tmp_path / "data" / "crm"
    folder.mkdir(parents=True)
    (folder / "accounts.csv").write_text("account_id,account_name\n" + "".join(f"{a},Account {i}\n" for i, a in enumerate(accounts)))
    (folder / "opportunities.csv").write_text("opportunity_id,account_id,amount\n" + "".join(
        f"0065g0000{i:06d},{rng.choice(accounts).upper()},{rng.randint(1, 90) * 1000}\n" for i in range(120)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="crm")
    link = _edges(found, "crm").get(("opportunities", ("account_id",), "accounts", ("account_id",)))
    assert link is None or "normalizations" not in link.evidence


async def test_codes_differing_in_case_alone_join_on_case_not_on_zeros_after_letters(runtime: Runtime, tmp_path: Path) -> None:
    # A shop's sales export writes product codes in lower case (ab001), its product list in
    # capitals (AB001): both zero-padded after their letters alike, so only case differs. The
    # link said "leading zeros ... and case" and joined on two regexes a side.
    folder = tmp_path / "data" / "shop"
    folder.mkdir(parents=True)
    (folder / "products.csv").write_text("product_code,product_name,list_price\n" + "".join(
        f"AB{i:03d},Widget {i},{10 + i}.5\n" for i in range(1, 41)))
    (folder / "sales.csv").write_text("sale_id,product_code,qty\n" + "".join(
        f"{i},ab{1 + i * 7 % 40:03d},{1 + i % 4}\n" for i in range(1, 201)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="shop")
    link = _edges(found, "shop")[("sales", ("product_code",), "products", ("product_code",))]
    assert (link.evidence["normalized_integrity"], link.evidence["normalizations"]) == (1.0, ["case"])
    (path, *_) = (await service.join_paths("sales", "products")).paths
    assert "regexp" not in path.sql
    assert await _count(runtime, path.sql) == 200


async def test_application_numbers_written_in_digit_groups_link_to_the_same_numbers_written_whole(
    runtime: Runtime, tmp_path: Path
) -> None:
    # PatentsView's g_application writes application_id as 16/101,117, the USPTO's
    # maintenance-fee events (and PAIR) as the number 16101117: no link, though every
    # application matched once the slash and comma were dropped.
    rng = random.Random(5)
    numbers = sorted(rng.sample(range(10_000_000, 17_999_999), 40))
    folder = tmp_path / "data" / "patents"
    folder.mkdir(parents=True)
    (folder / "g_application.csv").write_text("application_id,patent_id,filing_date\n" + "".join(
        f'"{n // 1_000_000}/{n // 1000 % 1000:03d},{n % 1000:03d}",{10890000 + 37 * i},2019-0{1 + i % 9}-1{i % 10}\n'
        for i, n in enumerate(numbers)))
    (folder / "maint_fee_events.csv").write_text("application_number,event_date,event_code\n" + "".join(
        f"{rng.choice(numbers[:30])},2023-1{i % 3}-0{1 + i % 9},M155{1 + i % 3}\n" for i in range(90)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="patents")
    link = _edges(found, "patents")[("maint_fee_events", ("application_number",), "g_application", ("application_id",))]
    assert (link.evidence["normalized_integrity"], link.evidence["normalizations"]) == (1.0, ["as_text", "digit_groups"])
    assert link.evidence["orphan_rows"] == 0
    (path, *_) = (await service.join_paths("maint_fee_events", "g_application")).paths
    assert await _count(runtime, path.sql) == 90


async def test_legal_names_differing_in_punctuation_too_are_counted_and_the_sql_to_keep_them_given(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A power desk's blotter writes one trade in twenty with its counterparty upper-cased
    # without punctuation, "CALPINE ENERGY SERVICES LP", the register "Calpine Energy
    # Services, L.P.": the join on lower() left those trades orphans, its warning silent on why.
    names = [
        "Shell Energy North America (US), L.P.", "Morgan Stanley Capital Group Inc.", "Macquarie Energy LLC",
        "Exelon Generation Company, LLC", "Vitol Inc.", "BP Energy Company", "Citigroup Energy Inc.",
        "Pacific Gas and Electric Company", "Calpine Energy Services, L.P.", "NextEra Energy Marketing, LLC",
        "Tenaska Power Services Co.", "Powerex Corp.", "Constellation Energy Generation, LLC", "EDF Trading North America, LLC",
        "Guzman Energy, LLC", "Rainbow Energy Marketing Corporation", "DTE Energy Trading, Inc.", "Mercuria Energy America, LLC",
        "Brookfield Renewable Trading and Marketing LP", "Twin Cities Power, LLC",
    ]
    folder = tmp_path / "data" / "books"
    folder.mkdir(parents=True)
    (folder / "counterparties.csv").write_text("counterparty,short_code\n" + "".join(f'"{n}",C{i:02d}\n' for i, n in enumerate(names)))
    blotter = [
        names[i * 7 % 20].upper().replace(",", "").replace(".", "") if i % 19 == 0 else names[i * 7 % 20]
        for i in range(600)
    ]
    (folder / "trades.csv").write_text("deal_id,counterparty,mw\n" + "".join(f'D-{i},"{n}",{25 + i % 4 * 25}\n' for i, n in enumerate(blotter)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="books")
    link = _edges(found, "books")[("trades", ("counterparty",), "counterparties", ("counterparty",))]
    assert link.evidence["normalizations"] == ["case"]
    assert (link.evidence["found_ignoring_punctuation"], link.evidence["rows_found_ignoring_punctuation"]) == (15, 25)
    (path, *_) = (await service.join_paths("trades", "counterparties")).paths
    assert any(
        w.startswith("Punctuation: 15 of those values of books.trades(counterparty) (25 rows) match once case, spaces and punctuation")
        and "regexp_replace(lower(\"counterparty\"), '[^a-z0-9]', '', 'g')" in w
        for w in path.warnings
    )


async def test_a_census_summary_level_before_every_geo_id_is_named_and_undone_by_the_join(runtime: Runtime, tmp_path: Path) -> None:
    # data.census.gov writes ACS tables by GEO_ID, the tract's 11 digits after its summary
    # level (1400000US53033000100); TIGER's tracts, HUD's ZIP-tract crosswalk and CDC PLACES
    # write the bare GEOID 53033000100: nothing linked them.
    rng = random.Random(3)
    tracts = sorted(rng.sample(range(100, 30000), 60))
    folder = tmp_path / "data" / "acs"
    folder.mkdir(parents=True)
    (folder / "tl_2022_53_tract.csv").write_text("STATEFP,COUNTYFP,TRACTCE,GEOID,ALAND\n" + "".join(
        f"53,033,{t:06d},53033{t:06d},{rng.randint(100000, 9999999)}\n" for t in tracts))
    (folder / "acs_b25077.csv").write_text("GEO_ID,NAME,B25077_001E\n" + "".join(
        f"1400000US53033{t:06d},\"Census Tract {t / 100:g}, King County, Washington\",{rng.randint(200000, 990000)}\n"
        for t in tracts[:50]))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="acs")
    link = _edges(found, "acs")[("acs_b25077", ("GEO_ID",), "tl_2022_53_tract", ("GEOID",))]
    assert link.evidence["normalizations"] == ["prefix"]
    assert link.evidence["prefix"] == "1400000US"
    (path, *_) = (await service.join_paths("acs_b25077", "tl_2022_53_tract")).paths
    assert await _count(runtime, path.sql) == 50


async def test_a_jira_epic_link_is_a_hierarchy_beside_the_parent_id_and_the_export_lists_issues(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Jira's CSV export: sub-tasks name their parent by Parent id (an Issue id), stories their
    # epic by Custom field (Epic Link) (an Issue key, PROJ-12): only the first was linked, and
    # jira_export.csv was said to list "jira" rather than issues.
    rng = random.Random(4)
    types = ["Epic"] * 12 + ["Story"] * 80 + ["Sub-task"] * 68
    folder = tmp_path / "data" / "jira"
    folder.mkdir(parents=True)
    rows: list[str] = []
    for i, kind in enumerate(types):
        epic = f"PROJ-{rng.randint(1, 12)}" if kind == "Story" and i % 5 else ""
        parent = str(10000 + rng.randint(12, 91)) if kind == "Sub-task" else ""
        rows.append(f"Issue {i} title,PROJ-{i + 1},{10000 + i},{kind},Done,{epic},{parent}\n")
    (folder / "jira_export.csv").write_text(
        "Summary,Issue key,Issue id,Issue Type,Status,Custom field (Epic Link),Parent id\n" + "".join(rows))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="jira")
    edges = _edges(found, "jira")
    assert edges[("jira_export", ("Parent id",), "jira_export", ("Issue id",))].relationship_type == "hierarchy"
    assert edges[("jira_export", ("Custom field (Epic Link)",), "jira_export", ("Issue key",))].relationship_type == "hierarchy"
    assert {e.table: e.entity_type for e in entities}["jira.jira_export"] == "issue"


async def test_a_reference_named_for_a_table_links_to_its_unique_name_column(runtime: Runtime, tmp_path: Path) -> None:
    # ServiceNow's list export writes a reference field as its display value: incident.cmdb_ci
    # holds the CI's name (SRV-4392-LON), unique in the CMDB's cmdb_ci.name, not its sys_id;
    # a descriptive name is no key, and nothing linked the incidents to their CIs.
    rng = random.Random(5)
    sites = ["LON", "NYC", "SIN", "FRA"]
    # (Some names without their site: not all as wide, no code of one width.)
    names = list(dict.fromkeys(
        f"{rng.choice(['SRV', 'LPT', 'DSK'])}-{rng.randint(1000, 9999)}" + (f"-{rng.choice(sites)}" if i % 4 else "")
        for i in range(140)))[:120]
    folder = tmp_path / "data" / "sn"
    folder.mkdir(parents=True)
    (folder / "cmdb_ci.csv").write_text("sys_id,name,serial_number,os,sys_updated_on\n" + "".join(
        f"{rng.getrandbits(128):032x},{n},C02{rng.randint(100000, 999999)},Windows 10,2023-04-{1 + i % 28:02d} 10:00:00\n"
        for i, n in enumerate(names)))
    (folder / "incident.csv").write_text("number,opened_at,short_description,cmdb_ci,sys_id\n" + "".join(
        f"INC{10000 + i},2023-05-{1 + i % 28:02d} 09:00:00,Email not working,{rng.choice(names[:90]) if i % 3 else ''},"
        f"{rng.getrandbits(128):032x}\n" for i in range(400)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="sn")
    link = _edges(found, "sn")[("incident", ("cmdb_ci",), "cmdb_ci", ("name",))]
    assert link.evidence["integrity"] == 1.0
    (path, *_) = (await service.join_paths("incident", "cmdb_ci")).paths
    assert await _count(runtime, path.sql) == 266


async def test_an_order_s_name_repeated_on_its_line_items_is_the_parent_of_references_to_the_order(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Shopify's orders export is at line-item grain: Name "#1001" on every line of the order,
    # its Email and Total on the first alone. Its transactions export cites the order by Name
    # (Order): no column of the orders is unique, and nothing linked them.
    rng = random.Random(6)
    items = ["Trail Runner 2", "Road Sock 3-Pack", "Cap - Navy", "Rain Shell", "Water Bottle"]
    folder = tmp_path / "data" / "shop"
    folder.mkdir(parents=True)
    lines: list[str] = []
    for order in range(1001, 1061):
        for position, item in enumerate(rng.sample(items, rng.randint(1, 3))):
            first = position == 0
            lines.append(f"#{order},{f'c{order}@x.com' if first else ''},{f'{rng.randint(20, 200)}.00' if first else ''},1,{item}\n")
    (folder / "orders_export.csv").write_text("Name,Email,Total,Lineitem quantity,Lineitem name\n" + "".join(lines))
    (folder / "transactions_export.csv").write_text("Order,Kind,Gateway,Amount\n" + "".join(
        f"#{order},{'refund' if i % 7 == 6 else 'sale'},shopify_payments,{rng.randint(20, 200)}.00\n"
        for i, order in enumerate(list(range(1001, 1061)) + list(range(1001, 1021)))))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="shop")
    link = _edges(found, "shop")[("transactions_export", ("Order",), "orders_export", ("Name",))]
    assert link.cardinality == "n:1"
    assert "is at a finer grain" in link.evidence["parent_grain"]
    (path, *_) = (await service.join_paths("transactions_export", "orders_export")).paths
    assert any(w.startswith("Repeats:") for w in path.warnings)


async def test_a_registrar_s_crn_keys_the_sections_by_term_which_enrollments_cite(runtime: Runtime, tmp_path: Path) -> None:
    # Banner's class sections by term and CRN, five-digit whole numbers under no "id" name,
    # some reused in a later term; its enrollments cite both. Nearly unique in the sections
    # and spread over 10000..39999, the CRN was read as a measure unique by chance: no key
    # (term, crn), no link, and a join on crn alone repeated enrollments.
    rng = random.Random(28)
    folder = tmp_path / "data" / "univ"
    folder.mkdir(parents=True)
    sections: list[tuple[int, int]] = []
    used: list[int] = []
    for term in (202210, 202220, 202310, 202320):
        crns = rng.sample(range(10000, 40000), 150)
        crns[:8] = used[:8] or crns[:8]  # (a CRN given again in a later term)
        used = crns
        sections += [(term, crn) for crn in crns]
    (folder / "class_sections.csv").write_text("term,crn,subject,instructor_id,room,enrl_cap\n" + "".join(
        f"{term},{crn},{rng.choice(['MATH', 'BIOL', 'ENGL', 'HIST'])},{rng.randint(9000000, 9000150)},"
        f"R{rng.randint(100, 400)},{rng.choice([20, 30, 40])}\n" for term, crn in sections))
    enrollments = {(term, crn, f"A00{rng.randint(100000, 101500)}") for term, crn in sections for _ in range(5)}
    (folder / "enrollments.csv").write_text("term,crn,student_id,grade\n" + "".join(
        f"{term},{crn},{student},{rng.choice('ABCDF')}\n" for term, crn, student in sorted(enrollments)))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="univ")
    assert ("enrollments", ("term", "crn"), "class_sections", ("term", "crn")) in _edges(found, "univ")
    assert ["term", "crn"] in {e.table: e.evidence["keys"]["candidate_keys"] for e in entities}["univ.class_sections"]
    (path, *_) = (await service.join_paths("enrollments", "class_sections")).paths
    assert await _count(runtime, path.sql) == len(enrollments)


async def test_accession_numbers_two_sec_files_share_in_part_link_them_one_to_one(runtime: Runtime, tmp_path: Path) -> None:
    # The XBRL frames API saved as CSV (accn, cik, val: every filer of a period) beside a
    # quarter's FSDS sub.txt (adsh, cik: three filings a company). A quarter of the frames'
    # accession numbers are in sub.txt: no link under other names, and the only join was on
    # cik, each frame value repeated over every filing of its company.
    rng = random.Random(3)
    folder = tmp_path / "data" / "sec"
    folder.mkdir(parents=True)
    ciks = rng.sample(range(20000, 2000000), 40)
    filings = {cik: [f"{cik:010d}-23-{rng.randint(1, 99999):06d}" for _ in range(3)] for cik in ciks[:10]}
    (folder / "sub.txt").write_text("adsh\tcik\tfp\n" + "".join(
        f"{adsh}\t{cik}\t{fp}\n" for cik, numbers in filings.items() for adsh, fp in zip(numbers, ("Q2", "Q3", "FY"), strict=True)))
    accns = {cik: filings[cik][2] if cik in filings else f"{cik:010d}-23-{rng.randint(1, 99999):06d}" for cik in ciks}
    (folder / "frames.csv").write_text("accn,cik,end,val\n" + "".join(
        f"{accns[cik]},{cik},2023-06-30,{rng.randint(10**8, 10**11)}\n" for cik in ciks))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="sec")
    link = _edges(found, "sec")[("frames", ("accn",), "sub", ("adsh",))]
    assert link.cardinality == "1:1"
    assert link.evidence["found_in_parent"] == 10
    assert "shared_codes" in link.evidence
    paths = (await service.join_paths("frames", "sub")).paths
    exact = next(p for p in paths if p.steps[0].from_columns == ("accn",))
    assert await _count(runtime, exact.sql) == 10
    by_cik = next(p for p in paths if p.steps[0].from_columns == ("cik",))
    assert any(w.startswith("Another way in: sec.frames(accn)") for w in by_cik.warnings)


def _hex(rng: random.Random, digits: int) -> str:
    return "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(digits))


async def test_a_tx_hash_keys_its_transactions_and_the_token_transfers_cite_it(runtime: Runtime, tmp_path: Path) -> None:
    # Etherscan's exports: the normal transactions keyed by Txhash ("0x" and 64 hex digits,
    # no key word in its name), a token transfer citing its transaction's; a wallet-label
    # table keyed by its 42-character address. Text longer than 40 characters was no key:
    # the grain came out as the Blockno, or the label, and no link was found.
    rng = random.Random(11)
    hashes = [_hex(rng, 64) for _ in range(12)]
    wallets = [_hex(rng, 40) for _ in range(8)]
    folder = tmp_path / "data" / "chain"
    folder.mkdir(parents=True)
    (folder / "txns.csv").write_text("Txhash,Blockno,TxnFee(ETH)\n" + "".join(
        f"{h},{17000000 + i},0.00{rng.randint(100, 999)}\n" for i, h in enumerate(hashes)))
    (folder / "token_transfers.csv").write_text("Txhash,From,TokenSymbol,TokenValue\n" + "".join(
        f"{rng.choice(hashes[:7])},{rng.choice(wallets)},{rng.choice(['DAI', 'USDC'])},{rng.randint(1, 900)}.5\n" for _ in range(14)))
    (folder / "wallet_labels.csv").write_text("address,label\n" + "".join(
        f"{w},Exchange {i % 3}\n" for i, w in enumerate(wallets)))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="chain")
    grains = {e.table: e.grain_columns for e in entities}
    assert grains["chain.txns"] == ["Txhash"]
    assert grains["chain.wallet_labels"] == ["address"]
    edges = _edges(found, "chain")
    assert ("token_transfers", ("Txhash",), "txns", ("Txhash",)) in edges
    assert ("token_transfers", ("From",), "wallet_labels", ("address",)) in edges


async def test_a_block_hash_links_to_the_blocks_hash_beside_the_block_number(runtime: Runtime, tmp_path: Path) -> None:
    # Dune's (and BigQuery's) ethereum transactions cite their block twice: block_number
    # onto blocks.number (the grain) and block_hash onto blocks.hash, "0x" and 64 hex
    # digits, whose name holds no key word: only the number's link was kept.
    rng = random.Random(12)
    blocks = [(17000000 + i, _hex(rng, 64)) for i in range(20)]
    folder = tmp_path / "data" / "dune"
    folder.mkdir(parents=True)
    (folder / "blocks.csv").write_text("number,hash,gas_used\n" + "".join(
        f"{n},{h},{rng.randint(10**6, 3 * 10**7)}\n" for n, h in blocks))
    rows = [(rng.choice(blocks), _hex(rng, 64)) for _ in range(60)]
    (folder / "transactions.csv").write_text("block_number,block_hash,hash,gas_price\n" + "".join(
        f"{n},{bh},{h},{rng.randint(10**9, 10**11)}\n" for (n, bh), h in rows))
    service = await _profile(runtime, folder)
    found, entities, _ = await service.relationships(source="dune")
    assert {e.table: e.grain_columns for e in entities}["dune.transactions"] == ["hash"]
    edges = _edges(found, "dune")
    assert ("transactions", ("block_number",), "blocks", ("number",)) in edges
    assert ("transactions", ("block_hash",), "blocks", ("hash",)) in edges


async def test_addresses_in_checksum_case_link_to_lower_case_ones(runtime: Runtime, tmp_path: Path) -> None:
    # Etherscan writes an address in its EIP-55 checksum case ("0xA4C123B1..."), Dune's and
    # BigQuery's tables and most label lists in lower case: none matches as written, and
    # normalizing was not tried for columns named apart (From, address).
    rng = random.Random(13)
    wallets = [_hex(rng, 40) for _ in range(10)]

    def checksum_case(address: str) -> str:
        return "0x" + "".join(c.upper() if c.isalpha() and i % 3 == 0 else c for i, c in enumerate(address[2:]))

    folder = tmp_path / "data" / "labels"
    folder.mkdir(parents=True)
    (folder / "wallet_labels.csv").write_text("address,label\n" + "".join(f"{w},Exchange {i}\n" for i, w in enumerate(wallets)))
    (folder / "transfers.csv").write_text("Txhash,From,TokenValue\n" + "".join(
        f"{_hex(rng, 64)},{checksum_case(rng.choice(wallets))},{rng.randint(1, 900)}\n" for _ in range(40)))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="labels")
    assert ("transfers", ("From",), "wallet_labels", ("address",)) in _edges(found, "labels")


async def test_sections_link_to_a_course_catalog_whose_subject_and_number_repeat_on_a_few_rows(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A registrar's course catalog by (subject, catalog_nbr), three courses of 315 listed
    # twice with another title and credits (BUS 495 and BUS 495 "Capstone"): keyed only by
    # those and its credits, and the class sections citing (subject, catalog_nbr) got no link.
    rng = random.Random(11)
    subjects = ["BIOL", "BUS", "CHEM", "COMM", "CS", "EDUC", "ENGL", "HIST", "MATH", "NURS", "POLS", "PSYC"]
    courses = [(s, n) for s in subjects for n in sorted(rng.sample(range(100, 500), 26))][:312]
    titles = ["Topics", "Seminar", "Methods", "Foundations", "Practicum", "Analysis", "Theory", "Survey"]
    catalog = [(s, n, f"{rng.choice(titles)} {i % 7 + 1}", rng.choice(["3.0", "4.0", "1.0"])) for i, (s, n) in enumerate(courses)]
    catalog += [(s, n, "Capstone", "6.0") for s, n in rng.sample(courses, 3)]
    folder = tmp_path / "data" / "registrar"
    folder.mkdir(parents=True)
    (folder / "course_catalog.csv").write_text(
        "subject,catalog_nbr,course_title,credits,dept,status\n" + "".join(f"{s},{n},{t},{c},{s},A\n" for s, n, t, c in catalog)
    )
    (folder / "class_sections.csv").write_text("term,crn,subject,catalog_nbr,section,instructor_id,enrl_cap\n" + "".join(
        f"{term},{crn},{s},{n},{rng.randint(1, 4):03d},{9000000 + rng.randint(1, 150)},{rng.choice([24, 30, 120])}\n"
        for term in (202210, 202220, 202310) for crn, (s, n) in zip(rng.sample(range(10000, 39999), 300), rng.choices(courses, k=300), strict=True)
    ))
    service = await _profile(runtime, folder)
    found, _, _ = await service.relationships(source="registrar")
    link = _edges(found, "registrar")[("class_sections", ("subject", "catalog_nbr"), "course_catalog", ("subject", "catalog_nbr"))]
    assert link.evidence["parent_repeats"] == 3
