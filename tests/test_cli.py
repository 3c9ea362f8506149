"""The console script as a person uses it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "datadossier"


def _run(tmp_path: Path, store_url: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATADOSSIER_HOME": str(tmp_path / "home"),
        "DATADOSSIER_STORE_URL": store_url,
        "DATADOSSIER_ROOTS": str(tmp_path),
        "COLUMNS": "200",
    }
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, cwd=cwd or tmp_path, timeout=300)


def test_demo_profiles_the_sample_and_prints_the_desktop_snippet(tmp_path: Path, store_url: str) -> None:
    done = _run(tmp_path, store_url, "demo")
    assert done.returncode == 0, done.stderr
    for table in ("shop.customers", "shop.orders", "shop.order_items", "shop.products", "shop.events"):
        assert table in done.stdout
    assert "us_date" in done.stdout
    assert "DATE" in done.stdout
    assert '"mcpServers"' in done.stdout


def test_profile_show_and_set_type(tmp_path: Path, store_url: str) -> None:
    data = tmp_path / "lab"
    data.mkdir()
    (data / "samples.csv").write_text("sample_code,weight_kg,taken\n0042,12.5,03/04/2021\n0107,7.25,12/25/2021\n")
    done = _run(tmp_path, store_url, "profile", str(data))
    assert done.returncode == 0, done.stderr
    assert "lab.samples" in done.stdout

    shown = _run(tmp_path, store_url, "show", "samples", "weight_kg")
    assert shown.returncode == 0, shown.stderr
    assert '"unit": "kg"' in shown.stdout

    changed = _run(tmp_path, store_url, "set-type", "lab.samples", "weight_kg", "VARCHAR", "--reason", "test")
    assert changed.returncode == 0, changed.stderr
    assert "-> VARCHAR" in changed.stdout


def test_names_and_values_that_look_like_markup_are_printed_as_they_are(tmp_path: Path, store_url: str) -> None:
    # rich reads "[/]" as a closing tag (and failed on it) and ":thumbs_up:" as an emoji.
    data = tmp_path / "notes.csv"
    data.write_text('id,[/]note :thumbs_up:\n1,[/]\n2,[bold red]ALERT[/bold red]\n3,[/]\n4,[bold red]ALERT[/bold red]\n')
    done = _run(tmp_path, store_url, "profile", str(data))
    assert done.returncode == 0, done.stderr
    assert "[/]note :thumbs_up:" in done.stdout
    assert "[bold red]ALERT[/bold red] (2)" in done.stdout
    # A line break inside a value (Glassdoor's "Harbor Bank\n2.9") keeps a row on one line.
    broken = tmp_path / "companies.csv"
    broken.write_text('id,Company Name\n1,"Harbor Bank\n2.9"\n2,"Harbor Bank\n2.9"\n3,Acme\n')
    done = _run(tmp_path, store_url, "profile", str(broken))
    assert "Harbor Bank\\n2.9 (2)" in done.stdout


def test_errors_go_to_stderr_with_what_to_do(tmp_path: Path, store_url: str) -> None:
    done = _run(tmp_path, store_url, "show", "missing.table")
    assert done.returncode == 2
    assert "what to do:" in done.stderr
    assert done.stdout == ""


def test_a_failed_profile_is_reported_in_its_json_too(tmp_path: Path, store_url: str) -> None:
    import json

    (tmp_path / "empty.csv").write_text("")
    done = _run(tmp_path, store_url, "profile", str(tmp_path / "empty.csv"), "--json")
    assert done.returncode == 2
    assert "what to do:" in done.stderr
    (failed,) = json.loads(done.stdout)
    assert failed["status"] == "failed"
    assert "empty" in failed["error"]
    assert failed["hint"]


def test_a_bridge_names_the_table_it_goes_through(tmp_path: Path, store_url: str) -> None:
    import json

    # The row read "students(student_id) -> courses(course_id)", as if one key held the other.
    school = tmp_path / "school"
    school.mkdir()
    (school / "students.csv").write_text("student_id,name\n" + "".join(f"{i},S{i}\n" for i in range(1, 201)))
    (school / "courses.csv").write_text("course_id,title\n" + "".join(f"{i},C{i}\n" for i in range(1, 41)))
    pairs = sorted({(i % 200 + 1, (i * 7 + i // 200) % 40 + 1) for i in range(900)})
    (school / "enrollments.csv").write_text("student_id,course_id\n" + "".join(f"{a},{b}\n" for a, b in pairs))
    assert _run(tmp_path, store_url, "profile", str(school)).returncode == 0
    shown = _run(tmp_path, store_url, "relationships", "school", "--json")
    (bridge,) = [r for r in json.loads(shown.stdout)["relationships"] if r["type"] == "bridge"]
    assert bridge["evidence"]["bridge_table"] == "school.enrollments"
    text = _run(tmp_path, store_url, "relationships", "school").stdout
    assert "bridge through" in text
    assert "school.enrollme" in text.split("bridge through", 1)[1][:400]


def test_relationships_and_join_path(tmp_path: Path, store_url: str) -> None:
    import json

    done = _run(tmp_path, store_url, "demo")
    assert done.returncode == 0, done.stderr
    listed = _run(tmp_path, store_url, "relationships", "shop", "--json")
    assert listed.returncode == 0, listed.stderr
    found = json.loads(listed.stdout)
    pairs = {(r["from_table"], tuple(r["from_columns"]), r["to_table"]) for r in found["relationships"]}
    assert ("shop.orders", ("cust_id",), "shop.customers") in pairs
    assert {t["table"]: t["grain"] for t in found["tables"]}["shop.order_items"] == ["order_id", "line_no"]
    link = next(r for r in found["relationships"] if r["from_columns"] == ["cust_id"])
    shown = _run(tmp_path, store_url, "show", "shop.order_items")
    assert "Grain: order_id, line_no" in shown.stdout
    assert "References: (order_id) -> shop.orders(order_id)" in shown.stdout
    column = json.loads(_run(tmp_path, store_url, "show", "shop.orders", "cust_id").stdout)
    assert any(text.startswith("shop.customers(customer_id)") for text in column["references"])
    unknown = _run(tmp_path, store_url, "relationships", "nosuch")
    assert unknown.returncode == 2
    assert "No source or table named 'nosuch'" in unknown.stderr
    assert "Known sources: shop" in unknown.stderr

    path = _run(tmp_path, store_url, "join-path", "order_items", "customers")
    assert path.returncode == 0, path.stderr
    assert 'JOIN "typed"."shop.customers"' in path.stdout
    assert "changed since it was profiled" not in path.stdout
    customers = tmp_path / "home" / "sample" / "shop" / "customers.csv"
    customers.write_text(customers.read_text() + customers.read_text().splitlines()[-1] + "\n")
    changed = _run(tmp_path, store_url, "join-path", "order_items", "customers")
    assert "! shop.customers: The file changed since it was profiled" in changed.stdout

    rejected = _run(tmp_path, store_url, "reject-relationship", link["id"], "--note", "wrong")
    assert rejected.returncode == 0, rejected.stderr
    assert rejected.stdout.startswith("rejected")
    none = _run(tmp_path, store_url, "join-path", "order_items", "customers")
    assert "No join path" in none.stdout
    bad = _run(tmp_path, store_url, "confirm-relationship", "nope")
    assert bad.returncode == 2
    assert "what to do" in bad.stderr


def test_a_table_of_duplicate_rows_shows_its_copies_and_the_key_without_them(tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "crm"
    folder.mkdir()
    rows = [f"{i},name {i}" for i in range(1, 41)]
    (folder / "people.csv").write_text("\n".join(["id,name", *rows, *rows[:7]]) + "\n")
    assert _run(tmp_path, store_url, "profile", str(folder)).returncode == 0
    listed = _run(tmp_path, store_url, "relationships", "crm")
    assert listed.returncode == 0, listed.stderr
    assert "unknown (7 duplicate rows; id without them)" in listed.stdout
    assert "Grain: unknown (7 duplicate rows; id without them)" in _run(tmp_path, store_url, "show", "crm.people").stdout


def test_module_entry_flushes_long_output_before_its_quick_exit(tmp_path: Path, store_url: str) -> None:
    # The console script leaves with os._exit (see `cli.run`): whatever it printed must still
    # reach a pipe whole, here a table listing far longer than a pipe's 64 KiB buffer.
    data = tmp_path / "wide"
    data.mkdir()
    names = [f"measure_with_a_long_name_{i:03d}" for i in range(600)]
    rows = [",".join(names), *(",".join(str(r * 1000 + i) for i in range(600)) for r in range(3))]
    (data / "wide.csv").write_text("\n".join(rows) + "\n")
    env = {**os.environ, "DATADOSSIER_HOME": str(tmp_path / "home"), "DATADOSSIER_STORE_URL": store_url,
           "DATADOSSIER_ROOTS": str(tmp_path), "COLUMNS": "400"}
    module = [sys.executable, "-m", "datadossier"]
    done = subprocess.run([*module, "profile", str(data)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    shown = subprocess.run([*module, "show", "wide.wide"], capture_output=True, text=True, env=env, timeout=300)
    assert shown.returncode == 0, shown.stderr
    assert len(shown.stdout.encode()) > 1 << 16
    assert names[-1] in shown.stdout
    failed = subprocess.run([*module, "show", "wide.nothing"], capture_output=True, text=True, env=env, timeout=300)
    assert failed.returncode == 2
    assert "what to do:" in failed.stderr


def test_a_folder_with_a_bad_file_profiles_the_others_and_exits_with_1(tmp_path: Path, store_url: str) -> None:
    import json

    data = tmp_path / "drop"
    data.mkdir()
    (data / "good.csv").write_text("id,v\n1,2\n3,4\n")
    (data / "ragged.csv").write_text("a,b,c\n1,2,3\n4,5\n6,7,8\n")
    done = _run(tmp_path, store_url, "profile", str(data))
    assert done.returncode == 1
    assert "drop.good" in done.stdout
    assert f"error: {data / 'ragged.csv'}:" in done.stderr
    assert "what to do:" in done.stderr
    as_json = _run(tmp_path, store_url, "profile", str(data), "--json")
    assert as_json.returncode == 1
    statuses = {r["table"]: (r["status"], r.get("error") is not None) for r in json.loads(as_json.stdout)}
    assert statuses == {"drop.good": ("unchanged", False), "drop.ragged": ("failed", True)}
    # An unchanged table reports the row counts of its stored layers.
    good = next(r for r in json.loads(as_json.stdout) if r["table"] == "drop.good")
    assert (good["raw_rows"], good["typed_rows"], good["quarantine_rows"]) == (2, 2, 0)


def test_several_paths_with_a_bad_one_profile_the_others(tmp_path: Path, store_url: str) -> None:
    # As a shell glob passes them: one file that fails does not stop the rest.
    data = tmp_path / "globbed"
    data.mkdir()
    (data / "a.csv").write_bytes(b"")
    (data / "b.csv").write_text("id,v\n1,2\n3,4\n")
    done = _run(tmp_path, store_url, "profile", str(data / "a.csv"), str(data / "b.csv"))
    assert done.returncode == 1
    assert "globbed.b" in done.stdout
    assert f"error: {data / 'a.csv'}:" in done.stderr
    assert "empty" in done.stderr


def test_the_summary_says_what_the_copy_left_out(tmp_path: Path, store_url: str) -> None:
    import json

    data = tmp_path / "books"
    data.mkdir()
    rows = [f"{i},Title {i},Author {i}" for i in range(1, 81)]
    rows[9] = "10,Streetcar Suburbs"  # an author lost
    rows[20] = "21,Streetcar Suburbs,Sam Bass Warner, Jr."  # a comma in the last value
    (data / "books.csv").write_text("Notice: provided as is\n\nbookID,title,authors\n" + "\n".join(rows) + "\n")
    done = _run(tmp_path, store_url, "profile", str(data))
    assert done.returncode == 0
    assert "books.books: 1 row with another number of fields left out (line 13)" in done.stdout
    assert "1 row with the delimiter inside the last value rejoined" in done.stdout
    assert "2 lines before the table (a title, notes) skipped" in done.stdout
    as_json = json.loads(_run(tmp_path, store_url, "profile", str(data), "--json", "--force").stdout)
    assert (as_json[0]["ragged_rows"], as_json[0]["ragged_lines"], as_json[0]["raw_rows"]) == (1, [13], 79)
    # Every column in full, as `show TABLE COLUMN` gives one.
    shown = json.loads(_run(tmp_path, store_url, "show", "books.books", "--json").stdout)
    assert [c["name"] for c in shown] == ["bookID", "title", "authors"]
    assert shown[0]["decision"]["data_type"] == "INTEGER"
    assert shown[0]["candidates"]
    # `show TABLE` says it as well, from what the run recorded.
    stored = _run(tmp_path, store_url, "show", "books.books").stdout
    assert "books.books: 1 row with another number of fields left out (line 13)" in stored


def test_a_utc_instant_is_shown_whole_in_a_table_cell() -> None:
    from datadossier.cli import _short

    assert _short("2022-01-01T00:00:00+00:00") == "2022-01-01T00:00:00Z"
    assert _short("2022-01-01T00:00:00") == "2022-01-01T00:00:00"
    assert _short("x" * 30) == "x" * 24


def test_a_share_is_never_rounded_to_none_or_all() -> None:
    # OMOP's preceding_visit_occurrence_id: one value in 8,000 rows, shown "100.0%" empty.
    from datadossier.cli import _ratio

    assert [_ratio(r) for r in (0.0, 1.0, 7999 / 8000, 1 / 8000, 0.123)] == ["0.0%", "100.0%", ">99.9%", "<0.1%", "12.3%"]


def test_the_summary_names_a_header_s_name_that_no_row_holds() -> None:
    # DfT's raw counts with a column dropped: the last name is loaded empty, and said so.
    from datadossier.cli import _left_out

    said = _left_out({"missing_column": "all_motor_vehicles"})
    assert "one column more than the rows hold: the last, 'all_motor_vehicles', is loaded empty" in said


def test_relationships_says_which_files_of_one_header_are_typed_apart(tmp_path: Path, store_url: str) -> None:
    # Amazon's settlement flat files: amazon.de's merchant order ids carry a prefix (DE-100200)
    # where amazon.com's are numbers; the union of the parts leaves the German file out.
    data = tmp_path / "amazon"
    data.mkdir()
    header = "settlement-id,order-id,merchant-order-id,sku\n"
    for settlement, prefix in (("us_1", ""), ("de_1", "DE-")):
        (data / f"settlement_{settlement}.csv").write_text(header + "".join(
            f"{settlement},111-{i:07d},{prefix}{100200 + i},SKU-{i % 7:03d}\n" for i in range(20)))
    assert _run(tmp_path, store_url, "profile", str(data)).returncode == 0
    done = _run(tmp_path, store_url, "relationships", "amazon")
    assert done.returncode == 0, done.stderr
    assert "typed apart" in done.stdout
    assert "(merchant-order-id string here, number there)" in done.stdout


def test_relationships_shows_a_link_s_integrity_once_normalized() -> None:
    # TTN's uplinks write DEV_EUI in capitals, the device registry in lower case: every value
    # matches once case is ignored, none as written; the table said "0".
    from datadossier.cli import _integrity

    said = _integrity({"integrity": 0.0, "normalized_integrity": 1.0, "row_integrity": 0.0})
    assert said == "1 (normalized; 0 as written)"
    assert _integrity({"integrity": 1.0, "normalized_integrity": 1.0}) == "1"
    assert _integrity({"integrity": 0.9, "row_integrity": 0.5}) == "0.9 (rows 0.5)"
