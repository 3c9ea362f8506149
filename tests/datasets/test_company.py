"""The company dataset: deterministic bytes, and the truth it returns holds in the files."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.datasets.company import (
    ACTIVE_CONTRACTORS,
    ALTERNATE_KEYS,
    COLUMNS,
    CONTRACTOR_BADGES,
    EMPLOYEE_COUNT,
    PRIVATE_RECORDS,
    PROJECT_COUNT,
    SWIPE_COUNT,
    TABLES,
    TOP_MANAGERS,
    CompanyTruth,
    write_company,
)


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CompanyTruth]:
    directory = tmp_path_factory.mktemp("company")
    return directory, write_company(directory)


@pytest.fixture(scope="module")
def truth(company: tuple[Path, CompanyTruth]) -> CompanyTruth:
    return company[1]


@pytest.fixture(scope="module")
def con(company: tuple[Path, CompanyTruth]) -> Iterator[duckdb.DuckDBPyConnection]:
    # Read as text, as the raw layer does; an empty cell comes back as NULL.
    connection = duckdb.connect(":memory:")
    reader = "read_csv(?, all_varchar = true, header = true)"
    for table in TABLES:
        path = str(company[0] / f"{table}.csv")
        connection.execute(f'CREATE TABLE "{table}" AS SELECT * FROM {reader}', [path])
    yield connection
    connection.close()


def one(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


def column(con: duckdb.DuckDBPyConnection, sql: str) -> list[Any]:
    return [row[0] for row in con.execute(sql).fetchall()]


def distinct(table: str, columns: Sequence[str]) -> str:
    """SQL for the distinct tuples of ``columns`` in which no value is null."""
    names = ", ".join(f'"{c}"' for c in columns)
    not_null = " AND ".join(f'"{c}" IS NOT NULL' for c in columns)
    return f'SELECT DISTINCT {names} FROM "{table}" WHERE {not_null}'


def is_unique(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str]) -> bool:
    rows = one(con, f'SELECT count(*) FROM "{table}"')
    return one(con, f"SELECT count(*) FROM ({distinct(table, columns)})") == rows


def test_same_seed_writes_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert write_company(first) == write_company(second)
    for table in TABLES:
        name = f"{table}.csv"
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_another_seed_writes_other_data(tmp_path: Path) -> None:
    write_company(tmp_path / "a")
    write_company(tmp_path / "b", seed=12)
    for table in ("employees", "assignments", "timesheets", "badge_swipes"):
        name = f"{table}.csv"
        assert (tmp_path / "a" / name).read_bytes() != (tmp_path / "b" / name).read_bytes()


def test_writes_one_csv_per_table_with_its_header(
    company: tuple[Path, CompanyTruth], con: duckdb.DuckDBPyConnection
) -> None:
    directory, truth = company
    assert sorted(p.stem for p in directory.iterdir()) == sorted(TABLES) == sorted(truth.keys)
    for table in TABLES:
        names = column(con, f'SELECT column_name FROM (DESCRIBE "{table}")')
        assert tuple(names) == COLUMNS[table], table
        assert one(con, f'SELECT count(*) FROM "{table}"') <= 5000, table
    counts = {t: one(con, f'SELECT count(*) FROM "{t}"') for t in TABLES}
    assert counts["departments"] == 12
    assert counts["employees"] == EMPLOYEE_COUNT
    assert counts["employee_private"] == PRIVATE_RECORDS
    assert counts["projects"] == PROJECT_COUNT
    assert counts["badge_swipes"] == SWIPE_COUNT
    assert counts["offices"] == 15
    assert 3500 <= counts["timesheets"] <= 5000


def test_every_key_is_unique_and_not_null(
    truth: CompanyTruth, con: duckdb.DuckDBPyConnection
) -> None:
    for table, key in truth.keys.items():
        assert set(key) <= set(COLUMNS[table]), table
        nulls = " OR ".join(f'"{c}" IS NULL' for c in key)
        assert one(con, f'SELECT count(*) FROM "{table}" WHERE {nulls}') == 0, table
        assert is_unique(con, table, key), table


def test_only_the_key_and_the_alternate_keys_are_unique_columns(
    truth: CompanyTruth, con: duckdb.DuckDBPyConnection
) -> None:
    # Dates, names, salaries, budgets and codes all repeat somewhere, by chance or on purpose.
    for table in TABLES:
        unique = {c for c in COLUMNS[table] if is_unique(con, table, [c])}
        key = truth.keys[table]
        expected = set(ALTERNATE_KEYS.get(table, ())) | (set(key) if len(key) == 1 else set())
        assert unique == expected, table


@pytest.mark.parametrize("table", ["assignments", "timesheets"])
def test_no_combination_without_the_whole_key_is_unique(
    truth: CompanyTruth, con: duckdb.DuckDBPyConnection, table: str
) -> None:
    # E.g. (emp, week_start) is not unique: someone logs two projects in the same week.
    key = set(truth.keys[table])
    for size in range(1, len(COLUMNS[table])):
        for columns in combinations(COLUMNS[table], size):
            if not key <= set(columns):
                assert not is_unique(con, table, columns), columns


def test_foreign_key_integrity_is_what_the_files_hold(
    truth: CompanyTruth, con: duckdb.DuckDBPyConnection
) -> None:
    for fk in truth.foreign_keys:
        child = distinct(fk.child_table, fk.child_columns)
        parent = distinct(fk.parent_table, fk.parent_columns)
        found = one(con, f"SELECT count(*) FROM ({child})")
        matched = one(con, f"SELECT count(*) FROM ({child} INTERSECT {parent})")
        assert matched / found == pytest.approx(fk.integrity), fk
        if fk.child_table == "badge_swipes":
            assert 0.80 <= fk.integrity <= 0.90
        else:
            assert fk.integrity == 1.0, fk


def test_foreign_keys_point_at_unique_columns_with_the_stated_cardinality(
    truth: CompanyTruth, con: duckdb.DuckDBPyConnection
) -> None:
    assert len(truth.foreign_keys) == 10
    for fk in truth.foreign_keys:
        assert set(fk.child_columns) <= set(COLUMNS[fk.child_table]), fk
        assert is_unique(con, fk.parent_table, fk.parent_columns), fk
        child = distinct(fk.child_table, fk.child_columns)
        rows = f'SELECT count(*) FROM "{fk.child_table}"'
        one_to_one = one(con, f"SELECT count(*) FROM ({child})") == one(con, rows)
        assert fk.cardinality == ("1:1" if one_to_one else "n:1"), fk


def test_the_bridge_key_is_exactly_its_two_foreign_keys(
    truth: CompanyTruth, con: duckdb.DuckDBPyConnection
) -> None:
    assert truth.bridges == {"assignments": ("employees", "projects")}
    for bridge, parents in truth.bridges.items():
        links = [fk for fk in truth.foreign_keys if fk.child_table == bridge]
        assert tuple(fk.parent_table for fk in links) == parents
        assert tuple(c for fk in links for c in fk.child_columns) == truth.keys[bridge]
        # No other id column: what is left is text.
        for other in set(COLUMNS[bridge]) - set(truth.keys[bridge]):
            sql = f'SELECT count(TRY_CAST("{other}" AS BIGINT)) FROM "{bridge}"'
            assert one(con, sql) == 0, other
    per_employee = column(con, "SELECT count(*) FROM assignments GROUP BY employee_id")
    assert len(per_employee) == EMPLOYEE_COUNT
    assert min(per_employee) == 1
    assert max(per_employee) == 4


def test_reports_to_is_a_hierarchy_without_cycles(con: duckdb.DuckDBPyConnection) -> None:
    pairs = con.execute("SELECT emp_no, reports_to FROM employees").fetchall()
    manager_of: dict[str, str | None] = dict(pairs)
    assert sum(m is None for m in manager_of.values()) == TOP_MANAGERS
    for emp_no in manager_of:
        seen = {emp_no}
        manager = manager_of[emp_no]
        while manager is not None:
            assert manager not in seen, f"cycle through {emp_no}"
            seen.add(manager)
            manager = manager_of[manager]


def test_employee_private_is_a_partial_one_to_one_split(con: duckdb.DuckDBPyConnection) -> None:
    ssn = column(con, "SELECT ssn_last4 FROM employee_private")
    assert all(len(code) == 4 and code.isdigit() for code in ssn)
    assert any(code.startswith("0") for code in ssn)
    assert len(set(ssn)) < len(ssn)
    missing = one(
        con, "SELECT count(*) FROM employees ANTI JOIN employee_private ON emp_no = employee_number"
    )
    assert missing == EMPLOYEE_COUNT - PRIVATE_RECORDS


def test_timesheets_start_on_mondays(con: duckdb.DuckDBPyConnection) -> None:
    days = column(con, "SELECT DISTINCT isodow(CAST(week_start AS DATE)) FROM timesheets")
    assert days == [1]


def test_badge_orphans_are_contractor_badges(con: duckdb.DuckDBPyConnection) -> None:
    orphans = column(
        con,
        "SELECT DISTINCT CAST(badge_holder AS INTEGER) FROM badge_swipes"
        " ANTI JOIN employees ON badge_holder = emp_no",
    )
    assert 0 < len(orphans) <= ACTIVE_CONTRACTORS
    assert all(badge in CONTRACTOR_BADGES for badge in orphans)
    ids = column(con, "SELECT CAST(swipe_id AS INTEGER) FROM badge_swipes")
    assert sorted(ids) == list(range(1, SWIPE_COUNT + 1))
    times = column(con, "SELECT swiped_at FROM badge_swipes ORDER BY CAST(swipe_id AS INTEGER)")
    assert times == sorted(times)


def test_false_friends_overlap_but_are_not_in_the_truth(
    truth: CompanyTruth, con: duckdb.DuckDBPyConnection
) -> None:
    # Each is a perfect inclusion into a unique column, yet not a foreign key.
    traps = [
        ("offices", "headcount", "projects", "project_id"),
        ("departments", "floor", "projects", "project_id"),
        ("projects", "project_id", "badge_swipes", "swipe_id"),
        ("employees", "emp_no", "badge_swipes", "swipe_id"),
    ]
    linked = {
        (fk.child_table, c, fk.parent_table, p)
        for fk in truth.foreign_keys
        for c, p in zip(fk.child_columns, fk.parent_columns, strict=True)
    }
    for child_table, child_column, parent_table, parent_column in traps:
        outside = (
            f'SELECT count(*) FROM "{child_table}" WHERE "{child_column}"'
            f' NOT IN (SELECT "{parent_column}" FROM "{parent_table}")'
        )
        assert one(con, outside) == 0, child_column
        assert (child_table, child_column, parent_table, parent_column) not in linked
    # The shared country code list: one set of values, unique on neither side.
    home = set(column(con, "SELECT DISTINCT home_country FROM employee_private"))
    office = set(column(con, "SELECT DISTINCT country FROM offices"))
    assert office <= home
    assert not is_unique(con, "offices", ["country"])
    assert not is_unique(con, "employee_private", ["home_country"])
    assert all("offices" not in (fk.child_table, fk.parent_table) for fk in truth.foreign_keys)
