"""How DuckDB stored a table: what the storage tests read."""

from __future__ import annotations

import duckdb


def text_compressions(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, set[str]]:
    """The compressions of each VARCHAR column's segments in ``table`` (a quoted relation or
    a plain name), as DuckDB reports them after writing ("Uncompressed", "DICT_FSST", ...)."""
    rows = con.execute(
        "SELECT column_name, compression FROM pragma_storage_info(?) WHERE segment_type = 'VARCHAR'", [table]
    ).fetchall()
    out: dict[str, set[str]] = {}
    for column, compression in rows:
        out.setdefault(column, set()).add(compression)
    return out
